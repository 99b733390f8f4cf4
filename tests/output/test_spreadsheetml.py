"""The xlsx writer (output/formats/spreadsheetml.py): a package that every reader opens, text that
stays text, numbers that come back exactly, and the print setup of the appendix."""

import io
import math
import zipfile
import xml.etree.ElementTree as ET

import openpyxl
import pytest

from soctrang_kpi.output.document import Column, Document, Row, Table
from soctrang_kpi.output.formats import Format, formatter
from soctrang_kpi.output.formats.spreadsheetml import (
    Alignment,
    Font,
    PageSetup,
    Style,
    Workbook,
    column_letters,
)
from soctrang_kpi.output.labels import Lang

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
TIMES = Font("Times New Roman", 11)
BOXED = Style(TIMES, border="thin", alignment=Alignment(vertical="top", wrap=True))
GREEN = Style(TIMES, fill="C6EFCE", border="thin")
NUMBER = Style(TIMES, border="thin", alignment=Alignment("right", "top"), number_format='[$-42A]#,##0.00"*"')
A4_ACROSS = PageSetup(landscape=True, paper=9, fit_width=1, centred=True, margins=(0.4, 0.4, 0.5, 0.5), footer="&C&P / &N")


def _book() -> Workbook:
    """Two sheets: a title merged over a two-row header, numbers, a coloured cell, blank styled
    cells; frozen panes, print titles and the A4 setup on the first."""
    book = Workbook(title="Kết quả <2023> & dự báo")
    sheet = book.add_sheet("Chỉ tiêu")
    sheet.widths = [5, 38, 12.5]
    sheet.frozen_rows, sheet.frozen_columns = 3, 2
    sheet.print_rows = (2, 3)
    sheet.page = A4_ACROSS
    sheet.merge(1, 1, 1, 3)
    sheet.append([("KẾT QUẢ", book.style(Style(Font("Times New Roman", 14, bold=True), alignment=Alignment("center", "center"))))], height=20)
    header = book.style(Style(Font("Times New Roman", 11, bold=True), border="thin"))
    sheet.merge(2, 1, 3, 1)
    sheet.append([("TT", header), ("Thực hiện", header), (None, header)], height=28)
    sheet.append([(None, header), ("2021", header), ("2022", header)])
    sheet.append([("1", book.style(BOXED)), ("Đạt", book.style(GREEN)), (7.1, book.style(NUMBER))], height=30)
    audit = book.add_sheet("Kiểm tra")
    audit.append([("Ghi chú", book.style(BOXED)), (3, 0)])
    return book


@pytest.fixture(scope="module")
def package() -> bytes:
    return _book().save()


def _parts(data: bytes) -> dict[str, ET.Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: ET.fromstring(z.read(name)) for name in z.namelist()}


def test_every_part_is_well_formed_and_declared(package):
    parts = _parts(package)  # ET.fromstring raises on a part that is not well-formed XML
    assert sorted(parts) == [
        "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/_rels/workbook.xml.rels",
        "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
    ]
    types = parts["[Content_Types].xml"]
    assert {e.get("Extension") for e in types if e.get("Extension")} == {"rels", "xml"}
    declared = {e.get("PartName") for e in types if e.get("PartName")}
    assert declared == {"/" + name for name in parts if not name.endswith(".rels") and name != "[Content_Types].xml"}
    targets = {e.get("Target") for e in parts["xl/_rels/workbook.xml.rels"]}
    assert targets == {"styles.xml", "worksheets/sheet1.xml", "worksheets/sheet2.xml"}
    assert {e.get("Target") for e in parts["_rels/.rels"]} == {"xl/workbook.xml", "docProps/core.xml", "docProps/app.xml"}


def test_styles_counts_match_and_every_cell_style_points_at_an_entry(package):
    styles = _parts(package)["xl/styles.xml"]
    lists = {child.tag.removeprefix(MAIN): child for child in styles}
    for tag in ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles"):
        assert int(lists[tag].get("count")) == len(lists[tag]), tag
    fills = [f[0].get("patternType") for f in lists["fills"]]
    assert fills[:2] == ["none", "gray125"]  # the two fills Excel requires first
    formats = {int(f.get("numFmtId")) for f in lists["numFmts"]}
    assert min(formats) == 164
    for xf in lists["cellXfs"]:
        assert int(xf.get("fontId")) < len(lists["fonts"]) and int(xf.get("fillId")) < len(lists["fills"])
        assert int(xf.get("borderId")) < len(lists["borders"])
        assert xf.get("numFmtId") == "0" or int(xf.get("numFmtId")) in formats
    used = {int(c.get("s", 0)) for c in _parts(package)["xl/worksheets/sheet1.xml"].iter(MAIN + "c")}
    assert max(used) < len(lists["cellXfs"])


def test_the_same_workbook_gives_the_same_bytes():
    assert _book().save() == _book().save()


