"""openpyxl: reading a workbook's cells as data, never running a formula.

What kpi relies on: ``load_workbook(path, read_only=True, data_only=False)`` gives each formula
cell's text with ``data_type == "f"``, keeps a cell's ``number_format``, and lists ``worksheets``
with their ``title``; ``close()`` frees the file (pinned by the importer's tests,
``tests/files/test_import*.py``: a formula reported, not run; an estimate's number format); the
rows are read by openpyxl's own sheet parser (3.1.0 and later: its private ``WorkSheetParser``,
``_cast_number`` and the workbook's date and duration formats), with a short way for plain cells
that ``tests/compat/test_workbook.py`` holds to openpyxl's reading, cell kind by cell kind. A
file that is not a workbook raises ``ooxml.Unreadable`` (see ``ooxml.reading``).
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
        book = self.book
        with self.sheet._get_source() as source:
            self._parser = _parser()(
                source, self.sheet._shared_strings, data_only=False, epoch=book.epoch,
                date_formats=book._date_formats, timedelta_formats=book._timedelta_formats,
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


def _parser() -> Any:
    """openpyxl's WorkSheetParser, with its ``parse_cell`` taking a short way for the cells most
    sheets are made of, and openpyxl's own for every other: a cell of an A1 reference without a
    formula that is empty, or a number (of a style that is not a date's) or a shared string in
    one ``<v>``, or an inline string of one plain ``<t>`` (kpi's export writes its text so). The
    short way gives what openpyxl's gives (the same dict, the same values: its ``_cast_number``,
    its shared strings, an inline string's text as ``Text.content`` makes it, "" for an empty
    one); it skips the look-ups of a formula, the parse of the reference and the objects openpyxl
    makes of an inline string. tests/compat/test_workbook.py reads cells of every kind both ways.
    parse_cell was 3,2 of 16,5 s of importing 10.000 rows under a profiler (its inline strings
    1,5 s), where the floor (benchmarks/floors/xlsx_read.py) runs it too."""
    global _FAST_PARSER
    if _FAST_PARSER is not None:
        return _FAST_PARSER
    from openpyxl.utils import column_index_from_string
    from openpyxl.worksheet._reader import INLINE_STRING, VALUE_TAG, WorkSheetParser, _cast_number
    from openpyxl.xml.constants import SHEET_MAIN_NS

    text_tag = "{%s}t" % SHEET_MAIN_NS
    columns: dict[str, int] = {}

    class FastParser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            coordinate = element.get("r")
            if coordinate and len(element) <= 1:
                letters = coordinate.rstrip(_DIGITS)
                column = columns.get(letters)
                if column is None and 0 < len(letters) <= 3 and letters.isascii() and letters.isupper() and letters.isalpha():
                    column = columns[letters] = column_index_from_string(letters)
                if column is not None:
                    data_type = element.get("t", "n")
                    value = None
                    if len(element):
                        child = element[0]
                        if child.tag == VALUE_TAG and (data_type == "n" or data_type == "s"):
                            value = child.text or None
                        elif child.tag == INLINE_STRING and data_type == "inlineStr" and not child.attrib and len(child) == 1 and child[0].tag == text_tag:
                            value, data_type = child[0].text, "s"
                            if value is None:
                                value = ""
                        else:
                            return super().parse_cell(element)
                    style_id = element.get("s", 0)
                    if style_id:
                        style_id = int(style_id)
                    if value is not None and child.tag == VALUE_TAG:
                        if data_type == "s":
                            value = self.shared_strings[int(value)]
                        elif style_id in self.date_formats:
                            return super().parse_cell(element)  # a date: openpyxl's way
                        else:
                            value = _cast_number(value)
                    self.col_counter = column
                    return {"row": int(coordinate[len(letters):]), "column": column, "value": value, "data_type": data_type, "style_id": style_id}
            return super().parse_cell(element)

    _FAST_PARSER = FastParser
    return FastParser


_FAST_PARSER: Any = None
_DIGITS = "0123456789"


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
