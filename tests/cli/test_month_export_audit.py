"""`kpi export` of an annual plan's report within its year carries the audit as the yearly
appendix does (README "Reports to hand in"): what `kpi audit --as-of` the report's period finds —
the monthly report's published % KH năm, so cùng kỳ and ước cả năm against the figures of that
period — in md, html and xlsx unless `--without-audit`, in the docx with `--with-audit`."""

from pathlib import Path

import pytest

from ..conftest import kpi
from .test_month_report import example  # noqa: F401 (the example-periods folder, a fixture)

#: the example's published 6-month figure that differs (budget revenue, so cùng kỳ 4,5 printed, 4,17 computed)
FINDING = ("So cùng kỳ 2024-06", "4,50", "4,17")
ROW = "| 4 | Thu ngân sách nhà nước trên địa bàn | So cùng kỳ 2024-06 | báo cáo tháng | 4,50 | 4,17 |  |"


def _export(folder: Path, ext: str, *options: str) -> Path:
    made = folder / "-".join(("out",) + options).replace("--", "")
    made.mkdir(exist_ok=True)
    out = made / f"bao-cao.{ext}"
    result = kpi("export", "-o", str(out), "--data-dir", str(folder), *options)
    assert result.exit_code == 0, result.stderr
    return out


def _docx_texts(path: Path) -> list[list[str]]:
    from docx import Document

    return [[cell.text for cell in row.cells] for table in Document(str(path)).tables for row in table.rows]


def test_the_audit_export_finds_what_kpi_audit_finds(example):
    """The premise: `kpi audit --as-of 2024-06` finds the one difference the exports must carry."""
    result = kpi("audit", "--as-of", "2024-06", "--data-dir", str(example), "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert ROW in result.stdout.splitlines()


@pytest.mark.parametrize("as_of", [(), ("--as-of", "2024-06"), ("--as-of", "2024-Q2")])
def test_markdown_carries_the_audit_unless_told(example, as_of):
    text = _export(example, "md", *as_of).read_text(encoding="utf-8")
    report, audit = text.split("### Sai lệch giữa số liệu công bố và số tính lại")
    assert "Lũy kế 6 tháng" in report
    assert ROW in audit.splitlines()
    without = _export(example, "md", *as_of, "--without-audit").read_text(encoding="utf-8")
    assert without.rstrip("\n") == report.rstrip("\n")


def test_the_audit_is_the_reports_own_period(example):
    """As of May the 6-month report's published figures are not this report's: no finding, said so."""
    text = _export(example, "md", "--as-of", "2024-05").read_text(encoding="utf-8")
    audit = text.split("### Sai lệch giữa số liệu công bố và số tính lại")[1]
    assert "Không có sai lệch." in audit and "4,50" not in audit


def test_html_carries_the_audit(example):
    text = _export(example, "html").read_text(encoding="utf-8")
    audit = text.split("<h2>Sai lệch giữa số liệu công bố và số tính lại</h2>")[1]
    for cell in FINDING:
        assert f">{cell}</td>" in audit
    assert "Sai lệch" not in _export(example, "html", "--without-audit").read_text(encoding="utf-8")


def test_xlsx_has_a_second_sheet_with_the_audit(example):
    from openpyxl import load_workbook

    book = load_workbook(_export(example, "xlsx"))
    assert book.sheetnames == ["Chỉ tiêu", "Kiểm tra", "kpi-data"]
    rows = [list(r) for r in book["Kiểm tra"].iter_rows(values_only=True)]
    found = next(r for r in rows if r and r[2] == FINDING[0])
    assert found[:2] == ["4", "Thu ngân sách nhà nước trên địa bàn"] and found[4:6] == [4.5, 4.166667]
    assert load_workbook(_export(example, "xlsx", "--without-audit")).sheetnames == ["Chỉ tiêu", "kpi-data"]


def test_docx_adds_the_audit_with_audit(example):
    assert not any(FINDING[0] in row for row in _docx_texts(_export(example, "docx")))
    rows = _docx_texts(_export(example, "docx", "--with-audit"))
    found = next(r for r in rows if FINDING[0] in r)
    assert found[found.index(FINDING[0]):][2:4] == list(FINDING[1:])  # (its source between)


def test_the_export_with_its_audit_is_read_back_by_import_as_without(example, tmp_path):
    """The audit's sheet and table are not the report's: `kpi import` reads back what it reads of
    the export without them."""
    for ext, options in (("xlsx", ()), ("docx", ("--with-audit",))):
        read = []
        for given in (options, ("--without-audit",)):
            out = tmp_path / f"back-{ext}-{len(read)}"
            result = kpi("import", str(_export(example, ext, *given)), "-o", str(out))
            assert result.exit_code == 0, result.stderr
            read.append([(out / name).read_text(encoding="utf-8") for name in ("targets.yaml", "actuals.yaml")])
        assert read[0] == read[1] and "budget-revenue" in read[0][1]
