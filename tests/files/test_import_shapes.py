"""`kpi import` over the shapes real appendix tables have, each built as a workbook (openpyxl) and
as a Word table (python-docx): title lines above the header, one-, two- and three-row headers
with merged cells, a row of column numbers, Roman-numeral and lettered sections, tally rows,
footnotes, "Ghi chú" and "Nguồn" columns, published percentages, hidden rows and columns,
several sheets, an annual plan.

The indicators are the targets of the 1st Congress of the merged Cần Thơ city, term 2025–2030
(as printed in the press, /shared data cantho_2025_2030_targets.yaml), with the 2025 estimates
the city published; the 2026 figures are illustrative. Each shape must import to the plan a
person would write by hand: its period, and every indicator's kind, direction, strictness,
approximation, target and values.
"""

import json
from pathlib import Path
from typing import NamedTuple

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app
from soctrang_kpi.core.model import Direction, Kind
from soctrang_kpi.files import load

AT_LEAST, AT_MOST = Direction.AT_LEAST, Direction.AT_MOST
LEFT, UP = "<", "^"  # a header cell merged with the one to its left, or above


def kpi(*args, lang="vi"):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"KPI_LANG": lang, "COLUMNS": "120"})


class Row(NamedTuple):
    """One indicator of the Cần Thơ appendix, and what kpi must make of it."""

    no: str
    name: str
    unit: str
    printed: str  # the target as the office typed it
    v2025: float | None
    v2026: float | None  # the 2026 estimate
    kind: Kind | None  # None: no target (written without one)
    direction: Direction = AT_LEAST
    strict: bool = False
    approximate: bool = False
    value: float | None = None
    upper: float | None = None
    note: str = ""
    section: int = 0  # index into SECTIONS


SECTIONS = (("I", "KINH TẾ", "economy"), ("II", "XÃ HỘI", "society"), ("III", "XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ", "party"))

CAN_THO = (
    Row("1", "Tốc độ tăng trưởng kinh tế (GRDP) bình quân hằng năm", "%", "Từ 10% trở lên", 8.3, 9.1, Kind.GROWTH, value=10),
    Row("2", "Quy mô GRDP (giá hiện hành) năm 2030", "Nghìn tỷ đồng", "Tối thiểu 717", 312.62, 352.4, Kind.LEVEL, value=717),
    Row("3", "GRDP bình quân đầu người", "Triệu đồng", "Khoảng 215", 99.56, 110.2, Kind.LEVEL, approximate=True, value=215),
    Row("4", "Kim ngạch xuất khẩu hàng hoá và dịch vụ thu ngoại tệ", "Tỷ USD", "8,2", 5.5, 6.05, Kind.LEVEL, value=8.2, note="Gồm dịch vụ thu ngoại tệ"),
    Row("5", "Tổng thu ngân sách nhà nước trên địa bàn", "Nghìn tỷ đồng", "57", 37.2, 40.5, Kind.LEVEL, value=57),
    Row("6", "Cơ cấu kinh tế đến năm 2030", "", "", None, None, Kind.COMPOSITION),
    Row("6.1", "Nông, lâm nghiệp và thuỷ sản", "%", "Dưới 16", 20.72, 19.9, Kind.LEVEL, AT_MOST, True, value=16),
    Row("6.2", "Công nghiệp và xây dựng", "%", "Trên 35", 28.55, 29.4, Kind.LEVEL, AT_LEAST, True, value=35),
    Row("6.3", "Dịch vụ", "%", "Trên 45", 45.48, 45.9, Kind.LEVEL, AT_LEAST, True, value=45),
    Row("6.4", "Thuế sản phẩm trừ trợ cấp sản phẩm", "%", "-", 5.25, 4.8, None),
    Row("7", "Tỷ lệ giải ngân vốn đầu tư công", "", "100% kế hoạch", 95.2, 97, Kind.LEVEL, value=100),
    Row("8", "Tỷ lệ đô thị hoá", "%", "50–55", 41, 42.5, Kind.LEVEL, value=50, upper=55),
    Row("9", "Quy mô dân số trung bình", "Triệu người", "3,3", 3.2, 3.23, Kind.LEVEL, value=3.3, section=1),
    Row("10", "Chỉ số phát triển con người (HDI)", "", "Tối thiểu 0,78", 0.74, 0.745, Kind.LEVEL, value=0.78, section=1),
    Row("11", "Năng suất lao động", "Triệu đồng/lao động", "Trên 358", 191.83, 210, Kind.LEVEL, AT_LEAST, True, value=358, section=1),
    Row("12", "Tỷ lệ dịch vụ công trực tuyến toàn trình", "%", "Trên 80", 60, 68, Kind.LEVEL, AT_LEAST, True, value=80, section=1),
    Row("13", "Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên hằng năm", "%", "Trên 80", 85.2, 86, Kind.THRESHOLD, AT_LEAST, True, value=80, section=2),
    Row("14", "Thứ hạng chỉ số năng lực quản trị và hành chính công", "Thứ hạng", "Không quá 15", 18, 16, Kind.LEVEL, AT_MOST, value=15, section=2),
)
TITLE = (
    "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ CẦN THƠ LẦN THỨ I, "
    "NHIỆM KỲ 2025–2030 ĐẾN NĂM 2026"
)
PLAN_NAME = "Nghị quyết Đại hội Đảng bộ thành phố Cần Thơ lần thứ I, nhiệm kỳ 2025–2030"  # the title in sentence case
ABOVE = ("ĐẢNG BỘ THÀNH PHỐ CẦN THƠ", "Phụ lục I", TITLE, "(Kèm theo Báo cáo số 125-BC/TU ngày 10/12/2026 của Ban Thường vụ Thành uỷ)")
FOOTNOTES = ("Ghi chú: (*) Số liệu năm 2026 là số ước thực hiện.", "Nguồn: Cục Thống kê thành phố Cần Thơ.")
TALLY = "Tổng cộng: 13 chỉ tiêu có mục tiêu; 6/13 đạt và vượt"


