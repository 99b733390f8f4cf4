"""The one YAML emitter: plain data as YAML text that yamlio reads back as the same data.

``flow`` writes a value in flow style (text as a JSON string, a YAML double-quoted scalar; numbers
exactly; ids and codes plain); ``targets_text`` and ``actuals_text`` lay out the two files.
`kpi import` writes what it read through them and `kpi init` its plan's name; a test reads what
they write back with the loader's reader (yamlio) and compares.
"""

from __future__ import annotations

import json
import re
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
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number(value)
    if isinstance(value, str):
        return value if _plain(value) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else _quoted(value)  # a date as YAML writes one
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
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def comment(text: str) -> str:
    """Text for a YAML comment: one line, control characters shown as escapes, never obeyed."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text.replace("\n", " "))


#: words YAML 1.1 reads as something other than text
YAML_WORDS = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n"})


def _plain(text: str) -> bool:
    """An id, a key or a code that YAML reads back as the same text without quotes."""
    return bool(re.fullmatch(r"[a-z_][a-z0-9_-]*", text)) and text not in YAML_WORDS


def _key(key: object) -> str:
    if isinstance(key, int) or (isinstance(key, str) and _plain(key)):
        return str(key)
    return _quoted(str(key))


def number(value: float) -> str:
    """A number as the loader reads it back exactly: 417000, 7.1, 1.8420 (three decimals would
    read as a thousands separator to a person, and the loader warns)."""
    if isinstance(value, int) or (float(value).is_integer() and abs(value) < 1e15):
        return str(int(value))
    text = repr(float(value))
    return text + "0" if re.fullmatch(r"-?\d+\.\d{3}", text) else text
