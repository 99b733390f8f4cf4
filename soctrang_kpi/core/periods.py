"""Within the year: months, quarters and lũy kế against an annual plan (README "Within the year").

What an indicator's values mean within a year (``WithinYear``) is read from two tables — its
kind's, then its unit's — unless the indicator declares it (``within_year:``). A flow adds up
(months to quarters to the year; a lũy kế is a sum), a level or a share is the value at the
period's end, a rate is each period against the same period of last year and is never summed.

``figures`` computes what a monthly report prints for one indicator as of a month: the month's
value, the lũy kế, its percentage of the year's plan, the change against the same period last
year, the share of the year elapsed, the estimate of the whole year and a verdict that stays
provisional until December. Pure: no I/O.
"""

import re
from collections.abc import Callable, Iterable
from enum import Enum
from ..records import NamedTuple

from . import calc
from .classify import reaches, target_met, value_reaches
from .kinds import KINDS, near_bound
from ..numbers import common_decimals, exact_sum
from ..errors import NotComputable, UsageError
from .model import (
    Basis, Dataset, Direction, Drop, Indicator, Kind, Period, PeriodPoint, Plan, PlanRow, Point, PointStatus, RangeBasis,
    Settings, Target, WithinYear, begun, is_annual,
)

#: a growth target's basis: its values are rates, or levels whose unit says the rest
BASIS_WITHIN_YEAR: dict[Basis, WithinYear | None] = {Basis.RATE: WithinYear.RATE, Basis.LEVEL: None}

#: units (folded: lower case, no accents) and what they say, the first match winning; a unit per
#: person or per year ("triệu đồng/người") is a ratio, not a flow, and says nothing
UNIT_WITHIN_YEAR: tuple[tuple[str, WithinYear | None], ...] = (
    ("/", None),
    ("%", WithinYear.LEVEL),
    ("usd", WithinYear.FLOW),
    ("dong", WithinYear.FLOW),
    ("vnd", WithinYear.FLOW),
    ("nguoi", WithinYear.LEVEL),
    ("person", WithinYear.LEVEL),
    ("people", WithinYear.LEVEL),
    ("hang", WithinYear.LEVEL),
    ("rank", WithinYear.LEVEL),
)


def _folded(text: str) -> str:
    import unicodedata

    text = text.lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def within_year(indicator: Indicator, target: Target | None) -> WithinYear | None:
    """What the indicator's values mean within a year: declared, else by its kind, else by its
    unit; None when neither says (then no within-year figure is computed, and it is said why)."""
    if indicator.within_year is not None:
        return indicator.within_year
    if target is not None:
        by_kind = KINDS[target.kind].within_year  # the kind's entry says, or leaves it to the unit
        if by_kind is not None:
            return by_kind
        if target.kind is Kind.GROWTH and BASIS_WITHIN_YEAR[target.basis] is not None:
            return BASIS_WITHIN_YEAR[target.basis]
    unit = _folded(indicator.unit)
    if not unit:
        return None
    return next((meaning for word, meaning in UNIT_WITHIN_YEAR if word in unit), None)


# --- periods as written ------------------------------------------------------------------------

_MONTH = r"(\d{4})-(\d{2})"
_QUARTER = r"(\d{4})-Q([1-4])"


def parse_period(text: str, ytd: bool = False) -> Period | None:
    """``2026-06`` (a month, or with ``ytd`` the lũy kế to it), ``2026-Q2``; None otherwise."""
    month = re.fullmatch(_MONTH, text)
    if month and 1 <= int(month.group(2)) <= 12:
        last = int(month.group(2))
        return Period(int(month.group(1)), 1 if ytd else last, last, ytd)
    quarter = re.fullmatch(_QUARTER, text)
    if quarter and not ytd:
        q = int(quarter.group(2))
        return Period(int(quarter.group(1)), 3 * q - 2, 3 * q)
    return None


def looks_like_period(key: object) -> bool:
    """A key written as a period (``2026-06``, ``2026-Q2``, or a mistyped ``2026-6``): checked as
    one, never as a year."""
    return type(key) is str and len(key) > 5 and key[:4].isdigit() and key[4] == "-"


def as_of_month(period: Period) -> int:
    """The month a report as of ``period`` runs to (2026-Q2: June)."""
    return period.last


# --- the figures of a monthly report ----------------------------------------------------------


class Verdict(str, Enum):
    """The year's plan at a point within the year; provisional before December."""

    ON_COURSE = "on_course"  # "đúng tiến độ": the year's estimate reaches the plan
    BEHIND = "behind"  # "chậm tiến độ": it does not, so far
    ACHIEVED = "achieved"  # December: the year's plan met
    MISSED = "missed"  # December: not met
    NO_DATA = "no_data"


class EstimateSource(str, Enum):
    ENTERED = "entered"  # an "ước cả năm" recorded for the year
    SEASONAL = "seasonal"  # lũy kế ÷ last year's share of the year to the same month


class Reading(NamedTuple):
    value: float
    status: PointStatus


