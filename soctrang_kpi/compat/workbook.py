"""openpyxl: reading a workbook's cells as data, never running a formula.

What kpi relies on: ``load_workbook(path, read_only=True, data_only=False)`` (its
``ExcelReader``, whose ``parser.find_sheets()`` and ``valid_files`` say a sheet listed in the
workbook whose part is missing, which openpyxl passes over) gives each formula
cell's text with ``data_type == "f"``, keeps a cell's ``number_format``, and lists ``worksheets``
with their ``title``; ``close()`` frees the file (pinned by the importer's tests,
``tests/files/test_import*.py``: a formula reported, not run; an estimate's number format); the
rows are read by openpyxl's own sheet parser (3.1.0 and later: its private ``WorkSheetParser``,
``_cast_number`` and the workbook's date and duration formats), with a short way for plain cells
that ``tests/compat/test_workbook.py`` holds to openpyxl's reading, cell kind by cell kind. A
file that is not a workbook raises ``ooxml.Unreadable`` (see ``ooxml.reading``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import Any

from .ooxml import Unreadable, reading


@contextmanager
def opened(path: Path) -> Iterator[Any]:
    """The workbook at ``path``, read-only, formulas as text; ``Unreadable`` if it is not one."""
    with reading(path, "xlsx"):
        from openpyxl.reader.excel import ExcelReader

        # load_workbook's own reader (it is ``ExcelReader(...).read().wb``), kept to see the sheets
        # the workbook lists: openpyxl passes over a sheet whose part is missing from the package
        reader = ExcelReader(path, read_only=True, data_only=False)
        reader.read()
        book = reader.wb
        try:
            missing = next((rel.target for _sheet, rel in reader.parser.find_sheets() if rel.target not in reader.valid_files), None)
            if missing is not None:  # a sheet listed, its part removed (kpi's hidden data sheet): refused, named
                raise Unreadable("import.why.missing_part", part=repr(str(missing).lstrip("/")))
            yield book
        finally:
            book.close()


class Parsed:
    """One sheet of a workbook ``opened`` read-only, as openpyxl's streaming parser reads it: in
    the same pass a full load makes (``load_workbook`` without ``read_only`` binds this parser's
    output to a Cell object per cell, every cell of the rectangle: five times the time and memory
    of the read-only pass at 10.000 rows), but without the Cell objects, and keeping what only a
    full load otherwise knows: the merged ranges and the hidden rows and columns.

    ``rows()`` gives (row number, cells) with each cell a plain tuple (``Cell``: column from 1,
    value — a formula's text, "=B1*2", with data type "f" — data type, style id: what openpyxl's
    dict of the cell says but its row); once it has run, ``merged``, ``hidden_rows`` and
    ``hidden_columns`` say the rest."""

    def __init__(self, book: Any, sheet: Any) -> None:
        self.book, self.sheet = book, sheet
        self._parser: Any = None

    def rows(self) -> Iterator[tuple[int, list[Cell]]]:
        book = self.book
        with self.sheet._get_source() as source:
            self._parser = _parser()(
                source, self.sheet._shared_strings, data_only=False, epoch=book.epoch,
                date_formats=book._date_formats, timedelta_formats=book._timedelta_formats,
            )
            for number, cells in self._parser.parse():
                if cells and cells[0].__class__ is dict:  # openpyxl's own parse: its dicts as tuples
                    cells = [(c["column"], c["value"], c["data_type"], c["style_id"]) for c in cells]
                yield number, cells

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

        def parse(self) -> Iterator[tuple[int, list[Any]]]:
            """The rows, the plain ones scanned (``_Scan``: their cells tuples), from the first other
            one on openpyxl's (dicts)."""
            scan = _Scan(self, self.source)
            yield from scan.rows()
            self.source: Any = scan.rest()  # the sheet without the rows scanned: its other parts, any row left
            yield from super().parse()

    _FAST_PARSER = FastParser
    return FastParser


_FAST_PARSER: Any = None
#: a cell as ``Parsed.rows`` gives it: (column from 1, value, data type, style id)
Cell = tuple[int, Any, str, int]
_DIGITS = "0123456789"

