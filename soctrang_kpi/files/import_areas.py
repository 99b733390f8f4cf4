"""`kpi import TABLE --areas`: an area-by-indicator table as statistics offices hand it over
(README "Territory") — one row an area (its id or its name as targets.yaml declares it), one
column an indicator (its id, its name, or its number in the plan), every value of one period —
read into the data folder's actuals.csv, one value a row.

Every cell is said by its sheet, row and column when it cannot be read (an unknown area or
indicator, a formula, a number written 5,76 or 41.200); nothing is written unless the folder then
loads, with every check of actuals.csv; the file is written atomically.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from ..records import NamedTuple

from . import import_guard
from .appendix_layout import folded
from ..core.model import Dataset, PointStatus
from .actuals_csv import COLUMNS
from ..errors import UsageError
from ..messages import Text


class Cell(NamedTuple):
    row: int  # from 1, as the sheet numbers them
    column: str  # A, B, …
    problem: Text


class Read(NamedTuple):
    lines: tuple[tuple[str, str, str, str, str, str], ...]  # indicator, area, period, value, status, note
    problems: tuple[Cell, ...]
    where: str  # "trang Sheet1", "bảng 1"


def letters(n: int) -> str:
    """Column letters from a 0-based index: 0 → A, 27 → AB."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def grid_of(path: Path, sheet: str | None) -> tuple[list[list[object]], Text]:
    """The rows of the table to read: the sheet named, else the first visible one (xlsx), the
    first table (docx), or the file (csv)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        from .regular import read as read_regular

        text = read_regular(path, str(path), 64 * 1024 * 1024).decode("utf-8-sig", errors="strict")
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""))], Text("import.document")
    kind = {".xlsx": "xlsx", ".docx": "docx"}.get(suffix)
    if kind is None:
        raise UsageError(Text("import.unknown_type", path=path))
    import_guard.check(path, kind)
    if kind == "xlsx":
        from .import_xlsx import grids

        tables, _data = grids(path)
    else:
        from .import_docx import grids as docx_grids

        tables, _data = docx_grids(path)
    shown = [t for t in tables if not t.hidden and (sheet is None or t.name == sheet)]
    if not shown:
        raise UsageError(Text("import.no_table", path=path), tuple(t.name for t in tables))
    label = Text("import.sheet", name=shown[0].name) if kind == "xlsx" else Text("import.table", n=shown[0].name)
    return shown[0].rows, label


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
    plain = re.compile(UNAMBIGUOUS, re.ASCII).fullmatch
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
                continue
            text = str(value).strip()
            if plain(text) is None:
                hint = thousands_hint(text) if re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+", text) else Text("import.areas_number_hint")
                problems.append(Cell(*where_cell, Text("import.areas_number", text=repr(text), hint=hint)))
                continue
            lines.append((ident, area, period, text, status.value, ""))
    return Read(tuple(lines), tuple(problems), str(where))


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
