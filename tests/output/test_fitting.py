"""fitting.Lines: a sheet's line counter keeps each word's width, and counts as line_count does."""

from hypothesis import given
from hypothesis import strategies as st

from soctrang_kpi.output.formats import fitting

WORDS = st.sampled_from(["Chỉ", "tiêu", "số", "2748", "về", "phát", "triển", "kinh", "tế", "-", "xã", "hội",
                         "2021–2023", "(0,30)", "Khó", "đạt", "ĐÚNG", "Tỷ lệ", "\n", "%", "rấtdàikhôngcókhoảngtrắng" * 3])
TEXTS = st.lists(WORDS, max_size=14).map(" ".join)


@given(st.lists(st.tuples(TEXTS, st.floats(min_value=0.0, max_value=120.0)), max_size=20),
       st.sampled_from([10.0, 11.0, 13.0]), st.booleans())
def test_a_kept_counter_counts_as_line_count(texts, points, bold):
    counter = fitting.Lines(points, bold)
    for text, width in texts:
        assert counter(text, width) == fitting.line_count(text, width, points, bold)


def test_counts_of_known_texts():
    counter = fitting.Lines(10.0)
    assert counter("Khó đạt", 14.4) == 1
    # "Đúng tiến" / "độ (đã đạt" / "mục tiêu)": 14,0 and 14,1 mm of Times at 10 pt in 14,53 mm
    assert counter("Đúng tiến độ (đã đạt mục tiêu)", 16.53) == 3
    assert counter("Khó đạt", 14.4) == 1  # its words kept, the same count
    # a word wider than the column: a line for each width it takes (116,4 mm in 18 mm)
    assert fitting.Lines(11.0)("x" * 60, 20.0) == 7


def test_rows_made_as_read_are_the_rows_kept_columns_copies():
    """keep_columns(as_read=True) (a part of a table too wide for its page, read once as it is
    written, #27): the same rows as the copy, made each time they are read, none held."""
    from soctrang_kpi.output.document import Column, MadeRows, Row, Table, keep_columns

    columns = tuple(Column(str(i), numeric=i > 1) for i in range(5))
    rows = tuple(Row((str(n), f"tên {n}", n, n / 3, None), marks=frozenset({2, 4} if n % 2 else ()), tones=()) for n in range(7))
    table = Table("t", columns, rows)
    copied, read = keep_columns(table, [0, 1, 3, 4]), keep_columns(table, [0, 1, 3, 4], as_read=True)
    assert isinstance(read.rows, MadeRows) and len(read.rows) == 7 and read.columns == copied.columns
    assert read.rows == copied.rows and list(read.rows) == list(copied.rows) and read.rows[2:5] == copied.rows[2:5]
    assert read.rows[-2] == copied.rows[-2] and read.rows[-2].marks == frozenset({3})
    assert read.has_marks and read.rows != copied.rows[:3]
