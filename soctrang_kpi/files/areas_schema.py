"""The territory in the data files (README "Territory").

targets.yaml: ``areas:`` (the province, the former provinces merged into it with ``merged_into``
and ``merged_on``, the communes under it with ``parent``), each indicator's ``aggregate:`` rule,
a plan's ``area:`` and a target row's ``areas: {area: value}``. actuals.yaml: ``areas:`` mapping
an area to its series, laid out as under ``series:`` (which stays the territory's own values).
Each is read after the file's own schema has read the rest, from the same parsed data, and
every problem is recorded with its path (so with its file:line) in ``Checks``.
"""

from __future__ import annotations

import re
from typing import Any

from . import actuals_schema
from .checks import Checks, KeyPath
from .yaml_keys import keys_of
from ..core.model import Aggregate, Area, Indicator, Plan, Point, Rule
from ..core.areas import root
from ..messages import Text

AREA_KEYS = keys_of(Area)
#: rule -> how many indicators it names (``{ratio: [a, b]}``: 2)
NAMES = {Rule.MEAN_WEIGHTED_BY: 1, Rule.RATIO: 2, Rule.GROWTH_OF: 1, Rule.COUNT: 1}
#: the keys a rule's mapping may have besides its own name
RULE_OPTIONS = {Rule.RATIO: ("scale",), Rule.COUNT: ("at_least", "at_most")}
_DATE = r"(\d{4})-(\d{2})-(\d{2})"  # compiled on first use (re's cache)

AreaSeries = dict[str, dict[str, tuple[Point, ...]]]


def territory(
    c: Checks, data: object, indicators: dict[str, Indicator], plans: dict[str, Plan]
) -> tuple[dict[str, Indicator], dict[str, Plan], dict[str, Area]]:
    """The areas of targets.yaml, and its indicators and plans with their territorial fields read."""
    top = data if isinstance(data, dict) else {}
    found = areas(c, top.get("areas"), ("areas",)) if "areas" in top else {}
    indicators = {k: v._replace(aggregate=None) for k, v in indicators.items()}
    for i, entry in enumerate(top.get("indicators") or () if isinstance(top.get("indicators"), list) else ()):
        if isinstance(entry, dict) and "aggregate" in entry and entry.get("id") in indicators:
            ident = entry["id"]
            rule = aggregate(c, entry["aggregate"], ("indicators", i, "aggregate"), ident, indicators)
            indicators[ident] = indicators[ident]._replace(aggregate=rule)
    plans = dict(plans)
    for i, entry in enumerate(top.get("plans") or () if isinstance(top.get("plans"), list) else ()):
        if isinstance(entry, dict) and entry.get("id") in plans:
            plans[entry["id"]] = plan_areas(c, entry, ("plans", i), plans[entry["id"]], found)
    return indicators, plans, found


