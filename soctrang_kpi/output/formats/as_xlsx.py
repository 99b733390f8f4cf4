"""xlsx: a workbook that prints as the report's appendix (Nghị định 30/2020, nd30.py): the heading
block, the two-row header repeated on every page, borders, wrapped names in rows tall enough to
show them, A4 with the decree's margins, landscape when the table needs it, at 100 % with the
columns laid out to fit the page (fitting.py: at 10–11 pt, the notes as footnotes when the page
cannot hold them); real numbers with the plan's number formats (estimates marked "*" by the format, the
number stays a number), the target as a number with its printed form beside it; the assessment
coloured by class; then the audit.

This module lays the sheets out; ``spreadsheetml`` writes them (one pass, rows as text). No text
cell is ever a formula: every string is an inline string, whatever it begins with
(``=HYPERLINK(…)`` is a name, not a link)."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Iterator

from ..document import Column, Document, Phrase, Printed, Row, Style, Table, cell_text, lines_under, name_text, notes_as_footnotes, row_decimals, section_text
from ..labels import number as written_number, word, written_decimals
from ...numbers import stored
from . import RECORDED, Formatter, fitting, nd30, slices
from .spreadsheetml import DEFAULT_ROW_PT, Alignment, Cell, Font, PageSetup, Sheet, Workbook
from .spreadsheetml import Style as CellStyle

#: fill colour of the assessment cell, by status code (Excel's own good / bad palette): the
#: yearly verdicts' and the within-year verdicts' (core.periods.Verdict: on course as achieved,
#: behind as at risk; "achieved", "missed" and "no_data" are codes of both)
STATUS_FILLS = {
    "exceeded": "C6EFCE",
    "achieved": "FFFFFF",
    "at_risk": "FFC7CE",
    "missed": "FF9C9C",
    "no_data": "EDEDED",
    "on_course": "FFFFFF",
    "behind": "FFC7CE",
}

#: sheet names by table role; other tables are named by their title
SHEET_NAMES = {"appendix": "appendix_sheet", "status": "appendix_sheet", "month": "appendix_sheet", "audit": "audit_sheet"}

FONT = nd30.FONT  # the administrative documents' typeface
#: the width of a column width unit (a digit of the workbook's default font, Times New Roman 11 pt,
#: the same on every machine with Times or its metric twin Liberation Serif), as LibreOffice
#: prints it, in mm
UNIT_MM = 2.0
#: what a column width unit is printed at by LibreOffice, in mm: the width of a digit of the
#: default font (Times New Roman 11 pt: half an em, 5,5 pt; measured, 71,24 mm for 36,72 units),
#: 3 % less than UNIT_MM, which lays the columns out (with ROOM). The lines a text takes are
#: counted in the width its column prints at
PRINTED_UNIT_MM = 5.5 * 25.4 / 72
#: the space LibreOffice leaves on either side of a cell's text, in mm (measured 0,37)
TEXT_PAD_MM = 0.37
#: the share of the page the table is laid out for: the spreadsheet rounds widths to its grid
ROOM = 0.97
WIDTH_SAMPLE = 500  # column widths are measured on the first rows only (10.000 rows stay fast)
ROW_PAD = 2  # points above and below the lines of a row
NUMBER_PAD_MM = 3.0  # a cell's padding, and the space a number format leaves after it ("_-")
INCH_MM = 25.4
#: the part of a page's height left free when the layout breaks the pages (page_breaks): what the
#: spreadsheet's own measure of the page may differ by (LibreOffice grows the page number's header
#: by about 2 pt), never a row cut or moved by it
PAGE_SLACK_PT = 6.0
#: A4 at 100 % with the decree's margins (the columns are laid out to fit the page's width at 10–11
#: pt: a "fit to one page wide" would shrink them below 10 pt, as it did to 6–7 pt), the page number
#: at the top centre from page 2; landscape when the table needs it (set per sheet)
_MARGINS = nd30.MARGINS_MM
PAGE = PageSetup(paper=9, centred=True,
                 margins=(_MARGINS.left / INCH_MM, _MARGINS.right / INCH_MM, _MARGINS.top / INCH_MM, _MARGINS.bottom / INCH_MM),
                 header_margin=nd30.HEADER_FROM_MM / INCH_MM, header="&C&P", first_header="")
#: the language of the number formats: LibreOffice then writes 5,76 and 417.000 in Vietnamese
#: whatever the reader's locale (Excel keeps its system separators and ignores the tag)
LOCALES = {"vi": "[$-42A]", "en": "[$-409]"}
#: the fonts of the cells, by name: (bold, italic, points above the table's size)
FONTS = {
    "text": (False, False, 0),
    "bold": (True, False, 0),
    "title": (True, False, nd30.HEADING_PT - nd30.TABLE_PT),
    "note": (False, True, 0),
    "attached": (False, True, nd30.HEADING_PT - nd30.TABLE_PT),
}
ALIGNMENTS = {
    "centred": Alignment("center", "center", wrap=True),  # titles and headers
    "text": Alignment(vertical="top", wrap=True),
    "number": Alignment("right", "top"),  # numbers
    "printed": Alignment("right", "top", wrap=True),  # the printed form of a target: wraps between words
    "plain": Alignment(),
    # a name by its row's depth. LibreOffice shows no indent without a horizontal "left", which
    # this alignment has never had (one would narrow and re-wrap the names of sub-rows): the
    # "- " before a sub-row's name is what marks it
    **{f"name{depth}": Alignment(vertical="top", wrap=True, indent=2 * depth) for depth in range(4)},
}


def shown_decimals(value: float, decimals: int | None, as_written: bool = False) -> int:
    """The decimals a number is shown with: the column's, else those the value was written with
    (``as_written``: a target 1.2 shows 1,2), else none for a whole number and two for a fraction."""
    if decimals is not None:
        return decimals
    if as_written:
        return written_decimals(value)
    return 0 if float(value).is_integer() else 2


def number_format(decimals: int, marked: bool = False, locale: str = "", suffix: str = "", after: str = "") -> str:
    """The cell's number format: thousands grouped, ``decimals`` places, the column's ``suffix``
    ("%": the number stays 78.0, printed 78,00%); a marked value ends in "*", the others in the
    space of a "-" so that the number does not touch the text beside it."""
    shown = ("#,##0." + "0" * decimals if decimals else "#,##0") + (f'"{suffix}"' if suffix else "")
    if after:  # a figure beside the number, after its mark: 130* (37,09%)
        return locale + shown + ('"*"' if marked else "") + f'"{after}"'
    return locale + shown + ('"*"' if marked else "_-")


class XlsxFormatter(Formatter):
    binary = True

    def text(self, doc: Document, style: Style) -> str:
        raise TypeError("xlsx is a binary format")

    def file(self, doc: Document) -> bytes:
        return self._book(doc).save()

    def chunks(self, doc: Document) -> Iterator[bytes]:
        """The file a slice at a time: the workbook's package is held once (compressed), never
        copied whole (15 MB at 100.000 series)."""
        yield from self._book(doc).pieces()

    def _book(self, doc: Document) -> Workbook:
        book = Workbook(title=doc.title, language=nd30.LANGUAGE_TAGS[doc.lang.value], font=Font(FONT, nd30.TABLE_PT))
        looks = Looks(book)
        for table in doc.tables:
            if table.machine_only and not table.rows:
                continue
            key = SHEET_NAMES.get(table.role)
            title = word(key, doc.lang) if key else (table.title or table.role or "Sheet")
            _write_sheet(book.add_sheet(title), table, doc, looks)
        if doc.data is not None:
            embed(book, doc.data())
        return book


def embed(book: Workbook, data: Iterable[str]) -> None:
    """kpi's own data, for `kpi import`: a hidden sheet, the text (given in pieces) in cells of
    column A."""
    from ... import embedded

    sheet = book.add_sheet(embedded.SHEET)
    sheet.hidden = True
    for cell in slices(data, embedded.CELL_CHARS):
        sheet.append([(cell, 0)])


class Looks:
    """The workbook's cell styles by name (font, alignment, border, fill, number format): each
    combination is built and registered once, and a lookup hashes a few short strings."""

    def __init__(self, book: Workbook, points: float = nd30.TABLE_PT) -> None:
        self._book = book
        self.points = points  # the table's size; titles are larger
        self._known: dict[tuple[str, str, str, str, str], int] = {}

    def __call__(self, font: str, alignment: str, border: str = "thin", fill: str = "", number_format: str = "General") -> int:
        key = (font, alignment, border, fill, number_format)
        found = self._known.get(key)
        if found is None:
            bold, italic, larger = FONTS[font]
            shape = Font(FONT, self.points + larger, bold, italic)
            found = self._known[key] = self._book.style(CellStyle(shape, fill, border, ALIGNMENTS[alignment], number_format))
        return found

    def sized(self, points: float) -> "Looks":
        """The same workbook's styles for a table set at ``points``."""
        return self if points == self.points else Looks(self._book, points)


