"""What `kpi import` checks before a library reads an office file.

An .xlsx or .docx is a zip of XML parts. Before openpyxl or python-docx sees it, the file must
be a regular file (a FIFO would hang them, a link to /dev/zero fill memory) of at most
``MAX_FILE`` bytes, a zip whose parts expand to at most ``MAX_EXPANDED`` bytes (a 300 KB
workbook of 300 MB of XML is refused, not unpacked; zipfile itself never inflates a part past
the size it declares); a Word table may not span more than ``MAX_COLUMNS`` grid columns in a
cell (python-docx walks every spanned column: gridSpan=100000000 never ends) nor have more than
``MAX_ROWS`` rows; a sheet may have no cell past row ``MAX_ROWS`` or column ``MAX_COLUMNS``
(openpyxl makes every cell of the rectangle up to its last one: one styled cell at XFD1048576 is
17 billion cells). The parts are scanned as bytes, in one pass each.

What the libraries raise on a damaged file is ``compat.ooxml``'s to say (``Unreadable``).
"""

from __future__ import annotations

import re
from pathlib import Path

from . import regular
from ..compat.ooxml import Unreadable, reading
from ..errors import DataError, UsageError
from ..messages import Num, Text

MAX_FILE = 64 * 1024 * 1024  # bytes of the .xlsx or .docx itself
MAX_EXPANDED = 128 * 1024 * 1024  # bytes of all its parts unpacked (an appendix: well under 1 MB)
MAX_PARTS = 10_000
MAX_ROWS = 10_000  # an appendix table has a few hundred
MAX_COLUMNS = 500

_DOCX_SPAN = rb"gridSpan\b[^>]*?\bval=\"\s*([0-9]+)"
_DOCX_ROW = rb"<(?:[A-Za-z_][\w.-]*:)?tr[\s>/]"
_XLSX_CELL = rb"<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br=\"([A-Z]{1,3})([0-9]{1,9})\""
_SHEET_PART = r"xl/worksheets/[^/]+\.xml"


def check(path: Path, kind: str) -> None:
    """UsageError unless ``path`` is a regular zip file within the bounds above (Unreadable if
    it is no zip at all)."""
    import io
    import zipfile

    try:
        data = regular.read(path, str(path), MAX_FILE)
    except DataError as err:
        raise UsageError(Text("import.unreadable", path=path, reason=err.problems[0].message)) from None
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        parts = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise Unreadable("import.why.not_zip") from None
    expanded = sum(part.file_size for part in parts)
    if len(parts) > MAX_PARTS or expanded > MAX_EXPANDED:
        raise UsageError(Text("import.too_large", path=path, size=Num(expanded), limit=Num(MAX_EXPANDED)))
    with reading():
        if kind == "docx":
            _check_docx(path, package)
        else:
            _check_sheets(path, package)


def _check_docx(path: Path, package) -> None:
    names = set(package.namelist())
    if "word/document.xml" not in names:
        return  # python-docx says what it is not
    body = package.read("word/document.xml")
    widest = max((int(span) for span in re.findall(_DOCX_SPAN, body)), default=1)
    if widest > MAX_COLUMNS:
        raise UsageError(Text("import.span_too_wide", path=path, span=Num(widest), limit=Num(MAX_COLUMNS)))
    rows = len(re.findall(_DOCX_ROW, body))
    if rows > MAX_ROWS:
        raise UsageError(Text("import.too_many_rows", path=path, where=Text("import.document"), rows=Num(rows), limit=Num(MAX_ROWS)))


def _check_sheets(path: Path, package) -> None:
    for name in package.namelist():
        if not re.fullmatch(_SHEET_PART, name):
            continue
        rows = columns = 0
        for letters, digits in re.findall(_XLSX_CELL, package.read(name)):
            rows, columns = max(rows, int(digits)), max(columns, _column_number(letters))
        where = Text("import.sheet_part", name=repr(name.rsplit("/", 1)[-1]))
        if rows > MAX_ROWS:
            raise UsageError(Text("import.too_many_rows", path=path, where=where, rows=Num(rows), limit=Num(MAX_ROWS)))
        if columns > MAX_COLUMNS:
            raise UsageError(Text("import.too_many_columns", path=path, where=where, limit=Num(MAX_COLUMNS)))


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number
