"""Recording one yearly value in actuals.yaml, keeping the file's comments, order and layout.

``set_value`` edits the text with ruamel.yaml's round-trip mode (imported here only, so no
other command pays for it). ``record`` wraps it: lock, read, edit, validate the whole result,
write atomically.
"""

from __future__ import annotations

import io
from typing import NamedTuple
from pathlib import Path

from . import atomic, load, yamlio
from .checks import number_hint
from .datadir import ACTUALS, TARGETS
from ..errors import UsageError, WriteError
from ..core.model import Point, PointStatus
from ..messages import Text


class Change(NamedTuple):
    file: str
    indicator: str
    year: int
    old: Point | None
    new: Point


def parse_value(text: str) -> float | int:
    """A value typed on the command line: 5.76 or 417000; "5,76" gets the same hint as in files."""
    try:
        value = float(text)
    except ValueError:
        raise UsageError(Text("check.number", found=repr(text), hint=number_hint(text))) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise UsageError(Text("check.finite", found=repr(text)))
    return int(value) if value.is_integer() and "." not in text else value


def set_value(text: str, indicator: str, year: int, value: float, status: PointStatus) -> tuple[str, Point | None]:
    """The new text of actuals.yaml, and the value the year had before (if any)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap long lines
    data = yaml.load(text)
    series = data.setdefault("series", CommentedMap())
    entry = series.get(indicator)
    if entry is None:
        entry = series[indicator] = CommentedMap()
    old = None
    for kind in PointStatus:
        years = entry.get(kind.value)
        if years is not None and year in years:
            old = Point(year, years[year], kind)
            del years[year]
            if not years:
                del entry[kind.value]
    years = entry.get(status.value)
    if years is None:
        years = CommentedMap()
        years.fa.set_flow_style()  # like the rest of the file: {2020: 1.26, 2021: 2.49}
        earlier = [s.value for s in PointStatus][: list(PointStatus).index(status)]
        keys = list(entry)
        position = max((keys.index(k) + 1 for k in earlier if k in entry), default=0)
        entry.insert(position, status.value, years)  # actual, estimate, plan: in that order
    position = sum(1 for y in years if y < year)
    years.insert(position, year, value)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue(), old


def record(folder: Path, indicator: str, year: int, value: float, status: PointStatus, force: bool) -> Change:
    """Write one value into ``folder``/actuals.yaml; nothing is written unless the result is valid."""
    path = folder / ACTUALS
    with atomic.locked(path):
        raw = path.read_bytes()
        text = yamlio.decode(str(path), raw)
        targets = yamlio.decode(str(folder / TARGETS), (folder / TARGETS).read_bytes())
        dataset, _warnings = load.load_texts(targets, text, str(folder / TARGETS), str(path))
        if indicator not in dataset.indicators:
            raise UsageError(Text("targets.no_indicator", id=repr(indicator)), tuple(sorted(dataset.indicators)))
        new_text, old = set_value(text.replace("\r\n", "\n"), indicator, year, value, status)
        if old is not None and not force:
            raise UsageError(
                Text(
                    "record.has_value", indicator=indicator, year=year, old=f"{old.value:g}",
                    old_status=old.status.value, new=f"{value:g}", new_status=status.value,
                )
            )
        load.load_texts(targets, new_text, str(folder / TARGETS), str(path))  # raises if invalid
        if b"\r\n" in raw:
            new_text = new_text.replace("\n", "\r\n")
        prefix = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
        try:
            atomic.write_atomic(path, prefix + new_text.encode("utf-8"))
        except OSError as err:
            raise WriteError(Text("record.cannot_write", path=path, reason=err.strerror or err)) from err
    return Change(str(path), indicator, year, old, Point(year, value, status))
