"""A value observed for a period that has not ended by today — `2027-01` typed on 2026-12-03 for
`2026-01` — is warned about (not refused: an office may enter a figure ahead), naming the file, the
line, the indicator and the field, by `kpi validate` and by `kpi record` writing it. An actual's or
a preliminary value's period must have ended, an estimate's must have begun (the year's "ước thực
hiện cả năm" is made in its December); a roadmap value (`plan`) is of the years ahead. Today is the
day of the check, as for "recorded after today" (files/history_schema.py): the periods here are
made from it."""

from datetime import date

import pytest

from soctrang_kpi.files import load

from ..conftest import kpi, kpi_en

TODAY = date.today()
Y, M = TODAY.year, TODAY.month
THIS_MONTH = f"{Y}-{M:02d}"
NEXT_MONTH = f"{Y + 1}-01" if M == 12 else f"{Y}-{M + 1:02d}"
LAST_MONTH = f"{Y - 1}-12" if M == 1 else f"{Y}-{M - 1:02d}"
THIS_QUARTER = f"{Y}-Q{(M - 1) // 3 + 1}"

TARGETS = f"""\
schema_version: 1
indicators:
  - {{id: exports, name: Xuất khẩu, unit: Triệu USD}}
plans:
  - {{id: p, name: Kế hoạch, base_year: {Y - 2}, target_year: {Y + 2}, targets: [
      {{indicator: exports, number: "1", kind: level, value: 1000}}]}}
"""


def _ahead(series: str, lang: str = "en") -> list[str]:
    _data, warnings = load.load_texts(TARGETS, "schema_version: 1\nseries:\n  exports:\n" + series)
    said = [p.render(lang) for p in warnings]
    return [s for s in said if f"by today ({TODAY.isoformat()})" in s or f"(hôm nay là {TODAY.isoformat()})" in s]


@pytest.mark.parametrize(
    "series, fields",
    [
        (f"    actual: {{{NEXT_MONTH}: 1}}", [NEXT_MONTH]),  # the QA's typo: a month not begun
        (f"    actual: {{{THIS_MONTH}: 1}}", [THIS_MONTH]),  # this month has not ended
        (f"    preliminary: {{{THIS_MONTH}: 1}}", [THIS_MONTH]),
        (f"    actual: {{{LAST_MONTH}: 1}}", []),
        (f"    estimate: {{{THIS_MONTH}: 1}}", []),  # an estimate of a month under way: what it is for
        (f"    estimate: {{{NEXT_MONTH}: 1}}", [NEXT_MONTH]),
        (f"    actual: {{{THIS_QUARTER}: 1}}", [THIS_QUARTER]),
        (f"    ytd: {{actual: {{{THIS_MONTH}: 1}}}}", [f"ytd.{THIS_MONTH}"]),
        (f"    ytd: {{estimate: {{{THIS_MONTH}: 1, {NEXT_MONTH}: 2}}}}", [f"ytd.{NEXT_MONTH}"]),
        (f"    actual: {{{Y - 1}: 1, {Y}: 2}}", [str(Y)]),  # this year has not ended
        (f"    estimate: {{{Y}: 2}}", []),  # the "ước thực hiện cả năm"
        (f"    estimate: {{{Y + 1}: 2}}", [str(Y + 1)]),
        (f"    plan: {{{Y + 1}: 2, {Y + 2}: 3}}", []),  # the roadmap
    ],
)
def test_a_value_of_a_period_ahead_is_warned_about(series, fields):
    said = _ahead(series)
    assert [s.split(": warning: exports ", 1)[1].split(":", 1)[0] for s in said] == fields, said


def test_the_warning_names_the_file_line_indicator_and_field_in_both_languages():
    series = f"    actual: {{{LAST_MONTH}: 1, {NEXT_MONTH}: 1}}\n    estimate: {{{Y + 1}: 5}}"
    column = len(f"    actual: {{{LAST_MONTH}: 1, {NEXT_MONTH}: ") + 1
    assert _ahead(series) == [
        f"actuals.yaml:4:{column}: warning: exports {NEXT_MONTH}: {NEXT_MONTH} has not ended by today ({TODAY.isoformat()}), yet its"
        " value is recorded as actual: check the period (a typo for another year or month?)",
        f"actuals.yaml:5:22: warning: exports {Y + 1}: {Y + 1} has not begun by today ({TODAY.isoformat()}), yet has an estimate:"
        " check the period (a typo for another year or month?); a year ahead's figure is the roadmap's (status plan)",
    ]
    assert _ahead(series, "vi")[0] == (
        f"actuals.yaml:4:{column}: cảnh báo: exports {NEXT_MONTH}: {NEXT_MONTH} chưa kết thúc (hôm nay là {TODAY.isoformat()}) mà"
        " đã có số thực hiện: hãy kiểm tra lại kỳ (gõ nhầm năm hoặc tháng?)"
    )


def test_validate_and_record_say_it(tmp_path):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(f"schema_version: 1\nseries:\n  exports:\n    actual: {{{LAST_MONTH}: 1}}\n", encoding="utf-8")
    result = kpi_en("record", "exports", NEXT_MONTH, "1", "--data-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr  # written: a warning, not an error
    assert f"warning: exports {NEXT_MONTH}: {NEXT_MONTH} has not ended by today ({TODAY.isoformat()})" in result.stderr
    assert f"{NEXT_MONTH}: 1" in (tmp_path / "actuals.yaml").read_text(encoding="utf-8")
    validated = kpi("validate", "--data-dir", str(tmp_path))
    assert validated.exit_code == 0
    assert f"cảnh báo: exports {NEXT_MONTH}: {NEXT_MONTH} chưa kết thúc (hôm nay là {TODAY.isoformat()})" in validated.stdout
    fine = kpi_en("record", "exports", LAST_MONTH, "2", "--force", "--data-dir", str(tmp_path))  # another value: not repeated
    assert fine.exit_code == 0 and "warning" not in fine.stderr, fine.stderr
