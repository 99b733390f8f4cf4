"""The schema of targets.yaml: its indicators, and its plans with their settings, published
summary and target rows. Each function checks one kind of record and builds it, or records what
is wrong with it in ``Checks`` and returns None."""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from . import yaml_keys
from .checks import Checks, KeyPath
from ..core.model import (
    Basis,
    VerdictClass,
    ForecastMethod,
    Direction,
    Drop,
    Indicator,
    Kind,
    Plan,
    PlanRow,
    PublishedSummary,
    RangeBasis,
    Settings,
    Target,
    WithinYear,
)
from ..core.kinds import GROUP_KINDS, KINDS, OPTIONS, Ranges, kinds_taking, kinds_where
from ..messages import Num, Text

YEARS = range(1900, 2201)  # years outside this are typos, not data
TOP_KEYS = ("schema_version", "areas", "indicators", "plans")  # the file's own layout, not a model record
# what each kind of target takes comes from its entry in core/kinds.py
RANGE_KINDS = kinds_where(lambda spec: spec.ranges is not Ranges.NEVER)  # kinds whose target may be "2–3"
RANGE_ONLY = kinds_where(lambda spec: spec.ranges is Ranges.MUST)  # kinds whose target must be a range
#: target keys that apply to some kinds only, and those kinds
ONLY_FOR: dict[str, frozenset[Kind]] = {
    **{key: kinds_taking(key) for key in OPTIONS},  # by each kind's entry in core/kinds.py
    "printed": frozenset(Kind),
    "printed_en": frozenset(Kind),
    "note": frozenset(Kind),
}
#: target keys whose value is free text (the wording as printed, in English, the office's note)
TEXT_OPTIONS = frozenset({"printed", "printed_en", "note"})
#: the wordings of a target, Vietnamese (the resolution's) and English (the office's), as checked
WORDINGS = ("printed", "printed_en")
#: the options that name one of a few values; the others are true or false, or text
CHOICES: dict[str, type[Enum]] = {"drop": Drop, "basis": Basis}
_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # compiled on first use (re's cache)


def targets(c: Checks, data: object) -> tuple[dict[str, Indicator], dict[str, Plan]]:
    top = c.top(data, TOP_KEYS)
    if top is None:
        return {}, {}
    known = indicators(c, top.get("indicators"), ("indicators",))
    c.precise = precise(known)
    return known, plans(c, top.get("plans"), ("plans",), known)


def plans(c: Checks, entries: object, path: KeyPath, known: dict[str, Indicator]) -> dict[str, Plan]:
    found: dict[str, Plan] = {}
    for i, entry in enumerate(c.sequence(entries, path, "what.plans") or []):
        one = plan(c, entry, path + (i,), known)
        if one is None:
            continue
        if one.id in found:
            c.add(path + (i, "id"), Text("targets.duplicate_plan", id=repr(one.id)), fld="id")
        found[one.id] = one
    return found


def indicators(c: Checks, entries: object, path: KeyPath) -> dict[str, Indicator]:
    found: dict[str, Indicator] = {}
    paths: dict[str, KeyPath] = {}
    listed = c.sequence(entries, path, "what.indicators") or []
    for i, entry in enumerate(listed):
        here = path + (i,)
        one = indicator(c, entry, here)
        if c.release:
            listed[i] = None
        if one is None:
            continue
        if one.id in found:
            c.add_naming(here + ("id",), "targets.duplicate_indicator", paths[one.id] + ("id",), one.id, "id")
            continue
        found[one.id] = one
        paths[one.id] = here
    parents_exist(c, found, paths)
    parents_not_cyclic(c, found, paths)
    from .metadata import codes_unique

    codes_unique(c, found, paths)
    return found


def indicator(c: Checks, value: object, path: KeyPath) -> Indicator | None:
    entry = c.mapping(value, path, "what.indicator")
    if entry is None:
        return None
    ident = identifier(c, entry.get("id"), path + ("id",))
    c.keys(entry, path, yaml_keys.INDICATOR, ident or "", ("id", "name"))
    if ident is None:
        return None
    texts: dict[str, Any] = {
        key: c.text(entry.get(key), path + (key,), ident, key, required=key == "name") or ""
        for key in ("name", "name_en", "unit", "unit_en")
    }
    parent = c.text(entry.get("parent"), path + ("parent",), ident, "parent", required=False)
    group = c.text(entry.get("group"), path + ("group",), ident, "group", required=False)
    decimals = None
    if "precision" in entry:
        decimals = c.integer(entry["precision"], path + ("precision",), ident, "precision", range(0, 7))
    found_bounds = indicator_bounds(c, entry["bounds"], path + ("bounds",), ident) if "bounds" in entry else None
    within = c.choice(entry["within_year"], path + ("within_year",), WithinYear, ident, "within_year") if "within_year" in entry else None
    from .metadata import metadata

    about = metadata(c, entry, path, ident)
    return Indicator(ident, parent=parent, group=group, precision=decimals, bounds=found_bounds, within_year=within, **texts, **about)


