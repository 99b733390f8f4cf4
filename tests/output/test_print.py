"""The documents as a person sees them: docx and xlsx printed to PDF by LibreOffice, the html page
by headless Chromium, then read back with poppler (pdfinfo, pdftotext).

Needs LibreOffice (`soffice`), poppler-utils and chromium (`.ci/run` installs them). Without them
the tests are skipped on a developer's machine and fail in CI, so they cannot silently stop
running there. Each document is exported and converted once per module.
"""

import json
import subprocess

import pytest


from ..conftest import kpi
from .printing import CHROMIUM, IN_CI, POPPLER, SOFFICE

needs_office = pytest.mark.skipif(
    not (SOFFICE and POPPLER and CHROMIUM) and not IN_CI,
    reason="LibreOffice, chromium or poppler-utils is not installed (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui chromium poppler-utils)",
)
needs_chromium = needs_office  # the documents are printed together (tests/output/printing.py)


@pytest.fixture(scope="module")
def names():
    indicators = json.loads(kpi("status", "--json").stdout)["indicators"]
    return [i["name"] for i in indicators]


def _read(printed, fmt):
    found = printed["bundled", fmt]
    return {"pages": found.pages, "size": found.size, "text": found.text, "flat": found.flat, "path": found.path}


@pytest.fixture(scope="module")
def printed_bundled(printed):
    """The bundled plan's docx and xlsx printed by LibreOffice, its html page by Chromium."""
    return {fmt: _read(printed, fmt) for fmt in ("docx", "xlsx", "html")}


def _assert_a4_landscape(size):
    width, height = size
    assert abs(width - 842) < 3 and abs(height - 595) < 3, size


def _missing_names(flat, names):
    return [n for n in names if " ".join(n.split()) not in flat]


@needs_office
def test_the_word_appendix_prints_as_handed_in(printed_bundled, names):
    doc = printed_bundled["docx"]
    _assert_a4_landscape(doc["size"])
    assert 2 <= doc["pages"] <= 5, doc["pages"]  # the published appendix takes 3 pages
    assert _missing_names(doc["flat"], names) == []  # every name whole, however it wraps
    flat = doc["flat"]
    assert "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" in flat and "tính đến năm 2023" in flat
    for header in ("Thực hiện", "Lộ trình", "Dự báo", "So sánh %", "Đánh giá"):
        assert header in flat
    for figure in ("417.000", "5,76", "7,10*", "60,30*", "≤ 33", "Trên 80", "2–3"):
        assert figure in flat, figure
    assert "23 chỉ tiêu: 7 vượt, 10 đạt, 6 khó đạt" in flat and "(*) Số liệu ước tính." in flat
    # the header is repeated: "Thực hiện" heads every page of the table
    assert doc["text"].count("Thực hiện") >= doc["pages"] - 1


@needs_office
def test_the_workbook_prints_in_parts_that_repeat_the_first_columns(printed_bundled, names):
    book = printed_bundled["xlsx"]
    _assert_a4_landscape(book["size"])
    # the appendix (at 11 pt, in two parts each number whole: README "Nghị định 30/2020") and the audit
    assert book["pages"] <= 12, book["pages"]
    assert book["flat"].count("ĐVT") >= book["pages"] - 2  # each page of the appendix has TT, the name and the unit
    # every word of every name is printed whole: test_legibility (a sheet's text comes out of order)
    flat = book["flat"]
    for figure in ("417.000", "5,76", "7,10*", "Trên 80", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"):
        assert figure in flat, figure
    assert "báo cáo chỉ tính năm 2023, không phải bình quân cả giai đoạn" in flat  # the audit's notes


@needs_chromium
def test_the_html_page_prints_on_a4_landscape(printed_bundled, names):
    page = printed_bundled["html"]
    _assert_a4_landscape(page["size"])
    assert page["pages"] <= 12, page["pages"]  # the table, the charts three a row, the audit
    assert _missing_names(page["flat"], names) == []
    for figure in ("417.000", "5,76", "23 chỉ tiêu: 7 vượt, 10 đạt, 6 khó đạt", "(*) Số liệu ước tính."):
        assert figure in page["flat"], figure


def test_the_charts_target_mark_is_drawn_at_the_right_edge_too():
    from soctrang_kpi.core.model import Point, PointStatus, Target
    from soctrang_kpi.output.labels import Lang
    from soctrang_kpi.output.text_chart import chart

    series = (Point(2020, 50.0, PointStatus.ACTUAL), Point(2021, 60.0, PointStatus.ACTUAL))
    from soctrang_kpi.core.model import Kind

    from soctrang_kpi.output.text_chart import CELLS

    lines = chart(series, Target(Kind.LEVEL, value=100.0), Lang.VI)
    assert all(line[5 : 5 + CELLS][CELLS - 1] == "│" for line in lines[1:])
    # drawn for 20 columns: bars of 12 cells beside "50" and "60", the mark in the last
    narrow = chart(series, Target(Kind.LEVEL, value=100.0), Lang.VI, width=20)
    assert [line[5:17][11] for line in narrow if line[:4] in ("2020", "2021")] == ["│", "│"]


@needs_office
@pytest.mark.parametrize("suffix, filter_name", [("xlsx", "xlsx"), ("docx", "docx:MS Word 2007 XML")])
def test_an_export_saved_again_by_libreoffice_imports_the_same(tmp_path, suffix, filter_name):
    """The data `kpi export` carries for `kpi import` (a hidden sheet, a custom XML part)
    survives the office opening and saving the file in LibreOffice."""
    assert SOFFICE, "CI must install LibreOffice: see .ci/run"
    exported = tmp_path / f"phu-luc.{suffix}"
    assert kpi("export", "-o", str(exported)).exit_code == 0
    saved = tmp_path / "saved"
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless", "--convert-to", filter_name,
         "--outdir", str(saved), str(exported)],
        capture_output=True, text=True, timeout=240,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = kpi("import", str(saved / exported.name), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert "tệp mang dữ liệu kpi đã xuất" in result.stderr
    assert kpi("status", "--json", "--data-dir", str(tmp_path / "out")).stdout == kpi("status", "--json").stdout
