"""What was known when: the versions of a value, and the data as it stood on a day.

A value replaced by ``kpi record --force`` is kept as a ``Version`` (README "History of a
value"): its value, status, the day it was recorded, its source and note. ``as_known_on(dataset,
day)`` gives the dataset as it stood on ``day``: for every year and period the latest version
recorded on or before that day (a version the file gives no day for counts as known on any day),
and no value where none was recorded yet. Nothing here does I/O.
"""

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from .model import Dataset, Period, PeriodPoint, Point, Version


def versions(point: Point | PeriodPoint, earlier: tuple[Version, ...]) -> tuple[Version, ...]:
    """Every version of a value, oldest first: those it replaced, then itself."""
    return earlier + (Version(point.value, point.status, point.recorded, point.source, point.note),)


def known_on(found: tuple[Version, ...], day: date) -> int | None:
    """The index of the version known on ``day``: the latest recorded on or before it (by its
    day; of versions of the same day, or without one, the later in the list); None when every
    version was recorded after ``day``."""
    best: int | None = None
    best_key: tuple[date, int] | None = None
    for i, version in enumerate(found):
        recorded = version.recorded or date.min
        if recorded > day:
            continue
        key = (recorded, i)
        if best_key is None or key > best_key:
            best, best_key = i, key
    return best


_Value = TypeVar("_Value", Point, PeriodPoint)


def _known(
    dataset: Dataset, values: dict[str, tuple[_Value, ...]], key_of: Callable[[_Value], int | Period], day: date,
    history: dict[str, dict[int | Period, tuple[Version, ...]]],
) -> dict[str, tuple[_Value, ...]]:
    """Each indicator's values (a year's, or a period's) as known on ``day``: the version known
    then, a value recorded only later left out."""
    known: dict[str, tuple[_Value, ...]] = {}
    for ident, points in values.items():
        kept: list[_Value] = []
        for p in points:
            picked = _picked(dataset, ident, key_of(p), p, day, history)
            if picked is not None:
                kept.append(p._replace(value=picked.value, status=picked.status, recorded=picked.recorded, source=picked.source, note=picked.note))
        if kept:
            known[ident] = tuple(kept)
    return known


def as_known_on(dataset: Dataset, day: date) -> Dataset:
    """``dataset`` as it stood on ``day``: each value the version known then (its history the
    versions known then before it), a value recorded only later left out. Applying it twice
    gives the earlier day's data."""
    history: dict[str, dict[int | Period, tuple[Version, ...]]] = {}
    series = _known(dataset, dataset.series, lambda p: p.year, day, history)
    periods = _known(dataset, dataset.periods, lambda q: q.period, day, history)
    day = day if dataset.known_on is None else min(day, dataset.known_on)
    return dataset._replace(series=series, periods=periods, history=history, known_on=day)


def _picked(
    dataset: Dataset, ident: str, when: "int | Period", point: Point | PeriodPoint, day: date,
    history: dict[str, dict["int | Period", tuple[Version, ...]]],
) -> Version | None:
    found = versions(point, dataset.history.get(ident, {}).get(when, ()))
    index = known_on(found, day)
    if index is None:
        return None
    # the other versions known that day: all recorded before the one picked (it is the latest)
    before = tuple(v for i, v in enumerate(found) if i != index and (v.recorded or date.min) <= day)
    if before:
        history.setdefault(ident, {})[when] = before
    return found[index]


def provenance(point: Point | PeriodPoint | Version) -> str:
    """Where a value comes from, as the Nguồn column prints it: its source, then its note."""
    return "; ".join(text for text in (point.source, point.note) if text)
