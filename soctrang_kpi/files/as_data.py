"""The model back into the plain data of the two files, and that data as YAML text.

``plan_data`` is the inverse of the schemas (targets_schema, actuals_schema) for one plan: its
indicators, its target rows, their yearly values and what its report published, with the keys
the files use (yaml_keys) and every field the loader would give back. `kpi export` carries it
inside the xlsx and docx it writes so that `kpi import` gives the same data back; `kpi import`
writes what it read as YAML text through yaml_text.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from ..core.kinds import GROUP_KINDS, KINDS
from ..core.model import Basis, Dataset, Direction, Drop, Kind, Plan, Point, PointStatus, PublishedSummary, Settings, Target

Data = dict[str, Any]


def plan_data(dataset: Dataset, plan: Plan, as_of: int | None = None) -> Data:
    """``{"targets": …, "actuals": …}`` for one plan, as the two files would hold it; with
    ``as_of``, only the values a reader sees as of that year (the roadmap whole). The parts of
    the plan's rows that have no target row of their own (a composition's "Thuế sản phẩm …",
    values only) come with it: without them the parts would no longer add up."""
    found: Data = whole(_plan_tree(dataset, plan, as_of))
    return found


def plan_json(head: Data, dataset: Dataset, plan: Plan, as_of: int | None = None) -> Iterator[str]:
    """``head | plan_data(…)`` as compact JSON (``json.dumps(…, ensure_ascii=False,
    separators=(",", ":"))``, the same characters), in pieces: the long lists (the indicators,
    the target rows, the series) are made and encoded ``BATCH`` items at a time, so neither the
    whole data nor its whole text is ever in memory (at 100.000 series, held whole, they took
    the peak of `kpi export` docx from 523 MB to 667 and of xlsx from 623 MB to 678, measured
    with /usr/bin/time -v)."""
    return pieces(head | _plan_tree(dataset, plan, as_of), _COMPACT.encode)


def _plan_tree(dataset: Dataset, plan: Plan, as_of: int | None) -> Data:
    """``plan_data`` with its long lists still to be made (``Lazy``)."""
    ids = [row.indicator for row in plan.rows]
    rowed = set(ids)
    ids += [i for i, indicator in dataset.indicators.items() if i not in rowed and indicator.parent in rowed]
    # a share's divisor; sets, not the list: looking each indicator up in the list of ids and
    # every row was quadratic (4,4 s of a 30.000-series export, 44 s at 100.000)
    divisors, listed = {row.target.of for row in plan.rows}, set(ids)
    ids += [i for i in dataset.indicators if i not in listed and i in divisors]
    wanted = set(ids)
    indicators = Lazy(indicator_data(dataset.indicators[i]) for i in dataset.indicators if i in wanted)
    targets: Data = {"schema_version": 1, "indicators": indicators, "plans": [plan_record(plan)]}
    if plan.area is not None and plan.area in dataset.areas:  # README "Territory": the area as a territory of its own
        targets = {"schema_version": 1, "areas": [_area_data(dataset.areas[plan.area])]} | targets
    return {
        "targets": targets,
        "actuals": {"schema_version": 1, "series": Lazy(_series_entries(dataset, plan, ids, as_of), pairs=True)},
    }


def _series_entries(dataset: Dataset, plan: Plan, ids: list[str], as_of: int | None) -> Iterator[tuple[str, Data]]:
    for ident in ids:
        entry = series_data(dataset.series.get(ident, ()), as_of, dataset.periods.get(ident, ()), dataset.history.get(ident, {}))
        published = dataset.published.get(ident, {}).get(plan.id)
        months = dataset.published_months.get(ident, {}).get(plan.id)
        if published or months:
            entry["published"] = {plan.id: {record.source: _published(record) for record in published or ()}}
        if months:
            entry["published"][plan.id]["months"] = {
                m.period.key: {k: v for k, v in m._asdict().items() if v is not None and k != "period"} for m in months
            }
        if entry:
            yield ident, entry


class Lazy:
    """A long list of the data (``pairs``: an object, from (key, value) pairs) made as it is
    read: ``pieces`` encodes it a batch at a time, ``whole`` makes it the list or dict it stands
    for. Its items hold nothing lazy."""

    __slots__ = ("items", "pairs")

    def __init__(self, items: Iterable[Any], pairs: bool = False) -> None:
        self.items = items
        self.pairs = pairs


def whole(value: Any) -> Any:
    """``value`` with each ``Lazy`` in it made the list or dict it stands for."""
    if type(value) is Lazy:
        return dict(value.items) if value.pairs else list(value.items)
    if type(value) is dict and _holds_lazy(value):
        return {key: whole(item) for key, item in value.items()}
    if type(value) is list and _holds_lazy(value):
        return [whole(item) for item in value]
    return value


#: items of a ``Lazy`` made and encoded at a time (one call of json's C encoder), gone before the
#: next batch: about 280 KB of text at 100.000 series. Measured at 10.000 series (processor time,
#: best of 3): batches of 1 to 1000 items took 0,15–0,22 s, as the whole data's json.dumps 0,19 s
BATCH = 1000
#: json.dumps(…, ensure_ascii=False, separators=(",", ":")): what `kpi export` has always embedded
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def pieces(value: Any, encode: Callable[[Any], str], batch: int = BATCH) -> Iterator[str]:
    """``encode(whole(value))`` in pieces, for an ``encode`` that writes a list or an object
    with "," between items and ":" after a key (compact JSON): the text of a batch of a
    ``Lazy``'s items is the list's (or object's) without its brackets. The keys of an object
    that holds a ``Lazy`` are text."""
    if type(value) is Lazy:
        items = iter(value.items)
        yield "{" if value.pairs else "["
        first = True
        while True:
            held = list(islice(items, batch))
            if not held:
                break
            text = encode(dict(held) if value.pairs else held)
            yield text[1:-1] if first else "," + text[1:-1]
            first = False
        yield "}" if value.pairs else "]"
    elif type(value) is dict and _holds_lazy(value):
        for n, (key, item) in enumerate(value.items()):
            yield ("{" if n == 0 else ",") + encode(key) + ":"
            yield from pieces(item, encode, batch)
        yield "}"
    elif type(value) is list and _holds_lazy(value):
        for n, item in enumerate(value):
            yield "[" if n == 0 else ","
            yield from pieces(item, encode, batch)
        yield "]"
    else:
        yield encode(value)


def _holds_lazy(value: Any) -> bool:
    """Whether a ``Lazy`` is in ``value`` (the few containers around the long lists)."""
    if type(value) is Lazy:
        return True
    if type(value) is dict:
        return any(_holds_lazy(item) for item in value.values())
    if type(value) is list:
        return any(_holds_lazy(item) for item in value)
    return False


def indicator_data(indicator) -> Data:
    """An indicator as targets.yaml writes it; its aggregation rule is not written: the data
    written is one area's, whose values are already its own or made (README "Territory")."""
    return {
        key: list(value) if key == "bounds" and value is not None else getattr(value, "value", value)
        for key, value in indicator._asdict().items()
        if (value or key in ("id", "name") or (key == "precision" and value is not None)) and key != "aggregate"
    }


def _area_data(area) -> Data:
    return {"id": area.id, "name": area.name} | ({"name_en": area.name_en} if area.name_en else {})


def plan_record(plan: Plan) -> Data:
    """A plan as targets.yaml writes it, its target rows made as they are read (``Lazy``)."""
    found: Data = {"id": plan.id, "name": plan.name}
    if plan.name_en:
        found["name_en"] = plan.name_en
    found["base_year"], found["target_year"] = plan.base_year, plan.target_year
    settings = settings_data(plan.settings)
    if settings:
        found["settings"] = settings
    if plan.published_summary is not None:
        found["published_summary"] = summary_data(plan.published_summary)
    found["targets"] = Lazy(row_data(row.indicator, row.no, row.target) for row in plan.rows if row.no or row.target.value is not None)
    return found


def settings_data(settings: Settings) -> Data:
    default = Settings()
    return {
        key: [c._asdict() for c in value] if key == "classes" else getattr(value, "value", value)
        for key, value in settings._asdict().items()
        if value != getattr(default, key)
    }


def summary_data(summary: PublishedSummary) -> Data:
    found: Data = {k: v for k, v in summary._asdict().items() if v is not None and k != "groups"}
    if summary.groups:
        found["groups"] = {name: summary_data(counts) for name, counts in summary.groups.items()}
    return found


def row_data(indicator: str, no: str, target: Target) -> Data:
    """A target row as targets.yaml writes it: only what differs from the loader's defaults."""
    found: Data = {"indicator": indicator, "number": no}
    if target.kind in GROUP_KINDS or target.value is not None:  # listed without a target: no kind
        found["kind"] = target.kind.value
    if target.kind not in GROUP_KINDS and target.value is not None:
        if target.direction is Direction.AT_MOST:
            found["direction"] = Direction.AT_MOST.value
        if target.upper is not None:
            found["range"] = [target.value, target.upper]
        else:
            found["value"] = target.value
        if target.strict or target.kind is Kind.THRESHOLD:  # a threshold always says it
            found["strict"] = target.strict
        if target.approximate:
            found["approximate"] = True
        if target.drop is not Drop.POINTS:
            found["drop"] = target.drop.value
        if not target.average:
            found["average"] = False
        if target.basis is not Basis.RATE:
            found["basis"] = target.basis.value
        if target.of:
            found["of"] = target.of
        if KINDS[target.kind].direction is not None:
            found.pop("direction", None)  # the kind's own (a place's)
    for key in ("printed", "printed_en", "note"):
        if getattr(target, key):
            found[key] = getattr(target, key)
    return found


#: a status's key in actuals.yaml, in the order the file writes them (a dict lookup: an enum's
#: .value is a descriptor call, and a 10.000-series export makes 60.000 of them)
STATUS_KEYS = {status: status.value for status in PointStatus}


def series_data(points: tuple[Point, ...], as_of: int | None = None, periods: tuple = (), history: dict | None = None) -> Data:
    """The yearly values by status, and their notes; with ``as_of``, those a reader sees then.
    ``periods``: the values of months and quarters beside them, a lũy kế under ``ytd``;
    ``history``: the values each replaced, with the sources and days (README "History of a value")."""
    from .history_data import with_provenance

    return with_provenance(_series_data(points, as_of, periods), points, periods, history or {}, as_of)


def _series_data(points: tuple[Point, ...], as_of: int | None = None, periods: tuple = ()) -> Data:
    by_status: dict[PointStatus, dict[int | str, float]] = {}
    notes: dict[int | str, str] = {}
    for p in points:
        if as_of is not None and p.year > as_of and p.status is not PointStatus.PLAN:
            continue
        by_status.setdefault(p.status, {})[p.year] = p.value
        if p.note:
            notes[p.year] = p.note
    ytd: dict[PointStatus, dict[int | str, float]] = {}
    ytd_notes: dict[int | str, str] = {}
    for q in periods:
        if as_of is not None and q.period.year > as_of:
            continue
        (ytd if q.period.ytd else by_status).setdefault(q.status, {})[q.period.key] = q.value
        if q.note:
            (ytd_notes if q.period.ytd else notes)[q.period.key] = q.note
    found: Data = {key: by_status[status] for status, key in STATUS_KEYS.items() if status in by_status}
    if ytd:
        found["ytd"] = {key: ytd[status] for status, key in STATUS_KEYS.items() if status in ytd} | ({"notes": ytd_notes} if ytd_notes else {})
    if notes:
        found["notes"] = notes
    return found


def _published(record) -> Data:
    return {k: v.isoformat() if k == "date" else v for k, v in record._asdict().items() if v is not None and k != "source"}
