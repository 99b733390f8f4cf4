"""The typed records of the Python API (README "Python API"): one row of a plan's table, one audit
finding, the plan. Their fields are the ``--json`` output's, nested objects flattened with ``_``;
they are stable: a field is added, never renamed or given another meaning. Imported only when a
record is built (``Evaluation.indicators``, ``Audit.findings``), not by ``kpi``'s commands. Real
annotations, no ``from __future__ import annotations`` (README "Performance": records).
"""

from typing import Any

from .records import NamedTuple


class PlanInfo(NamedTuple):
    """The plan a result is of: ``id``, ``name``, ``name_en``, ``base_year``, ``target_year``."""

    id: str
    name: str
    name_en: str
    base_year: int
    target_year: int


class IndicatorResult(NamedTuple):
    """One row of a plan's table, evaluated: the fields of the ``--json`` indicator object
    (README "JSON output", ``schemas/status.schema.json``), nested objects flattened.

    Attributes:
        id: the indicator's stable id. no: the row number as printed ("7.1").
        name, name_en, unit, unit_en: as ``targets.yaml`` gives them.
        parent: the heading's id for a sub-row, else None. group: the indicator's group or None.
        depth: 0 for a top-level row, 1 for a sub-row.
        kind: the kind of target (``level``, ``growth``, …). direction: ``at_least``,
            ``at_most`` or None (a heading). target, target_upper: the target (a range's bounds).
        target_printed: the target as the resolution printed it, or None. target_printed_en:
            the office's English wording of it (``printed_en``), or None.
        strict, approximate: "trên"/"dưới" and "khoảng" targets.
        baseline_year, baseline_value, baseline_fallback: the base year's value (fallback: the
            earliest observed year stands in). latest_year, latest_value, latest_status: the
            latest value the plan sees as of its year.
        avg_growth_pct, cagr_pct, required_growth_pct, attainment_pct, progress_pct, total: the
            figures of README "How every figure is computed", None where they do not apply.
        forecast_value, forecast_pct, forecast_source: the forecast for the target year.
        pace_band: ``on_track``, ``accelerate``, ``too_slow``, ``backwards`` or None.
        status: ``exceeded``, ``achieved``, ``at_risk``, ``missed`` or ``no_data``.
        excess_pct: X of "Vượt X%". label: the assessment as printed, in the evaluation's
            language. verdict_class: the plan's class between Đạt and Khó đạt, or None.
        reason_code, reason_text: why, as a code and in words.
        target_note: the office's note on the plan's row (``note``, its "Ghi chú"), as written,
            or None (last: a field added after the others, README "Python API").
    """

    id: str
    no: str
    name: str
    name_en: str
    unit: str
    unit_en: str
    parent: str | None
    group: str | None
    depth: int
    kind: str
    direction: str | None
    target: float | None
    target_upper: float | None
    target_printed: str | None
    target_printed_en: str | None
    strict: bool
    approximate: bool
    baseline_year: int | None
    baseline_value: float | None
    baseline_fallback: bool | None
    latest_year: int | None
    latest_value: float | None
    latest_status: str | None
    avg_growth_pct: float | None
    cagr_pct: float | None
    required_growth_pct: float | None
    attainment_pct: float | None
    progress_pct: float | None
    total: float | None
    forecast_value: float | None
    forecast_pct: float | None
    forecast_source: str | None
    pace_band: str | None
    status: str
    excess_pct: float | None
    label: str
    verdict_class: str | None
    reason_code: str
    reason_text: str
    target_note: str | None


class AuditFinding(NamedTuple):
    """A published figure that differs from the computed one (README "What the audit finds").

    Attributes:
        id, no: the indicator's id and row number; None for a finding of the plan's counts.
        field: ``avg_growth``, ``midterm_pct``, ``forecast``, ``forecast_pct``, ``assessment``,
            ``summary.*`` or ``sum YEAR``. source: ``table``, ``text``, ``summary`` or ``data``.
        published: the figure as published (an assessment as printed; None for a check of the
            data itself). computed: ours (an assessment as a label), None when not computable.
        computed_status: an assessment's computed status code, else None.
        note, note_text: the recognised pattern (``latest_year_alone``, …) and its words, or None.
    """

    id: str | None
    no: str | None
    field: str
    source: str
    published: float | str | None
    computed: float | str | None
    computed_status: str | None
    note: str | None
    note_text: str | None


def indicator(depth: int, data: dict[str, Any]) -> IndicatorResult:
    """An indicator's JSON object (output/payloads.indicator_json), flattened."""
    baseline, latest, forecast, pace, reason = data["baseline"] or {}, data["latest"] or {}, data["forecast"], data["pace"] or {}, data["reason"]
    return IndicatorResult(
        data["id"], data["no"], data["name"], data["name_en"], data["unit"], data["unit_en"], data["parent"], data["group"],
        depth, data["kind"], data["direction"], data["target"], data["target_upper"], data["target_printed"],
        data["target_printed_en"], data["strict"], data["approximate"],
        baseline.get("year"), baseline.get("value"), baseline.get("fallback"),
        latest.get("year"), latest.get("value"), latest.get("status"),
        data["avg_growth_pct"], data["cagr_pct"], data["required_growth_pct"], data["attainment_pct"], data["progress_pct"], data["total"],
        forecast["value"], forecast["pct"], forecast["source"], pace.get("band"),
        data["status"], data["excess_pct"], data["label"], data["class"], reason["code"], reason["text"], data["target_note"],
    )


def finding(ident: str | None, no: str | None, data: dict[str, Any]) -> AuditFinding:
    """An audit finding's JSON object (output/payloads.finding_json) with its row's id and number;
    a field the JSON has and the record not yet is left out (adding to the JSON breaks nothing)."""
    return AuditFinding(ident, no, *(data[name] for name in AuditFinding._fields[2:]))
