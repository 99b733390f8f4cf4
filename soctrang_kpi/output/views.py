"""What each command shows: results turned into Documents (typed tables and lines).

The JSON of each command is in payloads.py and is built only when asked for; the words in
labels.py and wording.py. Nothing here computes a figure: that is the core's.
"""

from __future__ import annotations

from ..core.audit import AuditReport, Finding
from ..core.calc import year_attainment
from ..core.classify import FALLS_SHORT, Status
from ..core.model import GROUP_KINDS, RATE_KINDS, Dataset, Point, PointStatus, Target
from ..core.results import PlanResult, Result
from ..errors import Problem
from . import payloads
from .document import Chart, Column, Document, Row, Table
from .labels import (
    FIELD_NAMES,
    FORECAST_SOURCES,
    KIND_NAMES,
    LABELS,
    NOTES,
    POINT_STATUS,
    SOURCE_NAMES,
    SUMMARY_NAMES,
    Lang,
    fill,
    number,
    percent,
    status_label,
    word,
)
from .text_chart import chart
from .wording import count_text, name_of, plan_title, reason_text, shown_value, summary_line, target_text, unit_of


def _latest_cell(result: Result, pr: PlanResult, lang: Lang) -> str | None:
    latest = result.latest
    if latest is None:
        return None
    text = number(shown_value(latest.value, result), lang)
    if latest.status is PointStatus.ESTIMATE:
        text += "*"
    if latest.year != pr.as_of:
        text += f" ({latest.year})"
    return text


def status_document(pr: PlanResult, review: AuditReport, lang: Lang, only: frozenset[Status] | None = None) -> Document:
    precision = pr.plan.settings.precision
    shown = [r for r in pr.results if only is None or r.status in only]
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
        label = status_label(r.status, r.excess, lang, precision)
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
        rows.append(Row(cells, r.depth, r.status))
    title = plan_title(pr, lang)
    estimate = POINT_STATUS["estimate"][lang.value]
    footer = f"{summary_line(pr, lang)}   (* {estimate})"
    table = Table(title, columns, tuple(rows), footer, role="status")
    lines = () if rows else (f"{title}: {word('none_shown', lang)}",)
    return Document(
        lang,
        lambda: payloads.status_payload(pr, review, shown, lang),
        (table,),
        lines,
        title=title,
        counts=tuple(pr.summary.items()),
    )


def show_document(pr: PlanResult, review: AuditReport, result: Result, series: tuple[Point, ...], lang: Lang) -> Document:
    precision = pr.plan.settings.precision
    f, target = result.figures, result.row.target
    facts = [
        (word("name", lang), f"{result.row.no}. {name_of(result, lang)} ({result.id})"),
        (word("target", lang), f"{target_text(target, lang)} {unit_of(result, lang)}".strip() + f" — {KIND_NAMES[target.kind.value][lang.value]}"),
        (word("avg_growth", lang), percent(f.avg_growth_pct, lang, precision)),
        (word("cagr", lang), percent(f.cagr_pct, lang, precision)),
        (word("required", lang), percent(f.required_growth_pct, lang, precision)),
        (word("attainment", lang), percent(f.attainment_pct, lang, precision)),
        (word("progress", lang), percent(f.progress_pct, lang, precision)),
        (word("trend", lang, year=pr.plan.target_year), _trend_text(f.trend, target, lang, precision)),
        (
            word("forecast", lang),
            "-" if f.forecast.value is None else
            f"{number(f.forecast.value, lang)} ({FORECAST_SOURCES[f.forecast.source or 'trend'][lang.value]}) = {percent(f.forecast.pct, lang, precision)}",
        ),
        (word("assessment", lang), f"{status_label(result.status, result.excess, lang, precision)}: {reason_text(result, lang, precision)}"),
    ]
    if result.children:
        parts = [pr.find(child) for child in result.children]
        facts.append((word("components", lang), "; ".join(f"{c.row.no} {status_label(c.status, c.excess, lang, precision)}" for c in parts)))
    facts_table = Table(
        word("as_of", lang, year=pr.as_of),
        (Column(""), Column("", wrap=True)),
        tuple(Row(fact) for fact in facts),
        show_header=False,
        role="facts",
    )
    year_rows = tuple(
        Row((str(p.year), p.value, POINT_STATUS[p.status.value][lang.value], year_attainment(p.value, target)))
        for p in series
    )
    years = Table(
        "",
        (
            Column(word("year", lang)),
            Column(word("value", lang), numeric=True),
            Column(word("status", lang)),
            Column(word("attainment", lang), numeric=True, decimals=precision, suffix="%"),
        ),
        year_rows,
        role="years",
    )
    tables = [facts_table, years]
    findings = review.of(result.id)
    if findings:
        tables.append(findings_table([(result, f) for f in findings], lang, precision, title=word("audit_title", lang)))
    lines = chart(series, target, lang) if series and target.value is not None else []
    return Document(
        lang,
        lambda: payloads.show_payload(pr, review, result, series, lang),
        tuple(tables),
        tuple(lines),
        title=plan_title(pr, lang),
    )