class MonthFigures(NamedTuple):
    """What a monthly report prints for one indicator as of ``period`` (README "Within the year")."""

    period: Period
    meaning: WithinYear | None
    plan: float | None = None  # the year's target (a flow's or level's amount, a rate's percent)
    plan_upper: float | None = None
    alone: Reading | None = None  # the month's (or quarter's) own value
    to_date: Reading | None = None  # lũy kế (flow), value at the end (level), rate so far (rate)
    plan_pct: float | None = None  # % of the year's plan ("% KH năm"; of a flow's cap, the share used: ``_stated``)
    same_period: float | None = None  # last year's value of the same period
    change_pct: float | None = None  # "so với cùng kỳ": change in percent (a rate: the rate itself)
    elapsed_pct: float = 0.0  # share of the year elapsed, in percent
    seasonal_pct: float | None = None  # last year's share of the year reached by the same month
    estimate: float | None = None  # "ước cả năm"
    estimate_source: EstimateSource | None = None
    estimate_pct: float | None = None  # the estimate's % of the year's plan, stated as ``plan_pct`` is
    verdict: Verdict = Verdict.NO_DATA
    final: bool = False  # December: the verdict is the year's
    reason: str = ""  # a code when there is no figure or verdict: "unknown_meaning", "no_values", "no_last_december", …


class Series(NamedTuple):
    """An indicator's values around one year: its yearly points and its period points
    (``Series.of`` indexes them once, so a lũy kế of many months costs one look-up per month)."""

    years: tuple[Point, ...]
    periods: tuple[PeriodPoint, ...]
    by_period: dict[Period, Reading] = {}
    decimals: int | None = -1  # the most decimals a value within the year is written with (numbers.common_decimals); -1: not read yet

    @classmethod
    def of(cls, years: tuple[Point, ...], periods: tuple[PeriodPoint, ...]) -> "Series":
        return cls(years, periods, {p.period: Reading(p.value, p.status) for p in periods}, common_decimals(p.value for p in periods))

    def yearly(self, year: int) -> Reading | None:
        return next((Reading(p.value, p.status) for p in self.years if p.year == year and p.status is not PointStatus.PLAN), None)

    def exact(self, period: Period) -> Reading | None:
        if self.by_period:
            return self.by_period.get(period)
        return next((Reading(p.value, p.status) for p in self.periods if p.period == period), None)

    def to_date(self, year: int, month: int, meaning: WithinYear) -> Reading | None:
        """The value January to ``month``: recorded as a lũy kế, else (a flow) summed from
        months and quarters that cover it exactly; a level's is the value at the month's end."""
        if month == 12:
            whole = self.yearly(year)
            if whole is not None and meaning is not WithinYear.LEVEL:
                return whole
        recorded = self.exact(Period(year, 1, month, True))
        if recorded is not None:
            return recorded
        if meaning is WithinYear.LEVEL:
            return self.at_end(year, month)
        if meaning is WithinYear.RATE and month == 3:
            return self.exact(Period(year, 1, 3))  # the first quarter is the lũy kế of three months
        if meaning is not WithinYear.FLOW:
            return None
        return self.summed(year, 1, month)

    def at_end(self, year: int, month: int) -> Reading | None:
        """A level at the end of ``month``: the month's value, else the quarter's ending there,
        else (December) the year's."""
        for period in (Period(year, month, month), Period(year, month - 2, month), Period(year, 1, month, True)):
            found = self.exact(period)
            if found is not None:
                return found
        return self.yearly(year) if month == 12 else None

    def summed(self, year: int, first: int, last: int) -> Reading | None:
        """A flow from ``first`` to ``last``: a recorded lũy kế to a month before, then quarters
        and months after it, each month counted once; None when a month is missing."""
        pieces: list[float] = []
        statuses: list[PointStatus] = []
        month = first
        if first == 1:
            for earlier in range(last - 1, 0, -1):
                found = self.exact(Period(year, 1, earlier, True))
                if found is not None:
                    pieces, statuses, month = [found.value], [found.status], earlier + 1
                    break
        while month <= last:
            quarter = self.exact(Period(year, month, month + 2)) if month % 3 == 1 and month + 2 <= last else None
            piece = quarter or self.exact(Period(year, month, month))
            if piece is None:
                return None
            pieces.append(piece.value)
            statuses.append(piece.status)
            month += 3 if quarter else 1
        return Reading(exact_sum(pieces, self.decimals), least_final(statuses))  # exact to the values' decimals

    def alone(self, period: Period, meaning: WithinYear) -> Reading | None:
        """The period's own value (the month, the quarter): recorded, or a flow's difference of
        two lũy kế."""
        own = Period(period.year, period.first, period.last)
        found = self.exact(own)
        if found is not None or meaning is not WithinYear.FLOW:
            return found
        to = self.to_date(period.year, period.last, meaning)
        before = self.to_date(period.year, period.first - 1, meaning) if period.first > 1 else Reading(0.0, PointStatus.ACTUAL)
        if to is None or before is None:
            return None
        return Reading(exact_sum((to.value, -before.value)), least_final([to.status, before.status]))


_FINALITY = (PointStatus.ACTUAL, PointStatus.PRELIMINARY, PointStatus.ESTIMATE, PointStatus.PLAN)


def least_final(statuses: Iterable[PointStatus]) -> PointStatus:
    return max(statuses, key=_FINALITY.index, default=PointStatus.ACTUAL)


