"""Loading targets.yaml and actuals.yaml into a Dataset, reporting every problem at once.

Files are parsed fast (yamlio.parse); the plain data is then checked field by field. Problems are
collected with the path of the offending value, and only when there are some is the file composed
again to turn paths into line:column (yamlio.locate). Errors raise DataError with all of them.
"""

from __future__ import annotations

import math
from typing import Any
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlio
from ..core.calc import MAX_MAGNITUDE, share_totals
from .datadir import ACTUALS, TARGETS, shown
from ..errors import DataError, Problem
from ..core.model import (
    GROUP_KINDS,
    PUBLISHED_FIELDS,
    Dataset,
    Direction,
    Indicator,
    Kind,
    Plan,
    PlanRow,
    Point,
    PointStatus,
    ForecastMethod,
    Published,
    PublishedSummary,
    Settings,
    Target,
)

SCHEMA_VERSION = 1
YEARS = range(1900, 2201)  # years outside this are typos, not data
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_VI_DECIMAL = re.compile(r"\s*[-+]?\d+,\d+\s*%?\s*")
_VI_THOUSANDS = re.compile(r"\s*[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?\s*")


def read(folder: Path) -> tuple[Dataset, list[Problem]]:
    """Load both files of a folder; raise DataError listing every problem, else return the
    dataset and the warnings."""
    return parse_files(folder, read_files(folder))


def read_files(folder: Path) -> dict[str, bytes]:
    """The bytes of targets.yaml and actuals.yaml; DataError if either cannot be read."""
    files, problems = {}, []
    for name in (TARGETS, ACTUALS):
        path = folder / name
        try:
            files[name] = path.read_bytes()
        except FileNotFoundError:
            problems.append(Problem(shown(path), 0, 0, "file not found"))
        except OSError as err:
            problems.append(Problem(shown(path), 0, 0, f"cannot read: {err.strerror}"))
    if problems:
        raise DataError(problems)
    return files


def parse_files(folder: Path, files: dict[str, bytes]) -> tuple[Dataset, list[Problem]]:
    texts, problems = {}, []
    for name in (TARGETS, ACTUALS):
        try:
            texts[name] = yamlio.decode(shown(folder / name), files[name])
        except DataError as err:
            problems += err.problems
    if problems:
        raise DataError(problems)
    return load_texts(texts[TARGETS], texts[ACTUALS], shown(folder / TARGETS), shown(folder / ACTUALS))


def load_texts(
    targets_text: str, actuals_text: str, targets_name: str = TARGETS, actuals_name: str = ACTUALS
) -> tuple[Dataset, list[Problem]]:
    """Parse and check the two documents; the pure part of loading, used by tests directly."""
    problems: list[Problem] = []
    parsed = {}
    tabbed = {targets_name: yamlio.tab_indented(targets_text), actuals_name: yamlio.tab_indented(actuals_text)}
    targets_text, actuals_text = yamlio.normalize(targets_text), yamlio.normalize(actuals_text)
    for name, text in ((targets_name, targets_text), (actuals_name, actuals_text)):
        try:
            parsed[name], found = yamlio.parse(name, text, tabbed[name])
        except DataError as err:
            problems += err.problems
            continue
        problems += found
    if any(not p.warning for p in problems):
        raise DataError(problems)

    targets = Checker(targets_name, targets_text)
    indicators, plans = targets.targets(parsed[targets_name])
    targets_ok = not targets.pending or all(p.warning for p in targets.pending)
    actuals = Checker(actuals_name, actuals_text, known=targets_ok)
    series, published = actuals.actuals(parsed[actuals_name], indicators, plans)
    problems += targets.problems() + actuals.problems()
    errors = [p for p in problems if not p.warning]
    if errors:
        raise DataError(problems)
    sums = Checker(actuals_name, actuals_text)  # needs the checked data: a second, short pass
    sums.composition_sums(indicators, plans, series)
    problems += sums.problems()
    return Dataset(indicators, plans, series, published), sorted(p for p in problems if p.warning)


# --- checking ----------------------------------------------------------------------------------


@dataclass
class _Pending:
    path: tuple
    message: str
    indicator: str = ""
    field: str = ""
    warning: bool = False


