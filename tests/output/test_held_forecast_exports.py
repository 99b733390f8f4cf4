"""A forecast held within what the indicator can be (a share's trend at 160,06 % held at 100, a
count's at -63 held at 0) is marked in every export as `kpi show` says it: its cell "100†", and
under the table what the mark means with the figure computed — md, html, docx, xlsx (the number
kept, the mark in its format) and csv (the number, the note after the table); a forecast that is
not held is not marked (README "Forecast")."""

import csv
import io

import openpyxl
import pytest

from ..conftest import kpi, plan_yaml

TARGETS = plan_yaml(
    """
    {id: dvc, name: Tỷ lệ dịch vụ công trực tuyến, unit: "%"}
    {id: tngt, name: Số vụ tai nạn giao thông, unit: vụ/năm}
    {id: gdp, name: Tổng sản phẩm, unit: Nghìn tỷ đồng}
    """,
    """
    {indicator: dvc, number: "1", kind: level, value: 80}
    {indicator: tngt, number: "2", kind: level, value: 20, direction: at_most}
    {indicator: gdp, number: "3", kind: level, value: 100}
    """,
)
ACTUALS = """\
schema_version: 1
series:
  dvc: {actual: {2025: 45, 2026: 58}}
  tngt: {actual: {2025: 42, 2026: 30, 2027: 0}}
  gdp: {actual: {2025: 60, 2026: 70}}
"""
#: 2027 is asked for (`--as-of 2027`) where the table is as of it: a year ahead of today is no default year
NOTE = {
    "vi": "(†) Dự báo giữ trong giới hạn của chỉ tiêu, tính ra: 160,06 (chỉ tiêu 1); -63 (chỉ tiêu 2).",
    "en": "(†) Forecast held within what the indicator can be, computed: 160.06 (indicator 1); -63 (indicator 2).",
}


def _export(tmp_path, lang: str, fmt: str):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    out = tmp_path / f"plan.{fmt}"
    done = kpi("--lang", lang, "export", "-o", str(out), "--as-of", "2027", "--data-dir", str(tmp_path))
    assert done.exit_code == 0, done.stderr
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_text_exports_mark_a_held_forecast_and_say_what_it_was(tmp_path, lang, fmt):
    text = _export(tmp_path, lang, fmt).read_text(encoding="utf-8")
    assert NOTE[lang] in text
    assert "| 100† |" in text if fmt == "md" else ">100†</td>" in text
    assert ("| 0† |" in text if fmt == "md" else ">0†</td>" in text)
    gdp = "129,68" if lang == "vi" else "129.68"
    assert f"{gdp}†" not in text and f"{gdp}" in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_docx_marks_a_held_forecast_and_says_what_it_was(tmp_path, lang):
    import docx

    document = docx.Document(str(_export(tmp_path, lang, "docx")))
    cells = {c.text for row in document.tables[0].rows for c in row.cells}
    assert {"100†", "0†"} <= cells and not any(c.endswith("†") and c not in ("100†", "0†") for c in cells)
    assert NOTE[lang] in [p.text for p in document.paragraphs]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_xlsx_keeps_the_number_and_marks_it_in_its_format(tmp_path, lang):
    sheet = openpyxl.load_workbook(_export(tmp_path, lang, "xlsx")).worksheets[0]
    rows = [[c for c in row] for row in sheet.iter_rows()]
    by_no = {row[0].value: row for row in rows if row[0].value in ("1", "2", "3")}
    header = next(row for row in rows if any(c.value in ("Dự báo", "Forecast") for c in row))
    at = next(i for i, c in enumerate(header) if c.value in ("Dự báo", "Forecast"))
    assert [by_no[n][at].value for n in ("1", "2")] == [100, 0]
    assert all(by_no[n][at].number_format.endswith('"†"') for n in ("1", "2"))
    assert "†" not in by_no["3"][at].number_format
    assert NOTE[lang] in [c.value for row in rows for c in row]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_csv_keeps_the_number_and_says_what_it_was_after_the_table(tmp_path, lang):
    text = _export(tmp_path, lang, "csv").read_text(encoding="utf-8-sig")
    table, _, after = text.partition("\n\n")
    rows = list(csv.reader(io.StringIO(table)))
    at = rows[0].index("Dự báo" if lang == "vi" else "Forecast")
    assert [row[at] for row in rows[1:]] == ["100", "0", "129.683642"]
    (note,) = csv.reader(io.StringIO(after.strip()))  # the note's numbers written as the file's: 160.06
    assert note == [NOTE[lang].replace("160,06", "160.06")]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_status_table_marks_it_and_its_legend_says_so(tmp_path, lang):
    """The status table (`kpi status -f markdown`, and on the terminal) marks it too, its
    legend saying what "†" is."""
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    done = kpi("--lang", lang, "status", "-f", "markdown", "--as-of", "2027", "--data-dir", str(tmp_path))
    assert done.exit_code == 0, done.stderr
    # on the forecast's percentage, which a narrow terminal never drops, not on its value
    assert ("| 125,00%† |" if lang == "vi" else "| 125.00%† |") in done.stdout and "| ∞%† |" in done.stdout
    assert "| 100 |" in done.stdout and "| 0 |" in done.stdout
    assert ("† dự báo giữ trong giới hạn" if lang == "vi" else "† forecast held within") in done.stdout


@pytest.mark.parametrize("columns", ["60", "100", "200"])
def test_the_terminal_shows_the_mark_its_legend_names(tmp_path, columns):
    """At any width the status table's legend names "†" only beside a printed "†"."""
    from typer.testing import CliRunner

    from soctrang_kpi.cli import app

    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    done = CliRunner().invoke(app, ["status", "--as-of", "2027", "--data-dir", str(tmp_path)], catch_exceptions=False, env={"COLUMNS": columns})
    assert done.exit_code == 0, done.stderr
    table, _, footer = done.stdout.rstrip("\n").rpartition("\n\n")
    assert "†" in footer and table.count("†") == 2


def test_nothing_is_marked_where_nothing_is_held(tmp_path):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS.replace("2026: 58", "2026: 50").replace("2027: 0", "2027: 25"), encoding="utf-8")
    done = kpi("export", "-o", "-", "-f", "md", "--as-of", "2027", "--data-dir", str(tmp_path))
    assert done.exit_code == 0, done.stderr
    assert "†" not in done.stdout
