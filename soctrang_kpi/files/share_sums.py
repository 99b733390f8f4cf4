"""Domain rules the loader checks once the data is read: the shares of a composition (the GRDP
structure) add up to 100 in every year they all have a value (the sums are the audit's own,
``calc.share_totals``, so the warning and the audit finding never disagree); a quarter agrees
with its three months, and a flow's lũy kế does not fall; a ranked indicator's years are places; a
heading has no value."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from .checks import Checks, period_field, period_text
from ..core.calc import share_totals
from ..core.kinds import KINDS
from ..core.model import Indicator, Kind, PeriodPoint, Plan, Point, PointStatus, Target, WithinYear
from ..messages import Num, Text


def warn_share_sums(c: Checks, indicators: dict[str, Indicator], plans: dict[str, Plan], series: dict[str, tuple[Point, ...]]) -> None:
    for plan in plans.values():
        for row in plan.rows:
            if not KINDS[row.target.kind].shares:
                continue
            # every part of the structure, those without a target of their own too
            shares = [i for i, one in indicators.items() if one.parent == row.indicator]
            totals = share_totals([[(p.year, p.value) for p in series.get(share, ())] for share in shares])
            for year, total in totals.items():
                if abs(total - 100) > plan.settings.audit_tolerance + 1e-9:
                    path = ("series", shares[0], _status_of(series[shares[0]], year), year)
                    c.add(path, Text("actuals.share_sum", indicator=row.indicator, total=Num(float(f"{total:g}"))), row.indicator, str(year), warning=True)


def ranked(plans: dict[str, Plan]) -> set[str]:
    """The indicators some plan ranks (``kind: rank``): their yearly values are places."""
    return {row.indicator for plan in plans.values() for row in plan.rows if KINDS[row.target.kind].places}


def is_place(value: float) -> bool:
    """A place in a ranking: a whole number from 1."""
    return value >= 1 and float(value).is_integer()


def headings(plans: dict[str, Plan]) -> dict[str, Kind]:
    """The headings (a composition, a group: rated by their rows) no plan gives a target of their
    own, with their kind: a yearly value on one is never used, and refused."""
    rated = {row.indicator: row.target.kind for plan in plans.values() for row in plan.rows if KINDS[row.target.kind].rated_by_rows}
    own = {row.indicator for plan in plans.values() for row in plan.rows if not KINDS[row.target.kind].rated_by_rows}
    return {ident: kind for ident, kind in rated.items() if ident not in own}


def check_places(c: Checks, plans: dict[str, Plan], series: dict[str, tuple[Point, ...]]) -> None:
    """The values of an indicator a plan ranks (``kind: rank``) are places: whole numbers from 1."""
    for ident in sorted(ranked(plans)):
        for p in series.get(ident, ()):
            if not is_place(p.value):
                path = ("series", ident, p.status.value, p.year)
                c.add(path, Text("actuals.not_a_place", found=Num(p.value)), ident, str(p.year))


def check_headings(
    c: Checks, plans: dict[str, Plan], series: dict[str, tuple[Point, ...]], periods: dict[str, tuple[PeriodPoint, ...]] | None = None,
) -> None:
    """A value on a heading — a composition or a group, rated by its parts — is never used: it is
    refused, at its line, unless some plan gives that indicator a target of its own: a year's, and
    a month's, a quarter's or a lũy kế (the first of each)."""
    for ident, kind in sorted(headings(plans).items()):
        said = Text("actuals.heading_value", kind=kind.value)
        for p in series.get(ident, ())[:1]:
            c.add(("series", ident, p.status.value, p.year), said, ident, str(p.year))
        for q in (periods or {}).get(ident, ())[:1]:
            ytd = ("ytd",) if q.period.ytd else ()
            c.add(("series", ident, *ytd, q.status.value, q.period.key), said, ident, period_field(q.period))


def _status_of(points: tuple[Point, ...], year: int) -> str:
    return next(p.status.value for p in points if p.year == year)


#: a quarter's value as its three months' values make it (README "Within the year"): a flow's is
#: their sum, a level's its last month's; a rate's (growth against the same period) is not made so
QUARTER_OF_MONTHS: dict[WithinYear, Callable[[list[float]], float]] = {
    WithinYear.FLOW: sum,
    WithinYear.LEVEL: lambda months: months[-1],
}


def warn_quarter_months(c: Checks, indicators: dict[str, Indicator], plans: dict[str, Plan], periods: dict[str, tuple[PeriodPoint, ...]]) -> None:
    """A quarter whose three months all have a value and make another figure than the quarter's,
    beyond the data's precision (half a unit of each figure's last digit), is warned about:
    2025-01..03 adding up to 606 beside 2025-Q1 = 72000 is a typo or a unit's mix-up."""
    if not periods:
        return
    from ..core.periods import within_year as meaning_of

    targets = _first_targets(plans)
    for ident, points in periods.items():
        meaning = meaning_of(indicators[ident], targets.get(ident))
        made = QUARTER_OF_MONTHS.get(meaning) if meaning is not None else None
        if made is None or meaning is None:
            continue
        months = {(p.period.year, p.period.last): p.value for p in points if not p.period.ytd and p.period.first == p.period.last}
        for q in points:
            if q.period.ytd or q.period.last - q.period.first != 2:
                continue
            three = [months.get((q.period.year, m)) for m in range(q.period.first, q.period.last + 1)]
            if any(v is None for v in three):
                continue
            values = [float(v) for v in three if v is not None]
            figure = made(values)
            off = abs(figure - q.value)  # the precision is read only when they differ at all
            if off > 1e-9 and off > _rounding(values + [q.value]) + 1e-9:
                said = Text(f"actuals.quarter_months.{meaning.value}", value=Num(q.value), made=Num(float(f"{figure:.12g}")))
                c.add(("series", ident, q.status.value, q.period.key), said, ident, q.period.key, warning=True)


