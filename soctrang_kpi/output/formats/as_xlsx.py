"""xlsx: a workbook (openpyxl, write-only so that 10.000 rows cost one pass) that prints as the
report's appendix: a title block, the two-row header repeated on every page, borders, wrapped
names in rows tall enough to show them, A4 landscape one page wide; real numbers with the plan's
number formats (estimates marked "*" by the format, the number stays a number), the target as a
number with its printed form beside it; the assessment coloured by class; then the audit.

No text cell is ever a formula: every string is written with the data type "s", whatever it
begins with (``=HYPERLINK(…)`` is a name, not a link)."""

from __future__ import annotations

import io
from copy import copy

from ..document import Document, Printed, Style, Table, cell_text, marked_text, name_text, row_decimals
from ..labels import word, written_decimals
from ..safe import terminal_text
from . import Formatter

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
PAPER_A4 = "9"  # the paperSize code of A4
#: the language of the number formats: LibreOffice then writes 5,76 and 417.000 in Vietnamese
#: whatever the reader's locale (Excel keeps its system separators and ignores the tag)
LOCALES = {"vi": "[$-42A]", "en": "[$-409]"}


def number_format(value: float, decimals: int | None, marked: bool = False, locale: str = "", as_written: bool = False) -> str:
    """The cell's number format: the column's decimals, else those the value was written with
    (``as_written``: a target 1.2 shows 1,2), else two for a fraction; a marked value ends in "*",
    the others in the space of a "-" so that the number does not touch the text beside it."""
    if decimals is None and as_written:
        decimals = written_decimals(value)
    if decimals is not None:
        found = "#,##0." + "0" * decimals if decimals else "#,##0"
    else:
        found = "#,##0" if float(value).is_integer() else "#,##0.00"
    return locale + found + ('"*"' if marked else "_-")


class XlsxFormatter(Formatter):
    binary = True

    def text(self, doc: Document, style: Style) -> str:
        raise TypeError("xlsx is a binary format")

    def file(self, doc: Document) -> bytes:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        used: set[str] = set()
        for table in doc.tables:
            if table.machine_only and not table.rows:
                continue
            key = SHEET_NAMES.get(table.role)
            title = word(key, doc.lang) if key else (table.title or table.role or "Sheet")
            title = _unique(title[:31], used)
            _write_sheet(book.create_sheet(title), table, doc)
        if not book.worksheets:
            book.create_sheet("Sheet")
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()


def _unique(title: str, used: set[str]) -> str:
    for char in "[]:*?/\\":
        title = title.replace(char, " ")
    name, n = title, 2
    while name in used:
        name = f"{title[:28]} {n}"
        n += 1
    used.add(name)
    return name


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


