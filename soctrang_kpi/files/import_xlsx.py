"""The cells of an .xlsx workbook, sheet by sheet, as data only (openpyxl): a formula is never
evaluated (its text is kept, marked as a Formula, and reported); a merged range gives its text to
every cell it covers (a two-row header needs it); hidden rows, columns and sheets are marked;
the data `kpi export` keeps in its hidden sheet is returned as text."""

from __future__ import annotations

from pathlib import Path
from ..records import NamedTuple

from .. import embedded


class Formula(str):
    """A cell that holds a formula ("=B2*1,1"): reported by the importer, never run."""


class Estimated(float):
    """A number whose cell format marks it as an estimate (kpi's export writes ``0.00"*"``)."""


class Grid(NamedTuple):
    """One sheet or table as the importer reads it."""

    name: str  # the sheet's title, or the table's number
    rows: list[list[object]]
    hidden_rows: frozenset[int] = frozenset()  # indexes from 0
    hidden_columns: frozenset[int] = frozenset()
    above: list[str] | None = None  # a Word table: the paragraphs above it (a sheet: its rows above the header)
    below: tuple[str, ...] = ()  # a Word table: the paragraphs under it, up to the next table
    hidden: bool = False  # a hidden sheet


def grids(path: Path) -> tuple[list[Grid], str | None]:
    """Every sheet, and the text of kpi's own data when the workbook carries it."""
    from ..compat.ooxml import reading

    with reading(path, "xlsx"):
        from openpyxl import load_workbook

        # not read-only: merged ranges and hidden rows and columns are only known to a full load
        book = load_workbook(path, data_only=False)
    try:
        return _sheets(book)
    finally:
        book.close()


def _sheets(book) -> tuple[list[Grid], str | None]:
    from openpyxl.utils import column_index_from_string

    found: list[Grid] = []
    data = None
    for sheet in book.worksheets:
        rows = [[_value(cell) for cell in row] for row in sheet.iter_rows()]
        if sheet.title == embedded.SHEET and sheet.sheet_state != "visible":
            data = "".join(str(row[0]) for row in rows if row and isinstance(row[0], str))
            continue
        for merged in sheet.merged_cells.ranges:
            first = rows[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(rows) else None
            for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
                for c in range(merged.min_col - 1, min(merged.max_col, len(rows[r]))):
                    rows[r][c] = first
        hidden_rows = frozenset(r - 1 for r, d in sheet.row_dimensions.items() if d.hidden)
        hidden_columns = frozenset(
            c - 1
            for letter, d in sheet.column_dimensions.items() if d.hidden
            for c in range(d.min or column_index_from_string(letter), (d.max or column_index_from_string(letter)) + 1)
        )
        found.append(Grid(sheet.title, rows, hidden_rows, hidden_columns, hidden=sheet.sheet_state != "visible"))
    return found, data


def _value(cell) -> object:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", "") == "f" or (isinstance(value, str) and value.startswith("=")):
        return Formula(str(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool) and '"*"' in str(getattr(cell, "number_format", "") or ""):
        return Estimated(value)
    return value
