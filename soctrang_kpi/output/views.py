"""What each command shows: results turned into Documents (JSON data + tables + lines).

The JSON shapes here are the documented schema (README "JSON output"); change them only with
``SCHEMA_VERSION``.
"""

from __future__ import annotations

import math

from ..core.audit import Finding
from ..core.classify import FALLS_SHORT, LABELS, Status
from ..core.evaluate import PlanResult, Result
from ..errors import Problem
from .labels import (
    COUNT_WORDS,
    FORECAST_SOURCES,
    KIND_NAMES,
    NOTES,
    POINT_STATUS,
    REASONS,
    SUMMARY_NAMES,
    Lang,
    fill,
    number,
    percent,
    status_label,
    word,
)
from ..core.model import GROUP_KINDS, RATE_KINDS, Dataset, Direction, Kind, Point, PointStatus, Target
from .render import Column, Document, Table

SCHEMA_VERSION = 1

#: Rich style of each status in tables: good news green, bad news red
STATUS_STYLES = {
    Status.EXCEEDED: "green",
    Status.ACHIEVED: "",
    Status.AT_RISK: "red",
    Status.MISSED: "bold red",
    Status.NO_DATA: "dim",
}

#: how a target is written before its number, by (kind, direction, strict)
TARGET_PREFIX = {
    (Kind.THRESHOLD, Direction.AT_LEAST, True): {"vi": "Trên ", "en": "Above "},
    (Kind.THRESHOLD, Direction.AT_MOST, True): {"vi": "Dưới ", "en": "Below "},
    (Kind.THRESHOLD, Direction.AT_LEAST, False): {"vi": "≥ ", "en": "≥ "},
    (Kind.THRESHOLD, Direction.AT_MOST, False): {"vi": "≤ ", "en": "≤ "},
}


def _r(value: float | None) -> float | None:
    """JSON numbers: plain, without float noise like 92.10000000000001."""
    return None if value is None or not math.isfinite(value) else round(value, 6)


def target_text(target: Target, lang: Lang) -> str:
    if target.kind in GROUP_KINDS or target.value is None:
        return ""
    if target.upper is not None:
        return f"{number(target.value, lang)}–{number(target.upper, lang)}"
    prefix = TARGET_PREFIX.get((target.kind, target.direction, target.strict))
    if prefix is None and target.direction is Direction.AT_MOST:
        prefix = {"vi": "≤ ", "en": "≤ "}
    return (prefix[lang.value] if prefix else "") + number(target.value, lang)


def name_of(result: Result, lang: Lang) -> str:
    indicator = result.indicator
    return indicator.name_en if lang is Lang.EN and indicator.name_en else indicator.name


def unit_of(result: Result, lang: Lang) -> str:
    indicator = result.indicator
    return indicator.unit_en if lang is Lang.EN and indicator.unit_en else indicator.unit


def reason_text(result: Result, lang: Lang, precision: int) -> str:
    return fill(REASONS[result.reason.code], lang, result.reason.detail, precision)


def finding_json(finding: Finding, lang: Lang, precision: int) -> dict:
    data = {"field": finding.field, "source": finding.source}
    if isinstance(finding.computed, tuple):
        status, excess = finding.computed
        data.update(published=finding.published, computed=status_label(status, excess, lang, precision), computed_status=status.value)
    else:
        data.update(published=finding.published, computed=_r(finding.computed), computed_status=None)
    data.update(note=finding.note or None, note_text=fill(NOTES[finding.note], lang, finding.detail, precision) or None)
    return data


def _point_json(point: Point | None) -> dict | None:
    if point is None:
        return None
    return {"year": point.year, "value": point.value, "status": point.status.value}