def _write_sheet(sheet, table: Table, doc: Document) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    lang = doc.lang
    layout = _layout(table)
    widths = _widths(table, doc, layout)
    count = len(layout)
    for n, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width

    groups = table.header_groups()
    if table.title and table.title != doc.title:
        titles = [table.title, doc.title]
    else:
        titles = [word("report_title", lang).upper(), table.title or doc.title]
    titles = [t for t in titles if t]
    header_first = len(titles) + 2  # a blank row between the title block and the table
    header_last = header_first + (1 if groups else 0)
    # the title block, the header rows and the number + name columns stay in view
    frozen_columns = 3 if table.column_index("name") is not None else 1
    sheet.freeze_panes = f"{get_column_letter(frozen_columns)}{header_last + 1}"
    sheet.print_title_rows = f"{header_first}:{header_last}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = PAPER_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages tall as it takes
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.HeaderFooter.oddFooter.center.text = "&P / &N"

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font, bold = Font(name=FONT, size=SIZE), Font(name=FONT, size=SIZE, bold=True)
    title_font = Font(name=FONT, size=SIZE + 3, bold=True)
    centred = Alignment(wrap_text=True, vertical="center", horizontal="center")
    wrapped = [Alignment(wrap_text=True, vertical="top", indent=depth * 2) for depth in range(4)]
    top, right = Alignment(vertical="top", wrap_text=True), Alignment(vertical="top", horizontal="right")
    fills = {status: PatternFill("solid", start_color=colour) for status, colour in STATUS_FILLS.items()}
    status_index = table.column_index("assessment")
    if status_index is None:
        status_index = len(table.columns) - 1
    coloured = table.role in ("appendix", "status")
    styles: dict[tuple, object] = {}

    def style(cell, cell_font, alignment, cell_border=None, fill=None, number_format=None) -> None:
        """Give a cell its look. openpyxl registers a style by hashing every attribute of every
        style object on each assignment — two thirds of the time of a 10.000-row sheet — so each
        combination is built once and its index array copied to the other cells."""
        key = (id(cell_font), id(alignment), id(cell_border), id(fill), number_format)
        known = styles.get(key)
        if known is not None:
            cell._style = copy(known)
            return
        cell.font, cell.alignment = cell_font, alignment
        if cell_border is not None:
            cell.border = cell_border
        if fill is not None:
            cell.fill = fill
        if number_format is not None:
            cell.number_format = number_format
        styles[key] = copy(cell._style)

    def text_cell(value: str, cell_font, alignment, with_border: bool = True, fill=None):
        # text, never a formula; without the control characters the xlsx XML cannot hold
        cell = WriteOnlyCell(sheet, terminal_text(value))
        cell.data_type = "s"
        style(cell, cell_font, alignment, border if with_border else None, fill)
        return cell

    # the title block: each line merged over the table's width
    for n, line in enumerate(titles, start=1):
        sheet.merged_cells.add(f"A{n}:{get_column_letter(count)}{n}")
        sheet.row_dimensions[n].height = 20 * _lines(line, sum(widths) / 1.15)
        sheet.append([text_cell(line, title_font if n == 1 else bold, centred, with_border=False)])
    sheet.append([])

    # the header: a group's title over its columns, the others spanning both rows
    def header_text(i: int, part: str, lower: bool) -> str:
        column = table.columns[i]
        if part == "printed":
            return column.printed
        return column.sub or column.header if lower else column.header

    header_height = max(_lines(header_text(i, p, bool(groups)), w) for (i, p), w in zip(layout, widths))
    if groups:
        group_of = {}
        for text, first, last in groups:
            for i in range(first, last + 1):
                group_of[i] = (text, first, last)
        upper, lower = [], []
        for n, (i, part) in enumerate(layout, start=1):
            text, first, last = group_of[i] if part == "value" else ("", i, i)
            if text:
                upper.append(text_cell(text if i == first else "", bold, centred))
                lower.append(text_cell(header_text(i, part, True), bold, centred))
                if i == first and last > first:
                    end = n + sum(1 for j, p in layout if first < j <= last)
                    sheet.merged_cells.add(f"{get_column_letter(n)}{header_first}:{get_column_letter(end)}{header_first}")
            else:
                upper.append(text_cell(header_text(i, part, False), bold, centred))
                lower.append(text_cell("", bold, centred))
                sheet.merged_cells.add(f"{get_column_letter(n)}{header_first}:{get_column_letter(n)}{header_last}")
        sheet.row_dimensions[header_first].height = LINE_HEIGHT * 2
        sheet.row_dimensions[header_last].height = LINE_HEIGHT * max(header_height, 1)
        sheet.append(upper)
        sheet.append(lower)
    else:
        sheet.row_dimensions[header_first].height = LINE_HEIGHT * header_height
        sheet.append([text_cell(header_text(i, p, False), bold, centred) for i, p in layout])

    # the rows
    wrapping = [n for n, (i, p) in enumerate(layout) if not table.columns[i].numeric or p == "printed"]
    row_number = header_last
    for row in table.rows:
        row_number += 1
        cells, lines = [], 1
        for n, (i, part) in enumerate(layout):
            column, value = table.columns[i], row.cells[i]
            row_font = bold if row.heading else font
            if part == "printed":
                text = cell_text(value, column, lang) if value is not None else ""
                cell = text_cell(text, row_font, right)
            elif isinstance(value, bool) or not isinstance(value, (int, float, Printed)):
                text = name_text(row, column, str(value)) if column.wrap and value else ("" if value is None else str(value))
                fill = fills[row.status.value] if i == status_index and coloured and row.status is not None else None
                cell = text_cell(text, row_font, wrapped[min(row.depth, 3)] if column.wrap else top, fill=fill)
                if text and n in wrapping:
                    lines = max(lines, _lines(text, widths[n] - (2 * row.depth if column.wrap else 0)))
            else:
                number = value.value if isinstance(value, Printed) else value
                cell = WriteOnlyCell(sheet, number)
                shape = number_format(number, row_decimals(row, column), i in row.marks, LOCALES[lang.value], column.as_written)
                style(cell, row_font, right, border, number_format=shape)
            cells.append(cell)
        # every row gets its height: LibreOffice's own would measure the merged title block
        sheet.row_dimensions[row_number].height = LINE_HEIGHT * lines + ROW_PAD
        sheet.append(cells)

    # below the table: the summary line and what "*" means
    notes = [table.footer] if table.footer else []
    if table.has_marks:
        notes.append(word("estimate_note", lang))
    if notes:
        sheet.append([])
    for line in notes:
        sheet.append([text_cell(line, Font(name=FONT, size=SIZE, italic=True), Alignment(), with_border=False)])


FORMATTER = XlsxFormatter()
