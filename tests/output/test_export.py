"""`kpi export`: the appendix as docx, xlsx, csv, md and html, from the bundled data."""

import json
import re

import openpyxl
import pytest

from soctrang_kpi.output.formats import FILE_FORMATS, FORMATS, Format, formatter

from typer.testing import CliRunner

from soctrang_kpi.cli import app

from ..conftest import ROOT, kpi, kpi_en

HEADERS_VI = ["TT", "Chỉ tiêu", "ĐVT", "Nghị quyết", "Năm 2020", "2021", "2022", "2023", "Bình quân 2021–2023",
              "% so Nghị quyết", "Lộ trình 2024", "Lộ trình 2025", "Dự báo", "So sánh %", "Tiến độ", "Đánh giá"]


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



#: the workbook's header: two rows (the years under "Thực hiện" and "Lộ trình"), and the target's
#: printed form ("≤ 33", "Trên 80") in a column of its own beside the number
XLSX_UPPER = ["TT", "Chỉ tiêu", "ĐVT", "Nghị quyết", "Nghị quyết (ghi)", "Năm 2020", "Thực hiện", None, None,
              "Bình quân 2021–2023", "% so Nghị quyết", "Lộ trình", None, "Dự báo", "So sánh %", "Tiến độ", "Đánh giá"]
XLSX_LOWER = [None] * 6 + ["2021", "2022", "2023"] + [None] * 2 + ["2024", "2025"] + [None] * 4
XLSX_HEADERS = [lower or upper for upper, lower in zip(XLSX_UPPER, XLSX_LOWER)]
TITLE_ROWS = 4  # "Phụ lục", the report's title, the plan and as-of year, a blank row


def test_xlsx_has_every_indicator_with_numbers_equal_to_the_json(exported, status_json):
    book = openpyxl.load_workbook(exported / "report.xlsx")
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Phụ lục" and rows[1][0] == "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" and rows[2][0].endswith("tính đến năm 2023")
    assert list(rows[TITLE_ROWS]) == XLSX_UPPER and list(rows[TITLE_ROWS + 1]) == XLSX_LOWER
    data = [row for row in rows[TITLE_ROWS + 2:] if row[1] is not None]  # the notes under the table have one cell
    by_no = {row[0]: row for row in data}
    assert list(by_no) == list(status_json)
    column = {name: XLSX_HEADERS.index(name) for name in XLSX_HEADERS}
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
    # the target is a number; its printed form is beside it
    targets = {no: (row[column["Nghị quyết"]], row[column["Nghị quyết (ghi)"]]) for no, row in by_no.items()}
    assert targets["3.1"] == (33, "≤ 33") and targets["17"] == (2, "2–3") and targets["21.1"] == (80, "Trên 80")
    assert targets["5"] == (417000, "417.000")


def test_xlsx_formats_freezes_and_colours(exported):
    book = openpyxl.load_workbook(exported / "report.xlsx")
    sheet, audit, data = book.worksheets
    assert book.sheetnames == ["Chỉ tiêu", "Kiểm tra", "kpi-data"]
    assert data.sheet_state == "hidden" and data["A1"].value.startswith('{"format":"soctrang-kpi-export"')  # for kpi import
    # the header starts under the title block (rows 1–4) and has two rows: the data starts at 7
    assert sheet.freeze_panes == "C7"
    assert sheet.print_title_rows == "$5:$6"
    # A4 landscape, printed at 100 %: the columns are laid out to fit the page's width
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert not sheet.sheet_properties.pageSetUpPr or not sheet.sheet_properties.pageSetUpPr.fitToPage
    # Nghị định 30/2020: margins 20/20/30/15 mm, the page number at the top centre from page 2
    margins = sheet.page_margins
    assert (round(margins.top * 25.4), round(margins.bottom * 25.4), round(margins.left * 25.4), round(margins.right * 25.4)) == (20, 20, 30, 15)
    assert sheet.oddHeader.center.text == "&P" and sheet.HeaderFooter.differentFirst
    assert "G5:I5" in {str(r) for r in sheet.merged_cells.ranges}  # "Thực hiện" over 2021–2023
    assert sheet["K7"].number_format == "[$-42A]#,##0.00_-" and sheet["F7"].data_type == "n"
    assert sheet["I7"].number_format == '[$-42A]#,##0.00"*"' and sheet["I7"].value == 7.1  # an estimate
    assert sheet["H15"].number_format == "[$-42A]#,##0_-"  # 350.642 tấn: a whole number with thousands
    assert sheet["B7"].font.name == "Times New Roman" and sheet["B7"].font.sz >= 10
    assert sheet["B7"].border.left.style == "thin" and sheet["B7"].alignment.wrap_text
    assert sheet.row_dimensions[7].height >= 30  # row 1's name takes two lines
    fills = {sheet.cell(row=r, column=2).value: sheet.cell(row=r, column=17).fill.start_color.rgb for r in range(7, 11)}
    assert fills["GRDP bình quân đầu người (theo giá hiện hành)"] == "00C6EFCE"  # exceeded: green
    assert fills["Cơ cấu GRDP"] == "00FFC7CE"  # at risk: red
    assert audit.max_row == 3 + 18  # title block + header + the 17 findings of `kpi audit`
    assert audit.column_dimensions["G"].width >= 30  # the notes can be read


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


