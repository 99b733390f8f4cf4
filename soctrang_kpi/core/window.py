"""The part of each series a plan sees as of a year: its baseline, latest value, term, roadmap and
what a reader is shown. Computed once per plan (``plan_windows``), read by every kind's figures,
by the assessment and by every output (README "Forecast", "Edge rules", "--as-of").
"""

from ..records import NamedTuple

import math

from .bounds import NO_BOUNDS, bounds_of
from collections.abc import Callable

from .model import OBSERVED, Dataset, Plan, PlanRow, Point, PointStatus, Target, begun


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
    # what a reader sees up to the target year: observed values up to as_of and the whole roadmap
    shown: tuple[Point, ...] = ()
    # the roadmap only restates the target: the forecast is the rebased path or the trend, never it
    restated: bool = False
    bounds: tuple[float | None, float | None] = (None, None)  # what the values can be (core/bounds.py)
    # the values as recorded, when the kind derives the series its figures see (a share of
    # another indicator, the growth of a level): what a reader sees of them, as ``shown``
    recorded: tuple[Point, ...] = ()

    @property
    def final(self) -> bool:
        return self.as_of >= self.plan.target_year

    @property
    def planned(self) -> tuple[Point, ...]:
        """The roadmap's years a period figure counts: none when it only restates the target."""
        return () if self.restated else self.future

    def term_years(self) -> int:
        return self.plan.target_year - self.plan.base_year


class PlanWindows(NamedTuple):
    """Every row's window of a plan as of one year, and what they were computed from."""

    as_of: int
    roadmap_from: int | None
    windows: dict[str, Window]  # by indicator id


def restates(roadmap: tuple[Point, ...], plan: Plan, target: Target | None) -> bool:
    """Whether a roadmap only restates the target: its one year is the target year and its value
    the target (or within the target's range). It says nothing about the way there, so it is no
    forecast (README "Forecast"): the forecast comes from the observed values instead."""
    if target is None or target.value is None or len(roadmap) != 1 or roadmap[0].year != plan.target_year:
        return False
    value, low = roadmap[0].value, target.value
    high = low if target.upper is None else target.upper
    return low <= value <= high or math.isclose(value, low) or math.isclose(value, high)


def window(
    points: tuple[Point, ...], plan: Plan, as_of: int, roadmap_from: int | None = None, target: Target | None = None,
    bounds: tuple[float | None, float | None] = (None, None), recorded: tuple[Point, ...] = (),
) -> Window:
    base, last = plan.base_year, plan.target_year
    end = min(as_of, last)
    baseline = latest = None
    term: list[Point] = []
    in_plan: list[Point] = []  # observed up to as_of and the target year
    planned: list[Point] = []
    shown: list[Point] = []
    plan_status = PointStatus.PLAN
    # one pass, in year order, each point's year read once (the loop is most of making a window)
    for p in points:
        year = p.year
        if p.status is plan_status:
            if year <= last:
                planned.append(p)
                shown.append(p)
            continue
        if year > as_of:
            continue
        if year <= last:
            in_plan.append(p)
            shown.append(p)
        if year == base and baseline is None:
            baseline = p
        elif base < year <= end:
            term.append(p)
    fallback = baseline is None and bool(term)
    if fallback:  # README "Edge rules": the earliest observed year of the term stands in
        baseline = term[0]
    latest = in_plan[-1] if in_plan else None
    # the roadmap counts for every year not yet observed, even a past one with no actual yet
    after = latest.year if latest else base
    future = tuple(p for p in planned if after < p.year)
    restated = bool(future) and restates(tuple(p for p in planned if base < p.year), plan, target)
    if restated and roadmap_from is None:  # the target was set at the base year: drawn from there
        roadmap_from = base
    anchor = None
    if roadmap_from is not None and latest is not None and latest.year > roadmap_from:
        anchor = next((p for p in reversed(in_plan) if p.year <= roadmap_from), None)
    if restated and anchor is None:  # nothing observed since: the target alone is no forecast
        future = ()
    # every point shown (the usual case): the series' own tuple, not a copy of it (a tenth of
    # what evaluating 100.000 rows keeps, tracemalloc)
    seen = points if len(shown) == len(points) else tuple(shown)
    return Window(
        plan, as_of, baseline, latest, tuple(term), future, fallback, roadmap_from, anchor, seen, restated,
        bounds, recorded,
    )


def visible(points: tuple[Point, ...], as_of: int) -> tuple[Point, ...]:
    """What a reader sees as of a year: observed values up to it, and the whole roadmap."""
    return tuple(p for p in points if p.status is PointStatus.PLAN or p.year <= as_of)


