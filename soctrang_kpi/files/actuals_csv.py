"""actuals.csv: values as statistics offices hand them over, one a row (README "Territory").

Columns ``indicator,area,period,value,status,note`` (``note`` may be left out), in any order, read
beside actuals.yaml or instead of it. ``area`` empty is the territory itself; ``period`` is a year
(2025), a month (2026-06) or a quarter (2026-Q2), as `kpi record` takes them; ``status`` is one of
actual, preliminary, estimate, plan. A value is checked as in actuals.yaml (5,76 and 41.200 are
refused with the hint), every problem one line naming the file, its line, the indicator and the
column, and a value given twice — in the file, or in the file and actuals.yaml — is an error.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

from . import regular, yamlio
from .checks import Checks, describe, thousands_hint
from .datadir import ACTUALS, ACTUALS_CSV, shown
from ..core.areas import root
from ..core.model import Dataset, Period, PeriodPoint, Point, PointStatus
from ..errors import DataError, Problem, UsageError
from ..messages import Text

NAME = ACTUALS_CSV
COLUMNS = ("indicator", "area", "period", "value", "status", "note")
REQUIRED = COLUMNS[:5]
MAX_BYTES = 256 * 1024 * 1024  # 3.321 communes × 20 indicators × 6 years is about 25 MB
_INTEGER = r"-?\d{1,15}"  # compiled on first use (re's cache)
_DECIMAL = r"-?\d{1,15}\.\d{1,15}"
#: the everyday value: a plain number, except 41.200 (one to three digits, a dot, three digits),
#: which reads two ways and takes the slow path (an error, or a decimal of a precise indicator)
UNAMBIGUOUS = r"-?(?:\d{1,15}|\d{4,15}\.\d{1,15}|\d{1,3}\.(?:\d{1,2}|\d{4,15}))"
_THOUSANDS = r"-?\d{1,3}\.\d{3}"  # 41.200: thousands, or a decimal? refused unless precise
_STATUSES = {s.value: s for s in PointStatus}
_YEARS = {str(y): y for y in range(1900, 2201)}


def path_of(folder: Path) -> Path:
    return folder / NAME


def beside(folder: Path, dataset: Dataset, warnings: list[Problem]) -> tuple[Dataset, list[Problem]]:
    """The dataset with the values of ``folder``'s actuals.csv added, when there is one."""
    path = path_of(folder)
    if not path.exists():
        return dataset, warnings
    name = shown(path)
    text = yamlio.decode(name, regular.read(path, name, MAX_BYTES))
    return merge(dataset, text, name, warnings, folder / ACTUALS)


def merge(
    dataset: Dataset, text: str, name: str = NAME, warnings: list[Problem] | None = None, yaml: Path | None = None,
) -> tuple[Dataset, list[Problem]]:
    """``text`` read as actuals.csv into ``dataset``: DataError listing every problem, else the
    dataset and the warnings (those given, and the file's). ``yaml``: the actuals.yaml the
    dataset was read from, whose line a value given in both files is said with."""
    reader = _Reader(dataset, name, yaml)
    reader.read(text)
    problems = reader.problems
    if any(not p.warning for p in problems):
        raise DataError(problems)
    merged = reader.merged()
    reader.warn(merged)
    return merged, sorted((warnings or []) + problems)


def first_line(text: str, area: str, ident: str, when: str, top: str | None) -> int:
    """The first line of actuals.csv ``text`` that gives ``ident`` of ``when`` (a year or a
    period as written) for ``area`` ("" or ``top``: the territory); 0 when none does."""
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    names = [h.strip().lower() for h in next(rows, [])]
    if not set(REQUIRED) <= set(names):
        return 0
    at = {c: names.index(c) for c in names}
    for number, row in enumerate(rows, start=2):
        if len(row) == len(names) and row[at["indicator"]].strip() == ident and row[at["period"]].strip() == when:
            if row[at["area"]].strip() in ((area,) if area else ("", top)):
                return number
    return 0


def gives(folder: Path, dataset: Dataset, area: str, ident: str, when: str) -> int:
    """The line of ``folder``'s actuals.csv that gives this value (0: none, or no such file):
    `kpi record` then says to change it there (README "Territory")."""
    path = path_of(folder)
    if not path.exists():
        return 0
    name = shown(path)
    text = yamlio.decode(name, regular.read(path, name, MAX_BYTES))
    return first_line(text, area, ident, when, root(dataset.areas))


