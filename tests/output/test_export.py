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

    assert average_header(2021, 2023, Lang.VI) == "Bình quân 2021–2023"
    # one year is no average: its growth, as a report says it, in either language
    assert average_header(2026, 2026, Lang.VI) == "Tăng trưởng năm 2026"
    assert average_header(2026, 2026, Lang.EN) == "Growth in 2026"


@pytest.mark.parametrize("lang, header", [("vi", "Tăng trưởng năm 2026"), ("en", "Growth in 2026")])
def test_a_plan_one_year_in_exports_the_years_growth_not_an_average(tmp_path, lang, header):
    """Base 2025, latest 2026: no "Bình quân 2026" (an average of one year); `kpi import` reads
    the column back as the average growth."""
    from soctrang_kpi.files import appendix_layout as layout

    assert kpi("init", str(tmp_path / "plan")).exit_code == 0
    assert kpi("export", "--data-dir", str(tmp_path / "plan"), "-o", str(tmp_path / "r.csv"), "--lang", lang).exit_code == 0
    headers = (tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert header in headers and not any(h.startswith(("Bình quân", "Average")) for h in headers)
    assert layout._column(0, header, False).role == "avg_growth"


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


def test_the_html_chart_draws_the_forecast_at_the_target_year():
    """A 2025–2030 plan in 2026: the axis runs to 2030 and the forecast's diamond stands over the
    2030 label, not over 2026 (each point at its year)."""
    from soctrang_kpi.core.classify import Status
    from soctrang_kpi.core.model import Point, PointStatus
    from soctrang_kpi.output.document import Chart
    from soctrang_kpi.output.formats.as_html import chart
    from soctrang_kpi.output.labels import Lang

    series = (Point(2025, 120.0, PointStatus.ACTUAL), Point(2026, 132.0, PointStatus.ESTIMATE))
    item = Chart("gdp", "2", "GRDP", "Đạt", Status.ACHIEVED, "level", 215.0, None, 193.3, 2026, series, target_year=2030)
    svg = chart(item, Lang.VI)
    labels = {int(y): float(x) for x, y in re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle">(\d{4})</text>', svg)}
    assert sorted(labels) == [2025, 2026, 2027, 2028, 2029, 2030]
    circles = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]
    assert circles == [labels[2025], labels[2026]]
    diamond = float(re.search(r'<path class="forecast" d="M([\d.]+),', svg).group(1))
    assert diamond == labels[2030]


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html", "md", "csv"])
def test_a_plan_in_groups_prints_its_section_rows(tmp_path, fmt):
    """A plan whose indicators have groups prints a section row before each group, as a Nghị
    định 30 table does: "I. KINH TẾ" bold across the whole table (csv, the data, has none)."""
    path = tmp_path / f"plan.{fmt}"
    done = kpi("export", "--data-dir", str(ROOT / "docs" / "example-kinds"), "--plan", "term-2020-2025", "-o", str(path))
    assert done.exit_code == 0, done.stderr
    wanted = ["I. KINH TẾ", "II. XÃ HỘI", "III. CHUYỂN ĐỔI SỐ"]
    if fmt == "docx":
        import docx

        table = docx.Document(str(path)).tables[0]
        across = [row.cells[0].text for row in table.rows if len({c._tc for c in row.cells}) == 1]
        assert across == wanted
    elif fmt == "xlsx":
        sheet = openpyxl.load_workbook(path).worksheets[0]
        rows = {sheet.cell(row=r, column=1).value: r for r in range(1, sheet.max_row + 1)}
        assert all(text in rows for text in wanted)
        merged = {str(m) for m in sheet.merged_cells.ranges}
        last = openpyxl.utils.get_column_letter(sheet.max_column)
        assert {f"A{rows[t]}:{last}{rows[t]}" for t in wanted} <= merged
        assert sheet.cell(row=rows[wanted[0]], column=1).font.bold
        assert rows[wanted[0]] < rows["1"] < rows[wanted[1]] < rows["6"] < rows[wanted[2]] < rows["7"]
    elif fmt == "html":
        page = path.read_text(encoding="utf-8")
        found = re.findall(r'<tr class="section"><td colspan="(\d+)">([^<]+)</td></tr>', page)
        assert [text for _, text in found] == wanted
        first_row = page.split("</thead><tbody>")[1].split("</tr>")[1]  # the row under "I. KINH TẾ"
        assert {int(span) for span, _ in found} == {first_row.count("<td")}  # across every column
    elif fmt == "md":
        assert "| **I** | **KINH TẾ** |" in path.read_text(encoding="utf-8")
    else:
        assert "KINH TẾ" not in path.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_exports_print_an_indicators_own_precision(tmp_path, fmt):
    """HDI with `precision: 3` is 0,735 → 0,745 in the exports' year columns, as `kpi status`
    prints it, not 0,74 → 0,75 (GRDP 312,621, not 312,62)."""
    path = tmp_path / f"plan.{fmt}"
    done = kpi("export", "--data-dir", str(ROOT / "docs" / "example-kinds"), "--plan", "term-2025-2030", "-o", str(path))
    assert done.exit_code == 0, done.stderr
    if fmt == "docx":
        import docx

        text = " ".join(c.text for row in docx.Document(str(path)).tables[0].rows for c in row.cells)
    else:
        text = path.read_text(encoding="utf-8")
    assert "0,735" in text and "0,745" in text and "312,621" in text
    assert "0,74 " not in text.replace("|", " ") and "312,62 " not in text.replace("|", " ")


def test_a_target_keeps_the_decimals_it_was_written_with(tmp_path):
    """HDI (precision 3) "0.78" is printed 0,78 in the target's column, not 0,780."""
    (tmp_path / "targets.yaml").write_text("""schema_version: 1
indicators:
  - {id: hdi, name: Chỉ số phát triển con người (HDI), unit: chỉ số, precision: 3}
plans:
  - {id: term-2025-2030, name: Nhiệm kỳ 2025–2030, base_year: 2025, target_year: 2030, targets: [{indicator: hdi, number: "1", kind: level, value: 0.78}]}
""", encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text("schema_version: 1\nseries:\n  hdi: {actual: {2025: 0.745}, estimate: {2026: 0.751}}\n", encoding="utf-8")
    done = kpi("export", "--data-dir", str(tmp_path), "-o", "-", "--format", "md")
    row = next(line for line in done.stdout.splitlines() if line.startswith("| 1 |"))
    assert "| 0,78 | 0,745 | 0,751\\* |" in row


def test_a_chart_of_one_value_and_float_noise_has_an_axis_that_reads():
    """A growth of 34,5 over 30 is 15,000000000000002 %, its target 15: the value axis spans
    13,50–16,50, not 15,00–15,00 with the point and the target line at its two ends."""
    from soctrang_kpi.output.formats.as_html import axis_range

    low, high = axis_range([34.5 / 30 * 100 - 100, 15.0])
    assert (round(low, 6), round(high, 6)) == (13.5, 16.5)
    assert axis_range([8.0, 10.0]) == pytest.approx((7.76, 10.24))  # a real span keeps its padding


def test_a_chart_without_values_prints_no_made_up_axis():
    """An indicator listed without values or target ("Chưa có số liệu"): its chart has no years
    0 and 1 under it and no 0–1 scale beside it."""
    from soctrang_kpi.core.classify import Status
    from soctrang_kpi.output.document import Chart
    from soctrang_kpi.output.formats.as_html import chart
    from soctrang_kpi.output.labels import Lang

    svg = chart(Chart("fdi", "14", "FDI", "Chưa có số liệu", Status.NO_DATA, "level", None, None, None, None, (), target_year=2030), Lang.VI)
    assert re.findall(r"<text[^>]*>([^<]*)</text>", svg) == []


def test_a_plan_whose_groups_come_back_has_no_section_rows(tmp_path):
    """Groups that are not in runs (economy, digital, economy again) are no sections: no
    "III. KINH TẾ" after "I. KINH TẾ"."""
    path = tmp_path / "plan.md"
    done = kpi("export", "--data-dir", str(ROOT / "docs" / "example-kinds"), "--plan", "term-2025-2030", "-o", str(path))
    assert done.exit_code == 0, done.stderr
    assert "KINH TẾ" not in path.read_text(encoding="utf-8")


def test_a_chart_caption_of_a_part_without_a_number_starts_with_its_name():
    """A structure's part without a target or number ("Thuế sản phẩm trừ trợ cấp sản phẩm") is
    captioned by its name, not ". Thuế sản phẩm …"."""
    from soctrang_kpi.core.classify import Status
    from soctrang_kpi.output.document import Chart
    from soctrang_kpi.output.formats.as_html import _figure
    from soctrang_kpi.output.labels import Lang

    part = Chart("tax", "", "Thuế sản phẩm", "Không đánh giá", Status.NO_DATA, "level", None, None, None, 2026, ())
    numbered = part._replace(no="8.1", name="Dịch vụ")
    assert "<figcaption>Thuế sản phẩm — <b>" in _figure(part, Lang.VI)
    assert "<figcaption>8.1. Dịch vụ — <b>" in _figure(numbered, Lang.VI)


def test_a_chart_of_a_range_target_labels_the_whole_range():
    """A growth of 10–10,5 %/năm: the band's label says "mục tiêu 10–10,5", not "mục tiêu 10"."""
    from soctrang_kpi.core.classify import Status
    from soctrang_kpi.core.model import Point, PointStatus
    from soctrang_kpi.output.document import Chart
    from soctrang_kpi.output.formats.as_html import chart
    from soctrang_kpi.output.labels import Lang

    series = (Point(2025, 8.3, PointStatus.ACTUAL), Point(2026, 9.1, PointStatus.ESTIMATE))
    item = Chart("growth", "1", "GRDP", "Khó đạt", Status.AT_RISK, "growth", 10.0, 10.5, 9.1, 2026, series, target_year=2030)
    assert ">mục tiêu 10–10,5<" in chart(item, Lang.VI)
    assert ">target 10–10.5<" in chart(item, Lang.EN)
    assert ">mục tiêu 8,2<" in chart(item._replace(target=8.2, target_upper=None), Lang.VI)  # as written, not 8,20


def test_a_rank_chart_has_an_axis_of_whole_places():
    """Places 18 → 14 against "nhóm 15 dẫn đầu": the value axis runs 13–19, not 13,52–18,48."""
    from soctrang_kpi.core.classify import Status
    from soctrang_kpi.core.model import Point, PointStatus
    from soctrang_kpi.output.document import Chart
    from soctrang_kpi.output.formats.as_html import chart
    from soctrang_kpi.output.labels import Lang

    series = (Point(2025, 18.0, PointStatus.ACTUAL), Point(2026, 14.0, PointStatus.ESTIMATE))
    svg = chart(Chart("pci", "9", "PCI", "Đạt", Status.ACHIEVED, "rank", 15.0, None, None, 2026, series, target_year=2030), Lang.VI)
    scale = re.findall(r'<text x="58" y="[\d.]+" text-anchor="end">([^<]+)</text>', svg)
    assert scale == ["13", "19"]


def test_a_chart_of_one_year_runs_to_the_target_year():
    """A growth rate known for 2026 alone, in a 2025–2030 plan: its axis is 2026–2030, not
    2026–2027 (a year the plan does not end in)."""
    from soctrang_kpi.core.classify import Status
    from soctrang_kpi.core.model import Point, PointStatus
    from soctrang_kpi.output.document import Chart
    from soctrang_kpi.output.formats.as_html import chart
    from soctrang_kpi.output.labels import Lang

    series = (Point(2026, 13.1, PointStatus.ESTIMATE),)
    svg = chart(Chart("budget", "6", "Thu ngân sách", "Khó đạt", Status.AT_RISK, "growth", 15.0, None, 13.1, 2026, series, target_year=2030), Lang.VI)
    assert re.findall(r'text-anchor="middle">(\d{4})</text>', svg) == ["2026", "2027", "2028", "2029", "2030"]


def test_a_charts_target_label_is_clear_of_the_forecast():
    """The forecast's diamond stands at the target year, the right end of the target's line: the
    target's label ends left of it, not over it (population 3,31 against "mục tiêu 3,3")."""
    from soctrang_kpi.core.classify import Status
    from soctrang_kpi.core.model import Point, PointStatus
    from soctrang_kpi.output.document import Chart
    from soctrang_kpi.output.formats.as_html import chart
    from soctrang_kpi.output.labels import Lang

    series = (Point(2025, 3.21, PointStatus.ACTUAL), Point(2026, 3.23, PointStatus.ESTIMATE))
    svg = chart(Chart("pop", "15", "Dân số", "Đạt", Status.ACHIEVED, "level", 3.3, None, 3.31, 2026, series, target_year=2030), Lang.VI)
    label_end = float(re.search(r'<text (?:class="target" )?x="([\d.]+)"[^>]*>mục tiêu', svg).group(1))
    diamond_left = float(re.search(r'<path class="forecast" d="M([\d.]+),', svg).group(1)) - 5
    assert label_end < diamond_left


def test_docx_rows_written_as_xml_are_python_docxs_own_byte_for_byte(folder, monkeypatch):
    """The appendix's rows are written as XML text (as_docx._Rows, for speed); python-docx's
    object model writing every row gives the same document.xml, with names holding what a run
    writes specially: tabs, line breaks, spaces around, XML's own characters, minus signs."""
    import zipfile

    from soctrang_kpi.output.formats import as_docx

    targets = folder / "targets.yaml"
    odd = '"  Tốc độ\\ttăng & <GRDP> -5 %\\r\\nbình quân -  "'
    targets.write_text(targets.read_text(encoding="utf-8").replace(
        "name: Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP, giá so sánh 2010) bình quân 5 năm 2021–2025", f"name: {odd}", 1), encoding="utf-8")
    monkeypatch.setattr(as_docx._Rows, "BLOCK", 3)  # several blocks
    assert kpi("export", "-o", str(folder / "xml.docx"), "--data-dir", str(folder)).exit_code == 0

    monkeypatch.setattr(as_docx, "well_formed", lambda *pieces: False)  # every block: row by row, python-docx
    assert kpi("export", "-o", str(folder / "model.docx"), "--data-dir", str(folder)).exit_code == 0
    xml, model = (zipfile.ZipFile(folder / f"{name}.docx").read("word/document.xml") for name in ("xml", "model"))
    assert xml == model
    assert '<w:tab/><w:t xml:space="preserve">tăng &amp; &lt;GRDP&gt; </w:t><w:noBreakHyphen/>'.encode() in xml
    assert xml.count(b"<w:tr>") > 20


def test_docx_data_written_a_slice_at_a_time_is_the_data_escaped_whole(monkeypatch):
    """kpi's data is escaped into its part a slice at a time (as_docx._data_xml): whatever the
    slices, the part is the data escaped whole, as `kpi import` reads it back."""
    from xml.sax.saxutils import escape

    from soctrang_kpi import embedded
    from soctrang_kpi.output.formats import as_docx

    data = '{"name":"Tốc độ & <GRDP> > 5 %","đ":"a&&b<<c"}' * 7
    whole = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<{embedded.ELEMENT} xmlns="{embedded.NAMESPACE}">{escape(data)}</{embedded.ELEMENT}>'
    ).encode("utf-8")
    for size in (1, 2, 3, 7, 50, 1 << 20):
        monkeypatch.setattr(as_docx, "CHUNK", size)
        assert b"".join(as_docx._data_xml(data)) == whole


def test_docx_handed_on_in_slices_has_the_same_parts(folder, monkeypatch):
    """The package is handed to the writer a slice at a time (as_docx.CHUNK): in small slices,
    the file holds the same parts, byte for byte, and `kpi import` reads its data back."""
    import zipfile

    from soctrang_kpi.output.formats import as_docx

    assert kpi("export", "-o", str(folder / "whole.docx"), "--data-dir", str(folder)).exit_code == 0
    monkeypatch.setattr(as_docx, "CHUNK", 1000)
    assert kpi("export", "-o", str(folder / "sliced.docx"), "--data-dir", str(folder)).exit_code == 0
    whole, sliced = (zipfile.ZipFile(folder / f"{name}.docx") for name in ("whole", "sliced"))
    assert whole.namelist() == sliced.namelist()
    assert all(whole.read(name) == sliced.read(name) for name in whole.namelist())
    assert (folder / "sliced.docx").stat().st_size > 20 * 1000
    assert kpi("import", str(folder / "sliced.docx"), "-o", str(folder / "back")).exit_code == 0


def test_docx_rows_refused_by_the_xml_parser_are_made_by_python_docx():
    """A block of rows is checked by the XML parser without a tree (as_docx.well_formed): what
    it refuses is written row by row through python-docx instead."""
    from soctrang_kpi.output.formats import as_docx

    opening = '<w:tbl xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    assert as_docx.well_formed(opening, "<w:tr><w:tc><w:p><w:r><w:t>5 &amp; đ</w:t></w:r></w:p></w:tc></w:tr>", "</w:tbl>")
    for text in ("a\x01b", "a\ufffeb", "a<b", "a&b", "a\ud800b"):
        assert not as_docx.well_formed(opening, f"<w:tr><w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc></w:tr>", "</w:tbl>")


def test_the_same_plan_exported_twice_is_the_same_docx(tmp_path, monkeypatch):
    """Every part of the package dated alike (the workbook's date), not by the clock."""
    import time
    import zipfile

    kpi("export", "-o", str(tmp_path / "a.docx"))
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 3600)  # an hour later, by zipfile's clock
    kpi("export", "-o", str(tmp_path / "b.docx"))
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    assert {info.date_time for info in zipfile.ZipFile(tmp_path / "a.docx").infolist()} == {(1980, 1, 1, 0, 0, 0)}
