"""`kpi show`'s assessment line says the verdict, then why: a row without data never reads
"Chưa có số liệu: chưa có số liệu năm …" — its reason names what it awaits, in its own words,
in Vietnamese and in English."""

import pytest

from soctrang_kpi.core.classify import Status
from soctrang_kpi.output.labels import LABELS, REASONS, Lang
from tests.conftest import kpi, plan_yaml

TARGETS = plan_yaml(
    """
    {id: x, name: Chỉ tiêu mức, unit: "%"}
    {id: t, name: Chỉ tiêu ngưỡng, unit: "%"}
    {id: e, name: Chỉ tiêu trống, unit: "%"}
    {id: g, name: Cơ cấu}
    {id: g1, name: Phần một, unit: "%", parent: g}
    """,
    """
    {indicator: x, number: "1", kind: level, value: 50}
    {indicator: t, number: "2", kind: threshold, value: 40, strict: false}
    {indicator: e, number: "3", kind: level, value: 50}
    {indicator: g, number: "4", kind: composition}
    {indicator: g1, number: "4.1", kind: level, value: 50}
    """,
)
ACTUALS = """\
schema_version: 1
series:
  x:
    actual: {2025: 45, 2027: 52}
  t:
    actual: {2025: 45, 2026: 45, 2027: 46}
"""


@pytest.mark.parametrize(
    "ident, lang, line",
    [
        ("x", "vi", "Chưa có số liệu: chờ kết quả năm cuối 2030; dự báo đạt mục tiêu"),
        ("x", "en", "No data: awaiting the result of 2030, the final year; the forecast meets the target"),
        ("t", "vi", "Chưa có số liệu: chờ kết quả năm 2028, 2029, 2030; các năm đã có đều đạt ngưỡng"),
        ("t", "en", "No data: awaiting 2028, 2029, 2030; every year in so far meets the threshold"),
        ("e", "vi", "Chưa có số liệu: không có giá trị nào để tính"),
        ("e", "en", "No data: no value to compute from"),
        ("g", "vi", "Chưa có số liệu: không chỉ tiêu thành phần nào có giá trị"),
        ("g", "en", "No data: no component has a value"),
    ],
)
def test_a_row_without_data_says_what_it_awaits_once(tmp_path, ident, lang, line):
    assert line in shown(tmp_path, TARGETS, ACTUALS, lang, ident, "--as-of", "2030")


def shown(folder, targets: str, actuals: str, lang: str, ident: str, *more: str) -> str:
    """`kpi show ident` over the files given, its words as read, whatever the width wraps."""
    (folder / "targets.yaml").write_text(targets, encoding="utf-8")
    (folder / "actuals.yaml").write_text(actuals, encoding="utf-8")
    done = kpi("--lang", lang, "show", ident, *more, "--data-dir", str(folder))
    assert done.exit_code == 0, done.stderr
    return " ".join(done.stdout.split())


@pytest.mark.parametrize("lang", list(Lang))
def test_no_reason_begins_with_the_no_data_verdict(lang):
    """The show line is "<verdict>: <reason>": no reason repeats "Chưa có số liệu" / "No data"."""
    label = LABELS[Status.NO_DATA][lang.value].lower()
    assert [code for code, text in REASONS.items() if text[lang.value].lower().startswith(label)] == []


RANGES = plan_yaml(
    """
    {id: pov, name: Tỷ lệ hộ nghèo, name_en: Poverty rate, unit: "%"}
    {id: cpi, name: CPI, unit: "%"}
    """,
    """
    {indicator: pov, number: "1", kind: level, direction: at_most, range: [1.5, 2]}
    {indicator: cpi, number: "2", kind: average, direction: at_most, range: [3.5, 4]}
    """,
)


@pytest.mark.parametrize(
    "ident, lang, line",
    [
        ("pov", "vi", "Đạt: kết quả năm cuối 83,33% so với mức thấp; không vượt mức cao của khoảng"),
        ("pov", "en", "Achieved: final result 83.33% of the lower bound; within the upper bound"),
        ("cpi", "vi", "Đạt: kết quả năm cuối 92,11% so với mức thấp; không vượt mức cao của khoảng"),
        ("cpi", "en", "Achieved: final result 92.11% of the lower bound; within the upper bound"),
    ],
)
def test_an_at_most_range_met_names_the_lower_bound_of_its_percentage(tmp_path, ident, lang, line):
    """Poverty 1,8 against 1,5–2 % (at most): 83,33 % is 1,5 / 1,8, of the LOWER bound, and the
    bound kept is the upper one — never "so với mức cao; đã đạt mức thấp"."""
    actuals = "schema_version: 1\nseries:\n  pov: {actual: {2025: 2.6, 2030: 1.8}}\n"
    actuals += "  cpi: {actual: {2025: 3.2, 2026: 3.8, 2027: 3.8, 2028: 3.8, 2029: 3.8, 2030: 3.8}}\n"
    assert line in shown(tmp_path, RANGES, actuals, lang, ident, "--as-of", "2030")  # a year ahead of today: asked for


@pytest.mark.parametrize(
    "values, lang, line",
    [
        ("actual: {2025: 45}\n    preliminary: {2030: 55}", "vi", "Vượt 10,00%: số sơ bộ năm cuối 110,00% > 100%"),
        ("actual: {2025: 45}\n    preliminary: {2030: 55}", "en", "Exceeded 10.00%: final-year preliminary figure 110.00% > 100%"),
        ("actual: {2025: 45}\n    estimate: {2030: 55}", "vi", "Vượt 10,00%: số ước tính năm cuối 110,00% > 100%"),
        ("actual: {2025: 45, 2030: 55}", "en", "Exceeded 10.00%: final result 110.00% > 100%"),
    ],
)
def test_the_target_year_s_value_is_said_as_final_as_it_is(tmp_path, values, lang, line):
    """A preliminary (sơ bộ) or estimated target-year value is no final result: the assessment
    says which it is, beside the forecast line's "(số sơ bộ)"."""
    actuals = f"schema_version: 1\nseries:\n  x:\n    {values}\n"
    assert line in shown(tmp_path, TARGETS, actuals, lang, "x", "--as-of", "2030")  # a year ahead of today: asked for
