"""What an indicator's values can be (soctrang_kpi/core/bounds.py): the unit's bounds, an
indicator's own, and a value held within them."""

import math

import pytest
from hypothesis import given, strategies as st

from soctrang_kpi.core import bounds
from soctrang_kpi.core.model import Indicator


def _indicator(unit: str, own=None) -> Indicator:
    return Indicator(id="x", name="x", unit=unit)._replace(bounds=own)


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("%", (0.0, 100.0)), ("% GRDP", (0.0, 100.0)), ("Đảng viên", (0.0, None)), ("Xã", (0.0, None)),
     ("Thứ hạng", (1.0, None)), ("Tỷ đồng", (None, None)), ("Triệu đồng/người", (None, None))],
)
def test_a_units_bounds(unit, expected):
    assert bounds.bounds_of(_indicator(unit)) == expected


@pytest.mark.parametrize("word", bounds.PERCENT_UNITS)
def test_every_percent_word_is_a_shares_unit_for_each_reader(word):
    """The percent words are one table (bounds.PERCENT_UNITS): as a unit, each is a share held in
    0–100 here, a row of percentages to core/kinds (never amounts to add up over the term), and a
    unit no size word is read against (files/appendix_layout.unit_scale)."""
    from soctrang_kpi.core.kinds import PERCENT_UNIT_WORDS
    from soctrang_kpi.files import appendix_layout as layout

    assert bounds.bounds_of(_indicator(word.upper())) == (0.0, 100.0)
    assert ("tong thu | " + word).endswith(PERCENT_UNIT_WORDS)
    assert layout.unit_scale(word.title()) is None and layout.unit_scale(f"{word.title()} GRDP") is None


def test_an_indicators_own_bounds_come_before_its_units():
    assert bounds.bounds_of(_indicator("%", (0.0, 150.0))) == (0.0, 150.0)


def test_the_issues_share_is_held_at_100():
    """A share of online services 45 → 58 trends to 160,06 by 2030 (issue 21): held at 100."""
    assert bounds.held(160.06, (0.0, 100.0)) == 100.0
    assert bounds.held(-208_000, (0.0, None)) == 0.0 and bounds.held(0.4, (1.0, None)) == 1.0


finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9)


@given(finite, st.one_of(st.none(), finite), st.one_of(st.none(), finite))
def test_a_held_value_lies_within_its_bounds_and_is_unchanged_inside(value, low, high):
    if low is not None and high is not None and low > high:
        low, high = high, low
    kept = bounds.held(value, (low, high))
    assert (low is None or kept >= low) and (high is None or kept <= high)
    inside = (low is None or value >= low) and (high is None or value <= high)
    assert (kept == value) == inside or math.isclose(kept, value)


@given(finite, finite)
def test_holding_keeps_the_order_of_values(a, b):
    lo, hi = min(a, b), max(a, b)
    assert bounds.held(lo, (0.0, 100.0)) <= bounds.held(hi, (0.0, 100.0))


@pytest.mark.parametrize(
    ("unit", "expected", "whole"),
    [("Vụ", (0.0, None), True), ("vụ/năm", (0.0, None), True), ("Vụ việc", (0.0, None), True), ("ca", (0.0, None), True),
     ("người / năm", (0.0, None), True), ("cases", (0.0, None), True),
     # a count per population is not a whole count; an amount per year may be a balance: neither is read as a count
     ("ca/100.000 dân", (None, None), False), ("Tỷ đồng/năm", (None, None), False), ("vụ/xã", (None, None), False)],
)
def test_a_count_of_cases_or_per_period_is_a_count(unit, expected, whole):
    assert bounds.bounds_of(_indicator(unit)) == expected
    assert bounds.whole_numbers(unit) is whole


