"""Periods in the data: months, quarters and lũy kế in actuals.yaml, checked and recorded."""

import json
from datetime import date
from pathlib import Path

import pytest

from soctrang_kpi.core.model import Period, PeriodPoint, PointStatus
from soctrang_kpi.errors import DataError
from soctrang_kpi.files import load

from ..conftest import kpi, kpi_en

TARGETS = """\
schema_version: 1
indicators:
  - {id: exports, name: Kim ngạch xuất khẩu, unit: Triệu USD}
  - {id: grdp-growth, name: Tốc độ tăng trưởng GRDP, unit: "%"}
plans:
  - id: plan-2024
    name: Kế hoạch năm 2024
    base_year: 2023
    target_year: 2024
    targets:
      - {indicator: exports, number: "1", kind: level, value: 750}
      - {indicator: grdp-growth, number: "2", kind: growth, range: [7.5, 8]}
"""

ACTUALS = """\
schema_version: 1
series:
  exports:
    actual: {2023: 900, 2023-Q1: 200, 2023-Q2: 248.8}   # quarters of last year
    estimate: {2024-06: 95}
    ytd:                                                # lũy kế: January to the month
      estimate: {2024-06: 525}
      notes: {2024-06: "Báo cáo 6 tháng"}
    notes: {2024-06: "tháng 6"}
  grdp-growth:
    preliminary: {2024-Q1: -1.2, 2024-Q2: -0.5}
"""


