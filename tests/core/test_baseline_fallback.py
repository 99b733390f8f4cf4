"""``Figures.baseline_fallback`` (JSON ``baseline.fallback``): true exactly when the baseline a
row shows is not the base year's own value — the base year has none in the series the figures
are computed on and the earliest observed year of the term stands in (README "Edge rules") —
whatever the kind of target, and for a row without a target or without figures."""

from __future__ import annotations

import pytest

from soctrang_kpi.core.evaluate import evaluate

from .test_kinds import dataset_of

#: the kinds whose figures did not say it (a level, a share of another, a reduction and progress,
#: computed from the baseline, always did: tests/core/test_kinds.py, test_tracker.py)
ROWS = {
    "growth": ('{indicator: x, number: "1", kind: growth, value: 8}', '"%"'),
    "growth of a level": ('{indicator: x, number: "1", kind: growth, basis: level, value: 10}', "Tỷ đồng"),
    "average": ('{indicator: x, number: "1", kind: average, value: 8}', '"%"'),
    "cumulative": ('{indicator: x, number: "1", kind: cumulative, value: 500}', "Tỷ đồng"),
    "band": ('{indicator: x, number: "1", kind: band, range: [32, 33]}', '"%"'),
    "threshold": ('{indicator: x, number: "1", kind: threshold, value: 20, strict: false}', '"%"'),
    "rank": ('{indicator: x, number: "1", kind: rank, value: 15}', "Hạng"),
    "no target": ('{indicator: x, number: "1"}', '"%"'),
}


def result(kind: str, series: str):
    row, unit = ROWS[kind]
    return evaluate(dataset_of(f"      - {row}", series, indicator_extra=f", unit: {unit}"), "p").find("x")


# the base year recorded: the growth of a level needs the year before's level for its rate too
FROM_BASE = "  x:\n    actual: {2019: 29, 2020: 30, 2021: 33, 2022: 36}\n"
# the base year not recorded (a level's growth: levels start at the base year, so its rate starts after)
AFTER_BASE = "  x:\n    actual: {2021: 30, 2022: 33}\n"
LEVELS_FROM_BASE = "  x:\n    actual: {2020: 30, 2021: 33, 2022: 36}\n"


@pytest.mark.parametrize("kind", sorted(ROWS))
def test_the_earliest_year_standing_in_is_a_fallback_whatever_the_kind(kind):
    own = result(kind, FROM_BASE)
    assert own.baseline is not None and own.baseline.year == 2020
    assert own.figures.baseline_fallback is False
    r = result(kind, AFTER_BASE)
    # the growth of a level: 2021's level has no rate (no 2020 level), 2022's stands in — and
    # with 2021's rate missing its figures cannot be computed, which changes nothing here
    assert r.baseline is not None and r.baseline.year == (2022 if kind == "growth of a level" else 2021)
    assert r.figures.baseline_fallback is True


def test_a_growth_of_a_level_recorded_from_the_base_year_has_its_first_rate_after_it():
    """30 → 33 → 36 from 2020: the rates are 2021's and 2022's; 2021's (10 %) stands in."""
    r = result("growth of a level", LEVELS_FROM_BASE)
    assert (r.baseline.year, round(r.baseline.value, 6)) == (2021, 10.0)
    assert r.figures.baseline_fallback is True