def warn_falling_ytd(c: Checks, indicators: dict[str, Indicator], plans: dict[str, Plan], periods: dict[str, tuple[PeriodPoint, ...]]) -> None:
    """A flow's lũy kế (README "Within the year": months add up) that falls from one recorded
    month to the next of the same year, by at least the figures' own rounding, makes the months between
    negative: warned about at the later one, naming both months — a typo, a unit's mix-up or a
    correction (then the warning is the reminder to check). Every flow's, unless its own
    ``bounds`` let its values be negative (``bounds: [null, null]``, a net flow such as a trade
    balance, whose negative month is accepted as it is): exports, retail sales, budget revenue in
    money with no ``bounds`` are warned about, and so is a count or a share, whose unit's bounds
    (core/bounds) start at 0 or 1 and never let a value be negative. A level's or a rate's lũy kế
    may fall."""
    if not periods:
        return
    from ..core.periods import within_year as meaning_of

    targets = _first_targets(plans)
    for ident, points in periods.items():
        ytd = [p for p in points if p.period.ytd]  # in the order of their months within each year (actuals_schema)
        if len(ytd) < 2:
            continue
        indicator = indicators[ident]
        # the indicator's own bounds alone may let it be negative: no unit's do (bounds_of of a
        # unit is from 0 or 1 up, or none at all — money, which a net flow opts out of by its own)
        low = indicator.bounds[0] if indicator.bounds is not None else 0.0
        if low is None or low < 0 or meaning_of(indicator, targets.get(ident)) is not WithinYear.FLOW:
            continue
        before = None
        for p in ytd:
            if before is not None and before.period.year == p.period.year:
                # rounded half up, 1,2 is [1,15; 1,25) and 1,1 [1,05; 1,15): a fall of both half
                # units is a fall (a quarter's sum may sit on the edge; two lũy kế cannot)
                fall = before.value - p.value
                if fall > 1e-9 and fall > _rounding([before.value, p.value]) - 1e-9:
                    said = Text(
                        "actuals.ytd_falls", before=Num(before.value), previous=before.period.key, value=Num(p.value),
                        month=p.period.key, made=Num(float(f"{-fall:.12g}")),
                    )
                    c.add(("series", ident, "ytd", p.status.value, p.period.key), said, ident, f"ytd.{p.period.key}", warning=True)
            before = p