def areas(c: Checks, value: object, path: KeyPath) -> dict[str, Area]:
    found: dict[str, Area] = {}
    paths: dict[str, KeyPath] = {}
    for i, entry in enumerate(c.sequence(value, path, "what.areas") or []):
        here = path + (i,)
        mapping = c.mapping(entry, here, "what.area")
        if mapping is None:
            continue
        from .targets_schema import identifier

        ident = identifier(c, mapping.get("id"), here + ("id",))
        c.keys(mapping, here, AREA_KEYS, ident or "", ("id", "name"))
        texts = {k: c.text(mapping.get(k), here + (k,), ident or "", k, required=k == "name") for k in AREA_KEYS[1:] if k != "parts"}
        count = c.integer(mapping["parts"], here + ("parts",), ident or "", "parts", range(1, 10**6)) if mapping.get("parts") is not None else None
        if ident is None or texts["name"] is None:
            continue
        if ident in found:
            c.add(here + ("id",), Text("areas.duplicate", id=repr(ident)), ident, "id")
            continue
        merged_on = texts.get("merged_on") or ""
        if merged_on and not _date(merged_on):
            said = "areas.not_a_day" if re.fullmatch(_DATE, merged_on) else "areas.date"  # 2031-02-30: written right, no such day
            c.add(here + ("merged_on",), Text(said, found=repr(merged_on)), ident, "merged_on")
        if (texts.get("merged_into") is None) != (not merged_on):
            c.add(here, Text("areas.merged_pair"), ident, "merged_on" if not merged_on else "merged_into")
        if texts.get("merged_into") is not None and texts.get("parent") is not None:
            c.add(here + ("parent",), Text("areas.parent_and_merged"), ident, "parent")
        found[ident] = Area(ident, texts["name"] or "", texts.get("name_en") or "", texts.get("parent"), texts.get("merged_into"), merged_on, count)
        paths[ident] = here
    for ident, one in found.items():
        for key in ("parent", "merged_into"):
            other = getattr(one, key)
            if other is not None and other not in found:
                c.add(paths[ident] + (key,), Text("areas.unknown", area=repr(other)), ident, key)
    listed: dict[str, int] = {}
    for one in found.values():
        if one.parent is not None:
            listed[one.parent] = listed.get(one.parent, 0) + 1
    for ident, one in found.items():
        if one.parts is not None and listed.get(ident, 0) > one.parts:
            c.add(paths[ident] + ("parts",), Text("areas.parts_more", parts=one.parts, listed=listed[ident]), ident, "parts")
    cycle = _cycle(found)
    if cycle:  # said at the first declared area of it, at the key that leads on
        first = min(cycle, key=list(found).index)
        key = "parent" if found[first].parent is not None else "merged_into"
        at = cycle.index(first)
        shown = " → ".join(cycle[at:] + cycle[:at] + [first])
        c.add(paths[first] + (key,), Text("areas.cycle", cycle=shown), first, key)
    elif found and root(found) is None:
        c.add(path, Text("areas.one_root"), fld="areas")
    return found


def _date(text: str) -> bool:
    match = re.fullmatch(_DATE, text)
    if match is None:
        return False
    from datetime import date

    try:
        date(*(int(g) for g in match.groups()))
    except ValueError:
        return False
    return True


def _cycle(found: dict[str, Area]) -> list[str]:
    """The areas of a cycle of parent / merged_into, in the order they lead on; [] without one.
    Each area is walked from once (linear in the areas)."""
    done: set[str] = set()
    for start in found:
        trail: list[str] = []
        on_trail: dict[str, int] = {}
        here = found.get(start)
        while here is not None and here.id not in done:
            if here.id in on_trail:
                return trail[on_trail[here.id]:]
            on_trail[here.id] = len(trail)
            trail.append(here.id)
            up = here.parent or here.merged_into
            here = found.get(up) if up is not None else None
        done.update(trail)
    return []


def aggregate(c: Checks, value: object, path: KeyPath, ident: str, indicators: dict[str, Indicator]) -> Aggregate | None:
    """``sum``, ``none``, or ``{rule: indicator(s), option: value}``."""
    if isinstance(value, str):
        rule = c.choice(value, path, Rule, ident, "aggregate")
        if rule is not None and rule in NAMES:
            c.add(path, Text("areas.rule_needs", rule=rule.value), ident, "aggregate")
            return None
        return None if rule is None else Aggregate(rule)
    mapping = c.mapping(value, path, "what.aggregate", ident, "aggregate")
    if mapping is None:
        return None
    named = [key for key in mapping if key in NAMES or key in (Rule.SUM.value, Rule.NONE.value)]
    if len(named) != 1:
        c.add(path, Text("areas.one_rule", options=", ".join(r.value for r in Rule)), ident, "aggregate")
        return None
    rule = Rule(named[0])
    c.keys(mapping, path, (rule.value,) + RULE_OPTIONS.get(rule, ()), ident)
    names = mapping[rule.value]
    listed = names if isinstance(names, list) else [names]
    if rule not in NAMES or len(listed) != NAMES[rule]:
        c.add(path + (rule.value,), Text("areas.rule_needs", rule=rule.value), ident, "aggregate")
        return None
    of = []
    for j, name in enumerate(listed):
        here = path + (rule.value,) + ((j,) if isinstance(names, list) else ())
        if not isinstance(name, str) or name not in indicators:
            c.add(here, Text("targets.no_indicator", id=repr(name)), ident, "aggregate")
            return None
        of.append(name)
    options: dict[str, Any] = {}
    for key in RULE_OPTIONS.get(rule, ()):
        if key in mapping:
            options[key] = c.number(mapping[key], path + (key,), ident, f"aggregate.{key}")
    if rule is Rule.COUNT and (options.get("at_least") is None) == (options.get("at_most") is None):
        c.add(path, Text("areas.count_bound"), ident, "aggregate")
        return None
    if rule is Rule.RATIO and "scale" in mapping and options.get("scale") is None:
        return None  # not a number: said above
    if rule is Rule.RATIO and options.get("scale") == 0:
        c.add(path + ("scale",), Text("areas.scale"), ident, "aggregate.scale")
        return None
    return Aggregate(rule, tuple(of), **{k: v for k, v in options.items() if v is not None})


