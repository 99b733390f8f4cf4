"""The text edits that keep a value's provenance and history (README "History of a value").

After ``splice.set_value`` has written a value, ``provenance`` writes beside it, in the same
entry of actuals.yaml: its source under ``sources:``, the day under ``recorded:``, a note under
``notes:`` when one is given, and the value it replaced (with that value's status, day, source
and note) as the last item of ``history:`` for its year or period. Each step is a text edit with
splice's own tools: every other byte stays as written, and ``record`` reads the result back and
compares it with what it must be before anything is written.
"""

from __future__ import annotations

from datetime import date

import yaml

from . import splice, yamlio, yaml_text
from .splice import Edit, Node
from ..core.model import Dataset, Period, Point, Version


def _holder(text: str, ident: str, within: str, area: str = "") -> tuple[splice._Lines, splice._Walker, Node | None]:
    """The mapping that holds the value's statuses: the indicator's entry under ``series:`` (or
    under ``areas: {area: …}``, an area's), or its ``within`` (``ytd``)."""
    normal = yamlio.normalize(text)
    walker = splice._Walker(yaml.parse(normal, Loader=yamlio._Base), ident, ("areas", area, ident) if area else ())
    top = walker.document()
    lines = splice._Lines(text, normal)
    series = top.get("series") if top is not None and top.kind == "map" and not area else None
    held: list = []
    if area:
        areas = top.get("areas") if top is not None and top.kind == "map" else None
        series = areas[1].get(area) if areas is not None and areas[1].kind == "map" else None
        held = [areas and areas[1]]
    entry = series[1].get(ident) if series is not None and series[1].kind == "map" else None
    splice._not_shared(walker.aliases, [top, *held, series and series[1], entry and entry[1]])
    holder = entry[1] if entry is not None and entry[1].kind == "map" else None
    if within and holder is not None:
        inner = holder.get(within)
        splice._not_shared(walker.aliases, [inner])
        holder = inner[1] if inner is not None and inner[1].kind == "map" else None
    return lines, walker, holder


def _apply(text: str, lines: splice._Lines, edits: list[Edit]) -> str:
    return splice._apply(text, [edit._replace(text=edit.text.replace("\n", lines.newline)) for edit in edits])


def written(text: str, ident: str, key: str, status: str, within: str = "", area: str = "") -> str:
    """The value of ``key`` under ``status`` as the file writes it (``7.10``, an index ``107.5``)."""
    _lines, _walker, holder = _holder(text, ident, within, area)
    found = holder.get(status) if holder is not None else None
    at = found[1].get(key) if found is not None and found[1].kind == "map" else None
    if at is None:
        raise LookupError(key)
    return at[1].text


def replaced_text(text: str, ident: str, key: str, replaced: Point | None, within: str = "", area: str = "") -> str:
    """The replaced value as its history item writes it: the number as read (a reading of the
    whole file saved), or, in a file with an index series (``as_index``), as the file writes it."""
    if replaced is None:
        return ""
    if "as_index" in text:  # the value read is a rate, the file holds its index
        return written(text, ident, key, replaced.status.value, within, area)
    return yaml_text.number(replaced.value)


def _set_edits(lines: splice._Lines, walker: splice._Walker, holder: Node, name: str, key: str, value: str) -> list[Edit]:
    """``key: value`` under ``name`` (``sources``, ``recorded``, ``notes``) of the entry: the value
    replaced when the key is there, else the pair (or the mapping) added in its neighbours' style."""
    found = holder.get(name)
    pair = f"{key}: {value}"
    if found is None:
        return splice._insert_key(lines, holder, name, "{" + pair + "}", "")
    splice._not_shared(walker.aliases, [found])
    at = found[1].get(key)
    if at is None:
        return splice._insert_pair(lines, found[1], key, pair, "")
    splice._not_shared(walker.aliases, [at, found[1].pairs[at[0]][0]])
    return [Edit(lines.offset(at[1].start), lines.offset(at[1].end), value)]


def _drop_edits(lines: splice._Lines, walker: splice._Walker, holder: Node, name: str, key: str) -> list[Edit]:
    """``key`` taken out of ``name`` of the entry; ``name`` goes too when it held nothing else."""
    found = holder.get(name)
    at = found[1].get(key) if found is not None else None
    if found is None or at is None:
        return []
    splice._not_shared(walker.aliases, [found, at])
    return splice._remove(lines, holder, found, at)[1]


def _append_edits(lines: splice._Lines, walker: splice._Walker, holder: Node, key: str, item: str) -> list[Edit]:
    """``item`` (a flow mapping) as the last version of ``key`` under ``history:``."""
    history = holder.get("history")
    if history is None:  # a version a line, in a block under the entry's own keys
        if holder.flow or not holder.pairs:
            return splice._insert_key(lines, holder, "history", "{" + f"{key}: [{item}]" + "}", "")
        indent = lines.indent(holder.pairs[0][0].start)
        unit = "\t" if "\t" in indent else "  "  # indented as the file is: with tabs, or two spaces a level
        inner = indent + unit
        rank = splice.ENTRY_ORDER.index("history")
        later = next((i for i, (k, _v) in enumerate(holder.pairs) if k.text in splice.ENTRY_ORDER and splice.ENTRY_ORDER.index(k.text) > rank), None)
        return splice._insert(lines, holder, later, f"history:\n{inner}{key}:\n{inner}{unit}- {item}", "")
    splice._not_shared(walker.aliases, [history])
    versions = history[1].get(key)
    if versions is None:
        if history[1].flow or not history[1].pairs:
            return splice._insert_pair(lines, history[1], key, f"{key}: [{item}]", "")
        indent = lines.indent(history[1].pairs[0][0].start)
        inner = indent + ("\t" if "\t" in indent else "  ")
        return splice._insert_pair(lines, history[1], key, f"{key}:\n{inner}- {item}", "")
    splice._not_shared(walker.aliases, [versions, history[1].pairs[versions[0]][0]])
    listed = versions[1]
    if listed.flow:
        if listed.pairs:
            at = lines.offset(listed.pairs[-1][1].last)
            return [Edit(at, at, ", " + item)]
        at = lines.offset(listed.start) + 1
        return [Edit(at, at, item)]
    line = lines.indent(listed.start) + "- " + item + "\n"
    at = lines.after_line(listed.last)
    if at == len(lines.text) and not lines.ends_with_break():
        line = "\n" + line
    return [Edit(at, at, line)]


