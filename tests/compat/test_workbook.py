"""Contract: compat.workbook's parser of a sheet's cells (its short way for plain cells) gives
what openpyxl's own WorkSheetParser gives, cell for cell, for cells of every kind."""

import datetime
import re
import zipfile

import pytest
from openpyxl import Workbook

from soctrang_kpi.compat import workbook

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

#: cells as a sheet may hold them: the plain ones the short way reads, and every other kind
CELLS = [
    '<c r="A1" t="inlineStr"><is><t>Chỉ tiêu</t></is></c>',
    '<c r="B1" s="1" t="inlineStr"><is><t xml:space="preserve"> 7,10* </t></is></c>',
    '<c r="C1" t="inlineStr"><is><t/></is></c>',
    '<c r="D1" t="inlineStr"><is><r><t>rich</t></r><r><t> text</t></r></is></c>',
    '<c r="E1" t="inlineStr"><is><t>a</t><rPh sb="0" eb="1"><t>b</t></rPh></is></c>',
    '<c r="F1" t="inlineStr"/>',
    '<c r="G1" t="s"><v>0</v></c>',
    '<c r="H1" t="s"><v>1</v></c>',
    '<c r="I1"><v>417000</v></c>',
    '<c r="J1" t="n" s="1"><v>7.1049</v></c>',
    '<c r="K1"><v>1E-3</v></c>',
    '<c r="L1" s="2"><v>45000</v></c>',
    '<c r="M1" s="1"/>',
    '<c r="N1"><v></v></c>',
    '<c r="O1" t="b"><v>1</v></c>',
    '<c r="P1" t="e"><v>#N/A</v></c>',
    '<c r="Q1" t="str"><v>text</v></c>',
    '<c r="R1" t="d"><v>2024-06-30T00:00:00</v></c>',
    '<c r="S1"><f>I1*2</f><v>834000</v></c>',
    '<c r="T1"><f t="shared" ref="T1:T2" si="0">I1+1</f><v>1</v></c>',
    '<c r="AA1" s="0"><v>3</v></c>',
    '<c r="ab1"><v>4</v></c>',
    '<c><v>6</v></c>',
    '<c r="XFD1"><v>7</v></c>',
]


def _book(tmp_path):
    """A workbook (openpyxl's, for its styles: 1 an estimate's number format, 2 a date's) whose
    first sheet is replaced by CELLS."""
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "x"
    sheet["A1"].number_format = '0.00"*"'
    sheet["B1"] = datetime.date(2024, 1, 1)
    made = tmp_path / "made.xlsx"
    book.save(made)
    rows = "".join(f'<row r="{n}">' + "".join(re.sub(r'r="([$A-Za-z]+)1"', rf'r="\g<1>{n}"', c) for c in CELLS) + "</row>" for n in (1, 2))
    xml = f'<worksheet xmlns="{NS}"><sheetData>{rows}</sheetData></worksheet>'
    path = tmp_path / "cells.xlsx"
    strings = f'<sst xmlns="{NS}"><si><t>x</t></si><si><t>Chỉ tiêu</t></si></sst>'
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = xml.encode()
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}"/></Types>'.encode())
            out.writestr(item, data)
        out.writestr("xl/sharedStrings.xml", strings)  # the shared strings: 0 "x", 1 "Chỉ tiêu"
    return path


def _rows(path, parser):
    with workbook.opened(path) as book:
        parsed = workbook.Parsed(book, book.worksheets[0])
        made, workbook._FAST_PARSER = workbook._FAST_PARSER, parser
        try:
            return list(parsed.rows())
        finally:
            workbook._FAST_PARSER = made


