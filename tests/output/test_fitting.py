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
    assert counter("Đúng tiến độ (đã đạt mục tiêu)", 16.53) == 4
    assert counter("Khó đạt", 14.4) == 1  # its words kept, the same count
    # a word wider than the column: a line for each width it takes (105,5 mm in 18 mm)
    assert fitting.Lines(11.0)("x" * 60, 20.0) == 6
