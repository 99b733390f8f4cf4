"""The printed percentages, set in one place (core/options.py): of target so far, of the
forecast, the excess, then the target's wording; and each year's own percentage of a level."""

import pytest

from soctrang_kpi.core.model import Kind, Point, PointStatus, RangeBasis, Target
from soctrang_kpi.core.options import printed, yearly
from soctrang_kpi.core.results import Figures, Forecast
from soctrang_kpi.core.window import window

from ..conftest import TERM


def _window(dataset, basis: RangeBasis):
    plan = dataset.plans[TERM]
    plan = plan._replace(settings=plan.settings._replace(range_basis=basis))
    return window((Point(2020, 20000.0), Point(2025, 20105.0, PointStatus.PLAN)), plan, 2023)


@pytest.mark.parametrize(("basis", "bound"), [(RangeBasis.LOWER, 30000), (RangeBasis.UPPER, 30500)])
def test_a_range_is_printed_against_the_bound_the_plan_names(dataset, basis, bound):
    target = Target(Kind.LEVEL, value=30000, upper=30500)
    figures = printed(Figures(measure=20000.0, forecast=Forecast(20105.0, None, "plan")), target, _window(dataset, basis))
    assert figures.attainment_pct == pytest.approx(20000 / bound * 100)
    assert figures.forecast.pct == pytest.approx(20105 / bound * 100)
    assert figures.excess_pct == pytest.approx(20105 / 30500 * 100)  # a range exceeds beyond its far bound
    assert figures.meets is False


def test_a_threshold_prints_no_percentage(dataset):
    figures = Figures(years_failed=(), years_checked=(2021,))
    assert printed(figures, Target(Kind.THRESHOLD, value=80.0), _window(dataset, RangeBasis.LOWER)) is figures


def test_only_a_level_has_a_percentage_per_year(dataset):
    w = _window(dataset, RangeBasis.LOWER)
    assert yearly(Target(Kind.LEVEL, value=40000.0), w.shown) == pytest.approx((50.0, 50.2625))
    assert yearly(Target(Kind.GROWTH, value=8.0), w.shown) == ()
