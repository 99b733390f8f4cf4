"""docx: the appendix as a province hands it in (python-docx).

A4 landscape, Times New Roman, a title block (the plan and the as-of year), the published
appendix's two-row header (groups such as "Thực hiện" merged over their years, the other headers
spanning both rows) repeated on every page, sub-rows indented, estimates marked "*" with a note
under the table, numbers in the language's format (5,76 and 417.000 in Vietnamese), the counts
line; then, when the document holds them, the other tables (the audit) each on a page of its own.

Columns are laid out by what they hold (``Column.key``, ``numeric``, ``wrap``), so a column added
to the appendix appears without code here. Every text goes through safe.terminal_text: a control
character is not valid in the XML of a .docx and never reaches it.
"""

from __future__ import annotations

import io
import re

from ..document import Column, Document, Row, Style, Table, marked_text, name_text, row_cell_text
from ..labels import word
from ..safe import terminal_text
from . import Formatter

FONT = "Times New Roman"
BODY_PT = 13  # the body size of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP)
# The table is set smaller: the appendix has 15 columns and, at 13 pt, the name column of an A4
# landscape page would be about 30 mm wide; at 11 pt it keeps about 60 mm.
TABLE_PT = 11
LINE_PT = TABLE_PT * 1.15  # a line of table text (Times' line spacing)
PAGE_MM = (297.0, 210.0)  # A4 landscape
MARGINS_MM = {"top": 15.0, "bottom": 15.0, "left": 20.0, "right": 12.0}
CELL_PAD_MM = 1.0  # left and right padding inside a cell
NAME_MIN_MM = 38.0
TEXT_MAX_MM = {"unit": 14.0, "assessment": 17.0, "pace": 26.0}  # text columns that wrap beyond this width
OTHER_TEXT_MAX_MM = 45.0
#: text columns that give way no further than this: "Đúng tiến độ" and "Cần tăng tốc" on one line
TEXT_MIN_MM = {"pace": 22.0}
NUMBER_MIN_MM = 11.0
SAFETY = 1.03  # text_mm is an estimate: a number's column gets this much more than it measures
WIDTH_SAMPLE = 500  # widths are measured on the first rows only


def text_mm(text: str, points: float, bold: bool = False) -> float:
    """The printed width of a text in Times New Roman, from the widths of its kinds of
    characters (digits are half an em): close enough to size a column."""
    em = 0.0
    for char in text:
        if char.isdigit() or char in "*-–":
            em += 0.5
        elif char in ".,:;' ()":
            em += 0.27
        elif char.isupper() or char in "%@":
            em += 0.7
        else:
            em += 0.46
    return em * points * 0.3528 * (1.06 if bold else 1.0)


class DocxFormatter(Formatter):
    binary = True

    def text(self, doc: Document, style: Style) -> str:
        raise TypeError("docx is a binary format")

    def file(self, doc: Document) -> bytes:
        from docx import Document as WordDocument

        word_doc = WordDocument()
        _page_setup(word_doc)
        _styles(word_doc)
        main = doc.table("appendix") or (doc.tables[0] if doc.tables else None)
        lang = doc.lang
        title = doc.title or (main.title if main else "")
        _paragraph(word_doc, word("report_title", lang).upper(), bold=True, centre=True, size=BODY_PT + 1)
        if title:
            _paragraph(word_doc, title, bold=True, centre=True, after=6)
        first = True
        for table in doc.tables:
            if table.machine_only:
                continue
            if not first:
                _page_break(word_doc)
                _paragraph(word_doc, table.title, bold=True, centre=True, size=BODY_PT + 1, after=6)
            first = False
            if not table.rows:
                _paragraph(word_doc, word("no_findings", lang) if table.role == "audit" else "-")
                continue
            _table(word_doc, table, doc)
            if table.footer:
                _paragraph(word_doc, table.footer, bold=True, before=6)
            if table.has_marks:
                _paragraph(word_doc, word("estimate_note", lang), italic=True, size=TABLE_PT)
        for line in doc.lines:
            _paragraph(word_doc, line)
        if doc.data:
            embed(word_doc, doc.data)
        out = io.BytesIO()
        word_doc.save(out)
        return out.getvalue()


def embed(word_doc, data: str) -> None:
    """kpi's own data, for `kpi import`: a custom XML part (customXml/itemN.xml), which Word
    keeps and does not show."""
    from xml.sax.saxutils import escape

    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.part import Part

    from ... import embedded

    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<{embedded.ELEMENT} xmlns="{embedded.NAMESPACE}">{escape(data)}</{embedded.ELEMENT}>'
    )
    package = word_doc.part.package
    part = Part(package.next_partname("/customXml/item%d.xml"), "application/xml", xml.encode("utf-8"), package)
    word_doc.part.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_XML)


