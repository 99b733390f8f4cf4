"""A forecast the program computes is held within what its kind's figure can physically be, each
kind's bounds an entry of the kinds table (``KindSpec.bounds``, README "Forecast"):

- a *cumulative* total never falls below the total so far (what the years added stays added),
  and a year left adds what a value can be;
- a *reduction* never takes the rate past what a value can be: in points at most the baseline
  (to 0 %), in percent at most 100 % of it (per year, for a yearly average: baseline / years);
- an *average* is a mean of its values, observed and planned, and carries nothing beyond them:
  its forecast stays within their range (shares within 0–100) and is not held — a unit of "%"
  there is a rate (a yearly drop, a price change), which may be negative.

And with every bound, a worse value never earns a better verdict (hypothesis properties)."""

import math

import pytest
from hypothesis import given, strategies as st

from soctrang_kpi.core.classify import SEVERITY, Status
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.core.kinds import KINDS, Kind
from soctrang_kpi.files import load
from soctrang_kpi.output.labels import REASONS, Lang, fill

from ..conftest import kpi, plan_yaml


def _one(target: str, unit: str, values: dict[int, float], as_of: int = 2027):
    targets = plan_yaml(f'{{id: x, name: Chỉ tiêu, unit: "{unit}"}}', f'{{indicator: x, number: "1", {target}}}')
    years = ", ".join(f"{year}: {value!r}" for year, value in values.items())
    dataset, _ = load.load_texts(targets, f"schema_version: 1\nseries:\n  x:\n    actual: {{{years}}}\n")
    (row,) = evaluate(dataset, "p", as_of).results
    return row


def rank(row) -> tuple:
    """Lower is better: severity, then the larger excess first (a held Vượt states none: the
    best, as the bound is), then the higher forecast % for a shortfall."""
    excess = math.inf if row.excess is None else row.excess
    pct = row.figures.forecast.pct
    return (SEVERITY[row.status], -excess if row.status is Status.EXCEEDED else 0, 0 if pct is None else -pct)


# --- the table: every kind that computes a forecast says how it is held ---------------------------


def test_the_kinds_table_gives_each_kind_its_bounds():
    held = {kind for kind, spec in KINDS.items() if spec.bounds is not None}
    assert held == {Kind.LEVEL, Kind.PROGRESS, Kind.BAND, Kind.SHARE_OF, Kind.CUMULATIVE, Kind.REDUCTION}


# --- cumulative ------------------------------------------------------------------------------------


def test_a_cumulative_total_does_not_fall():
    """100 then -300 tỷ: the total so far is -200 and the average year -100 would take it to
    -500 by 2030; a total of what the years added does not fall: held at -200, said so."""
    row = _one("kind: cumulative, value: 1000", "Tỷ đồng", {2026: 100, 2027: -300})
    forecast = row.figures.forecast
    assert (forecast.value, forecast.source, forecast.unbounded) == (-200.0, "trend", -500.0)
    assert (row.figures.trend, row.figures.trend_unbounded) == (-200.0, -500.0)


@given(st.lists(st.integers(-500, 500), min_size=1, max_size=4))
def test_a_cumulative_forecast_is_never_below_the_total_so_far(values):
    row = _one("kind: cumulative, value: 1000", "Tỷ đồng", {2026 + i: v for i, v in enumerate(values)}, 2025 + len(values))
    assert row.figures.forecast.value >= row.figures.total


@given(st.lists(st.integers(-500, 500), min_size=2, max_size=4), st.integers(1, 800))
def test_a_lower_year_never_earns_a_cumulative_total_a_better_verdict(values, fall):
    years = {2026 + i: v for i, v in enumerate(values)}
    better = _one("kind: cumulative, value: 1000", "Tỷ đồng", years, 2025 + len(values))
    worse = _one("kind: cumulative, value: 1000", "Tỷ đồng", years | {2025 + len(values): values[-1] - fall}, 2025 + len(values))
    assert rank(worse) >= rank(better)


