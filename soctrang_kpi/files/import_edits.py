"""kpi's own export whose printed table the office changed (README "kpi's own exports come back
exactly"): the changed cells are read from the table, as always, and each one is now named —
the value read and the one the data kpi exported had — so that a table and its data that
disagree are never passed over silently. A pass over the rows once the import has made them
(``import_table._overlay``), not a part of it."""

from __future__ import annotations

from typing import Any

from ..messages import Num, Text
from .import_table import STATUSES, Skipped, same_as_exported, years_as_ints

#: the keys of a target row that a table's target cell shows
TARGET_KEYS = ("value", "range", "printed", "printed_en", "direction", "strict")


def _flat(entry: dict[str, Any]) -> dict[Any, Any]:
    """A series entry's values of every status by their key (a year: a number, or its text as
    JSON has it; a month's or a quarter's key too, never looked up)."""
    return {key: value for status in STATUSES if (values := entry.get(status)) for key, value in values.items()}


def said(entries: list, meta: dict[str, Any], rows) -> tuple[Skipped, ...]:
    """Each cell of an exported row whose value (or target) the table changed, with its row and
    column (``rows.placed``) and the value read and the data's: to be said, not counted among
    the things to check — but a target's number that its printed cell, changed too, does not
    say, which is not read (``_target_cells``), is one."""
    told: list[Skipped] = []
    lang = meta.get("lang", "vi")
    series = meta["actuals"]["series"]
    targets = {t["indicator"]: t for t in meta["targets"]["plans"][0]["targets"]}
    columns: dict[int, int] = {}
    for index, year, _status in rows.years:
        columns.setdefault(year, index)
    shown = [(year, str(year), column) for year, column in columns.items()]
    target_column = rows.by_role.get("target_printed", rows.by_role.get("target"))
    unsure: list[Skipped] = []
    for e in entries:
        if e.exported is None or not e.row:
            continue
        # a row whose values are the exported ones (most) has none to name: not compared again
        before, after = (_flat(series.get(e.id, {})), _flat(e.exported.series)) if e.exported.edited else ({}, {})
        for year, key, column in shown if before else ():
            old = before.get(key, before.get(year))
            if old is None:
                continue
            new = after.get(year, after.get(key))
            if old == new:
                continue
            what = Text("import.edited_value", year=year, read=Num(new) if new is not None else "-", data=Num(old))
            told.append(rows.placed(e.row - 1, column, what))
        row, was = e.exported.row, targets.get(e.id)
        if target_column is not None and row is not None and was is not None and any(row.get(k) != was.get(k) for k in TARGET_KEYS):
            unsure.extend(_target_cells(e, row, was, rows, lang, told))
    rows.skipped.extend(unsure)  # a number the target is not read from: a thing to check
    return tuple(told)


def _target_cells(e, row: dict[str, Any], was: dict[str, Any], rows, lang: str, told: list[Skipped]) -> list[Skipped]:
    """A changed target named at each cell the office changed: an xlsx export's number
    ("Nghị quyết") and its printed cell ("Nghị quyết (ghi)") beside it, one or both. The printed
    cell is read when it changed: a number changed with it is named too, and when it says another
    number than the printed cell's, said as not read (returned: a thing to check); the cells said
    are added to ``told``."""
    printed_column = rows.by_role.get("target_printed")
    number_column = rows.by_role.get("target") if printed_column is not None else None
    cells = rows.grid.rows[e.row - 1] if 0 < e.row <= len(rows.grid.rows) else []
    number = _number_cell(cells, number_column, lang)
    exported = was["range"][0] if "range" in was else was.get("value")
    edited = Text("import.edited_target", read=_target(row, lang), data=_target(was, lang))
    if number_column is None or number is None or exported is None or same_as_exported(number[0], exported, number[1], lang):
        told.append(rows.placed(e.row - 1, printed_column if printed_column is not None else rows.by_role["target"], edited))
        return []
    if printed_column is not None and _shows_exported(e, cells, printed_column, was, lang):
        told.append(rows.placed(e.row - 1, number_column, edited))  # the number alone changed: it is what was read
        return []
    told.append(rows.placed(e.row - 1, printed_column, edited))
    read = row["range"][0] if "range" in row else row.get("value")
    shown = repr(number[1]) if isinstance(number[1], str) else Num(number[0])
    if read is not None and same_as_exported(read, number[0], number[1], lang):
        told.append(rows.placed(e.row - 1, number_column, Text("import.edited_target_number", number=shown, data=Num(exported))))
        return []
    what = Text("import.edited_target_number_unread", number=shown, data=Num(exported), read=_target(row, lang))
    return [rows.placed(e.row - 1, number_column, what)]


def _number_cell(cells: list[object], column: int | None, lang: str) -> tuple[float, object] | None:
    """The number a target's number cell holds, and the cell; None when it holds none."""
    from .import_table import cell_number

    raw = cells[column] if column is not None and column < len(cells) else None
    if raw is None or isinstance(raw, bool) or (isinstance(raw, str) and not raw.strip()):
        return None
    value = cell_number(raw.strip() if isinstance(raw, str) else raw, lang, None)
    return None if value is None else (value, raw)