def _page_setup(word_doc) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.shared import Mm

    section = word_doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.footer_distance = Mm(7)
    # the page number, centred in the footer
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = 1
    field = OxmlElement("w:fldSimple")
    field.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instr", "PAGE")
    paragraph._p.append(field)


def _styles(word_doc) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.shared import Pt

    normal = word_doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    cell = word_doc.styles.add_style("Table text", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(TABLE_PT)


def _paragraph(word_doc, text: str, bold: bool = False, italic: bool = False, centre: bool = False,
               size: float | None = None, before: float = 0, after: float = 0):
    from docx.shared import Pt

    paragraph = word_doc.add_paragraph()
    if centre:
        paragraph.alignment = 1
    paragraph.paragraph_format.space_before, paragraph.paragraph_format.space_after = Pt(before), Pt(after)
    run = paragraph.add_run(terminal_text(text))
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)
    return paragraph


def _page_break(word_doc) -> None:
    from docx.enum.text import WD_BREAK

    word_doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _widths(table: Table, doc: Document) -> list[float]:
    """Each column's width in mm. A number never breaks: a numeric column (and the TT column) is
    as wide as its widest text (bold, with a safety margin for the estimate of text_mm) and never
    narrower. Text columns (the unit, the pace, the assessment) wrap beyond a cap but are never
    narrower than their longest word; the name column takes what is left. When the page is too
    narrow, the text columns give way first (down to their longest word), then the name (down to
    NAME_MIN_MM); only then does every column give up the same share."""
    usable = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
    sample = table.rows[:WIDTH_SAMPLE]
    pad = 2 * CELL_PAD_MM + 0.8
    widths: list[float | None] = []
    floors: list[float] = []  # how far a text column can give way
    for i, column in enumerate(table.columns):
        if column.wrap:
            widths.append(None)
            floors.append(NAME_MIN_MM)
            continue
        texts = [_text(row, i, column, doc) for row in sample]
        widest = max([text_mm(t, TABLE_PT, bold=row.heading) * SAFETY for t, row in zip(texts, sample)] + [0.0]) + pad
        header = column.sub or column.header
        # a header may wrap after a dash ("2021–" / "2023"): Word breaks there
        parts = header.replace("–", "– ").split()
        words = max((text_mm(w, TABLE_PT, bold=True) * SAFETY for w in parts), default=0.0) + pad
        if column.numeric or column.key == "no":
            natural = max(widest, words, NUMBER_MIN_MM if column.numeric else 0.0)
            widths.append(natural)
            floors.append(natural)
        else:
            cap = TEXT_MAX_MM.get(column.key, OTHER_TEXT_MAX_MM)
            longest = max((text_mm(w, TABLE_PT, bold=True) * SAFETY for t in texts for w in t.split()), default=0.0) + pad
            floor = max(longest, words, TEXT_MIN_MM.get(column.key, 0.0))
            widths.append(max(min(widest, cap), floor))
            floors.append(floor)
    fixed = sum(w for w in widths if w is not None)
    flexible = sum(1 for w in widths if w is None)
    share = max((usable - fixed) / flexible, NAME_MIN_MM) if flexible else 0.0
    out = [share if w is None else w for w in widths]
    # too wide: the text columns give way, then the name, then all alike
    for names in (False, True):
        over = sum(out) - usable
        if over <= 0:
            break
        give = [i for i, c in enumerate(table.columns) if bool(c.wrap) == names and out[i] > floors[i]]
        room = sum(out[i] - floors[i] for i in give)
        for i in give:
            out[i] -= (out[i] - floors[i]) * min(over / room, 1.0)
    total = sum(out)
    if total > usable:
        out = [w * usable / total for w in out]
    return out


def _text(row: Row, index: int, column: Column, doc: Document) -> str:
    text = marked_text(row, index, row_cell_text(row, index, column, doc.lang))
    return terminal_text(name_text(row, column, text))


