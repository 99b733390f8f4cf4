"""Within the year the order of values is kept as the yearly verdict keeps it (README "Within the
year", "Edge rules"): for every kind of target, either direction, strict or not, in December or
before it (with an estimate of the whole year or without), and for every row of `kpi init`'s plan
as written, a worse value never earns a better verdict; and a strict plan is never met at its bound."""

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from soctrang_kpi.core.kinds import KINDS
from soctrang_kpi.core.model import Direction, Drop, Indicator, Kind, Period, PeriodPoint, Point, PointStatus, Target, WithinYear
from soctrang_kpi.core.periods import Series, Verdict, Whole, figures, within_year

from .test_new_term import BOTH_IDS, BOTH_TEMPLATES

#: lower is better: a met plan (or one on course) before one that is not
RANK = {Verdict.ACHIEVED: 0, Verdict.ON_COURSE: 0, Verdict.BEHIND: 1, Verdict.MISSED: 1, Verdict.NO_DATA: 2}

cents = st.integers(min_value=1, max_value=10**6).map(lambda n: n / 100)


def _targets() -> list[Target]:
    """A target of each kind that has a value of its own, in each direction it may have."""
    found = []
    for kind, spec in KINDS.items():
        if spec.rated_by_rows or kind in (Kind.COMPOSITION,):
            continue
        for direction in (Direction.AT_LEAST, Direction.AT_MOST):
            if spec.direction is not None and direction is not spec.direction:
                continue
            found.append(Target(kind, direction))
    return found


TARGETS = _targets()


def _outside(value: float, low: float, high: float) -> float:
    return max(low - value, value - high, 0.0)


def _said(indicator: Indicator, target: Target) -> Indicator:
    """The indicator, declared a level within the year where neither its kind nor its unit says."""
    return indicator if within_year(indicator, target) is not None else indicator._replace(within_year=WithinYear.LEVEL)


def _worse(target: Target, a: float, b: float, last_year: float | None = None) -> tuple[float, float] | None:
    """(better, worse) of two values for ``target`` (places: whole numbers from 1, told apart);
    None when neither is worse (inside a band). A progress target's better value is the one
    farther along the way from ``last_year`` (its December) to the plan, whatever its direction."""
    if target.kind is Kind.RANK:
        a, b = float(round(a) + 1), float(round(b) + 2)
    if target.kind is Kind.BAND:
        assert target.value is not None and target.upper is not None
        better, worse = sorted((a, b), key=lambda v: _outside(v, target.value, target.upper))
        return None if _outside(better, target.value, target.upper) == _outside(worse, target.value, target.upper) else (better, worse)
    low, high = sorted((a, b))
    lower_is_better = (target.direction is Direction.AT_MOST) != (target.kind is Kind.REDUCTION)
    if target.kind is Kind.PROGRESS and last_year is not None and target.value is not None and target.value != last_year:
        lower_is_better = target.value < last_year
    return (low, high) if lower_is_better else (high, low)


def _series(meaning: WithinYear, value: float, month: int, last_year: float, estimate: float | None) -> Series:
    """A year whose value to ``month`` is ``value``: a lũy kế for a flow, the month's own for a
    level, the rate so far for a rate; last year's whole year and December; an entered estimate."""
    years = (Point(2025, last_year),) + (() if estimate is None else (Point(2026, estimate, PointStatus.ESTIMATE),))
    period = Period(2026, 1, month, True) if meaning is not WithinYear.LEVEL else Period(2026, month, month)
    december = (PeriodPoint(Period(2025, 12, 12), last_year),) if meaning is WithinYear.LEVEL else ()
    return Series.of(years, december + (PeriodPoint(period, value),))


def _whole(indicator: Indicator, meaning: WithinYear, month: int, estimate: bool) -> Whole:
    """A share's whole that makes its share the part's own value: 100 in every period and year,
    adding up as the part does."""
    return Whole(indicator._replace(id="whole"), _series(meaning, 100.0, month, 100.0, 100.0 if estimate else None))


def _verdict(indicator: Indicator, target: Target, value: float, month: int, last_year: float, estimate_of=None) -> Verdict:
    meaning = within_year(indicator, target)
    assert meaning is not None
    estimate = None if estimate_of is None or month == 12 else estimate_of(value)
    whole = _whole(indicator, meaning, month, estimate is not None) if target.kind is Kind.SHARE_OF else None
    series = _series(meaning, value, month, last_year, estimate)
    return figures(indicator, target, series, Period(2026, month, month), whole=whole).verdict


