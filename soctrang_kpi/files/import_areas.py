"""`kpi import TABLE --areas`: an area-by-indicator table as statistics offices hand it over
(README "Territory") — one row an area (its id or its name as targets.yaml declares it), one
column an indicator (its id, its name, or its number in the plan), every value of one period —
read into the data folder's actuals.csv, one value a row.

Every cell is said by its sheet, row and column when it cannot be read (an unknown area or
indicator, a formula, a number that reads two ways — "41.200", "32,800" — where the table's other
numbers do not say how it writes them: import_numbers); nothing is written unless the folder then
loads, with every check of actuals.csv; the file is written atomically.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from ..records import NamedTuple

from . import import_guard, import_numbers
from .appendix_layout import folded
from ..core.model import Dataset, PointStatus
from .actuals_csv import COLUMNS
from ..errors import UsageError
from ..messages import Text


class Cell(NamedTuple):
    row: int  # from 1, as the sheet numbers them
    column: str  # A, B, …
    problem: Text | str


class Read(NamedTuple):
    lines: tuple[tuple[str, str, str, str, str, str], ...]  # indicator, area, period, value, status, note
    problems: tuple[Cell, ...]
    where: str  # "trang Sheet1", "bảng 1"
    cells: tuple[tuple[int, str], ...] = ()  # the row and column of each line's value in the table


def letters(n: int) -> str:
    """Column letters from a 0-based index: 0 → A, 27 → AB."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


class Rows(list):
    """The rows of a table, and the first number cell shown grouped by thousands (Grid.grouped)."""

    grouped: tuple[int, int, float, str] | None = None


def grid_of(path: Path, sheet: str | None) -> tuple[list[list[object]], Text]:
    """The rows of the table to read (``Rows``): the sheet named, else the first visible one
    (xlsx), the first table (docx), or the file (csv)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        from .regular import read as read_regular

        text = read_regular(path, str(path), 64 * 1024 * 1024).decode("utf-8-sig", errors="strict")
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator(text))], Text("import.document")
    kind = {".xlsx": "xlsx", ".docx": "docx"}.get(suffix)
    if kind is None:
        raise UsageError(Text("import.unknown_type", path=path))
    import_guard.check(path, kind)
    if kind == "xlsx":
        from .import_xlsx import grids

        tables = grids(path)[0]
    else:
        from .import_docx import grids as docx_grids

        tables = docx_grids(path)[0]
    shown = [t for t in tables if not t.hidden and (sheet is None or t.name == sheet)]
    if not shown:
        raise UsageError(Text("import.no_table", path=path), tuple(t.name for t in tables))
    label = Text("import.sheet", name=shown[0].name) if kind == "xlsx" else Text("import.table", n=shown[0].name)
    rows = Rows(shown[0].rows)
    rows.grouped = shown[0].grouped
    return rows, label


def separator(text: str) -> str:
    """The CSV's separator, as its header row shows it: ',' or, as Excel saves CSV in Vietnamese
    (and other decimal-comma) settings, ';' or a tab; ',' when the header cannot tell."""
    head = next((line for line in text.splitlines() if line.strip()), "")
    try:
        return csv.Sniffer().sniff(head, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def read(rows: list[list[object]], dataset: Dataset, period: str, status: PointStatus, where: Text) -> Read:
    """The values of an area-by-indicator table, or the cells that cannot be read."""
    from .actuals_csv import UNAMBIGUOUS
    from .checks import thousands_hint
    from .import_xlsx import Formula

    import re

    problems: list[Cell] = []
    filled = [(n, row) for n, row in enumerate(rows) if any(c not in (None, "") for c in row)]
    if not filled:
        return Read((), (Cell(1, "A", Text("import.areas_empty")),), str(where))
    head_n, head = filled[0]
    names = _indicator_names(dataset)
    columns: dict[int, str] = {}
    for c, text in enumerate(head[1:], start=1):
        if text in (None, ""):
            continue
        ident = names.get(folded(text))
        if ident is None:
            problems.append(Cell(head_n + 1, letters(c), Text("import.areas_indicator", text=repr(str(text)))))
            continue
        columns[c] = ident
    areas = {folded(a.id): a.id for a in dataset.areas.values()} | {folded(a.name): a.id for a in dataset.areas.values()}
    lines = []
    cells: list[tuple[int, str]] = []
    plain = re.compile(UNAMBIGUOUS, re.ASCII).fullmatch
    table = [(n, area, row) for n, row in filled[1:] if (area := areas.get(folded(row[0])) if row else None) is not None]
    evidence = _evidence(rows, table, columns)
    for n, row in filled[1:]:
        area = areas.get(folded(row[0])) if row else None
        if area is None:
            problems.append(Cell(n + 1, "A", Text("import.areas_area", text=repr(str(row[0] if row else "")))))
            continue
        for c, ident in columns.items():
            value = row[c] if c < len(row) else None
            if value in (None, ""):
                continue  # no value: nothing is written, nothing assumed
            where_cell = (n + 1, letters(c))
            if isinstance(value, Formula):
                problems.append(Cell(*where_cell, Text("import.formula", text=str(value))))
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                lines.append((ident, area, period, repr(float(value)) if isinstance(value, float) else str(value), status.value, ""))
                cells.append(where_cell)
                continue
            text = str(value).strip()
            if plain(text) is None:
                read_as = _by_table(text, ident, evidence)
                if read_as is None or isinstance(read_as, Text):  # (a Text is a str: asked first)
                    problems.append(Cell(*where_cell, read_as or Text("import.areas_number", text=repr(text), hint=_number_hint(text, thousands_hint))))
                    continue
                text = read_as
            lines.append((ident, area, period, text, status.value, ""))
            cells.append(where_cell)
    return Read(tuple(lines), tuple(problems), str(where), tuple(cells))


def _evidence(rows: list[list[object]], table: list[tuple[int, str, list[object]]], columns: dict[int, str]) -> import_numbers.Evidence:
    """How the table writes its numbers, as the texts of its values show it (a number cell shown
    grouped by thousands too); no writing is assumed where they show none."""
    evidence = import_numbers.Evidence(default=None)
    grouped = getattr(rows, "grouped", None)
    if grouped is not None:
        evidence.formatted(*grouped)
    for n, _area, row in table:
        for c in columns:
            value = row[c] if c < len(row) else None
            if isinstance(value, str):
                evidence.saw(n, c, value)
    return evidence


def _by_table(text: str, ident: str, evidence: import_numbers.Evidence) -> str | Text | None:
    """A value's text as actuals.csv writes it ("5,76" → "5.76", "41.200" → "41200" in a table
    that writes the Vietnamese way); a Text saying why it is not read (it reads two ways the
    table does not decide between); None when it is no number, or reads two ways and the table
    shows no writing (said as before: the hint gives both readings)."""
    try:
        value = evidence.reading(text, repr(ident))
    except ValueError:
        return None
    if value is None or isinstance(value, Text):
        return value
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _number_hint(text: str, thousands_hint) -> Text:
    """What to say after "not a number": a control character the cell holds (NUL, …), not
    seen in a spreadsheet; 41.200's two readings; else how kpi writes a number."""
    import re
    import unicodedata

    hidden = next((ch for ch in text if unicodedata.category(ch) == "Cc"), None)
    if hidden is not None:
        return Text("import.areas_control_hint", code=f"U+{ord(hidden):04X}")
    if re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+", text):
        return thousands_hint(text)
    found = import_numbers.form(text)
    if found is not None and found.name == "comma3":  # "32,800" in a table that says nothing of its writing
        return Text("hint.thousands", plain=text.replace(",", ""), decimal=repr(import_numbers.value(text, "vi")))
    return Text("import.areas_number_hint")


