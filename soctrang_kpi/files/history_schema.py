"""The schema of a value's provenance and history in actuals.yaml (README "History of a value").

Beside ``notes:``, a series (and its ``ytd:``) may hold ``sources:`` (who gave each value, on
which document), ``recorded:`` (the day it was recorded) and ``history:`` (the values later
ones replaced, oldest first, each ``{value, status, recorded, source, note}``). Each is keyed by
the year or period of a value the series has; ``kpi record`` writes all three.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .checks import Checks, KeyPath, describe
from ..core.calc import index_to_rate
from ..core.model import Period, PeriodPoint, Point, PointStatus, Version
from ..messages import Num, Text

#: the keys of a series (and of its ``ytd:``) this module reads
KEYS = ("sources", "recorded", "history")
#: the keys of one earlier version under ``history:``
VERSION_KEYS = ("value", "status", "recorded", "source", "note")
_DAY = r"\d{4}-\d{2}-\d{2}"

History = dict[str, dict["int | Period", tuple[Version, ...]]]


def day(c: Checks, value: object, path: KeyPath, ident: str, fld: str, recorded: bool = False) -> date | None:
    """A day as YAML writes one, ``2024-03-15``; a day a value was ``recorded`` is not after
    today (a value cannot be known before it is recorded: --as-known-on would disagree with the
    plain table). Only the error depends on the day it is checked: the cache of checked
    data (files/cache.py) keys its entries on the day, so a check made on another day (or in
    another time zone) is never served."""
    from .targets_schema import YEARS

    text = value if isinstance(value, str) else None
    found = None
    if text is not None and re.fullmatch(_DAY, text.strip()):
        try:
            found = date.fromisoformat(text.strip())
        except ValueError:
            found = None
    if found is None or found.year not in YEARS:
        c.add(path, Text("history.day", found=describe(value)), ident, fld)
        return None
    if recorded and found > date.today():
        c.add(path, Text("history.day_future", day=found.isoformat(), today=date.today().isoformat()), ident, fld)
        return None
    return found


def provenance(
    c: Checks, entry: dict, path: KeyPath, ident: str, found: tuple[Point, ...], parts: tuple[PeriodPoint, ...],
    history: History, ytd: bool = False, as_index: bool = False,
) -> tuple[tuple[Point, ...], tuple[PeriodPoint, ...]]:
    """The series' values with their sources and days; their earlier versions go to ``history``.
    Under ``ytd:`` (``ytd``) the keys are the months a lũy kế runs to."""
    years = {p.year: p for p in found}
    periods = {p.period: p for p in parts if p.period.ytd == ytd}
    sources: dict[Any, Any] = {}
    days: dict[Any, Any] = {}
    checks: tuple[tuple[str, Any, dict[Any, Any]], ...] = (("sources", _text, sources), ("recorded", _recorded, days))
    for name, check, into in checks:
        if name not in entry:
            continue
        for key, raw in (c.mapping(entry[name], path + (name,), "what.by_year", ident, name) or {}).items():
            when = _when(c, key, path + (name, key), ident, ytd, f"{name}.{key}", years, periods)
            value = check(c, raw, path + (name, key), ident, f"{name}.{key}")
            if when is not None and value is not None:
                into[when] = value
    if "history" in entry:
        mine = history.setdefault(ident, {})
        for key, raw in (c.mapping(entry["history"], path + ("history",), "what.by_year", ident, "history") or {}).items():
            here = path + ("history", key)
            when = _when(c, key, here, ident, ytd, f"history.{key}", years, periods)
            listed = c.sequence(raw, here, "what.versions", ident, f"history.{key}")
            if when is None or listed is None:
                continue
            kept = [v for i, item in enumerate(listed) if (v := version(c, item, here + (i,), ident, f"history.{key}", as_index)) is not None]
            if kept:
                mine[when] = tuple(kept)
            now = days.get(when)
            if now is not None and any(v.recorded is not None and v.recorded > now for v in kept):
                # --as-known-on would take that version over the value itself: say so
                c.add(here, Text("history.after_current", day=now.isoformat()), ident, f"history.{key}", warning=True)
        if not mine:
            history.pop(ident, None)
    return (
        found if ytd else tuple(p._replace(source=sources.get(p.year, ""), recorded=days.get(p.year)) for p in found),
        tuple(
            p._replace(source=sources.get(p.period, p.source), recorded=days.get(p.period, p.recorded)) if p.period.ytd == ytd else p
            for p in parts
        ),
    )


def _recorded(c: Checks, value: object, path: KeyPath, ident: str, fld: str) -> date | None:
    return day(c, value, path, ident, fld, recorded=True)


def _text(c: Checks, value: object, path: KeyPath, ident: str, fld: str) -> str | None:
    return c.text(value, path, ident, fld)


def _when(
    c: Checks, key: object, path: KeyPath, ident: str, ytd: bool, fld: str, years: dict[int, Point], periods: dict[Period, PeriodPoint]
) -> int | Period | None:
    """The year or period a key names, which must have a value."""
    from . import actuals_schema
    from ..core.periods import looks_like_period

    if ytd or looks_like_period(key):
        period = actuals_schema.period_key(c, key, path, ident, ytd, fld)
        if period is None:
            return None
        if period not in periods:
            c.add(path, Text("history.no_value", when=Text("period.ytd" if ytd else "period.plain", key=period.key)), ident, fld)
            return None
        return period
    year = actuals_schema.year(c, key, path, ident)
    if year is None:
        return None
    if year not in years:
        c.add(path, Text("history.no_value", when=year), ident, fld)
        return None
    return year


def version(c: Checks, value: object, path: KeyPath, ident: str, fld: str, as_index: bool = False) -> Version | None:
    """``{value: 8.1, status: estimate, recorded: 2023-11-20, source: "…", note: "…"}``."""
    entry = c.mapping(value, path, "what.version", ident, fld)
    if entry is None:
        return None
    c.keys(entry, path, VERSION_KEYS, ident, ("value", "status"))
    number = c.number(entry.get("value"), path + ("value",), ident, fld) if "value" in entry else None
    status = c.choice(entry.get("status"), path + ("status",), PointStatus, ident, fld) if "status" in entry else None
    recorded = _recorded(c, entry["recorded"], path + ("recorded",), ident, fld) if "recorded" in entry else None
    texts = {key: c.text(entry[key], path + (key,), ident, fld) or "" for key in ("source", "note") if key in entry}
    if number is None or status is None:
        return None
    if as_index:
        if number <= 0:
            c.add(path + ("value",), Text("actuals.index_not_positive", found=Num(number)), ident, fld)
            return None
        number = index_to_rate(number)
    return Version(number, status, recorded, **texts)
