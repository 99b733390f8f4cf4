"""The model back into the plain data of the two files, and that data as YAML text.

``plan_data`` is the inverse of the schemas (targets_schema, actuals_schema) for one plan: its
indicators, its target rows, their yearly values and what its report published, with the keys
the files use (yaml_keys) and every field the loader would give back. `kpi export` carries it
inside the xlsx and docx it writes so that `kpi import` gives the same data back; `kpi import`
writes what it read as YAML text through yaml_text.py.
"""

from __future__ import annotations

from typing import Any

from ..core.kinds import GROUP_KINDS, KINDS
from ..core.model import Basis, Dataset, Direction, Drop, Kind, Plan, Point, PointStatus, PublishedSummary, Settings, Target

Data = dict[str, Any]


def plan_data(dataset: Dataset, plan: Plan, as_of: int | None = None) -> Data:
    """``{"targets": …, "actuals": …}`` for one plan, as the two files would hold it; with
    ``as_of``, only the values a reader sees as of that year (the roadmap whole). The parts of
    the plan's rows that have no target row of their own (a composition's "Thuế sản phẩm …",
    values only) come with it: without them the parts would no longer add up."""
    ids = [row.indicator for row in plan.rows]
    rowed = set(ids)
    ids += [i for i, indicator in dataset.indicators.items() if i not in rowed and indicator.parent in rowed]
    # a share's divisor; sets, not the list: looking each indicator up in the list of ids and
    # every row was quadratic (4,4 s of a 30.000-series export, 44 s at 100.000)
    divisors, listed = {row.target.of for row in plan.rows}, set(ids)
    ids += [i for i in dataset.indicators if i not in listed and i in divisors]
    wanted = set(ids)
    indicators = [indicator_data(dataset.indicators[i]) for i in dataset.indicators if i in wanted]
    series: Data = {}
    for ident in ids:
        entry = series_data(dataset.series.get(ident, ()), as_of, dataset.periods.get(ident, ()), dataset.history.get(ident, {}))
        published = dataset.published.get(ident, {}).get(plan.id)
        months = dataset.published_months.get(ident, {}).get(plan.id)
        if published or months:
            entry["published"] = {plan.id: {record.source: _published(record) for record in published or ()}}
        if months:
            entry["published"][plan.id]["months"] = {
                m.period.key: {k: v for k, v in m._asdict().items() if v is not None and k != "period"} for m in months
            }
        if entry:
            series[ident] = entry
    targets: Data = {"schema_version": 1, "indicators": indicators, "plans": [plan_record(plan)]}
    if plan.area is not None and plan.area in dataset.areas:  # README "Territory": the area as a territory of its own
        targets = {"schema_version": 1, "areas": [_area_data(dataset.areas[plan.area])]} | targets
    return {
        "targets": targets,
        "actuals": {"schema_version": 1, "series": series},
    }


def indicator_data(indicator) -> Data:
    """An indicator as targets.yaml writes it; its aggregation rule is not written: the data
    written is one area's, whose values are already its own or made (README "Territory")."""
    return {
        key: list(value) if key == "bounds" and value is not None else getattr(value, "value", value)
        for key, value in indicator._asdict().items()
        if (value or key in ("id", "name") or (key == "precision" and value is not None)) and key != "aggregate"
    }


def _area_data(area) -> Data:
    return {"id": area.id, "name": area.name} | ({"name_en": area.name_en} if area.name_en else {})


def plan_record(plan: Plan) -> Data:
    found: Data = {"id": plan.id, "name": plan.name}
    if plan.name_en:
        found["name_en"] = plan.name_en
    found["base_year"], found["target_year"] = plan.base_year, plan.target_year
    settings = settings_data(plan.settings)
    if settings:
        found["settings"] = settings
    if plan.published_summary is not None:
        found["published_summary"] = summary_data(plan.published_summary)
    found["targets"] = [row_data(row.indicator, row.no, row.target) for row in plan.rows if row.no or row.target.value is not None]
    return found


