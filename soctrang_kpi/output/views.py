"""What each command shows: results turned into Documents (typed tables and lines).

Every table is a list of field keys of the registry in fields.py, built by ``fields.table``; the
JSON of each command is in payloads.py and is built only when asked for; the words in labels.py
and wording.py. Nothing here computes a figure (that is the core's) or reads JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..core.audit import AuditReport, Finding
from ..core.classify import FALLS_SHORT, Status
from ..core.evaluate import year_percentages
from ..core.kinds import GROUP_KINDS, KINDS, RATE_KINDS
from ..core.model import (
    Basis, Dataset, Direction, Indicator, Kind, Plan, Point, PointStatus, PublishedSummary, Target, is_annual,
)
from ..core.pace import Band
from ..core.calc import change as calc_change, round_half_up
from ..core.periods import MonthFigures, annual_report, of_last_year, within_year, year_plan
from ..core.results import PlanResult, Result
from ..errors import Problem
from . import fields, payloads
from .document import Chart, Column, Document, MonthChart, Phrase, Printed, Row, Table
from .fields import Ctx, Use, use
from .labels import (
    MONTH_REASON_CELLS,
    MONTH_VERDICTS,
    month_label,
    month_reason_text,
    ROMAN,
    class_name,
    FORECAST_SOURCES,
    KIND_NAMES,
    POINT_STATUS,
    SUMMARY_NAMES,
    Lang,
    group_name,
    machine_number,
    number,
    percent,
    period_blanks,
    provisional,
    result_label,
    word,
    written,
)
from .text_chart import chart
from .provenance import about_line
from .wording import count_text, month_decimals, month_value, name_of, target_line, plan_title, reason_text, shown_value, counts_named, shown_counts, summary_line, target_text, unit_of, value_decimals, share_name, worded, whole_unit, percent_drop

if TYPE_CHECKING:  # types only: imported where a command needs them
    from ..core.compare import Change


#: the status table (`kpi status`): on a narrow terminal the name wraps down to MIN_WRAP_WIDTH and
#: the latest value, the unit and the verdict wrap between words ("93,50" over "(2022)") before a column goes;
#: then they go in this order (highest drop first), all found in `kpi show`: the baseline, the
#: average, the forecast value, the target, the latest value and then its unit. The verdict and
#: the two percentages it rests on always stay.
STATUS_FIELDS: tuple[Use | str, ...] = (
    "no",
    use("name", wrap=True, sub_prefix="  - ", max_lines=3),
    use("unit", drop=4, max_width=11, follows="latest"),
    use("target", drop=6),
    use("baseline", drop=9),
    use("latest", drop=5, max_width=16),
    use("avg_growth", drop=8),
    "attainment",
    use("forecast", drop=7),
    "forecast_pct",
    use("assessment", max_width=16),  # "Chưa có số liệu" wraps before the latest value goes
)

#: an annual plan's own table: a one-year plan has no average, roadmap or pace
ANNUAL_FIELDS: tuple[Use | str, ...] = (
    "no",
    use("name", wrap=True, sub_prefix="  - ", max_lines=3),
    use("unit", drop=9, max_width=11, follows="latest"),
    use("annual.previous", drop=4),
    use("annual.target", drop=3),
    "annual.current",
    "annual.pct",
    use("annual.change", drop=5),
    "assessment",
)

#: a published figure against the computed one (`kpi audit`, and beside the appendix and `show`)
FINDINGS_FIELDS: tuple[Use | str, ...] = (
    "finding.no",
    use("finding.name", drop=1, max_width=28),
    "finding.field",
    "finding.source",
    "finding.published",
    "finding.computed",
    use("finding.note", wrap=True),
)


#: a problem in the data files (`kpi validate`, csv and markdown)
PROBLEM_FIELDS = tuple(f"problem.{h}" for h in ("file", "line", "column", "indicator", "field", "message", "severity"))


def _paced(result: Result, bands: frozenset[Band] | None) -> bool:
    pace = result.figures.pace
    return bands is None or (pace is not None and pace.band in bands)


def status_document(
    pr: PlanResult,
    review: AuditReport,
    lang: Lang,
    only: frozenset[Status] | None = None,
    pace_only: frozenset[Band] | None = None,
    compared: tuple[PlanResult, tuple[Change, ...]] | None = None,
    for_people: bool = True,
    annual: dict | None = None,
) -> Document:
    """The plan's table; ``for_people=False`` (JSON) leaves the table out: at 10.000 indicators
    formatting its cells costs a quarter of the run."""
    precision = pr.plan.settings.precision
    # every row, unless some are chosen: the results themselves, not a list of them (at
    # 100.000 rows a copy was 0,8 MB more at the end of `kpi status --json`, its peak)
    shown: Sequence[Result] = pr.results
    if only is not None or pace_only is not None:
        shown = [r for r in pr.results if (only is None or r.status in only) and _paced(r, pace_only)]
    title = plan_title(pr, lang)
    compare_json = None if compared is None else payloads.compare_json(compared[0], compared[1], lang)
    payload = lambda: payloads.status_payload(pr, review, shown, lang, compare_json, annual)  # noqa: E731
    if not for_people:
        return Document(lang, payload, title=title, counts=tuple(counts_named(pr, lang)))
    layout = STATUS_FIELDS if annual is None else ANNUAL_FIELDS  # a one-year plan: its own table
    table = fields.table(title, layout, shown, Ctx(pr, lang, annual=annual or {}), fields.indicator_row, role="status")
    rows = table.rows
    table = table._replace(footer=summary_line(pr, lang) + marks_legend(table, lang))
    lines = () if rows else (f"{title}: {word('none_shown', lang)}",)
    tables: tuple[Table, ...] = (table,)
    if compared is not None:
        before, changes = compared
        ids = {r.id for r in shown}
        tables += (compare_table(before, tuple(c for c in changes if c.after.id in ids), pr, lang),)
    return Document(
        lang,
        payload,
        tables,
        lines,
        title=title,
        counts=tuple(counts_named(pr, lang)),
    )


def compare_table(before: PlanResult, changes: tuple[Change, ...], after: PlanResult, lang: Lang) -> Table:
    """The verdict as of an earlier year beside today's, the changes marked."""
    n = sum(c.changed for c in changes if c.after.depth == 0)  # counted as the footer counts: top-level rows
    uses: tuple[Use | str, ...] = (use("change.no"), use("change.name", wrap=True, sub_prefix="  - "), use("change.before", before.as_of), "change.after", "change.mark")
    return fields.table(
        word("compare_title", lang, year=before.as_of), uses, changes, Ctx(after, lang), fields.change_row,
        footer=word("compare_footer", lang, count=count_text(n, lang), year=before.as_of), role="compare",
    )