def _layout(table: Table) -> list[tuple[int, str]]:
    """The sheet's columns: (index of the table column, "value" or "printed")."""
    out: list[tuple[int, str]] = []
    for i, column in enumerate(table.columns):
        out.append((i, "value"))
        if column.printed:
            out.append((i, "printed"))
    return out


def _as_printed(table: Table, layout: list[tuple[int, str]]) -> Table:
    """The sheet's columns as a table, to lay it out on the page: the printed form of a target
    ("≤ 33") a column of its own beside the number, a text that wraps between words ("Tối thiểu 717
    nghìn tỷ đồng" on two lines, not a column 57 mm wide that sent the table into two parts)."""
    columns = tuple(
        table.columns[i]._replace(header=table.columns[i].printed, sub="", group="", numeric=False, key="printed")
        if part == "printed" else table.columns[i]
        for i, part in layout
    )
    where = {i: n for n, (i, part) in enumerate(layout) if part == "value"}

    def cells(row: Row) -> tuple:
        return tuple(
            (row.cells[i].text if isinstance(row.cells[i], Printed) else None) if part == "printed" else row.cells[i]
            for i, part in layout
        )

    rows = tuple(
        row._replace(cells=cells(row), marks=frozenset(where[i] for i in row.marks if i in where))
        for row in table.rows[:WIDTH_SAMPLE]
    )
    return table._replace(columns=columns, rows=rows)


