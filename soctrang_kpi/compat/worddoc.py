"""python-docx: reading the tables and paragraphs of a Word document.

What kpi relies on (pinned by ``tests/compat/test_worddoc.py``): ``docx.Document(path)`` opens a
.docx; ``document.tables`` and ``document.element.body`` list the body's tables and paragraphs in
order; a merged cell repeats its text in every grid column it spans (``row.cells``). A file that
is not a Word document raises ``ooxml.Unreadable`` (see ``ooxml.reading``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .ooxml import reading


@contextmanager
def opened(path: Path) -> Iterator[Any]:
    """The document at ``path``; ``Unreadable`` if it is not one."""
    with reading(path, "docx"):
        from docx import Document

        yield Document(str(path))