#: `kpi show`'s words for the target and its percentage: a resolution's ("Nghị quyết", "% so NQ"),
#: an annual plan's ("Kế hoạch năm 2026", "% so KH"), by ``is_annual``
SHOW_TARGET_WORDS = {False: ("target", "attainment"), True: ("target_annual", "attainment_annual")}
#: the kinds a term requires of every year as they are (a threshold: "≥ 100" each year)
HELD_EVERY_YEAR = frozenset({Kind.THRESHOLD})


#: a strict target's required growth is a bound too: the growth that lands on "trên 80" is not enough
_REQUIRED_STRICT = {Direction.AT_LEAST: "required_above", Direction.AT_MOST: "required_below"}


def _required(pct: float | None, target: Target, lang: Lang, precision: int) -> str:
    """The yearly growth a target needs: "8,50%"; a strict one's "trên 8,50%" ("dưới" at most),
    so that "0,00%" at the bound of "trên 10%" never sits beside "Quá chậm" (README "How every
    figure is computed")."""
    shown = percent(pct, lang, precision)
    return word(_REQUIRED_STRICT[target.direction], lang, pct=shown) if target.strict and pct is not None else shown


def show_document(
    pr: PlanResult, review: AuditReport, result: Result, series: tuple[Point, ...], lang: Lang,
    others: list[tuple[Plan, Result]] | None = None, periods: tuple = (), year: int = 0, month=None, needs: tuple = (),
    path=None, versions: dict | None = None, listing: tuple | None = None, other_months: dict | None = None, wholes: dict | None = None,
) -> Document:
    """One indicator in detail; with ``periods``, its months and quarters of ``year`` beside last
    year's, and with ``month`` (an annual plan within its year) the monthly report's figures.
    ``versions``: the values each value replaced (in JSON); ``listing`` (``--history``): every
    value and period of the indicator, listed with every version (README "History of a value");
    ``other_months``: the month's figures of another annual plan of the same year, by plan id;
    ``wholes``: the indicators a *share of* another's targets, in this plan and the others, are a
    share of, by id (its target line says "40% GRDP", not an amount)."""
    from ..core.history import provenance
    from .provenance import history_table, metadata_facts

    others = others or []
    versions = versions or {}
    precision = pr.plan.settings.precision
    digits = value_decimals(result)  # every value of the indicator as `kpi status` writes it: a count whole, HDI at its precision
    f, target = result.figures, result.row.target
    whole = (wholes or {}).get(target.of or "")  # the indicator a share of another's is a share of
    annual = is_annual(pr.plan)
    # an annual plan's "% so KH" is its own year's value against the year's plan: an earlier year's
    # (last year's 920 against this year's 750) is no percentage of it, within the year or after
    own_year = lambda year: not annual or year == pr.plan.target_year  # noqa: E731
    target_word, attainment_word = (word(key, lang, year=pr.plan.target_year) for key in SHOW_TARGET_WORDS[annual])
    facts = [
        (word("name", lang), f"{result.row.no}. {name_of(result, lang)} ({result.id})"),
        (target_word, target_line(result, lang, annual, whole) + f" — {kind_text(target, lang, whole)}"),
        (word("avg_growth", lang), percent(f.avg_growth_pct, lang, precision)),
        (word("cagr", lang), percent(f.cagr_pct, lang, precision)),
        (word("required", lang), _required(f.required_growth_pct, target, lang, precision)),
        (attainment_word, percent(f.attainment_pct, lang, precision)),  # an annual plan's: its own year's (core/options.measured_now)
        (word("progress", lang), percent(f.progress_pct, lang, precision)),
        (
            word("trend", lang, year=pr.plan.target_year),
            _trend_text(shown_value(f.trend, result), target, lang, precision, digits)
            + ("" if f.trend_unbounded is None else " (" + word("bounded", lang, value=_trend_text(f.trend_unbounded, target, lang, precision, digits)) + ")"),
        ),
        (
            word("forecast", lang),
            "-" if f.forecast.value is None else
            f"{_trend_text(shown_value(f.forecast.value, result), target, lang, precision, digits)} ({FORECAST_SOURCES[_forecast_source(result)][lang.value]}"
            + ("" if f.forecast.unbounded is None else "; " + word("bounded", lang, value=_trend_text(f.forecast.unbounded, target, lang, precision, digits)))
            + ")" + ("" if f.forecast.pct is None else f" = {percent(f.forecast.pct, lang, precision)}"),  # a place has no %
        ),
        (word("assessment", lang), _show_assessment(pr, result, month, lang, precision)),
    ]
    if lang is not Lang.VI and target.printed:  # the resolution's own words, quoted: they have no English text
        facts.insert(2, (word("resolution_words", lang), f"“{target.printed}”"))
    for need in needs:  # an annual plan's year, as the term requires it: beside the annual target
        said = term_need_text(need, lang, precision, digits)
        if said is not None:  # nothing the year needs can be said (a band, a place): no line, rather than "-"
            facts.insert(2, (word("term_requires", lang, year=need.year), said))
    if f.pace is not None:
        facts.insert(-1, (word("pace_fact", lang), fields.pace_text(result, lang)))
    gap = f.roadmap_gap
    if gap is not None:
        facts.insert(-1, (word("roadmap_gap", lang), word(
            "roadmap_gap_text", lang, year=gap.year, observed=number(gap.observed, lang, digits), planned=number(gap.planned, lang, digits),
            gap=percent(gap.gap_pct, lang, precision), required=_required(gap.required_growth_pct, target, lang, precision),
        )))
    if f.baseline_fallback and result.baseline is not None:
        # a growth of a level: the base year's level is there, its rate (against the year before) is not
        said = "baseline_fallback_growth" if target.basis is Basis.LEVEL else "baseline_fallback_text"
        facts.insert(2, (word("baseline_fallback", lang), word(
            said, lang, base=pr.plan.base_year, before=pr.plan.base_year - 1, year=result.baseline.year, value=number(result.baseline.value, lang, digits),
        )))
    if f.total is not None:
        facts.insert(3, (word("total_so_far", lang), number(f.total, lang, digits)))
    if result.indicator.group is not None:
        facts.insert(2, (word("group", lang), group_name(result.indicator.group, lang)))
    if result.children:
        parts = [pr.find(child) for child in result.children]
        facts.append((word("components", lang), "; ".join(f"{c.row.no} {result_label(c, lang, precision)}" for c in parts)))
    if target.note:  # the office's note on the row ("Ghi chú"), as written, in either language
        facts.append((word("note", lang), target.note))
    facts += metadata_facts(result.indicator, lang)
    title = plan_title(pr, lang)
    if month is not None:  # within the year the yearly table has no figure of it: the month's date, never "tính đến năm 2026"
        title = word("month_title", lang, plan=_plan_name(pr, lang), period=period_text(month.period, lang))
    facts_table = Table(
        title,
        (Column(""), Column("", wrap=True)),
        tuple(Row(fact) for fact in facts),
        show_header=False,
        role="facts",
    )
    recorded = result.recorded  # a share of another, the growth of a level: the values as recorded first
    listed = recorded or series
    noted = any(provenance(p) for p in listed)  # the source column only when a value has a source or a note
    percentages = {p.year: pct for p, pct in zip(result.shown, year_percentages(result)) if own_year(p.year)}
    derived = {p.year: p for p in series}
    derived_column = (
        (Column(word("derived_growth" if target.basis is Basis.LEVEL else "derived_share", lang), numeric=True, decimals=precision, suffix="%"),)
        if recorded else ()
    )
    year_rows = tuple(
        Row((str(p.year), p.value)
            + ((None if p.year not in derived else derived[p.year].value,) if recorded else ())
            + (POINT_STATUS[p.status.value][lang.value], percentages.get(p.year))
            + ((provenance(p),) if noted else ()))
        for p in listed
    )
    years = Table(
        "",
        (
            Column(word("year", lang)),
            Column(word("value", lang), numeric=True, decimals=digits),  # HDI 0,745: its own precision; a count whole
            *derived_column,
            Column(word("status", lang)),
            Column(attainment_word, numeric=True, decimals=precision, suffix="%"),
        ) + ((Column(word("value_note", lang), wrap=True),) if noted else ()),
        year_rows,
        role="years",
    )
    tables = [facts_table, years]
    if month is not None:
        # the monthly figures go first among the facts: what the office writes now
        tables[0] = facts_table._replace(rows=(Row((word("month_fact", lang, period=period_text(month.period, lang)), month_fact(month, result, lang, precision))), *facts_table.rows))
    if periods:
        tables.append(periods_table(periods, year, result, lang, precision))
    if others:
        tables.append(other_targets_table(pr, others, lang, other_months or {}, wholes))
    if listing is not None:
        every, within, earlier = listing
        tables.append(history_table(every, within, earlier, lang, result.indicator.precision))
    findings = review.of(result.id)
    if findings:
        tables.append(findings_table(pr, [(result, f) for f in findings], lang, word("audit_title", lang)))

    def drawn(width: int | None) -> tuple[str, ...]:
        """The charts for a line of ``width`` columns (None: at their natural width, README "Terminal width")."""
        lines = chart(series, target, lang, width, digits) if series and target.value is not None else []
        if path is not None and month is not None:  # within the year: lũy kế month by month against the year's plan
            from .text_chart import month_chart

            months = month_chart(path, month.period.year, lang, width, digits)
            lines = months + ([""] + lines if lines and months else lines)
        return tuple(lines)

    return Document(
        lang,
        lambda: payloads.show_payload(pr, review, result, series, lang, others, periods, month, needs, versions, other_months or {}),
        tuple(tables),
        drawn(None),
        title=plan_title(pr, lang),
        drawn=drawn,
    )