def _fitted(table: Table, doc: Document) -> tuple[Table, list[fitting.Laid]]:
    """The table as it fits the page (its notes as footnotes when the page cannot hold them), and
    how: the sheet's column widths in mm, the orientation, the size of the text; the parts of
    its columns printed one after the other when no page holds them all (``fitting.parts``)."""
    layout = _layout(table)
    widest = _widest(table, doc, layout)
    note = next((n for n, (i, part) in enumerate(layout) if part == "value" and table.columns[i].key == "note"), None)

    def measure(candidate: Table) -> list[float | None]:
        if note is not None and len(candidate.columns) < len(widest):  # the notes as footnotes
            return widest[:note] + widest[note + 1:]
        return widest

    laid = fitting.parts(_as_printed(table, layout), doc, room=ROOM, number_pad=NUMBER_PAD_MM, measure=measure)
    if table.column_index("note") is not None and laid[0].table.column_index("note") is None:
        table = notes_as_footnotes(table)
    return table, laid


def _widest(table: Table, doc: Document, layout: list[tuple[int, str]]) -> list[float | None]:
    """Each number column's widest text as the workbook's number format shows it (the value at
    its decimals, its suffix, "*" or what follows it; the space after it is NUMBER_PAD_MM), over
    every row, in mm at 1 pt (fitting.Measure). Only the largest value of each kind of cell
    (its decimals, mark, suffix, what follows, sign, bold) is written out and measured: a few
    per column, not 170.000 numbers at 10.000 series."""
    lang = doc.lang
    out: list[float | None] = []
    rows = [row for row in table.rows if not row.section]
    for i, part in layout:
        column = table.columns[i]
        if part == "printed":  # a text that wraps: its widest text and longest word measured as the name's
            out.append(None)
            continue
        if not (column.numeric or column.key == "no"):
            out.append(None)
            continue
        largest: dict[tuple, float] = {}  # (decimals, marked, after, negative, bold) → the largest magnitude
        texts: set[tuple[str, bool]] = set()
        as_written = column.as_written
        for row in rows:  # as _write_rows decides a cell's number format, without writing it
            value = row.cells[i]
            kind = type(value)
            if kind is float or kind is int:
                number, own, after = float(value), None, ""
            elif kind is Printed:
                number, own, after = value.value, value.decimals, value.after
            else:
                texts.add((fitting.printed_shape(cell_text(value, column, lang)), row.heading))
                continue
            if not math.isfinite(number):
                texts.add((fitting.printed_shape(cell_text(value, column, lang)), row.heading))
                continue
            if own is None:
                own = row_decimals(row, column)
                if own is None:
                    own = written_decimals(number) if as_written else 0 if number.is_integer() else 2
            key = (own, i in row.marks, after, number < 0, row.heading)
            size = abs(number)
            if size > largest.get(key, -1.0):
                largest[key] = size
        for (decimals, marked, after, negative, bold), size in largest.items():
            shown = written_number(-size if negative else size, lang, decimals) + column.suffix + ("*" if marked else "") + after
            texts.add((fitting.printed_shape(shown), bold))
        out.append(fitting.shape_mm(texts))
    return out


