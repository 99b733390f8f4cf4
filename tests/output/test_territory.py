"""The territory's tables: an indicator across the areas, an indicator's parts."""

from soctrang_kpi.core.areas import across_areas
from soctrang_kpi.core.model import Area, Point, PointStatus
from soctrang_kpi.files import load
from soctrang_kpi.output.formats import Format, formatter
from soctrang_kpi.output.document import Style
from soctrang_kpi.output.labels import Lang
from soctrang_kpi.output.territory import by_area_document, parts_table

from ..conftest import ROOT


def test_the_parts_table_marks_estimates_and_leaves_out_parts_without_values():
    parts = (
        (Area("a", "Xã A"), (Point(2024, 10), Point(2025, 11, PointStatus.ESTIMATE))),
        (Area("b", "Xã B"), ()),
    )
    table = parts_table(parts, Lang.VI)
    assert table is not None and [c.header for c in table.columns] == ["Đơn vị", "2024", "2025"]
    assert [r.cells for r in table.rows] == [("Xã A", 10, 11)] and table.rows[0].marks == frozenset({2})
    assert parts_table(((Area("b", "Xã B"), ()),), Lang.VI) is None


def test_by_area_reads_at_80_columns_in_both_languages():
    data, _ = load.read(ROOT / "docs" / "example-territory")
    overall, results, _said = across_areas(data, "urbanisation")
    for lang, said in ((Lang.VI, "4/5 xã, phường đạt chỉ tiêu"), (Lang.EN, "4/5 areas achieved their target")):
        text = formatter(Format.TABLE).text(by_area_document(overall, "urbanisation", results, lang), Style(width=80))
        assert said in text and max(len(line) for line in text.splitlines()) <= 80
        assert text.index("Xã Long Phú") < text.index("Xã Vị Thủy")  # ranked, best first


def test_the_scorecard_colours_each_cell_on_a_colour_terminal():
    from soctrang_kpi.core.areas import scorecard
    from soctrang_kpi.output.territory import scorecard_document

    data, _ = load.read(ROOT / "docs" / "example-territory")
    overall, columns, lines, _said = scorecard(data)
    text = formatter(Format.TABLE).text(scorecard_document(overall, columns, lines, Lang.VI), Style(color=True, width=100))
    vi_thuy = next(line for line in text.splitlines() if "Xã Vị Thủy" in line)
    long_phu = next(line for line in text.splitlines() if "Xã Long Phú" in line)
    assert vi_thuy.count("\x1b[31m") == 2 and long_phu.count("\x1b[32m") == 2  # at risk red, exceeded green, cell by cell
    plain = formatter(Format.TABLE).text(scorecard_document(overall, columns, lines, Lang.VI), Style(color=False, width=100))
    assert "\x1b[" not in plain


def _scorecard(lang=Lang.VI):
    from soctrang_kpi.core.areas import scorecard
    from soctrang_kpi.output.territory import scorecard_document

    data, _ = load.read(ROOT / "docs" / "example-territory")
    return scorecard_document(*scorecard(data)[:3], lang)  # what it says goes to stderr


def test_the_scorecard_workbook_has_the_appendix_heading_once():
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(formatter(Format.XLSX).file(_scorecard()))).worksheets[0]
    column_a = [sheet.cell(n, 1).value for n in range(1, 6)]
    assert column_a[:2] == ["Phụ lục", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"]
    assert column_a[2].startswith("Bảng đánh giá theo đơn vị — ") and column_a[3] is None and column_a[4] == "Đơn vị"


def test_the_scorecard_s_name_column_leaves_its_indicators_headers_room():
    """On paper (docx, xlsx) the areas' short names do not take the page: each indicator's
    header gets the room to stand on one line, as wide as it is."""
    from soctrang_kpi.output.formats.fitting import lay_out, text_mm

    doc = _scorecard()
    laid = lay_out(doc.tables[0], doc)
    name, *indicators = laid.widths
    assert name < 0.5 * sum(laid.widths)  # was 60 %, the headers wrapping to 3–4 lines
    for column, width in zip(doc.tables[0].columns[1:], indicators):
        assert width >= text_mm(column.header, laid.points, bold=True)


def test_the_scorecard_s_counts_at_80_columns_break_between_indicators():
    text = formatter(Format.TABLE).text(_scorecard(), Style(width=80))
    counts = [line.strip() for line in text.splitlines()[-2:]]
    assert counts == ["Tỷ lệ đô thị hóa: 4/5 xã, phường đạt;", "Thu ngân sách trên địa bàn: 4/5 xã, phường đạt"]


def test_the_scorecard_csv_ends_with_the_counts_after_an_empty_line():
    text = formatter(Format.CSV).file(_scorecard()).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "Đơn vị,3. Tỷ lệ đô thị hóa,4. Thu ngân sách trên địa bàn" and len(lines) == 1 + 6 + 2
    assert lines[-2:] == ["", '"Tỷ lệ đô thị hóa: 4/5 xã, phường đạt; Thu ngân sách trên địa bàn: 4/5 xã, phường đạt"']
