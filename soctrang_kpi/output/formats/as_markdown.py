"""Markdown: GitHub tables, numbers in the chosen language's format, estimates marked "*".

Every text is escaped (safe.markdown_text): a name such as ``<script>`` or ``[x](y)`` is shown
as typed, never read as HTML, a link or a table cell boundary."""

from __future__ import annotations

from ..document import Document, Style, lines_under, marked_text, name_text, row_cell_text
from ..labels import word
from ..safe import markdown_text as _escape
from ..safe import terminal_text
from . import Formatter

FENCE = "```"


class MarkdownFormatter(Formatter):
    def text(self, doc: Document, style: Style) -> str:
        parts = [f"**{_escape(line)}**\n" for line in doc.intro]
        for table in doc.tables:
            if table.title and table.title not in doc.intro:  # the title once
                parts.append(f"### {_escape(table.title)}\n")
            if table.role == "audit" and not table.rows:  # as the docx and html say it: no empty table
                said = word("no_findings", doc.lang)
                if said not in doc.lines:
                    parts.append(_escape(said, line_start=True) + "\n")
                continue
            parts.append("| " + " | ".join(_escape(c.header) for c in table.columns) + " |")
            parts.append("|" + "|".join("---:" if c.numeric else "---" for c in table.columns) + "|")
            for row in table.rows:
                cells = (
                    _escape(name_text(row, c, marked_text(row, i, row_cell_text(row, i, c, doc.lang))))
                    for i, c in enumerate(table.columns)
                )
                if row.section:  # "I" | "**KINH TẾ**"
                    cells = (f"**{c}**" if c else c for c in cells)
                parts.append("| " + " | ".join(cells) + " |")
            for line in lines_under(table, doc.lang):  # the notes, then the counts line: as every format
                parts.append(f"\n{_escape(line.text, line_start=True)}")
            parts.append("")
        if doc.lines:
            # a line inside the code block cannot close it
            parts += [FENCE, *(terminal_text(line).replace(FENCE, "'''") for line in doc.lines), FENCE, ""]
        return "\n".join(parts)


FORMATTER = MarkdownFormatter()