def year_plan(target: Target, meaning: WithinYear | None, last_year: Reading | None) -> tuple[float | None, float | None]:
    """The year's target as an amount (a flow, a level) or a percent (a rate): a growth target of
    a level ("xuất khẩu tăng 10 %") is last year's value grown by it (also when how its months add
    up is not known, ``meaning`` None: the year's amount does not depend on it); a reduction
    ("tỷ lệ hộ nghèo giảm 0,5 điểm") is last year's rate brought down by it, in points or percent."""
    if target.value is None:
        return None, None
    if of_last_year(target, meaning):
        if last_year is None:
            return None, None
        of_last = _OF_LAST_YEAR[target.kind]
        last = last_year.value
        return of_last(last, target.value, target), None if target.upper is None else of_last(last, target.upper, target)
    return target.value, target.upper


def of_last_year(target: Target, meaning: WithinYear | None) -> bool:
    """Whether the year's plan is an amount made from last year's value (``year_plan``): a
    reduction, a growth of a level; not a level, a rate, nor a growth of a rate."""
    return target.kind in _OF_LAST_YEAR and (
        target.kind is not Kind.GROWTH or (target.basis is Basis.LEVEL and meaning is not WithinYear.RATE)
    )


def _grown(last: float, rate: float, target: Target) -> float:
    return last * (1 + rate / 100)


def _brought_down(last: float, drop: float, target: Target) -> float:
    return last - drop if target.drop is Drop.POINTS else last * (1 - drop / 100)


#: the kinds whose year's plan is an amount made from last year's value by the target
_OF_LAST_YEAR: dict[Kind, Callable[[float, float, Target], float]] = {Kind.GROWTH: _grown, Kind.REDUCTION: _brought_down}


def level_direction(target: Target) -> Direction:
    """Which way the year's plan as an amount (``year_plan``) is better: the target's, but a
    reduction's plan is a rate to bring down to (a drop of at least 0,5 is a rate of at most)."""
    if target.kind is Kind.REDUCTION:
        return Direction.AT_MOST if target.direction is Direction.AT_LEAST else Direction.AT_LEAST
    return target.direction


def _pct(value: float, goal: float, direction: Direction) -> float | None:
    try:
        return calc.attainment(value, goal, direction)
    except NotComputable:  # a zero target: no percentage
        return None


def _of_plan(
    value: float, plan: float, upper: float | None, target: Target, start: Reading | None = None, basis: RangeBasis = RangeBasis.LOWER,
) -> float | None:
    """``value``'s percentage of the year's plan as the year's verdict rates it: a band's by
    ``calc.band_attainment`` (100 inside it), a progress target's the share of the way from
    ``start`` (last December's value; none without it), any other's direction-aware
    (``calc.attainment``) — a range's (``plan`` to ``upper``) against the bound ``basis`` names
    (``settings.range_basis``: the upper one, "đạt 65,9% kế hoạch" for 20.105 of 30.000–30.500),
    as the yearly % is stated; a verdict (``_meets``) asks it of the bound that meets the plan."""
    if target.kind is Kind.PROGRESS:
        return None if start is None else _way(value, start.value, plan)
    if target.kind is Kind.BAND and upper is not None:
        return calc.band_attainment(value, plan, upper)
    return _pct(value, upper if basis is RangeBasis.UPPER and upper is not None else plan, level_direction(target))


#: the meanings whose at-most plan within the year is a cap the lũy kế uses up (README "Within the
#: year"): a flow's to-date sum against a yearly cap is stated as the share of the cap used —
#: 281 accidents of "dưới 300" is 93,67 %, as offices print it, rising as the year goes — never
#: the year's attainment (300 / 281); a level or a rate at most its plan (a poverty rate ≤ 2 %)
#: is no share of a cap and keeps the direction-aware percentage
CAP_USED: frozenset[WithinYear] = frozenset({WithinYear.FLOW})


def _stated(
    value: float, plan: float, upper: float | None, target: Target, meaning: WithinYear, start: Reading | None, basis: RangeBasis,
) -> float | None:
    """The monthly report's % KH năm of ``value`` (the lũy kế, or the estimate of the year): of a
    positive cap on a flow (``CAP_USED``, the target at most its plan), the share of the cap used,
    value ÷ cap · 100 (a range's cap its upper bound, the most it may reach: "280–300" of tax
    arrears is a cap of 300 — stated of its lower bound, a ceiling's share would be a floor's, and
    kpi import could no longer tell a ceiling range from its table); else ``_of_plan``'s, the
    percentage the year's verdict rates; a place has none (README "rank": PCI 16 against the top 15
    is no "93,75%"). Said only: the verdict compares by ``_meets``."""
    if KINDS[target.kind].places:
        return None
    cap = upper if upper is not None else plan
    if meaning in CAP_USED and level_direction(target) is Direction.AT_MOST and target.kind not in _OWN_PCT and cap > 0:
        return 100 * value / cap
    return _of_plan(value, plan, upper, target, start, basis)


#: the kinds whose percentage within the year is their own (a progress target's way, a band's 100 inside it)
_OWN_PCT = frozenset({Kind.PROGRESS, Kind.BAND})


