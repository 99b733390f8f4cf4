"""What the importer reads once and remembers gives what reading it again would: a target cell's
text read once per table, the search that tells a row names no kind, a word of an id folded."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soctrang_kpi.core.kinds import KINDS, named_in_table
from soctrang_kpi.files import appendix_layout as layout
from soctrang_kpi.files import import_table
from soctrang_kpi.files.import_xlsx import Formula, Grid
from soctrang_kpi.messages import Text

#: target cells as offices and kpi's export write them, and some that cannot be read
WORDINGS = [
    "≤ 10,74", "5,5", "1,35–2,35", "≥ 79,43", "1.438", "Trên 80", "Khoảng 215", "Tối thiểu 717", "Tăng 10 %/năm",
    "57 nghìn tỷ", "8,2 tỷ USD", "100 % kế hoạch", "40 % GRDP", "900–1,200", "2–1", "abc", "-", "", "=B2*1,1",
    "Từ 10 % trở lên", "Dưới 1,5", "Tổng 500.000", "USD 8.2 billion",
]
UNITS = ["%", "Tỷ đồng", "Triệu USD", "", "Nghìn tỷ đồng", "người"]


def _read(text: object, unit: str, lang: str, exported: bool) -> object:
    """The target as read without remembering: the value, or the error's class and text."""
    try:
        return layout.scaled(layout.target(text, lang, provisional=not exported), unit)
    except ValueError as err:
        return type(err), str(err)


def _rows(lang: str, exported: bool) -> import_table.TableRows:
    grid = Grid("Sheet", [])
    return import_table.TableRows(grid, Text("import.sheet", name="Sheet"), lang, import_table.Options(), exported=exported)


@settings(max_examples=200, deadline=None)
@given(
    cells=st.lists(st.tuples(st.sampled_from(WORDINGS + [10.74, 1438, Formula("=B2*1,1")]), st.sampled_from(UNITS)), min_size=1, max_size=12),
    lang=st.sampled_from(["vi", "en"]),
    exported=st.booleans(),
)
def test_a_target_text_read_once_a_table_reads_as_read_each_time(cells, lang, exported):
    rows = _rows(lang, exported)
    for text, unit in cells + cells:  # each read twice: the second from what was remembered
        try:
            got: object = rows._target(text, unit)
        except ValueError as err:
            got = type(err), str(err)
        assert got == _read(text, unit, lang, exported)


def test_a_text_that_cannot_be_read_raises_each_time_and_a_formula_is_not_its_text():
    rows = _rows("vi", False)
    for _ in range(2):
        with pytest.raises(layout.Unsized):
            rows._target("57 nghìn tỷ", "%")
        with pytest.raises(ValueError):
            rows._target("abc", "%")
    assert rows._target("5,5", "%") == layout.TargetText(5.5)
    remembered = dict(rows.targets_read)
    # a formula equals its text as a key: read as itself each time, never remembered nor taken from memory
    assert rows._target(Formula("5,5"), "%") == _read(Formula("5,5"), "%", "vi", False)
    assert rows.targets_read == remembered
    assert ("57 nghìn tỷ", "%") not in rows.targets_read and ("abc", "%") not in rows.targets_read


KIND_WORDS = sorted({w for spec in KINDS.values() if not spec.rated_by_rows for w in (*spec.words, *spec.not_words)})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(KIND_WORDS), st.text(alphabet="abcdeghilmnoprstuy %/|-5", max_size=8)), max_size=6))
def test_a_row_s_kind_is_the_one_its_words_name(parts):
    # kind_of looks for a kind's words only where core/kinds.py's names_any_kind finds some
    words = " ".join(parts)
    for name, unit in ((words, "%"), (words, ""), ("Chỉ tiêu " + words, "Tỷ đồng")):
        written = layout.TargetText(5.0)
        expected = named_in_table(layout.folded(name) + " | " + layout.folded(unit), heading=False) or layout.Kind.LEVEL
        if layout.kind_of(name, unit, written) is not layout.Kind.THRESHOLD:
            assert layout.kind_of(name, unit, written) is expected


@given(st.text(max_size=20))
def test_a_word_folded_once_folds_as_folded(text):
    assert layout._folded_once(text) == layout.folded(text)
