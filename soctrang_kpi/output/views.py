"""What each command shows: results turned into Documents (typed tables and lines).

The JSON of each command is in payloads.py and is built only when asked for; the words in
labels.py and wording.py. Nothing here computes a figure: that is the core's.
"""

from __future__ import annotations

from typing import Any

from ..core.audit import AuditReport, Finding
from ..core.calc import year_attainment
from ..core.classify import FALLS_SHORT, Status
from ..core.compare import Change
from ..core.pace import Band
from ..core.kinds import GROUP_KINDS, RATE_KINDS
from ..core.model import Dataset, Point, PointStatus, Target
from ..core.results import PlanResult, Result
from ..errors import Problem
from ..messages import render
from . import payloads
from .document import Chart, Column, Document, Printed, Row, Table
from .labels import (
    CHANGE_WORDS,
    FIELD_NAMES,
    FORECAST_SOURCES,
    KIND_NAMES,
    LABELS,
    NOTES,
    PACE_BANDS,
    PACE_BASIS,
    POINT_STATUS,
    SOURCE_NAMES,
    SUMMARY_NAMES,
    Lang,
    fill,
    group_name,
    number,
    percent,
    result_label,
    status_label,
    TARGET_FORMS,
    word,
    written,
)
from .text_chart import chart
from .wording import whole_unit, count_text, name_of, plan_title, reason_text, shown_value, summary_line, target_text, unit_of


#: how the table marks a latest value that is not final: "7,10*" is an estimate, "7,10°" preliminary
LATEST_MARKS = {PointStatus.ESTIMATE: "*", PointStatus.PRELIMINARY: "°"}


def _latest_cell(result: Result, pr: PlanResult, lang: Lang) -> Printed | None:
    """The latest value: a number for machines (csv), "7,10*" or "7,10 (2022)" for people; an
    estimate is also marked in the row (Row.marks), so a spreadsheet writes 7,10* as a number."""
    latest = result.latest
    if latest is None:
        return None
    value = shown_value(latest.value, result)
    assert value is not None
    text = number(value, lang, result.indicator.precision)
    text += LATEST_MARKS.get(latest.status, "")
    if latest.year != pr.as_of:
        text += f" ({latest.year})"
    return Printed(value, text, plain=True)


#: the index of the latest value in the status table's rows
_LATEST_INDEX = 5


