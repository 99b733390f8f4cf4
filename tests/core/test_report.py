"""The appendix of Báo cáo 405-BC/TU, recomputed: one row per published computed figure.

Each published figure is reproduced from the inputs alone within ±0,01 (±0,1 for a percentage
of a growth-rate target, which inherits the rounding of the yearly rates), or it is a known
discrepancy that must appear in the audit with the published value.
"""

import pytest

from soctrang_kpi.core.calc import round_half_up
from soctrang_kpi.core.classify import Status, parse_assessment

# --- the appendix, as printed (TT, published) ---------------------------------------------------

AVG_GROWTH_2021_2023 = [
    ("1", 5.76), ("2", 9.36), ("5", 3.73), ("6", 10.30), ("8", 7.18), ("9", 10.23),
    ("10", 19.54), ("11", 0.54),
]

MIDTERM_PCT = [
    ("1", 72), ("2", 80.40), ("4", 115.16), ("5", 86.81), ("6", 95.44), ("7.1", 97.22),
    ("7.2", 83.33), ("8", 34.17), ("9", 125), ("10", 84.02), ("11", 68), ("12.1", 76),
    ("12.2", 97.89), ("12.3", 100), ("12.4", 99.59), ("12.5", 94.67), ("13", 97.65),
    ("14.1", 100), ("14.2", 108.50), ("14.3", 90.80), ("15.1", 99.63), ("15.2", 78.11),
    ("16.1", 96.92), ("16.2", 96.67), ("16.3", 98.53), ("17", 100), ("17.1", 100),
    ("18.1", 97.31), ("18.2", 100.66), ("19.1", 98.26), ("19.2", 96.92), ("20", 30.63),
]

FORECAST = [
    ("1", 7.20), ("2", 75.30), ("3.1", 37), ("3.2", 20), ("3.3", 40), ("3.4", 3), ("4", 92.41),
    ("5", 417000), ("6", 250), ("7.1", 72), ("7.2", 6), ("8", 10.24), ("9", 1.50),
    ("10", 98000), ("11", 6648), ("12.1", 25), ("12.2", 95), ("12.3", 99.50), ("12.4", 98.50),
    ("12.5", 75), ("13", 85), ("14.1", 100), ("14.2", 34.19), ("14.3", 10.01), ("15.1", 95.50),
    ("15.2", 38.40), ("16.1", 65), ("16.2", 30), ("16.3", 85), ("17", 2), ("17.1", 3),
    ("18.1", 93), ("18.2", 99.65), ("19.1", 95), ("19.2", 65),
]

FORECAST_PCT = [
    ("1", 90), ("2", 100.40), ("5", 100), ("6", 100), ("7.1", 100), ("7.2", 100), ("8", 48.76),
    ("9", 125), ("10", 100.41), ("11", 102.28), ("12.1", 100), ("12.2", 100), ("12.3", 100),
    ("12.4", 100), ("12.5", 100), ("13", 100), ("14.1", 100), ("14.2", 113.97),
    ("14.3", 100.10), ("15.1", 100), ("15.2", 85.33), ("16.1", 100), ("16.2", 100),
    ("16.3", 100), ("17", 100), ("17.1", 100), ("18.1", 100), ("18.2", 100.66), ("19.1", 100),
    ("19.2", 100),
]

ASSESSMENT = [
    ("1", "Khó đạt"), ("2", "Đạt"), ("3", "Đạt"), ("4", "Vượt 15,51%"), ("5", "Đạt"),
    ("6", "Đạt"), ("7", "Đạt"), ("8", "Khó đạt"), ("9", "Vượt 25%"), ("10", "Vượt 0,41%"),
    ("11", "Vượt 2,28%"), ("12", "Đạt"), ("13", "Đạt"), ("14", "Vượt"), ("15", "Khó đạt"),
    ("16", "Đạt"), ("17", "Đạt"), ("18", "Vượt"), ("19", "Đạt"), ("20", "Đạt"), ("21", "Đạt"),
    ("22", "Đạt"), ("23", "Đạt"),
]

# The body text of section I.2 repeats the mid-term percentages (printed to fewer decimals).
TEXT_MIDTERM_PCT = [
    ("1", 72, 0.1), ("2", 80.4, 0.05), ("4", 115.16, 0.01), ("5", 86.81, 0.01),
    ("6", 95.44, 0.01), ("7.1", 97.22, 0.01), ("7.2", 83.3, 0.05), ("8", 57.14, 0.1),
    ("9", 125, 0.01), ("10", 84.02, 0.01), ("11", 68, 0.01), ("14.2", 108.5, 0.05),
    ("14.3", 90.8, 0.05), ("17", 100, 0.01), ("17.1", 100, 0.01), ("20", 30.63, 0.01),
]

