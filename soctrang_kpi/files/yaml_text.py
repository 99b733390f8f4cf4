"""The one YAML emitter: plain data as YAML text that yamlio reads back as the same data.

``flow`` writes a value in flow style (text as a JSON string, a YAML double-quoted scalar; numbers
exactly; ids and codes plain); ``targets_text`` and ``actuals_text`` lay out the two files.
`kpi import` writes what it read through them and `kpi init` its plan's name; a test reads what
they write back with the loader's reader (yamlio) and compares.
"""

from __future__ import annotations

import json
import re
from itertools import islice
from typing import Any

Data = dict[str, Any]


def targets_text(data: Data, comments: list[str] = ()) -> str:  # type: ignore[assignment]
    """targets.yaml: indicators in block style, each plan's target rows one per line."""
    lines = [f"# {c}" for c in comments] + ["schema_version: 1", ""]
    if data.get("areas"):  # README "Territory": one area a line
        lines += ["areas:", *(f"  - {flow(area)}" for area in data["areas"]), ""]
    lines.append("indicators:" if data["indicators"] else "indicators: []")
    for indicator in data["indicators"]:
        first = True
        for key, value in indicator.items():
            lines.append(("  - " if first else "    ") + f"{key}: {flow(value)}")
            first = False
    lines += ["", "plans:"]
    for plan in data["plans"]:
        first = True
        for key, value in plan.items():
            if key == "targets":
                continue
            lines.append(("  - " if first else "    ") + f"{key}: {flow(value)}")
            first = False
        rows = plan.get("targets") or []
        lines.append("    targets:" if rows else "    targets: []")
        lines += [f"      - {flow(row)}" for row in rows]
    return "\n".join(lines) + "\n"


def actuals_text(data: Data, comments: list[str] = ()) -> str:  # type: ignore[assignment]
    """actuals.yaml: per indicator its values by status, one line each."""
    lines = [f"# {c}" for c in comments] + ["schema_version: 1", "", "series:" if data["series"] else "series: {}"]
    for ident, entry in data["series"].items():
        lines.append(f"  {ident}:")
        for key, value in entry.items():
            if key == "published":
                lines.append("    published:")
                for plan, sources in value.items():
                    lines.append(f"      {plan}:")
                    lines += [f"        {source}: {flow(record)}" for source, record in sources.items()]
            elif key == "history":  # a value's earlier versions, one a line (README "History of a value")
                lines.append("    history:")
                for when, versions in value.items():
                    lines.append(f"      {_key(when)}:")
                    lines += [f"        - {flow(version)}" for version in versions]
            else:
                lines.append(f"    {key}: {flow(value)}")
    return "\n".join(lines) + "\n"


def flow(value: object) -> str:
    """A value in YAML flow style that the loader reads back as the same data: text as a JSON
    string (a YAML double-quoted scalar), numbers exactly."""
    kind = value.__class__
    # a number (most values written) by its exact class, one test, before the isinstance chain
    # (bool, subclasses): writing the files of a 10.000-row import called this 167.000 times
    if kind is float or kind is int:
        return number(value)  # type: ignore[arg-type]
    if kind is bool:
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number(value)
    if isinstance(value, str):
        return value if _plain(value) or _DATE.fullmatch(value) else _quoted(value)  # a date as YAML writes one
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    if value is None:
        return "null"
    raise TypeError(f"cannot write a {type(value).__name__}")


#: characters YAML does not allow in a file (outside its printable set) or reads as a line break
#: (NEL, the line and paragraph separators), escaped in quoted text
_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def _quoted(text: str) -> str:
    """Text as a YAML double-quoted scalar: JSON's escapes (the C0 controls, quotes, backslash),
    and \\u escapes for what YAML refuses or breaks lines at that JSON leaves raw (DEL, C1, NEL)."""
    # json's own string encoder, which json.dumps(text, ensure_ascii=False) calls after making a
    # JSONEncoder each time: the same text (tests/files/test_yaml_text.py), 0,7 against 5,2 µs a
    # string (timeit, 200.000 calls), and the 300.000 strings of importing a 100.000-row export
    # were 1,7 % of its processor time (sampled every 2 ms)
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", _encode_string(text))


