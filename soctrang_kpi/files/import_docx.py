"""The cells of the tables of a .docx document (python-docx), table by table. A merged cell
repeats its text in every grid column it spans, which is what a two-row header needs."""

from __future__ import annotations

from pathlib import Path


def grids(path: Path) -> list[tuple[int, list[list[object]], list[str]]]:
    """(table number from 1, rows of cell texts, the paragraphs above it) of every table,
    nested tables excluded."""
    from ..compat.worddoc import opened

    found: list[tuple[int, list[list[object]], list[str]]] = []
    with opened(path) as document:
        tables = iter(document.tables)
        above: list[str] = []
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")).strip()
                if text:
                    above.append(text)
            elif tag == "tbl":
                table = next(tables)
                found.append((len(found) + 1, [[cell.text.strip() for cell in row.cells] for row in table.rows], above))
                above = []
    return found
