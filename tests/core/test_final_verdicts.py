"""From the target year on, Đạt, Vượt and Không đạt need the target-year value — a threshold's
every year's (README "Final verdicts"): until it is in, a forecast that falls short (one at a
strict bound too) is Khó đạt and one that meets the target waits as Chưa có số liệu, for every
kind, direction and strictness."""

import pytest
from hypothesis import given, settings, strategies as st

from soctrang_kpi.core.classify import SEVERITY, Status
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.files import load

from .test_one_rule import TARGETS  # one indicator, a 2020–2025 plan, the row's target as given


FINAL = frozenset({Status.EXCEEDED, Status.ACHIEVED, Status.MISSED})


def _result(target: str, values: dict[int, float], as_of: int = 2025):
    actual = ", ".join(f"{year}: {value!r}" for year, value in sorted(values.items()))
    dataset, _ = load.load_texts(TARGETS.format(target=target), f"schema_version: 1\nseries:\n  x:\n    actual: {{{actual}}}\n")
    return evaluate(dataset, "p", as_of).results[0]


def _years(*values: float, start: int = 2020) -> dict[int, float]:
    return dict(enumerate(values, start))


#: one row per kind, both directions, strict or not; the values stop at 2023, the term at 2025
PENDING = [
    # a threshold met every year so far: its last years are not in, so it is not met yet
    ("kind: threshold, strict: false, value: 100", _years(95, 100, 101, 100), Status.NO_DATA, "threshold_pending"),
    ("kind: threshold, strict: true, direction: at_most, value: 1.5", _years(2, 1.4, 1.2, 1), Status.NO_DATA, "threshold_pending"),
    # a year below it is observed: that is a final verdict already
    ("kind: threshold, strict: false, value: 100", _years(95, 100, 99, 100), Status.MISSED, "threshold_failed"),
    # growth "Trên 10%/năm" at exactly 10 %/năm: at a strict bound, short
    ("kind: growth, basis: level, strict: true, value: 10", _years(200, 220, 242, 266.2), Status.AT_RISK, "final_pending_below"),
    ("kind: growth, basis: level, value: 10", _years(200, 220, 242, 266.2), Status.NO_DATA, "final_pending"),
    ("kind: growth, direction: at_most, strict: true, value: 4", _years(3, 4, 4, 4), Status.AT_RISK, "final_pending_below"),
    ("kind: average, value: 4", _years(3, 4, 4, 4), Status.NO_DATA, "final_pending"),
    ("kind: level, strict: true, value: 80", _years(80, 80, 80), Status.AT_RISK, "final_pending_below"),
    ("kind: level, direction: at_most, value: 80", _years(86, 84, 82), Status.NO_DATA, "final_pending"),
    ("kind: level, range: [80, 90]", _years(74, 77, 80), Status.NO_DATA, "final_pending"),
    ("kind: level, range: [80, 90]", _years(70, 70, 70, 71), Status.AT_RISK, "final_pending_below"),
    ("kind: band, range: [32, 33]", _years(30, 31, 32.5, 32.5), Status.NO_DATA, "final_pending"),
    ("kind: band, range: [32, 33]", _years(30, 32, 33, 34), Status.AT_RISK, "final_pending_below"),
    ("kind: rank, value: 15", _years(20, 18, 12, 10), Status.NO_DATA, "final_pending"),
    ("kind: rank, strict: true, value: 15", _years(20, 18, 16, 15), Status.AT_RISK, "final_pending_below"),
    ("kind: reduction, value: 1.5, drop: points", _years(10, 8.5, 7, 5.5), Status.NO_DATA, "final_pending"),
    ("kind: reduction, strict: true, value: 1.5, drop: points", _years(10, 8.5, 7, 5.5), Status.AT_RISK, "final_pending_below"),
    ("kind: cumulative, value: 500", _years(90, 100, 100, 100), Status.NO_DATA, "final_pending"),
    ("kind: cumulative, strict: true, value: 500", _years(90, 100, 100, 100), Status.AT_RISK, "final_pending_below"),
    ("kind: cumulative, direction: at_most, strict: true, value: 500", _years(90, 100, 100, 100), Status.AT_RISK, "final_pending_below"),
]


@pytest.mark.parametrize("as_of", [2025, 2027])
@pytest.mark.parametrize("target, values, status, code", PENDING)
def test_a_final_verdict_waits_for_the_target_years_value(target, values, status, code, as_of):
    r = _result(target, values, as_of)
    assert (r.status, r.reason.code) == (status, code)


