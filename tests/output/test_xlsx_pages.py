"""The workbook's pages: the layout breaks a long table into pages itself (as_xlsx.page_breaks,
the sheet's manual row breaks), so that every row is printed. LibreOffice's own breaks, with the
page number at 10 mm and the header rows repeated, counted fewer pages for a print range than it
laid out and printed a 1.000-row table without the last four pages of its second part."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from soctrang_kpi.output.formats import as_xlsx, nd30, spreadsheetml

from ..conftest import ROOT, kpi
from .printing import IN_CI, POPPLER, SOFFICE



def _room() -> float:
    """The height a landscape page gives the rows, in points."""
    return (nd30.A4_MM[0] - nd30.MARGINS_MM.top - nd30.MARGINS_MM.bottom) / 25.4 * 72 - as_xlsx.PAGE_SLACK_PT


def test_pages_hold_what_fits_under_the_repeated_header():
    heights = [20.0, 20.0, None, 40.0, 60.0] + [28.0] * 40  # title, title, blank, header (2 rows), rows 6–45
    breaks = as_xlsx.page_breaks(heights, 4, 5, 45, landscape=True)
    ROOM = _room()
    first = 20 + 20 + spreadsheetml.DEFAULT_ROW_PT + 100
    per_page = int((ROOM - 100) // 28)
    expected, end = [], 5 + int((ROOM - first) // 28)
    while end < 45:
        expected.append(end)
        end += per_page
    assert breaks == expected
    for start, end in zip([5] + breaks, breaks + [45]):  # every page within the room, header included
        assert sum(heights[r - 1] or 15 for r in range(start + 1, end + 1)) + (100 if start > 5 else first) <= ROOM


def test_a_heading_begins_a_page_with_its_first_row_and_the_lines_under_the_table_end_one():
    heights = [None, 50.0] + [30.0] * 40
    ROOM = _room()
    plain = as_xlsx.page_breaks(heights, 2, 2, 42, landscape=True)
    at = plain[0]
    assert as_xlsx.page_breaks(heights, 2, 2, 42, landscape=True, kept={at})[0] == at - 1  # the heading goes on
    # the counts line under the table: never alone at the top of a page
    rows = (ROOM - 15 - 50) // 30  # rows that fill the first page (a blank row, the header)
    filled = [None, 50.0] + [30.0] * int(rows)
    assert as_xlsx.page_breaks(filled, 2, 2, len(filled), landscape=True) == []
    with_lines = filled + [None, 15.0]  # a blank row, the counts line
    assert as_xlsx.page_breaks(with_lines, 2, 2, len(filled), landscape=True) == [len(filled) - 1]


def test_the_breaks_are_written_and_read_back(tmp_path):
    folder = _large(tmp_path)
    out = tmp_path / "out.xlsx"
    assert kpi("export", "--data-dir", str(folder), "-o", str(out)).exit_code == 0
    sheet = load_workbook(io.BytesIO(out.read_bytes())).worksheets[0]
    breaks = [b.id for b in sheet.row_breaks.brk]
    assert len(breaks) > 60 and breaks == sorted(breaks) and all(b.man for b in sheet.row_breaks.brk)
    assert [b.id for b in sheet.col_breaks.brk] == [10]  # the table's two parts, as before


def _large(tmp_path):
    """1.000 series of benchmarks/make_data.py (1.000 rows: 700 indicators, 300 sub-rows)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from make_data import generate
    finally:
        sys.path.pop(0)
    folder = tmp_path / "d1k"
    folder.mkdir()
    for name, text in zip(("targets.yaml", "actuals.yaml"), generate(1000)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.skipif(not (SOFFICE and POPPLER) and not IN_CI, reason="LibreOffice and poppler-utils print the workbook")
def test_every_row_of_a_1000_row_workbook_is_printed_in_both_parts(tmp_path):
    folder = _large(tmp_path)
    out = tmp_path / "d1k.xlsx"
    assert kpi("export", "--data-dir", str(folder), "-o", str(out)).exit_code == 0
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], capture_output=True, check=True, timeout=300)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "d1k.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    numbers = [row[0] for row in csv.reader(io.StringIO(kpi("status", "--data-dir", str(folder), "--format", "csv").stdout.lstrip("\ufeff")))][1:]
    assert len(numbers) == 1000
    printed: dict[str, int] = {}
    for line in text.splitlines():
        found = re.match(r"\s*(\d+(?:\.\d+)*)\s+\S", line)
        if found:
            printed[found.group(1)] = printed.get(found.group(1), 0) + 1
    # each row in the first part (its first columns) and in the second (TT, the name and the unit repeated)
    assert [n for n in numbers if printed.get(n, 0) < 2] == []
    assert text.count("700 chỉ tiêu:") == 2  # the counts line under each part
