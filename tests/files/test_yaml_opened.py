"""A YAML syntax error names where what libyaml was reading began when that is on an earlier
line — a quote opened at a key (`"exports:`) is found missing only at the end of the file — and
its English words give the hint the Vietnamese ones give ("a closing quote or bracket missing?"),
found by a QA pass."""

from pathlib import Path

import pytest

from soctrang_kpi.files import load
from soctrang_kpi.errors import DataError

TARGETS = (Path(__file__).resolve().parent.parent / "bad" / "base.targets.yaml").read_text(encoding="utf-8")

QUOTE_AT_KEY = 'schema_version: 1\nseries:\n  "exports:\n    actual: {2020: 1}\n  grdp:\n    actual: {2020: 2}\n'
FLOW_MAPPING = "schema_version: 1\nseries:\n  exports: {actual: {2020: 1},\n    plan: {2025: 2}\n  grdp: 1\n"
FLOW_SEQUENCE = "schema_version: 1\nseries:\n  exports: [1,\n    2\n  grdp: 1\n"


def _said(actuals: str, lang: str) -> str:
    with pytest.raises(DataError) as err:
        load.load_texts(TARGETS, actuals)
    return err.value.problems[0].render(lang)


@pytest.mark.parametrize(
    "actuals, lang, said",
    [
        (QUOTE_AT_KEY, "vi", "tệp kết thúc giữa chừng (thiếu dấu nháy hay ngoặc đóng?); đoạn trong dấu nháy bắt đầu ở dòng 3, cột 3"),
        (QUOTE_AT_KEY, "en", "found unexpected end of stream (a closing quote or bracket missing?); the quoted text begins at line 3, column 3"),
        (FLOW_MAPPING, "vi", "dấu '{' mở ở dòng 3, cột 12"),
        (FLOW_MAPPING, "en", "the '{' is opened at line 3, column 12"),
        (FLOW_SEQUENCE, "vi", "dấu '[' mở ở dòng 3, cột 12"),
        (FLOW_SEQUENCE, "en", "the '[' is opened at line 3, column 12"),
    ],
)
def test_a_syntax_error_names_where_the_open_quote_or_bracket_began(actuals, lang, said):
    assert said in _said(actuals, lang)


@pytest.mark.parametrize(
    "actuals, hint",
    [
        ("schema_version: 1\nseries:\n  a: 1\n b: 2\n", "(wrong indentation, or a ':' missing?)"),
        ("schema_version: 1\nseries: {}\nx: @a\n", "(such as '@' or '`': put the value in quotes)"),
        ('schema_version: 1\nseries: {}\nx: "abc\n', "(a closing quote or bracket missing?)"),
    ],
)
def test_the_english_words_give_the_hint_the_vietnamese_ones_give(actuals, hint):
    said = _said(actuals, "en")
    assert hint in said
    assert "begins at line" not in said  # a quote opened on the line the error is on needs no pointer
