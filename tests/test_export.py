"""`kpi export`: the appendix as xlsx, csv, md and html, from the bundled data."""

import json
import re

import openpyxl
import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app
from soctrang_kpi.output.formats import FILE_FORMATS, FORMATS, Format, formatter

HEADERS_VI = ["TT", "Chỉ tiêu", "ĐVT", "Nghị quyết", "Năm 2020", "2021", "2022", "2023", "Bình quân 2021–2023",
              "% so Nghị quyết", "Lộ trình 2024", "Lộ trình 2025", "Dự báo", "So sánh %", "Đánh giá"]


def kpi(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def kpi_en(*args):
    """Messages are checked in English (``KPI_LANG=en``); Vietnamese is the default."""
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"KPI_LANG": "en"})


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    for fmt in FILE_FORMATS:
        name = f"report.{FORMATS[fmt].suffix}"
        result = kpi("export", "-o", str(folder / name))
        assert result.exit_code == 0, result.stderr
        assert f"đã ghi {folder / name}" in result.stderr
    return folder


@pytest.fixture(scope="module")
def status_json():
    return {i["no"]: i for i in json.loads(kpi("status", "--json").stdout)["indicators"]}


def test_every_format_has_an_exporter():
    assert {f.value for f in FILE_FORMATS} == {"xlsx", "csv", "markdown", "html"}
    assert all(formatter(f).file is not None for f in FILE_FORMATS)


def test_xlsx_has_every_indicator_with_numbers_equal_to_the_json(exported, status_json):
    book = openpyxl.load_workbook(exported / "report.xlsx")
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS_VI
    by_no = {row[0]: row for row in rows[1:]}
    assert list(by_no) == list(status_json)
    column = {name: HEADERS_VI.index(name) for name in HEADERS_VI}
    checked = 0
    for no, indicator in status_json.items():
        row = by_no[no]
        for header, value in (
            ("Bình quân 2021–2023", indicator["avg_growth_pct"]),
            ("% so Nghị quyết", indicator["attainment_pct"]),
            ("Dự báo", indicator["forecast"]["value"]),
            ("So sánh %", indicator["forecast"]["pct"]),
        ):
            cell = row[column[header]]
            if value is None:
                assert cell is None, (no, header)
            else:
                assert isinstance(cell, (int, float)) and abs(cell - value) < 1e-6, (no, header, cell, value)
                checked += 1
        assert row[column["Đánh giá"]] == indicator["label"]
    assert checked > 100


def test_xlsx_formats_freezes_and_colours(exported):
    book = openpyxl.load_workbook(exported / "report.xlsx")
    sheet, audit = book.worksheets
    assert book.sheetnames == ["Chỉ tiêu", "Kiểm tra"]
    assert sheet.freeze_panes == "C2"
    assert sheet["J2"].number_format == "0.00" and sheet["E2"].data_type == "n"
    assert sheet["F10"].number_format == "#,##0"  # 350.642 tấn: a whole number with thousands
    fills = {sheet.cell(row=r, column=2).value: sheet.cell(row=r, column=15).fill.start_color.rgb for r in range(2, 6)}
    assert fills["GRDP bình quân đầu người (theo giá hiện hành)"] == "00C6EFCE"  # exceeded: green
    assert fills["Cơ cấu GRDP"] == "00FFC7CE"  # at risk: red
    assert audit.max_row == 18  # header + the 17 findings of `kpi audit`


def test_csv_is_utf8_with_a_bom_and_plain_numbers(exported):
    data = (exported / "report.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].split(",") == HEADERS_VI
    assert lines[1].startswith('1,"Tốc độ tăng tổng sản phẩm') and ",8,1.26,2.49,7.76,7.1,5.757096," in lines[1]
    assert len(lines) == 1 + 51  # header + 41 series + 10 group headings


def test_markdown_is_a_github_table(exported):
    text = (exported / "report.md").read_text(encoding="utf-8")
    assert "| TT | Chỉ tiêu | ĐVT |" in text
    assert "| 5 | Sản lượng thuỷ, hải sản | Tấn | 417.000 | 324.295 |" in text


def test_html_is_self_contained_with_a_chart_per_indicator(exported, status_json):
    page = (exported / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=|@import|url\(""", page)  # nothing fetched
    charts = re.findall(r'<svg class="chart" id="chart-([a-z0-9-]+)"', page)
    leaves = [i["id"] for i in status_json.values() if i["kind"] not in ("group", "composition")]
    assert charts == leaves and len(charts) == 41
    assert "@media print" in page and "size: A4" in page
    assert "23 chỉ tiêu: 7 vượt, 10 đạt, 6 khó đạt" in page


def test_english_headers(tmp_path):
    assert kpi("export", "-o", str(tmp_path / "r.csv"), "--lang", "en").exit_code == 0
    header = (tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("No,Indicator,Unit,Target,2020,2021,2022,2023,Average 2021–2023,% of target,Roadmap 2024")


def test_an_existing_file_is_replaced_only_with_force(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("keep me", encoding="utf-8")
    result = kpi("export", "-o", str(path))
    assert result.exit_code == 2 and "--force" in result.stderr
    assert path.read_text(encoding="utf-8") == "keep me"
    assert kpi("export", "-o", str(path), "--force").exit_code == 0
    assert path.read_text(encoding="utf-8").startswith("**")


@pytest.mark.parametrize("args", [["-o", "report.pdf"], ["-o", "report", "--format", "docx"]])
def test_unknown_formats_are_usage_errors(tmp_path, args):
    args = [str(tmp_path / a) if a.startswith("report") else a for a in args]
    result = kpi_en("export", *args)
    assert result.exit_code == 2 and "xlsx, csv, md or html" in result.stderr
