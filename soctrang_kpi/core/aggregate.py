"""The aggregation rules: an area's value of a year made from its parts' values (README
"Territory"). Pure functions of numbers; which parts and which years is core/areas.py's.

Each rule is one formula, over the parts i of an area:

- sum: Σ xᵢ (flows, counts, levels at constant prices)
- mean_weighted_by w: Σ wᵢ·xᵢ ÷ Σ wᵢ (a share by population, a rate by GRDP)
- ratio [a, b] with scale k: Σ aᵢ ÷ Σ bᵢ × k (per-capita GRDP = GRDP ÷ population)
- growth_of L: Σ Lᵢ(t) ÷ Σ Lᵢ(t−1) × 100 − 100, where a part's Lᵢ(t) is its level or, when only
  its rate gᵢ(t) is known, Lᵢ(t−1)·(1 + gᵢ(t)/100): the rates weighted by the previous year's
  levels, Σ Lᵢ(t−1)·gᵢ(t) ÷ Σ Lᵢ(t−1) — never the plain mean of the rates
- count of x at least (at most) c: #{i : xᵢ ≥ c} ("320/411 xã đạt chuẩn")
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import mul

from .calc import change, scaled


class NotAggregable(ValueError):
    """The parts' values cannot make the whole: a weight or a denominator that sums to zero."""


def total(values: Sequence[float]) -> float:
    """Σ xᵢ."""
    return float(sum(values))


def weighted_mean(values: Sequence[float], weights: Sequence[float]) -> float:
    """Σ wᵢ·xᵢ ÷ Σ wᵢ; NotAggregable when the weights are not positive."""
    if len(values) != len(weights):
        raise ValueError("one weight per value")
    if not weights or min(weights) < 0 or sum(weights) <= 0:
        raise NotAggregable("weights")
    whole = sum(weights)
    return float(sum(map(mul, values, weights)) / whole)


def ratio(numerators: Sequence[float], denominators: Sequence[float], scale: float = 1.0) -> float:
    """Σ aᵢ ÷ Σ bᵢ × k, computed Σ aᵢ × k ÷ Σ bᵢ (``calc.scaled``: multiplied first, README "How
    every figure is computed"); NotAggregable when the denominators sum to zero."""
    below = sum(denominators)
    if below == 0:
        raise NotAggregable("denominator")
    return float(scaled(sum(numerators), scale, below))


def level_after(previous: float, rate: float) -> float:
    """A level one year on from its rate in percent: L(t) = L(t−1)·(1 + g/100)."""
    return previous * (1 + rate / 100)


def growth(previous: Sequence[float], current: Sequence[float]) -> float:
    """The growth in percent of the summed levels: Σ Lᵢ(t) ÷ Σ Lᵢ(t−1) × 100 − 100, computed as
    ``calc.change`` of the sums, (Σ Lᵢ(t) − Σ Lᵢ(t−1)) × 100 ÷ Σ Lᵢ(t−1)."""
    before = sum(previous)
    if len(previous) != len(current):
        raise ValueError("one current level per previous level")
    if before <= 0:
        raise NotAggregable("level")
    return float(change(sum(current), before))


def growth_of_rates(previous: Sequence[float], rates: Sequence[float]) -> float:
    """The same growth from the parts' previous levels and their own rates: the rates weighted by
    the previous year's levels (chain-linking), equal to ``growth`` of the levels they imply."""
    return growth(previous, [level_after(level, rate) for level, rate in zip(previous, rates)])


def count_meeting(values: Sequence[float], at_least: float | None = None, at_most: float | None = None) -> int:
    """#{i : xᵢ ≥ at_least} (or ≤ at_most): how many parts meet a threshold. Compared exactly,
    not by the verdicts' rule at the plan's precision (``classify.reaches``): the values are a
    part's own counts (19 tiêu chí nông thôn mới), whole numbers, and no plan's verdict yet."""
    if (at_least is None) == (at_most is None):
        raise ValueError("one of at_least and at_most")
    if at_least is not None:
        return sum(1 for x in values if x >= at_least)
    assert at_most is not None
    return sum(1 for x in values if x <= at_most)
