"""The schema of actuals.yaml: for each indicator its yearly values by status (actual, estimate,
plan) and the figures reports published about it. Checked against the indicators and plans of
targets.yaml; when that file is broken (``Checks.known`` is False) references to it are not
reported, since every id would look unknown."""

from __future__ import annotations

from typing import Any

from . import yaml_keys, yamlio
from .checks import Checks, KeyPath, describe, quotes_hint
from . import targets_schema
from .targets_schema import YEARS
from ..core.calc import MAX_MAGNITUDE, index_to_rate
from ..core.classify import class_named
from ..core.model import Indicator, MonthPublished, Period, PeriodPoint, Plan, Point, PointStatus, Published, Target
from ..core.periods import looks_like_period, parse_period
from ..messages import Num, Text

TOP_KEYS = ("schema_version", "series", "areas")  # the file's own layout, not a model record
#: sources, recorded and history: a value's provenance and earlier versions (files/history_schema.py)
PROVENANCE_KEYS = ("sources", "recorded", "history")
SERIES_KEYS = tuple(s.value for s in PointStatus) + ("ytd", "notes") + PROVENANCE_KEYS + ("as_index", "published")
#: the keys of a series' ``ytd:`` (lũy kế) mapping
YTD_KEYS = tuple(s.value for s in PointStatus if s is not PointStatus.PLAN) + ("notes",) + PROVENANCE_KEYS
SOURCES = ("table", "text")  # where in a report a published figure was printed
MONTHS = "months"  # a monthly report's published percentages, by the period it runs to

Series = dict[str, tuple[Point, ...]]
PublishedByPlan = dict[str, tuple[Published, ...]]


def actuals(
    c: Checks, data: object, indicators: dict[str, Indicator], plans: dict[str, Plan],
    periods: dict[str, tuple[PeriodPoint, ...]] | None = None,
    months: dict[str, dict[str, tuple[MonthPublished, ...]]] | None = None, history: dict | None = None,
    reader: SeriesReader | None = None,
) -> tuple[Series, dict[str, PublishedByPlan]]:
    """The yearly series and the published records; the values of months, quarters and lũy kế
    go into ``periods``, what monthly reports published into ``months``, the values later ones
    replaced into ``history``, when given. ``reader``: the stream ``data`` was parsed with
    (``streaming``), which has read the series if it was handed them."""
    top = c.top(data, TOP_KEYS)
    if top is None:
        return {}, {}
    if periods is None:
        periods = {}
    if months is None:
        months = {}
    if history is None:
        history = {}
    entries = c.mapping(top.get("series", {}), ("series",), "what.series") or {}
    if reader is not None and reader.streamed:  # read as the file was parsed
        return reader.series, reader.published
    c.precise = targets_schema.precise(indicators)
    return series_of(c, entries, ("series",), indicators, plans, periods, months, history)


def streaming(
    c: Checks, indicators: dict[str, Indicator], plans: dict[str, Plan], periods: dict[str, tuple[PeriodPoint, ...]],
    months: dict[str, dict[str, tuple[MonthPublished, ...]]], history: dict,
) -> SeriesReader:
    """The reader of ``series:`` to parse actuals.yaml with (yamlio.parse), for ``actuals``."""
    c.precise = targets_schema.precise(indicators)
    return SeriesReader(c, ("series",), indicators, plans, periods, months, history)


def series_of(
    c: Checks, entries: dict, path: KeyPath, indicators: dict[str, Indicator], plans: dict[str, Plan],
    periods: dict[str, tuple[PeriodPoint, ...]],
    months: dict[str, dict[str, tuple[MonthPublished, ...]]] | None = None, history: dict | None = None,
) -> tuple[Series, dict[str, PublishedByPlan]]:
    """The series of a mapping indicator id -> series at ``path`` (``series:``, or an area's
    under ``areas:``, README "Territory"); what monthly reports published goes into ``months``,
    the values later ones replaced into ``history``."""
    reader = SeriesReader(c, path, indicators, plans, periods, months, history)
    for ident, value in entries.items():
        if c.release:
            entries[ident] = None  # a value assigned, not a key added: the loop goes on
        reader.entry(ident, value)
    return reader.series, reader.published


