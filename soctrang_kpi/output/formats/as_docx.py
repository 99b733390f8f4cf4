"""docx: the appendix as a province hands it in (python-docx), as Nghị định 30/2020 presents it
(nd30.py): A4 with its margins, Times New Roman, the heading block ("Phụ lục I", the name in
capitals, "(Kèm theo …)"), page numbers at the top centre from page 2, the language vi-VN; the
published appendix's two-row header (groups such as "Thực hiện" merged over their years, the other
headers spanning both rows) repeated on every page, sub-rows indented, estimates marked "*" with a
note under the table, numbers in the language's format (5,76 and 417.000 in Vietnamese), the
counts line; then, when the document holds them, the other tables (the audit), each in a section
of its own. Each table gets the page it needs (fitting.py): portrait when it fits, else
landscape; 11 pt, else 10 pt; its notes as numbered footnotes when the page cannot hold them.

Columns are laid out by what they hold (``Column.key``, ``numeric``, ``wrap``), so a column added
to the appendix appears without code here. Every text goes through safe.terminal_text: a control
character is not valid in the XML of a .docx and never reaches it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..document import Document, Style, Table, Under, lines_under, section_text
from ..labels import word
from ..safe import terminal_text
from . import Formatter, fitting, nd30, slices
from .as_xlsx import STATUS_FILLS  # the one palette of the verdicts' fills, the workbook's
from .fitting import Laid
from .spreadsheetml import text as escape  # the one escaping of XML's characters in a text
from .spreadsheetml import ZIP_DATE, write_part

# The page, the fonts and the heading block follow Nghị định 30/2020 (nd30.py). The table is set
# smaller than the text: the appendix has about 16 columns and, at 13 pt, the name column of an
# A4 landscape page would be about 30 mm wide; at 11 pt it keeps about 50 mm.
FONT, BODY_PT, HEADING_PT = nd30.FONT, nd30.BODY_PT, nd30.HEADING_PT
TABLE_PT = nd30.TABLE_PT
CELL_PAD_MM = fitting.CELL_PAD_MM
SAFETY = fitting.SAFETY
text_mm = fitting.text_mm
_text = fitting.printed_text


class DocxFormatter(Formatter):
    binary = True

    def text(self, doc: Document, style: Style) -> str:
        raise TypeError("docx is a binary format")

    def file(self, doc: Document) -> bytes:
        return b"".join(self.chunks(doc))

    def chunks(self, doc: Document) -> Iterator[bytes]:
        """The .docx: python-docx makes the document with a marker where each table's rows go
        and an empty part for kpi's data, then the package is written again (``_package``) with
        the rows' XML put into ``word/document.xml`` as it is made (``_Rows``) and the data
        escaped a slice at a time, so neither the rows nor the data is ever whole in memory
        (python-docx's tree of 10.000 rows took about 50 KB a row; the data of 100.000 series,
        28 million characters, whole and escaped through python-docx, and the package built
        twice, took the writing of that export 50 MB above the memory it began with, now 4 MB)."""
        from docx import Document as WordDocument

        pending: dict[str, _Rows] = {}
        word_doc = WordDocument()
        _styles(word_doc, doc.lang.value)
        main = doc.table("appendix") or (doc.tables[0] if doc.tables else None)
        lang = doc.lang
        title = doc.title or (main.title if main else "")
        tables = [t for t in doc.tables if not t.machine_only] or [Table(title, (), ())]
        for n, table in enumerate(tables):
            # a table no page holds with every number whole at 10 pt: in parts, each on pages of its own
            pieces = fitting.parts(table, doc) if table.rows else [Laid(table, [], False, TABLE_PT)]
            for k, laid in enumerate(pieces):
                _section(word_doc, laid.landscape, first=n == 0 and k == 0)
                continued = ""
                if k:  # "Phụ lục I (tiếp theo)": the table's first row, repeated on its pages
                    heading = nd30.heading(doc, title).lines[0][0] if n == 0 else table.title
                    continued = f"{heading} {word('appendix_continued', lang)}"
                elif n == 0:
                    for text, bold, italic in nd30.heading(doc, title).lines:
                        _paragraph(word_doc, text, bold=bold, italic=italic, centre=True, size=HEADING_PT)
                    _paragraph(word_doc, "", after=6)
                else:
                    _paragraph(word_doc, table.title, bold=True, centre=True, size=HEADING_PT, after=6)
                if not table.columns:
                    continue
                if not table.rows:
                    _paragraph(word_doc, word("no_findings", lang) if table.role == "audit" else "-")
                    continue
                # the notes, then the counts line, as every format: under the last part; a part
                # before it has its own footnotes alone
                last = k == len(pieces) - 1
                under = lines_under(table, lang, laid.table.footnotes) if last else [Under(line) for line in laid.table.footnotes]
                # the lines under the table stay on the page of its last rows: never the counts
                # line alone on a page of its own
                _table(word_doc, laid, doc, pending, continued, keep_last=KEPT_ROWS if under else 0)
                for j, below_line in enumerate(under):
                    # every line under the table a note, as the decree's appendix sets its notes:
                    # italic, at the table's size (document.Under); the counts line a little apart
                    before = 6 if below_line.counts else 4 if j == 0 else 0
                    below = _paragraph(word_doc, below_line.text, italic=True, size=laid.points, before=before)
                    if not below_line.counts:
                        below.paragraph_format.keep_with_next = j < len(under) - 1
        for line in doc.lines:
            _paragraph(word_doc, line)
        word_doc.core_properties.language = nd30.LANGUAGE_TAGS[lang.value]
        if title:
            word_doc.core_properties.title = terminal_text(title)
        streamed: dict[str, Callable[[bytes], Iterator[bytes]]] = {}
        if pending:
            streamed[_PART] = lambda skeleton: (piece.encode("utf-8") for piece in _spliced(skeleton.decode("utf-8"), pending))
        if doc.data is not None:
            data = doc.data
            streamed[embed(word_doc)] = lambda _empty: _data_xml(data())
        saved = io.BytesIO()
        word_doc.save(saved)
        yield from _package(saved, streamed)  # always: python-docx dates each part with the clock


#: the table's last rows kept on the page of the lines under it (its notes, its counts line), as
#: Word keeps a paragraph's last two lines together
KEPT_ROWS = 2

_MARKER = "kpi-rows-"
_PART = "word/document.xml"
CHUNK = 1 << 20  # bytes of the file handed to the writer at a time; characters of the data escaped at a time


def _package(saved: io.BytesIO, streamed: dict[str, Callable[[bytes], Iterator[bytes]]]) -> Iterator[bytes]:
    """The package python-docx saved, each part named in ``streamed`` written from the pieces
    its function makes of the part as saved (the document's row markers replaced by the rows,
    the empty data part filled), the others copied. The file is handed on a slice at a time.
    Every part is dated ``ZIP_DATE``, as the workbook's: python-docx dates them with the clock,
    and the same plan exported twice made two files that differed in those bytes alone."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            pieces = streamed.get(info.filename)
            if pieces is None:
                package.writestr(zipfile.ZipInfo(info.filename, ZIP_DATE), source.read(info), info.compress_type)
            else:
                write_part(package, zipfile.ZipInfo(info.filename, ZIP_DATE), pieces(source.read(info)), large=True)
    saved.close()
    with out.getbuffer() as written:
        for start in range(0, len(written), CHUNK):
            yield bytes(written[start:start + CHUNK])


