"""The aggregation rules (README "Territory"): by hand, and as properties with hypothesis."""

import math

import pytest
from hypothesis import given, strategies as st

from soctrang_kpi.core import aggregate as agg

levels = st.floats(min_value=1, max_value=1e6, allow_nan=False)
values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
rates = st.floats(min_value=-50, max_value=50, allow_nan=False)


def test_by_hand():
    assert agg.total([62000, 34500, 25500]) == 122000
    assert agg.weighted_mean([71.5, 33.6, 30.2], [1260000, 1200000, 766000]) == pytest.approx(47.5955, abs=1e-4)
    assert agg.ratio([146521, 95400, 70700], [1260000, 1200000, 766000], 1000) == pytest.approx(96.9067, abs=1e-4)
    # 100 → 110 (10 %) and 300 → 303 (1 %): 413 / 400 = 3,25 %, not the mean 5,5 %
    assert agg.growth_of_rates([100, 300], [10, 1]) == pytest.approx(3.25)
    assert agg.growth([100, 300], [110, 303]) == pytest.approx(3.25)
    assert agg.count_meeting([19, 19, 17, 18, 19], at_least=19) == 3
    assert agg.count_meeting([2.1, 4.5, 3.0], at_most=3) == 2


def test_what_cannot_be_aggregated_is_refused():
    with pytest.raises(agg.NotAggregable):
        agg.weighted_mean([1, 2], [0, 0])
    with pytest.raises(agg.NotAggregable):
        agg.ratio([1, 2], [0, 0])
    with pytest.raises(agg.NotAggregable):
        agg.growth([0, 0], [1, 1])
    with pytest.raises(ValueError):
        agg.count_meeting([1], at_least=1, at_most=2)


@given(st.lists(st.tuples(values, values), min_size=1, max_size=30))
def test_the_sum_of_the_parts_is_the_whole_however_they_are_grouped(pairs):
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    whole = agg.total(a + b)
    assert whole == pytest.approx(agg.total([agg.total(a), agg.total(b)]), abs=1e-6)


@given(st.lists(st.tuples(values, levels), min_size=1, max_size=30))
def test_a_weighted_mean_lies_between_its_parts(pairs):
    xs, ws = [p[0] for p in pairs], [p[1] for p in pairs]
    mean = agg.weighted_mean(xs, ws)
    assert min(xs) - 1e-6 <= mean <= max(xs) + 1e-6


@given(st.lists(st.tuples(levels, rates), min_size=1, max_size=30))
def test_the_growth_of_the_aggregate_is_the_growth_of_the_summed_levels(pairs):
    before, rs = [p[0] for p in pairs], [p[1] for p in pairs]
    after = [agg.level_after(level, rate) for level, rate in pairs]
    expected = (sum(after) / sum(before) - 1) * 100
    assert agg.growth_of_rates(before, rs) == pytest.approx(expected, abs=1e-7)
    # the rates weighted by the previous year's levels, which lies between the parts' rates
    weighted = sum(level * rate for level, rate in pairs) / sum(before)
    assert agg.growth_of_rates(before, rs) == pytest.approx(weighted, abs=1e-7)
    assert min(rs) - 1e-7 <= agg.growth_of_rates(before, rs) <= max(rs) + 1e-7


@given(st.lists(st.tuples(levels, rates), min_size=1, max_size=10), st.lists(st.tuples(levels, rates), min_size=1, max_size=10))
def test_growth_aggregates_in_steps_as_in_one(first, second):
    """Communes to a province, provinces to the country: the same growth as from the communes."""
    whole = agg.growth_of_rates([p[0] for p in first + second], [p[1] for p in first + second])
    partial = [agg.growth_of_rates([p[0] for p in group], [p[1] for p in group]) for group in (first, second)]
    sums = [sum(p[0] for p in group) for group in (first, second)]
    assert whole == pytest.approx(agg.growth_of_rates(sums, partial), abs=1e-7)


@given(st.lists(st.floats(min_value=0, max_value=19), max_size=50), st.floats(min_value=0, max_value=19))
def test_a_worse_value_never_counts_more(xs, threshold):
    met = agg.count_meeting(xs, at_least=threshold)
    assert 0 <= met <= len(xs)
    assert agg.count_meeting([x - 1 for x in xs], at_least=threshold) <= met
    assert math.isclose(met, sum(1 for x in xs if x >= threshold))


@given(st.lists(st.tuples(values, levels, rates), min_size=1, max_size=20), st.data())
def test_a_better_part_never_makes_a_worse_whole(parts, data):
    """Raising one part's value (its level, its share, its numerator, its rate) never lowers the
    aggregate: a worse value of a part never earns the whole a better figure."""
    i = data.draw(st.integers(0, len(parts) - 1))
    up = data.draw(st.floats(min_value=0, max_value=1e3))
    xs, ws, gs = [p[0] for p in parts], [p[1] for p in parts], [p[2] for p in parts]
    better = list(xs)
    better[i] += up
    assert agg.total(better) >= agg.total(xs) - 1e-6
    assert agg.weighted_mean(better, ws) >= agg.weighted_mean(xs, ws) - 1e-6
    numerators = [abs(x) for x in xs]
    more = list(numerators)
    more[i] += up
    assert agg.ratio(more, ws) >= agg.ratio(numerators, ws) - 1e-6
    faster = list(gs)
    faster[i] += up / 100
    assert agg.growth_of_rates(ws, faster) >= agg.growth_of_rates(ws, gs) - 1e-9
