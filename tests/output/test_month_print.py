"""The monthly report as `kpi export` prints it (README "Nghị định 30/2020: what the documents
follow"): the columns sized by their texts — the unit ("Nghìn tỷ đồng") and the verdict ("Chưa có
số liệu") on one line where the name does not need the room, not the name over half the page
beside units on three lines — and what "*" means said once, by the note under the table, not
again at the end of the counts line (found by a QA pass)."""

from __future__ import annotations

import io
import re

import pytest

from soctrang_kpi.output.formats import fitting
from soctrang_kpi.output.labels import POINT_STATUS

from ..conftest import ROOT, kpi

EXAMPLE = ROOT / "docs" / "example-periods"
NOTES = {"vi": "(*) Số liệu ước tính.", "en": "(*) Estimate."}


def _text(path, fmt: str) -> str:
    if fmt == "docx":
        from docx import Document as WordDocument

        word = WordDocument(str(path))
        cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
        return "\n".join([p.text for p in word.paragraphs] + cells)
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(path.read_bytes())).worksheets[0]
        return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    return path.read_text(encoding="utf-8").replace("\\*", "*")  # markdown escapes "*"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", ["docx", "xlsx", "md", "html"])
def test_the_estimate_is_explained_once(fmt, lang, tmp_path):
    out = tmp_path / f"month.{fmt}"
    result = kpi("export", "--data-dir", str(EXAMPLE), "-o", str(out), "--lang", lang)
    assert result.exit_code == 0, result.output
    text = _text(out, fmt)
    assert text.count(NOTES[lang]) == 1
    assert f"(* {POINT_STATUS['estimate'][lang]}" not in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_terminal_keeps_its_legend(lang):
    """`kpi status` of the same report prints no note under its table: the legend stays."""
    result = kpi("status", "--data-dir", str(EXAMPLE), "--lang", lang)
    assert result.exit_code == 0, result.output
    assert f"(* {POINT_STATUS['estimate'][lang]}" in result.output


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("unit", ["Nghìn tỷ đồng", "Triệu đồng/tháng", "% kế hoạch"])
def test_units_and_verdicts_on_one_line_where_the_page_allows(unit, lang, tmp_path):
    from docx import Document as WordDocument
    from docx.oxml.ns import qn

    for name in ("targets.yaml", "actuals.yaml"):
        text = (EXAMPLE / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace("unit: Tỷ đồng", f'unit: "{unit}"'), encoding="utf-8")
    out = tmp_path / "month.docx"
    result = kpi("export", "--data-dir", str(tmp_path), "-o", str(out), "--lang", lang)
    assert result.exit_code == 0, result.output
    table = WordDocument(str(out)).tables[0]
    widths = [int(col.get(qn("w:w"))) / 56.6929 for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    points = float(table.rows[-1].cells[1].paragraphs[0].style.name.split()[-1])  # "Table text 11"
    header = [cell.text for cell in table.rows[0].cells]
    checked = 0
    for column in (header.index("ĐVT" if lang == "vi" else "Unit"), len(header) - 1):
        for row in table.rows[2:]:
            text = row.cells[column].text
            if text and not re.fullmatch(r"[\d.,%*-]+", text):
                assert fitting.line_count(text, widths[column], points) == 1, (text, widths[column])
                checked += 1
    assert checked >= 6
    # the name keeps its own texts on one line too: it gave only what it did not need
    names = [row.cells[1].text for row in table.rows[2:]]
    assert all(fitting.line_count(n, widths[1], points) == 1 for n in names)


@pytest.mark.parametrize("lang, sheet", [("vi", "Chỉ tiêu"), ("en", "Indicators")])
def test_the_monthly_reports_sheet_is_named_as_the_yearly_exports(lang, sheet, tmp_path):
    """A plan's name cut to Excel's 31 characters broke mid-word ("Kế hoạch phát triển kinh tế -
    x"): the monthly report's sheet has the yearly export's name, in either language."""
    from openpyxl import load_workbook

    names = []
    for as_of in ("2024-06", "2024"):
        out = tmp_path / f"{as_of}.xlsx"
        assert kpi("export", "--data-dir", str(EXAMPLE), "--as-of", as_of, "-o", str(out), "--lang", lang).exit_code == 0
        names.append(load_workbook(io.BytesIO(out.read_bytes())).sheetnames[0])
    assert names == [sheet, sheet]


def _lines_under_table(path, fmt: str) -> list[str]:
    """The docx's paragraphs after the table, the xlsx's cells in column A after it, the markdown's
    lines after the (first) table's rows, the html's paragraphs after the appendix's table, in order."""
    if fmt == "md":
        lines = path.read_text(encoding="utf-8").replace("\\*", "*").splitlines()
        first = next(i for i, line in enumerate(lines) if line.startswith("|"))
        end = next((i for i in range(first, len(lines)) if lines[i].startswith("### ")), len(lines))  # the audit's after it
        last = max(i for i in range(first, end) if lines[i].startswith("|"))
        return lines[last + 1 : end]
    if fmt == "html":
        from html import unescape

        page = path.read_text(encoding="utf-8")
        after = page[page.index("</table>", page.index('<h2 class="first">')) :]
        return [unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p[^>]*>.*?</p>", after.split("<h2", 1)[0])]
    if fmt == "docx":
        from docx import Document as WordDocument

        body = WordDocument(str(path)).element.body
        tags = [child.tag.rsplit("}", 1)[-1] for child in body]
        after = list(body)[max(i for i, tag in enumerate(tags) if tag == "tbl") + 1 :]
        return ["".join(t.text or "" for t in p.iter() if t.tag.endswith("}t")) for p in after if p.tag.endswith("}p")]
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(path.read_bytes())).worksheets[0]
    column = [c.value for c in sheet["A"]]
    last = max(i for i, value in enumerate(column) if isinstance(value, str) and re.fullmatch(r"\d+(\.\d+)*", value))
    return [str(value) for value in column[last + 1 :] if value]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("as_of", ["2024-06", "2024"])
def test_the_note_on_estimates_comes_before_the_counts_line_in_every_format(as_of, lang, tmp_path):
    """Nghị định 30's appendix: the notes under the table — "(*) Số liệu ước tính." — then kpi's
    counts line; the xlsx, then the markdown and the html, put the counts line first, the docx
    after: one order in all four (document.lines_under), the monthly report's and the yearly table's."""
    under = {}
    for fmt in ("docx", "xlsx", "md", "html"):
        out = tmp_path / f"report.{fmt}"
        assert kpi("export", "--data-dir", str(EXAMPLE), "--as-of", as_of, "-o", str(out), "--lang", lang).exit_code == 0
        under[fmt] = [line for line in _lines_under_table(out, fmt) if line.strip()]
    counts = {"vi": "chỉ tiêu:", "en": "indicators:"}[lang]
    for fmt, lines in under.items():
        assert lines[0] == NOTES[lang] and counts in lines[1], (fmt, lines)
    assert under["docx"][:2] == under["xlsx"][:2] == under["md"][:2] == under["html"][:2]


#: Times New Roman Bold's advance widths (per 1000 of the em, the standard Adobe metrics, which
#: Liberation Serif Bold shares): what a header word takes on the printed page
TIMES_BOLD = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789%().,–-",
    [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444,
     722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667,
     *[500] * 10, 1000, 333, 333, 250, 250, 500, 333],
))


