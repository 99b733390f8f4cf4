"""The percentages a table prints, set in one place: of target so far, of the forecast, and the
one that must pass 100 to be exceeded, each by the kind's ``percent`` (``kinds.KINDS``); then the
target's wording — a range met at its near bound, "khoảng" (approximately), "trên" (strictly
above), README "Ranges, "khoảng", "trên"" — for the kinds whose entry is ``worded``.
"""

from . import calc
from .classify import reaches, target_met
from ..errors import NotComputable
from .kinds import KINDS, goal, near_bound
from .model import Direction, Point, RangeBasis, Settings, Target, is_annual
from .results import Figures, Forecast
from .window import Window


def printed(figures: Figures, target: Target, w: Window) -> Figures:
    """The kind's figures with their percentages: ``attainment_pct`` (of the value measured so
    far), ``forecast.pct`` and ``excess_pct`` (against a range's far bound), and for a worded kind
    ``meets`` and ``rule``, all stated against the bound ``settings.range_basis`` names."""
    spec = KINDS[target.kind]
    if spec.percent is None or figures.no_data is not None:
        return figures
    percent, value = spec.percent, goal(target)
    attainment = None if figures.measure is None else percent(figures.measure, value, target, w)
    if not measured_now(w):  # computed all the same: a target it cannot be a percentage of (zero) is said so
        attainment = None
    forecast = figures.forecast
    if forecast.value is None:
        return figures._replace(attainment_pct=_on_basis(attainment, target, w.plan.settings) if spec.worded else attainment)
    pct = percent(forecast.value, value, target, w)
    # against a range's far bound (a bound of zero is not computable: no scale to measure against)
    excess = pct if target.upper is None else percent(forecast.value, target.upper, target, w)
    if spec.worded:
        return with_options(figures, target, w.plan.settings, attainment, pct)
    # the forecast made whole rather than by _replace: a tenth of ``printed`` (cProfile)
    forecast = Forecast(forecast.value, pct, forecast.source, forecast.unbounded)
    return figures._replace(attainment_pct=attainment, forecast=forecast, excess_pct=excess)


def measured_now(w: Window) -> bool:
    """Whether the value measured so far is a percentage of the target now (``attainment_pct``):
    an annual plan's only once its own year has a value — last year's value against this year's
    plan is no percentage of it, in any output (README "The annual plan's own table")."""
    return not is_annual(w.plan) or (w.latest is not None and w.latest.year == w.plan.target_year)


def yearly(target: Target, shown: tuple[Point, ...]) -> tuple[float | None, ...]:
    """Each shown year's own percentage of the target (``shown``: a window's), for the kinds
    whose entry is ``yearly`` (a level; rates and thresholds have none per year); None where it
    cannot be computed."""
    if not KINDS[target.kind].yearly or target.value is None:
        return ()
    found: list[float | None] = []
    for p in shown:
        try:
            found.append(calc.attainment(p.value, target.value, target.direction))
        except NotComputable:
            found.append(None)
    return tuple(found)


#: the reason of a range met at its near bound while its % is of the far one (README "Ranges"):
#: more is better — % of the upper bound, the lower one reached ("3,8 of 3,5–4 %" rated upper);
#: less is better — % of the lower bound, the upper one not passed (poverty 1,8 against 1,5–2 %)
MET_AGAINST_FAR = {Direction.AT_LEAST: "forecast_meets_floor", Direction.AT_MOST: "forecast_meets_ceiling"}


def _basis(target: Target, settings: Settings) -> float:
    """The bound a percentage is stated against: a range's upper one when the plan says so."""
    if target.upper is not None and settings.range_basis is RangeBasis.UPPER:
        return target.upper
    return goal(target)


def _on_basis(pct: float | None, target: Target, settings: Settings) -> float | None:
    return None if pct is None else calc.rescale(pct, target, _basis(target, settings))


def with_options(
    figures: Figures, target: Target, settings: Settings, attainment: float | None, pct: float
) -> Figures:
    """The target's wording applied to its percentages (README "Ranges, "khoảng", "trên""), the
    forecast's ``pct`` and the ``attainment`` so far being against ``target.value``:

    - a range is met at its near bound (the lower one when more is better), exceeded beyond its
      far bound, and its percentages are stated against the bound ``settings.range_basis`` names;
    - ``approximate`` ("khoảng", "xấp xỉ"): within ± ``approximate_tolerance`` points of 100 %
      is achieved, neither short nor exceeded;
    - ``strict`` ("trên", "dưới"): the forecast must pass the bound, reaching it is not enough.
    """
    low = goal(target)
    near = near_bound(low, target.upper, target.direction)
    far = near if target.upper is None else target.upper if near == low else low
    near_pct, far_pct = calc.rescale(pct, target, near), calc.rescale(pct, target, far)
    precision, tolerance = settings.precision, settings.approximate_tolerance
    # met by the one rule (classify.target_met), at the plan's precision like every comparison:
    # 165 / 150 − 1 is 10,000000000000009 % in floating point, which is not "trên 10 %"
    meets = target_met(near_pct, target, precision, tolerance)
    reached = reaches(near_pct, precision)  # 100,00 % of the near bound, as printed
    excess, rule = far_pct, ""
    if target.approximate and reaches(far_pct, precision, 100 + tolerance, Direction.AT_MOST):
        excess = min(far_pct, 100.0)  # within the tolerance above the far bound: achieved, not exceeded
    if meets and not reached:
        rule = "forecast_about"
    elif target.strict and reached and not meets:
        rule = "forecast_at_bound"
    shown = calc.rescale(pct, target, _basis(target, settings))
    if meets and not rule and not (reached if shown == near_pct else reaches(shown, precision)):
        # met at the near bound, its % stated against the far one: the reason names both
        rule = MET_AGAINST_FAR[target.direction]
    forecast = figures.forecast
    return figures._replace(
        forecast=Forecast(forecast.value, shown, forecast.source, forecast.unbounded),
        attainment_pct=_on_basis(attainment, target, settings),
        excess_pct=excess,
        meets=meets,
        rule=rule,
    )
