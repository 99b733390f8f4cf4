"""Where the report's published figures disagree with what its own inputs give.

The audit is a second pass: ``audit(plan_result, dataset)`` reads the evaluated results and the
published records and returns findings; evaluation never calls it. A finding pairs a published
figure with the computed one and, where a pattern explains the difference (the report rated the
latest year alone, called 100,40 % "Đạt"), a note naming it.
"""

from collections.abc import Callable, Collection
from datetime import date
from decimal import Decimal
from ..records import NamedTuple

from . import calc
from .classify import FALLS_SHORT, MET, Status, class_named, parse_assessment, published_statuses
from .kinds import KINDS, RATE_KINDS
from .model import Dataset, Kind, MonthPublished, Period, Plan, Point, Published, PublishedSummary, Settings, VerdictClass
from .periods import MonthFigures, plan_report
from .results import PlanResult, Result

#: an assessment as (status, excess X of "Vượt X%" or None)
Assessment = tuple[Status, "float | None"]

#: published field -> the computed figure it is checked against
NUMERIC_FIELDS: dict[str, Callable[[Result], float | None]] = {
    "avg_growth": lambda r: r.figures.avg_growth_pct,
    "midterm_pct": lambda r: r.figures.attainment_pct,
    "forecast": lambda r: r.figures.forecast.value,
    "forecast_pct": lambda r: r.figures.forecast.pct,
}


class Finding(NamedTuple):
    field: str  # "midterm_pct", "assessment", "sum 2023", "summary.exceeded", …
    source: str  # where the report printed it: "table", "text", "summary", or "data"
    published: float | str | None  # the figure as published (an assessment as printed); None: no report published one (a check of the data)
    computed: float | Assessment | None  # None when our inputs give no figure at all
    note: str = ""  # a key of labels.NOTES explaining the difference, if one is recognised
    detail: object = ""
    computed_class: VerdictClass | None = None  # the plan's class ("Xấp xỉ đạt") the computed verdict falls in


class AuditReport(NamedTuple):
    """Every finding of a plan: per indicator (in table order) and for the plan as a whole."""

    by_indicator: dict[str, tuple[Finding, ...]] = {}
    plan: tuple[Finding, ...] = ()  # the published counts
    as_of: int | None = None  # the year whose figures the published ones were compared with
    known_on: date | None = None  # with the values recorded by that day (the report's date), if given

    def of(self, indicator_id: str) -> tuple[Finding, ...]:
        return self.by_indicator.get(indicator_id, ())

    def pairs(self, pr: PlanResult) -> list[tuple[Result | None, Finding]]:
        """(result, finding) in table order, then the plan-level findings with no result."""
        rows: list[tuple[Result | None, Finding]] = [(r, f) for r in pr.results for f in self.of(r.id)]
        return rows + [(None, f) for f in self.plan]


def audit(pr: PlanResult, dataset: Dataset) -> AuditReport:
    """Compare everything the plan's report published with the evaluated results."""
    settings = pr.plan.settings
    found: dict[str, tuple[Finding, ...]] = {}
    parts: dict[str, Result] = {}  # the sub-rows by id, made when a published row has some
    for result in pr.results:
        findings: list[Finding] = []
        if KINDS[result.row.target.kind].shares:
            # every part of the structure, those without a target of their own too ("thuế sản phẩm")
            shared = [i for i, ind in dataset.indicators.items() if ind.parent == result.id]
            shares = {k: dataset.series.get(k, ()) for k in shared}
            findings += composition_findings(shares, settings.audit_tolerance)
        published = dataset.published.get(result.id, {}).get(pr.plan.id, ())
        if published:  # the rows a report published figures for: a few, when any
            if result.children and not parts:  # a sub-row's parent is a row: its depth is 1
                parts.update((r.id, r) for r in pr.results if r.depth)
            findings += audit_result(result, published, [parts[k] for k in result.children], settings)
        if findings:
            found[result.id] = tuple(findings)
    top = sum(r.depth == 0 for r in pr.results)
    plan_findings = audit_summary(pr.plan, pr.summary, top)
    if pr.plan.published_summary is not None and pr.plan.published_summary.groups:
        from .groups import counts_by_group

        by_group = counts_by_group(pr)
        for group, claimed in pr.plan.published_summary.groups.items():
            counts = by_group.get(group, {s: 0 for s in Status})
            plan_findings += tuple(
                f._replace(field=f"summary.{group}.{f.field.split('.', 1)[1]}")
                for f in compare_counts(claimed, counts, sum(counts.values()))
            )
    return AuditReport(found, plan_findings, pr.as_of)


