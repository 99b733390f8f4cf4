"""SpreadsheetML: the parts of an .xlsx package that a printable table needs, written as text.

A :class:`Workbook` holds sheets of rows, a registry of cell styles and the print setup; ``save()``
returns the zip. Each part is built with f-strings in the order the schema (ECMA-376 part 1, §18)
requires, so that Excel, LibreOffice and openpyxl all open it:

    [Content_Types].xml, _rels/.rels, docProps/core.xml, docProps/app.xml,
    xl/workbook.xml (sheets, print areas and titles), xl/_rels/workbook.xml.rels, xl/styles.xml,
    xl/worksheets/sheetN.xml

Why not openpyxl: it builds an object and hashes a style per cell, then writes through lxml; a
10.000-row sheet took seconds where joining strings takes a fraction of one. Measured again
(#27, 10.000 series, processor time): openpyxl write-only writing the appendix's cells, each with
a font, a border and an alignment, 3,6 s (0,85 s without any style); this module with its
layout, row heights and styles (``as_xlsx``, the embedded data aside) 0,5 s. openpyxl still reads
workbooks (``files/import_xlsx.py``) and checks this writer in the tests.

A cell is ``(value, style)``: ``value`` a ``str`` (always text, never a formula: written as an
inline string), an ``int`` or finite ``float`` (written exactly, ``repr``), a ``bool``, or None
(a cell with only a style: a border, a fill); ``style`` an index from :meth:`Workbook.style`.
Text goes through ``safe.terminal_text``: a control character, which XML cannot hold, becomes "?".
The output is the same bytes for the same workbook: no timestamps, fixed zip dates.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from math import isfinite
from typing import TYPE_CHECKING, Any, Union
from ...records import NamedTuple

from ...errors import SpoolError
from ..safe import terminal_text

if TYPE_CHECKING:  # types only: the spool is imported when a sheet needs one
    from tempfile import SpooledTemporaryFile

Value = Union[str, int, float, bool, None]
Cell = tuple[Value, int]  # (value, style index)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can hold: the same workbook, the same bytes
#: rows handed to the zip at once (about 30 kB of text): a write per row cost 100.000 calls of zipfile's Python code
#: (crc, compress, buffer) at 100.000 series; deflate gives the same bytes however its input is cut
#: pieces of 100 rows (150 kB) raised the peak memory at 10.000 series from 86 to 93 MB, 20 rows do not
ROWS_PER_PIECE = 20
#: the bytes of a sheet's rows kept in memory; beyond it they go to an unnamed temporary file
#: (``Sheet.append``): the rows of 100.000 series are 85 MB of XML, and its embedded data's 32 MB,
#: held until the sheet's head, which needs the last row's number, is written (#27)
SPOOL_BYTES = 4 << 20
#: bytes of a spooled sheet read back at a time
READ_BYTES = 1 << 20
DEFAULT_ROW_PT = 15  # the height of a row appended without one (sheetFormatPr)
FIRST_CUSTOM_FORMAT = 164  # number formats below are built in
MAX_NAME = 31  # characters of a sheet name
#: characters a sheet name cannot hold (Excel refuses the file), each written as a space
NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
RESERVED_NAMES = {"history"}  # Excel keeps this sheet name for itself
#: the application that wrote the file. LibreOffice reads a file whose application begins with
#: "Microsoft" by Excel's rules (row heights on Excel's grid, among others), which is what the
#: widths and heights written here are measured for; openpyxl and XlsxWriter say the same
APPLICATION = "Microsoft Excel Compatible / kpi"


class Font(NamedTuple):
    name: str = "Calibri"  # the workbook's default (font 0): a column width unit is its digit
    size: float = 11
    bold: bool = False
    italic: bool = False


class Alignment(NamedTuple):
    horizontal: str = ""  # "left", "center", "right"; "" for the default (text left, numbers right)
    vertical: str = ""  # "top", "center"; "" for the default (bottom)
    wrap: bool = False
    indent: int = 0  # steps of about three spaces (needs horizontal "left" or "right" to show)


class Style(NamedTuple):
    """How a cell looks. Each distinct Style is one entry of styles.xml (an "xf")."""

    font: Font = Font()
    fill: str = ""  # the RGB of a solid fill ("C6EFCE"); "" for none
    border: str = ""  # the line on all four sides ("thin", "medium"); "" for none
    alignment: Alignment = Alignment()
    number_format: str = "General"


class PageSetup(NamedTuple):
    landscape: bool = False
    paper: int = 0  # SpreadsheetML's paperSize code: 9 is A4; 0 leaves it to the printer
    fit_width: int = 0  # scale to this many pages wide (0: print at 100 %)
    fit_height: int = 0  # with fit_width: this many pages tall at most (0: as many as it takes)
    centred: bool = False  # horizontally on the page
    margins: tuple[float, float, float, float] = (0.7, 0.7, 0.75, 0.75)  # left, right, top, bottom (inches)
    header_margin: float = 0.3  # from the paper's edge to the header and to the footer (inches)
    footer: str = ""  # the footer's codes ("&C&P / &N": page / pages, centred); "" for none
    header: str = ""  # the header's codes ("&C&P": the page number, centred); "" for none
    first_header: str | None = None  # the first page's own header ("" for none); None: as the others


def text(value: str) -> str:
    """Text for an element's content: &, < and > escaped (a check first: most texts have none)."""
    if "&" in value or "<" in value or ">" in value:
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value