def _pct(row: Row) -> float | None:
    """ "Ước TH 2026 so với NQ (%)": the published percentage that must never be read as 2026."""
    return round(row.v2026 / row.value * 100, 2) if row.v2026 is not None and row.value else None


class Shape(NamedTuple):
    """A table as cells: lines above, header rows (with LEFT/UP merges), body rows, lines below;
    the merged rows (sections, tallies) span the whole width."""

    above: tuple[str, ...]
    header: tuple[tuple[str, ...], ...]
    body: tuple[tuple[object, ...], ...]  # a 1-tuple is a row merged across; a shorter row's last cell spans the rest
    below: tuple[str, ...] = ()
    hidden_rows: tuple[int, ...] = ()  # indexes into body
    hidden_columns: tuple[int, ...] = ()


def two_row_header() -> Shape:
    """The issue's table: Phụ lục line, title, Kèm theo line; "Thực hiện" merged over "Năm 2025 |
    Ước năm 2026"; a row of column numbers; Roman sections merged across; a "% so với NQ" column;
    a "Ghi chú" column; a tally row and footnotes."""
    header = (
        ("TT", "Chỉ tiêu", "ĐVT", "Mục tiêu Nghị quyết đến năm 2030", "Thực hiện", LEFT, "Ước TH 2026 so với NQ (%)", "Ghi chú"),
        (UP, UP, UP, UP, "Năm 2025", "Ước năm 2026", UP, UP),
        ("A", "B", "C", "(1)", "(2)", "(3)", "(4)=(3)/(1)", "D"),
    )
    body: list[tuple[object, ...]] = []
    section = -1
    for row in CAN_THO:
        if row.section != section:
            section = row.section
            mark, label, _ = SECTIONS[section]
            body.append((f"{mark}. {label}",))
        name = ("- " + row.name) if "." in row.no else row.name
        body.append((row.no if "." not in row.no else "", name, row.unit, row.printed, row.v2025, row.v2026, _pct(row), row.note))
    body.append((TALLY,))
    return Shape(ABOVE, header, tuple(body), FOOTNOTES)


def one_row_header() -> Shape:
    """One header row, "STT" and "Tên chỉ tiêu", lettered sections with their label in the name
    cell, "So sánh (%)", a "Nguồn" column; the period only in the target's header."""
    header = (("STT", "Tên chỉ tiêu", "Đơn vị tính", "Nghị quyết nhiệm kỳ 2025-2030", "Năm 2025", "Ước thực hiện năm 2026", "So sánh (%)", "Nguồn"),)
    body: list[tuple[object, ...]] = []
    section = -1
    for row in CAN_THO:
        if row.section != section:
            section = row.section
            body.append(("ABC"[section], SECTIONS[section][1], "", "", "", "", "", ""))
        body.append((row.no, row.name, row.unit, row.printed, row.v2025, row.v2026, _pct(row), row.note))
    return Shape(("BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026",), header, tuple(body))