def published_as_of(dataset: Dataset, plan_id: str) -> int | None:
    """The year a plan's report was published as of (the latest ``as_of`` of its records)."""
    years = [
        record.as_of
        for by_plan in dataset.published.values()
        for record in by_plan.get(plan_id, ())
        if record.as_of is not None
    ]
    return max(years, default=None)


def published_date(dataset: Dataset, plan_id: str) -> date | None:
    """The date of a plan's report (the latest ``date`` of its records), if one is given."""
    days = [record.date for by_plan in dataset.published.values() for record in by_plan.get(plan_id, ()) if record.date is not None]
    return max(days, default=None)


def dated_audit(pr: PlanResult, dataset: Dataset, rows: Collection[str] | None = None) -> AuditReport:
    """The audit against the figures as of the year the report was published as of, whatever
    year ``pr`` is computed for (README "Dated audits"); ``pr``'s own year when none is given.
    A report's ``date`` audits it with the values recorded by that day: what it could know
    (README "History of a value"). ``rows``: the only rows whose findings are wanted (`kpi
    show`'s one); that year's figures are then computed for them alone, and the plan's published
    counts are not checked."""
    year = published_as_of(dataset, pr.plan.id)
    day = published_date(dataset, pr.plan.id)
    if day is not None and (dataset.known_on is None or day < dataset.known_on):
        from .history import as_known_on

        dataset = as_known_on(dataset, day)
    else:
        day = None
    if (year is not None and year != pr.as_of) or day is not None:
        pr = _as_of(pr.plan, dataset, year if year is not None else pr.as_of, rows)
    return audit(pr, dataset)._replace(known_on=day if day is not None else dataset.known_on)


def _as_of(plan: Plan, dataset: Dataset, year: int, rows: Collection[str] | None) -> PlanResult:
    """The plan's results as of another year, as far as the audit reads them: every row when the
    report published counts (they count every top row) and every row is wanted, else only the
    wanted rows it published figures for and the compositions (with the sub-rows that rate them)."""
    from .evaluate import evaluate, evaluate_rows

    if plan.published_summary is not None and rows is None:
        return evaluate(dataset, plan.id, year)
    read = {
        row.indicator
        for row in plan.rows
        if (rows is None or row.indicator in rows)
        and (plan.id in dataset.published.get(row.indicator, {}) or KINDS[row.target.kind].shares)
    }
    year, done = evaluate_rows(dataset, plan.id, read, year)
    results = tuple(done[row.indicator] for row in plan.rows if row.indicator in done)
    return PlanResult(plan._replace(published_summary=None), year, results, {})


def published_differs(published: float, computed: float, plan_precision: int, tolerance: float, level: bool = False) -> bool:
    """Whether a published figure differs from the computed one (at the plan's precision) by more
    than ``tolerance``; a ``level`` (a figure in the indicator's own unit, not a percentage or a
    rate: a forecast, a year's estimate) by more than its own rounding too, half a unit of its
    last printed digit, when that is larger: 40235 printed for 40235,29 is that figure, whole
    (README "What the audit finds in the report")."""
    allowed = max(tolerance, half_unit(published)) if level else tolerance
    return abs(calc.round_half_up(computed, plan_precision) - published) > allowed + 1e-9


#: the published fields in the indicator's own unit (the others are percentages)
LEVEL_FIELDS = frozenset({"forecast", "estimate"})


def _is_level(name: str, kind: Kind) -> bool:
    """Whether a published field is a level, printed at the indicator's own precision (a
    rate's forecast or estimate is a percentage, at the plan's)."""
    return name in LEVEL_FIELDS and kind not in RATE_KINDS


def half_unit(printed: float) -> float:
    """Half a unit of the last digit of a figure as printed: 0,5 for 40235 (and 40200, its zeros
    being read as digits), 0,05 for 6187,5, 0,005 for 74,38."""
    exponent = Decimal(repr(printed)).normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return 0.5 * 10.0 ** -places