def other_targets_table(pr: PlanResult, others: list[tuple[Plan, Result]], lang: Lang, months: dict | None = None, wholes: dict | None = None) -> Table:
    """The same indicator's rows in other plans, side by side: each target and its verdict; an
    annual plan of the same year within its year (``months``, by plan id) with its month's
    verdict, provisional, as this plan's is said; a share of another's target as the share it is
    (``wholes``: the indicators shares are of, by id)."""
    uses: tuple[Use | str, ...] = (use("other.plan", wrap=True), use("other.target", max_width=20), "other.attainment", "other.forecast_pct", "other.assessment")
    rows = [(plan, other, (months or {}).get(plan.id), (wholes or {}).get(other.row.target.of or "")) for plan, other in others]
    return fields.table(word("other_targets", lang), uses, rows, Ctx(pr, lang), fields.other_row, role="other_targets")


def _forecast_source(result: Result) -> str:
    """What the forecast is, as `kpi show` says it: its source; the target year observed, what
    that value is — an estimate or sơ bộ is no "số thực hiện" (the status table marks it * or °)."""
    source = result.figures.forecast.source or "trend"
    latest = result.latest
    if source == "actual" and latest is not None and latest.status in (PointStatus.ESTIMATE, PointStatus.PRELIMINARY):
        return latest.status.value
    return source


def _trend_text(trend: float | None, target: Target, lang: Lang, precision: int, digits: int | None = None, machine: bool = False) -> str:
    """A trend or forecast: a rate's percentage at the plan's ``precision``, a value at the
    indicator's ``digits`` (None: the formatter's default); ``machine``: written for csv."""
    if trend is None:
        return "-"
    rate = target.kind in RATE_KINDS
    decimals = precision if rate else digits
    return (machine_number(trend, decimals) if machine else number(trend, lang, decimals)) + ("%" if rate else "")


def held_legend(results: Sequence[Result], lang: Lang, precision: int) -> tuple[Phrase, ...]:
    """What "100†" means under a table whose forecasts some are held within what the indicator
    can be, with the figure each computed, as `kpi show` says it: "(†) Dự báo giữ trong giới hạn
    của chỉ tiêu, tính ra: 160,06 (chỉ tiêu 1); -63 (chỉ tiêu 2)."; none when none is held."""
    held = [r for r in results if r.figures.forecast.unbounded is not None]
    if not held:
        return ()

    def said(machine: bool) -> str:
        values = "; ".join(
            word("held_value", lang, no=r.row.no, value=_trend_text(r.figures.forecast.unbounded, r.row.target, lang, precision, value_decimals(r), machine))
            for r in held
        )
        return word("held_note", lang, values=values)

    return (Phrase(said(False), said(True)),)


