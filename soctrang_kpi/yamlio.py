"""Reading YAML safely and fast, and finding the line of a value when something is wrong with it.

The fast path parses with libyaml (``CSafeLoader``) when it is there. Two things PyYAML does not do
on its own are added: duplicate keys are reported (PyYAML silently keeps the last one) and alias
"bombs" are refused. Line numbers are looked up only when a problem needs them (``locate``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, SequenceNode

from .errors import DataError, Problem

MAX_BYTES = 128 * 1024 * 1024  # a data file larger than this is refused, not parsed
MAX_ALIAS_USES = 1000  # more repeated anchors than this is an alias bomb, not a data file
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(\.\d{3})+")  # 417.000: a Vietnamese thousands separator?

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SafeLoader(_Base):  # type: ignore[misc, valid-type]
    """Safe loading that also reports duplicate keys, suspicious floats, and bounds aliases."""

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[object, yaml.Mark]] = []
        self.thousands: list[tuple[str, yaml.Mark]] = []
        self.alias_uses = 0

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects:
            self.alias_uses += 1
            if self.alias_uses > MAX_ALIAS_USES:
                raise ConstructorError(None, None, "too many aliases (an alias bomb?)", node.start_mark)
        return super().construct_object(node, deep)

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, MappingNode):
            raise ConstructorError(None, None, f"expected a mapping, found {node.id}", node.start_mark)
        self.flatten_mapping(node)
        mapping = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                raise ConstructorError(None, None, "a key cannot be a list or a mapping", key_node.start_mark)
            if key in mapping:
                self.duplicates.append((key, key_node.start_mark))
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_float(self, node):
        text = node.value
        if len(text) > 4 and text[-4] == "." and _THOUSANDS.fullmatch(text):
            self.thousands.append((text, node.start_mark))
        return super().construct_yaml_float(node)


SafeLoader.add_constructor("tag:yaml.org,2002:float", SafeLoader.construct_yaml_float)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def decode(name: str, data: bytes) -> str:
    """Bytes of a data file as text: UTF-8, with or without a BOM; anything else is refused."""
    if len(data) > MAX_BYTES:
        raise _fail(name, 0, 0, f"the file is {len(data):,} bytes; the limit is {MAX_BYTES:,}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = data[: err.start].decode("utf-8", "replace")
        line, col = _line_col(before, len(before))
        raise _fail(
            name, line, col,
            f"not UTF-8 text: byte 0x{data[err.start]:02x} at offset {err.start} "
            "(save the file as UTF-8)",
        ) from None
    return text


def normalize(text: str) -> str:
    """NFC text with tab indentation made spaces, so NFD "ỷ" equals NFC "ỷ" and a file indented
    with tabs (which YAML forbids) still reads, a tab counting as 8 columns."""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\t" in text:
        text = "\n".join(_expand_indent(line) for line in text.split("\n"))
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
    return frozenset(i for i, line in enumerate(text.split("\n"), 1) if "\t" in line[: len(line) - len(line.lstrip(" \t"))])


def parse(name: str, text: str, tabbed: frozenset[int] = frozenset()) -> tuple[object, list[Problem]]:
    """Parse one document; return the data and the duplicate-key / thousands warnings found."""
    loader = SafeLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = getattr(err, "problem", None) or str(err)
        if "could not determine a constructor" in str(err):
            what = f"tag {str(err).split('tag ')[-1].split(chr(10))[0]} is not allowed (safe loading)"
        if tabbed & {line, line - 1}:
            what += " (a line here is indented with a tab, counted as 8 spaces: indent with spaces)"
        raise _fail(name, line, col, f"YAML syntax: {what}") from None
    finally:
        loader.dispose()
    problems = [
        Problem(name, m.line + 1, m.column + 1, f"duplicate key {key!r}: only one may stay")
        for key, m in loader.duplicates
    ]
    problems += [
        Problem(
            name, m.line + 1, m.column + 1,
            f"{text_value} reads as {float(text_value):g}; if you meant thousands, write "
            f"{text_value.replace('.', '')}",
            warning=True,
        )
        for text_value, m in loader.thousands
    ]
    return data, problems


def compose(text: str) -> yaml.Node | None:
    """The document's node tree, with line marks. Only composed when a problem needs a line."""
    try:
        return yaml.compose(text, Loader=_Base)
    except yaml.YAMLError:
        return None


def locate(root: yaml.Node | None, path: tuple) -> tuple[int, int]:
    """Line and column (1-based) of the node at ``path`` (keys and list indices), or of its
    nearest ancestor that exists."""
    node = root
    if node is None:
        return 0, 0
    for step in path:
        child = None
        if isinstance(node, MappingNode):
            child = next((value for key, value in node.value if key.value == str(step)), None)
        elif isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
            child = node.value[step]
        if child is None:
            break
        node = child
    return node.start_mark.line + 1, node.start_mark.column + 1
