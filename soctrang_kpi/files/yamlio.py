"""Reading YAML safely and fast, and finding the line of a value when something is wrong with it.

libyaml (``CSafeLoader``'s parser, when installed) reads the text into events; ``_Builder`` turns
them into plain data, reporting duplicate keys and refusing every tag but the plain YAML types and
alias "bombs". Line numbers are looked up only when a problem needs them (``locate``).
"""

from __future__ import annotations

import re
import unicodedata
from copy import copy
from functools import cache
from typing import Any, Callable

import yaml
from yaml.constructor import ConstructorError
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..compat import libyaml
from ..core.calc import MAX_MAGNITUDE  # a number this large keeps its text, for the message to quote
from ..errors import DataError, Problem
from ..messages import CATALOG, Num, Text

MAX_BYTES = 128 * 1024 * 1024  # a data file larger than this is refused, not parsed
MAX_ALIAS_USES = 1000  # more repeated anchors than this is an alias bomb, not a data file
MAX_DEPTH = 64  # deeper nesting is no data file; PyYAML's composer (used to locate errors) recurses
MAX_EXPANDED = MAX_BYTES  # characters the document would have with every alias written out
MAX_LINE = 1_000_000  # characters in one line: a data file is written in lines
#: what Vietnamese writing means as thousands: 41.200, 1.250.000, 10.004 — or is it 41,2? (0.745 is
#: no thousands: no group starts with 0). The one pattern: the reader, `kpi record` and the hints
#: (files/checks.py) use it; a decimal so written is read only for an indicator with precision: 3
THOUSANDS = r"[-+]?[1-9]\d{0,2}(?:\.\d{3})+"
#: YAML 1.1's line breaks, as libyaml counts lines: CRLF, CR, LF, NEL (U+0085), LS (U+2028),
#: PS (U+2029). Every line number and every edit uses this one model (a note pasted from a web
#: page with a U+2028 in it must not put kpi record one line off).
LINE_BREAK = r"\r\n|[\r\n\x85\u2028\u2029]"
_TAB_INDENT = r"(?:^|(?<=[\r\n\x85\u2028\u2029]))[ \t]*\t[ \t]*"

_Base = libyaml.FastLoader
_RESOLVER = yaml.resolver.Resolver()  # PyYAML's YAML 1.1 rules for untagged plain scalars
#: plain scalar -> tag, for one parse (emptied after it): kept between runs it held 200.000 texts
#: of 100.000 series (29 MB, sys.getsizeof) through the evaluation, 5 MB of its peak RSS; a file's
#: repeated texts are memoised by its _Builder anyway
_RESOLVED: dict[str, str] = {}
_RESOLVED_MAX = 200_000
_PLAIN_INT = r"[-+]?(?:0|[1-9][0-9]*)"
_PLAIN_FLOAT = r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
# 1e-7: YAML 1.1 wants a point before an exponent, people (and YAML 1.2) do not
_EXPONENT = r"[-+]?[0-9]+[eE][-+]?[0-9]+"
_SPECIAL_FLOAT = frozenset({".inf", "+.inf", "-.inf", ".nan", ".Inf", "+.Inf", "-.Inf", ".INF", "+.INF", "-.INF", ".NaN", ".NAN"})
_TAG = "tag:yaml.org,2002:"
Mark = Any  # PyYAML's marks or libyaml's (a different class): both have .line and .column
_STR, _INT, _FLOAT, _BOOL, _NULL = (_TAG + t for t in ("str", "int", "float", "bool", "null"))
_UNSEEN = object()


class TooLarge(str):
    """A number of MAX_MAGNITUDE or more, kept as the text written: 10**400 cannot even become a
    float, and a message must quote what the file says ("1.0e+308"), not Python's rendering."""


class Ambiguous(str):
    """A plain number that reads two ways, "41.200": 41,2 as YAML has it, 41.200 (forty-one
    thousand two hundred) as Vietnamese writes it. Kept as its text: the checks refuse it with a
    hint, unless the indicator's ``precision`` is 3 or more (then it is a decimal)."""