def three_row_header() -> Shape:
    """Three header rows: "Kết quả thực hiện" over "Năm 2025" and "Năm 2026", which is over
    "Kế hoạch | Ước thực hiện | Ước TH/KH (%)"; sections "Phần I"; the title says only "mục tiêu
    đến năm 2030" (the base year is given with --base-year)."""
    header = (
        ("TT", "Chỉ tiêu", "ĐVT", "Mục tiêu đến năm 2030", "Kết quả thực hiện", LEFT, LEFT, LEFT, "Ghi chú"),
        (UP, UP, UP, UP, "Năm 2025", "Năm 2026", LEFT, LEFT, UP),
        (UP, UP, UP, UP, UP, "Kế hoạch", "Ước thực hiện", "Ước TH/KH (%)", UP),
    )
    body: list[tuple[object, ...]] = []
    section = -1
    for row in CAN_THO:
        if row.section != section:
            section = row.section
            body.append((f"Phần {SECTIONS[section][0]}: {SECTIONS[section][1].capitalize()}",))
        plan = row.value if row.value is not None else None
        ratio = round(row.v2026 / plan * 100, 2) if row.v2026 is not None and plan else None
        name = ("- " + row.name) if "." in row.no else row.name
        body.append((row.no if "." not in row.no else "", name, row.unit, row.printed, row.v2025, plan if row.kind is not Kind.COMPOSITION else None, row.v2026, ratio, row.note))
    return Shape(("PHỤ LỤC", "CÁC CHỈ TIÊU CHỦ YẾU - MỤC TIÊU ĐẾN NĂM 2030"), header, tuple(body), FOOTNOTES)


def hidden_parts() -> Shape:
    """The two-row table with a hidden working column and a hidden draft row."""
    shape = two_row_header()
    header = tuple(row[:6] + ("Số liệu tạm",) + row[6:] for row in shape.header[:2]) + (shape.header[2][:6] + ("(x)",) + shape.header[2][6:],)
    body = [row if len(row) == 1 else row[:6] + ("nháp 12,3",) + row[6:] for row in shape.body]
    body.insert(3, ("", "Chỉ tiêu nháp chưa thống nhất", "%", "xx", "abc", "", "", "", ""))
    return shape._replace(header=header, body=tuple(body), hidden_rows=(3,), hidden_columns=(6,))


SHAPES = {"two-row": two_row_header, "one-row": one_row_header, "three-row": three_row_header, "hidden": hidden_parts}


# -- writing a shape -------------------------------------------------------------------------------


def _vi(value: object) -> str:
    """A number as a Vietnamese office types it in Word: 312,62; 1.234,5; 8,3."""
    if isinstance(value, float) or isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:,.6f}".rstrip("0").rstrip(".") if not float(value).is_integer() else f"{int(value):,}"
        return text.translate(str.maketrans({",": ".", ".": ","}))
    return "" if value is None else str(value)


def _merges(header: tuple[tuple[str, ...], ...]):
    """(row, column, last row, last column) of each merged header cell."""
    for r, cells in enumerate(header):
        for c, text in enumerate(cells):
            if text in (LEFT, UP):
                continue
            right = c
            while right + 1 < len(cells) and cells[right + 1] == LEFT:
                right += 1
            down = r
            while down + 1 < len(header) and header[down + 1][c] == UP:
                down += 1
            if right > c or down > r:
                yield r, c, down, right


def write_xlsx(shape: Shape, path: Path, sheets: tuple[tuple[str, Shape], ...] = ()) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for title, one in (("Hướng dẫn", None), ("PL I", shape), *sheets):
        sheet = book.create_sheet(title)
        if one is None:
            sheet.append(["Bảng này dùng để tổng hợp số liệu; không sửa các cột có công thức."])
            continue
        width = len(one.header[0])
        for line in one.above:
            sheet.append([line])
            sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)
        top = sheet.max_row + 1
        for r, cells in enumerate(one.header):
            sheet.append([None if c in (LEFT, UP) else c for c in cells])
        for r, c, down, right in _merges(one.header):
            sheet.merge_cells(start_row=top + r, start_column=c + 1, end_row=top + down, end_column=right + 1)
        for i, cells in enumerate(one.body):
            sheet.append([None if c == "" else c for c in cells])
            if len(cells) < width:
                sheet.merge_cells(start_row=sheet.max_row, start_column=len(cells), end_row=sheet.max_row, end_column=width)
            if i in one.hidden_rows:
                sheet.row_dimensions[sheet.max_row].hidden = True
        for line in one.below:
            sheet.append([line])
        for c in one.hidden_columns:
            sheet.column_dimensions[get_column_letter(c + 1)].hidden = True
    book.save(path)