def folder_with(tmp_path: Path, actuals: str = ACTUALS, targets: str = TARGETS) -> Path:
    (tmp_path / "targets.yaml").write_text(targets, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(actuals, encoding="utf-8")
    return tmp_path


def test_months_quarters_and_ytd_are_read_with_status_and_note():
    dataset, warnings = load.load_texts(TARGETS, ACTUALS)
    assert warnings == []
    assert dataset.periods["exports"] == (
        PeriodPoint(Period(2023, 1, 3), 200.0),
        PeriodPoint(Period(2023, 4, 6), 248.8),
        PeriodPoint(Period(2024, 6, 6), 95.0, PointStatus.ESTIMATE, "tháng 6"),
        PeriodPoint(Period(2024, 1, 6, True), 525.0, PointStatus.ESTIMATE, "Báo cáo 6 tháng"),
    )
    assert [p.period.key for p in dataset.periods["grdp-growth"]] == ["2024-Q1", "2024-Q2"]
    assert dataset.periods["grdp-growth"][0].status is PointStatus.PRELIMINARY
    # the yearly series is what it was: periods never enter it
    assert [(p.year, p.value) for p in dataset.series["exports"]] == [(2023, 900.0)]


def test_yearly_data_has_no_periods(dataset):
    assert dataset.periods == {}


@pytest.mark.parametrize(
    "line, expected",
    [
        ("    actual: {2024-6: 1}", 'actuals.yaml:4:22: exports 2024-6: expected a period such as 2026-06 (a month) or 2026-Q2 (a quarter), found "2024-6"'),
        ("    actual: {2024-13: 1}", 'actuals.yaml:4:23: exports 2024-13: expected a period such as 2026-06 (a month) or 2026-Q2 (a quarter), found "2024-13"'),
        ("    actual: {2024-Q5: 1}", 'actuals.yaml:4:23: exports 2024-Q5: expected a period such as 2026-06 (a month) or 2026-Q2 (a quarter), found "2024-Q5"'),
        ("    actual: {2024-06: '5,5'}", "actuals.yaml:4:23: exports 2024-06: expected a number, found \"5,5\" (use 5.5)"),
        ("    plan: {2024-06: 1}", "actuals.yaml:4:21: exports 2024-06: a month or a quarter has an observed value (actual, preliminary or estimate), not a plan"),
        ("    ytd: {actual: {2024-Q2: 1}}", "actuals.yaml:4:29: exports ytd.2024-Q2: a lũy kế (ytd) runs from January to a month: expected a month such as 2026-06, found \"2024-Q2\" (the lũy kế to the quarter's end is written 2024-06)"),
        ("    ytd: {actual: {2024-13: 1}}", "actuals.yaml:4:29: exports ytd.2024-13: a lũy kế (ytd) runs from January to a month: expected a month such as 2026-06, found \"2024-13\""),
        ("    ytd: {actual: {2024: 1}}", "actuals.yaml:4:26: exports ytd.2024: a lũy kế (ytd) runs from January to a month: expected a month such as 2026-06, found 2024"),
        ("    ytd: {plan: {2024-06: 1}}", "actuals.yaml:4:17: exports plan: unknown field 'plan' (expected one of actual, preliminary, estimate, notes, sources, recorded, history)"),
        ("    actual: {2024-06: 1}\n    estimate: {2024-06: 2}", "actuals.yaml:5:25: exports 2024-06: the period also has a value as actual"),
        ("    actual: {2024-06: 1}\n    notes: {2024-05: x}", "actuals.yaml:5:22: exports notes.2024-05: a note for 2024-05, which has no value"),
    ],
)
def test_a_bad_period_is_reported_at_its_line(line, expected):
    actuals = f"schema_version: 1\nseries:\n  exports:\n{line}\n"
    with pytest.raises(DataError) as err:
        load.load_texts(TARGETS, actuals)
    shown = [str(p) for p in err.value.problems]
    assert any(s.startswith(expected) for s in shown), shown


def test_the_same_problem_in_vietnamese(tmp_path):
    folder = folder_with(tmp_path, "schema_version: 1\nseries:\n  exports:\n    actual: {2024-6: 1}\n")
    result = kpi("validate", "--data-dir", str(folder))
    assert result.exit_code == 1
    assert "actuals.yaml:4:22: exports 2024-6: cần một kỳ như 2026-06 (tháng) hoặc 2026-Q2 (quý), gặp \"2024-6\"" in result.stderr


def test_record_a_month_a_quarter_and_a_ytd_as_text_edits(tmp_path):
    folder = folder_with(tmp_path)
    before = (folder / "actuals.yaml").read_text(encoding="utf-8")
    day = ("--date", "2024-07-01")
    assert kpi("record", "exports", "2024-05", "88", "--status", "estimate", *day, "--data-dir", str(folder)).exit_code == 0
    assert kpi("record", "exports", "2023-Q3", "250", *day, "--data-dir", str(folder)).exit_code == 0
    result = kpi("record", "exports", "2023-06", "448.8", "--ytd", *day, "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip().endswith("exports lũy kế đến 2023-06: - → 448,8 (thực hiện)")
    after = (folder / "actuals.yaml").read_text(encoding="utf-8")
    assert after == before.replace(
        "{2023: 900, 2023-Q1: 200, 2023-Q2: 248.8}", "{2023: 900, 2023-Q1: 200, 2023-Q2: 248.8, 2023-Q3: 250}"
    ).replace("estimate: {2024-06: 95}", "estimate: {2024-05: 88, 2024-06: 95}").replace(
        "      estimate: {2024-06: 525}\n", "      actual: {2023-06: 448.8}\n      estimate: {2024-06: 525}\n"
    ).replace(  # each value's day, beside it (README "History of a value"): the lũy kế's in its ytd
        '      notes: {2024-06: "Báo cáo 6 tháng"}\n', '      notes: {2024-06: "Báo cáo 6 tháng"}\n      recorded: {2023-06: 2024-07-01}\n'
    ).replace('    notes: {2024-06: "tháng 6"}\n', '    notes: {2024-06: "tháng 6"}\n    recorded: {2023-Q3: 2024-07-01, 2024-05: 2024-07-01}\n')


def test_record_a_ytd_into_an_entry_without_one(tmp_path):
    folder = folder_with(tmp_path)
    result = kpi("record", "grdp-growth", "2024-06", "6.12", "--ytd", "--status", "estimate", "--date", "2024-07-01", "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    text = (folder / "actuals.yaml").read_text(encoding="utf-8")
    assert text.endswith("  grdp-growth:\n    preliminary: {2024-Q1: -1.2, 2024-Q2: -0.5}\n    ytd: {estimate: {2024-06: 6.12}, recorded: {2024-06: 2024-07-01}}\n")
    dataset, _ = load.read(folder)
    assert dataset.periods["grdp-growth"][-1] == PeriodPoint(Period(2024, 1, 6, True), 6.12, PointStatus.ESTIMATE, recorded=date(2024, 7, 1))


def test_an_existing_ytd_is_replaced_only_with_force(tmp_path):
    folder = folder_with(tmp_path)
    before = (folder / "actuals.yaml").read_bytes()
    result = kpi_en("record", "exports", "2024-06", "530", "--ytd", "--status", "actual", "--data-dir", str(folder))
    assert result.exit_code == 2
    assert "exports year to date to 2024-06 already has 525 (estimate); rerun with --force" in result.stderr
    assert (folder / "actuals.yaml").read_bytes() == before
    result = kpi("record", "exports", "2024-06", "530", "--ytd", "--force", "--status", "actual", "--data-dir", str(folder), "--json")
    data = json.loads(result.stdout)
    assert (data["year"], data["period"], data["ytd"]) == (2024, "2024-06", True)
    assert data["old"] == {"year": 2024, "value": 525, "status": "estimate", "note": "Báo cáo 6 tháng"}
    text = (folder / "actuals.yaml").read_text(encoding="utf-8")
    assert "    ytd:                                                # lũy kế: January to the month\n      actual: {2024-06: 530}\n      notes:" in text


@pytest.mark.parametrize(
    "when, ytd, expected",
    [
        ("2024-6", False, "expected a year (2026), a month (2026-06) or a quarter (2026-Q2), found '2024-6'"),
        ("abc", False, "expected a year (2026), a month (2026-06) or a quarter (2026-Q2), found 'abc'"),
        ("2024-Q2", True, "--ytd records a lũy kế from January to a month: write the month (2026-06), found '2024-Q2'"),
        ("2024", True, "--ytd records a lũy kế from January to a month: write the month (2026-06), found '2024'"),
    ],
)
def test_record_refuses_what_is_no_period(tmp_path, when, ytd, expected):
    folder = folder_with(tmp_path)
    result = kpi_en("record", "exports", when, "1", *(["--ytd"] if ytd else []), "--data-dir", str(folder))
    assert result.exit_code == 2
    assert expected in result.stderr


def test_a_period_outside_every_plan_is_refused_by_its_year(tmp_path):
    folder = folder_with(tmp_path)
    result = kpi_en("record", "exports", "2031-06", "1", "--data-dir", str(folder))
    assert result.exit_code == 2 and "2031" in result.stderr


def test_the_monthly_benchmark_data_is_valid_and_answered_by_the_monthly_report():
    """benchmarks/make_data.py --monthly: what the benchmark measures is a real monthly report."""
    import sys

    from soctrang_kpi.core.periods import latest_period, plan_report

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "benchmarks"))
    try:
        from make_data import generate_monthly
    finally:
        sys.path.pop(0)
    targets, actuals = generate_monthly(6, 30)  # 6 series, January 2020 to June 2022
    dataset, warnings = load.load_texts(targets, actuals)
    assert warnings == []
    plan = dataset.plans["year"]
    assert latest_period(dataset, plan) == Period(2022, 6, 6)
    report = plan_report(dataset, plan, Period(2022, 6, 6))
    assert {f.meaning.value for f in report.values()} == {"flow", "level", "rate"}
    assert all(f.to_date is not None and f.plan_pct is not None for f in report.values())