def pace_text(result: Result, lang: Lang) -> str:
    """ "Cần tăng tốc (0,89)", "Đúng tiến độ (đã đạt mục tiêu)", or "-"."""
    pace = result.figures.pace
    if pace is None:
        return "-"
    extra = PACE_BASIS[pace.basis][lang.value] or (number(pace.ratio, lang, 2) if pace.ratio is not None else "")
    return PACE_BANDS[pace.band][lang.value] + (f" ({extra})" if extra else "")


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
) -> Document:
    """The plan's table; ``for_people=False`` (JSON) leaves the table out: at 10.000 indicators
    formatting its cells costs a quarter of the run."""
    precision = pr.plan.settings.precision
    shown = [r for r in pr.results if (only is None or r.status in only) and _paced(r, pace_only)]
    title = plan_title(pr, lang)
    compare_json = None if compared is None else payloads.compare_json(compared[0], compared[1], lang)
    payload = lambda: payloads.status_payload(pr, review, shown, lang, compare_json)  # noqa: E731
    if not for_people:
        return Document(lang, payload, title=title, counts=tuple(pr.summary.items()))
    # On a narrow terminal the columns go in this order (highest drop first), all found in
    # `kpi show`: the baseline, the average, the forecast value, the target, the latest value and
    # then its unit. The verdict and the two percentages it rests on always stay.
    columns = (
        Column(word("no", lang), key="no"),
        Column(word("name", lang), wrap=True, sub_prefix="  - ", key="name", max_lines=3),
        Column(word("unit", lang), drop=4, max_width=11, key="unit", follows="latest"),
        Column(word("target", lang), numeric=True, drop=6, key="target"),
        Column(word("baseline", lang, year=pr.plan.base_year), numeric=True, drop=9),
        Column(str(pr.as_of), numeric=True, drop=5, key="latest"),
        Column(word("avg_growth", lang), numeric=True, decimals=precision, suffix="%", drop=8),
        Column(word("attainment", lang), numeric=True, decimals=precision, suffix="%"),
        Column(word("forecast", lang), numeric=True, drop=7),
        Column(word("forecast_pct", lang), numeric=True, decimals=precision, suffix="%"),
        Column(word("assessment", lang), key="assessment"),
    )
    rows = []
    for r in shown:
        f = r.figures
        label = result_label(r, lang, precision)
        if r.row.target.kind in GROUP_KINDS:  # a heading: only its assessment
            cells: tuple = (r.row.no, name_of(r, lang)) + ("",) * 8 + (label,)
            rows.append(Row(cells, r.depth, r.status, heading=True))
            continue
        cells = (
            r.row.no,
            name_of(r, lang),
            unit_of(r, lang),
            target_text(r.row.target, lang),
            None if r.baseline is None else shown_value(r.baseline.value, r),
            _latest_cell(r, pr, lang),
            f.avg_growth_pct,
            f.attainment_pct,
            shown_value(f.forecast.value, r),
            f.forecast.pct,
            label,
        )
        estimated = r.latest is not None and r.latest.status is PointStatus.ESTIMATE
        marks = frozenset({_LATEST_INDEX}) if estimated else frozenset()
        rows.append(Row(cells, r.depth, r.status, marks=marks, decimals=r.indicator.precision))
    estimate = POINT_STATUS["estimate"][lang.value]
    footer = f"{summary_line(pr, lang)}   (* {estimate})"
    if any(r.latest is not None and r.latest.status is PointStatus.PRELIMINARY for r in shown):
        footer = footer[:-1] + f", ° {POINT_STATUS['preliminary'][lang.value]})"
    table = Table(title, columns, tuple(rows), footer, role="status")
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
        counts=tuple(pr.summary.items()),
    )


def compare_table(before: PlanResult, changes: tuple[Change, ...], after: PlanResult, lang: Lang) -> Table:
    """The verdict as of an earlier year beside today's, the changes marked."""
    precision = after.plan.settings.precision
    rows = []
    for c in changes:
        old = "-" if c.before is None else result_label(c.before, lang, precision)
        new = result_label(c.after, lang, precision)
        mark = CHANGE_WORDS[c.direction][lang.value] if c.changed else ""
        rows.append(Row((c.after.row.no, name_of(c.after, lang), old, new, mark), c.after.depth, c.after.status))
    n = sum(c.changed for c in changes if c.after.depth == 0)  # counted as the footer counts: top-level rows
    return Table(
        word("compare_title", lang, year=before.as_of),
        (
            Column(word("no", lang), key="no"),
            Column(word("name", lang), wrap=True, sub_prefix="  - ", key="name"),
            Column(word("compare_before", lang, year=before.as_of)),
            Column(word("compare_after", lang, year=after.as_of), key="assessment"),
            Column(word("compare_change", lang)),
        ),
        tuple(rows),
        word("compare_footer", lang, n=n, year=before.as_of),
        role="compare",
    )


