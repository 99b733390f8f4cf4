"""The cells of the tables of a .docx document (python-docx), table by table. A merged cell
repeats its text in every grid column it spans, which is what a two-row header needs; hidden
text (Word's "hidden" font) is not read, and a row of hidden text is a hidden row; the data
`kpi export` keeps in a custom XML part is returned as text."""

from __future__ import annotations

from pathlib import Path

from .. import embedded
from .import_xlsx import Grid

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: what the other elements of a run read as (kpi's export writes a minus as a non-breaking hyphen)
RUN_TEXT = {f"{W}noBreakHyphen": "-", f"{W}softHyphen": "", f"{W}tab": " ", f"{W}br": " "}


def grids(path: Path) -> tuple[list[Grid], str | None]:
    """(table number from 1, its rows of cell texts, the paragraphs above and below it) of every
    table, nested tables excluded; and kpi's own data when the document carries it."""
    from ..compat.worddoc import opened

    with opened(path) as document:
        return _tables(document)


def _tables(document) -> tuple[list[Grid], str | None]:
    tables = iter(document.tables)
    found: list[Grid] = []
    above: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = _text(child)
            if text:
                above.append(text)
        elif tag == "tbl":
            table = next(tables)
            if found:  # the paragraphs between two tables are under the first (its footnotes)
                found[-1] = found[-1]._replace(below=tuple(above))
            rows: list[list[object]] = []
            hidden: set[int] = set()
            for r, row in enumerate(table.rows):
                cells: list[object] = [_text(cell._tc) for cell in row.cells]
                shown: list[object] = [_text(cell._tc, hidden=False) for cell in row.cells]
                if any(shown) and not any(cells):
                    hidden.add(r)
                    cells = shown  # read only to be named in the list of what was not read
                rows.append(cells)
            found.append(Grid(str(len(found) + 1), rows, frozenset(hidden), above=above))
            above = []
    if found and above:
        found[-1] = found[-1]._replace(below=tuple(above))
    return found, _data(document)


def _text(element, hidden: bool = True) -> str:
    """The text of a paragraph or cell; without the runs in hidden font unless ``hidden`` is False
    (then: all of it)."""
    parts = []
    for run in element.iter(f"{W}r"):
        if hidden and run.find(f"{W}rPr/{W}vanish") is not None:
            continue
        parts += [RUN_TEXT.get(child.tag, "") if child.tag != f"{W}t" else child.text or "" for child in run]
    paragraphs = element.findall(f"{W}p")
    if len(paragraphs) > 1:  # a cell of several paragraphs: their texts on one line
        return " ".join(p for p in (_text(p, hidden) for p in paragraphs) if p)
    return "".join(parts).strip()


def _data(document) -> str | None:
    """The text of kpi's custom XML part, if the document has one."""
    from lxml import etree

    for part in document.part.package.iter_parts():
        if not str(part.partname).startswith("/customXml/item"):
            continue
        try:
            root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            continue
        if root.tag == f"{{{embedded.NAMESPACE}}}{embedded.ELEMENT}":
            return root.text or ""
    return None