class WrittenKey(str):
    """A plain key YAML 1.1 reads as a boolean or null (``yes:``, ``no:``, ``~:``), kept as the text
    written so a message shows ``yes``, not ``True``; ``value`` is what YAML made of it."""

    value: object

    def __new__(cls, text: str, value: object) -> WrittenKey:
        key = super().__new__(cls, text)
        key.value = value
        return key


class Index(int):
    """A list's index in a path (``_Builder.path``), told from a key that is a number (a year)."""


class Unusual(str):
    """A YAML 1.1 number people do not write (7_25, 0x1F, 1:30): kept as its text, so the checks
    refuse it quoting it, rather than reading 725, 31 or 90."""


def _tag_of(event: ScalarEvent) -> str:
    """The tag of a scalar: explicit, or resolved from the text of a plain one."""
    if event.tag not in (None, "!"):
        return event.tag
    if not event.implicit[0]:  # quoted or block text without a tag: a string
        return _STR
    return plain_tag(event.value)


def plain_tag(text: str) -> str:
    """The tag YAML 1.1 gives a plain scalar (memoised: keys like "actual" or "2021" recur)."""
    tag = _RESOLVED.get(text)
    if tag is None:
        tag = _RESOLVER.resolve(ScalarNode, text, (True, False))
        if len(_RESOLVED) < _RESOLVED_MAX:
            _RESOLVED[text] = tag
    return tag


class Stream:
    """The entries of one mapping at the top of a document (``key``), handed over one by one as
    they are built (``entry``) and kept in the tree as None: a file's long mapping is read
    without ever being whole in memory. ``start`` is called when the mapping starts, again if
    the document is read again from the start (compat/libyaml.read)."""

    key = ""

    def start(self) -> None:
        """The mapping starts: forget any entries handed over before."""

    def entry(self, key: object, value: object) -> object:
        """One entry, built: ``value`` is the stream's from now on. Returns the key to keep in
        the tree: ``key`` or an equal one (a record's own, not a second copy of it)."""
        return key