@pytest.mark.parametrize("args", [["-o", "report.pdf"], ["-o", "report", "--format", "odt"]])
def test_unknown_formats_are_usage_errors(tmp_path, args):
    args = [str(tmp_path / a) if a.startswith("report") else a for a in args]
    result = kpi_en("export", *args)
    assert result.exit_code == 2 and "docx, xlsx, csv, md or html" in result.stderr


def test_csv_cells_hold_no_control_characters_and_the_latest_value_is_a_number():
    from soctrang_kpi.output.document import Column, Document, Printed, Row, Table
    from soctrang_kpi.output.formats import render
    from soctrang_kpi.output.labels import Lang

    table = Table("t", (Column("TT"), Column("Chỉ tiêu"), Column("Mới nhất", numeric=True)),
                  (Row(("1", "\x1b[31mđỏ\x07", Printed(7.1, "7,10*", plain=True)), marks=frozenset({2})),))
    out = render(Document(Lang.VI, tables=(table,)), Format.CSV)
    assert "\x1b" not in out and "\x07" not in out
    assert out.splitlines()[1].endswith(",7.1")
    # text formats still print the mark once
    markdown = render(Document(Lang.VI, tables=(table,)), Format.MARKDOWN)
    assert "7,10\\*" in markdown and "\\*\\*" not in markdown


def test_status_csv_latest_is_numeric():
    import csv, io
    rows = list(csv.reader(io.StringIO(kpi("status", "--format", "csv").stdout)))
    latest = [r[5] for r in rows[1:] if r and r[5]]
    assert latest and all(float(v) == float(v) for v in latest), latest


def test_one_year_average_header():
    from soctrang_kpi.output.labels import Lang
    from soctrang_kpi.output.fields import average_header

    assert average_header(2021, 2021, Lang.VI) == "Bình quân 2021"
    assert average_header(2021, 2023, Lang.VI) == "Bình quân 2021–2023"


def test_docx_minus_signs_do_not_break_from_their_numbers(exported):
    """Word breaks a line after "-": "Đi lùi (-1,01)" printed "(-" on one line and "1,01)" on the
    next. Signs are Word's non-breaking hyphens, which read back as "-"."""
    import zipfile

    import docx

    xml = zipfile.ZipFile(exported / "report.docx").read("word/document.xml").decode()
    assert "<w:noBreakHyphen/>" in xml and not re.search(r"<w:t[^>]*>[^<]*-\d", xml)
    cells = {c.text for r in docx.Document(exported / "report.docx").tables[0].rows for c in r.cells}
    assert {"-2,02", "Đi lùi (-1,01)"} <= cells


@pytest.mark.parametrize("suffix", ["md", "html", "docx"])
def test_a_forecast_of_people_is_a_whole_number_in_every_document(tmp_path, suffix):
    """Party members (indicator 20) are forecast at 49.763,65 people: every format prints 49.764."""
    out = tmp_path / f"report.{suffix}"
    assert kpi("export", "-o", str(out)).exit_code == 0
    if suffix == "docx":
        import docx

        text = "\n".join(c.text for r in docx.Document(out).tables[0].rows for c in r.cells)
    else:
        text = out.read_text(encoding="utf-8")
    assert "49.764" in text and "49.763,65" not in text


def test_docx_header_rows_hold_their_tallest_title(exported):
    """LibreOffice repeats a header row on later pages at the height of its own cells: a title
    merged down both rows ("% so Nghị quyết", three lines) was cut to two there. The header rows
    are given at least the height that title needs."""
    import docx
    from docx.enum.table import WD_ROW_HEIGHT_RULE

    upper, lower = docx.Document(exported / "report.docx").tables[0].rows[:2]
    assert upper.height_rule == lower.height_rule == WD_ROW_HEIGHT_RULE.AT_LEAST
    assert upper.height.pt + lower.height.pt >= 3 * 11 * 1.15