def _shows_exported(e, cells: list[object], column: int, was: dict[str, Any], lang: str) -> bool:
    """Whether a target's printed cell still shows the exported target (as import_table reads it)."""
    from . import appendix_layout as layout
    from .import_table import target_unchanged

    raw = cells[column] if column < len(cells) else None
    text = " ".join(str(raw).split()) if raw is not None else ""
    try:
        read = layout.target(text, lang)
    except ValueError:
        return False
    return read is not None and target_unchanged(e._replace(target=read, printed=text if isinstance(raw, str) else ""), was, lang)


def unchanged(imported, meta: dict[str, Any]) -> bool:
    """Whether the data read back is the data kpi exported (no cell, row or target changed): its
    loaded dataset then gives the verdicts the export printed, without loading the data twice."""
    if imported.targets.get("indicators") != meta["targets"].get("indicators"):
        return False
    if imported.plan.get("targets") != meta["targets"]["plans"][0].get("targets"):
        return False
    series = imported.actuals.get("series", {})
    exported = meta["actuals"]["series"]
    return series.keys() == exported.keys() and all(series[i] == years_as_ints(e) for i, e in exported.items())


def verdict_cells(entries: list, rows) -> dict[str, tuple[int, str]]:
    """The verdict cell ("Đánh giá", "Assessment") of each exported row, by its id: its row and
    its text. Taken before the cells are let go of (import_table._let_go): the check of the files
    that follows is the import's peak of memory."""
    column = rows.by_role.get("assessment")
    if column is None:
        return {}
    found: dict[str, tuple[int, str]] = {}
    for e in entries:
        if e.exported is not None and e.row and e.exported.row is not None:
            cells = rows.grid.rows[e.row - 1] if e.row <= len(rows.grid.rows) else []
            cell = cells[column] if column < len(cells) else None
            found[e.id] = (e.row, " ".join(str(cell if cell is not None else "").split()))
    return found


def verdicts_said(cells: dict[str, tuple[int, str]], meta: dict[str, Any], rows, dataset=None) -> tuple[Skipped, ...]:
    """Each exported row whose verdict cell (``verdict_cells``) no longer shows the verdict kpi
    printed from the data it exported (as of the export's year): named, both texts, placed as
    ``rows.placed`` places a cell. The verdict is never read (kpi computes it), but an edit is never
    passed over. ``dataset``: the data exported, loaded, or a function that gives it (None: loaded
    here), asked only when the export does not say its verdicts."""
    if not cells:
        return ()
    column = rows.by_role["assessment"]
    told: list[Skipped] = []
    expected = _printed_verdicts(meta, set(cells), dataset)
    for ident, (row, text) in cells.items():
        want = expected.get(ident)
        if want is None or text == want:
            continue
        told.append(rows.placed(row - 1, column, Text("import.edited_verdict", read=repr(text) if text else "-", data=repr(want))))
    return tuple(told)


def _printed_verdicts(meta: dict[str, Any], ids: set[str], dataset=None) -> dict[str, str]:
    """The verdict kpi's export printed for each row of ``ids``, from the data it carries, in
    its language: the status's label ("Vượt 176,83%", "Achieved"), the plan's own class, or
    "Không đánh giá" — ``messages.verdict_words``, as output/labels.result_label writes it."""
    from ..core.evaluate import evaluate_rows
    from ..messages import verdict_words
    from ..errors import DataError
    from .load import load_texts
    from .yaml_text import actuals_text, targets_text

    printed = meta.get("verdicts")
    if isinstance(printed, dict):  # kpi's export says what it printed (signed with the rest)
        return {ident: text for ident in ids if isinstance(text := printed.get(ident), str)}
    lang = meta.get("lang", "vi") if meta.get("lang") in ("vi", "en") else "vi"
    if callable(dataset):
        dataset = dataset()
    if dataset is None:  # the office changed the data: the export's verdicts are the exported data's
        actuals = {"schema_version": 1, "series": {i: years_as_ints(e) for i, e in meta["actuals"]["series"].items()}}
        try:
            dataset, _warnings = load_texts(targets_text(meta["targets"]), actuals_text(actuals))
        except DataError:  # the data as exported does not load: nothing to compare (what was read is checked)
            return {}
    plan = next(iter(dataset.plans.values()))
    _year, results = evaluate_rows(dataset, plan.id, ids, as_of=meta.get("as_of"))
    return {ident: verdict_words(r, lang, plan.settings.precision) for ident, r in results.items()}


def _target(row: dict[str, Any], lang: str = "vi") -> object:
    """A target row as a message shows it: its wording as printed (an English export's English
    wording first, as its table prints it), else its number or range."""
    for key in ("printed_en", "printed") if lang == "en" else ("printed", "printed_en"):
        if row.get(key):
            return repr(row[key])
    if "range" in row:
        return Text("import.edited_range", low=Num(row["range"][0]), high=Num(row["range"][1]))
    return Num(row["value"]) if "value" in row else "-"