class _Builder:
    """Builds plain Python data straight from libyaml's event stream.

    This replaces PyYAML's composer and constructor, which create a node and two marks for every
    scalar and run in Python: on a large file they cost ten times what parsing does. It does
    what a data file needs: duplicate keys are reported (PyYAML keeps the last one silently),
    every tag but the plain YAML types is refused (so nothing can be executed), floats that look
    like Vietnamese thousands ("41.200") are kept as their text (``Ambiguous``), and aliases are
    bounded.
    """

    def __init__(self, stream: Stream | None = None):
        self.stream = stream
        self.duplicates: list[tuple[object, Mark, tuple]] = []  # key, its mark, the path to it
        self.stack: list[list] = []  # the containers being built: where a refusal was met (``path``)
        self.anchors: dict[str, object] = {}
        self.alias_uses = 0
        self.spans: dict[str, int] = {}  # anchor -> characters of its node with aliases written out
        self.extra = 0  # characters the aliases so far add when written out
        self._plain: dict[str, object] = {}  # plain scalar text -> its value (values are immutable)
        self._loader: yaml.SafeLoader | None = None  # PyYAML's own rules for .inf and yes/no
        # compiled here, not at import (re caches them after the first file): no import-time work
        self._plain_int = re.compile(_PLAIN_INT).fullmatch
        self._plain_float = re.compile(_PLAIN_FLOAT).fullmatch
        self._thousands = re.compile(THOUSANDS).fullmatch
        self._exponent = re.compile(_EXPONENT).fullmatch

    def _rules(self) -> yaml.SafeLoader:
        """PyYAML's loader, made when a rare scalar first needs it (not for every file)."""
        if self._loader is None:
            self._loader = yaml.SafeLoader("")
        return self._loader

    def build(self, events) -> object:
        # [container, pending key, key is set, key mark, flow comma state]
        stack: list[list] = self.stack
        del stack[:]
        documents = 0
        root = None
        streamed: list | None = None  # the frame of the mapping whose entries go to self.stream
        for event in events:
            kind = type(event)
            if kind is ScalarEvent:
                value = self.scalar(event)
                if event.anchor:
                    self.anchors[event.anchor] = value
                    self.spans[event.anchor] = event.end_mark.index - event.start_mark.index
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                expected = _TAG + ("map" if kind is MappingStartEvent else "seq")
                if event.tag not in (None, "!", expected):
                    raise _refused(event.tag, event.start_mark)
                if len(stack) >= MAX_DEPTH:  # refused here, before anything recursive sees it
                    raise _refusal(Text("yaml.too_deep", limit=MAX_DEPTH), event.start_mark)
                container: dict | list = {} if kind is MappingStartEvent else []
                if event.anchor:
                    self.anchors[event.anchor] = container
                flow_map = kind is MappingStartEvent and event.flow_style
                anchored = (event.anchor, event.start_mark.index, self.extra) if event.anchor else None
                frame = [container, None, False, event.start_mark, () if flow_map else None, anchored]
                stack.append(frame)
                if len(stack) == 2 and self.stream is not None and kind is MappingStartEvent and not event.flow_style:
                    top = stack[0]  # a block mapping as the value of the stream's key at the top
                    if type(top[0]) is dict and top[2] and type(top[1]) is str and top[1] == self.stream.key:
                        streamed = frame
                        self.stream.start()
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                frame = stack.pop()
                value = frame[0]
                if frame[5] is not None:  # an anchored collection: its size, aliases written out
                    anchor, start, extra = frame[5]
                    self.spans[anchor] = event.end_mark.index - start + self.extra - extra
            elif kind is AliasEvent:
                if event.anchor not in self.anchors:
                    raise _refusal(Text("yaml.no_anchor", anchor=event.anchor), event.start_mark)
                self.alias_uses += 1
                if self.alias_uses > MAX_ALIAS_USES:
                    raise _refusal(Text("yaml.alias_bomb"), event.start_mark)
                self.extra += self.spans.get(event.anchor, 0)
                if self.extra > MAX_EXPANDED:  # 1 MB anchored once, used 999 times: 1 GB of data
                    raise _refusal(Text("yaml.expanded_too_large", size=Num(self.extra), limit=Num(MAX_EXPANDED)), event.start_mark)
                value = self.anchors[event.anchor]
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _refusal(Text("yaml.two_documents"), event.start_mark)
                continue
            else:  # stream start and end, document end
                continue
            if not stack:
                root = value
                continue
            frame = stack[-1]
            container = frame[0]
            if type(container) is list:
                container.append(value)
            elif not frame[2]:  # a key
                if type(value) in (dict, list):
                    raise _refusal(Text("yaml.key_container"), event.start_mark)
                if (value is None or value is True or value is False) and kind is ScalarEvent:
                    value = WrittenKey(event.value, value)
                frame[1], frame[2], frame[3] = value, True, event.start_mark
                if frame[4] is not None and kind is ScalarEvent:
                    frame[4] = _comma_key(frame[4], event)
            else:
                key = frame[1]
                if frame[4] is not None and kind is ScalarEvent and len(frame[4]) == 4 and event.value == "" and event.implicit[0]:
                    # {2023: 7,10}: "10" was no key but the decimals of 7; say so instead of
                    # reporting a year 10 (the value becomes the text written, which the checks refuse)
                    container[frame[4][0]] = frame[4][3]
                    frame[2], frame[4] = False, ()
                    continue
                if key in container:
                    self.duplicates.append((key, frame[3], self.path()))
                if frame is streamed:
                    key, value = self.stream.entry(key, value), None  # type: ignore[union-attr]
                container[key] = value
                frame[2] = False
                if frame[4] is not None:
                    plain = kind is ScalarEvent and event.implicit[0] and _is_plain_number(event.value)
                    frame[4] = (key, event, event.start_mark) if plain else ()
        return root

    def path(self) -> tuple:
        """The keys and list indices from the top of the document to the value being built."""
        return tuple(Index(len(f[0])) if type(f[0]) is list else f[1] for f in self.stack if type(f[0]) is list or f[2])

    def partial(self) -> object:
        """The document as far as it was built, for naming where a refusal was met: a container
        joins its parent only once it ends, so each open one is put in a copy of its parent."""
        inner: object = None
        for frame in reversed(self.stack):
            outer = copy(frame[0])
            if inner is not None:
                if type(outer) is list:
                    outer.append(inner)
                elif frame[2]:
                    outer[frame[1]] = inner
            inner = outer
        return inner

    def scalar(self, event: ScalarEvent):
        if event.implicit[0] and event.tag is None:  # plain: the same text is the same value
            text = event.value
            value = self._plain.get(text, _UNSEEN)
            if value is _UNSEEN:
                value = self._value(text, plain_tag(text), event)
                if not (len(text) > 4 and text[-4] == "."):  # "417.000" warns wherever it is
                    self._plain[text] = value
            return value
        return self._value(event.value, _tag_of(event), event)

    def _value(self, text: str, tag: str, event: ScalarEvent):
        if tag == _STR:
            if event.implicit[0] and self._exponent(text):
                return _number(text, float)
            return text
        if tag == _FLOAT:
            if self._plain_float(text):
                if len(text) > 4 and text[-4] == "." and self._thousands(text):
                    return Ambiguous(text)
                return _number(text, float)
            if text in _SPECIAL_FLOAT:
                return self._rules().construct_yaml_float(ScalarNode(tag, text))  # .inf, .nan
            return Unusual(text)  # 1_000.5, 1:30.5
        if tag == _INT:
            return _number(text, int) if self._plain_int(text) else Unusual(text)
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return self._rules().construct_yaml_bool(ScalarNode(tag, text))
        if tag == _TAG + "timestamp":
            return text  # a date is not a number: the checks say so, with the text as written
        if tag == _TAG + "merge":
            raise _refusal(Text("yaml.merge_key"), event.start_mark)
        raise _refused(tag, event.start_mark)


