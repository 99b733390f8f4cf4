"""An annual plan's own table: thực hiện năm trước | kế hoạch năm | ước thực hiện | % kế hoạch | so
cùng kỳ — no average, roadmap or pace columns — in every format (README "Within the year")."""

import csv
import io
import json

import pytest

from soctrang_kpi.core.model import Basis, Indicator, Kind, Plan, PlanRow, Point, PointStatus as S, Target
from soctrang_kpi.core.periods import Reading, year_figures

from ..conftest import ROOT, kpi, kpi_en

KINDS_EXAMPLE = ROOT / "docs" / "example-kinds"
BUDGET = ("--data-dir", str(KINDS_EXAMPLE), "--plan", "budget-2023-central")
APPENDIX_ONLY = ("Bình quân", "Lộ trình", "Tiến độ", "Dự báo")


def test_the_status_table_of_an_annual_plan():
    result = kpi("status", *BUDGET, "--format", "markdown")
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in result.stdout.splitlines() if line.startswith("| ")]
    assert rows[0] == ["TT", "Chỉ tiêu", "ĐVT", "TH năm 2022", "KH năm 2023", "Ước TH năm 2023", "% KH", "So cùng kỳ", "Đánh giá"]
    # 3.900 (sơ bộ) of a 5.000 plan, against 4.420 the year before: 78,00 %, −11,76 %
    assert rows[1][3:] == ["4.420", "5.000", "3.900°", "78,00%", "-11,76%", "Không đạt"]
    assert not any(word in result.stdout for word in APPENDIX_ONLY)


def test_the_term_plan_keeps_its_table():
    assert "% so NQ" in kpi("status").stdout and "TH năm" not in kpi("status").stdout


def test_in_english_and_in_json():
    en = kpi_en("status", *BUDGET, "--format", "csv")
    header = next(csv.reader(io.StringIO(en.stdout.lstrip("\ufeff"))))
    assert header == ["No", "Indicator", "Unit", "Actual 2022", "Plan 2023", "Estimate 2023", "% of plan", "vs last year", "Assessment"]
    data = json.loads(kpi("status", *BUDGET, "--json").stdout)
    annual = data["indicators"][0]["annual"]
    assert annual["previous"] == {"value": 4420, "status": "actual"} and annual["current"] == {"value": 3900, "status": "preliminary"}
    assert round(annual["change_pct"], 2) == -11.76
    assert "annual" not in json.loads(kpi("status", "--json").stdout)["indicators"][0]  # a term plan's objects unchanged


@pytest.mark.parametrize("ext", ["md", "csv", "html", "xlsx", "docx"])
def test_exported_in_every_format_without_the_term_columns(tmp_path, ext):
    out = tmp_path / f"kh.{ext}"
    assert kpi("export", "-o", str(out), *BUDGET).exit_code == 0
    if ext == "xlsx":
        from openpyxl import load_workbook

        values = [v for row in load_workbook(out).worksheets[0].iter_rows(values_only=True) for v in row if v is not None]
        text = " ".join(str(v) for v in values)
        assert 4420 in values and 3900 in values
    elif ext == "docx":
        from docx import Document

        text = " ".join(c.text for t in Document(str(out)).tables for row in t.rows for c in row.cells)
    else:
        text = out.read_text(encoding="utf-8-sig")
    for header in ("TH năm 2022", "KH năm 2023", "Ước TH năm 2023", "% KH", "So cùng kỳ"):
        assert header in text, header
    assert not any(word in text for word in ("Bình quân", "Lộ trình 20", "Tiến độ"))


def test_a_rate_is_its_own_change_and_a_growth_of_a_level_shows_its_levels():
    plan = Plan("p", "P", 2025, 2026, ())
    grdp = Indicator("g", "GRDP", unit="%")
    f = year_figures(grdp, Target(Kind.GROWTH, value=8), (Point(2025, 7.1), Point(2026, 8.3, S.ESTIMATE)), plan, 2026)
    assert f.current == Reading(8.3, S.ESTIMATE) and f.change_pct == 8.3
    exports = Indicator("x", "Xuất khẩu", unit="Tỷ USD")
    f = year_figures(exports, Target(Kind.GROWTH, value=10, basis=Basis.LEVEL), (Point(2025, 5.0), Point(2026, 5.5)), plan, 2026)
    assert (f.previous.value, f.current.value, round(f.change_pct, 2)) == (5.0, 5.5, 10.0)
    assert year_figures(exports, Target(Kind.LEVEL, value=6), (Point(2025, 5.0), Point(2026, 5.5)), plan, 2025).current is None
