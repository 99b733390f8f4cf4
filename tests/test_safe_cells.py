"""Hostile text stays text in every format: no formula in xlsx or csv, no markup in Markdown or
HTML, no escape sequence on a terminal, nothing that breaks the XML of a docx."""

import csv
import io
import zipfile

import openpyxl
import pytest

from soctrang_kpi.output.document import Style
from soctrang_kpi.output.formats import Format, formatter, render
from soctrang_kpi.output.labels import Lang
from soctrang_kpi.output.safe import csv_text, markdown_text, terminal_text
from soctrang_kpi.output.views import appendix_document

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "@SUM(1)",
    "<script>alert(1)</script>",
    "[/bold]",
    "\x1b[31mred",
    "+1+1",
    "-1+1",
    "|a|b|",
    "# heading & `code`",
]


@pytest.fixture(scope="module")
def hostile(term, review, dataset):
    """The bundled appendix with hostile names on its first rows and a hostile note."""
    doc = appendix_document(term, review, dataset, Lang.VI)
    appendix, audit = doc.tables
    rows = list(appendix.rows)
    top = [i for i, row in enumerate(rows) if not row.depth and not row.heading]  # names without "- "
    for i, name in zip(top, HOSTILE):
        rows[i] = rows[i]._replace(cells=(rows[i].cells[0], name, *rows[i].cells[2:]))
    notes = [r._replace(cells=(*r.cells[:-1], "=1+1")) for r in audit.rows]
    return doc._replace(tables=(appendix._replace(rows=tuple(rows)), audit._replace(rows=tuple(notes))))


def test_xlsx_has_no_formula_and_keeps_the_text(hostile):
    book = openpyxl.load_workbook(io.BytesIO(formatter(Format.XLSX).file(hostile)))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value is not None]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    values = {c.value for c in cells}
    assert '=HYPERLINK("http://x","y")' in values and "@SUM(1)" in values and "=1+1" in values
    assert "?red" in values  # the escape character cannot be stored in xlsx: it is replaced
    assert any(isinstance(c.value, float) and c.value < 0 for c in cells)  # numbers stay numbers


def test_csv_prefixes_what_a_spreadsheet_would_run(hostile):
    data = formatter(Format.CSV).file(hostile).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    names = [row[1] for row in rows[1:]]
    assert names[:2] == ["'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(1)"]
    assert "'+1+1" in names and "'-1+1" in names and "<script>alert(1)</script>" in names
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    assert "-2.98" in data.split(",")  # a negative number stays a number
    assert csv_text("-2.98") == "-2.98" and csv_text("\t=1") == "'\t=1"
    assert csv_text("-") == "-" and csv_text("- Khu vực I") == "'- Khu vực I"  # a missing figure stays "-"


def test_markdown_escapes_markup(hostile):
    text = render(hostile, Format.MARKDOWN)
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\x1b" not in text
    appendix = text.split("\n\n")[2].splitlines()  # after the two title lines (the title once): the table
    pipes = appendix[0].count("|")  # the header: one more than the columns
    assert len(appendix) == 2 + 51 and all(line.count("|") - line.count("\\|") == pipes for line in appendix)
    assert markdown_text("# heading & `code`") == "\\# heading &amp; \\`code\\`"


def test_terminal_table_has_no_escape_sequence_and_no_markup(hostile):
    text = render(hostile, Format.TABLE, Style(color=False, width=200))
    assert "\x1b" not in text
    assert "[/bold]" in text and "?red" in text
    coloured = render(hostile, Format.TABLE, Style(color=True, width=200))
    assert "\x1b[31mred" not in coloured  # Rich colours rows itself, the name cannot
    assert terminal_text("a\x1b]8;;http://x\x07b\x1b[2Jc\x00d\x85") == "a?b?c?d?"


def test_html_escapes_everything(hostile):
    page = render(hostile, Format.HTML)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_docx_is_valid_with_the_text_as_typed(hostile):
    from docx import Document as WordDocument

    data = formatter(Format.DOCX).file(hostile)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert "\x1b" not in xml and "<script>" not in xml
    text = "\n".join(c.text for t in WordDocument(io.BytesIO(data)).tables for r in t.rows for c in r.cells)
    assert '=HYPERLINK("http://x","y")' in text and "<script>alert(1)</script>" in text and "?red" in text


def test_code_points_xml_cannot_hold_become_question_marks_in_docx_and_xlsx(hostile):
    """YAML's "\\uFFFE" is a legal name; XML 1.0 cannot hold it: both files are written, with "?"."""
    from docx import Document as WordDocument

    assert terminal_text("a\ufffeb\uffffc\ud800d") == "a?b?c?d"
    appendix, audit = hostile.tables
    first = appendix.rows[0]
    named = hostile._replace(tables=(appendix._replace(rows=(first._replace(cells=(first.cells[0], "x\ufffey", *first.cells[2:])),)), audit))
    book = openpyxl.load_workbook(io.BytesIO(formatter(Format.XLSX).file(named)))
    assert "x?y" in {c.value for row in book.worksheets[0].iter_rows() for c in row}
    word = WordDocument(io.BytesIO(formatter(Format.DOCX).file(named)))
    assert "x?y" in {c.text for t in word.tables for r in t.rows for c in r.cells}
