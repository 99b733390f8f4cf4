"""An at-most plan of a flow within the year is a cap the lũy kế uses up (README "Within the
year"): its % KH năm is the share of the cap used, lũy kế ÷ KH năm · 100, as offices print it
(281 accidents of "dưới 300" is 93,67 %), never the year's attainment (300 / 281 = 106,76 %,
largest early in the year); the verdict is unchanged. A level at most its plan (a poverty
rate ≤ 2 %) is no share of a cap and keeps the direction-aware percentage."""

import pytest
from hypothesis import given, settings, strategies as st

from soctrang_kpi.core.model import Direction, Indicator, Kind, Period, PeriodPoint, Point, Target, WithinYear
from soctrang_kpi.core.periods import CAP_USED, EstimateSource, Series, Verdict, figures

ACCIDENTS = Indicator("traffic-accidents", "Số vụ tai nạn giao thông", unit="vụ", within_year=WithinYear.FLOW)
POVERTY = Indicator("poverty", "Tỷ lệ hộ nghèo", unit="%")
UNDER_300 = Target(Kind.LEVEL, value=300, direction=Direction.AT_MOST, strict=True)
#: the verdicts from worse to better: a larger lũy kế must never move up this list
RANK = {Verdict.NO_DATA: -1, Verdict.BEHIND: 0, Verdict.ON_COURSE: 1, Verdict.MISSED: 0, Verdict.ACHIEVED: 1}


def _ytd(value: float, month: int, last: tuple[float, float] | None = None, entered: float | None = None) -> Series:
    """A lũy kế to ``month`` of 2026; ``last`` last year's (lũy kế to the same month, whole year)."""
    years = () if last is None else (Point(2025, last[1]),)
    years += () if entered is None else (Point(2026, entered),)
    periods = (PeriodPoint(Period(2026, 1, month, True), value),)
    if last is not None:
        periods += (PeriodPoint(Period(2025, 1, month, True), last[0]),)
    return Series.of(years, periods)


@pytest.mark.parametrize("month, to_date, pct", [(6, 150, 50.0), (9, 235, 78.333333), (11, 281, 93.666667)])
def test_a_flows_cap_is_stated_as_the_share_used(month, to_date, pct):
    """Cần Thơ's accidents, "dưới 300 vụ": 150 / 235 / 281 by June / September / November."""
    f = figures(ACCIDENTS, UNDER_300, _ytd(to_date, month), Period(2026, month, month))
    assert f.plan_pct == pytest.approx(pct, abs=1e-6)


@pytest.mark.parametrize("month, to_date, last, verdict", [
    (6, 150, (160, 320), Verdict.BEHIND),      # ước 300: "dưới 300" is not passed
    (9, 235, (240, 320), Verdict.BEHIND),      # ước 313,33
    (11, 281, (290, 320), Verdict.BEHIND),     # ước 310,07
    (6, 140, (160, 320), Verdict.ON_COURSE),   # ước 280
    (6, 140, None, Verdict.ON_COURSE),         # 46,67 % of the cap, 50 % of the year gone
    (6, 151, None, Verdict.BEHIND),            # 50,33 % of the cap
    (12, 299, None, Verdict.ACHIEVED),
    (12, 300, None, Verdict.MISSED),
])
def test_the_verdict_is_unchanged(month, to_date, last, verdict):
    """The verdicts the pace and the estimate gave before the % changed: the same."""
    f = figures(ACCIDENTS, UNDER_300, _ytd(to_date, month, last), Period(2026, month, month))
    assert f.verdict is verdict
    assert f.plan_pct == pytest.approx(100 * to_date / 300)


def test_the_estimate_is_stated_as_the_share_of_the_cap_too():
    """The estimate is the year's lũy kế foreseen: 313,33 of 300 is 104,44 % of the cap, the same
    nature as % KH năm beside it (an entered one alike)."""
    f = figures(ACCIDENTS, UNDER_300, _ytd(235, 9, (240, 320)), Period(2026, 9, 9))
    assert f.estimate_source is EstimateSource.SEASONAL
    assert f.estimate_pct == pytest.approx(100 * f.estimate / 300)
    entered = figures(ACCIDENTS, UNDER_300, _ytd(235, 9, entered=270), Period(2026, 9, 9))
    assert entered.estimate_pct == pytest.approx(90.0) and entered.verdict is Verdict.ON_COURSE


def test_the_deaths_of_the_offices_table():
    """"Số người chết" 120 against "Không quá 140": published 85,71, as kpi states it."""
    deaths = Indicator("deaths", "Số người chết", unit="người", within_year=WithinYear.FLOW)
    target = Target(Kind.LEVEL, value=140, direction=Direction.AT_MOST)
    assert round(figures(deaths, target, _ytd(120, 11), Period(2026, 11, 11)).plan_pct, 2) == 85.71


def test_a_level_at_most_keeps_the_direction_aware_percentage():
    """Poverty 1,8 % against "≤ 2 %" is 111,11 % (2 / 1,8): a rate is no share of a cap."""
    assert WithinYear.LEVEL not in CAP_USED and WithinYear.RATE not in CAP_USED
    target = Target(Kind.LEVEL, value=2, direction=Direction.AT_MOST)
    series = Series.of((Point(2025, 2.5),), (PeriodPoint(Period(2026, 6, 6), 1.8),))
    f = figures(POVERTY, target, series, Period(2026, 6, 6))
    assert f.meaning is WithinYear.LEVEL and f.plan_pct == pytest.approx(100 * 2 / 1.8)


def test_a_flow_at_least_is_unchanged():
    exports = Indicator("exports", "Kim ngạch xuất khẩu", unit="Triệu USD")
    f = figures(exports, Target(Kind.LEVEL, value=750), _ytd(525, 6), Period(2026, 6, 6))
    assert f.plan_pct == pytest.approx(70.0)


@settings(max_examples=150, deadline=None)
@given(
    month=st.integers(1, 12),
    smaller=st.integers(0, 400),
    more=st.integers(1, 200),
    cap=st.integers(1, 400),
    strict=st.booleans(),
    last=st.one_of(st.none(), st.tuples(st.integers(1, 300), st.integers(0, 300))),
    entered=st.one_of(st.none(), st.integers(0, 500)),
)
def test_a_larger_count_never_earns_a_better_verdict(month, smaller, more, cap, strict, last, entered):
    """Against a cap, more accidents to date (all else equal) never make the verdict better, and
    use more of it (an entered estimate only before December: in it the year's value is the year's)."""
    entered = None if month == 12 else entered
    target = Target(Kind.LEVEL, value=cap, direction=Direction.AT_MOST, strict=strict)
    whole = None if last is None else (last[0], last[0] + last[1])
    period = Period(2026, month, month)
    fewer = figures(ACCIDENTS, target, _ytd(smaller, month, whole, entered), period)
    larger = figures(ACCIDENTS, target, _ytd(smaller + more, month, whole, entered), period)
    assert RANK[larger.verdict] <= RANK[fewer.verdict]
    assert larger.plan_pct is not None and fewer.plan_pct is not None and larger.plan_pct > fewer.plan_pct