def _meets(value: float, goal: float, upper: float | None, target: Target, precision: int, tolerance: float) -> bool:
    """``value`` meets the year's plan (or the point on its path) ``goal``, by the one rule of a
    target met (``classify.target_met``): its percentage at the plan's precision, direction- and
    strict-aware ("trên 750" is not met at 750), "khoảng" within its tolerance; a zero goal, which
    has no percentage, is compared with the value at the plan's precision."""
    pct = _of_plan(value, goal, upper, target)
    if pct is None:
        return value_reaches(value, goal, level_direction(target), precision, target.strict)
    return target_met(pct, target, precision, tolerance)


class Whole(NamedTuple):
    """The indicator a ``share_of`` target is a share of, with its values."""

    indicator: Indicator
    series: Series


def share_series(part: Indicator, series: Series, whole: Whole | None, period: Period) -> Series | None:
    """The share itself within the year (README "Within the year", *share of*): 100 · the part's
    value ÷ the whole's, for each month of last year and of the year to ``period`` where both have
    one (a lũy kế of each when both are flows, the value at the month's end when both are levels;
    the shown period's own values, and each year's), as a level of a percentage. None when the
    two are not the same kind of quantity within the year (a flow over a level, a rate, one whose
    meaning nothing says): then there is no share of a period to judge."""
    if whole is None:
        return None
    meaning = within_year(part, None)
    if meaning is None or meaning is WithinYear.RATE or meaning is not within_year(whole.indicator, None):
        return None

    def ratio(a: Reading | None, b: Reading | None) -> Reading | None:
        if a is None or b is None or b.value <= 0:
            return None
        return Reading(100 * a.value / b.value, least_final((a.status, b.status)))

    years = tuple(
        Point(y, r.value, r.status)
        for y in sorted({p.year for p in series.years})
        if (r := ratio(series.yearly(y), whole.series.yearly(y))) is not None
    )
    found = []
    for year, last in ((period.year - 1, 12), (period.year, period.last)):
        for month in range(1, last + 1):
            r = ratio(series.to_date(year, month, meaning), whole.series.to_date(year, month, meaning))
            if r is not None:
                found.append(PeriodPoint(Period(year, 1, month, True), r.value, r.status))
    own = Period(period.year, period.first, period.last)
    alone = ratio(series.alone(own, meaning), whole.series.alone(own, meaning))
    if alone is not None:
        found.append(PeriodPoint(own, alone.value, alone.status))
    return Series.of(years, tuple(found))


def _share_read(
    part: Indicator, target: Target, series: Series, whole: Whole | None, period: Period,
) -> tuple[Indicator, Target, Series] | None:
    """A ``share_of`` row read within the year as what it is judged as: a level of a percentage
    (its unit "%"), the share itself (``share_series``) its values; None when that share cannot
    be made."""
    shares = share_series(part, series, whole, period)
    if shares is None:
        return None
    return part._replace(unit="%", within_year=WithinYear.LEVEL), target._replace(kind=Kind.LEVEL), shares


def _share_figures(
    indicator: Indicator, target: Target, series: Series, period: Period, precision: int, tolerance: float, whole: Whole | None,
    basis: RangeBasis,
) -> MonthFigures:
    """A ``share_of`` row within the year: the share of the period (``share_series``) judged as a
    level of that share; without the share of the period (the whole's months missing, or the two
    not adding up alike) no figure and no verdict, reason ``share_not_known`` — never the part's
    own amount against a percentage."""
    shares = _share_read(indicator, target, series, whole, period)
    if shares is None:
        return MonthFigures(period, None, target.value, target.upper, elapsed_pct=100 * as_of_month(period) / 12, reason="share_not_known")
    found = figures(*shares, period, precision, tolerance, basis=basis)
    if found.to_date is None and found.estimate is None:
        return found._replace(reason="share_not_known")
    return found


def _way(value: float, start: float, plan: float) -> float | None:
    """A ``progress`` target's percentage within the year: the share of the way from last
    December's value (else last year's) to the year's plan, whichever side the plan lies on."""
    try:
        return calc.progress(start, value, plan)
    except NotComputable:  # the plan is last year's value: no way to measure
        return None


