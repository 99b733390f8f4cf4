"""Changing one yearly value of actuals.yaml as a text edit: every other byte stays as it was.

The file is parsed into libyaml's events (with line and column marks); only the path to the
indicator is kept as nodes, the rest is skipped. The value's exact span is then replaced, or a
``year: value`` pair (or a ``status: {year: value}`` key, or an indicator entry) is inserted in the
flow or block style of its neighbours, and a pair moved to another status is cut out with its
line. Nothing else is re-emitted: a serializer (PyYAML's, or a round-trip library's such as
ruamel.yaml, which kpi once used here) writes the whole file again in its own layout, and a text
edit keeps every other byte as written by construction, with no further dependency.

Marks are those of the normalised text (tabs in indentation expanded, NFC) that the reader
parses; ``_Lines`` maps them back to the text as written. A node shared through an anchor and an
alias is refused: changing it would change every place that refers to it.
"""

from __future__ import annotations

import unicodedata
from ..records import NamedTuple

import yaml
from yaml.events import AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent

from . import yamlio
from ..core.model import PointStatus
from ..errors import UsageError
from ..messages import Text

#: the keys of an indicator's entry, in the order the file writes them
ENTRY_ORDER = tuple(s.value for s in PointStatus) + ("ytd", "notes", "sources", "recorded", "history", "published")
_STARTS = (MappingStartEvent, SequenceStartEvent)
_ENDS = (MappingEndEvent, SequenceEndEvent)


class Node:
    """A node on the path to the value: its span, style, anchor and (for a mapping) its pairs."""

    __slots__ = ("kind", "start", "end", "last", "flow", "anchor", "text", "pairs")

    def __init__(self, kind: str, start: tuple[int, int], end: tuple[int, int], flow: bool = False, anchor: str | None = None, text: str = ""):
        self.kind, self.start, self.end, self.last = kind, start, end, end  # last: end of the last content
        self.flow, self.anchor, self.text = flow, anchor, text
        self.pairs: list[tuple[Node, Node]] = []

    def get(self, key: str) -> tuple[int, Node] | None:
        return next(((i, v) for i, (k, v) in enumerate(self.pairs) if k.text == key), None)


class Edit(NamedTuple):
    start: int
    end: int
    text: str


def _mark(mark) -> tuple[int, int]:
    return mark.line, mark.column


class _Walker:
    """Builds the nodes on the path top -> series -> ``ident`` (or top -> areas -> an area ->
    ``ident``, README "Territory"); skips the rest, noting aliases."""

    def __init__(self, events, ident: str, path: tuple[str, ...] = ()):
        self.events = iter(events)
        self.ident = ident
        self.path = path or ("series", ident)
        self.aliases: set[str] = set()

    def document(self) -> Node | None:
        for event in self.events:
            if isinstance(event, (ScalarEvent, AliasEvent) + _STARTS):
                return self.node(event, depth=0, key="")
        return None

    def node(self, event, depth: int, key: str) -> Node:
        if isinstance(event, AliasEvent):
            self.aliases.add(str(event.anchor))
            return Node("alias", _mark(event.start_mark), _mark(event.end_mark))
        if isinstance(event, ScalarEvent):
            return Node("scalar", _mark(event.start_mark), _mark(event.end_mark), anchor=event.anchor, text=event.value)
        wanted = depth == 0 or depth > len(self.path) or key == self.path[depth - 1]
        node = Node("map" if isinstance(event, MappingStartEvent) else "seq", _mark(event.start_mark), _mark(event.end_mark), bool(event.flow_style), event.anchor)
        if not wanted or (node.kind == "seq" and depth < 3):
            return self.skip(node)
        while True:
            first = next(self.events)
            if isinstance(first, _ENDS):
                node.end = _mark(first.end_mark)
                node.last = node.end if node.flow else (node.pairs[-1][1].last if node.pairs else node.start)
                return node
            if node.kind == "seq":  # a value's earlier versions (files/revise.py): each item twice
                item = self.node(first, depth + 1, "")
                node.pairs.append((item, item))
                continue
            child_key = self.node(first, depth + 1, "")
            value = self.node(next(self.events), depth + 1, child_key.text)
            node.pairs.append((child_key, value))

    def skip(self, node: Node) -> Node:
        """Consume a subtree, keeping its end, the end of its last content and its aliases."""
        depth, last = 1, node.start
        flows = [node.flow]
        while depth:
            event = next(self.events)
            if isinstance(event, _STARTS):
                depth += 1
                flows.append(bool(event.flow_style))
                if event.anchor is None:
                    continue
            elif isinstance(event, _ENDS):
                depth -= 1
                if flows.pop():
                    last = max(last, _mark(event.end_mark))
                if not depth:
                    node.end = _mark(event.end_mark)
            elif isinstance(event, AliasEvent):
                self.aliases.add(str(event.anchor))
                last = max(last, _mark(event.end_mark))
            elif isinstance(event, ScalarEvent):
                last = max(last, _mark(event.end_mark))
        node.last = last
        return node


