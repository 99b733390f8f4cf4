"""Pace: is the indicator moving fast enough? Open SDG's progress measure, adapted.

Open SDG (sdg-build, ``ProgressMeasure.py``) rates a series by the ratio of its observed yearly
growth since the base year to the yearly growth the target needs from the base year:

    ratio = observed growth per year / required growth per year

and four bands (README "Pace"):

    ratio ≥ 0,95        on track             (đúng tiến độ)
    0,6 ≤ ratio < 0,95  acceleration needed  (cần tăng tốc)
    0 ≤ ratio < 0,6     too slow             (quá chậm)
    ratio < 0           going backwards      (đi lùi)

Growth is compound (CAGR) when both values are positive, else linear (change per year), so the
ratio keeps its meaning for negative values and sign changes. Pace sits beside the verdict: it
looks at the road travelled, the verdict at the forecast. The edge cases, each named:

- ``target_met``: the current value (or period average) already meets the target: on track, even
  if the ratio is small or undefined (Open SDG's "target achieved").
- ``behind_from_start``: the target lies at or behind the base value in the improving direction
  (an at-most target already kept at the base) and the value has left it: going backwards.
- *at-most targets*: growth is measured downwards; the ratio of two falls is positive, a rise
  against a required fall is negative.
- *growth-rate and average targets*: the yearly values are already rates, so the observed
  figure is the period average so far and the required one is the target: the ratio is the
  attainment of the average (``calc.attainment`` / 100, sign-safe for negative targets).
- *no pace*: fewer than two years, or no target: ``None``.
"""

from __future__ import annotations

from ..records import NamedTuple
from enum import Enum

from . import calc
from .calc import round_half_up
from .classify import reaches, value_reaches
from .model import Direction, Point
from ..errors import NotComputable


class Band(str, Enum):
    ON_TRACK = "on_track"
    ACCELERATE = "accelerate"
    TOO_SLOW = "too_slow"
    BACKWARDS = "backwards"


#: lower bound of the ratio for each band, best first (Open SDG's thresholds)
BANDS: tuple[tuple[float, Band], ...] = ((0.95, Band.ON_TRACK), (0.6, Band.ACCELERATE), (0.0, Band.TOO_SLOW))


class Pace(NamedTuple):
    band: Band
    ratio: float | None  # None when the band follows from an edge case alone
    basis: str = "ratio"  # "ratio", "target_met" or "behind_from_start"


#: the decimals a ratio is printed with ("Đúng tiến độ (0,95)"): bands are judged as printed, so
#: float noise (a 5-year average of 9,4999… against 10) never rates "0,95" as "Cần tăng tốc"
RATIO_DECIMALS = 2


def band_of(ratio: float) -> Band:
    # classify.reaches's rule for each band's lower bound, the ratio rounded once: the bounds are
    # written at RATIO_DECIMALS, so the rule's rounding of them is none (cProfile of 10.000 rows:
    # band_of 0,32 s by the rule called for each bound, 0,10 s so)
    shown = round_half_up(ratio, RATIO_DECIMALS)
    for lower, band in BANDS:
        if shown >= lower:
            return band
    return Band.BACKWARDS


def _yearly(start: float, end: float, years: int) -> float:
    """Growth per year: compound when both ends are positive, else linear (units per year)."""
    if start > 0 and end > 0:
        return calc.cagr(start, end, years)
    return (end - start) / years


def level_pace(
    base: Point, latest: Point, target: float, target_year: int, direction: Direction, strict: bool = False, precision: int = 2
) -> Pace | None:
    """Pace of a value that must reach ``target`` by ``target_year``, measured from ``base``.
    ``strict`` ("Trên 80"): the target is met only past it; whether a value reaches it is the
    verdict's rule (``classify.value_reaches``, at the plan's ``precision``)."""
    if latest.year <= base.year or target_year <= base.year:
        return None
    if value_reaches(latest.value, target, direction, precision, strict):
        ratio = _ratio(base, latest, target, target_year)
        return Pace(Band.ON_TRACK, ratio, "target_met")
    if value_reaches(base.value, target, direction, precision):  # the target was at or behind the base
        if strict and not value_reaches(base.value, target, direction, precision, True):
            # "Trên 80" from 80: any rise is the road, and none was made
            at_bound = value_reaches(latest.value, target, direction, precision)
            return Pace(Band.TOO_SLOW, 0.0) if at_bound else Pace(Band.BACKWARDS, None, "behind_from_start")
        return Pace(Band.BACKWARDS, None, "behind_from_start")
    ratio = _ratio(base, latest, target, target_year)
    if ratio is None:
        return None
    return Pace(band_of(ratio), ratio)


def _ratio(base: Point, latest: Point, target: float, target_year: int) -> float | None:
    compound = base.value > 0 and latest.value > 0 and target > 0
    if compound:
        observed = calc.cagr(base.value, latest.value, latest.year - base.year)
        required = calc.cagr(base.value, target, target_year - base.year)
    else:
        observed = (latest.value - base.value) / (latest.year - base.year)
        required = (target - base.value) / (target_year - base.year)
    if required == 0:
        return None
    return observed / required


def rate_pace(average: float, target: float, direction: Direction, strict: bool = False, precision: int = 2) -> Pace | None:
    """Pace of a growth-rate or average target: the attainment of the period average so far;
    met as the verdict meets it (``classify.reaches`` at the plan's ``precision``, ``strict``)."""
    try:
        pct = calc.attainment(average, target, direction)
    except NotComputable:
        return None
    if reaches(pct, precision, strict=strict):
        return Pace(Band.ON_TRACK, None if pct == float("inf") else pct / 100, "target_met")
    return Pace(band_of(pct / 100), pct / 100)
