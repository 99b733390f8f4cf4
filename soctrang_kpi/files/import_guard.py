"""What `kpi import` checks before a library reads an office file, and while a sheet is read.

An .xlsx or .docx is a zip of XML parts. Before openpyxl or python-docx sees it, the file must
be a regular file (a FIFO would hang them, a link to /dev/zero fill memory) of at most
``MAX_FILE`` bytes, a zip whose parts read whole (a Word document, a workbook's shared strings and
styles) expand to at most ``MAX_EXPANDED`` bytes (a 300 KB workbook of 300 MB of XML is refused,
not unpacked; zipfile itself never inflates a part past the size it declares) and whose
worksheets, streamed row by row (``import_xlsx``), expand to at most ``MAX_STREAMED`` (a bound on
time, not memory: the export of 300.000 series is 350 MB of sheet XML); a Word table may not span
more than ``MAX_COLUMNS`` grid columns in a cell (python-docx walks every spanned column:
gridSpan=100000000 never ends) nor have more than ``MAX_ROWS`` rows (python-docx holds the whole
document as a tree). The Word parts are scanned as bytes, in one pass each.

A sheet is bounded by what its reader keeps, the rectangle from A1 to its last cell, merged
ranges included: at most ``MAX_CELLS`` cells and no column past ``MAX_COLUMNS`` (``sheet_within``,
asked row by row as the rows are read, before the rectangle is made: one styled cell at
XFD1048576 is 17 billion cells, and so is one merged range A1:XFD1048576). Cells, not rows, are
what costs memory: the 10.000-row bound this replaces let 10.000 × 500 cells through, and refused
the export of 10.000 series (17 columns).

What the libraries raise on a damaged file is ``compat.ooxml``'s to say (``Unreadable``).
"""

from __future__ import annotations

import re
from pathlib import Path

from . import regular
from ..compat.ooxml import Unreadable, check_kind, reading
from ..errors import DataError, UsageError
from ..messages import Num, Text

MAX_FILE = 64 * 1024 * 1024  # bytes of the .xlsx or .docx itself
MAX_EXPANDED = 128 * 1024 * 1024  # bytes of the parts read whole, unpacked (an appendix: well under 1 MB)
MAX_STREAMED = 512 * 1024 * 1024  # bytes of a workbook's worksheets, unpacked
MAX_PARTS = 10_000
MAX_ROWS = 10_000  # of a Word table (an appendix table has a few hundred)
MAX_COLUMNS = 500
#: of a sheet's rectangle: the export of 300.000 series has 5,1 million (17 columns); the peak
#: memory of `kpi import` of a sheet of this many cells is in README "Bounded, whatever the file"
MAX_CELLS = 6_000_000

_DOCX_SPAN = rb"gridSpan\b[^>]*?\bval=\"\s*([0-9]+)"
_DOCX_ROW = rb"<(?:[A-Za-z_][\w.-]*:)?tr[\s>/]"
_SHEET_PART = re.compile(r"xl/worksheets/[^/]+\.xml")


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
    streamed = sum(part.file_size for part in parts if kind == "xlsx" and _SHEET_PART.fullmatch(part.filename))
    whole = sum(part.file_size for part in parts) - streamed
    if len(parts) > MAX_PARTS or whole > MAX_EXPANDED:
        raise UsageError(Text("import.too_large", path=path, size=Num(whole), limit=Num(MAX_EXPANDED)))
    if streamed > MAX_STREAMED:
        raise UsageError(Text("import.too_large", path=path, size=Num(streamed), limit=Num(MAX_STREAMED)))
    with reading():
        check_kind(package, kind)  # a Word document named .xlsx, or a workbook named .docx
        if kind == "docx":
            _check_docx(path, package)


def sheet_within(path: Path, sheet: str, rows: int, columns: int) -> None:
    """UsageError when the rectangle of a sheet read so far, ``rows`` × ``columns``, is past the
    bounds above (asked as each row of a sheet is read: the sheet named only when it is past them)."""
    if rows * columns > MAX_CELLS:
        raise UsageError(Text(
            "import.too_many_cells", path=path, where=Text("import.sheet", name=repr(sheet)), rows=Num(rows), columns=Num(columns),
            limit=Num(MAX_CELLS),
        ))
    if columns > MAX_COLUMNS:
        raise UsageError(Text("import.too_many_columns", path=path, where=Text("import.sheet", name=repr(sheet)), limit=Num(MAX_COLUMNS)))


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
