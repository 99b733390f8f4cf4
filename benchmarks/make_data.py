"""Write a large targets.yaml and actuals.yaml for benchmarks.

    python benchmarks/make_data.py N OUTDIR
    python benchmarks/make_data.py N OUTDIR --monthly [MONTHS]   # N monthly series (72 months)
    python benchmarks/make_data.py N OUTDIR --communes [INDICATORS]  # a province of N communes (20), actuals.csv

N indicators of mixed kinds (levels both ways, growth and average targets with ranges,
thresholds, progress, and groups of three sub-indicators), with values for 2020–2025: actual
2020–2022, estimate 2023, plan 2024–2025. Block YAML, the cheapest layout to parse. The numbers
come from a seeded generator, so the same N always gives the same files.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

KINDS = ["level", "level_down", "growth", "average", "threshold", "progress", "group"]


def generate(count: int, seed: int = 2023) -> tuple[str, str]:
    rng = random.Random(seed)
    indicators = ["schema_version: 1", "indicators:"]
    targets = []
    series = ["schema_version: 1", "series:"]
    number = 0
    made = 0
    while made < count:
        number += 1
        kind = KINDS[number % len(KINDS)]
        ident = f"ind-{number:06d}"
        indicators += [f"- id: {ident}", f"  name: Chỉ tiêu số {number} về phát triển kinh tế - xã hội", "  unit: '%'"]
        made += 1
        if kind == "group":
            targets += [f"  - indicator: {ident}", f"    number: '{number}'", "    kind: group"]
            for sub in range(1, 4):
                if made >= count:
                    break
                child = f"{ident}-{sub}"
                indicators += [f"- id: {child}", f"  name: Chỉ tiêu thành phần {number}.{sub}", "  unit: '%'", f"  parent: {ident}"]
                targets += _target(child, f"{number}.{sub}", "level", rng)
                series += _series(child, "level", rng)
                made += 1
            continue
        targets += _target(ident, str(number), kind, rng)
        series += _series(ident, kind, rng)
    plan = [
        "plans:",
        "- id: term",
        "  name: Kế hoạch nhiệm kỳ 2020–2025 (dữ liệu thử)",
        "  base_year: 2020",
        "  target_year: 2025",
        "  targets:",
    ]
    return "\n".join(indicators + plan + targets) + "\n", "\n".join(series) + "\n"


def _target(ident: str, number: str, kind: str, rng: random.Random) -> list[str]:
    lines = [f"  - indicator: {ident}", f"    number: '{number}'"]
    if kind == "level_down":
        return lines + ["    kind: level", "    direction: at_most", f"    value: {rng.uniform(5, 20):.2f}"]
    if kind == "average":
        low = rng.uniform(1, 3)
        return lines + ["    kind: average", f"    range: [{low:.2f}, {low + 1:.2f}]"]
    if kind == "threshold":
        return lines + ["    kind: threshold", "    strict: false", f"    value: {rng.uniform(60, 80):.2f}"]
    if kind == "growth":
        return lines + ["    kind: growth", f"    value: {rng.uniform(5, 9):.2f}"]
    if kind == "progress":
        return lines + ["    kind: progress", f"    value: {rng.uniform(1200, 1500):.0f}"]
    return lines + ["    kind: level", f"    value: {rng.uniform(100, 140):.2f}"]


def _series(ident: str, kind: str, rng: random.Random) -> list[str]:
    if kind in ("growth", "average"):
        values = [rng.uniform(-1, 10) for _ in range(6)]
    elif kind == "threshold":
        values = [rng.uniform(70, 95) for _ in range(6)]
    elif kind == "level_down":
        values = [rng.uniform(15, 30) for _ in range(6)]
    else:
        start = rng.uniform(60, 100) if kind != "progress" else rng.uniform(900, 1000)
        values = [start * (1 + rng.uniform(0, 0.08)) ** year for year in range(6)]
    statuses = {"actual": (2020, 2021, 2022), "estimate": (2023,), "plan": (2024, 2025)}
    lines = [f"  {ident}:"]
    for status, years in statuses.items():
        lines.append(f"    {status}:")
        lines += [f"      {year}: {values[year - 2020]:.2f}" for year in years]
    return lines


#: the monthly data's indicators in turn: (unit, kind, within_year): flows, levels and rates
MONTHLY_KINDS = (("Tỷ đồng", "level", "flow"), ("%", "level", "level"), ("%", "growth", "rate"))


def generate_monthly(count: int, months: int = 72, seed: int = 2024) -> tuple[str, str]:
    """``count`` monthly series over ``months`` months from January 2020 (72: 2020–2025), and an
    annual plan for the last year, answered as of its latest month: a flow's months, a level's
    month-ends, a rate's lũy kế (ytd) each month, every whole year before the last (a flow's the sum of its months)."""
    rng = random.Random(seed)
    last = 2020 + (months - 1) // 12
    indicators = ["schema_version: 1", "indicators:"]
    targets = []
    series = ["schema_version: 1", "series:"]
    for number in range(1, count + 1):
        unit, kind, meaning = MONTHLY_KINDS[number % len(MONTHLY_KINDS)]
        ident = f"ind-{number:06d}"
        indicators += [f"- id: {ident}", f"  name: Chỉ tiêu tháng số {number}", f"  unit: '{unit}'"]
        value = rng.uniform(800, 1200) if meaning == "flow" else rng.uniform(5, 9) if meaning == "rate" else rng.uniform(60, 90)
        target = value * 13 if meaning == "flow" else value * 1.05
        targets += [f"  - indicator: {ident}", f"    number: '{number}'", f"    kind: {kind}", f"    value: {target:.2f}"]
        monthly, yearly, so_far = [], [], 0.0
        for m in range(months):
            year, month = 2020 + m // 12, m % 12 + 1
            step = value * (1 + rng.uniform(-0.05, 0.08)) if meaning == "flow" else value + rng.uniform(-0.3, 0.3)
            monthly.append(f"      {year}-{month:02d}: {step:.2f}")
            so_far = (0.0 if month == 1 else so_far) + round(step, 2)  # a flow's year is the sum of its months
            if month == 12 and year < last:
                yearly.append(f"      {year}: {so_far if meaning == 'flow' else step:.2f}")
        series += [f"  {ident}:", "    actual:"] + yearly
        if meaning == "rate":
            series += ["    ytd:", "      actual:"] + ["  " + line for line in monthly]
        else:
            series += ["    estimate:"] + monthly
    plan = ["plans:", "- id: year", f"  name: Kế hoạch năm {last} (dữ liệu thử)", f"  base_year: {last - 1}", f"  target_year: {last}", "  targets:"]
    term = ["- id: term", f"  name: Nhiệm kỳ 2020–{last} (dữ liệu thử)", "  base_year: 2020", f"  target_year: {last}", "  targets:"]
    return "\n".join(indicators + plan + targets + term + targets) + "\n", "\n".join(series) + "\n"


def generate_communes(communes: int, count: int = 20, seed: int = 2025) -> tuple[str, str, str]:
    """A province of ``communes`` communes with ``count`` indicators, every value 2020–2025 of
    every commune in actuals.csv (README "Territory"), all of the province's (``parts:``): population and GRDP summed, GRDP growth
    chain-linked from the levels, GRDP per head a ratio, shares weighted by population, the rest
    summed. The province's plan rates every indicator; actuals.yaml is empty."""
    rng = random.Random(seed)
    rules = ["sum", "sum", "{growth_of: ind-02}", "{ratio: [ind-02, ind-01], scale: 1000}"]
    rules += ["{mean_weighted_by: ind-01}"] * 6 + ["sum"] * (count - 10)
    targets = ["schema_version: 1", "areas:", f"- {{id: tinh, name: Tỉnh (dữ liệu thử), parts: {communes}}}"]
    targets += [f"- {{id: xa-{c:04d}, name: Xã {c}, parent: tinh}}" for c in range(1, communes + 1)]
    targets.append("indicators:")
    rows = []
    for i in range(1, count + 1):
        unit = "%" if "mean" in rules[i - 1] or "growth" in rules[i - 1] else "Tỷ đồng"
        targets += [f"- id: ind-{i:02d}", f"  name: Chỉ tiêu cấp xã số {i}", f"  unit: '{unit}'", f"  aggregate: {rules[i - 1]}"]
        kind = "growth" if "growth" in rules[i - 1] else "level"
        rows.append(f"  - {{indicator: ind-{i:02d}, number: '{i}', kind: {kind}, value: {7 if kind == 'growth' else 1}}}")
    targets += ["plans:", "- id: term", "  name: Nhiệm kỳ 2020–2025 (dữ liệu thử)", "  base_year: 2020", "  target_year: 2025", "  targets:"] + rows
    lines = ["indicator,area,period,value,status,note"]
    for c in range(1, communes + 1):
        area = f"xa-{c:04d}"
        level = rng.uniform(500, 5000)
        for i in range(1, count + 1):
            ident = f"ind-{i:02d}"
            for year in range(2020, 2026):
                status = "actual" if year < 2024 else "estimate"
                if i == 2:
                    value = level * (1.07 ** (year - 2020))
                elif i == 3:
                    value = 7.0 if year > 2020 else 6.5
                elif i in (1, 4):
                    value = rng.uniform(10000, 40000) if i == 1 else rng.uniform(50, 120)
                else:
                    value = rng.uniform(10, 90)
                lines.append(f"{ident},{area},{year},{value:.2f},{status},")
    return "\n".join(targets) + "\n", "schema_version: 1\n", "\n".join(lines) + "\n"


def main() -> int:
    if len(sys.argv) > 3 and sys.argv[3] == "--communes":
        count, out = int(sys.argv[1]), Path(sys.argv[2])
        out.mkdir(parents=True, exist_ok=True)
        texts = generate_communes(count, int(sys.argv[4]) if len(sys.argv) > 4 else 20)
        for name, text in zip(("targets.yaml", "actuals.yaml", "actuals.csv"), texts):
            (out / name).write_text(text, encoding="utf-8")
        return 0
    if len(sys.argv) < 3 or (len(sys.argv) > 3 and sys.argv[3] != "--monthly"):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) > 3:
        targets, actuals = generate_monthly(count, int(sys.argv[4]) if len(sys.argv) > 4 else 72)
    else:
        targets, actuals = generate(count)
    (out / "targets.yaml").write_text(targets, encoding="utf-8")
    (out / "actuals.yaml").write_text(actuals, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
