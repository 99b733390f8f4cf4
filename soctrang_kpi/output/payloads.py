"""The JSON of every command: the documented schema (README "JSON output").

Built only when JSON is asked for (``Document.payload``). Change a shape only with
``SCHEMA_VERSION``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..core.audit import AuditReport, Finding
from ..core.classify import FALLS_SHORT, MET
from ..core.kinds import GROUP_KINDS
from ..core.model import Dataset, Kind, Point
from ..core.results import NOT_RATED, PlanResult, Result
from ..errors import Problem
from ..messages import render
from ..numbers import STORED_DECIMALS
from .provenance import metadata_json, value_json
from .labels import CHANGE_WORDS, NOTES, PACE_BANDS, SUMMARY_NAMES, Lang, fill, month_label, result_label, verdict_label
from .wording import figures_unit, reason_text, summary_line

SCHEMA_VERSION = 3

Json = dict[str, Any]


class Made(Sequence[Json]):
    """A payload's long list whose items are made as they are read: the JSON format writes one
    and forgets it before making the next (as_json.pieces), so ``kpi status --json`` never holds
    every row's object at once (100.000 indicators: 114 MB of the peak RSS, measured with
    /usr/bin/time -v). Read whole (``list(made)``, ``json.dumps(..., default=list)``) it is the
    list it stands for."""

    __slots__ = ("_items", "_make")

    def __init__(self, items: Sequence[Any], make: Callable[[Any], Json]):
        self._items = items
        self._make = make

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Json]:
        return map(self._make, self._items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._make(item) for item in self._items[index]]
        return self._make(self._items[index])

    def __eq__(self, other: object) -> bool:
        return list(self) == (list(other) if isinstance(other, Made) else other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Made({len(self)} items)"


def json_number(value: float | None, isfinite: Callable[[float], bool] = math.isfinite) -> float | None:
    """JSON numbers: plain, without float noise like 92.10000000000001. (``isfinite`` bound
    once: ten calls a row of `kpi status --json`.)"""
    return None if value is None or not isfinite(value) else round(value, STORED_DECIMALS) + 0.0  # never -0.0


def finding_json(finding: Finding, lang: Lang, precision: int) -> Json:
    data: Json = {"field": finding.field, "source": finding.source}
    if isinstance(finding.computed, tuple):
        status, excess = finding.computed
        klass = finding.computed_class
        label = verdict_label(status, excess, klass, lang, precision)
        data.update(published=finding.published, computed=label, computed_status=status.value, computed_class=klass.name if klass else None)
    else:
        data.update(published=finding.published, computed=json_number(finding.computed), computed_status=None, computed_class=None)
    data.update(note=finding.note or None, note_text=fill(NOTES[finding.note], lang, finding.detail, precision) or None)
    return data


def point_json(point: Point | None, exact: bool = False) -> Json | None:
    """A yearly value; rounded to 6 decimals as every computed number (a value made from the
    areas' or read as an index is computed: 2.311926229508174), unless ``exact`` (what `kpi record`
    wrote, as typed)."""
    if point is None:
        return None
    data: Json = {"year": point.year, "value": point.value if exact else json_number(point.value), "status": point.status._value_}
    if point.note:  # where the value comes from, only when actuals.yaml notes it
        data["note"] = point.note
    if point.source or point.recorded is not None:  # what value_json adds: most points have neither
        data.update(value_json(point))
    return data


def indicator_json(result: Result, findings: tuple[Finding, ...], lang: Lang, precision: int) -> Json:
    # an enum member's ``_value_`` rather than ``value`` (a property that Python 3.11 resolves
    # through enum's descriptor): 750.000 reads of a 100.000-row `kpi status --json`, 0,66 of
    # its 31 s under cProfile
    target, figures = result.row.target, result.figures
    return {
        "id": result.id,
        "no": result.row.no,
        "name": result.indicator.name,
        "name_en": result.indicator.name_en,
        "unit": result.indicator.unit,
        "unit_en": result.indicator.unit_en,
        "parent": result.indicator.parent,
        "group": result.indicator.group,
        **metadata_json(result.indicator),
        "kind": target.kind._value_,
        "direction": None if target.kind in GROUP_KINDS else target.direction._value_,
        "target": target.value,
        "target_printed": target.printed or None,
        "target_printed_en": target.printed_en or None,
        "target_note": target.note or None,
        "basis": target.basis._value_ if target.kind is Kind.GROWTH else None,
        "of": target.of,
        "target_upper": target.upper,
        "strict": target.strict,
        "approximate": target.approximate,
        "baseline": None if result.baseline is None else {
            "year": result.baseline.year,
            "value": json_number(result.baseline.value),
            "fallback": figures.baseline_fallback,
        },
        "latest": point_json(result.latest),
        "avg_growth_pct": json_number(figures.avg_growth_pct),
        "cagr_pct": json_number(figures.cagr_pct),
        "required_growth_pct": json_number(figures.required_growth_pct),
        "attainment_pct": json_number(figures.attainment_pct),
        "progress_pct": json_number(figures.progress_pct),
        "total": json_number(figures.total),
        "forecast": {
            "value": json_number(figures.forecast.value),
            "pct": json_number(figures.forecast.pct),
            "source": figures.forecast.source,
            "bounded": figures.forecast.unbounded is not None,
            "unbounded": json_number(figures.forecast.unbounded),
        },
        "roadmap_gap": gap_json(figures),
        "pace": pace_json(figures, lang),
        "status": result.status._value_,
        "excess_pct": result.excess,
        "label": result_label(result, lang, precision),
        "class": None if result.klass is None else result.klass.name,
        "reason": {"code": result.reason.code, "text": reason_text(result, lang, precision)},
        "audit": [finding_json(f, lang, precision) for f in findings],
        "missing_parts": _missing_parts(result.reason.detail) if result.reason.code == "parts_missing" else None,
    }


def _missing_parts(detail: object) -> Json:
    from .territory import missing_parts_json  # the territory's code, for data with areas only

    return missing_parts_json(detail)


def gap_json(figures: Any) -> Json | None:
    gap = figures.roadmap_gap
    if gap is None:
        return None
    return {
        "year": gap.year,
        "planned": json_number(gap.planned),
        "observed": gap.observed,
        "gap_pct": json_number(gap.gap_pct),
        "required_growth_pct": json_number(gap.required_growth_pct),
    }


def pace_json(figures: Any, lang: Lang) -> Json | None:
    pace = figures.pace
    if pace is None:
        return None
    return {"band": pace.band._value_, "ratio": json_number(pace.ratio), "basis": pace.basis, "label": PACE_BANDS[pace.band][lang._value_]}


def compare_json(before: PlanResult, changes: Any, lang: Lang) -> Json:
    """Each indicator's verdict as of an earlier year beside today's (``kpi status --compare``)."""
    precision = before.plan.settings.precision

    def verdict(r: Result | None) -> Json | None:
        if r is None:
            return None
        return {"status": r.status.value, "excess_pct": r.excess, "label": result_label(r, lang, precision)}

    rows = [
        {"id": c.after.id, "no": c.after.row.no, "before": verdict(c.before), "after": verdict(c.after),
         "changed": c.changed, "direction": c.direction, "direction_text": CHANGE_WORDS[c.direction][lang.value] or None}
        for c in changes
    ]
    # counted as the footer counts: the top-level rows (a sub-row's change is in its own entry)
    top = [row for row, c in zip(rows, changes) if c.after.depth == 0]
    return {"as_of": before.as_of, "indicators": rows, "changed": [row["id"] for row in top if row["changed"]]}


def plan_json(pr: PlanResult) -> Json:
    plan = pr.plan
    return {
        "id": plan.id,
        "name": plan.name,
        "name_en": plan.name_en,
        "base_year": plan.base_year,
        "target_year": plan.target_year,
    }


def header(command: str, pr: PlanResult) -> Json:
    """What every command's JSON starts with."""
    known_on = None if pr.known_on is None else pr.known_on.isoformat()
    found = {"schema_version": SCHEMA_VERSION, "command": command, "plan": plan_json(pr), "as_of": pr.as_of, "known_on": known_on}
    if pr.plan.area is not None:  # README "Territory": the area the figures are of
        found["area"] = pr.plan.area
    return found