_encode_string = json.encoder.encode_basestring


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def comment(text: str) -> str:
    """Text for a YAML comment: one line, control characters shown as escapes, never obeyed."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text.replace("\n", " "))


# compiled once: through re.fullmatch's cache of patterns, writing and checking the files of a
# 10.000-row import looked a pattern up 300.000 times (0,5 of 19,6 s under a profiler)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PLAIN = re.compile(r"[a-z_][a-z0-9_-]*").fullmatch
_THREE_DECIMALS = re.compile(r"-?\d+\.\d{3}").fullmatch

#: words YAML 1.1 reads as something other than text
YAML_WORDS = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n"})


def _plain(text: str) -> bool:
    """An id, a key or a code that YAML reads back as the same text without quotes."""
    return bool(_PLAIN(text)) and text not in YAML_WORDS


def _key(key: object) -> str:
    if key.__class__ is int:  # a year, most keys written
        return str(key)
    if isinstance(key, int) or (isinstance(key, str) and _plain(key)):
        return str(key)
    return _quoted(str(key))


def number(value: float) -> str:
    """A number as the loader reads it back exactly: 417000, 7.1, 1.8420 (three decimals would
    read as a thousands separator to a person, and the loader warns)."""
    if isinstance(value, int) or (float(value).is_integer() and abs(value) < 1e15):
        return str(int(value))
    text = repr(float(value))
    return text + "0" if _THREE_DECIMALS(text) else text



def read_back(targets: Data, actuals: Data, texts: tuple[str, str]) -> tuple[Data, Data] | None:
    """What the loader (yamlio) reads from ``targets_text`` and ``actuals_text`` of this data
    (``texts``): the data again, a whole float read as an int (``number`` writes 74.0 as 74), a
    tuple as a list (a list or mapping in which nothing reads otherwise given back itself); then
    it may be checked as it is (files/load.load_written). None when unsure, and the text is
    parsed back as before: a text the loader would change (not NFC, a tab, a line too long), a
    key written bare that is not ``_plain``, a number with an exponent or too large, text written
    bare as a date, an empty block, deep nesting.
    tests/files/test_yaml_text.py reads the texts back and compares, type for type."""
    from . import yamlio

    for text in texts:
        if yamlio.normalize(text) != text or yamlio.long_line(text) is not None or len(text) > yamlio.MAX_BYTES:
            return None
        try:
            text.encode()
        except UnicodeEncodeError:  # a lone surrogate: no file can hold it
            return None
    if set(targets) - {"schema_version", "areas", "indicators", "plans"} or set(actuals) != {"schema_version", "series"}:
        return None
    if any(data["schema_version"].__class__ is not int or data["schema_version"] != 1 for data in (targets, actuals)):
        return None
    indicators, plans, series = targets.get("indicators"), targets.get("plans"), actuals["series"]
    if indicators.__class__ is not list or plans.__class__ is not list or not plans or series.__class__ is not dict:
        return None
    if "areas" in targets and not targets["areas"]:
        return None
    for plan in plans:
        if not _block(plan) or list(plan)[0] == "targets" or list(plan)[-1] != "targets" or not isinstance(plan["targets"], list):
            return None
    for indicator in indicators:
        if not _block(indicator):
            return None
    for ident, entry in series.items():
        if ident.__class__ is not str or not _plain(ident) or not _block(entry):
            return None
        published, history = entry.get("published"), entry.get("history")
        if published is not None and not (_block(published) and all(_block(sources) for sources in published.values())):
            return None
        if history is not None and not (history.__class__ is dict and history and all(isinstance(v, list) and v for v in history.values())):
            return None
    read_targets: Any
    read_actuals: Any
    try:
        read_targets, read_actuals = _as_read(targets, 0), _as_read(actuals, 0)
    except _NotSame:
        return None
    # the series mapping is the reader's own (the loader lets go of each entry as it reads it,
    # files/load.load_written), its entries shared where they read back as they are
    return read_targets, {**read_actuals, "series": dict(read_actuals["series"])}


class _NotSame(Exception):
    """A value the loader would not read back as it is written."""


def _block(value: object) -> bool:
    """A mapping written a key a line, bare: not empty (that reads as null), every key plain."""
    return isinstance(value, dict) and value.__class__ is dict and bool(value) and (
        value.keys() <= _PLAIN_KEYS or all(k.__class__ is str and _plain(k) for k in value)
    )


#: the keys most blocks have (an indicator's, a series'), plain (tests/files/test_yaml_text.py):
#: known so, not each matched (80.000 matches of checking the files of a 10.000-row import)
_PLAIN_KEYS = frozenset({"id", "name", "unit", "parent", "actual", "preliminary", "estimate", "plan", "notes"})


def _as_read(value: object, depth: int) -> object:
    """``value`` as the loader reads ``flow(value)`` back (or its block layout); _NotSame if unsure."""
    kind = value.__class__
    if kind is str:
        if len(value) == 10 and value[4:5] == "-":  # type: ignore[arg-type,index]  # "2024-01-01": written bare, read as a date
            raise _NotSame
        return value
    if kind is float:
        if value.is_integer() and abs(value) < 1e15:  # type: ignore[attr-defined,arg-type]
            return int(value)  # type: ignore[call-overload]
        if 1e-4 <= abs(value) < 1e15:  # type: ignore[arg-type]  # repr writes no exponent
            return value
        raise _NotSame
    if kind is int:
        if abs(value) < 1e15:  # type: ignore[arg-type]
            return value
        raise _NotSame
    if kind is bool or value is None:
        return value
    if depth > 32:
        raise _NotSame
    # a list or a mapping whose items all read back as they are is given back itself, not copied
    # (a copy is made from the first item that reads back otherwise): the copies of the data of a
    # 100.000-row import were 120 MB, now 9 (tracemalloc of read_back), and read_back 1,65 / 1,51 s,
    # now 1,41 / 0,98 s (processor time, in turn in one process)
    container: Any = value
    if kind is list or kind is tuple:
        items: list[object] | None = None if kind is list else []
        for n, v in enumerate(container):
            read = _item(v, depth)
            if items is None:
                if read is v:
                    continue
                items = container[:n]
            items.append(read)
        return container if items is None else items
    if kind is dict:
        found: dict[object, object] | None = None
        for n, (k, v) in enumerate(container.items()):
            if not (k.__class__ is str or (k.__class__ is int and abs(k) < 1e15)):
                raise _NotSame
            read = _item(v, depth)
            if found is None:
                if read is v:
                    continue
                found = dict(islice(container.items(), n))
            found[k] = read
        return container if found is None else found
    raise _NotSame


def _item(value: object, depth: int) -> object:
    """``_as_read`` of an item of a list or mapping: a number written as it is and text that is no
    date, most items, asked here and given back, not through _as_read's tests of every kind."""
    kind = value.__class__
    if kind is float:
        if 1e-4 <= abs(value) < 1e15 and not value.is_integer():  # type: ignore[arg-type,attr-defined]
            return value
    elif (kind is str and not (len(value) == 10 and value[4:5] == "-")) or (kind is int and abs(value) < 1e15):  # type: ignore[arg-type,index]
        return value
    return _as_read(value, depth + 1)
