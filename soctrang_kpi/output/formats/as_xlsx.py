"""xlsx: a workbook that prints as the report's appendix: a title block, the two-row header
repeated on every page, borders, wrapped names in rows tall enough to show them, A4 landscape one
page wide; real numbers with the plan's number formats (estimates marked "*" by the format, the
number stays a number), the target as a number with its printed form beside it; the assessment
coloured by class; then the audit.

This module lays the sheets out; ``spreadsheetml`` writes them (one pass, rows as text). No text
cell is ever a formula: every string is an inline string, whatever it begins with
(``=HYPERLINK(…)`` is a name, not a link)."""

from __future__ import annotations

import math

from ..document import Document, Printed, Style, Table, cell_text, marked_text, name_text, row_decimals
from ..labels import word, written_decimals
from . import Formatter
from .spreadsheetml import Alignment, Cell, Font, PageSetup, Sheet, Workbook
from .spreadsheetml import Style as CellStyle

#: fill colour of the assessment cell, by status code (Excel's own good / bad palette)
STATUS_FILLS = {
    "exceeded": "C6EFCE",
    "achieved": "FFFFFF",
    "at_risk": "FFC7CE",
    "missed": "FF9C9C",
    "no_data": "EDEDED",
}

#: sheet names by table role; other tables are named by their title
SHEET_NAMES = {"appendix": "appendix_sheet", "status": "appendix_sheet", "audit": "audit_sheet"}

FONT = "Times New Roman"  # the administrative documents' typeface
SIZE = 11  # 15 columns on one landscape A4 page width stay readable at 11 pt
NAME_WIDTH = 38  # the name column, in characters (wrapped)
TEXT_MAX_WIDTH = 40  # other text columns wrap beyond this
#: text columns that wrap beyond a width of their own: the pace ("Đúng tiến độ (đã đạt mục tiêu)")
TEXT_WIDTHS = {"pace": 16, "assessment": 12, "unit": 11}
LINE_HEIGHT = 14  # points per line of 11 pt text
ROW_PAD = 2  # points above and below the lines of a row
CHARS_PER_UNIT = 1.15  # letters of 11 pt Times per column width unit (a digit of the default font)
WIDTH_SAMPLE = 500  # column widths are measured on the first rows only (10.000 rows stay fast)
#: A4 landscape, one page wide and as many tall as it takes, centred, numbered "1 / 3" in the
#: bottom margin: the footer starts 0.2" from the paper's edge (at 0.5", the bottom margin itself,
#: LibreOffice printed the number with no room, that is not at all)
PAGE = PageSetup(landscape=True, paper=9, fit_width=1, fit_height=0, centred=True,
                 margins=(0.4, 0.4, 0.5, 0.5), header_margin=0.2, footer="&C&P / &N")
