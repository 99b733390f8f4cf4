"""Markdown: GitHub tables, numbers in the chosen language's format."""

from __future__ import annotations

from ..document import Document, Style, cell_text, name_text
from . import Formatter


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


class MarkdownFormatter(Formatter):
    def text(self, doc: Document, style: Style) -> str:
        parts = [f"**{_escape(line)}**\n" for line in doc.intro]
        for table in doc.tables:
            if table.title:
                parts.append(f"### {_escape(table.title)}\n")
            parts.append("| " + " | ".join(_escape(c.header) for c in table.columns) + " |")
            parts.append("|" + "|".join("---:" if c.numeric else "---" for c in table.columns) + "|")
            for row in table.rows:
                cells = (_escape(name_text(row, c, cell_text(v, c, doc.lang))) for v, c in zip(row.cells, table.columns))
                parts.append("| " + " | ".join(cells) + " |")
            if table.footer:
                parts.append(f"\n{_escape(table.footer)}")
            parts.append("")
        if doc.lines:
            parts += ["```", *doc.lines, "```", ""]
        return "\n".join(parts)


FORMATTER = MarkdownFormatter()