def write_docx(shape: Shape, path: Path, tables: tuple[Shape, ...] = ()) -> None:
    from docx import Document

    document = Document()
    for one in (shape, *tables):
        for line in one.above:
            document.add_paragraph(line)
        width = len(one.header[0])
        rows = len(one.header) + len(one.body)
        table = document.add_table(rows=rows, cols=width)
        for r, cells in enumerate(one.header):
            for c, text in enumerate(cells):
                if text not in (LEFT, UP):
                    table.cell(r, c).text = text
        for r, c, down, right in _merges(one.header):
            table.cell(r, c).merge(table.cell(down, right))
        for i, cells in enumerate(one.body):
            r = len(one.header) + i
            if len(cells) < width:
                for c, value in enumerate(cells[:-1]):
                    table.cell(r, c).text = str(value)
                merged = table.cell(r, len(cells) - 1).merge(table.cell(r, width - 1))
                merged.text = str(cells[-1])
                continue
            for c, value in enumerate(cells):
                cell = table.cell(r, c)
                cell.text = ""
                run = cell.paragraphs[0].add_run(_vi(value))
                if i in one.hidden_rows or c in one.hidden_columns:
                    run.font.hidden = True
        for c in one.hidden_columns:
            for r in range(len(one.header)):
                for paragraph in table.cell(r, c).paragraphs:
                    for run in paragraph.runs:
                        run.font.hidden = True
        for line in one.below:
            document.add_paragraph(line)
    document.save(str(path))


WRITERS = {"xlsx": write_xlsx, "docx": write_docx}


# -- what a person would write by hand -------------------------------------------------------------


def assert_can_tho(dataset, plan_id: str = "term-2025-2030", groups: bool = True, notes: bool = True, sources: bool = False) -> None:
    """``sources``: the table's last column is "Nguồn", the source of each row's values (#26)."""
    plan = dataset.plans[plan_id]
    assert (plan.base_year, plan.target_year) == (2025, 2030)
    rows = {row.no: row for row in plan.rows}
    names = {i.name: i for i in dataset.indicators.values()}
    assert len(dataset.indicators) == len(CAN_THO)  # no section, tally or footnote became one
    for expected in CAN_THO:
        indicator = names[expected.name]
        if expected.kind is None:  # a structure's part without a target: a row never rated (#21)
            (unrated,) = [r for r in plan.rows if r.indicator == indicator.id]
            assert (unrated.no, unrated.target.value) == ("", None), expected.name
        else:
            row = rows[expected.no]
            assert row.indicator == indicator.id
            t = row.target
            assert t.kind is expected.kind, expected.name
            if expected.kind is not Kind.COMPOSITION:
                assert (t.direction, t.strict, t.approximate, t.value, t.upper) == (
                    expected.direction, expected.strict, expected.approximate, expected.value, expected.upper
                ), expected.name
                assert t.printed == ("" if expected.printed.replace(",", ".") in (f"{expected.value:g}",) else expected.printed)
                if notes:
                    with_values = expected.v2025 is not None or expected.v2026 is not None
                    assert t.note == ("" if sources and with_values else expected.note)
        values = {p.year: (p.value, p.status.value) for p in dataset.series.get(indicator.id, ())}
        wanted = {y: (v, s) for y, v, s in ((2025, expected.v2025, "actual"), (2026, expected.v2026, "estimate")) if v is not None}
        assert values == wanted, expected.name  # the percentage column never read as 2026
        if sources:
            assert {p.source for p in dataset.series.get(indicator.id, ())} <= {expected.note}, expected.name
        if groups and "." not in expected.no:
            assert indicator.group == SECTIONS[expected.section][2]
    sub = [i for i in dataset.indicators.values() if i.parent]
    assert {i.name for i in sub} == {r.name for r in CAN_THO if "." in r.no}
    assert dataset.indicators[rows["7"].indicator].unit == "% kế hoạch"


