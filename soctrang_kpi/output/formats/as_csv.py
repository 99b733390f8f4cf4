"""CSV: raw numbers with a decimal point, so a spreadsheet or a script reads them as numbers.

Text that a spreadsheet would run as a formula (it begins with = + - @ tab or CR) is written
with a leading apostrophe; negative numbers are numbers and stay as they are. A sub-row's name is
written without the "- " of the printed table (its number, "3.1", says it is a sub-row), so that
no name of the bundled data needs the apostrophe. Escape sequences and control characters
(except tab and newline) become "?", as on a terminal: `cat file.csv` cannot be coloured by a name.
A number printed with a mark ("7,10*", "7,10 (2022)") is written as the number; words with a
number in them ("Vượt 0,40%", "Cần tăng tốc (0,72)", a target "Dưới 1,5") with a decimal point and no
grouping, as every number of the file ("Vượt 0.40%", "Dưới 1.5")."""

from __future__ import annotations

import csv
import io
import math

from ...numbers import number
from ..document import Cell, Document, Phrase, Printed, Row, Style, Table
from ..labels import Lang, machine_text
from ..safe import csv_text, terminal_text
from . import Formatter

BOM = b"\xef\xbb\xbf"

#: tables whose footer is data, written after an empty line: the areas' counts ("4/5 xã, phường
#: đạt", README "Territory"); the appendix's summary line is the JSON's and the printed page's
COUNTED = ("scorecard", "by_area")


def plain(value: Cell) -> Cell:
    """A cell for machines: 8 not 8.0, 80.4 not 80.39999999999999, nothing for None; ∞ (an
    at-most target reached at zero) as every other format writes it, not Python's "inf"."""
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return number(value, "en")
    if isinstance(value, float):
        value = round(value, 6)
        return int(value) if value.is_integer() else value
    return value


def _cells(row: Row, table: Table, lang: Lang) -> list[Cell]:
    return [
        plain(v.value) if isinstance(v, Printed) and v.plain
        else csv_text(terminal_text(v.machine)) if isinstance(v, Phrase)
        else csv_text(terminal_text(v.machine or machine_text(v.text, lang))) if isinstance(v, Printed)
        else csv_text(terminal_text(v)) if isinstance(v, str) else plain(v)
        for v in row.cells
    ]


class CsvFormatter(Formatter):
    def text(self, doc: Document, style: Style) -> str:
        return self._write(doc.tables, doc.lang)

    def file(self, doc: Document) -> bytes:
        """The main table only, UTF-8 with a BOM so that Excel on Windows shows Vietnamese
        correctly when the file is double-clicked."""
        return BOM + self._write(doc.tables[:1], doc.lang).encode("utf-8")

    @staticmethod
    def _write(tables: tuple[Table, ...], lang: Lang) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for i, table in enumerate(tables):
            if i:
                out.write("\n")
            writer.writerow([csv_text(terminal_text(c.header)) for c in table.columns])
            for row in table.rows:
                if not row.section:  # a section's row is for the printed page: csv has the data
                    writer.writerow(_cells(row, table, lang))
            if table.footer and table.role in COUNTED:
                out.write("\n")
                writer.writerow([csv_text(terminal_text(table.footer))])
            if table.legend:  # what a mark of the printed table means: its number is in the cell ("100", not "100†")
                out.write("\n")
                for line in table.legend:
                    writer.writerow([csv_text(terminal_text(line.machine))])
        return out.getvalue()


FORMATTER = CsvFormatter()
