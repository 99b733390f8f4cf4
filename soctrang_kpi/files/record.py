"""Recording one yearly value in actuals.yaml, changing that value and no other byte.

``splice.set_value`` edits the text in place of the value; ``record`` wraps it: lock (beside the
real file a link points to), read, check, edit, check the whole result, replace the file
(``atomic.replace``: keeps hard links, owner and mode, refuses read-only files).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from ..records import NamedTuple
from pathlib import Path

from . import atomic, cache, load, regular, splice, yamlio
from .checks import number_hint, period_text
from .datadir import ACTUALS, TARGETS, shown
from ..core.calc import MAX_MAGNITUDE
from ..errors import DataError, Problem, UsageError
from ..core.model import Dataset, Period, Point, PointStatus
from ..messages import Num, Text
from ..numbers import typed_decimals, written_decimals


class Change(NamedTuple):
    file: str
    indicator: str
    year: int
    old: Point | None
    new: Point
    period: Period | None = None  # a month, a quarter or a lũy kế (``ytd``) of ``year``
    area: str = ""  # the area whose series it went into (README "Territory"); "": the territory's
    decimals: int | None = None  # the decimals the new value was typed with (7,10: 2, which the float 7.1 loses)

    @property
    def when(self) -> str:
        """As the file writes it: 2026, 2026-06, 2026-Q2 (a lũy kế's month)."""
        return str(self.year) if self.period is None else self.period.key


#: a number as people write it: ASCII digits, one decimal point, an optional sign and exponent
_NUMBER = r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
MAX_WRITTEN = 40  # digits a value may take once written out without an exponent


class Value(NamedTuple):
    number: float | int
    written: str  # as it goes into the file: 7.10 stays 7.10, 1e-7 becomes 0.0000001, 7,85 becomes 7.85
    #: "41.200", "41,200" as typed: a decimal (its ``number``) for an indicator with ``precision: 3``,
    #: else refused as reading two ways; "" for a value that reads one way
    ambiguous: str = ""


def thousands_refused(text: str) -> UsageError:
    """A value typed with one separator before three digits ("41.200", "41,200", "-1.500"), which
    reads as a decimal and as thousands: refused, naming both readings and how to write each so
    that it reads one way (README "Recording a value")."""
    from . import import_numbers

    small, large = sorted((import_numbers.value(text, import_numbers.VI), import_numbers.value(text, import_numbers.EN)), key=abs)
    plain = str(int(large))
    decimals = written_decimals(small)
    if decimals == 3:  # 10.004: the decimal's shortest writing is itself one that reads two ways
        alternative = Text("record.thousands_decimal", small=Num(small, 3), padded=Num(small, 4))
    else:
        alternative = Text("record.thousands_or", decimal=Num(small, max(decimals, 1)), small=Num(small))
    return UsageError(Text("record.thousands", found=repr(text), plain=plain, thousands=Num(large / 1000), alternative=alternative))


def parse_value(text: str, typed: str = "") -> Value:
    """A value as a plain number: 5.76 or 417000 (actuals.csv's value, and ``typed_value``'s of a
    value typed the Vietnamese way, ``typed`` then: what messages quote); "5,76" and "1.250.000"
    get the same hint as in files, and what Python would also read (7_25, Arabic-Indic digits,
    " 5 ") is refused as written."""
    from decimal import Decimal

    shown = repr(typed or text)
    if not re.fullmatch(_NUMBER, text):
        if text.strip().lower().lstrip("+-") in ("nan", "inf", "infinity"):
            raise UsageError(Text("check.finite", found=shown))
        raise UsageError(Text("check.number", found=shown, hint=number_hint(text)))
    exact = Decimal(text)
    if exact.is_zero():  # "-0", "-0,00": a zero has no sign, and is written 0 (0.00)
        exact = exact.copy_abs()
    if abs(exact) >= Decimal(MAX_MAGNITUDE):
        raise UsageError(Text("check.magnitude", limit=Num(MAX_MAGNITUDE), found=shown))
    written = format(exact, "f")
    if len(written) > MAX_WRITTEN:
        raise UsageError(Text("record.too_many_digits", limit=MAX_WRITTEN, found=shown))
    ambiguous = text if re.fullmatch(yamlio.THOUSANDS, text) else ""  # 417.000 would silently be 417
    return Value(float(written) if "." in written else int(written), written, ambiguous)


#: what may be a number with separators: a sign, ASCII digits, points and commas
_SEPARATED = r"[-+]?[0-9][0-9.,]*"


def typed_value(text: str) -> Value:
    """A value typed on the command line (README "Recording a value"): a plain number, as
    ``parse_value`` reads it, or one written the Vietnamese way — 7,85; 1.234.567,5 — or grouped
    the English way (1,234.5), read by the rule every `kpi import` reads a table's numbers by
    (files/import_numbers.py) when it reads only one way. One separator before three digits
    ("41.200", "41,200") reads two ways: it is ``ambiguous``, its ``number`` the decimal."""
    if not re.fullmatch(_SEPARATED, text):
        return parse_value(text)
    from . import import_numbers

    form = import_numbers.form(text)
    if form is None or form.writing == "":
        return parse_value(text)  # digits alone, or no number: as a plain number, with its hint
    if form.writing != import_numbers.BOTH:
        return parse_value(import_numbers.plain(text), text)
    point = import_numbers.VI if form.name == "comma3" else import_numbers.EN  # the writing that reads it a decimal
    return parse_value(import_numbers.plain(text, point), text)._replace(ambiguous=text)


def expected(dataset: Dataset, indicator: str, point: Point, period: Period | None = None, area: str = "") -> Dataset:
    """``dataset`` as it must read after writing ``point`` (of ``period``, when it is a month's, a
    quarter's or a lũy kế's): that one value changed, nothing else."""
    if period is not None:
        from ..core.model import PeriodPoint

        new = PeriodPoint(period, point.value, point.status, point.note, point.source, point.recorded)
        kept = [p for p in dataset.periods.get(indicator, ()) if p.period != period] + [new]
        ordered = tuple(sorted(kept, key=lambda p: (p.period.year, p.period.last, -p.period.first, p.period.ytd)))
        return dataset._replace(periods={**dataset.periods, indicator: ordered})
    if area:  # an area's series (README "Territory")
        mine = dataset.by_area.get(area, {})
        points = tuple(sorted([p for p in mine.get(indicator, ()) if p.year != point.year] + [point]))
        return dataset._replace(by_area={**dataset.by_area, area: {**mine, indicator: points}})
    points = tuple(sorted([p for p in dataset.series.get(indicator, ()) if p.year != point.year] + [point]))
    return dataset._replace(series={**dataset.series, indicator: points})


#: a replaced value of these statuses needs --status: an estimate never silently becomes an actual
#: (README "History of a value"); an actual stays one, a roadmap value is replaced by what was observed
NEEDS_STATUS = frozenset({PointStatus.ESTIMATE, PointStatus.PRELIMINARY})


def key_text(year: int, period: Period | None) -> Text | int:
    """A year, or a period as messages say it."""
    return year if period is None else period_text(period)


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
    folder: Path, resolve: Callable[[Dataset], str], year: int, value: Value, status: PointStatus | None, force: bool, notices: list | None = None,
    period: Period | None = None, source: str | None = None, note: str | None = None, day: date | None = None, area: str | None = None,
) -> Change:
    """Write one value into ``folder``/actuals.yaml; nothing is written unless the result is valid.

    ``resolve`` finds the indicator in the data read under the lock (one read, one parse);
    ``notices`` receives what was found beside the file (a journal finished, a leftover removed);
    ``period`` writes a month's, a quarter's or a lũy kế's value of ``year`` instead of the year's.
    The value is written with ``source``, ``note`` and the day it is recorded (``day``, else
    today); a value it replaces is kept under ``history:`` with its status, source and day, and
    its status is kept unless ``status`` is given (README "History of a value")."""
    from . import revise

    day = day or date.today()
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
        dataset, warned = cache.load({TARGETS: targets_raw, ACTUALS: raw}, names, lambda: load.load_texts(targets, text, *names))
        indicator = resolve(dataset)
        area = _area_of(dataset, area, period)
        if value.ambiguous and (dataset.indicators[indicator].precision or 0) < 3:
            raise thousands_refused(value.ambiguous)
        refusal = cannot_hold(dataset, indicator, value.number, status, period, area)
        if refusal is not None:  # before --force is asked for: no option would make it valid
            raise UsageError(refusal)
        if period is None:
            points = dataset.by_area.get(area, {}).get(indicator, ()) if area else dataset.series.get(indicator, ())
            old = next((p for p in points if p.year == year), None)
        else:
            had = next((p for p in dataset.periods.get(indicator, ()) if p.period == period), None)
            old = None if had is None else Point(year, had.value, had.status, had.note, had.source, had.recorded)
        if old is not None and status is None and old.status in NEEDS_STATUS:  # an observed value's status never changes silently
            raise UsageError(Text(
                "record.status_needed", indicator=indicator, when=key_text(year, period), old=Num(old.value),
                old_status=Text(f"point.{old.status.value}"), status=old.status.value,
            ))
        status = status or PointStatus.ACTUAL
        if old is not None and not force:
            raise UsageError(
                Text(
                    "record.has_value" if period is None else "record.period_has_value", indicator=indicator, year=year,
                    period=None if period is None else period_text(period), old=Num(old.value),
                    old_status=Text(f"point.{old.status.value}"), new=Num(value.number, typed_decimals(value.written)), new_status=Text(f"point.{status.value}"),
                )
            )
        if old is not None and old.recorded is not None and day < old.recorded:
            raise UsageError(Text("record.date_before", day=day.isoformat(), old=Num(old.value), recorded=old.recorded.isoformat()))
        key = year if period is None else period.key
        within = "ytd" if period is not None and period.ytd else ""
        prefix = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
        # the territory's value under series:, an area's under areas: — each with its source, day,
        # note and the value it replaced (README "History of a value")
        replaced_text = revise.replaced_text(text, indicator, str(key), old, within, area)
        new_text = splice.set_value(text, indicator, key, value.written, status, within, area)
        new_text = revise.provenance(new_text, indicator, str(key), within, old, replaced_text, source, note, day, area)
        new_raw = prefix + new_text.encode("utf-8")
        try:  # the safety net: a rule cannot_hold does not know refuses the value, not the files
            after, warnings = cache.load({TARGETS: targets_raw, ACTUALS: new_raw}, names, lambda: load.load_texts(targets, new_text, *names))
        except DataError as err:
            raise UsageError(refused(err, indicator, year, period, value)) from None
        kept_note = note if note is not None else (old.note if old else "")
        point = Point(year, value.number, status, kept_note, source or "", day)
        wanted = expected(dataset, indicator, point, period, area)
        exact = after == revise.with_version(wanted, indicator, year if period is None else period, old, note is not None, area)
        if not exact:
            raise UsageError(Text("record.not_exact", path=shown(path), where=unusual_break(text)))
        from . import actuals_csv

        try:
            actuals_csv.beside(folder, after, [])  # a value actuals.csv gives too: refused, nothing written
        except DataError:
            line = actuals_csv.gives(folder, dataset, area, indicator, str(key))
            if line:  # the files are valid: the value is the table's to change
                csv_path = actuals_csv.path_of(folder)
                raise UsageError(Text("record.in_csv", path=shown(csv_path), line=line, when=key, indicator=indicator, area=area or Text("record.territory"))) from None
            raise
        if notices is not None:  # what the value makes suspicious (a quarter its months disagree with), said as validate says it
            known = {(p.indicator, p.field, str(p.message)) for p in warned}
            notices.extend(p for p in warnings if (p.indicator, p.field, str(p.message)) not in known or _about(p, indicator, str(key), area))
        atomic.replace(real, new_raw, raw)
    return Change(str(path), indicator, year, old, point, period, area, typed_decimals(value.written))


