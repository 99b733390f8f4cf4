"""`kpi summary` and `kpi audit` by period: an annual plan within its year counts its within-year
verdicts and says the period; the audit compares what monthly reports published (% KH năm, so
cùng kỳ, ước cả năm, under ``published: PLAN: months:``) with the figures as of each report's own
month, and says what it checks (README "Within the year")."""

import json
from pathlib import Path

import pytest

from soctrang_kpi.core.audit import month_audit, month_records, with_months
from soctrang_kpi.core.model import Period
from soctrang_kpi.files import load

from ..conftest import kpi, kpi_en
from .test_cli import _conforms, _schema
from .test_month_report import example  # noqa: F401  (the fixture: a copy of docs/example-periods)


def _edit(folder: Path, old: str, new: str) -> None:
    path = folder / "actuals.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_summary_counts_the_within_year_verdicts_and_says_the_period(example):
    result = kpi("summary", "--data-dir", str(example), "--as-of", "2024-06")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith("— tháng 6/2024")
    assert "6 chỉ tiêu: 3 đúng tiến độ, 2 chậm tiến độ, 1 chưa có số liệu; 50,00% thời gian" in result.stdout
    assert "Đạt kế hoạch năm" not in result.stdout  # before December nothing is the year's
    assert "Chỉ tiêu chậm tiến độ" in result.stdout
    behind = [line.split()[0] for line in lines if "Chậm tiến độ" in line and line[:1].isdigit()]
    assert behind == ["3", "5"]


def test_summary_without_as_of_is_the_latest_month_and_json_carries_the_period(example):
    data = json.loads(kpi("summary", "--data-dir", str(example), "--json").stdout)
    _conforms(data, _schema("summary (monthly report)"))
    assert data["report"] == "month" and data["period"]["key"] == "2024-06"
    assert data["summary"] == {"total": 6, "on_course": 3, "behind": 2, "no_data": 1}
    assert [b["id"] for b in data["behind"]] == ["grdp-growth", "health-insurance"]
    assert data["text"].startswith("6 chỉ tiêu: 3 đúng tiến độ")


def test_summary_of_a_quarter_and_of_the_year(example):
    quarter = json.loads(kpi("summary", "--data-dir", str(example), "--as-of", "2024-Q1", "--json").stdout)
    assert quarter["period"]["key"] == "2024-Q1" and quarter["period"]["quarter"] is True
    assert quarter["summary"]["total"] == 6
    # a year asked for: the yearly summary, as before
    yearly = json.loads(kpi("summary", "--data-dir", str(example), "--as-of", "2024", "--json").stdout)
    assert "report" not in yearly and yearly["as_of"] == 2024


def test_summary_in_english(example):
    result = kpi_en("summary", "--data-dir", str(example), "--as-of", "2024-06")
    assert "6 indicators: 3 on course, 2 behind, 1 no data" in result.stdout
    assert "Behind the year's plan" in result.stdout


def test_audit_compares_the_monthly_reports_published_percentages(example):
    result = kpi("audit", "--data-dir", str(example))
    assert result.exit_code == 0, result.stderr
    assert "đối chiếu 2 bản ghi số liệu công bố của báo cáo tháng (từng tháng)" in " ".join(result.stdout.split())
    # Gia Lai's 70 % and 16,98 % are what kpi computes: no finding; the budget's 4,5 % is not 4,17 %
    rows = [line for line in result.stdout.splitlines() if line.startswith(("1 ", "4 "))]
    assert rows == [next(line for line in rows if line.startswith("4 "))]
    assert rows[0].split() == ["4", "So", "cùng", "kỳ", "2024-06", "báo", "cáo", "tháng", "4,50", "4,17"]
    data = json.loads(kpi("audit", "--data-dir", str(example), "--json").stdout)
    _conforms(data, _schema("audit"))
    assert data["months_checked"] == 2 and data["period"]["key"] == "2024-06"
    assert [(f["id"], f["field"], f["source"], f["published"], f["computed"]) for f in data["findings"]] == [
        ("budget-revenue", "change_pct 2024-06", "month", 4.5, 4.166667)
    ]


def test_audit_of_a_month_without_a_published_report_says_what_it_checks(example):
    result = kpi_en("audit", "--data-dir", str(example), "--as-of", "2024-05")
    text = " ".join(result.stdout.split())
    assert "no published figures of the monthly reports (May 2024) to compare" in text
    assert "only the yearly figures are checked" in text
    data = json.loads(kpi("audit", "--data-dir", str(example), "--as-of", "2024-05", "--json").stdout)
    assert data["months_checked"] == 0 and data["findings"] == [] and data["period"]["key"] == "2024-05"


def test_audit_checks_each_report_as_of_its_own_month(example):
    # a 5-month report published 58 % of the plan for exports: as of May, with no May lũy kế, there
    # is no figure to compare (said), whatever June's figures are
    _edit(example, "months: {2024-06: {plan_pct: 70, change_pct: 16.98}}",
          "months: {2024-06: {plan_pct: 70, change_pct: 16.98}, 2024-05: {plan_pct: 58}}")
    data = json.loads(kpi("audit", "--data-dir", str(example), "--json").stdout)
    found = [(f["field"], f["published"], f["computed"], f["note"]) for f in data["findings"] if f["id"] == "exports"]
    assert found == [("plan_pct 2024-05", 58, None, "not_computable")]
    dataset, _ = load.read(example)
    plan = dataset.plans["plan-2024"]
    assert len(month_records(dataset, plan)) == 3
    assert len(month_records(dataset, plan, Period(2024, 6, 6))) == 2
    assert len(month_records(dataset, plan, Period(2024, 4, 6))) == 2  # the second quarter's report runs to June too
    june = month_audit(dataset, plan, Period(2024, 6, 6))
    assert list(june.by_indicator) == ["budget-revenue"]
    merged = with_months(june._replace(by_indicator={"exports": ()}), june)
    assert list(merged.by_indicator) == ["exports", "budget-revenue"]


