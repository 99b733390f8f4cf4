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
            assert got == expected and [type(v) for v in got.values()] == [type(v) for v in expected.values()]


DAMAGED = ['<c r="A1"><v>x</v></c>', '<c r="A1" s="x"><v>1</v></c>', '<c r="$A$1"><v>1</v></c>', '<c r="A1" t="s"><v>9</v></c>']
ODD = [
    '<c r="A"><v>1</v></c>', '<c r="A0"><v>1</v></c>', '<c r="A１"><v>1</v></c>', '<c r="A٣"><v>1</v></c>',
    '<c r="A1048577"><v>1</v></c>', '<c r="A1" t="s"><v>-1</v></c>', '<c r="A1" t="n"><v>1_0</v></c>',
    '<c r="A1" t="s"><v> 1</v></c>', '<c r="A1" s="-1"><v>1</v></c>', '<c r="A1" s=" 1"><v>1</v></c>',
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
