"""Properties of the maths (hypothesis) and the fixed points the report relies on."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soctrang_kpi.core import calc
from soctrang_kpi.core.classify import value_reaches
from soctrang_kpi.errors import NotComputable
from soctrang_kpi.core.model import Direction

settings.register_profile("ci", max_examples=150, deadline=None)
settings.load_profile("ci")

positive = st.floats(min_value=1e-3, max_value=1e9, allow_nan=False, allow_infinity=False)
rates = st.floats(min_value=-50, max_value=100, allow_nan=False)
years = st.integers(min_value=1, max_value=30)


@given(positive, st.floats(min_value=0.01, max_value=100), years)
def test_cagr_and_projection_round_trip(start, ratio, n):
    end = start * ratio  # economic series move by at most a factor of 100 over a term
    rate = calc.cagr(start, end, n)
    assert math.isclose(calc.project(start, rate, n), end, rel_tol=1e-9)


@given(st.lists(rates, min_size=1, max_size=10))
def test_chain_average_lies_between_the_extremes(values):
    average = calc.chain_average(values)
    assert min(values) - 1e-9 <= average <= max(values) + 1e-9


@given(rates, st.integers(min_value=1, max_value=10))
def test_chain_average_of_a_constant_rate_is_that_rate(rate, n):
    assert math.isclose(calc.chain_average([rate] * n), rate, abs_tol=1e-9)


@given(st.lists(rates, min_size=1, max_size=4), st.floats(min_value=-10, max_value=30), st.integers(min_value=5, max_value=8))
def test_required_chain_rate_reaches_the_target(done, target, total):
    needed = calc.required_chain_rate(done, target, total)
    if needed <= -100:
        return  # the remaining years would have to fall below zero: no such growth exists
    reached = calc.chain_average(done + [needed] * (total - len(done)))
    assert math.isclose(reached, target, abs_tol=1e-6)


@given(st.lists(rates, min_size=1, max_size=4), rates, st.integers(min_value=5, max_value=8))
def test_required_mean_reaches_the_target(done, target, total):
    needed = calc.required_mean(done, target, total)
    assert math.isclose(calc.mean(done + [needed] * (total - len(done))), target, abs_tol=1e-6)


@given(positive, positive, positive)
def test_attainment_rises_with_the_value_when_more_is_better(a, b, target):
    low, high = sorted((a, b))
    assert calc.attainment(low, target, Direction.AT_LEAST) <= calc.attainment(high, target, Direction.AT_LEAST)


@given(positive, positive, positive)
def test_attainment_falls_with_the_value_when_less_is_better(a, b, target):
    low, high = sorted((a, b))
    assert calc.attainment(low, target, Direction.AT_MOST) >= calc.attainment(high, target, Direction.AT_MOST)


@given(positive, positive, positive)
def test_progress_is_zero_at_baseline_and_100_at_target(base, value, target):
    if math.isclose(base, target):
        return
    assert calc.progress(base, base, target) == 0
    assert math.isclose(calc.progress(base, target, target), 100)


def test_2021_2023_grdp_growth_is_the_geometric_mean_of_chain_indices():
    assert round(calc.chain_average([2.49, 7.76, 7.10]), 2) == 5.76


@pytest.mark.parametrize(
    "call",
    [
        lambda: calc.cagr(0, 10, 3),
        lambda: calc.cagr(-1, 10, 3),
        lambda: calc.cagr(10, 20, 0),
        lambda: calc.chain_average([]),
        lambda: calc.chain_average([-100]),
        lambda: calc.attainment(5, 0, Direction.AT_LEAST),
        lambda: calc.attainment(5, 0, Direction.AT_MOST),
        lambda: calc.progress(5, 6, 5),
        lambda: calc.required_mean([1, 2], 3, 2),
    ],
)
def test_impossible_arithmetic_raises_not_computable(call):
    with pytest.raises(NotComputable):
        call()


@pytest.mark.parametrize(
    "value, digits, expected",
    [(100.005, 2, 100.01), (100.004999, 2, 100.0), (0.125, 2, 0.13), (-2.345, 2, -2.35), (0.1 + 0.2, 1, 0.3), (72.5, 0, 73)],
)
def test_round_half_up(value, digits, expected):
    assert calc.round_half_up(value, digits) == expected


@pytest.mark.parametrize(
    "value, bound, direction, strict, meets",
    [(80, 80, Direction.AT_LEAST, True, False), (80.01, 80, Direction.AT_LEAST, True, True),
     (1.5, 1.5, Direction.AT_MOST, True, False), (1.5, 1.5, Direction.AT_MOST, False, True)],
)
def test_thresholds_trên_and_dưới_are_strict(value, bound, direction, strict, meets):
    assert value_reaches(value, bound, direction, 2, strict) is meets
