"""xlsx: a workbook (openpyxl, write-only so that 10.000 rows cost one pass): the appendix with
real numbers and number formats, frozen header and name columns, wrapped names, the assessment
coloured by class; then the audit findings."""

from __future__ import annotations

import io

from ..document import Cell, Column, Document, Row, Style, Table
from ..labels import word
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


def number_format(value: float, decimals: int | None) -> str:
    if decimals is not None:
        return "0." + "0" * decimals if decimals else "0"
    return "#,##0" if float(value).is_integer() else "#,##0.00"


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
            _write_sheet(book.create_sheet(title), table)
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


def _write_sheet(sheet, table: Table) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = 48 if column.wrap else max(9, min(len(column.header) + 2, 24))
    sheet.freeze_panes = "C2"  # header row and the number + name columns stay in view
    bold = Font(bold=True)
    centred = Alignment(wrap_text=True, vertical="center", horizontal="center")
    header = []
    for column in table.columns:
        cell = WriteOnlyCell(sheet, column.header)
        cell.font, cell.alignment = bold, centred
        header.append(cell)
    sheet.append(header)
    wrapped = [Alignment(wrap_text=True, vertical="top", indent=depth) for depth in range(4)]
    fills = {status: PatternFill("solid", start_color=colour) for status, colour in STATUS_FILLS.items()}
    last = len(table.columns) - 1
    for row in table.rows:
        cells = []
        for index, (value, column) in enumerate(zip(row.cells, table.columns)):
            cell = WriteOnlyCell(sheet, None if value == "" else value)
            _format(cell, value, column, row, wrapped)
            if index == last and row.status is not None and table.role in ("appendix", "status"):
                cell.fill = fills[row.status.value]
            cells.append(cell)
        sheet.append(cells)


def _format(cell, value: Cell, column: Column, row: Row, wrapped: list) -> None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.number_format = number_format(value, column.decimals)
    if column.wrap:
        cell.alignment = wrapped[min(row.depth, 3)]


FORMATTER = XlsxFormatter()