class SeriesReader(yamlio.Stream):
    """Reads the series of a mapping indicator id -> series one entry at a time: by
    ``series_of`` from a parsed mapping, or as actuals.yaml is parsed (a yamlio.Stream of its
    ``series:``, files/load.py), with no tree of the series. At 100.000 series that tree was
    108 MB of the load's peak (tracemalloc), beside the checked data."""

    key = "series"

    def __init__(
        self, c: Checks, path: KeyPath, indicators: dict[str, Indicator], plans: dict[str, Plan],
        periods: dict[str, tuple[PeriodPoint, ...]],
        months: dict[str, dict[str, tuple[MonthPublished, ...]]] | None = None, history: dict | None = None,
    ) -> None:
        self.c, self.path, self.indicators, self.plans, self.periods = c, path, indicators, plans, periods
        self.months = {} if months is None else months
        self.history = {} if history is None else history
        self.series: Series = {}
        self.published: dict[str, PublishedByPlan] = {}
        self.plan_years = frozenset(y for p in plans.values() for y in range(p.base_year, p.target_year + 1))
        self.shared: dict = {}  # points(): one record for equal values, for the series read here
        self.streamed = False  # whether a parse handed the entries over (start)
        self._before = len(c.pending)

    def start(self) -> None:
        """The parse reached ``series:``; from its start again if it reads the text again."""
        self.streamed = True
        del self.c.pending[self._before:]
        for found in (self.series, self.published, self.periods, self.months, self.history, self.shared):
            found.clear()

    def entry(self, ident: Any, value: object) -> object:
        """Reads one series; returns its id, targets.yaml's copy when it has one (the tree of a
        parse keeps its keys: 100.000 copies of ids were 5 MB of the load's peak)."""
        c, indicators = self.c, self.indicators
        here = self.path + (ident,)
        if ident not in indicators:
            if c.known and not isinstance(ident, str) and str(ident) in indicators:  # 5: for the id "5"
                c.add(here, Text("actuals.id_as_number", id=str(ident)), str(ident))
            elif c.known:
                c.add(here, Text("actuals.unknown_indicator"), str(ident))
            return ident
        entry = c.mapping(value, here, "what.series_entry", ident)
        if entry is None:
            return indicators[ident].id
        c.keys(entry, here, SERIES_KEYS, ident)
        plan_years = self.plan_years
        found = points(c, entry, here, ident, plan_years, self.shared)
        parts = within_year(c, entry, here, ident, plan_years) if _has_periods(entry) else ()
        if "as_index" in entry:
            found = as_index(c, entry, here, ident, found)
            parts = tuple(p._replace(value=index_to_rate(p.value)) for p in parts if p.value > 0)
        if "notes" in entry:
            found, parts = with_notes(c, entry["notes"], here + ("notes",), ident, found, parts)
        found, parts = _provenance(c, entry, here, ident, found, parts, self.history)
        ident = indicators[ident].id  # the id targets.yaml gave, not a copy of it (100.000 of them: 5 MB)
        if found:
            self.series[ident] = found
        if parts:
            self.periods[ident] = parts
        if "published" in entry:
            self.published[ident] = published_records(c, entry["published"], here + ("published",), ident, self.plans, self.months)
        return ident


def _provenance(
    c: Checks, entry: dict, path: KeyPath, ident: str, found: tuple[Point, ...], parts: tuple[PeriodPoint, ...], history: dict
) -> tuple[tuple[Point, ...], tuple[PeriodPoint, ...]]:
    """The values' sources, days and earlier versions, of the series and of its ``ytd:``."""
    ytd = entry.get("ytd")
    here_ytd = type(ytd) is dict and any(key in ytd for key in PROVENANCE_KEYS)
    if not here_ytd and not any(key in entry for key in PROVENANCE_KEYS):
        return found, parts
    from . import history_schema

    as_index = entry.get("as_index") is True
    if any(key in entry for key in PROVENANCE_KEYS):
        found, parts = history_schema.provenance(c, entry, path, ident, found, parts, history, False, as_index)
    if here_ytd and isinstance(ytd, dict):
        found, parts = history_schema.provenance(c, ytd, path + ("ytd",), ident, found, parts, history, True, as_index)
    return found, parts


