"""Evaluating a plan as of a year: every figure of the report's table, per indicator.

``evaluate(dataset, plan_id, as_of)`` is the one entry point. Each target kind has a small function
that computes its figures from the series (the ``FIGURES`` table); classification and the audit are
shared. Nothing here does I/O.
"""

import math
from collections.abc import Callable
from typing import NamedTuple

from . import calc
from .classify import FALLS_SHORT, Status, classify, combine
from ..errors import NotComputable, UsageError
from .pace import level_pace, rate_pace
from .results import Figures, Forecast, PlanResult, Reason, Result, RoadmapGap
from .model import (
    GROUP_KINDS,
    OBSERVED,
    Dataset,
    Direction,
    ForecastMethod,
    Kind,
    Plan,
    PlanRow,
    Point,
    PointStatus,
    Published,
    RangeBasis,
)


class Window(NamedTuple):
    """The part of a series a plan sees as of a year."""

    plan: Plan
    as_of: int
    baseline: Point | None
    latest: Point | None  # the last observed point, at most as_of
    term: tuple[Point, ...]  # observed points after the base year, up to as_of and the target year
    future: tuple[Point, ...]  # roadmap points after the latest observed year, up to the target year
    baseline_fallback: bool = False  # no base-year value: ``baseline`` is the earliest of the term
    roadmap_from: int | None = None  # the last observed year the roadmap was drawn from
    anchor: Point | None = None  # the observed value the roadmap was drawn from, if rebasing applies

    @property
    def final(self) -> bool:
        return self.as_of >= self.plan.target_year

    def term_years(self) -> int:
        return self.plan.target_year - self.plan.base_year


def window(points: tuple[Point, ...], plan: Plan, as_of: int, roadmap_from: int | None = None) -> Window:
    observed = [p for p in points if p.status in OBSERVED and p.year <= as_of]
    baseline = next((p for p in observed if p.year == plan.base_year), None)
    end = min(as_of, plan.target_year)
    term = tuple(p for p in observed if plan.base_year < p.year <= end)
    fallback = baseline is None and bool(term)
    if fallback:  # README "Edge rules": the earliest observed year of the term stands in
        baseline = term[0]
    in_plan = [p for p in observed if p.year <= plan.target_year]
    latest = in_plan[-1] if in_plan else None
    # the roadmap counts for every year not yet observed, even a past one with no actual yet
    after = latest.year if latest else plan.base_year
    future = tuple(
        p for p in points if p.status is PointStatus.PLAN and after < p.year <= plan.target_year
    )
    anchor = None
    if roadmap_from is not None and latest is not None and latest.year > roadmap_from:
        anchor = next((p for p in reversed(in_plan) if p.year <= roadmap_from), None)
    return Window(plan, as_of, baseline, latest, term, future, fallback, roadmap_from, anchor)


def visible(points: tuple[Point, ...], as_of: int) -> tuple[Point, ...]:
    """What a reader sees as of a year: observed values up to it, and the whole roadmap."""
    return tuple(p for p in points if p.status is PointStatus.PLAN or p.year <= as_of)


def roadmap_start(dataset: Dataset, plan: Plan) -> int | None:
    """The last observed year the plan's roadmap was drawn from: ``settings.roadmap_from``, else
    the year before the plan's earliest roadmap year (README "Forecast")."""
    if plan.settings.roadmap_from is not None:
        return plan.settings.roadmap_from
    years = [
        p.year
        for row in plan.rows
        for p in dataset.series.get(row.indicator, ())
        if p.status is PointStatus.PLAN and plan.base_year < p.year <= plan.target_year
    ]
    return min(years) - 1 if years else None


def _contiguous(points: tuple[Point, ...], first: int) -> list[float]:
    """Values of consecutive years from ``first``; a gap would corrupt any average over them."""
    values = []
    for offset, point in enumerate(points):
        if point.year != first + offset:
            raise NotComputable("missing_year", first + offset)
        values.append(point.value)
    return values


