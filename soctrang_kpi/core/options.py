"""The target's wording applied to its figures: a range met at its near bound, "khoảng"
(approximately), "trên" (strictly above) — README "Ranges, "khoảng", "trên"". Applies to the
kinds whose entry in ``kinds.KINDS`` is ``worded``.
"""

from . import calc
from .kinds import KINDS
from .model import Direction, RangeBasis
from .results import Figures


def with_options(figures: Figures, target, settings) -> Figures:
    """The target's wording applied to its figures (README "Ranges, "khoảng", "trên""):

    - a range is met at its near bound (the lower one when more is better), exceeded beyond its
      far bound, and its percentages are stated against the bound ``settings.range_basis`` names;
    - ``approximate`` ("khoảng", "xấp xỉ"): within ± ``approximate_tolerance`` points of 100 %
      is achieved, neither short nor exceeded;
    - ``strict`` ("trên", "dưới"): the forecast must pass the bound, reaching it is not enough.
    """
    forecast = figures.forecast
    if not KINDS[target.kind].worded or forecast.pct is None or forecast.value is None:
        return figures
    at_least = target.direction is Direction.AT_LEAST
    near, far = target.value, target.value
    if target.upper is not None:
        near, far = (target.value, target.upper) if at_least else (target.upper, target.value)
    near_pct, far_pct = calc.rescale(forecast.pct, target, near), calc.rescale(forecast.pct, target, far)
    precision = settings.precision
    meets = calc.round_half_up(near_pct, precision) >= 100
    excess, rule = far_pct, ""
    if target.approximate:
        tolerance = settings.approximate_tolerance
        meets = calc.round_half_up(near_pct, precision) >= 100 - tolerance
        if calc.round_half_up(far_pct, precision) <= 100 + tolerance:
            excess = min(far_pct, 100.0)
        if meets and calc.round_half_up(near_pct, precision) < 100:
            rule = "forecast_about"
    if target.strict and meets and not calc.meets_threshold(forecast.value, near, target.direction, True):
        meets, rule = False, "forecast_at_bound"
    basis = target.upper if target.upper is not None and settings.range_basis is RangeBasis.UPPER else target.value
    shown = calc.rescale(forecast.pct, target, basis)
    if meets and not rule and calc.round_half_up(shown, precision) < 100:
        rule = "forecast_meets_floor"
    attainment = figures.attainment_pct
    if attainment is not None:
        attainment = calc.rescale(attainment, target, basis)
    return figures._replace(
        forecast=forecast._replace(pct=shown), attainment_pct=attainment, excess_pct=excess, meets=meets, rule=rule
    )

