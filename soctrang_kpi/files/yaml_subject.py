"""Which indicator and field a place in a data file is about, from the path to it alone.

A problem found while the file is read — a duplicate key, a tag or a merge key the reader refuses
— is met before any check knows the file's records, yet must be said as every other problem is:
``actuals.yaml:21:5: income actual: duplicate key 'actual'``. The path (keys and list indices
from the top) and the document as far as it was read are enough: the tables below say, for each
file, where an indicator's block starts and what names it.
"""

from __future__ import annotations

from .actuals_schema import STATUS_NAMES
from .yamlio import Index

#: targets.yaml: (path prefix, with None for a list index; the key of the entry that names it)
#: — the longest prefix that matches decides; the rest of the path is the field
TARGETS: tuple[tuple[tuple[str | None, ...], str], ...] = (
    (("plans", None, "targets", None), "indicator"),  # a target row: its indicator
    (("indicators", None), "id"),
    (("plans", None), "id"),  # a plan's own keys: the plan, as its other problems name it
    (("areas", None), "id"),
)

#: actuals.yaml: the path prefixes whose last key is an indicator's id
ACTUALS: tuple[tuple[str | None, ...], ...] = (("series", None), ("areas", None, None))


def _matches(path: tuple, prefix: tuple) -> bool:
    return len(path) >= len(prefix) and all(p is None or p == step for p, step in zip(prefix, path))


def _at(data: object, path: tuple) -> object:
    for step in path:
        if isinstance(data, dict):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            return None
    return data


def _field(rest: tuple) -> str:
    """The field as the checks name it: "notes.2025", "ytd.2026-03"; a year under ``actual:``
    (or another status) by itself, "2025", and ``ytd: {actual: {2026-03: …}}`` "ytd.2026-03", as
    a value's own problems name it."""
    listed = next((i for i, step in enumerate(rest) if isinstance(step, Index)), len(rest))
    rest = rest[:listed]  # a field is named by keys: not "2023.0.0", but the key of the list
    kept = [step for i, step in enumerate(rest) if not (step in STATUS_NAMES and i < len(rest) - 1)]
    return ".".join(str(step) for step in kept)


def in_targets(data: object, path: tuple) -> tuple[str, str]:
    """(indicator, field) of a place in targets.yaml ("" where there is none)."""
    for prefix, key in TARGETS:
        if _matches(path, prefix):
            entry = _at(data, path[: len(prefix)])
            name = entry.get(key) if isinstance(entry, dict) else None
            return (str(name) if isinstance(name, (str, int)) else ""), _field(path[len(prefix):])
    return "", _field(path)


def in_actuals(data: object, path: tuple) -> tuple[str, str]:
    """(indicator, field) of a place in actuals.yaml: under ``series:`` (or an area's series) its
    key is the indicator."""
    for prefix in ACTUALS:
        if _matches(path, prefix):
            return str(path[len(prefix) - 1]), _field(path[len(prefix):])
    return "", _field(path)