def _try(compute: Callable[[], float]) -> float | None:
    try:
        return compute()
    except (NotComputable, OverflowError):
        return None


def _try_values(compute: Callable[[], list[float]]) -> list[float]:
    """The roadmap's values, or none when it has a gap (then the forecast falls back)."""
    try:
        return compute()
    except NotComputable:
        return []


def _published_forecast(published: tuple[Published, ...]) -> float | None:
    return next((p.forecast for p in published if p.forecast is not None), None)


# --- figures per kind --------------------------------------------------------------------------


def level_figures(target, w: Window, published) -> Figures:
    """A level to reach by the target year: percent of target, CAGR, required growth, forecast."""
    if w.latest is None:
        return Figures(no_data=NotComputable("no_values"))
    latest, base = w.latest, w.baseline
    attain = calc.attainment(latest.value, target.value, target.direction)
    growth = _try(lambda: calc.cagr(base.value, latest.value, latest.year - base.year)) if base else None
    years_left = w.plan.target_year - latest.year
    required = _try(lambda: calc.required_growth(latest.value, target.value, years_left))
    trend = calc.project(latest.value, growth, years_left) if growth is not None else None
    if trend is None and base is not None and latest.year > base.year:  # zero or a sign change
        trend = latest.value + (latest.value - base.value) / (latest.year - base.year) * years_left
    path = _roadmap_path(w)
    forecast_value, source = _forecast_value(w, published, trend, path)
    forecast = Forecast()
    if forecast_value is not None:
        forecast = Forecast(
            forecast_value,
            calc.attainment(forecast_value, target.value, target.direction),
            source,
        )
    progress = None
    if base is not None:
        progress = _try(lambda: calc.progress(base.value, latest.value, target.value))
    pace = None
    if base is not None:
        pace = level_pace(base, latest, target.value, w.plan.target_year, target.direction)
    return Figures(
        avg_growth_pct=growth,
        cagr_pct=growth,
        required_growth_pct=required,
        attainment_pct=attain,
        progress_pct=progress,
        forecast=forecast,
        excess_pct=_excess(forecast, target, calc.attainment),
        trend=trend,
        pace=pace,
        roadmap_gap=_gap(path, latest, required, target.direction),
        baseline_fallback=w.baseline_fallback,
    )


def _roadmap_path(w: Window) -> tuple[float, float] | None:
    """Where the roadmap expected the latest value to be, and the forecast started from it.

    Only when the latest observed year is after the year the roadmap was drawn from: the roadmap's
    growth from its anchor (the observed value it started from) to its target-year value, compound
    when both are positive, else linear. ``None`` when the roadmap still lies ahead.
    """
    latest, anchor = w.latest, w.anchor
    planned = next((p for p in w.future if p.year == w.plan.target_year), None)
    if latest is None or anchor is None or planned is None:
        return None
    span, done = planned.year - anchor.year, latest.year - anchor.year
    if anchor.value > 0 and planned.value > 0:
        factor = planned.value / anchor.value
        expected = anchor.value * factor ** (done / span)
        return expected, latest.value * factor ** ((span - done) / span)
    step = (planned.value - anchor.value) / span
    return anchor.value + step * done, latest.value + step * (span - done)


def _gap(path: tuple[float, float] | None, latest: Point, required: float | None, direction: Direction) -> RoadmapGap | None:
    if path is None:
        return None
    expected = path[0]
    better = 1 if direction is Direction.AT_LEAST else -1
    if (latest.value - expected) * better >= 0 or expected == 0:
        return None
    gap = (latest.value - expected) / abs(expected) * 100
    return RoadmapGap(latest.year, expected, latest.value, gap, required)