def _trend_text(trend: float | None, target: Target, lang: Lang, precision: int) -> str:
    if trend is None:
        return "-"
    return percent(trend, lang, precision) if target.kind in RATE_KINDS else number(trend, lang)


def findings_table(pairs: list[tuple[Result | None, Finding]], lang: Lang, precision: int, title: str) -> Table:
    rows = []
    for result, finding in pairs:
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
    tables = (findings_table(pairs, lang, precision, word("audit_title", lang)),) if pairs else ()
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
            Row((r.row.no, name_of(r, lang), status_label(r.status, r.excess, lang), reason_text(r, lang, precision)), status=r.status)
            for r in short
        ),
        role="at_risk",
    )
    lines = (plan_title(pr, lang), summary_line(pr, lang))
    published = payloads.published_summary_json(pr)
    if published:
        lines += (_published_line(published, lang),)
    return Document(
        lang,
        lambda: payloads.summary_payload(pr, lang),
        (counts, at_risk),
        intro=lines,
        title=plan_title(pr, lang),
        counts=tuple(pr.summary.items()),
    )


def _published_line(published: dict, lang: Lang) -> str:
    parts = ", ".join(f"{SUMMARY_NAMES[k][lang.value]} {v}" for k, v in published.items() if v is not None)
    return f"{word('published', lang)}: {parts}"


def validate_document(dataset: Dataset, warnings: list[Problem], lang: Lang) -> Document:
    top = sum(1 for indicator in dataset.indicators.values() if indicator.parent is None)
    plans = word("plan_one" if len(dataset.plans) == 1 else "plans_total", lang, n=len(dataset.plans))
    verdict = word("valid", lang, indicators=count_text(top, lang), rows=len(dataset.indicators), plans=plans)
    problems = Table(
        "",
        tuple(Column(h) for h in ("file", "line", "column", "indicator", "field", "message", "severity")),
        tuple(Row(tuple(payloads.problem_json(p).values())) for p in warnings),
        machine_only=True,
        role="problems",
    )
    return Document(lang, lambda: payloads.validate_payload(dataset, warnings), (problems,), tuple(str(p) for p in warnings) + (verdict,))


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
    pct = {"numeric": True, "decimals": precision}
    columns = (
        Column(word("no", lang), key="no"),
        Column(word("name", lang), wrap=True, sub_prefix="- ", key="name"),
        Column(word("unit", lang), key="unit"),
        Column(word("appendix_target", lang), numeric=True, key="target"),
        Column(word("baseline", lang, year=plan.base_year), numeric=True, key="baseline"),
        *(Column(str(y), numeric=True, key="year") for y in done_years),
        Column(word("appendix_average", lang, start=plan.base_year + 1, end=min(pr.as_of, plan.target_year)), key="average", **pct),
        Column(word("appendix_attainment", lang), key="attainment", **pct),
        *(Column(word("appendix_roadmap", lang, year=y), numeric=True, key="roadmap") for y in plan_years),
        Column(word("forecast", lang), numeric=True, key="forecast"),
        Column(word("forecast_pct", lang), key="forecast_pct", **pct),
        Column(word("assessment", lang), key="assessment"),
    )
    rows, charts = [], []
    for r in pr.results:
        values = {p.year: p.value for p in dataset.series.get(r.id, ())}
        label = status_label(r.status, r.excess, lang, precision)
        name = name_of(r, lang)
        if r.row.target.kind in GROUP_KINDS:
            rows.append(Row((r.row.no, name) + ("",) * (len(columns) - 3) + (label,), r.depth, r.status, heading=True))
            continue
        f = r.figures
        rows.append(Row((
            r.row.no, name, unit_of(r, lang), _target_cell(r.row.target, lang),
            values.get(plan.base_year), *(values.get(y) for y in done_years),
            f.avg_growth_pct, f.attainment_pct, *(values.get(y) for y in plan_years),
            f.forecast.value, f.forecast.pct, label,
        ), r.depth, r.status))
        series = tuple(p for p in dataset.series.get(r.id, ()) if p.year <= plan.target_year)
        target = r.row.target
        charts.append(Chart(
            r.id, r.row.no, name, label, r.status, target.kind.value, target.value, target.upper,
            f.forecast.value, r.latest.year if r.latest else None, series,
        ))
    title = plan_title(pr, lang)
    appendix = Table(title, columns, tuple(rows), summary_line(pr, lang), role="appendix")
    audit = findings_table(review.pairs(pr), lang, precision, word("audit_title", lang))
    return Document(
        lang,
        lambda: payloads.export_payload(pr, review, dataset, [c.header for c in columns], lang),
        (appendix, audit),
        intro=(title, summary_line(pr, lang)),
        charts=tuple(charts),
        title=title,
        counts=tuple(pr.summary.items()),
    )


def _target_cell(target: Target, lang: Lang):
    """The target as a number where it is one, else as printed ("Trên 80", "2–3", "≤ 33")."""
    text = target_text(target, lang)
    return target.value if target.value is not None and text == number(target.value, lang) else text