#: the language of the number formats: LibreOffice then writes 5,76 and 417.000 in Vietnamese
#: whatever the reader's locale (Excel keeps its system separators and ignores the tag)
LOCALES = {"vi": "[$-42A]", "en": "[$-409]"}
#: the fonts and alignments of the cells, by name
FONTS = {
    "text": Font(FONT, SIZE),
    "bold": Font(FONT, SIZE, bold=True),
    "title": Font(FONT, SIZE + 3, bold=True),
    "note": Font(FONT, SIZE, italic=True),
}
ALIGNMENTS = {
    "centred": Alignment("center", "center", wrap=True),  # titles and headers
    "text": Alignment(vertical="top", wrap=True),
    "number": Alignment("right", "top"),  # numbers and the printed form of a target
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


def number_format(decimals: int, marked: bool = False, locale: str = "") -> str:
    """The cell's number format: thousands grouped, ``decimals`` places; a marked value ends in
    "*", the others in the space of a "-" so that the number does not touch the text beside it."""
    return locale + ("#,##0." + "0" * decimals if decimals else "#,##0") + ('"*"' if marked else "_-")


class XlsxFormatter(Formatter):
    binary = True

    def text(self, doc: Document, style: Style) -> str:
        raise TypeError("xlsx is a binary format")

    def file(self, doc: Document) -> bytes:
        book = Workbook(title=doc.title)
        looks = Looks(book)
        for table in doc.tables:
            if table.machine_only and not table.rows:
                continue
            key = SHEET_NAMES.get(table.role)
            title = word(key, doc.lang) if key else (table.title or table.role or "Sheet")
            _write_sheet(book.add_sheet(title), table, doc, looks)
        if doc.data:
            embed(book, doc.data)
        return book.save()


def embed(book: Workbook, data: str) -> None:
    """kpi's own data, for `kpi import`: a hidden sheet, the text in cells of column A."""
    from ... import embedded

    sheet = book.add_sheet(embedded.SHEET)
    sheet.hidden = True
    for start in range(0, len(data), embedded.CELL_CHARS):
        sheet.append([(data[start:start + embedded.CELL_CHARS], 0)])


class Looks:
    """The workbook's cell styles by name (font, alignment, border, fill, number format): each
    combination is built and registered once, and a lookup hashes a few short strings."""

    def __init__(self, book: Workbook) -> None:
        self._book = book
        self._known: dict[tuple[str, str, str, str, str], int] = {}

    def __call__(self, font: str, alignment: str, border: str = "thin", fill: str = "", number_format: str = "General") -> int:
        key = (font, alignment, border, fill, number_format)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = self._book.style(CellStyle(FONTS[font], fill, border, ALIGNMENTS[alignment], number_format))
        return found


def _layout(table: Table) -> list[tuple[int, str]]:
    """The sheet's columns: (index of the table column, "value" or "printed")."""
    out: list[tuple[int, str]] = []
    for i, column in enumerate(table.columns):
        out.append((i, "value"))
        if column.printed:
            out.append((i, "printed"))
    return out


def _widths(table: Table, doc: Document, layout: list[tuple[int, str]]) -> list[float]:
    sample = table.rows[:WIDTH_SAMPLE]
    widths: list[float] = []
    for i, part in layout:
        column = table.columns[i]
        if column.wrap:
            widths.append(NAME_WIDTH)
            continue
        texts = [name_text(row, column, marked_text(row, i, cell_text(row.cells[i], column, doc.lang))) for row in sample]
        widest = max([len(t) for t in texts] + [1])
        header = column.printed if part == "printed" else (column.sub or column.header)
        longest_word = max((len(w) for w in header.replace("–", "– ").split()), default=1)
        words = max((len(w) for t in texts for w in t.split()), default=1)
        if column.numeric and part == "value":
            widths.append(max(widest + 1, longest_word + 1, 6))
        elif column.key == "no":
            widths.append(max(widest + 1, 4))
        elif column.key in TEXT_WIDTHS:
            widths.append(max(min(widest + 1, TEXT_WIDTHS[column.key]), words + 1, longest_word + 1))
        else:
            widths.append(min(max(widest + 1, longest_word + 1, 6), TEXT_MAX_WIDTH))
    return widths


def _lines(text: str, width: float) -> int:
    """How many lines a wrapped text takes in a column of this width (characters): the words
    wrapped as a spreadsheet wraps them, a width unit being about 1.15 letters of 11 pt Times."""
    per_line = max(int((width - 1) * CHARS_PER_UNIT), 1)
    if len(text) <= per_line and "\n" not in text:
        return 1  # most cells: no need to wrap word by word
    count = 0
    for part in text.split("\n"):
        line = 0
        count += 1
        for w in part.split():
            if line and line + 1 + len(w) > per_line:
                count += 1
                line = 0
            line += (1 if line else 0) + len(w)
            while line > per_line:  # a word longer than the line is cut
                count += 1
                line -= per_line
    return max(count, 1)


def _write_sheet(sheet: Sheet, table: Table, doc: Document, looks: Looks) -> None:
    lang = doc.lang
    layout = _layout(table)
    widths = _widths(table, doc, layout)
    sheet.widths = widths
    count = len(layout)

    groups = table.header_groups()
    if table.title and table.title != doc.title:
        titles = [table.title, doc.title]
    else:
        titles = [word("report_title", lang).upper(), table.title or doc.title]
    titles = [t for t in titles if t]
    header_first = len(titles) + 2  # a blank row between the title block and the table
    header_last = header_first + (1 if groups else 0)
    # the title block, the header rows and the number + name columns stay in view
    sheet.frozen_rows = header_last
    sheet.frozen_columns = 2 if table.column_index("name") is not None else 0
    sheet.print_rows = (header_first, header_last)
    sheet.page = PAGE

    # the title block: each line merged over the table's width
    for n, line in enumerate(titles, start=1):
        sheet.merge(n, 1, n, count)
        sheet.append([(line, looks("title" if n == 1 else "bold", "centred", border=""))], height=20 * _lines(line, sum(widths) / 1.15))
    sheet.append([])

    _write_header(sheet, table, layout, widths, groups, header_first, looks)
    _write_rows(sheet, table, doc, layout, widths, looks)

    # below the table: the summary line and what "*" means
    notes = [table.footer] if table.footer else []
    if table.has_marks:
        notes.append(word("estimate_note", lang))
    if notes:
        sheet.append([])
    for line in notes:
        sheet.append([(line, looks("note", "plain", border=""))])


def _write_header(sheet: Sheet, table: Table, layout: list[tuple[int, str]], widths: list[float],
                  groups: list[tuple[str, int, int]], first: int, looks: Looks) -> None:
    """The header: a group's title over its columns, the others spanning both rows."""
    header = looks("bold", "centred")

    def header_text(i: int, part: str, lower: bool) -> str:
        column = table.columns[i]
        if part == "printed":
            return column.printed
        return column.sub or column.header if lower else column.header

    height = max(_lines(header_text(i, p, bool(groups)), w) for (i, p), w in zip(layout, widths))
    if not groups:
        sheet.append([(header_text(i, p, False), header) for i, p in layout], height=LINE_HEIGHT * height)
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
    sheet.append(upper, height=LINE_HEIGHT * 2)
    sheet.append(lower, height=LINE_HEIGHT * max(height, 1))


def _write_rows(sheet: Sheet, table: Table, doc: Document, layout: list[tuple[int, str]], widths: list[float], looks: Looks) -> None:
    """The table's rows, each as tall as its longest wrapped text. 170.000 cells at 10.000 rows:
    what does not depend on the cell is looked up once per sheet or per row."""
    lang, locale = doc.lang, LOCALES[doc.lang.value]
    status_index = table.column_index("assessment")
    if status_index is None:
        status_index = len(table.columns) - 1
    coloured = table.role in ("appendix", "status")
    # (sheet column, table column, "value" or "printed", the column, whether its text sets the row's height)
    plan = [(n, i, part, table.columns[i], not table.columns[i].numeric or part == "printed") for n, (i, part) in enumerate(layout)]
    numbers: dict[tuple[str, int, bool], int] = {}  # (font, decimals, marked) → style
    for row in table.rows:
        font = "bold" if row.heading else "text"
        right, text_style = looks(font, "number"), looks(font, "text")
        name_style = looks(font, f"name{min(row.depth, 3)}")
        fill = STATUS_FILLS[row.status.value] if coloured and row.status is not None else ""
        status_style = looks(font, "text", fill=fill)
        cells: list[Cell] = []
        lines = 1
        for n, i, part, column, sets_height in plan:
            value = row.cells[i]
            if part == "printed":
                cells.append((cell_text(value, column, lang) if value is not None else "", right))
            elif isinstance(value, (int, float, Printed)) and not isinstance(value, bool):
                number = value.value if isinstance(value, Printed) else value
                if not math.isfinite(number):
                    # ∞ (an at-most target reached at zero) is no number a cell can hold: the
                    # text the other formats print, where the number would be
                    cells.append((cell_text(value, column, lang), right))
                    continue
                decimals = shown_decimals(number, row_decimals(row, column), column.as_written)
                key = (font, decimals, i in row.marks)
                style = numbers.get(key)
                if style is None:
                    style = numbers[key] = looks(font, "number", number_format=number_format(decimals, key[2], locale))
                cells.append((number, style))
            else:
                text = name_text(row, column, str(value)) if column.wrap and value else ("" if value is None else str(value))
                style = name_style if column.wrap else status_style if i == status_index else text_style
                cells.append((text or None, style))
                if text and sets_height:
                    lines = max(lines, _lines(text, widths[n] - (2 * row.depth if column.wrap else 0)))
        # every row gets its height: LibreOffice's own would measure the merged title block
        sheet.append(cells, height=LINE_HEIGHT * lines + ROW_PAD)


FORMATTER = XlsxFormatter()
