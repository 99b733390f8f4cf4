"""kpi's own export whose printed table the office changed (README "kpi's own exports come back
exactly"): the changed cells are read from the table, as always, and each one is now named —
the value read and the one the data kpi exported had — so that a table and its data that
disagree are never passed over silently. A pass over the rows once the import has made them
(``import_table._overlay``), not a part of it."""

from __future__ import annotations

from typing import Any

from ..messages import Num, Text
from .import_table import STATUSES, Skipped

#: the keys of a target row that a table's target cell shows
TARGET_KEYS = ("value", "range", "printed", "printed_en", "direction", "strict")


def _flat(entry: dict[str, Any]) -> dict[Any, Any]:
    """A series entry's values of every status by their key (a year: a number, or its text as
    JSON has it; a month's or a quarter's key too, never looked up)."""
    return {key: value for status in STATUSES if (values := entry.get(status)) for key, value in values.items()}


def said(entries: list, meta: dict[str, Any], rows) -> tuple[Skipped, ...]:
    """Each cell of an exported row whose value (or target) the table changed, with its row and
    column (placed as ``rows.skip`` places a cell) and the value read and the data's: to be said,
    not counted among the things to check."""
    start = len(rows.skipped)
    series = meta["actuals"]["series"]
    targets = {t["indicator"]: t for t in meta["targets"]["plans"][0]["targets"]}
    columns: dict[int, int] = {}
    for index, year, _status in rows.years:
        columns.setdefault(year, index)
    shown = [(year, str(year), column) for year, column in columns.items()]
    target_column = rows.by_role.get("target_printed", rows.by_role.get("target"))
    for e in entries:
        if e.exported is None or not e.row:
            continue
        before, after = _flat(series.get(e.id, {})), _flat(e.exported.series)
        for year, key, column in shown:
            old = before.get(key, before.get(year))
            if old is None:
                continue
            new = after.get(year, after.get(key))
            if old == new:
                continue
            what = Text("import.edited_value", year=year, read=Num(new) if new is not None else "-", data=Num(old))
            rows.skip(e.row - 1, column, what)
        row, was = e.exported.row, targets.get(e.id)
        if target_column is not None and row is not None and was is not None and any(row.get(k) != was.get(k) for k in TARGET_KEYS):
            rows.skip(e.row - 1, target_column, Text("import.edited_target", read=_target(row), data=_target(was)))
    told = tuple(rows.skipped[start:])
    del rows.skipped[start:]
    return told


def _target(row: dict[str, Any]) -> object:
    """A target row as a message shows it: its wording as printed, else its number or range."""
    if row.get("printed"):
        return repr(row["printed"])
    if "range" in row:
        return Text("import.edited_range", low=Num(row["range"][0]), high=Num(row["range"][1]))
    return Num(row["value"]) if "value" in row else "-"