def _spliced(xml: str, pending: dict[str, _Rows]) -> Iterator[str]:
    parts = re.split(f"<!--({_MARKER}\\d+)-->", xml)
    for n, part in enumerate(parts):
        if n % 2:
            yield from pending[part].stream()
        else:
            yield part


def embed(word_doc) -> str:
    """A place for kpi's own data, for `kpi import`: a custom XML part (customXml/itemN.xml),
    which Word keeps and does not show; python-docx saves it empty and ``_package`` writes the
    data into it (``_data_xml``). Its name in the package."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.part import Part

    package = word_doc.part.package
    part = Part(package.next_partname("/customXml/item%d.xml"), "application/xml", b"", package)
    word_doc.part.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_XML)
    return str(part.partname).lstrip("/")


def _data_xml(data: Iterable[str]) -> Iterator[bytes]:
    """The data part's XML, the data (given in pieces) escaped a slice at a time (escaping is
    character by character, so slices cut anywhere)."""
    from ... import embedded

    yield embedded.XML_HEAD.encode()
    for piece in slices(data, CHUNK):
        yield escape(piece).encode("utf-8")
    yield f"</{embedded.ELEMENT}>".encode()


def _section(word_doc, landscape: bool, first: bool) -> None:
    """A4 with the decree's margins; a table too wide for portrait has a landscape page of its
    own. The page number: at the top centre, from page 2 (the first section's first page has an
    empty header of its own; later sections show it on every page)."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    section = word_doc.sections[0] if first else word_doc.add_section(WD_SECTION.NEW_PAGE)
    width, height = nd30.A4_MM
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(height), Mm(width)) if landscape else (Mm(width), Mm(height))
    margins = nd30.MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(margins.top), Mm(margins.bottom)
    section.left_margin, section.right_margin = Mm(margins.left), Mm(margins.right)
    section.header_distance = Mm(nd30.HEADER_FROM_MM)
    section.different_first_page_header_footer = first
    if first:
        _page_number(section.header.paragraphs[0])