def figures(
    indicator: Indicator, target: Target, series: Series, period: Period, precision: int = 2,
    tolerance: float = Settings().approximate_tolerance, whole: Whole | None = None, basis: RangeBasis = RangeBasis.LOWER,
) -> MonthFigures:
    """The monthly report's figures of one indicator against its annual ``target``, as of
    ``period`` (a month or a quarter: the report runs January to its last month); every verdict
    compares at ``precision``, the plan's, an approximate target within ``tolerance`` (README
    "Within the year"). A ``share_of`` target is judged on the share of the period, with
    ``whole``, the indicator it is a share of. A range's percentages (% KH năm, the estimate's)
    are stated against the bound ``basis`` names (``settings.range_basis``), its verdict met at
    its near bound whatever the basis."""
    if target.kind is Kind.SHARE_OF:
        return _share_figures(indicator, target, series, period, precision, tolerance, whole, basis)
    meaning = within_year(indicator, target)
    year, month = period.year, as_of_month(period)
    elapsed = 100 * month / 12
    base = MonthFigures(period, meaning, elapsed_pct=elapsed)
    last_whole = series.yearly(year - 1)
    plan, upper = year_plan(target, meaning, last_whole)
    base = base._replace(plan=plan, plan_upper=upper)
    if meaning is None:  # the year's plan is known; how its months add up is not: no figure, no verdict
        return base._replace(reason="unknown_meaning")
    shown_period = period if not period.ytd else Period(year, month, month)
    alone = series.alone(shown_period, meaning)
    to_date = series.to_date(year, month, meaning)
    base = base._replace(alone=alone, to_date=to_date)
    entered = series.yearly(year) if month < 12 else None
    # a progress target measures the way from last December's value (else last year's) to the plan
    start = series.at_end(year - 1, 12) if target.kind is Kind.PROGRESS else None
    if to_date is None:
        if entered is None or plan is None:
            return base._replace(reason="no_values")
        # no lũy kế to the month (a rate's quarters make none of eleven months), but an entered "ước
        # cả năm" is the estimate of every meaning, and the verdict before December rests on it alone
        pct = _stated(entered.value, plan, upper, target, meaning, start, basis)
        verdict = _verdict(meaning, entered.value, plan, upper, target, month, entered.value, elapsed, series, year, precision, tolerance)
        base = base._replace(estimate=entered.value, estimate_source=EstimateSource.ENTERED, estimate_pct=pct, verdict=verdict)
        return base._replace(reason="no_last_december") if verdict is Verdict.NO_DATA else base  # a progress target's way starts there
    same = series.to_date(year - 1, month, meaning) if meaning is not WithinYear.RATE else None
    change = to_date.value if meaning is WithinYear.RATE else (None if not same else calc.change(to_date.value, same.value))
    if KINDS[target.kind].places:  # a place against last year's: no percentage (README "rank")
        change = None
    plan_pct = None if plan is None else _stated(to_date.value, plan, upper, target, meaning, start, basis)
    seasonal = grown = None
    if meaning is WithinYear.FLOW and same is not None and last_whole is not None and last_whole.value and same.value:
        seasonal = 100 * same.value / last_whole.value
        # lũy kế ÷ that share, multiplied first (README "Within the year"): exact where the inputs are
        grown = calc.scaled(to_date.value, last_whole.value, same.value)
    estimate, source = None, None
    if entered is not None:
        estimate, source = entered.value, EstimateSource.ENTERED
    elif grown is not None:
        estimate, source = grown, EstimateSource.SEASONAL
    estimate_pct = None if estimate is None or plan is None else _stated(estimate, plan, upper, target, meaning, start, basis)
    base = base._replace(
        same_period=None if same is None else same.value, change_pct=change, plan_pct=plan_pct, seasonal_pct=seasonal,
        estimate=estimate, estimate_source=source, estimate_pct=estimate_pct,
    )
    if plan is None:
        return base._replace(reason="no_target")
    verdict = _verdict(meaning, to_date.value, plan, upper, target, month, estimate, elapsed, series, year, precision, tolerance)
    if verdict is Verdict.NO_DATA:  # a level's path starts at last December, which is not in: said, never a bare "no data"
        return base._replace(reason="no_last_december")
    return base._replace(verdict=verdict, final=month == 12)


#: the kinds that are a position to hold, not a level to reach (README "Forecast"): within the
#: year, without an estimate, the value itself is judged, never a path towards the plan
HELD = frozenset({Kind.BAND})


def _verdict(
    meaning: WithinYear, value: float, plan: float, upper: float | None, target: Target, month: int,
    estimate: float | None, elapsed: float, series: Series, year: int, precision: int, tolerance: float,
) -> Verdict:
    """December: the year's figure against the plan. Before: the year's estimate against the plan
    (entered, or seasonal for a flow); without one, a flow's lũy kế against the share of the year
    elapsed, a level against the straight path from last December to the plan, a rate so far
    (and a band's value) against the plan. Each comparison by the one rule of a target met
    (``_meets``), as the report prints it: a lũy kế's % of the plan (50,00 %) against the share
    of the year gone (50,00 %) as both are shown; "trên" past it."""
    if target.kind is Kind.PROGRESS:
        return _progress_verdict(value, plan, target, month, estimate, elapsed, series.at_end(year - 1, 12), precision, tolerance)
    direction = level_direction(target)
    goal = near_bound(plan, upper, direction)
    if month == 12:
        return Verdict.ACHIEVED if _meets(value, goal, upper, target, precision, tolerance) else Verdict.MISSED
    if estimate is not None:
        met = _meets(estimate, goal, upper, target, precision, tolerance)
    elif meaning is WithinYear.FLOW:
        met = reaches(100 * value / goal, precision, elapsed, direction, target.strict) if goal else False
    elif meaning is WithinYear.LEVEL and target.kind not in HELD:
        start = series.at_end(year - 1, 12)
        if start is None:
            return Verdict.NO_DATA
        met = _meets(value, start.value + (goal - start.value) * month / 12, None, target, precision, tolerance)
    else:
        met = _meets(value, goal, upper, target, precision, tolerance)
    return Verdict.ON_COURSE if met else Verdict.BEHIND