def summary_json(pr: PlanResult) -> Json:
    """The counts per status; ``not_rated``, those of ``no_data`` listed without a target that
    have values, which the footer counts "không đánh giá" as they say; ``classes``, the plan's
    classes between Đạt and Khó đạt, each with how many of those at risk or missed fall in it."""
    classes = [{"name": k.name, "name_en": k.name_en, "at_least": k.at_least, "count": n} for k, n in pr.class_counts()]
    unrated = sum(r.unrated for r in pr.results if r.depth == 0)
    return {"total": sum(pr.summary.values()), **{s.value: n for s, n in pr.summary.items()}, "not_rated": unrated, "classes": classes}


def published_summary_json(pr: PlanResult) -> Json | None:
    published = pr.plan.published_summary
    if published is None:
        return None
    data: Json = {k: getattr(published, k) for k in SUMMARY_NAMES}
    data["groups"] = {g: {k: getattr(c, k) for k in SUMMARY_NAMES} for g, c in published.groups.items()}
    return data


def groups_json(pr: PlanResult, lang: Lang) -> list[Json]:
    """The counts per group of indicators, in table order; empty when no indicator has a group."""
    from ..core.groups import counts_apart_by_group, counts_by_group
    from .labels import group_name

    by_group = counts_by_group(pr)
    if set(by_group) == {None}:
        return []
    apart = counts_apart_by_group(pr)
    return [
        {
            "group": group,
            "label": group_name(group, lang),
            "total": sum(counts.values()),
            **{s.value: n for s, n in counts.items()},
            "achieved_or_exceeded": sum(counts[s] for s in MET),
            "not_rated": next(n for _s, n, klass in apart[group] if klass is NOT_RATED),  # of no_data, as `summary`
            # the plan's classes, counted apart as the table per group counts them (its rows stay in their status above)
            "classes": [{"name": klass.name, "count": n} for _s, n, klass in apart[group] if klass is not None and klass is not NOT_RATED],
        }
        for group, counts in by_group.items()
    ]