def indicator_bounds(c: Checks, value: object, path: KeyPath, ident: str) -> tuple[float | None, float | None] | None:
    """``bounds: [0, 100]``: what the indicator's values can be; either side may be null."""
    pair = c.sequence(value, path, "what.low_high", ident, "bounds")
    if pair is None:
        return None
    if len(pair) != 2:
        c.add(path, Text("targets.range_size", count=len(pair), hint=""), ident, "bounds")
        return None
    low, high = (None if b is None else c.number(b, path + (j,), ident, "bounds") for j, b in enumerate(pair))
    if low is not None and high is not None and low >= high:
        c.add(path, Text("targets.range_order", low=Num(low), high=Num(high)), ident, "bounds")
        return None
    return low, high


def precise(known: dict[str, Indicator]) -> frozenset[str]:
    """The indicators whose values are written with three decimals or more."""
    return frozenset(i.id for i in known.values() if i.precision is not None and i.precision >= 3)


def parents_exist(c: Checks, found: dict[str, Indicator], paths: dict[str, KeyPath]) -> None:
    for ident, one in found.items():
        if one.parent is not None and one.parent not in found:
            c.add(paths[ident] + ("parent",), Text("targets.no_indicator", id=repr(one.parent)), ident, "parent")


def parents_not_cyclic(c: Checks, found: dict[str, Indicator], paths: dict[str, KeyPath]) -> None:
    for ident in _cycles(found):
        c.add(paths[ident] + ("parent",), Text("targets.parent_cycle"), ident, "parent")


def identifier(c: Checks, value: object, path: KeyPath) -> str | None:
    ident = c.text(value, path, fld="id")
    if ident is not None and not re.fullmatch(_ID, ident):
        c.add(path, Text("targets.id_format", found=repr(ident)), fld="id")
        return None
    return ident


def plan(c: Checks, value: object, path: KeyPath, known: dict[str, Indicator]) -> Plan | None:
    entry = c.mapping(value, path, "what.plan")
    if entry is None:
        return None
    ident = identifier(c, entry.get("id"), path + ("id",))
    who = ident or ""
    c.keys(entry, path, yaml_keys.PLAN, who, ("id", "name", "base_year", "target_year", "targets"))
    name = c.text(entry.get("name"), path + ("name",), who, "name")
    name_en = c.text(entry.get("name_en"), path + ("name_en",), who, "name_en", required=False) or ""
    base, end = years(c, entry, path, who)
    found_settings = settings(c, entry.get("settings"), path + ("settings",), who)
    summary = published_summary(c, entry.get("published_summary"), path + ("published_summary",), who)
    found_rows = with_unlisted_parts(rows(c, entry.get("targets"), path + ("targets",), known), known)
    if ident is None or name is None or base is None or end is None:
        return None
    return Plan(ident, name, base, end, found_rows, name_en, found_settings, summary)


def years(c: Checks, entry: dict, path: KeyPath, plan_id: str) -> tuple[int | None, int | None]:
    """The base and target years; the target must come after the base."""
    base = c.integer(entry.get("base_year"), path + ("base_year",), plan_id, "base_year", allowed=YEARS)
    end = c.integer(entry.get("target_year"), path + ("target_year",), plan_id, "target_year", allowed=YEARS)
    if base is not None and end is not None and end <= base:
        c.add(path + ("target_year",), Text("targets.years_order", base=base, found=end), plan_id, "target_year")
        end = None
    return base, end