class _Reader:
    def __init__(self, dataset: Dataset, name: str, yaml: Path | None = None) -> None:
        self.dataset = dataset
        self.name = name
        self.yaml = yaml
        #: actuals.yaml's line of a path, read at the first value given in both files (None: not yet)
        self._yaml_lines: Callable[[tuple], int] | None = None
        self.problems: list[Problem] = []
        self.top = root(dataset.areas)
        self.precise = frozenset(i for i, one in dataset.indicators.items() if one.precision is not None and one.precision >= 3)
        self.plan_years = frozenset(y for p in dataset.plans.values() for y in range(p.base_year, p.target_year + 1))
        #: area ("" for the territory) -> indicator -> year -> point, and periods of the territory
        self.years: dict[str, dict[str, dict[int, Point]]] = {}
        self.text = ""
        self.periods: dict[str, dict[Period, PeriodPoint]] = {}
        self.lines: dict[tuple[str, str, object], int] = {}

    def add(self, line: int, message: Text, indicator: str = "", fld: str = "", warning: bool = False) -> None:
        self.problems.append(Problem(self.name, line, 0, message, indicator, fld, warning))

    def read(self, text: str) -> None:
        self.text = text
        rows = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
        header = next(rows, None)
        if header is None:
            self.add(1, Text("file.empty"))
            return
        names = [h.strip().lower() for h in header]
        unknown = [h for h in names if h not in COLUMNS]
        missing = [c for c in REQUIRED if c not in names]
        if unknown or missing or len(set(names)) != len(names):
            self.add(1, Text("csv.header", expected=",".join(COLUMNS), found=",".join(header)))
            return
        at = {c: names.index(c) for c in names}
        try:
            self.rows(rows, at, len(names))
        except csv.Error as err:  # a NUL byte, a cell past csv's field limit: said, never a traceback
            self.add(rows.line_num, Text("csv.unreadable", reason=str(err)))

    def rows(self, rows, at: dict[str, int], width: int) -> None:
        known, areas, top = self.dataset.indicators, self.dataset.areas, self.top
        i_ind, i_area, i_period, i_value, i_status = (at[c] for c in REQUIRED)
        i_note = at.get("note")
        plan_years, years = self.plan_years, self.years
        in_yaml = self._yaml_years()
        plain = re.compile(UNAMBIGUOUS, re.ASCII).fullmatch
        status_of, year_of = _STATUSES.get, _YEARS.get
        make = tuple.__new__  # a Point without its Python-level __new__: a third of the time per row;
        # every field given (source, recorded: none in a table), as Point's defaults would be
        last_area: str | None = None
        last_ident: str | None = None
        series: dict[int, Point] = {}
        last_key = ""
        noted = i_note is not None
        standard = width == len(COLUMNS) and all(at[c] == i for i, c in enumerate(COLUMNS))
        for row in rows:
            # the everyday row, checked inline: 400.000 of them are read in one run; rows come
            # grouped by area and indicator, so the series of the row before is tried first
            if standard and len(row) == 6:
                ident, area, period, text, state, note = row  # the columns in the documented order
                status, year = status_of(state), year_of(period)
            elif len(row) == width:
                ident, area, text = row[i_ind], row[i_area], row[i_value]
                status, year = status_of(row[i_status]), year_of(row[i_period])
                note = row[i_note] if noted else ""
            else:
                status = year = None
            if status is not None and year is not None:
                if plain(text):
                    if ident != last_ident or area != last_area:
                        if ident not in known or (area and area not in areas):
                            self.slow(rows.line_num, row, at, width)
                            continue
                        key = "" if area == top else area
                        by_area = years.get(key)
                        if by_area is None:
                            by_area = years[key] = {}
                        found = by_area.get(ident)
                        if found is None:
                            found = by_area[ident] = {}
                        series, last_area, last_ident, last_key = found, area, ident, key
                    if year not in series and (not in_yaml or (last_key, ident, year) not in in_yaml):
                        series[year] = make(Point, (year, float(text), status, note.strip() if note else "", "", None))
                        continue
            self.slow(rows.line_num, row, at, width)
        if plan_years:  # a year outside every plan: a warning, as in actuals.yaml (one set per series)
            for area, by_area in years.items():
                for ident, found in by_area.items():
                    for year in sorted(found.keys() - plan_years):
                        line = self.first_line(area, ident, year)
                        self.add(line, Text("actuals.year_outside_plans"), ident, "period", warning=True)

    def first_line(self, area: str, ident: str, when: int | Period) -> int:
        """The line that gave a value first, found again only when it is given twice."""
        return first_line(self.text, area, ident, str(when), self.top)

    def _yaml_years(self) -> frozenset[tuple[str, str, int]]:
        """The (area, indicator, year) actuals.yaml gives a value of: one may not be given twice."""
        found = {("", ident, p.year) for ident, points in self.dataset.series.items() for p in points}
        for area, series in self.dataset.by_area.items():
            found |= {(area, ident, p.year) for ident, points in series.items() for p in points}
        return frozenset(found)

    def slow(self, number: int, row: list[str], at: dict[str, int], width: int) -> None:
        """A row that is not the everyday one: checked field by field, each problem said."""
        known, areas = self.dataset.indicators, self.dataset.areas
        if not row or (len(row) == 1 and not row[0].strip()):
            return
        if len(row) != width:
            self.add(number, Text("csv.width", expected=width, found=len(row)))
            return
        ident, area = row[at["indicator"]].strip(), row[at["area"]].strip()
        if ident not in known:
            self.add(number, Text("actuals.unknown_indicator"), ident, "indicator")
            return
        if area and area not in areas:
            self.add(number, Text("areas.unknown", area=repr(area)), ident, "area")
            return
        status = _STATUSES.get(row[at["status"]].strip())
        if status is None:
            options = ", ".join(_STATUSES)
            self.add(number, Text("check.choice", options=options, found=describe(row[at["status"]])), ident, "status")
            return
        value = self.number(row[at["value"]].strip(), number, ident)
        when = self.period(row[at["period"]].strip(), number, ident)
        if value is None or when is None:
            return
        note = row[at["note"]].strip() if "note" in at else ""
        self.keep(number, "" if area == self.top else area, ident, when, value, status, note)

    def number(self, text: str, line: int, ident: str) -> float | None:
        if re.fullmatch(_INTEGER, text):
            return float(text)
        if re.fullmatch(_DECIMAL, text) and (ident in self.precise or not re.fullmatch(_THOUSANDS, text)):
            return float(text)
        from .record import parse_value

        try:
            found = parse_value(text)
        except UsageError as err:
            self.add(line, err.args[0], ident, "value")
            return None
        if found.ambiguous and ident not in self.precise:
            self.add(line, Text("check.ambiguous", found=text, hint=thousands_hint(text)), ident, "value")
            return None
        return float(found.number)

    def period(self, text: str, line: int, ident: str) -> int | Period | None:
        year = _YEARS.get(text)
        if year is not None:
            return year
        from ..core.periods import parse_period

        found = parse_period(text)
        if found is None or found.year not in _YEARS.values():
            self.add(line, Text("csv.period", found=describe(text)), ident, "period")  # a year is a period here
            return None
        return found

    def keep(self, line: int, area: str, ident: str, when: int | Period, value: float, status: PointStatus, note: str) -> None:
        key = (area, ident, when)
        if key in self.lines or (isinstance(when, int) and when in self.years.get(area, {}).get(ident, {})):
            self.add(line, Text("csv.twice", line=self.lines.get(key) or self.first_line(area, ident, when)), ident, "period")
            return
        self.lines[key] = line
        if not isinstance(when, int) and self.plan_years and when.year not in self.plan_years:  # (years: after the rows)
            self.add(line, Text("actuals.year_outside_plans"), ident, "period", warning=True)
        if isinstance(when, int):
            if self._in_yaml(area, ident, when):
                self.add(line, self._also_in_yaml(area, ident, when), ident, "period")
                return
            self.years.setdefault(area, {}).setdefault(ident, {})[when] = Point(when, value, status, note)
            return
        if status is PointStatus.PLAN:
            self.add(line, Text("actuals.period_plan"), ident, "period")
            return
        if area:
            self.add(line, Text("areas.no_periods"), ident, "period", warning=True)
            return
        if any(p.period == when for p in self.dataset.periods.get(ident, ())):
            self.add(line, self._also_in_yaml(area, ident, when), ident, "period")
            return
        self.periods.setdefault(ident, {})[when] = PeriodPoint(when, value, status, note)

    def _also_in_yaml(self, area: str, ident: str, when: int | Period) -> Text:
        """A value actuals.yaml gives too, said with the line there that gives it (README
        "Territory": a value given twice names the other line); without it, the file alone."""
        if isinstance(when, int):
            points = self.dataset.by_area.get(area, {}).get(ident, ()) if area else self.dataset.series.get(ident, ())
            status = next(p.status for p in points if p.year == when)
            path: tuple = (("areas", area) if area else ("series",)) + (ident, status.value, when)
        else:
            point = next(p for p in self.dataset.periods.get(ident, ()) if p.period == when)
            path = ("series", ident, point.status.value, when.key)  # a row is never a lũy kế (no ytd: column)
        line = self._yaml_line(path)
        yaml = shown(self.yaml) if self.yaml is not None else ACTUALS
        where = f"{yaml}:{line}" if line else yaml
        return Text("csv.in_yaml", year=when if isinstance(when, int) else when.key, where=where)

    def _yaml_line(self, path: tuple) -> int:
        """The line of actuals.yaml with the value at ``path``; 0 when there is none there (a
        value made from the parts) or the file cannot be read again."""
        if self.yaml is None:
            return 0
        if self._yaml_lines is None:
            try:
                name = shown(self.yaml)
                root = yamlio.compose(yamlio.decode(name, regular.read(self.yaml, name, yamlio.MAX_BYTES)))
            except (DataError, UsageError, OSError):
                root = None
            self._yaml_lines = yamlio.line_finder(root)
        return self._yaml_lines(path)

    def _in_yaml(self, area: str, ident: str, year: int) -> bool:
        points = self.dataset.by_area.get(area, {}).get(ident, ()) if area else self.dataset.series.get(ident, ())
        return any(p.year == year for p in points)

    def warn(self, merged: Dataset) -> None:
        """The loader's warnings of actuals.yaml's values (files/share_sums.py), of the file's own:
        a value of a period not ended by today (the loader's day, ``Dataset.today``), and a flow's
        months or quarters above its year, its year or its parts given here. Each at its row."""
        if not self.years and not self.periods:
            return
        from .share_sums import warn_future_periods, warn_year_parts

        for area, found in self.years.items():
            warn_future_periods(_AtRows(self, area), {i: tuple(y[k] for k in sorted(y)) for i, y in found.items()}, {}, merged.today)
        periods = {ident: tuple(sorted(months.values(), key=_in_order)) for ident, months in self.periods.items()}
        warn_future_periods(_AtRows(self, ""), {}, periods, merged.today)
        ids = set(self.years.get("", {})) | set(self.periods)
        if ids:
            own = _AtRows(self, "", {(i, y) for i, years in self.years.get("", {}).items() for y in years})
            own.given |= {(i, p.year) for i, months in self.periods.items() for p in months}
            warn_year_parts(
                own, merged.indicators, merged.plans, {i: merged.series.get(i, ()) for i in ids}, {i: merged.periods.get(i, ()) for i in ids},
            )

    def merged(self) -> Dataset:
        ds = self.dataset
        series = dict(ds.series)
        by_area = {a: dict(s) for a, s in ds.by_area.items()}
        for area, found in self.years.items():
            target = by_area.setdefault(area, {}) if area else series
            for ident, years in found.items():
                both = {p.year: p for p in target[ident]} | years if ident in target else years
                target[ident] = tuple(sorted(both.values()))  # by year: no year is there twice
        periods = dict(ds.periods)
        for ident, months in self.periods.items():
            both_periods = {p.period: p for p in periods.get(ident, ())} | months
            periods[ident] = tuple(sorted(both_periods.values(), key=_in_order))
        return ds._replace(series=series, by_area=by_area, periods=periods)