def test_the_short_way_reads_every_cell_as_openpyxl(tmp_path):
    from openpyxl.worksheet._reader import WorkSheetParser

    path = _book(tmp_path)
    fast = workbook._parser()
    assert fast is not WorkSheetParser
    ours, theirs = _rows(path, fast), _rows(path, WorkSheetParser)
    assert len(theirs) == 2 and len(theirs[0][1]) == len(CELLS)
    for mine, openpyxl_s in zip(ours, theirs):
        assert mine[0] == openpyxl_s[0]
        for got, expected in zip(mine[1], openpyxl_s[1], strict=True):
            assert got == expected and [type(v) for v in got] == [type(v) for v in expected]


DAMAGED = ['<c r="A1"><v>x</v></c>', '<c r="A1" s="x"><v>1</v></c>', '<c r="$A$1"><v>1</v></c>', '<c r="A1" t="s"><v>9</v></c>']
ODD = [
    '<c r="A"><v>1</v></c>', '<c r="A0"><v>1</v></c>', '<c r="A１"><v>1</v></c>', '<c r="A٣"><v>1</v></c>',
    '<c r="A1048577"><v>1</v></c>', '<c r="A1" t="s"><v>-1</v></c>', '<c r="A1" t="n"><v>1_0</v></c>',
    '<c r="A1" t="s"><v> 1</v></c>', '<c r="A1" s="-1"><v>1</v></c>', '<c r="A1" s=" 1"><v>1</v></c>',
    '<c r="A1"><v>٣</v></c>', '<c r="A1"><v> 1.5e3 </v></c>', '<c r="A1"><v>1,5</v></c>', '<c r="A1" s="1"><v>1_000</v></c>',
]


@pytest.mark.parametrize("cell, refused", [(c, True) for c in DAMAGED] + [(c, None) for c in ODD])
def test_a_damaged_or_odd_cell_fares_as_with_openpyxl(tmp_path, cell, refused):
    """What openpyxl refuses, the short way refuses with the same error; a row that is no
    number of ours, a digit of another script, an index out of the shared strings: read or
    refused exactly as openpyxl does."""
    from openpyxl.worksheet._reader import WorkSheetParser

    global CELLS
    kept, CELLS = CELLS, [cell]
    try:
        path = _book(tmp_path)
    finally:
        CELLS = kept
    outcomes = []
    for parser in (workbook._parser(), WorkSheetParser):
        try:
            outcomes.append(_rows(path, parser))
        except Exception as err:  # noqa: BLE001 - the error itself is what is compared
            outcomes.append((type(err), str(err)))
    assert outcomes[0] == outcomes[1]
    if refused:
        assert isinstance(outcomes[0], tuple) and issubclass(outcomes[0][0], Exception)


# -- the scan of plain rows (compat.workbook._Scan) ------------------------------------------------

#: a sheet of plain rows (scanned), a row that is not plain (a formula: openpyxl's from there on),
#: and plain rows after it; its columns, merged cells and hidden rows around the rows
PLAIN = (
    '<row r="1" spans="1:4"><c r="A1" t="inlineStr"><is><t>Chỉ tiêu</t></is></c><c r="B1" t="s"><v>1</v></c>'
    '<c r="C1" s="1"><v>7.1049</v></c><c r="D1"><v>417000</v></c></row>'
    '<row r="2" ht="18.5" customHeight="1" hidden="1"><c r="A2" s="1"/><c r="B2" t="s"></c><c r="C2"><v></v></c>'
    '<c r="D2" t="inlineStr"><is><t></t></is></c><c r="AB2" s="2"><v>45000</v></c></row>'
    '<row r="3"/>'
    '<row r="4"><c r="A4" t="inlineStr"><is><t>Nông, lâm &amp; thủy sản</t></is></c><c r="B4" t="b"><v>1</v></c>'
    '<c r="C4" t="e"><v>#N/A</v></c><c r="D4" t="n"><v>1E-3</v></c><c r="E4" t="str"><v>text</v></c></row>'
)
#: plain rows enough that a damaged row after them is not in the part's first 16 KB (openpyxl
#: reads that far when it opens the workbook)
MORE = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>hàng {n}</t></is></c><c r="B{n}" s="1"><v>{n}.25</v></c></row>' for n in range(10, 300))
AFTER = '<row r="7"><c r="A7"><v>2</v></c></row><row r="8" hidden="0"><c r="A8" t="inlineStr"><is><t>cuối</t></is></c></row>'
AROUND = ('<cols><col min="2" max="3" width="9" hidden="1"/></cols>', '<mergeCells count="1"><mergeCell ref="A7:C7"/></mergeCells>')