def _indicator_names(dataset: Dataset) -> dict[str, str]:
    """An indicator by its id, its names, or its number in a plan ("3"), folded."""
    found: dict[str, str] = {}
    for plan in dataset.plans.values():
        for row in plan.rows:
            if row.no:
                found.setdefault(folded(row.no), row.indicator)
    for ident, one in dataset.indicators.items():
        for name in (one.name, one.name_en):
            if name:
                found[folded(name)] = ident
        found[folded(ident)] = ident
    return found


def csv_text(existing: str | None, lines: tuple[tuple[str, ...], ...]) -> str:
    """actuals.csv with ``lines`` added after what it holds (or a new file with its header)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    order = list(COLUMNS)
    if not existing:
        writer.writerow(order)
    else:  # the file's own columns, in its order (the loader has checked them)
        order = [h.strip().lower() for h in next(csv.reader(io.StringIO(existing.lstrip("\ufeff"))))]
    writer.writerows([dict(zip(COLUMNS, line))[c] for c in order] for line in lines)
    before = existing or ""
    if before and not before.endswith("\n"):
        before += "\n"
    return before + out.getvalue()


def checked(dataset: Dataset, existing: str | None, got: Read, name: str, yaml: Path | None = None) -> tuple[str, tuple[Cell, ...]]:
    """actuals.csv with the table's values added, checked as the loader checks it (every check of
    actuals.csv, before anything is written); a problem of an added row is said by the table's
    cell (``Cell``: the row the file on disk does not have yet), one of the file's own rows is a
    DataError as when it is loaded. ``yaml``: the actuals.yaml beside it, whose line a value it
    gives too is said with."""
    from .actuals_csv import merge
    from ..errors import DataError

    text = csv_text(existing, got.lines)
    try:
        merge(dataset, text, name, yaml=yaml)
    except DataError as err:
        before = csv_text(existing, ())
        first = before.count("\n") + 1  # the line of the first added row
        ours = [p for p in err.problems if not p.warning and first <= p.line < first + len(got.cells)]
        if not ours or len(ours) < len([p for p in err.problems if not p.warning]):
            raise
        return text, tuple(Cell(*got.cells[p.line - first], _in_file(p.message, name, first)) for p in ours)
    return text, ()


def _in_file(problem: str, name: str, first: int) -> str:
    """A value given twice, said of the table: the other is the file's line (or another cell)."""
    if not isinstance(problem, Text) or problem.key != "csv.twice":
        return problem
    line = int(str(problem.params["line"]))
    if line >= first:
        return Text("import.areas_twice")
    return Text("import.areas_in_csv", path=name, line=line)
