"""Evaluating a plan as of a year: every figure of the report's table, per indicator.

``evaluate(dataset, plan_id, as_of)`` is the one entry point: the plan's windows over its series
(``window``), each row's figures by its kind (``kinds.KINDS``) with the target's wording applied
(``options``), then its status (``assess``), a heading's from its sub-rows. Nothing here does I/O.
"""

import math
from collections.abc import Callable, Collection, Sequence

from . import calc
from .classify import FALLS_SHORT, Status, classify, combine, reaches
from ..errors import NotComputable, UsageError
from .kinds import KINDS, held_figures
from .model import Dataset, Plan, PlanRow, Point, PointStatus, Settings, VerdictClass
from .options import printed, yearly
from .results import Figures, PlanResult, Reason, Result
from .window import Window, plan_year, row_window

#: a heading's figures (it has none of its own), one record for every heading
NO_FIGURES = Figures()

# --- classification ----------------------------------------------------------------------------


#: a reason that speaks of the forecast -> the same said of the target year's observed result
#: ("kết quả năm cuối 100,13% > 100%", never "dự báo" once the year is in: README "Final verdicts")
OBSERVED_REASONS = {
    "forecast_above": "final_above",
    "forecast_meets": "final_meets",
    "forecast_below": "final_below",
    "forecast_about": "final_about",
    "forecast_at_bound": "final_at_bound",
    "forecast_meets_floor": "final_meets_floor",
    "forecast_meets_ceiling": "final_meets_ceiling",
    "band_inside": "final_band_inside",
    "band_below": "final_band_below",
    "band_above": "final_band_above",
}

#: an observed reason said of a target-year value that is not final yet, by its status (its
#: ``PointStatus`` value is the code's prefix, ``final_x`` → ``estimate_x``): an estimate (ước tính)
#: "số ước tính năm cuối 110,00% > 100%", a preliminary figure (sơ bộ) "số sơ bộ năm cuối 110,00% >
#: 100%" — never "kết quả", the year's result, which neither is yet (README "Final verdicts")
NOT_FINAL_REASONS = {
    status: {final: status.value + "_" + final.removeprefix("final_") for final in OBSERVED_REASONS.values()}
    for status in (PointStatus.ESTIMATE, PointStatus.PRELIMINARY)
}


def assess(figures: Figures, w: Window) -> tuple[Status, float | None, Reason]:
    """Status, excess and reason of one indicator with a target of its own."""
    settings = w.plan.settings
    if figures.no_data is not None:
        return Status.NO_DATA, None, Reason(figures.no_data.code, figures.no_data.detail)
    if figures.years_failed is not None:  # thresholds never "exceed"
        if figures.years_failed:  # a year observed below it: final whatever the years to come
            return Status.MISSED, None, Reason("threshold_failed", figures.years_failed)
        lacking = _years_lacking(figures.years_checked, w) if w.final else ()
        if lacking:  # met so far, but met only once every year of the term is in
            return _pending(True, w, Reason("threshold_pending", lacking))
        return Status.ACHIEVED, None, Reason("threshold_met", figures.years_checked)
    forecast = figures.forecast
    if forecast.pct is None and figures.meets is not None:  # rated in or out (a place in a ranking)
        return _in_or_out(figures, w)
    if forecast.pct is None:
        latest = w.latest.year if w.latest else w.plan.base_year
        return Status.NO_DATA, None, Reason("no_forecast", (latest,))
    meets = reaches(forecast.pct, settings.precision) if figures.meets is None else figures.meets
    if w.final and forecast.source != "actual":  # the target year's value (every year's, a period's) not in
        return _pending(meets, w)
    excess_pct = forecast.pct if figures.excess_pct is None else figures.excess_pct
    status = classify(forecast.pct, excess_pct, w.final, settings, meets)
    excess = None
    if status is Status.EXCEEDED and figures.excess_pct is not None and math.isfinite(figures.excess_pct):
        # the percentage as printed, less 100: 100,175 % is "100,18%" and "Vượt 0,18%", where the
        # float 100,17499999999999716 less 100 is 0,17499999999999716, rounded 0,17
        excess = calc.round_half_up(calc.round_half_up(figures.excess_pct, settings.precision) - 100, settings.precision)
    code = figures.rule or {
        Status.EXCEEDED: "forecast_above",
        Status.ACHIEVED: "forecast_meets",
        Status.AT_RISK: "forecast_below",
        Status.MISSED: "final_below",
    }[status]
    if forecast.source == "actual":  # the target year observed: its result, not a forecast, is the reason
        code = OBSERVED_REASONS.get(code, code)
        not_final = NOT_FINAL_REASONS.get(w.latest.status) if w.latest is not None else None
        if not_final is not None:
            code = not_final.get(code, code)
    if status is Status.EXCEEDED and forecast.unbounded is not None:
        # held at the indicator's bound (a share at 100, a count at 0 against an at-most target):
        # it passes the target, but by how much only the bound says, not the forecast — "Vượt"
        # states no excess, and a count held at 0 is no "0 or below" seen (README "Forecast")
        return status, None, Reason("forecast_held")
    if not math.isfinite(forecast.pct):
        return status, excess, Reason("best_possible")
    return status, excess, Reason(code, forecast.pct)