#: a row as openpyxl and kpi's export write it: its number first, then plain attributes
_ROW = re.compile(rb'<row r="(\d+)"((?: [A-Za-z]+="[^"<&\t\n\r]*")*)(/?)>')
_ATTRIBUTE = re.compile(rb' ([A-Za-z]+)="([^"]*)"')
#: a plain cell: its reference, style and type in that order; empty, one <v>, or an inline
#: string of one plain <t>. The groups: the whole cell, column letters, row, style, type, the
#: <v> text and its end tag, the <t> text and its end tag (findall gives "" for a group not met)
_CELL = re.compile(
    rb'(<c r="([A-Z]{1,3})(\d+)"(?: s="(\d+)")?(?: t="([A-Za-z]+)")?'
    rb'(?:/>|></c>|><v>([^<]*)(</v>)</c>|><is><t>([^<]*)(</t>)</is></c>))'
)
#: what an XML parser refuses in text (a control character, U+FFFE, U+FFFF, "]]>"), or changes
#: ("\r\n" read as "\n"): rows from there on are openpyxl's to read or refuse. The bytes are
#: found by translate and find: a regular expression of them tried every position, 3,5 of the
#: 18,6 billion instructions of importing a 10.000-row export (callgrind)
_NOT_PLAIN_BYTES = bytes(0 if b < 32 and b not in (9, 10) else 1 for b in range(256))
_NOT_PLAIN_RUNS = (b"\xef\xbf\xbe", b"\xef\xbf\xbf", b"]]>")


def _plain_until(buffer: bytes) -> int:
    """Where the first byte an XML parser refuses or changes is, or the buffer's length."""
    found = [buffer.translate(_NOT_PLAIN_BYTES).find(b"\x00"), *(buffer.find(run) for run in _NOT_PLAIN_RUNS)]
    return min([at for at in found if at >= 0], default=len(buffer))


_DECLARATION = re.compile(rb'<\?xml[^>]*?encoding=["\']([^"\']*)["\']')
_whole = itemgetter(0)
_CHUNK = 1 << 22  # bytes of the sheet read at a time (its rows scanned, the rest kept)


class _Scan:
    """The rows of a sheet's XML read with two regular expressions, not an XML parser, while they
    are plain: each row ``<row r="7" …>`` of plain cells (``_CELL``) whose references name the
    row; a cell of any other value (a date, a boolean, a text with "&amp;") made an element
    of and given to the parser's ``parse_cell``. The first row that is not plain, and everything
    after it, is openpyxl's (``rest``), so a sheet of any other form reads as before. Only when the
    part is UTF-8, without a DOCTYPE or comment before its rows, and its ``<sheetData>`` is in
    the spreadsheet namespace (expat reads the part up to it).

    Why, measured (processor time, a loaded machine): openpyxl's iterparse makes an element of
    each of the 1,7 million cells of a 100.000-row export; reading its sheet took 11,0 s that way,
    3,4 s scanned; importing it, paired with the floor (openpyxl's read-only pass,
    benchmarks/floors/xlsx_read.py) three times, 1,78 / 2,28 / 1,99 × it before, 1,46 / 1,78 /
    1,64 after, the files written byte for byte the same; 10.000 rows under callgrind, 18,05
    billion instructions before, 15,91 after."""

    def __init__(self, parser: Any, source: Any) -> None:
        self.parser, self.source = parser, source
        self.buffer = source.read(_CHUNK)
        self.head = b""  # the part up to and including <sheetData>, once the rows are scanned
        self.pos = 0

    def rows(self) -> Iterator[tuple[int, list[Cell]]]:
        buffer = self.buffer
        start = buffer.find(b"<sheetData>")
        if start < 0 or not _plain_head(buffer[: start + 11]):
            return
        self.head, buffer = buffer[: start + 11], buffer[start + 11 :]
        parser = self.parser
        from openpyxl.utils import column_index_from_string
        from openpyxl.worksheet._reader import _cast_number

        shared, dates = parser.shared_strings, parser.date_formats
        columns: dict[bytes, int] = {}
        styles: dict[bytes, int] = {b"": 0}
        ended = False
        pos = 0
        limit = -1
        while True:
            if not ended and len(buffer) - pos < _CHUNK // 2:
                more = self.source.read(_CHUNK)
                ended = not more
                buffer = buffer[pos:] + more
                pos, limit = 0, -1
            if limit < 0:  # once a buffer: where its plain text ends
                limit = _plain_until(buffer)
            self.buffer, self.pos = buffer, pos
            row = _ROW.match(buffer, pos, limit)
            if row is None:
                return
            if row[3]:
                end = body_end = row.end()
            else:
                body_end = buffer.find(b"</row>", row.end(), limit)
                if body_end < 0:
                    if ended or len(buffer) - pos >= _CHUNK // 2:
                        return  # a row longer than half a chunk: openpyxl's
                    continue
                end = body_end + 6
            found = _CELL.findall(buffer, row.end(), body_end)
            if sum(map(len, map(_whole, found))) != body_end - row.end():
                return  # something else than plain cells in the row
            number = row[1]
            row_number = int(number)
            # the row's attributes before its cells, as an XML parser reads them
            attributes = {"r": number.decode()}
            if row[2]:
                pairs = _ATTRIBUTE.findall(row[2])
                try:
                    attributes.update((k.decode(), v.decode()) for k, v in pairs)
                except UnicodeDecodeError:
                    return
                if len(attributes) != len(pairs) + 1:
                    return  # an attribute twice: openpyxl's parser refuses the part
            # each cell a tuple, not openpyxl's dict of five keys (Parsed.rows): the 1,7 million
            # cells of a 100.000-row export made and read as dicts were a fifth of reading its sheet
            cells: list[Cell] = []
            column = 0
            for whole, letters, at, style, kind, value, v_end, text, t_end in found:
                if at != number:
                    return  # a cell of another row, by its reference
                known = columns.get(letters)
                if known is None:
                    known = columns[letters] = column_index_from_string(letters.decode())
                column = known
                style_id = styles.get(style)
                if style_id is None:
                    style_id = styles[style] = int(style)
                try:
                    if v_end:
                        if b"&" in value:
                            raise _Other
                        if not kind or kind == b"n":
                            if value and style_id in dates:
                                raise _Other
                            try:  # _cast_number's rule, on the bytes (int and float read them as the text)
                                number_value = (float(value) if b"." in value or b"E" in value or b"e" in value else int(value)) if value else None
                            except ValueError:  # openpyxl's error, in its words
                                number_value = _cast_number(value.decode())
                            cells.append((column, number_value, "n", style_id))
                        elif kind == b"s":
                            cells.append((column, shared[int(value)] if value else None, "s", style_id))
                        else:
                            raise _Other
                    elif t_end:
                        if kind != b"inlineStr" or b"&" in text:
                            raise _Other
                        cells.append((column, text.decode(), "s", style_id))
                    else:
                        cells.append((column, None, kind.decode() if kind else "n", style_id))
                except (_Other, UnicodeDecodeError):
                    # a date, a boolean, an entity, bytes that are no UTF-8: openpyxl's, from its element
                    made = self._element(whole)
                    cells.append((made["column"], made["value"], made["data_type"], made["style_id"]))
            if found:
                parser.col_counter = column
            parser.row_counter = row_number
            if len(attributes) > 1 and set(attributes) - {"r", "spans"}:
                parser.row_dimensions[str(row_number)] = attributes
            pos = end
            self.buffer, self.pos = buffer, pos
            yield row_number, cells

    def _element(self, whole: bytes) -> dict[str, Any]:
        """A cell of another value read by openpyxl, from its element."""
        from xml.etree.ElementTree import XML

        from openpyxl.xml.constants import SHEET_MAIN_NS

        return self.parser.parse_cell(XML(b'<x xmlns="%s">%s</x>' % (SHEET_MAIN_NS.encode(), whole))[0])

    def rest(self) -> Any:
        """The part without the rows scanned, to read from its start."""
        return _Joined(self.head, self.buffer[self.pos :], self.source)


