"""A workbook whose targets are printed in words ("Tối thiểu 717 nghìn tỷ đồng") prints every
column of its table across the page (README "Nghị định 30/2020: what the documents follow"): the
printed form of a target wraps between words in its column, as the name does, instead of a
column as wide as its longest wording that sent the table into two parts — "% so NQ", "Dự báo"
and "Đánh giá" on pages of their own (found by a QA pass)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from soctrang_kpi.output.formats import as_xlsx, fitting, nd30

from ..conftest import kpi

INDICATORS = [
    ("grdp-growth", "Tốc độ tăng trưởng kinh tế (GRDP) bình quân hằng năm", "%"),
    ("grdp", "Tổng sản phẩm trên địa bàn (GRDP giá hiện hành)", "Nghìn tỷ đồng"),
    ("per-capita", "GRDP bình quân đầu người", "Triệu đồng"),
    ("revenue", "Tổng thu ngân sách nhà nước trên địa bàn", "Nghìn tỷ đồng"),
    ("income", "Thu nhập bình quân đầu người", "Triệu đồng/tháng"),
    ("online", "Tỷ lệ dịch vụ công trực tuyến được sử dụng", "%"),
]
TARGETS = {
    "grdp-growth": '{kind: growth, range: [10, 10.5], printed: "Từ 10 - 10,5%/năm"}',
    "grdp": '{kind: level, value: 717, printed: "%s"}',
    "per-capita": '{kind: level, value: 215, approximate: true, printed: "Khoảng 215 triệu đồng"}',
    "revenue": '{kind: level, value: 57, printed: "57 nghìn tỷ đồng"}',
    "income": "{kind: level, value: 8.5}",
    "online": '{kind: level, strict: true, value: 80, printed: "Trên 80"}',
}
VALUES = {"grdp-growth": (8.3, 9.6), "grdp": (312.62, 351.4), "per-capita": (99.56, 110.2),
          "revenue": (33.2, 35.1), "income": (5.9, 6.4), "online": (62, 71)}


def _plan(folder, wording: str) -> None:
    indicators = "\n".join(f"  - {{id: {i}, name: \"{name}\", unit: \"{unit}\"}}" for i, name, unit in INDICATORS)
    targets = "\n".join(
        f"      - {{indicator: {i}, number: \"{n}\", " + (TARGETS[i] % wording if i == "grdp" else TARGETS[i])[1:]
        for n, (i, _, _) in enumerate(INDICATORS, start=1)
    )
    (folder / "targets.yaml").write_text(
        "schema_version: 1\nindicators:\n" + indicators + "\nplans:\n  - id: term\n    name: \"Nghị quyết Đại hội\"\n"
        "    base_year: 2025\n    target_year: 2030\n    settings: {precision: 2}\n    targets:\n" + targets + "\n",
        encoding="utf-8",
    )
    series = "\n".join(f"  {i}:\n    actual: {{2025: {a}}}\n    estimate: {{2026: {b}}}" for i, (a, b) in VALUES.items())
    (folder / "actuals.yaml").write_text("schema_version: 1\nseries:\n" + series + "\n", encoding="utf-8")


@pytest.mark.parametrize("wording", [
    "Tối thiểu 717 nghìn tỷ đồng",
    "Tối thiểu 717 nghìn tỷ đồng, phấn đấu đạt 750 nghìn tỷ đồng",
    "286 nghìn tỷ đồng (40% GRDP)",
])
def test_a_term_with_worded_targets_prints_every_column_across_the_page(wording, tmp_path):
    _plan(tmp_path, wording)
    out = tmp_path / "term.xlsx"
    result = kpi("export", "--data-dir", str(tmp_path), "-o", str(out))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(io.BytesIO(out.read_bytes())).worksheets[0]
    headers = [sheet.cell(row, column).value for row in (5, 6) for column in range(1, sheet.max_column + 1)]
    for header in ("Đánh giá", "Dự báo", "Nghị quyết (ghi)"):
        assert header in headers
    # one part: no column break, no print range of parts, at 100 % within the decree's margins
    assert not sheet.col_breaks.brk and not sheet.print_area and not sheet.print_title_cols
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth is None
    widths = [sheet.column_dimensions[chr(65 + n)].width * as_xlsx.UNIT_MM for n in range(sheet.max_column)]
    assert sum(widths) <= nd30.usable_mm(True) * as_xlsx.ROOM + 0.1
    # the heading block merged over the whole table, the header rows repeated on every page
    last = chr(64 + sheet.max_column)
    assert {f"A{row}:{last}{row}" for row in (1, 2, 3)} <= {str(m) for m in sheet.merged_cells.ranges}
    assert sheet.print_title_rows == "$5:$6"
    # the wording wraps between words, in a row tall enough for its lines
    column = headers.index("Nghị quyết (ghi)") + 1
    cell = next(c for c in sheet.iter_cols(min_col=column, max_col=column, min_row=7) for c in c if c.value == wording)
    assert cell.alignment.wrap_text and cell.alignment.horizontal == "right"
    points = cell.font.sz
    lines = fitting.line_count(wording, widths[column - 1], points)
    assert lines > 1
    assert sheet.row_dimensions[cell.row].height >= lines * points
    # no word of it broken: the column holds its longest word
    longest = max(fitting.text_mm(w, points) * fitting.SAFETY for w in wording.split())
    assert widths[column - 1] >= longest + 2 * fitting.CELL_PAD_MM


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("years", [("2025", "2030"), ("2025", "2026")])
def test_the_init_plans_print_on_one_page_wide_in_either_language(lang, years, tmp_path):
    """`kpi init`'s term and annual plans, in Vietnamese and in English, print every column
    across one page: a header's word and a text's (a unit, a verdict) are text, padded as text,
    not with the space a number format leaves after a number (the English term, "Forecast",
    "Assessment", "Acceleration", was printed in two parts — QA)."""
    folder = tmp_path / "d"
    assert kpi("init", str(folder), "--base-year", years[0], "--target-year", years[1]).exit_code == 0
    out = tmp_path / "plan.xlsx"
    result = kpi("--lang", lang, "export", "--data-dir", str(folder), "--as-of", "2026", "-o", str(out))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(io.BytesIO(out.read_bytes())).worksheets[0]
    assert not sheet.col_breaks.brk and not sheet.print_area and not sheet.print_title_cols
    widths = [sheet.column_dimensions[chr(65 + n)].width * as_xlsx.UNIT_MM for n in range(sheet.max_column)]
    assert sum(widths) <= nd30.usable_mm(True) * as_xlsx.ROOM + 0.1
    # no header's word wider than its column as printed (its cell's padding taken off)
    for n in range(sheet.max_column):
        header = " ".join(str(sheet.cell(row, n + 1).value or "") for row in (5, 6) if sheet.cell(row, n + 1).value)
        if sheet.cell(5, n + 1).coordinate in {str(m).split(":")[0] for m in sheet.merged_cells.ranges if m.min_col != m.max_col}:
            header = str(sheet.cell(6, n + 1).value or "")  # a group's title spans its columns
        points = sheet.cell(6, n + 1).font.sz
        printed = widths[n] / as_xlsx.UNIT_MM * as_xlsx.PRINTED_UNIT_MM
        for w in header.replace("–", "– ").split():
            assert fitting.printed_mm(w, points, bold=True) + 2 * as_xlsx.TEXT_PAD_MM <= printed, (w, printed)