def _pending(meets: bool, w: Window, met: Reason | None = None) -> tuple[Status, float | None, Reason]:
    """The verdict of every kind from the target year on while the value that decides it is not
    in (README "Final verdicts"): never Đạt, Vượt or Không đạt. A forecast that would not meet the
    target, as the verdict says it (``classify.reaches``: a strict bound is not passed at it) is
    Khó đạt; one that meets it waits as Chưa có số liệu (``met``: the reason a kind says it with)."""
    year = (w.plan.target_year,)
    if not meets:
        return Status.AT_RISK, None, Reason("final_pending_below", year)
    return Status.NO_DATA, None, met if met is not None else Reason("final_pending", year)


def _years_lacking(checked: tuple[int, ...], w: Window) -> tuple[int, ...]:
    """The years of the term, after the base year up to the target year, without a value."""
    have = set(checked)
    return tuple(y for y in range(w.plan.base_year + 1, w.plan.target_year + 1) if y not in have)


def _in_or_out(figures: Figures, w: Window) -> tuple[Status, float | None, Reason]:
    """A target met or not by the latest value alone (a place): Đạt in, Khó đạt out before the
    target year, Không đạt out in it; never Vượt. From the target year on, only its own value
    gives a final verdict (README "Final verdicts")."""
    place = (int(figures.measure),) if figures.measure is not None else ()
    if w.final and (w.latest is None or w.latest.year < w.plan.target_year):
        return _pending(bool(figures.meets), w)
    if figures.meets:
        return Status.ACHIEVED, None, Reason(figures.rule, place)
    return (Status.MISSED if w.final else Status.AT_RISK), None, Reason(figures.rule, place)


# --- the plan ----------------------------------------------------------------------------------


def evaluate(dataset: Dataset, plan_id: str, as_of: int | None = None, rows: Collection[str] | None = None) -> PlanResult:
    """Every figure of the plan's table as of ``as_of`` (default: the latest observed year).
    ``rows``: only these indicators' rows, each with the sub-rows that rate it, in the plan's
    order, the summary counting them alone (the year is still the plan's): `kpi show` of one row
    at 100.000 series held every row's results, its peak RSS 313 MB, 271 MB without."""
    plan = _plan(dataset, plan_id)
    wanted = plan.rows if rows is None else tuple(row for row in plan.rows if row.indicator in rows)
    year, made = _evaluated(dataset, plan, as_of, wanted)
    results = tuple(made)  # made at its length at once, each result as it is read
    summary = dict.fromkeys(Status, 0)  # over the top-level rows, counted in one pass
    for r in results:
        if r.depth == 0:
            summary[r.status] += 1
    return PlanResult(plan, year, results, summary)


def evaluate_rows(dataset: Dataset, plan_id: str, ids: Collection[str], as_of: int | None = None) -> tuple[int, dict[str, Result]]:
    """The year and the results of some of a plan's rows — each with the sub-rows that rate it —
    as ``evaluate`` gives them, without computing the rest of the plan (one row of another plan in
    `kpi show`, the rows a dated audit reads)."""
    plan = _plan(dataset, plan_id)
    year, made = _evaluated(dataset, plan, as_of, tuple(row for row in plan.rows if row.indicator in ids))
    return year, {r.id: r for r in made}


def _plan(dataset: Dataset, plan_id: str) -> Plan:
    if plan_id not in dataset.plans:
        raise UsageError(f"unknown plan {plan_id!r}", tuple(dataset.plans))
    return dataset.plans[plan_id]