def status_payload(
    pr: PlanResult, review: AuditReport, shown: Sequence[Result], lang: Lang, compare: Json | None = None, annual: dict | None = None
) -> Json:
    """``annual``: an annual plan's own figures; each indicator object then has ``annual``."""
    precision = pr.plan.settings.precision

    def row(r: Result) -> Json:
        return indicator_json(r, review.of(r.id), lang, precision) | ({"annual": annual_json(annual.get(r.id))} if annual is not None else {})

    data = {
        **header("status", pr),
        "lang": lang.value,
        "indicators": Made(shown, row),
        "summary": summary_json(pr),
        "audit": [finding_json(f, lang, precision) for f in review.plan],
        "audited_as_of": review.as_of,
        "audited_known_on": None if review.known_on is None else review.known_on.isoformat(),
        "compare": compare,
    }
    return data


def show_payload(
    pr: PlanResult, review: AuditReport, result: Result, series: tuple[Point, ...], lang: Lang, others=(), periods=(), month=None, needs=(),
    versions: dict | None = None, other_months: dict | None = None,
) -> Json:
    versions, other_months = versions or {}, other_months or {}
    data = {**header("show", pr), **indicator_json(result, review.of(result.id), lang, pr.plan.settings.precision)}
    # which verdict `kpi show` gives as its assessment: the month's within the year (``month``), else the year's
    data["assessment_basis"] = "year" if month is None else "month"
    data["series"] = [(point_json(p) or {}) | value_json(p, versions.get(p.year, ())) for p in series]
    data["recorded"] = [point_json(p) for p in result.recorded]  # the levels a derived series is taken from
    data["other_targets"] = [other_target_json(plan, other, lang, other_months.get(plan.id)) for plan, other in others]
    if periods or month is not None:  # only for an indicator with values within the year
        data["periods"] = [
            {**period_json(p.period), "value": json_number(p.value), "status": p.status.value, **({"note": p.note} if p.note else {}),
             **value_json(p, versions.get(p.period, ()))} for p in periods
        ]
        data["month"] = None if month is None else {"period": period_json(month.period), **month_json(result, month, lang)}
    if needs:  # an annual plan's indicator that a term plan also targets
        data["term_needs"] = [
            {"plan": n.plan.id, "year": n.year, "remaining_years": n.remaining, "required_growth_pct": json_number(n.rate), "level": json_number(n.level)}
            for n in needs
        ]
    return data