class _Lines:
    """Offsets in the text as written of (line, column) marks of its normalised form.

    Lines are split where libyaml splits them (``yamlio.LINE_BREAK``: CRLF, CR, LF, U+0085,
    U+2028, U+2029), so a mark's line is the same line here; a new line gets the break the file
    uses most (LF when it is a tie)."""

    def __init__(self, text: str, normal: str):
        self.text = text
        self.spans = yamlio.line_spans(text)
        self.normal_spans = yamlio.line_spans(normal)
        self.normal_text = normal
        counts: dict[str, int] = {"\n": 0}
        for (_s, end), (start, _e) in zip(self.spans, self.spans[1:]):
            counts[text[end:start]] = counts.get(text[end:start], 0) + 1
        self.newline = max(counts, key=lambda brk: (counts[brk], brk == "\n"))  # the most common

    def written(self, line: int) -> str:
        start, end = self.spans[line]
        return self.text[start:end]

    def normal(self, line: int) -> str:
        start, end = self.normal_spans[line]
        return self.normal_text[start:end]

    def offset(self, mark: tuple[int, int]) -> int:
        line, column = mark
        written, normal = self.written(line), self.normal(line)
        start = self.spans[line][0]
        if written == normal:
            return start + column
        # only on a tab-indented or NFD line: the shortest prefix as written whose normal form
        # reaches the column (its length only grows with the prefix): a binary search, so a
        # long line costs n·log n, not n²
        low, high = 0, len(written)
        while low < high:
            middle = (low + high) // 2
            if len(yamlio._expand_indent(unicodedata.normalize("NFC", written[:middle]))) >= column:
                high = middle
            else:
                low = middle + 1
        return start + low

    def line_start(self, mark: tuple[int, int]) -> int:
        return self.spans[mark[0]][0]

    def line_end(self, mark: tuple[int, int]) -> int:
        """The offset of the end of the line of ``mark``, before its break."""
        return self.spans[mark[0]][1]

    def after_line(self, mark: tuple[int, int]) -> int:
        """The offset just after the end of the line of ``mark`` (after its break)."""
        line = mark[0]
        return self.spans[line + 1][0] if line + 1 < len(self.spans) else len(self.text)

    def indent(self, mark: tuple[int, int]) -> str:
        """The indentation of the line of ``mark``, as written (spaces or tabs)."""
        return self.text[self.line_start(mark): self.offset(mark)]

    def rest(self, mark: tuple[int, int]) -> str:
        """What follows ``mark`` on its line (a comment, or nothing)."""
        return self.text[self.offset(mark): self.line_end(mark)].strip()

    def ends_with_break(self) -> bool:
        return len(self.spans) > 1 and self.spans[-1][0] == len(self.text)


def set_value(text: str, ident: str, year: int | str, written: str, status: PointStatus, within: str = "", area: str = "") -> str:
    """The new text of actuals.yaml with ``year: written`` under ``status`` of ``ident``, taken
    out of any other status; every other character as it was. The file was checked before.

    ``year`` is a year or a period as the file writes it (``2026-06``, ``2026-Q2``); ``within``
    names a mapping of the entry holding the statuses instead of the entry itself (``ytd``, the
    lũy kế); ``area`` writes under ``areas:`` that area's series instead of ``series:``."""
    normal = yamlio.normalize(text)
    walker = _Walker(yaml.parse(normal, Loader=yamlio._Base), ident, ("areas", area, ident) if area else ())
    top = walker.document()
    lines = _Lines(text, normal)
    if area:
        return _set_in_area(text, lines, walker, top, area, ident, year, written, status)
    series = top.get("series") if top is not None and top.kind == "map" else None
    _not_shared(walker.aliases, [top])
    return _in_series(text, lines, walker, series, ident, year, written, status, within, top)


def _first_key(text: str, lines: "_Lines", top, key: str, ident: str, inner: str) -> list[Edit]:
    """``key: {ident: {inner}}`` added to a file that has no ``key`` yet: into the document's
    mapping when it is written in flow style (``{}``, ``{schema_version: 1}``), else as a block
    after the text (appended after a flow mapping, it made a second document node: the file
    could not be read back, and kpi record ended in an internal error)."""
    if top is not None and top.kind == "map" and top.flow:
        return _insert(lines, top, None, f"{key}: {{{ident}: {{{inner}}}}}", "")
    tail = "" if lines.ends_with_break() or not text else "\n"
    return [Edit(len(text), len(text), f"{tail}{key}:\n  {ident}:\n    {inner}\n")]