def _import(tmp_path: Path, shape: str, suffix: str, *args: str):
    source = tmp_path / f"phu-luc-{shape}.{suffix}"
    WRITERS[suffix](SHAPES[shape](), source)
    out = tmp_path / f"{shape}-{suffix}"
    result = kpi("import", str(source), "-o", str(out), *args, lang="en")
    return result, out


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_two_row_header_with_sections_tally_footnotes_and_a_percentage_column(tmp_path, suffix):
    result, out = _import(tmp_path, "two-row", suffix)
    dataset, warnings = load.read(out)
    assert_can_tho(dataset)
    plan = dataset.plans["term-2025-2030"]
    assert plan.name == PLAN_NAME  # from the title, without "ĐẾN NĂM 2026"
    # the heading lines, kept as the settings that print them again (Nghị định 30/2020)
    assert (plan.settings.appendix, plan.settings.attached_to) == ("Phụ lục I", ABOVE[3][len("(Kèm theo "):-1])
    assert kpi("export", "--data-dir", str(out), "-o", str(tmp_path / "again.xlsx")).exit_code == 0
    from openpyxl import load_workbook

    again = [row[0] for row in load_workbook(tmp_path / "again.xlsx").worksheets[0].iter_rows(max_row=6, values_only=True)]
    assert again[0] == "Phụ lục I" and ABOVE[3] in again
    assert plan.published_summary.total == 13 and plan.published_summary.achieved_or_exceeded == 6
    population = next(i for i in dataset.indicators.values() if i.name.startswith("Quy mô dân số"))
    published = dataset.published[population.id]["term-2025-2030"][0]
    assert published.midterm_pct == pytest.approx(97.88)  # the "(4)=(3)/(1)" column: published, audited
    text = (out / "targets.yaml").read_text(encoding="utf-8")
    assert "# Under the table: Nguồn: Cục Thống kê thành phố Cần Thơ." in text
    # one thing to check: 6.4 has values but no target; nothing else
    assert result.exit_code == 5, result.stderr
    assert "kpi: 1 thing to check above" in result.stderr
    assert "'Thuế sản phẩm trừ trợ cấp sản phẩm' has values but no target" in result.stderr
    assert kpi("validate", "--data-dir", str(out)).exit_code == 0


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_one_row_header_lettered_sections_and_a_source_column(tmp_path, suffix):
    result, out = _import(tmp_path, "one-row", suffix, "--name", "Nghị quyết Đại hội Đảng bộ thành phố Cần Thơ lần thứ I")
    dataset, _ = load.read(out)
    assert_can_tho(dataset, sources=True)  # the period from the header "Nghị quyết nhiệm kỳ 2025-2030"
    exports = next(i for i in dataset.indicators.values() if i.name.startswith("Kim ngạch xuất khẩu"))
    assert [(p.year, p.source) for p in dataset.series[exports.id]] == [(2025, "Gồm dịch vụ thu ngoại tệ"), (2026, "Gồm dịch vụ thu ngoại tệ")]
    assert dataset.plans["term-2025-2030"].name == "Nghị quyết Đại hội Đảng bộ thành phố Cần Thơ lần thứ I"
    assert result.exit_code == 5 and "kpi: 1 thing to check above" in result.stderr


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_three_row_header_and_the_base_year_given(tmp_path, suffix):
    result, out = _import(tmp_path, "three-row", suffix, "--base-year", "2025", "--plan-id", "dh-2025-2030", "--name", "NQ ĐH I")
    dataset, _ = load.read(out)
    assert_can_tho(dataset, "dh-2025-2030")  # "mục tiêu đến năm 2030" is the target year
    # "Kế hoạch 2026" beside "Ước thực hiện 2026": the estimate is the year's value
    assert "Ước TH/KH" not in result.stderr  # a percentage of the annual plan: recognised, not read
    assert result.exit_code == 5 and "kpi: 1 thing to check above" in result.stderr


def test_without_a_base_year_the_first_year_column_is_a_guess_said(tmp_path):
    result, out = _import(tmp_path, "three-row", "xlsx")
    assert "kpi: the title names no base year: 2025 was taken (give --base-year)" in result.stderr
    assert load.read(out)[0].plans["term-2025-2030"].base_year == 2025


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_hidden_rows_and_columns_are_not_read_and_are_listed(tmp_path, suffix):
    result, out = _import(tmp_path, "hidden", suffix)
    dataset, _ = load.read(out)
    assert_can_tho(dataset)
    assert "a hidden row, not read: " in result.stderr
    assert "nháp" not in (out / "actuals.yaml").read_text(encoding="utf-8")


def test_several_sheets_the_first_appendix_then_the_one_named(tmp_path):
    source = tmp_path / "so-lieu.xlsx"
    annual = annual_plan()
    write_xlsx(two_row_header(), source, (("PL II", annual),))
    first = kpi("import", str(source), "-o", str(tmp_path / "a"), lang="en")
    assert "kpi: read sheet 'PL I'; the file has other tables ('PL II'): choose one with --sheet" in first.stderr
    assert_can_tho(load.read(tmp_path / "a")[0])
    second = kpi("import", str(source), "-o", str(tmp_path / "b"), "--sheet", "PL II", lang="en")
    assert second.exit_code == 0, second.stderr
    plan = load.read(tmp_path / "b")[0].plans["annual-2026"]
    assert (plan.base_year, plan.target_year) == (2025, 2026)
    bad = kpi("import", str(source), "-o", str(tmp_path / "c"), "--sheet", "PL 9", lang="en")
    assert bad.exit_code == 2 and "no sheet or table 'PL 9'; the file has: 'Hướng dẫn', 'PL I', 'PL II'" in bad.stderr