def other_target_json(plan, result: Result, lang: Lang, month=None) -> Json:
    """The same indicator's row in another plan (the central and the provincial budget estimate);
    ``month``: an annual plan of the same year within its year, its month's verdict."""
    precision = plan.settings.precision
    return {
        "plan": plan.id,
        "plan_name": plan.name,
        "no": result.row.no,
        "kind": result.row.target.kind.value,
        "target": result.row.target.value,
        "target_upper": result.row.target.upper,
        "attainment_pct": json_number(result.figures.attainment_pct),
        "forecast_pct": json_number(result.figures.forecast.pct),
        "status": result.status.value,
        "label": result_label(result, lang, precision),
        "month": None if month is None else {"verdict": month.verdict.value, "final": month.final, "label": month_label(month, lang)},
    }


def audit_payload(pr: PlanResult, review: AuditReport, lang: Lang, period=None, months: int | None = None) -> Json:
    """The findings; ``period`` (the monthly report's month, an annual plan within its year) and
    ``months_checked`` (the monthly reports' published records compared; null for a term plan)."""
    precision = pr.plan.settings.precision
    return {
        **header("audit", pr),
        "audited_as_of": review.as_of,
        "period": None if period is None else period_json(period),
        "months_checked": months,
        "audited_known_on": None if review.known_on is None else review.known_on.isoformat(),
        "findings": [
            {"id": r.id if r else None, "no": r.row.no if r else None, **finding_json(f, lang, precision)}
            for r, f in review.pairs(pr)
        ],
    }


def summary_payload(pr: PlanResult, lang: Lang) -> Json:
    short = [r for r in pr.results if r.status in FALLS_SHORT]
    return {
        **header("summary", pr),
        "summary": summary_json(pr),
        "text": summary_line(pr, lang),
        "at_risk": [
            {"id": r.id, "no": r.row.no, "name": r.indicator.name, "status": r.status.value, "class": r.klass.name if r.klass else None}
            for r in short
        ],
        "groups": groups_json(pr, lang),
        "published_summary": published_summary_json(pr),
    }


def problem_json(problem: Problem, lang: Lang) -> Json:
    """A problem of the files; its message in the output's language, as stderr says it."""
    return {
        "file": problem.file,
        "line": problem.line or None,
        "column": problem.column or None,
        "indicator": problem.indicator or None,
        "field": problem.field or None,
        "message": render(problem.message, lang.value),
        "severity": "warning" if problem.warning else "error",
    }


def validate_payload(dataset: Dataset, warnings: list[Problem], lang: Lang) -> Json:
    return {
        "schema_version": SCHEMA_VERSION,
        "command": "validate",
        "valid": True,
        "indicators": len(dataset.indicators),
        "plans": sorted(dataset.plans),
        "warnings": [problem_json(p, lang) for p in warnings],
    }


def record_payload(change: Any) -> Json:
    return {
        "schema_version": SCHEMA_VERSION,
        "command": "record",
        "file": change.file,
        "id": change.indicator,
        "year": change.year,
        "period": None if change.period is None else change.period.key,
        "ytd": change.period is not None and change.period.ytd,
        "old": point_json(change.old, exact=True),
        "new": point_json(change.new, exact=True),
    } | ({"area": change.area} if change.area else {})


