"""The kinds of target: one entry per kind in ``KINDS``, and each kind's figures.

A kind is what a target measures (``model.Kind``: its name in targets.yaml). Its entry says what
the rest of the program needs to know about it — the function that computes its figures from a
window over its series, whether its target may or must be a range, which target keys it takes,
whether its yearly values are rates, whether its sub-rows rate it, how an office's table names
it — and the schema, the evaluation, the labels' and the template's tests and the importer read
the entry rather than lists of kinds of their own. README "Architecture" gives the recipe for a
new kind. Pure: nothing here does I/O.
"""

import math
import re
from collections.abc import Callable
from functools import cache
from typing import Any
from enum import Enum
from ..records import NamedTuple

from . import calc
from .bounds import NO_BOUNDS, PERCENT_UNITS, Bounds, held
from .classify import value_reaches
from ..errors import NotComputable
from .model import OBSERVED, Basis, Direction, Drop, ForecastMethod, Point, PointStatus, Published, Target, WithinYear, is_annual
from .pace import level_pace, rate_pace
from .results import Figures, Forecast, RoadmapGap
from .window import Window

class Kind(str, Enum):
    """What a target measures, by its name in targets.yaml (``model.Kind`` is this class); what
    each kind means and how it is computed is its entry in ``KINDS`` below (a test checks every
    member has one). README "Architecture": a new kind is a member here and an entry in KINDS."""

    LEVEL = "level"  # the value itself must reach the target by the target year
    GROWTH = "growth"  # yearly values are growth rates; target = their chain (geometric) average
    AVERAGE = "average"  # yearly values averaged arithmetically over the term
    THRESHOLD = "threshold"  # must hold every year of the term
    PROGRESS = "progress"  # share of the way from the baseline to the target
    COMPOSITION = "composition"  # a group of shares that sum to 100
    GROUP = "group"  # a heading over sub-indicators, rated by its components
    CUMULATIVE = "cumulative"  # the sum of the yearly values over the term ("tổng 5 năm", "lũy kế")
    BAND = "band"  # two-sided: inside [low, high] is achieved, outside either side falls short
    REDUCTION = "reduction"  # yearly values are the level of a rate; the target is its yearly drop
    SHARE_OF = "share_of"  # the ratio of two series each year, in percent ("40 % GRDP")
    RANK = "rank"  # a place in a ranking: in or out of the top N ("nhóm 15 địa phương dẫn đầu")


#: what a report published for an indicator (the forecast is taken from it when nothing else gives one)
Published_ = tuple[Published, ...]
#: a kind's figures, from its target, the window over its series and what the report published
FiguresOf = Callable[[Target, Window, Published_], Figures]
#: a kind's percentage of a value against a bound of the target (README "How every figure is computed")
PercentOf = Callable[[float, float, Target, Window], float]
#: a kind's series as its figures see it, from the indicator's own points and any indicator's by id
SeriesOf = Callable[[Target, tuple[Point, ...], Callable[[str], tuple[Point, ...]]], tuple[Point, ...]]
#: what a kind's forecast figure (and its trend) can physically be, from its target, the window
#: (``Window.bounds``: what a value can be, core/bounds.py) and its figures (README "Forecast")
BoundsOf = Callable[[Target, Window, Figures], Bounds]


def _contiguous(points: tuple[Point, ...], first: int) -> list[float]:
    """Values of consecutive years from ``first``; a gap would corrupt any average over them."""
    values = []
    for offset, point in enumerate(points):
        if point.year != first + offset:
            raise NotComputable("missing_year", first + offset)
        values.append(point.value)
    return values


def _try(compute: Callable[..., float], *args: Any) -> float | None:
    """``compute(*args)``, or None when it has no answer. The arguments are passed rather than
    closed over: a lambda made per row and figure was a tenth of ``level_figures`` (cProfile)."""
    try:
        return compute(*args)
    except (NotComputable, OverflowError):
        return None


def _try_values(compute: Callable[[], list[float]]) -> list[float]:
    """The roadmap's values, or none when it has a gap (then the forecast falls back)."""
    try:
        return compute()
    except NotComputable:
        return []


def _published_forecast(published: Published_) -> float | None:
    return next((p.forecast for p in published if p.forecast is not None), None)


def goal(target: Target) -> float:
    """The target's value (a range's lower bound); the loader gives one to every kind with figures."""
    if target.value is None:
        raise NotComputable("no_values")
    return target.value


