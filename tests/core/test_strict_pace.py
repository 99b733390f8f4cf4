"""The pace of a strict growth or average target ("trên 10 %/năm") agrees with its verdict: on
the bound, at the plan's precision, the target is not met (README "Pace", "Classification")."""

from __future__ import annotations

import pytest

from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.core.model import Direction
from soctrang_kpi.core.pace import Band, rate_pace
from soctrang_kpi.core.classify import Status

from .test_kinds import dataset_of


@pytest.mark.parametrize(
    "average, target, direction",
    [
        (10.0, 10, Direction.AT_LEAST),  # on the bound: not past it
        (10.000000000000009, 10, Direction.AT_LEAST),  # 165 / 150 − 1: float noise is no excess
        (2.0, 2, Direction.AT_MOST),
    ],
)
def test_a_strict_rate_on_its_bound_is_not_a_target_met(average, target, direction):
    assert rate_pace(average, target, direction).basis == "target_met"  # "từ 10 % trở lên": met
    pace = rate_pace(average, target, direction, strict=True, precision=2)
    assert pace is not None and pace.basis == "ratio" and pace.ratio == pytest.approx(1.0) and pace.band is Band.ON_TRACK


ROW = '{indicator: x, number: "1", kind: KIND, value: 10, strict: true, printed: "Trên 10%"}'


@pytest.mark.parametrize("kind", ["growth", "average"])
def test_a_strict_average_on_its_bound_is_neither_met_in_its_pace_nor_in_its_verdict(kind):
    dataset = dataset_of("      - " + ROW.replace("KIND", kind), "  x:\n    actual: {2021: 10, 2022: 10}\n", indicator_extra=', unit: "%"')
    r = evaluate(dataset, "p").find("x")
    assert r.status is Status.AT_RISK and r.figures.rule == "forecast_at_bound"
    assert r.figures.pace.basis != "target_met" and r.figures.pace.band is Band.ON_TRACK  # a ratio of 1,00