def attribute(value: str) -> str:
    """Text for an attribute in double quotes."""
    return text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def column_letters(number: int) -> str:
    """1 → A, 26 → Z, 27 → AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _number(value: float) -> str:
    """A width, a height or a margin: 38 not 38.0."""
    return f"{value:g}"


# --- styles --------------------------------------------------------------------------------------


class Styles:
    """The registry of cell styles: each distinct Style gets its index once; its font, fill,
    border and number format are numbered when styles.xml is written."""

    def __init__(self, font: Font = Font()) -> None:
        self.font = font  # font 0: the workbook's default, whose digit is the unit of column widths
        self._indexes: dict[Style, int] = {Style(): 0}

    def index(self, style: Style) -> int:
        found = self._indexes.get(style)
        if found is None:
            found = self._indexes[style] = len(self._indexes)
        return found

    def xml(self) -> str:
        fonts: dict[Font, int] = {self.font: 0}
        fills: dict[str, int] = {"": 0, "gray125": 1}  # both required first by Excel
        borders: dict[str, int] = {"": 0}
        formats: dict[str, int] = {"General": 0}
        xfs = []
        for style in self._indexes:
            ids = (
                formats.setdefault(style.number_format, FIRST_CUSTOM_FORMAT + len(formats) - 1),
                fonts.setdefault(style.font, len(fonts)),
                fills.setdefault(style.fill, len(fills)),
                borders.setdefault(style.border, len(borders)),
            )
            xfs.append(_xf(ids, style.alignment))
        custom = [f'<numFmt numFmtId="{n}" formatCode="{attribute(code)}"/>' for code, n in formats.items() if n]
        return (
            f'{DECLARATION}<styleSheet xmlns="{MAIN}">'
            + (_listed("numFmts", custom) if custom else "")
            + _listed("fonts", [_font(f) for f in fonts])
            + _listed("fills", [_fill(f) for f in fills])
            + _listed("borders", [_border(b) for b in borders])
            + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            + _listed("cellXfs", xfs)
            + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            + "</styleSheet>"
        )


#: an xf's apply flags: the parts of the style that differ from the Normal style
APPLIES = ("applyNumberFormat", "applyFont", "applyFill", "applyBorder")


def _xf(ids: tuple[int, int, int, int], alignment: Alignment) -> str:
    number_format, font, fill, border = ids
    flags = "".join(f' {flag}="1"' for flag, n in zip(APPLIES, ids) if n)
    head = f'<xf numFmtId="{number_format}" fontId="{font}" fillId="{fill}" borderId="{border}" xfId="0"{flags}'
    if alignment == Alignment():
        return head + "/>"
    parts = (
        ("horizontal", alignment.horizontal),
        ("vertical", alignment.vertical),
        ("wrapText", "1" if alignment.wrap else ""),
        ("indent", str(alignment.indent) if alignment.indent else ""),
    )
    found = "".join(f' {name}="{value}"' for name, value in parts if value)
    return f'{head} applyAlignment="1"><alignment{found}/></xf>'


def _listed(tag: str, items: list[str]) -> str:
    return f'<{tag} count="{len(items)}">' + "".join(items) + f"</{tag}>"


def _font(font: Font) -> str:
    # in the order Excel writes them
    marks = ("<b/>" if font.bold else "") + ("<i/>" if font.italic else "")
    return f'<font>{marks}<sz val="{_number(font.size)}"/><name val="{attribute(font.name)}"/></font>'


def _fill(fill: str) -> str:
    if not fill:
        return '<fill><patternFill patternType="none"/></fill>'
    if fill == "gray125":
        return '<fill><patternFill patternType="gray125"/></fill>'
    # ARGB with the alpha "00", as openpyxl wrote it: spreadsheets ignore a fill's alpha
    return f'<fill><patternFill patternType="solid"><fgColor rgb="00{fill}"/><bgColor indexed="64"/></patternFill></fill>'


def _border(line: str) -> str:
    if not line:
        return "<border><left/><right/><top/><bottom/><diagonal/></border>"
    side = f'style="{line}"><color rgb="00000000"/>'
    return f"<border><left {side}</left><right {side}</right><top {side}</top><bottom {side}</bottom><diagonal/></border>"


# --- sheets --------------------------------------------------------------------------------------


def _spool_failed(err: OSError) -> SpoolError:
    """A sheet's spooled rows that the temporary folder could not take or give back, naming it."""
    import tempfile

    return SpoolError(tempfile.gettempdir(), err)


