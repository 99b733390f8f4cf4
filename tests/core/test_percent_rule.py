"""The one rule of percentages (core/calc.py, README "How every figure is computed"): a difference
exact to the values' decimals, multiplied by 100, then divided. Checked against exact rational
arithmetic (``Fraction``) on written decimals, 0–3 decimals, at random and at the ties of the
printed precision, where a quotient's rounding error shows; and one row per input where the former
order (divided first, the difference as the floats give it) printed a wrong last digit."""

import math
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from soctrang_kpi.core import aggregate, calc
from soctrang_kpi.core.kinds import rates_of_levels
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.core.model import Basis, Direction, Drop, Kind, Point, Target
from soctrang_kpi.files import load

from .test_one_rule import TARGETS

DIGITS = 2  # the plans' precision


def printed(x: float) -> Fraction:
    """``x`` as kpi prints it: rounded half up at DIGITS (``numbers.round_half_up``)."""
    return Fraction(repr(calc.round_half_up(x, DIGITS)))


def exact(q: Fraction) -> Fraction:
    """The exact ``q`` rounded half up (away from zero) at DIGITS."""
    n = math.floor(abs(q) * 10**DIGITS + Fraction(1, 2))
    return Fraction(n if q >= 0 else -n, 10**DIGITS)


@st.composite
def written(draw, low: int = 1, high: int = 10**6) -> Fraction:
    """A number as written in a file: 0–3 decimals, ``low`` to ``high``."""
    d = draw(st.integers(0, 3))
    return Fraction(draw(st.integers(low * 10**d, high * 10**d)), 10**d)


