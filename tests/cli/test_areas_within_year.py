"""The areas' views of an annual plan within its year (README "Territory", "Within the year"): an
area's values are yearly only, so where `kpi status` answers the plan with its monthly report —
a month or a quarter of its year asked, or nothing asked while the year is open — `--scorecard`,
`--by-area` and `kpi export --scorecard` are refused in one line (exit 2), never the year's final
verdicts under the year's heading; `kpi summary` says its areas' line is the year's, not the
month's. Found by a QA pass: the scorecard said the city "Không đạt" beside the monthly table's
"Chậm tiến độ"."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from soctrang_kpi import api

from ..conftest import kpi, kpi_en

TARGETS = """schema_version: 1
areas:
  - {id: can-tho, name: Thành phố Cần Thơ}
  - {id: xa-phong-dien, name: Xã Phong Điền, parent: can-tho}
  - {id: xa-vi-thuy, name: Xã Vị Thủy, parent: can-tho}
indicators:
  - {id: exports, name: Kim ngạch xuất khẩu, name_en: Exports, unit: Triệu USD}
  - {id: urbanisation, name: Tỷ lệ đô thị hóa, name_en: Urbanisation rate, unit: "%"}
plans:
  - id: kh-2026
    name: Kế hoạch năm 2026
    name_en: Plan 2026
    base_year: 2025
    target_year: 2026
    targets:
      - {indicator: exports, number: "1", kind: level, value: 6200}
      - {indicator: urbanisation, number: "2", kind: level, value: 50, areas: {xa-phong-dien: 37, xa-vi-thuy: 20}}
"""
ACTUALS = """schema_version: 1
series:
  exports:
    actual: {2025: 5500, 2025-Q1: 1250, 2025-Q2: 1330, 2025-Q3: 1420, 2026-Q1: 1400, 2026-Q2: 1480, 2026-Q3: 1525}
  urbanisation:
    actual: {2025: 48.0}
    estimate: {2026: 48.9}
areas:
  xa-phong-dien:
    urbanisation: {estimate: {2025: 34.0, 2026: 36.0}}
  xa-vi-thuy:
    urbanisation: {estimate: {2025: 17.5, 2026: 18.0}}
"""


@pytest.fixture
def folder(tmp_path: Path) -> str:
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return str(tmp_path)


VIEWS = [["status", "--scorecard"], ["status", "--by-area", "urbanisation"]]


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(("asked", "period"), [(["--as-of", "2026-Q3"], "2026-Q3"), (["--as-of", "2026-06"], "2026-06"), ([], "2026-Q3")])
def test_an_area_view_within_the_year_is_refused_in_one_line(folder, view, asked, period):
    """The monthly table rates the city's urbanisation "Chậm tiến độ" as of September; the
    areas, with yearly values only, have no verdict of September: said, never "Không đạt"."""
    month = kpi("status", "--data-dir", folder, *asked)
    assert month.exit_code == 0 and "Chậm tiến độ" in month.stdout  # the plan is answered within its year
    result = kpi(*view, "--data-dir", folder, *asked)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and view[1] in result.stderr and period in result.stderr
    assert "--as-of 2026" in result.stderr and "số liệu năm" in result.stderr


@pytest.mark.parametrize("view", VIEWS)
def test_in_english_too(folder, view):
    result = kpi_en(*view, "--data-dir", folder, "--as-of", "2026-Q3")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "yearly values" in result.stderr and "2026-Q3" in result.stderr and "--as-of 2026" in result.stderr


@pytest.mark.parametrize("view", VIEWS)
def test_the_year_asked_for_is_the_yearly_table(folder, view):
    """--as-of 2026 asks for the year's table, as `kpi status --as-of 2026` gives it."""
    result = kpi(*view, "--data-dir", folder, "--as-of", "2026")
    assert result.exit_code == 0 and "tính đến năm 2026" in result.stdout


@pytest.mark.parametrize("view", VIEWS)
def test_a_month_before_the_plans_year_is_refused_as_status_refuses_it(folder, view):
    status = kpi("status", "--data-dir", folder, "--as-of", "2025-09")
    result = kpi(*view, "--data-dir", folder, "--as-of", "2025-09")
    assert status.exit_code == result.exit_code == 2 and result.stderr == status.stderr


def test_the_scorecard_export_within_the_year_is_refused_and_writes_nothing(folder):
    out = Path(folder) / "scorecard.csv"
    result = kpi("export", "--scorecard", "--data-dir", folder, "--as-of", "2026-Q3", "-o", str(out))
    assert result.exit_code == 2 and "--scorecard" in result.stderr and "2026-Q3" in result.stderr
    assert not out.exists()
    assert kpi("export", "--scorecard", "--data-dir", folder, "--as-of", "2026", "-o", str(out)).exit_code == 0 and out.exists()


@pytest.mark.parametrize("asked", [["--as-of", "2026-Q3"], []])
def test_the_monthly_summary_says_its_areas_are_rated_by_the_year(folder, asked):
    """No "1/2 xã, phường đạt" from the year's estimates beside the month's verdicts, and not
    silence either: one line per indicator with areas' targets."""
    text = kpi("summary", "--data-dir", folder, *asked).stdout
    assert "Tỷ lệ đô thị hóa: xã, phường được đánh giá theo số liệu năm, không đánh giá trong năm (--as-of 2026)" in text
    assert "xã, phường đạt" not in text and "Không đạt" not in text
    english = kpi_en("summary", "--data-dir", folder, *asked).stdout
    assert "Urbanisation rate: the areas are rated on their yearly values, not within the year (--as-of 2026)" in english
    data = json.loads(kpi("summary", "--data-dir", folder, *asked, "--json").stdout)
    Draft202012Validator(api.schema("summary")).validate(data)
    assert data["report"] == "month" and data["areas_yearly"] == ["urbanisation"] and "areas_met" not in data


def test_the_yearly_summary_still_counts_the_areas(folder):
    data = json.loads(kpi("summary", "--data-dir", folder, "--as-of", "2026", "--json").stdout)
    assert data["areas_met"] == [{"indicator": "urbanisation", "met": 0, "total": 2}] and "areas_yearly" not in data


def test_by_area_of_an_indicator_no_area_has_a_target_for_says_so_within_the_year_too(folder):
    """Nothing to refuse: the one line saying no area has a target, as in the year's table."""
    result = kpi("status", "--by-area", "exports", "--data-dir", folder, "--as-of", "2026-Q3")
    assert result.exit_code == 0 and result.stdout.startswith("chưa đơn vị nào được giao chỉ tiêu Kim ngạch xuất khẩu")
