"""The percentages a table prints, set in one place: of target so far, of the forecast, and the
one that must pass 100 to be exceeded, each by the kind's ``percent`` (``kinds.KINDS``); then the
target's wording — a range met at its near bound, "khoảng" (approximately), "trên" (strictly
above), README "Ranges, "khoảng", "trên"" — for the kinds whose entry is ``worded``.
"""

from . import calc
from ..errors import NotComputable
from .kinds import KINDS, goal
from .model import Direction, Point, RangeBasis, Settings, Target
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
    at_least = target.direction is Direction.AT_LEAST
    near = far = goal(target)
    if target.upper is not None:
        near, far = (near, target.upper) if at_least else (target.upper, near)
    near_pct, far_pct = calc.rescale(pct, target, near), calc.rescale(pct, target, far)
    precision = settings.precision
    near_shown = calc.round_half_up(near_pct, precision)  # rounded once, compared up to three times
    meets = near_shown >= 100
    excess, rule = far_pct, ""
    if target.approximate:
        tolerance = settings.approximate_tolerance
        meets = near_shown >= 100 - tolerance
        if calc.round_half_up(far_pct, precision) <= 100 + tolerance:
            excess = min(far_pct, 100.0)
        if meets and near_shown < 100:
            rule = "forecast_about"
    if target.strict and meets and near_shown <= 100:
        # at the plan's precision, like every comparison: 165 / 150 − 1 is 10,000000000000009 %
        # in floating point, which is not "trên 10 %"
        meets, rule = False, "forecast_at_bound"
    shown = calc.rescale(pct, target, _basis(target, settings))
    if meets and not rule and (near_shown if shown == near_pct else calc.round_half_up(shown, precision)) < 100:
        rule = "forecast_meets_floor"
    forecast = figures.forecast
    return figures._replace(
        forecast=Forecast(forecast.value, shown, forecast.source, forecast.unbounded),
        attainment_pct=_on_basis(attainment, target, settings),
        excess_pct=excess,
        meets=meets,
        rule=rule,
    )
