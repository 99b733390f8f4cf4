"""The loader's warnings of actuals.yaml's values — a value of a period not ended by today, a flow's
months or quarters above its year (files/share_sums.py) — are said of actuals.csv's values and of
an area's values under `areas:` too, with the same messages, each naming the file, the line, the
indicator and the field (the column, in actuals.csv). Today is the day of the check, as in
tests/files/test_future_periods.py: the periods here are made from it."""

import shutil
from datetime import date

import pytest

from soctrang_kpi.files import load

from ..conftest import ROOT

EXAMPLE = ROOT / "docs" / "example-territory"  # budget-revenue (Tỷ đồng: a flow), territory 2025: 30100
HEADER = "indicator,area,period,value,status,note\n"
TODAY = date.today()
Y, M = TODAY.year, TODAY.month
NEXT_MONTH = f"{Y + 1}-01" if M == 12 else f"{Y}-{M + 1:02d}"
AHEAD = f"has not ended by today ({TODAY.isoformat()}), yet its value is recorded as actual: check the period (a typo for another year or month?)"


@pytest.fixture
def example(tmp_path, monkeypatch):
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(EXAMPLE / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)  # the files named as run in the folder: "actuals.csv:2"
    return tmp_path


def _said(folder, lang="en") -> list[str]:
    _data, warnings = load.read(folder)
    return [w.render(lang) for w in warnings]


def test_a_csv_value_of_a_period_not_ended_is_warned_about_at_its_row(example):
    (example / "actuals.csv").write_text(
        HEADER + f"budget-revenue,xa-vi-thuy,{Y + 1},99,actual,\nbudget-revenue,,{NEXT_MONTH},500,actual,\n"
        f"budget-revenue,,{Y - 1}-06,100,actual,\nbudget-revenue,xa-vi-thuy,{Y + 1},99,plan,\n".replace(f"{Y + 1},99,plan", f"{Y + 2},99,plan"),
        encoding="utf-8",
    )
    said = [s for s in _said(example) if "by today" in s]
    assert said == [
        f"actuals.csv:2: warning: budget-revenue period: {Y + 1} {AHEAD}",
        f"actuals.csv:3: warning: budget-revenue period: {NEXT_MONTH} {AHEAD}",
    ]
    vi = [s for s in _said(example, "vi") if "hôm nay" in s]
    assert vi[0] == (
        f"actuals.csv:2: cảnh báo: budget-revenue period: {Y + 1} chưa kết thúc (hôm nay là {TODAY.isoformat()}) mà đã có số"
        " thực hiện: hãy kiểm tra lại kỳ (gõ nhầm năm hoặc tháng?)"
    )


def test_csv_quarters_above_the_year_of_actuals_yaml_are_warned_about(example):
    quarters = "".join(f"budget-revenue,,2025-Q{q},10000,actual,\n" for q in range(1, 5))
    (example / "actuals.csv").write_text(HEADER + "population,,2025,3240000,estimate,\n" + quarters + "budget-revenue,,2025-06,40000,actual,\n", encoding="utf-8")
    said = [s for s in _said(example) if "the year" in s or "more than the whole year" in s]
    assert said == [
        "actuals.csv:3: warning: budget-revenue value: the year is 30,100, but its four quarters add up to 40,000, more than the year",
        "actuals.csv:7: warning: budget-revenue value: 2025-06 alone is 40,000, more than the whole year 2025's 30,100: check both values",
    ]


def test_a_csv_year_above_its_csv_months_is_said_at_the_years_row(example):
    (example / "actuals.csv").write_text(
        HEADER + "".join(f"grdp,,2021-{m:02d},10,actual,\n" for m in range(1, 13)) + "grdp,,2021,100,actual,\n", encoding="utf-8"
    )
    said = [s for s in _said(example) if "months add up" in s]
    assert said == ["actuals.csv:14: warning: grdp value: the year is 100, but its 12 months add up to 120, more than the year"]


def test_an_areas_value_of_a_year_not_ended_is_warned_about(example):
    text = (example / "actuals.yaml").read_text(encoding="utf-8")
    old = "    budget-revenue: {estimate: {2025: 95, 2026: 92}}"
    assert old in text
    lines = text.splitlines()
    (example / "actuals.yaml").write_text(text.replace(old, f"    budget-revenue: {{estimate: {{2025: 95}}, actual: {{{Y + 1}: 92}}}}"), encoding="utf-8")
    line = next(n for n, one in enumerate(lines, start=1) if one == old)
    column = len(f"    budget-revenue: {{estimate: {{2025: 95}}, actual: {{{Y + 1}: ") + 1
    said = [s for s in _said(example) if "by today" in s]
    assert said == [f"actuals.yaml:{line}:{column}: warning: budget-revenue {Y + 1}: {Y + 1} {AHEAD}"]


def test_values_of_actuals_yaml_alone_are_not_said_twice(example):
    text = (example / "actuals.yaml").read_text(encoding="utf-8")
    (example / "actuals.yaml").write_text(text.replace("estimate: {2025: 30100, 2026: 33200}", f"estimate: {{2025: 30100, 2026: 33200}}\n    actual: {{{NEXT_MONTH}: 5}}"), encoding="utf-8")
    (example / "actuals.csv").write_text(HEADER + f"population,,{Y - 1},3240000,estimate,\n", encoding="utf-8")
    _data, warnings = load.read(example)
    assert [w.file for w in warnings if w.message.key == "actuals.future_observed"] == ["actuals.yaml"]
