"""Markdown: GitHub tables, numbers in the chosen language's format, estimates marked "*".

Every text is escaped (safe.markdown_text): a name such as ``<script>`` or ``[x](y)`` is shown
as typed, never read as HTML, a link or a table cell boundary."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document, Style, lines_under, marked_text, name_text, row_cell_text
from ..labels import word
from ..safe import markdown_text as _escape
from ..safe import terminal_text
from . import Formatter, encoded

FENCE = "```"


class MarkdownFormatter(Formatter):
    def text(self, doc: Document, style: Style) -> str:
        return "\n".join(_lines(doc))

    def chunks(self, doc: Document) -> Iterator[bytes]:
        """The file as its lines come (#27: the lines of 100.000 series, joined then encoded, took
        about 100 MB)."""
        return encoded(_joined(_lines(doc)))


def _joined(lines: Iterator[str]) -> Iterator[str]:
    """``"\\n".join(lines)`` in pieces."""
    first = True
    for line in lines:
        if not first:
            yield "\n"
        first = False
        yield line


def _lines(doc: Document) -> Iterator[str]:
    """The text's lines, in order: a table's a row at a time."""
    for line in doc.intro:
        yield f"**{_escape(line)}**\n"
    for table in doc.tables:
        if table.title and table.title not in doc.intro:  # the title once
            yield f"### {_escape(table.title)}\n"
        if table.role == "audit" and not table.rows:  # as the docx and html say it: no empty table
            said = word("no_findings", doc.lang)
            if said not in doc.lines:
                yield _escape(said, line_start=True) + "\n"
            continue
        yield "| " + " | ".join(_escape(c.header) for c in table.columns) + " |"
        yield "|" + "|".join("---:" if c.numeric else "---" for c in table.columns) + "|"
        for row in table.rows:
            cells = (
                _escape(name_text(row, c, marked_text(row, i, row_cell_text(row, i, c, doc.lang))))
                for i, c in enumerate(table.columns)
            )
            if row.section:  # "I" | "**KINH TẾ**"
                cells = (f"**{c}**" if c else c for c in cells)
            yield "| " + " | ".join(cells) + " |"
        for under in lines_under(table, doc.lang):  # the notes, then the counts line: as every format
            yield f"\n{_escape(under.text, line_start=True)}"
        yield ""
    if doc.lines:
        # a line inside the code block cannot close it
        yield FENCE
        for line in doc.lines:
            yield terminal_text(line).replace(FENCE, "'''")
        yield FENCE
        yield ""


FORMATTER = MarkdownFormatter()