def version_item(value: str, replaced: Point, with_note: bool) -> str:
    """A replaced value as an item of ``history:``: ``{value: 8.1, status: estimate, recorded:
    2023-11-20, source: "…", note: "…"}`` (its note only when a new one replaces it)."""
    parts = [f"value: {value}", f"status: {replaced.status.value}"]
    if replaced.recorded is not None:
        parts.append(f"recorded: {replaced.recorded.isoformat()}")
    if replaced.source:
        parts.append(f"source: {yaml_text.flow(replaced.source)}")
    if with_note and replaced.note:
        parts.append(f"note: {yaml_text.flow(replaced.note)}")
    return "{" + ", ".join(parts) + "}"


def provenance(
    text: str, ident: str, key: str, within: str, replaced: Point | None, replaced_text: str,
    source: str | None, note: str | None, day: date, area: str = "",
) -> str:
    """After the value of ``key`` was written: the replaced value into its history, the source,
    the day and the note beside the new one — every edit from one reading of the text. Keys
    added at one place are listed last first: the edits are applied from the end, so they land
    in the order of ``splice.ENTRY_ORDER`` (notes, sources, recorded, history). ``area``: the
    value is an area's, under ``areas:``."""
    lines, walker, holder = _holder(text, ident, within, area)
    assert holder is not None  # the value itself was written first
    edits: list[Edit] = []
    if replaced is not None:
        edits += _append_edits(lines, walker, holder, key, version_item(replaced_text, replaced, note is not None))
    edits += _set_edits(lines, walker, holder, "recorded", key, day.isoformat())
    if source:
        edits += _set_edits(lines, walker, holder, "sources", key, yaml_text.flow(source))
    elif replaced is not None and replaced.source:
        edits += _drop_edits(lines, walker, holder, "sources", key)  # it went with the value it named
    if note is not None:
        edits += _set_edits(lines, walker, holder, "notes", key, yaml_text.flow(note))
    return _apply(text, lines, edits)


def with_version(dataset: Dataset, ident: str, when: int | Period, replaced: Point | None, note_replaced: bool, area: str = "") -> Dataset:
    """``dataset`` with ``replaced`` as the last version of ``when`` (for the check of the
    result); of ``area``'s history when given."""
    if replaced is None:
        return dataset
    history = dataset.area_history.get(area, {}) if area else dataset.history
    mine = dict(history.get(ident, {}))
    version = Version(replaced.value, replaced.status, replaced.recorded, replaced.source, replaced.note if note_replaced else "")
    mine[when] = mine.get(when, ()) + (version,)
    if area:
        return dataset._replace(area_history={**dataset.area_history, area: {**history, ident: mine}})
    return dataset._replace(history={**dataset.history, ident: mine})


def _year_key(key: object) -> int | None:
    """A year key of the plain data (2023 or "2023" after JSON); None for a period's."""
    text = str(key)
    return int(text) if text.isdigit() else None


def _plain(key: object) -> int | str:
    """A key as actuals.yaml writes it: a year as a number (JSON gave it back as text)."""
    year = _year_key(key)
    return str(key) if year is None else year


def revised_data(entry: dict, before: dict[int, tuple], after: dict[int, tuple], today: date | None = None) -> dict:
    """A series of kpi's own export as `kpi import` writes it back after the office edited the
    table: a changed value's earlier version goes to its ``history`` with its source and day, the
    new one is recorded today; the sources and days of values no longer there go with them."""
    changed = {y for y, old in before.items() if y in after and after[y][:2] != old[:2]}
    if not changed and "sources" not in entry and "recorded" not in entry and "history" not in entry:
        return dict(entry)  # what the rest makes of it (most rows of an export the office left as they were)
    day = (today or date.today()).isoformat()
    found = dict(entry)
    for name in ("sources", "recorded"):
        kept = {_plain(k): v for k, v in entry.get(name, {}).items() if _year_key(k) is None or (_year_key(k) in after and _year_key(k) not in changed)}
        if name == "recorded":
            kept |= {y: day for y in sorted(changed)}
        found.pop(name, None)
        if kept:
            found[name] = kept
    history = {_plain(k): list(v) for k, v in entry.get("history", {}).items() if _year_key(k) is None or _year_key(k) in after}
    for year in sorted(changed):
        old = {"value": before[year][0], "status": before[year][1]}
        key = next((k for k in entry.get("recorded", {}) if _year_key(k) == year), None)
        if key is not None:
            old["recorded"] = entry["recorded"][key]
        key = next((k for k in entry.get("sources", {}) if _year_key(k) == year), None)
        if key is not None:
            old["source"] = entry["sources"][key]
        history[year] = history.get(year, []) + [old]
    found.pop("history", None)
    if history:
        found["history"] = history
    return found