def _write_sheet(sheet: Sheet, table: Table, doc: Document, looks: Looks) -> None:
    lang = doc.lang
    table, parts = _fitted(table, doc)
    laid = parts[0]
    looks = looks.sized(laid.points)
    layout = _layout(table)
    widths = _sheet_widths(parts, len(layout))  # mm
    sheet.widths = [round(w / UNIT_MM, 2) for w in widths]
    printed = [units * PRINTED_UNIT_MM for units in sheet.widths]  # mm, as the columns print: what their lines are counted in
    if len(parts) > 1:  # the columns no page holds: on the next pages, the number, name and unit repeated
        shared = len(fitting.shared_columns(laid.table))
        sheet.print_columns = shared
        sheet.column_breaks = _breaks(parts, shared)
    count = len(layout)

    groups = table.header_groups()
    appendix = table.role in ("appendix", "status", "scorecard", "month")  # the scorecard and the monthly report: a document's appendix too, as in html and docx
    if appendix:  # the decree's heading block: Phụ lục, the name in capitals, (Kèm theo …)
        titles = [(text, "attached" if italic else "title") for text, bold, italic in nd30.heading(doc, table.title or doc.title).lines]
    else:
        titles = [(t, "title" if n == 0 else "bold") for n, t in enumerate([table.title, doc.title]) if t]
    header_first = len(titles) + 2  # a blank row between the title block and the table
    header_last = header_first + (1 if groups else 0)
    # the title block, the header rows and the number + name columns stay in view
    sheet.frozen_rows = header_last
    sheet.frozen_columns = 2 if table.column_index("name") is not None else 0
    sheet.print_rows = (header_first, header_last)
    sheet.page = PAGE._replace(landscape=laid.landscape)

    # the title block: each line merged over the table's width (its first page's, when in parts)
    span = len(parts[0].widths)
    for n, (line, font) in enumerate(titles, start=1):
        sheet.merge(n, 1, n, span)
        size = looks.points + FONTS[font][2]
        sheet.append([(line, looks(font, "centred", border=""))], height=_line_pt(size) * _lines(line, sum(printed[:span]), size) + ROW_PAD)
    sheet.append([])

    if table.role == "audit" and not table.rows:  # as the docx and html say it: no empty table
        sheet.merge(header_first, 1, header_first, count)
        sheet.append([(word("no_findings", lang), looks("text", "text", border=""))])
        return
    _write_header(sheet, table, layout, printed, groups, header_first, looks)
    kept = _write_rows(sheet, table, doc, layout, printed, looks)
    last_row = sheet.rows

    # below the table, as every format: its footnotes and the notes on its marks (the decree's
    # notes, under the table: "(*) Số liệu ước tính."), then the counts line
    notes = [line.text for line in lines_under(table, lang)]
    if notes:
        sheet.append([])
    for line in notes:
        # merged over the table's width and wrapped: a long footnote stays on the page
        sheet.merge(sheet.rows + 1, 1, sheet.rows + 1, span)
        sheet.append([(line, looks("note", "text", border=""))], height=_line_pt(looks.points) * _lines(line, sum(printed[:span]), looks.points) + ROW_PAD)
    sheet.row_breaks = page_breaks(sheet.heights, header_first, header_last, last_row, laid.landscape, kept)
    if len(parts) > 1:
        sheet.print_areas = _print_areas(sheet, sheet.column_breaks, count, header_first, last_row, notes, sum(printed[:sheet.print_columns]), looks.points)


