"""`kpi import`: the office's own appendix table (an .xlsx sheet or a .docx table) into the text
of targets.yaml and actuals.yaml.

What it infers: sub-rows from "- " or a number like 3.1, the direction from ≤ / ≥ / Trên / Dưới,
the kind from "bình quân" and "%/năm" (the words of each kind's entry in core/kinds.py), a heading from a row with
neither a target nor values. The published percentages and verdict go to ``published`` for the
audit. Every cell it cannot map is listed with its sheet or table, row and column; the result is
checked by the loader before anything is written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import NamedTuple

from . import appendix_layout as layout
from ..compat.ooxml import Unreadable
from .datadir import ACTUALS, TARGETS
from ..core.kinds import GROUP_KINDS
from ..core.model import Direction, Kind
from ..errors import UsageError
from ..messages import Num, Text

PUBLISHED = ("avg_growth", "midterm_pct", "forecast", "forecast_pct")
SUFFIXES = {".xlsx": "xlsx", ".xlsm": "xlsx", ".docx": "docx"}
MAX_ID_WORDS = 6


class Skipped(NamedTuple):
    where: Text
    row: int  # 1-based, as the office's program shows it
    column: int
    what: Text

    def render(self, lang: str) -> str:
        return "kpi: " + Text("import.skipped", where=self.where, row=self.row, column=self.column, what=self.what).render(lang)


class Entry(NamedTuple):
    id: str
    no: str
    name: str
    unit: str
    parent: str | None
    kind: Kind
    target: layout.TargetText | None
    values: dict[str, dict[int, float]]  # status -> year -> value
    published: dict[str, object]


class Imported(NamedTuple):
    entries: list[Entry]
    base_year: int
    target_year: int
    name: str
    source: str
    skipped: list[Skipped]
    places: list[Text]

    def found(self, lang: str) -> str:
        """ "kpi: đã đọc trang 'Chỉ tiêu': 23 chỉ tiêu, các năm 2020–2025"."""
        count = Text("import.indicators", count=Num(sum(1 for e in self.entries if e.parent is None)))
        where = ", ".join(place.render(lang) for place in self.places)
        return Text("import.found", where=where, indicators=count, first=self.base_year, last=self.target_year).render(lang)


def read(path: Path, name: str | None = None) -> Imported:
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise UsageError(Text("import.unknown_type", path=path))
    tables: list[tuple[Text, list[list[object]], list[str] | None]]
    try:
        if kind == "xlsx":
            from .import_xlsx import grids

            tables = [(Text("import.sheet", name=repr(title)), grid, None) for title, grid in grids(path)]
        else:
            from .import_docx import grids as docx_grids

            tables = [(Text("import.table", n=n), grid, above) for n, grid, above in docx_grids(path)]
    except Unreadable as err:  # not a zip, not a workbook, a damaged part
        raise UsageError(Text("import.unreadable", path=path, reason=Text(err.reason, **err.fields))) from None
    except OSError as err:
        raise UsageError(Text("import.unreadable", path=path, reason=err.strerror or err)) from None
    entries: list[Entry] = []
    skipped: list[Skipped] = []
    places: list[Text] = []
    years: set[int] = set()
    titled: str | None = None
    for where, grid, above in tables:
        header = layout.find_header(grid)
        if header is None:
            continue
        columns = layout.classify(grid, *header)
        if not any(c.role == "target" for c in columns):
            continue  # another table with TT and Chỉ tiêu (the audit sheet of an export)
        for column in columns:
            if column.header and not column.role:
                skipped.append(Skipped(where, header[0] + 1, column.index + 1, Text("import.column", text=repr(column.header))))
        years |= {c.year for c in columns if c.year}
        places.append(where)
        lines = above if above is not None else [" ".join(str(c) for c in row if c is not None) for row in grid[: header[0]]]
        titled = titled or layout.plan_name(lines)
        _rows(grid, header[1] + 1, columns, where, entries, skipped)
    if not places:
        raise UsageError(Text("import.no_table", path=path))
    if len(years) < 2:
        raise UsageError(Text("import.no_years", path=path))
    base, target = min(years), max(years)
    title = name or titled or Text("init.default_name", base=base, target=target).render("vi")
    return Imported(_kinds(entries), base, target, title, path.name, skipped, places)


def _rows(grid, start: int, columns, where: Text, entries: list[Entry], skipped: list[Skipped]) -> None:
    by_role = {c.role: c.index for c in reversed(columns) if c.role and c.role != "year"}
    used = {e.id for e in entries}
    tops: dict[str, Entry] = {e.no: e for e in entries if e.parent is None}
    last_top: Entry | None = next((e for e in reversed(entries) if e.parent is None), None)
    children: dict[str, int] = {}
    for r in range(start, len(grid)):
        row = grid[r]

        def cell(role: str) -> object:
            i = by_role.get(role)
            return row[i] if i is not None and i < len(row) else None

        def skip(index: int, what: Text) -> None:
            skipped.append(Skipped(where, r + 1, index + 1, what))

        no, name = _no(cell("no")), " ".join(str(cell("name") or "").split())
        if not name:
            continue
        if {layout._role(layout.folded(c)) for c in row} >= {"no", "name"}:
            continue  # the header repeated on a new page
        sub = bool(layout.SUB_ROW.match(name)) or (not no and last_top is not None) or (no.count(".") == 1 and no.split(".")[0] in tops)
        name = layout.SUB_ROW.sub("", name)
        parent = None
        if sub and last_top is not None:
            parent_entry = tops.get(no.split(".")[0]) if "." in no else last_top
            parent_entry = parent_entry or last_top
            parent = parent_entry.id
            if not no or "." not in no:
                children[parent_entry.no] = children.get(parent_entry.no, 0) + 1
                no = f"{parent_entry.no}.{children[parent_entry.no]}"
        unit = " ".join(str(cell("unit") or "").split())
        target = None
        written = cell("target_printed") or cell("target")  # the printed form keeps "≤", "Trên", "2–3"
        try:
            target = layout.target(written)
        except ValueError:
            skip(by_role["target"], Text("import.no_target", text=repr(str(written))))
        values: dict[str, dict[int, float]] = {}
        for column in columns:
            if column.role != "year" or column.index >= len(row):
                continue
            written, estimate = _marked(row[column.index])
            value = _number(written, lambda what: skip(column.index, what))
            if value is not None:
                status = "estimate" if estimate and column.status == "actual" else column.status
                values.setdefault(status, {})[column.year] = value
        published: dict[str, object] = {}
        for field in PUBLISHED:
            if field in by_role:
                value = _number(_marked(cell(field))[0], lambda what: skip(by_role[field], what))
                if value is not None:
                    published[field] = value
        verdict = " ".join(str(cell("assessment") or "").split())
        if verdict and verdict not in layout.DASHES:
            from ..core.classify import parse_assessment

            try:
                parse_assessment(verdict)
                published["assessment"] = verdict
            except ValueError:
                skip(by_role["assessment"], Text("import.assessment", text=repr(verdict)))
        heading = target is None and not values
        kind = layout.kind_of(name, unit, heading=True) if heading else (
            target.kind if target is not None and target.kind else layout.kind_of(name, unit)
        )
        entry = Entry(_unique_id(name, used), no or str(len(tops) + 1), name, unit, parent, kind, target, values, published)
        entries.append(entry)
        if parent is None:
            tops[entry.no] = entry
            last_top = entry if heading else None
            children.setdefault(entry.no, 0)
        if parent is None and not heading:
            last_top = entry  # a "- " row after a plain indicator is its sub-row


def _kinds(entries: list[Entry]) -> list[Entry]:
    """A sub-row of an indicator that is not a heading measures what its parent does
    ("Trong đó, … Khmer" under an average); a heading without sub-rows is dropped as a target."""
    by_id = {e.id: e for e in entries}
    fixed = []
    for e in entries:
        parent = by_id.get(e.parent) if e.parent else None
        if parent is not None and parent.kind not in GROUP_KINDS and e.kind is Kind.LEVEL:
            e = e._replace(kind=parent.kind)
        fixed.append(e)
    return fixed


def _no(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value if value is not None else "").strip().rstrip(".")
    return text if re.fullmatch(r"\d+(\.\d+)*", text) else ""


def _marked(value: object) -> tuple[object, bool]:
    """A cell without its estimate mark: a trailing "*" in text, or an xlsx format that adds it."""
    from .import_xlsx import Estimated

    if isinstance(value, Estimated):
        return float(value), True
    return layout.marked(value)


def _number(value: object, skip) -> float | None:
    from .import_xlsx import Formula

    if isinstance(value, Formula):
        skip(Text("import.formula", text=repr(str(value))))
        return None
    try:
        return layout.number(value)
    except ValueError:
        skip(Text("import.not_a_number", text=repr(str(value))))
        return None


def _unique_id(name: str, used: set[str]) -> str:
    words = re.findall(r"[a-z0-9]+", layout.folded(name))
    base = "-".join(words[:MAX_ID_WORDS]) or "indicator"
    ident, n = base, 2
    while ident in used:
        ident, n = f"{base}-{n}", n + 1
    used.add(ident)
    return ident


def to_yaml(imported: Imported, lang: str = "vi") -> dict[str, str]:
    """The text of the two files, checked by the loader (a bug here is caught before writing);
    their comments in ``lang``."""
    plan = f"term-{imported.base_year}-{imported.target_year}"
    targets = [
        "# " + Text("import.comment_targets", source=imported.source).render(lang),
        "schema_version: 1",
        "",
        "indicators:",
    ]
    for e in imported.entries:
        targets.append(f"  - id: {e.id}")
        targets.append(f"    name: {_text(e.name)}")
        if e.unit:
            targets.append(f"    unit: {_text(e.unit)}")
        if e.parent:
            targets.append(f"    parent: {e.parent}")
    targets += [
        "",
        "plans:",
        f"  - id: {plan}",
        f"    name: {_text(imported.name)}",
        f"    base_year: {imported.base_year}",
        f"    target_year: {imported.target_year}",
        "    targets:" if imported.entries else "    targets: []",
    ]
    for e in imported.entries:
        fields = [f"indicator: {e.id}", f"number: {_text(e.no)}", f"kind: {e.kind.value}"]
        t = e.target
        if t is not None and e.kind not in GROUP_KINDS:
            if t.direction is Direction.AT_MOST:
                fields.append("direction: at_most")
            if t.strict and e.kind is Kind.THRESHOLD:
                fields.append("strict: true")
            fields.append(f"range: [{_num(t.value)}, {_num(t.upper)}]" if t.upper is not None else f"value: {_num(t.value)}")
        targets.append("      - {" + ", ".join(fields) + "}")
    actuals = ["# " + Text("import.comment_actuals", source=imported.source).render(lang), "schema_version: 1", "", "series:"]
    count = 0
    for e in imported.entries:
        parts = [
            f"    {status}: {{" + ", ".join(f"{y}: {_num(v)}" for y, v in sorted(e.values[status].items())) + "}"
            for status in ("actual", "estimate", "plan") if e.values.get(status)
        ]
        if e.published:
            published = ", ".join(f"{k}: {_text(v) if isinstance(v, str) else _num(_rounded(_as_number(v)))}" for k, v in e.published.items())
            parts += ["    published:", f"      {plan}:", f"        table: {{{published}}}"]
        if parts:
            actuals += [f"  {e.id}:"] + parts
            count += 1
    if not count:
        actuals[-1] = "series: {}"
    texts = {TARGETS: "\n".join(targets) + "\n", ACTUALS: "\n".join(actuals) + "\n"}
    from .load import load_texts

    load_texts(texts[TARGETS], texts[ACTUALS])
    return texts


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _as_number(value: object) -> float | None:
    """A published figure read from a cell: a number, or nothing."""
    return float(value) if isinstance(value, (int, float)) else None


#: decimals a published figure keeps (a computed 80.39999999999999 is written 80.4)
PUBLISHED_DECIMALS = 6


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, PUBLISHED_DECIMALS)


def _num(value: float | None) -> str:
    if value is None:
        return "null"
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = repr(float(value))
    return text + "0" if re.fullmatch(r"-?\d+\.\d{3}", text) else text  # 1.842 would read as thousands
