"""The cells of an .xlsx workbook, sheet by sheet, as data only (openpyxl): a formula is never
evaluated (its text is kept, marked as a Formula, and reported); a merged range gives its text to
every cell it covers (a two-row header needs it); hidden rows, columns and sheets are marked;
the data `kpi export` keeps in its hidden sheet is returned as text."""

from __future__ import annotations

from operator import itemgetter
from pathlib import Path
from ..records import NamedTuple

from .. import embedded
from ..messages import Text


class Formula(str):
    """A cell that holds a formula ("=B2*1,1"): reported by the importer, never run."""


class Estimated(float):
    """A number whose cell format marks it as an estimate (kpi's export writes ``0.00"*"``)."""


class Damaged(NamedTuple):
    """kpi's own data, in a part of the file that is not whole XML (cut, edited): the part's
    name, for the importer to refuse the data with it (never the printed table read silently
    instead) or, asked for the table alone, to leave it unread."""

    part: str  # "xl/worksheets/sheet2.xml", "customXml/item2.xml"


class Part(NamedTuple):
    """The cells of a Word table joined to the table it continues ("Phụ lục I (tiếp theo)"):
    where each is in its own table, for what is said of it (files/import_docx)."""

    table: str  # its table's number
    rows: dict[int, int]  # a row of the joined table: its row in its own table (from 0)
    column: int = 0  # the first column of the joined table it holds
    columns: tuple[int, ...] = ()  # its own column of each from ``column`` on; () the same columns


class Grid(NamedTuple):
    """One sheet or table as the importer reads it."""

    name: str  # the sheet's title, or the table's number
    rows: list[list[object]]
    hidden_rows: frozenset[int] = frozenset()  # indexes from 0
    hidden_columns: frozenset[int] = frozenset()
    above: list[str] | None = None  # a Word table: the paragraphs above it (a sheet: its rows above the header)
    below: tuple[str, ...] = ()  # a Word table: the paragraphs under it, up to the next table
    hidden: bool = False  # a hidden sheet
    # the first number cell whose format groups thousands ("#,##0": 4.100 in a Vietnamese Excel)
    # and whose value has thousands: (row, column, value, writing of its locale), from 0; the importer's evidence that
    # the sheet groups thousands, as a typed "30.150" is (README "Two readings of a number")
    grouped: tuple[int, int, float, str] | None = None
    # a Word table joined with the tables that continue it: where their cells are in them; what
    # was said of them (table, row, column from 0, what); the table a continuation was joined to
    parts: tuple[Part, ...] = ()
    notes: tuple[tuple[str, int, int, Text], ...] = ()
    part_of: str = ""

    def place(self, row: int, column: int) -> tuple[str, int, int]:
        """(table, row, column) of a cell, in the table of its own when it was joined to this one."""
        for part in reversed(self.parts):
            own = part.rows.get(row)
            if own is not None and column >= part.column and (not part.columns or column - part.column < len(part.columns)):
                return part.table, own, part.columns[column - part.column] if part.columns else column
        return self.name, row, column


_column = itemgetter(0)  # a cell's column (compat.workbook.Cell)

#: the locale tags of a number format that write the English way (en-US, en-GB; README "Two readings of a number")
ENGLISH_LOCALES = ("[$-409]", "[$-809]")


def grids(path: Path) -> tuple[list[Grid], str | Damaged | None]:
    """Every sheet, and the text of kpi's own data when the workbook carries it (``Damaged``
    when its hidden sheet is not whole XML)."""
    from ..compat.workbook import opened

    # read-only, each sheet streamed once (compat.workbook.Parsed): a full load made a Cell object
    # for every cell of the rectangle, 3,4 of 12,8 s of importing 10.000 rows under a profiler
    with opened(path) as book:  # within it, a damaged part is Unreadable
        return sheet_grids(path, book)