def test_docx_group_headings_keep_with_their_first_sub_row(exported):
    """"7 Nông thôn mới" printed alone at the foot of page 1, its sub-rows on page 2."""
    import docx

    rows = docx.Document(exported / "report.docx").tables[0].rows
    headings = [r for r in rows if r.cells[0].text in ("3", "7", "12", "14")]
    assert len(headings) == 4
    assert all(c.paragraphs[0].paragraph_format.keep_with_next for r in headings for c in r.cells)
    assert not any(c.paragraphs[0].paragraph_format.keep_with_next for c in rows[3].cells)  # row 1: no group


@pytest.mark.parametrize("fmt", ["csv", "md", "html", "xlsx"])
def test_dash_writes_the_export_to_standard_output(tmp_path, monkeypatch, fmt):
    """`-o -` is standard output, as people expect of "-" (a pipe: binary formats too)."""
    monkeypatch.chdir(tmp_path)
    to_file = kpi("export", "-o", f"table.{fmt}", "--data-dir", str(ROOT))
    to_stdout = CliRunner().invoke(app, ["export", "-o", "-", "--format", fmt, "--data-dir", str(ROOT)], catch_exceptions=False)
    assert to_file.exit_code == to_stdout.exit_code == 0
    assert not (tmp_path / "-").exists()
    if fmt == "xlsx":  # a zip: its parts are the same, their timestamps aside
        assert to_stdout.stdout_bytes[:2] == b"PK"
    else:
        assert to_stdout.stdout_bytes == (tmp_path / f"table.{fmt}").read_bytes()


def test_dash_without_a_format_asks_for_one(tmp_path):
    result = kpi_en("export", "-o", "-", "--data-dir", str(ROOT))
    assert result.exit_code == 2 and "cannot tell the format from '-'" in result.stderr


@pytest.mark.parametrize("fmt", ["md", "xlsx"])
def test_an_audit_without_findings_says_so_instead_of_an_empty_table(tmp_path, fmt):
    kpi("init", str(tmp_path / "plan"), "--name", "Kế hoạch thử", "--base-year", "2025", "--target-year", "2030")
    assert kpi("export", "-o", str(tmp_path / f"t.{fmt}"), "--data-dir", str(tmp_path / "plan")).exit_code == 0
    if fmt == "md":
        text = (tmp_path / "t.md").read_text(encoding="utf-8")
        audit = text.split("### Sai lệch")[1]
        assert "Không có sai lệch." in audit and "|" not in audit
    else:
        book = openpyxl.load_workbook(tmp_path / "t.xlsx")
        cells = [c for row in book.worksheets[1].iter_rows(values_only=True) for c in row if c]
        assert "Không có sai lệch." in cells and "Tính lại" not in cells


def test_docx_rows_written_as_xml_are_python_docxs_own_byte_for_byte(folder, monkeypatch):
    """The appendix's rows are written as XML text (as_docx._Rows, for speed); python-docx's
    object model writing every row gives the same document.xml, with names holding what a run
    writes specially: tabs, line breaks, spaces around, XML's own characters, minus signs."""
    import zipfile

    import docx.oxml.parser

    from soctrang_kpi.output.formats import as_docx

    targets = folder / "targets.yaml"
    odd = '"  Tốc độ\\ttăng & <GRDP> -5 %\\r\\nbình quân -  "'
    targets.write_text(targets.read_text(encoding="utf-8").replace(
        "name: Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP, giá so sánh 2010) bình quân 5 năm 2021–2025", f"name: {odd}", 1), encoding="utf-8")
    monkeypatch.setattr(as_docx._Rows, "BLOCK", 3)  # several blocks
    assert kpi("export", "-o", str(folder / "xml.docx"), "--data-dir", str(folder)).exit_code == 0

    def refused(text):
        raise ValueError("refused")

    monkeypatch.setattr(docx.oxml.parser, "parse_xml", refused)  # every block: row by row, python-docx
    assert kpi("export", "-o", str(folder / "model.docx"), "--data-dir", str(folder)).exit_code == 0
    xml, model = (zipfile.ZipFile(folder / f"{name}.docx").read("word/document.xml") for name in ("xml", "model"))
    assert xml == model
    assert '<w:tab/><w:t xml:space="preserve">tăng &amp; &lt;GRDP&gt; </w:t><w:noBreakHyphen/>'.encode() in xml
    assert xml.count(b"<w:tr>") > 20
