"""Where the report contradicts itself: each known discrepancy, and what the audit says of it."""

import pytest

from soctrang_kpi.core import calc
from soctrang_kpi.core.classify import Status
from soctrang_kpi.core.audit import audit
from soctrang_kpi.core.evaluate import evaluate


@pytest.fixture(autouse=True)
def _audited(review):
    global REVIEW
    REVIEW = review


def _finding(result, field, source="table"):
    found = [f for f in REVIEW.of(result.id) if f.field == field and f.source == source]
    assert len(found) == 1, REVIEW.of(result.id)
    return found[0]


def test_8_industrial_index_average_is_not_reproducible(by_no):
    """The table's 7,18 % cannot come from its own yearly rates −2,98 / 5,09 / 12."""
    result = by_no["8"]
    rates = [-2.98, 5.09, 12]
    assert round(calc.chain_average(rates), 2) == 4.52
    assert round(calc.mean(rates), 2) == 4.70  # not the arithmetic mean either
    assert _finding(result, "avg_growth").published == 7.18
    assert round(_finding(result, "avg_growth").computed, 2) == 4.52
    assert round(_finding(result, "midterm_pct").computed, 2) == 21.54
    # 34,17 % is not even 7,18 / 21 (= 34,19 %): the table disagrees with itself
    assert round(7.18 / 21 * 100, 2) == 34.19


def test_8_industrial_index_forecast_carries_the_wrong_average(by_no):
    """10,24 % is what the roadmap gives on top of the unreproducible 7,18 %, not of the data."""
    carried = calc.chain_average([7.18, 7.18, 7.18, 9.93, 20.32])
    assert abs(carried - 10.24) < 0.02
    assert round(by_no["8"].figures.forecast.value, 2) == 8.60
    assert by_no["8"].status is Status.AT_RISK  # the assessment stands either way


def test_8_body_text_rates_2023_alone(by_no):
    """The body says 57,14 %: that is 12 / 21, one year, not the period's average."""
    finding = _finding(by_no["8"], "midterm_pct", source="text")
    assert finding.published == 57.14
    assert (finding.note, finding.detail) == ("latest_year_alone", 2023)


def test_3_structure_labelled_achieved_though_three_shares_miss(by_no):
    finding = _finding(by_no["3"], "assessment")
    assert finding.published == "Đạt"
    assert by_no["3"].status is Status.AT_RISK
    assert (finding.note, finding.detail) == ("components_short", ("3.1", "3.2", "3.4"))
    assert by_no["3.3"].status is Status.EXCEEDED


def test_2_100_40_labelled_achieved_while_10_100_41_exceeds(by_no):
    finding = _finding(by_no["2"], "assessment")
    assert finding.published == "Đạt"
    assert (by_no["2"].status, by_no["2"].excess) == (Status.EXCEEDED, 0.40)
    assert finding.note == "above_100"
    assert (by_no["10"].status, by_no["10"].excess) == (Status.EXCEEDED, 0.41)
    assert not [f for f in REVIEW.of(by_no["10"].id) if f.field == "assessment"]


@pytest.mark.parametrize("no, computed_mid, computed_forecast", [("17", 86.83, 92.10), ("17.1", 70.44, 82.27)])
def test_17_poverty_reduction_rated_on_2023_alone(by_no, no, computed_mid, computed_forecast):
    """The target is a term average (2–3 points a year); the report rates 2023 alone."""
    result = by_no[no]
    finding = _finding(result, "midterm_pct")
    assert finding.published == 100
    assert round(finding.computed, 2) == computed_mid
    assert (finding.note, finding.detail) == ("latest_year_alone", 2023)
    assert round(result.figures.forecast.pct, 2) == computed_forecast
    assert result.status is Status.AT_RISK


def test_20_party_members_achieved_on_30_percent_progress_without_forecast(by_no):
    result = by_no["20"]
    assert round(result.figures.progress_pct, 2) == 30.63
    assert result.figures.forecast.source == "trend"
    assert result.status is Status.AT_RISK
    finding = _finding(result, "assessment")
    assert (finding.published, finding.note) == ("Đạt", "trend_forecast")


def test_annual_2023_counts_cannot_be_checked_without_its_targets(dataset):
    result = evaluate(dataset, "annual-2023")
    plan_findings = audit(result, dataset).plan
    fields = {f.field: (f.published, f.computed) for f in plan_findings}
    assert fields["summary.total"] == (24, 0)
    assert plan_findings[0].note == "missing_indicators"


def test_audit_lists_nothing_else(term):
    """Every finding of the bundled data is one of the known ones above."""
    found = {(r.row.no, f.field, f.source) for r in term.results for f in REVIEW.of(r.id)}
    assert found == {
        ("2", "assessment", "table"),
        ("3", "assessment", "table"),
        ("8", "avg_growth", "table"), ("8", "midterm_pct", "table"), ("8", "forecast", "table"),
        ("8", "forecast_pct", "table"), ("8", "midterm_pct", "text"),
        ("17", "midterm_pct", "table"), ("17", "forecast", "table"), ("17", "forecast_pct", "table"),
        ("17", "assessment", "table"), ("17", "midterm_pct", "text"),
        ("17.1", "midterm_pct", "table"), ("17.1", "forecast", "table"), ("17.1", "forecast_pct", "table"),
        ("17.1", "midterm_pct", "text"),
        ("20", "assessment", "table"),
    }