@dataclass
class Checker:
    """Checks one file's plain data, remembering each problem with the path of its value."""

    name: str
    source: str  # the file's text, composed again only to locate problems
    known: bool = True  # False when targets.yaml is broken: skip checks that refer to it
    pending: list[_Pending] = field(default_factory=list)

    def add(self, path: tuple, message: str, indicator: str = "", fld: str = "", warning=False):
        self.pending.append(_Pending(path, message, indicator, fld, warning))

    def problems(self) -> list[Problem]:
        if not self.pending:
            return []
        root = yamlio.compose(self.source)
        return [
            Problem(self.name, *yamlio.locate(root, p.path), p.message, p.indicator, p.field, p.warning)
            for p in self.pending
        ]

    # -- scalar checks: each returns the value or None after recording the problem --

    def mapping(self, value, path, what, indicator="", fld="") -> dict | None:
        if isinstance(value, dict):
            return value
        self.add(path, f"expected a mapping ({what}), found {_describe(value)}", indicator, fld)
        return None

    def sequence(self, value, path, what, indicator="", fld="") -> list | None:
        if isinstance(value, list):
            return value
        self.add(path, f"expected a list ({what}), found {_describe(value)}", indicator, fld)
        return None

    def text(self, value, path, indicator="", fld="", required=True) -> str | None:
        if isinstance(value, str) and value.strip():
            return value.strip()
        if value is None and not required:
            return None
        self.add(path, f"expected text, found {_describe(value)}", indicator, fld)
        return None

    def number(self, value, path, indicator="", fld="") -> float | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(path, f"expected a number, found {_describe(value)}{number_hint(value)}", indicator, fld)
            return None
        if not math.isfinite(value):
            self.add(path, f"expected a finite number, found {value}", indicator, fld)
            return None
        if abs(value) >= MAX_MAGNITUDE:
            self.add(path, f"expected a number below {MAX_MAGNITUDE:.0e} in size, found {value:g}", indicator, fld)
            return None
        return float(value)

    def integer(self, value, path, indicator="", fld="", allowed: range | None = None) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            hint = " (write it without quotes)" if isinstance(value, str) and value.strip().isdigit() else ""
            self.add(path, f"expected a whole number, found {_describe(value)}{hint}", indicator, fld)
            return None
        if allowed is not None and value not in allowed:
            self.add(path, f"expected a number from {allowed.start} to {allowed.stop - 1}, found {value}", indicator, fld)
            return None
        return value

    def choice(self, value, path, enum, indicator="", fld=""):
        try:
            return enum(value)
        except ValueError:
            options = ", ".join(e.value for e in enum)
            self.add(path, f"expected one of {options}, found {_describe(value)}", indicator, fld)
            return None

    def keys(self, mapping: dict, path, allowed: tuple, indicator="", required: tuple = ()):
        for key in mapping:
            if key not in allowed:
                from difflib import get_close_matches  # only when a field is misspelt

                close = get_close_matches(str(key), allowed, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"expected one of {', '.join(allowed)}"
                self.add(path + (key,), f"unknown field {key!r} ({hint})", indicator, str(key))
        for key in required:
            if key not in mapping:
                self.add(path, f"missing field {key!r}", indicator, key)

    def top(self, data, allowed: tuple) -> dict | None:
        """The top mapping, or None when the file is empty (nothing else is worth checking)."""
        if data is None:
            self.add((), "the file is empty")
            return None
        mapping = self.mapping(data, (), "the top of the file")
        if mapping is None:
            return {}
        self.keys(mapping, (), allowed)
        version = mapping.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            self.add(("schema_version",), f"this kpi reads schema_version {SCHEMA_VERSION}, found {version!r}")
        return mapping

    # -- targets.yaml --

    def targets(self, data) -> tuple[dict[str, Indicator], dict[str, Plan]]:
        top = self.top(data, ("schema_version", "indicators", "plans"))
        if top is None:
            return {}, {}
        indicators = self.indicators(top.get("indicators"), ("indicators",))
        plans = {}
        entries = self.sequence(top.get("plans"), ("plans",), "the plans") or []
        for i, entry in enumerate(entries):
            plan = self.plan(entry, ("plans", i), indicators)
            if plan is None:
                continue
            if plan.id in plans:
                self.add(("plans", i, "id"), f"duplicate plan id {plan.id!r}", fld="id")
            plans[plan.id] = plan
        return indicators, plans

    def indicators(self, entries, path) -> dict[str, Indicator]:
        found: dict[str, Indicator] = {}
        lines: dict[str, tuple] = {}
        for i, entry in enumerate(self.sequence(entries, path, "the indicators") or []):
            here = path + (i,)
            entry = self.mapping(entry, here, "an indicator")
            if entry is None:
                continue
            ident = self.identifier(entry.get("id"), here + ("id",))
            self.keys(entry, here, ("id", "name", "name_en", "unit", "unit_en", "parent"), ident or "", ("id", "name"))
            if ident is None:
                continue
            if ident in found:
                self.add(here + ("id",), f"duplicate indicator id (first at entry {lines[ident][-1] + 1})", ident, "id")
                continue
            texts = {
                key: self.text(entry.get(key), here + (key,), ident, key, required=key == "name") or ""
                for key in ("name", "name_en", "unit", "unit_en")
            }
            parent = self.text(entry.get("parent"), here + ("parent",), ident, "parent", required=False)
            found[ident] = Indicator(ident, parent=parent, **texts)
            lines[ident] = here
        for ident, indicator in found.items():
            if indicator.parent is not None and indicator.parent not in found:
                self.add(lines[ident] + ("parent",), f"no indicator has the id {indicator.parent!r}", ident, "parent")
        for ident in _cycles(found):
            self.add(lines[ident] + ("parent",), "its parents form a cycle", ident, "parent")
        return found

    def identifier(self, value, path) -> str | None:
        ident = self.text(value, path, fld="id")
        if ident is not None and not _ID.fullmatch(ident):
            self.add(path, f"expected a kebab-case id like 'grdp-growth', found {ident!r}", fld="id")
            return None
        return ident

    def plan(self, entry, path, indicators) -> Plan | None:
        entry = self.mapping(entry, path, "a plan")
        if entry is None:
            return None
        allowed = ("id", "name", "name_en", "base_year", "target_year", "settings", "published_summary", "targets")
        ident = self.identifier(entry.get("id"), path + ("id",))
        self.keys(entry, path, allowed, ident or "", ("id", "name", "base_year", "target_year", "targets"))
        who = ident or ""
        name = self.text(entry.get("name"), path + ("name",), who, "name")
        name_en = self.text(entry.get("name_en"), path + ("name_en",), who, "name_en", required=False) or ""
        base = self.integer(entry.get("base_year"), path + ("base_year",), who, "base_year", allowed=YEARS)
        end = self.integer(entry.get("target_year"), path + ("target_year",), who, "target_year", allowed=YEARS)
        if base is not None and end is not None and end <= base:
            self.add(path + ("target_year",), f"the target year must come after the base year {base}, found {end}", who, "target_year")
            end = None
        settings = self.settings(entry.get("settings"), path + ("settings",), who)
        summary = self.summary(entry.get("published_summary"), path + ("published_summary",), who)
        rows = self.rows(entry.get("targets"), path + ("targets",), indicators)
        if None in (ident, name, base, end):
            return None
        return Plan(ident, name, base, end, rows, name_en, settings, summary)

    def settings(self, value, path, plan: str) -> Settings:
        if value is None:
            return Settings()
        mapping = self.mapping(value, path, "the settings", plan, "settings") or {}
        self.keys(mapping, path, ("precision", "exceed_margin", "audit_tolerance", "forecast", "roadmap_from"), plan)
        found: dict = {}
        if "forecast" in mapping:
            found["forecast"] = self.choice(mapping["forecast"], path + ("forecast",), ForecastMethod, plan, "forecast")
        if "roadmap_from" in mapping:
            found["roadmap_from"] = self.integer(mapping["roadmap_from"], path + ("roadmap_from",), plan, "roadmap_from", range(1900, 2201))
        if "precision" in mapping:
            found["precision"] = self.integer(mapping["precision"], path + ("precision",), plan, "precision", range(0, 7))
        for key in ("exceed_margin", "audit_tolerance"):
            if key in mapping:
                number = self.number(mapping[key], path + (key,), plan, key)
                if number is not None and number < 0:
                    self.add(path + (key,), f"expected zero or more, found {number:g}", plan, key)
                    number = None
                found[key] = number
        return Settings(**{k: v for k, v in found.items() if v is not None})

    def summary(self, value, path, plan: str) -> PublishedSummary | None:
        if value is None:
            return None
        mapping = self.mapping(value, path, "the published summary", plan, "published_summary") or {}
        keys = ("total", "exceeded", "achieved", "not_achieved")
        self.keys(mapping, path, keys, plan, ("total",))
        counts = {
            key: self.integer(mapping[key], path + (key,), plan, key, range(0, 100_000_000))
            for key in keys
            if key in mapping
        }
        if counts.get("total") is None:
            return None
        return PublishedSummary(**counts)

    def rows(self, entries, path, indicators) -> tuple[PlanRow, ...]:
        rows = []
        seen: set[str] = set()
        for i, entry in enumerate(self.sequence(entries, path, "the targets") or []):
            here = path + (i,)
            entry = self.mapping(entry, here, "a target")
            if entry is None:
                continue
            ident = self.text(entry.get("indicator"), here + ("indicator",), fld="indicator")
            if False in entry:  # YAML 1.1 reads a bare `no:` key as the boolean false
                self.add(here, "YAML reads the key 'no' as false: write the row number as 'number'", ident or "", "number")
                entry.setdefault("number", entry.pop(False))
            self.keys(
                entry, here, ("indicator", "number", "kind", "direction", "value", "range", "strict"),
                ident or "", ("indicator", "number", "kind"),
            )
            if ident is not None and ident not in indicators:
                self.add(here + ("indicator",), f"no indicator has the id {ident!r}", ident, "indicator")
                ident = None
            if ident in seen:
                self.add(here + ("indicator",), "this plan already has a target for it", ident, "indicator")
                ident = None
            no = self.row_number(entry.get("number"), here + ("number",), ident or "")
            target = self.target(entry, here, ident or "")
            if ident is not None and no is not None and target is not None:
                seen.add(ident)
                rows.append(PlanRow(ident, no, target))
        return tuple(rows)

    def row_number(self, value, path, ident) -> str | None:
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, float):
            self.add(path, f'expected the number as printed, in quotes (number: "{value}")', ident, "number")
            return None
        return self.text(value, path, ident, "number")

    def target(self, entry, path, ident) -> Target | None:
        kind = self.choice(entry.get("kind"), path + ("kind",), Kind, ident, "kind")
        direction = Direction.AT_LEAST
        if "direction" in entry:
            direction = self.choice(entry["direction"], path + ("direction",), Direction, ident, "direction")
        strict = entry.get("strict", kind is Kind.THRESHOLD)
        if not isinstance(strict, bool):
            self.add(path + ("strict",), f"expected true or false, found {_describe(strict)}", ident, "strict")
        if kind is None or direction is None:
            return None
        if kind in GROUP_KINDS:
            for key in ("value", "range"):
                if key in entry:
                    self.add(path + (key,), f"a {kind.value} is rated by its sub-indicators and takes no {key}", ident, key)
            return Target(kind)
        value, upper = self.target_value(entry, path, ident, kind)
        if value is None:
            return None
        return Target(kind, direction, value, upper, bool(strict))

    def target_value(self, entry, path, ident, kind) -> tuple[float | None, float | None]:
        if ("value" in entry) == ("range" in entry):
            self.add(path, "expected exactly one of 'value' or 'range' (the target)", ident, "value")
            return None, None
        if "value" in entry:
            return self.number(entry["value"], path + ("value",), ident, "value"), None
        if kind not in (Kind.GROWTH, Kind.AVERAGE, Kind.LEVEL):
            self.add(path + ("range",), f"a {kind.value} target cannot be a range", ident, "range")
            return None, None
        bounds = self.sequence(entry["range"], path + ("range",), "[low, high]", ident, "range")
        if bounds is None or len(bounds) != 2:
            if bounds is not None:
                self.add(path + ("range",), f"expected [low, high], found {len(bounds)} numbers", ident, "range")
            return None, None
        low, high = (self.number(b, path + ("range", j), ident, "range") for j, b in enumerate(bounds))
        if low is not None and high is not None and low >= high:
            self.add(path + ("range",), f"expected low < high, found [{low:g}, {high:g}]", ident, "range")
            return None, None
        return low, high

    # -- actuals.yaml --

    def actuals(self, data, indicators, plans):
        top = self.top(data, ("schema_version", "series"))
        if top is None:
            return {}, {}
        entries = self.mapping(top.get("series", {}), ("series",), "indicator id -> values") or {}
        series: dict[str, tuple[Point, ...]] = {}
        published: dict[str, dict[str, tuple[Published, ...]]] = {}
        years = [range(p.base_year, p.target_year + 1) for p in plans.values()]
        for ident, entry in entries.items():
            here = ("series", ident)
            if ident not in indicators:
                if self.known:  # after a broken targets.yaml every id would look unknown
                    self.add(here, "values for an indicator that targets.yaml does not define", str(ident))
                continue
            entry = self.mapping(entry, here, "actual / estimate / plan / published", ident)
            if entry is None:
                continue
            self.keys(entry, here, tuple(s.value for s in PointStatus) + ("published",), ident)
            points = self.points(entry, here, ident, years)
            if points:
                series[ident] = points
            if "published" in entry:
                published[ident] = self.published(entry["published"], here + ("published",), ident, plans)
        return series, published

    def composition_sums(self, indicators, plans, series) -> None:
        """Warn where the shares of a composition (GRDP structure) do not add up to 100."""
        for plan in plans.values():
            for row in plan.rows:
                if row.target.kind is not Kind.COMPOSITION:
                    continue
                shares = [r.indicator for r in plan.rows if indicators[r.indicator].parent == row.indicator]
                totals = share_totals([[(p.year, p.value) for p in series.get(share, ())] for share in shares])
                for year, total in totals.items():
                    if abs(total - 100) > plan.settings.audit_tolerance + 1e-9:
                        path = ("series", shares[0], _status_of(series[shares[0]], year), year)
                        self.add(path, f"the shares of {row.indicator} add up to {total:g}, not 100", row.indicator, str(year), warning=True)

    def points(self, entry, path, ident, plan_years) -> tuple[Point, ...]:
        by_year: dict[int, Point] = {}
        for status in PointStatus:
            if status.value not in entry:
                continue
            values = self.mapping(entry[status.value], path + (status.value,), "year: value", ident, status.value)
            for year, raw in (values or {}).items():
                here = path + (status.value, year)
                label = str(year)
                if isinstance(year, bool) or not isinstance(year, int):
                    hint = " (write it without quotes)" if isinstance(year, str) and year.strip().isdigit() else ""
                    self.add(here, f"expected a year, found {_describe(year)}{hint}", ident, label)
                    continue
                if year not in YEARS:
                    self.add(here, f"expected a year from {YEARS.start} to {YEARS.stop - 1}, found {year}", ident, label)
                    continue
                value = self.number(raw, here, ident, label)
                if value is None:
                    continue
                if year in by_year:
                    self.add(here, f"the year also has a value as {by_year[year].status.value}", ident, label)
                    continue
                if self.known and plan_years and not any(year in r for r in plan_years):
                    self.add(here, "the year is outside every plan", ident, label, warning=True)
                by_year[year] = Point(year, value, status)
        return tuple(by_year[y] for y in sorted(by_year))

    def published(self, value, path, ident, plans) -> dict[str, tuple[Published, ...]]:
        found = {}
        for plan_id, sources in (self.mapping(value, path, "plan id -> table / text", ident, "published") or {}).items():
            here = path + (plan_id,)
            if plan_id not in plans:
                if self.known:
                    self.add(here, f"no plan has the id {plan_id!r}", ident, "published")
                continue
            records = []
            for source, record in (self.mapping(sources, here, "table / text", ident, "published") or {}).items():
                if source not in ("table", "text"):
                    self.add(here + (source,), f"expected table or text, found {source!r}", ident, "published")
                    continue
                record = self.mapping(record, here + (source,), "published figures", ident, "published") or {}
                self.keys(record, here + (source,), PUBLISHED_FIELDS + ("as_of",), ident)
                figures: dict[str, Any] = {}
                for key in PUBLISHED_FIELDS[:-1]:
                    if key in record:
                        figures[key] = self.number(record[key], here + (source, key), ident, f"published.{key}")
                if "assessment" in record:
                    figures["assessment"] = self.assessment(record["assessment"], here + (source, "assessment"), ident)
                if "as_of" in record:  # the year the report's figures are as of: its audit year
                    plan = plans[plan_id]
                    years = range(plan.base_year, plan.target_year + 1)
                    figures["as_of"] = self.integer(record["as_of"], here + (source, "as_of"), ident, "published.as_of", years)
                records.append(Published(source, **figures))
            found[plan_id] = tuple(records)
        return found

    def assessment(self, value, path, ident) -> str | None:
        from ..core.classify import parse_assessment

        text = self.text(value, path, ident, "published.assessment")
        if text is None:
            return None
        try:
            parse_assessment(text)
        except ValueError:
            self.add(path, f"expected an assessment like 'Vượt 2,5%', 'Đạt' or 'Khó đạt', found {text!r}", ident, "published.assessment")
            return None
        return text


def _status_of(points: tuple[Point, ...], year: int) -> str:
    return next(p.status.value for p in points if p.year == year)


def _describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def number_hint(value) -> str:
    """Vietnamese number writing gets a precise hint rather than a bare "expected a number"."""
    if not isinstance(value, str):
        return ""
    if _VI_DECIMAL.fullmatch(value):
        return f" (use {value.strip().rstrip('%').strip().replace(',', '.')})"
    if _VI_THOUSANDS.fullmatch(value):
        whole, _, decimals = value.strip().partition(",")
        plain = whole.replace(".", "") + (f".{decimals}" if decimals else "")
        return f" (use {plain})"
    return ""


def _cycles(indicators: dict[str, Indicator]) -> list[str]:
    """Ids whose chain of parents comes back to itself."""
    looping = []
    for start in indicators:
        seen = {start}
        current = indicators[start].parent
        while current in indicators:
            if current in seen:
                if current == start:
                    looping.append(start)
                break
            seen.add(current)
            current = indicators[current].parent
    return looping
