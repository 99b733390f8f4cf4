"""Generic checks of one field of a data file, and the collector of the problems they find.

Each check takes a value and the path to it (keys and list indices), returns the value in its
proper type, or records a problem and returns None, so that one pass reports every problem.
Paths become line:column only when there are problems (``Checks.problems``): composing the file
again is slow and needless for a valid file.
"""

import math
import re
from ..records import NamedTuple
from enum import Enum
from typing import TYPE_CHECKING, TypeVar

from . import yamlio
from ..core.calc import MAX_MAGNITUDE
from ..errors import Problem
from ..messages import Num, Text

if TYPE_CHECKING:
    from ..core.model import Period

SCHEMA_VERSION = 1
_VI_DECIMAL = r"\s*[-+]?\d+,\d+\s*%?\s*"  # compiled on first use (re's cache)
_VI_THOUSANDS = r"\s*[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?\s*"  # compiled on first use (re's cache)

KeyPath = tuple  # keys and list indices from the top of the document
E = TypeVar("E", bound=Enum)


class Pending(NamedTuple):
    """A problem found at ``path``, waiting for its line and column."""

    path: KeyPath
    message: Text
    indicator: str = ""
    field: str = ""
    warning: bool = False
    #: another place the message names by its line (``{line}``: a duplicate's first), located with it
    other: KeyPath | None = None


