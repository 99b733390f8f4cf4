"""The commands speak periods: an annual plan within its year answers with the monthly report in
every command and format (README "Within the year")."""

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app
from soctrang_kpi.output.formats.as_table import width_of

from ..conftest import ROOT, kpi, kpi_en
from .test_cli import TYPES, _schema

EXAMPLE = ROOT / "docs" / "example-periods"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(EXAMPLE / name, tmp_path / name)
    return tmp_path


def _markdown_rows(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines() if line.startswith("| ")]


def test_the_english_monthly_reports_month_column_names_the_month_as_its_title_does(example):
    """ "June", as the title's "— June 2024" says it (never "Month 6"); Vietnamese "Tháng 6"."""
    result = kpi_en("status", "--data-dir", str(example), "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith("— June 2024")
    header = _markdown_rows(result.stdout)[0]
    assert header == ["No", "Indicator", "Unit", "Plan 2024", "June", "6 months to date", "% of plan", "vs last year", "Year estimate", "Assessment"]


def test_status_of_an_annual_plan_within_its_year_is_the_monthly_report(example):
    result = kpi("status", "--data-dir", str(example), "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    rows = _markdown_rows(result.stdout)
    assert rows[0] == ["TT", "Chỉ tiêu", "ĐVT", "KH năm 2024", "Tháng 6", "Lũy kế 6 tháng", "% KH năm", "So cùng kỳ", "Ước cả năm", "Đánh giá"]
    by_no = {r[0]: r for r in rows[1:]}
    # Gia Lai: 525 triệu USD, "đạt 70 % so kế hoạch, tăng 16,98 % so với cùng kỳ"
    assert by_no["1"][3:] == ["750", "95\\*", "525\\*", "70,00%", "16,98%", "1.076,20", "Đúng tiến độ"]
    # a quarter and three months make the six; last year's two quarters the same period
    assert by_no["2"][5:9] == ["43.200\\*", "48,00%", "8,27%", "90.947,37"]
    # Thừa Thiên Huế: 6,12 % against 7,5–8 %, "chưa đạt kế hoạch đề ra"
    assert by_no["3"][3:] == ["7,5–8", "-", "6,12\\*", "81,60%", "6,12%", "-", "Chậm tiến độ"]
    # a growth of a level: the year's plan is last year's 5.000 grown 10 %; an entered estimate
    assert by_no["4"][2:] == ["Tỷ đồng", "5.500", "-", "2.500\\*", "45,45%", "4,17%", "5.600", "Đúng tiến độ"]
    assert by_no["6"][-1] == "Chưa có số liệu"
    assert "6 chỉ tiêu: 3 đúng tiến độ, 2 chậm tiến độ, 1 chưa có số liệu; 50,00% thời gian của năm đã qua — đánh giá tạm tính" in result.stdout


def test_as_of_a_quarter_in_english(example):
    result = kpi_en("status", "--data-dir", str(example), "--as-of", "2024-Q1", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[0] == ["No", "Indicator", "Unit", "Plan 2024", "Q1", "Q1 (status)", "3 months to date",
                       "3 months to date (status)", "% of plan", "vs last year", "Year estimate", "Assessment"]
    retail = next(r for r in rows if r[0] == "2")
    assert retail[4:8] == ["21000", "estimate", "21000", "estimate"] and retail[-1] == "Behind"
    grdp = next(r for r in rows if r[0] == "3")
    assert grdp[4:8] == ["6.2", "preliminary", "6.2", "preliminary"] and grdp[-1] == "Behind"  # the preliminary first quarter


def test_a_year_or_a_closed_year_gives_the_yearly_table(example):
    yearly = kpi("status", "--data-dir", str(example), "--as-of", "2024")
    assert "Lũy kế" not in yearly.stdout and "Ước TH năm 2024" in yearly.stdout  # the annual plan's own table
    assert kpi("record", "exports", "2024", "1100", "--data-dir", str(example)).exit_code == 0
    closed = kpi("status", "--data-dir", str(example))
    assert "Lũy kế" not in closed.stdout  # a whole-year actual closes the year
    assert "Lũy kế 6 tháng" in kpi("status", "--data-dir", str(example), "--as-of", "2024-06").stdout


def test_the_term_plan_and_a_period_of_its_year(folder):
    """A five-year plan has no monthly report: a month is read as its year."""
    by_year = kpi("status", "--data-dir", str(folder), "--as-of", "2022")
    by_month = kpi("status", "--data-dir", str(folder), "--as-of", "2022-06")
    assert by_month.exit_code == 0 and by_month.stdout == by_year.stdout


@pytest.mark.parametrize("command", ["status", "summary", "audit", "show 1", "export -o out.md"])
def test_every_command_takes_a_month_and_refuses_a_bad_one(example, command):
    args = command.split()
    if "-o" in args:
        args[-1] = str(example / args[-1])
    assert kpi(*args, "--data-dir", str(example), "--as-of", "2024-06").exit_code == 0
    bad = kpi_en(*args, "--data-dir", str(example), "--as-of", "2024-6", *(["--force"] if "-o" in args else []))
    assert bad.exit_code == 2
    assert "invalid value for --as-of: expected a year (2026), a month (2026-06) or a quarter (2026-Q2), found '2024-6'" in bad.stderr


def test_json_carries_the_period_and_every_figure(example):
    result = kpi("status", "--data-dir", str(example), "--json")
    data = json.loads(result.stdout)
    schema = _schema("status (monthly report)")
    assert set(data) == set(schema)
    for key, types in schema.items():
        assert isinstance(data[key], tuple(TYPES[t] for t in types.split("|"))), key
    assert data["report"] == "month" and data["as_of"] == 2024
    assert data["period"] == {"key": "2024-06", "year": 2024, "first_month": 6, "last_month": 6, "quarter": False, "ytd": False}
    exports = data["indicators"][0]
    assert exports["within_year"] == "flow" and exports["plan"] == 750
    assert exports["to_date"] == {"value": 525, "status": "estimate"}
    assert round(exports["plan_pct"], 2) == 70.0 and round(exports["change_pct"], 2) == 16.98
    assert exports["estimate"]["source"] == "seasonal" and exports["verdict"] == "on_course" and exports["final"] is False
    income = data["indicators"][-1]
    assert income["verdict"] == "no_data" and income["reason"]["code"] == "no_values"
    assert data["summary"] == {"total": 6, "on_course": 3, "behind": 2, "no_data": 1}


def test_show_lists_the_periods_beside_last_years(example):
    result = kpi("show", "retail", "--data-dir", str(example))
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "Tính đến tháng 6/2024" in text and "lũy kế 43.200 = 48,00% KH năm; so cùng kỳ 8,27%" in text
    assert "Các kỳ trong năm 2024 và cùng kỳ 2023" in text
    lines = {line.split("  ")[0]: line for line in text.splitlines()}
    assert lines["Quý I"].split() == ["Quý", "I", "21.000*", "19.800", "6,06%"]
    assert lines["Quý II"].split() == ["Quý", "II", "-", "20.100", "-"]
    data = json.loads(kpi("show", "retail", "--data-dir", str(example), "--json").stdout)
    assert [p["key"] for p in data["periods"]] == ["2023-Q1", "2023-Q2", "2024-Q1", "2024-04", "2024-05", "2024-06"]
    assert data["month"]["period"]["key"] == "2024-06" and data["month"]["to_date"]["value"] == 43200


def test_show_of_a_rate_never_computes_a_change_of_rates(example):
    text = " ".join(kpi("show", "grdp-growth", "--data-dir", str(example)).stdout.split())
    assert "lũy kế 6,12 = 81,60% KH năm; so cùng kỳ 6,12%; Chậm tiến độ (tạm tính, chưa hết năm)" in text
    assert "Quý I 6,20° - -" in text  # a rate's quarter: no change of a rate against a rate


@pytest.mark.parametrize("ext", ["md", "csv", "html", "xlsx", "docx"])
def test_export_writes_the_monthly_report_in_every_format(example, ext):
    out = example / f"bao-cao.{ext}"
    result = kpi("export", "-o", str(out), "--data-dir", str(example))
    assert result.exit_code == 0, result.stderr
    if ext == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(out).worksheets[0]
        cells = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
        header = next(r for r in cells if r and r[0] == "TT")
        # the year's plan as a number, its printed form beside it ("7,5–8" keeps its upper bound)
        assert list(header)[:11] == ["TT", "Chỉ tiêu", "ĐVT", "KH năm 2024", "KH (ghi)", "Tháng 6", "Lũy kế 6 tháng", "% KH năm", "So cùng kỳ", "Ước cả năm", "Đánh giá"]
        exports = next(r for r in cells if r and r[0] == "1")
        assert exports[6] == 525 and round(exports[7], 2) == 70.0 and exports[10] == "Đúng tiến độ"
        grdp = next(r for r in cells if r and r[0] == "3")
        assert (grdp[3], grdp[4]) == (7.5, "7,5–8")
        return
    if ext == "docx":
        from docx import Document

        table = Document(str(out)).tables[0]
        texts = [[c.text for c in row.cells] for row in table.rows]
        assert texts[0][3:] == ["KH năm 2024", "Tháng 6", "Lũy kế 6 tháng", "% KH năm", "So cùng kỳ", "Ước cả năm", "Đánh giá"]
        assert texts[1][5:] == ["525*", "70,00%", "16,98%", "1.076,20", "Đúng tiến độ"]
        return
    text = out.read_text(encoding="utf-8-sig")
    for expected in ("Lũy kế 6 tháng", "Đúng tiến độ", "Chậm tiến độ"):
        assert expected in text


@pytest.mark.parametrize("option", [["--fail-on", "at-risk"], ["--only", "missed"], ["--only-pace", "too-slow"], ["--compare", "2023"]])
def test_the_yearly_tables_options_are_refused_not_ignored_by_the_monthly_report(example, option):
    """A scheduled `--fail-on` must never pass silently because the plan is answered monthly."""
    result = kpi_en("status", "--data-dir", str(example), *option)
    assert result.exit_code == 2
    assert "plan-2024 is answered by its monthly report as of 2024-06: give --as-of 2024 for the yearly table" in result.stderr
    assert kpi("status", "--data-dir", str(example), "--as-of", "2024", *option).exit_code in (0, 3)


def test_a_row_whose_months_cannot_be_added_up_shows_its_plan_and_says_why(tmp_path):
    """What `kpi import` of a monthly report makes of a row in nghìn tấn (it warns to add
    ``within_year``): the table shows the year's plan and says what is missing, not "no data"."""
    (tmp_path / "targets.yaml").write_text(
        "schema_version: 1\nindicators:\n  - {id: exports, name: Kim ngạch xuất khẩu, unit: Triệu USD}\n"
        "  - {id: rice, name: Sản lượng lúa, unit: Nghìn tấn}\nplans:\n  - id: annual-2026\n    name: Kế hoạch năm 2026\n"
        "    base_year: 2025\n    target_year: 2026\n    targets:\n"
        '      - {indicator: exports, number: "1", kind: level, value: 3200}\n'
        '      - {indicator: rice, number: "2", kind: level, value: 4500}\n',
        encoding="utf-8",
    )
    (tmp_path / "actuals.yaml").write_text(
        'schema_version: 1\nseries:\n  exports:\n    ytd: {estimate: {"2026-06": 1540}}\n  rice:\n    ytd: {estimate: {"2026-06": 1900}}\n',
        encoding="utf-8",
    )
    out = kpi("status", "--data-dir", str(tmp_path), "--as-of", "2026-06", "-f", "markdown").stdout
    rice = next(row for row in _markdown_rows(out) if row[1] == "Sản lượng lúa")
    assert rice[3] == "4.500" and rice[-1] == "Chưa rõ cách cộng tháng"
    assert "2 chỉ tiêu: 1 chậm tiến độ, 1 chưa rõ cách cộng tháng;" in out and "chưa có số liệu" not in out
    english = kpi_en("status", "--data-dir", str(tmp_path), "--as-of", "2026-06").stdout
    assert "not known how months add up" in english and "within_year needed" not in english
    data = json.loads(kpi("status", "--data-dir", str(tmp_path), "--as-of", "2026-06", "--json").stdout)
    (row,) = [i for i in data["indicators"] if i["id"] == "rice"]
    assert row["plan"] == 4500 and row["verdict"] == "no_data" and row["reason"]["code"] == "unknown_meaning"


def _shown(example, columns: int, lang: str) -> list[str]:
    """`kpi show retail` piped with COLUMNS set: its chart's lines, from its heading on."""
    result = CliRunner().invoke(app, ["show", "retail", "--lang", lang, "--data-dir", str(example)], env={"COLUMNS": str(columns)}, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    return lines[next(n for n, line in enumerate(lines) if line.startswith(("Lũy kế từng tháng", "Month by month"))):]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("columns", [60, 61, 67, 75, 80, 100, 120])
def test_show_draws_the_month_chart_within_the_terminal(example, lang, columns):
    """README "Terminal width": from 60 columns the month-by-month chart fits the line (68
    columns wide at its natural width, 76 in English: its legend goes on a line of its own, its
    bars narrow), every figure said; where it fits it prints as at 100 columns."""
    drawn = _shown(example, columns, lang)
    assert max(width_of(line) for line in drawn) <= columns, drawn
    natural = _shown(example, 100, lang)
    words = {w for line in natural for w in line.split() if not set(w) & set("▇▒░┆│")}
    assert words <= {w for line in drawn for w in line.split()}
    if columns >= max(width_of(line) for line in natural):
        assert drawn == natural
    else:
        assert drawn[1].startswith("(▇ ") and drawn[0] in ("Lũy kế từng tháng", "Month by month, year to date")