def settings_data(settings: Settings) -> Data:
    default = Settings()
    return {
        key: [c._asdict() for c in value] if key == "classes" else getattr(value, "value", value)
        for key, value in settings._asdict().items()
        if value != getattr(default, key)
    }


def summary_data(summary: PublishedSummary) -> Data:
    found: Data = {k: v for k, v in summary._asdict().items() if v is not None and k != "groups"}
    if summary.groups:
        found["groups"] = {name: summary_data(counts) for name, counts in summary.groups.items()}
    return found


def row_data(indicator: str, no: str, target: Target) -> Data:
    """A target row as targets.yaml writes it: only what differs from the loader's defaults."""
    found: Data = {"indicator": indicator, "number": no}
    if target.kind in GROUP_KINDS or target.value is not None:  # listed without a target: no kind
        found["kind"] = target.kind.value
    if target.kind not in GROUP_KINDS and target.value is not None:
        if target.direction is Direction.AT_MOST:
            found["direction"] = Direction.AT_MOST.value
        if target.upper is not None:
            found["range"] = [target.value, target.upper]
        else:
            found["value"] = target.value
        if target.strict or target.kind is Kind.THRESHOLD:  # a threshold always says it
            found["strict"] = target.strict
        if target.approximate:
            found["approximate"] = True
        if target.drop is not Drop.POINTS:
            found["drop"] = target.drop.value
        if not target.average:
            found["average"] = False
        if target.basis is not Basis.RATE:
            found["basis"] = target.basis.value
        if target.of:
            found["of"] = target.of
        if KINDS[target.kind].direction is not None:
            found.pop("direction", None)  # the kind's own (a place's)
    for key in ("printed", "note"):
        if getattr(target, key):
            found[key] = getattr(target, key)
    return found


#: a status's key in actuals.yaml, in the order the file writes them (a dict lookup: an enum's
#: .value is a descriptor call, and a 10.000-series export makes 60.000 of them)
STATUS_KEYS = {status: status.value for status in PointStatus}


def series_data(points: tuple[Point, ...], as_of: int | None = None, periods: tuple = (), history: dict | None = None) -> Data:
    """The yearly values by status, and their notes; with ``as_of``, those a reader sees then.
    ``periods``: the values of months and quarters beside them, a lũy kế under ``ytd``;
    ``history``: the values each replaced, with the sources and days (README "History of a value")."""
    from .history_data import with_provenance

    return with_provenance(_series_data(points, as_of, periods), points, periods, history or {}, as_of)


def _series_data(points: tuple[Point, ...], as_of: int | None = None, periods: tuple = ()) -> Data:
    by_status: dict[PointStatus, dict[int | str, float]] = {}
    notes: dict[int | str, str] = {}
    for p in points:
        if as_of is not None and p.year > as_of and p.status is not PointStatus.PLAN:
            continue
        by_status.setdefault(p.status, {})[p.year] = p.value
        if p.note:
            notes[p.year] = p.note
    ytd: dict[PointStatus, dict[int | str, float]] = {}
    ytd_notes: dict[int | str, str] = {}
    for q in periods:
        if as_of is not None and q.period.year > as_of:
            continue
        (ytd if q.period.ytd else by_status).setdefault(q.status, {})[q.period.key] = q.value
        if q.note:
            (ytd_notes if q.period.ytd else notes)[q.period.key] = q.note
    found: Data = {key: by_status[status] for status, key in STATUS_KEYS.items() if status in by_status}
    if ytd:
        found["ytd"] = {key: ytd[status] for status, key in STATUS_KEYS.items() if status in ytd} | ({"notes": ytd_notes} if ytd_notes else {})
    if notes:
        found["notes"] = notes
    return found


def _published(record) -> Data:
    return {k: v.isoformat() if k == "date" else v for k, v in record._asdict().items() if v is not None and k != "source"}