def settings(c: Checks, value: object, path: KeyPath, plan_id: str) -> Settings:
    if value is None:
        return Settings()
    mapping = c.mapping(value, path, "what.settings", plan_id, "settings") or {}
    c.keys(mapping, path, yaml_keys.SETTINGS, plan_id)
    found: dict[str, Any] = {}
    if "precision" in mapping:
        found["precision"] = c.integer(mapping["precision"], path + ("precision",), plan_id, "precision", range(0, 7))
    if "range_basis" in mapping:
        found["range_basis"] = c.choice(mapping["range_basis"], path + ("range_basis",), RangeBasis, plan_id, "range_basis")
    for key in ("exceed_margin", "audit_tolerance", "approximate_tolerance"):
        if key in mapping:
            found[key] = c.non_negative(mapping[key], path + (key,), plan_id, key)
    if "forecast" in mapping:
        found["forecast"] = c.choice(mapping["forecast"], path + ("forecast",), ForecastMethod, plan_id, "forecast")
    if "classes" in mapping:
        found["classes"] = verdict_classes(c, mapping["classes"], path + ("classes",), plan_id)
    if "roadmap_from" in mapping:
        found["roadmap_from"] = c.integer(mapping["roadmap_from"], path + ("roadmap_from",), plan_id, "roadmap_from", YEARS)
    for key in ("appendix", "attached_to"):
        if key in mapping:
            found[key] = c.text(mapping[key], path + (key,), plan_id, key)
    if "pace" in mapping:
        found["pace"] = c.boolean(mapping["pace"], path + ("pace",), plan_id, "pace")
    return Settings(**{k: v for k, v in found.items() if v is not None})


def verdict_classes(c: Checks, value: object, path: KeyPath, plan_id: str) -> tuple[VerdictClass, ...] | None:
    """``classes: [{name: Xấp xỉ đạt, at_least: 95}]``: classes between Đạt and Khó đạt, each from
    a forecast percentage below 100; kept highest first."""
    found = []
    for i, entry in enumerate(c.sequence(value, path, "what.classes", plan_id, "classes") or []):
        here = path + (i,)
        mapping = c.mapping(entry, here, "what.class", plan_id, "classes")
        if mapping is None:
            continue
        c.keys(mapping, here, yaml_keys.CLASS, plan_id, ("name",))
        name = c.text(mapping.get("name"), here + ("name",), plan_id, "classes")
        name_en = c.text(mapping.get("name_en"), here + ("name_en",), plan_id, "classes", required=False) or ""
        at_least = c.number(mapping.get("at_least", 95.0), here + ("at_least",), plan_id, "classes")
        if at_least is not None and not 0 < at_least < 100:
            c.add(here + ("at_least",), Text("check.between", low=0, high=100, found=Num(at_least)), plan_id, "classes")
            continue
        if name is not None and at_least is not None:
            found.append(VerdictClass(name, name_en, at_least))
    return tuple(sorted(found, key=lambda k: -k.at_least))


def published_summary(
    c: Checks, value: object, path: KeyPath, plan_id: str, keys: tuple[str, ...] = yaml_keys.SUMMARY
) -> PublishedSummary | None:
    if value is None:
        return None
    mapping = c.mapping(value, path, "what.published_summary", plan_id, "published_summary") or {}
    c.keys(mapping, path, keys, plan_id, ("total",))
    counts: dict[str, Any] = {
        key: c.integer(mapping[key], path + (key,), plan_id, key, range(0, 100_000_000))
        for key in keys
        if key in mapping and key != "groups"
    }
    if "groups" in mapping:
        counts["groups"] = published_groups(c, mapping["groups"], path + ("groups",), plan_id)
    if counts.get("total") is None:
        return None
    return PublishedSummary(**counts)


def published_groups(c: Checks, value: object, path: KeyPath, plan_id: str) -> dict[str, PublishedSummary]:
    """Counts per group: ``groups: {economy: {total: 8, achieved_or_exceeded: 5}}``."""
    found: dict[str, PublishedSummary] = {}
    inner = tuple(k for k in yaml_keys.SUMMARY if k != "groups")
    for name, counts in (c.mapping(value, path, "what.groups", plan_id, "groups") or {}).items():
        one = published_summary(c, counts, path + (name,), plan_id, inner)
        if one is not None:
            found[str(name)] = one
    return found