def _sheet(tmp_path, xml):
    """``_book`` with its first sheet's XML replaced by ``xml``."""
    global CELLS
    kept, CELLS = CELLS, []
    try:
        path = _book(tmp_path)
    finally:
        CELLS = kept
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(tmp_path / "sheet.xlsx", "w") as out:
        for item in source.infolist():
            out.writestr(item, xml if item.filename == "xl/worksheets/sheet1.xml" else source.read(item.filename))
    return tmp_path / "sheet.xlsx"


def _read(path, parser):
    """Everything a Parsed sheet says, read with ``parser``; or the error's type."""
    made, workbook._FAST_PARSER = workbook._FAST_PARSER, parser
    try:
        with workbook.opened(path) as book:
            parsed = workbook.Parsed(book, book.worksheets[0])
            rows = list(parsed.rows())
            kinds = [[[type(v) for v in cell] for cell in cells] for _n, cells in rows]
            return rows, kinds, parsed.merged(), parsed.hidden_rows(), parsed.hidden_columns(), parsed._parser.row_dimensions
    except Exception as err:  # noqa: BLE001 - the error is what is compared
        return type(err)
    finally:
        workbook._FAST_PARSER = made


def _scanned(monkeypatch):
    """The row numbers the scan gives, as it gives them."""
    seen = []
    scan = workbook._Scan.rows

    def counted(self):
        for number, cells in scan(self):
            seen.append(number)
            yield number, cells

    monkeypatch.setattr(workbook._Scan, "rows", counted)
    return seen


HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}" xmlns:r="http://r"><dimension ref="A1:E300"/>'


@pytest.mark.parametrize(
    "xml, scanned",
    [
        (f"{HEAD}{AROUND[0]}<sheetData>{PLAIN}{AFTER}</sheetData>{AROUND[1]}</worksheet>", [1, 2, 3, 4, 7, 8]),
        # a formula: the rows before it scanned, openpyxl's from it on
        (f'{HEAD}{AROUND[0]}<sheetData>{PLAIN}<row r="5"><c r="A5"><f>A1*2</f><v>4</v></c></row>{AFTER}</sheetData>{AROUND[1]}</worksheet>',
         [1, 2, 3, 4]),
        # text an XML parser changes ("\r\n" read as "\n"), a cell of another row, a row attribute with a prefix
        (f'{HEAD}<sheetData>{PLAIN}<row r="5"><c r="A5" t="inlineStr"><is><t>a\r\nb</t></is></c></row>{AFTER}</sheetData></worksheet>', [1, 2, 3, 4]),
        (f'{HEAD}<sheetData>{PLAIN}<row r="5"><c r="A6"><v>1</v></c></row>{AFTER}</sheetData></worksheet>', [1, 2, 3, 4]),
        (f'<worksheet xmlns="{NS}" xmlns:x="http://x"><sheetData>{PLAIN}<row r="5" x:a="1"><c r="A5"><v>1</v></c></row>{AFTER}</sheetData></worksheet>',
         [1, 2, 3, 4]),
        # a part the scan does not read at all: a comment or DOCTYPE before the rows, another
        # encoding, the rows in another namespace, no XML declaration, whitespace between rows
        (f"{HEAD}<!-- <sheetData> --><sheetData>{PLAIN}</sheetData></worksheet>", []),
        (f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e "x">]><worksheet xmlns="{NS}"><sheetData>{PLAIN}</sheetData></worksheet>', []),
        (f'<?xml version="1.0" encoding="ISO-8859-1"?><worksheet xmlns="{NS}"><sheetData>{PLAIN}</sheetData></worksheet>', []),
        (f'<worksheet xmlns="http://other"><sheetData>{PLAIN}</sheetData></worksheet>', []),
        (f'<x:worksheet xmlns:x="{NS}"><sheetData xmlns="{NS}">{PLAIN}</sheetData></x:worksheet>', []),
        (f'<x:worksheet xmlns:x="{NS}" xmlns="{NS}"><x:dimension ref="A1"/><sheetData>{PLAIN}</sheetData></x:worksheet>', [1, 2, 3, 4]),
        (f'<worksheet xmlns="{NS}"><sheetData>{PLAIN}</sheetData></worksheet>', [1, 2, 3, 4]),
        (f'<worksheet xmlns="{NS}"><sheetData>\n  {PLAIN}</sheetData></worksheet>', []),
    ],
)
def test_plain_rows_are_scanned_and_read_as_openpyxl_reads_them(tmp_path, monkeypatch, xml, scanned):
    """Whatever the scan reads and wherever it stops, the sheet reads as openpyxl's own parser
    reads it: the cells (values and their types), the merged ranges, the hidden rows and columns."""
    from openpyxl.worksheet._reader import WorkSheetParser

    path = _sheet(tmp_path, xml.encode(errors="surrogateescape") if "ISO" not in xml else xml.encode("latin-1", errors="replace"))
    seen = _scanned(monkeypatch)
    ours = _read(path, workbook._parser())
    assert seen == scanned
    assert ours == _read(path, WorkSheetParser)
    assert not isinstance(ours, type)