def _table(word_doc, table: Table, doc: Document) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.shared import Mm

    widths = [Mm(w) for w in _widths(table, doc)]
    groups = table.header_groups()
    header_rows = 2 if groups else 1
    grid = word_doc.add_table(rows=header_rows, cols=len(table.columns))
    grid.style = word_doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    _fixed_layout(grid)
    for column, width in zip(grid.columns, widths):
        column.width = width
    text_style = word_doc.styles["Table text"]

    def fill(cell, text: str, bold: bool = False, align: int = 0, indent: float = 0.0, width=None) -> None:
        paragraph = cell.paragraphs[0]
        paragraph.style = text_style
        paragraph.alignment = align
        if indent:
            paragraph.paragraph_format.left_indent = Mm(indent)
        if text:
            run = _run_keeping_signs(paragraph, text)
            run.bold = bold or None
        if width is not None:
            cell.width = width

    # the header: upper row with the groups, lower row with their columns
    upper = grid.rows[0].cells
    lower = grid.rows[-1].cells
    for i, column in enumerate(table.columns):
        upper[i].width = lower[i].width = widths[i]
    if groups:
        for text, first, last in groups:
            if text:
                merged = upper[first].merge(upper[last]) if last > first else upper[first]
                fill(merged, terminal_text(text), bold=True, align=1)
                for i in range(first, last + 1):
                    fill(lower[i], terminal_text(table.columns[i].sub or table.columns[i].header), bold=True, align=1)
            else:
                merged = upper[first].merge(lower[first])
                fill(merged, terminal_text(table.columns[first].header), bold=True, align=1)
    else:
        for i, column in enumerate(table.columns):
            fill(upper[i], terminal_text(column.header), bold=True, align=1)
    for header, lines in zip(grid.rows[:header_rows], _header_lines(table, [w.mm for w in widths])):
        _row_flags(header, repeat=True)
        _at_least(header, lines)
        for cell in header.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    # the rows
    for row in table.rows:
        added = grid.add_row()
        _row_flags(added, repeat=False)
        for i, (cell, column) in enumerate(zip(added.cells, table.columns)):
            text = _text(row, i, column, doc)
            align = 2 if column.numeric else 0
            indent = 2.5 * row.depth if column.wrap else 0.0
            fill(cell, text, bold=row.heading, align=align, indent=indent, width=widths[i])
            if row.heading:  # a group's heading stays on the page of its first sub-row
                cell.paragraphs[0].paragraph_format.keep_with_next = True


def _run_keeping_signs(paragraph, text: str):
    """A run of ``text`` whose minus signs (``-1,01``, ``Đi lùi (-1,01)``) are Word's
    non-breaking hyphens: Word and LibreOffice break a line after a plain "-", which in a narrow
    column left the sign at the end of one line and the number on the next. Read back, a
    non-breaking hyphen is "-" again (python-docx, Word's copy)."""
    from docx.oxml import OxmlElement

    parts = re.split(r"-(?=\d)", text)
    run = paragraph.add_run(parts[0])
    for part in parts[1:]:
        run._r.append(OxmlElement("w:noBreakHyphen"))
        if part:
            run._r.add_t(part)
    return run


def _fixed_layout(grid) -> None:
    """Column widths as given (Word would otherwise fit them to the text); small cell padding."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    properties = grid._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(int(Mm(CELL_PAD_MM).twips)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    properties.append(margins)


def _lines(text: str, width_mm: float) -> int:
    """How many lines a bold header takes in a column this wide (Word breaks at spaces and
    after a dash: "2021–" / "2023")."""
    room = width_mm - 2 * CELL_PAD_MM
    space = text_mm(" ", TABLE_PT, bold=True)
    count, line = 1, 0.0
    for word in text.replace("–", "– ").split():
        size = text_mm(word, TABLE_PT, bold=True) * SAFETY
        if line and line + space + size > room:
            count, line = count + 1, size
        else:
            line += (space if line else 0.0) + size
    return count


def _header_lines(table: Table, widths: list[float]) -> list[int]:
    """The lines each header row must hold. LibreOffice repeats a header row on later pages at
    the height of its own cells only, so a title merged down both rows ("% so Nghị quyết") was
    cut to two lines there: the rows are given, at least, the height the tallest title needs."""
    groups = table.header_groups()
    if not groups:
        return [max(_lines(c.header, w) for c, w in zip(table.columns, widths))]
    upper, lower, spanning = 1, 1, 1
    for text, first, last in groups:
        if text:
            upper = max(upper, _lines(text, sum(widths[first:last + 1])))
            lower = max([lower] + [_lines(table.columns[i].sub or table.columns[i].header, widths[i]) for i in range(first, last + 1)])
        else:
            spanning = max(spanning, _lines(table.columns[first].header, widths[first]))
    return [upper, max(lower, spanning - upper)]


def _at_least(row, lines: int) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Pt

    row.height = Pt(LINE_PT * lines + 2)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _row_flags(row, repeat: bool) -> None:
    """A row never breaks across pages; the header rows repeat on every page (w:tblHeader)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if repeat:
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        properties.append(header)


FORMATTER = DocxFormatter()