def _forecast_value(w: Window, published, trend: float | None, path: tuple[float, float] | None) -> tuple[float | None, str | None]:
    """The value at the target year: observed, else as ``settings.forecast`` says (README
    "Forecast"): the roadmap (rebased on the latest value when it has moved past the roadmap's
    start), else the published forecast, else the trend."""
    if w.latest is not None and w.latest.year == w.plan.target_year:
        return w.latest.value, "actual"
    method = w.plan.settings.forecast
    if method is ForecastMethod.TREND and trend is not None:
        return trend, "trend"
    if method is ForecastMethod.REBASED and path is not None:
        return path[1], "rebased"
    planned = next((p for p in w.future if p.year == w.plan.target_year), None)
    if planned is not None:
        return planned.value, "plan"
    published_value = _published_forecast(published)
    if published_value is not None:
        return published_value, "published"
    if trend is not None:
        return trend, "trend"
    return None, None


def _excess(forecast: Forecast, target, percent) -> float | None:
    """For a range the excess is measured against its upper bound, else it is the forecast %."""
    if forecast.value is None:
        return None
    if target.upper is None:
        return forecast.pct
    return percent(forecast.value, target.upper, target.direction)


def period_figures(average: Callable, required: Callable) -> Callable[..., Figures]:
    """Figures of a target on the term's average of yearly values (growth or average kinds)."""

    def figures(target, w: Window, published) -> Figures:
        done = _contiguous(w.term, w.plan.base_year + 1)
        if not done:
            return Figures(no_data=NotComputable("no_values"))
        current = average(done)
        total_years = w.term_years()
        planned = _try_values(lambda: _contiguous(w.future, w.plan.base_year + 1 + len(done)))
        if len(done) == total_years:
            forecast_value, source = average(done), "actual"
        elif w.plan.settings.forecast is ForecastMethod.TREND:
            forecast_value, source = current, "trend"
        elif len(done) + len(planned) == total_years:
            forecast_value, source = average(done + planned), "actual" if not planned else "plan"
        elif _published_forecast(published) is not None:
            forecast_value, source = _published_forecast(published), "published"
        else:
            forecast_value, source = current, "trend"
        forecast = Forecast(
            forecast_value,
            calc.attainment(forecast_value, target.value, target.direction),
            source,
        )
        return Figures(
            avg_growth_pct=current,
            required_growth_pct=_try(lambda: required(done, target.value, total_years)),
            attainment_pct=calc.attainment(current, target.value, target.direction),
            forecast=forecast,
            excess_pct=_excess(forecast, target, calc.attainment),
            trend=current,
            pace=rate_pace(current, target.value, target.direction),
        )

    return figures


def progress_figures(target, w: Window, published) -> Figures:
    """Progress from the baseline to the target, as the plan measures party membership."""
    if w.baseline is None:
        return Figures(no_data=NotComputable("no_baseline", w.plan.base_year))
    level = level_figures(target, w, published)
    base = w.baseline.value

    def to_progress(value: float, goal: float, _direction: Direction) -> float:
        return calc.progress(base, value, goal)

    forecast = level.forecast
    if forecast.value is not None:
        forecast = Forecast(forecast.value, to_progress(forecast.value, target.value, target.direction), forecast.source)
    return Figures(
        avg_growth_pct=level.avg_growth_pct,
        cagr_pct=level.cagr_pct,
        required_growth_pct=level.required_growth_pct,
        attainment_pct=level.progress_pct,
        progress_pct=level.progress_pct,
        forecast=forecast,
        excess_pct=_excess(forecast, target, to_progress),
        trend=level.trend,
        pace=level.pace,
        roadmap_gap=level.roadmap_gap,
        baseline_fallback=level.baseline_fallback,
    )


def threshold_figures(target, w: Window, published) -> Figures:
    """A bound every year of the term must keep ("Trên 80", "Dưới 1,5")."""
    if not w.term:
        return Figures(no_data=NotComputable("no_term_values", w.plan.base_year + 1))
    failed = tuple(
        p.year
        for p in w.term
        if not calc.meets_threshold(p.value, target.value, target.direction, target.strict)
    )
    return Figures(years_failed=failed, years_checked=tuple(p.year for p in w.term))