def page_breaks(heights: list[float | None], header_first: int, header_last: int, last_row: int,
                landscape: bool, kept: Collection[int] = ()) -> list[int]:
    """The rows after which a printed page ends, from the rows' own heights (every row of the
    table has one) and the page at 100 % between the decree's margins, less PAGE_SLACK_PT: each
    page holds the print titles (the header, repeated) and the rows that fit under them; a group's
    heading or a section's row (``kept``) never ends a page; the lines under the table (its
    footnotes, the counts line, the note on estimates) begin no page: they go with the table's
    last row when they fit a page with it.

    Written as the sheet's manual page breaks, they are the pages LibreOffice and Excel print:
    LibreOffice's own breaks, with the page number's header at 10 mm, counted fewer pages for a
    print range with repeated rows than it laid out, and printed a 1.000-row table without its
    last pages (README "Reports to hand in")."""
    def height(row: int) -> float:
        found = heights[row - 1]
        return DEFAULT_ROW_PT if found is None else found

    page_mm = (nd30.A4_MM[0] if landscape else nd30.A4_MM[1]) - nd30.MARGINS_MM.top - nd30.MARGINS_MM.bottom
    room = page_mm / INCH_MM * 72 - PAGE_SLACK_PT
    titles = sum(height(r) for r in range(header_first, header_last + 1))
    under = sum(height(r) for r in range(last_row + 1, len(heights) + 1))
    if titles + height(last_row) + under > room:  # lines too long to go whole with the last row
        under = 0.0
    breaks: list[int] = []
    used = sum(height(r) for r in range(1, header_last + 1))
    start = header_last + 1  # the first row of the page
    for row in range(header_last + 1, last_row + 1):
        size = height(row) + (under if row == last_row else 0.0)
        if used + size > room and row > start:
            end = row - 1
            while end in kept and end > start:  # a heading goes to the next page with its first row
                end -= 1
            if end in kept:  # a page of headings alone: ended where it is full
                end = row - 1
            breaks.append(end)
            used = titles + sum(height(r) for r in range(end + 1, row))
            start = end + 1
        used += size
    return breaks


def _sheet_widths(parts: list[fitting.Laid], count: int) -> list[float]:
    """The sheet's column widths (mm) from its parts: each column its part's width, a column the
    parts share (the number, the name, the unit) the narrowest any part gave it, so that every
    part still fits its page."""
    if len(parts) == 1:
        return parts[0].widths
    shared = len(fitting.shared_columns(parts[0].table))
    widths = [min(part.widths[n] for part in parts) for n in range(shared)]
    for part in parts:
        widths += part.widths[shared:]
    assert len(widths) == count
    return widths


