"""An indicator's metadata in targets.yaml, as offices' indicator lists give it (README
"Indicator metadata"): ``code`` (always text: ``"0501"``), ``definition``, ``agency`` (who
collects it), ``reporting`` (how often: ``month``, ``quarter``, ``half_year``, ``year``, one or
a list) and ``breakdown``. All optional; each checked, a code unique among the indicators."""

from __future__ import annotations

from typing import Any

from .checks import Checks, KeyPath, describe
from ..core.model import Indicator
from ..messages import Text

#: how often an indicator may be reported, in the order they are printed
REPORTING = ("month", "quarter", "half_year", "year")
TEXTS = ("code", "definition", "agency", "breakdown")


def metadata(c: Checks, entry: dict, path: KeyPath, ident: str) -> dict[str, Any]:
    """The metadata keys of one indicator's entry, checked."""
    found: dict[str, Any] = {}
    for key in TEXTS:
        if key not in entry:
            continue
        value = entry[key]
        if key == "code" and isinstance(value, (int, float)) and not isinstance(value, bool):
            c.add(path + (key,), Text("history.code_number", found=describe(value)), ident, key)
            continue
        text = c.text(value, path + (key,), ident, key)
        if text is not None:
            found[key] = text
    if "reporting" in entry:
        raw = entry["reporting"]
        listed = raw if isinstance(raw, list) else [raw]
        kinds = []
        for i, one in enumerate(listed):
            if one not in REPORTING:
                where = path + ("reporting",) + ((i,) if isinstance(raw, list) else ())
                c.add(where, Text("check.choice", options=", ".join(REPORTING), found=describe(one)), ident, "reporting")
            elif one not in kinds:
                kinds.append(one)
        found["reporting"] = tuple(k for k in REPORTING if k in kinds)
    return found


def codes_unique(c: Checks, found: dict[str, Indicator], paths: dict[str, KeyPath]) -> None:
    """Two indicators with one code: the second is reported, naming the first."""
    seen: dict[str, str] = {}
    for ident, one in found.items():
        if not one.code:
            continue
        if one.code in seen:
            c.add(paths[ident] + ("code",), Text("history.code_twice", other=repr(seen[one.code])), ident, "code")
        else:
            seen[one.code] = ident
