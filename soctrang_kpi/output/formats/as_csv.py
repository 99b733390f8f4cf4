"""CSV: raw numbers with a decimal point, so a spreadsheet or a script reads them as numbers."""

from __future__ import annotations

import csv
import io

from ..document import Cell, Document, Row, Style, Table, name_text
from . import Formatter

BOM = b"\xef\xbb\xbf"


def plain(value: Cell) -> Cell:
    """A cell for machines: 8 not 8.0, 80.4 not 80.39999999999999, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, float):
        value = round(value, 6)
        return int(value) if value.is_integer() else value
    return value


def _cells(row: Row, table: Table) -> list[Cell]:
    return [name_text(row, c, v) if isinstance(v, str) else plain(v) for v, c in zip(row.cells, table.columns)]


class CsvFormatter(Formatter):
    def text(self, doc: Document, style: Style) -> str:
        return self._write(doc.tables)

    def file(self, doc: Document) -> bytes:
        """The main table only, UTF-8 with a BOM so that Excel on Windows shows Vietnamese
        correctly when the file is double-clicked."""
        return BOM + self._write(doc.tables[:1]).encode("utf-8")

    @staticmethod
    def _write(tables: tuple[Table, ...]) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for i, table in enumerate(tables):
            if i:
                out.write("\n")
            writer.writerow([c.header for c in table.columns])
            for row in table.rows:
                writer.writerow(_cells(row, table))
        return out.getvalue()


FORMATTER = CsvFormatter()
