"""Whether a value reaches its target is said in one place (core/classify.py: ``reaches``,
``target_met``, ``value_reaches``) and every verdict of core/ asks it: the final verdict pending
its year's value, thresholds, the pace, the plan's classes (README "Classification")."""

import pytest

from soctrang_kpi.core.classify import Status
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.core.model import Direction, Point
from soctrang_kpi.core.pace import Band, level_pace, rate_pace
from soctrang_kpi.files import load

TARGETS = """\
schema_version: 1
indicators:
  - {{id: x, name: X, unit: "%"}}
plans:
  - id: p
    name: P
    base_year: 2020
    target_year: 2025
    targets:
      - {{indicator: x, number: "1", {target}}}
"""


def _result(target: str, actual: str, plan: str = "", as_of: int = 2025):
    series = f"    actual: {{{actual}}}\n" + (f"    plan: {{{plan}}}\n" if plan else "")
    dataset, _ = load.load_texts(TARGETS.format(target=target), f"schema_version: 1\nseries:\n  x:\n{series}")
    return evaluate(dataset, "p", as_of).results[0]


@pytest.mark.parametrize(
    "target, status, code",
    [
        ("kind: level, value: 80", Status.NO_DATA, "final_pending"),
        ("kind: level, value: 80, strict: true", Status.AT_RISK, "final_pending_below"),  # "trên 80" forecast at 80
        ("kind: level, direction: at_most, value: 80, strict: true", Status.AT_RISK, "final_pending_below"),
    ],
)
def test_the_final_verdict_pending_says_what_the_verdict_would(target, status, code):
    """In the target year without its value, a forecast that would not meet the target is Khó đạt:
    "trên 80" forecast at exactly 80 falls short, as its verdict says (it was "Chưa có số liệu")."""
    r = _result(target, "2020: 70, 2023: 78", "2024: 79, 2025: 80")
    assert (r.status, r.reason.code) == (status, code)


def test_a_range_met_at_its_near_bound_is_pending_not_short():
    """A range "80–90" stated against its upper bound (range_basis: upper): a forecast of 85 is
    94,44 % of 90 but meets the range, so its final verdict waits for the value."""
    targets = TARGETS.replace("    target_year: 2025\n", "    target_year: 2025\n    settings: {{range_basis: upper}}\n")
    dataset, _ = load.load_texts(
        targets.format(target="kind: level, range: [80, 90]"), "schema_version: 1\nseries:\n  x:\n    actual: {2020: 70, 2023: 80}\n    plan: {2024: 82, 2025: 85}\n"
    )
    r = evaluate(dataset, "p", 2025).results[0]
    assert (r.status, r.reason.code) == (Status.NO_DATA, "final_pending")


@pytest.mark.parametrize(
    "target, values, status",
    [
        ("kind: threshold, strict: false, value: 80", "2020: 70, 2021: 79.99999999999999", Status.ACHIEVED),  # "80,00"
        ("kind: threshold, strict: true, value: 80", "2020: 70, 2021: 80.0001", Status.MISSED),  # 100,00 % of 80: not past it
        ("kind: threshold, strict: true, value: 80", "2020: 70, 2021: 80.01", Status.ACHIEVED),
        ("kind: threshold, strict: true, direction: at_most, value: 1.5", "2020: 2, 2021: 1.49999", Status.MISSED),
    ],
)
def test_a_threshold_is_kept_at_the_plans_precision(target, values, status):
    assert _result(target, values, as_of=2021).status is status


def test_the_pace_meets_a_target_as_the_verdict_does():
    """A level at 80 as printed is at "tối thiểu 80" (on track, target met) and not past "trên 80"."""
    assert level_pace(Point(2020, 70), Point(2022, 79.99999999999), 80, 2025, Direction.AT_LEAST).basis == "target_met"
    assert level_pace(Point(2020, 70), Point(2022, 80.000001), 80, 2025, Direction.AT_LEAST, True).basis == "ratio"
    # a growth "trên 10 %" averaging 10,00 % has not met it: rated by its ratio, 1,00
    assert rate_pace(10.0, 10, Direction.AT_LEAST, True) == (Band.ON_TRACK, 1.0, "ratio")
    assert rate_pace(10.0, 10, Direction.AT_LEAST).basis == "target_met"