def indicator_json(result: Result, lang: Lang, precision: int) -> dict:
    target, figures = result.row.target, result.figures
    return {
        "id": result.id,
        "no": result.row.no,
        "name": result.indicator.name,
        "name_en": result.indicator.name_en,
        "unit": result.indicator.unit,
        "parent": result.indicator.parent,
        "kind": target.kind.value,
        "direction": None if target.kind in GROUP_KINDS else target.direction.value,
        "target": target.value,
        "target_upper": target.upper,
        "baseline": _point_json(result.baseline) and {"year": result.baseline.year, "value": result.baseline.value},
        "latest": _point_json(result.latest),
        "avg_growth_pct": _r(figures.avg_growth_pct),
        "cagr_pct": _r(figures.cagr_pct),
        "required_growth_pct": _r(figures.required_growth_pct),
        "attainment_pct": _r(figures.attainment_pct),
        "progress_pct": _r(figures.progress_pct),
        "forecast": {
            "value": _r(figures.forecast.value),
            "pct": _r(figures.forecast.pct),
            "source": figures.forecast.source,
        },
        "status": result.status.value,
        "excess_pct": result.excess,
        "label": status_label(result.status, result.excess, lang, precision),
        "reason": {"code": result.reason.code, "text": reason_text(result, lang, precision)},
        "audit": [finding_json(f, lang, precision) for f in result.audit],
    }


def header(command: str, pr: PlanResult) -> dict:
    """What every command's JSON starts with."""
    return {"schema_version": SCHEMA_VERSION, "command": command, "plan": plan_json(pr), "as_of": pr.as_of}


def plan_json(pr: PlanResult) -> dict:
    plan = pr.plan
    return {
        "id": plan.id,
        "name": plan.name,
        "name_en": plan.name_en,
        "base_year": plan.base_year,
        "target_year": plan.target_year,
    }


def summary_json(pr: PlanResult) -> dict:
    return {"total": sum(pr.summary.values()), **{s.value: n for s, n in pr.summary.items()}}


def summary_line(pr: PlanResult, lang: Lang) -> str:
    """ "23 chỉ tiêu: 7 vượt, 10 đạt, 6 khó đạt", the way the province counts."""
    counts = ", ".join(f"{n} {COUNT_WORDS[s][lang.value]}" for s, n in pr.summary.items() if n)
    total = word("indicators_total", lang, n=sum(pr.summary.values()))
    return f"{total}: {counts}" if counts else total


def _latest_cell(result: Result, pr: PlanResult, lang: Lang):
    latest = result.latest
    if latest is None:
        return None
    text = number(latest.value, lang)
    if latest.status is PointStatus.ESTIMATE:
        text += "*"
    if latest.year != pr.as_of:
        text += f" ({latest.year})"
    return text


def status_document(pr: PlanResult, lang: Lang, only: frozenset[Status] | None = None) -> Document:
    precision = pr.plan.settings.precision
    shown = [r for r in pr.results if only is None or r.status in only]
    columns = (
        Column(word("no", lang)),
        Column(word("name", lang), wrap=True),
        Column(word("unit", lang), drop=5, max_width=11),
        Column(word("target", lang), numeric=True),
        Column(word("baseline", lang, year=pr.plan.base_year), numeric=True, drop=6),
        Column(str(pr.as_of), numeric=True),
        Column(word("avg_growth", lang), numeric=True, decimals=precision, suffix="%", drop=4),
        Column(word("attainment", lang), numeric=True, decimals=precision, suffix="%", drop=2),
        Column(word("forecast", lang), numeric=True, drop=3),
        Column(word("forecast_pct", lang), numeric=True, decimals=precision, suffix="%", drop=1),
        Column(word("assessment", lang)),
    )
    rows = []
    for r in shown:
        f = r.figures
        indent = "  " * r.depth + ("- " if r.depth else "")
        if r.row.target.kind in GROUP_KINDS:  # a heading: only its assessment
            rows.append((r.row.no, name_of(r, lang), "", "", "", "", "", "", "", "", status_label(r.status, r.excess, lang, precision)))
            continue
        rows.append((
            r.row.no,
            indent + name_of(r, lang),
            unit_of(r, lang),
            target_text(r.row.target, lang),
            None if r.baseline is None else r.baseline.value,
            _latest_cell(r, pr, lang),
            f.avg_growth_pct,
            f.attainment_pct,
            f.forecast.value,
            f.forecast.pct,
            status_label(r.status, r.excess, lang, precision),
        ))
    title = plan_title(pr, lang)
    estimate = POINT_STATUS["estimate"][lang.value]
    footer = f"{summary_line(pr, lang)}   (* {estimate})"
    table = Table(title, columns, tuple(rows), tuple(STATUS_STYLES[r.status] for r in shown), footer)
    lines = () if rows else (f"{title}: {word('none_shown', lang)}",)
    data = {
        **header("status", pr),
        "lang": lang.value,
        "indicators": [indicator_json(r, lang, precision) for r in shown],
        "summary": summary_json(pr),
        "audit": [finding_json(f, lang, precision) for f in pr.audit],
    }
    return Document(data, (table,), lines, lang)