def _number(text: str, kind: type) -> float | int | str:
    """A number as written; its text when it is too large to be data (or to convert at all)."""
    if len(text) > 24:  # int() of thousands of digits is slow, then refused by Python itself
        return TooLarge(text)
    value = kind(text)
    return TooLarge(text) if not abs(value) < MAX_MAGNITUDE else value


def _is_plain_number(text: str) -> bool:
    return text[:1].isdigit() and text.isascii() and text.replace(".", "", 1).isdigit()


def _comma_key(state: tuple, key: ScalarEvent) -> tuple:
    """In a flow mapping, a plain number key right after "value," with no space is the decimals
    of a decimal comma ({2023: 7,10}): remember what was written, to merge if it has no value."""
    if len(state) != 3:
        return ()
    previous_key, value, mark = state
    end = value.end_mark
    if (
        key.implicit[0] and key.value.isdigit() and key.value.isascii()
        and key.start_mark.line == end.line and key.start_mark.column == end.column + 1  # type: ignore[union-attr]
        and "," not in value.value
    ):
        return (previous_key, value, mark, f"{value.value},{key.value}")
    return ()


def _refused(tag: str, mark: Mark) -> ConstructorError:
    return _refusal(Text("yaml.tag", tag=repr(tag)), mark)


def _refusal(message: Text, mark: Mark) -> ConstructorError:
    """What the reader does not accept, as PyYAML reports it; ``parse`` turns it into a Problem."""
    return ConstructorError(None, None, message, mark)


def lines_of(text: str) -> list[str]:
    """The lines of ``text`` as YAML (libyaml) counts them, without their breaks."""
    return re.split(LINE_BREAK, text)


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``, ``end`` before its break; linear."""
    spans, start = [], 0
    for found in re.finditer(LINE_BREAK, text):
        spans.append((start, found.start()))
        start = found.end()
    spans.append((start, len(text)))
    return spans


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, lines counted as YAML counts them."""
    head = text[:offset]
    breaks = list(re.finditer(LINE_BREAK, head))
    return len(breaks) + 1, offset - (breaks[-1].end() if breaks else 0) + 1


def decode(name: str, data: bytes) -> str:
    """Bytes of a data file as text: UTF-8, with or without a BOM; anything else is refused."""
    if len(data) > MAX_BYTES:
        raise _fail(name, 0, 0, Text("yaml.too_large", size=Num(len(data)), limit=Num(MAX_BYTES)))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = data[: err.start].decode("utf-8", "replace")
        line, col = _line_col(before, len(before))
        raise _fail(name, line, col, Text("yaml.not_utf8", byte=f"{data[err.start]:02x}", offset=Num(err.start))) from None
    return text


