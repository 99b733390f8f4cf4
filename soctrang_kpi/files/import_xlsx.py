"""The cells of an .xlsx workbook, sheet by sheet, as data only: openpyxl in read-only mode; a
formula is never evaluated (its text is kept, marked as a Formula, and reported)."""

from __future__ import annotations

from pathlib import Path


class Formula(str):
    """A cell that holds a formula ("=B2*1,1"): reported by the importer, never run."""


class Estimated(float):
    """A number whose cell format marks it as an estimate (kpi's export writes ``0.00"*"``)."""


def grids(path: Path) -> list[tuple[str, list[list[object]]]]:
    """(sheet title, rows of cell values) of every sheet."""
    from ..compat.workbook import opened

    found = []
    with opened(path) as book:
        for sheet in book.worksheets:
            rows = []
            for row in sheet.iter_rows():
                rows.append([_value(cell) for cell in row])
            found.append((sheet.title, rows))
    return found


def _value(cell) -> object:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", "") == "f" or (isinstance(value, str) and value.startswith("=")):
        return Formula(str(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool) and '"*"' in str(getattr(cell, "number_format", "") or ""):
        return Estimated(value)
    return value


def title_rows(grid: list[list[object]], before: int) -> list[str]:
    """The texts of the rows above a sheet's header (its title)."""
    return [" ".join(str(c) for c in row if c is not None and str(c).strip()) for row in grid[:before]]