def test_rows_past_the_spool_size_wait_in_a_file_and_give_the_same_package(monkeypatch):
    """A sheet's rows beyond SPOOL_BYTES are kept in a temporary file until the package is saved
    (#27: 117 MB of rows at 100.000 series): the same bytes as rows kept in memory, saved whole or
    in pieces, and saved twice."""
    from soctrang_kpi.output.formats import spreadsheetml

    def book() -> Workbook:
        found = Workbook(title="Nhiều dòng")
        sheet = found.add_sheet("Chỉ tiêu")
        style = found.style(BOXED)
        for n in range(400):
            sheet.append([(str(n), style), (f"Chỉ tiêu số {n} <&>", style), (n / 7, 0)], height=15 + n % 3)
        return found

    in_memory = book().save()
    monkeypatch.setattr(spreadsheetml, "SPOOL_BYTES", 1000)
    spooled = book()
    assert spooled.sheets[0]._rows._rolled  # on disk, not in memory
    assert spooled.save() == in_memory == spooled.save()
    assert b"".join(spooled.pieces(size=4096)) == in_memory and len(list(spooled.pieces(size=4096))) > 1


def test_openpyxl_reads_the_values_and_the_looks(package):
    book = openpyxl.load_workbook(io.BytesIO(package))
    sheet = book["Chỉ tiêu"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["KẾT QUẢ", None, None], ["TT", "Thực hiện", None], [None, "2021", "2022"], ["1", "Đạt", 7.1],
    ]
    assert sheet["A4"].data_type == "s" and sheet["C4"].data_type == "n"
    assert sheet["C4"].number_format == '[$-42A]#,##0.00"*"' and sheet["C4"].alignment.horizontal == "right"
    assert sheet["B4"].fill.fill_type == "solid" and sheet["B4"].fill.start_color.rgb == "00C6EFCE"
    assert sheet["A4"].border.left.style == "thin" and sheet["A4"].alignment.wrap_text
    assert sheet["A4"].font.name == "Times New Roman" and sheet["A2"].font.b and sheet["A1"].font.sz == 14
    assert sheet["C3"].border.bottom.style == "thin"  # a cell with no value keeps its border
    assert sheet.column_dimensions["B"].width == 38 and sheet.column_dimensions["C"].width == 12.5
    assert sheet.row_dimensions[4].height == 30
    assert book["Kiểm tra"]["B1"].value == 3 and book.properties.title == "Kết quả <2023> & dự báo"


def test_merged_ranges_print_titles_freeze_and_page_setup_read_back(package):
    sheet = openpyxl.load_workbook(io.BytesIO(package))["Chỉ tiêu"]
    assert {str(r) for r in sheet.merged_cells.ranges} == {"A1:C1", "A2:A3"}
    assert sheet.freeze_panes == "C4"
    assert sheet.print_title_rows == "$2:$3"
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_options.horizontalCentered
    assert (sheet.page_margins.left, sheet.page_margins.top) == (0.4, 0.5)
    assert sheet.oddFooter.center.text == "&P / &N"


def test_print_areas_each_on_pages_of_their_own_beside_the_print_titles():
    """A sheet printed in parts: its ranges named as Excel names them (Print_Area before
    Print_Titles), read back by openpyxl; a sheet without them names none."""
    book = Workbook()
    sheet = book.add_sheet("Chỉ tiêu 'A'")
    sheet.print_rows, sheet.print_columns = (5, 6), 3
    sheet.print_areas = [(1, 1, 40, 10), (5, 11, 40, 17)]
    sheet.append([("TT", 0)])
    book.add_sheet("Kiểm tra").append([("x", 0)])
    data = book.save()
    names = [(n.get("name"), n.get("localSheetId"), n.text) for n in _parts(data)["xl/workbook.xml"].iter(f"{MAIN}definedName")]
    quoted = "'Chỉ tiêu ''A'"  # the name without its closing apostrophe, its own doubled
    assert names == [
        ("_xlnm.Print_Area", "0", f"{quoted}!$A$1:$J$40,{quoted}!$K$5:$Q$40"),
        ("_xlnm.Print_Titles", "0", f"{quoted}!$A:$C,{quoted}!$5:$6"),
    ]
    read = openpyxl.load_workbook(io.BytesIO(data))
    assert read.worksheets[0].print_area == f"{quoted}!$A$1:$J$40,{quoted}!$K$5:$Q$40"
    assert not read.worksheets[1].print_area


@pytest.mark.parametrize("rows, columns, pane", [(3, 0, "A4"), (0, 1, "B1")])
def test_a_pane_frozen_one_way(rows, columns, pane):
    book = Workbook()
    sheet = book.add_sheet("x")
    sheet.frozen_rows, sheet.frozen_columns = rows, columns
    sheet.append([("a", 0)])
    assert openpyxl.load_workbook(io.BytesIO(book.save())).active.freeze_panes == pane


FORMULAS = ['=1+1', '=HYPERLINK("http://x","y")', "@SUM(1)", "+1+1", "-1+1", "=A1<B1 & C1>0"]


def test_text_that_starts_like_a_formula_stays_text():
    book = Workbook()
    sheet = book.add_sheet("x")
    for value in FORMULAS:
        sheet.append([(value, 0)])
    data = book.save()
    assert b"<f>" not in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    cells = [row[0] for row in openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows()]
    assert [c.value for c in cells] == FORMULAS and {c.data_type for c in cells} == {"s"}


