"""`kpi show` of an annual plan's row within its year (README "Within the year"): dated by the
month, the month's provisional verdict as its assessment, and no earlier year's value labelled
as this year's "% so KH"; a level without last December says so in every output."""

import json
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from soctrang_kpi import api

from ..conftest import ROOT, kpi, kpi_en

EXAMPLE = ROOT / "docs" / "example-periods"

TARGETS = """schema_version: 1
indicators:
  - {id: urban, name: Tỷ lệ đô thị hóa, unit: "%"}
  - {id: invest, name: Giải ngân vốn đầu tư công, unit: "% kế hoạch"MEANING}
plans:
  - {id: plan-2026, name: Kế hoạch năm 2026, base_year: 2025, target_year: 2026, targets: [
      {indicator: urban, number: "1", kind: level, value: 45.5}, {indicator: invest, number: "2", kind: level, value: 100}]}
"""
ACTUALS = """schema_version: 1
series:
  urban:
    actual: {2026-11: 45}
  invest:
    ytd:
      actual: {2026-11: 82}
"""


@pytest.fixture
def example(tmp_path: Path) -> Path:
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(EXAMPLE / name, tmp_path / name)
    return tmp_path


def _data(tmp_path: Path, meaning: str = "") -> Path:
    (tmp_path / "targets.yaml").write_text(TARGETS.replace("MEANING", meaning), encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return tmp_path


def _rows(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines() if line.startswith("| ")]


def _facts(text: str) -> dict[str, str]:
    """The facts table of `kpi show --format markdown`: its first column → its second."""
    block = next(part for part in text.split("\n\n") if part.startswith("|  |  |"))
    return {r[0]: r[1] for r in _rows(block) if len(r) == 2}


@pytest.mark.parametrize("run, as_of, title, assessment, pct", [
    (kpi, (), "— tháng 6/2024", "chưa hết năm 2024: tính đến tháng 6/2024, đúng tiến độ (tạm tính, ở trên)", "% so KH"),
    (kpi, ("--as-of", "2024-06"), "— tháng 6/2024", "chưa hết năm 2024: tính đến tháng 6/2024, đúng tiến độ (tạm tính, ở trên)", "% so KH"),
    (kpi_en, (), "— June 2024", "the year 2024 is not over: as of June 2024, on course (provisional, above)", "% of plan"),
])
def test_show_within_the_year_is_dated_and_rated_by_the_month(example, run, as_of, title, assessment, pct):
    result = run("show", "exports", "--data-dir", str(example), "--format", "markdown", *as_of)
    assert result.exit_code == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.endswith(title) and "tính đến năm" not in first and "as of 2024" not in first
    facts = _facts(result.stdout)
    assessment_key = next(k for k in facts if k in ("Đánh giá", "Assessment"))
    assert facts[assessment_key] == assessment
    assert facts[pct] == "-"  # last year's 920 against this year's 750 is no "% so KH"
    assert "122,67" not in result.stdout and "122.67" not in result.stdout
    assert ["2023", "920", "thực hiện" if run is kpi else "actual", "-"] in _rows(result.stdout)


def test_show_of_an_annual_plan_after_its_year_leaves_earlier_years_without_a_percentage():
    result = kpi("show", "budget-revenue", "--plan", "budget-2023-central", "--data-dir", str(ROOT / "docs" / "example-kinds"), "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    rows = {r[0]: r for r in _rows(result.stdout) if r[0] in ("2022", "2023")}
    assert rows["2022"][:4] == ["2022", "4.420", "thực hiện", "-"]  # not 88,40 % of the 2023 estimate
    assert rows["2023"][:4] == ["2023", "3.900", "sơ bộ", "78,00%"]
    assert _facts(result.stdout)["% so KH"] == "78,00%"


@pytest.mark.parametrize("run, cell, december", [
    (kpi, "Chưa có số liệu tháng 12/2025", "tháng 12/2025"), (kpi_en, "No data for December 2025", "December 2025"),
])
def test_a_level_without_last_december_says_what_is_missing(tmp_path, run, cell, december):
    data = _data(tmp_path)
    table = run("status", "--data-dir", str(data), "--format", "csv")
    assert table.exit_code == 0, table.stderr
    rows = [line for line in table.stdout.splitlines() if line.startswith(("1,", "2,"))]
    assert len(rows) == 2 and all(row.endswith(cell) for row in rows)
    payload = json.loads(run("status", "--data-dir", str(data), "--json").stdout)
    Draft202012Validator(api.schema("status")).validate(payload)  # the code is one the schema lists
    for row in payload["indicators"]:
        assert row["verdict"] == "no_data" and row["reason"]["code"] == "no_last_december"
        assert december in row["reason"]["text"]
    facts = _facts(run("show", "urban", "--data-dir", str(data), "--format", "markdown").stdout)
    said = {k: v for k, v in facts.items() if k.startswith(("Tính đến", "As of", "Đánh giá", "Assessment"))}
    assert len(said) == 2 and all(december in v for v in said.values())
    assert cell[:1].lower() + cell[1:] in " ".join(said.values())  # "no data for December 2025", its month's name kept


def test_a_flow_without_last_year_is_rated_on_the_share_of_the_year(tmp_path):
    """82 of 100 by November: 82,00 % beside 91,67 % of the year gone, behind — no last year needed."""
    data = _data(tmp_path, ", within_year: flow")
    payload = json.loads(kpi("status", "--data-dir", str(data), "--json").stdout)
    invest = next(r for r in payload["indicators"] if r["id"] == "invest")
    assert (invest["verdict"], invest["reason"]) == ("behind", None)