def test_a_quarters_report_is_checked_as_of_its_last_month(example):
    _edit(example, "{plan_pct: 45.45, change_pct: 4.5}", "{plan_pct: 45.45}, 2024-Q2: {plan_pct: 45}")
    data = json.loads(kpi("audit", "--data-dir", str(example), "--as-of", "2024-Q2", "--json").stdout)
    assert data["months_checked"] == 3
    assert [(f["field"], f["published"], round(f["computed"], 2)) for f in data["findings"]] == [("plan_pct 2024-Q2", 45, 45.45)]


def test_a_wrong_estimate_is_found_and_a_term_plan_has_no_month_line(example):
    _edit(example, "{plan_pct: 45.45, change_pct: 4.5}", "{plan_pct: 45.45, estimate: 5500}")
    data = json.loads(kpi("audit", "--data-dir", str(example), "--json").stdout)
    assert [(f["field"], f["published"], f["computed"]) for f in data["findings"]] == [("estimate 2024-06", 5500, 5600)]
    term = json.loads(kpi("audit", "--json").stdout)  # the bundled term plan: no monthly reports
    _conforms(term, _schema("audit"))
    assert term["months_checked"] is None and term["period"] is None


@pytest.mark.parametrize(
    "months, said",
    [
        ("{2024-13: {plan_pct: 70}}", "cần một tháng hoặc quý của năm 2024 (2024-06, 2024-Q2), gặp '2024-13'"),  # one year: no "2024–2024"
        ("{2025-06: {plan_pct: 70}}", "cần một tháng hoặc quý của năm 2024 (2024-06, 2024-Q2), gặp '2025-06'"),
        ("{2024-06: {plan_pct: '70,5'}}", "70.5"),
        ("{2024-06: {plan: 70}}", "plan"),
    ],
)
def test_published_months_are_checked_at_their_line(example, months, said):
    _edit(example, "months: {2024-06: {plan_pct: 70, change_pct: 16.98}}", f"months: {months}")
    result = kpi("validate", "--data-dir", str(example))
    assert result.exit_code == 1
    assert "actuals.yaml:" in result.stderr and said in result.stderr, result.stderr


def test_published_months_come_back_from_an_export(example, tmp_path):
    out = tmp_path / "m.xlsx"
    assert kpi("export", "--data-dir", str(example), "-o", str(out)).exit_code == 0
    back = tmp_path / "back"
    assert kpi("import", str(out), "-o", str(back)).exit_code == 0
    original, _ = load.read(example)
    returned, _ = load.read(back)
    assert returned.published_months == original.published_months


@pytest.mark.parametrize("columns", ["80", "60"])
def test_the_within_year_audit_names_the_month_checked_and_keeps_to_the_line(example, columns):
    from typer.testing import CliRunner

    from soctrang_kpi.cli import app

    result = CliRunner().invoke(app, ["audit", "--data-dir", str(example)], env={"COLUMNS": columns}, catch_exceptions=False)
    lines = result.stdout.splitlines()
    assert " ".join(result.stdout.split()).startswith("Kế hoạch phát triển kinh tế - xã hội năm 2024 (ví dụ) — tháng 6/2024 Trong năm")
    assert "tính đến năm" not in result.stdout
    assert max(len(line) for line in lines) <= int(columns)
    if columns == "80":  # the rule spans the line
        assert len(next(line for line in lines if line.startswith("─"))) == 80
    else:  # where even the table's narrowest columns cannot fit, its rows are lists
        assert not any(line.startswith("─") for line in lines) and "    Tính lại: 4,17" in lines
    assert kpi("audit", "--data-dir", str(example), "--as-of", "2024-05").stdout.splitlines()[0].endswith("(ví dụ) — tháng 5/2024")


def test_the_audit_reads_a_flows_cap_as_the_share_used(tmp_path):
    """"Số người chết" 120 by November against "Không quá 140": the office's 85,71 (120 / 140) is
    what kpi computes, no finding; the year's attainment 116,67 (140 / 120) published is one."""
    (tmp_path / "targets.yaml").write_text(
        "schema_version: 1\n"
        "indicators:\n"
        "  - {id: deaths, name: Số người chết, unit: người, within_year: flow}\n"
        "plans:\n"
        "  - id: plan-2026\n"
        "    name: Kế hoạch năm 2026\n"
        "    base_year: 2025\n"
        "    target_year: 2026\n"
        "    targets:\n"
        "      - {indicator: deaths, number: \"1\", kind: level, direction: at_most, value: 140, printed: \"Không quá 140\"}\n",
        encoding="utf-8",
    )

    def audit(published: float) -> dict:
        (tmp_path / "actuals.yaml").write_text(
            "schema_version: 1\nseries:\n  deaths:\n    actual: {2025: 150}\n    ytd:\n      actual: {2026-11: 120}\n"
            f"    published:\n      plan-2026:\n        months: {{2026-11: {{plan_pct: {published}}}}}\n",
            encoding="utf-8",
        )
        result = kpi("audit", "--data-dir", str(tmp_path), "--json")
        assert result.exit_code in (0, 1), result.stderr
        return json.loads(result.stdout)

    assert audit(85.71)["months_checked"] == 1 and audit(85.71)["findings"] == []
    assert [(f["field"], f["published"], f["computed"]) for f in audit(116.67)["findings"]] == [
        ("plan_pct 2026-11", 116.67, 85.714286)
    ]