class Checks:
    """The checks of one file's plain data, remembering each problem with the path of its value."""

    def __init__(self, name: str, source: str | bytes, known: bool = True) -> None:
        self.name = name
        # the file's text (or its UTF-8 bytes), composed again only to locate problems
        self.source = source
        self.known = known  # False when targets.yaml is broken: skip checks that refer to it
        self.pending: list[Pending] = []
        #: indicators whose values have 3 or more decimals: "1.125" is a decimal there
        self.precise: frozenset[str] = frozenset()
        #: let go of each entry of the file's long lists and mappings (indicators, a plan's
        #: targets, series) once it is read, when nothing reads the parsed file after: the
        #: checked data then grows into the memory the tree gives back (files/load.py)
        self.release = False
        self._placed: list[Problem] | None = None  # settle()

    def settle(self) -> None:
        """Place the problems found so far and let go of the file's text, for a file in which
        nothing more is checked: its text held through the parse of the other file was 17,5 MB of
        the load's peak at 100.000 series (tracemalloc, files/load.py)."""
        self._placed = self.problems()
        del self.pending[:]
        self.source = ""

    def add(self, path: KeyPath, message: Text, indicator: str = "", fld: str = "", warning: bool = False) -> None:
        self.pending.append(Pending(path, message, indicator, fld, warning))

    def add_naming(self, path: KeyPath, key: str, other: KeyPath, indicator: str = "", fld: str = "", **params: object) -> None:
        """A problem at ``path`` whose message ``key`` names the line of ``other`` (``{line}``): the
        first of a duplicate, found when the problems are placed, as every line is."""
        self.pending.append(Pending(path, Text(key, line=0, **params), indicator, fld, False, other))

    def has_errors(self) -> bool:
        return any(not p.warning for p in self.pending) or any(not p.warning for p in self._placed or ())

    def problems(self) -> list[Problem]:
        if self._placed is not None:
            if self.pending:  # nothing is checked in a settled file: a mistake of kpi's, not the file's
                raise RuntimeError(f"{self.name}: checked after settle()")
            return list(self._placed)
        if not self.pending:
            return []
        where = yamlio.locator(yamlio.compose(yamlio.as_text(self.source)))
        # a field said missing is one problem: the check of its (absent) value, at the same place,
        # says nothing more ("expected text, found nothing" beside "missing field 'name'")
        missing = {p.path + (p.field,) for p in self.pending if p.message.key == "check.missing_field"}
        found = []
        for p in self.pending:
            if missing and p.path in missing and not p.warning:
                continue
            line, column = where(p.path)
            message = p.message if p.other is None else Text(p.message.key, **{**p.message.params, "line": where(p.other)[0]})
            found.append(Problem(self.name, line, column, message, p.indicator, p.field, p.warning))
        return found

    # -- each check returns the value, or None after recording the problem --

    def mapping(self, value: object, path: KeyPath, what: str, indicator: str = "", fld: str = "") -> dict | None:
        """``what`` is the catalog key of what was expected: a Text is made only on a problem."""
        if isinstance(value, dict):
            return value
        self.add(path, Text("check.mapping", what=Text(what), found=describe(value)), indicator, fld)
        return None

    def sequence(self, value: object, path: KeyPath, what: str, indicator: str = "", fld: str = "") -> list | None:
        if isinstance(value, list):
            return value
        self.add(path, Text("check.list", what=Text(what), found=describe(value)), indicator, fld)
        return None

    def text(self, value: object, path: KeyPath, indicator: str = "", fld: str = "", required: bool = True) -> str | None:
        if isinstance(value, str) and value.strip():
            return value.strip()
        if value is None and not required:
            return None
        self.add(path, Text("check.text", found=describe(value)), indicator, fld)
        return None

    def number(self, value: object, path: KeyPath, indicator: str = "", fld: str = "") -> float | None:
        if isinstance(value, yamlio.Ambiguous):  # "41.200": thousands or a decimal?
            if indicator in self.precise:
                return float(value)
            self.add(path, Text("check.ambiguous", found=value, hint=thousands_hint(value)), indicator, fld)
            return None
        if isinstance(value, yamlio.TooLarge):
            self.add(path, Text("check.magnitude", limit=Num(MAX_MAGNITUDE), found=shorten(value)), indicator, fld)
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(path, Text("check.number", found=describe(value), hint=number_hint(value)), indicator, fld)
            return None
        if not math.isfinite(value):
            self.add(path, Text("check.finite", found=value), indicator, fld)
            return None
        if abs(value) >= MAX_MAGNITUDE:
            self.add(path, Text("check.magnitude", limit=Num(MAX_MAGNITUDE), found=f"{value:g}"), indicator, fld)
            return None
        return float(value)

    def integer(
        self, value: object, path: KeyPath, indicator: str = "", fld: str = "", allowed: range | None = None
    ) -> int | None:
        if isinstance(value, yamlio.TooLarge) and allowed is not None:
            self.add(path, Text("check.between", low=allowed.start, high=allowed.stop - 1, found=shorten(value)), indicator, fld)
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(path, Text("check.whole", found=describe(value), hint=quotes_hint(value)), indicator, fld)
            return None
        if allowed is not None and value not in allowed:
            self.add(path, Text("check.between", low=allowed.start, high=allowed.stop - 1, found=value), indicator, fld)
            return None
        return value

    def non_negative(self, value: object, path: KeyPath, indicator: str = "", fld: str = "") -> float | None:
        number = self.number(value, path, indicator, fld)
        if number is not None and number < 0:
            self.add(path, Text("check.not_negative", found=Num(number)), indicator, fld)
            return None
        return number

    def boolean(self, value: object, path: KeyPath, indicator: str = "", fld: str = "") -> bool | None:
        if isinstance(value, bool):
            return value
        self.add(path, Text("check.boolean", found=describe(value)), indicator, fld)
        return None

    def choice(self, value: object, path: KeyPath, enum: type[E], indicator: str = "", fld: str = "") -> E | None:
        try:
            return enum(value)
        except ValueError:
            options = ", ".join(e.value for e in enum)
            self.add(path, Text("check.choice", options=options, found=describe(value)), indicator, fld)
            return None

    def keys(self, mapping: dict, path: KeyPath, allowed: tuple[str, ...], indicator: str = "", required: tuple[str, ...] = ()) -> None:
        for key in mapping:
            if key not in allowed:
                self.add(path + (key,), Text("check.unknown_field", name=repr(key), hint=_field_hint(key, allowed)), indicator, str(key))
        for key in required:
            if key not in mapping:
                self.add(path, Text("check.missing_field", name=repr(key)), indicator, key)

    def top(self, data: object, allowed: tuple[str, ...]) -> dict | None:
        """The top mapping, or None when the file is empty (nothing else is worth checking)."""
        if data is None:
            self.add((), Text("file.empty"))
            return None
        mapping = self.mapping(data, (), "what.file_top")
        if mapping is None:
            return {}
        self.keys(mapping, (), allowed)
        version = mapping.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            self.add(("schema_version",), Text("file.schema_version", expected=SCHEMA_VERSION, found=repr(version)))
        return mapping