def _progress_verdict(
    value: float, plan: float, target: Target, month: int, estimate: float | None, elapsed: float, start: Reading | None,
    precision: int, tolerance: float,
) -> Verdict:
    """A progress target within the year, as its year is rated (README "Within the year"): the
    share of the way from last December's value to the plan, whichever side the plan lies on —
    more of the way is better, never the target's ``direction`` — reaching 100 % (December, or the
    estimate of the year) or, before December without an estimate, the share of the year elapsed.
    Without last December's value there is no way to measure: no verdict. A plan at last
    December's value has no way: the value is compared with it in the target's direction."""
    if start is None:
        return Verdict.NO_DATA
    judged = value if month == 12 or estimate is None else estimate
    way = _way(judged, start.value, plan)
    if way is None:
        met = value_reaches(judged, plan, target.direction, precision, target.strict)
    elif month == 12 or estimate is not None:
        met = target_met(way, target, precision, tolerance)
    else:
        met = reaches(way, precision, elapsed, Direction.AT_LEAST, target.strict)
    if month == 12:
        return Verdict.ACHIEVED if met else Verdict.MISSED
    return Verdict.ON_COURSE if met else Verdict.BEHIND


# --- a plan's monthly report ----------------------------------------------------------------------


def latest_period(dataset: Dataset, plan: Plan) -> Period | None:
    """The period the latest within-year value of an annual plan's year runs to: its month, or
    its quarter when that month's values include a quarter's and no row has a value of the month
    alone, recorded or derived as the report derives it (``_month_known``: a flow's lũy kế to the
    month less the one to the month before) — an office that records quarters reports "quý III",
    not "tháng 9" with no value of September, while one quarterly row (GRDP growth) does not turn
    a monthly office's report into the quarter's; None when its year has none, or a whole-year
    actual or preliminary value ends it (then the year's own table answers). A value of a period
    not begun by the day the data was checked on (``model.begun``, warned about on loading) is
    neither the latest period nor the year's end (README, `--as-of`)."""
    year, today = plan.target_year, dataset.today
    ids = [row.indicator for row in plan.rows]
    closed = begun(year, 1, today) and any(
        p.year == year and p.status in (PointStatus.ACTUAL, PointStatus.PRELIMINARY) for i in ids for p in dataset.series.get(i, ())
    )
    periods = [p.period for i in ids for p in dataset.periods.get(i, ()) if p.period.year == year and begun(year, p.period.first, today)]
    last = max((period.last for period in periods), default=0)
    if closed or not last:
        return None
    ending = {period for period in periods if period.last == last}
    month, quarter = Period(year, last, last), Period(year, last - 2, last)
    if quarter.quarter and quarter in ending and month not in ending and not _month_known(dataset, plan, month):
        return quarter
    return month


def _month_known(dataset: Dataset, plan: Plan, month: Period) -> bool:
    """Whether a row of the plan has a value of ``month`` alone, the figure the monthly report
    prints under "Tháng 9" (``figures``' ``alone``: recorded, or a flow's lũy kế to the month less
    the one to the month before, ``Series.alone``; a share's of both). Only a row with a value
    ending at the month can have one: the others are not computed."""
    ending = {
        row.indicator for row in plan.rows
        if any(p.period.year == month.year and p.period.last == month.last for p in dataset.periods.get(row.indicator, ()))
    }
    return any(
        _of_row(plan, _inputs(dataset, row), month).alone is not None
        for row in plan.rows
        if row.indicator in ending and not KINDS[row.target.kind].rated_by_rows
    )


def report_period(dataset: Dataset, plan: Plan, as_of: int | str | Period | None) -> Period | None:
    """The month (or quarter) an annual plan's monthly report runs to, as ``kpi status`` and the
    API find it: the one asked for (``2026-06``, ``2026-Q2``, a ``Period``) in the plan's year,
    else, with nothing asked for, the latest with values while the year is not closed
    (``latest_period``); None for a term plan, a year asked for (``2026``, ``"2026"``), another
    year's month: the yearly table answers."""
    if not is_annual(plan) or isinstance(as_of, int):
        return None
    if as_of is None:
        return latest_period(dataset, plan)
    if isinstance(as_of, str):
        text = as_of.strip()
        if text.isascii() and text.isdigit():
            return None
        as_of = parse_period(text)
    return as_of if as_of is not None and as_of.year == plan.target_year else None


def asked_period(dataset: Dataset, plan: Plan, as_of: int | Period | None) -> Period | None:
    """``report_period`` of what ``--as-of`` asks, every command alike: a month or a quarter
    before an annual plan's year is refused (UsageError), its year having no figures to report —
    never a table of "no data"."""
    if is_annual(plan) and isinstance(as_of, Period) and as_of.year < plan.target_year:
        from ..messages import Text

        raise UsageError(Text("cli.month_before_year", plan=plan.id, period=as_of.key, year=plan.target_year))
    return report_period(dataset, plan, as_of)


def _series_of(dataset: Dataset, ident: str) -> Series:
    return Series.of(dataset.series.get(ident, ()), dataset.periods.get(ident, ()))


def whole_of(dataset: Dataset, target: Target) -> Whole | None:
    """The indicator a ``share_of`` target is a share of, with its values; None for other kinds."""
    if target.kind is not Kind.SHARE_OF or target.of is None or target.of not in dataset.indicators:
        return None
    return Whole(dataset.indicators[target.of], _series_of(dataset, target.of))