def period_json(period) -> Json:
    """A month or a quarter: ``{"key": "2026-06", "year": 2026, "first_month": 6, "last_month": 6,
    "quarter": false, "ytd": false}``."""
    return {
        "key": period.key, "year": period.year, "first_month": period.first, "last_month": period.last,
        "quarter": period.quarter, "ytd": period.ytd,
    }


def _reading_json(reading) -> Json | None:
    return None if reading is None else {"value": json_number(reading.value), "status": reading.status.value}


def month_json(result: Result, f, lang: Lang) -> Json:
    """One indicator's row of a monthly report (README "JSON output", ``month``)."""
    from .labels import MONTH_VERDICTS, month_reason_text

    return {
        "id": result.id,
        "no": result.row.no,
        "name": result.indicator.name,
        "unit": figures_unit(result, Lang.VI),  # as the table prints it; the data's own words, as every "unit"
        "within_year": None if f.meaning is None else f.meaning.value,
        "plan": json_number(f.plan),
        "plan_upper": json_number(f.plan_upper),
        "period_value": _reading_json(f.alone),
        "to_date": _reading_json(f.to_date),
        "plan_pct": json_number(f.plan_pct),
        "same_period": json_number(f.same_period),
        "change_pct": json_number(f.change_pct),
        "elapsed_pct": json_number(f.elapsed_pct),
        "seasonal_pct": json_number(f.seasonal_pct),
        "estimate": None if f.estimate is None else {
            "value": json_number(f.estimate), "source": f.estimate_source.value, "pct": json_number(f.estimate_pct),
        },
        "verdict": f.verdict.value,
        "final": f.final,
        "label": MONTH_VERDICTS[f.verdict.value][lang.value],
        "reason": {"code": f.reason, "text": month_reason_text(f, lang)} if f.reason else None,
        "target_note": result.row.target.note or None,  # the office's note on the row ("Ghi chú"), as the yearly table's
    }


def _month_head(command: str, pr: PlanResult, period, lang: Lang) -> Json:
    return {**header(command, pr), "as_of": period.year, "report": "month", "lang": lang.value, "period": period_json(period)}


def month_counts(verdicts) -> Json:
    """The monthly report's verdicts (their codes: ``on_course``, ``behind``, …) counted, ``total``
    first: the ``summary`` of `kpi status --json` and `kpi summary --json` within the year, and
    the API's ``Evaluation.month_summary``."""
    counts: dict[str, int] = {}
    total = 0
    for verdict in verdicts:
        counts[verdict] = counts.get(verdict, 0) + 1
        total += 1
    return {"total": total, **counts}


def month_payload(pr: PlanResult, rows, period, lang: Lang) -> Json:
    """`kpi status --json` of an annual plan within its year: the monthly report."""
    return {
        **_month_head("status", pr, period, lang),
        "indicators": [month_json(r, f, lang) for r, f in rows],
        "summary": month_counts(f.verdict.value for r, f in rows if r.depth == 0),  # the top rows, as the yearly summary
    }


def month_summary_payload(pr: PlanResult, rows, period, text: str, lang: Lang) -> Json:
    """`kpi summary --json` of an annual plan within its year: the within-year verdicts counted."""
    return {
        **_month_head("summary", pr, period, lang),
        "summary": month_counts(f.verdict.value for r, f in rows if r.depth == 0),
        "text": text,
        "behind": [
            {"id": r.id, "no": r.row.no, "name": r.indicator.name, "verdict": f.verdict.value}
            for r, f in rows if f.verdict.value in ("behind", "missed")
        ],
    }


def annual_json(figures) -> Json | None:
    """An annual plan's row: ``previous`` (the base year's value) and ``current`` (the plan's year:
    ``value``, ``status``), ``change_pct`` (so cùng kỳ)."""
    if figures is None:
        return None
    return {"previous": _reading_json(figures.previous), "current": _reading_json(figures.current), "change_pct": json_number(figures.change_pct)}
