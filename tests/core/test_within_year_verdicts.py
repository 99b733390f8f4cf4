"""Within the year, a verdict is judged by the one rule the yearly verdict uses (README "Within
the year", "Classification"): "trên"/"dưới" must pass the plan, less is better where the target
says so (a range met at its near bound), a band is a position to hold, a reduction a rate to
bring down."""

import pytest

from soctrang_kpi.core.model import Direction, Drop, Indicator, Kind, Period, PeriodPoint, Point, Target, WithinYear
from soctrang_kpi.core.periods import Series, Verdict, figures

EXPORTS = Indicator("exports", "Kim ngạch xuất khẩu", unit="Triệu USD")
INFANT = Indicator("infant", "Tỷ suất chết trẻ em dưới 1 tuổi", unit="‰", within_year=WithinYear.LEVEL)
SHARE = Indicator("share", "Tỷ lệ", unit="%")
DEC, JUNE = Period(2026, 12, 12), Period(2026, 6, 6)


def _ytd(value: float, month: int = 12, last_year: float | None = None) -> Series:
    years = () if last_year is None else (Point(2025, last_year),)
    return Series.of(years, (PeriodPoint(Period(2026, 1, month, True), value),))


def _at(value: float, month: int = 12, last_year: float | None = None) -> Series:
    years = () if last_year is None else (Point(2025, last_year),)
    return Series.of(years, (PeriodPoint(Period(2026, month, month), value),))


@pytest.mark.parametrize("total, verdict", [(750, Verdict.MISSED), (750.004, Verdict.MISSED), (750.1, Verdict.ACHIEVED)])
def test_a_strict_plan_is_not_met_at_its_bound(total, verdict):
    """"Xuất khẩu trên 750 triệu USD": a lũy kế of 750 (100,00 %) does not pass it."""
    assert figures(EXPORTS, Target(Kind.LEVEL, value=750, strict=True), _ytd(total), DEC).verdict is verdict


def test_a_strict_flow_on_the_share_of_the_year_gone_is_behind():
    """375 of "trên 750" by June is 50,00 % beside 50,00 % of the year: on the path to exactly 750."""
    assert figures(EXPORTS, Target(Kind.LEVEL, value=750), _ytd(375, 6), JUNE).verdict is Verdict.ON_COURSE
    assert figures(EXPORTS, Target(Kind.LEVEL, value=750, strict=True), _ytd(375, 6), JUNE).verdict is Verdict.BEHIND
    assert figures(EXPORTS, Target(Kind.LEVEL, value=750, strict=True), _ytd(376, 6), JUNE).verdict is Verdict.ON_COURSE


@pytest.mark.parametrize("rate, verdict", [(12, Verdict.MISSED), (12.3, Verdict.MISSED), (11.9, Verdict.ACHIEVED)])
def test_dưới_an_upper_bound_is_passed_downwards(rate, verdict):
    """"Tỷ suất chết trẻ em dưới 1 tuổi dưới 12 ‰": 12 does not pass it, 11,9 does."""
    target = Target(Kind.LEVEL, value=12, direction=Direction.AT_MOST, strict=True)
    assert figures(INFANT, target, _at(rate), DEC).verdict is verdict


def test_an_upper_bound_on_its_path_from_last_december():
    """Poverty 2,5 % last December, "dưới 2 %" this year: 2,25 by June is on the straight path
    to 2, which a strict bound must pass; 2,2 is past it."""
    target = Target(Kind.LEVEL, value=2, direction=Direction.AT_MOST)
    assert figures(SHARE, target, _at(2.25, 6, 2.5), JUNE).verdict is Verdict.ON_COURSE
    assert figures(SHARE, target._replace(strict=True), _at(2.25, 6, 2.5), JUNE).verdict is Verdict.BEHIND
    assert figures(SHARE, target._replace(strict=True), _at(2.2, 6, 2.5), JUNE).verdict is Verdict.ON_COURSE
    assert figures(SHARE, target, _at(2.3, 6, 2.5), JUNE).verdict is Verdict.BEHIND


@pytest.mark.parametrize("cpi, verdict", [(3.2, Verdict.ACHIEVED), (3.8, Verdict.ACHIEVED), (4, Verdict.ACHIEVED), (4.1, Verdict.MISSED)])
def test_an_upper_bound_range_is_met_at_its_higher_bound(cpi, verdict):
    """CPI "tăng 3,5–4 %" (less is better): met up to 4, as the yearly verdict meets it."""
    target = Target(Kind.AVERAGE, value=3.5, upper=4, direction=Direction.AT_MOST)
    assert figures(SHARE, target, _ytd(cpi), DEC).verdict is verdict


@pytest.mark.parametrize("share, verdict", [(31.5, Verdict.MISSED), (32, Verdict.ACHIEVED), (32.5, Verdict.ACHIEVED), (33, Verdict.ACHIEVED), (36, Verdict.MISSED)])
def test_a_band_is_met_inside_it_only(share, verdict):
    """"Dịch vụ chiếm 32–33 %": 36 is outside the band as much as 31,5 is, never met."""
    target = Target(Kind.BAND, value=32, upper=33)
    f = figures(SHARE, target, _at(share, 12, 32.5), DEC)
    assert f.verdict is verdict
    assert (f.plan_pct == 100) is (verdict is Verdict.ACHIEVED)  # a band's percentage: 100 inside it
    june = figures(SHARE, target, _at(share, 6, 32.5), JUNE)
    assert june.verdict is (Verdict.ON_COURSE if verdict is Verdict.ACHIEVED else Verdict.BEHIND)  # where it is, no path


@pytest.mark.parametrize(
    "drop, rate, plan, verdict",
    [(Drop.POINTS, 2.0, 2.0, Verdict.ACHIEVED), (Drop.POINTS, 2.4, 2.0, Verdict.MISSED), (Drop.PERCENT, 2.25, 2.25, Verdict.ACHIEVED), (Drop.PERCENT, 2.3, 2.25, Verdict.MISSED)],
)
def test_a_reduction_plans_last_years_rate_brought_down(drop, rate, plan, verdict):
    """"Tỷ lệ hộ nghèo giảm 0,5 điểm" (or 10 %) from 2,5 %: the year's plan is a rate of 2,0
    (2,25), and a lower rate is better."""
    target = Target(Kind.REDUCTION, value=0.5 if drop is Drop.POINTS else 10, drop=drop)
    f = figures(SHARE, target, _at(rate, 12, 2.5), DEC)
    assert f.plan == pytest.approx(plan) and f.verdict is verdict