def _field_hint(key: object, allowed: tuple[str, ...]) -> Text:
    from difflib import get_close_matches  # only when a field is misspelt

    close = get_close_matches(str(key), allowed, n=1)
    if close:
        return Text("hint.did_you_mean", name=repr(close[0]))
    return Text("hint.one_of", options=", ".join(allowed))


#: how a value that is none of the plain kinds below is described
_DESCRIBED = ((dict, "value.mapping"), (list, "value.list"))


def describe(value: object) -> str:
    """A value as a message shows it: its text in quotes, or what kind of thing it is."""
    if value is None:
        return Text("value.nothing")
    if isinstance(value, bool):
        return Text("value.boolean", value=str(value).lower())
    if isinstance(value, str):
        return f'"{shorten(value)}"'
    for kind, key in _DESCRIBED:
        if isinstance(value, kind):
            return Text(key)
    return repr(value)


MAX_QUOTED = 60  # a longer text is cut in a message: it must stay one readable line


def shorten(text: str) -> str:
    """A text from the file as a message quotes it: whole, or its start and end around "…"."""
    if len(text) <= MAX_QUOTED:
        return text
    return f"{text[: MAX_QUOTED // 2]}…{text[-10:]}"


def quotes_hint(value: object) -> str:
    """A whole number written in quotes ("2020") is text to YAML: say how to write it."""
    return Text("hint.no_quotes") if isinstance(value, str) and value.strip().isdigit() else ""


def thousands_hint(text: str) -> Text:
    """ "41.200": write 41200 for thousands, 41.2 for the decimal; or give the indicator
    ``precision: 3`` when its values are written with three decimals."""
    sign = text[0] if text[0] in "+-" else ""
    plain, decimal = sign + text.lstrip("+-").replace(".", ""), repr(float(text))
    if decimal == text.lstrip("+"):  # "312.621": the decimal is written as it is, only precision: 3 reads it
        return Text("hint.thousands_precision", plain=plain)
    return Text("hint.thousands", plain=plain, decimal=decimal)


def number_hint(value: object) -> str:
    """Vietnamese number writing gets a precise hint rather than a bare "expected a number"."""
    if not isinstance(value, str):
        return ""
    if re.fullmatch(_VI_DECIMAL, value):
        number = value.strip().rstrip("%").strip().replace(",", ".")
        if re.fullmatch(yamlio.THOUSANDS, number):  # "10,004": 10.004 would read as ten thousand and four
            return Text("hint.use_number_precision", number=number, padded=number + "0")
        return Text("hint.use_number", number=number)
    if re.fullmatch(_VI_THOUSANDS, value):
        whole, _, decimals = value.strip().partition(",")
        return Text("hint.use_number", number=whole.replace(".", "") + (f".{decimals}" if decimals else ""))
    return ""


def period_text(period: "Period") -> Text:
    """A month, a quarter or a lũy kế as messages say it: "2026-06", "lũy kế đến 2026-06"."""
    return Text("period.ytd" if period.ytd else "period.plain", key=period.key)


def period_field(period: "Period") -> str:
    """The field a problem of a period's value names: "2026-06", a lũy kế's "ytd.2026-06"."""
    return f"ytd.{period.key}" if period.ytd else period.key