def show_document(pr: PlanResult, review: AuditReport, result: Result, series: tuple[Point, ...], lang: Lang, others=()) -> Document:
    precision = pr.plan.settings.precision
    f, target = result.figures, result.row.target
    facts = [
        (word("name", lang), f"{result.row.no}. {name_of(result, lang)} ({result.id})"),
        (word("target", lang), f"{target_text(target, lang)} {'' if target.printed or target.kind in TARGET_FORMS else unit_of(result, lang)}".strip() + f" — {KIND_NAMES[target.kind.value][lang.value]}"),
        (word("avg_growth", lang), percent(f.avg_growth_pct, lang, precision)),
        (word("cagr", lang), percent(f.cagr_pct, lang, precision)),
        (word("required", lang), percent(f.required_growth_pct, lang, precision)),
        (word("attainment", lang), percent(f.attainment_pct, lang, precision)),
        (word("progress", lang), percent(f.progress_pct, lang, precision)),
        (word("trend", lang, year=pr.plan.target_year), _trend_text(shown_value(f.trend, result), target, lang, precision)),
        (
            word("forecast", lang),
            "-" if f.forecast.value is None else
            f"{_trend_text(shown_value(f.forecast.value, result), target, lang, precision)} ({FORECAST_SOURCES[f.forecast.source or 'trend'][lang.value]}"
            + ("" if f.forecast.unbounded is None else "; " + word("bounded", lang, value=_trend_text(f.forecast.unbounded, target, lang, precision)))
            + f") = {percent(f.forecast.pct, lang, precision)}",
        ),
        (word("assessment", lang), f"{result_label(result, lang, precision)}: {reason_text(result, lang, precision)}"),
    ]
    if f.pace is not None:
        facts.insert(-1, (word("pace_fact", lang), pace_text(result, lang)))
    gap = f.roadmap_gap
    if gap is not None:
        facts.insert(-1, (word("roadmap_gap", lang), word(
            "roadmap_gap_text", lang, year=gap.year, observed=number(gap.observed, lang), planned=number(gap.planned, lang),
            gap=percent(gap.gap_pct, lang, precision), required=percent(gap.required_growth_pct, lang, precision),
        )))
    if f.baseline_fallback and result.baseline is not None:
        facts.insert(2, (word("baseline_fallback", lang), word(
            "baseline_fallback_text", lang, base=pr.plan.base_year, year=result.baseline.year, value=number(result.baseline.value, lang),
        )))
    if f.total is not None:
        facts.insert(3, (word("total_so_far", lang), number(f.total, lang)))
    if result.indicator.group is not None:
        facts.insert(2, (word("group", lang), group_name(result.indicator.group, lang)))
    if result.children:
        parts = [pr.find(child) for child in result.children]
        facts.append((word("components", lang), "; ".join(f"{c.row.no} {result_label(c, lang, precision)}" for c in parts)))
    facts_table = Table(
        plan_title(pr, lang),
        (Column(""), Column("", wrap=True)),
        tuple(Row(fact) for fact in facts),
        show_header=False,
        role="facts",
    )
    noted = any(p.note for p in series)  # the source column only when a value has a note
    year_rows = tuple(
        Row((str(p.year), p.value, POINT_STATUS[p.status.value][lang.value], year_attainment(p.value, target))
            + ((p.note,) if noted else ()))
        for p in series
    )
    years = Table(
        "",
        (
            Column(word("year", lang)),
            Column(word("value", lang), numeric=True),
            Column(word("status", lang)),
            Column(word("attainment", lang), numeric=True, decimals=precision, suffix="%"),
        ) + ((Column(word("value_note", lang), wrap=True),) if noted else ()),
        year_rows,
        role="years",
    )
    tables = [facts_table, years]
    if others:
        tables.append(other_targets_table(others, lang))
    findings = review.of(result.id)
    if findings:
        tables.append(findings_table([(result, f) for f in findings], lang, precision, title=word("audit_title", lang)))
    lines = chart(series, target, lang) if series and target.value is not None else []
    return Document(
        lang,
        lambda: payloads.show_payload(pr, review, result, series, lang, others),
        tuple(tables),
        tuple(lines),
        title=plan_title(pr, lang),
    )


def other_targets_table(others, lang: Lang) -> Table:
    """The same indicator's rows in other plans, side by side: each target and its verdict."""
    rows = []
    for plan, other in others:
        precision = plan.settings.precision
        name = plan.name_en if lang is Lang.EN and plan.name_en else plan.name
        rows.append(Row((
            name,
            target_text(other.row.target, lang),
            other.figures.attainment_pct,
            other.figures.forecast.pct,
            result_label(other, lang, precision),
        ), status=other.status))
    columns = (
        Column(word("plan", lang), wrap=True),
        Column(word("target", lang), numeric=True),
        Column(word("attainment", lang), numeric=True, decimals=2, suffix="%"),
        Column(word("forecast_pct", lang), numeric=True, decimals=2, suffix="%"),
        Column(word("assessment", lang)),
    )
    return Table(word("other_targets", lang), columns, tuple(rows), role="other_targets")