TEXTS = ["  indented", "trailing  ", "two\nlines", "<b>&amp;</b>", 'say "x"', "Sóc Trăng – 2021–2025 ≤ 33 😀"]


def test_text_comes_back_as_written_and_what_xml_cannot_hold_as_a_question_mark():
    book = Workbook()
    sheet = book.add_sheet("x")
    for value in TEXTS + ["\x1b[31mred", "a\x00b\ufffec"]:
        sheet.append([(value, 0)])
    data = book.save()
    values = [row[0].value for row in openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows()]
    assert values == TEXTS + ["?red", "a?b?c"]
    # Excel drops the spaces at either end of a text unless told to keep them
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert '<t xml:space="preserve">  indented</t>' in xml and '<t xml:space="preserve">trailing  </t>' in xml
    assert "<t>two\nlines</t>" in xml


NUMBERS = [0.1 + 0.2, 1 / 3, -2.0177139619922957, 5e-324, 1.7976931348623157e308, 1e16, 123456789.12345679, -0.0, 7.0]


def test_numbers_come_back_exactly():
    book = Workbook()
    sheet = book.add_sheet("x")
    sheet.append([(n, 0) for n in NUMBERS] + [(2**53 + 1, 0), (True, 0)])
    row = next(openpyxl.load_workbook(io.BytesIO(book.save())).active.iter_rows(values_only=True))
    assert [repr(v) for v in row[: len(NUMBERS)]] == [repr(n) for n in NUMBERS]  # repr: -0.0 stays -0.0, 7.0 a float
    assert row[len(NUMBERS):] == (2**53 + 1, True)


class _Text(str):
    pass


class _Number(float):
    def __repr__(self) -> str:
        return "_Number(...)"


def test_a_value_of_a_subclass_is_written_as_its_plain_value():
    book = Workbook()
    book.add_sheet("x").append([(_Text(" kept "), 0), (_Number(2.5), 3), (None, 0), (None, 3), (1, 0)])
    xml = zipfile.ZipFile(io.BytesIO(book.save())).read("xl/worksheets/sheet1.xml").decode()
    assert ('<row r="1"><c r="A1" s="0" t="inlineStr"><is><t xml:space="preserve"> kept </t></is></c>'
            '<c r="B1" s="3"><v>2.5</v></c><c r="D1" s="3"/><c r="E1" s="0"><v>1</v></c></row>') in xml


@pytest.mark.parametrize("number", [math.inf, -math.inf, math.nan])
def test_a_number_no_cell_can_hold_is_refused_not_written(number):
    sheet = Workbook().add_sheet("x")
    with pytest.raises(ValueError, match="cannot hold"):
        sheet.append([(number, 0)])


def test_an_infinite_attainment_is_exported_as_the_text_the_report_prints():
    """An at-most target reached at zero is ∞ % of its target: docx and html print "∞", the
    workbook too, where the number would be."""
    table = Table("t", (Column("TT"), Column("% so Nghị quyết", numeric=True, decimals=2)), (Row(("1", math.inf)), Row(("2", 50.0))))
    data = formatter(Format.XLSX).file(Document(Lang.VI, tables=(table,)))
    values = [row[1] for row in openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(min_row=4, values_only=True)]
    assert values == ["∞", 50.0]


HOSTILE_NAMES = ["=SUM(A1)'[x]:*?/\\ a name far longer than thirty-one characters", "'quoted'", "Kiểm tra", "KIỂM TRA", "[]", "History", "a\x1bb&<c>"]


def test_hostile_sheet_names_become_legal_distinct_names(tmp_path):
    book = Workbook()
    for name in HOSTILE_NAMES:
        sheet = book.add_sheet(name)
        sheet.print_rows = (1, 1)
        sheet.append([(name, 0)])
    path = tmp_path / "names.xlsx"
    path.write_bytes(book.save())
    read = openpyxl.load_workbook(path)
    assert read.sheetnames == [
        "=SUM(A1)' x       a name far lo",  # forbidden characters as spaces, 31 characters
        "quoted",  # no apostrophe at either end
        "Kiểm tra",
        "KIỂM TRA 2",  # Excel compares names without case
        "Sheet",  # nothing left of "[]"
        "History 2",  # Excel's own
        "a b&<c>",  # the escape character is "?", which a name cannot hold either
    ]
    # the print titles refer to each sheet by its name, apostrophes and all
    assert [read[n].print_title_rows for n in read.sheetnames] == ["$1:$1"] * len(HOSTILE_NAMES)
    assert [read[n]["A1"].value for n in read.sheetnames][:2] == HOSTILE_NAMES[:2]  # the cells keep the text


def test_a_workbook_without_sheets_still_has_one():
    assert openpyxl.load_workbook(io.BytesIO(Workbook().save())).sheetnames == ["Sheet"]


@pytest.mark.parametrize("number, letters", [(1, "A"), (26, "Z"), (27, "AA"), (702, "ZZ"), (703, "AAA"), (16384, "XFD")])
def test_column_letters(number, letters):
    assert column_letters(number) == letters