@pytest.mark.parametrize(
    ("unit", "expected", "whole"),
    [
        # a count noun with what it counts after it (README "Forecast": the unit begins with a count)
        ("Hộ nghèo", (0.0, None), True), ("Hộ gia đình", (0.0, None), True), ("người lao động", (0.0, None), True),
        ("Doanh nghiệp thành lập mới", (0.0, None), True), ("Xã đạt chuẩn nông thôn mới", (0.0, None), True),
        ("Xã, phường", (0.0, None), True), ("Huyện, thị xã", (0.0, None), True), ("hộ nghèo/năm", (0.0, None), True),
        # count nouns the list lacked
        ("Hợp tác xã", (0.0, None), True), ("Học sinh", (0.0, None), True), ("sản phẩm OCOP", (0.0, None), True),
        ("Lượt khách", (0.0, None), True), ("Dự án", (0.0, None), True), ("households", (0.0, None), True),
        # a count in thousands or millions: never below 0, but not whole (12,5 nghìn người)
        ("Nghìn người", (0.0, None), False), ("nghìn tấn", (0.0, None), False), ("Triệu lượt khách/năm", (0.0, None), False),
        # in billions too (the size words are one table, bounds.SCALE_WORDS): unbounded before
        ("Tỷ lượt khách", (0.0, None), False), ("tỉ người", (0.0, None), False), ("billion people", (0.0, None), False),
        # no count: money in thousands, a count per population or per person
        ("Nghìn tỷ đồng", (None, None), False), ("Triệu đồng/hộ", (None, None), False),
        ("Bác sỹ/vạn dân", (None, None), False), ("Giường bệnh/vạn dân", (None, None), False), ("điểm %", (None, None), False),
        ("Chỉ số", (None, None), False), ("áp suất", (None, None), False),
    ],
)
def test_a_unit_that_begins_with_a_count_is_a_count(unit, expected, whole):
    assert bounds.bounds_of(_indicator(unit)) == expected
    assert bounds.whole_numbers(unit) is whole


@pytest.mark.parametrize(
    ("unit", "expected", "whole"),
    [
        # a percentage of what a count counts, the noun before or after it, in brackets or not: a
        # share, held in 0–100 as "%" is (found by a QA pass: unbounded)
        ("% hộ", (0.0, 100.0), False), ("% hộ nghèo", (0.0, 100.0), False), ("% (người)", (0.0, 100.0), False),
        ("Hộ %", (0.0, 100.0), False), ("Phần trăm hộ", (0.0, 100.0), False), ("percent of households", (0.0, 100.0), False),
        ("(%)", (0.0, 100.0), False),
        # "(%)" after a unit (kpi's, beside amounts a share or a growth is derived from; an office's
        # "Hộ (%)" over a poverty rate): the bounds of the unit before it, never whole ("Người (%)"
        # was read as a rate, unbounded, by the "%" in it; then "Hộ (%)" 3,4 as 3 households)
        ("Người (%)", (0.0, None), False), ("Hộ (%)", (0.0, None), False), ("Lao động (%)", (0.0, None), False),
        ("Nghìn người (%)", (0.0, None), False), ("Thứ hạng (%)", (1.0, None), False),
        ("Nghìn tỷ đồng (%)", (None, None), False),
        # a percentage of no count: a plan's, another period's, a rate per year, points
        ("% so cùng kỳ", (None, None), False), ("% kế hoạch", (None, None), False), ("% hộ/năm", (None, None), False),
        ("%/năm", (None, None), False), ("điểm %", (None, None), False), ("percentage", (None, None), False),
    ],
)
def test_a_percentage_of_a_count_is_a_share_and_kpis_derived_unit_its_amounts(unit, expected, whole):
    assert bounds.bounds_of(_indicator(unit)) == expected
    assert bounds.whole_numbers(unit) is whole


@given(st.sampled_from(sorted(bounds.COUNT_UNITS)))
def test_a_count_with_a_percent_beside_it_is_never_whole_either_way_round(noun):
    """"% (người)" (a percentage of people: a share) and "Người (%)" (people's unit with "(%)"
    after it) are both never below 0 and neither is whole: the "%" says the values may be
    percentages, which a count's whole numbers would round (3,4 → 3)."""
    assert bounds.unit_reading(noun)[1]
    for unit in (f"% ({noun})", f"{noun} (%)", f"{noun.upper()} (%)"):
        (low, _), whole = bounds.unit_reading(unit)
        assert low == 0.0 and not whole, unit