def _trend_text(trend: float | None, target: Target, lang: Lang, precision: int) -> str:
    if trend is None:
        return "-"
    return percent(trend, lang, precision) if target.kind in RATE_KINDS else number(trend, lang)


def findings_table(pairs: list[tuple[Result | None, Finding]], lang: Lang, precision: int, title: str) -> Table:
    rows = []
    for result, finding in pairs:
        computed: str | float | None
        if isinstance(finding.computed, tuple):
            computed = status_label(*finding.computed, lang, precision)
        else:
            computed = finding.computed
        field = FIELD_NAMES.get(finding.field) or FIELD_NAMES.get(finding.field.split(" ")[0])
        year = finding.field.partition(" ")[2]
        rows.append(Row((
            result.row.no if result else "",
            name_of(result, lang) if result else "",
            (field[lang.value] + (f" {year}" if year else "")) if field else finding.field,
            SOURCE_NAMES[finding.source][lang.value] if finding.source in SOURCE_NAMES else finding.source,
            finding.published,
            computed,
            fill(NOTES[finding.note], lang, finding.detail, precision),
        )))
    columns = (
        Column(word("no", lang), key="no"),
        Column(word("name", lang), drop=1, max_width=28, key="name"),
        Column(word("field", lang)),
        Column(word("source", lang)),
        Column(word("published", lang), numeric=True),  # counts stay whole, percentages get 2 decimals
        Column(word("computed", lang), numeric=True),
        Column(word("note", lang), wrap=True),
    )
    return Table(title, columns, tuple(rows), role="audit")


def audit_document(pr: PlanResult, review: AuditReport, lang: Lang) -> Document:
    precision = pr.plan.settings.precision
    pairs = review.pairs(pr)
    lines = () if pairs else (word("no_findings", lang),)
    title = word("audit_title", lang)
    if review.as_of is not None and review.as_of != pr.as_of:
        title += " — " + word("audited_as_of", lang, year=review.as_of)
    tables = (findings_table(pairs, lang, precision, title),) if pairs else ()
    return Document(lang, lambda: payloads.audit_payload(pr, review, lang), tables, lines, title=plan_title(pr, lang))


def summary_document(pr: PlanResult, lang: Lang) -> Document:
    precision = pr.plan.settings.precision
    counts = Table(
        "",
        (Column(word("assessment", lang)), Column(word("count", lang), numeric=True)),
        tuple(Row((LABELS[s][lang.value], n), status=s) for s, n in pr.summary.items()),
        role="counts",
    )
    short = [r for r in pr.results if r.status in FALLS_SHORT]
    at_risk = Table(
        word("at_risk_list", lang),
        (
            Column(word("no", lang), key="no"),
            Column(word("name", lang), wrap=True, key="name"),
            Column(word("assessment", lang), key="assessment"),
            Column(word("note", lang), max_width=36),
        ),
        tuple(
            Row((r.row.no, name_of(r, lang), result_label(r, lang), reason_text(r, lang, precision)), status=r.status)
            for r in short
        ),
        role="at_risk",
    )
    lines: tuple[str, ...] = (plan_title(pr, lang), summary_line(pr, lang))
    published = payloads.published_summary_json(pr)
    if published:
        lines += (_published_line(published, lang),)
        lines += tuple(
            f"  {group_name(g, lang)}: {_published_line(c, lang).split(': ', 1)[1]}" for g, c in published["groups"].items()
        )
    tables: tuple[Table, ...] = (counts, at_risk)
    by_group = payloads.groups_json(pr, lang)
    if by_group:
        tables = (counts, groups_table(by_group, lang), at_risk)
    return Document(
        lang,
        lambda: payloads.summary_payload(pr, lang),
        tables,
        intro=lines,
        title=plan_title(pr, lang),
        counts=tuple(pr.summary.items()),
    )