def _about(problem: Problem, indicator: str, key: str, area: str) -> bool:
    """Whether a warning is about the value just written (``key``: "2026", "2026-06"): at its field
    ("ytd.2026-06") or naming its period (a lũy kế that falls from it, "… từ 1.300 (2026-05)"). Such
    a warning is said again when the value is written again (``--force`` with a note, a source):
    the value written makes it, whether or not the files had it before. An area's value: only
    what it newly makes (the territory's warnings name the same fields)."""
    if problem.indicator != indicator or area:
        return False
    params = getattr(problem.message, "params", {})
    return problem.field.rsplit(".", 1)[-1] == key or any(isinstance(v, str) and v == key for v in params.values())


def cannot_hold(dataset: Dataset, indicator: str, number: float, status: PointStatus | None, period: Period | None, area: str) -> Text | None:
    """Why the files cannot hold ``number`` as ``indicator``'s value of ``period`` (or of its year,
    ``period`` None) under ``status``, said before anything is written (README "Recording a
    value"); None when they can. The rules are the loader's own (files/actuals_schema.py,
    files/share_sums.py): a month, a quarter or a lũy kế has no plan; a year of the territory's is a
    place (a whole number from 1) for a ranked indicator; a heading's value, of a year or within
    it, never."""
    from .share_sums import headings, is_place, ranked

    plan = status is PointStatus.PLAN
    yearly = period is None and not area  # check_places reads the territory's years; check_headings its periods too
    heading = headings(dataset.plans).get(indicator) if not area else None  # a year's, a month's, a quarter's, a lũy kế
    rules: tuple[tuple[bool, str, Callable[[], Text]], ...] = (
        (plan and period is not None and not period.ytd, "--status plan", lambda: Text("actuals.period_plan")),
        (plan and period is not None and period.ytd, "--ytd --status plan", lambda: Text("actuals.ytd_plan")),
        (heading is not None, indicator, lambda: Text("actuals.heading_value", kind=getattr(heading, "value", ""))),
        (yearly and indicator in ranked(dataset.plans) and not is_place(number), indicator, lambda: Text("actuals.not_a_place", found=Num(number))),
    )
    return next((Text("record.cannot", what=what, reason=reason()) for applies, what, reason in rules if applies), None)


def refused(err: DataError, indicator: str, year: int, period: Period | None, value: Value) -> Text:
    """The value's refusal by the check of the file it would make: its own problem (else the first),
    said without a line of a file that was never written."""
    errors = [p for p in err.problems if not p.warning] or err.problems
    key = str(year if period is None else period.key)
    own = next((p for p in errors if p.indicator == indicator and p.field in (key, f"ytd.{key}")), errors[0])
    return Text("record.refused", indicator=indicator, when=key_text(year, period), value=Num(value.number), reason=own.message)


def _area_of(dataset: Dataset, area: str | None, period: Period | None) -> str:
    """The area to write under ``areas:``; "" for the territory's own ``series:``."""
    if area is None:
        return ""
    from ..core.areas import check_area, root

    check_area(dataset, area)
    if period is not None:  # within-year values are the territory's only (README "Territory")
        raise UsageError(Text("record.area_period", area=repr(area)))
    return "" if area == root(dataset.areas) else area
