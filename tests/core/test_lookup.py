"""Finding an indicator from what a person types (core/lookup.py)."""

import pytest

from soctrang_kpi.core.lookup import find
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