def groups_table(by_group: list[dict], lang: Lang) -> Table:
    """Counts per group, as reports print them: "Kinh tế: 8 chỉ tiêu, 5 đạt và vượt, 3 chưa đạt"."""
    statuses = [s for s in Status]
    columns = (
        Column(word("group", lang), wrap=True),
        Column(word("count", lang), numeric=True),
        *(Column(LABELS[s][lang.value], numeric=True) for s in statuses),
        Column(word("met_column", lang), numeric=True),
    )
    rows = tuple(
        Row((g["label"], g["total"], *(g[s.value] for s in statuses), g["achieved_or_exceeded"])) for g in by_group
    )
    return Table(word("by_group", lang), columns, rows, role="groups")


def _published_line(published: dict, lang: Lang) -> str:
    parts = ", ".join(f"{SUMMARY_NAMES[k][lang.value]} {v}" for k, v in published.items() if v is not None and k in SUMMARY_NAMES)
    return f"{word('published', lang)}: {parts}"


def validate_document(dataset: Dataset, warnings: list[Problem], lang: Lang) -> Document:
    top = sum(1 for indicator in dataset.indicators.values() if indicator.parent is None)
    plans = word("plan_one" if len(dataset.plans) == 1 else "plans_total", lang, n=len(dataset.plans))
    verdict = word("valid", lang, indicators=count_text(top, lang), rows=len(dataset.indicators), plans=plans)
    def row(p: Problem) -> Row:
        cells = dict(payloads.problem_json(p))
        cells["message"] = render(p.message, lang.value)
        cells["severity"] = word("severity_warning" if p.warning else "severity_error", lang)
        return Row(tuple(cells.values()))

    problems = Table(
        "",
        tuple(Column(word(f"problem_{h}", lang)) for h in ("file", "line", "column", "indicator", "field", "message", "severity")),
        tuple(row(p) for p in warnings),
        machine_only=True,
        role="problems",
    )
    said = tuple(p.render(lang.value) for p in warnings)
    return Document(lang, lambda: payloads.validate_payload(dataset, warnings), (problems,), said + (verdict,))


def record_document(change, lang: Lang) -> Document:
    """What `kpi record` changed: "actuals.yaml: grdp-growth 2023: 7,10 (ước tính) → 7,2 (thực hiện)"."""

    def point_text(point: Point | None) -> str:
        if point is None:
            return "-"
        return f"{number(point.value, lang, None if float(point.value).is_integer() else _decimals(point.value))} ({POINT_STATUS[point.status.value][lang.value]})"

    line = f"{change.file}: {change.indicator} {change.year}: {point_text(change.old)} → {point_text(change.new)}"
    return Document(lang, lambda: payloads.record_payload(change), lines=(line,))


def _decimals(value: float) -> int:
    """As many decimals as the value was typed with (7.25 stays 7,25; 7.125 stays 7,125)."""
    text = repr(float(value))
    return len(text.split(".")[1]) if "." in text and "e" not in text else 2


