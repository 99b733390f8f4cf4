"""What evaluating a plan returns (core/results.py): rows found by id, their window's baseline
and latest value."""

import pytest

from soctrang_kpi.core.results import Figures, Forecast, PlanResult, Result
from soctrang_kpi.errors import UsageError


def test_a_result_reads_its_baseline_and_latest_value_from_its_window(term):
    r = term.find("exports")
    assert isinstance(term, PlanResult) and isinstance(r, Result) and isinstance(r.figures, Figures)
    assert (r.baseline, r.latest) == (r.window.baseline, r.window.latest) and r.latest.value == 1.5


def test_a_row_the_plan_does_not_have_is_a_usage_error(term):
    with pytest.raises(UsageError):
        term.find("no-such-indicator")


def test_no_forecast_by_default():
    assert Figures().forecast == Forecast(None, None, None)