def findings_table(pr: PlanResult, pairs: list[tuple[Result | None, Finding]], lang: Lang, title: str) -> Table:
    return fields.table(title, FINDINGS_FIELDS, pairs, Ctx(pr, lang), role="audit")


def audit_document(pr: PlanResult, review: AuditReport, lang: Lang, within=None, asked=None, months: int | None = None) -> Document:
    """The findings; for an annual plan (``months`` not None) a line first says what is checked
    within the year: the monthly reports' published % KH năm, so cùng kỳ and ước cả năm (of the
    month ``asked``, or of every month), each against the figures as of its own month."""
    pairs = review.pairs(pr)
    lines = () if pairs else (word("no_findings", lang),)
    title = word("audit_title", lang)
    if review.as_of is not None and review.as_of != pr.as_of:
        title += " — " + word("audited_as_of", lang, year=review.as_of)
    if review.known_on is not None and review.known_on != pr.known_on:
        from .provenance import day_text

        title += " — " + word("known_on", lang, day=day_text(review.known_on, lang))
    intro: tuple[str, ...] = ()
    if months is not None:
        which = period_text(asked, lang) if asked is not None else word("month_audit_every", lang)
        intro = (word("month_audit_checks" if months else "month_audit_none", lang, which=which, count=months),)
        if within is not None and asked is None:
            intro += (word("month_audit_latest", lang, period=period_text(within, lang)),)
    tables = (findings_table(pr, pairs, lang, title),) if pairs else ()
    period = asked if asked is not None else within
    payload = lambda: payloads.audit_payload(pr, review, lang, period, months)  # noqa: E731
    # within the year the plan is checked as of a month: its title names that month, as the monthly report's
    checked = plan_title(pr, lang) if months is None or period is None else word("month_title", lang, plan=_plan_name(pr, lang), period=period_text(period, lang))
    return Document(lang, payload, tables, lines, intro=(checked,) + intro if intro else (), title=checked)


def _short_lists(pr: PlanResult, lang: Lang) -> list[tuple[str, list[Result]]]:
    """The rows that fall short, each class under its own heading: the plan's classes ("Chỉ tiêu
    xấp xỉ đạt"), then "Chỉ tiêu khó đạt", then "Chỉ tiêu không đạt"; a heading only with rows."""
    short = [r for r in pr.results if r.status in FALLS_SHORT]
    lists = [
        (word("class_list", lang, name=_lower_first(class_name(klass, lang))), [r for r in short if r.klass == klass])
        for klass in pr.plan.settings.classes
    ]
    lists += [
        (word(key, lang), [r for r in short if r.klass is None and r.status is status])
        for key, status in (("at_risk_list", Status.AT_RISK), ("missed_list", Status.MISSED))
    ]
    return [(heading, rows) for heading, rows in lists if rows] or [(word("at_risk_list", lang), [])]


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def summary_document(pr: PlanResult, lang: Lang) -> Document:
    ctx = Ctx(pr, lang)
    counts = fields.table("", ("count.status", "count.n"), shown_counts(pr.counts_apart()), ctx, fields.count_row, role="counts")
    at_risk_uses: tuple[Use | str, ...] = ("no", use("name", wrap=True), "assessment_short", use("reason", max_width=36))
    short_lists = tuple(
        fields.table(heading, at_risk_uses, rows, ctx, fields.result_row, role="at_risk") for heading, rows in _short_lists(pr, lang)
    )
    lines: tuple[str, ...] = (plan_title(pr, lang), summary_line(pr, lang))
    published = pr.plan.published_summary
    if published is not None:
        lines += (_published_line(published, lang),)
        lines += tuple(
            f"  {group_name(g, lang)}: {_published_line(c, lang).split(': ', 1)[1]}" for g, c in published.groups.items()
        )
    tables: tuple[Table, ...] = (counts, *short_lists)
    from ..core.groups import counts_apart_by_group  # only `kpi summary` counts per group

    by_group = counts_apart_by_group(pr)  # the plan's classes apart, as the footer counts them
    if set(by_group) != {None}:
        shown = shown_counts(pr.counts_apart())  # the rows not rated: a column only when there are some
        columns = [i for i, entry in enumerate(pr.counts_apart()) if entry in shown]
        uses: tuple[Use | str, ...] = (use("group.name"), "group.total", *(use("group.count", i) for i in columns), "group.met")
        tables = (counts, fields.table(word("by_group", lang), uses, by_group.items(), ctx, role="groups"), *short_lists)
    return Document(
        lang,
        lambda: payloads.summary_payload(pr, lang),
        tables,
        intro=lines,
        title=plan_title(pr, lang),
        counts=tuple(counts_named(pr, lang)),
    )


def _published_line(published: PublishedSummary, lang: Lang) -> str:
    parts = ", ".join(
        f"{SUMMARY_NAMES[k][lang.value]} {getattr(published, k)}" for k in SUMMARY_NAMES if getattr(published, k) is not None
    )
    return f"{word('published', lang)}: {parts}"


def validate_document(dataset: Dataset, warnings: list[Problem], lang: Lang) -> Document:
    top = sum(1 for indicator in dataset.indicators.values() if indicator.parent is None)
    plans = word("plan_one" if len(dataset.plans) == 1 else "plans_total", lang, n=len(dataset.plans))
    verdict = word("valid", lang, indicators=count_text(top, lang), rows=len(dataset.indicators), plans=plans)
    problems = fields.table("", PROBLEM_FIELDS, warnings, Ctx(None, lang), machine_only=True, role="problems")
    said = tuple(p.render(lang.value) for p in warnings)
    return Document(lang, lambda: payloads.validate_payload(dataset, warnings, lang), (problems,), said + (verdict,))