def _rated(row: PlanRow) -> bool:
    """A row with a target of its own (not rated by sub-rows, not listed without a target)."""
    return not KINDS[row.target.kind].rated_by_rows and row.target.value is not None


def _inputs(dataset: Dataset, row: PlanRow) -> tuple[Indicator, Target, Series, Whole | None]:
    """What a row's within-year figures are made of: its indicator, target, series (its own alone
    indexed) and a share's whole."""
    return dataset.indicators[row.indicator], row.target, _series_of(dataset, row.indicator), whole_of(dataset, row.target)


def _rated_rows(dataset: Dataset, plan: Plan) -> Iterable[tuple[Indicator, Target, Series, Whole | None]]:
    """The plan's rows with a target of their own, each with its series (and a share's whole)."""
    return (_inputs(dataset, row) for row in plan.rows if _rated(row))


def _rated_row(dataset: Dataset, plan: Plan, ident: str) -> tuple[Indicator, Target, Series, Whole | None] | None:
    """One indicator's row of the plan as ``_rated_rows`` gives it (its series alone indexed);
    None without a target of its own."""
    row = next((r for r in plan.rows if r.indicator == ident), None)
    return None if row is None or not _rated(row) else _inputs(dataset, row)


def _of_row(plan: Plan, inputs: tuple[Indicator, Target, Series, Whole | None], period: Period) -> MonthFigures:
    """A rated row's monthly-report figures (``_inputs``), by its plan's settings."""
    indicator, target, series, whole = inputs
    s = plan.settings
    return figures(indicator, target, series, period, s.precision, s.approximate_tolerance, whole, s.range_basis)


def plan_report(dataset: Dataset, plan: Plan, period: Period) -> dict[str, MonthFigures]:
    """Each row's monthly-report figures as of ``period``, by indicator id (rows with a target),
    each heading's (a composition, a group: ``heading_figures``) and each row's listed without a
    target (``unplanned_figures``), so that the monthly report lists and counts the rows the
    yearly table does."""
    found = {row.indicator: heading_figures(period) for row in plan.rows if KINDS[row.target.kind].rated_by_rows}
    found.update((inputs[0].id, _of_row(plan, inputs, period)) for inputs in _rated_rows(dataset, plan))
    found.update((row.indicator, unplanned_figures(dataset, plan, row, period)) for row in plan.rows if row.indicator not in found)
    return {row.indicator: found[row.indicator] for row in plan.rows}


def unplanned_figures(dataset: Dataset, plan: Plan, row: PlanRow, period: Period) -> MonthFigures:
    """A row listed without a target of its own in the monthly report — shown and counted, never
    rated, as the yearly table lists it (README "Within the year"): its month figures when it has
    them, no year's plan and no verdict; the yearly table's words for it — reason ``not_rated``
    ("Không đánh giá") when it has values, a year's (not a plan's) up to the period's year, as the
    yearly table's ``Result.unrated``, or one of the year up to the period; else ``no_target``
    ("Chưa có số liệu")."""
    found = _of_row(plan, _inputs(dataset, row), period)
    month, year = as_of_month(period), period.year
    valued = any(p.year <= year and p.status is not PointStatus.PLAN for p in dataset.series.get(row.indicator, ())) or any(
        p.period.year == year and p.period.last <= month for p in dataset.periods.get(row.indicator, ())
    )
    return found._replace(
        plan=None, plan_upper=None, plan_pct=None, estimate_pct=None, verdict=Verdict.NO_DATA, final=False,
        reason="not_rated" if valued else "no_target",
    )


def heading_figures(period: Period) -> MonthFigures:
    """A heading's row of the monthly report — a composition, a group: rated by its parts — has
    no figure and no verdict within the year (reason ``by_parts``, README "Within the year"): it
    has no value and no year's plan of its own, and no rule of the within-year verdicts (each an
    estimate or a path to a row's own year's plan) rates a whole by its parts by the month. Its
    parts keep their own rows and verdicts under it; the report counts the heading once, as the
    yearly table does, and its parts not at all."""
    return MonthFigures(period, None, elapsed_pct=100 * as_of_month(period) / 12, reason="by_parts")


# --- the monthly report's chart: lũy kế against the year's plan, month by month ----------------------


class MonthPath(NamedTuple):
    """What the monthly report's chart draws for one indicator: the value January to each month of
    the year so far (a flow's lũy kế, a level's month-end, a rate as recorded), the same months of
    last year (the whole year: the path the year's plan is compared with), the year's plan and the
    estimate of the whole year."""

    meaning: WithinYear
    current: tuple[tuple[int, Reading], ...]  # (month, value) for months 1..m that have one
    last_year: tuple[tuple[int, Reading], ...]  # (month, value) for months 1..12 of last year
    plan: float | None
    plan_upper: float | None
    estimate: float | None


