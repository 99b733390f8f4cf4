"""Reference: what an analyst would write instead of `kpi status --json` — pandas over the same
YAML (PyYAML's C loader): each target's base and latest values, average growth (the geometric
mean of the chain indices) and the latest value as a % of a level target, written as JSON. It
checks nothing and knows only levels and growth targets; it is the spreadsheet kpi replaces, not
a floor kpi must approach (README "Performance").

    python floors/pandas_status.py DATA_DIR        # needs pandas
"""

import sys
from pathlib import Path

import pandas as pd
import yaml

folder = Path(sys.argv[1])
targets = yaml.load((folder / "targets.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
actuals = yaml.load((folder / "actuals.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
rows = [
    (ident, status, int(year), float(value))
    for ident, by_status in (actuals.get("series") or {}).items()
    for status, values in by_status.items()
    for year, value in values.items()
]
values = pd.DataFrame(rows, columns=["indicator", "status", "year", "value"]).sort_values(["indicator", "year"])
plan = targets["plans"][0]
plan_targets = pd.DataFrame(plan["targets"]).set_index("indicator")
known = values[values["year"] <= 2023]
first = known.groupby("indicator")["value"].first()
last = known.groupby("indicator")["value"].last()
years = known.groupby("indicator")["year"].agg(lambda y: y.max() - y.min())
growth = ((last / first) ** (1 / years.where(years > 0)) - 1) * 100
table = pd.DataFrame({"base": first, "latest": last, "average_growth": growth}).join(plan_targets[["kind", "value"]], how="left")
table["percent_of_target"] = (table["latest"] / table["value"] * 100).where(table["kind"] == "level")
sys.stdout.write(table.reset_index().to_json(orient="records", force_ascii=False))