def record_document(change, lang: Lang) -> Document:
    """What `kpi record` changed: "actuals.yaml: grdp-growth 2023: 7,10 (ước tính) → 7,2 (thực hiện)"."""

    def point_text(point: Point | None, decimals: int | None = None) -> str:
        """The value with the decimals it was typed with (``decimals``: 7,10, which the float 7.1
        loses), else those it has (7,25; 7,125)."""
        if point is None:
            return "-"
        shown = written(point.value, lang) if decimals is None else number(point.value, lang, decimals)
        return f"{shown} ({POINT_STATUS[point.status.value][lang.value]})"

    when = change.when if change.period is None or not change.period.ytd else word("period_ytd", lang, period=change.when)
    where = f"{change.area} " if change.area else ""  # README "Territory": the area's series
    line = f"{change.file}: {where}{change.indicator} {when}: {point_text(change.old)} → {point_text(change.new, change.decimals)}"
    if change.new.source:  # README "History of a value"
        line += " — " + word("record_source", lang, source=change.new.source)
    return Document(lang, lambda: payloads.record_payload(change), lines=(line,))


def plotted(r: Result, annual: dict | None, precision: int) -> tuple[str, float | None, float | None, float | None, int | None, tuple[Point, ...]]:
    """A chart's kind, target, its upper bound, forecast and series, all in the units of the values
    it plots (README "Charts"). An annual plan whose year's plan is made from last year's value
    (``core.periods.year_plan``) draws it as that amount: a reduction "Giảm 0,5" of 2,50 the rate
    2,00 to bring down to (not a line at 0,5 among 2,50 and 2,10), a growth of a level "Tăng 10%"
    of 5.000 the level 5.500 among the levels recorded (5.000 → 5.600, as its table), and the
    forecast likewise; any other chart as the target is written, beside the values shown."""
    target, forecast = r.row.target, r.figures.forecast.value
    latest = r.latest.year if r.latest else None
    figures = None if annual is None else annual.get(r.id)
    meaning = within_year(r.indicator, target)
    if figures is None or not of_last_year(target, meaning):
        return target.kind.value, target.value, target.upper, forecast, latest, r.shown
    # computed figures, rounded as the monthly report's plan (fields._month_plan): 5.500, not 5.500,000000000001
    decimals = precision if r.indicator.precision is None else r.indicator.precision
    low, high = year_plan(target, meaning, figures.previous)
    ahead = None if forecast is None else year_plan(target._replace(value=forecast, upper=None), meaning, figures.previous)[0]
    low, high, ahead = (None if v is None else round_half_up(v, decimals) for v in (low, high, ahead))
    return Kind.LEVEL.value, low, high, ahead, latest, r.recorded or r.shown


def appendix_document(pr: PlanResult, review: AuditReport, dataset: Dataset, lang: Lang, charts: bool = True) -> Document:
    """The report's appendix table, in its column order, for `kpi export`.

    Cells stay numbers (formats decide how to write them); the charts carry every indicator's
    yearly series for the formats that draw (``charts``: made only for them, 17 MB at 100.000
    series, #27).
    """
    plan = pr.plan
    done_years = range(plan.base_year + 1, min(pr.as_of, plan.target_year) + 1)
    plan_years = range(max(pr.as_of, plan.base_year) + 1, plan.target_year + 1)
    notes = {r.id: _notes_cell(dataset.series.get(r.id, ()), plan.target_year) for r in pr.results}
    uses: tuple[Use | str, ...] = (
        "no",
        use("name", wrap=True, sub_prefix="- "),
        "unit",
        use("target_cell", printed=word("target_printed", lang)),
        "base_year",
        *(use("year", y, group=word("appendix_done", lang), sub=str(y)) for y in done_years),
        "average",
        "attainment_appendix",
        *(use("roadmap", y, group=word("appendix_roadmaps", lang), sub=str(y)) for y in plan_years),
        "forecast_value",
        "forecast_pct_appendix",
        "pace",
        "assessment",
        use("value_note", wrap=True),  # the source column: where actuals.yaml says the values come from
        "target_note",  # the "Ghi chú" column: the office's note on the row, as Nghị định 30's appendices end
    )
    annual = None
    if is_annual(plan):  # a one-year plan: thực hiện năm trước | kế hoạch năm | ước thực hiện | % kế hoạch | so cùng kỳ
        annual = annual_report(dataset, plan, pr.as_of)
        # the year's plan as printed ("Tăng 10%", "Giảm 0,5", "≤ 120") beside its number in a
        # workbook, as the term's "Nghị quyết (ghi)" and the monthly report's "KH (ghi)"
        own = {1: use("name", wrap=True, sub_prefix="- "), 4: use("annual.target", drop=3, printed=word("month_plan_printed", lang))}
        uses = tuple(own.get(i, u) for i, u in enumerate(ANNUAL_FIELDS)) + (use("value_note", wrap=True), "target_note")
    title = plan_title(pr, lang)
    ctx = Ctx(pr, lang, notes, annual=annual or {})
    unwanted = frozenset() if plan.settings.pace else frozenset({"pace"})  # settings: {pace: false}
    appendix = fields.table(title, uses, pr.results, ctx, fields.indicator_row, optional=OPTIONAL_COLUMNS, unwanted=unwanted,
                            footer=summary_line(pr, lang), role="appendix")
    appendix = appendix._replace(legend=held_legend(pr.results, lang, plan.settings.precision))
    appendix = with_sections(appendix, pr, lang)
    yearly = tuple(
        Chart(
            r.id, r.row.no, name_of(r, lang), result_label(r, lang, plan.settings.precision), r.status,
            *plotted(r, annual, plan.settings.precision), whole=whole_unit(r), target_year=plan.target_year, about=about_line(r.indicator, lang),
            decimals=value_decimals(r),
        )
        for r in pr.results if charts and r.row.target.kind not in GROUP_KINDS
    )
    audit = findings_table(pr, review.pairs(pr), lang, word("audit_title", lang))
    return Document(
        lang,
        tables=(appendix, audit),
        intro=(title, summary_line(pr, lang)),
        charts=yearly,
        title=title,
        counts=tuple(counts_named(pr, lang)),
        appendix=plan.settings.appendix,
        attached_to=plan.settings.attached_to,
    )


