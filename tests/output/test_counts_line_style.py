"""The counts line under the table ("23 chỉ tiêu: 7 vượt, 10 đạt, …") is set as the notes above it
are, in italic, in every format that styles it: the docx had it bold at the text's size, the xlsx
italic at the table's, the html bold (found by a QA pass), then the html's notes upright beside
its italic counts line (review). Read back from each file's XML and the html's stylesheet."""

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


@pytest.mark.parametrize("monthly", [True, False])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_counts_line_and_the_notes_are_italic_in_the_html(tmp_path, lang, monthly):
    """Each line under the table a <p class="note"> and nothing else (no <b>, no <i> of its own),
    and the stylesheet sets a p.note in italic, as it sets the footnotes printed on paper (review:
    the counts line was <i>, the notes upright)."""
    page = _export(tmp_path, "html", lang, monthly).read_text(encoding="utf-8")
    lines = re.findall(r'<p class="note">(.*?)</p>', page)
    note, counts = lines[0], lines[-1]
    assert note.startswith("(*)") and COUNTS[lang] in counts, lines
    assert all("<" not in line for line in (note, counts)), lines
    rules = dict(re.findall(r"([^{}]+)\{([^{}]*)\}", page.partition("<style>")[2].partition("</style>")[0]))
    italic = {selector.strip() for selectors, body in rules.items() if "font-style: italic" in body for selector in selectors.split(",")}
    assert {"p.note", ".footnotes"} <= {s.rsplit("*/", 1)[-1].strip() for s in italic}, italic
