"""The cells of the tables of a .docx document (python-docx), table by table. A merged cell
repeats its text in every grid column it spans, which is what a two-row header needs."""

from __future__ import annotations

from pathlib import Path


def grids(path: Path) -> list[tuple[int, list[list[object]]]]:
    """(table number from 1, rows of cell texts) of every table, nested tables excluded."""
    from docx import Document

    document = Document(str(path))
    return [
        (number, [[cell.text.strip() for cell in row.cells] for row in table.rows])
        for number, table in enumerate(document.tables, start=1)
    ]