def with_sections(table: Table, pr: PlanResult, lang: Lang) -> Table:
    """The appendix of a plan in groups with a section row before each group's rows, as a Nghị
    định 30 table prints them: "I" | "KINH TẾ" across the table, bold. Its numeral is the one the
    plan's numbers start with ("II.1"), else the next Roman numeral. A plan without groups has
    none, nor one whose groups come back after another (its rows are not in sections: "KINH TẾ"
    twice would mislead)."""
    from ..core.groups import group_of

    by_id = {r.id: r for r in pr.results}
    groups = [group_of(r, by_id) for r in pr.results]
    runs = [g for n, g in enumerate(groups) if n == 0 or g != groups[n - 1]]
    no, name = table.column_index("no"), table.column_index("name")
    if not any(groups) or len(runs) != len(set(runs)) or no is None or name is None or len(groups) != len(table.rows):
        return table
    rows: list[Row] = []
    seen = 0
    last: str | None = None
    for row, result, group in zip(table.rows, pr.results, groups):
        if group != last or (not rows and group is not None):
            head = result.row.no.split(".")[0]
            mark = head if head.isalpha() and head.isupper() else ROMAN[seen] if seen < len(ROMAN) else str(seen + 1)
            cells = ["" for _ in table.columns]
            cells[no], cells[name] = mark, group_name(group, lang).upper()
            rows.append(Row(tuple(cells), section=True))
            seen += 1
        rows.append(row)
        last = group
    return table._replace(rows=tuple(rows))


#: the appendix's columns that are left out when no row has anything in them: the roadmap of
#: years without one (a 2025–2030 plan in 2026), the pace, the sources, the rows' notes ("Ghi chú")
OPTIONAL_COLUMNS = frozenset({"roadmap", "pace", "note", "target_note"})


def _notes_cell(series: tuple[Point, ...], last_year: int) -> str:
    """The notes of an indicator's values, "2023: Cục Thống kê, 12/2023", one per year; years
    in a row with the same note said once ("2021–2025: Σ grdp(t) ÷ Σ grdp(t−1) − 1: …")."""
    from ..core.history import provenance

    runs: list[list] = []  # [first year, last year, note]
    for point in series:
        note = provenance(point)
        if not note or point.year > last_year:
            continue
        if runs and runs[-1][2] == note and runs[-1][1] == point.year - 1:
            runs[-1][1] = point.year
        else:
            runs.append([point.year, point.year, note])
    return "; ".join(f"{first}: {note}" if first == last else f"{first}–{last}: {note}" for first, last, note in runs)



# --- within the year: an annual plan's monthly report (README "Within the year") ---------------

#: the monthly-report table: KH năm | tháng | lũy kế | % KH năm | so cùng kỳ | ước cả năm | đánh giá
#: | ghi chú (the rows' notes, as the appendix's last column: left out when no row has one)
MONTH_FIELDS: tuple[Use | str, ...] = (
    "month.no",
    use("month.name", wrap=True, sub_prefix="  - ", max_lines=3),
    use("month.unit", drop=9, max_width=11, follows="to_date"),
    use("month.plan", drop=4),
    use("month.alone", drop=8),
    "month.to_date",
    "month.plan_pct",
    use("month.change", drop=6),
    use("month.estimate", drop=7),
    "month.verdict",
    use("month.target_note", drop=10),  # the first to go on a narrow terminal
)


def _show_assessment(pr: PlanResult, result: Result, month, lang: Lang, precision: int) -> str:
    """`kpi show`'s assessment: the result's; for an annual plan within its year (``month``), whose
    yearly result rests on the years before ("Chưa có số liệu": no forecast), the month's
    provisional verdict, said as one — also when the result is dated by the plan's year itself;
    in December (final) the year's result, said as the year's."""
    if month is not None:
        verdict = month_label(month, lang)
        said = "year_over" if month.final else "year_not_over"  # December: the year's result, not provisional
        return word(said, lang, year=month.period.year, period=period_text(month.period, lang), verdict=verdict[:1].lower() + verdict[1:])  # "December" kept
    return f"{result_label(result, lang, precision)}: {reason_text(result, lang, precision)}"


def kind_text(target: Target, lang: Lang, whole: Indicator | None = None) -> str:
    """What kind of target it is, as `kpi show`'s target line says it after the target: "mức cần
    đạt"; a share of another "tỷ lệ so với chỉ tiêu khác" — naming the other indicator ("…, Thu
    ngân sách nhà nước") where the target is the office's own wording, which may not name it."""
    if target.kind is Kind.SHARE_OF and worded(target, lang):
        return word("share_kind_of", lang, of=share_name(target, lang, whole))
    if percent_drop(target):  # "Giảm 5%" of a count: a drop in percent, not of a rate
        return KIND_NAMES["reduction_percent"][lang.value]
    return KIND_NAMES[target.kind.value][lang.value]


def period_text(period, lang: Lang) -> str:
    """ "tháng 6/2026", "quý II/2026"; "June 2026", "quarter II/2026": the one way a month of the
    monthly report is said (its English name from the catalogue's ``month_name``)."""
    return word("period_quarter" if period.quarter else "period_month", lang, **period_blanks(period, lang))


def _plan_name(pr: PlanResult, lang: Lang) -> str:
    return pr.plan.name_en if lang is Lang.EN and pr.plan.name_en else pr.plan.name


def month_document(pr: PlanResult, report: dict, period, lang: Lang, for_people: bool = True, paths: dict | None = None,
                   exported: bool = False, review: AuditReport | None = None) -> Document:
    """An annual plan's monthly report as of ``period``: one row per indicator with a target.
    ``exported``: for `kpi export`, whose documents say what "*" means under the table ("(*) Số
    liệu ước tính."), as the appendix does: the counts line does not say it again. ``review``: the
    audit's findings (`kpi audit --as-of` the period), a table after the report's, as the
    appendix has its own (`kpi export`: every format, the docx with --with-audit)."""
    rows = [(r, report[r.id]) for r in pr.results if r.id in report]
    title = word("month_title", lang, plan=_plan_name(pr, lang), period=period_text(period, lang))
    payload = lambda: payloads.month_payload(pr, rows, period, lang)  # noqa: E731
    if not for_people:
        return Document(lang, payload, title=title)
    # the year's plan as printed ("7,5–8", "Trên 95") beside its number in a workbook, as the appendix's target
    uses = tuple(use("month.plan", drop=4, printed=word("month_plan_printed", lang)) if u == MONTH_FIELDS[3] else u for u in MONTH_FIELDS)
    # each row coloured by its within-year verdict's class, as the yearly table by its own
    table = fields.table(title, uses, rows, Ctx(pr, lang, period=period), lambda m: Row((), m[0].depth, m[1].verdict, decimals=month_decimals(m[0])),
                         optional=frozenset({"target_note"}), role="month")
    footer = month_counts_line(rows, period, lang) + marks_legend(table, lang, noted=exported)
    tables: tuple[Table, ...] = (table._replace(footer=footer),)
    if review is not None:
        tables += (findings_table(pr, review.pairs(pr), lang, word("audit_title", lang)),)
    return Document(lang, payload, tables, month_charts=month_charts(pr, report, paths or {}, period, lang), title=title,
                    appendix=pr.plan.settings.appendix, attached_to=pr.plan.settings.attached_to)


