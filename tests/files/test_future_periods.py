"""A value observed for a period that has not ended by today — `2027-01` typed on 2026-12-03 for
`2026-01` — is warned about (not refused: an office may enter a figure ahead), naming the file, the
line, the indicator and the field, by `kpi validate` and by `kpi record` writing it. An actual's or
a preliminary value's period must have ended, an estimate's must have begun (the year's "ước thực
hiện cả năm" is made in its December); a roadmap value (`plan`) is of the years ahead. Today is the
day of the check, as for "recorded after today" (files/history_schema.py): the periods here are
made from a fixed day, in May and in December, passed as the check's today."""

from datetime import date
from types import SimpleNamespace

import pytest

from soctrang_kpi.files import load, share_sums
from soctrang_kpi.files.checks import Checks

from ..conftest import kpi, kpi_en

#: the days of the checks: within the year (a next month of the same year) and in its December
#: (the next month in the next year), never the real day (a test that passes in one month only)
DAYS = [date(2026, 5, 15), date(2026, 12, 3)]


def _periods(today: date) -> SimpleNamespace:
    y, m = today.year, today.month
    return SimpleNamespace(
        today=today, y=y,
        this=f"{y}-{m:02d}",
        next=f"{y + 1}-01" if m == 12 else f"{y}-{m + 1:02d}",
        last=f"{y - 1}-12" if m == 1 else f"{y}-{m - 1:02d}",
        quarter=f"{y}-Q{(m - 1) // 3 + 1}",
    )


def _targets(y: int) -> str:
    return f"""\
schema_version: 1
indicators:
  - {{id: exports, name: Xuất khẩu, unit: Triệu USD}}
plans:
  - {{id: p, name: Kế hoạch, base_year: {y - 2}, target_year: {y + 2}, targets: [
      {{indicator: exports, number: "1", kind: level, value: 1000}}]}}
"""


def _ahead(series: str, today: date, lang: str = "en") -> list[str]:
    """What ``warn_future_periods`` says of ``series`` on ``today``."""
    actuals = "schema_version: 1\nseries:\n  exports:\n" + series
    data, _ = load.load_texts(_targets(today.year), actuals)
    checks = Checks("actuals.yaml", actuals)
    share_sums.warn_future_periods(checks, data.series, data.periods, today=today)
    return [p.render(lang) for p in sorted(checks.problems())]


CASES = [
    (lambda t: f"    actual: {{{t.next}: 1}}", lambda t: [t.next]),  # the QA's typo: a month not begun
    (lambda t: f"    actual: {{{t.this}: 1}}", lambda t: [t.this]),  # this month has not ended
    (lambda t: f"    preliminary: {{{t.this}: 1}}", lambda t: [t.this]),
    (lambda t: f"    actual: {{{t.last}: 1}}", lambda t: []),
    (lambda t: f"    estimate: {{{t.this}: 1}}", lambda t: []),  # an estimate of a month under way: what it is for
    (lambda t: f"    estimate: {{{t.next}: 1}}", lambda t: [t.next]),
    (lambda t: f"    actual: {{{t.quarter}: 1}}", lambda t: [t.quarter]),
    (lambda t: f"    ytd: {{actual: {{{t.this}: 1}}}}", lambda t: [f"ytd.{t.this}"]),
    # a lũy kế adds up from January: its estimate to a month not begun is ahead, in its year too
    (lambda t: f"    ytd: {{estimate: {{{t.this}: 1, {t.next}: 2}}}}", lambda t: [f"ytd.{t.next}"]),
    (lambda t: f"    ytd: {{estimate: {{{t.last}: 1, {t.this}: 2}}}}", lambda t: []),
    (lambda t: f"    actual: {{{t.y - 1}: 1, {t.y}: 2}}", lambda t: [str(t.y)]),  # this year has not ended
    (lambda t: f"    estimate: {{{t.y}: 2}}", lambda t: []),  # the "ước thực hiện cả năm"
    (lambda t: f"    estimate: {{{t.y + 1}: 2}}", lambda t: [str(t.y + 1)]),
    (lambda t: f"    plan: {{{t.y + 1}: 2, {t.y + 2}: 3}}", lambda t: []),  # the roadmap
]


@pytest.mark.parametrize("today", DAYS, ids=str)
@pytest.mark.parametrize("series, fields", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_a_value_of_a_period_ahead_is_warned_about(series, fields, today):
    t = _periods(today)
    said = _ahead(series(t), today)
    assert [s.split(": warning: exports ", 1)[1].split(":", 1)[0] for s in said] == fields(t), said


def test_a_ytd_estimate_of_a_month_ahead_within_the_year_is_warned_about():
    """A lũy kế's first month is January: its estimate to June, made in May, was not warned about."""
    assert [s.split(": warning: exports ", 1)[1].split(":", 1)[0] for s in _ahead(
        "    ytd: {estimate: {2026-05: 1, 2026-06: 2}}", date(2026, 5, 15)
    )] == ["ytd.2026-06"]


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_the_warning_names_the_file_line_indicator_and_field_in_both_languages(today):
    t = _periods(today)
    series = f"    actual: {{{t.last}: 1, {t.next}: 1}}\n    estimate: {{{t.y + 1}: 5}}"
    column = len(f"    actual: {{{t.last}: 1, {t.next}: ") + 1
    assert _ahead(series, today) == [
        f"actuals.yaml:4:{column}: warning: exports {t.next}: {t.next} has not ended by today ({today.isoformat()}), yet its"
        " value is recorded as actual: check the period (a typo for another year or month?)",
        f"actuals.yaml:5:22: warning: exports {t.y + 1}: {t.y + 1} has not begun by today ({today.isoformat()}), yet has an estimate:"
        " check the period (a typo for another year or month?); a year ahead's figure is the roadmap's (status plan)",
    ]
    assert _ahead(series, today, "vi")[0] == (
        f"actuals.yaml:4:{column}: cảnh báo: exports {t.next}: {t.next} chưa kết thúc (hôm nay là {today.isoformat()}) mà"
        " đã có số thực hiện: hãy kiểm tra lại kỳ (gõ nhầm năm hoặc tháng?)"
    )


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_validate_and_record_say_it(tmp_path, pin_today, today):
    pin_today(today)
    t = _periods(today)
    (tmp_path / "targets.yaml").write_text(_targets(t.y), encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(f"schema_version: 1\nseries:\n  exports:\n    actual: {{{t.last}: 1}}\n", encoding="utf-8")
    result = kpi_en("record", "exports", t.next, "1", "--data-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr  # written: a warning, not an error
    assert f"warning: exports {t.next}: {t.next} has not ended by today ({today.isoformat()})" in result.stderr
    assert f"{t.next}: 1" in (tmp_path / "actuals.yaml").read_text(encoding="utf-8")
    validated = kpi("validate", "--data-dir", str(tmp_path))
    assert validated.exit_code == 0
    assert f"cảnh báo: exports {t.next}: {t.next} chưa kết thúc (hôm nay là {today.isoformat()})" in validated.stdout
    fine = kpi_en("record", "exports", t.last, "2", "--force", "--data-dir", str(tmp_path))  # another value: not repeated
    assert fine.exit_code == 0 and "warning" not in fine.stderr, fine.stderr