def normalize(text: str) -> str:
    """NFC text with tab indentation made spaces, so NFD "ỷ" equals NFC "ỷ" and a file indented
    with tabs (which YAML forbids) still reads, a tab counting as 8 columns."""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\t" in text:
        text = re.sub(_TAB_INDENT, lambda found: found.group().expandtabs(8), text)
    return text


def _expand_indent(line: str) -> str:
    body = line.lstrip(" \t")
    return line[: len(line) - len(body)].expandtabs(8) + body


def _fail(name: str, line: int, col: int, message: str) -> DataError:
    return DataError([Problem(name, line, col, message)])


def tab_indented(text: str) -> frozenset[int]:
    """Numbers of the lines indented with a tab, to explain a syntax error on one of them."""
    if "\t" not in text:
        return frozenset()
    return frozenset(i for i, line in enumerate(lines_of(text), 1) if "\t" in line[: len(line) - len(line.lstrip(" \t"))])


def _syntax(text: str, err: yaml.YAMLError) -> tuple[int, int, str]:
    """Line, column (1-based, on a line that exists) and message of a YAML error, in the
    catalogue's words: libyaml's English problem becomes a Text, a reader error's byte position
    a line and column."""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    if isinstance(err, ConstructorError) and mark is not None:  # _Builder's refusals carry a Text
        return mark.line + 1, mark.column + 1, err.problem or ""
    if isinstance(err, yaml.reader.ReaderError):  # position: a byte offset of the UTF-8 text
        offset = len(text.encode("utf-8")[: err.position].decode("utf-8", "ignore"))
        line, col = _line_col(text, offset)
        character = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or "\0")
        return line, col, Text("yaml.control_character", character=f"U+{character:04X}")
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    spans = line_spans(text)
    if line > 1 and (line > len(spans) or (line == len(spans) and spans[-1][0] == len(text))):
        line = min(line - 1, len(spans))  # the end of a file ending with a line break: its last line
        col = spans[line - 1][1] - spans[line - 1][0] + 1
    problem = getattr(err, "problem", None) or ""
    detail = Text("yamlp." + problem) if "yamlp." + problem in CATALOG else problem or str(err)
    opened, began = OPENED.get(getattr(err, "context", None) or ""), getattr(err, "context_mark", None)
    if opened is not None and began is not None and began.line + 1 < line:  # a quote left open at a key: where it began
        return line, col, Text("yaml.syntax_opened", detail=detail, opened=Text(opened, line=began.line + 1, column=began.column + 1))
    return line, col, Text("yaml.syntax", detail=detail)


#: what libyaml was reading when it stopped (its ``context``) -> the words saying where that began:
#: a quote opened at a key (`"exports:`) is found missing only at the end of the file
OPENED = {
    "while scanning a quoted scalar": "yaml.quote_opened",
    "while parsing a flow mapping": "yaml.brace_opened",
    "while parsing a flow sequence": "yaml.bracket_opened",
}


def as_text(source: str | bytes) -> str:
    """A file's text, from itself or from its UTF-8 bytes (as files/load.py holds it once parsed)."""
    return source if isinstance(source, str) else source.decode("utf-8", "surrogatepass")


def long_line(text: str | bytes) -> tuple[int, int] | None:
    """The first line longer than MAX_LINE (its number and length); None if none is. ``text``
    may be the UTF-8 bytes of the text: no line of it has more characters than bytes."""
    # str.splitlines breaks at YAML's breaks and at a few control characters YAML refuses anyway:
    # the fast test (twice as fast as the line model), then the line model for the message
    if len(text) <= MAX_LINE or max(map(len, text.splitlines())) <= MAX_LINE:
        return None
    if isinstance(text, bytes):  # a line may have fewer characters than bytes: the text decides
        return long_line(as_text(text))
    return next(((i, end - start) for i, (start, end) in enumerate(line_spans(text), 1) if end - start > MAX_LINE), None)


