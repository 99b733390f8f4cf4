"""Where a value comes from, what it replaced and what an indicator is, as every output says it
(output/provenance.py; README "History of a value", "Indicator metadata")."""

import io
import json
import zipfile
from datetime import date

import openpyxl
import pytest

from soctrang_kpi.core.model import Indicator, Period, PeriodPoint, Point, PointStatus, Version
from soctrang_kpi.output.labels import Lang
from soctrang_kpi.output.provenance import day_text, history_table, metadata_facts, metadata_json, value_json

from ..conftest import ROOT, kpi, kpi_en

EXAMPLE = ROOT / "docs" / "example-history"
SOURCE = "Cục Thống kê, Niên giám 2024"


def test_a_value_in_json_carries_its_source_day_and_history():
    point = Point(2024, 8.0, PointStatus.ACTUAL, source="CTK", recorded=date(2025, 6, 30))
    earlier = (Version(8.1, PointStatus.ESTIMATE, date(2024, 11, 20), "KH&ĐT", "ước"),)
    assert value_json(point, earlier) == {
        "source": "CTK", "recorded": "2025-06-30",
        "history": [{"value": 8.1, "status": "estimate", "recorded": "2024-11-20", "source": "KH&ĐT", "note": "ước"}],
    }
    assert value_json(Point(2024, 1.0)) == {}


def test_metadata_is_shown_and_carried():
    indicator = Indicator("x", "X", code="0501", agency="Cục Thống kê", reporting=("quarter", "year"))
    assert metadata_facts(indicator, Lang.VI) == [("Mã số", "0501"), ("Cơ quan chịu trách nhiệm", "Cục Thống kê"), ("Kỳ báo cáo", "quý, năm")]
    assert metadata_facts(indicator, Lang.EN)[-1] == ("Reported", "quarterly, yearly")
    assert metadata_json(indicator) == {"code": "0501", "definition": None, "agency": "Cục Thống kê", "reporting": ["quarter", "year"], "breakdown": None}
    assert metadata_facts(Indicator("y", "Y"), Lang.VI) == []


def test_the_history_table_lists_each_version_oldest_first():
    ytd = Period(2024, 1, 6, True)
    table = history_table(
        (Point(2024, 8.0, PointStatus.ACTUAL, source="CTK", recorded=date(2025, 6, 30)),),
        (PeriodPoint(ytd, 2750, PointStatus.ACTUAL),),
        {2024: (Version(8.1, PointStatus.ESTIMATE, date(2024, 11, 20), "KH&ĐT"),), ytd: (Version(2700, PointStatus.ESTIMATE),)},
        Lang.VI,
    )
    assert [row.cells for row in table.rows] == [
        ("2024", 8.1, "ước tính", "20/11/2024", "đã thay", "KH&ĐT"),
        ("", 8.0, "thực hiện", "30/06/2025", "hiện hành", "CTK"),
        ("2024-06 lũy kế", 2700, "ước tính", "-", "đã thay", ""),
        ("", 2750, "thực hiện", "-", "hiện hành", ""),
    ]
    assert day_text(date(2025, 3, 5), Lang.EN) == "2025-03-05"


def test_show_prints_the_metadata_and_the_source_in_english():
    result = kpi_en("show", "grdp-growth", "--data-dir", str(EXAMPLE), "--history")
    assert result.exit_code == 0, result.stderr
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    for line in ("Code 0501", "Responsible agency Cục Thống kê", "Reported quarterly, yearly", "Breakdown Khu vực kinh tế"):
        assert line in lines
    assert "2024 8 actual - Cục Thống kê, Niên giám 2024" in lines
    assert "Every version of its values" in result.stdout and "replaced" in result.stdout


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    found = {}
    for suffix in ("csv", "md", "html", "xlsx", "docx"):
        out = folder / f"bang.{suffix}"
        result = kpi("export", "-o", str(out), "--data-dir", str(EXAMPLE))
        assert result.exit_code == 0, result.stderr
        found[suffix] = out
    return found


def test_the_html_page_prints_the_metadata_under_each_chart(exports):
    text = exports["html"].read_text(encoding="utf-8")
    assert '<span class="about">Mã số: 0501 · Cơ quan chịu trách nhiệm: Cục Thống kê · Kỳ báo cáo: quý, năm</span>' in text
    assert '<span class="about">Cơ quan chịu trách nhiệm: Sở Tài chính · Kỳ báo cáo: tháng</span>' in text


@pytest.mark.parametrize("suffix", ["csv", "md", "html"])
def test_every_text_export_carries_the_sources(exports, suffix):
    text = exports[suffix].read_text(encoding="utf-8-sig")
    assert "2024: " + SOURCE in text
    assert "2024: Sở Tài chính, CV 123/STC" in text


def test_the_workbook_and_the_word_document_carry_the_sources(exports):
    sheet = openpyxl.load_workbook(exports["xlsx"]).worksheets[0]
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert any(SOURCE in c for c in cells)
    with zipfile.ZipFile(exports["docx"]) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert SOURCE in body


def test_json_of_status_carries_metadata_and_the_day_known(tmp_path):
    data = json.loads(kpi("status", "--json", "--as-known-on", "2024-12-05", "--data-dir", str(EXAMPLE)).stdout)
    row = next(r for r in data["indicators"] if r["id"] == "grdp-growth")
    assert (row["code"], row["agency"], row["reporting"]) == ("0501", "Cục Thống kê", ["quarter", "year"])
    assert row["latest"] == {"year": 2024, "value": 8.1, "status": "estimate", "source": "Sở Kế hoạch và Đầu tư, Báo cáo 11/2024", "recorded": "2024-11-20"}
    assert data["known_on"] == "2024-12-05" and data["audited_known_on"] == "2024-12-05"
    bad = kpi_en("status", "--as-known-on", "2024-12-32", "--data-dir", str(EXAMPLE))
    assert bad.exit_code == 2 and "expected a date written 2024-03-15, found '2024-12-32'" in bad.stderr
