"""CSV: raw numbers with a decimal point, so a spreadsheet or a script reads them as numbers.

Text that a spreadsheet would run as a formula (it begins with = + - @ tab or CR) is written
with a leading apostrophe; negative numbers are numbers and stay as they are. A sub-row's name is
written without the "- " of the printed table (its number, "3.1", says it is a sub-row), so that
no name of the bundled data needs the apostrophe. Escape sequences and control characters
(except tab and newline) become "?", as on a terminal: `cat file.csv` cannot be coloured by a name.
A number printed with a mark ("7,10*", "7,10 (2022)") is written as the number — a monthly report's
value and lũy kế with their status in a column beside them ("ước tính", what "*" says); words with a
number in them ("Vượt 0,40%", "Cần tăng tốc (0,72)", a target "Dưới 1,5") with a decimal point and no
grouping, as every number of the file ("Vượt 0.40%", "Dưới 1.5")."""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator

from ...numbers import number, stored
from ..document import Cell, Document, Phrase, Printed, Row, Style, Table
from ..labels import POINT_STATUS, Lang, machine_text, word
from ..safe import csv_text, terminal_text
from . import RECORDED, Formatter, encoded

BOM = b"\xef\xbb\xbf"

#: tables whose footer is data, written after an empty line: the areas' counts ("4/5 xã, phường
#: đạt", README "Territory"); the appendix's summary line is the JSON's and the printed page's
COUNTED = ("scorecard", "by_area")


def plain(value: Cell, recorded: bool = False) -> Cell:
    """A cell for machines: 8 not 8.0, 80.4 not 80.39999999999999, nothing for None; ∞ (an
    at-most target reached at zero) as every other format writes it, not Python's "inf". A
    number as the xlsx's cell holds it (``numbers.stored``): a computed one as the JSON rounds it,
    ``recorded`` (a column of ``RECORDED``) as written, 7.7612345."""
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return number(value, "en")
    if isinstance(value, float):
        value = stored(value, recorded)
        return int(value) if value.is_integer() else value
    return value


def _cells(row: Row, table: Table, lang: Lang) -> list[Cell]:
    cells = [
        plain(v.value, c.key in RECORDED) if isinstance(v, Printed) and v.plain
        else csv_text(terminal_text(v.machine)) if isinstance(v, Phrase)
        else csv_text(terminal_text(v.machine or machine_text(v.text, lang))) if isinstance(v, Printed)
        else csv_text(terminal_text(v)) if isinstance(v, str) else plain(v, c.key in RECORDED)
        for v, c in zip(row.cells, table.columns)
    ]
    if not any(c.statused for c in table.columns):
        return cells
    out: list[Cell] = []
    for cell, value, column in zip(cells, row.cells, table.columns):
        out.append(cell)
        if column.statused:  # what "*" (ước tính) or "°" (sơ bộ) says on the value, in words
            out.append(POINT_STATUS[value.status][lang.value] if isinstance(value, Printed) and value.status else "")
    return out


def _headers(table: Table, lang: Lang) -> list[str]:
    """The columns' headers; a column whose value's status is said beside it, "Lũy kế 9 tháng
    (trạng thái)" after it."""
    out = []
    for column in table.columns:
        out.append(csv_text(terminal_text(column.header)))
        if column.statused:
            out.append(csv_text(terminal_text(word("value_status", lang, column=column.header))))
    return out


class CsvFormatter(Formatter):
    def text(self, doc: Document, style: Style) -> str:
        return "".join(self._pieces(doc.tables, doc.lang))

    def file(self, doc: Document) -> bytes:
        return b"".join(self.chunks(doc))

    def chunks(self, doc: Document) -> Iterator[bytes]:
        """The main table only, UTF-8 with a BOM so that Excel on Windows shows Vietnamese
        correctly when the file is double-clicked; written as its rows come (#27: the text of
        100.000 series, whole, then encoded, took 130 MB)."""
        yield BOM
        yield from encoded(self._pieces(doc.tables[:1], doc.lang))

    @staticmethod
    def _pieces(tables: tuple[Table, ...], lang: Lang) -> Iterator[str]:
        """The text, a line at a time."""
        out = _Line()
        writer = csv.writer(out, lineterminator="\n")
        for i, table in enumerate(tables):
            if i:
                yield "\n"
            writer.writerow(_headers(table, lang))
            yield out.taken()
            for row in table.rows:
                if not row.section:  # a section's row is for the printed page: csv has the data
                    writer.writerow(_cells(row, table, lang))
                    yield out.taken()
            if table.footer and table.role in COUNTED:
                yield "\n"
                writer.writerow([csv_text(terminal_text(table.footer))])
                yield out.taken()
            if table.legend:  # what a mark of the printed table means: its number is in the cell ("100", not "100†")
                yield "\n"
                for line in table.legend:
                    writer.writerow([csv_text(terminal_text(line.machine))])
                    yield out.taken()


class _Line:
    """Where csv.writer writes a row: the row's text, taken as it is written."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text

    def taken(self) -> str:
        found, self.text = self.text, ""
        return found


FORMATTER = CsvFormatter()