#: names the indicator and field of a place in a file: (the document, path) -> (indicator, field)
Subject = Callable[[object, tuple], tuple[str, str]]


def _nobody(data: object, path: tuple) -> tuple[str, str]:
    return "", ""


def parse(
    name: str, text: str | bytes, tabbed: frozenset[int] = frozenset(), stream: Stream | None = None, subject: Subject = _nobody
) -> tuple[object, list[Problem]]:
    """Parse one document, given as text or as its UTF-8 bytes (what libyaml reads: it encodes
    a text itself); return the data and the duplicate keys found. ``stream``: the entries of its
    top-level mapping of that key are handed to it as they are read, and are None in the data.
    ``subject``: the indicator and field a problem at a path is about (files/yaml_subject.py),
    for a duplicate key and for what the reader refuses (a tag, a merge key, an alias), and for a
    syntax error inside an indicator's block (``block_at``)."""
    too_long = long_line(text)
    if too_long is not None:
        raise _fail(name, too_long[0], 0, Text("yaml.line_too_long", line=too_long[0], size=Num(too_long[1]), limit=Num(MAX_LINE)))
    builders: list[_Builder] = []

    def build(events) -> object:
        builders.append(_Builder(stream))
        return builders[-1].build(events)

    try:
        data = libyaml.read(text, build)
    except yaml.YAMLError as err:
        text = as_text(text)
        line, col, message = _syntax(text, err)
        indicator, field = ("", "")
        if isinstance(err, ConstructorError) and builders:  # the reader's own refusal: where it was met
            indicator, field = subject(builders[-1].partial(), builders[-1].path())
        elif line and not tabbed & {line, line - 1}:  # a syntax error inside an indicator's block: that indicator (never a field)
            # (not on a line indented with a tab: read as 8 columns it lies in the block above
            # it, where its writer did not put it — the line and the hint say where it is)
            indicator = subject(*block_at(text, _subject_line(err, line)))[0]
        if tabbed & {line, line - 1}:
            message = Text("yaml.with_hint", message=message, hint=Text("hint.tab_indent"))
        elif line and re.search(r":\s+%", lines_of(text)[line - 1]):  # unit: %  ('%' starts a directive)
            message = Text("yaml.with_hint", message=message, hint=Text("yaml.quote_percent"))
        raise DataError([Problem(name, line, col, message, indicator, field)]) from None
    finally:
        _RESOLVED.clear()
    builder = builders[-1]
    problems = [
        Problem(name, m.line + 1, m.column + 1, Text("yaml.duplicate_key", key=repr(key)), *subject(data, path))
        for key, m, path in builder.duplicates
    ]
    return data, problems


def _subject_line(err: yaml.YAMLError, line: int) -> int:
    """The line a syntax error is about: where the scanner began the token it could not finish
    (a quote left open is met at the end of the file, a key without its ':' on the next line) or
    the parser the flow collection it could not close (``{2026: 8.1`` is met on the next line),
    else the line it is reported at (a block's context is where the block began: no use)."""
    context = getattr(err, "context_mark", None)
    if context is not None and str(getattr(err, "context", "") or "").startswith(("while scanning", "while parsing a flow")):
        return int(context.line) + 1
    return line


@cache
def _block_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A line of a block as people write one: a list item ("- "), a key ("actual:", "'5':"); and
    the keys that name a list item (an indicator's id, a target row's indicator), as written.
    Compiled on first use: only a syntax error reads them (0,3 ms of every run when compiled at
    import)."""
    return (re.compile(r"-(?:[ \t]+|$)"),
            re.compile(r"""(?:'([^']*)'|"([^"]*)"|([^\s'"#{}\[\],&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?))[ \t]*:(?:[ \t]|$)"""),
            re.compile(r"""(?:^|[{,][ \t]*)(id|indicator)[ \t]*:[ \t]*['"]?([^'",}\s#]+)"""))