def _print_areas(sheet: Sheet, breaks: list[int], count: int, header_first: int, last_row: int,
                 notes: list[str], shared_mm: float, points: float) -> list[tuple[int, int, int, int]]:
    """What each part prints, each on pages of its own: the first part from the heading block
    down; a later part from its header (repeated: the print titles), so that the heading block,
    merged over the first part's columns, is never printed cut at the edge of the repeated
    columns (TT, the name, the unit) beside a later part's columns. The lines under the table
    go with a later part when each is printed whole in the repeated columns (one line), else
    only under the first."""
    ends = breaks + [count]
    whole = all(_lines(line, shared_mm, points) == 1 for line in notes)
    later_last = sheet.rows if whole else last_row
    areas = [(1, 1, sheet.rows, ends[0])]
    for start, end in zip(ends, ends[1:]):
        areas.append((header_first, start + 1, later_last, end))
    return areas


def _breaks(parts: list[fitting.Laid], shared: int) -> list[int]:
    """The sheet's columns after which a page ends: the last of each part but the last."""
    found, end = [], shared
    for part in parts[:-1]:
        end += len(part.widths) - shared
        found.append(end)
    return found


def _line_pt(points: float) -> float:
    """The height of a line of text at this size (13 pt for 11 pt: Times' line is 1.15 of its size)."""
    return round(points * 1.18, 1)


def _lines(text: str, width_mm: float, points: float, bold: bool = False) -> int:
    """The lines a text takes in cells ``width_mm`` wide as printed (PRINTED_UNIT_MM)."""
    return fitting.line_count(text, width_mm, points, bold, TEXT_PAD_MM)


def _write_header(sheet: Sheet, table: Table, layout: list[tuple[int, str]], widths: list[float],
                  groups: list[tuple[str, int, int]], first: int, looks: Looks) -> None:
    """The header: a group's title over its columns, the others spanning both rows."""
    header = looks("bold", "centred")

    def header_text(i: int, part: str, lower: bool) -> str:
        column = table.columns[i]
        if part == "printed":
            return column.printed
        return column.sub or column.header if lower else column.header

    points = looks.points
    height = max(_lines(header_text(i, p, bool(groups)), w, points, bold=True) for (i, p), w in zip(layout, widths))
    line = _line_pt(points)
    if not groups:
        sheet.append([(header_text(i, p, False), header) for i, p in layout], height=line * height + ROW_PAD)
        return
    group_of = {}
    for text, start, end in groups:
        for i in range(start, end + 1):
            group_of[i] = (text, start, end)
    upper: list[Cell] = []
    lower: list[Cell] = []
    for n, (i, part) in enumerate(layout, start=1):
        text, start, end = group_of[i] if part == "value" else ("", i, i)
        if text:
            upper.append((text if i == start else None, header))
            lower.append((header_text(i, part, True), header))
            if i == start and end > start:
                sheet.merge(first, n, first, n + sum(1 for j, p in layout if start < j <= end))
        else:
            upper.append((header_text(i, part, False), header))
            lower.append((None, header))
            sheet.merge(first, n, first + 1, n)
    sheet.append(upper, height=line * 2)
    sheet.append(lower, height=line * max(height, 1) + ROW_PAD)