def test_a_threshold_names_the_years_it_lacks():
    """The QA case: "100% kế hoạch mỗi năm" with 2026–2028 in and 2029–2030 not, as of 2030."""
    r = _result("kind: threshold, strict: false, value: 100", _years(95, 100, 101, 100), 2025)
    assert r.reason.detail == (2024, 2025)
    # a missing year inside the term too: every year's value is needed, not the last alone
    r = _result("kind: threshold, strict: false, value: 100", {2020: 95, 2021: 100, 2023: 100, 2024: 100, 2025: 100})
    assert (r.status, r.reason.code, r.reason.detail) == (Status.NO_DATA, "threshold_pending", (2022,))
    # with every year in, it is met; before the target year, met so far is still Đạt
    assert _result("kind: threshold, strict: false, value: 100", _years(95, 100, 101, 100, 100, 100)).status is Status.ACHIEVED
    assert _result("kind: threshold, strict: false, value: 100", _years(95, 100, 101, 100), 2023).status is Status.ACHIEVED


#: (target, the values' scale): each kind, both directions, strict or not
KINDS = [
    ("kind: threshold, strict: false, value: 100", 100),
    ("kind: threshold, strict: true, direction: at_most, value: 100", 100),
    ("kind: growth, value: 10", 10),
    ("kind: growth, direction: at_most, strict: true, value: 10", 10),
    ("kind: level, value: 80", 80),
    ("kind: level, direction: at_most, strict: true, value: 80", 80),
    ("kind: level, range: [80, 90]", 85),
    ("kind: band, range: [32, 33]", 32.5),
    ("kind: rank, value: 15", 15),
    ("kind: rank, strict: true, value: 15", 15),
    ("kind: reduction, value: 1.5, drop: points", 10),
    ("kind: reduction, strict: true, value: 1.5, drop: points", 10),
    ("kind: cumulative, value: 500", 100),
    ("kind: cumulative, direction: at_most, strict: true, value: 500", 100),
]


def _series(scale: float, draws: list[float], whole: bool) -> dict[int, float]:
    """2020 and the years the draws fill, each a value near the scale."""
    values = {2020 + i: round(scale * d, 2) for i, d in enumerate(draws)}  # 3 decimals read two ways
    if whole:  # a place in a ranking
        values = {y: float(max(1, round(v))) for y, v in values.items()}
    return values


@settings(max_examples=200, deadline=None)
@given(
    kind=st.sampled_from(KINDS),
    draws=st.lists(st.floats(0.5, 1.5, allow_nan=False), min_size=2, max_size=5),
    as_of=st.sampled_from([2025, 2026]),
)
def test_no_final_verdict_without_the_final_value(kind, draws, as_of):
    """As of the target year or later, with the target year's value missing (the draws stop by
    2024), nothing is Đạt or Vượt, and Không đạt only for a threshold a year of which broke it."""
    target, scale = kind
    r = _result(target, _series(scale, draws, "rank" in target), as_of)
    if r.status is Status.MISSED:
        assert r.reason.code == "threshold_failed"
    else:
        assert r.status not in FINAL, (r.status, r.reason)


def _worse(target: str, value: float, by: float) -> float:
    """A value ``by`` worse: lower for an at-least target, higher for an at-most one, a rank or
    a reduction's level; for a band, farther from its middle."""
    if "band" in target:
        return value + by if value >= 32.5 else value - by
    up = "at_most" in target or "rank" in target or "reduction" in target
    return value + by if up else value - by


@settings(max_examples=200, deadline=None)
@given(
    kind=st.sampled_from(KINDS),
    draws=st.lists(st.floats(0.5, 1.5, allow_nan=False), min_size=2, max_size=6),
    by=st.floats(0, 0.5, allow_nan=False),
    as_of=st.sampled_from([2023, 2025]),
)
def test_a_worse_latest_value_never_earns_a_better_verdict(kind, draws, by, as_of):
    """The same series with its latest value worse, before the target year and in it, with the
    final value in or not: never a better verdict."""
    target, scale = kind
    rank = "rank" in target
    values = _series(scale, draws, rank)
    last = max(y for y in values if y <= as_of) if any(y <= as_of for y in values) else None
    if last is None:
        return
    worse = dict(values)
    moved = _worse(target, values[last], round(by * scale, 2))
    worse[last] = float(round(moved)) if rank else round(moved, 2)
    better, worse_r = _result(target, values, as_of), _result(target, worse, as_of)
    if Status.NO_DATA in (better.status, worse_r.status):  # no verdict is no ordering
        return
    assert SEVERITY[worse_r.status] >= SEVERITY[better.status], (better.status, better.reason, worse_r.status, worse_r.reason)
