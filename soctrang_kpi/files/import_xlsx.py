"""The cells of an .xlsx workbook, sheet by sheet, as data only: openpyxl in read-only mode; a
formula is never evaluated (its text is kept, marked as a Formula, and reported)."""

from __future__ import annotations

from pathlib import Path


class Formula(str):
    """A cell that holds a formula ("=B2*1,1"): reported by the importer, never run."""


def grids(path: Path) -> list[tuple[str, list[list[object]]]]:
    """(sheet title, rows of cell values) of every sheet."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    try:
        found = []
        for sheet in book.worksheets:
            rows = []
            for row in sheet.iter_rows():
                rows.append([_value(cell) for cell in row])
            found.append((sheet.title, rows))
        return found
    finally:
        book.close()


def _value(cell) -> object:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", "") == "f" or (isinstance(value, str) and value.startswith("=")):
        return Formula(str(value))
    return value
