"""The monthly report rates a row on its entered "ước cả năm" when the month has no lũy kế (a
rate's quarters make none of eleven months), in every command and format, and its chart says
what its table says (README "Within the year")."""

import json
import re
from pathlib import Path

import pytest

from ..conftest import kpi, kpi_en

TARGETS = """\
schema_version: 1
indicators:
  - {id: grdp-growth, name: Tốc độ tăng trưởng kinh tế (GRDP), unit: "%"}
  - {id: exports, name: Kim ngạch xuất khẩu, unit: Tỷ USD}
plans:
  - id: kh-2026
    name: Kế hoạch năm 2026
    base_year: 2025
    target_year: 2026
    targets:
      - {indicator: grdp-growth, number: "1", kind: growth, value: 10}
      - {indicator: exports, number: "2", kind: level, value: 6.2}
"""
ACTUALS = """\
schema_version: 1
series:
  grdp-growth:
    actual: {2025: 8.3, 2025-Q1: 7.9, 2025-Q2: 8.1, 2025-Q3: 8.4, 2025-Q4: 8.6}
    preliminary: {2026-Q1: 8.8, 2026-Q2: 9.4}
    estimate: {2026: %s, 2026-Q3: 9.9}
  exports:
    actual: {2025: 5.5, 2025-11: 0.5, 2026-11: 0.57}
    ytd: {actual: {2025-11: 4.95, 2026-11: 5.52}}
"""


def _folder(tmp_path: Path, estimate: str) -> Path:
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS % estimate, encoding="utf-8")
    return tmp_path


def _row(markdown: str, no: str) -> list[str]:
    return next([c.strip() for c in line.strip("|").split("|")] for line in markdown.splitlines() if line.startswith(f"| {no} |"))


@pytest.mark.parametrize("estimate, shown, verdict, code", [("9.6", "9,60", "Chậm tiến độ", "behind"), ("10.1", "10,10", "Đúng tiến độ", "on_course")])
def test_status_rates_the_rate_on_its_entered_estimate(tmp_path, estimate, shown, verdict, code):
    folder = _folder(tmp_path, estimate)
    table = kpi("status", "--data-dir", str(folder), "--format", "markdown")
    assert table.exit_code == 0, table.stderr
    assert "tháng 11/2026" in table.stdout
    assert _row(table.stdout, "1")[3:] == ["10", "-", "-", "-", "-", shown, verdict]
    data = json.loads(kpi("status", "--data-dir", str(folder), "--json").stdout)
    grdp = data["indicators"][0]
    assert grdp["to_date"] is None and grdp["estimate"]["value"] == float(estimate) and grdp["estimate"]["source"] == "entered"
    assert (grdp["verdict"], grdp["reason"]) == (code, None)
    # the yearly table of the same data rates the same estimate, finally
    yearly = kpi("status", "--data-dir", str(folder), "--as-of", "2026", "--format", "markdown")
    assert f"{shown}\\*" in _row(yearly.stdout, "1")


def test_show_and_summary_say_the_estimate_alone(tmp_path):
    folder = _folder(tmp_path, "9.6")
    text = " ".join(kpi("show", "1", "--data-dir", str(folder)).stdout.split())
    assert "Tính đến tháng 11/2026 chưa có số lũy kế; ước cả năm 9,60 (ước tính đã nhập); Chậm tiến độ (tạm tính, chưa hết năm)" in text
    en = " ".join(kpi_en("summary", "--data-dir", str(folder)).stdout.split())
    assert "no year-to-date value; year estimate 9.60 (entered estimate); Behind (provisional: the year is not over)" in en
    assert "2 indicators: 2 behind" in en


def test_the_html_chart_says_what_the_table_says(tmp_path):
    """The chart of the row draws its first quarter and the year's estimate (a diamond at
    December), captioned with the table's verdict, never "Chưa có số liệu" beside a drawn point."""
    folder = _folder(tmp_path, "9.6")
    out = tmp_path / "bao-cao.html"
    assert kpi("export", "--data-dir", str(folder), "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    figure = re.search(r'<figure[^>]*id="fig-grdp-growth".*?</figure>', page, re.S).group(0)
    assert "<b>Chậm tiến độ</b>" in figure and "Chưa có số liệu" not in figure
    assert '<path class="estimate"' in figure and "ước cả năm: 9,60" in figure
