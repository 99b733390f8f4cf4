"""An entered "ước cả năm" rates a row of the monthly report even when the month has no lũy kế
(README "Within the year": a rate's, a level's estimate is the entered value only; a flow's the
entered value first): a rate's three quarters make no lũy kế of eleven months."""

import pytest

from soctrang_kpi.core.model import Indicator, Kind, Period, PeriodPoint, Point, PointStatus as S, Target
from soctrang_kpi.core.periods import EstimateSource, Series, Verdict, figures

GRDP = Indicator("grdp-growth", "Tốc độ tăng trưởng GRDP", unit="%")
EXPORTS = Indicator("exports", "Kim ngạch xuất khẩu", unit="Tỷ USD")
COVERAGE = Indicator("bhyt", "Tỷ lệ dân số tham gia bảo hiểm y tế", unit="%")

QUARTERS = tuple(PeriodPoint(Period(2026, q * 3 - 2, q * 3), v, S.PRELIMINARY) for q, v in ((1, 8.8), (2, 9.4), (3, 9.9)))


@pytest.mark.parametrize(
    "indicator, target, periods, estimate, verdict",
    [
        # Cần Thơ's GRDP: 2026-Q1..Q3 and "ước cả năm 9,6" against a plan of 10: behind
        (GRDP, Target(Kind.GROWTH, value=10), QUARTERS, 9.6, Verdict.BEHIND),
        (GRDP, Target(Kind.GROWTH, value=10), QUARTERS, 10.2, Verdict.ON_COURSE),
        # a flow whose months are not recorded, only its estimate
        (EXPORTS, Target(Kind.LEVEL, value=6.2), (), 6.3, Verdict.ON_COURSE),
        # a level whose November is not in
        (COVERAGE, Target(Kind.LEVEL, value=95), (PeriodPoint(Period(2026, 6, 6), 93.1),), 94.0, Verdict.BEHIND),
    ],
)
def test_an_entered_estimate_rates_a_month_without_lu_ke(indicator, target, periods, estimate, verdict):
    series = Series.of((Point(2025, 8.3), Point(2026, estimate, S.ESTIMATE)), periods)
    f = figures(indicator, target, series, Period(2026, 11, 11))
    assert f.to_date is None and f.plan_pct is None
    assert (f.estimate, f.estimate_source, f.verdict, f.final) == (estimate, EstimateSource.ENTERED, verdict, False)
    assert f.estimate_pct == pytest.approx(100 * estimate / target.value)
    assert f.reason == ""


@pytest.mark.parametrize("month", [3, 11])
def test_without_an_entered_estimate_nothing_changes(month):
    """No estimate and no lũy kế: still "Chưa có số liệu" (no_values); the first quarter is the
    lũy kế of three months, rated as before."""
    series = Series.of((Point(2025, 8.3),), QUARTERS)
    f = figures(GRDP, Target(Kind.GROWTH, value=10), series, Period(2026, month, month))
    if month == 3:
        assert f.to_date == (8.8, S.PRELIMINARY) and f.verdict is Verdict.BEHIND
    else:
        assert (f.to_date, f.estimate, f.verdict, f.reason) == (None, None, Verdict.NO_DATA, "no_values")
