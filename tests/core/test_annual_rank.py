"""A place in a ranking in an annual plan (README "rank"): its year's place alone rates it. The
base year's place is last year's result, no forecast of this year's; without this year's place
the row has no verdict — the same "no data yet" a level or a flow gets without its year's value
("a default never turns a missing fact into a verdict") — and a worse place never rates better."""

import pytest
from hypothesis import given, settings, strategies as st

from soctrang_kpi.core.audit import audit
from soctrang_kpi.core.classify import SEVERITY, Status
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.files import load

ANNUAL = """\
schema_version: 1
indicators:
  - {{id: x, name: X, unit: "{unit}"}}
plans:
  - id: annual-2026
    name: Kế hoạch năm 2026
    base_year: 2025
    target_year: {target_year}
    targets:
      - {{indicator: x, number: "1", {target}}}
"""

RANKS = ["kind: rank, value: 15", "kind: rank, strict: true, value: 15"]


def _result(target: str, values: dict[int, float], unit: str = "Hạng", target_year: int = 2026, as_of: int | None = None):
    actual = ", ".join(f"{year}: {value!r}" for year, value in sorted(values.items()))
    dataset, _ = load.load_texts(
        ANNUAL.format(target=target, unit=unit, target_year=target_year), f"schema_version: 1\nseries:\n  x:\n    actual: {{{actual}}}\n"
    )
    plan = next(iter(dataset.plans))
    return evaluate(dataset, plan, as_of).results[0]


@pytest.mark.parametrize("target", RANKS)
@pytest.mark.parametrize("place", [3.0, 15.0, 18.0, 60.0])
def test_an_annual_rank_without_its_years_place_has_no_verdict_as_a_level_has_none(target, place):
    rank = _result(target, {2024: place, 2025: place}, as_of=2026)
    level = _result("kind: level, value: 95", {2024: 93.0, 2025: 93.2}, unit="%", as_of=2026)
    assert rank.status is level.status is Status.NO_DATA
    # why: the plan year's place is not in — not a level's "no forecast" (a place is never
    # forecast from growth, so "fewer than two years of values" would mislead: QA9)
    assert (level.reason.code, rank.reason.code) == ("no_forecast", "place_not_recorded")
    assert rank.reason.detail == (2026,)
    assert rank.figures.forecast.value is None  # nothing printed as its forecast either


@pytest.mark.parametrize("target, place, status, source", [
    ("kind: rank, value: 15", 12.0, Status.ACHIEVED, "actual"),
    ("kind: rank, value: 15", 15.0, Status.ACHIEVED, "actual"),
    ("kind: rank, strict: true, value: 15", 15.0, Status.MISSED, "actual"),
    ("kind: rank, value: 15", 18.0, Status.MISSED, "actual"),
])
def test_an_annual_rank_with_its_years_place_is_rated_by_it_and_forecast_by_it(target, place, status, source):
    r = _result(target, {2025: 40.0, 2026: place})
    assert r.status is status
    assert (r.figures.forecast.value, r.figures.forecast.source) == (place, source)


def test_a_term_plans_rank_is_forecast_by_its_latest_place():
    """A term plan's rule, unchanged: the latest place rates it, and is the forecast printed."""
    r = _result("kind: rank, value: 15", {2025: 18.0, 2027: 14.0}, target_year=2030, as_of=2027)  # 2027 asked: a year ahead of today is no default
    assert r.status is Status.ACHIEVED
    assert (r.figures.forecast.value, r.figures.forecast.source, r.figures.forecast.pct) == (14.0, "latest", None)
    pending = _result("kind: rank, value: 15", {2025: 18.0, 2027: 20.0}, target_year=2030, as_of=2030)
    assert (pending.status, pending.reason.code, pending.figures.forecast.value) == (Status.AT_RISK, "final_pending_below", 20.0)


@pytest.mark.parametrize("published", [14.0, 12.0])
def test_the_audit_says_a_published_forecast_of_a_place_cannot_be_computed(published):
    """A rank's forecast is its latest place, not a figure computed from the inputs: an office's
    projected place (14, or the latest place itself, 12) is said not computable, never a difference."""
    targets = ANNUAL.format(target="kind: rank, value: 15", unit="Hạng", target_year=2030)
    actuals = f"schema_version: 1\nseries:\n  x:\n    actual: {{2025: 20, 2026: 12}}\n    published: {{annual-2026: {{table: {{forecast: {published!r}}}}}}}\n"
    dataset = load.load_texts(targets, actuals)[0]
    pr = evaluate(dataset, "annual-2026")
    assert pr.results[0].figures.forecast.value == 12.0  # shown as its forecast all the same
    (finding,) = audit(pr, dataset).of("x")
    assert (finding.field, finding.published, finding.computed, finding.note) == ("forecast", published, None, "not_computable")


@settings(max_examples=200, deadline=None)
@given(
    target=st.sampled_from(RANKS),
    base=st.integers(1, 60),
    place=st.one_of(st.none(), st.integers(1, 60)),
    by=st.integers(0, 20),
)
def test_in_an_annual_plan_a_worse_place_never_earns_a_better_verdict(target, base, place, by):
    """This year's place made worse (higher), or left out: never a better verdict; without it,
    whatever last year's place, no verdict at all."""
    values = {2025: float(base)} if place is None else {2025: float(base), 2026: float(place)}
    better = _result(target, values, as_of=2026)
    if place is None:
        assert better.status is Status.NO_DATA
        return
    worse = _result(target, {2025: float(base), 2026: float(place + by)}, as_of=2026)
    assert SEVERITY[worse.status] >= SEVERITY[better.status], (better.status, worse.status)
    # the same place, whatever last year's: last year's place never decides this year's verdict
    assert _result(target, {2025: float(60 - base + 1), 2026: float(place)}).status is better.status
