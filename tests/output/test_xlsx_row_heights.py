"""The workbook's rows are as tall as the text written in them, as LibreOffice prints it: no line
more, no line less. An English row was taller than its text in 7 of the term appendix's 51 rows
(a Vietnamese one in 1): its words were measured by an estimate that took "i", "l" and "t" as
wide as any letter, and a sub-row's name was given less than its column, for an indent the cell
does not print (found by a QA pass). Read back: the row heights the file gives against the lines
of each row printed through LibreOffice, on every page (the table prints in parts)."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from openpyxl import load_workbook

from soctrang_kpi.output.formats import as_xlsx

from ..conftest import kpi
from .printing import IN_CI, POPPLER, SOFFICE, read

LABEL = re.compile(r"\d+(\.\d+)*")


def _given(path) -> dict[str, int]:
    """Each table row's label (its TT) → the lines its height was given for."""
    sheet = load_workbook(io.BytesIO(path.read_bytes())).worksheets[0]
    given = {}
    for row in sheet.iter_rows(min_col=1, max_col=2):
        label, name = row
        height = sheet.row_dimensions[label.row].height
        if isinstance(label.value, str) and LABEL.fullmatch(label.value) and height and name.value:
            given[label.value] = round((height - as_xlsx.ROW_PAD) / as_xlsx._line_pt(name.font.sz))
    return given


def _printed(pdf, given: dict[str, int], line_pt: float) -> dict[str, int]:
    """Each row's lines as printed: on each page, the distinct lines of text between its label
    and the next row's (within the height the row was given), the most any page shows of it."""
    printed = read(pdf)
    found: dict[str, int] = {}
    for page in range(1, printed.pages + 1):
        words = [w for w in printed.words if w.page == page]
        if not words:
            continue
        left = min(w.x0 for w in words)
        labels, seen = [], set()
        for w in sorted(words, key=lambda w: w.y0):  # the first of each on the page: the counts line begins with "23" too
            if w.x0 - left < 3 and w.text in given and w.text not in seen:
                labels.append(w)
                seen.add(w.text)
        for k, label in enumerate(labels):
            end = label.y0 + given[label.text] * line_pt + 1
            if k + 1 < len(labels):
                end = min(end, labels[k + 1].y0 - 1)
            tops: list[float] = []
            for y in sorted(w.y0 for w in words if label.y0 - 1 <= w.y0 < end):
                if not tops or y - tops[-1] > line_pt / 3:
                    tops.append(y)
            found[label.text] = max(found.get(label.text, 0), len(tops))
    return found


@pytest.mark.skipif(not (SOFFICE and POPPLER) and not IN_CI, reason="LibreOffice and poppler-utils print the workbook")
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_row_is_as_tall_as_its_printed_lines(tmp_path, lang):
    out = tmp_path / f"term-{lang}.xlsx"
    assert kpi("export", "-o", str(out), "--lang", lang, "--without-audit").exit_code == 0
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], capture_output=True, check=True, timeout=300)
    given = _given(out)
    assert len(given) == 51
    printed = _printed(tmp_path / f"term-{lang}.pdf", given, as_xlsx._line_pt(11))
    assert set(printed) == set(given)
    assert {label: (lines, printed[label]) for label, lines in given.items() if lines != printed[label]} == {}