def _period_forecast(done: list[float], planned: list[float], total_years: int, published, figure, trend):
    """The term's figure with the roadmap's years, else the published forecast, else the trend."""
    if len(done) + len(planned) == total_years:
        return figure(done + planned), "actual" if not planned else "plan"
    if _published_forecast(published) is not None:
        return _published_forecast(published), "published"
    return trend, "trend"


def cumulative_figures(target, w: Window, published) -> Figures:
    """A total over the term ("tổng vốn đầu tư 5 năm", "lũy kế"): the sum of the yearly values
    after the base year; the forecast adds the roadmap's years, else the average year so far."""
    done = _contiguous(w.term, w.plan.base_year + 1)
    if not done:
        return Figures(no_data=NotComputable("no_values"))
    total, total_years = math.fsum(done), w.term_years()
    planned = _try_values(lambda: _contiguous(w.future, w.plan.base_year + 1 + len(done)))
    trend = total + calc.mean(done) * (total_years - len(done))
    value, source = _period_forecast(done, planned, total_years, published, math.fsum, trend)
    forecast = Forecast(value, calc.attainment(value, target.value, target.direction), source)
    return Figures(
        attainment_pct=calc.attainment(total, target.value, target.direction),
        forecast=forecast,
        excess_pct=_excess(forecast, target, calc.attainment),
        trend=trend,
        total=total,
    )


def band_figures(target, w: Window, published) -> Figures:
    """A two-sided band ("dịch vụ chiếm 32–33%"): inside is achieved and never exceeded; below
    it the percentage is value/low, above it high/value."""
    level = level_figures(target._replace(direction=Direction.AT_LEAST), w, published)
    if level.no_data is not None or w.latest is None:
        return level
    low, high = target.value, target.upper
    forecast = level.forecast
    rule = ""
    if forecast.value is not None:
        pct = calc.band_attainment(forecast.value, low, high)
        forecast = forecast._replace(pct=pct)
        rule = "band_below" if forecast.value < low else "band_above" if forecast.value > high else "band_inside"
    return Figures(
        avg_growth_pct=level.avg_growth_pct,
        cagr_pct=level.cagr_pct,
        attainment_pct=calc.band_attainment(w.latest.value, low, high),
        forecast=forecast,
        excess_pct=None if forecast.pct is None else min(forecast.pct, 100.0),
        trend=level.trend,
        rule=rule,
    )


def reduction_figures(target, w: Window, published) -> Figures:
    """A rate to bring down ("tỷ lệ hộ nghèo giảm 1,5%/năm") from its yearly levels: the drops
    from year to year in points or percent, averaged over the term ("bình quân", the default) or
    taken over the whole term (``average: false``)."""
    if w.baseline is None:
        return Figures(no_data=NotComputable("no_baseline", w.plan.base_year))
    start = w.baseline.year  # the base year, or the earliest observed year standing in for it
    first = start + 1
    levels = [w.baseline.value] + _contiguous(tuple(p for p in w.term if p.year > start), first)
    if len(levels) < 2:
        return Figures(no_data=NotComputable("no_values"))
    planned = _try_values(lambda: _contiguous(w.future, first + len(levels) - 1))
    total_years = w.plan.target_year - start
    done = calc.yearly_drops(levels, target.drop)
    if target.average:
        current, required = calc.mean(done), _try(lambda: calc.required_mean(done, target.value, total_years))
        planned_drops = calc.yearly_drops(levels[-1:] + planned, target.drop)
        value, source = _period_forecast(done, planned_drops, total_years, published, calc.mean, current)
        total = None
    else:
        current = total = calc.total_drop(levels[0], levels[-1], target.drop)
        required = None
        trend = current / len(done) * total_years
        whole = lambda lv: calc.total_drop(levels[0], lv[-1], target.drop)  # noqa: E731
        value, source = _period_forecast(levels[1:], planned, total_years, published, whole, trend)
    forecast = Forecast(value, calc.attainment(value, target.value, target.direction), source)
    return Figures(
        avg_growth_pct=calc.mean(done),
        required_growth_pct=required,
        attainment_pct=calc.attainment(current, target.value, target.direction),
        forecast=forecast,
        excess_pct=_excess(forecast, target, calc.attainment),
        trend=current if target.average else value if source == "trend" else None,
        total=total,
        baseline_fallback=w.baseline_fallback,
    )


