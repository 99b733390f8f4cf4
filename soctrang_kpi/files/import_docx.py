"""The cells of the tables of a .docx document (python-docx), table by table. A merged cell
repeats its text in every grid column it spans, which is what a two-row header needs; hidden
text (Word's "hidden" font) is not read, and a row of hidden text is a hidden row; the data
`kpi export` keeps in a custom XML part is returned as text.

A table whose title row says it continues the table before it ("Phụ lục I (tiếp theo)",
appendix_layout.CONTINUED_WORDS), or a paragraph between the two tables that says so
(appendix_layout.CONTINUED_LINE), is read as a part of that table (``_joined``): with the same
header, its rows after that table's (Word's table continued on more pages); repeating TT, the
name and the unit with other columns (kpi's own table printed in parts), its other columns
beside each row of the same TT and name. Any other is read as a table of its own, and said."""

from __future__ import annotations

from pathlib import Path

from .. import embedded
from ..messages import Text
from . import appendix_layout as layout
from .embedded_part import Unsure, ours
from .import_xlsx import Damaged, Grid, Part

#: the columns a table continued in columns repeats to say which row each of its rows is (kpi's
#: own docx printed in parts repeats TT, the name and the unit); TT and the name are its key
KEY_ROLES = frozenset({"no", "name", "unit"})

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: what the other elements of a run read as (kpi's export writes a minus as a non-breaking hyphen)
RUN_TEXT = {f"{W}noBreakHyphen": "-", f"{W}softHyphen": "", f"{W}tab": " ", f"{W}br": " "}


def grids(path: Path) -> tuple[list[Grid], str | Damaged | Unsure | None]:
    """(table number from 1, its rows of cell texts, the paragraphs above and below it) of every
    table, nested tables excluded; and kpi's own data when the document carries it."""
    from ..compat.worddoc import opened

    with opened(path) as document:
        return _tables(document)


def _tables(document) -> tuple[list[Grid], str | Damaged | Unsure | None]:
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
            if found:  # the paragraphs between two tables are under the first (its footnotes) up to
                # one that says the next continues it ("Phụ lục I (tiếp theo)"): from there the next's
                marker = layout.continued_line(above)
                found[-1] = found[-1]._replace(below=tuple(above[:marker]))
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
    return _joined(found), _data(document)


def _joined(tables: list[Grid]) -> list[Grid]:
    """The tables, each that continues the table before it joined to it (``_join``): kept in the
    list too, ``part_of`` that table (`--sheet` naming it reads the table it is a part of). One that
    cannot be joined is a table of its own, its title row above it, and said with the table."""
    out: list[Grid] = []
    whole: int | None = None  # the table a continuation joins (in ``out``)
    for grid in tables:
        at = layout.continued_row(grid.rows)
        # "Phụ lục I (tiếp theo)" as a paragraph over the table, not its title row: no row to drop
        above = bool(out) and at is None and layout.continued_line(grid.above or []) is not None
        if at is None and not above:
            whole = len(out)
            out.append(grid)
            continue
        joined = _join(out[whole], grid) if whole is not None else None
        if joined is not None and whole is not None:
            out[whole] = joined
            out.append(grid._replace(part_of=joined.name))
            continue
        rows = [list(row) for row in grid.rows]
        titled = list(grid.above or [])
        if at is not None:
            titled.append(" ".join(dict.fromkeys(str(c).strip() for c in grid.rows[at] if c and str(c).strip())))
            rows[at] = [None] * len(rows[at])
        if whole is not None:
            said = Text("import.continued_apart", part=grid.name, table=out[whole].name)
            out[whole] = out[whole]._replace(notes=(*out[whole].notes, (grid.name, at or 0, 0, said)))
        out.append(grid._replace(rows=rows, above=titled))
        whole = len(out) - 1 if layout.find_header(rows) is not None else whole
    return out


def _join(whole: Grid, part: Grid) -> Grid | None:
    """``whole`` with the table that continues it: its rows after ``whole``'s when the headers are
    the same; its other columns beside ``whole``'s rows of the same TT and name when it repeats
    TT, the name and the unit and its other columns are not ``whole``'s; None when neither."""
    head = layout.find_header(whole.rows)
    own = layout.find_header(part.rows, continued=True)
    if head is None or own is None:
        return None
    columns, theirs = layout.classify(whole.rows, *head), layout.classify(part.rows, *own)
    start = (own[2] if own[2] is not None else own[1]) + 1  # its first row under its header
    if _headers(columns) == _headers(theirs):
        base = len(whole.rows)
        return whole._replace(
            rows=[*whole.rows, *part.rows[start:]],
            hidden_rows=whole.hidden_rows | {base + r - start for r in part.hidden_rows if r >= start},
            below=whole.below + part.below,
            parts=(*whole.parts, Part(part.name, {base + i: r for i, r in enumerate(range(start, len(part.rows)))})),
            notes=whole.notes + part.notes,
        )
    mine = {c.role: c for c in columns if c.role in KEY_ROLES}
    keys = {c.role: c for c in theirs if c.role in KEY_ROLES}
    extra = [c for c in theirs if c.role not in KEY_ROLES]
    ours = {layout.folded(c.header) for c in columns if c.header}
    if (
        not {"no", "name"} <= keys.keys() or not keys.keys() <= mine.keys()
        or any(layout.folded(c.header) != layout.folded(mine[role].header) for role, c in keys.items())
        or not extra or any(c.header and layout.folded(c.header) in ours for c in extra)
    ):
        return None  # neither the same columns nor TT, the name and the unit with others: cannot tell
    return _beside(whole, part, head, own, mine, keys, extra, start)


def _headers(columns: list[layout.Column]) -> list[str]:
    texts = [layout.folded(c.header) for c in columns]
    while texts and not texts[-1]:
        texts.pop()
    return texts


def _cell(row: list[object], index: int) -> object:
    return row[index] if index < len(row) else None


def _key(row: list[object], keys: dict[str, layout.Column]) -> tuple[str, str]:
    """A row's TT and name, as a table continued in columns says which row it is."""
    return layout.folded(_cell(row, keys["no"].index)).rstrip("."), layout.folded(_cell(row, keys["name"].index))


def _beside(whole: Grid, part: Grid, head, own, mine, keys, extra, start: int) -> Grid:
    """``whole`` with ``part``'s ``extra`` columns after its own: each of ``part``'s rows beside
    ``whole``'s first row not yet joined with its TT and name; a row of one text across (a
    section, a footnote) that none has, after ``whole``'s rows; any other is said."""
    top, last, numbers = head
    ptop, plast, pnumbers = own
    width = max(len(row) for row in whole.rows)
    rows = [list(row) + [None] * (width - len(row)) for row in whole.rows]
    count, theirs = last - top + 1, plast - ptop + 1
    where: dict[int, int] = {}
    for k in range(count):  # the header rows, aligned at the bottom; more of theirs: the upper ones in the first
        own_row = max(ptop, plast - (count - 1 - k))
        where[top + k] = own_row
        for c in extra:
            texts = [str(_cell(part.rows[r], c.index) or "").strip() for r in range(ptop, plast + 1)]
            if theirs > count:
                texts = [" ".join(dict.fromkeys(t for t in texts[:theirs - count + 1] if t))] + texts[theirs - count + 1:]
            texts = [texts[0]] * (count - len(texts)) + texts  # a cell merged down repeats its text
            rows[top + k].append(texts[k] or None)
    if numbers is not None:
        shown = {layout.folded(c) for c in rows[numbers] if c is not None}
        for c in extra:
            mark = _cell(part.rows[pnumbers], c.index) if pnumbers is not None else None
            rows[numbers].append(mark if mark is not None and layout.folded(mark) not in shown else None)
        if pnumbers is not None:
            where[numbers] = pnumbers
    first = (numbers if numbers is not None else last) + 1
    waiting: dict[tuple[str, str], list[int]] = {}
    for r in range(first, len(rows)):
        key = _key(rows[r], mine)
        if key != ("", ""):
            waiting.setdefault(key, []).append(r)
    added: dict[int, list[object]] = {}
    across: list[list[object]] = []
    apart: dict[int, int] = {}
    notes: list[tuple[str, int, int, Text]] = []
    for r in range(start, len(part.rows)):
        row = part.rows[r]
        texts = [t for t in (str(c).strip() for c in row if c is not None) if t]
        if not texts or layout.column_numbers(row) or {layout._role(layout.folded(c)) for c in row} >= {"no", "name"}:
            continue  # the header repeated on its next page
        if r in part.hidden_rows:
            notes.append((part.name, r, 0, Text("import.hidden_row", text=repr(" ".join(dict.fromkeys(texts))[:60]))))
            continue
        found = waiting.get(_key(row, keys))
        if found:
            at = found.pop(0)
            added[at], where[at] = [_cell(row, c.index) for c in extra], r
        elif len(set(texts)) == 1:  # one text across: a section, a tally or a footnote of its own
            apart[len(rows) + len(across)] = r
            across.append([texts[0]] * (width + len(extra)))
        else:
            name = " ".join(dict.fromkeys(t for t in (str(_cell(row, keys[k].index) or "").strip() for k in ("no", "name")) if t))
            notes.append((part.name, r, keys["name"].index, Text("import.continued_no_row", text=repr(name), table=whole.name)))
    for r in range(first, len(rows)):
        rows[r].extend(added.get(r, [None] * len(extra)))
    return whole._replace(
        rows=rows + across,
        below=whole.below + part.below,
        parts=(*whole.parts, Part(part.name, where, width, tuple(c.index for c in extra)), Part(part.name, apart)),
        notes=whole.notes + tuple(notes) + part.notes,
    )


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


def _data(document) -> str | Damaged | Unsure | None:
    """The text of kpi's custom XML part, if the document has one; ``Damaged`` when a custom XML
    part that is kpi's (``embedded_part.ours``: its namespace, or kpi's head cut short) is not
    whole XML (cut or edited); ``Unsure`` when one that does not show whose it is is not whole
    XML and no part is kpi's (said, never passed over silently)."""
    from lxml import etree

    unsure: Unsure | None = None
    for part in document.part.package.iter_parts():
        if not str(part.partname).startswith("/customXml/item"):
            continue
        try:
            root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            if ours(part.blob):  # kpi's, cut or damaged: said, never the table read instead
                return Damaged(str(part.partname).lstrip("/"))
            unsure = unsure or Unsure(str(part.partname).lstrip("/"))
            continue
        if root.tag == f"{{{embedded.NAMESPACE}}}{embedded.ELEMENT}":
            return root.text or ""
    return unsure