def show_document(pr: PlanResult, result: Result, series: tuple[Point, ...], lang: Lang) -> Document:
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
            f"{number(f.forecast.value, lang)} ({FORECAST_SOURCES[f.forecast.source][lang.value]}) = {percent(f.forecast.pct, lang, precision)}",
        ),
        (word("assessment", lang), f"{status_label(result.status, result.excess, lang, precision)}: {reason_text(result, lang, precision)}"),
    ]
    if result.children:
        parts = [pr.find(child) for child in result.children]
        facts.append((word("components", lang), "; ".join(f"{c.row.no} {status_label(c.status, c.excess, lang, precision)}" for c in parts)))
    facts_table = Table(f"{word('as_of', lang, year=pr.as_of)}", (Column(""), Column("", wrap=True)), tuple(facts), show_header=False)
    year_rows = tuple(
        (str(p.year), p.value, POINT_STATUS[p.status.value][lang.value], _attainment_of(p, target))
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
    )
    tables = [facts_table, years]
    if result.audit:
        tables.append(findings_table([(result, f) for f in result.audit], lang, precision, title=word("audit_title", lang)))
    lines = chart(series, target, lang) if series and target.value is not None else ()
    data = {**header("show", pr), **indicator_json(result, lang, precision)}
    data["series"] = [_point_json(p) for p in series]
    return Document(data, tuple(tables), tuple(lines), lang)


def _trend_text(trend: float | None, target: Target, lang: Lang, precision: int) -> str:
    if trend is None:
        return "-"
    return percent(trend, lang, precision) if target.kind in RATE_KINDS else number(trend, lang)


def _attainment_of(point: Point, target: Target) -> float | None:
    """A year's own percentage of a level target (rates and thresholds have none per year)."""
    if target.kind is not Kind.LEVEL or target.value is None:
        return None
    from ..core import calc
    from ..errors import NotComputable

    try:
        return calc.attainment(point.value, target.value, target.direction)
    except NotComputable:
        return None


BAR = {PointStatus.ACTUAL: "▇", PointStatus.ESTIMATE: "▒", PointStatus.PLAN: "░"}


def chart(series: tuple[Point, ...], target: Target, lang: Lang, width: int = 40) -> list[str]:
    """A bar per year scaled to the largest of the values and the target, the target as │."""
    values = [p.value for p in series] + [target.value]
    top = max(values)
    bottom = min(0.0, min(values))
    span = (top - bottom) or 1.0
    mark = round((target.value - bottom) / span * width)
    lines = [word("chart", lang)]
    for p in series:
        length = round((p.value - bottom) / span * width)
        bar = list(BAR[p.status] * length + " " * (width - length))
        if 0 <= mark < width:
            bar[mark] = "│"
        lines.append(f"{p.year} {''.join(bar)} {number(p.value, lang)}")
    return lines


def findings_table(pairs: list[tuple[Result | None, Finding]], lang: Lang, precision: int, title: str) -> Table:
    rows = []
    for result, finding in pairs:
        if isinstance(finding.computed, tuple):
            computed = status_label(*finding.computed, lang, precision)
        else:
            computed = finding.computed
        rows.append((
            result.row.no if result else "",
            result.id if result else "",
            finding.field,
            finding.source,
            finding.published,
            computed,
            fill(NOTES[finding.note], lang, finding.detail, precision),
        ))
    columns = (
        Column(word("no", lang)),
        Column("id", drop=1),
        Column(word("field", lang)),
        Column(word("source", lang)),
        Column(word("published", lang), numeric=True),  # counts stay whole, percentages get 2 decimals
        Column(word("computed", lang), numeric=True),
        Column(word("note", lang), wrap=True),
    )
    return Table(title, columns, tuple(rows))


