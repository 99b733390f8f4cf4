"""A value's provenance and history as the plain data of actuals.yaml (the inverse of
history_schema): what `kpi export` carries in its documents for `kpi import` to give back."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..core.model import Period, PeriodPoint, Point, PointStatus, Version

Data = dict[str, Any]


def version_data(version: Version) -> Data:
    found: Data = {"value": version.value, "status": version.status.value}
    if version.recorded is not None:
        found["recorded"] = version.recorded.isoformat()
    for key in ("source", "note"):
        if getattr(version, key):
            found[key] = getattr(version, key)
    return found


def _into(found: Data, key: int | str, point: Point | PeriodPoint, earlier: tuple[Version, ...]) -> None:
    if point.source:
        found.setdefault("sources", {})[key] = point.source
    if point.recorded is not None:
        found.setdefault("recorded", {})[key] = point.recorded.isoformat()
    if earlier:
        found.setdefault("history", {})[key] = [version_data(v) for v in earlier]


def with_provenance(
    found: Data, points: tuple[Point, ...], periods: tuple[PeriodPoint, ...], history: dict[int | Period, tuple[Version, ...]], as_of: int | None
) -> Data:
    """``found`` (a series' values by status) with the sources, days and history of the values it
    holds; a lũy kế's under its ``ytd``."""
    for p in points:
        if as_of is None or p.year <= as_of or p.status is PointStatus.PLAN:  # the values series_data keeps
            _into(found, p.year, p, history.get(p.year, ()))
    for q in periods:
        if as_of is not None and q.period.year > as_of:
            continue
        if q.period.ytd:
            _into(found.setdefault("ytd", {}), q.period.key, q, history.get(q.period, ()))
        else:
            _into(found, q.period.key, q, history.get(q.period, ()))
    return found


def versions_in(text: str) -> Counter:
    """The earlier versions an actuals.yaml holds (under ``history:`` and ``ytd: history:``, of
    ``series:`` and of each area under ``areas:``), each as (indicator — ``area/indicator`` for
    an area's —, year or period, the version as written); a file that cannot be read as YAML
    holds one unknown version if it has a ``history:`` key at all."""
    import re

    from . import yamlio
    from ..errors import DataError

    found: Counter = Counter()
    try:
        data, _problems = yamlio.parse("actuals.yaml", yamlio.normalize(text))
    except DataError:
        if re.search(r"(?m)^\s*history\s*:", text):
            found[("?", "?", "?")] += 1
        return found
    series = data.get("series") if isinstance(data, dict) else None
    areas = data.get("areas") if isinstance(data, dict) else None
    held = [("", series)] + [(f"{area}/", entries) for area, entries in (areas.items() if isinstance(areas, dict) else ())]
    for prefix, entries in held:  # the territory's series, then each area's (README "Territory")
        for ident, entry in (entries.items() if isinstance(entries, dict) else ()):
            for holder in (entry, entry.get("ytd") if isinstance(entry, dict) else None):
                history = holder.get("history") if isinstance(holder, dict) else None
                for when, listed in (history.items() if isinstance(history, dict) else ()):
                    for version in (listed if isinstance(listed, list) else [listed]):
                        found[(f"{prefix}{ident}", str(when), _canonical(version))] += 1
    return found


def _canonical(version: object) -> str:
    """A version as compared between two files: numbers as numbers (7 is 7.0), the rest as text."""
    if not isinstance(version, dict):
        return repr(version)
    return repr(sorted((str(k), float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v)) for k, v in version.items()))