#: the keys of yearly values, with their status (read once: an enum's .value is a descriptor call)
STATUS_KEYS = tuple((status.value, status) for status in PointStatus)
STATUS_NAMES = frozenset(name for name, _status in STATUS_KEYS)


def points(
    c: Checks, entry: dict, path: KeyPath, ident: str, plan_years: frozenset[int], shared: dict | None = None
) -> tuple[Point, ...]:
    """The yearly values under actual / estimate / plan; a year may appear under one only.
    ``shared``: (status, year, value) -> its Point, for the series read with it: a Point is
    immutable, and one record serves every series with that value that year (at 100.000 series
    of the benchmark data, values of two decimals, 540.000 Points were 49 MB of the checked data,
    96 B each; 0 is not shared, -0.0 being equal to it)."""
    by_year: dict[int, Point] = {}
    if shared is None:
        shared = {}
    for key_name, status in STATUS_KEYS:
        if key_name not in entry:
            continue
        values = c.mapping(entry[key_name], path + (key_name,), "what.year_values", ident, key_name)
        for key, raw in (values or {}).items():
            found_year: int | None
            value: float | None
            if type(key) is int and key in YEARS and type(raw) in (int, float) and abs(raw) < MAX_MAGNITUDE:
                found_year, value = key, float(raw)  # the everyday case, checked without a path
                if value and found_year not in by_year and (not c.known or not plan_years or found_year in plan_years):
                    seen = (key_name, found_year, value)  # one key made, looked up and stored
                    point = shared.get(seen)
                    if point is None:
                        point = shared[seen] = Point(found_year, value, status)
                    by_year[found_year] = point
                    continue
            elif looks_like_period(key):
                continue  # a month or a quarter: within_year() reads it
            else:
                found_year = year(c, key, path + (key_name, key), ident)
                value = None if found_year is None else c.number(raw, path + (key_name, key), ident, str(key))
            if found_year is None or value is None:
                continue
            if found_year in by_year:
                c.add(path + (key_name, key), Text("actuals.year_twice", status=by_year[found_year].status.value), ident, str(key))
                continue
            if c.known and plan_years and found_year not in plan_years:
                c.add(path + (key_name, key), Text("actuals.year_outside_plans"), ident, str(key), warning=True)
            by_year[found_year] = Point(found_year, value, status)
    return tuple(by_year[y] for y in sorted(by_year))


def as_index(c: Checks, entry: dict, path: KeyPath, ident: str, found: tuple[Point, ...]) -> tuple[Point, ...]:
    """``as_index: true``: the values are indices as statistics offices print growth (109,00 for
    +9,00 %, the previous year = 100); they are read as rates."""
    flag = c.boolean(entry["as_index"], path + ("as_index",), ident, "as_index")
    if not flag:
        return found
    read = []
    for point in found:
        if point.value <= 0:
            c.add(path + (point.status.value, point.year), Text("actuals.index_not_positive", found=Num(point.value)), ident, str(point.year))
            continue
        read.append(point._replace(value=index_to_rate(point.value)))
    return tuple(read)


