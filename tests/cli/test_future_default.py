"""A value of a period that has not begun by today — warned about on loading
(tests/files/test_future_periods.py) — moves no default: the year every command is as of without
`--as-of` is the latest year, not after today's, with an actual or estimate, and an annual plan's
monthly report runs to the latest month (or quarter) begun. `beds 2027: 40` recorded on 2026-12-03
left `kpi status` and `kpi show` "as of 2027" (QA). A value of this year, or this month, entered
ahead of its end still counts (warned about, not hidden); the roadmap (`plan`) of the years ahead is
the plan's, never a default year; `--as-of` names any year of the plan. Today is the day of the
check, as the warning's tests take it: the periods here are made from it."""

import json
from datetime import date

import pytest

from ..conftest import kpi

TODAY = date.today()
Y, M = TODAY.year, TODAY.month
THIS_MONTH = f"{Y}-{M:02d}"
NEXT_MONTH = f"{Y + 1}-01" if M == 12 else f"{Y}-{M + 1:02d}"
LAST_MONTH = f"{Y - 1}-12" if M == 1 else f"{Y}-{M - 1:02d}"
AHEAD = int(NEXT_MONTH[:4])  # the year of the month after this one: the annual plan's year

TARGETS = f"""\
schema_version: 1
indicators:
  - {{id: exports, name: Xuất khẩu, unit: Triệu USD}}
  - {{id: beds, name: Giường bệnh, unit: Giường}}
plans:
  - {{id: term, name: Nhiệm kỳ, base_year: {Y - 2}, target_year: {Y + 3}, targets: [
      {{indicator: exports, number: "1", kind: level, value: 1000}},
      {{indicator: beds, number: "2", kind: level, value: 50}}]}}
  - {{id: year, name: Kế hoạch năm, base_year: {AHEAD - 1}, target_year: {AHEAD}, targets: [
      {{indicator: exports, number: "1", kind: level, value: 700}}]}}
"""


def _folder(tmp_path, series: str):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text("schema_version: 1\nseries:\n" + series, encoding="utf-8")
    return str(tmp_path)


def _as_of(*args) -> int:
    result = kpi(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["as_of"]


def test_an_actual_of_a_year_ahead_is_no_default_year(tmp_path):
    folder = _folder(
        tmp_path,
        f"  exports:\n    actual: {{{Y - 1}: 600}}\n    estimate: {{{Y}: 650}}\n    plan: {{{Y + 1}: 700, {Y + 2}: 800}}\n"
        f"  beds:\n    actual: {{{Y - 1}: 32}}\n",
    )
    assert _as_of("status", "--data-dir", folder) == Y  # the year's estimate, and the roadmap ahead: as before
    recorded = kpi("record", "beds", str(Y + 1), "40", "--data-dir", folder)
    assert recorded.exit_code == 0 and "chưa kết thúc" in recorded.stderr, recorded.stderr
    for command in (("status",), ("show", "beds"), ("show", "exports"), ("summary",)):
        assert _as_of(*command, "--data-dir", folder) == Y, command
    # asked for, the year is the plan's as any other, its actual counted
    assert _as_of("status", "--as-of", str(Y + 1), "--data-dir", folder) == Y + 1
    shown = json.loads(kpi("show", "beds", "--as-of", str(Y + 1), "--data-dir", folder, "--json").stdout)
    assert shown["latest"]["year"] == Y + 1 and shown["latest"]["value"] == 40


def test_a_value_of_this_year_entered_ahead_of_its_end_still_counts(tmp_path):
    folder = _folder(tmp_path, f"  exports:\n    actual: {{{Y - 2}: 500, {Y - 1}: 600}}\n  beds:\n    actual: {{{Y - 1}: 32, {Y}: 35}}\n")
    assert _as_of("status", "--data-dir", folder) == Y


def test_an_estimate_of_a_year_not_begun_is_no_default_year(tmp_path):
    folder = _folder(tmp_path, f"  exports:\n    actual: {{{Y - 1}: 600}}\n    estimate: {{{Y + 1}: 650}}\n")
    assert _as_of("status", "--data-dir", folder) == Y - 1


def test_a_month_ahead_moves_no_year_of_show(tmp_path):
    folder = _folder(tmp_path, f"  exports:\n    actual: {{{Y - 1}: 600, {LAST_MONTH}: 50, {NEXT_MONTH}: 60}}\n")
    shown = json.loads(kpi("show", "exports", "--data-dir", folder, "--json").stdout)
    assert NEXT_MONTH not in [p["key"] for p in shown.get("periods", [])], shown.get("periods")
    asked = json.loads(kpi("show", "exports", "--as-of", str(AHEAD), "--data-dir", folder, "--json").stdout)
    assert NEXT_MONTH in [p["key"] for p in asked["periods"]]


def test_the_monthly_report_runs_to_the_latest_month_begun(tmp_path):
    months = f"{THIS_MONTH}: 50, " if AHEAD == Y else ""  # this month, begun, when the month after is of the same year
    folder = _folder(tmp_path, f"  exports:\n    actual: {{{AHEAD - 1}: 600, {months}{NEXT_MONTH}: 60}}\n")
    report = json.loads(kpi("status", "--plan", "year", "--data-dir", folder, "--json").stdout)
    if AHEAD == Y:
        assert report["period"]["key"] == THIS_MONTH
    else:  # December: next year's plan has no month begun, its table is as of its base year
        assert report["as_of"] == Y and "period" not in report, report.get("period")
    asked = json.loads(kpi("status", "--plan", "year", "--as-of", NEXT_MONTH, "--data-dir", folder, "--json").stdout)
    assert asked["period"]["key"] == NEXT_MONTH