def appendix_document(pr: PlanResult, review: AuditReport, dataset: Dataset, lang: Lang) -> Document:
    """The report's appendix table, in its column order, for `kpi export`.

    Cells stay numbers (formats decide how to write them); the charts carry every indicator's
    yearly series for the formats that draw.
    """
    plan, precision = pr.plan, pr.plan.settings.precision
    done_years = list(range(plan.base_year + 1, min(pr.as_of, plan.target_year) + 1))
    plan_years = list(range(max(pr.as_of, plan.base_year) + 1, plan.target_year + 1))
    pct: dict[str, Any] = {"numeric": True, "decimals": precision}
    columns = (
        Column(word("no", lang), key="no"),
        Column(word("name", lang), wrap=True, sub_prefix="- ", key="name"),
        Column(word("unit", lang), key="unit"),
        Column(word("appendix_target", lang), numeric=True, key="target", printed=word("target_printed", lang), as_written=True),
        Column(word("baseline", lang, year=plan.base_year), numeric=True, key="baseline"),
        *(Column(str(y), numeric=True, key="year", group=word("appendix_done", lang), sub=str(y)) for y in done_years),
        Column(_average_header(plan.base_year + 1, min(pr.as_of, plan.target_year), lang), key="average", **pct),
        Column(word("appendix_attainment", lang), key="attainment", **pct),
        *(
            Column(word("appendix_roadmap", lang, year=y), numeric=True, key="roadmap", group=word("appendix_roadmaps", lang), sub=str(y))
            for y in plan_years
        ),
        Column(word("forecast", lang), numeric=True, key="forecast"),
        Column(word("forecast_pct", lang), key="forecast_pct", **pct),
        Column(word("pace", lang), key="pace"),
        Column(word("assessment", lang), key="assessment"),
    )
    # the column of each yearly value, to mark the cells that hold an estimate
    year_columns = {
        plan.base_year if c.key == "baseline" else int(c.sub): i
        for i, c in enumerate(columns) if c.key in ("baseline", "year", "roadmap")
    }
    notes = {r.id: _notes_cell(dataset.series.get(r.id, ()), plan.target_year) for r in pr.results}
    noted = any(notes.values())  # a source column only when actuals.yaml notes a value
    if noted:
        columns += (Column(word("value_note", lang), wrap=True, key="note"),)
    rows, charts = [], []
    for r in pr.results:
        shown = r.window.shown
        points = {p.year: p for p in shown}
        values = {year: p.value for year, p in points.items()}
        label = result_label(r, lang, precision)
        name = name_of(r, lang)
        extra = (notes[r.id],) if noted else ()
        if r.row.target.kind in GROUP_KINDS:
            rows.append(Row((r.row.no, name) + ("",) * (len(columns) - 3 - len(extra)) + (label,) + extra, r.depth, r.status, heading=True))
            continue
        f = r.figures
        rows.append(Row((
            r.row.no, name, unit_of(r, lang), _target_cell(r.row.target, lang),
            values.get(plan.base_year), *(values.get(y) for y in done_years),
            f.avg_growth_pct, f.attainment_pct, *(values.get(y) for y in plan_years),
            f.forecast.value, f.forecast.pct, pace_text(r, lang), label, *extra,
        ), r.depth, r.status, marks=_estimates(points, year_columns), whole=whole_unit(r), decimals=r.indicator.precision))
        series = shown
        target = r.row.target
        charts.append(Chart(
            r.id, r.row.no, name, label, r.status, target.kind.value, target.value, target.upper,
            f.forecast.value, r.latest.year if r.latest else None, series, whole=whole_unit(r),
        ))
    title = plan_title(pr, lang)
    appendix = Table(title, columns, tuple(rows), summary_line(pr, lang), role="appendix")
    audit = findings_table(review.pairs(pr), lang, precision, word("audit_title", lang))
    return Document(
        lang,
        tables=(appendix, audit),
        intro=(title, summary_line(pr, lang)),
        charts=tuple(charts),
        title=title,
        counts=tuple(pr.summary.items()),
    )


def _average_header(start: int, end: int, lang: Lang) -> str:
    """ "Bình quân 2021–2023", or "Bình quân 2021" for a span of one year."""
    if start >= end:
        return word("appendix_average_one", lang, year=end)
    return word("appendix_average", lang, start=start, end=end)


def _estimates(points: dict[int, Point], year_columns: dict[int, int]) -> frozenset[int]:
    return frozenset(
        index for year, index in year_columns.items()
        if year in points and points[year].status is PointStatus.ESTIMATE
    )


def _notes_cell(series: tuple[Point, ...], last_year: int) -> str:
    """The notes of an indicator's values, "2023: Cục Thống kê, 12/2023", one per year."""
    return "; ".join(f"{p.year}: {p.note}" for p in series if p.note and p.year <= last_year)


def _target_cell(target: Target, lang: Lang):
    """The target as a number where it is one, else the number with its printed form ("Trên
    80", "2–3", "≤ 33"): spreadsheets keep the number, text formats print the text."""
    text = target_text(target, lang)
    if target.value is None:
        return text or None
    if text in (number(target.value, lang), written(target.value, lang)):
        return target.value
    return Printed(target.value, text)