def rows(c: Checks, entries: object, path: KeyPath, known: dict[str, Indicator]) -> tuple[PlanRow, ...]:
    found: list[PlanRow] = []
    seen: set[str] = set()
    shared: dict[Target, Target] = {}  # row(): one record for equal targets of the plan
    listed = c.sequence(entries, path, "what.targets") or []
    parents: set[str] | None = None  # the indicators some indicator names as its parent, found at the first heading
    for i, entry in enumerate(listed):
        one = row(c, entry, path + (i,), known, seen, shared)
        if one is not None and KINDS[one.target.kind].rated_by_rows:
            if parents is None:
                parents = {k.parent for k in known.values() if k.parent is not None}
            if one.indicator not in parents:  # its parts' `parent:` forgotten: the heading would say "no data"
                c.add(path + (i, "kind"), Text("targets.heading_no_parts", kind=one.target.kind.value, id=one.indicator), one.indicator, "kind", warning=True)
        if c.release:
            listed[i] = None
        if one is not None:
            seen.add(one.indicator)
            found.append(one)
    return tuple(found)


def row(
    c: Checks, value: object, path: KeyPath, known: dict[str, Indicator], seen: set[str], shared: dict[Target, Target] | None = None
) -> PlanRow | None:
    """One row of a plan; ``shared``: the targets of the rows read before, whose record an equal
    target is (a Target is immutable: at 100.000 rows of the benchmark data, 8.000 distinct,
    their records were 14 MB of the checked data, 144 B each; a bound of 0 is not shared, -0.0
    being equal to it)."""
    entry = c.mapping(value, path, "what.target")
    if entry is None:
        return None
    ident = c.text(entry.get("indicator"), path + ("indicator",), fld="indicator")
    no_key = next((k for k in entry if getattr(k, "value", None) is False), None)
    if no_key is not None:  # YAML 1.1 reads a bare `no:` key as the boolean false
        c.add(path, Text("targets.no_as_false"), ident or "", "number")
        entry.setdefault("number", entry.pop(no_key))
    c.keys(entry, path, yaml_keys.TARGET_ROW, ident or "", ("indicator", "number"))
    ident = row_indicator(c, ident, path + ("indicator",), known, seen)
    no = row_number(c, entry.get("number"), path + ("number",), ident or "")
    found = target(c, entry, path, ident or "", known)
    if ident is None or no is None or found is None:
        return None
    if shared is not None and found.value != 0 and found.upper != 0:
        found = shared.setdefault(found, found)
    return PlanRow(ident, no, found)


def with_unlisted_parts(found: tuple[PlanRow, ...], known: dict[str, Indicator]) -> tuple[PlanRow, ...]:
    """A composition's parts the plan sets no target for (thuế sản phẩm in a GRDP structure) are
    rows too, after its last listed part: shown, counted in the sum of the shares, never rated."""
    # linear: the heads, the last listed part of each parent and each parent's parts are found
    # once (a scan of every row for every row took 20 s of a 10.000-row plan)
    listed = {row.indicator for row in found}
    sharing = {row.indicator for row in found if KINDS[row.target.kind].shares}
    parents = [known[row.indicator].parent if row.indicator in known else None for row in found]
    last_part = {parent: i for i, parent in enumerate(parents) if parent is not None}
    parts: dict[str, list[str]] = {}
    for k, one in known.items():
        if one.parent in sharing:
            parts.setdefault(one.parent, []).append(k)
    out: list[PlanRow] = []
    for i, (row, parent) in enumerate(zip(found, parents)):
        out.append(row)
        if parent in sharing and last_part[parent] == i:
            out += [PlanRow(k, "", Target(Kind.LEVEL)) for k in parts.get(parent, ()) if k not in listed]
    return tuple(out)


def row_indicator(c: Checks, ident: str | None, path: KeyPath, known: dict[str, Indicator], seen: set[str]) -> str | None:
    """The row's indicator, which targets.yaml defines and the plan has no other row for."""
    if ident is not None and ident not in known:
        c.add(path, Text("targets.no_indicator", id=repr(ident)), ident, "indicator")
        return None
    if ident in seen:
        c.add(path, Text("targets.second_target"), ident or "", "indicator")
        return None
    return ident