class _Other(Exception):
    """A cell the scan leaves to openpyxl's parse_cell."""


class _Joined:
    """Bytes, then more bytes, then a file: read as one file."""

    def __init__(self, *parts: Any) -> None:
        self.parts = [p for p in parts if not isinstance(p, bytes) or p]
        self.at = 0

    def read(self, size: int = -1) -> bytes:
        while self.parts:
            part = self.parts[0]
            if isinstance(part, bytes):
                if size is None or size < 0 or self.at + size >= len(part):
                    self.parts.pop(0)
                    taken, self.at = part[self.at :], 0
                    return taken
                taken = part[self.at : self.at + size]
                self.at += size
                return taken
            data = part.read(size)
            if data:
                return data
            self.parts.pop(0)
        return b""


def _plain_head(head: bytes) -> bool:
    """Whether the part up to its ``<sheetData>`` is UTF-8, has no DOCTYPE, comment or CDATA
    (an entity, a "<row" in a comment), and opens ``<sheetData>`` in the spreadsheet namespace."""
    from xml.etree.ElementTree import ParseError, XMLPullParser

    from openpyxl.xml.constants import SHEET_MAIN_NS

    if b"<!" in head or head.count(b"<?") > (1 if head.startswith(b"<?xml ") else 0):
        return False
    declared = _DECLARATION.match(head)
    if declared is not None and declared[1].lower() not in (b"utf-8", b"utf8"):
        return False
    if head.startswith(b"<?xml ") and declared is None and b"encoding" in head[: head.find(b"?>")]:
        return False
    pull: Any = XMLPullParser(events=("start", "end"))
    try:
        pull.feed(head)
        events: list[Any] = list(pull.read_events())
    except ParseError:
        return False
    # the last event: <sheetData> opened (its end not yet read), in the spreadsheet namespace
    return bool(events) and events[-1][0] == "start" and events[-1][1].tag == "{%s}sheetData" % SHEET_MAIN_NS


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