# --- reduction -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target, forecast, unbounded",
    [
        # 3 → 2 → 1 %: a point a year would take it to -2 % by 2030; at most 3 points in 5 years
        ("kind: reduction, value: 0.5, drop: points", 0.6, 1.0),
        # 66,67 % of it in two years, carried on: 166,67 % over the term; at most all of it
        ("kind: reduction, value: 50, drop: percent, average: false", 100.0, 500 / 3),
        ("kind: reduction, value: 1.5, drop: points, average: false", 3.0, 5.0),
    ],
)
def test_a_reduction_never_takes_the_rate_below_zero(target, forecast, unbounded):
    row = _one(target, "%", {2025: 3.0, 2026: 2.0, 2027: 1.0})
    assert row.figures.forecast.value == pytest.approx(forecast)
    assert row.figures.forecast.unbounded == pytest.approx(unbounded)
    assert row.figures.trend == pytest.approx(forecast) and row.figures.trend_unbounded == pytest.approx(unbounded)
    # passing the target, held at the bound: Vượt without a figure, the held forecast's reason
    assert (row.status, row.excess, row.reason.code) == (Status.EXCEEDED, None, "forecast_held")


def test_a_reduction_within_what_the_rate_can_be_is_not_held():
    row = _one("kind: reduction, value: 0.5, drop: points", "%", {2025: 3.0, 2026: 2.8, 2027: 2.6})
    assert (row.figures.forecast.value, row.figures.forecast.unbounded, row.figures.trend_unbounded) == (pytest.approx(0.2), None, None)


@pytest.mark.parametrize(
    "target",
    [
        "kind: reduction, value: 0.5, drop: points",
        "kind: reduction, value: 10, drop: percent",
        "kind: reduction, value: 1.5, drop: points, average: false",
        "kind: reduction, value: 50, drop: percent, average: false",
    ],
)
@given(levels=st.lists(st.integers(1, 100), min_size=2, max_size=4), rise=st.integers(1, 50))
def test_a_higher_rate_never_earns_a_reduction_a_better_verdict(target, levels, rise):
    values = {2025 + i: v / 10 for i, v in enumerate(levels)}
    as_of = 2024 + len(levels)
    better = _one(target, "%", values, as_of)
    worse = _one(target, "%", values | {as_of: values[as_of] + rise / 10}, as_of)
    assert rank(worse) >= rank(better)
    forecast, base = better.figures.forecast.value, values[2025]
    if forecast is not None and "points" in target:  # never past 0 %: the drop in points at most the baseline
        assert forecast * (5 if "average" not in target else 1) <= base + 1e-9
    elif forecast is not None and "false" in target:
        assert forecast <= 100


# --- average ---------------------------------------------------------------------------------------


@given(st.lists(st.floats(0, 100, allow_nan=False), min_size=1, max_size=5))
def test_an_average_of_shares_stays_within_them(values):
    row = _one("kind: average, value: 60", "%", {2026 + i: round(v, 2) for i, v in enumerate(values)}, 2025 + len(values))
    seen = [round(v, 2) for v in values]
    assert min(seen) - 1e-9 <= row.figures.forecast.value <= max(seen) + 1e-9
    assert row.figures.forecast.unbounded is None


def test_a_negative_average_of_yearly_drops_is_not_held():
    """Poverty rising two years (drops of -0,5 and -0,3 points, "%"): the average is -0,40, a
    rate of change, not a share to hold at 0."""
    row = _one("kind: average, range: [2, 3]", "%", {2026: -0.5, 2027: -0.3})
    assert (row.figures.forecast.value, row.figures.forecast.unbounded) == (pytest.approx(-0.4), None)


@pytest.mark.parametrize(
    "lang, trend",
    [
        ("vi", "Theo xu hướng đến 2030 0,60 (giữ trong giới hạn của chỉ tiêu, tính ra 1)"),
        ("en", "Trend to 2030 0.60 (held within what the indicator can be, computed 1)"),
    ],
)
def test_show_says_a_reduction_is_held(tmp_path, lang, trend):
    (tmp_path / "targets.yaml").write_text(
        plan_yaml('{id: x, name: Tỷ lệ hộ nghèo, unit: "%"}', '{indicator: x, number: "1", kind: reduction, value: 0.5, drop: points}'),
        encoding="utf-8",
    )
    (tmp_path / "actuals.yaml").write_text("schema_version: 1\nseries:\n  x:\n    actual: {2025: 3, 2026: 2, 2027: 1}\n", encoding="utf-8")
    done = kpi("--lang", lang, "show", "x", "--data-dir", str(tmp_path))
    assert done.exit_code == 0, done.stderr
    text = " ".join(done.stdout.split())
    assert trend in text
    assert fill(REASONS["forecast_held"], Lang(lang), "") in text