def _in_order(p: PeriodPoint) -> tuple[int, int, int, bool]:
    """The order of a series' periods (actuals_schema): by year, then month."""
    return (p.period.year, p.period.last, -p.period.first, p.period.ytd)


class _AtRows(Checks):
    """The loader's checks of values (files/share_sums.py) said at actuals.csv's rows: a value's
    path (``("series", indicator, …, year or period)``) is the row of ``area`` that gives it, else,
    a value of actuals.yaml's, the first row of the indicator's values of that year. ``given``:
    the (indicator, year) the file gives a value of; a warning of others is actuals.yaml's alone,
    said by the loader already (None: every one is the file's)."""

    def __init__(self, reader: _Reader, area: str, given: set[tuple[str, int]] | None = None) -> None:
        super().__init__(reader.name, "")
        self.reader, self.area = reader, area
        self.given = given if given is not None else set()
        self.every = given is None

    def add(self, path: tuple, message: Text, indicator: str = "", fld: str = "", warning: bool = False) -> None:
        when = str(path[-1])
        year = int(when[:4])
        if not self.every and (indicator, year) not in self.given:
            return
        reader = self.reader
        line = first_line(reader.text, self.area, indicator, when, reader.top) or _year_line(reader.text, indicator, year)
        reader.add(line, message, indicator, "period" if message.key.startswith("actuals.future_") else "value", warning)


def _year_line(text: str, ident: str, year: int) -> int:
    """The first line of actuals.csv ``text`` that gives a value of ``ident`` of ``year`` or a
    period of it, of the territory; 0 when none does."""
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    names = [h.strip().lower() for h in next(rows, [])]
    at = {c: names.index(c) for c in names}
    for number, row in enumerate(rows, start=2):
        if len(row) == len(names) and row[at["indicator"]].strip() == ident and row[at["period"]].strip().startswith(str(year)):
            return number
    return 0
