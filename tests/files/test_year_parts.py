"""A flow's year (its months add up to it: README "Within the year") is checked against its
parts: its 12 months or its 4 quarters, all recorded, that add up to more than the year beyond the
figures' own rounding, and — when the flow cannot be negative (the falling lũy kế's rule) — a
month, a quarter or a lũy kế above the whole year, are warned about naming both figures, by `kpi
validate` and by `kpi record` writing the value. Less than the year is not (an estimate of the year
may come before its months), nor is a level's or a rate's year."""

import pytest

from soctrang_kpi.files import load

from ..conftest import kpi, kpi_en

TARGETS = """\
schema_version: 1
indicators:
  - {id: grdp, name: GRDP, unit: Nghìn tỷ đồng, within_year: flow}
  - {id: balance, name: Cán cân thương mại, unit: Triệu USD, within_year: flow, bounds: [null, null]}
  - {id: urban, name: Tỷ lệ đô thị hóa, unit: "%", within_year: level}
plans:
  - {id: p, name: Kế hoạch, base_year: 2023, target_year: 2025, targets: [
      {indicator: grdp, number: "1", kind: level, value: 400},
      {indicator: balance, number: "2", kind: level, value: 50},
      {indicator: urban, number: "3", kind: level, value: 50}]}
"""

QUARTERS = "80, 2025-Q2: 85, 2025-Q3: 88"
MONTHS = ", ".join(f"2025-{m:02d}: 30" for m in range(1, 12))


def _parts(series: str, lang: str = "en") -> list[str]:
    _data, warnings = load.load_texts(TARGETS, "schema_version: 1\nseries:\n" + series)
    words = ("add up to", "more than the whole year") if lang == "en" else ("cộng lại là", "lớn hơn cả năm")
    return [s for p in warnings if any(w in (s := p.render(lang)) for w in words)]


@pytest.mark.parametrize(
    "series, said",
    [
        # the QA's slip: 1,234.5 typed for 1.234,5 against a year of 350
        (f"  grdp:\n    actual: {{2025: 350, 2025-Q1: {QUARTERS}, 2025-Q4: 1234.5}}",
         ["actuals.yaml:4:20: warning: grdp 2025: the year is 350, but its four quarters add up to 1,487.5, more than the year",
          "actuals.yaml:4:73: warning: grdp 2025-Q4: 2025-Q4 alone is 1,234.5, more than the whole year 2025's 350: check both values"]),
        (f"  grdp:\n    actual: {{2025: 350, 2025-Q1: {QUARTERS}, 2025-Q4: 97}}", []),  # 350 exactly
        (f"  grdp:\n    actual: {{2025: 350, 2025-Q1: {QUARTERS}, 2025-Q4: 90}}", []),  # less: not warned about
        (f"  grdp:\n    actual: {{2025: 350, 2025-Q1: {QUARTERS}, 2025-Q4: 99}}", []),  # 352: within the rounding of five whole numbers, 2,5
        (f"  grdp:\n    actual: {{2025: 350, 2025-Q1: {QUARTERS}, 2025-Q4: 100}}", ["quarters add up to 353"]),
        (f"  grdp:\n    actual: {{2025: 350, 2025-Q1: {QUARTERS}}}", []),  # three quarters: not all recorded
        # twelve months; eleven are not all of them
        (f"  grdp:\n    actual: {{2025: 350, {MONTHS}, 2025-12: 25}}", []),  # 355: within the rounding of 13 whole numbers, 6,5
        (f"  grdp:\n    actual: {{2025: 350, {MONTHS}, 2025-12: 40}}", ["12 months add up to 370"]),
        (f"  grdp:\n    actual: {{2025: 350, {MONTHS}}}", []),
        # a lũy kế above the year, of any status
        ("  grdp:\n    estimate: {2025: 350}\n    ytd: {actual: {2025-09: 3500}}", ["ytd.2025-09: year to date to 2025-09 is already 3,500, more than the whole year 2025's 350"]),
        ("  grdp:\n    ytd: {actual: {2025-09: 3500}}", []),  # no year's value
        # a roadmap's year (plan) is not the year's value: doing better than it is no slip
        (f"  grdp:\n    plan: {{2025: 350}}\n    actual: {{2025-Q1: {QUARTERS}, 2025-Q4: 100}}", []),
        ("  grdp:\n    plan: {2025: 350}\n    ytd: {actual: {2025-11: 360}}", []),
        # a flow whose own bounds let it be negative: its parts may exceed it, not their sum
        ("  balance:\n    actual: {2025: 10, 2025-Q1: 30, 2025-Q2: -25}", []),
        ("  balance:\n    actual: {2025: 10, 2025-Q1: 30, 2025-Q2: -15, 2025-Q3: 1, 2025-Q4: 1}", ["quarters add up to 17"]),
        ("  urban:\n    actual: {2025: 45, 2025-Q1: 30, 2025-Q2: 30, 2025-Q3: 30, 2025-Q4: 46}", []),  # a level
    ],
)
def test_a_year_below_its_parts_is_warned_about(series, said):
    found = _parts(series)
    if said and said[0].startswith("actuals.yaml"):
        assert found == said
    else:
        assert len(found) == len(said) and all(part in line for part, line in zip(said, found)), found


def test_said_in_vietnamese():
    assert _parts(f"  grdp:\n    actual: {{2025: 350, 2025-Q1: {QUARTERS}, 2025-Q4: 1234.5}}", "vi") == [
        "actuals.yaml:4:20: cảnh báo: grdp 2025: năm ghi 350, nhưng bốn quý của năm cộng lại là 1.487,5, lớn hơn cả năm",
        "actuals.yaml:4:73: cảnh báo: grdp 2025-Q4: riêng 2025-Q4 đã là 1.234,5, lớn hơn cả năm 2025 (350): hãy kiểm tra hai số này",
    ]


def test_a_ytd_above_the_year_is_no_part_alone_in_either_language():
    series = "  grdp:\n    estimate: {2025: 350}\n    ytd: {actual: {2025-09: 3500}}"
    assert [line.split(": ", 2)[2] for line in _parts(series)] == [
        "grdp ytd.2025-09: year to date to 2025-09 is already 3,500, more than the whole year 2025's 350: check both values",
    ]
    assert [line.split(": ", 2)[2] for line in _parts(series, "vi")] == [
        "grdp ytd.2025-09: lũy kế đến 2025-09 đã là 3.500, lớn hơn cả năm 2025 (350): hãy kiểm tra hai số này",
    ]


def test_validate_and_record_say_it(tmp_path):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(f"schema_version: 1\nseries:\n  grdp:\n    actual: {{2025: 350, 2025-Q1: {QUARTERS}}}\n", encoding="utf-8")
    result = kpi_en("record", "grdp", "2025-Q4", "1,234.5", "--data-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr  # written: a warning, not an error
    assert "warning: grdp 2025-Q4: 2025-Q4 alone is 1,234.5, more than the whole year 2025's 350" in result.stderr
    assert "warning: grdp 2025: the year is 350, but its four quarters add up to 1,487.5" in result.stderr
    validated = kpi("validate", "--data-dir", str(tmp_path))
    assert validated.exit_code == 0
    assert "cảnh báo: grdp 2025: năm ghi 350, nhưng bốn quý của năm cộng lại là 1.487,5, lớn hơn cả năm" in validated.stdout
    corrected = kpi_en("record", "grdp", "2025-Q4", "97", "--force", "--data-dir", str(tmp_path))
    assert corrected.exit_code == 0 and "warning" not in corrected.stderr, corrected.stderr