def plan_areas(c: Checks, entry: dict, path: KeyPath, plan: Plan, found: dict[str, Area]) -> Plan:
    """A plan's ``area:`` and its rows' ``areas: {area: value}``."""
    area = None
    if "area" in entry:
        area = c.text(entry["area"], path + ("area",), plan.id, "area")
        if area is not None and area not in found:
            c.add(path + ("area",), Text("areas.unknown", area=repr(area)), plan.id, "area")
    rows = list(plan.rows)
    raw_rows: list = entry["targets"] if isinstance(entry.get("targets"), list) else []
    for i, raw in enumerate(raw_rows):
        if not isinstance(raw, dict) or "areas" not in raw:
            continue
        ident = str(raw.get("indicator", ""))
        here = path + ("targets", i, "areas")
        values = []
        for key, number in (c.mapping(raw["areas"], here, "what.area_targets", ident, "areas") or {}).items():
            if key not in found:
                c.add(here + (key,), Text("areas.unknown", area=repr(key)), ident, "areas")
                continue
            checked = c.number(number, here + (key,), ident, f"areas.{key}")
            if checked is not None:
                values.append((str(key), checked))
        for j, row in enumerate(rows):
            if row.indicator == ident:
                rows[j] = row._replace(areas=tuple(values))
    return plan._replace(area=area, rows=tuple(rows))


def area_series(
    c: Checks, data: object, indicators: dict[str, Indicator], plans: dict[str, Plan], found: dict[str, Area], history: dict | None = None
) -> AreaSeries:
    """actuals.yaml's ``areas: {area: {indicator: series}}``, each series checked as under
    ``series:``; each area's replaced values (``history:``) into ``history[area]``."""
    top = data if isinstance(data, dict) else {}
    if "areas" not in top:
        return {}
    by_area: AreaSeries = {}
    for area, entries in (c.mapping(top["areas"], ("areas",), "what.area_series") or {}).items():
        here = ("areas", area)
        if c.known and area not in found:
            c.add(here, Text("areas.unknown", area=repr(area)), fld="areas")
            continue
        mapping = c.mapping(entries, here, "what.series")
        if mapping is None:
            continue
        periods: dict = {}
        replaced: dict = {}
        series, _published = actuals_schema.series_of(c, mapping, here, indicators, plans, periods, history=replaced)
        if replaced and history is not None:
            history[str(area)] = replaced
        if periods:
            c.add(here, Text("areas.no_periods"), fld="areas", warning=True)
        by_area[str(area)] = series
    return by_area


def aggregate_data(rule: Aggregate) -> object:
    """An aggregation rule as targets.yaml writes it."""
    if not rule.of:
        return rule.rule.value
    found: dict[str, object] = {rule.rule.value: list(rule.of) if len(rule.of) > 1 else rule.of[0]}
    if rule.rule is Rule.RATIO and rule.scale != 1:
        found["scale"] = rule.scale
    for key in ("at_least", "at_most"):
        if getattr(rule, key) is not None:
            found[key] = getattr(rule, key)
    return found
