"""The audit allows a published level its own rounding: an office printing a whole-number
estimate (40235 for 40.235,29 tỷ đồng) is not a finding; ±audit_tolerance stays the least allowed,
and percentages and rates are held to it at the plan's precision."""

import pytest

from soctrang_kpi.core.audit import published_differs, _is_level, half_unit
from soctrang_kpi.core.model import Kind


@pytest.mark.parametrize("printed, half", [(40235.0, 0.5), (40200.0, 0.5), (6187.5, 0.05), (74.38, 0.005), (0.745, 0.0005)])
def test_half_a_unit_of_the_last_printed_digit(printed, half):
    assert half_unit(printed) == pytest.approx(half)


@pytest.mark.parametrize(
    "published, computed, level, differs",
    [
        (40235, 40235.29, True, False),  # a whole number: 40.235,29 printed whole
        (40235, 40235.5, True, False),  # half up is 40236; 40235 is half a unit off, at the edge
        (40235, 40235.6, True, True),
        (40235, 40234.4, True, True),
        (6187.5, 6187.54, True, False),
        (6187.5, 6187.62, True, True),
        (74.38, 74.47, True, False),  # two decimals: ±0,1 (audit_tolerance) is still the least allowed
        (74.38, 74.5, True, True),
        (45, 45.45, False, True),  # a percentage: 45 is 45,00 % at the plan's precision
    ],
)
def test_a_published_figure_differs_beyond_its_own_rounding(published, computed, level, differs):
    assert published_differs(published, computed, 2, 0.1, level) is differs


def test_levels_are_estimates_and_forecasts_of_what_is_not_a_rate():
    assert _is_level("estimate", Kind.LEVEL) and _is_level("forecast", Kind.LEVEL)
    assert not _is_level("estimate", Kind.GROWTH) and not _is_level("forecast", Kind.AVERAGE)
    assert not _is_level("plan_pct", Kind.LEVEL) and not _is_level("midterm_pct", Kind.LEVEL)