def with_notes(
    c: Checks, value: object, path: KeyPath, ident: str, found: tuple[Point, ...], parts: tuple[PeriodPoint, ...] = (), ytd: bool = False,
) -> tuple[tuple[Point, ...], tuple[PeriodPoint, ...]]:
    """``notes: {2023: "Cục Thống kê, 12/2023", 2026-06: "Cục Thống kê, 6/2026"}``: where a year's
    (or a period's) value comes from."""
    notes: dict[int, str] = {}
    period_notes: dict[Period, str] = {}
    for key, raw in (c.mapping(value, path, "what.notes", ident, "notes") or {}).items():
        if looks_like_period(key):
            period = period_key(c, key, path + (key,), ident, ytd)
            text = c.text(raw, path + (key,), ident, f"notes.{key}")
            if period is None or text is None:
                continue
            if not any(p.period == period for p in parts):
                c.add(path + (key,), Text("actuals.note_period", period=key), ident, f"notes.{key}")
                continue
            period_notes[period] = text
            continue
        found_year = year(c, key, path + (key,), ident) if not ytd else period_key(c, key, path + (key,), ident, ytd)
        text = c.text(raw, path + (key,), ident, f"notes.{key}")
        if not isinstance(found_year, int) or text is None:
            continue
        if not any(p.year == found_year for p in found):
            c.add(path + (key,), Text("actuals.note_year", year=found_year), ident, f"notes.{key}")
            continue
        notes[found_year] = text
    return (
        tuple(p._replace(note=notes.get(p.year, "")) for p in found),
        tuple(p._replace(note=period_notes.get(p.period, p.note)) for p in parts),
    )


def _has_periods(entry: dict) -> bool:
    # a status's keys that are all years (most series) hold no period: told by their types, not
    # each key asked (looks_like_period is of text only)
    return "ytd" in entry or any(
        type(values) is dict and not _YEAR_KEYS_ONLY.issuperset(map(type, values)) and any(looks_like_period(k) for k in values)
        for name, values in entry.items() if name in STATUS_NAMES
    )


_YEAR_KEYS_ONLY = frozenset({int})


def within_year(c: Checks, entry: dict, path: KeyPath, ident: str, plan_years: frozenset[int]) -> tuple[PeriodPoint, ...]:
    """The values of months (``2026-06``) and quarters (``2026-Q2``) under the statuses, and the
    lũy kế under ``ytd:`` (README "Within the year"); a period has one value, never a plan's."""
    found: dict[Period, PeriodPoint] = {}
    _period_points(c, entry, path, ident, plan_years, found, ytd=False)
    if "ytd" in entry:
        here = path + ("ytd",)
        ytd = c.mapping(entry["ytd"], here, "what.ytd", ident, "ytd")
        if ytd is not None:
            c.keys(ytd, here, YTD_KEYS, ident)
            _period_points(c, ytd, here, ident, plan_years, found, ytd=True)
            if "notes" in ytd:
                _years, parts = with_notes(c, ytd["notes"], here + ("notes",), ident, (), tuple(found.values()), ytd=True)
                found = {p.period: p for p in parts}
    return tuple(sorted(found.values(), key=lambda p: (p.period.year, p.period.last, -p.period.first, p.period.ytd)))


def _period_points(
    c: Checks, entry: dict, path: KeyPath, ident: str, plan_years: frozenset[int], found: dict[Period, PeriodPoint], ytd: bool
) -> None:
    for key_name, status in STATUS_KEYS:
        values = entry.get(key_name)
        if type(values) is not dict or (ytd and status is PointStatus.PLAN):
            continue  # points() or the keys' check has said what is wrong with it
        for key, raw in values.items():
            # the everyday case, checked without a path: a well-written period seen before (the
            # same months recur in every series) and a plain number
            known = _KNOWN_PERIODS.get((key, ytd)) if type(key) is str else None
            if known is not None and status is not PointStatus.PLAN and type(raw) in (int, float) and abs(raw) < MAX_MAGNITUDE:
                if known not in found and (not c.known or not plan_years or known.year in plan_years):
                    found[known] = PeriodPoint(known, float(raw), status)
                    continue
            if not (ytd or looks_like_period(key)):
                continue
            here = path + (key_name, key)
            if ytd and not looks_like_period(key):
                c.add(here, Text("actuals.ytd_month", found=describe(key), hint=""), ident, f"ytd.{key}")
                c.number(raw, here, ident, f"ytd.{key}")  # its value is checked too: every problem at once
                continue
            period = period_key(c, key, here, ident, ytd, f"ytd.{key}" if ytd else str(key))
            if period is not None and status is PointStatus.PLAN:
                c.add(here, Text("actuals.period_plan"), ident, str(key))
            value = c.number(raw, here, ident, str(key))  # checked even under a bad key: every problem at once
            if period is None or status is PointStatus.PLAN or value is None:
                continue
            if period in found:
                c.add(here, Text("actuals.period_twice", status=found[period].status.value), ident, str(key))
                continue
            if c.known and plan_years and period.year not in plan_years:
                c.add(here, Text("actuals.year_outside_plans"), ident, str(key), warning=True)
            found[period] = PeriodPoint(period, value, status)