def warn_year_parts(
    c: Checks, indicators: dict[str, Indicator], plans: dict[str, Plan], series: dict[str, tuple[Point, ...]],
    periods: dict[str, tuple[PeriodPoint, ...]],
) -> None:
    """A flow's year (README "Within the year": its months add up to it) that has a value is
    checked against its months and quarters: its 12 months, or its 4 quarters, all recorded, that
    add up to more than the year's value beyond the figures' own rounding (half a unit of each
    one's last digit) are warned about at the year's line; and, when the flow cannot be negative
    (the rule of ``warn_falling_ytd``: its own bounds alone may let it be), a month, a quarter or a
    lũy kế above the year's value, the largest, at its own line — `1,234.5` typed for `1.234,5`
    against a year of 350. Less than the year is not warned about (the year may be an estimate
    made before its months were), nor a roadmap's year (``plan``: done better than it, its parts
    add up to more). One pass over each indicator's values."""
    if not periods:
        return
    from ..core.periods import within_year as meaning_of

    targets = _first_targets(plans)
    for ident, points in periods.items():
        indicator = indicators[ident]
        years = {p.year: p for p in series.get(ident, ()) if p.status is not PointStatus.PLAN}
        if not years or meaning_of(indicator, targets.get(ident)) is not WithinYear.FLOW:
            continue
        low = indicator.bounds[0] if indicator.bounds is not None else 0.0
        signed = low is None or low < 0
        parts: dict[int, tuple[list[float], list[float], list[PeriodPoint]]] = {}
        for q in points:
            if q.period.year not in years:
                continue
            months, quarters, every = parts.setdefault(q.period.year, ([], [], []))
            every.append(q)
            if not q.period.ytd:
                if q.period.first == q.period.last:
                    months.append(q.value)
                elif q.period.quarter:
                    quarters.append(q.value)
        for year, (months, quarters, every) in parts.items():
            whole = years[year]
            for values, count, kind in ((months, 12, "months"), (quarters, 4, "quarters")):
                total = sum(values)
                if len(values) == count and total - whole.value > 1e-9 and total - whole.value > _rounding(values + [whole.value]) + 1e-9:
                    said = Text(f"actuals.year_parts.{kind}", value=Num(whole.value), made=Num(float(f"{total:.12g}")))
                    c.add(("series", ident, whole.status.value, year), said, ident, str(year), warning=True)
            if signed:
                continue
            top = max(every, key=lambda q: q.value)
            if top.value - whole.value > 1e-9 and top.value - whole.value > _rounding([top.value, whole.value]) + 1e-9:
                ytd = ("ytd",) if top.period.ytd else ()
                said = Text(  # a lũy kế is no part "alone": the months up to it are already more
                    "actuals.ytd_exceeds_year" if ytd else "actuals.year_part_exceeds", year=year, value=Num(whole.value), part=Num(top.value),
                    when=period_text(top.period),
                )
                c.add(("series", ident, *ytd, top.status.value, top.period.key), said, ident, period_field(top.period), warning=True)


def warn_future_periods(
    c: Checks, series: dict[str, tuple[Point, ...]], periods: dict[str, tuple[PeriodPoint, ...]], today: date | None = None,
    where: tuple[str, ...] = ("series",),
) -> None:
    """A value observed for a period (a year, a month, a quarter, a lũy kế) that has not ended by
    today — the day of the check, as the check that no value was recorded after today
    (files/history_schema.py; the cache of checked data keys its entries on the day) — is warned
    about: ``2027-01`` typed for ``2026-01`` becomes the latest month of every report. An actual or
    a preliminary value's period must have ended; an estimate's must have begun (the year's
    "ước thực hiện cả năm" is made in its December, the 6-month report's June before June ends),
    a lũy kế's month, the last of the months it adds up.
    A roadmap value (``plan``) is of the years ahead. A warning, not an error: an office may enter
    a figure ahead. ``where``: the values' place in the file (an area's: ``("areas", area)``)."""
    today = today or date.today()
    now = (today.year, today.month)
    for ident, points in series.items():
        for p in reversed(points):  # in the order of their years (actuals_schema): the years ahead are last
            if p.year < today.year:
                break
            if _ahead(p.status, (p.year, 1), (p.year, 12), now):
                said = _future(p.status, p.year, today)
                c.add((*where, ident, p.status.value, p.year), said, ident, str(p.year), warning=True)
    for ident, parts in periods.items():
        for q in reversed(parts):  # in the order of their years, then months
            if q.period.year < today.year:
                break
            # a lũy kế runs from January: its estimate is ahead when its own month has not begun
            first = q.period.last if q.period.ytd else q.period.first
            if _ahead(q.status, (q.period.year, first), (q.period.year, q.period.last), now):
                ytd = ("ytd",) if q.period.ytd else ()
                said = _future(q.status, period_text(q.period), today)
                c.add((*where, ident, *ytd, q.status.value, q.period.key), said, ident, period_field(q.period), warning=True)


def _future(status: PointStatus, when: int | Text, today: date) -> Text:
    """What ``warn_future_periods`` says of a value of ``when`` (a year, a period)."""
    key = "actuals.future_estimate" if status is PointStatus.ESTIMATE else "actuals.future_observed"
    return Text(key, when=when, status=Text(f"point.{status.value}"), today=today.isoformat())


def _ahead(status: PointStatus, first: tuple[int, int], last: tuple[int, int], now: tuple[int, int]) -> bool:
    """Whether a value of the months ``first``..``last`` (year, month) is ahead of the month ``now``:
    an actual or a preliminary value's period has not ended (its last month is now or later), an
    estimate's has not begun (its first month is after now); a roadmap value never is."""
    if status is PointStatus.PLAN:
        return False
    return first > now if status is PointStatus.ESTIMATE else last >= now


def _first_targets(plans: dict[str, Plan]) -> dict[str, Target]:
    """Each indicator's target in the first plan that has it: what says its meaning within the year."""
    return {row.indicator: row.target for plan in reversed(list(plans.values())) for row in reversed(plan.rows)}


def _rounding(figures: list[float]) -> float:
    """How far figures may be off through their own rounding: half a unit of each one's last digit."""
    from ..core.audit import half_unit

    return sum(half_unit(v) for v in figures)
