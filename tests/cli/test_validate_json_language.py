"""`kpi validate --json`'s warnings are in the chosen language, as the same run's report says them
(a falling lũy kế's, a quarter's, a share's sum, a negative target, a printed size, a year outside
the plans, a meaning within the year not known): JSON never says in English what stderr says in
Vietnamese."""

import json
from pathlib import Path

import pytest

from ..conftest import kpi

TARGETS = """\
schema_version: 1
indicators:
  - {id: exports, name: Xuất khẩu, unit: Triệu USD, within_year: flow}
  - {id: retail, name: Bán lẻ, unit: Tỷ đồng, within_year: flow}
  - {id: budget, name: Thu ngân sách, unit: Tỷ đồng}
  - {id: balance, name: Cán cân, unit: Triệu USD}
  - {id: area, name: Diện tích gieo trồng, unit: ha}
  - {id: structure, name: Cơ cấu kinh tế, unit: "%"}
  - {id: farming, name: Nông nghiệp, unit: "%", parent: structure}
  - {id: industry, name: Công nghiệp, unit: "%", parent: structure}
plans:
  - {id: p, name: Kế hoạch năm 2026, base_year: 2025, target_year: 2026, targets: [
      {indicator: exports, number: "1", kind: level, value: 1000},
      {indicator: retail, number: "2", kind: level, value: 9000},
      {indicator: budget, number: "3", kind: level, value: 57, printed: "57 nghìn tỷ đồng"},
      {indicator: balance, number: "4", kind: level, value: -5},
      {indicator: area, number: "5"},
      {indicator: structure, number: "6", kind: composition}]}
"""
ACTUALS = """\
schema_version: 1
series:
  exports:
    ytd: {actual: {2026-05: 500, 2026-06: 480}}
  retail:
    actual: {2026-01: 100, 2026-02: 100, 2026-03: 100, 2026-Q1: 500}
  budget:
    actual: {2010: 40, 2025: 50}
  area:
    actual: {2026-06: 1200}
  farming:
    actual: {2025: 30}
  industry:
    actual: {2025: 60}
"""
KINDS = {"actuals.ytd_falls", "actuals.quarter_months.flow", "actuals.share_sum", "targets.negative", "targets.printed_size", "actuals.year_outside_plans", "actuals.within_year_unknown"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("lang, word", [("vi", "cảnh báo"), ("en", "warning")])
def test_every_warning_of_validate_json_is_in_the_chosen_language(folder, lang, word):
    report = kpi("validate", "--data-dir", str(folder), "--lang", lang)
    assert report.exit_code == 0, report.stderr
    said = [line for line in report.stdout.splitlines() if f": {word}: " in line]
    printed = json.loads(kpi("validate", "--data-dir", str(folder), "--lang", lang, "--json").stdout)["warnings"]
    other = json.loads(kpi("validate", "--data-dir", str(folder), "--lang", "en" if lang == "vi" else "vi", "--json").stdout)["warnings"]
    assert len(printed) == len(said) >= len(KINDS), (said, printed)
    for warning, line, elsewhere in zip(printed, said, other):
        assert line.endswith(f"{warning['indicator']} {warning['field']}: {warning['message']}"), (line, warning)
        assert warning["message"] != elsewhere["message"]  # each in its language, never the English for both