#: periods already read, by their key and whether under ``ytd:`` (the same months recur in every
#: series: at 1.000 series × 72 months parsing each key again was a third of loading them)
_KNOWN_PERIODS: dict[tuple[str, bool], Period] = {}


def period_key(c: Checks, key: object, path: KeyPath, ident: str, ytd: bool, fld: str = "") -> Period | None:
    """``2026-06`` or ``2026-Q2`` (only a month under ``ytd:``, the month the lũy kế runs to)."""
    period = parse_period(key, ytd) if isinstance(key, str) else None
    if period is not None and period.year in YEARS and isinstance(key, str):
        _KNOWN_PERIODS[(key, ytd)] = period
    if period is None:  # under ytd: only a month (a lũy kế runs to one), whatever the key is
        said = Text("actuals.ytd_month", found=describe(key), hint=ytd_hint(key)) if ytd else Text("actuals.period", found=describe(key), hint="")
        c.add(path, said, ident, fld or str(key))
        return None
    if period.year not in YEARS:
        c.add(path, Text("actuals.year_range", low=YEARS.start, high=YEARS.stop - 1, found=period.year), ident, fld or str(key))
        return None
    return period


def ytd_hint(key: object) -> Text | str:
    """A quarter under ``ytd:``: the lũy kế to its last month is written with that month."""
    quarter = parse_period(key) if isinstance(key, str) else None
    return Text("hint.ytd_month", month=f"{quarter.year}-{quarter.last:02d}") if quarter is not None else ""


def year(c: Checks, key: object, path: KeyPath, ident: str) -> int | None:
    if isinstance(key, bool) or not isinstance(key, int):
        c.add(path, Text("actuals.year", found=describe(key), hint=quotes_hint(key)), ident, str(key))
        return None
    if key not in YEARS:
        c.add(path, Text("actuals.year_range", low=YEARS.start, high=YEARS.stop - 1, found=key), ident, str(key))
        return None
    return key


def published_records(
    c: Checks, value: object, path: KeyPath, ident: str, plans: dict[str, Plan],
    months: dict[str, dict[str, tuple[MonthPublished, ...]]] | None = None,
) -> PublishedByPlan:
    """What reports printed: plan id -> table / text -> figures; a monthly report's percentages
    under ``months`` (period -> figures) go into ``months``."""
    found: PublishedByPlan = {}
    for plan_id, sources in (c.mapping(value, path, "what.published", ident, "published") or {}).items():
        here = path + (plan_id,)
        if plan_id not in plans:
            if c.known:
                c.add(here, Text("actuals.no_plan", id=repr(plan_id)), ident, "published")
            continue
        records = []
        for source, record in (c.mapping(sources, here, "what.sources", ident, "published") or {}).items():
            if source == MONTHS:
                found_months = month_records(c, record, here + (source,), ident, plans[plan_id])
                if months is not None and found_months:
                    months.setdefault(ident, {})[plan_id] = found_months
                continue
            if source not in SOURCES:
                c.add(here + (source,), Text("actuals.source", found=repr(source)), ident, "published")
                continue
            records.append(published(c, record, here + (source,), ident, source, plans[plan_id]))
        found[plan_id] = tuple(records)
    return found