def _page_number(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    paragraph.alignment = 1
    field = OxmlElement("w:fldSimple")
    field.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instr", "PAGE")
    run = paragraph.add_run()
    run.font.size = Pt(BODY_PT)
    field.append(run._r)  # the field's result, at the text's size
    paragraph._p.append(field)


def _styles(word_doc, lang: str) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
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
    # the language of every run: Word checks the spelling of Vietnamese as Vietnamese
    tag = nd30.LANGUAGE_TAGS[lang]
    for properties in word_doc.styles.element.iter(qn("w:rPr")):
        if properties.getparent().tag in (qn("w:rPrDefault"), qn("w:style")):
            found = properties.find(qn("w:lang"))
            if found is None:
                found = OxmlElement("w:lang")
                properties.append(found)
            found.set(qn("w:val"), tag)
            found.set(qn("w:eastAsia"), tag)
    for points in (TABLE_PT, nd30.TABLE_MIN_PT):
        cell = word_doc.styles.add_style(_table_style(points), WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = normal
        cell.font.size = Pt(points)


def _table_style(points: float) -> str:
    return f"Table text {points:g}"


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


def _table(word_doc, laid: Laid, doc: Document, pending: dict[str, _Rows], continued: str = "", keep_last: int = 0) -> None:
    """The table; ``continued``: the part of a table printed in parts that continues the one
    before ("Phụ lục (tiếp theo)"), said in a first row across the table, without borders, on each
    of its pages (and read so by `kpi import`: files/appendix_layout.CONTINUED_WORDS);
    ``keep_last``: its last rows kept with what follows it (keep-with-next on their paragraphs)."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.shared import Mm, Pt

    table, points = laid.table, laid.points
    widths = [Mm(w) for w in laid.widths]
    groups = table.header_groups()
    header_rows = 2 if groups else 1
    top = 1 if continued else 0  # the rows above the header
    grid = word_doc.add_table(rows=top + header_rows, cols=len(table.columns))
    grid.style = word_doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    _fixed_layout(grid)
    for column, width in zip(grid.columns, widths):
        column.width = width
    text_style = word_doc.styles[_table_style(points)]

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

    if continued:
        title = grid.rows[0]
        for cell, width in zip(title.cells, widths):
            cell.width = width
        merged = title.cells[0].merge(title.cells[-1]) if len(title.cells) > 1 else title.cells[0]
        fill(merged, terminal_text(continued), bold=True, align=1)
        merged.paragraphs[0].runs[0].font.size = Pt(HEADING_PT)
        merged.paragraphs[0].paragraph_format.space_after = Pt(6)
        _no_borders(merged, ("top", "left", "right"))
        _row_flags(title, repeat=True)
    # the header: upper row with the groups, lower row with their columns
    upper = grid.rows[top].cells
    lower = grid.rows[top + header_rows - 1].cells
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
    for header, lines in zip(grid.rows[top:top + header_rows], _header_lines(table, [w.mm for w in widths], points)):
        _row_flags(header, repeat=True)
        _at_least(header, lines, points)
        for cell in header.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    # the rows
    def add_row(row, model: bool = False, keep: bool = False) -> Any:
        """One row through python-docx's object model: the model the XML of every row is taken
        from (``_Rows``, with "0" in every cell), and the way a row is written when its XML is
        refused; ``keep``: kept on the page of what follows it."""
        added = grid.add_row()
        _row_flags(added, repeat=False)
        if row.section:  # "I. KINH TẾ" merged across the table, bold, on the page of its first row
            cells = added.cells
            merged = cells[0].merge(cells[-1]) if len(cells) > 1 else cells[0]
            fill(merged, terminal_text(section_text(row, table)), bold=True)
            merged.paragraphs[0].paragraph_format.keep_with_next = True
            return added
        for i, (cell, column) in enumerate(zip(added.cells, table.columns)):
            text = "0" if model else _text(row, i, column, doc)
            align = 2 if column.numeric else 0
            indent = 2.5 * row.depth if column.wrap else 0.0
            fill(cell, text, bold=row.heading, align=align, indent=indent, width=widths[i])
            tone = row.tones[i] if row.tones else None
            if tone is not None:  # a scorecard's cell, shaded as the workbook fills it
                _shade(cell, STATUS_FILLS[tone.value])
            if row.heading or keep:  # a group's heading stays on the page of its first sub-row
                cell.paragraphs[0].paragraph_format.keep_with_next = True
        return added

    rows = _Rows(grid, table, doc, add_row, keep_last)
    marker = f"{_MARKER}{len(pending)}"
    pending[marker] = rows
    grid._tbl.append(_comment(marker))  # where the rows go (_package)


def _comment(text: str):
    from lxml import etree

    return etree.Comment(text)


class _Rows:
    """The table's rows written as XML text into the document part as they are made
    (``_package``), each block checked by the XML parser (which builds no tree: a tree of 500
    rows took about 28 MB), instead of a cell at a time through
    python-docx (measured at 10.000 rows: 18 ms a row, three quarters of it
    ``paragraph.style = …``, which looks the style up by scanning every style of the document,
    and most of the rest building each cell's ``w:tcPr``, ``w:pPr`` and ``w:rPr`` element by
    element). The XML is python-docx's own: each kind of cell (its column, a heading's bold and
    keep-with-next, a sub-row's indent) is made once through ``add_row`` and its markup reused;
    only the text is written here, as python-docx writes a run (``\\t`` a ``w:tab``, ``\\r`` and
    ``\\n`` a ``w:br``, ``xml:space="preserve"`` around spaces, a minus before a digit a
    ``w:noBreakHyphen``). A block whose text the XML parser refuses is made row by row through
    ``add_row``, as before. tests/output/test_export.py compares the two, byte for byte."""

    # rows checked at once: a block is held as its rows' text, joined and encoded; 500 rows (the
    # appendix's rows are about 3 KB of XML each) made the export of 1.000 series peak at 56 MB,
    # 100 at 47 MB, 50 at 46 MB, at the same speed (`/usr/bin/time -v`, 2026-12-02)
    BLOCK = 50

    def __init__(self, grid, table: Table, doc: Document, add_row: Callable[..., Any], keep_last: int = 0):
        from docx.oxml.ns import nsdecls

        self.grid, self.table, self.doc, self.add_row = grid, table, doc, add_row
        self.kept = len(table.rows) - keep_last  # the first row kept with what follows the table
        self.cells: dict[tuple, tuple[str, list[tuple[str, str, str]]]] = {}  # kind of row -> its markup
        self.opening = f"<w:tbl {nsdecls('w')}>"

    def stream(self) -> Iterator[str]:
        """The rows' XML, a block at a time, each block checked by the XML parser."""
        block: list[tuple[Any, str, bool]] = []
        kept = self.kept
        for n, row in enumerate(self.table.rows):
            keep = n >= kept
            block.append((row, self.xml(row, keep), keep))
            if len(block) == self.BLOCK:
                yield self._checked(block)
                block = []
        if block:
            yield self._checked(block)

    def _checked(self, block: list) -> str:
        text = "".join(xml for _, xml, _keep in block)
        if not well_formed(self.opening, text, "</w:tbl>"):
            return "".join(self._through_model(row, keep=keep) for row, _, keep in block)
        return text

    def _through_model(self, row, model: bool = False, keep: bool = False) -> str:
        """A row made by python-docx (``add_row``), as text; it does not stay in the table."""
        from lxml import etree

        tr = self.add_row(row, model=model, keep=keep)._tr
        self.grid._tbl.remove(tr)
        return re.sub(r' xmlns:\w+="[^"]*"', "", etree.tostring(tr, encoding="unicode"))

    def xml(self, row, keep: bool = False) -> str:
        if row.section or row.tones:  # a section's row merged across, a scorecard's shaded cells: few, made whole
            return self._through_model(row, keep=keep)
        kind = (row.heading, row.depth, keep)
        model = self.cells.get(kind)
        if model is None:
            model = self.cells[kind] = self._model(row, keep)
        opening, cells = model
        out = [opening]
        for i, (column, (before, run, after)) in enumerate(zip(self.table.columns, cells)):
            text = _text(row, i, column, self.doc)
            out.append(before)
            if text:
                out.append(run)
                out.append(_run_text(text))
                out.append("</w:r>")
            out.append(after)
        out.append("</w:tr>")
        return "".join(out)

    def _model(self, row, keep: bool = False) -> tuple[str, list[tuple[str, str, str]]]:
        """The markup of a row of this kind, from a row python-docx made with the text "0" in
        every cell (then removed): the row's opening and, for each cell, what comes before its
        run, the run's opening and what comes after it."""
        markup = self._through_model(row, model=True, keep=keep)
        opening, *cells = markup.removesuffix("</w:tr>").split("<w:tc>")
        parts = []
        for cell in cells:
            before, _, rest = ("<w:tc>" + cell).partition("<w:r>")
            run, _, after = rest.partition("<w:t>0</w:t></w:r>")
            parts.append((before, "<w:r>" + run, after))
        return opening, parts


class _Nothing:
    """A parser target that keeps nothing: the XML is read and checked, no tree is built."""

    def close(self) -> None:
        return None


def well_formed(*pieces: str) -> bool:
    """Whether the XML parser python-docx reads with (lxml's) takes the XML made of ``pieces``
    (fed to it one by one, never joined): well-formed, with
    only characters XML allows. No tree is built (an lxml tree of 500 rows of the appendix took
    about 28 MB, more than the rest of the export of 1.000 rows)."""
    from lxml import etree

    parser = etree.XMLParser(target=_Nothing(), resolve_entities=False)
    try:
        for piece in pieces:
            parser.feed(piece)
        parser.close()
    except (etree.XMLSyntaxError, ValueError):
        return False
    return True


def _run_text(text: str) -> str:
    """The content of a run of ``text``, as ``_run_keeping_signs`` and python-docx write it."""
    parts = re.split(r"-(?=\d)", text)
    out = [_content(parts[0])]
    for part in parts[1:]:
        out.append("<w:noBreakHyphen/>")
        if part:
            out.append(_t(part))  # python-docx's add_t: no tab or break handling
    return "".join(out)


def _content(text: str) -> str:
    """python-docx's ``run.text = text`` (``_RunContentAppender``)."""
    if "\t" not in text and "\r" not in text and "\n" not in text:
        return _t(text) if text else ""
    out = []
    for piece in re.split(r"([\t\r\n])", text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            out.append("<w:br/>")
        elif piece:
            out.append(_t(piece))
    return "".join(out)


def _t(text: str) -> str:
    """A ``w:t`` as lxml writes it: XML's characters escaped (spreadsheetml.text), a carriage
    return as ``&#13;``, ``xml:space="preserve"`` around spaces."""
    escaped = escape(text).replace("\r", "&#13;") if "\r" in text else escape(text)
    if len(text.strip()) < len(text):
        return f'<w:t xml:space="preserve">{escaped}</w:t>'
    return f"<w:t>{escaped}</w:t>"


def _no_borders(cell, sides: tuple[str, ...]) -> None:
    """The cell without its lines on these sides (w:tcBorders, "nil")."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tcBorders")
    for side in sides:
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "nil")
        borders.append(line)
    cell._tc.get_or_add_tcPr().append(borders)


def _shade(cell, colour: str) -> None:
    """The cell's background (w:shd), as the workbook fills a verdict's cell."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


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


def _lines(text: str, width_mm: float, points: float) -> int:
    """How many lines a bold header takes in a column this wide."""
    return fitting.line_count(text, width_mm, points, bold=True)


def _header_lines(table: Table, widths: list[float], points: float) -> list[int]:
    """The lines each header row must hold. LibreOffice repeats a header row on later pages at
    the height of its own cells only, so a title merged down both rows ("% so Nghị quyết") was
    cut to two lines there: the rows are given, at least, the height the tallest title needs."""
    groups = table.header_groups()
    if not groups:
        return [max(_lines(c.header, w, points) for c, w in zip(table.columns, widths))]
    upper, lower, spanning = 1, 1, 1
    for text, first, last in groups:
        if text:
            upper = max(upper, _lines(text, sum(widths[first:last + 1]), points))
            lower = max([lower] + [_lines(table.columns[i].sub or table.columns[i].header, widths[i], points) for i in range(first, last + 1)])
        else:
            spanning = max(spanning, _lines(table.columns[first].header, widths[first], points))
    return [upper, max(lower, spanning - upper)]


def _at_least(row, lines: int, points: float) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Pt

    row.height = Pt(points * 1.15 * lines + 2)  # a line of Times is 1.15 of its size
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
