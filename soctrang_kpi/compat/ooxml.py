"""Opening an Office Open XML package (.xlsx, .docx) with openpyxl or python-docx, and what they
raise on a file that is not one.

Both libraries open a zip, then parse XML parts with lxml or ElementTree; what they raise for a
damaged file differs between versions and between the two (``zipfile.BadZipFile``, ``KeyError``
for a missing part, ``InvalidFileException``, ``PackageNotFoundError``, an XML syntax error, a
``ValueError`` or ``TypeError`` from a malformed attribute). ``reading`` turns every such error
into one ``Unreadable`` with a reason key of the catalogue (``import.why.*``), so no library's
English sentence or class name reaches the user. ``tests/compat/test_ooxml.py`` feeds each
library each kind of broken file and pins that it is read as ``Unreadable`` with that reason.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.etree.ElementTree import ParseError


class Unreadable(Exception):
    """The file cannot be read as the package it claims to be; ``reason`` is a catalogue key."""

    def __init__(self, reason: str, **fields: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.fields = fields


def _library_errors() -> tuple[tuple[type[BaseException], str], ...]:
    """The library-specific error classes, found only when a file is read (never at import)."""
    found: list[tuple[type[BaseException], str]] = []
    try:
        from openpyxl.utils.exceptions import InvalidFileException

        found.append((InvalidFileException, "import.why.not_package"))
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        pass
    try:
        from docx.opc.exceptions import PackageNotFoundError

        found.append((PackageNotFoundError, "import.why.not_zip"))
    except ImportError:  # pragma: no cover - python-docx is a dependency
        pass
    try:
        from lxml.etree import XMLSyntaxError

        found.append((XMLSyntaxError, "import.why.damaged_xml"))
    except ImportError:  # pragma: no cover - lxml comes with python-docx
        pass
    return tuple(found)


def _part_named(err: KeyError) -> str:
    """The part zipfile says is missing ("There is no item named 'x' in the archive")."""
    text = str(err.args[0]) if err.args else ""
    found = re.search(r"named '([^']*)'", text)
    return repr(found.group(1)) if found else repr(text)


#: what a package's [Content_Types].xml declares for its main part, by the kind of file it is
MAIN_PARTS: dict[str, tuple[str, ...]] = {
    "xlsx": ("spreadsheetml.sheet.main", "spreadsheetml.template.main", "ms-excel.sheet.macroenabled.main"),
    "docx": ("wordprocessingml.document.main", "wordprocessingml.template.main", "ms-word.document.macroenabled.main"),
}
#: the reason for a package that is the other kind than its extension says
OTHER_KIND = {"xlsx": "import.why.is_docx", "docx": "import.why.is_xlsx"}


def check_kind(package: zipfile.ZipFile, expected: str) -> None:
    """``Unreadable`` when the package is a Word document and ``expected`` is "xlsx" (or an Excel
    workbook and "docx"): a renamed file, said as what it is, not as the error the library gives
    (openpyxl: "File contains no valid workbook part"; python-docx: a ValueError). A package
    without content types, or of a third kind, is left to the library to refuse."""
    try:
        types = package.read("[Content_Types].xml").decode("utf-8", "replace").lower()
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    if any(main in types for main in MAIN_PARTS[expected]):
        return
    for kind, mains in MAIN_PARTS.items():
        if kind != expected and any(main in types for main in mains):
            raise Unreadable(OTHER_KIND[expected])


@contextmanager
def reading(path: Path | None = None, expected: str | None = None) -> Iterator[None]:
    """Within it, a library's error for a file that is not a readable package is ``Unreadable``;
    with ``path`` and ``expected`` ("xlsx", "docx"), a package of the other kind is said first."""
    try:
        if path is not None and expected is not None:
            with zipfile.ZipFile(path) as package:
                check_kind(package, expected)
        yield
    except zipfile.BadZipFile:
        raise Unreadable("import.why.not_zip") from None
    except zipfile.LargeZipFile:
        raise Unreadable("import.why.not_zip") from None
    except KeyError as err:  # a part the package must have is missing
        raise Unreadable("import.why.missing_part", part=_part_named(err)) from None
    except ParseError:
        raise Unreadable("import.why.damaged_xml") from None
    except (ValueError, TypeError, AttributeError, IndexError, EOFError) as err:
        raise Unreadable("import.why.damaged", kind=type(err).__name__) from None
    except Exception as err:
        for kind, reason in _library_errors():
            if isinstance(err, kind):
                raise Unreadable(reason) from None
        raise
