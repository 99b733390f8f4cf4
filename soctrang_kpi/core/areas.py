"""The territory: a plan's province, the provinces it was merged from, and its communes (README
"Territory").

``for_area(dataset, area)`` is the dataset as seen from one area: its own values, and where it has
none, the values made from its parts by each indicator's aggregation rule (core/aggregate.py) —
each such value carrying how it was made in its note; the plans are the area's own, or the
territory's rows that set a target for it. An area's parts in a year are the former provinces
merged into it on or after that year (its history and its baseline), then the areas under it
(``parent``): the first list whose values make the value makes it (``PART_LISTS``), so a province
whose former provinces have no 2025 value takes its communes'. A value is made only when every
part of one list has the values the rule needs: a missing commune never makes a smaller total,
and what the parts lack is kept to be said (``Values.gaps``). The areas under an area are its parts only when they are all
of them — the area says how many it has (``parts: 103``) and that many are listed; otherwise no
value is made from them and ``Values.incomplete`` names the area, indicator and year (the former
provinces of a merger are all of them: the merger names each).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain
from operator import itemgetter
from ..records import NamedTuple

from . import aggregate as agg
from .classify import Status
from .results import PlanResult, Reason, Result
from .model import Area, Dataset, Indicator, Period, Plan, PlanRow, Point, PointStatus, Rule, is_annual
from ..errors import UsageError
from ..messages import Text

#: the weaker status wins: a sum with one estimate is an estimate
_WEAKNESS = {PointStatus.ACTUAL: 0, PointStatus.PRELIMINARY: 1, PointStatus.ESTIMATE: 2, PointStatus.PLAN: 3}
_SHOWN_PARTS = 6  # a note names at most this many parts, then how many there are
_FIRST_YEAR = 1900  # chaining a level back from its rates stops here
_YEAR, _VALUE, _STATUS = itemgetter(0), itemgetter(1), itemgetter(2)  # a Point's fields, read in C


def merged_year(area: Area) -> int | None:
    """The year of ``merged_on`` (2025-07-01: 2025), None when the area was not merged."""
    return int(area.merged_on[:4]) if area.merged_on[:4].isdigit() else None


def root(areas: dict[str, Area]) -> str | None:
    """The territory: the one area that is neither under nor merged into another."""
    tops = [a.id for a in areas.values() if a.parent is None and a.merged_into is None]
    return tops[0] if len(tops) == 1 else None


def _former_in(territory: Territory, area: str, year: int) -> tuple[tuple[str, ...], bool]:
    """The former provinces merged into ``area`` in ``year`` or later: all of them (the merger
    names each)."""
    return tuple(ident for ident, merged in territory.former.get(area, ()) if merged >= year), True


def _under(territory: Territory, area: str, year: int) -> tuple[tuple[str, ...], bool]:
    """The areas under ``area`` (``parent``), which are all of them only when the area says how
    many it has (``parts:``) and that many are listed. They were there before a merger as well
    (under the former provinces): any year."""
    children = tuple(territory.children.get(area, ()))
    return children, territory.areas[area].parts == len(children)


#: README "Values made from the parts": the lists of parts an area's value of a year may be made
#: from, in the order they are tried — the first whose values make it makes it. Before and in the
#: year of a merger the former provinces come first (the baseline they published); where they have
#: no value, the communes and wards under the area (all of them) make it.
PART_LISTS: tuple[Callable[[Territory, str, int], tuple[tuple[str, ...], bool]], ...] = (_former_in, _under)


class Territory:
    """The areas of a dataset indexed once: each area's former provinces (with the year they
    merged) and the areas under it."""

    def __init__(self, areas: dict[str, Area]) -> None:
        self.areas = areas
        self.former: dict[str, list[tuple[str, int]]] = {}
        self.children: dict[str, list[str]] = {}
        self.known: dict[tuple[str, int], tuple[tuple[tuple[str, ...], bool], ...]] = {}
        for one in areas.values():
            year = merged_year(one)
            if one.merged_into is not None and year is not None:
                self.former.setdefault(one.merged_into, []).append((one.id, year))
            if one.parent is not None:
                self.children.setdefault(one.parent, []).append(one.id)

    def lists(self, area: str, year: int) -> tuple[tuple[tuple[str, ...], bool], ...]:
        """The lists of parts that may make ``area``'s value of ``year``, in the order tried
        (``PART_LISTS``), each with whether it is known to be all of them (the same tuple each
        time asked)."""
        if area not in self.former and area not in self.children:
            return ()  # a commune: no parts (thousands of them are asked)
        key = (area, year)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = tuple((parts, whole) for parts, whole in (way(self, area, year) for way in PART_LISTS) if parts)
        return found

    def all_parts(self, area: str) -> tuple[str, ...]:
        """Every area that is ever a part of ``area``: its former provinces, then those under it."""
        return tuple(ident for ident, _year in self.former.get(area, ())) + tuple(self.children.get(area, ()))


class Gap(NamedTuple):
    """Why an area's value of a year was not made though its parts have values: the parts that
    lack a value the rule needs (of the first list of parts that has values), or, when none
    lacks one, what the rule could not do with them (``aggregate.NotAggregable``'s word)."""

    missing: tuple[str, ...]
    why: str = ""


class Values:
    """Every area's value of every indicator and year, own or made from its parts (memoised).
    The territory's own values are ``series:`` (unless ``of_view``: a view's series are its area's)
    and those under its id in ``by_area``."""

    def __init__(self, dataset: Dataset, of_view: bool = False) -> None:
        self.indicators = dataset.indicators
        self.territory = Territory(dataset.areas)
        top = root(dataset.areas)
        #: indicator -> area -> the recorded values, sorted by year (by indicator first: a sum
        #: over the communes then looks each one up by a string, not a new tuple; see ``_at``)
        self.own: dict[str, dict[str, tuple[Point, ...]]] = {}
        for area, series in dataset.by_area.items():
            for ident, points in series.items():
                self.own.setdefault(ident, {})[area] = points
        if top is not None and not of_view:
            for ident, points in dataset.series.items():
                mine = self.own.setdefault(ident, {})
                both = {p.year: p for p in mine.get(top, ())} | {p.year: p for p in points}
                mine[top] = tuple(both[y] for y in sorted(both))
        self.made: dict[tuple[str, str, int], Point | None] = {}
        self.gathered: dict[tuple[tuple[str, ...], str, int], list[Point] | None] = {}
        #: (area, indicator) whose parts have values but whose rule is "not aggregable"
        self.refused: set[tuple[str, str]] = set()
        #: (area, indicator, year) not made though some of its parts have values: the parts
        #: listed are not known to be all of them (``Territory.whole``)
        self.incomplete: set[tuple[str, str, int]] = set()
        #: (area, indicator, year) not made though every part of a whole list is known: what
        #: its parts lack (README "Values made from the parts")
        self.gaps: dict[tuple[str, str, int], Gap] = {}
        self._spans: range | None = None

    def value(self, area: str, ident: str, year: int) -> Point | None:
        own = _at(self.own.get(ident, {}).get(area), year)
        if own is not None:
            return own
        key = (area, ident, year)
        if key not in self.made:
            self.made[key] = None  # while it is made: a rule that comes back to it finds nothing
            self.made[key] = self._make(area, ident, year)
        return self.made[key]

    def _make(self, area: str, ident: str, year: int) -> Point | None:
        indicator = self.indicators.get(ident)
        if indicator is None:
            return None
        rule = indicator.aggregate
        lists = self.territory.lists(area, year)
        if rule is None or rule.rule is Rule.NONE:
            if any(self.value(p, ident, year) is not None for parts, whole in lists if whole for p in parts):
                self.refused.add((area, ident))
            return None
        made = None
        for parts, whole in lists:  # the first whole list whose values make it (PART_LISTS)
            made = MAKERS[rule.rule](self, indicator, parts, year) if whole else None
            if made is not None:
                return made
        if rule.rule is Rule.RATIO:
            made = _ratio(self, indicator, (area,), year)  # its own numerator and denominator (a former province's GRDP per head)
        if made is None and lists and year in self._years_with_values():
            self._why_not(area, indicator, lists, year)
        return made

    def _why_not(self, area: str, indicator: Indicator, lists: tuple[tuple[tuple[str, ...], bool], ...], year: int) -> None:
        """Why no value was made though parts have values: the first list of parts with values
        is not known to be all of them (``incomplete``), or some of its parts lack a value the
        rule needs, or the rule cannot make one of them (``gaps``)."""
        assert indicator.aggregate is not None
        has, lacks = NEEDS[indicator.aggregate.rule]
        for parts, whole in lists:
            if not any(has(self, indicator, p, year) for p in parts):
                continue  # none of these has a value of the year: nothing to say of them
            if not whole:
                self.incomplete.add((area, indicator.id, year))
                return
            missing = tuple(p for p in parts if lacks(self, indicator, p, year))
            self.gaps[(area, indicator.id, year)] = Gap(missing, "" if missing else _FAILS.get(indicator.aggregate.rule, ""))
            return

    def _years_with_values(self) -> range:
        """The years any area may have a value of its own in: no value can be made of another
        year, and nothing need be said of it (a superset: from the first year of any series to
        the last of any; each series sorted by year, so read in C)."""
        if self._spans is None:
            series = list(filter(None, chain.from_iterable(map(dict.values, self.own.values()))))
            first = min(map(_YEAR, map(itemgetter(0), series)), default=0)
            last = max(map(_YEAR, map(itemgetter(-1), series)), default=-1)
            self._spans = range(first, last + 1)
        return self._spans

    def _all(self, parts: tuple[str, ...], ident: str, year: int) -> list[Point] | None:
        """Every part's value, or None when one has none (recorded values looked up inline:
        a province sums 3.321 communes for each indicator and year); kept for the next rule
        that reads the same (a weight, a numerator)."""
        key = (parts, ident, year)
        if key not in self.gathered:
            self.gathered[key] = self._gather(parts, ident, year)
        return self.gathered[key]

    def _gather(self, parts: tuple[str, ...], ident: str, year: int) -> list[Point] | None:
        own = self.own.get(ident, {})
        first = own.get(parts[0]) if parts else None
        if first and year >= first[0][0]:  # every part recorded the year at the same place: one pass in C
            at = year - first[0][0]
            try:
                found = list(map(itemgetter(at), map(own.__getitem__, parts)))
            except (KeyError, IndexError):
                found = []
            if found and set(map(_YEAR, found)) == {year}:
                return found
        found = []
        for part in parts:
            series = own.get(part)
            point = None
            if series:  # _at, inline: the year's place when the years run on without a gap
                at = year - series[0][0]
                point = series[at] if 0 <= at < len(series) and series[at][0] == year else _at(series, year)
            if point is None:
                point = self.value(part, ident, year)
                if point is None:
                    return None
            found.append(point)
        return found

    def level(self, area: str, level: str, rate: str, year: int) -> tuple[float, PointStatus] | None:
        """A level at ``year``: recorded or made, else the year before's carried by the rate."""
        point = self.value(area, level, year)
        if point is not None:
            return point.value, point.status
        if year <= _FIRST_YEAR:
            return None
        step = self.value(area, rate, year)
        before = self.level(area, level, rate, year - 1) if step is not None else None
        if step is None or before is None:
            return None
        return agg.level_after(before[0], step.value), _weaker(before[1], step.status)


def _at(points: tuple[Point, ...] | None, year: int) -> Point | None:
    """The value of ``year`` in a series sorted by year: at its place when the years run on
    without a gap (a commune's 2020–2025), else found by a scan."""
    if not points:
        return None
    at = year - points[0][0]
    if 0 <= at < len(points) and points[at][0] == year:
        return points[at]
    return next((p for p in points if p[0] == year), None)


def _weaker(*statuses: PointStatus) -> PointStatus:
    return max(statuses, key=_WEAKNESS.__getitem__)


def _named(parts: tuple[str, ...]) -> str:
    if len(parts) <= _SHOWN_PARTS:
        return ", ".join(parts)
    return f"{', '.join(parts[:3])}, … ({len(parts)})"


def _point(year: int, value: float, points: list[Point], formula: str, parts: tuple[str, ...]) -> Point:
    status = _weaker(*set(map(_STATUS, points)))  # thousands of parts: no property calls
    return Point(year, value, status, f"{formula}: {_named(parts)}")


def _sum(v: Values, ind: Indicator, parts: tuple[str, ...], year: int) -> Point | None:
    points = v._all(parts, ind.id, year)
    if points is None:
        return None
    return _point(year, agg.total(list(map(_VALUE, points))), points, "Σ", parts)


def _weighted(v: Values, ind: Indicator, parts: tuple[str, ...], year: int) -> Point | None:
    assert ind.aggregate is not None
    (weight,) = ind.aggregate.of
    points, weights = v._all(parts, ind.id, year), v._all(parts, weight, year)
    if points is None or weights is None:
        return None
    try:
        value = agg.weighted_mean(list(map(_VALUE, points)), list(map(_VALUE, weights)))
    except agg.NotAggregable:
        return None
    return _point(year, value, points + weights, f"Σ {weight}·x ÷ Σ {weight}", parts)


def _ratio(v: Values, ind: Indicator, parts: tuple[str, ...], year: int) -> Point | None:
    assert ind.aggregate is not None
    above, below = ind.aggregate.of
    tops, bottoms = v._all(parts, above, year), v._all(parts, below, year)
    if tops is None or bottoms is None:
        return None
    scale = ind.aggregate.scale
    try:
        value = agg.ratio(list(map(_VALUE, tops)), list(map(_VALUE, bottoms)), scale)
    except agg.NotAggregable:
        return None
    shown = f" × {scale:g}" if scale != 1 else ""
    return _point(year, value, tops + bottoms, f"Σ {above} ÷ Σ {below}{shown}", parts)


def _growth(v: Values, ind: Indicator, parts: tuple[str, ...], year: int) -> Point | None:
    assert ind.aggregate is not None
    (level,) = ind.aggregate.of
    formula = f"Σ {level}(t) ÷ Σ {level}(t−1) − 1: {_named(parts)}"
    previous_levels, levels = v._all(parts, level, year - 1), v._all(parts, level, year)
    if previous_levels is not None and levels is not None:  # every part recorded both levels
        try:
            value = agg.growth(list(map(_VALUE, previous_levels)), list(map(_VALUE, levels)))
        except agg.NotAggregable:
            return None
        return _point(year, value, previous_levels + levels, formula[: formula.index(":")], parts)
    before, now, statuses = [], [], []
    for part in parts:
        previous = v.level(part, level, ind.id, year - 1)
        if previous is None:
            return None
        current = v.value(part, level, year)
        rate = v.value(part, ind.id, year) if current is None else None
        if current is None and rate is None:
            return None
        before.append(previous[0])
        now.append(current.value if current is not None else agg.level_after(previous[0], rate.value))  # type: ignore[union-attr]
        statuses += [previous[1], (current or rate).status]  # type: ignore[union-attr]
    try:
        value = agg.growth(before, now)
    except agg.NotAggregable:
        return None
    return Point(year, value, _weaker(*statuses), formula)


def _count(v: Values, ind: Indicator, parts: tuple[str, ...], year: int) -> Point | None:
    rule = ind.aggregate
    assert rule is not None
    (counted,) = rule.of
    points = v._all(parts, counted, year)
    if points is None:
        return None
    met = agg.count_meeting([p.value for p in points], rule.at_least, rule.at_most)
    sign, bound = ("≥", rule.at_least) if rule.at_least is not None else ("≤", rule.at_most)
    return _point(year, float(met), points, f"#{{{counted} {sign} {bound:g}}} / {len(parts)}", parts)


def _inputs(ind: Indicator) -> tuple[str, ...]:
    """The indicators whose values of the year a rule reads of each part (the indicator itself
    for a sum and a weighted mean; the weight; a ratio's two; a count's)."""
    assert ind.aggregate is not None
    own = (ind.id,) if ind.aggregate.rule in (Rule.SUM, Rule.MEAN_WEIGHTED_BY) else ()
    return own + ind.aggregate.of


def _has_any(v: Values, ind: Indicator, part: str, year: int) -> bool:
    return any(v.value(part, ident, year) is not None for ident in _inputs(ind))


def _lacks_one(v: Values, ind: Indicator, part: str, year: int) -> bool:
    return any(v.value(part, ident, year) is None for ident in _inputs(ind))


def _has_growth(v: Values, ind: Indicator, part: str, year: int) -> bool:
    """A part whose chain reaches the year before (its level, recorded or carried by its rates)
    and goes on: its rate or its level of the year. Where no part has a level of the year before,
    the growth starts later (a base year's rates): nothing is missing."""
    assert ind.aggregate is not None
    (level,) = ind.aggregate.of
    if year - 1 not in v._years_with_values():  # no area has a value of the year before: no chain reaches it
        return False
    if v.value(part, ind.id, year) is None and v.value(part, level, year) is None:
        return False
    return v.level(part, level, ind.id, year - 1) is not None


def _lacks_growth(v: Values, ind: Indicator, part: str, year: int) -> bool:
    """A part without its level of the year before (recorded or carried by its rates), or
    without both its level and its rate of the year."""
    assert ind.aggregate is not None
    (level,) = ind.aggregate.of
    if v.level(part, level, ind.id, year - 1) is None:
        return True
    return v.value(part, level, year) is None and v.value(part, ind.id, year) is None


#: per rule: whether a part has a value of the year the rule reads, and whether it lacks one it needs
NEEDS: dict[Rule, tuple[Callable[[Values, Indicator, str, int], bool], Callable[[Values, Indicator, str, int], bool]]] = {
    Rule.SUM: (_has_any, _lacks_one),
    Rule.MEAN_WEIGHTED_BY: (_has_any, _lacks_one),
    Rule.RATIO: (_has_any, _lacks_one),
    Rule.COUNT: (_has_any, _lacks_one),
    Rule.GROWTH_OF: (_has_growth, _lacks_growth),
}

#: what a rule cannot do with every part's values (aggregate.NotAggregable): the messages' word
_FAILS = {Rule.MEAN_WEIGHTED_BY: "weights", Rule.RATIO: "denominator", Rule.GROWTH_OF: "level"}


MAKERS: dict[Rule, Callable[[Values, Indicator, tuple[str, ...], int], Point | None]] = {
    Rule.SUM: _sum,
    Rule.MEAN_WEIGHTED_BY: _weighted,
    Rule.RATIO: _ratio,
    Rule.GROWTH_OF: _growth,
    Rule.COUNT: _count,
}


def _years(dataset: Dataset) -> range:
    years = {p.year for points in dataset.series.values() for p in points}
    series = [points for points in chain.from_iterable(s.values() for s in dataset.by_area.values()) if points]
    if series:  # each sorted by year: its first and last are enough
        years |= {min(map(_YEAR, map(itemgetter(0), series))), max(map(_YEAR, map(itemgetter(-1), series)))}
    for plan in dataset.plans.values():
        years |= {plan.base_year, plan.target_year}
    return range(min(years), max(years) + 1) if years else range(0)


def series_of(values: Values, area: str, years: range) -> dict[str, tuple[Point, ...]]:
    """Every indicator's yearly series for ``area``: its own values and those made from its parts."""
    found: dict[str, tuple[Point, ...]] = {}
    for ident in values.indicators:
        points = [p for p in (values.value(area, ident, y) for y in years) if p is not None]
        if points:
            found[ident] = tuple(points)
    return found


def area_plans(dataset: Dataset, area: str, top: str) -> dict[str, Plan]:
    """The plans an area is evaluated against: its own (a former province's term), and for the
    territory the plans that name no area; for any other area, the territory's plans restricted
    to the rows that set a target for it, with that target's value."""
    own = {k: p._replace(area=area) for k, p in dataset.plans.items() if (p.area or top) == area}
    if own:
        return own
    found: dict[str, Plan] = {}
    named = dataset.areas[area]
    for key, plan in dataset.plans.items():
        rows = tuple(_for_area(row, area) for row in plan.rows if any(a == area for a, _v in row.areas))
        if rows and (plan.area or top) == top:
            found[key] = plan._replace(
                rows=rows, area=area, name=f"{plan.name} — {named.name}", name_en=f"{plan.name_en} — {named.name_en or named.name}" if plan.name_en else ""
            )
    return found


def _for_area(row: PlanRow, area: str) -> PlanRow:
    value = next(v for a, v in row.areas if a == area)
    return row._replace(target=row.target._replace(value=value, upper=None, printed=""))


def check_area(dataset: Dataset, area: str) -> None:
    """UsageError naming the known areas when ``area`` is not one of them."""
    if area not in dataset.areas:
        if not dataset.areas:
            raise UsageError(Text("area.none", area=repr(area)))
        raise UsageError(Text("area.unknown", area=repr(area)), tuple(dataset.areas))


def for_area(dataset: Dataset, area: str | None = None) -> tuple[Dataset, tuple[tuple[str, str], ...]]:
    """The dataset as seen from ``area`` (the territory when None), and the (area, indicator)
    pairs refused as not aggregable though their parts have values."""
    seen, values = _for_area_with(dataset, area)
    return seen, tuple(sorted(values.refused)) if values is not None else ()


def _for_area_with(dataset: Dataset, area: str | None) -> tuple[Dataset, Values | None]:
    """``for_area``, with the values it was seen through (what was refused, not made from parts
    not known to be whole, not made for what parts lack); None for data without areas."""
    if not dataset.areas:
        if area is not None:
            check_area(dataset, area)
        return dataset, None
    top = root(dataset.areas)
    chosen = area if area is not None else top
    if chosen is None:
        return dataset, None
    check_area(dataset, chosen)
    values = Values(dataset)
    return view(values, dataset, chosen), values


def view(values: Values, dataset: Dataset, area: str) -> Dataset:
    """The dataset as seen from ``area``, from values already indexed (one pass for many areas).
    The territory's own values stay under its id in ``by_area``: ``series`` is the area's."""
    top = root(dataset.areas) or area
    series = series_of(values, area, _years(dataset))
    periods = dataset.periods if area == top else {}
    own = {ident: by_area[top] for ident, by_area in values.own.items() if top in by_area}
    # what a report published is of its own plan's area: a commune seen against the territory's
    # plan has none (the audit would compare it with the province's figures)
    owned = any((p.area or top) == area for p in dataset.plans.values())
    published = dataset.published if owned else {}
    # the values replaced of the area's own (README "History of a value"): the territory's are
    # ``history``, an area's its entry of ``area_history``
    history = {**dataset.area_history.get(top, {}), **dataset.history} if area == top else dataset.area_history.get(area, {})
    return dataset._replace(
        series=series, plans=area_plans(dataset, area, top), periods=periods, published=published, by_area=dataset.by_area | {top: own}, history=history
    )


def observed_parts(dataset: Dataset, area: str, ident: str, of_view: bool = False) -> tuple[tuple[Area, tuple[Point, ...]], ...]:
    """The parts of ``area`` and their series of one indicator (own or made), for `kpi show`;
    ``of_view``: ``dataset`` is a view (``view``), not the files' data."""
    values = Values(dataset, of_view)
    years = _years(dataset)
    found = []
    for part in values.territory.all_parts(area):
        points = tuple(p for p in (values.value(part, ident, y) for y in years) if p is not None)
        found.append((dataset.areas[part], points))
    return tuple(found)


def seen_from(dataset: Dataset, area: str | None, plan: str | None) -> tuple[Dataset, list[Text]]:
    """The dataset the commands work on: as seen from ``area``, else from the area of the plan
    asked for (a former province's own term), else from the territory; with what must be said
    about values its parts' values cannot make (not aggregable, a list of some parts, parts
    lacking a value)."""
    if area is None and plan is not None and plan in dataset.plans:
        area = dataset.plans[plan].area
    view, values = _for_area_with(dataset, area)
    if values is None:
        return view, []
    return view, _said(dataset, view, values)


def _said(dataset: Dataset, seen: Dataset, values: Values) -> list[Text]:
    """What must be said of the values ``seen`` (a view) was made from, as soon as it is made
    (the values of other areas' views would add their own): not aggregable, a list of some
    parts, parts lacking a value."""
    said = [Text("areas.not_aggregable", area=a, indicator=i) for a, i in sorted(values.refused)]
    return said + incomplete_said(dataset, values.incomplete) + gaps_said(dataset, seen, values.gaps)


def incomplete_said(dataset: Dataset, incomplete: set[tuple[str, str, int]]) -> list[Text]:
    """One line per area and indicator not made from a list of parts not known to be whole,
    naming its years (README "Values made from the parts")."""
    years: dict[tuple[str, str], list[int]] = {}
    for area, ident, year in sorted(incomplete):
        years.setdefault((area, ident), []).append(year)
    territory = Territory(dataset.areas) if incomplete else None
    said = []
    for (area, ident), found in years.items():
        assert territory is not None
        listed, declared = len(territory.children.get(area, ())), dataset.areas[area].parts
        key = "areas.parts_undeclared" if declared is None else "areas.parts_incomplete"
        said.append(Text(key, area=area, indicator=ident, years=", ".join(map(str, found)), listed=listed, parts=declared if declared is not None else ""))
    return said


def gaps_said(dataset: Dataset, seen: Dataset, gaps: dict[tuple[str, str, int], Gap]) -> list[Text]:
    """One line per indicator and what its parts lack, of the area seen from, the indicators of
    its plans and their years (a part's own gaps, and what no plan reads, are not its): the
    years, and the parts without a value the rule needs (README "Values made from the parts")."""
    spans = [(p.base_year, p.target_year) for p in seen.plans.values()]
    rows = {row.indicator for p in seen.plans.values() for row in p.rows}
    area = next((p.area for p in seen.plans.values() if p.area), None)
    years: dict[tuple[str, Gap], list[int]] = {}
    for (where, ident, year), gap in sorted(gaps.items()):
        if where == area and ident in rows and any(first <= year <= last for first, last in spans):
            years.setdefault((ident, gap), []).append(year)
    said = []
    for (ident, gap), found in years.items():
        shown = ", ".join(map(str, found))
        if gap.missing:
            said.append(Text("areas.parts_missing", area=area, indicator=ident, years=shown, parts=_named(gap.missing)))
        else:
            said.append(Text("areas.parts_not_made", area=area, indicator=ident, years=shown, why=Text(f"areas.cannot.{gap.why or 'rule'}")))
    return said


class MissingParts(NamedTuple):
    """A result's reason when its area's value of the year is not made because parts lack one:
    the year and those parts (``with_missing_parts``), said in either language."""

    year: int
    areas: tuple[Area, ...]

    def render(self, lang: str) -> str:
        names = ", ".join(a.name_en if lang == "en" and a.name_en else a.name for a in self.areas)
        return Text("areas.missing_of", year=self.year, parts=names).render(lang)


def with_missing_parts(result: PlanResult, dataset: Dataset) -> PlanResult:
    """The results of a plan of ``dataset`` (a view, ``view``) whose rows without data have no
    value of the as-of year because parts of the area lack one: their reason names those parts
    (``parts_missing``, ``MissingParts``) in place of "no values"."""
    area = result.plan.area
    if not dataset.areas or area not in dataset.areas:
        return result
    wanted = [r for r in result.results if r.rated and r.status is Status.NO_DATA and _at(dataset.series.get(r.id), result.as_of) is None]
    if not wanted:
        return result
    values = Values(dataset, of_view=True)
    lacking = {}
    for r in wanted:
        if values.value(area, r.id, result.as_of) is None and (area, r.id, result.as_of) in values.gaps:
            missing = values.gaps[(area, r.id, result.as_of)].missing
            if missing:
                lacking[r.id] = Reason("parts_missing", MissingParts(result.as_of, tuple(dataset.areas[p] for p in missing)))
    if not lacking:
        return result
    return result._replace(results=tuple(r._replace(reason=lacking[r.id]) if r.id in lacking else r for r in result.results))


def _territory_plan(dataset: Dataset, plan_id: str | None, asked: str) -> tuple[Values, Dataset, Plan, list[Text]]:
    """The values indexed once, the territory's view, its plan (``plan_id``, else its first)
    and what must be said of the territory's values, as `kpi status` says it (``seen_from``)."""
    top = root(dataset.areas)
    if top is None:
        raise UsageError(Text("area.none", area=asked))
    values = Values(dataset)
    whole = view(values, dataset, top)
    said = _said(dataset, whole, values)  # before the areas' views add what is theirs
    if not whole.plans:
        raise UsageError(Text("cli.no_plan"))
    if plan_id is not None and plan_id not in whole.plans:
        raise UsageError(Text("plan.unknown", plan=repr(plan_id)), tuple(whole.plans))
    return values, whole, whole.plans[plan_id or next(iter(whole.plans))], said


def _yearly(
    whole: Dataset, plan: Plan, as_of: int | Period | None, option: str, rated: bool = True, said: str = "area.within_year"
) -> int | None:
    """The year the areas are evaluated as of (README "Territory"). An area's values are yearly
    (its months and quarters are not used), so where the plan is answered within its year — an
    annual plan's monthly report: a month or a quarter of its year asked, or nothing asked while
    its year is open, as `kpi status` finds it — the areas have no verdict of that period: refused,
    saying so (the message ``said``), never the year's verdict in its place (nothing is final
    before December). ``rated``: whether an area has a verdict to give (a target), else nothing
    is refused."""
    from .periods import asked_period

    period = asked_period(whole, plan, as_of)
    if period is not None and rated:
        raise UsageError(Text(said, option=option, plan=plan.id, period=period.key, year=period.year))
    return as_of.year if isinstance(as_of, Period) else as_of


def area_yearly(dataset: Dataset, seen: Dataset, area: str, plan_id: str | None, as_of: int | Period | None) -> None:
    """`--area` of an area within the territory (``seen``: the files' ``dataset`` seen from it,
    ``view``) against the territory's plan (``plan_id``, else the first it is seen against):
    refused as ``--by-area`` is (``_yearly``) where `kpi status` answers that plan with its
    monthly report, the area having yearly values only — never the year's final verdict within
    the year. The territory itself, an area's own plan (a former province's, ``area:``) and a
    plan the area is not seen against are left to the command."""
    from .periods import latest_period

    top = root(dataset.areas)
    plan = seen.plans.get(plan_id) if plan_id is not None else next(iter(seen.plans.values()), None)
    territory = dataset.plans.get(plan.id) if plan is not None and area != top else None
    if top is None or territory is None or not is_annual(territory) or (territory.area or top) != top:
        return
    whole = dataset
    if as_of is None and latest_period(dataset, territory) is not None:
        # the territory's values as `kpi status` sees them say whether its year is open: a value
        # made from the parts closes it too (the months are the same: the territory's own)
        whole = view(Values(dataset), dataset, top)
    _yearly(whole, territory, as_of, f"--area {area}", said="area.within_year_area")


class AreaResult(NamedTuple):
    """One area's result of one indicator against its own target (`kpi status --by-area`)."""

    area: Area
    result: Result
    rank: int  # 1 = the best percentage of its target; areas without one come last


def across_areas(
    dataset: Dataset, indicator: str, plan_id: str | None = None, as_of: int | Period | None = None
) -> tuple[PlanResult, tuple[AreaResult, ...], list[Text]]:
    """The territory's result of a plan and each area's result of ``indicator`` against the
    target the plan sets for it (``areas:`` of its row), at the territory's as-of year; ranked
    by the forecast's percentage of the target (direction-aware), best first; and what must be
    said of the territory's values, once (``seen_from``). A plan answered within its year is
    refused (``_yearly``) where an area has a target for ``indicator``."""
    from .evaluate import evaluate

    values, whole, plan, said = _territory_plan(dataset, plan_id, repr(indicator))
    row = next((r for r in plan.rows if r.indicator == indicator), None)
    if row is None:
        raise UsageError(Text("plan.not_in_plan", indicator=repr(indicator), plan=repr(plan.id)))
    # without an area's target there is no verdict to refuse: the one line saying so, whatever the period
    overall = with_missing_parts(evaluate(whole, plan.id, _yearly(whole, plan, as_of, "--by-area", bool(row.areas))), whole)
    found = []
    for area, _target in row.areas:
        seen = view(values, dataset, area)
        result = next(r for r in with_missing_parts(evaluate(seen, plan.id, overall.as_of), seen).results if r.id == indicator)
        found.append((dataset.areas[area], result))
    ranked = sorted(found, key=lambda pair: _rank_key(pair[1]))
    # ties share a place, at the printed precision: 1, 2, 3, 3, 5 (README "Territory")
    shown = [_rank_key(result, plan.settings.precision) for _area, result in ranked]
    return overall, tuple(AreaResult(area, result, shown.index(shown[i]) + 1) for i, (area, result) in enumerate(ranked)), said


def _rank_key(result: Result, precision: int | None = None) -> tuple[bool, float]:
    """Best first; with ``precision``, the percentage as printed (ties compare equal)."""
    pct = result.figures.forecast.pct
    if pct is None:
        pct = result.figures.attainment_pct
    if pct is not None and precision is not None:
        from .calc import round_half_up

        pct = round_half_up(pct, precision)
    return pct is None, -(pct if pct is not None else 0.0)


def met(results: tuple[AreaResult, ...]) -> int:
    """How many areas achieved or exceeded their target ("320/411 xã đạt")."""
    return sum(1 for r in results if r.result.status in (Status.ACHIEVED, Status.EXCEEDED))


class ScoreRow(NamedTuple):
    """One area's line of a scorecard: its result of each indicator, None where it has no target."""

    area: Area
    results: tuple[Result | None, ...]


def scorecard(
    dataset: Dataset, plan_id: str | None = None, as_of: int | Period | None = None
) -> tuple[PlanResult, tuple[str, ...], tuple[ScoreRow, ...], list[Text]]:
    """Areas × the plan's indicators that set areas' targets: the territory's own line first,
    then each area with a target, in the order targets.yaml declares them, each evaluated at
    the territory's as-of year against its own targets (README "Territory"); and what must be
    said of the territory's values, once (``seen_from``). A plan answered within its year is
    refused (``_yearly``)."""
    from .evaluate import evaluate

    values, whole, plan, said = _territory_plan(dataset, plan_id, "--scorecard")
    top = plan.area or ""
    columns = tuple(row.indicator for row in plan.rows if row.areas)
    overall = with_missing_parts(evaluate(whole, plan.id, _yearly(whole, plan, as_of, "--scorecard")), whole)
    by_id = {r.id: r for r in overall.results}
    lines = [ScoreRow(dataset.areas[top], tuple(by_id.get(i) for i in columns))]
    targeted = {a for row in plan.rows for a, _value in row.areas}
    for area in (a for a in dataset.areas if a in targeted):
        seen = view(values, dataset, area)
        results = {r.id: r for r in with_missing_parts(evaluate(seen, plan.id, overall.as_of), seen).results}
        lines.append(ScoreRow(dataset.areas[area], tuple(results.get(i) for i in columns)))
    return overall, columns, tuple(lines), said
