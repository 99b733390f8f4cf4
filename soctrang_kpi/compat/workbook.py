"""openpyxl: reading a workbook's cells as data, never running a formula.

What kpi relies on (pinned by ``tests/compat/test_workbook.py``): ``load_workbook(path,
read_only=True, data_only=False)`` gives each formula cell's text with ``data_type == "f"``, keeps
a cell's ``number_format``, and lists ``worksheets`` with their ``title``; ``close()`` frees the
file. A file that is not a workbook raises ``ooxml.Unreadable`` (see ``ooxml.reading``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .ooxml import reading


@contextmanager
def opened(path: Path) -> Iterator[Any]:
    """The workbook at ``path``, read-only, formulas as text; ``Unreadable`` if it is not one."""
    with reading(path, "xlsx"):
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=False)
        try:
            yield book
        finally:
            book.close()


class Parsed:
    """One sheet of a workbook ``opened`` read-only, as openpyxl's streaming parser reads it: in
    the same pass a full load makes (``load_workbook`` without ``read_only`` binds this parser's
    output to a Cell object per cell, every cell of the rectangle: five times the time and memory
    of the read-only pass at 10.000 rows), but without the Cell objects, and keeping what only a
    full load otherwise knows: the merged ranges and the hidden rows and columns.

    ``rows()`` gives (row number, cells) with each cell a dict of ``column`` (from 1), ``value``
    (a formula's text, "=B1*2", with ``data_type`` "f") and ``style_id``; once it has run,
    ``merged``, ``hidden_rows`` and ``hidden_columns`` say the rest."""

    def __init__(self, book: Any, sheet: Any) -> None:
        self.book, self.sheet = book, sheet
        self._parser: Any = None

    def rows(self) -> Iterator[tuple[int, list[dict[str, Any]]]]:
        from openpyxl.worksheet._reader import WorkSheetParser

        book = self.book
        # openpyxl 3.0 (our lower bound) knows no duration formats: its parser takes none
        durations = {"timedelta_formats": book._timedelta_formats} if hasattr(book, "_timedelta_formats") else {}
        with self.sheet._get_source() as source:
            self._parser = WorkSheetParser(
                source, self.sheet._shared_strings, data_only=False, epoch=book.epoch,
                date_formats=book._date_formats, **durations,
            )
            yield from self._parser.parse()

    def merged(self) -> list[tuple[int, int, int, int]]:
        """(first row, first column, last row, last column) of each merged range, from 1."""
        from openpyxl.utils import range_boundaries

        ranges = getattr(self._parser, "merged_cells", None)
        found = []
        for merge in getattr(ranges, "mergeCell", None) or ():
            min_col, min_row, max_col, max_row = range_boundaries(merge.ref)
            found.append((min_row, min_col, max_row or min_row, max_col or min_col))
        return found

    def hidden_rows(self) -> set[int]:
        """Numbers (from 1) of the rows marked hidden."""
        return {int(r) for r, attrs in self._parser.row_dimensions.items() if _true(attrs.get("hidden"))}

    def hidden_columns(self) -> list[tuple[int, int]]:
        """(first, last) column numbers (from 1) of each run of columns marked hidden."""
        from openpyxl.utils import column_index_from_string

        found = []
        for letter, attrs in self._parser.column_dimensions.items():
            if _true(attrs.get("hidden")):
                first = int(attrs.get("min") or column_index_from_string(letter))
                found.append((first, int(attrs.get("max") or first)))
        return found


def styles_with_format(book: Any, mark: str) -> frozenset[int]:
    """The style ids of a read-only workbook whose number format contains ``mark`` ('"*"')."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    found = set()
    for style_id, style in enumerate(book._cell_styles):
        number = style.numFmtId
        if number < BUILTIN_FORMATS_MAX_SIZE:
            text = BUILTIN_FORMATS.get(number, "General")
        else:
            text = book._number_formats[number - BUILTIN_FORMATS_MAX_SIZE]
        if mark in str(text or ""):
            found.add(style_id)
    return frozenset(found)


def _true(attribute: str | None) -> bool:
    """An XML boolean as openpyxl's full load reads it (descriptors.Bool): any text but "false",
    "f", "0" or none."""
    return bool(attribute) and attribute not in ("false", "f", "0")
