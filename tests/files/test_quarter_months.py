"""A quarter and its three months that disagree beyond the data's precision are warned about
(not refused), by every command that reads the files and by `kpi record` writing the value that
makes them disagree: 2025-01..03 adding up to 606 beside 2025-Q1 = 72000."""

import pytest

from soctrang_kpi.files import load

from ..conftest import kpi

TARGETS = """\
schema_version: 1
indicators:
  - {id: retail, name: Bán lẻ, unit: Tỷ đồng}
  - {id: bhyt, name: Tỷ lệ BHYT, unit: "%"}
  - {id: growth, name: Tăng trưởng, unit: "%"}
plans:
  - {id: p, name: Kế hoạch, base_year: 2025, target_year: 2026, targets: [
      {indicator: retail, number: "1", kind: level, value: 300000},
      {indicator: bhyt, number: "2", kind: level, value: 95},
      {indicator: growth, number: "3", kind: growth, value: 8}]}
"""


def _warned(series: str) -> list[str]:
    _data, warnings = load.load_texts(TARGETS, "schema_version: 1\nseries:\n" + series)
    return [p.render("en") for p in warnings]


@pytest.mark.parametrize(
    "series, said",
    [
        ("  retail: {actual: {2025-01: 201, 2025-02: 202, 2025-03: 203, 2025-Q1: 72000}}",
         ["actuals.yaml:3:72: warning: retail 2025-Q1: the quarter is 72,000, but its three months add up to 606"]),
        ("  retail: {actual: {2025-01: 24000, 2025-02: 24000, 2025-03: 24000, 2025-Q1: 72000}}", []),
        # within the figures' own rounding: 26,1 + 26,2 + 25,6 = 77,9 against a quarter printed whole
        ("  retail: {actual: {2025-01: 26.1, 2025-02: 26.2, 2025-03: 25.6, 2025-Q1: 78}}", []),
        ("  retail: {actual: {2025-01: 26.1, 2025-02: 26.2, 2025-Q1: 78}}", []),  # a month missing: nothing to compare
        ("  bhyt: {actual: {2025-01: 92.1, 2025-02: 92.4, 2025-03: 92.6, 2025-Q1: 92.6}}", []),  # a level: its last month
        ("  bhyt: {actual: {2025-01: 92.1, 2025-02: 92.4, 2025-03: 92.6, 2025-Q1: 92.1}}",
         ["actuals.yaml:3:73: warning: bhyt 2025-Q1: the quarter is 92.1, but its last month is 92.6 (a level's quarter is its value at the quarter's end)"]),
        ("  growth: {actual: {2025-01: 7.1, 2025-02: 7.4, 2025-03: 7.6, 2025-Q1: 7.3}}", []),  # a rate is not made of its months
    ],
)
def test_a_quarter_against_its_months(series, said):
    assert [w for w in _warned(series) if "quarter" in w] == said


def test_record_says_the_disagreement_it_makes(tmp_path):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text("schema_version: 1\nseries:\n  retail: {actual: {2025-01: 24000, 2025-02: 24000, 2025-Q1: 72000}}\n", encoding="utf-8")
    result = kpi("record", "retail", "2025-03", "240", "--any-year", "--data-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "cảnh báo: retail 2025-Q1: quý ghi 72.000, nhưng ba tháng của quý cộng lại là 48.240" in result.stderr
    again = kpi("record", "retail", "2025-03", "24000", "--force", "--any-year", "--data-dir", str(tmp_path))
    assert again.exit_code == 0 and "cảnh báo" not in again.stderr, again.stderr
