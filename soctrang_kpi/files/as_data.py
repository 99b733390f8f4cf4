"""The model back into the plain data of the two files, and that data as YAML text.

``plan_data`` is the inverse of the schemas (targets_schema, actuals_schema) for one plan: its
indicators, its target rows, their yearly values and what its report published, with the keys
the files use (yaml_keys) and every field the loader would give back. `kpi export` carries it
inside the xlsx and docx it writes so that `kpi import` gives the same data back; `kpi import`
writes what it read through ``targets_text`` and ``actuals_text``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..core.kinds import GROUP_KINDS
from ..core.model import Basis, Dataset, Direction, Drop, Kind, Plan, Point, PointStatus, PublishedSummary, Settings, Target

Data = dict[str, Any]


def plan_data(dataset: Dataset, plan: Plan, as_of: int | None = None) -> Data:
    """``{"targets": …, "actuals": …}`` for one plan, as the two files would hold it; with
    ``as_of``, only the values a reader sees as of that year (the roadmap whole)."""
    ids = [row.indicator for row in plan.rows]  # a structure's part the loader adds too (no target row)
    wanted = set(ids) | {row.target.of for row in plan.rows if row.target.of}  # a share's divisor too
    ids += [i for i in dataset.indicators if i in wanted and i not in ids]
    indicators = [indicator_data(dataset.indicators[i]) for i in dataset.indicators if i in wanted]
    series: Data = {}
    for ident in ids:
        entry = series_data(dataset.series.get(ident, ()), as_of)
        published = dataset.published.get(ident, {}).get(plan.id)
        if published:
            entry["published"] = {plan.id: {record.source: _published(record) for record in published}}
        if entry:
            series[ident] = entry
    return {
        "targets": {"schema_version": 1, "indicators": indicators, "plans": [plan_record(plan)]},
        "actuals": {"schema_version": 1, "series": series},
    }


def indicator_data(indicator) -> Data:
    return {
        key: list(value) if key == "bounds" and value is not None else getattr(value, "value", value)
        for key, value in indicator._asdict().items()
        if value or key in ("id", "name") or (key == "precision" and value is not None)
    }


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
        if target.strict != (target.kind is Kind.THRESHOLD):
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
        if target.kind is Kind.RANK:
            found.pop("direction", None)  # a place's direction is the kind's own
    for key in ("printed", "note"):
        if getattr(target, key):
            found[key] = getattr(target, key)
    return found


#: a status's key in actuals.yaml, in the order the file writes them (a dict lookup: an enum's
#: .value is a descriptor call, and a 10.000-series export makes 60.000 of them)
STATUS_KEYS = {status: status.value for status in PointStatus}


def series_data(points: tuple[Point, ...], as_of: int | None = None) -> Data:
    """The yearly values by status, and their notes; with ``as_of``, those a reader sees then."""
    by_status: dict[PointStatus, dict[int, float]] = {}
    notes: dict[int, str] = {}
    for p in points:
        if as_of is not None and p.year > as_of and p.status is not PointStatus.PLAN:
            continue
        by_status.setdefault(p.status, {})[p.year] = p.value
        if p.note:
            notes[p.year] = p.note
    found: Data = {key: by_status[status] for status, key in STATUS_KEYS.items() if status in by_status}
    if notes:
        found["notes"] = notes
    return found


def _published(record) -> Data:
    return {k: v for k, v in record._asdict().items() if v is not None and k != "source"}


# -- YAML text -------------------------------------------------------------------------------------


def targets_text(data: Data, comments: list[str] = ()) -> str:  # type: ignore[assignment]
    """targets.yaml: indicators in block style, each plan's target rows one per line."""
    lines = [f"# {c}" for c in comments] + ["schema_version: 1", "", "indicators:" if data["indicators"] else "indicators: []"]
    for indicator in data["indicators"]:
        first = True
        for key, value in indicator.items():
            lines.append(("  - " if first else "    ") + f"{key}: {flow(value)}")
            first = False
    lines += ["", "plans:"]
    for plan in data["plans"]:
        first = True
        for key, value in plan.items():
            if key == "targets":
                continue
            lines.append(("  - " if first else "    ") + f"{key}: {flow(value)}")
            first = False
        rows = plan.get("targets") or []
        lines.append("    targets:" if rows else "    targets: []")
        lines += [f"      - {flow(row)}" for row in rows]
    return "\n".join(lines) + "\n"


def actuals_text(data: Data, comments: list[str] = ()) -> str:  # type: ignore[assignment]
    """actuals.yaml: per indicator its values by status, one line each."""
    lines = [f"# {c}" for c in comments] + ["schema_version: 1", "", "series:" if data["series"] else "series: {}"]
    for ident, entry in data["series"].items():
        lines.append(f"  {ident}:")
        for key, value in entry.items():
            if key == "published":
                lines.append("    published:")
                for plan, sources in value.items():
                    lines.append(f"      {plan}:")
                    lines += [f"        {source}: {flow(record)}" for source, record in sources.items()]
            else:
                lines.append(f"    {key}: {flow(value)}")
    return "\n".join(lines) + "\n"


def flow(value: object) -> str:
    """A value in YAML flow style that the loader reads back as the same data: text as a JSON
    string (a YAML double-quoted scalar), numbers exactly."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number(value)
    if isinstance(value, str):
        return value if _plain(value) else json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    if value is None:
        return "null"
    raise TypeError(f"cannot write a {type(value).__name__}")


#: words YAML 1.1 reads as something other than text
YAML_WORDS = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n"})


def _plain(text: str) -> bool:
    """An id, a key or a code that YAML reads back as the same text without quotes."""
    return bool(re.fullmatch(r"[a-z_][a-z0-9_-]*", text)) and text not in YAML_WORDS


def _key(key: object) -> str:
    if isinstance(key, int) or (isinstance(key, str) and _plain(key)):
        return str(key)
    return json.dumps(str(key), ensure_ascii=False)


def number(value: float) -> str:
    """A number as the loader reads it back exactly: 417000, 7.1, 1.8420 (three decimals would
    read as a thousands separator to a person, and the loader warns)."""
    if isinstance(value, int) or (float(value).is_integer() and abs(value) < 1e15):
        return str(int(value))
    text = repr(float(value))
    return text + "0" if re.fullmatch(r"-?\d+\.\d{3}", text) else text
