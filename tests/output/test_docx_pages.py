"""The Word appendix's pages: the lines under the table (the note on estimates, the counts line)
stay on the page of the table's last rows, never alone on a page of their own."""

import docx
from docx.text.paragraph import Paragraph

from soctrang_kpi.output.formats import as_docx

from ..conftest import kpi


def _kept(paragraph) -> bool:
    return bool(paragraph.paragraph_format.keep_with_next)


def _after_first_table(document) -> list[Paragraph]:
    """The paragraphs between the first table and the next table or section's end."""
    body = document.element.body
    table = body.find(".//{*}tbl")
    out = []
    for element in table.itersiblings():
        if element.tag.endswith("}p"):
            out.append(Paragraph(element, document._body))
            if element.find(".//{*}sectPr") is not None:
                break
        elif element.tag.endswith("}tbl"):
            break
    return out


def test_the_counts_line_keeps_with_the_last_rows_of_the_table(tmp_path):
    assert kpi("export", "-o", str(tmp_path / "a.docx")).exit_code == 0
    document = docx.Document(tmp_path / "a.docx")
    rows = document.tables[0].rows
    # Word keeps a row whose paragraphs are "keep with next" on the page of what follows it: the
    # last two rows go with the lines under the table
    for row in rows[-2:]:
        assert all(_kept(p) for cell in row.cells for p in cell.paragraphs), row.cells[0].text
    before = rows[-3]
    assert before.cells[0].text == "22.1" and not any(_kept(p) for cell in before.cells for p in cell.paragraphs)
    below = [p for p in _after_first_table(document) if p.text]
    assert [p.text for p in below] == ["(*) Số liệu ước tính.", below[-1].text] and below[-1].text.startswith("23 chỉ tiêu:")
    assert _kept(below[0]) and not _kept(below[-1])  # the note with the counts line; the counts line ends it
    assert as_docx.KEPT_ROWS == 2


def test_a_table_with_nothing_under_it_keeps_no_row(tmp_path):
    """The audit's table (``--with-audit``) has no counts line: its rows flow as they fall."""
    assert kpi("export", "-o", str(tmp_path / "a.docx"), "--with-audit").exit_code == 0
    document = docx.Document(tmp_path / "a.docx")
    assert len(document.tables) == 2
    audit = document.tables[1].rows
    assert not any(_kept(p) for row in audit[2:] for cell in row.cells for p in cell.paragraphs)
