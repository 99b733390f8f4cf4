"""A target's printed wording in every format and language: its words as printed, its numbers
read the way they are written (Vietnamese) and written the output's way — csv with a decimal point
and no grouping, English with a decimal point and comma grouping (README "Targets as an office
words them"). English prints the target's English wording (``printed_en``) or a form made from
its fields, never the Vietnamese words (README "A target's wording in English")."""

import csv
import io
import json

import docx
import openpyxl
import pytest

from typer.testing import CliRunner

from soctrang_kpi.cli import app


from ..conftest import kpi

TARGETS = """schema_version: 1
indicators:
  - {id: grdp-growth, name: Tăng trưởng GRDP, unit: "%"}
  - {id: grdp, name: GRDP, unit: Tỷ đồng}
  - {id: firms, name: Doanh nghiệp mới, unit: Doanh nghiệp}
  - {id: hdi, name: HDI, precision: 3}
  - {id: poor, name: Hộ nghèo giảm, unit: "%"}
  - {id: exports, name: Xuất khẩu, unit: Tỷ USD}
plans:
  - id: term-2025-2030
    name: Nhiệm kỳ 2025–2030
    base_year: 2025
    target_year: 2030
    targets:
      - {indicator: grdp-growth, number: "1", kind: growth, range: [10, 10.5], printed: "Từ 10 - 10,5%/năm", printed_en: "From 10 - 10.5% a year"}
      - {indicator: grdp, number: "2", kind: level, value: 717000, printed: "Tối thiểu 717.000"}
      - {indicator: firms, number: "3", kind: level, range: [1200, 1500], printed: "1.200–1.500"}
      - {indicator: hdi, number: "4", kind: level, value: 0.78, printed: "Tối thiểu 0,78", printed_en: "At least 0.78"}
      - {indicator: poor, number: "5", kind: reduction, value: 0.5, printed: "Giảm 0,5"}
      - {indicator: exports, number: "6", kind: growth, value: 8.2, printed: "8,2%"}
"""
ACTUALS = """schema_version: 1
series:
  grdp-growth: {actual: {2025: 8.3, 2026: 9.1}}
  grdp: {actual: {2025: 312621, 2026: 349500}}
  firms: {actual: {2025: 1100, 2026: 1250}}
  hdi: {actual: {2025: 0.745, 2026: 0.752}}
  poor: {actual: {2025: 2.5, 2026: 2.1}}
  exports: {actual: {2025: 5.5, 2026: 6}}
"""

#: what each output shows for the six printed targets, by row
VI = ["Từ 10 - 10,5%/năm", "Tối thiểu 717.000", "1.200–1.500", "Tối thiểu 0,78", "Giảm 0,5", "8,2%"]
#: in English: the English wording where targets.yaml gives one, else the form made from the fields
EN = ["From 10 - 10.5% a year", "717,000", "1,200–1,500", "At least 0.78", "Down 0.5", "8.2"]
MACHINE = {
    "vi": ["Từ 10 - 10.5%/năm", "Tối thiểu 717000", "1200–1500", "Tối thiểu 0.78", "Giảm 0.5", "8.2%"],
    "en": ["From 10 - 10.5% a year", "717000", "1200–1500", "At least 0.78", "Down 0.5", "8.2"],
}
#: the Vietnamese words of the wordings, which no English output prints
VI_WORDS = ("Từ 10", "Tối thiểu", "Giảm")


@pytest.fixture
def data(tmp_path):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return tmp_path


def _run(*args):
    done = kpi(*args)
    assert done.exit_code == 0, done.stderr
    return done


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_csv_writes_the_printed_numbers_with_a_point_and_no_grouping_in_both_languages(data, lang):
    status = _run("status", "--data-dir", str(data), "--format", "csv", "--lang", lang).stdout
    _run("export", "--data-dir", str(data), "-o", str(data / "x.csv"), "--lang", lang)
    exported = (data / "x.csv").read_text(encoding="utf-8-sig")
    for text in (status, exported):
        rows = list(csv.reader(io.StringIO(text)))
        assert [row[3] for row in rows[1:7]] == MACHINE[lang]