class _Each:
    """The results of a plan's rows at ``places``, in order, each made as it is read;
    ``tuple()`` of them is made at its length at once (``__length_hint__``), with no list of
    the results before it. A sub-row's result, read twice (by its parent and at its place), is
    kept between the two reads alone (``early``). A class rather than a closure that calls
    itself, which is a reference cycle: what it holds would be let go of only by the collector."""

    __slots__ = ("dataset", "plan", "rows", "children", "year", "start", "series_of", "early", "places", "left")

    def __init__(
        self, dataset: Dataset, plan: Plan, children: dict[str, Sequence[int]], year: int, start: int | None,
        series_of: Callable[[PlanRow, tuple[Point, ...]], tuple[Point, ...]], places: Sequence[int],
    ):
        self.dataset, self.plan, self.rows, self.children = dataset, plan, plan.rows, children
        self.year, self.start, self.series_of = year, start, series_of
        self.early: dict[int, Result] = {}
        self.places = iter(places)
        self.left = len(places)

    def __iter__(self) -> "_Each":
        return self

    def __next__(self) -> Result:
        at = next(self.places)
        self.left -= 1
        return self.result_of(at)

    def __length_hint__(self) -> int:
        return self.left

    def result_of(self, at: int) -> Result:
        found = self.early.pop(at, None)
        if found is None:
            row = self.rows[at]
            under = self.children.get(row.indicator)  # most rows have none: no generator made for them
            kids = tuple(self.result_of(k) for k in under) if under else ()
            # the row's window, made as it is evaluated and dropped with it (the result keeps what
            # the outputs read of it, ``Result.window``): the plan's windows are never all held at once
            w = row_window(self.dataset, self.plan, row, self.year, self.start, self.series_of)
            found = _evaluate_row(self.dataset, row, w, kids, self.children)
            if found.depth:  # a sub-row: its parent is a row of the plan, which reads it too
                self.early[at] = found
        return found


def _evaluated(dataset: Dataset, plan: Plan, as_of: int | None, wanted: tuple[PlanRow, ...]) -> tuple[int, _Each]:
    """The year, and the results of ``wanted`` and of their sub-rows in the plan's order, each
    computed once, as they are read (``_Each``).

    Memory (issue 27): the rows are found by their place in the plan, and only the rows that
    have sub-rows by their id (``_children``). A plan's rows by id and the results by
    id, two dicts of every row held beside every result, were 7,7 MB of the peak of `kpi status`
    at 100.000 series (tracemalloc), and a list of the results before their tuple 0,8 MB."""
    rows = plan.rows
    children = _children(dataset, rows)
    places: Sequence[int] = range(len(rows))
    if wanted is not rows:  # some rows: those and every row under them
        ids = {row.indicator for row in wanted}
        needed: set[int] = set()
        stack = [at for at, row in enumerate(rows) if row.indicator in ids]
        while stack:
            at = stack.pop()
            if at not in needed:
                needed.add(at)
                stack.extend(children.get(rows[at].indicator, ()))
        places = sorted(needed)

    def any_series(ident: str) -> tuple[Point, ...]:
        return dataset.series.get(ident, ())

    def series_of(row: PlanRow, points: tuple[Point, ...]) -> tuple[Point, ...]:
        derive = KINDS[row.target.kind].series
        return points if derive is None else derive(row.target, points, any_series)

    year, start = plan_year(dataset, plan, as_of)
    return year, _Each(dataset, plan, children, year, start, series_of, places)


def _children(dataset: Dataset, rows: tuple[PlanRow, ...]) -> dict[str, Sequence[int]]:
    """The places of each row's sub-rows (the rows whose indicator's ``parent`` is its
    indicator), by the parent's id: its keys are the rows that have sub-rows. Sub-rows that
    follow one another are a ``range``, not a list of numbers (at 100.000 rows, 30.000 sub-rows
    under 10.000 headings: 2 MB of lists and numbers held to the end of the evaluation)."""
    indicators = dataset.indicators
    named = {indicators[row.indicator].parent for row in rows}  # a few: the headings and the rows with "of which" rows
    named.discard(None)
    parents = {row.indicator for row in rows if row.indicator in named}
    del named
    found: dict[str, list[int]] = {}
    for at, row in enumerate(rows):
        parent = indicators[row.indicator].parent
        if parent is not None and parent in parents:
            found.setdefault(parent, []).append(at)
    return {
        parent: range(places[0], places[-1] + 1) if places[-1] - places[0] == len(places) - 1 else places
        for parent, places in found.items()
    }