@pytest.mark.parametrize("target", TARGETS, ids=[f"{t.kind.value}-{t.direction.value}" for t in TARGETS])
@hsettings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_worse_value_never_earns_a_better_verdict_within_the_year(target, data):
    """Every kind, either direction, strict or not, a range or not, December or before it: the
    worse of two values (its lũy kế, its value at the month's end, its rate so far, or the
    estimate of the whole year entered beside it) never gets the better verdict."""
    plan = data.draw(cents, label="plan")
    upper = plan + data.draw(cents, label="width") if target.kind is Kind.BAND or data.draw(st.booleans(), label="range") else None
    if target.kind is Kind.RANK:
        plan, upper = float(round(plan) + 1), None
    strict = data.draw(st.booleans(), label="strict")
    drop = data.draw(st.sampled_from(Drop), label="drop")
    target = target._replace(value=plan, upper=upper, strict=strict, drop=drop)
    unit = data.draw(st.sampled_from(["%", "Tỷ đồng", "Người"]), label="unit")
    indicator = _said(Indicator("x", "X", unit=unit), target)
    values = data.draw(st.lists(cents, min_size=2, max_size=2, unique=True), label="values")
    month = data.draw(st.sampled_from([3, 6, 9, 11, 12]), label="month")
    last_year = data.draw(cents, label="last year")
    pair = _worse(target, *values, last_year)
    if pair is None:
        return
    better, worse = pair
    with_estimate = data.draw(st.booleans(), label="estimate entered")
    estimate_of = (lambda v: v) if with_estimate else None  # the value itself entered as the year's estimate
    good = _verdict(indicator, target, better, month, last_year, estimate_of)
    bad = _verdict(indicator, target, worse, month, last_year, estimate_of)
    assert RANK[bad] >= RANK[good], (target, better, good, worse, bad)


@pytest.mark.parametrize("target", [t for t in TARGETS if t.kind not in (Kind.BAND, Kind.RANK)], ids=lambda t: f"{t.kind.value}-{t.direction.value}")
@hsettings(max_examples=40, deadline=None)
@given(plan=cents, last_year=cents)
def test_a_strict_plan_is_never_met_at_its_bound(target, plan, last_year):
    """"Trên"/"dưới": a December value (or an estimate entered) exactly at the year's plan meets a
    plan that may be reached and never one that must be passed."""
    indicator = Indicator("x", "X", unit="%")
    reached = target._replace(value=plan)
    meaning = within_year(indicator, reached)
    if meaning is None:
        indicator = indicator._replace(within_year=WithinYear.LEVEL)
        meaning = WithinYear.LEVEL
    amount = figures(indicator, reached, _series(meaning, 1.0, 12, last_year, None), Period(2026, 12, 12)).plan
    assert amount is not None
    if amount == 0 or (target.kind is Kind.PROGRESS and amount == last_year):
        return
    for month, met in ((12, Verdict.ACHIEVED), (6, Verdict.ON_COURSE)):
        estimate = None if month == 12 else amount
        series = _series(meaning, amount, month, last_year, estimate)
        whole = _whole(indicator, meaning, month, estimate is not None) if target.kind is Kind.SHARE_OF else None
        at = figures(indicator, reached, series, Period(2026, month, month), whole=whole).verdict
        passed = figures(indicator, reached._replace(strict=True), series, Period(2026, month, month), whole=whole).verdict
        assert (at, RANK[passed]) == (met, 1), (month, amount)


@pytest.mark.parametrize("data, plan, row", BOTH_TEMPLATES, ids=BOTH_IDS)
@hsettings(max_examples=30, deadline=None)
@given(values=st.lists(cents, min_size=2, max_size=2, unique=True), month=st.sampled_from([6, 12]), strict=st.booleans())
def test_in_the_template_a_worse_value_never_earns_a_better_verdict_within_the_year(data, plan, row, values, month, strict):
    """Every row of `kpi init`'s plans — the term's, and the annual plan's it writes for one year —,
    as written and with its bound made strict, judged as the plan of one year: the worse of two
    values never gets the better within-year verdict."""
    target = row.target._replace(strict=strict or row.target.strict)
    indicator = _said(data.indicators[row.indicator], target)
    last_year = next((p.value for p in data.series.get(row.indicator, ()) if p.year == 2025), 10.0)
    pair = _worse(target, *values, last_year)
    if pair is None:
        return
    better, worse = pair
    assert RANK[_verdict(indicator, target, worse, month, last_year)] >= RANK[_verdict(indicator, target, better, month, last_year)]
