"""Recording one yearly value in actuals.yaml, changing that value and no other byte.

``splice.set_value`` edits the text in place of the value; ``record`` wraps it: lock (beside the
real file a link points to), read, check, edit, check the whole result, replace the file
(``atomic.replace``: keeps hard links, owner and mode, refuses read-only files).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple
from pathlib import Path

from . import atomic, cache, load, regular, splice, yamlio
from .checks import number_hint
from .datadir import ACTUALS, TARGETS, shown
from ..core.calc import MAX_MAGNITUDE
from ..errors import UsageError
from ..core.model import Dataset, Period, Point, PointStatus
from ..messages import Num, Text


class Change(NamedTuple):
    file: str
    indicator: str
    year: int
    old: Point | None
    new: Point
    period: Period | None = None  # a month, a quarter or a lũy kế (``ytd``) of ``year``

    @property
    def when(self) -> str:
        """As the file writes it: 2026, 2026-06, 2026-Q2 (a lũy kế's month)."""
        return str(self.year) if self.period is None else self.period.key


#: a number as people write it: ASCII digits, one decimal point, an optional sign and exponent
_NUMBER = r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
#: what Vietnamese writing means as thousands: 417.000, 1.250.000 (never 0.745: no group starts with 0)
_THOUSANDS = r"[-+]?[1-9]\d{0,2}(?:\.\d{3})+"
MAX_WRITTEN = 40  # digits a value may take once written out without an exponent


class Value(NamedTuple):
    number: float | int
    written: str  # as it goes into the file: 7.10 stays 7.10, 1e-7 becomes 0.0000001
    #: "1.125": a decimal for an indicator with ``precision: 3``, else refused as thousands
    ambiguous: bool = False


def thousands_refused(text: str) -> UsageError:
    plain = text.replace(".", "")
    alternative = Text("record.thousands_or", decimal=repr(float(text)), small=Num(float(text))) if text.count(".") == 1 else ""
    return UsageError(Text("record.thousands", found=repr(text), plain=plain, thousands=Num(int(plain) / 1000), alternative=alternative))


def parse_value(text: str) -> Value:
    """A value typed on the command line: 5.76 or 417000; "5,76" gets the same hint as in files,
    and what Python would also read (7_25, Arabic-Indic digits, " 5 ") is refused as written."""
    from decimal import Decimal

    ambiguous = bool(re.fullmatch(_THOUSANDS, text))  # 417.000 would silently be 417
    if ambiguous and text.count(".") > 1:
        raise thousands_refused(text)
    if not re.fullmatch(_NUMBER, text):
        if text.strip().lower().lstrip("+-") in ("nan", "inf", "infinity"):
            raise UsageError(Text("check.finite", found=repr(text)))
        raise UsageError(Text("check.number", found=repr(text), hint=number_hint(text)))
    exact = Decimal(text)
    if abs(exact) >= Decimal(MAX_MAGNITUDE):
        raise UsageError(Text("check.magnitude", limit=f"{MAX_MAGNITUDE:.0e}", found=repr(text)))
    written = format(exact, "f")
    if len(written) > MAX_WRITTEN:
        raise UsageError(Text("record.too_many_digits", limit=MAX_WRITTEN, found=repr(text)))
    return Value(float(written) if "." in written else int(written), written, ambiguous)


def expected(dataset: Dataset, indicator: str, point: Point, period: Period | None = None) -> Dataset:
    """``dataset`` as it must read after writing ``point`` (of ``period``, when it is a month's, a
    quarter's or a lũy kế's): that one value changed, nothing else."""
    if period is not None:
        from ..core.model import PeriodPoint

        new = PeriodPoint(period, point.value, point.status, point.note)
        kept = [p for p in dataset.periods.get(indicator, ()) if p.period != period] + [new]
        ordered = tuple(sorted(kept, key=lambda p: (p.period.year, p.period.last, -p.period.first, p.period.ytd)))
        return dataset._replace(periods={**dataset.periods, indicator: ordered})
    points = tuple(sorted([p for p in dataset.series.get(indicator, ()) if p.year != point.year] + [point]))
    return dataset._replace(series={**dataset.series, indicator: points})


#: what libyaml reads as a line break besides LF and CRLF (README "Recording a value")
UNUSUAL_BREAKS = {"\r": "CR (U+000D)", "\x85": "NEL (U+0085)", "\u2028": "LINE SEPARATOR (U+2028)", "\u2029": "PARAGRAPH SEPARATOR (U+2029)"}


def unusual_break(text: str) -> Text | str:
    """Where the first line break other than LF or CRLF is, for a message; "" if there is none."""
    found = re.search(r"\r(?!\n)|[\x85\u2028\u2029]", text)
    if found is None:
        return ""
    line = len(yamlio.lines_of(text[: found.start()]))
    return Text("record.unusual_break", character=UNUSUAL_BREAKS[found.group()], line=line)


def record(
    folder: Path, resolve: Callable[[Dataset], str], year: int, value: Value, status: PointStatus, force: bool, notices: list | None = None,
    period: Period | None = None
) -> Change:
    """Write one value into ``folder``/actuals.yaml; nothing is written unless the result is valid.

    ``resolve`` finds the indicator in the data read under the lock (one read, one parse);
    ``notices`` receives what was found beside the file (a journal finished, a leftover removed);
    ``period`` writes a month's, a quarter's or a lũy kế's value of ``year`` instead of the year's."""
    path = folder / ACTUALS
    with atomic.locked(path, notices=notices) as real:
        raw = regular.read(real, shown(path), yamlio.MAX_BYTES)
        text = yamlio.decode(shown(path), raw)
        targets_path = folder / TARGETS
        targets_raw = regular.read(targets_path, shown(targets_path), yamlio.MAX_BYTES)
        targets = yamlio.decode(shown(targets_path), targets_raw)
        names = (shown(targets_path), shown(path))
        # both loads go through the cache of checked data (files/cache.py): the first is served
        # when any command read these bytes before; the second is stored, for the next command
        dataset, _warnings = cache.load({TARGETS: targets_raw, ACTUALS: raw}, names, lambda: load.load_texts(targets, text, *names))
        indicator = resolve(dataset)
        if value.ambiguous and (dataset.indicators[indicator].precision or 0) < 3:
            raise thousands_refused(value.written)
        if period is None:
            old = next((p for p in dataset.series.get(indicator, ()) if p.year == year), None)
        else:
            had = next((p for p in dataset.periods.get(indicator, ()) if p.period == period), None)
            old = None if had is None else Point(year, had.value, had.status, had.note)
        if old is not None and not force:
            raise UsageError(
                Text(
                    "record.has_value" if period is None else "record.period_has_value", indicator=indicator, year=year,
                    period=None if period is None else Text("period.ytd" if period.ytd else "period.plain", key=period.key), old=Num(old.value),
                    old_status=Text(f"point.{old.status.value}"), new=Num(value.number), new_status=Text(f"point.{status.value}"),
                )
            )
        key = year if period is None else period.key
        within = "ytd" if period is not None and period.ytd else ""
        new_text = splice.set_value(text, indicator, key, value.written, status, within)
        prefix = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
        new_raw = prefix + new_text.encode("utf-8")
        after, _warnings = cache.load({TARGETS: targets_raw, ACTUALS: new_raw}, names, lambda: load.load_texts(targets, new_text, *names))  # raises if invalid
        if after != expected(dataset, indicator, Point(year, value.number, status, old.note if old else ""), period):
            raise UsageError(Text("record.not_exact", path=shown(path), where=unusual_break(text)))
        atomic.replace(real, new_raw, raw)
    return Change(str(path), indicator, year, old, Point(year, value.number, status), period)