def block_at(text: str, line: int) -> tuple[object, tuple]:
    """Where ``line`` (1-based) lies, read from the indentation of the text alone — for a syntax
    error, met where no document was built: the keys and list items of the lines it is indented
    under (a path, as ``_Builder.path``), and a sketch of the document along it whose list items
    hold their naming keys (``id``, ``indicator``), for a ``Subject`` to name its indicator. The
    path stops above a line that is neither a key nor a list item (a key without its ':')."""
    lines = lines_of(text)
    chain: list[tuple[int, int]] = []  # (line index, indent) of the line and of each block it is in
    threshold = None
    for index in range(min(line, len(lines)) - 1, -1, -1):
        body = lines[index].lstrip(" ")
        if not body or body.startswith("#"):
            continue
        indent = len(lines[index]) - len(body)
        if threshold is None or indent < threshold:
            chain.append((index, indent))
            threshold = indent
            if indent == 0:
                break
    path: list[object] = []
    items: dict[int, dict[str, str]] = {}
    item_line, key_line, _naming_keys = _block_patterns()
    for index, indent in reversed(chain):
        body = lines[index][indent:]
        item = item_line.match(body)
        if item:
            items[len(path)] = _naming(lines, index, indent)
            path.append(Index(0))
            continue
        key = key_line.match(body)
        if key is None:
            break
        path.append(next(part for part in key.groups() if part is not None).strip())
    return _sketch(path, items), tuple(path)


def _naming(lines: list[str], start: int, indent: int) -> dict[str, str]:
    """The naming keys of the list item that begins at line ``start`` (its own line and the
    lines of its block): ``{"indicator": "grdp-growth"}``."""
    found: dict[str, str] = {}
    naming = _block_patterns()[2]
    for index in range(start, len(lines)):
        raw = lines[index]
        body = raw.lstrip(" ")
        if index > start and body and not body.startswith("#") and len(raw) - len(body) <= indent:
            break
        text = body[1:].lstrip(" \t") if index == start else body
        for key, value in naming.findall(text):
            found.setdefault(key, value)
    return found


def _sketch(path: list[object], items: dict[int, dict[str, str]], depth: int = 0) -> object:
    """The document along ``path`` from ``depth``: a mapping of one key for each key, a list of
    one item, holding its naming keys, for each list item."""
    if depth == len(path):
        return None
    inner = _sketch(path, items, depth + 1)
    if isinstance(path[depth], Index):
        item = dict(inner) if isinstance(inner, dict) else {}
        item.update(items[depth])  # its naming keys, not the None of a key being read
        return [item]
    return {path[depth]: inner}


def compose(text: str) -> yaml.Node | None:
    """The document's node tree, with line marks. Only composed when a problem needs a line."""
    try:
        return yaml.compose(text, Loader=_Base)
    except yaml.YAMLError:
        return None


def locate(root: yaml.Node | None, path: tuple) -> tuple[int, int]:
    """Line and column (1-based) of the node at ``path`` (keys and list indices), or of its
    nearest ancestor that exists."""
    return locator(root)(path)


def line_finder(root: yaml.Node | None) -> Callable[[tuple], int]:
    """The line (1-based) of the node at exactly a path, for many paths of one tree; 0 when the
    document has no node there (not its nearest ancestor's, as ``locate`` gives)."""
    where = locator(root, exact=True)
    return lambda path: where(path)[0]


def locator(root: yaml.Node | None, exact: bool = False):
    """``locate`` for many paths of one tree: each mapping's keys are indexed the first time a
    path goes through it, so locating every problem of a file is linear in its size (a scan per
    problem made 4 MB of unknown ids take minutes). ``exact``: (0, 0) for a path the tree does
    not hold to its end."""
    indexes: dict[int, dict[str, yaml.Node]] = {}

    def child_of(node: yaml.Node, step: object) -> yaml.Node | None:
        if isinstance(node, MappingNode):
            index = indexes.get(id(node))
            if index is None:
                index = indexes[id(node)] = {}
                for key, value in node.value:
                    index.setdefault(key.value, value)  # the first of duplicate keys, as before
            return index.get(str(step))
        if isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
            return node.value[step]
        return None

    def where(path: tuple) -> tuple[int, int]:
        node = root
        if node is None:
            return 0, 0
        for step in path:
            child = child_of(node, step)
            if child is None:
                if exact:
                    return 0, 0
                break
            node = child
        return node.start_mark.line + 1, node.start_mark.column + 1

    return where
