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
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    shown = kpi("--lang", lang, "show", ident, "--as-of", "2030", "--data-dir", str(tmp_path))
    assert shown.exit_code == 0, shown.stderr
    assert line in " ".join(shown.stdout.split())  # the line as read, whatever the width wraps


@pytest.mark.parametrize("lang", list(Lang))
def test_no_reason_begins_with_the_no_data_verdict(lang):
    """The show line is "<verdict>: <reason>": no reason repeats "Chưa có số liệu" / "No data"."""
    label = LABELS[Status.NO_DATA][lang.value].lower()
    assert [code for code, text in REASONS.items() if text[lang.value].lower().startswith(label)] == []
