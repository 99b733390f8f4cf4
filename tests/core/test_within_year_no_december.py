"""Within the year, a row with figures but no verdict says what is missing (README "Within the
year"): a level's path starts at last December, so without it the reason is
``no_last_december``; a flow's lũy kế against the share of the year elapsed needs no last year."""

import pytest

from soctrang_kpi.core.model import Indicator, Kind, Period, PeriodPoint, Point, Target, WithinYear
from soctrang_kpi.core.periods import Series, Verdict, figures

NOV = Period(2026, 11, 11)
URBAN = Indicator("urban", "Tỷ lệ đô thị hóa", unit="%")
INVEST = Indicator("invest", "Giải ngân vốn đầu tư công", unit="% kế hoạch", within_year=WithinYear.FLOW)


def _series(value: float, ytd: bool, last_year: float | None = None) -> Series:
    years = () if last_year is None else (Point(2025, last_year),)
    return Series.of(years, (PeriodPoint(Period(2026, 1 if ytd else 11, 11, ytd), value),))


@pytest.mark.parametrize("value, plan", [(45, 45.5), (46, 45.5), (40, 50)])
def test_a_level_without_last_december_says_so(value, plan):
    f = figures(URBAN, Target(Kind.LEVEL, value=plan), _series(value, False), NOV)
    assert f.to_date is not None and f.plan_pct is not None  # its figures are printed
    assert (f.verdict, f.reason) == (Verdict.NO_DATA, "no_last_december")


@pytest.mark.parametrize("value, verdict", [(45.5, Verdict.ON_COURSE), (45, Verdict.BEHIND)])
def test_a_level_with_last_december_has_a_verdict_and_no_reason(value, verdict):
    """44 last December, 45,5 planned: the path is at 45,375 by November."""
    f = figures(URBAN, Target(Kind.LEVEL, value=45.5), _series(value, False, 44), NOV)
    assert (f.verdict, f.reason) == (verdict, "")


@pytest.mark.parametrize("to_date, verdict", [(82, Verdict.BEHIND), (92, Verdict.ON_COURSE)])
def test_a_flow_needs_no_last_year(to_date, verdict):
    """82 of 100 by November (82,00 % beside 91,67 % of the year gone) is behind, 92 on course."""
    f = figures(INVEST, Target(Kind.LEVEL, value=100), _series(to_date, True), NOV)
    assert (f.verdict, f.reason) == (verdict, "")
