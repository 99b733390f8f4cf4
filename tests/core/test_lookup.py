"""Finding an indicator from what a person types (core/lookup.py)."""

import pytest
from hypothesis import given, strategies as st

from soctrang_kpi.core.lookup import find, named, suggestions
from soctrang_kpi.errors import UsageError


@pytest.mark.parametrize(("typed", "found"), [
    ("seafood-output", "seafood-output"), ("5", "seafood-output"), ("thuy san", "seafood-output"),
    ("THUỶ SẢN", "seafood-output"), ("7.1", "new-rural-communes"),
])
def test_an_indicator_by_id_number_or_name(term, typed, found):
    assert find(term, typed).id == found


def test_nothing_alike_is_a_usage_error(term):
    with pytest.raises(UsageError):
        find(term, "zzzz qqqq")


def test_a_row_named_exactly_is_known_before_the_plan_is_evaluated(term):
    rows = term.plan.rows
    for typed in ("seafood-output", " 5 ", "7.1", "thuy san", "zzzz"):
        exact = named(rows, typed)
        try:
            found = find(term, typed).id
        except UsageError:
            found = None
        assert exact in (None, found)
        assert (exact is None) == (typed.strip() not in {r.indicator for r in rows} | {r.no for r in rows})


ENTRIES = [
    ("1", "investment", "Tổng vốn đầu tư toàn xã hội", "Total social investment"),
    ("2", "revenue", "Tổng thu ngân sách", "Budget revenue"),
    ("3", "spending", "Chi ngân sách", "Budget spending"),
    ("4", "forest", "Tỷ lệ che phủ rừng", ""),
]


@pytest.mark.parametrize("typed, first", [
    ("social investmnt", "investment"),  # the words of the English name, one misspelt
    ("budget spendng", "spending"),  # before "Budget revenue", which has one word of two
    ("tong von dau tu", "investment"),  # the Vietnamese name as before
    ("chi ngan sch", "spending"),
])
def test_suggestions_in_english_rank_by_the_english_name_as_by_the_vietnamese(typed, first):
    found = suggestions(ENTRIES, typed, english=True)
    assert found and str(found[0]).split()[1] == first, [str(w) for w in found]


def test_suggestions_in_vietnamese_rank_by_the_vietnamese_name():
    assert suggestions(ENTRIES, "social investmnt") == ()  # nothing of "Tổng vốn đầu tư toàn xã hội"



@given(st.text(alphabet="abcdeghinotu ", max_size=12), st.text(alphabet="abcdeghinotu ", max_size=12), st.sampled_from([0.6, 0.75, 0.8]))
def test_the_ratio_is_the_full_ratio_wherever_it_reaches_the_bound_and_nothing_below(a, b, least):
    """`_ratio_from` skips the full comparison where its cheap upper bounds fall short: the same
    suggestions at a fraction of the work, never another ranking."""
    from difflib import SequenceMatcher

    from soctrang_kpi.core.lookup import _ratio_from

    full = SequenceMatcher(None, a, b).ratio()
    assert _ratio_from(SequenceMatcher, a, b, least) == (full if full >= least else 0.0)