def _evaluate_row(dataset: Dataset, row: PlanRow, w: Window, kids: tuple[Result, ...], parents: Collection[str]) -> Result:
    """One row's result; ``parents``: the ids of the plan's rows that have sub-rows (its depth is
    1 when its indicator's parent is one)."""
    plan = w.plan
    indicator = dataset.indicators[row.indicator]
    depth = 1 if indicator.parent in parents else 0
    by_plan = dataset.published.get(row.indicator)
    published = by_plan.get(plan.id, ()) if by_plan else ()
    spec = KINDS[row.target.kind]
    own_status = None
    rated_kids = tuple(k for k in kids if k.rated)  # a part without a target is never rated
    if spec.figures is None:  # a heading: rated by its sub-rows
        figures = NO_FIGURES
        status, excess, reason = _group_status(rated_kids)
    elif row.target.value is None:  # listed without a target: shown, counted, never rated
        figures = Figures(no_data=NotComputable("no_target"))
        status, excess, reason = Status.NO_DATA, None, Reason("no_target")
    else:
        try:
            figures = printed(held_figures(spec.figures(row.target, w, published), row.target, w), row.target, w)
        except NotComputable as why:
            figures = Figures(no_data=why)
        except OverflowError:  # absurd but legal magnitudes: say so rather than crash
            figures = Figures(no_data=NotComputable("overflow"))
        status, excess, reason = assess(figures, w)
        own_status = status
        if rated_kids:  # a row with its own target and "of which" rows under it
            status = combine([status] + [k.status for k in rated_kids])
            if status is not Status.EXCEEDED:
                excess = None
    if w.baseline_fallback and not figures.baseline_fallback:
        # every kind, a row without a target and one with no figures: the baseline any output
        # shows (JSON ``baseline``) is the earliest of the term's, whatever computed the figures
        figures = figures._replace(baseline_fallback=True)
    kid_ids = tuple(k.id for k in kids)
    rated = spec.figures is None or row.target.value is not None
    klass = None
    if status in FALLS_SHORT:  # only a row that falls short has a class: the others skip this
        parts = [(k.status, k.klass) for k in rated_kids]
        if own_status is not None:  # its own target is one of the verdicts it combines
            parts.append((own_status, verdict_class(figures, own_status, plan.settings)))
        klass = _lowest_class(parts, status)
    return Result(row, indicator, depth, w.baseline, w.latest, w.shown, w.recorded, figures, status, excess, reason, kid_ids, own_status, rated, klass)


def _lowest_class(parts: list[tuple[Status, VerdictClass | None]], status: Status) -> VerdictClass | None:
    """A row short only by verdicts in a class of the plan takes the lowest of them: a heading
    by its components, a row with its own target by that and its "of which" rows (17 and 17.1),
    a row alone by its own."""
    short = [klass for s, klass in parts if s in FALLS_SHORT]
    if status not in FALLS_SHORT or not short or any(k is None for k in short):
        return None
    return min((k for k in short if k is not None), key=lambda c: c.at_least)


def verdict_class(figures: Figures, status: Status, settings: Settings) -> VerdictClass | None:
    """The plan's class between Đạt and Khó đạt a shortfall falls in: the highest whose
    ``at_least`` its forecast percentage reaches, at the plan's precision."""
    pct = figures.forecast.pct
    if status not in FALLS_SHORT or pct is None or not math.isfinite(pct):
        return None
    return next((c for c in settings.classes if reaches(pct, settings.precision, c.at_least)), None)


def _group_status(kids: tuple[Result, ...]) -> tuple[Status, float | None, Reason]:
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
            found.append((other, evaluate_rows(dataset, other.id, (indicator_id,), as_of)[1][indicator_id]))
    return found


def year_percentages(result: Result) -> tuple[float | None, ...]:
    """Each shown year's own percentage of the target, aligned with ``result.shown``, for
    the kinds whose entry is ``yearly`` (a level); computed when asked (only `kpi show` prints it)."""
    return yearly(result.row.target, result.shown)