def _in_series(text: str, lines: "_Lines", walker: _Walker, series, ident: str, year: int | str, written: str, status: PointStatus, within: str,
               top=None) -> str:
    """``year: written`` under ``status`` of ``ident`` in ``series`` (a key and its mapping, or
    None when the file has none yet)."""
    edits: list[Edit] = []
    comment = ""
    entry = series[1].get(ident) if series is not None and series[1].kind == "map" else None
    _not_shared(walker.aliases, [series and series[1], entry and entry[1]])
    pair = f"{year}: {written}"
    if within:
        holder = entry[1].get(within) if entry is not None and entry[1].kind == "map" else None
        _not_shared(walker.aliases, [holder])
        if holder is None:  # the entry's first lũy kế: a ``ytd:`` key in its neighbours' style
            inner = "{" + f"{status.value}: {{{pair}}}" + "}"
            if entry is not None:
                edits = _insert_key(lines, entry[1], within, inner, "")
            elif series is not None:
                edits = _insert_entry(lines, series[1], ident, f"{within}: {inner}")
            else:
                edits = _first_key(text, lines, top, "series", ident, f"{within}: {inner}")
            return _apply(text, [edit._replace(text=edit.text.replace("\n", lines.newline)) for edit in edits])
        entry = holder
    year = str(year)
    if entry is not None:
        statuses = [entry[1].get(s.value) for s in PointStatus]
        for found in statuses:
            if found is None:
                continue
            at = found[1].get(year)
            _not_shared(walker.aliases, [found[1]] + ([at[1], found[1].pairs[at[0]][0]] if at else []))
            if at is None:
                continue
            if found[1] is (entry[1].get(status.value) or (0, None))[1]:  # same status: replace the value
                value = at[1]
                return _apply(text, [Edit(lines.offset(value.start), lines.offset(value.end), written)])
            comment, cut = _remove(lines, entry[1], found, at)
            edits += cut
    if entry is not None and entry[1].get(status.value) is not None:
        edits += _insert_pair(lines, entry[1].get(status.value)[1], year, pair, comment)
    elif entry is not None:
        edits += _insert_key(lines, entry[1], status.value, "{" + pair + "}", comment)
    elif series is not None:
        edits += _insert_entry(lines, series[1], ident, f"{status.value}: {{{pair}}}")
    else:
        edits += _first_key(text, lines, top, "series", ident, f"{status.value}: {{{pair}}}")
    return _apply(text, [edit._replace(text=edit.text.replace("\n", lines.newline)) for edit in edits])


def _set_in_area(text: str, lines: "_Lines", walker: _Walker, top, area: str, ident: str, year: int | str, written: str, status: PointStatus) -> str:
    """``year: written`` under ``status`` of ``ident`` in ``areas: {area: …}``: the area's entry
    (its series) is found as ``series:`` is, and made where it is missing."""
    areas = top.get("areas") if top is not None and top.kind == "map" else None
    held = areas[1].get(area) if areas is not None and areas[1].kind == "map" else None
    _not_shared(walker.aliases, [top, areas and areas[1], held and held[1]])
    inner = f"{ident}: {{{status.value}: {{{year}: {written}}}}}"
    if held is not None:  # the area has series: as under series:, with its mapping in series' place
        return _in_series(text, lines, walker, held, ident, year, written, status, "")
    if areas is not None:
        edits = _insert_entry(lines, areas[1], area, inner)
    else:
        edits = _first_key(text, lines, top, "areas", area, inner)
    return _apply(text, [edit._replace(text=edit.text.replace("\n", lines.newline)) for edit in edits])


def _not_shared(aliases: set[str], nodes: list) -> None:
    for node in nodes:
        if node is None:
            continue
        if isinstance(node, tuple):
            node = node[1]
        if node.kind == "alias" or (node.anchor is not None and node.anchor in aliases):
            line, column = node.start
            raise UsageError(Text("record.shared", line=line + 1, column=column + 1))


def _remove(lines: _Lines, entry: Node, found: tuple[int, Node], at: tuple[int, Node]) -> tuple[str, list[Edit]]:
    """Take the year out of its status; the status goes too when it had no other year. Returns
    the comment written beside what was cut, to travel with the value."""
    status_map = found[1]
    if len(status_map.pairs) > 1:
        return _cut(lines, status_map, at[0])
    return _cut(lines, entry, found[0])