@st.composite
def scale_and_step(draw, high: int = 10**6) -> tuple[Fraction, int]:
    """A written number ``s`` and an ``n`` for which ``s`` · n ÷ 20.000 is written with as many
    decimals: what is ``s`` away by n ÷ 200 % of it — a tie of the second decimal when n is odd."""
    d = draw(st.integers(0, 3))
    n = draw(st.integers(-40000, 40000))
    g = 20000 // math.gcd(n, 20000)
    s = Fraction(g * draw(st.integers(max(1, 10**d // g), max(1, high * 10**d // g))), 10**d)
    return s, n


@st.composite
def value_and_before(draw) -> tuple[Fraction, Fraction]:
    """(value, before), both written: at random, or ``value`` a given percentage from ``before``."""
    if draw(st.booleans()):
        return draw(written()), draw(written())
    before, n = draw(scale_and_step())
    return before + before * n / 20000, before


def _f(*xs: Fraction) -> list[float]:
    return [float(x) for x in xs]  # the float a file's "86.1" reads as


@given(value_and_before())
def test_a_change_prints_its_exact_value(pair):
    value, before = pair
    assert printed(calc.change(*_f(value, before))) == exact((value - before) * 100 / before)
    if value > 0:  # a CAGR of a level that stays above zero
        assert printed(calc.cagr(*_f(before, value), 1)) == exact((value - before) * 100 / before)
    assert printed(calc.fall(*_f(before, value))) == exact((before - value) * 100 / before)


@given(value_and_before())
def test_an_attainment_prints_its_exact_value(pair):
    value, target = pair
    if value <= 0:
        return
    least, most, negative = Direction.AT_LEAST, Direction.AT_MOST, -target
    assert printed(calc.attainment(*_f(value, target), least)) == exact(value * 100 / target)
    assert printed(calc.attainment(*_f(target, value), most)) == exact(value * 100 / target)
    # a negative target, the linear rule: 100 + (value − target) ÷ |target| · 100, mirrored at most
    assert printed(calc.attainment(*_f(-value, negative), least)) == exact(100 + (-value - negative) * 100 / target)
    assert printed(calc.attainment(*_f(-value, negative), most)) == exact(100 + (negative + value) * 100 / target)


@given(written(0, 10**5), value_and_before())
def test_a_progress_prints_its_exact_value(baseline, pair):
    value, way = pair  # value is `way` away by a given percentage: so is baseline + value of baseline + way
    low, now, goal = baseline, baseline + value, baseline + way
    assert printed(calc.progress(*_f(low, now, goal))) == exact((now - low) * 100 / (goal - low))


@given(st.lists(written(1, 10**4), min_size=1, max_size=4), st.lists(written(1, 10**4), min_size=1, max_size=4))
def test_an_areas_growth_prints_its_exact_value(before, after):
    after = (after * len(before))[: len(before)]
    total_before, total_after = sum(before), sum(after)
    assert printed(aggregate.growth(_f(*before), _f(*after))) == exact((total_after - total_before) * 100 / total_before)


@given(written(1, 10**4), written(1, 10**4), written())
def test_a_scaled_quotient_prints_its_exact_value(value, numerator, denominator):
    # at most 7 significant digits a factor: their product holds at most 14, within the 15 the
    # printing reads (two of 9 make 18, which no float holds: README "Within the year", the limit)
    assert printed(calc.scaled(*_f(value, numerator, denominator))) == exact(value * numerator / denominator)


# -- the inputs where dividing first printed a wrong last digit: one row each (old → exact) --

@pytest.mark.parametrize(
    "figure, old, new",
    [
        # 4.000 → 4.007: 0,175 %; (4.007 ÷ 4.000 − 1) · 100 is 0,17499999999999183, printed 0,17
        # (calc.change always multiplied first; a level's yearly rates and a one-year CAGR did not)
        (lambda: calc.change(4007, 4000), 0.17, 0.18),
        (lambda: calc.cagr(4000, 4007, 1), 0.17, 0.18),
        (lambda: aggregate.growth([4000], [4007]), 0.17, 0.18),
        # 80 → 86,1: 7,625 %; 86,1 − 80 is 6,099999999999994 as floats, 7,624999999999993 % either way
        (lambda: calc.change(86.1, 80), 7.62, 7.63),
        # one year's average is its rate: (1,00125 − 1) · 100 is 0,12499999999999734
        (lambda: calc.chain_average([0.125]), 0.12, 0.13),
        # a drop of 100 → 97,805 in percent: 2,195 %, where (100 − 97,805) ÷ 100 · 100 is 2,194999999999993
        (lambda: calc.yearly_drops([100, 97.805], Drop.PERCENT)[0], 2.19, 2.2),
        (lambda: calc.total_drop(100, 97.805, Drop.PERCENT), 2.19, 2.2),
        # negative targets, the linear rule: 100 + (−197,805 + 100) ÷ 100 · 100 is 2,194999999999993
        (lambda: calc.attainment(-197.805, -100, Direction.AT_LEAST), 2.19, 2.2),
        (lambda: calc.attainment(-2.195, -100, Direction.AT_MOST), 2.19, 2.2),
        # 6.810,98 → 6.796,15 of the way to 6.818,98: −185,375 %, divided first −185,3749999999991
        (lambda: calc.progress(6810.98, 6796.15, 6818.98), -185.37, -185.38),
    ],
)
def test_where_dividing_first_printed_a_wrong_last_digit(figure, old, new):
    assert calc.round_half_up(figure(), DIGITS) == new != old


def test_the_yearly_rates_of_levels_are_their_changes():
    target = Target(Kind.GROWTH, value=0.1, basis=Basis.LEVEL)
    rates = rates_of_levels(target, (Point(2020, 4000.0), Point(2021, 4007.0), Point(2022, 4407.7)), lambda _: ())
    assert [(p.year, calc.round_half_up(p.value, DIGITS)) for p in rates] == [(2021, 0.18), (2022, 10.0)]


def _evaluated(target: str, values: dict[int, float]):
    actual = ", ".join(f"{year}: {value!r}" for year, value in sorted(values.items()))
    dataset, _ = load.load_texts(TARGETS.format(target=target), f"schema_version: 1\nseries:\n  x:\n    actual: {{{actual}}}\n")
    return evaluate(dataset, "p", 2025).results[0]


@pytest.mark.parametrize(
    "target, values, pct, excess",
    [
        # 4.007 of 4.000 is 100,175 %: "100,18%" and "Vượt 0,18%" (was 0,17: 100,17499999999999716 − 100)
        ("kind: level, value: 4000", {2020: 3000, 2025: 4007}, 100.18, 0.18),
        ("kind: level, value: 80", {2020: 70, 2025: 80.14}, 100.18, 0.18),  # 100,175 % too
        ("kind: level, direction: at_most, value: 4007", {2020: 5000, 2025: 4000}, 100.18, 0.18),
    ],
)
def test_the_excess_is_the_printed_percentage_less_100(target, values, pct, excess):
    r = _evaluated(target, values)
    assert calc.round_half_up(r.figures.attainment_pct, DIGITS) == pct
    assert r.excess == excess