def annual_plan() -> Shape:
    """An annual plan: "Thực hiện năm 2025 | Kế hoạch năm 2026", the plan's column is its target."""
    header = (("TT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch năm 2026"),)
    body = (("1", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", 8.3, "10 - 10,5"), ("2", "Kim ngạch xuất khẩu", "Tỷ USD", 5.5, 6.2))
    return Shape(("KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026",), header, body)


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_an_annual_plan_takes_its_year_from_the_title(tmp_path, suffix):
    source = tmp_path / f"kh.{suffix}"
    WRITERS[suffix](annual_plan(), source)
    result = kpi("import", str(source), "-o", str(tmp_path / "out"), lang="en")
    assert result.exit_code == 0, result.stderr
    dataset, _ = load.read(tmp_path / "out")
    plan = dataset.plans["annual-2026"]
    assert (plan.base_year, plan.target_year) == (2025, 2026)
    growth, exports = plan.rows
    assert growth.target.kind is Kind.GROWTH and (growth.target.value, growth.target.upper) == (10, 10.5)
    assert exports.target.value == 6.2
    assert {p.year: p.value for p in dataset.series[exports.indicator]} == {2025: 5.5}


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_several_word_tables_and_the_threshold_option(tmp_path, suffix):
    source = tmp_path / f"pl.{suffix}"
    if suffix == "docx":
        write_docx(annual_plan(), source, (two_row_header(),))
        args = ("--sheet", "2")
    else:
        write_xlsx(two_row_header(), source)
        args = ()
    result = kpi("import", str(source), "-o", str(tmp_path / "out"), *args, "--threshold", "12", lang="en")
    assert result.exit_code == 5, result.stderr
    dataset, _ = load.read(tmp_path / "out")
    online = next(r for r in dataset.plans["term-2025-2030"].rows if r.no == "12")
    assert online.target.kind is Kind.THRESHOLD and online.target.strict  # "Trên 80" every year, as told


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
@pytest.mark.parametrize("layout", [
    lambda mark, label: (mark, label),  # "II" in the TT column, the title merged across the rest
    lambda mark, label: (mark + ".", label),
    lambda mark, label: ("", mark, label),  # the mark in the name column
    lambda mark, label: ("", mark + ".", label),
], ids=["tt", "tt-dot", "name", "name-dot"])
def test_a_section_mark_beside_its_title_merged_across_is_a_section(tmp_path, suffix, layout):
    shape = two_row_header()
    body = [layout(*next((m, t) for m, t, _ in SECTIONS if row[0].startswith(m + ". "))) if len(row) == 1 and row[0] != TALLY else row
            for row in shape.body]
    source = tmp_path / f"pl.{suffix}"
    WRITERS[suffix](shape._replace(body=tuple(body)), source)
    result = kpi("import", str(source), "-o", str(tmp_path / "out"), lang="en")
    assert "XÃ HỘI" not in result.stderr and "not a number" not in result.stderr
    assert_can_tho(load.read(tmp_path / "out")[0])  # no section became an indicator; every group right
    assert result.exit_code == 5 and "kpi: 1 thing to check above" in result.stderr  # 6.4 alone


def test_one_unreadable_cell_imports_everything_else_and_names_that_cell(tmp_path):
    shape = two_row_header()
    body = [list(row) for row in shape.body]
    exports = next(row for row in body if len(row) > 1 and row[0] == "4")
    exports[3], exports[5] = "8,2 (phấn đấu 9) tỷ", "khoảng sáu"
    write_xlsx(shape._replace(body=tuple(tuple(r) for r in body)), tmp_path / "pl.xlsx")
    result = kpi("import", str(tmp_path / "pl.xlsx"), "-o", str(tmp_path / "out"), lang="en")
    assert result.exit_code == 5
    lines = result.stderr.splitlines()
    assert not any("8,2 (phấn đấu 9) tỷ" in line for line in lines)  # a remark in brackets is read
    assert "kpi: sheet 'PL I' row 12, column 6: not a number: 'khoảng sáu'" in lines
    dataset, _ = load.read(tmp_path / "out")
    # every row with a target, and the structure's part without one (#21); the bad value left out
    assert len(dataset.plans["term-2025-2030"].rows) == 18
    assert kpi("validate", "--data-dir", str(tmp_path / "out")).exit_code == 0


def test_dry_run_shows_the_status_table_and_writes_nothing(tmp_path):
    source = tmp_path / "pl.docx"
    write_docx(two_row_header(), source)
    result = kpi("import", str(source), "-o", str(tmp_path / "out"), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert not (tmp_path / "out").exists()
    assert "nhiệm kỳ 2025–2030 — tính đến năm 2026" in result.stdout
    assert "Khoảng 215" in result.stdout and "Dưới 16" in result.stdout
    assert "chưa ghi gì" in result.stderr and "1 điều cần kiểm tra" in result.stderr


def new_term_forms() -> Shape:
    """A 2025–2030 table with the forms its resolution prints: a share of GRDP ("286 nghìn tỷ
    (40 % GRDP)", "chiếm", "bằng"), the growth of a level ("tăng 15 %/năm", "tăng bình quân
    trên 10 %/năm", "tăng 10 % trở lên"), and two cells kpi cannot be sure of."""
    header = (("TT", "Chỉ tiêu", "ĐVT", "Mục tiêu đến năm 2030", "Năm 2025", "Năm 2026"),)
    body = (
        ("1", "Tổng sản phẩm trên địa bàn (GRDP, giá hiện hành)", "Nghìn tỷ đồng", "Tối thiểu 717", 313, 350),
        ("2", "GRDP bình quân đầu người", "Triệu đồng", "Khoảng 215", 120, 132),
        ("3", "Tổng vốn đầu tư toàn xã hội", "Nghìn tỷ đồng", "286 nghìn tỷ (40 % GRDP)", 110, 130),
        ("4", "Vốn đầu tư công", "Nghìn tỷ đồng", "Chiếm 10 % GRDP", 30, 33),
        ("5", "Thu ngân sách nhà nước", "Tỷ đồng", "Tăng 15 %/năm", 30000, 34500),
        ("6", "Năng suất lao động", "Triệu đồng/người", "Tăng bình quân trên 10 %/năm", 150, 165),
        ("7", "Kim ngạch xuất khẩu", "Triệu USD", "Tăng 10 % trở lên", 5000, 5500),
        ("8", "Chỉ số sản xuất công nghiệp", "", "Tăng 8 %/năm", 7, 8),
        ("9", "Chi cho khoa học, công nghệ", "Tỷ đồng", "Bằng 2 % GDP", 500, 600),
        ("10", "Tỷ lệ hài lòng của người dân", "%", "80", 81, 83),  # a threshold by --threshold 10
    )
    return Shape(("CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2025 - 2030",), header, body)


def test_share_of_and_growth_of_a_level_wording_is_read(tmp_path):
    source = tmp_path / "nq.xlsx"
    write_xlsx(new_term_forms(), source)
    result = kpi("import", str(source), "-o", str(tmp_path / "out"), "--threshold", "10")
    assert result.exit_code == 5, result.stderr  # written, with things to check
    dataset, _ = load.read(tmp_path / "out")
    rows = {row.no: row.target for row in dataset.plans["term-2025-2030"].rows}
    grdp = dataset.plans["term-2025-2030"].rows[0].indicator
    assert (rows["3"].kind, rows["3"].of, rows["3"].value, rows["3"].printed) == (Kind.SHARE_OF, grdp, 40, "286 nghìn tỷ (40 % GRDP)")
    assert (rows["4"].kind, rows["4"].of, rows["4"].value) == (Kind.SHARE_OF, grdp, 10)
    assert (rows["5"].kind, rows["5"].basis.value, rows["5"].value) == (Kind.GROWTH, "level", 15)
    assert (rows["6"].kind, rows["6"].basis.value, rows["6"].value, rows["6"].strict) == (Kind.GROWTH, "level", 10, True)
    assert (rows["7"].kind, rows["7"].basis.value) == (Kind.GROWTH, "level")
    assert (rows["8"].kind, rows["8"].basis.value) == (Kind.GROWTH, "rate")  # no unit: rates, and said
    assert rows["9"].value is None  # a share of GDP, which no row is: its target left out (the row listed), and said
    said = [line for line in result.stderr.splitlines() if "dòng" in line]
    # "Tổng vốn đầu tư" written as a share of GRDP: not said to be read as a total by its name
    assert not any("dòng 5, cột 4" in line for line in said), said
    assert any("dòng 9, cột 4" in line and "'Tăng 10 % trở lên' không nói thời kỳ" in line for line in said), said
    assert any("dòng 10, cột 4" in line and "dòng không có đơn vị tính" in line for line in said), said
    assert any("dòng 11, cột 4" in line and "'Bằng 2 % GDP' là tỷ lệ so với GDP" in line for line in said), said
    # a threshold whose words do not say whether 80 must be passed: read as reached, and said
    assert (rows["10"].kind, rows["10"].strict) == (Kind.THRESHOLD, False)
    assert any("dòng 12, cột 4" in line and "không nói có phải vượt qua không" in line for line in said), said
    status = kpi("status", "--json", "--data-dir", str(tmp_path / "out"))
    assert status.exit_code == 0, status.stderr
    computed = {i["no"]: i for i in json.loads(status.stdout)["indicators"]}
    assert computed["3"]["latest"]["value"] == pytest.approx(130 / 350 * 100)  # the share of GRDP, 37,14 %
    assert computed["5"]["label"] == "Đạt"  # 30.000 → 34.500 is 15 %
    # 150 → 165 is 10 % (10,000000000000009 in floating point), not "trên 10 %"
    assert (computed["6"]["status"], computed["6"]["reason"]["code"]) == ("at_risk", "forecast_at_bound")


def test_an_annual_plans_rise_is_the_growth_over_the_year_before(tmp_path):
    """"Tăng 10 % trở lên" in the plan of 2026 for exports of 5.000 triệu USD in 2025: the growth
    of the level, over the year before; nothing to check (an annual plan's rise has its period)."""
    shape = Shape(
        ("KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026",),
        (("TT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch năm 2026"),),
        (("1", "Kim ngạch xuất khẩu", "Triệu USD", 5000, "Tăng 10 % trở lên"),),
    )
    write_xlsx(shape, tmp_path / "kh.xlsx")
    result = kpi("import", str(tmp_path / "kh.xlsx"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    kpi("record", "kim-ngach-xuat-khau", "2026", "5500", "--status", "estimate", "--data-dir", str(tmp_path / "out"))
    dataset, _ = load.read(tmp_path / "out")
    (row,) = dataset.plans["annual-2026"].rows
    assert (row.target.kind, row.target.basis.value, row.target.value) == (Kind.GROWTH, "level", 10)
    out = json.loads(kpi("status", "--json", "--data-dir", str(tmp_path / "out")).stdout)
    assert out["indicators"][0]["label"] == "Đạt"  # 5.000 → 5.500 is 10 %


def test_an_annual_plans_percent_of_plan_is_published_and_its_year_on_year_is_not(tmp_path):
    """"So sánh (%)" merged over "Ước TH/KH" and "Ước TH 2026/TH 2025" in an annual plan: the
    first is the estimate against the target (the plan), published and audited; the second a
    change against 2025, not read — not filed as the % of the target (audit said it differed)."""
    shape = Shape(
        ("KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026",),
        (
            ("TT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Năm 2026", LEFT, "So sánh (%)", LEFT),
            (UP, UP, UP, UP, "Kế hoạch 2026", "Ước TH 2026", "Ước TH/KH", "Ước TH 2026/TH 2025"),
        ),
        (
            ("1", "GRDP bình quân đầu người", "Triệu đồng", 118, "Khoảng 130", 128, 98.46, 108.47),
            ("2", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 38000, "41.200", 43000, 104.37, 113.16),
            ("3", "Kim ngạch xuất khẩu", "Triệu USD", 4000, 4200, 4280, "", 107),
        ),
    )
    write_xlsx(shape, tmp_path / "kh.xlsx")
    result = kpi("import", str(tmp_path / "kh.xlsx"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    dataset, _ = load.read(tmp_path / "out")
    published = {i: [(p.source, p.forecast_pct) for p in plans["annual-2026"]] for i, plans in dataset.published.items()}
    assert published == {"grdp-binh-quan-dau-nguoi": [("table", 98.46)], "tong-thu-ngan-sach-nha-nuoc-tren-dia-ban": [("table", 104.37)]}
    for lang, none in (("vi", "Không có sai lệch."), ("en", "No discrepancies.")):
        audit = kpi("audit", "--data-dir", str(tmp_path / "out"), lang=lang)
        assert audit.exit_code == 0 and none in audit.stdout, audit.stdout


@pytest.mark.parametrize("printed", ["Tăng 6,5–7%", "Tăng 6,5 - 7%"])
def test_a_rise_in_a_range_on_an_amount_row_is_the_growth_of_its_level(tmp_path, printed):
    """"Tăng 6,5–7%" on a row in triệu USD: the growth of the level, 6,5 to 7 % over the year
    before, as "Tăng 7%" is — not a level of 6,5 to 7 triệu USD (then 4.280 is "65.846 %")."""
    shape = Shape(
        ("KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026",),
        (("TT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Ước TH 2026"),),
        (("1", "Kim ngạch xuất khẩu", "Triệu USD", 4000, printed, 4280),),
    )
    write_xlsx(shape, tmp_path / "kh.xlsx")
    result = kpi("import", str(tmp_path / "kh.xlsx"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    dataset, _ = load.read(tmp_path / "out")
    (row,) = dataset.plans["annual-2026"].rows
    target = row.target
    assert (target.kind, target.basis.value, target.value, target.upper) == (Kind.GROWTH, "level", 6.5, 7)
    for lang, label in (("vi", "Đạt"), ("en", "Achieved")):
        out = json.loads(kpi("status", "--json", "--data-dir", str(tmp_path / "out"), lang=lang).stdout)
        (shown,) = out["indicators"]
        assert shown["label"] == label  # 4.000 → 4.280 is 7 %
        assert shown["latest"]["value"] == pytest.approx(7)  # the growth, not 65.846 % of a level