def audit_result(
    result: Result,
    published: tuple[Published, ...],
    kids: list[Result],
    settings: Settings,
) -> list[Finding]:
    """Every published figure of one indicator that its inputs do not reproduce."""
    findings = []
    for record in published:
        for name, computed_of in NUMERIC_FIELDS.items():
            value = getattr(record, name)
            if value is None:
                continue
            if name == "forecast" and result.figures.forecast.source == "published":
                continue  # we took it from the report: nothing to check
            computed = None if name == "forecast" and _forecast_is_a_place(result) else computed_of(result)
            if computed is None:
                findings.append(Finding(name, record.source, value, None, "not_computable"))
            elif published_differs(value, computed, settings.precision, settings.audit_tolerance, _is_level(name, result.row.target.kind)):
                findings.append(Finding(name, record.source, value, computed, *_explain(name, value, result)))
        if record.assessment is not None:
            finding = _audit_assessment(record, result, kids, settings)
            if finding:
                findings.append(finding)
    return findings


def _forecast_is_a_place(result: Result) -> bool:
    """Whether the row's forecast is its latest place in a ranking (``kinds.rank_figures``):
    what `kpi show` prints and the verdict rates, not a figure computed from the inputs, so an
    office's projected place is not compared with it (README "rank")."""
    return KINDS[result.row.target.kind].places


def _explain(name: str, published: float, result: Result) -> tuple[str, object]:
    """Recognise the common ways a published percentage goes wrong."""
    target, latest = result.row.target, result.latest
    if name == "midterm_pct" and target.kind in RATE_KINDS and latest is not None and target.value is not None:
        alone = calc.attainment(latest.value, target.value, target.direction)
        if abs(alone - published) <= 0.01 + 1e-9:
            return "latest_year_alone", latest.year
    return "", ""


def _audit_assessment(
    record: Published, result: Result, kids: list[Result], settings: Settings
) -> Finding | None:
    printed = record.assessment
    if printed is None:
        return None
    computed: Assessment = (result.status, result.excess)
    # a class of the plan's, printed or computed, is compared as a class: "Xấp xỉ đạt" is not
    # "Khó đạt" (nor "Đạt") when the plan names it
    pct = result.figures.forecast.pct
    # a forecast of exactly 0 % is a figure ("với dự báo 0,00%"), only None is none
    differs = Finding("assessment", record.source, printed, computed, "class_differs" if pct is not None else "", "" if pct is None else pct, result.klass)
    named = class_named(printed, settings.classes)
    if named is not None:
        return None if result.status is Status.NO_DATA or result.klass == named else differs
    status, excess = parse_assessment(printed)
    agreed, tally = published_statuses(printed)
    if result.klass is not None and not tally and status in FALLS_SHORT:
        return differs
    if tally:  # "đạt và vượt", "đạt kế hoạch", "chưa đạt": compared as met / not met
        if result.status in agreed or result.status is Status.NO_DATA:
            return None
        note = "met_tally_met" if result.status in MET else "met_tally_short"
        return Finding("assessment", record.source, printed, computed, note)
    if status is result.status:
        if status is not Status.EXCEEDED or excess is None or result.excess is None:
            return None
        if abs(excess - result.excess) <= settings.audit_tolerance + 1e-9:
            return None
        return Finding("assessment", record.source, printed, computed)
    short = tuple(k.row.no for k in kids if k.status in FALLS_SHORT)
    if short and result.own_status in FALLS_SHORT:
        short = (result.row.no,) + short
    if short:
        return Finding("assessment", record.source, printed, computed, "components_short", short)
    if status is Status.ACHIEVED and result.status is Status.EXCEEDED:
        if result.excess is None:  # "Vượt" without a figure (a group, a value at zero, a forecast held at a bound)
            return Finding("assessment", record.source, printed, computed, "above_target")
        return Finding("assessment", record.source, printed, computed, "above_100", result.excess)
    if status in FALLS_SHORT and result.status in MET and pct is not None:  # "Khó đạt" printed, "Vượt 10,73%" computed
        return Finding("assessment", record.source, printed, computed, "forecast_met_said_short", pct)
    if result.figures.forecast.source == "trend" and result.status in FALLS_SHORT:  # "the trend falls short": only when it does
        return Finding("assessment", record.source, printed, computed, "trend_forecast")
    return Finding("assessment", record.source, printed, computed)


def composition_findings(shares: dict[str, tuple[Point, ...]], tolerance: float) -> list[Finding]:
    """Years in which the shares of a composition do not add up to 100."""
    totals = calc.share_totals([[(p.year, p.value) for p in points] for points in shares.values()])
    return [
        Finding(f"sum {year}", "data", None, total, "shares_sum", total)
        for year, total in totals.items()
        if abs(total - 100) > tolerance + 1e-9
    ]


def audit_summary(plan: Plan, summary: dict[Status, int], total: int) -> tuple[Finding, ...]:
    """Compare the counts a plan's report published with the computed ones."""
    published = plan.published_summary
    if published is None:
        return ()
    return compare_counts(published, summary, total)