# Figures the inputs do not reproduce: each must be reported by the audit (test_findings.py
# says why for each).
KNOWN = {
    ("8", "avg_growth"), ("8", "midterm_pct"), ("8", "forecast"), ("8", "forecast_pct"),
    ("17", "midterm_pct"), ("17", "forecast"), ("17", "forecast_pct"),
    ("17.1", "midterm_pct"), ("17.1", "forecast"), ("17.1", "forecast_pct"),
    ("2", "assessment"), ("3", "assessment"), ("17", "assessment"), ("20", "assessment"),
    ("text", "8", "midterm_pct"), ("text", "17", "midterm_pct"), ("text", "17.1", "midterm_pct"),
}

GROWTH_ROWS = {"1", "8"}  # percentages of a growth-rate target: ±0,1

COMPUTED = {
    "avg_growth": lambda r: r.figures.avg_growth_pct,
    "midterm_pct": lambda r: r.figures.attainment_pct,
    "forecast": lambda r: r.figures.forecast.value,
    "forecast_pct": lambda r: r.figures.forecast.pct,
}


def _tolerance(no: str, field: str) -> float:
    return 0.1 if no in GROWTH_ROWS and field.endswith("pct") else 0.01


def _check(result, findings_of, field: str, published: float, tolerance: float, source: str, known: bool):
    computed = COMPUTED[field](result)
    findings = [f for f in findings_of(result) if f.field == field and f.source == source]
    if known:
        assert [f.published for f in findings] == [published], (
            f"{result.row.no} {field}: expected the audit to report published {published}"
        )
        return
    assert computed is not None
    assert abs(round_half_up(computed, 2) - published) <= tolerance + 1e-9, (
        f"{result.row.no} {field}: computed {computed:.4f}, published {published}"
    )
    assert findings == []


PUBLISHED_COLUMNS = {
    "avg_growth": AVG_GROWTH_2021_2023,  # Bình quân 2021–2023
    "midterm_pct": MIDTERM_PCT,  # Nửa nhiệm kỳ so Nghị quyết (%)
    "forecast": FORECAST,  # Dự báo kết quả đến cuối nhiệm kỳ
    "forecast_pct": FORECAST_PCT,  # So sánh: tỷ lệ %
}


@pytest.mark.parametrize(
    "field, no, published",
    [pytest.param(field, no, value, id=f"{no}-{field}") for field, table in PUBLISHED_COLUMNS.items() for no, value in table],
)
def test_published_figure(by_no, findings_of, field, no, published):
    _check(by_no[no], findings_of, field, published, _tolerance(no, field), "table", (no, field) in KNOWN)


@pytest.mark.parametrize("no, published", [pytest.param(no, text, id=f"{no}-assessment") for no, text in ASSESSMENT])
def test_assessment(by_no, findings_of, no, published):
    result = by_no[no]
    status, excess = parse_assessment(published)
    findings = [f for f in findings_of(result) if f.field == "assessment"]
    if (no, "assessment") in KNOWN:
        assert [f.published for f in findings] == [published]
        assert result.status is not status
        return
    assert result.status is status
    if excess is not None:
        assert abs(result.excess - excess) <= 0.01
    assert findings == []


@pytest.mark.parametrize(
    "no, published, tolerance", [pytest.param(*row, id=f"{row[0]}-text") for row in TEXT_MIDTERM_PCT]
)
def test_body_text_midterm_percent(by_no, findings_of, no, published, tolerance):
    known = ("text", no, "midterm_pct") in KNOWN
    _check(by_no[no], findings_of, "midterm_pct", published, tolerance, "text", known)


@pytest.mark.parametrize("year", [2020, 2021, 2022, 2023, 2024, 2025])
def test_3_structure_shares_sum_to_100(dataset, year):
    shares = ["grdp-share-sector-1", "grdp-share-sector-2", "grdp-share-sector-3", "grdp-share-taxes"]
    values = {p.year: p.value for s in shares for p in dataset.series[s] if p.year == year}
    total = sum(p.value for s in shares for p in dataset.series[s] if p.year == year)
    assert values and round(total, 2) == 100.00


def test_every_row_of_the_appendix_is_in_the_plan(term):
    numbers = [r.row.no for r in term.results]
    assert [n for n in numbers if "." not in n] == [str(i) for i in range(1, 24)]
    series = [r for r in term.results if r.row.target.kind.value not in ("group", "composition")]
    assert len(series) == 41  # + the structure's total row = the appendix's 42 numeric series


def test_summary_counts_of_the_recomputed_table(term):
    assert term.as_of == 2023
    assert term.summary == {
        Status.EXCEEDED: 7, Status.ACHIEVED: 10, Status.AT_RISK: 6, Status.MISSED: 0, Status.NO_DATA: 0,
    }