def month_charts(pr: PlanResult, report: dict, paths: dict, period, lang: Lang) -> tuple[MonthChart, ...]:
    """The monthly report's charts: a row's lũy kế month by month against the year's plan, beside
    last year's same months (``paths``: core.periods.plan_paths)."""
    from ..core.model import PointStatus as S

    charts = []
    for r in pr.results:
        path, f = paths.get(r.id), report.get(r.id)
        if path is None or f is None or not (path.current or path.last_year):
            continue
        charts.append(MonthChart(
            r.id, r.row.no, name_of(r, lang), month_label(f, lang), f.verdict.value, path.meaning.value,
            period.year, tuple((m, x.value, x.status is not S.ACTUAL) for m, x in path.current),
            tuple((m, x.value) for m, x in path.last_year), path.plan, path.plan_upper, path.estimate, month_decimals(r),
        ))
    return tuple(charts)


def month_tally(rows) -> dict[str, int]:
    """The within-year verdicts counted, in the order of MONTH_VERDICTS."""
    tally: dict[str, int] = {}
    for _r, f in rows:
        tally[f.verdict.value] = tally.get(f.verdict.value, 0) + 1
    return dict(sorted(tally.items(), key=lambda kv: list(MONTH_VERDICTS).index(kv[0])))


def marks_legend(table: Table, lang: Lang, noted: bool = False) -> str:
    """ "   (* ước tính, ° sơ bộ)" for the marks the table prints, only those; "" when it prints none.
    ``noted``: the document says "(*) Số liệu ước tính." under a table with marked cells
    (``Table.has_marks``), so "*" is not said twice."""
    said = [f"{mark} {POINT_STATUS[status.value][lang.value]}" for status, mark in fields.LATEST_MARKS.items()
            if _printed(table, status, mark) and not (noted and status is PointStatus.ESTIMATE and table.has_marks)]
    if not table.legend and _texts_end(table, fields.HELD_MARK):  # a held forecast, "100†"; the appendix's note says it in full
        said.append(f"{fields.HELD_MARK} {word('held_legend', lang)}")
    return f"   ({', '.join(said)})" if said else ""


def _printed(table: Table, status: PointStatus, mark: str) -> bool:
    if status is PointStatus.ESTIMATE and table.has_marks:
        return True
    return _texts_end(table, mark)


def _texts_end(table: Table, mark: str) -> bool:
    # a value's text carries its mark: "7,10°", "7,10° (8,2%)"; "°C" in a unit is not one
    texts = (cell.text if isinstance(cell, Printed) else str(cell) for row in table.rows for cell in row.cells)
    return any(text.endswith(mark) or mark + " (" in text for text in texts)


def month_counts_line(rows, period, lang: Lang) -> str:
    """ "6 chỉ tiêu: 3 đúng tiến độ, 2 chậm tiến độ, 1 chưa có số liệu; 50,00% thời gian của năm
    đã qua — đánh giá tạm tính" (in December: "; cả năm")."""
    said = ", ".join(f"{n} {month_count_label(key, lang).lower()}" for key, n in month_counts(rows).items() if n)
    counts = count_text(len(month_counted(rows)), lang) + ": " + said
    elapsed = percent(100 * period.last / 12, lang, 2)
    return word("month_footer_final" if period.last == 12 else "month_footer", lang, counts=counts, elapsed=elapsed)


#: rows without a verdict counted apart from "no data", as their cells say them, by their reason:
#: how the months add up is not known ("Chưa rõ cách cộng tháng"), a share of another whose share of
#: the period cannot be made ("Chưa tính được tỷ lệ trong kỳ"), a composition's row ("Đánh giá theo
#: thành phần"), a row listed without a target that has values ("Không đánh giá", as the yearly table)
APART = ("unknown_meaning", "share_not_known", "by_parts", "not_rated")


def month_counted(rows: Sequence[tuple[Result, MonthFigures]]) -> list[tuple[Result, MonthFigures]]:
    """The monthly report's rows its counts count: the top-level rows, as the yearly table counts
    them — a composition or a group once (its row, ``periods.heading_figures``), its parts never."""
    return [(r, f) for r, f in rows if r.depth == 0]


def month_counts(rows) -> dict[str, int]:
    """The within-year verdicts counted as the rows' cells say them, in the order of MONTH_VERDICTS:
    a row whose reason is one of ``APART`` counts under it, last, not under "no data" (the counts
    line and the count table read this one tally)."""
    rows = month_counted(rows)
    tally = month_tally(rows)
    for reason in APART:
        n = sum(1 for _r, f in rows if f.reason == reason)
        if n:
            tally["no_data"] -= n
            tally[reason] = n
    return tally


def month_count_label(key: str, lang: Lang) -> str:
    """A count's words: a verdict's, or a row's cell counted apart ("Chưa rõ cách cộng tháng")."""
    return word(MONTH_REASON_CELLS[key], lang) if key in APART else MONTH_VERDICTS[key][lang.value]


#: the rows a within-year summary lists: behind the year's plan, or missed it in December
MONTH_SHORT = ("behind", "missed")
#: the verdicts a within-year summary counts: on course or behind before December, the year's in it
_MONTH_SHOWN = {False: ("on_course", "behind", "no_data"), True: ("achieved", "missed", "no_data")}