def audit_document(pr: PlanResult, lang: Lang) -> Document:
    precision = pr.plan.settings.precision
    pairs = [(r, f) for r in pr.results for f in r.audit] + [(None, f) for f in pr.audit]
    data = {
        **header("audit", pr),
        "findings": [
            {"id": r.id if r else None, "no": r.row.no if r else None, **finding_json(f, lang, precision)}
            for r, f in pairs
        ],
    }
    lines = () if pairs else (word("no_findings", lang),)
    tables = (findings_table(pairs, lang, precision, word("audit_title", lang)),) if pairs else ()
    return Document(data, tables, lines, lang)


def summary_document(pr: PlanResult, lang: Lang) -> Document:
    precision = pr.plan.settings.precision
    counts = Table(
        "",
        (Column(word("assessment", lang)), Column(word("count", lang), numeric=True)),
        tuple((LABELS[s][lang.value], n) for s, n in pr.summary.items()),
        tuple(STATUS_STYLES[s] for s in pr.summary),
    )
    short = [r for r in pr.results if r.status in FALLS_SHORT]
    at_risk = Table(
        word("at_risk_list", lang),
        (
            Column(word("no", lang)),
            Column(word("name", lang), wrap=True),
            Column(word("assessment", lang)),
            Column(word("note", lang), max_width=36),
        ),
        tuple((r.row.no, name_of(r, lang), status_label(r.status, r.excess, lang), reason_text(r, lang, precision)) for r in short),
        tuple(STATUS_STYLES[r.status] for r in short),
    )
    data = {
        **header("summary", pr),
        "summary": summary_json(pr),
        "text": summary_line(pr, lang),
        "at_risk": [{"id": r.id, "no": r.row.no, "name": r.indicator.name, "status": r.status.value} for r in short],
        "published_summary": _published_summary(pr),
    }
    lines = (plan_title(pr, lang), summary_line(pr, lang))
    published = _published_summary(pr)
    if published:
        lines += (_published_line(published, lang),)
    return Document(data, (counts, at_risk), lang=lang, intro=lines)


def _published_line(published: dict, lang: Lang) -> str:
    parts = ", ".join(f"{SUMMARY_NAMES[k][lang.value]} {v}" for k, v in published.items() if v is not None)
    return f"{word('published', lang)}: {parts}"


def plan_title(pr: PlanResult, lang: Lang) -> str:
    name = pr.plan.name_en if lang is Lang.EN and pr.plan.name_en else pr.plan.name
    return f"{name} — {word('as_of', lang, year=pr.as_of)}"


def _published_summary(pr: PlanResult) -> dict | None:
    published = pr.plan.published_summary
    if published is None:
        return None
    return {k: getattr(published, k) for k in SUMMARY_NAMES}


def validate_document(dataset: Dataset, warnings: list[Problem], lang: Lang) -> Document:
    verdict = word("valid", lang, indicators=len(dataset.indicators), plans=len(dataset.plans))
    data = {
        "schema_version": SCHEMA_VERSION,
        "command": "validate",
        "valid": True,
        "indicators": len(dataset.indicators),
        "plans": sorted(dataset.plans),
        "warnings": [problem_json(p) for p in warnings],
    }
    problems = Table(
        "",
        tuple(Column(h) for h in ("file", "line", "column", "indicator", "field", "message", "severity")),
        tuple(tuple(problem_json(p).values()) for p in warnings),
        machine_only=True,
    )
    return Document(data, (problems,), tuple(str(p) for p in warnings) + (verdict,), lang)


def problem_json(problem: Problem) -> dict:
    return {
        "file": problem.file,
        "line": problem.line or None,
        "column": problem.column or None,
        "indicator": problem.indicator or None,
        "field": problem.field or None,
        "message": problem.message,
        "severity": "warning" if problem.warning else "error",
    }


