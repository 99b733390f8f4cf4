"""Contract: what openpyxl and python-docx raise for a file that is not what it claims to be,
read as one ``Unreadable`` with a reason of the catalogue (soctrang_kpi/compat/ooxml.py,
workbook.py, worddoc.py)."""

import zipfile

import pytest

from soctrang_kpi.compat import workbook, worddoc
from soctrang_kpi.compat.ooxml import Unreadable, check_kind
from soctrang_kpi.messages import CATALOG


def _not_zip(path):
    path.write_bytes(b"TT;Chi tieu\n1;GRDP\n")


def _empty_zip(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "no package parts")


def _damaged_xml(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types><unclosed")


OPENERS = {"xlsx": workbook.opened, "docx": worddoc.opened}


@pytest.mark.parametrize("suffix", sorted(OPENERS))
@pytest.mark.parametrize(
    ("make", "reasons"),
    [
        (_not_zip, {"import.why.not_zip"}),
        (_empty_zip, {"import.why.missing_part"}),
        (_damaged_xml, {"import.why.damaged_xml", "import.why.damaged", "import.why.missing_part", "import.why.not_package", "import.why.not_zip"}),
    ],
    ids=["not-a-zip", "zip-without-parts", "damaged-xml"],
)
def test_a_broken_package_is_unreadable_with_a_reason_of_the_catalogue(tmp_path, suffix, make, reasons):
    path = tmp_path / f"broken.{suffix}"
    make(path)
    with pytest.raises(Unreadable) as caught:
        with OPENERS[suffix](path) as opened:
            list(getattr(opened, "worksheets", None) or opened.tables)
    assert caught.value.reason in reasons
    assert caught.value.reason in CATALOG


def test_the_missing_part_is_named(tmp_path):
    path = tmp_path / "parts.xlsx"
    _empty_zip(path)
    with pytest.raises(Unreadable) as caught:
        with workbook.opened(path):
            pass
    assert caught.value.fields == {"part": "'[Content_Types].xml'"}


def test_a_workbook_keeps_formulas_as_text_and_number_formats(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Chỉ tiêu"
    sheet["A1"] = "=B1*2"
    sheet["B1"] = 7.1
    sheet["B1"].number_format = '0.00"*"'
    book.save(tmp_path / "book.xlsx")
    with workbook.opened(tmp_path / "book.xlsx") as opened:
        assert [s.title for s in opened.worksheets] == ["Chỉ tiêu"]
        cells = [cell for row in opened.worksheets[0].iter_rows() for cell in row]
    assert (cells[0].value, cells[0].data_type) == ("=B1*2", "f")
    assert (cells[1].value, cells[1].number_format) == (7.1, '0.00"*"')


def test_a_merged_word_cell_repeats_its_text_in_every_column_it_spans(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph("Phụ lục")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Thực hiện"
    document.save(str(tmp_path / "doc.docx"))
    with worddoc.opened(tmp_path / "doc.docx") as opened:
        body = [child.tag.rsplit("}", 1)[-1] for child in opened.element.body.iterchildren()]
        rows = [[cell.text for cell in row.cells] for row in opened.tables[0].rows]
    assert body[:2] == ["p", "tbl"]
    assert rows[0] == ["", "Thực hiện", "Thực hiện"]


def _word_document(path):
    from docx import Document

    document = Document()
    document.add_paragraph("Phụ lục I")
    document.save(str(path))


def _workbook(path):
    from openpyxl import Workbook

    Workbook().save(path)


@pytest.mark.parametrize(("make", "named", "reason"), [
    (_word_document, "renamed.xlsx", "import.why.is_docx"),  # openpyxl: "File contains no valid workbook part"
    (_workbook, "renamed.docx", "import.why.is_xlsx"),  # python-docx: a ValueError
], ids=["word-as-xlsx", "excel-as-docx"])
def test_a_package_of_the_other_kind_is_said_as_what_it_is(tmp_path, make, named, reason):
    path = tmp_path / named
    make(path)
    with pytest.raises(Unreadable) as caught:
        with OPENERS[named.rsplit(".", 1)[1]](path) as opened:
            list(getattr(opened, "worksheets", None) or opened.tables)
    assert caught.value.reason == reason and reason in CATALOG
    with zipfile.ZipFile(path) as package:  # the same check on a package already open (kpi import's guard)
        with pytest.raises(Unreadable):
            check_kind(package, named.rsplit(".", 1)[1])
        check_kind(package, "docx" if named.endswith(".xlsx") else "xlsx")  # what it is: no error