def published(c: Checks, value: object, path: KeyPath, ident: str, source: str, plan: Plan) -> Published:
    record = c.mapping(value, path, "what.published_figures", ident, "published") or {}
    c.keys(record, path, yaml_keys.PUBLISHED, ident)
    figures: dict[str, Any] = {}
    for key in yaml_keys.PUBLISHED:
        if key == "assessment" and isinstance(record.get(key), str) and class_named(record[key], plan.settings.classes):
            figures[key] = record[key]  # a class the plan names ("Gần đạt"): the audit reads it as that class
        elif key in record and key in FIGURE_CHECKS:
            figures[key] = FIGURE_CHECKS[key](c, record[key], path + (key,), ident, f"published.{key}")
    if "as_of" in record:  # the year the report's figures are as of: the year its audit uses
        years = range(plan.base_year, plan.target_year + 1)
        figures["as_of"] = c.integer(record["as_of"], path + ("as_of",), ident, "published.as_of", years)
    if "date" in record:  # the report's date: its audit uses the values recorded by then
        from .history_schema import day

        figures["date"] = day(c, record["date"], path + ("date",), ident, "published.date")
    return Published(source, **figures)


def month_records(c: Checks, value: object, path: KeyPath, ident: str, plan: Plan) -> tuple[MonthPublished, ...]:
    """``months: {2026-06: {plan_pct: 70, change_pct: 16.98}}``: what a monthly report printed as
    of a month (or a quarter) of the plan's year."""
    found = []
    for key, record in (c.mapping(value, path, "what.published_months", ident, "published") or {}).items():
        here = path + (key,)
        period = parse_period(key) if type(key) is str else None
        if period is None or not plan.base_year < period.year <= plan.target_year:
            first, last = plan.base_year + 1, plan.target_year
            years = Text("actuals.published_years", first=first, last=last) if first < last else Text("actuals.published_year", year=last)
            c.add(here, Text("actuals.published_month", found=repr(key), years=years, year=last), ident, "published")
            period = None  # its figures are still checked: every problem is said at once (README "kpi validate")
        figures = c.mapping(record, here, "what.published_figures", ident, "published") or {}
        c.keys(figures, here, yaml_keys.MONTH_PUBLISHED, ident)
        numbers = {k: c.number(figures[k], here + (k,), ident, f"published.{k}") for k in yaml_keys.MONTH_PUBLISHED if k in figures}
        if period is not None:
            found.append(MonthPublished(period, **numbers))
    return tuple(found)


def assessment(c: Checks, value: object, path: KeyPath, ident: str, fld: str) -> str | None:
    """An assessment as a report prints it, which the audit must be able to read."""
    from ..core.classify import parse_assessment

    text = c.text(value, path, ident, fld)
    if text is None:
        return None
    try:
        parse_assessment(text)
    except ValueError:
        c.add(path, Text("actuals.assessment", found=repr(text)), ident, fld)
        return None
    return text


#: published field -> its check; every other figure is a number
FIGURE_CHECKS: dict[str, Any] = {key: Checks.number for key in yaml_keys.PUBLISHED if key not in ("as_of", "date")} | {"assessment": assessment}


def warn_unknown_meaning(c: Checks, indicators: dict[str, Indicator], plans: dict[str, Plan], periods: dict[str, tuple[PeriodPoint, ...]]) -> None:
    """An indicator with values within the year whose unit and kind do not say what they mean
    (a flow, a level, a rate) gets no within-year figure: say so, and how to declare it."""
    from ..core.periods import within_year as meaning_of

    targets: dict[str, Target] = {}
    for plan in plans.values():
        for row in plan.rows:
            targets.setdefault(row.indicator, row.target)
    for ident in periods:
        if meaning_of(indicators[ident], targets.get(ident)) is None:
            c.add(("series", ident), Text("actuals.within_year_unknown"), ident, "within_year", warning=True)