def record_document(change, lang: Lang) -> Document:
    """What `kpi record` changed: "actuals.yaml: grdp-growth 2023: 7,10 (ước tính) → 7,2 (thực hiện)"."""

    def point_text(point: Point | None) -> str:
        if point is None:
            return "-"
        return f"{number(point.value, lang, None if float(point.value).is_integer() else _decimals(point.value))} ({POINT_STATUS[point.status.value][lang.value]})"

    line = f"{change.file}: {change.indicator} {change.year}: {point_text(change.old)} → {point_text(change.new)}"
    data = {
        "schema_version": SCHEMA_VERSION,
        "command": "record",
        "file": change.file,
        "id": change.indicator,
        "year": change.year,
        "old": _point_json(change.old),
        "new": _point_json(change.new),
    }
    return Document(data, (), (line,), lang)


def _decimals(value: float) -> int:
    """As many decimals as the value was typed with (7.25 stays 7,25; 7.125 stays 7,125)."""
    text = repr(float(value))
    return len(text.split(".")[1]) if "." in text and "e" not in text else 2


def appendix_document(pr: PlanResult, dataset: Dataset, lang: Lang) -> Document:
    """The report's appendix table, in its column order, for `kpi export`.

    Cells stay numbers (formats decide how to write them); ``data`` carries every indicator
    with its yearly series for the charts of the HTML report.
    """
    plan, precision = pr.plan, pr.plan.settings.precision
    done_years = list(range(plan.base_year + 1, min(pr.as_of, plan.target_year) + 1))
    plan_years = list(range(max(pr.as_of, plan.base_year) + 1, plan.target_year + 1))
    pct = {"numeric": True, "decimals": precision}
    columns = (
        Column(word("no", lang)),
        Column(word("name", lang), wrap=True),
        Column(word("unit", lang)),
        Column(word("appendix_target", lang), numeric=True),
        Column(word("baseline", lang, year=plan.base_year), numeric=True),
        *(Column(str(y), numeric=True) for y in done_years),
        Column(word("appendix_average", lang, start=plan.base_year + 1, end=min(pr.as_of, plan.target_year)), **pct),
        Column(word("appendix_attainment", lang), **pct),
        *(Column(word("appendix_roadmap", lang, year=y), numeric=True) for y in plan_years),
        Column(word("forecast", lang), numeric=True),
        Column(word("forecast_pct", lang), **pct),
        Column(word("assessment", lang)),
    )
    rows, indicators = [], []
    for r in pr.results:
        values = {p.year: p.value for p in dataset.series.get(r.id, ())}
        label = status_label(r.status, r.excess, lang, precision)
        name = ("- " if r.depth else "") + name_of(r, lang)
        if r.row.target.kind in GROUP_KINDS:
            rows.append((r.row.no, name) + ("",) * (len(columns) - 3) + (label,))  # a heading
        else:
            f = r.figures
            rows.append((
                r.row.no, name, unit_of(r, lang), _target_cell(r.row.target, lang),
                values.get(plan.base_year), *(values.get(y) for y in done_years),
                f.avg_growth_pct, f.attainment_pct, *(values.get(y) for y in plan_years),
                f.forecast.value, f.forecast.pct, label,
            ))
        series = [p for p in dataset.series.get(r.id, ()) if p.year <= plan.target_year]
        indicators.append({**indicator_json(r, lang, precision), "series": [_point_json(p) for p in series], "depth": r.depth})
    findings = [(r, f) for r in pr.results for f in r.audit] + [(None, f) for f in pr.audit]
    data = {
        **header("export", pr),
        "lang": lang.value,
        "columns": [c.header for c in columns],
        "indicators": indicators,
        "summary": summary_json(pr),
        "summary_text": summary_line(pr, lang),
    }
    styles = tuple(r.status.value for r in pr.results)  # the class, for formats that colour by it
    appendix = Table(plan_title(pr, lang), columns, tuple(rows), styles, summary_line(pr, lang))
    audit = findings_table(findings, lang, precision, word("audit_title", lang))
    return Document(data, (appendix, audit), lang=lang, intro=(plan_title(pr, lang), summary_line(pr, lang)))


def _target_cell(target: Target, lang: Lang):
    """The target as a number where it is one, else as printed ("Trên 80", "2–3", "≤ 33")."""
    text = target_text(target, lang)
    return target.value if target.value is not None and text == number(target.value, lang) else text
