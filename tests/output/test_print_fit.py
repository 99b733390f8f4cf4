"""The printed documents' columns as wide as their widest value (README "Nghị định 30/2020: what
the documents follow"): in the workbook, every number cell's text as its number format shows it
fits its column by the width measure the writer lays the sheet out with (LibreOffice printed
"###" in the years' columns of a 1.000-series export, on every page); in the Word document, no
number is narrower than its column, and a table no A4 landscape page holds at 10 pt is printed in
parts that repeat the number, the name and the unit (the English appendix's figures were broken
across lines: "324,29 / 5")."""

from __future__ import annotations

import io
import re
import sys

import pytest
from openpyxl import load_workbook

from soctrang_kpi.output.formats import as_xlsx, fitting, nd30
from soctrang_kpi.output.labels import number

from ..conftest import ROOT, kpi

#: a number format as the workbook writes it: [$-42A]#,##0.00"%""*" or …_-
FORMAT = re.compile(r'^(?:\[\$-[0-9A-F]+\])?#,##0(?:\.(0+))?((?:"[^"]*")*)(_-)?$')


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """1.000 series of benchmarks/make_data.py: values past the 500th row wider than those before."""
    folder = tmp_path_factory.mktemp("large")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from make_data import generate
    finally:
        sys.path.pop(0)
    for name, text in zip(("targets.yaml", "actuals.yaml"), generate(1000)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _shown(value: float, code: str, lang: str) -> str:
    """A number cell's text as its format shows it (the space its "_-" leaves aside)."""
    found = FORMAT.match(code)
    assert found, code
    decimals = len(found.group(1) or "")
    quoted = "".join(re.findall(r'"([^"]*)"', found.group(2)))
    return number(value, lang, decimals) + quoted


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("data", ["bundled", "large"])
def test_every_number_cell_fits_its_column(data, lang, large, tmp_path):
    out = tmp_path / "out.xlsx"
    options = ["--data-dir", str(large)] if data == "large" else []
    result = kpi("export", *options, "-o", str(out), "--lang", lang)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(io.BytesIO(out.read_bytes())).worksheets[0]
    widths = {letter: d.width for letter, d in sheet.column_dimensions.items()}
    checked = 0
    for row in sheet.iter_rows(min_row=6):
        for cell in row:
            if type(cell.value) not in (int, float) or cell.number_format == "General":
                continue
            text = _shown(cell.value, cell.number_format, lang)
            points = cell.font.sz
            room = widths[cell.column_letter] * as_xlsx.UNIT_MM
            need = fitting.tight(fitting.text_mm(text, points, bold=bool(cell.font.b)), as_xlsx.NUMBER_PAD_MM)
            assert need <= room + 1e-6, (cell.coordinate, text, need, room)
            checked += 1
    assert checked > (9_000 if data == "large" else 200)


def test_a_sheet_too_wide_for_its_page_prints_in_parts_repeating_its_first_columns(large, tmp_path):
    """At 100 % and 10–11 pt, never scaled: the columns past the page's width on the next pages,
    TT, the name and the unit repeated at their left, each part within the decree's margins."""
    out = tmp_path / "out.xlsx"
    assert kpi("export", "--data-dir", str(large), "-o", str(out)).exit_code == 0
    book = load_workbook(io.BytesIO(out.read_bytes()))
    sheet = book.worksheets[0]
    assert sheet.print_title_cols == "$A:$C" and sheet.print_title_rows == "$5:$6"
    assert sheet.page_setup.fitToWidth is None and not sheet.sheet_properties.pageSetUpPr.fitToPage
    breaks = [b.id for b in sheet.col_breaks.brk]
    assert len(breaks) == 1
    widths = [sheet.column_dimensions[chr(65 + n)].width * as_xlsx.UNIT_MM for n in range(sheet.max_column)]
    usable = nd30.usable_mm(True)
    for part in (widths[:breaks[0]], widths[:3] + widths[breaks[0]:]):
        assert sum(part) <= usable * as_xlsx.ROOM + 0.1
    # each part on pages of its own: the first with the heading block, the second from its header
    # (the heading block, merged over the first part's columns, printed beside the second's was
    # cut at the edge of the repeated columns: "KẾT QUẢ THỰ"); the lines under the table, each
    # one line in the repeated columns, with both
    last, end = sheet.max_row, sheet.max_column
    name = "'Chỉ tiêu'"
    assert sheet.print_area == (
        f"{name}!$A$1:${chr(64 + breaks[0])}${last},{name}!${chr(65 + breaks[0])}$5:${chr(64 + end)}${last}"
    )


def test_a_sheet_on_one_page_names_no_print_area(tmp_path):
    """A table the page holds (the example's scorecard): printed whole, as before (no print
    area, no column break, no print-title columns)."""
    out = tmp_path / "out.xlsx"
    assert kpi("export", "--data-dir", str(ROOT / "docs" / "example-territory"), "-o", str(out), "--scorecard").exit_code == 0
    sheet = load_workbook(io.BytesIO(out.read_bytes())).worksheets[0]
    assert not sheet.print_area and not sheet.col_breaks.brk and not sheet.print_title_cols


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_number_in_the_docx_is_narrower_than_its_column(lang, tmp_path):
    """The bundled appendix in English needs more than an A4 landscape page at 10 pt: in two
    tables, the second "Appendix (continued)", every figure whole in its column."""
    from docx import Document as WordDocument
    from docx.shared import Mm

    out = tmp_path / "out.docx"
    assert kpi("export", "-o", str(out), "--lang", lang).exit_code == 0
    word = WordDocument(str(out))
    tables = [t for t in word.tables if t.rows[0].cells[0].text in ("TT", "No", "Appendix (continued)")]
    assert len(tables) == (2 if lang == "en" else 1)
    if lang == "en":  # the second part says it continues the first, in its first row
        assert tables[1].rows[0].cells[0].text == "Appendix (continued)" and tables[1].rows[1].cells[0].text == "No"
    figure = re.compile(r"^-?[\d.,]+%?\*?$")
    checked = 0
    for table in tables:
        widths = [column.width / Mm(1) for column in table.columns]
        usable = nd30.usable_mm(True)
        assert sum(widths) <= usable + 0.1
        for row in table.rows:  # the header's cells are centred, a number's right-aligned
            for cell, width in zip(row.cells, widths):
                text = cell.text
                if not figure.match(text) or cell.paragraphs[0].alignment != 2:
                    continue
                points = 10.0 if any(p.style.name.endswith(" 10") for p in cell.paragraphs) else 11.0
                bold = any(r.bold for r in cell.paragraphs[0].runs)
                assert fitting.tight(fitting.text_mm(text, points, bold)) <= width + 1e-6, (text, width)
                checked += 1
    assert checked > 200


def test_a_docx_in_parts_imports_as_one_table(tmp_path):
    """The second part ("Appendix (continued)") is no other table to choose between: the
    English appendix of the bundled data, in two parts, imports without a word."""
    out = tmp_path / "out.docx"
    assert kpi("export", "-o", str(out), "--lang", "en").exit_code == 0
    result = kpi("import", str(out), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0 and "--sheet" not in result.stderr, result.stderr


def test_a_table_that_says_it_continues_another_has_no_header_of_its_own():
    from soctrang_kpi.files.appendix_layout import find_header

    header = ["TT", "Chỉ tiêu", "ĐVT", "Lộ trình 2024"]
    assert find_header([header, ["1", "GRDP", "%", "7"]]) == (0, 0, None)
    assert find_header([["Phụ lục I (tiếp theo)"] * 4, header, ["1", "GRDP", "%", "7"]]) is None
    assert find_header([["Appendix (continued)", None, None, None], header]) is None


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_widest_printed_number_is_that_of_every_row_s_text(lang, large):
    """fitting.widest_printed writes out only the largest number of each kind: the same widths
    as every row's printed text measured."""
    from soctrang_kpi.core.audit import dated_audit
    from soctrang_kpi.core.evaluate import evaluate
    from soctrang_kpi.files import load
    from soctrang_kpi.output.labels import Lang
    from soctrang_kpi.output.views import appendix_document

    for folder in (ROOT, large):
        dataset, _ = load.read(folder)
        plan = next(iter(dataset.plans))
        result = evaluate(dataset, plan)
        doc = appendix_document(result, dated_audit(result, dataset), dataset, Lang(lang))
        table = doc.table("appendix")
        rows = [row for row in table.rows if not row.section]
        every = [
            fitting.shape_mm((fitting.printed_shape(fitting.printed_text(row, i, c, doc)), row.heading) for row in rows)
            if c.numeric or c.key == "no" else None
            for i, c in enumerate(table.columns)
        ]
        assert fitting.widest_printed(table, doc) == every
