"""The counts line under the table ("23 chỉ tiêu: 7 vượt, 10 đạt, …") is set as the notes above it
are, in italic, in every format that styles it: the docx had it bold at the text's size, the xlsx
italic at the table's, the html bold (found by a QA pass). Read back from each file's XML."""

import io
import re

import pytest

from ..conftest import ROOT, kpi

EXAMPLE = ROOT / "docs" / "example-periods"
COUNTS = {"vi": "chỉ tiêu:", "en": "indicators:"}


def _export(tmp_path, fmt, lang, monthly):
    out = tmp_path / f"report-{lang}-{monthly}.{fmt}"
    data = ["--data-dir", str(EXAMPLE)] if monthly else []
    result = kpi("export", *data, "-o", str(out), "--lang", lang)
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("monthly", [True, False])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_counts_line_is_italic_as_the_notes_in_the_docx(tmp_path, lang, monthly):
    import docx

    document = docx.Document(_export(tmp_path, "docx", lang, monthly))
    below = [p for p in document.paragraphs if p.text.startswith("(*)") or COUNTS[lang] in p.text]
    note, counts = below[0], below[-1]
    assert note.text.startswith("(*)") and COUNTS[lang] in counts.text
    for paragraph in (note, counts):
        runs = paragraph.runs
        assert runs and all(r.italic and not r.bold for r in runs), paragraph.text
    # at the table's size, as the note
    assert {r.font.size for r in counts.runs} == {r.font.size for r in note.runs}


@pytest.mark.parametrize("monthly", [True, False])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_counts_line_is_italic_in_the_xlsx(tmp_path, lang, monthly):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(_export(tmp_path, "xlsx", lang, monthly).read_bytes())).worksheets[0]
    cells = [c for c in sheet["A"] if isinstance(c.value, str) and (COUNTS[lang] in c.value or c.value.startswith("(*)"))]
    assert len(cells) == 2
    for cell in cells:
        assert cell.font.i and not cell.font.b, cell.value


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_counts_line_is_italic_in_the_html(tmp_path, lang):
    page = _export(tmp_path, "html", lang, True).read_text(encoding="utf-8")
    line = next(p for p in re.findall(r'<p class="note">.*?</p>', page) if COUNTS[lang] in p)
    assert line.startswith('<p class="note"><i>') and "<b>" not in line, line
