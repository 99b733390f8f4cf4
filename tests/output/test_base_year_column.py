"""The base year's column of `kpi status` holds what was recorded for the base year, as the
export's year columns do: of a share of GRDP the amount (110 nghìn tỷ), not its share; of the
growth of a level the level (30,1), not the next year's growth marked with its year."""

import csv
import io

import pytest

from ..conftest import kpi

TARGETS = """schema_version: 1
indicators:
  - {id: grdp, name: GRDP, unit: Nghìn tỷ đồng}
  - {id: investment, name: Vốn đầu tư, unit: Nghìn tỷ đồng}
  - {id: budget-growth, name: Thu ngân sách tăng bình quân, unit: Nghìn tỷ đồng}
plans:
  - {id: term-2025-2030, name: Nhiệm kỳ 2025–2030, base_year: 2025, target_year: 2030, targets: [
      {indicator: grdp, number: "1", kind: level, value: 717},
      {indicator: investment, number: "2", kind: share_of, of: grdp, value: 40},
      {indicator: budget-growth, number: "3", kind: growth, basis: level, value: 15}]}
"""
ACTUALS = """schema_version: 1
series:
  grdp: {actual: {2025: 312.62}, estimate: {2026: 349.5}}
  investment: {actual: {2025: 110}, estimate: {2026: 135}}
  budget-growth: {actual: {2025: 30.1}, estimate: {2026: 33.4}}
"""


@pytest.fixture
def data(tmp_path):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return tmp_path


def _base_year_cells(text):
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    column = rows[0].index("Năm 2025")
    return {row[0]: row[column] for row in rows[1:4]}


def test_status_csv_base_year_is_the_recorded_value_as_the_exports(data):
    status = kpi("status", "--data-dir", str(data), "--format", "csv")
    assert status.exit_code == 0, status.stderr
    exported = kpi("export", "--data-dir", str(data), "-o", "-", "--format", "csv")
    assert _base_year_cells(status.stdout) == {"1": "312.62", "2": "110", "3": "30.1"}
    assert _base_year_cells(status.stdout) == _base_year_cells(exported.stdout)


def test_status_markdown_base_year_is_the_recorded_value_with_its_share_beside(data):
    done = kpi("status", "--data-dir", str(data), "--format", "markdown")
    rows = {line.split("|")[1].strip(): [c.strip() for c in line.split("|")] for line in done.stdout.splitlines() if line.startswith("| ")}
    assert rows["2"][5] == "110 (35,19%)"  # 110 of 312,62: the share beside the amount, as 2026's "135* (38,63%)"
    assert rows["3"][5] == "30,10"  # no "10,96 (2026)": the base year has no growth of its own
