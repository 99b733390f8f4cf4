"""`kpi import TABLE --areas`: an area-by-indicator table into actuals.csv, every unreadable
cell named by its row and column (README "Territory")."""

import shutil

import pytest

from soctrang_kpi.core.model import PointStatus
from soctrang_kpi.files import import_areas, load

from ..conftest import ROOT, kpi, kpi_en

EXAMPLE = ROOT / "docs" / "example-territory"


@pytest.fixture
def example(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(EXAMPLE / name, folder / name)
    return folder


def _xlsx(path, rows):
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


TABLE = [
    ["Đơn vị", "Thu ngân sách trên địa bàn", "urbanisation", "3"],  # by name, by id, by number ("3" is urbanisation too)
    ["Xã Vị Thủy", 99.5, 18.5, None],
    ["xa-long-phu", 140, "32.25", None],
]


def test_a_table_of_areas_becomes_actuals_csv(example, tmp_path):
    table = _xlsx(tmp_path / "xa.xlsx", [row[:3] for row in TABLE])
    result = kpi("import", str(table), "--areas", "--period", "2027", "--status", "estimate", "-o", str(example))
    assert result.exit_code == 0, result.stderr
    assert "4 giá trị của 2 đơn vị, kỳ 2027" in result.stderr
    data, _warnings = load.read(example)
    assert data.by_area["xa-vi-thuy"]["budget-revenue"][-1].value == 99.5
    assert data.by_area["xa-long-phu"]["urbanisation"][-1].value == 32.25
    assert data.by_area["xa-long-phu"]["urbanisation"][-1].status is PointStatus.ESTIMATE
    again = kpi_en("import", str(table), "--areas", "--period", "2027", "--status", "estimate", "-o", str(example))
    # nothing twice, nothing written: said by the table's cell, the file's own line named
    assert again.exit_code == 2 and "row 2, column B: " in again.stderr and "actuals.csv:2 already gives this value: change it there" in again.stderr
    assert "actuals.csv:6" not in again.stderr  # a line the file on disk does not have
    assert (example / "actuals.csv").read_text(encoding="utf-8").count("\n") == 5


@pytest.mark.parametrize(
    "cell, value, said",
    [
        ((0, 1), "Thu ngân sách", "row 1, column B: no indicator has the id, name or number 'Thu ngân sách'"),
        ((2, 0), "Xã Vị Thủy cũ", "row 3, column A: no area has the id or name 'Xã Vị Thủy cũ'"),
        ((1, 2), "32,800", "row 2, column C: not a number as kpi reads them: '32,800' (write 32800 for thousands or 32.8 for the decimal"),
        ((1, 2), "41.200", "row 2, column C: not a number as kpi reads them: '41.200' (write 41200"),
        ((1, 2), "5,7.6", "row 2, column C: not a number as kpi reads them: '5,7.6'"),
        ((1, 1), "=B3*2", "row 2, column B: a formula, not read"),
    ],
)
def test_an_unreadable_cell_is_named_and_nothing_is_written(example, tmp_path, cell, value, said):
    rows = [list(row[:3]) for row in TABLE]
    rows[2][2] = 32.25  # a number cell: no text says how the table writes numbers (README "Two readings of a number")
    rows[cell[0]][cell[1]] = value
    table = _xlsx(tmp_path / "xa.xlsx", rows)
    result = kpi_en("import", str(table), "--areas", "--period", "2027", "--status", "estimate", "-o", str(example))
    assert result.exit_code == 2
    assert said in result.stderr and "nothing was written" in result.stderr
    assert not (example / "actuals.csv").exists()


def test_period_and_status_are_required(example, tmp_path):
    table = _xlsx(tmp_path / "xa.xlsx", [row[:3] for row in TABLE])
    result = kpi_en("import", str(table), "--areas", "--period", "2027", "-o", str(example))
    assert result.exit_code == 2 and "--areas needs --period" in result.stderr


def test_rows_keep_the_column_order_of_an_existing_file(example):
    existing = "area,indicator,period,value,status\nxa-vi-thuy,budget-revenue,2028,1,plan\n"
    text = import_areas.csv_text(existing, (("budget-revenue", "xa-long-phu", "2028", "2", "plan", ""),))
    assert text == existing + "xa-long-phu,budget-revenue,2028,2,plan\n"
    assert import_areas.letters(0) == "A" and import_areas.letters(27) == "AB"


@pytest.mark.parametrize("period", ["2027-06", "2027-Q2"])
def test_a_month_or_a_quarter_of_areas_is_refused_as_record_refuses_it(example, tmp_path, period):
    table = _xlsx(tmp_path / "xa.xlsx", [row[:3] for row in TABLE])
    result = kpi_en("import", str(table), "--areas", "--period", period, "--status", "estimate", "-o", str(example))
    assert result.exit_code == 2
    assert f"--areas --period '{period}': values of months and quarters are the territory's only" in result.stderr
    assert "(--period 2027)" in result.stderr
    assert not (example / "actuals.csv").exists()


@pytest.mark.parametrize("sep", [";", "\t", ","])
def test_a_csv_saved_by_a_vietnamese_excel_is_read_by_its_own_separator(example, tmp_path, sep):
    table = tmp_path / "xa.csv"
    lines = ["Đơn vị", "Thu ngân sách trên địa bàn", "urbanisation"], ["Xã Vị Thủy", "101", "18.5"], ["xa-long-phu", "140", ""]
    table.write_text("\ufeff" + "\r\n".join(sep.join(line) for line in lines) + "\r\n", encoding="utf-8")
    result = kpi("import", str(table), "--areas", "--period", "2027", "--status", "estimate", "-o", str(example))
    assert result.exit_code == 0, result.stderr
    data, _warnings = load.read(example)
    assert data.by_area["xa-vi-thuy"]["budget-revenue"][-1].value == 101
    assert data.by_area["xa-vi-thuy"]["urbanisation"][-1].value == 18.5
    assert data.by_area["xa-long-phu"]["budget-revenue"][-1].value == 140
    assert import_areas.separator("Đơn vị") == ","  # one column: nothing to tell, the standard's


def test_a_control_character_in_a_cell_is_said_not_the_decimal_point(example, tmp_path):
    table = tmp_path / "xa.csv"
    table.write_text("Đơn vị,Thu ngân sách trên địa bàn\nXã Vị Thủy,1\x002\n", encoding="utf-8")
    result = kpi_en("import", str(table), "--areas", "--period", "2027", "--status", "estimate", "-o", str(example))
    assert result.exit_code == 2 and not (example / "actuals.csv").exists()
    assert "row 2, column B: not a number as kpi reads them: '1\\x002' (the cell holds a control character, U+0000" in result.stderr
    assert "decimal point" not in result.stderr


@pytest.mark.parametrize("cells, read", [
    # the English way ("32.25" only English writing reads): "32,800" is 32800; "41.200" is 41,2
    # where no number groups thousands with a comma and another has three decimals ("0.745")
    ({(1, 1): "32,800", (2, 2): "32.25"}, {("xa-vi-thuy", "budget-revenue"): 32800, ("xa-long-phu", "urbanisation"): 32.25}),
    ({(1, 2): "41.200", (2, 2): "0.745"}, {("xa-vi-thuy", "urbanisation"): 41.2, ("xa-long-phu", "urbanisation"): 0.745}),
    # the Vietnamese way ("5,76", "1.234,5"): "41.200" is 41200, "5,76" 5,76
    ({(1, 1): "41.200", (2, 1): "1.234,5", (1, 2): "5,76", (2, 2): "32,25"},
     {("xa-vi-thuy", "budget-revenue"): 41200, ("xa-long-phu", "budget-revenue"): 1234.5, ("xa-vi-thuy", "urbanisation"): 5.76}),
])
def test_a_table_of_areas_is_read_the_way_it_writes_numbers(example, tmp_path, cells, read):
    """A table of areas typed as text, one way: its numbers that read two ways are read that way
    (they were refused, whatever the table)."""
    rows = [list(row[:3]) for row in TABLE]
    for (r, c), text in cells.items():
        rows[r][c] = text
    result = kpi_en("import", str(_xlsx(tmp_path / "xa.xlsx", rows)), "--areas", "--period", "2027", "--status", "estimate", "-o", str(example))
    assert result.exit_code == 0, result.stderr
    data, _warnings = load.read(example)
    for (area, ident), value in read.items():
        assert data.by_area[area][ident][-1].value == value


def test_a_table_of_areas_written_both_ways_reads_no_number_that_reads_two_ways(example, tmp_path):
    rows = [list(row[:3]) for row in TABLE]
    rows[1][1], rows[1][2], rows[2][1] = "5,76", "41.200", "140.5"
    result = kpi_en("import", str(_xlsx(tmp_path / "xa.xlsx", rows)), "--areas", "--period", "2027", "--status", "estimate", "-o", str(example))
    assert result.exit_code == 2 and not (example / "actuals.csv").exists()
    assert (
        "row 2, column C: 'urbanisation': '41.200' reads two ways in a table that writes numbers both the Vietnamese way"
        " ('5,76', row 2) and the English way ('140.5', row 3): 41,200 (the Vietnamese way) or 41.2 (the English way)"
    ) in result.stderr