FIGURES: dict[Kind, Callable[..., Figures]] = {
    Kind.LEVEL: level_figures,
    Kind.GROWTH: period_figures(calc.chain_average, calc.required_chain_rate),
    Kind.AVERAGE: period_figures(calc.mean, calc.required_mean),
    Kind.PROGRESS: progress_figures,
    Kind.THRESHOLD: threshold_figures,
    Kind.CUMULATIVE: cumulative_figures,
    Kind.BAND: band_figures,
    Kind.REDUCTION: reduction_figures,
}

#: kinds whose percentages the range basis, "khoảng" and strictness apply to (linear in the target)
OPTION_KINDS = frozenset({Kind.LEVEL, Kind.GROWTH, Kind.AVERAGE, Kind.CUMULATIVE, Kind.REDUCTION})


def with_options(figures: Figures, target, settings) -> Figures:
    """The target's wording applied to its figures (README "Ranges, "khoảng", "trên""):

    - a range is met at its near bound (the lower one when more is better), exceeded beyond its
      far bound, and its percentages are stated against the bound ``settings.range_basis`` names;
    - ``approximate`` ("khoảng", "xấp xỉ"): within ± ``approximate_tolerance`` points of 100 %
      is achieved, neither short nor exceeded;
    - ``strict`` ("trên", "dưới"): the forecast must pass the bound, reaching it is not enough.
    """
    forecast = figures.forecast
    if target.kind not in OPTION_KINDS or forecast.pct is None or forecast.value is None:
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


# --- classification ----------------------------------------------------------------------------


def assess(figures: Figures, w: Window) -> tuple[Status, float | None, Reason]:
    """Status, excess and reason of one indicator with a target of its own."""
    settings = w.plan.settings
    if figures.no_data is not None:
        return Status.NO_DATA, None, Reason(figures.no_data.code, figures.no_data.detail)
    if figures.years_failed is not None:  # thresholds never "exceed"
        if figures.years_failed:
            return Status.MISSED, None, Reason("threshold_failed", figures.years_failed)
        return Status.ACHIEVED, None, Reason("threshold_met", figures.years_checked)
    forecast = figures.forecast
    if forecast.pct is None:
        latest = w.latest.year if w.latest else w.plan.base_year
        return Status.NO_DATA, None, Reason("no_forecast", (latest,))
    if w.final and forecast.source != "actual":  # README "Final verdicts"
        if calc.round_half_up(forecast.pct, settings.precision) < 100:
            return Status.AT_RISK, None, Reason("final_pending_below", (w.plan.target_year,))
        return Status.NO_DATA, None, Reason("final_pending", (w.plan.target_year,))
    excess_pct = forecast.pct if figures.excess_pct is None else figures.excess_pct
    status = classify(forecast.pct, excess_pct, w.final, settings, figures.meets)
    excess = None
    if status is Status.EXCEEDED and figures.excess_pct is not None and math.isfinite(figures.excess_pct):
        excess = calc.round_half_up(figures.excess_pct - 100, settings.precision)
    code = figures.rule or {
        Status.EXCEEDED: "forecast_above",
        Status.ACHIEVED: "forecast_meets",
        Status.AT_RISK: "forecast_below",
        Status.MISSED: "final_below",
    }[status]
    if not math.isfinite(forecast.pct):
        return status, excess, Reason("best_possible")
    return status, excess, Reason(code, forecast.pct)


# --- the plan ----------------------------------------------------------------------------------