def near_bound(plan: float, upper: float | None, direction: Direction) -> float:
    """The bound of a range (``plan`` to ``upper``) that meets it (README "Ranges, "khoảng",
    "trên""): the lower when more is better, the higher when less is (CPI "3,5–4 %" is met at 4)."""
    if upper is None:
        return plan
    return min(plan, upper) if direction is Direction.AT_LEAST else max(plan, upper)


# --- figures per kind --------------------------------------------------------------------------
# Each returns the figures of its kind without percentages: the value measured so far
# (``measure``) and the forecast's value. ``printed`` (core/options.py) turns them into the
# percentages the table prints, with the kind's ``percent``.


def level_figures(target: Target, w: Window, published: Published_) -> Figures:
    """A level to reach by the target year: CAGR, required growth, trend and forecast."""
    if w.latest is None:
        return Figures(no_data=NotComputable("no_values"))
    latest, base, value = w.latest, w.baseline, goal(target)
    # what is needed, the progress from the baseline and the pace look at the bound that meets the
    # target, as the verdict does: an at-most range's upper one ("1,5–2 %": 1,9 has met it), README "Pace"
    near = near_bound(value, target.upper, target.direction)
    growth = _try(calc.cagr, base.value, latest.value, latest.year - base.year) if base else None
    years_left = w.plan.target_year - latest.year
    required = _try(calc.required_growth, latest.value, near, years_left)
    trend = calc.project(latest.value, growth, years_left) if growth is not None else None
    if trend is None and base is not None and latest.year > base.year:  # zero or a sign change
        trend = latest.value + (latest.value - base.value) / (latest.year - base.year) * years_left
    path = _roadmap_path(w)
    forecast_value, source = _forecast_value(w, published, trend, path)
    progress = None
    pace = None
    if base is not None:
        progress = _try(calc.progress, base.value, latest.value, near)
        pace = level_pace(base, latest, near, w.plan.target_year, target.direction, target.strict, w.plan.settings.precision)
    return Figures(
        avg_growth_pct=growth,
        cagr_pct=growth,
        required_growth_pct=required,
        measure=latest.value,
        progress_pct=progress,
        forecast=Forecast(forecast_value, None, source),
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
    gap = calc.change(latest.value, expected) if expected > 0 else -calc.change(latest.value, expected)  # of |expected|
    return RoadmapGap(latest.year, expected, latest.value, gap, required)


def _forecast_value(
    w: Window, published: Published_, trend: float | None, path: tuple[float, float] | None
) -> tuple[float | None, str | None]:
    """The value at the target year: observed, else as ``settings.forecast`` says (README
    "Forecast"): the roadmap (rebased on the latest value when it has moved past the roadmap's
    start), else the published forecast, else the trend."""
    if w.latest is not None and w.latest.year == w.plan.target_year:
        return w.latest.value, "actual"
    method = w.plan.settings.forecast
    if method is ForecastMethod.TREND and trend is not None:
        return trend, "trend"
    if (method is ForecastMethod.REBASED or w.restated) and path is not None:
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


def period_figures(average: Callable[[list[float]], float], required: Callable[[list[float], float, int], float]) -> FiguresOf:
    """Figures of a target on the term's average of yearly values (growth or average kinds)."""

    def figures(target: Target, w: Window, published: Published_) -> Figures:
        done = _contiguous(w.term, w.plan.base_year + 1)
        if not done:
            return Figures(no_data=NotComputable("no_values"))
        current = average(done)
        total_years = w.term_years()
        planned = _try_values(lambda: _contiguous(w.planned, w.plan.base_year + 1 + len(done)))
        published_value = _published_forecast(published)
        forecast_value, source = current, "trend"
        if len(done) == total_years:
            forecast_value, source = average(done), "actual"
        elif w.plan.settings.forecast is ForecastMethod.TREND:
            pass
        elif len(done) + len(planned) == total_years:
            forecast_value, source = average(done + planned), "actual" if not planned else "plan"
        elif published_value is not None:
            forecast_value, source = published_value, "published"
        near = near_bound(goal(target), target.upper, target.direction)  # a range's side that meets it (CPI "3,5–4 %": 4)
        return Figures(
            avg_growth_pct=current,
            required_growth_pct=_try(required, done, near, total_years),
            measure=current,
            forecast=Forecast(forecast_value, None, source),
            trend=current,
            pace=rate_pace(current, near, target.direction, target.strict, w.plan.settings.precision),
        )

    return figures


def progress_figures(target: Target, w: Window, published: Published_) -> Figures:
    """Progress from the baseline to the target, as the plan measures party membership."""
    if w.baseline is None:
        return Figures(no_data=NotComputable("no_baseline", w.plan.base_year))
    level = level_figures(target, w, published)
    # the percentage so far is the level's progress, none when it cannot be computed
    return level._replace(measure=None if level.progress_pct is None else level.measure)


def threshold_figures(target: Target, w: Window, published: Published_) -> Figures:
    """A bound every year of the term must keep ("Trên 80", "Dưới 1,5")."""
    if not w.term:
        return Figures(no_data=NotComputable("no_term_values", w.plan.base_year + 1))
    bound, precision = goal(target), w.plan.settings.precision
    # each year by the verdict's rule (classify.value_reaches): its % of the bound at the plan's
    # precision, so 79,99999999999999 of "tối thiểu 80" keeps it and 80,001 does not pass "trên 80"
    failed = tuple(
        p.year
        for p in w.term
        if not value_reaches(p.value, bound, target.direction, precision, target.strict)
    )
    return Figures(years_failed=failed, years_checked=tuple(p.year for p in w.term))


def _period_forecast(
    done: list[float], planned: list[float], total_years: int, published: Published_,
    figure: Callable[[list[float]], float], trend: float,
) -> tuple[float, str]:
    """The term's figure with the roadmap's years, else the published forecast, else the trend."""
    if len(done) + len(planned) == total_years:
        return figure(done + planned), "actual" if not planned else "plan"
    published_value = _published_forecast(published)
    if published_value is not None:
        return published_value, "published"
    return trend, "trend"


def cumulative_figures(target: Target, w: Window, published: Published_) -> Figures:
    """A total over the term ("tổng vốn đầu tư 5 năm", "lũy kế"): the sum of the yearly values
    after the base year; the forecast adds the roadmap's years, else the average year so far."""
    done = _contiguous(w.term, w.plan.base_year + 1)
    if not done:
        return Figures(no_data=NotComputable("no_values"))
    total, total_years = math.fsum(done), w.term_years()
    planned = _try_values(lambda: _contiguous(w.planned, w.plan.base_year + 1 + len(done)))
    trend = total + calc.mean(done) * (total_years - len(done))
    value, source = _period_forecast(done, planned, total_years, published, math.fsum, trend)
    return Figures(measure=total, forecast=Forecast(value, None, source), trend=trend, total=total)


def band_figures(target: Target, w: Window, published: Published_) -> Figures:
    """A two-sided band ("dịch vụ chiếm 32–33%"): inside is achieved and never exceeded; outside
    it, on either side, the percentage falls with the distance (``calc.band_attainment``).

    A band is a position to hold, so its forecast is never carried on from the latest value — a
    trend or a rebased roadmap maps the band onto another one, and a value farther outside could
    then be forecast inside it: the roadmap's target-year value as planned, else the published
    forecast, else the latest value itself (source ``latest``). README "Forecast"."""
    level = level_figures(target._replace(direction=Direction.AT_LEAST), w, published)
    if level.no_data is not None or w.latest is None:
        return level
    low, high = goal(target), target.upper
    forecast = level.forecast
    if forecast.source in ("trend", "rebased"):
        forecast = Forecast(w.latest.value, None, "latest")
    rule = ""
    if forecast.value is not None and high is not None:
        rule = "band_below" if forecast.value < low else "band_above" if forecast.value > high else "band_inside"
    return Figures(
        avg_growth_pct=level.avg_growth_pct,
        cagr_pct=level.cagr_pct,
        measure=w.latest.value,
        forecast=forecast,
        trend=level.trend,
        rule=rule,
    )


def reduction_figures(target: Target, w: Window, published: Published_) -> Figures:
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
    planned = _try_values(lambda: _contiguous(w.planned, first + len(levels) - 1))
    total_years = w.plan.target_year - start
    done = calc.yearly_drops(levels, target.drop)
    total: float | None
    if target.average:
        value = goal(target)
        current, required = calc.mean(done), _try(calc.required_mean, done, value, total_years)
        planned_drops = calc.yearly_drops(levels[-1:] + planned, target.drop)
        forecast_value, source = _period_forecast(done, planned_drops, total_years, published, calc.mean, current)
        total = None
    else:
        current = total = calc.total_drop(levels[0], levels[-1], target.drop)
        required = None
        trend = current / len(done) * total_years

        def whole(lv: list[float]) -> float:
            return calc.total_drop(levels[0], lv[-1], target.drop)

        forecast_value, source = _period_forecast(levels[1:], planned, total_years, published, whole, trend)
    return Figures(
        avg_growth_pct=calc.mean(done),
        required_growth_pct=required,
        measure=current,
        forecast=Forecast(forecast_value, None, source),
        trend=current if target.average else forecast_value if source == "trend" else None,
        total=total,
        baseline_fallback=w.baseline_fallback,
    )


def rank_figures(target: Target, w: Window, published: Published_) -> Figures:
    """A place in a ranking ("thuộc nhóm 15 địa phương dẫn đầu"): in or out of the top N, by the
    latest place, which is its forecast (source ``latest``, or ``actual`` once the target year's
    place is in: what `kpi show` and JSON print is what the verdict rates); no percentage and no
    trend (a place is not a quantity to average or carry on). An annual plan's is its year's place
    alone: the base year's is last year's result, no forecast of this year's, and without this
    year's place the row has no verdict, as a level without its year's value — said as the year's
    place not recorded yet, never a level's "no forecast" (no growth to forecast a place from;
    README "rank")."""
    if w.latest is None:
        return Figures(no_data=NotComputable("no_values"))
    if is_annual(w.plan) and w.latest.year < w.plan.target_year:
        return Figures(no_data=NotComputable("place_not_recorded", (w.plan.target_year,)))
    place, top = w.latest.value, goal(target)
    if place < 1 or not float(place).is_integer():
        return Figures(no_data=NotComputable("not_a_place", place))
    # places are whole numbers, compared exactly, not as a percentage at the plan's precision:
    # 1.001st of a top 1.000 is 99,90 %, which a precision of 0 would print as 100 and let in
    inside = place < top if target.strict else place <= top
    source = "actual" if w.latest.year == w.plan.target_year else "latest"
    return Figures(measure=place, meets=inside, rule="rank_in" if inside else "rank_out", forecast=Forecast(place, None, source))


# --- what a kind's forecast can be ------------------------------------------------------------------
# A forecast the program computes (``COMPUTED``: the trend, the roadmap rebased on the latest value)
# is held within what its kind's figure can physically be and says so (``held_figures``); the
# roadmap's and the report's own figures are never changed. README "Forecast".

#: the forecasts computed from the values, which are held within the kind's bounds
COMPUTED = frozenset({"trend", "rebased"})


def value_bounds(target: Target, w: Window, figures: Figures) -> Bounds:
    """A value at the target year (a level, a progress, a share, a band's trend): what a value
    can be — a share 0–100, a count not negative (core/bounds.py)."""
    return w.bounds


def total_bounds(target: Target, w: Window, figures: Figures) -> Bounds:
    """A total over the term: the total so far, and each year left adding what a value can be,
    never less than nothing — a total of what the years added does not fall."""
    if figures.total is None:
        return NO_BOUNDS
    low, high = w.bounds
    left = w.term_years() - len(w.term)  # the term's years observed, one after another (``cumulative_figures``)
    return figures.total + left * max(low or 0.0, 0.0), None if high is None else figures.total + left * high


def drop_bounds(target: Target, w: Window, figures: Figures) -> Bounds:
    """A reduction: the drop that takes the rate from its baseline to what a value can be — to
    its floor at most (0 %: the whole baseline in points, 100 % of it in percent), to its ceiling
    at least — over the term, or per year of it (``average``: in points the drops add up to the
    whole, so at most baseline / years; in percent each year's is at most 100 % of that year's)."""
    if w.baseline is None:
        return NO_BOUNDS
    base, (low, high) = w.baseline.value, w.bounds
    if target.drop is Drop.PERCENT:
        if target.average:
            return None, 100.0 if low is not None and low >= 0 else None
        if base <= 0:
            return NO_BOUNDS
        return (None if high is None else calc.fall(base, high)), (None if low is None else calc.fall(base, low))
    years = w.plan.target_year - w.baseline.year if target.average else 1
    return (None if high is None else (base - high) / years), (None if low is None else (base - low) / years)


def held_figures(figures: Figures, target: Target, w: Window) -> Figures:
    """The kind's figures with its computed forecast and its trend held within what they can be
    (its entry's ``bounds``), each saying what it was (``Forecast.unbounded``,
    ``Figures.trend_unbounded``), never silently: `kpi show`, the tables' "†", JSON."""
    bounds_of = KINDS[target.kind].bounds
    if bounds_of is None or figures.no_data is not None:
        return figures
    bounds = bounds_of(target, w, figures)
    if bounds == NO_BOUNDS:  # most rows: an amount of money, a rate
        return figures
    forecast, trend = figures.forecast, figures.trend
    if forecast.value is not None and forecast.source in COMPUTED and held(forecast.value, bounds) != forecast.value:
        figures = figures._replace(forecast=Forecast(held(forecast.value, bounds), forecast.pct, forecast.source, forecast.value))
    if trend is not None and held(trend, bounds) != trend:
        figures = figures._replace(trend=held(trend, bounds), trend_unbounded=trend)
    return figures


# --- the series a kind's figures see --------------------------------------------------------------

#: how final a value is, least final last: a figure from two values is as final as the lesser
_FINALITY = {PointStatus.ACTUAL: 0, PointStatus.PRELIMINARY: 1, PointStatus.ESTIMATE: 2, PointStatus.PLAN: 3}


def _lesser(a: Point, b: Point) -> PointStatus:
    return a.status if _FINALITY[a.status] >= _FINALITY[b.status] else b.status


def rates_of_levels(target: Target, points: tuple[Point, ...], series_of: Callable[[str], tuple[Point, ...]]) -> tuple[Point, ...]:
    """``basis: level``: each year's growth over the year before, (Lₜ − Lₜ₋₁) · 100 ÷ Lₜ₋₁ (``calc.change``), so their
    chain average from the base year is the CAGR of the levels; a year whose previous level is
    missing, zero or negative has none (a gap, said as such)."""
    if target.basis is not Basis.LEVEL:
        return points
    by_year = {p.year: p for p in points}
    rates = []
    for p in points:
        previous = by_year.get(p.year - 1)
        if previous is None or previous.value <= 0:
            continue
        rates.append(Point(p.year, calc.change(p.value, previous.value), _lesser(p, previous), p.note))
    return tuple(rates)


def ratio_of(target: Target, points: tuple[Point, ...], series_of: Callable[[str], tuple[Point, ...]]) -> tuple[Point, ...]:
    """``share_of``: the indicator's value as a percentage of another's, year by year (investment
    286 of GRDP 717 is 39,89 %); a year either lacks, or whose divisor is zero or below, has none."""
    other = {p.year: p for p in series_of(target.of)} if target.of else {}
    ratios = []
    for p in points:
        divisor = other.get(p.year)
        if divisor is not None and divisor.value > 0:
            ratios.append(Point(p.year, calc.scaled(p.value, 100, divisor.value), _lesser(p, divisor), p.note))
    return tuple(ratios)


# --- the percentage of each kind -----------------------------------------------------------------


def of_target(value: float, bound: float, target: Target, w: Window) -> float:
    """Percent of a bound reached, direction-aware (``calc.attainment``)."""
    return calc.attainment(value, bound, target.direction)


def of_the_way(value: float, bound: float, target: Target, w: Window) -> float:
    """Percent of the way from the baseline to a bound (``calc.progress``)."""
    if w.baseline is None:
        raise NotComputable("no_baseline", w.plan.base_year)
    return calc.progress(w.baseline.value, value, bound)


def in_band(value: float, bound: float, target: Target, w: Window) -> float:
    """Percent of a two-sided band: 100 inside it, whichever bound is asked for."""
    low = goal(target)
    return calc.band_attainment(value, low, low if target.upper is None else target.upper)


class Ranges(str, Enum):
    """Whether a kind's target may be written as a range ``range: [2, 3]``."""

    NEVER = "never"
    MAY = "may"  # "2–3": either ``value`` or ``range``
    MUST = "must"  # only ``range``: a band has two sides


class KindSpec(NamedTuple):
    """What the program knows about one kind of target."""

    #: its figures; None for a heading, which has no target of its own and is rated by its sub-rows
    figures: FiguresOf | None
    #: its percentage of a value against a bound; None when it has none (a threshold, a heading)
    percent: PercentOf | None = None
    ranges: Ranges = Ranges.NEVER
    #: target keys only some kinds take: ``approximate`` (then the range basis, "khoảng" and
    #: "trên" apply to its percentages, which are linear in the target), ``drop``, ``average``
    options: frozenset[str] = frozenset()
    #: its yearly values are rates (growth, an average): no CAGR of them; the trend is a percent
    rates: bool = False
    #: ``strict`` when targets.yaml (its ``strict`` or its printed wording) does not say; None:
    #: it must say (a threshold: "trên 80" or "tối thiểu 80" decides its verdict at 80)
    strict: bool | None = False
    #: each year's value has a percentage of the target of its own (`kpi show`'s year table)
    yearly: bool = False
    #: its sub-rows are shares that sum to 100 (the loader and the audit check the sums)
    shares: bool = False
    #: how an office's table names it, in folded words (no accents, lower case), Vietnamese and
    #: English (an English monthly report's "GRDP growth" is "Tốc độ tăng trưởng GRDP"): one of
    #: ``words`` and none of ``not_words`` in a row's name or unit; for a heading, at the start of its name
    words: tuple[str, ...] = ()
    not_words: tuple[str, ...] = ()
    #: the words in front of a target's number that name the kind ("Tổng 500.000", "Giảm 0,5",
    #: "Thuộc nhóm 15 địa phương dẫn đầu", "Top 15"), folded: `kpi import` reads the target so,
    #: and names the kind where a wording with them is not understood (README "Targets as an
    #: office words them")
    wording: tuple[str, ...] = ()
    #: those of ``words`` that suggest the kind by habit rather than say it ("Tổng vốn đầu tư"
    #: is most often a total over the term, but some tables give a year's): `kpi import` says
    #: which kind it read when only such words decided it
    hinted_by: tuple[str, ...] = ()
    #: the series its figures see, when not the indicator's own (rates of levels, a ratio)
    series: SeriesOf | None = None
    #: the unit of that series, when it is not the indicator's ("%" for a share of another)
    unit: str = ""
    #: the direction its targets always have (a place: the lower the better)
    direction: Direction | None = None
    #: its target names another indicator (``of``)
    refers: bool = False
    #: what its values mean within a year (README "Within the year"); None: the unit says
    within_year: WithinYear | None = None
    #: its indicator's values are places in a ranking: whole numbers from 1 (the loader checks them)
    places: bool = False
    #: what its forecast figure can physically be (README "Forecast"): a computed forecast and
    #: the trend are held within it (``held_figures``); None: it carries nothing beyond its values
    bounds: BoundsOf | None = None

    @property
    def rated_by_rows(self) -> bool:
        """A heading: no target value of its own, rated by its sub-rows."""
        return self.figures is None

    @property
    def worded(self) -> bool:
        """The target's wording — a range's basis, "khoảng", "trên" — applies to its percentages."""
        return "approximate" in self.options


_WORDED = frozenset({"approximate"})
#: a row's folded "name | unit" whose unit is a percentage (``PERCENT_UNITS``: "| %", "| % grdp",
#: "| phan tram"): its values are shares or rates, never amounts to add up over the term. "| "
#: ties each word to the unit's start: the name's words say nothing here, nor amounts' unit with
#: "(%)" beside it
PERCENT_UNIT_WORDS = tuple("| " + w for w in PERCENT_UNITS)

#: every kind of target, in the order the init template shows them (and the importer tries them)
KINDS: dict[Kind, KindSpec] = {
    Kind.GROWTH: KindSpec(
        period_figures(calc.chain_average, calc.required_chain_rate), of_target, Ranges.MAY, _WORDED | {"basis"}, rates=True,
        words=(
            "%/nam", "tang binh quan", "tang truong binh quan", "toc do tang", "tang truong kinh te",
            "%/year", "% per year", "growth rate", "average growth", "annual growth", "yearly growth", "economic growth", "grdp growth", "gdp growth",
        ),
        not_words=("dau nguoi", "giam", "per capita", "decrease", "reduction", "decline", "population growth"),
        series=rates_of_levels,
    ),  # a chain average of yearly rates, each above -100 %: no bound (a rate is not a share)
    Kind.LEVEL: KindSpec(level_figures, of_target, Ranges.MAY, _WORDED, yearly=True, bounds=value_bounds),
    Kind.AVERAGE: KindSpec(
        period_figures(calc.mean, calc.required_mean), of_target, Ranges.MAY, _WORDED, rates=True,
        # "average" alone is too wide in English ("Average life expectancy" is a level)
        words=("binh quan", "average annual", "annual average", "average yearly", "average per year"), not_words=("dau nguoi", "per capita"), within_year=WithinYear.RATE,
    ),  # a mean of its values, observed and planned, within their range: nothing carried beyond them to
    # hold; its values are rates (a yearly drop, a price change) that a unit of "%" does not bound
    Kind.PROGRESS: KindSpec(progress_figures, of_the_way, within_year=WithinYear.LEVEL, bounds=value_bounds),
    Kind.COMPOSITION: KindSpec(
        None, shares=True, words=("co cau", "structure", "economic structure", "grdp structure", "gdp structure"), within_year=WithinYear.LEVEL
    ),
    Kind.GROUP: KindSpec(None),
    Kind.THRESHOLD: KindSpec(threshold_figures, strict=None, within_year=WithinYear.LEVEL),
    Kind.CUMULATIVE: KindSpec(
        cumulative_figures, of_target, Ranges.MAY, _WORDED,
        words=(
            "luy ke", "tong von dau tu", "5 nam", "ca giai doan",
            "cumulative", "total investment", "total social investment", "over 5 years", "5-year", "whole period", "entire period",
        ),
        # a unit of "%" ("Tổng vốn đầu tư toàn xã hội | %": a share of GRDP) is no total over the term
        not_words=PERCENT_UNIT_WORDS, hinted_by=("tong von dau tu", "total investment", "total social investment"), within_year=WithinYear.FLOW,
        bounds=total_bounds, wording=("tong", "total"),
    ),
    Kind.BAND: KindSpec(band_figures, in_band, Ranges.MUST, within_year=WithinYear.LEVEL, bounds=value_bounds),
    Kind.REDUCTION: KindSpec(
        reduction_figures, of_target, Ranges.MAY, _WORDED | {"drop", "average"}, within_year=WithinYear.LEVEL, bounds=drop_bounds,
        wording=("giam", "down"),
    ),
    Kind.SHARE_OF: KindSpec(
        level_figures, of_target, Ranges.MAY, _WORDED, yearly=True, series=ratio_of, unit="%", refers=True, bounds=value_bounds
    ),  # within the year its values mean what their unit says: the share is made of both (core/periods.share_series)
    Kind.RANK: KindSpec(
        rank_figures, direction=Direction.AT_MOST, words=("nhom dan dau", "xep hang", "top ", "ranking", "ranked"), within_year=WithinYear.LEVEL, places=True,
        # "Nhóm 15 dẫn đầu", "Thuộc nhóm 15 địa phương dẫn đầu", "Thuộc nhóm 15 tỉnh dẫn đầu cả nước"
        wording=("thuoc nhom", "nhom", "thuoc top", "top", "in the top", "among the top"),
    ),
}


#: the target keys only some kinds take, in the order the loader checks them
OPTIONS = ("drop", "average", "approximate", "basis")

#: a row's folded name that counts events of a period — deaths, injuries, cases, accidents, fires
#: ("Số người chết do tai nạn giao thông | Người"): its values are counted per month and year, a
#: flow within the year (README "Within the year"), which ``kpi import`` writes as ``within_year:
#: flow``; each word is matched whole ("số vụ", not "số" alone), never in a rate (a unit or
#: name that core/bounds.rate_said reads as one: "Tỷ lệ tai nạn | %", "vụ/10.000 dân", "‰",
#: "trên 100.000 dân"), a count of places (``PLACE_NOUNS``) nor of crop seasons (``CROP_SEASONS``)
EVENT_COUNT_WORDS = (
    "nguoi chet", "so nguoi tu vong", "nguoi bi thuong", "so vu", "ca mac", "ca nhiem", "tai nan", "vu chay", "chay no", "chay rung", "hoa hoan",
    "deaths", "injuries", "accidents", "number of cases", "fires",
)
#: the nouns of places and units a row may count, folded: as the unit ("Xã", "Đơn vị") or the
#: noun after "Số" / "Number of" (``COUNT_OF``) it counts places that meet a condition ("Số xã
#: không để xảy ra cháy rừng", "Số xã, phường không có tai nạn"), not events, whatever event word follows
PLACE_NOUNS = frozenset({
    "xa", "phuong", "thi tran", "thi xa", "huyen", "thanh pho", "ap", "khom", "thon", "don vi", "truong", "co quan", "co so",
    "communes", "wards", "towns", "districts", "units", "schools", "villages", "hamlets",
})
#: the words a count's name begins with before the noun it counts, folded
COUNT_OF = ("so", "number of")
#: "vụ" of a crop season ("Số vụ lúa trong năm", "vụ đông xuân"): no event; taken out of a row's
#: name before its event words are looked for. Written and matched with their accents (lower
#: case), as the size words are: folded, "vụ mùa" (the main rice crop) is "vụ mưa" ("Số vụ mưa
#: đá", hail storms: events); a name written without any accent is matched folded
CROP_SEASONS = ("vụ lúa", "vụ mùa", "vụ đông xuân", "vụ hè thu", "vụ thu đông", "vụ xuân hè")


def wording_words() -> tuple[tuple[str, Kind], ...]:
    """(word, kind) of every entry's ``wording``, the longer words first ("thuoc nhom" before
    "nhom")."""
    return tuple(sorted(((w, kind) for kind, spec in KINDS.items() for w in spec.wording), key=lambda p: -len(p[0])))


def kind_in_wording(words: str) -> Kind | None:
    """The kind a target's folded wording names by a word of an entry's ``words`` or ``wording``
    anywhere in it, each whole and of letters and digits ("thuoc nhom cac tinh dan dau": rank; not
    "%/nam"); None when none does. For a wording that was not understood: which kind to write."""
    said = " " + " ".join(re.findall(r"[a-z0-9]+", words)) + " "
    for kind, spec in KINDS.items():
        if any(f" {w.strip()} " in said for w in (*spec.wording, *spec.words) if re.fullmatch(r"[a-z0-9 ]+", w)):
            return kind
    return None


def kinds_where(test: Callable[[KindSpec], bool]) -> frozenset[Kind]:
    """The kinds whose entry passes ``test``."""
    return frozenset(kind for kind, spec in KINDS.items() if test(spec))


def kinds_taking(option: str) -> frozenset[Kind]:
    """The kinds whose targets may carry ``option`` (one of ``OPTIONS``)."""
    return kinds_where(lambda spec: option in spec.options)


def hinted_only(kind: Kind, words: str) -> bool:
    """Whether only words that suggest ``kind`` by habit (``hinted_by``) name it in a row's
    folded "name | unit"."""
    spec = KINDS[kind]
    return bool(spec.hinted_by) and not any(w in words for w in spec.words if w not in spec.hinted_by)


def named_in_table(words: str, heading: bool) -> Kind | None:
    """The kind an office's table names by its folded words (a row's "name | unit", a heading's
    name): the first entry, in the table's order, whose words it holds and none of whose
    ``not_words`` (a heading's words at the start of its name); None when no entry's words say."""
    for kind, named, not_words in _looked_up(heading):
        if any(w in words for w in not_words):
            continue
        if words.startswith(named) if heading else any(w in words for w in named):
            return kind
    return None


def names_any_kind(words: str) -> bool:
    """Whether a row's folded "name | unit" holds any of the words by which ``named_in_table``
    names a row's kind: where it holds none, no entry's words are found and it names none. One
    search for them all, not each entry's in turn (most rows name no kind: 27 tests a row, a tenth
    of walking a 10.000-row export)."""
    return _kind_words_search()(words) is not None


@cache
def _kind_words_search() -> Callable[[str], re.Match[str] | None]:
    """The search for any row entry's words, longest first (compiled on first use)."""
    words = sorted({w for _kind, named, _not in _looked_up(False) for w in named}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))).search


@cache
def _looked_up(heading: bool) -> tuple[tuple[Kind, tuple[str, ...], tuple[str, ...]], ...]:
    """The entries ``named_in_table`` looks through, in the table's order: (kind, words,
    not_words) of each with words whose ``rated_by_rows`` is ``heading``. Made once: that property
    asked of every entry for each row of a table was half the look-up (10.000 rows: 120.000 calls)."""
    return tuple((kind, spec.words, spec.not_words) for kind, spec in KINDS.items() if spec.rated_by_rows == heading and spec.words)


#: kinds whose rows carry no target value of their own
GROUP_KINDS = kinds_where(lambda spec: spec.rated_by_rows)
#: kinds whose yearly values are rates, so a CAGR of them means nothing
RATE_KINDS = kinds_where(lambda spec: spec.rates)
