"""Finding an indicator from what a person types (core/lookup.py)."""

import pytest

from soctrang_kpi.core.lookup import find, named
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