def _years(dataset: Dataset, plan: Plan) -> tuple[int, int | None]:
    """One pass over the plan's series: the latest observed year within its period (the default
    as-of year) and the earliest roadmap year after its base year (of a roadmap that does more
    than restate its target). Written out, one loop per series with the plan's years as locals
    (no ``plan.covers``, no second pass for the roadmap): 0,50 -> 0,17 s of a 100.000-series
    evaluation (cProfile, cumulative)."""
    base, last = plan.base_year, plan.target_year
    latest, first_planned = base, None
    plan_status, series, today = PointStatus.PLAN, dataset.series, dataset.today
    for row in plan.rows:
        roadmap = []
        for p in series.get(row.indicator, ()):
            year = p.year
            if p.status is plan_status:
                if base < year <= last:
                    roadmap.append(p)
            elif latest < year <= last and begun(year, 1, today):  # latest is at least the base year
                latest = year
        if roadmap and not restates(tuple(roadmap), plan, row.target):  # one that restates a target starts nothing
            if first_planned is None or roadmap[0].year < first_planned:
                first_planned = roadmap[0].year
    return latest, first_planned


def default_as_of(dataset: Dataset, plan: Plan) -> int:
    """The latest year with an actual or estimate among the plan's indicators, within its period
    (a year outside it, such as a mistyped one, never moves the whole table) and begun by the day
    the data was checked on (``Dataset.today``: a value of a year ahead, which the loader warns
    about, moves nothing either)."""
    return _years(dataset, plan)[0]


def roadmap_start(dataset: Dataset, plan: Plan) -> int | None:
    """The last observed year the plan's roadmap was drawn from: ``settings.roadmap_from``, else
    the year before the plan's earliest roadmap year (README "Forecast"); ``plan_year`` says it."""
    return plan_year(dataset, plan)[1]


def plan_year(dataset: Dataset, plan: Plan, as_of: int | None = None) -> tuple[int, int | None]:
    """The year every window of the plan is as of (``as_of``, default: the latest observed year)
    and the last observed year its roadmap was drawn from (``settings.roadmap_from``, else the
    year before the plan's earliest roadmap year), the plan's series read once."""
    latest, first_planned = _years(dataset, plan)
    start = plan.settings.roadmap_from
    if start is None and first_planned is not None:
        start = first_planned - 1
    return (latest if as_of is None else as_of), start


def row_window(
    dataset: Dataset, plan: Plan, row: PlanRow, year: int, start: int | None,
    series_of: Callable[[PlanRow, tuple[Point, ...]], tuple[Point, ...]] | None = None,
) -> Window:
    """One row's window as of ``year`` (``plan_year``), made once and whole (a _replace per row
    was a tenth of making them). ``series_of``: as ``plan_windows``."""
    own = dataset.series.get(row.indicator, ())
    derived = own if series_of is None else series_of(row, own)
    indicator = dataset.indicators.get(row.indicator)
    return window(
        derived, plan, year, start, row.target, NO_BOUNDS if indicator is None else bounds_of(indicator),
        () if derived is own else _seen(own, plan, year),
    )


def plan_windows(
    dataset: Dataset, plan: Plan, as_of: int | None = None,
    series_of: Callable[[PlanRow, tuple[Point, ...]], tuple[Point, ...]] | None = None,
    rows: tuple[PlanRow, ...] | None = None,
) -> PlanWindows:
    """Every row's window as of ``as_of`` (default: the latest observed year), the plan's series
    read once for the default year and the roadmap's start. ``series_of`` gives the series a row's
    figures see when its kind derives one (rates of levels, a ratio of two indicators); ``rows``,
    the rows whose windows are wanted (default: all; the year and the start are the plan's).
    The evaluation makes each row's window as it evaluates the row (``row_window``) and keeps
    none: every window at once was a quarter of what evaluating 100.000 rows held (tracemalloc)."""
    year, start = plan_year(dataset, plan, as_of)
    windows = {row.indicator: row_window(dataset, plan, row, year, start, series_of) for row in (plan.rows if rows is None else rows)}
    return PlanWindows(year, start, windows)


def _seen(points: tuple[Point, ...], plan: Plan, as_of: int) -> tuple[Point, ...]:
    """What a reader sees of a series, as ``Window.shown``: observed values up to ``as_of`` and
    the roadmap, up to the target year."""
    return tuple(p for p in points if p.year <= plan.target_year and (p.status is PointStatus.PLAN or p.year <= as_of))