@pytest.mark.parametrize("lang, shown", [("vi", VI), ("en", EN)])
def test_people_formats_show_the_printed_words_with_the_languages_numbers(data, lang, shown):
    for fmt in ("markdown", "table"):
        args = ["status", "--data-dir", str(data), "--format", fmt, "--lang", lang]
        out = CliRunner().invoke(app, args, catch_exceptions=False, env={"COLUMNS": "300"}).stdout
        for text in shown:
            assert text in out, (fmt, text)
        if lang == "en":
            assert not [w for w in VI_WORDS if w in out], fmt
    for suffix in ("md", "html", "docx", "xlsx"):
        path = data / f"x.{suffix}"
        _run("export", "--data-dir", str(data), "-o", str(path), "--lang", lang)
        if suffix == "docx":
            text = " | ".join(c.text for t in docx.Document(str(path)).tables for row in t.rows for c in row.cells)
        elif suffix == "xlsx":
            sheet = openpyxl.load_workbook(path).worksheets[0]
            text = " | ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
        else:
            text = path.read_text(encoding="utf-8")
        for words in shown:
            assert words in text, (suffix, words)
        if lang == "en":
            assert not [w for w in VI_WORDS if w in text], suffix


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_json_keeps_the_wording_as_the_resolution_printed_it_and_the_numbers(data, lang):
    rows = json.loads(_run("status", "--data-dir", str(data), "--json", "--lang", lang).stdout)["indicators"]
    assert [r["target_printed"] for r in rows] == VI
    assert [r["target_printed_en"] for r in rows] == ["From 10 - 10.5% a year", None, None, "At least 0.78", None, None]
    assert [r["target"] for r in rows] == [10, 717000, 1200, 0.78, 0.5, 8.2]


@pytest.mark.parametrize("text, known, en, machine", [
    ("Tối thiểu 0,78", (0.78,), "Tối thiểu 0.78", "Tối thiểu 0.78"),
    ("Tối thiểu 717.000", (717000,), "Tối thiểu 717,000", "Tối thiểu 717000"),
    ("1.200–1.500", (1200, 1500), "1,200–1,500", "1200–1500"),
    # imported from an English table: read the English way
    ("1,200–1,500", (1200, 1500), "1,200–1,500", "1200–1500"),
    ("At least 8.2%", (8.2,), "At least 8.2%", "At least 8.2%"),
    # "1.200" reads 1200 or 1.2: the wording's other number says which
    ("Từ 1.200 đến 1.500,5", (), "Từ 1,200 đến 1,500.5", "Từ 1200 đến 1500.5"),
    # nothing says: left as printed, never guessed
    ("Giảm 1.500 hộ", (3.0,), "Giảm 1.500 hộ", "Giảm 1.500 hộ"),
    # digits alone get no grouping: a year stays a year
    ("Tối thiểu 717 nghìn tỷ đồng năm 2030", (717,), "Tối thiểu 717 nghìn tỷ đồng năm 2030", "Tối thiểu 717 nghìn tỷ đồng năm 2030"),
])
def test_a_printed_wording_is_read_the_way_it_is_written(text, known, en, machine):
    from soctrang_kpi.numbers import printed_words

    assert printed_words(text, "en", known) == en
    assert printed_words(text, "machine", known) == machine


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_show_csv_writes_another_plans_printed_target_the_machines_way(data, lang):
    """`kpi show`'s table of the indicator's targets in the other plans: "Tối thiểu 0.78" in csv."""
    targets = data / "targets.yaml"
    targets.write_text(targets.read_text(encoding="utf-8") + """  - {id: plan-2026, name: Kế hoạch năm 2026, base_year: 2025, target_year: 2026, targets: [
      {indicator: hdi, number: "1", kind: level, value: 0.765, printed: "Tối thiểu 0,765"}]}
""", encoding="utf-8")
    out = _run("show", "hdi", "--data-dir", str(data), "--plan", "plan-2026", "--format", "csv", "--lang", lang).stdout
    row = next(line for line in out.splitlines() if line.startswith("Nhiệm kỳ 2025–2030,"))
    assert row.split(",")[1] == {"vi": "Tối thiểu 0.78", "en": "At least 0.78"}[lang]


def test_show_in_english_quotes_the_resolutions_vietnamese_wording(data):
    """The English detail of a target says it in English and quotes the resolution's own words,
    which have no English text; in Vietnamese the target line is those words."""
    out = _run("show", "grdp", "--data-dir", str(data), "--lang", "en").stdout
    assert "Resolution's wording (Vietnamese)" in out and "“Tối thiểu 717.000”" in out
    assert "717,000 Tỷ đồng — level" in out  # the unit has no unit_en: as targets.yaml gives it
    out = _run("show", "grdp", "--data-dir", str(data), "--lang", "vi").stdout
    assert "Lời văn của nghị quyết" not in out and "Tối thiểu 717.000" in out