@pytest.mark.parametrize("word", sorted(bounds.SCALE_WORDS))
def test_every_size_word_before_a_count_gives_a_count_not_whole(word):
    """Each word of the one table of size words (chục, vạn, tỷ, billion, …), accented or not,
    gives a count in tens, thousands, billions: never below 0, not whole; money is no count."""
    for unit in (f"{word} người", f"{word.title()} lượt khách/năm", f"{word} hộ nghèo"):
        assert bounds.bounds_of(_indicator(unit)) == (0.0, None) and not bounds.whole_numbers(unit), unit
    assert bounds.bounds_of(_indicator(f"{word} đồng")) == (None, None)


@given(st.sampled_from(sorted(bounds.COUNT_UNITS)), st.sampled_from(["", " nghèo", " mới", " đạt chuẩn", "/năm", "/tháng"]))
def test_every_count_noun_counts_with_what_follows_it(noun, rest):
    assert bounds.bounds_of(_indicator(noun + rest)) == (0.0, None)
    assert bounds.bounds_of(_indicator("nghìn " + noun + rest)) == (0.0, None) and not bounds.whole_numbers("nghìn " + noun + rest)


@pytest.mark.parametrize(("text", "rate"), [
    ("%", True), ("‰", True), ("Ca/100.000 dân", True), ("/1.000 dân", True), ("per 100,000 live births", True),
    ("per 10,000 vehicles", True), ("Số ca mắc sốt xuất huyết trên 100.000 dân", True), ("ca/1 triệu dân", True),
    ("Triệu đồng/người", True),
    # any number of a population after "trên" in a unit, as after "/" or "per" (found by a QA pass:
    # "ca trên 5.000 dân" was read as a count of cases, whole)
    ("ca trên 5.000 dân", True), ("Bác sĩ trên 2.500 người dân", True), ("trên 5.000 người", True), ("ca/5.000 dân", True),
    ("cases per 5,000 people", True), ("per 2,500 inhabitants", True),
    # per a period a count stays a count; "trên" before no round base nor population is no "per"
    ("Vụ/năm", False), ("deaths per year", False), ("Người", False), ("Số xã trên địa bàn", False),
    ("Số hộ có thu nhập trên 100 triệu đồng", False), ("Số vụ tai nạn trên 3 tuyến quốc lộ", False),
    ("trên 5.000 triệu đồng", False),
])
def test_a_rate_is_told_by_one_rule(text, rate):
    """bounds.rate_said, the one rule kpi tells a rate by (a unit's bounds, an event count's flow)."""
    from soctrang_kpi.core.classify import fold

    assert bounds.rate_said(fold(text)) is rate
    if rate and text != "%":  # a rate's unit is no count (a percentage is a share: 0–100)
        assert bounds.unit_reading(text) == ((None, None), False)


@pytest.mark.parametrize(("name", "rate"), [
    ("Số người chết/bị thương do tai nạn giao thông", False), ("Số xã/phường có cháy rừng", False),
    ("Số ca mắc sốt xuất huyết/100.000 dân", True), ("Số vụ tai nạn giao thông/năm", False),
    # in a name "trên" before a number that is no round base is "more than"
    ("Số vụ tai nạn làm chết trên 5 người", False), ("Số xã có trên 5.000 dân", False),
    ("Số ca mắc sốt xuất huyết trên 100.000 dân", True),
])
def test_in_a_name_a_slash_before_a_word_is_or_not_per(name, rate):
    """"chết/bị thương" in a name is "chết or bị thương"; "/100.000 dân" is per (as in a unit, where
    "triệu đồng/hộ" is per too)."""
    from soctrang_kpi.core.classify import fold

    assert bounds.rate_said(fold(name), name=True) is rate
    assert bounds.rate_said(fold("Triệu đồng/hộ"))


