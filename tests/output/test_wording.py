"""How results are said (output/wording.py): targets as printed, names and units in the language,
the counts line."""

import pytest

from soctrang_kpi.core.model import Direction, Kind, Target
from soctrang_kpi.output.labels import Lang
from soctrang_kpi.output.wording import name_of, summary_line, target_text, unit_of


@pytest.mark.parametrize(("target", "vi", "en"), [
    (Target(Kind.THRESHOLD, value=80.0, strict=True), "Trên 80", "Above 80"),
    (Target(Kind.THRESHOLD, Direction.AT_MOST, 1.5, strict=True), "Dưới 1,5", "Below 1.5"),
    (Target(Kind.LEVEL, Direction.AT_MOST, 33.0), "≤ 33", "≤ 33"),
    (Target(Kind.AVERAGE, value=2.0, upper=3.0), "2–3", "2–3"),
    (Target(Kind.LEVEL, value=74.5, approximate=True), "Khoảng 74,5", "About 74.5"),
    (Target(Kind.CUMULATIVE, value=500000.0), "Tổng 500.000", "Total 500,000"),
    (Target(Kind.REDUCTION, value=0.5), "Giảm 0,5", "Down 0.5"),
    (Target(Kind.GROUP), "", ""),
])
def test_a_target_as_the_report_prints_it(target, vi, en):
    assert (target_text(target, Lang.VI), target_text(target, Lang.EN)) == (vi, en)


def test_names_units_and_the_counts_line_in_either_language(term):
    r = term.find("seafood-output")
    assert name_of(r, Lang.VI) == "Sản lượng thuỷ, hải sản" and unit_of(r, Lang.VI) == "Tấn"
    assert summary_line(term, Lang.VI) == "23 chỉ tiêu: 7 vượt, 10 đạt, 6 khó đạt"
    assert summary_line(term, Lang.EN) == "23 indicators: 7 exceeded, 10 achieved, 6 at risk"