def row_number(c: Checks, value: object, path: KeyPath, ident: str) -> str | None:
    """The row's number as the plan prints it ("1", "2.1"): text, or a whole number."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        c.add(path, Text("targets.number_as_printed", found=value), ident, "number")
        return None
    return c.text(value, path, ident, "number")


def target(c: Checks, entry: dict, path: KeyPath, ident: str, known: dict[str, Indicator] | None = None) -> Target | None:
    if "kind" not in entry and "value" not in entry and "range" not in entry:
        # listed without a target (yet): counted, shown "Chưa có số liệu", never rated
        texts = target_options(c, entry, path, ident, Kind.LEVEL) or {}
        return Target(Kind.LEVEL, **{k: v for k, v in texts.items() if k in TEXT_OPTIONS})
    kind = c.choice(entry.get("kind"), path + ("kind",), Kind, ident, "kind")
    direction: Direction | None = Direction.AT_LEAST
    fixed = None if kind is None else KINDS[kind].direction
    if "direction" in entry:
        direction = c.choice(entry["direction"], path + ("direction",), Direction, ident, "direction")
        if fixed is not None and direction is not None and direction is not fixed:
            c.add(path + ("direction",), Text("targets.direction_fixed", kind=kind.value if kind else "", direction=fixed.value), ident, "direction")
            return None
    direction = fixed or direction
    of = target_of(c, entry, path, ident, kind, known or {})
    if kind is None or direction is None:
        return None
    strict = strictness(c, entry, path, ident, kind)
    if strict is None:
        return None
    options = target_options(c, entry, path, ident, kind)
    if kind in GROUP_KINDS:
        group_takes_no_value(c, entry, path, ident, kind)
        return Target(kind, **{k: v for k, v in (options or {}).items() if k in TEXT_OPTIONS})
    if kind in RANGE_ONLY and "value" in entry:
        c.add(path + ("value",), Text("targets.range_only", kind=kind.value), ident, "value")
        return None
    value, upper = target_value(c, entry, path, ident, kind)
    if value is None or options is None or of is False:
        return None
    for printed in (entry.get(key) for key in WORDINGS):
        if not (isinstance(printed, str) and upper is None and known and ident in known):
            continue
        from .appendix_layout import printed_in_unit  # its word lists and patterns: only for printed wording

        sized = printed_in_unit(printed, known[ident].unit)
        if sized is not None and value == sized[0]:  # "57 nghìn tỷ" in Tỷ đồng written as 57
            c.add(path + ("value",), Text(
                "targets.printed_size", printed=repr(printed), unit=repr(known[ident].unit), read=Num(sized[1]), value=Num(value),
                written=f"{sized[1]:.15g}",  # as YAML reads it: 1000, not 1.000
            ), ident, "value", warning=True)
            break  # the value said once
    if value < 0:  # legal (a fall, a deficit) but easily a typo: say how it is rated
        key = "value" if upper is None else "range"
        bound = Text("bound.at_most" if direction is Direction.AT_MOST else "bound.at_least", value=Num(float(f"{value:g}")))
        c.add(path + (key,), Text("targets.negative", reading=bound), ident, key, warning=True)
    return Target(kind, direction, value, upper, bool(strict), **options, of=of if isinstance(of, str) else None)


def strictness(c: Checks, entry: dict, path: KeyPath, ident: str, kind: Kind) -> bool | None:
    """Whether the target must be passed ("trên 80") or only reached: ``strict``, else what the
    printed wording says (``appendix_layout.strict_in_words``; the Vietnamese ``printed``, else
    the English ``printed_en``), else the kind's default — and a threshold has none: a default
    would decide its verdict at exactly its bound, so it must be said. A ``strict`` a wording
    contradicts, or two wordings that contradict each other ("Tối thiểu 80", "Above 80"), are
    refused. None: a problem recorded."""
    said: dict[str, tuple[str, bool]] = {}  # a wording's key: its text and what it says
    for key in WORDINGS:
        printed = entry.get(key)
        if isinstance(printed, str):
            from .appendix_layout import strict_in_words  # its word lists and patterns: only for printed wording

            strict_said = strict_in_words(printed)
            if strict_said is not None:
                said[key] = (printed, strict_said)
    if len({s for _t, s in said.values()}) > 1:
        c.add(path + ("printed_en",), Text(
            "targets.printed_en_contradicts", printed=said["printed"][0], printed_en=said["printed_en"][0],
        ), ident, "printed_en")
        return None
    worded = next((s for _t, s in said.values()), None)
    if "strict" in entry:
        strict = c.boolean(entry["strict"], path + ("strict",), ident, "strict")
        if strict is not None and worded is not None and strict is not worded:
            printed = next(t for t, _s in said.values())
            c.add(path + ("strict",), Text("targets.strict_contradicts", printed=printed, strict=str(strict).lower()), ident, "strict")
            return None
        return strict
    if worded is not None:
        return worded
    default = KINDS[kind].strict
    if default is None:
        c.add(path, Text("targets.strict_unsaid", kind=kind.value), ident, "strict")
    return default


def target_of(c: Checks, entry: dict, path: KeyPath, ident: str, kind: Kind | None, known: dict[str, Indicator]) -> str | bool | None:
    """``of: grdp`` of a share: the indicator the values are a share of, defined and another one.
    False when it is wrong (a problem recorded), None when the kind takes none."""
    refers = kind is not None and KINDS[kind].refers
    if "of" not in entry:
        if refers:
            c.add(path, Text("check.missing_field", name=repr("of")), ident, "of")
            return False
        return None
    if not refers:
        names = ", ".join(k.value for k, spec in KINDS.items() if spec.refers)
        c.add(path + ("of",), Text("targets.only_for", key="of", kinds=names), ident, "of")
        return False
    other = c.text(entry["of"], path + ("of",), ident, "of")
    if other is None:
        return False
    if other not in known or other == ident:
        c.add(path + ("of",), Text("targets.no_indicator" if other != ident else "targets.of_itself", id=repr(other)), ident, "of")
        return False
    return other


def target_options(c: Checks, entry: dict, path: KeyPath, ident: str, kind: Kind) -> dict[str, Any] | None:
    """``approximate``, ``drop``, ``average``, ``printed`` and ``note``, each for the kinds it
    applies to."""
    found: dict[str, Any] = {}
    for key, kinds in ONLY_FOR.items():
        if key not in entry:
            continue
        if kind not in kinds:
            names = ", ".join(k.value for k in Kind if k in kinds)
            c.add(path + (key,), Text("targets.only_for", key=key, kinds=names), ident, key)
            return None
        if key in CHOICES:
            found[key] = c.choice(entry[key], path + (key,), CHOICES[key], ident, key)
        elif key in TEXT_OPTIONS:
            found[key] = c.text(entry[key], path + (key,), ident, key)
        else:
            found[key] = c.boolean(entry[key], path + (key,), ident, key)
        if found[key] is None:
            return None
    return found


def group_takes_no_value(c: Checks, entry: dict, path: KeyPath, ident: str, kind: Kind) -> None:
    for key in ("value", "range"):
        if key in entry:
            c.add(path + (key,), Text("targets.group_takes_no_value", kind=kind.value, key=key), ident, key)


def target_value(c: Checks, entry: dict, path: KeyPath, ident: str, kind: Kind) -> tuple[float | None, float | None]:
    """The target: ``value: 8``, or ``range: [6, 8]`` for the kinds that allow one."""
    if ("value" in entry) == ("range" in entry):
        c.add(path, Text("targets.value_or_range"), ident, "value")
        return None, None
    if "value" in entry:
        return c.number(entry["value"], path + ("value",), ident, "value"), None
    if kind not in RANGE_KINDS:
        c.add(path + ("range",), Text("targets.no_range", kind=kind.value), ident, "range")
        return None, None
    return target_range(c, entry["range"], path + ("range",), ident)


def _decimal_comma_hint(bounds: list) -> Text | str:
    """[10, 10,5] reads as three numbers: YAML split the Vietnamese decimal 10,5 in two."""
    if len(bounds) == 3 and all(type(b) is int for b in bounds[1:]) and bounds[1] >= 0 and bounds[2] >= 0:
        return Text("hint.range_decimal", number=f"{bounds[1]}.{bounds[2]}", written=f"{bounds[1]},{bounds[2]}")
    return ""


def target_range(c: Checks, value: object, path: KeyPath, ident: str) -> tuple[float | None, float | None]:
    bounds = c.sequence(value, path, "what.low_high", ident, "range")
    if bounds is None:
        return None, None
    if len(bounds) != 2:
        c.add(path, Text("targets.range_size", count=len(bounds), hint=_decimal_comma_hint(bounds)), ident, "range")
        return None, None
    low, high = (c.number(b, path + (j,), ident, "range") for j, b in enumerate(bounds))
    if low is not None and high is not None and low >= high:
        c.add(path, Text("targets.range_order", low=Num(low), high=Num(high)), ident, "range")
        return None, None
    return low, high


def _cycles(found: dict[str, Indicator]) -> list[str]:
    """Ids whose chain of parents comes back to itself."""
    looping = []
    for start in found:
        seen = {start}
        current = found[start].parent
        while current in found:
            if current in seen:
                if current == start:
                    looping.append(start)
                break
            seen.add(current)
            current = found[current].parent
    return looping
