"""openpyxl: reading a workbook's cells as data, never running a formula.

What kpi relies on (pinned by ``tests/compat/test_workbook.py``): ``load_workbook(path,
read_only=True, data_only=False)`` gives each formula cell's text with ``data_type == "f"``, keeps
a cell's ``number_format``, and lists ``worksheets`` with their ``title``; ``close()`` frees the
file. A file that is not a workbook raises ``ooxml.Unreadable`` (see ``ooxml.reading``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .ooxml import reading


@contextmanager
def opened(path: Path) -> Iterator[Any]:
    """The workbook at ``path``, read-only, formulas as text; ``Unreadable`` if it is not one."""
    with reading(path, "xlsx"):
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=False)
        try:
            yield book
        finally:
            book.close()