def month_path(
    indicator: Indicator, target: Target, series: Series, period: Period, precision: int = 2, whole: Whole | None = None,
) -> MonthPath | None:
    """The chart's data of one indicator as of ``period``; None when its meaning is unknown (a
    share: the share month by month, none when it cannot be made)."""
    if target.kind is Kind.SHARE_OF:
        shares = _share_read(indicator, target, series, whole, period)
        if shares is None:
            return None
        indicator, target, series = shares
    meaning = within_year(indicator, target)
    if meaning is None:
        return None
    year, month = period.year, as_of_month(period)
    current = tuple((m, r) for m in range(1, month + 1) if (r := series.to_date(year, m, meaning)) is not None)
    last = tuple((m, r) for m in range(1, 13) if (r := series.to_date(year - 1, m, meaning)) is not None)
    f = figures(indicator, target, series, period, precision)
    return MonthPath(meaning, current, last, f.plan, f.plan_upper, f.estimate)


def plan_paths(dataset: Dataset, plan: Plan, period: Period) -> dict[str, MonthPath]:
    """Each row's chart data as of ``period``, by indicator id (rows with a target and a meaning)."""
    found: dict[str, MonthPath] = {}
    for indicator, target, series, whole in _rated_rows(dataset, plan):
        path = month_path(indicator, target, series, period, plan.settings.precision, whole)
        if path is not None:
            found[indicator.id] = path
    return found


def row_figures(dataset: Dataset, plan: Plan, ident: str, period: Period) -> MonthFigures | None:
    """One row's monthly-report figures (another annual plan of the same year on `kpi show`'s
    screen): its series alone is indexed; None without a target of its own."""
    found = _rated_row(dataset, plan, ident)
    return None if found is None else _of_row(plan, found, period)


def row_path(dataset: Dataset, plan: Plan, ident: str, period: Period) -> MonthPath | None:
    """One row's chart data (``kpi show``): its series alone is indexed."""
    found = _rated_row(dataset, plan, ident)
    if found is None:
        return None
    indicator, target, series, whole = found
    return month_path(indicator, target, series, period, plan.settings.precision, whole)


# --- an annual plan's own table ------------------------------------------------------------------


class YearFigures(NamedTuple):
    """An annual plan's row: thực hiện năm trước | kế hoạch năm | ước thực hiện | % kế hoạch | so
    cùng kỳ (README "The annual plan's own table")."""

    previous: Reading | None  # the base year's value (thực hiện năm trước)
    current: Reading | None  # the plan's year, observed by the as-of year (ước thực hiện, sơ bộ, chính thức)
    change_pct: float | None  # so cùng kỳ: (current − previous) · 100 ÷ previous (calc.change); a rate's own value; none for a place


def year_figures(indicator: Indicator, target: Target, points: tuple[Point, ...], plan: Plan, as_of: int) -> YearFigures:
    """The indicator's own values (a growth of a level: its levels, not their rates) around an
    annual plan's year; the change is none for a rate of a rate, and none without both years."""
    series = Series(points, ())
    previous = series.yearly(plan.base_year)
    current = series.yearly(plan.target_year) if as_of >= plan.target_year else None
    meaning = within_year(indicator, target)
    change = None
    if KINDS[target.kind].places:  # a place (PCI 18 → 14): no percentage, "-22,22%" reads as worse
        pass
    elif current is not None and meaning is WithinYear.RATE:
        change = current.value
    elif current is not None and previous is not None and previous.value > 0 and current.value >= 0:
        change = calc.change(current.value, previous.value)
    return YearFigures(previous, current, change)


def annual_report(dataset: Dataset, plan: Plan, as_of: int) -> dict[str, YearFigures]:
    """Each row's figures in an annual plan's own table, by indicator id."""
    return {
        row.indicator: year_figures(dataset.indicators[row.indicator], row.target, dataset.series.get(row.indicator, ()), plan, as_of)
        for row in plan.rows
    }


# --- an annual plan linked to the term -----------------------------------------------------------


class TermNeed(NamedTuple):
    """What a term plan requires of an annual plan's year ("trên 8 % để GRDP bình quân cả nhiệm kỳ
    đạt 6,5–7 %/năm"): the term evaluated as of the year before."""

    plan: Plan  # the term plan
    target: Target  # its target for the indicator
    year: int  # the annual plan's year
    remaining: int  # the term's years left, the annual plan's included
    rate: float | None  # the yearly growth (or rate) each year left needs
    level: float | None  # for a level: the value the year needs on that path


def term_needs(dataset: Dataset, plan: Plan, indicator_id: str) -> tuple[TermNeed, ...]:
    """For an annual plan, each term plan spanning its year with a target for the indicator."""
    from .evaluate import evaluate_rows

    if not is_annual(plan):
        return ()
    found = []
    for term in dataset.plans.values():
        if is_annual(term) or not term.base_year < plan.target_year <= term.target_year:
            continue
        if not any(row.indicator == indicator_id for row in term.rows):
            continue
        r = evaluate_rows(dataset, term.id, (indicator_id,), plan.base_year)[1][indicator_id]
        rate = r.figures.required_growth_pct
        level = None
        if rate is not None and not KINDS[r.row.target.kind].rates and r.latest is not None:
            level = r.latest.value * (1 + rate / 100) ** (plan.target_year - r.latest.year)
        found.append(TermNeed(term, r.row.target, plan.target_year, term.target_year - plan.base_year, rate, level))
    return tuple(found)