def sheet_grids(path: Path, book) -> tuple[list[Grid], str | Damaged | None]:
    from ..compat.ooxml import Unreadable, reading
    from ..compat.workbook import Parsed, styles_with_format

    estimated = styles_with_format(book, '"*"')
    grouping = styles_with_format(book, "#,##")  # "#,##0", "#,##0.00", "_-* #,##0_-", …
    # a format tagged with an English locale ("[$-409]#,##0": LibreOffice and Excel show 417,000)
    # groups thousands the English way; untagged or Vietnamese ("[$-42A]"), the Vietnamese way
    english = frozenset().union(*(styles_with_format(book, tag) for tag in ENGLISH_LOCALES))
    found: list[Grid] = []
    data: str | Damaged | None = None
    for sheet in book.worksheets:
        parsed = Parsed(book, sheet)
        hidden = sheet.sheet_state != "visible"
        if sheet.title == embedded.SHEET and hidden:
            try:
                with reading():
                    data = "".join(_first_texts(parsed))
            except Unreadable:  # its part cut or edited: named, never the table read silently instead
                data = Damaged(str(getattr(sheet, "_worksheet_path", "") or embedded.SHEET).lstrip("/"))
            continue
        rows, grouped = _rows(path, sheet.title, parsed, estimated, grouping, english)
        width = len(rows[0]) if rows else 0
        hidden_columns = frozenset(
            c - 1 for first, last in parsed.hidden_columns() for c in range(first, min(last, width) + 1)
        )
        found.append(Grid(sheet.title, rows, frozenset(r - 1 for r in parsed.hidden_rows()), hidden_columns, hidden=hidden, grouped=grouped))
    return found, data


def _rows(
    path: Path, title: str, parsed, estimated: frozenset[int], grouping: frozenset[int] = frozenset(), english: frozenset[int] = frozenset()
) -> tuple[list[list[object]], tuple[int, int, float, str] | None]:
    """The rectangle from A1 to the last cell, merged ranges included (as a full load makes it),
    each merged range's text in every cell it covers; refused (import_guard) as soon as it would
    be too large. And the first number cell shown grouped by thousands (``Grid.grouped``), of
    the styles in ``grouping``."""
    from . import import_guard

    found: dict[int, list[object]] = {}
    height = width = 0
    grouped = None
    for number, cells in parsed.rows():
        if not cells:
            continue
        last = max(cells, key=_column)[0]
        if number > height or last > width:
            height, width = max(height, number), max(width, last)
            import_guard.sheet_within(path, title, height, width)
        row = found.get(number)
        if row is None:
            row = found[number] = [None] * last
        elif len(row) < last:
            row.extend([None] * (last - len(row)))
        for column, value, data_type, style_id in cells:  # compat.workbook.Cell
            kind = value.__class__
            # a number (most cells) is never a formula (that is text): its style alone is looked
            # at; the checks below in the order they stood for the rest. Each of the 1,7 million
            # cells of a 100.000-row export passes here
            if kind is float or kind is int:
                if style_id in estimated:
                    value = Estimated(value)
                if grouped is None and style_id in grouping and abs(value) >= 1000:
                    grouped = (number - 1, column - 1, float(value), "en" if style_id in english else "vi")
            elif data_type == "f" or (kind is str and value.startswith("=")):
                value = Formula(str(value))
            elif style_id in estimated and isinstance(value, (int, float)) and not isinstance(value, bool):
                value = Estimated(value)
            row[column - 1] = value
    merged = parsed.merged()
    if merged:
        height = max(height, *(r for _top, _left, r, _right in merged))
        width = max(width, *(c for _top, _left, _bottom, c in merged))
        import_guard.sheet_within(path, title, height, width)
    rows = []
    for number in range(1, height + 1):
        row = found.pop(number, None) or []
        row.extend([None] * (width - len(row)))
        rows.append(row)
    for top, left, bottom, right in merged:
        first = rows[top - 1][left - 1]
        for r in range(top - 1, bottom):
            rows[r][left - 1 : right] = [first] * (right - left + 1)
    return rows, grouped


def _first_texts(parsed) -> list[str]:
    """The texts of the first column, in row order (kpi's own data, in its hidden sheet)."""
    texts: dict[int, str] = {}
    for number, cells in parsed.rows():
        for column, value, _data_type, _style_id in cells:
            if column == 1 and isinstance(value, str):
                texts[number] = value
    return [texts[n] for n in sorted(texts)]
