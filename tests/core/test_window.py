"""The window over a series (core/window.py): what a plan sees of each series as of a year,
computed once per plan."""

from soctrang_kpi.core.model import PointStatus
from soctrang_kpi.core.bounds import bounds_of
from soctrang_kpi.core.window import default_as_of, plan_windows, roadmap_start, visible, window

from ..conftest import TERM


def test_the_mid_term_window_of_a_level(dataset):
    plan = dataset.plans[TERM]
    w = window(dataset.series["grdp-per-capita"], plan, 2023, roadmap_start(dataset, plan))
    assert (w.baseline.year, w.latest.year, w.latest.status) == (2020, 2023, PointStatus.ESTIMATE)
    assert [p.year for p in w.term] == [2021, 2022, 2023] and [p.year for p in w.future] == [2024, 2025]
    assert [p.year for p in w.shown] == [2020, 2021, 2022, 2023, 2024, 2025] and not w.final


def test_an_earlier_year_hides_later_values_but_keeps_the_roadmap(dataset):
    plan = dataset.plans[TERM]
    w = window(dataset.series["grdp-per-capita"], plan, 2022)
    assert w.latest.year == 2022 and [p.year for p in w.shown] == [2020, 2021, 2022, 2024, 2025]
    assert visible(dataset.series["grdp-per-capita"], 2022) == w.shown


def test_the_plan_is_read_once_for_its_year_and_its_roadmap(dataset):
    plan = dataset.plans[TERM]
    seen = plan_windows(dataset, plan)
    assert (seen.as_of, seen.roadmap_from) == (default_as_of(dataset, plan), roadmap_start(dataset, plan)) == (2023, 2023)
    assert set(seen.windows) == {row.indicator for row in plan.rows}
    ident = plan.rows[0].indicator
    # the plan's windows also carry each indicator's bounds (core/bounds.py)
    expected = window(dataset.series.get(ident, ()), plan, 2023, 2023)._replace(bounds=bounds_of(dataset.indicators[ident]))
    assert seen.windows[ident] == expected
