"""How results are said (output/wording.py): targets as printed, names and units in the language,
the counts line."""

import pytest

from soctrang_kpi.core.model import Basis, Direction, Drop, Kind, Target
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
    # a drop in percent of the year before ("Giảm 5%" of a count): never "Down 5", read as 5 people
    (Target(Kind.REDUCTION, value=5.0, drop=Drop.PERCENT), "Giảm 5%", "Down 5%"),
    (Target(Kind.REDUCTION, value=5.0, upper=7.0, drop=Drop.PERCENT), "Giảm 5–7%", "Down 5–7%"),
    (Target(Kind.REDUCTION, value=5.0, approximate=True, drop=Drop.PERCENT), "Giảm khoảng 5%", "Down about 5%"),
    (Target(Kind.GROUP), "", ""),
])
def test_a_target_as_the_report_prints_it(target, vi, en):
    assert (target_text(target, Lang.VI), target_text(target, Lang.EN)) == (vi, en)


@pytest.mark.parametrize(("target", "annual", "vi", "en"), [
    (Target(Kind.GROWTH, value=10.0, basis=Basis.LEVEL), True, "Tăng 10%", "Up 10%"),
    (Target(Kind.GROWTH, value=15.0, basis=Basis.LEVEL), False, "Tăng 15%/năm", "Up 15% a year"),
    (Target(Kind.GROWTH, value=10.0, upper=12.0, basis=Basis.LEVEL), True, "Tăng 10–12%", "Up 10–12%"),
    (Target(Kind.GROWTH, value=10.0, approximate=True, basis=Basis.LEVEL), False, "Tăng khoảng 10%/năm", "Up about 10% a year"),
    (Target(Kind.GROWTH, value=10.0), True, "10", "10"),  # a rate's row is in %: its number says it
])
def test_the_growth_of_a_level_is_written_as_a_rate_never_as_an_amount(target, annual, vi, en):
    """A growth of a level on a row in triệu USD: "10" would read as 10 triệu USD."""
    assert (target_text(target, Lang.VI, annual), target_text(target, Lang.EN, annual)) == (vi, en)


def test_a_computed_number_is_written_without_its_float_noise():
    """``written`` keeps a number's own decimals; a computed one's noise is not a decimal of it."""
    from soctrang_kpi.numbers import written

    for value, vi in ((6050.000000000001, "6.050"), (14.999999999999991, "15"), (0.1 + 0.2, "0,3"), (1 / 3, "0,33"), (0.745, "0,745"), (2999.99, "2.999,99")):
        assert written(value, "vi") == vi


def test_names_units_and_the_counts_line_in_either_language(term):
    r = term.find("seafood-output")
    assert name_of(r, Lang.VI) == "Sản lượng thuỷ, hải sản" and unit_of(r, Lang.VI) == "Tấn"
    assert summary_line(term, Lang.VI) == "23 chỉ tiêu: 7 vượt, 10 đạt, 6 khó đạt"
    assert summary_line(term, Lang.EN) == "23 indicators: 7 exceeded, 10 achieved, 6 at risk"
