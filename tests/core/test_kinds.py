"""The targets real plans set (issue #11): totals over the term, bands, ranges rated against
their upper bound, reductions of a rate, "khoảng", "trên", growth printed as an index,
preliminary values with notes, two targets for one indicator, groups, published tallies.

Every expected figure is worked by hand in the comment beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from soctrang_kpi.core.audit import audit
from soctrang_kpi.core.classify import SEVERITY, Status, published_statuses
from soctrang_kpi.core.evaluate import evaluate, other_targets
from soctrang_kpi.core.groups import counts_by_group, restrict
from soctrang_kpi.core.model import PointStatus
from soctrang_kpi.errors import UsageError
from soctrang_kpi.files import load

from ..conftest import kpi

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "docs" / "example-kinds"


def dataset_of(targets_rows: str, series: str, plan_extra: str = "", indicator_extra: str = "", years=(2020, 2025)):
    """A one-plan dataset: ``x`` (and ``y``) indicators, the rows and series given."""
    targets = f"""
schema_version: 1
indicators:
  - {{id: x, name: X{indicator_extra}}}
  - {{id: y, name: Y}}
plans:
  - id: p
    name: P
    base_year: {years[0]}
    target_year: {years[1]}
{plan_extra}
    targets:
{targets_rows}
"""
    actuals = f"schema_version: 1\nseries:\n{series}"
    return load.load_texts(targets, actuals)[0]


def rated(row: str, series: str, as_of=None, plan_extra: str = ""):
    return evaluate(dataset_of(f"      - {row}", series, plan_extra), "p", as_of).find("x")


# --- cumulative: the sum over the term -----------------------------------------------------------

CUMULATIVE_SERIES = "  x:\n    actual: {2021: 90, 2022: 95, 2023: 100}\n    plan: {2024: 105, 2025: 112}\n"


def test_cumulative_sums_the_years_after_the_base_and_adds_the_roadmap():
    r = rated('{indicator: x, number: "1", kind: cumulative, value: 500}', CUMULATIVE_SERIES)
    assert r.figures.total == pytest.approx(285)  # 90 + 95 + 100
    assert r.figures.attainment_pct == pytest.approx(57.0)  # 285 / 500
    assert r.figures.forecast.value == pytest.approx(502)  # 285 + 105 + 112
    assert r.figures.forecast.source == "plan"
    assert r.status is Status.EXCEEDED and r.excess == pytest.approx(0.4)  # 502 / 500 = 100,40 %


def test_cumulative_without_a_roadmap_carries_the_average_year():
    r = rated('{indicator: x, number: "1", kind: cumulative, value: 500}', "  x:\n    actual: {2021: 90, 2022: 95, 2023: 100}\n")
    assert r.figures.forecast.value == pytest.approx(475)  # 285 + 95 · 2
    assert r.figures.forecast.source == "trend"
    assert r.status is Status.AT_RISK  # 475 / 500 = 95 %


# --- band: two-sided -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("final", "status", "pct"),
    [
        (32.5, Status.ACHIEVED, 100.0),  # inside: 100 %, never "Vượt"
        (33.0, Status.ACHIEVED, 100.0),  # the upper bound belongs to the band
        (31.0, Status.AT_RISK, 31 / 32 * 100),  # below: value / low = 96,875 %
        (34.0, Status.AT_RISK, 31 / 32 * 100),  # above: one point out, as 31 is below: 96,875 %
        (34.6, Status.AT_RISK, 30.4 / 32 * 100),  # 1,6 points above = 95 % (33 / 34,6 = 95,38 % before)
        (70.0, Status.AT_RISK, 0.0),  # 37 points above a lower bound of 32: never below 0
    ],
)
def test_a_band_is_achieved_inside_and_falls_short_on_either_side(final, status, pct):
    series = f"  x:\n    actual: {{2020: 30, 2021: 31, 2022: 31.6}}\n    plan: {{2024: 31.8, 2025: {final}}}\n"
    r = rated('{indicator: x, number: "1", kind: band, range: [32, 33]}', series)
    assert r.status is status
    assert r.figures.forecast.pct == pytest.approx(pct)
    assert r.reason.code == ("band_inside" if status is Status.ACHIEVED else "band_below" if final < 32 else "band_above")


@pytest.mark.parametrize("method", ["trend", "rebased", "roadmap"])
def test_a_band_is_never_forecast_into_it_from_farther_outside(method):
    """25,8 (2025) → 27 (2026), five points below 32–33: the trend 27 · (27/25,8)⁴ = 32,38 fell
    inside and rated it Đạt, while 31 (one point below) trended to 64,61 and 32,5 (inside) to
    81,83: Khó đạt. A band is rated where the latest value is: 27 is 84,38 %, 31 96,88 %."""
    series = "  x:\n    actual: {{2025: 25.8}}\n    estimate: {{2026: {}}}\n"
    extra = f"    settings: {{forecast: {method}}}"
    row = '{indicator: x, number: "1", kind: band, range: [32, 33]}'
    far, near, inside = (evaluate(dataset_of(f"      - {row}", series.format(v), extra, years=(2025, 2030)), "p").find("x") for v in (27, 31, 32.5))
    assert (far.status, near.status, inside.status) == (Status.AT_RISK, Status.AT_RISK, Status.ACHIEVED)
    assert (far.figures.forecast.value, far.figures.forecast.source) == (27, "latest")
    assert far.figures.forecast.pct == pytest.approx(27 / 32 * 100) and near.figures.forecast.pct == pytest.approx(31 / 32 * 100)


def test_a_band_outside_in_the_target_year_is_missed():
    series = "  x:\n    actual: {2020: 30, 2021: 31, 2022: 31.6, 2023: 31, 2024: 32, 2025: 34}\n"
    assert rated('{indicator: x, number: "1", kind: band, range: [32, 33]}', series).status is Status.MISSED


# --- ranges: which bound the percentage uses --------------------------------------------------------

RANGE_ROW = '{indicator: x, number: "1", kind: level, range: [30000, 30500]}'


@pytest.mark.parametrize(
    ("final", "basis", "status", "pct"),
    [
        (20105, "upper", Status.AT_RISK, 20105 / 30500 * 100),  # "đạt 65,9% kế hoạch"
        (20105, "lower", Status.AT_RISK, 20105 / 30000 * 100),  # 67,02 %
        (30200, "upper", Status.ACHIEVED, 30200 / 30500 * 100),  # 99,02 % but the floor is reached
        (30200, "lower", Status.ACHIEVED, 30200 / 30000 * 100),  # 100,67 %, not above the ceiling
        (31000, "upper", Status.EXCEEDED, 31000 / 30500 * 100),  # above the ceiling: Vượt 1,64 %
    ],
)
def test_the_range_basis_names_the_bound_of_the_percentage(final, basis, status, pct):
    series = f"  x:\n    actual: {{2020: 20000}}\n    plan: {{2024: 31.8, 2025: {final}}}\n"
    r = rated(RANGE_ROW, series, plan_extra=f"    settings: {{range_basis: {basis}}}")
    assert r.status is status
    assert r.figures.forecast.pct == pytest.approx(pct)


def test_an_upper_basis_range_met_below_100_says_why():
    series = "  x:\n    actual: {2020: 20000}\n    plan: {2024: 30200, 2025: 30200}\n"
    r = rated(RANGE_ROW, series, plan_extra="    settings: {range_basis: upper}")
    assert r.reason.code == "forecast_meets_floor"


@pytest.mark.parametrize(
    ("direction", "bounds", "basis", "final", "status", "code", "pct"),
    [
        # more is better, 30.000–30.500: met at the lower bound
        ("at_least", (30000, 30500), "upper", 29000, Status.MISSED, "final_below", 29000 / 30500 * 100),
        ("at_least", (30000, 30500), "upper", 30200, Status.ACHIEVED, "final_meets_floor", 30200 / 30500 * 100),
        ("at_least", (30000, 30500), "upper", 31000, Status.EXCEEDED, "final_above", 31000 / 30500 * 100),
        ("at_least", (30000, 30500), "lower", 29000, Status.MISSED, "final_below", 29000 / 30000 * 100),
        ("at_least", (30000, 30500), "lower", 30200, Status.ACHIEVED, "final_meets", 30200 / 30000 * 100),
        ("at_least", (30000, 30500), "lower", 31000, Status.EXCEEDED, "final_above", 31000 / 30000 * 100),
        # less is better, poverty 1,5–2 %: met at the upper bound, its % of the lower one by default
        ("at_most", (1.5, 2), "lower", 1.2, Status.EXCEEDED, "final_above", 1.5 / 1.2 * 100),
        ("at_most", (1.5, 2), "lower", 1.8, Status.ACHIEVED, "final_meets_ceiling", 1.5 / 1.8 * 100),  # 83,33 %
        ("at_most", (1.5, 2), "lower", 2.5, Status.MISSED, "final_below", 1.5 / 2.5 * 100),
        ("at_most", (1.5, 2), "upper", 1.2, Status.EXCEEDED, "final_above", 2 / 1.2 * 100),
        ("at_most", (1.5, 2), "upper", 1.8, Status.ACHIEVED, "final_meets", 2 / 1.8 * 100),
        ("at_most", (1.5, 2), "upper", 2.5, Status.MISSED, "final_below", 2 / 2.5 * 100),
    ],
)
def test_a_range_met_names_the_bound_of_its_percentage_and_the_bound_reached(
    direction, bounds, basis, final, status, code, pct
):
    """Below, inside and above a range, both directions, both bases: a range met at its near bound
    with its % of the far one says so — "of the upper bound; the lower bound is reached" when more
    is better, "of the lower bound; within the upper bound" when less is (README "Ranges")."""
    row = f'{{indicator: x, number: "1", kind: level, direction: {direction}, range: [{bounds[0]}, {bounds[1]}]}}'
    series = f"  x:\n    actual: {{2020: {bounds[1] * 2 if direction == 'at_most' else bounds[0] / 2}, 2025: {final}}}\n"
    r = rated(row, series, plan_extra=f"    settings: {{range_basis: {basis}}}")
    assert (r.status, r.reason.code) == (status, code)
    assert r.figures.forecast.pct == pytest.approx(pct)


@pytest.mark.parametrize(("basis", "pct"), [("upper", 20105 / 30500 * 100), ("lower", 20105 / 30000 * 100)])
def test_the_percentage_so_far_uses_the_basis_even_without_a_forecast(basis, pct):
    """One observed year and no roadmap: no forecast, but "% so NQ" is still stated against the
    bound the plan names (it was against the lower bound whenever no forecast could be made)."""
    r = rated(RANGE_ROW, "  x:\n    actual: {2021: 20105}\n", plan_extra=f"    settings: {{range_basis: {basis}}}")
    assert r.figures.forecast.value is None and r.status is Status.NO_DATA
    assert r.figures.attainment_pct == pytest.approx(pct)


def test_an_at_most_range_is_met_at_its_upper_bound_and_exceeded_below_its_lower():
    row = '{indicator: x, number: "1", kind: level, direction: at_most, range: [2, 3]}'
    assert rated(row, "  x:\n    actual: {2020: 5}\n    plan: {2024: 2.8, 2025: 2.8}\n").status is Status.ACHIEVED  # ≤ 3
    assert rated(row, "  x:\n    actual: {2020: 5}\n    plan: {2024: 3.2, 2025: 3.2}\n").status is Status.AT_RISK  # 3 / 3,2
    r = rated(row, "  x:\n    actual: {2020: 5}\n    plan: {2024: 1.6, 2025: 1.6}\n")
    assert r.status is Status.EXCEEDED and r.excess == pytest.approx(25.0)  # 2 / 1,6 = 125 %


# --- reductions of a rate -------------------------------------------------------------------------

POVERTY = "  x:\n    actual: {2020: 4.12, 2021: 3.50, 2022: 2.80}\n    estimate: {2023: 2.23}\n    plan: {2024: 1.70, 2025: 1.20}\n"


def test_a_reduction_averages_the_yearly_drops_in_points():
    r = rated('{indicator: x, number: "1", kind: reduction, value: 0.5}', POVERTY)
    assert r.figures.avg_growth_pct == pytest.approx(0.63)  # (0,62 + 0,70 + 0,57) / 3
    assert r.figures.attainment_pct == pytest.approx(126.0)  # 0,63 / 0,5
    assert r.figures.forecast.value == pytest.approx(0.584)  # (4,12 − 1,20) / 5
    assert r.status is Status.EXCEEDED and r.excess == pytest.approx(16.8)
    assert r.figures.required_growth_pct == pytest.approx(0.305)  # (0,5 · 5 − 1,89) / 2


def test_a_reduction_in_percent_divides_each_drop_by_the_previous_level():
    series = "  x:\n    actual: {2020: 4.0, 2021: 3.0, 2022: 2.4}\n"
    r = rated('{indicator: x, number: "1", kind: reduction, value: 20, drop: percent}', series)
    assert r.figures.avg_growth_pct == pytest.approx(22.5)  # (25 % + 20 %) / 2
    assert r.figures.attainment_pct == pytest.approx(112.5)


def test_a_reduction_over_the_whole_term():
    r = rated('{indicator: x, number: "1", kind: reduction, value: 2.5, average: false}', POVERTY)
    assert r.figures.total == pytest.approx(1.89)  # 4,12 − 2,23: "giảm 1,89%"
    assert r.figures.attainment_pct == pytest.approx(75.6)  # 1,89 / 2,5
    assert r.figures.forecast.value == pytest.approx(2.92)  # 4,12 − 1,20
    assert r.status is Status.EXCEEDED and r.excess == pytest.approx(16.8)


def test_a_reduction_without_its_base_year_starts_from_the_earliest_observed_year():
    """README "Edge rules": 2021 stands in for the base year 2020, and says so; the drop 2021→2022
    is 0,7 points, counted once (not a zero drop from 2021 to itself)."""
    r = rated('{indicator: x, number: "1", kind: reduction, value: 0.5}', "  x:\n    actual: {2021: 3.5, 2022: 2.8}\n")
    assert r.figures.baseline_fallback and r.baseline.year == 2021
    assert r.figures.avg_growth_pct == pytest.approx(0.7)  # 3,5 − 2,8
    assert r.figures.attainment_pct == pytest.approx(140.0)  # 0,7 / 0,5


# --- "khoảng" and "trên" ---------------------------------------------------------------------------

ABOUT = '{indicator: x, number: "1", kind: level, value: 74.5, approximate: true}'


@pytest.mark.parametrize(
    ("final", "status"),
    [
        (74.4, Status.ACHIEVED),  # 99,87 %: within 1 point of 100
        (73.7, Status.AT_RISK),  # 73,7 / 74,5 = 98,93 %: more than 1 point short
        (75.0, Status.ACHIEVED),  # 100,67 %: "about" is not exceeded within the tolerance
        (76.0, Status.EXCEEDED),  # 102,01 %
    ],
)
def test_about_is_achieved_within_the_tolerance_either_side(final, status):
    r = rated(ABOUT, f"  x:\n    actual: {{2020: 60}}\n    plan: {{2024: 31.8, 2025: {final}}}\n")
    assert r.status is status


def test_the_tolerance_of_about_is_a_plan_setting():
    series = "  x:\n    actual: {2020: 60}\n    plan: {2024: 73.7, 2025: 73.7}\n"
    assert rated(ABOUT, series, plan_extra="    settings: {approximate_tolerance: 2}").status is Status.ACHIEVED


def test_above_on_a_level_is_strict():
    row = '{indicator: x, number: "1", kind: level, value: 80, strict: true}'
    at = rated(row, "  x:\n    actual: {2020: 41}\n    plan: {2024: 80, 2025: 80}\n")
    assert at.status is Status.AT_RISK and at.reason.code == "forecast_at_bound"  # "trên 80": 80 is not enough
    assert rated(row, "  x:\n    actual: {2020: 41}\n    plan: {2024: 80.5, 2025: 80.5}\n").status is Status.EXCEEDED
    loose = '{indicator: x, number: "1", kind: level, value: 80}'
    assert rated(loose, "  x:\n    actual: {2020: 41}\n    plan: {2024: 80, 2025: 80}\n").status is Status.ACHIEVED  # "ít nhất 80"


def test_below_on_an_at_most_level_is_strict():
    row = '{indicator: x, number: "1", kind: level, direction: at_most, value: 1.5, strict: true}'
    assert rated(row, "  x:\n    actual: {2020: 3}\n    plan: {2024: 1.5, 2025: 1.5}\n").status is Status.AT_RISK
    assert rated(row, "  x:\n    actual: {2020: 3}\n    plan: {2024: 1.4, 2025: 1.4}\n").status is Status.EXCEEDED


# --- monotone rules: a worse final value never gets a better verdict ---------------------------------

ROWS = {
    "band": '{indicator: x, number: "1", kind: band, range: [32, 33]}',
    "about": ABOUT,
    "strict": '{indicator: x, number: "1", kind: level, value: 80, strict: true}',
    "upper-basis": RANGE_ROW,
    "cumulative": '{indicator: x, number: "1", kind: cumulative, value: 500}',
}


@pytest.mark.parametrize("kind", ["about", "strict", "upper-basis", "cumulative"])
@hsettings(max_examples=40, deadline=None)
@given(a=st.floats(1, 40000), b=st.floats(1, 40000))
def test_more_never_rates_worse(kind, a, b):
    low, high = sorted((a, b))
    series = "  x:\n    actual: {{2020: 10, 2021: 100, 2022: 100, 2023: 100, 2024: 100}}\n    plan: {{2025: {:.6f}}}\n"
    extra = "    settings: {range_basis: upper}" if kind == "upper-basis" else ""
    worse = rated(ROWS[kind], series.format(low), plan_extra=extra).status
    better = rated(ROWS[kind], series.format(high), plan_extra=extra).status
    assert SEVERITY[better] <= SEVERITY[worse]


@hsettings(max_examples=40, deadline=None)
@given(a=st.floats(20, 45), b=st.floats(20, 45))
def test_further_from_the_band_never_rates_better(a, b):
    near, far = sorted((a, b), key=lambda v: max(32 - v, v - 33, 0))
    series = "  x:\n    actual: {{2020: 30}}\n    plan: {{2025: {:.6f}}}\n"
    near_status = rated(ROWS["band"], series.format(near)).status
    far_status = rated(ROWS["band"], series.format(far)).status
    assert SEVERITY[far_status] >= SEVERITY[near_status]


@hsettings(max_examples=40, deadline=None)
@given(a=st.floats(0, 4), b=st.floats(0, 4))
def test_a_lower_final_rate_never_rates_a_reduction_worse(a, b):
    low, high = sorted((a, b))
    series = "  x:\n    actual: {{2020: 4.12, 2021: 3.5, 2022: 2.8, 2023: 2.23}}\n    plan: {{2024: 2, 2025: {:.6f}}}\n"
    row = '{indicator: x, number: "1", kind: reduction, value: 0.5}'
    assert SEVERITY[rated(row, series.format(low)).status] <= SEVERITY[rated(row, series.format(high)).status]


# --- values as published ---------------------------------------------------------------------------

def test_an_index_series_is_read_as_growth():
    series = "  x:\n    as_index: true\n    actual: {2020: 104.1, 2021: 109.0, 2022: 110.2}\n"
    data = dataset_of('      - {indicator: x, number: "1", kind: growth, value: 9}', series)
    assert [round(p.value, 6) for p in data.series["x"]] == [4.1, 9.0, 10.2]  # 109,00 is +9,00 %


def test_a_preliminary_value_is_observed_and_carries_its_note():
    series = '  x:\n    actual: {2020: 10}\n    preliminary: {2021: 12}\n    notes: {2021: "Cục Thống kê, 12/2021"}\n'
    r = rated('{indicator: x, number: "1", kind: level, value: 12}', series)
    assert r.latest.status is PointStatus.PRELIMINARY and r.latest.note == "Cục Thống kê, 12/2021"
    assert r.figures.attainment_pct == pytest.approx(100.0)


def test_record_writes_a_preliminary_value_and_says_what_it_replaced(tmp_path):
    for name in ("targets.yaml", "actuals.yaml"):
        (tmp_path / name).write_bytes((EXAMPLE / name).read_bytes())
    result = kpi("record", "grdp-per-capita", "2023", "69.2", "--status", "preliminary", "--force", "--data-dir", str(tmp_path))
    assert result.exit_code == 0
    assert "68,9 (ước tính) → 69,2 (sơ bộ)" in result.stdout
    assert "preliminary: {2023: 69.2}" in (tmp_path / "actuals.yaml").read_text(encoding="utf-8")


def test_show_and_the_exports_carry_the_notes(tmp_path):
    shown = kpi("show", "social-investment", "--data-dir", str(EXAMPLE))
    assert "Cục Thống kê, sơ bộ 12/2023" in shown.stdout and "sơ bộ" in shown.stdout
    data = json.loads(kpi("show", "social-investment", "--json", "--data-dir", str(EXAMPLE)).stdout)
    assert data["latest"] == {"year": 2023, "value": 100000, "status": "preliminary", "note": data["latest"]["note"]}
    assert data["total"] == 285000
    kpi("export", "-o", str(tmp_path / "out.html"), "--data-dir", str(EXAMPLE))
    assert (tmp_path / "out.html").exists()


# --- two targets for one indicator ----------------------------------------------------------------

def test_two_plans_rate_one_budget_side_by_side():
    data = load.read(EXAMPLE)[0]
    central = evaluate(data, "budget-2023-central").find("budget-revenue")
    assert central.figures.attainment_pct == pytest.approx(78.0)  # 3.900 / 5.000
    others = other_targets(data, "budget-revenue", "budget-2023-central", 2023)
    assert [(p.id, round(r.figures.attainment_pct, 2)) for p, r in others] == [("budget-2023-province", 50.0)]  # / 7.800
    shown = kpi("show", "budget-revenue", "--plan", "budget-2023-central", "--data-dir", str(EXAMPLE)).stdout
    assert "HĐND tỉnh giao" in shown and "50,00%" in shown


# --- groups ---------------------------------------------------------------------------------------

def test_counts_per_group_and_the_group_filter():
    data = load.read(EXAMPLE)[0]
    pr = evaluate(data, "term-2020-2025")
    counts = counts_by_group(pr)
    assert list(counts) == ["economy", "society", "Chuyển đổi số"]
    assert counts["economy"][Status.EXCEEDED] == 2 and counts["economy"][Status.ACHIEVED] == 3
    society = restrict(pr, "Society")
    assert [r.id for r in society.results] == ["poverty-rate"]
    assert society.summary[Status.EXCEEDED] == 1
    with pytest.raises(UsageError):
        restrict(pr, "defence")


def test_status_and_export_take_a_group(tmp_path):
    data = json.loads(kpi("status", "--group", "economy", "--json", "--data-dir", str(EXAMPLE)).stdout)
    assert {i["group"] for i in data["indicators"]} == {"economy"} and data["summary"]["total"] == 5
    kpi("export", "-o", str(tmp_path / "e.csv"), "--group", "chuyen doi so", "--data-dir", str(EXAMPLE))
    text = (tmp_path / "e.csv").read_bytes().decode("utf-8-sig")
    assert "trực tuyến" in text and "Tổng vốn" not in text
    summary = json.loads(kpi("summary", "--json", "--data-dir", str(EXAMPLE)).stdout)
    assert summary["groups"][0] == {
        "group": "economy", "label": "Kinh tế", "total": 5, "exceeded": 2, "achieved": 3,
        "at_risk": 0, "missed": 0, "no_data": 0, "achieved_or_exceeded": 5, "not_rated": 0, "classes": [],
    }


# --- published counts and verdicts as printed -------------------------------------------------------

@pytest.mark.parametrize(
    ("printed", "agrees", "tally"),
    [
        ("Đạt và vượt", {Status.EXCEEDED, Status.ACHIEVED}, True),
        ("đạt kế hoạch", {Status.EXCEEDED, Status.ACHIEVED}, True),
        ("Chưa đạt", {Status.AT_RISK, Status.MISSED}, True),
        ("Vượt xa", {Status.EXCEEDED}, False),
        ("Không đạt", {Status.MISSED}, False),
        ("Vượt 2,5%", {Status.EXCEEDED}, False),
    ],
)
def test_printed_assessments_and_what_they_agree_with(printed, agrees, tally):
    assert published_statuses(printed) == (frozenset(agrees), tally)


def test_the_audit_speaks_the_tally_vocabulary_and_checks_per_group_counts():
    data = load.read(EXAMPLE)[0]
    review = audit(evaluate(data, "term-2020-2025"), data)
    services = review.of("services-share")
    assert [(f.published, f.note) for f in services] == [("Chưa đạt", "met_tally_met")]  # the band is met
    assert review.of("poverty-rate") == ()  # "Đạt và vượt" of an exceeded target agrees
    assert review.plan == ()  # 6 achieved or exceeded, 1 not; economy 5 of 5


def test_published_counts_that_disagree_per_group_are_reported():
    text = (EXAMPLE / "targets.yaml").read_text(encoding="utf-8").replace(
        "economy: {total: 5, achieved_or_exceeded: 5}", "economy: {total: 5, achieved_or_exceeded: 4}"
    )
    data = load.load_texts(text, (EXAMPLE / "actuals.yaml").read_text(encoding="utf-8"))[0]
    findings = audit(evaluate(data, "term-2020-2025"), data).plan
    assert [(f.field, f.published, f.computed) for f in findings] == [("summary.economy.achieved_or_exceeded", 4, 5)]


def test_the_appendix_export_has_a_source_column_when_values_have_notes(tmp_path):
    kpi("export", "-o", str(tmp_path / "a.csv"), "--data-dir", str(EXAMPLE))
    header, first = (tmp_path / "a.csv").read_bytes().decode("utf-8-sig").splitlines()[:2]
    assert header.endswith(",Nguồn")
    assert first.endswith('"2023: Cục Thống kê, sơ bộ 12/2023 (ước tính 9/2023: 97.500)"')
    for fmt in ("xlsx", "md", "html"):
        assert kpi("export", "-o", str(tmp_path / f"a.{fmt}"), "--data-dir", str(EXAMPLE)).exit_code == 0
