"""The arithmetic of targets: growth rates, averages, attainment and projections.

Pure functions over floats. A computation that has no meaningful answer (a zero base, fewer than
two points) raises :class:`NotComputable` with the reason; the engine reports it as "no data".
Rates are in percent throughout (7.5 means 7,5 %).

One rule for every percentage (README "How every figure is computed"): the difference first, exact
to the values' decimals (``difference``), then multiplied by 100, then divided — a ÷ b · 100 and
(a ÷ b − 1) · 100 carry the quotient's rounding error into the digits printed, and 4.007 against
4.000 read 0,17499999999999183 %, printed 0,17 where the exact 0,175 % prints 0,18.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..errors import NotComputable
# rounding and the magnitude limit live in numbers.py (one home); the core reaches them as calc.*
from ..numbers import MAX_MAGNITUDE as MAX_MAGNITUDE, exact_sum, round_half_up as round_half_up
from .model import Direction, Drop, Target

def _finite(x: float) -> float:
    if not math.isfinite(x):
        raise NotComputable("overflow")
    return x


def chain_average(rates: Sequence[float]) -> float:
    """Average growth over a period: the geometric mean of the chain indices, minus one.

    ((1 + r1)(1 + r2)…(1 + rn))^(1/n) − 1, the way Vietnamese statistics average yearly growth.
    The average of one year is that year's rate, as given (0,125 is 0,125, where (1,00125 − 1) · 100
    is 0,12499999999999734, printed 0,12).
    """
    if not rates:
        raise NotComputable("no_values")
    product = 1.0
    for rate in rates:
        index = 1 + rate / 100
        if index <= 0:
            raise NotComputable("fall_to_zero", rate)
        product *= index
    if len(rates) == 1:
        return rates[0]
    return _finite((_finite(product) ** (1 / len(rates)) - 1) * 100)


def mean(values: Sequence[float]) -> float:
    if not values:
        raise NotComputable("no_values")
    return math.fsum(values) / len(values)


def cagr(start: float, end: float, years: int) -> float:
    """Compound annual growth rate from ``start`` to ``end`` over ``years`` years; over one year
    the change itself (``change``: 4.000 to 4.007 is 0,175 %, where (4.007 ÷ 4.000 − 1) · 100 is
    0,17499999999999183, printed 0,17)."""
    if years <= 0:
        raise NotComputable("one_point")
    if start <= 0 or end <= 0:
        raise NotComputable("non_positive")
    if years == 1:
        return change(end, start)
    return float(((end / start) ** (1 / years) - 1) * 100)


def project(value: float, rate: float, years: int) -> float:
    """``value`` after ``years`` years of growth at ``rate`` percent a year."""
    try:
        return _finite(value * (1 + rate / 100) ** years)
    except OverflowError:
        raise NotComputable("overflow") from None


def required_growth(latest: float, target: float, years: int) -> float:
    """The yearly growth that takes ``latest`` to ``target`` in ``years`` years."""
    return cagr(latest, target, years)


def required_chain_rate(rates: Sequence[float], target_rate: float, total_years: int) -> float:
    """The average rate the remaining years need for the whole period to average ``target_rate``."""
    remaining = total_years - len(rates)
    if remaining <= 0:
        raise NotComputable("term_over")
    done = _finite(math.prod(1 + r / 100 for r in rates))
    if done <= 0:
        raise NotComputable("fall_to_zero", min(rates))
    needed = (1 + target_rate / 100) ** total_years / done
    return _finite((needed ** (1 / remaining) - 1) * 100)


def required_mean(values: Sequence[float], target_mean: float, total_years: int) -> float:
    """The mean the remaining years need for the whole period to average ``target_mean``."""
    remaining = total_years - len(values)
    if remaining <= 0:
        raise NotComputable("term_over")
    return (target_mean * total_years - math.fsum(values)) / remaining


def attainment(value: float, target: float, direction: Direction) -> float:
    """Percent of target reached, a figure that grows as the value gets better.

    The report's formulas where they keep their meaning: value / target when more is better and
    target / value when less is better, both for positive numbers. Elsewhere (README "Edge rules"):

    - a negative target: 100 + (value − target) / |target| · 100 (mirrored for at-most), so −2,17
      against "at least −2" is 91,50 %, never "Vượt 8,50%";
    - an at-most target reached at zero or below (the best outcome): infinity, shown as ∞;
    - an at-most target of zero or below with a value above it: the same linear rule;
    - a zero target: not computable (no scale to measure against).

    Each multiplied before it is divided (the module's rule): value · 100 ÷ target, target · 100 ÷
    value, and the linear rule as the same line written so, (2 · target − value) · 100 ÷ target at
    least, value · 100 ÷ target at most.
    """
    if target == 0:
        raise NotComputable("zero_target")
    if direction is Direction.AT_LEAST:
        if target > 0:
            return value * 100 / target
        return difference(2 * target, value) * 100 / target
    if target > 0:
        return math.inf if value <= 0 else target * 100 / value
    return value * 100 / target


def difference(a: float, b: float) -> float:
    """``a`` − ``b``, exact to the decimals they are written with (``numbers.exact_sum``): 86,1 −
    80 is 6,1, not 6,099999999999994, which a percentage of a small change would carry into its
    printed digits ((86,1 − 80) · 100 ÷ 80 is 7,625 %, printed 7,63, not 7,62)."""
    return exact_sum((a, -b))


def change(value: float, before: float) -> float:
    """The change of ``value`` against ``before`` in percent (so cùng kỳ): (value − before) · 100 ÷
    before, the difference exact to the values' decimals (``difference``) and multiplied before it is
    divided, so written numbers give their exact quotient correctly rounded (4.405 against 4.000 is
    10,125, where 100 · (4.405 ÷ 4.000 − 1) is 10,125000000000007)."""
    return difference(value, before) * 100 / before


def fall(before: float, after: float) -> float:
    """The fall of ``after`` below ``before`` in percent of ``before`` (a rate's drop, 4,12 → 2,23:
    45,87 %): (before − after) · 100 ÷ before, as ``change`` is, with the sign turned."""
    return difference(before, after) * 100 / before


def scaled(value: float, numerator: float, denominator: float) -> float:
    """``value`` · ``numerator`` ÷ ``denominator``, multiplied first: a lũy kế grown to the year
    by last year's whole over its lũy kế (4.405 · 5.500 ÷ 4.000 = 6.056,875, exact, where 4.405 ÷
    72,7272…% is 6056,874999999999)."""
    return value * numerator / denominator


def progress(baseline: float, value: float, target: float) -> float:
    """Percent of the way from the baseline to the target: (value − base) / (target − base)."""
    if target == baseline:
        raise NotComputable("target_is_baseline")
    return difference(value, baseline) * 100 / difference(target, baseline)


def share_totals(shares: Sequence[Sequence[tuple[int, float]]]) -> dict[int, float]:
    """The sum of the shares (as (year, value) pairs) in each year where every share has a value."""
    by_year: dict[int, list[float]] = {}
    for share in shares:
        for year, value in share:
            by_year.setdefault(year, []).append(value)
    return {year: math.fsum(values) for year, values in sorted(by_year.items()) if len(values) == len(shares)}


def index_to_rate(index: float) -> float:
    """A growth published as an index ("chỉ số 109,00", previous year = 100) as a rate: +9,00 %."""
    return index - 100


def yearly_drops(levels: Sequence[float], drop: Drop) -> list[float]:
    """The drop of a rate from each year to the next (4,12 → 2,23: 1,89 points, or 45,87 %)."""
    drops = []
    for previous, current in zip(levels, levels[1:]):
        if drop is Drop.POINTS:
            drops.append(previous - current)
        elif previous == 0:
            raise NotComputable("non_positive")
        else:
            drops.append(fall(previous, current))
    return drops


def total_drop(first: float, last: float, drop: Drop) -> float:
    """The drop of a rate over a whole period, in points or in percent of the first level."""
    if drop is Drop.POINTS:
        return first - last
    if first == 0:
        raise NotComputable("non_positive")
    return fall(first, last)


def band_attainment(value: float, low: float, high: float) -> float:
    """Percent of a two-sided band: 100 inside [low, high]; outside it, on either side, what a
    value as far below the lower bound attains (value/low below it): 31 and 34 in 32–33 are both
    96,875 %, so a value farther outside never has the higher percentage; never below 0."""
    outside = max(low - value, value - high, 0.0)
    if not outside:
        return 100.0
    return max(attainment(low - outside, low, Direction.AT_LEAST), 0.0)


def rescale(pct: float, target: Target, bound: float) -> float:
    """A percentage of ``target.value`` restated against another bound of the same range.

    Attainment is linear in the target: value/bound = value/low · low/bound, and for an at-most
    target bound/value = low/value · bound/low."""
    low = target.value
    if bound == low:
        return pct
    if not low:
        raise NotComputable("zero_target")
    return pct * low / bound if target.direction is Direction.AT_LEAST else pct * bound / low