def _cut(lines: _Lines, mapping: Node, index: int) -> tuple[str, list[Edit]]:
    key, value = mapping.pairs[index]
    if not mapping.flow:
        comment = lines.rest(value.last)
        start, end = lines.line_start(key.start), lines.after_line(value.last)
        return (comment if comment.startswith("#") else ""), [Edit(start, end, "")]
    if index + 1 < len(mapping.pairs):
        return "", [Edit(lines.offset(key.start), lines.offset(mapping.pairs[index + 1][0].start), "")]
    if index > 0:
        return "", [Edit(lines.offset(mapping.pairs[index - 1][1].last), lines.offset(value.last), "")]
    return "", [Edit(lines.offset(key.start), lines.offset(value.last), "")]


def _order(key: str) -> tuple[int, int, int] | None:
    """Where a key sorts among years and periods: a year before its months and quarters, a
    period by its last month (a quarter before its last month's own value); None for others."""
    if key.isdigit():
        return int(key), 0, 0
    from ..core.periods import parse_period

    period = parse_period(key)
    return None if period is None else (period.year, period.last, -period.first)


def _insert_pair(lines: _Lines, mapping: Node, key: str, pair: str, comment: str) -> list[Edit]:
    mine = _order(key)
    later = None
    if mine is not None:
        later = next((i for i, (k, _v) in enumerate(mapping.pairs) if (o := _order(k.text)) is not None and o > mine), None)
    return _insert(lines, mapping, later, pair, comment)


def _insert_key(lines: _Lines, entry: Node, status: str, flow_value: str, comment: str) -> list[Edit]:
    rank = ENTRY_ORDER.index(status)
    later = next((i for i, (k, _v) in enumerate(entry.pairs) if k.text in ENTRY_ORDER and ENTRY_ORDER.index(k.text) > rank), None)
    sibling = next((v for k, v in entry.pairs if k.text in ENTRY_ORDER[:3] and v.kind == "map" and v.pairs), None)
    if sibling is not None and not sibling.flow and not entry.flow:  # the file writes years as blocks
        inner = lines.indent(sibling.pairs[0][0].start)
        return _insert(lines, entry, later, f"{status}:\n{inner}{flow_value[1:-1]}", comment)
    return _insert(lines, entry, later, f"{status}: {flow_value}", comment)


def _insert_entry(lines: _Lines, series: Node, ident: str, inner: str) -> list[Edit]:
    if series.flow or not series.pairs:
        return _insert(lines, series, None, f"{ident}: {{{inner}}}", "")
    first = series.pairs[0]
    indent = lines.indent(first[0].start)
    child = lines.indent(first[1].start) if first[1].kind == "map" and not first[1].flow and first[1].start[0] > first[0].start[0] else indent + "  "
    return _insert(lines, series, None, f"{ident}:\n{child}{inner}", "")


def _insert(lines: _Lines, mapping: Node, before: int | None, pair: str, comment: str) -> list[Edit]:
    """``pair`` into ``mapping`` before its pair number ``before`` (None: at the end)."""
    if mapping.flow:
        if before is not None:
            at = lines.offset(mapping.pairs[before][0].start)
            edits = [Edit(at, at, pair + ", ")]
        elif mapping.pairs:
            at = lines.offset(mapping.pairs[-1][1].last)
            edits = [Edit(at, at, ", " + pair)]
        else:
            at = lines.offset(mapping.start) + 1
            edits = [Edit(at, at, pair)]
        if comment:
            anchor = mapping.end
            if lines.rest(anchor) == "":
                end = lines.line_end(anchor)
                edits.append(Edit(end, end, "  " + comment))
            else:
                start = lines.line_start(mapping.start)
                edits.append(Edit(start, start, lines.indent(_first_of_line(lines, mapping.start)) + comment + "\n"))
        return edits
    indent = lines.indent(mapping.pairs[0][0].start)
    text = indent + pair + ("  " + comment if comment else "") + "\n"
    if before is not None:
        at = lines.line_start(mapping.pairs[before][0].start)
        return [Edit(at, at, text)]
    at = lines.after_line(mapping.last)
    if at == len(lines.text) and not lines.ends_with_break():
        text = "\n" + text
    return [Edit(at, at, text)]


def _first_of_line(lines: _Lines, mark: tuple[int, int]) -> tuple[int, int]:
    line = lines.normal(mark[0])
    return mark[0], len(line) - len(line.lstrip(" "))


def _apply(text: str, edits: list[Edit]) -> str:
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end:]
    return text