def test_the_size_words_are_folded_on_first_use():
    assert bounds.scale_folded() == {"chuc", "nghin", "ngan", "van", "trieu", "ty", "ti", "thousand", "thousands", "million", "millions", "billion", "billions", "trillion", "trillions"}
    assert bounds.scale_folded() is bounds.scale_folded()


#: the "(%)" kpi prints after a unit, as a regular expression: what ``without_derived_beside`` removes
DERIVED_BESIDE = r"\s*\(\s*%\s*\)\s*$"


def _per_bases_by_pattern(folded: str) -> list[tuple[str, str, str]]:
    """What ``per_bases`` read with a regular expression before (the oracle it must agree with)."""
    import re

    sizes = "|".join(sorted(bounds.scale_folded(), key=len, reverse=True))
    numbered = rf"(?=\s+[\d.,]*\d[\d.,]*\s+(?!(?:{sizes})\b)[a-z])"
    return re.findall(rf"(/|\bper\b|\btren{numbered})\s*([\d.,]+)?\s*(?:(?:{sizes})\s+)*([a-z]+)", folded)


_PIECES = ["/", "per", "tren", "super", "trent", "perk", " ", "  ", "\t", "1", "100", "1.000", "100,000", "5", "5.000",
           ",", ".", "trieu", "nghin", "ty", "ti", "thousands", "million", "dan", "nguoi", "nam", "km2", "a", "_", "ê", "٣", "(", ")"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_what_values_are_per_is_read_as_the_regular_expression_read_it(folded):
    assert bounds.per_bases(folded) == _per_bases_by_pattern(folded)


@pytest.mark.parametrize("folded, found", [
    ("ca/100.000 dan", [("/", "100.000", "dan")]),
    ("bac sy/van dan", [("/", "", "dan")]),
    ("ca tren 5.000 dan", [("tren", "5.000", "dan")]),
    ("tren 100 trieu dong", []),
    ("deaths per 1 million people", [("per", "1", "people")]),
    ("/trieu", [("/", "", "trieu")]),
    ("super 100 dan", []),
])
def test_per_bases_of_units_people_write(folded, found):
    assert bounds.per_bases(folded) == found


@pytest.mark.parametrize("unit, amounts", [
    ("Người (%)", "Người"), ("Nghìn tỷ đồng ( % )  ", "Nghìn tỷ đồng"), ("(%)", ""), ("%", "%"),
    ("Người", "Người"), ("Tỷ lệ (% GRDP)", "Tỷ lệ (% GRDP)"), ("a (b) (%)", "a (b)"),
])
def test_without_derived_beside_is_the_pattern_removed(unit, amounts):
    import re

    assert bounds.without_derived_beside(unit) == amounts == re.sub(DERIVED_BESIDE, "", unit)


@given(st.lists(st.sampled_from(["Người", "x", " ", "(", ")", "%", "%)", "(%", "\t", "đ"]), max_size=10).map("".join))
def test_without_derived_beside_removes_what_the_pattern_removes(unit):
    import re

    assert bounds.without_derived_beside(unit) == re.sub(DERIVED_BESIDE, "", unit)


#: what ``_round_base`` replaced (a round base: 1 and zeros, maybe grouped), as the oracle
ROUND_BASE = r"1(?:[.,]?0)+"


@given(st.tuples(st.sampled_from(["1", "1", "", "5", "01"]), st.lists(st.sampled_from(["0", "00", ".", ",", "5", "1", " ", "٠"]), max_size=8))
       .map(lambda first_rest: first_rest[0] + "".join(first_rest[1])))
def test_a_round_base_is_read_as_the_regular_expression_read_it(number):
    import re

    assert bounds._round_base(number) is (re.fullmatch(ROUND_BASE, number) is not None)


@pytest.mark.parametrize("number, round_", [
    ("100", True), ("1.000", True), ("100,000", True), ("1.0", True), ("10", True),
    ("1", False), ("", False), ("1.", False), ("10.", False), ("1..0", False), ("1.00.", False), ("101", False), ("5.000", False),
])
def test_round_bases_people_write(number, round_):
    assert bounds._round_base(number) is round_