@pytest.mark.parametrize(
    "row",
    [
        '<row r="5"><c r="A5" t="inlineStr"><is><t>a\x01b</t></is></c></row>',  # a control character
        '<row r="5" ht="1" ht="2"><c r="A5"><v>1</v></c></row>',  # an attribute twice
        '<row r="5"><c r="A5" t="inlineStr"><is><t>a &nbsp; b</t></is></c></row>',  # an entity XML has not
        '<row r="5"><c r="A5" t="inlineStr"><is><t>a &#0; b</t></is></c></row>',  # a character XML has not
        '<row r="5"><c r="A5"><v>x</v></c></row>',  # not a number
        '<row r="5"><c r="A5" t="s"><v>9</v></c></row>',  # no such shared string
    ],
)
def test_a_damaged_row_after_plain_ones_is_refused_as_openpyxl_refuses_it(tmp_path, monkeypatch, row):
    from openpyxl.worksheet._reader import WorkSheetParser

    path = _sheet(tmp_path, f"{HEAD}<sheetData>{PLAIN}{MORE}{row}</sheetData></worksheet>".replace('r="5"', 'r="300"').replace('"A5"', '"A300"').encode())
    seen = _scanned(monkeypatch)
    ours = _read(path, workbook._parser())
    assert seen == [1, 2, 3, 4, *range(10, 300)]
    assert isinstance(ours, type) and ours == _read(path, WorkSheetParser)


def test_a_sheet_longer_than_a_chunk_is_scanned_whole(tmp_path, monkeypatch):
    """Rows that cross the chunks the part is read in (a few per chunk here) read as openpyxl's."""
    from openpyxl.worksheet._reader import WorkSheetParser

    monkeypatch.setattr(workbook, "_CHUNK", 512)
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{"chữ " * n}</t></is></c><c r="B{n}"><v>{n}.5</v></c></row>' for n in range(1, 60))
    path = _sheet(tmp_path, f"{HEAD}<sheetData>{rows}</sheetData></worksheet>".encode())
    seen = _scanned(monkeypatch)
    ours = _read(path, workbook._parser())
    assert ours == _read(path, WorkSheetParser)
    assert seen[:10] == list(range(1, 11))  # rows too long for half a chunk are openpyxl's
