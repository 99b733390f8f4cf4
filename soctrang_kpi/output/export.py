"""`kpi export`: the appendix table as a file people hand in — xlsx, csv, md or html.

One table of exporters, each a pure ``export(document) -> bytes`` over the appendix document of
views.py. csv and md reuse the display formatters; xlsx (openpyxl) and html (report_html) are
imported only when asked for.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from enum import Enum

from .labels import word
from .render import Document, Format, FORMATTERS, Style

#: fill colour of the assessment cell, by status code (Excel's own good / bad palette)
STATUS_FILLS = {
    "exceeded": "C6EFCE",
    "achieved": "FFFFFF",
    "at_risk": "FFC7CE",
    "missed": "FF9C9C",
    "no_data": "EDEDED",
}


class ExportFormat(str, Enum):
    XLSX = "xlsx"
    CSV = "csv"
    MD = "md"
    HTML = "html"


def export_csv(doc: Document) -> bytes:
    """The appendix only, raw numbers with a decimal point, UTF-8 with a BOM so that Excel on
    Windows shows Vietnamese correctly when the file is double-clicked."""
    appendix_only = Document(doc.data, doc.tables[:1], lang=doc.lang)
    return b"\xef\xbb\xbf" + FORMATTERS[Format.CSV](appendix_only, Style()).encode("utf-8")


def export_md(doc: Document) -> bytes:
    return FORMATTERS[Format.MARKDOWN](doc, Style()).encode("utf-8")


def export_html(doc: Document) -> bytes:
    from .html import page

    return page(doc).encode("utf-8")


def export_xlsx(doc: Document) -> bytes:
    """A workbook: the appendix with real numbers, then the audit findings."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheets = [(book.active, word("appendix_sheet", doc.lang)), (book.create_sheet(), word("audit_sheet", doc.lang))]
    for (sheet, title), table in zip(sheets, doc.tables):
        sheet.title = title
        sheet.append([c.header for c in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        styles = table.styles or ("",) * len(table.rows)
        for row, status in zip(table.rows, styles):
            sheet.append([None if value == "" else value for value in row])
            for column, cell in zip(table.columns, sheet[sheet.max_row]):
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    cell.number_format = _number_format(cell.value, column.decimals)
                if column.wrap:
                    indent = 1 if isinstance(cell.value, str) and cell.value.startswith("- ") else 0
                    cell.alignment = Alignment(wrap_text=True, vertical="top", indent=indent)
            if status in STATUS_FILLS:
                last = sheet.cell(row=sheet.max_row, column=len(table.columns))
                last.fill = PatternFill("solid", start_color=STATUS_FILLS[status])
        for index, column in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = 48 if column.wrap else max(9, min(len(column.header) + 2, 24))
        sheet.freeze_panes = "C2"  # header row and the number + name columns stay in view
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _number_format(value: float, decimals: int | None) -> str:
    if decimals is not None:
        return "0." + "0" * decimals if decimals else "0"
    return "#,##0" if float(value).is_integer() else "#,##0.00"


EXPORTERS: dict[ExportFormat, Callable[[Document], bytes]] = {
    ExportFormat.XLSX: export_xlsx,
    ExportFormat.CSV: export_csv,
    ExportFormat.MD: export_md,
    ExportFormat.HTML: export_html,
}


def format_for(path: str, given: ExportFormat | None) -> ExportFormat:
    """The format asked for, else the one the file name ends with."""
    if given is not None:
        return given
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    try:
        return ExportFormat({"markdown": "md", "htm": "html"}.get(suffix, suffix))
    except ValueError:
        from ..errors import UsageError

        raise UsageError(f"cannot tell the format from {path!r}: give --format xlsx, csv, md or html") from None