def default_as_of(dataset: Dataset, plan: Plan) -> int:
    """The latest year with an actual or estimate among the plan's indicators, within its period
    (a year outside it, such as a mistyped one, never moves the whole table)."""
    years = [
        p.year
        for row in plan.rows
        for p in dataset.series.get(row.indicator, ())
        if p.status in OBSERVED and plan.covers(p.year)
    ]
    return max(years, default=plan.base_year)


def evaluate(dataset: Dataset, plan_id: str, as_of: int | None = None) -> PlanResult:
    """Every figure of the plan's table as of ``as_of`` (default: the latest observed year)."""
    if plan_id not in dataset.plans:
        raise UsageError(f"unknown plan {plan_id!r}", tuple(dataset.plans))
    plan = dataset.plans[plan_id]
    if as_of is None:
        as_of = default_as_of(dataset, plan)
    in_plan = {row.indicator for row in plan.rows}
    children: dict[str, list[str]] = {}
    for row in plan.rows:
        parent = dataset.indicators[row.indicator].parent
        if parent in in_plan:
            children.setdefault(parent, []).append(row.indicator)

    done: dict[str, Result] = {}

    def result_of(row: PlanRow) -> Result:
        if row.indicator not in done:
            done[row.indicator] = _evaluate_row(dataset, plan, row, as_of, children, rows_by_id, result_of, start)
        return done[row.indicator]

    rows_by_id = {row.indicator: row for row in plan.rows}
    start = roadmap_start(dataset, plan)
    results = tuple(result_of(row) for row in plan.rows)
    top = [r for r in results if r.depth == 0]
    summary = {status: sum(r.status is status for r in top) for status in Status}
    return PlanResult(plan, as_of, results, summary)


def _evaluate_row(dataset, plan, row, as_of, children, rows_by_id, result_of, roadmap_from=None) -> Result:
    indicator = dataset.indicators[row.indicator]
    depth = 1 if indicator.parent in rows_by_id else 0
    published = dataset.published.get(row.indicator, {}).get(plan.id, ())
    w = window(dataset.series.get(row.indicator, ()), plan, as_of, roadmap_from)
    kids = tuple(children.get(row.indicator, ()))
    kid_results = [result_of(rows_by_id[k]) for k in kids]

    own_status = None
    if row.target.kind in GROUP_KINDS:
        figures = Figures()
        status, excess, reason = _group_status(kid_results)
    else:
        try:
            figures = with_options(FIGURES[row.target.kind](row.target, w, published), row.target, plan.settings)
        except NotComputable as why:
            figures = Figures(no_data=why)
        except OverflowError:  # absurd but legal magnitudes: say so rather than crash
            figures = Figures(no_data=NotComputable("overflow"))
        status, excess, reason = assess(figures, w)
        own_status = status
        if kid_results:  # a row with its own target and "of which" rows under it
            status = combine([status] + [k.status for k in kid_results])
            if status is not Status.EXCEEDED:
                excess = None
    return Result(row, indicator, depth, w.baseline, w.latest, figures, status, excess, reason, kids, own_status)


def _group_status(kids: list[Result]) -> tuple[Status, float | None, Reason]:
    status = combine([k.status for k in kids])
    short = tuple(k.row.no for k in kids if k.status in FALLS_SHORT)
    if short:
        return status, None, Reason("components_short", short)
    if status is Status.NO_DATA:
        return status, None, Reason("components_no_data")
    return status, None, Reason("components_met")


def other_targets(dataset: Dataset, indicator_id: str, plan_id: str, as_of: int) -> list[tuple[Plan, Result]]:
    """The indicator's rows in every other plan (two estimates of one budget, a term and a year),
    each evaluated as of the same year, in the order targets.yaml lists the plans."""
    found = []
    for other in dataset.plans.values():
        if other.id != plan_id and any(row.indicator == indicator_id for row in other.rows):
            found.append((other, evaluate(dataset, other.id, as_of).find(indicator_id)))
    return found
