"""An annual plan within its year, the figures as the report prints them: a plan computed from a
growth target at its precision in every format, the growth of a level written as a rate, `kpi
show` dated as its monthly figures, a month before the plan's year refused, the summary's counts
said alike (README "Within the year", "The annual plan's own table")."""

import csv
import io
import json
import re
from pathlib import Path

import pytest

from ..conftest import kpi, kpi_en

TARGETS = """schema_version: 1
indicators:
  - {id: exports, name: Kim ngạch xuất khẩu, unit: Triệu USD}
  - {id: rice, name: Sản lượng lúa, unit: Nghìn tấn}
plans:
  - id: plan-2026
    name: Kế hoạch năm 2026
    base_year: 2025
    target_year: 2026
    targets:
      - {indicator: exports, number: "1", kind: growth, basis: level, value: 10}
      - {indicator: rice, number: "2", kind: level, value: 7000}
"""
ACTUALS = """schema_version: 1
series:
  exports:
    actual: {2025: 5500}
    ytd:
      actual: {2025-06: 2600, 2025-09: 4000}
      estimate: {2026-06: 2900, 2026-09: 4500}
  rice:
    ytd: {actual: {2026-09: 5000}}
"""
NOISE = re.compile(r"\d[.,]\d*0000000|\d[.,]\d*9999999")  # 6050.000000000001, 14.999999999999991


@pytest.fixture
def grown(tmp_path: Path) -> Path:
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return tmp_path


def _xlsx_cells(path: Path) -> list[object]:
    from openpyxl import load_workbook

    return [c for sheet in load_workbook(path).worksheets for row in sheet.iter_rows(values_only=True) for c in row if c is not None]


@pytest.mark.parametrize("run", [kpi, kpi_en])
@pytest.mark.parametrize("fmt", ["table", "markdown", "html", "csv", "json"])
def test_a_plan_grown_from_last_year_is_printed_at_its_precision(grown, run, fmt):
    """5.500 grown by 10 % is 6.050 (6050.000000000001 in floating point), printed 6.050 / 6,050."""
    out = run("status", "--data-dir", str(grown), "--format", fmt).stdout
    assert not NOISE.search(out), out
    if fmt == "json":
        assert json.loads(out)["indicators"][0]["plan"] == 6050
    elif fmt == "csv":
        assert next(csv.DictReader(io.StringIO(out)))
    else:
        assert ("6.050" if run is kpi else "6,050") in out


@pytest.mark.parametrize("ext", ["xlsx", "docx", "html", "md"])
def test_every_export_prints_the_grown_plan_at_its_precision(grown, ext):
    out = grown / f"r.{ext}"
    assert kpi("export", "-o", str(out), "--data-dir", str(grown)).exit_code == 0
    if ext == "xlsx":
        cells = _xlsx_cells(out)
        # the number (a computed plan at the plan's precision, not 6050.000000000001) and its printed form beside it
        assert 6050.0 in cells and 6050.000000000001 not in cells and "6.050" in cells
        texts = [c for c in cells if isinstance(c, str)]  # numbers keep their digits: their format shows them
    elif ext == "docx":
        from docx import Document

        texts = [c.text for t in Document(str(out)).tables for row in t.rows for c in row.cells]
        assert "6.050" in texts
    else:
        texts = [out.read_text(encoding="utf-8")]
    assert not any(NOISE.search(t) for t in texts)


def test_the_growth_of_a_level_reads_as_a_rate_not_an_amount(grown):
    """The yearly table's "KH năm 2026" of `tăng 10 %` on a row in triệu USD: "Tăng 10%", not "10"."""
    out = kpi("status", "--data-dir", str(grown), "--as-of", "2026", "--format", "markdown").stdout
    row = next(line for line in out.splitlines() if "Kim ngạch xuất khẩu" in line)
    assert "| Tăng 10% |" in row
    assert "| Up 10% |" in kpi_en("status", "--data-dir", str(grown), "--as-of", "2026", "--format", "markdown").stdout
    shown = kpi("show", "exports", "--data-dir", str(grown), "--as-of", "2026").stdout
    assert "Tăng 10% — tăng trưởng" in shown and "Tăng 10% Triệu USD" not in shown


def test_show_within_the_year_is_dated_by_its_month(grown):
    out = kpi("show", "exports", "--data-dir", str(grown)).stdout
    assert "— tháng 9/2026" in out and "tính đến năm 2025" not in out
    assert "Chưa có số liệu: chưa có số liệu" not in out
    assert "chưa hết năm 2026: tính đến tháng 9/2026, đúng tiến độ" in out
    assert "the year 2026 is not over: as of September 2026, on course" in kpi_en("show", "exports", "--data-dir", str(grown)).stdout


def test_a_month_before_the_plans_year_is_said_not_answered_with_an_empty_table(grown):
    result = kpi_en("status", "--data-dir", str(grown), "--as-of", "2025-06")
    assert result.exit_code == 2 and result.stdout == ""
    assert "plan-2026 is the plan of 2026: 2025-06 is before its year" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_summary_counts_a_row_whose_months_cannot_be_added_as_its_line_does(grown):
    out = kpi("summary", "--data-dir", str(grown)).stdout
    assert "1 chưa rõ cách cộng tháng" in out
    assert re.search(r"Chưa rõ cách cộng tháng +1", out) and re.search(r"Chưa có số liệu +0", out)
    english = kpi_en("summary", "--data-dir", str(grown)).stdout
    assert "within_year" not in english and re.search(r"Not known how months add up +1", english)