def month_summary_document(pr: PlanResult, report: dict, period, lang: Lang) -> Document:
    """`kpi summary` of an annual plan within its year: the within-year verdicts counted (Đúng /
    Chậm tiến độ), the period said, and the rows behind."""
    rows = [(r, report[r.id]) for r in pr.results if r.id in report]
    title = word("month_title", lang, plan=_plan_name(pr, lang), period=period_text(period, lang))
    line = month_counts_line(rows, period, lang)
    tally = month_counts(rows)
    shown = [v for v in MONTH_VERDICTS if v in _MONTH_SHOWN[period.last == 12]] + [k for k in APART if tally.get(k)]
    counts = Table(
        "",
        (Column(word("assessment", lang)), Column(word("count", lang), numeric=True)),
        tuple(Row((month_count_label(v, lang), tally.get(v, 0))) for v in shown),
        role="counts",
    )
    short = [(r, f) for r, f in rows if f.verdict.value in MONTH_SHORT]
    behind = Table(
        word("month_behind_list", lang),
        (Column(word("no", lang)), Column(word("name", lang), wrap=True), Column(word("assessment", lang)), Column(word("note", lang), wrap=True)),
        tuple(Row((r.row.no, name_of(r, lang), MONTH_VERDICTS[f.verdict.value][lang.value], month_fact(f, r, lang, pr.plan.settings.precision))) for r, f in short),
        role="at_risk",
    )
    return Document(
        lang,
        lambda: payloads.month_summary_payload(pr, rows, period, line, lang),
        (counts, behind),
        intro=(title, line),
        title=title,
    )


def period_label(period, lang: Lang) -> str:
    """A period's row in `kpi show`: "Tháng 6", "Quý II", "Lũy kế 6 tháng"."""
    key = "month_to_date" if period.ytd else "quarter_alone" if period.quarter else "month_alone"
    return word(key, lang, **period_blanks(period, lang))


def periods_table(periods: tuple, year: int, result: Result, lang: Lang, precision: int) -> Table:
    """The indicator's months, quarters and lũy kế of ``year`` beside the same periods of last
    year, with the change (none for a rate, which is itself against the same period, nor for a
    place in a ranking, which has no percentage)."""
    from ..core.history import provenance
    from ..core.model import Period, WithinYear
    from ..core.periods import within_year

    meaning = within_year(result.indicator, result.row.target)
    places = KINDS[result.row.target.kind].places  # PCI 20 → 16 is no "-20,00%" (README "rank")
    digits = value_decimals(result)  # the indicator's own values (a share's amounts too): a count whole
    by = {(p.period.first, p.period.last, p.period.ytd, p.period.year): p for p in periods}
    keys = sorted({(p.period.last, -p.period.first, p.period.ytd) for p in periods})
    rows = []
    for last, minus_first, ytd in keys:
        now, before = by.get((-minus_first, last, ytd, year)), by.get((-minus_first, last, ytd, year - 1))
        change = None
        if now is not None and before is not None and before.value and meaning not in (None, WithinYear.RATE) and not places:
            change = calc_change(now.value, before.value)
        label = period_label(Period(year, -minus_first, last, ytd), lang)
        rows.append(Row((
            label,
            None if now is None else Printed(now.value, number(now.value, lang, digits) + fields.LATEST_MARKS.get(now.status, ""), plain=True),
            None if before is None else before.value,
            change,
            (provenance(now) if now is not None else ""),
        ), decimals=digits))
    return Table(
        word("periods_title", lang, year=year, last=year - 1),
        (
            Column(word("period_col", lang)),
            Column(str(year), numeric=True),
            Column(word("same_period_last_year", lang, year=year - 1), numeric=True),
            Column(word("month_change", lang), numeric=True, decimals=precision, suffix="%"),
            Column(word("value_note", lang), wrap=True),
        ),
        tuple(rows),
        role="periods",
    )


#: what a row's % KH năm is a percentage of, said in `month_fact` by the target's kind: a progress
#: target's is the share of the way from last December to the year's plan (README "Within the year")
TO_DATE_WORDS: dict[Kind, str] = {Kind.PROGRESS: "month_fact_way"}


def month_fact(f, result: Result, lang: Lang, precision: int) -> str:
    """The monthly report in one line: "lũy kế 530 = 70,67% KH năm; so cùng kỳ 18,09%; ước cả năm
    1.062,83 (theo tỷ trọng cùng kỳ năm trước 49,87%); Đúng tiến độ (tạm tính)"; a progress
    target's "lũy kế 52.700 = 50,00% chặng đường tới KH năm"; without a percentage the value alone."""
    if f.to_date is None and f.estimate is None:
        return f"{month_label(f, lang)} ({month_reason_text(f, lang)})"  # as its cell says it
    if f.to_date is None:  # no lũy kế to the month; the entered estimate of the year rates the row
        parts = [word("month_fact_no_to_date", lang)]
    else:
        said = "month_fact_value" if f.plan_pct is None else TO_DATE_WORDS.get(result.row.target.kind, "month_fact_to_date")
        parts = [word(said, lang, value=month_value(f.to_date.value, result, lang), pct=percent(f.plan_pct, lang, precision))]
    if f.change_pct is not None:
        parts.append(word("month_fact_change", lang, change=percent(f.change_pct, lang, precision)))
    if f.estimate is not None:
        how = word("entered_note", lang) if f.estimate_source.value == "entered" else word("seasonal_note", lang, share=percent(f.seasonal_pct, lang, precision))
        parts.append(word("month_fact_estimate", lang, value=month_value(f.estimate, result, lang), how=how))
    verdict = month_label(f, lang) if f.reason in APART else MONTH_VERDICTS[f.verdict.value][lang.value]  # as its cell says it
    if f.reason:  # figures, but no verdict: what is missing said ("thiếu số liệu tháng 12/2025: …")
        verdict = f"{verdict} ({month_reason_text(f, lang)})"
    parts.append(provisional(verdict, f, lang))
    return "; ".join(parts)


def term_need_text(need, lang: Lang, precision: int, digits: int | None = None) -> str | None:
    """ "8,97%/năm trong 2 năm còn lại để đạt 6,5–7 của Nghị quyết …"; a threshold "≥ 100, như mọi
    năm của Nghị quyết …"; None when the term's target says nothing of one year (a band, a place)."""
    plan = need.plan.name_en if lang is Lang.EN and need.plan.name_en else need.plan.name
    if need.target.kind in HELD_EVERY_YEAR:  # the term needs its threshold held in this year too
        return word("term_need_every_year", lang, target=target_text(need.target, lang), plan=plan)
    if need.rate is None:
        return None
    target = target_text(need.target, lang)
    rate = percent(need.rate, lang, precision)
    if need.level is not None:
        return word("term_need_level", lang, level=number(need.level, lang, digits), rate=rate, end=need.plan.target_year, target=target, plan=plan)
    return word("term_need_rate", lang, rate=rate, remaining=need.remaining, target=target, plan=plan)