class Sheet:
    """One worksheet: rows appended in order, merged ranges, the frozen pane, print setup."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.widths: list[float] = []  # of the columns from A, in widths of a digit of font 0
        self.frozen_rows = 0  # rows at the top that stay in view
        self.frozen_columns = 0  # columns at the left that stay in view
        self.print_rows: tuple[int, int] | None = None  # rows repeated at the top of every printed page
        self.print_columns = 0  # columns from A repeated at the left of every printed page
        self.column_breaks: list[int] = []  # columns (from 1) after which a printed page ends
        self.row_breaks: list[int] = []  # rows (from 1) after which a printed page ends
        #: the ranges printed, each on pages of its own, in order: (first row, first column, last
        #: row, last column), from 1; none: the whole sheet
        self.print_areas: list[tuple[int, int, int, int]] = []
        self.page = PageSetup()
        self.hidden = False  # a sheet Excel and LibreOffice keep but do not show
        #: the rows' XML, ROWS_PER_PIECE at a time, encoded (half the memory of text), in memory up
        #: to SPOOL_BYTES, then in a temporary file: the head is written before them and needs
        #: their count, so they are kept until the package is saved
        self._rows: SpooledTemporaryFile[bytes] | None = None
        self._pending: list[str] = []  # the rows appended since
        self._merged: list[str] = []
        self._count = 0  # rows appended, empty ones included
        self.heights: list[float | None] = []  # each row's height as appended (points; None: the default)
        self._width = 0  # the most cells in a row
        self._letters: list[str] = []

    def append(self, cells: Sequence[Cell], height: float | None = None) -> None:
        """Write the next row, its cells from column A; ``height`` in points, None for the
        spreadsheet's own. An empty row without a height is only counted."""
        self._count += 1
        row = self._count
        self.heights.append(height)
        if len(cells) > len(self._letters):
            self._letters += [column_letters(n) for n in range(len(self._letters) + 1, len(cells) + 1)]
        self._width = max(self._width, len(cells))
        written = _cells(self._letters, str(row), cells)
        if height is not None:
            self._pending.append(f'<row r="{row}" ht="{_number(height)}" customHeight="1">{written}</row>')
        elif written:
            self._pending.append(f'<row r="{row}">{written}</row>')
        if len(self._pending) >= ROWS_PER_PIECE:
            if self._rows is None:
                from tempfile import SpooledTemporaryFile

                self._rows = SpooledTemporaryFile(SPOOL_BYTES)  # noqa: SIM115 - lives as long as the sheet
            try:  # past SPOOL_BYTES, into the temporary folder: a failure there is its, not the output's
                self._rows.write("".join(self._pending).encode())
            except OSError as err:
                raise _spool_failed(err) from err
            self._pending = []

    @property
    def rows(self) -> int:
        """The rows appended so far, empty ones included: the next row is ``rows + 1``."""
        return self._count

    def merge(self, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
        """Merge a range (numbers from 1); its text is the top-left cell's."""
        self._merged.append(f"{column_letters(first_column)}{first_row}:{column_letters(last_column)}{last_row}")

    def xml(self) -> Iterator[bytes]:
        """The part in pieces, its rows one by one: a large sheet is never one string."""
        dimension = f"A1:{column_letters(self._width)}{self._count}" if self._width else "A1"
        page, (left, right, top, bottom) = self.page, self.page.margins
        head = [
            f'{DECLARATION}<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">',
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' if page.fit_width else "",
            f'<dimension ref="{dimension}"/>',
            f'<sheetViews><sheetView workbookViewId="0">{self._pane()}</sheetView></sheetViews>',
            f'<sheetFormatPr baseColWidth="8" defaultRowHeight="{_number(DEFAULT_ROW_PT)}"/>',
            _columns(self.widths),
            "<sheetData>",
        ]
        tail = [
            "</sheetData>",
            _listed("mergeCells", [f'<mergeCell ref="{ref}"/>' for ref in self._merged]) if self._merged else "",
            '<printOptions horizontalCentered="1"/>' if page.centred else "",
            f'<pageMargins left="{_number(left)}" right="{_number(right)}" top="{_number(top)}" bottom="{_number(bottom)}"'
            f' header="{_number(page.header_margin)}" footer="{_number(page.header_margin)}"/>',
            _page_setup(page),
            _header_footer(page),
            _row_breaks(self.row_breaks),
            _column_breaks(self.column_breaks),
            "</worksheet>",
        ]
        yield "".join(head).encode()
        yield from self._spooled_rows()
        yield "".join(self._pending).encode()
        yield "".join(tail).encode()

    def _spooled_rows(self) -> Iterator[bytes]:
        """The spooled rows read back from the first, READ_BYTES at a time (none when none were)."""
        if self._rows is None:
            return
        rows = self._rows
        try:
            rows.seek(0)
        except OSError as err:
            raise _spool_failed(err) from err
        while True:
            try:
                piece = rows.read(READ_BYTES)
            except OSError as err:
                raise _spool_failed(err) from err
            if not piece:
                return
            yield piece

    def _pane(self) -> str:
        """The frozen pane: the rows above and the columns left of its top-left cell stay in view."""
        rows, columns = self.frozen_rows, self.frozen_columns
        if not rows and not columns:
            return ""
        corner = f"{column_letters(columns + 1)}{rows + 1}"
        active = "bottomRight" if rows and columns else "bottomLeft" if rows else "topRight"
        splits = (f' xSplit="{columns}"' if columns else "") + (f' ySplit="{rows}"' if rows else "")
        return (
            f'<pane{splits} topLeftCell="{corner}" activePane="{active}" state="frozen"/>'
            f'<selection pane="{active}" activeCell="{corner}" sqref="{corner}"/>'
        )


def _cells(letters: list[str], row: str, cells: Sequence[tuple[Any, int]]) -> str:  # Any: type() narrows nothing for mypy
    """A row's <c> elements: the hot loop of a large sheet (170.000 cells at 10.000 series), so
    one loop of exact type tests and f-strings, no call per cell for a number, a plain text or an
    empty cell. Measured, the 10.101 rows of 10.000 series: 0,12–0,15 s of processor time with a
    function call per cell, 0,09 s in one loop."""
    written = []
    for letter, (value, style) in zip(letters, cells):
        kind = type(value)
        if kind is float and isfinite(value):  # type(), not isinstance: a bool is an int
            written.append(f'<c r="{letter}{row}" s="{style}"><v>{value!r}</v></c>')
        elif kind is str:
            value = terminal_text(value)
            space = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
            written.append(f'<c r="{letter}{row}" s="{style}" t="inlineStr"><is><t{space}>{text(value)}</t></is></c>')
        elif value is None:
            if style:
                written.append(f'<c r="{letter}{row}" s="{style}"/>')
        else:
            written.append(_cell(f"{letter}{row}", value, style))
    return "".join(written)


def _cell(ref: str, value: Value, style: int) -> str:
    """One <c> element of a value ``_cells`` leaves: a bool, an int, a str or float of a subclass,
    a float that is no number."""
    if isinstance(value, str):
        return _cells([ref], "", [(str(value), style)])
    if isinstance(value, bool):
        return f'<c r="{ref}" s="{style}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, float):
        if not isfinite(value):
            raise ValueError(f"cell {ref}: a spreadsheet cannot hold the number {value!r}")
        return _cells([ref], "", [(float(value), style)])
    if isinstance(value, int):
        return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'
    raise TypeError(f"cell {ref}: cannot write a {type(value).__name__}")


def _columns(widths: list[float]) -> str:
    if not widths:
        return ""
    return "<cols>" + "".join(
        f'<col min="{n}" max="{n}" width="{_number(width)}" customWidth="1"/>' for n, width in enumerate(widths, start=1)
    ) + "</cols>"


def _header_footer(page: PageSetup) -> str:
    """Headers and footers, in the schema's order: odd header, odd footer, first header."""
    if not (page.header or page.footer or page.first_header is not None):
        return ""
    first = page.first_header is not None
    return (
        "<headerFooter" + (' differentFirst="1"' if first else "") + ">"
        + (f"<oddHeader>{text(page.header)}</oddHeader>" if page.header else "")
        + (f"<oddFooter>{text(page.footer)}</oddFooter>" if page.footer else "")
        + (f"<firstHeader>{text(page.first_header or '')}</firstHeader>" if first else "")
        + "</headerFooter>"
    )


def _row_breaks(rows: list[int]) -> str:
    """Manual page breaks after these rows: the pages a long table is printed on, decided by the
    layout (as_xlsx), not by the spreadsheet."""
    if not rows:
        return ""
    found = "".join(f'<brk id="{n}" max="16383" man="1"/>' for n in rows)
    return f'<rowBreaks count="{len(rows)}" manualBreakCount="{len(rows)}">{found}</rowBreaks>'


def _column_breaks(columns: list[int]) -> str:
    """Manual page breaks after these columns: a table too wide for its page printed in parts."""
    if not columns:
        return ""
    found = "".join(f'<brk id="{n}" max="1048575" man="1"/>' for n in columns)
    return f'<colBreaks count="{len(columns)}" manualBreakCount="{len(columns)}">{found}</colBreaks>'


def _page_setup(page: PageSetup) -> str:
    found = (
        ("paperSize", str(page.paper) if page.paper else ""),
        ("fitToWidth", str(page.fit_width) if page.fit_width else ""),
        ("fitToHeight", str(page.fit_height) if page.fit_width else ""),
        ("orientation", "landscape" if page.landscape else ""),
    )
    attributes = "".join(f' {name}="{value}"' for name, value in found if value)
    return f"<pageSetup{attributes}/>" if attributes else ""


# --- the workbook --------------------------------------------------------------------------------


HIDDEN_STATE = ' state="hidden"'


class Workbook:
    def __init__(self, title: str = "", creator: str = "kpi", language: str = "", font: Font = Font()) -> None:
        self.title = title  # docProps: the document's title, author and language ("vi-VN")
        self.creator = creator
        self.language = language
        self.sheets: list[Sheet] = []
        self.styles = Styles(font)

    def add_sheet(self, title: str) -> Sheet:
        """A new sheet named after ``title``, made a legal name (no []:*?/\\, no apostrophe at
        either end, 31 characters, not empty) that no other sheet has, case aside."""
        sheet = Sheet(sheet_name(title, {s.name.casefold() for s in self.sheets} | RESERVED_NAMES))
        self.sheets.append(sheet)
        return sheet

    def style(self, style: Style) -> int:
        return self.styles.index(style)

    def save(self) -> bytes:
        return self._package().getvalue()

    def pieces(self, size: int = READ_BYTES) -> Iterator[bytes]:
        """The package ``save`` returns, ``size`` bytes at a time: never a second copy of it whole."""
        out = self._package()
        with out.getbuffer() as written:
            for start in range(0, len(written), size):
                yield bytes(written[start:start + size])

    def _package(self) -> io.BytesIO:
        if not self.sheets:
            self.add_sheet("Sheet")  # a workbook has at least one sheet
        count = len(self.sheets)
        parts = [
            ("[Content_Types].xml", _content_types(count)),
            ("_rels/.rels", _relationships([
                ("rId1", f"{RELATIONSHIPS}/officeDocument", "xl/workbook.xml"),
                ("rId2", f"{PACKAGE_RELATIONSHIPS}/metadata/core-properties", "docProps/core.xml"),
                ("rId3", f"{RELATIONSHIPS}/extended-properties", "docProps/app.xml"),
            ])),
            ("docProps/core.xml", self._core()),
            ("docProps/app.xml", f'{DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>{APPLICATION}</Application></Properties>'),
            ("xl/workbook.xml", self._workbook()),
            ("xl/_rels/workbook.xml.rels", _relationships(
                [(f"rId{n}", f"{RELATIONSHIPS}/worksheet", f"worksheets/sheet{n}.xml") for n in range(1, count + 1)]
                + [(f"rId{count + 1}", f"{RELATIONSHIPS}/styles", "styles.xml")]
            )),
            ("xl/styles.xml", self.styles.xml()),
        ]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as package:
            for name, xml in parts:
                package.writestr(zipfile.ZipInfo(name, ZIP_DATE), xml.encode(), zipfile.ZIP_DEFLATED)
            for n, sheet in enumerate(self.sheets, start=1):
                write_part(package, zipfile.ZipInfo(f"xl/worksheets/sheet{n}.xml", ZIP_DATE), sheet.xml())
        return out

    def _workbook(self) -> str:
        sheets = "".join(
            f'<sheet name="{attribute(sheet.name)}" sheetId="{n}"{HIDDEN_STATE if sheet.hidden else ""} r:id="rId{n}"/>' for n, sheet in enumerate(self.sheets, start=1)
        )
        # a sheet's print area and print titles are names local to it: 'Sheet name'!$A:$C,'Sheet
        # name'!$4:$5 (in the order Excel writes them: by name, then by sheet)
        titles = "".join(
            f'<definedName name="_xlnm.Print_Area" localSheetId="{n}">{text(_print_areas(sheet))}</definedName>'
            for n, sheet in enumerate(self.sheets)
            if sheet.print_areas
        ) + "".join(
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{n}">{text(_print_titles(sheet))}</definedName>'
            for n, sheet in enumerate(self.sheets)
            if sheet.print_rows or sheet.print_columns
        )
        return (
            f'{DECLARATION}<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
            '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>'
            f"<sheets>{sheets}</sheets>"
            + (f"<definedNames>{titles}</definedNames>" if titles else "")
            + "</workbook>"
        )

    def _core(self) -> str:
        title = f"<dc:title>{text(terminal_text(self.title))}</dc:title>" if self.title else ""
        return (
            f"{DECLARATION}<cp:coreProperties"
            ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"{title}<dc:creator>{text(self.creator)}</dc:creator>"
            + (f"<dc:language>{text(self.language)}</dc:language>" if self.language else "")
            + "</cp:coreProperties>"
        )


def _print_titles(sheet: Sheet) -> str:
    """The columns repeated at the left and the rows repeated at the top of every printed page."""
    name = quoted(sheet.name)
    found = []
    if sheet.print_columns:
        found.append(f"{name}!$A:${column_letters(sheet.print_columns)}")
    if sheet.print_rows:
        found.append(f"{name}!${sheet.print_rows[0]}:${sheet.print_rows[1]}")
    return ",".join(found)


def _print_areas(sheet: Sheet) -> str:
    """The ranges printed: 'Sheet name'!$A$1:$K$40,'Sheet name'!$L$5:$P$40."""
    name = quoted(sheet.name)
    return ",".join(
        f"{name}!${column_letters(left)}${top}:${column_letters(right)}${bottom}" for top, left, bottom, right in sheet.print_areas
    )


def write_part(package: zipfile.ZipFile, info: zipfile.ZipInfo, pieces: Iterable[bytes], large: bool = False) -> None:
    """A part of the package (a sheet; a Word document's body, as_docx) compressed from its
    pieces as they come: a part of many rows is never one string. ``large``: a part that may
    pass 2 GiB (zip64 sizes from the start, since its size is not known in advance)."""
    info.compress_type = zipfile.ZIP_DEFLATED
    with package.open(info, "w", force_zip64=large) as part:
        for piece in pieces:
            part.write(piece)


def sheet_name(title: str, taken: set[str]) -> str:
    """A legal sheet name for ``title`` not in ``taken`` (names casefolded): "Kiểm tra 2" after
    "Kiểm tra"."""
    name = terminal_text(title).translate(NAME_FORBIDDEN)[:MAX_NAME].strip("' ") or "Sheet"
    found, n = name, 2
    while found.casefold() in taken:
        suffix = f" {n}"
        found = name[: MAX_NAME - len(suffix)].rstrip("' ") + suffix
        n += 1
    return found


def quoted(name: str) -> str:
    """A sheet name as a formula or a defined name refers to it: in apostrophes, its own doubled."""
    return "'" + name.replace("'", "''") + "'"


def _relationships(targets: list[tuple[str, str, str]]) -> str:
    found = "".join(f'<Relationship Id="{ident}" Type="{kind}" Target="{target}"/>' for ident, kind, target in targets)
    return f'{DECLARATION}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">{found}</Relationships>'


def _content_types(sheets: int) -> str:
    office = "application/vnd.openxmlformats-officedocument"
    overrides = [
        ("/xl/workbook.xml", f"{office}.spreadsheetml.sheet.main+xml"),
        ("/xl/styles.xml", f"{office}.spreadsheetml.styles+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", f"{office}.extended-properties+xml"),
        *((f"/xl/worksheets/sheet{n}.xml", f"{office}.spreadsheetml.worksheet+xml") for n in range(1, sheets + 1)),
    ]
    return (
        f'{DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{part}" ContentType="{kind}"/>' for part, kind in overrides)
        + "</Types>"
    )