def _bold_mm(word: str, points: float) -> float:
    import unicodedata

    bases = [c for c in unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D")) if not unicodedata.combining(c)]
    return sum(TIMES_BOLD[c] for c in bases) / 1000 * points * 0.3528


def _monthly_docx(tmp_path, lang: str, edit=lambda text: text):
    """The example's monthly report exported as docx, its data's text changed by ``edit``: its
    table, its columns' widths (mm, from the table's grid), its header's texts, its size (pt)."""
    from docx import Document as WordDocument

    data = tmp_path / "data"
    data.mkdir()
    for name in ("targets.yaml", "actuals.yaml"):
        (data / name).write_text(edit((EXAMPLE / name).read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "month.docx"
    result = kpi("export", "--data-dir", str(data), "-o", str(out), "--lang", lang)
    assert result.exit_code == 0, result.output
    table = WordDocument(str(out)).tables[0]
    widths = [int(col.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w")) / 1440 * 25.4
              for col in table._tbl.tblGrid.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol")]
    header = [cell.text for cell in table.rows[0].cells]
    points = table.rows[0].cells[0].paragraphs[0].style.font.size.pt  # "Table text 11" (or 10)
    return table, widths, header, points


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_docx_headers_break_between_words(lang, tmp_path):
    """A monthly report's docx as of November: "11 months to date" was laid out in a column
    narrower than "months" bold ("11 month / s to / date"): every word of every header fits its
    column with the cell's padding, measured by the font's own widths."""
    _, widths, header, points = _monthly_docx(tmp_path, lang, lambda text: text.replace("2024-06", "2024-11"))
    assert any("11" in text for text in header), header  # the lũy kế of 11 months
    for text, width in zip(header, widths):
        for word in text.replace("–", "– ").split():
            assert _bold_mm(word, points) + 2 * fitting.CELL_PAD_MM <= width, (word, text, round(width, 2))


def _bold_lines(text: str, width_mm: float, points: float) -> int:
    """The lines a bold header takes in a column this wide, wrapped between words (and after a
    dash) by the font's own widths (TIMES_BOLD), in the cell's room (its padding taken off)."""
    room = width_mm - 2 * fitting.CELL_PAD_MM
    space = 250 / 1000 * points * 0.3528
    lines, line = 1, 0.0
    for word in text.replace("–", "– ").split():
        size = _bold_mm(word, points)
        if line and line + space + size > room:
            lines, line = lines + 1, 0.0
        line += (space if line else 0.0) + size
    return lines


@pytest.mark.parametrize("month", ["2024-06", "2024-11"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_docx_header_takes_more_than_two_lines(lang, month, tmp_path):
    """The monthly report's docx printed "So / cùng / kỳ", "KH / năm / 2024" and "6 / months / to
    date" on three lines in columns narrower than the name needed to give (found by a QA pass):
    the name gives what its texts do not take, every header in two lines at most, the names
    still on one line each."""
    table, widths, header, points = _monthly_docx(tmp_path, lang, lambda text: text.replace("2024-06", month))
    assert len(header) == len(widths) >= 9
    assert {text: _bold_lines(text, width, points) for text, width in zip(header, widths) if _bold_lines(text, width, points) > 2} == {}
    names = [row.cells[1].text for row in table.rows[1:]]
    assert all(fitting.line_count(n, widths[1], points) == 1 for n in names)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_long_names_give_the_headers_their_two_lines_and_stay_readable(lang, tmp_path):
    """Names longer than the name column has room for: the headers still take two lines at most,
    the name giving it from its own width, never below the 55 mm a portrait page keeps for it."""
    long = {"vi": "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng xã hội trên địa bàn tỉnh (giá hiện hành)",
            "en": "Total retail sales of goods and consumer service revenue in the province (current prices)"}[lang]
    table, widths, header, points = _monthly_docx(
        tmp_path, lang, lambda text: text.replace("name: Kim ngạch xuất khẩu, name_en: Exports", f'name: "{long}", name_en: "{long}"'))
    assert long in [row.cells[1].text for row in table.rows]
    assert max(_bold_lines(text, width, points) for text, width in zip(header, widths)) <= 2
    assert widths[1] >= fitting.NAME_WANT_MM - 0.1