def _write_rows(sheet: Sheet, table: Table, doc: Document, layout: list[tuple[int, str]], widths: list[float], looks: Looks) -> set[int]:
    """The table's rows, each as tall as its longest wrapped text; the sheet rows of its headings
    and sections, which are kept with the row after them. 170.000 cells at 10.000 rows: what does
    not depend on the cell is looked up once per sheet or per row."""
    kept: set[int] = set()
    lang, locale = doc.lang, LOCALES[doc.lang.value]
    status_index = table.column_index("assessment")
    if status_index is None:
        status_index = len(table.columns) - 1
    coloured = table.role in ("appendix", "status", "month")
    # (sheet column, table column, "value" or "printed", the column, whether its text sets the row's height)
    plan = [(n, i, part, table.columns[i], not table.columns[i].numeric or part == "printed") for n, (i, part) in enumerate(layout)]
    numbers: dict[tuple[str, int, bool, str, str], int] = {}  # (font, decimals, marked, suffix, after) → style
    points = looks.points
    line = _line_pt(points)
    lines_of = (fitting.Lines(points, pad=TEXT_PAD_MM), fitting.Lines(points, bold=True, pad=TEXT_PAD_MM))  # by row.heading: its text is bold
    for row in table.rows:
        if row.section or row.heading:
            kept.add(sheet.rows + 1)
        if row.section:  # "I. KINH TẾ" merged across the table, bold
            text = section_text(row, table)
            sheet.merge(sheet.rows + 1, 1, sheet.rows + 1, len(plan))
            bold = looks("bold", "text")
            lines = lines_of[True](text, sum(widths))
            sheet.append([(text, bold)] + [(None, bold)] * (len(plan) - 1), height=line * lines + ROW_PAD)
            continue
        font = "bold" if row.heading else "text"
        right, text_style, printed_style = looks(font, "number"), looks(font, "text"), looks(font, "printed")
        name_style = looks(font, f"name{min(row.depth, 3)}")
        fill = STATUS_FILLS[row.status.value] if coloured and row.status is not None else ""
        status_style = looks(font, "text", fill=fill)
        cells: list[Cell] = []
        lines = 1
        for n, i, part, column, sets_height in plan:
            value = row.cells[i]
            if part == "printed":
                text = cell_text(value, column, lang) if value is not None else ""
                cells.append((text, printed_style))
                if text:
                    lines = max(lines, lines_of[row.heading](text, widths[n]))
            elif isinstance(value, (int, float, Printed)) and not isinstance(value, bool):
                number = value.value if isinstance(value, Printed) else value
                if not math.isfinite(number):
                    # ∞ (an at-most target reached at zero) is no number a cell can hold: the
                    # text the other formats print, where the number would be
                    cells.append((cell_text(value, column, lang), right))
                    continue
                own = value.decimals if isinstance(value, Printed) else None
                decimals = own if own is not None else shown_decimals(number, row_decimals(row, column), column.as_written)
                key = (font, decimals, i in row.marks, column.suffix, value.after if isinstance(value, Printed) else "")
                style = numbers.get(key)
                if style is None:
                    style = numbers[key] = looks(font, "number", number_format=number_format(decimals, key[2], locale, key[3], key[4]))
                # a computed figure as the JSON rounds it (10.000000000000009 is 10), a recorded one as recorded
                cells.append((stored(number, column.key in RECORDED) if type(number) is float else number, style))
            else:
                text = name_text(row, column, str(value)) if column.wrap and value else ("" if value is None else str(value))
                if isinstance(value, Phrase):  # "Đi lùi (-1,01)": a line never breaks between the sign and its number
                    text = text.replace("(-", "(\u2011")
                style = name_style if column.wrap else status_style if i == status_index else text_style
                tone = row.tones[i] if row.tones else None
                if tone is not None:  # a scorecard's cell, in its own class's fill
                    style = looks(font, "text", fill=STATUS_FILLS[tone.value])
                cells.append((text or None, style))
                if text and sets_height:
                    # a sub-row's name in the whole width: its alignment's indent is not printed
                    # (ALIGNMENTS: no horizontal "left"; ECMA-376 18.8.1 applies an indent to a
                    # left, right or distributed cell only), the "- " before it is written
                    lines = max(lines, lines_of[row.heading](text, widths[n]))
        # every row gets its height: LibreOffice's own would measure the merged title block
        sheet.append(cells, height=line * lines + ROW_PAD)
    return kept


FORMATTER = XlsxFormatter()