#: a published count (a field of PublishedSummary) -> ours, of the computed statuses and the total
SUMMARY_COUNTS: dict[str, Callable[[dict[Status, int], int], int]] = {
    "total": lambda summary, total: total,
    "exceeded": lambda summary, total: summary[Status.EXCEEDED],
    "achieved": lambda summary, total: summary[Status.ACHIEVED],
    "not_achieved": lambda summary, total: sum(summary[s] for s in FALLS_SHORT),
    "achieved_or_exceeded": lambda summary, total: sum(summary[s] for s in MET),
}


def compare_counts(published: PublishedSummary, summary: dict[Status, int], total: int) -> tuple[Finding, ...]:
    """Each count a report printed ("11/18 chỉ tiêu đạt và vượt, 7 không đạt") against ours."""
    findings = []
    for name, count in SUMMARY_COUNTS.items():
        value = count(summary, total)
        claimed = getattr(published, name)
        if claimed is not None and claimed != value:
            note = "missing_indicators" if name == "total" and value < claimed else ""
            findings.append(Finding(f"summary.{name}", "summary", claimed, value, note))
    return tuple(findings)


# --- a monthly report's published percentages (README "Within the year") -------------------------

#: a monthly report's published field -> the computed figure of the same month it is checked against
MONTH_FIELDS: dict[str, Callable[[MonthFigures], float | None]] = {
    "plan_pct": lambda f: f.plan_pct,
    "change_pct": lambda f: f.change_pct,
    "estimate": lambda f: f.estimate,
}


def month_audit(dataset: Dataset, plan: Plan, period: Period | None = None) -> AuditReport:
    """What an annual plan's monthly reports published (``published: {plan: {months: …}}``: % KH
    năm, so cùng kỳ, ước cả năm) against the figures computed as of each report's own month —
    only ``period``'s report when one is given. A field "plan_pct 2026-06" names the month."""
    wanted: dict[Period, dict[str, tuple[MonthPublished, ...]]] = {}
    for ident, record in month_records(dataset, plan, period):
        wanted.setdefault(record.period, {})[ident] = wanted.get(record.period, {}).get(ident, ()) + (record,)
    found: dict[str, list[Finding]] = {}
    tolerance, precision = plan.settings.audit_tolerance, plan.settings.precision
    kinds = {row.indicator: row.target.kind for row in plan.rows}
    for when in sorted(wanted, key=lambda p: (p.year, p.last, p.first)):
        report = plan_report(dataset, plan, when)
        for ident, records in wanted[when].items():
            figures = report.get(ident)
            for record in records:
                for name, computed_of in MONTH_FIELDS.items():
                    value = getattr(record, name)
                    if value is None:
                        continue
                    computed = None if figures is None else computed_of(figures)
                    field = f"{name} {when.key}"
                    if computed is None:
                        found.setdefault(ident, []).append(Finding(field, "month", value, None, "not_computable"))
                    elif published_differs(value, computed, precision, tolerance, ident in kinds and _is_level(name, kinds[ident])):
                        found.setdefault(ident, []).append(Finding(field, "month", value, computed))
    order = [row.indicator for row in plan.rows]
    return AuditReport({i: tuple(found[i]) for i in order if i in found})


#: every field a finding names, without the year or month that follows it ("sum 2023", "plan_pct
#: 2026-06"): what the audit's tables say in words (output/fields.py, the catalogue's "field.")
NAMED_FIELDS: tuple[str, ...] = (
    *NUMERIC_FIELDS, "assessment", "sum", *(f"summary.{name}" for name in SUMMARY_COUNTS), *MONTH_FIELDS,
)


def month_records(dataset: Dataset, plan: Plan, period: Period | None = None) -> list[tuple[str, MonthPublished]]:
    """The monthly reports' published records of ``plan`` (when ``period`` is given, those of the
    report running to its month: "2026-Q2" and "2026-06" are both the report as of June)."""
    return [
        (ident, record)
        for ident, by_plan in dataset.published_months.items()
        for record in by_plan.get(plan.id, ())
        if period is None or (record.period.year, record.period.last) == (period.year, period.last)
    ]


def with_months(review: AuditReport, months: AuditReport) -> AuditReport:
    """The yearly audit and the monthly reports' findings of each indicator, the months last."""
    merged = dict(review.by_indicator)
    for ident, findings in months.by_indicator.items():
        merged[ident] = merged.get(ident, ()) + findings
    return review._replace(by_indicator=merged)
