"""Evaluating a plan as of a year: every figure of the report's table, per indicator.

``evaluate(dataset, plan_id, as_of)`` is the one entry point: the plan's windows over its series
(``window``), each row's figures by its kind (``kinds.KINDS``) with the target's wording applied
(``options``), then its status (``assess``), a heading's from its sub-rows. Nothing here does I/O.
"""

import math
from collections.abc import Collection

from . import calc
from .classify import FALLS_SHORT, Status, classify, combine
from ..errors import NotComputable, UsageError
from .kinds import KINDS
from .model import Dataset, Plan, PlanRow, Point, Settings, VerdictClass
from .options import printed, yearly
from .results import Figures, PlanResult, Reason, Result, Seen
from .window import Window, plan_year, row_window

#: a heading's figures (it has none of its own), one record for every heading
NO_FIGURES = Figures()

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
    if forecast.pct is None and figures.meets is not None:  # rated in or out (a place in a ranking)
        return _in_or_out(figures, w)
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
    if status is Status.EXCEEDED and forecast.unbounded is not None:
        # held at the indicator's bound (a share at 100): it passes the target, but by how much
        # only the bound says, not the forecast — "Vượt" states no excess (README "Forecast")
        return status, None, Reason("forecast_held")
    return status, excess, Reason(code, forecast.pct)


def _in_or_out(figures: Figures, w: Window) -> tuple[Status, float | None, Reason]:
    """A target met or not by the latest value alone (a place): Đạt in, Khó đạt out before the
    target year, Không đạt out in it; never Vượt. From the target year on, only its own value
    gives a final verdict (README "Final verdicts")."""
    place = (int(figures.measure),) if figures.measure is not None else ()
    if w.final and (w.latest is None or w.latest.year < w.plan.target_year):
        if not figures.meets:
            return Status.AT_RISK, None, Reason("final_pending_below", (w.plan.target_year,))
        return Status.NO_DATA, None, Reason("final_pending", (w.plan.target_year,))
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
    year, done = _evaluated(dataset, plan, as_of, wanted)
    results = tuple(done[row.indicator] for row in plan.rows if row.indicator in done)
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
    return _evaluated(dataset, plan, as_of, tuple(row for row in plan.rows if row.indicator in ids))


def _plan(dataset: Dataset, plan_id: str) -> Plan:
    if plan_id not in dataset.plans:
        raise UsageError(f"unknown plan {plan_id!r}", tuple(dataset.plans))
    return dataset.plans[plan_id]


def _evaluated(dataset: Dataset, plan: Plan, as_of: int | None, wanted: tuple[PlanRow, ...]) -> tuple[int, dict[str, Result]]:
    """The results of ``wanted`` and of their sub-rows, by indicator id, each computed once."""
    rows_by_id = {row.indicator: row for row in plan.rows}
    children: dict[str, list[str]] = {}
    for row in plan.rows:
        parent = dataset.indicators[row.indicator].parent
        if parent is not None and parent in rows_by_id:
            children.setdefault(parent, []).append(row.indicator)
    rows = plan.rows
    if wanted is not plan.rows:  # some rows: those and every row under them, in the plan's order
        needed: set[str] = set()
        stack = list(wanted)
        while stack:
            row = stack.pop()
            if row.indicator not in needed:
                needed.add(row.indicator)
                stack.extend(rows_by_id[k] for k in children.get(row.indicator, ()))
        if len(needed) < len(plan.rows):
            rows = tuple(row for row in plan.rows if row.indicator in needed)

    def any_series(ident: str) -> tuple[Point, ...]:
        return dataset.series.get(ident, ())

    def series_of(row: PlanRow, points: tuple[Point, ...]) -> tuple[Point, ...]:
        derive = KINDS[row.target.kind].series
        return points if derive is None else derive(row.target, points, any_series)

    year, start = plan_year(dataset, plan, as_of)
    done: dict[str, Result] = {}

    def result_of(row: PlanRow) -> Result:
        if row.indicator not in done:
            under = children.get(row.indicator)  # most rows have none: no generator made for them
            kids = tuple(result_of(rows_by_id[k]) for k in under) if under else ()
            # the row's window, made as it is evaluated and dropped with it (the result keeps what
            # the outputs read of it, ``Seen``): the plan's windows are never all held at once
            w = row_window(dataset, plan, row, year, start, series_of)
            done[row.indicator] = _evaluate_row(dataset, row, w, kids, rows_by_id)
        return done[row.indicator]

    for row in rows:
        result_of(row)
    return year, done


def _evaluate_row(dataset: Dataset, row: PlanRow, w: Window, kids: tuple[Result, ...], rows_by_id: dict[str, PlanRow]) -> Result:
    plan = w.plan
    indicator = dataset.indicators[row.indicator]
    depth = 1 if indicator.parent in rows_by_id else 0
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
            figures = printed(spec.figures(row.target, w, published), row.target, w)
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
    kid_ids = tuple(k.id for k in kids)
    rated = spec.figures is None or row.target.value is not None
    klass = None
    if status in FALLS_SHORT:  # only a row that falls short has a class: the others skip this
        parts = [(k.status, k.klass) for k in rated_kids]
        if own_status is not None:  # its own target is one of the verdicts it combines
            parts.append((own_status, verdict_class(figures, own_status, plan.settings)))
        klass = _lowest_class(parts, status)
    seen = Seen(w.baseline, w.latest, w.shown, w.recorded)
    return Result(row, indicator, depth, seen, figures, status, excess, reason, kid_ids, own_status, rated, klass)


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
    shown = calc.round_half_up(pct, settings.precision)
    return next((c for c in settings.classes if shown >= c.at_least), None)


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
    """Each shown year's own percentage of the target, aligned with ``result.window.shown``, for
    the kinds whose entry is ``yearly`` (a level); computed when asked (only `kpi show` prints it)."""
    return yearly(result.row.target, result.window.shown)
