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
        ((1, 2), "5,76", "row 2, column C: not a number as kpi reads them: '5,76'"),
        ((1, 2), "41.200", "row 2, column C: not a number as kpi reads them: '41.200' (write 41200"),
        ((1, 1), "=B3*2", "row 2, column B: a formula, not read"),
    ],
)
def test_an_unreadable_cell_is_named_and_nothing_is_written(example, tmp_path, cell, value, said):
    rows = [list(row[:3]) for row in TABLE]
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
