"""Documents an office hands in as they are (Nghị định 30/2020/NĐ-CP): the page, the heading
block and its options, the columns that carry nothing, notes as footnotes, and the small fixes
(markdown title once, csv decimals one way, html verdict class). Read from the files, no
rendering: tests/output/test_legibility.py looks at the printed pages."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import openpyxl
import pytest

from soctrang_kpi.output.document import Column, Row, Table, carrying, keep_columns, notes_as_footnotes

from ..conftest import kpi
from .long_plan import write

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ATTACHED = "Báo cáo số 405-BC/TU ngày 14/9/2023 của Tỉnh ủy Sóc Trăng"


@pytest.fixture(scope="module")
def long_plan(tmp_path_factory):
    """A 2025–2030 plan as of 2026 with notes: its roadmap of 2028–2030 is empty."""
    return write(tmp_path_factory.mktemp("long") / "data")


def _docx(path):
    from docx import Document as WordDocument

    return WordDocument(str(path))


def _mm(length) -> float:
    return round(length.mm, 1)


def test_the_word_document_follows_the_decree(tmp_path):
    path = tmp_path / "phu-luc.docx"
    assert kpi("export", "-o", str(path), "--with-audit").exit_code == 0
    document = _docx(path)
    for section in document.sections:
        assert (_mm(section.page_width), _mm(section.page_height)) in ((210.0, 297.0), (297.0, 210.0))  # A4
        assert 20 <= _mm(section.top_margin) <= 25 and 20 <= _mm(section.bottom_margin) <= 25
        assert 30 <= _mm(section.left_margin) <= 35 and 15 <= _mm(section.right_margin) <= 20
    first = document.sections[0]
    # the page number: top centre, not on the first page
    assert first.different_first_page_header_footer
    header = first.header._element.xml
    assert 'w:instr="PAGE"' in header and "<w:jc w:val=\"center\"/>" in header
    assert "PAGE" not in first.first_page_header._element.xml
    assert not document.sections[1].different_first_page_header_footer  # the audit's pages are numbered
    # the language is Vietnamese: Word checks the spelling as Vietnamese
    styles = document.styles.element.xml
    assert 'w:lang w:val="vi-VN"' in styles and "en-US" not in styles
    assert document.core_properties.language == "vi-VN"
    # Times New Roman, 13–14 pt for the text, the table no smaller than 10 pt
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and 13 <= normal.size.pt <= 14
    sizes = {run.font.size.pt if run.font.size else None for table in document.tables for cell in table._cells
             for p in cell.paragraphs for run in p.runs}
    styles_pt = {p.style.font.size.pt for table in document.tables for cell in table._cells for p in cell.paragraphs}
    assert min(s for s in sizes | styles_pt if s) >= 10
    lines = [p.text for p in document.paragraphs if p.text][:3]
    assert lines == ["Phụ lục", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV, nhiệm kỳ 2020–2025 — tính đến năm 2023"]


def test_the_appendix_heading_comes_from_the_options(tmp_path):
    path = tmp_path / "phu-luc.docx"
    done = kpi("export", "-o", str(path), "--appendix", "II", "--attached-to", ATTACHED)
    assert done.exit_code == 0, done.output
    paragraphs = [p for p in _docx(path).paragraphs if p.text]
    assert paragraphs[0].text == "Phụ lục II" and paragraphs[0].runs[0].bold
    assert paragraphs[1].text == "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"  # the name in capitals
    attached = paragraphs[3]
    assert attached.text == f"(Kèm theo {ATTACHED})" and attached.runs[0].italic and attached.alignment == 1
    # given whole, the words are not doubled
    done = kpi("export", "-o", str(path), "--force", "--appendix", "Phụ lục III", "--attached-to", f"(Kèm theo {ATTACHED})")
    texts = [p.text for p in _docx(path).paragraphs if p.text]
    assert texts[0] == "Phụ lục III" and texts[3] == f"(Kèm theo {ATTACHED})"


def test_the_appendix_heading_comes_from_the_plan_settings(folder, tmp_path):
    targets = folder / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    targets.write_text(text.replace(
        "      roadmap_from: 2023 ",
        f'      appendix: "Phụ lục I"\n      attached_to: "{ATTACHED}"\n      pace: false\n      roadmap_from: 2023 ',
    ), encoding="utf-8")
    assert kpi("validate", "--data-dir", str(folder)).exit_code == 0
    for suffix in ("docx", "xlsx", "html"):
        assert kpi("export", "--data-dir", str(folder), "-o", str(tmp_path / f"a.{suffix}")).exit_code == 0
    assert [p.text for p in _docx(tmp_path / "a.docx").paragraphs if p.text][:4] == [
        "Phụ lục I", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV, nhiệm kỳ 2020–2025 — tính đến năm 2023", f"(Kèm theo {ATTACHED})",
    ]
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").worksheets[0]
    assert [sheet.cell(row=r, column=1).value for r in (1, 4)] == ["Phụ lục I", f"(Kèm theo {ATTACHED})"]
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "<p><b>Phụ lục I</b></p>" in page and f'<p class="attached">(Kèm theo {ATTACHED})</p>' in page
    # the plan does not want the pace: no "Tiến độ" column anywhere; the option wins over the settings
    assert "Tiến độ" not in page and all(c.value != "Tiến độ" for c in sheet[6] + sheet[5])
    assert kpi("export", "--data-dir", str(folder), "-o", str(tmp_path / "b.docx"), "--appendix", "IV").exit_code == 0
    assert [p.text for p in _docx(tmp_path / "b.docx").paragraphs if p.text][0] == "Phụ lục IV"
    # in English the plan's "Phụ lục I" is "Appendix I", not "Appendix Phụ lục I"
    assert kpi("export", "--data-dir", str(folder), "-o", str(tmp_path / "en.docx"), "--lang", "en").exit_code == 0
    assert [p.text for p in _docx(tmp_path / "en.docx").paragraphs if p.text][0] == "Appendix I"


def test_a_bad_setting_is_an_error_naming_it(folder):
    targets = folder / "targets.yaml"
    targets.write_text(targets.read_text(encoding="utf-8").replace("      roadmap_from: 2023 ", "      pace: sometimes\n      roadmap_from: 2023 "), encoding="utf-8")
    done = kpi("validate", "--data-dir", str(folder))
    assert done.exit_code == 1 and "pace" in done.stderr and "targets.yaml:" in done.stderr


def test_columns_that_carry_nothing_are_left_out(long_plan, tmp_path):
    path = tmp_path / "a.csv"
    assert kpi("export", "--data-dir", str(long_plan), "-o", str(path)).exit_code == 0
    header = next(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    # 2025–2030 as of 2026: the roadmap has 2027 only; 2028–2030 would print columns of "-"
    assert "Lộ trình 2027" in header and not any(h in header for h in ("Lộ trình 2028", "Lộ trình 2029", "Lộ trình 2030"))
    assert header[-1] == "Nguồn" and "Tiến độ" in header
    # the bundled data notes no value: no source column
    assert kpi("export", "-o", str(tmp_path / "b.csv")).exit_code == 0
    assert "Nguồn" not in (tmp_path / "b.csv").read_text(encoding="utf-8-sig").splitlines()[0]


def test_carrying_keeps_what_has_something_and_moves_the_marks():
    table = Table("t", (Column("a", key="no"), Column("b", key="roadmap"), Column("c", key="roadmap"), Column("d", key="note")),
                  (Row(("1", None, 2.0, ""), marks=frozenset({2})), Row(("2", "-", None, ""))))
    kept = keep_columns(table, carrying(table, frozenset({"roadmap", "note"})))
    assert [c.header for c in kept.columns] == ["a", "c"] and kept.rows[0].cells == ("1", 2.0) and kept.rows[0].marks == {1}
    assert [c.header for c in keep_columns(table, carrying(table, frozenset(), frozenset({"note"}))).columns] == ["a", "b", "c"]


def test_notes_become_numbered_footnotes():
    table = Table("t", (Column("TT", key="no"), Column("Chỉ tiêu", key="name", wrap=True), Column("Nguồn", key="note", wrap=True)),
                  (Row(("1", "A", "Cục Thống kê")), Row(("2", "B", "")), Row(("3", "C", "Cục Thống kê")), Row(("4", "D", "Sở Nội vụ"))))
    moved = notes_as_footnotes(table)
    assert [c.header for c in moved.columns] == ["TT", "Chỉ tiêu"]
    assert [r.cells[1] for r in moved.rows] == ["A (1)", "B", "C (1)", "D (2)"]
    assert moved.footnotes == ("(1) Cục Thống kê", "(2) Sở Nội vụ")


def test_long_notes_are_footnotes_in_every_printed_format(long_plan, tmp_path):
    for suffix in ("docx", "xlsx", "html"):
        assert kpi("export", "--data-dir", str(long_plan), "-o", str(tmp_path / f"a.{suffix}")).exit_code == 0
    footnote = "(1) 2026: Cục Thống kê thành phố, số ước tính ngày 30/11/2026, sẽ cập nhật theo số chính thức quý I/2027"
    document = _docx(tmp_path / "a.docx")
    assert footnote in [p.text for p in document.paragraphs]
    assert "Nguồn" not in [c.text for c in document.tables[0].rows[0].cells]
    assert document.tables[0].rows[2].cells[1].text.endswith("(chỉ tiêu 1) (1)")
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").worksheets[0]
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert footnote in values and "Nguồn" not in values
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    # on screen the notes keep their column; on paper they are footnotes
    assert '<th class="note notes-col" rowspan="2">Nguồn</th>' in page
    assert f"<li>{footnote}</li>" in page and ".notes-col { display: none; }" in page and '<span class="fn">(1)</span>' in page


def test_the_html_verdict_class_is_on_the_verdict_cell(long_plan, tmp_path):
    for name, options in (("a", ()), ("b", ("--data-dir", str(long_plan)))):
        path = tmp_path / f"{name}.html"
        assert kpi("export", "-o", str(path), *options).exit_code == 0
        page = path.read_text(encoding="utf-8")
        classes = re.findall(r'<td class="([^"]*status-[^"]*)"', page)
        assert classes and all(c.startswith("verdict status-") for c in classes), set(classes)
    assert '<html lang="vi-VN">' in page


def test_csv_writes_every_decimal_with_a_point(tmp_path):
    path = tmp_path / "a.csv"
    assert kpi("export", "-o", str(path)).exit_code == 0
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    header = rows[0]
    pace, verdict = header.index("Tiến độ"), header.index("Đánh giá")
    cells = [row[i] for row in rows[1:] for i in range(2, len(row)) if i != 1]
    assert not [c for c in cells if re.search(r"\d,\d", c)]
    assert any(re.search(r"\(\d\.\d\d\)$", row[pace]) for row in rows[1:])  # "Cần tăng tốc (0.72)"
    assert "Vượt 0.40%" in [row[verdict] for row in rows[1:]]
    # the people's formats keep the language's comma
    assert kpi("export", "-o", str(tmp_path / "a.md")).exit_code == 0
    assert "Vượt 0,40%" in (tmp_path / "a.md").read_text(encoding="utf-8")


def test_markdown_prints_its_title_once(tmp_path):
    path = tmp_path / "a.md"
    assert kpi("export", "-o", str(path)).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert text.count("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV, nhiệm kỳ 2020–2025 — tính đến năm 2023") == 1


def test_the_workbook_is_in_vietnamese_and_in_times(tmp_path):
    path = tmp_path / "a.xlsx"
    assert kpi("export", "-o", str(path)).exit_code == 0
    with zipfile.ZipFile(path) as package:
        core = package.read("docProps/core.xml").decode()
        styles = package.read("xl/styles.xml").decode()
    assert "<dc:language>vi-VN</dc:language>" in core
    # font 0, whose digit is the unit of the column widths, is Times: the widths print the same everywhere
    assert re.search(r'<fonts count="\d+"><font><sz val="11"/><name val="Times New Roman"/>', styles)


def test_the_default_margins_are_within_the_decree():
    from soctrang_kpi.output.formats import nd30

    assert all(low <= getattr(nd30.MARGINS_MM, side) <= high for side, (low, high) in nd30.MARGIN_RANGES.items())
    assert 13 <= nd30.BODY_PT <= 14 and nd30.TABLE_MIN_PT >= 10 and nd30.FONT == "Times New Roman"


@pytest.mark.parametrize("given", [f"Kèm theo {ATTACHED}", f"(Kèm theo {ATTACHED})", f"Attached to {ATTACHED}"])
def test_the_attached_line_given_whole_is_not_doubled_in_either_language(tmp_path, given):
    """ "Kèm theo Báo cáo …" in the plan or the option, exported in English: "(Attached to Báo cáo …)",
    not "(Attached to Kèm theo Báo cáo …)"; in Vietnamese "(Kèm theo Báo cáo …)" from either words."""
    for lang, line in (("en", f"(Attached to {ATTACHED})"), ("vi", f"(Kèm theo {ATTACHED})")):
        for suffix in ("docx", "xlsx", "html"):
            path = tmp_path / f"{lang}.{suffix}"
            done = kpi("export", "-o", str(path), "--force", "--attached-to", given, "--lang", lang)
            assert done.exit_code == 0, done.output
            if suffix == "docx":
                assert line in [p.text for p in _docx(path).paragraphs]
            elif suffix == "xlsx":
                assert line in [c.value for c in openpyxl.load_workbook(path).worksheets[0]["A"]]
            else:
                assert f'<p class="attached">{line}</p>' in path.read_text(encoding="utf-8")


def test_a_monthly_report_workbook_carries_the_decrees_heading_block(tmp_path):
    """The monthly report's xlsx: "Phụ lục II", the title in capitals, the plan, "(Kèm theo …)"
    above its table, as its docx and html print them (its first two rows were the same title,
    --appendix and --attached-to not printed; found by a QA pass)."""
    import openpyxl

    from ..conftest import ROOT

    out = tmp_path / "thang.xlsx"
    result = kpi("export", "--data-dir", str(ROOT / "docs" / "example-periods"), "--appendix", "Phụ lục II",
                 "--attached-to", "Báo cáo số 9/BC", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    first = [row[0] for row in openpyxl.load_workbook(out).worksheets[0].iter_rows(min_row=1, max_row=4, values_only=True)]
    assert first[0] == "Phụ lục II" and first[1] == "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" and first[3] == "(Kèm theo Báo cáo số 9/BC)"


@pytest.mark.parametrize("suffix", ["docx", "xlsx", "html"])
def test_a_monthly_report_takes_its_heading_block_from_the_plan_settings(tmp_path, suffix):
    """The plan's `appendix` and `attached_to` head its monthly report as they head its yearly
    appendix (the monthly documents printed a bare "Phụ lục" and no "(Kèm theo …)" unless the
    options said them; found by a QA pass)."""
    import shutil

    from ..conftest import ROOT

    folder = tmp_path / "data"
    shutil.copytree(ROOT / "docs" / "example-periods", folder)
    targets = folder / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    assert "settings:" not in text.split("plans:", 1)[1].split("targets:", 1)[0]
    targets.write_text(text.replace("\n    targets:", f'\n    settings: {{appendix: "Phụ lục I", attached_to: "{ATTACHED}"}}\n    targets:', 1),
                       encoding="utf-8")
    out = tmp_path / f"thang.{suffix}"
    result = kpi("export", "--data-dir", str(folder), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    attached = f"(Kèm theo {ATTACHED})"
    if suffix == "docx":
        lines = [p.text for p in _docx(out).paragraphs if p.text]
        assert lines[0] == "Phụ lục I" and attached in lines[:5]
    elif suffix == "xlsx":
        first = [row[0] for row in openpyxl.load_workbook(out).worksheets[0].iter_rows(min_row=1, max_row=4, values_only=True)]
        assert first[0] == "Phụ lục I" and first[3] == attached
    else:
        page = out.read_text(encoding="utf-8")
        assert "<p><b>Phụ lục I</b></p>" in page and f'<p class="attached">{attached}</p>' in page
