"""The `kpi` commands through Typer's CliRunner, on the bundled data."""

import json
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app
from soctrang_kpi.output.formats import Format

from ..conftest import ROOT
from ..core.test_report import AVG_GROWTH_2021_2023, FORECAST_PCT, KNOWN, MIDTERM_PCT

ANSI = re.compile(r"\x1b\[")


def kpi(*args, env=None):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env=env)


def kpi_json(*args):
    result = kpi(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_status_prints_the_table_in_vietnamese():
    result = kpi("status")
    assert result.exit_code == 0
    assert "23 chỉ tiêu: 7 vượt, 10 đạt, 6 khó đạt" in result.stdout
    assert "417.000" in result.stdout and "Khó đạt" in result.stdout and "Vượt 0,40%" in result.stdout
    assert not ANSI.search(result.stdout)  # not a terminal: no colour codes


def test_status_in_english():
    result = kpi("status", "--lang", "en", env={"COLUMNS": "120"})
    assert "417,000" in result.stdout and "At risk" in result.stdout
    assert "23 indicators: 7 exceeded, 10 achieved, 6 at risk" in result.stdout


def test_status_fits_80_columns_without_garbling_numbers():
    result = kpi("status", env={"COLUMNS": "80"})
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "86,81%" in result.stdout and "89,91%" in result.stdout


def test_status_json_reproduces_the_appendix():
    data = kpi_json("status")
    rows = {i["no"]: i for i in data["indicators"]}
    for table, key in ((AVG_GROWTH_2021_2023, "avg_growth_pct"), (MIDTERM_PCT, "attainment_pct"), (FORECAST_PCT, None)):
        for no, published in table:
            field = {"avg_growth_pct": "avg_growth", "attainment_pct": "midterm_pct", None: "forecast_pct"}[key]
            value = rows[no][key] if key else rows[no]["forecast"]["pct"]
            if (no, field) in KNOWN:
                assert any(a["field"] == field and a["published"] == published for a in rows[no]["audit"])
            else:
                tolerance = 0.1 if no in ("1", "8") and field.endswith("pct") else 0.01
                assert abs(round(value, 2) - published) <= tolerance + 1e-9, (no, field)
    assert data["summary"] == {"total": 23, "exceeded": 7, "achieved": 10, "at_risk": 6, "missed": 0, "no_data": 0, "not_rated": 0, "classes": []}
    assert rows["2"]["label"] == "Vượt 0,40%" and rows["2"]["status"] == "exceeded"


def test_status_only_and_fail_on():
    result = kpi("status", "--only", "at-risk", "--json")
    statuses = {i["status"] for i in json.loads(result.stdout)["indicators"]}
    assert statuses == {"at_risk"}
    assert kpi("status", "--fail-on", "at-risk").exit_code == 3
    assert kpi("status", "--fail-on", "missed").exit_code == 0


def test_status_as_of_an_earlier_year():
    data = kpi_json("status", "--as-of", "2022")
    assert data["as_of"] == 2022
    grdp = next(i for i in data["indicators"] if i["id"] == "grdp-growth")
    assert grdp["latest"] == {"year": 2022, "value": 7.76, "status": "actual"}
    assert round(grdp["avg_growth_pct"], 2) == 5.09  # (1,0249 × 1,0776)^(1/2) − 1


@pytest.mark.parametrize("query", ["seafood-output", "5", "thuy san", "THUỶ SẢN", "san luong thuy"])
def test_show_finds_by_id_number_or_name(query):
    data = kpi_json("show", query)
    assert data["id"] == "seafood-output"
    assert data["series"][0] == {"year": 2020, "value": 324295, "status": "actual"}


def test_show_prints_details_chart_and_audit():
    result = kpi("show", "8")
    assert result.exit_code == 0
    for text in ("Tăng trưởng cần đạt mỗi năm", "50,71%", "Khó đạt: dự báo 40,94% < 100%", "57,14", "2025 ░"):
        assert text in result.stdout, text


@pytest.mark.parametrize("query, message", [("xyz", "no indicator matches"), ("hoan thanh", "matches 6 indicators")])
def test_show_unknown_or_ambiguous_lists_candidates(query, message):
    result = kpi("show", query, env={"KPI_LANG": "en"})
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_an_unknown_id_suggests_the_closest_few_with_their_numbers_and_names():
    result = kpi("show", "thuy sam")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == "kpi: không có chỉ tiêu nào khớp với 'thuy sam'"
    assert lines[1] == "  có phải là:"
    assert 2 <= len(lines) - 2 <= 5
    assert any(re.search(r"5  seafood-output +Sản lượng thuỷ, hải sản", line) for line in lines[2:])
    starts = {len(re.match(r" *[\d.]+  \S+ +", line).group()) for line in lines[2:]}
    assert len(starts) == 1  # the names start in one column


def test_record_of_an_unknown_id_suggests_names_too(tmp_path):
    for name in ("targets.yaml", "actuals.yaml"):
        (tmp_path / name).write_bytes((ROOT / "soctrang_kpi" / "data" / name).read_bytes())
    result = kpi("record", "grdp-grwth", "2024", "7.5", "--data-dir", str(tmp_path), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:2] == ["kpi: no indicator has the id or number 'grdp-grwth'", "  did you mean:"]
    assert "grdp-growth  GRDP growth" in result.stderr.splitlines()[2]  # its English name, as the message


def test_summary():
    data = kpi_json("summary")
    assert data["text"] == "23 chỉ tiêu: 7 vượt, 10 đạt, 6 khó đạt"
    assert [r["no"] for r in data["at_risk"]] == ["1", "3", "3.1", "3.2", "3.4", "8", "15", "15.2", "17", "17.1", "20"]


def test_summary_of_the_annual_plan_shows_its_published_counts():
    data = kpi_json("summary", "--plan", "annual-2023")
    assert data["published_summary"] == {
        "total": 24, "exceeded": 7, "achieved": 11, "not_achieved": 6, "achieved_or_exceeded": None, "groups": {}
    }


def test_audit_lists_the_reports_contradictions():
    data = kpi_json("audit")
    assert len(data["findings"]) == 17
    row2 = next(f for f in data["findings"] if f["no"] == "2")
    assert row2 == {
        "id": "grdp-per-capita", "no": "2", "field": "assessment", "source": "table", "published": "Đạt",
        "computed": "Vượt 0,40%", "computed_status": "exceeded", "computed_class": None, "note": "above_100",
        "note_text": "dự báo vượt 100% (0,40%) nhưng báo cáo ghi Đạt",
    }
    english = kpi_json("audit", "--lang", "en")["findings"]
    assert "the report rated 2023 alone, not the period average" in {f["note_text"] for f in english}
    assert "Published figures that differ" in kpi("audit", "--lang", "en").stdout


def test_validate_accepts_the_bundled_data():
    result = kpi("validate")
    assert result.exit_code == 0
    assert "Dữ liệu hợp lệ" in result.stdout
    assert kpi_json("validate")["valid"] is True


@pytest.mark.parametrize("command", [["status"], ["show", "5"], ["summary"], ["audit"], ["validate"]])
@pytest.mark.parametrize("fmt", list(Format))
def test_every_command_in_every_format(command, fmt):
    result = kpi(*command, "--format", fmt.value)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    if fmt is Format.JSON:
        assert json.loads(result.stdout)["schema_version"] == 3


def test_no_colour_when_no_color_is_set():
    assert not ANSI.search(kpi("status", env={"NO_COLOR": "1"}).stdout)


def test_unknown_plan_is_a_usage_error():
    result = kpi("status", "--plan", "nope", "--lang", "en")
    assert result.exit_code == 2
    assert "unknown plan 'nope'" in result.stderr
    assert kpi("status", "--plan", "nope").stderr.startswith("kpi: không có kế hoạch 'nope'")


def test_missing_data_folder_is_a_usage_error(tmp_path):
    result = kpi("status", "--data-dir", str(tmp_path / "missing"))
    assert result.exit_code == 2


def test_bad_option_is_a_usage_error():
    assert kpi("status", "--lang", "fr").exit_code == 2


def test_version():
    assert kpi("--version").stdout.startswith("kpi ")


def test_python_dash_m_works():
    done = subprocess.run(
        [sys.executable, "-m", "soctrang_kpi", "summary", "--json"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert json.loads(done.stdout)["summary"]["total"] == 23


# --- the documented JSON schema --------------------------------------------------------------

TYPES = {"string": str, "number": (int, float), "integer": int, "object": dict, "array": list, "boolean": bool, "null": type(None)}


def _schema(section: str) -> dict[str, str]:
    """The README's table of fields under a heading: {field: "type|null"}."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    part = text.split(f"#### {section}\n", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `([a-z_.]+)` \| ([a-z|]+) \|", part, re.M)
    assert rows, section
    return dict(rows)


def _conforms(obj: dict, schema: dict[str, str]):
    top = {k for k in schema if "." not in k}
    assert set(obj) == top, set(obj) ^ top
    for key, types in schema.items():
        value = obj
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        assert isinstance(value, tuple(TYPES[t] for t in types.split("|"))), (key, value)


def test_status_json_matches_the_documented_schema():
    data = kpi_json("status")
    _conforms(data, _schema("status"))
    for indicator in data["indicators"]:
        _conforms(indicator, _schema("Indicator object"))
        for finding in indicator["audit"]:
            _conforms(finding, _schema("Audit finding"))


def test_show_json_is_an_indicator_object_with_its_series():
    data = kpi_json("show", "1")
    extra = {"schema_version", "command", "plan", "as_of", "known_on", "series", "recorded", "other_targets", "assessment_basis"}
    _conforms({k: v for k, v in data.items() if k not in extra}, _schema("Indicator object"))


@pytest.mark.parametrize("command", [["summary"], ["audit"], ["validate"], ["summary", "--plan", "annual-2023"]])
def test_other_commands_match_the_documented_schema(command):
    data = kpi_json(*command)
    _conforms(data, _schema(command[0]))
    for finding in data.get("findings", []):
        extra = {"id", "no"}
        _conforms({k: v for k, v in finding.items() if k not in extra}, _schema("Audit finding"))


@pytest.mark.parametrize("width", [80, 120, 200])
def test_status_reads_at_every_width(width):
    from soctrang_kpi.output.formats.as_table import width_of

    lines = kpi("status", env={"COLUMNS": str(width)}).stdout.splitlines()
    assert max(width_of(line) for line in lines) <= width
    assert not any(line.endswith(" ") for line in lines)  # piped: no trailing spaces
    header = next(line for line in lines if line.startswith("TT"))
    for kept in ("Chỉ tiêu", "% so NQ", "So sánh %", "Đánh giá"):
        assert kept in header
    row5 = next(line for line in lines if line.startswith("5 "))
    assert "86,81%" in row5 and "100,00%" in row5 and "Đạt" in row5
    if "2023" in header:  # where the value is shown, its unit is too
        assert "ĐVT" in header and "Tấn" in row5
    else:
        assert "ĐVT" not in header
    assert all(not line.rstrip().endswith("năm") for line in lines[:3])  # a title never ends before its year


def test_at_80_columns_the_name_wraps_before_the_latest_value_goes():
    """80 columns: the name wraps down to 20 characters, the unit and the latest value wrap
    between words ("Triệu" over "đồng", "93,50" over "(2022)"); the latest value and its unit
    stay, and every figure is printed whole."""
    lines = kpi("status", env={"COLUMNS": "80"}).stdout.splitlines()
    header = next(line for line in lines if line.startswith("TT"))
    assert "ĐVT" in header and "2023" in header
    assert header.index("ĐVT") - header.index("Chỉ tiêu") <= 24  # not the 42 the name took
    row5 = next(line for line in lines if line.startswith("5 "))
    assert "Tấn" in row5 and "362.000*" in row5 and "86,81%" in row5
    rows = "\n".join(lines)
    assert "93,50" in rows and "(2022)" in rows and "93,50 (2022)" not in rows


def test_at_80_columns_english_keeps_the_unit_and_the_latest_value_as_vietnamese_does():
    """English headers are longer ("% of target", "Forecast %" against "% so NQ", "So sánh %"):
    a numeric column's header wraps between its words before the latest value and its unit go,
    so 80 columns print in English what they print in Vietnamese, every figure whole."""
    from soctrang_kpi.output.formats.as_table import width_of

    for lang, unit in (("vi", "ĐVT"), ("en", "Unit")):
        lines = kpi("status", "--lang", lang, env={"COLUMNS": "80"}).stdout.splitlines()
        assert max(width_of(line) for line in lines) <= 80
        rule = next(i for i, line in enumerate(lines) if line.startswith("─"))
        header = " ".join(" ".join(lines[i].split()) for i in range(rule - 2, rule))
        assert unit in header and "2023" in header, (lang, lines[: rule + 1])
        row5 = next(line for line in lines if line.startswith("5 "))
        assert ("Tấn" if lang == "vi" else "tonnes") in row5 and ("362.000*" if lang == "vi" else "362,000*") in row5
        assert ("86,81%" if lang == "vi" else "86.81%") in row5


def test_at_80_columns_a_long_verdict_wraps_before_the_latest_value_goes(tmp_path):
    """"Chưa có số liệu" and a unit of one long word ("đồng/tháng") left no room for the latest
    value at 80 columns: the verdict wraps between its words first."""
    (tmp_path / "targets.yaml").write_text("""schema_version: 1
indicators:
  - {id: income, name: Thu nhập bình quân đầu người một tháng của người dân, unit: Triệu đồng/tháng}
  - {id: productivity, name: Năng suất lao động, unit: Triệu đồng/lao động}
plans:
  - id: term-2025-2030
    name: Nghị quyết nhiệm kỳ 2025–2030
    base_year: 2025
    target_year: 2030
    targets:
      - {indicator: income, number: "17", kind: level, value: 8.5}
      - {indicator: productivity, number: "18", kind: level, value: 358}
""", encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text("""schema_version: 1
series:
  income: {estimate: {2026: 5.9}}
  productivity: {actual: {2025: 191.83}, estimate: {2026: 208.25}}
""", encoding="utf-8")
    from soctrang_kpi.output.formats.as_table import width_of

    lines = kpi("status", "--data-dir", str(tmp_path), env={"COLUMNS": "80"}).stdout.splitlines()
    assert max(width_of(line) for line in lines) <= 80
    header = next(line for line in lines if line.startswith("TT"))
    assert "ĐVT" in header and "2026" in header
    assert "5,90*" in lines[lines.index(header) + 2] and "Chưa có số" in lines[lines.index(header) + 2]


def test_summary_counts_a_plans_own_class_apart_as_its_line_does(tmp_path):
    """The `kpi init` plan has "Xấp xỉ đạt" (from 95 %): the count table and the html report's
    boxes say 2 xấp xỉ đạt and 4 khó đạt, as the line does, not 6 khó đạt."""
    assert kpi("init", str(tmp_path)).exit_code == 0
    said = kpi("summary", "--data-dir", str(tmp_path), env={"COLUMNS": "100"}).stdout
    assert "2 xấp xỉ đạt, 4 khó đạt" in said
    rows = {" ".join(line.split()[:-1]): line.split()[-1] for line in said.splitlines() if line.split() and line.split()[-1].isdigit()}
    assert rows["Xấp xỉ đạt"] == "2" and rows["Khó đạt"] == "4"
    page = tmp_path / "r.html"
    assert kpi("export", "--data-dir", str(tmp_path), "-o", str(page)).exit_code == 0
    boxes = re.findall(r'<div class="count"[^>]*><b>(\d+)</b>([^<]+)</div>', page.read_text(encoding="utf-8"))
    assert ("2", "Xấp xỉ đạt") in boxes and ("4", "Khó đạt") in boxes


def test_a_baseline_of_another_year_says_its_year(tmp_path):
    """A rate known for 2026 alone stands in for the 2025 baseline: the "2025" column says
    "13,10 (2026)", never 13,10 as if it were 2025's."""
    (tmp_path / "targets.yaml").write_text("""schema_version: 1
indicators:
  - {id: budget-growth, name: Thu ngân sách tăng bình quân, unit: "%"}
plans:
  - {id: term-2025-2030, name: Nhiệm kỳ 2025–2030, base_year: 2025, target_year: 2030, targets: [{indicator: budget-growth, number: "6", kind: growth, value: 15}]}
""", encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text("schema_version: 1\nseries:\n  budget-growth: {estimate: {2026: 13.1}}\n", encoding="utf-8")
    table = kpi("status", "--data-dir", str(tmp_path), env={"COLUMNS": "200"}).stdout
    header = next(line for line in table.splitlines() if line.startswith("TT"))
    row = next(line for line in table.splitlines() if line.startswith("6 "))
    assert "Năm 2025" in header or " 2025 " in header
    assert "13,10 (2026)" in row
    assert kpi("status", "--data-dir", str(tmp_path), "--format", "csv").stdout.splitlines()[1].split(",")[4] == "13.1"


def test_small_things_read_right():
    wide = kpi("status", env={"COLUMNS": "200"}).stdout
    assert "49.764" in wide and "49.763,65" not in wide  # party members are whole people
    assert "  1,2  " in wide  # the target as written (1.2), not 1,20
    assert "Dữ liệu hợp lệ: 23 chỉ tiêu (51 dòng), 2 kế hoạch." in kpi("validate").stdout
    audit = kpi("audit", env={"COLUMNS": "200"}).stdout
    assert "bảng phụ lục" in audit and "% so NQ" in audit and "midterm_pct" not in audit and "industrial-production-index" not in audit
    assert "midterm_pct" in kpi("audit", "--json").stdout  # JSON keeps the codes


def test_shell_completion_is_offered_in_both_languages():
    vi = CliRunner().invoke(app, ["--help"], env={"KPI_LANG": "vi", "COLUMNS": "120"}).stdout
    en = CliRunner().invoke(app, ["--help"], env={"KPI_LANG": "en", "COLUMNS": "120"}).stdout
    assert "--install-completion" in vi and "Cài tự động hoàn thành" in vi
    assert "--install-completion" in en and "Install completion of kpi" in en


@pytest.mark.parametrize(
    "args, vi, en",
    [
        (["status", "--bogus"], "kpi: không có tuỳ chọn --bogus", "kpi: no such option: --bogus"),
        (["show"], "kpi: thiếu tham số chỉ tiêu", "kpi: missing argument indicator"),
        (["frob"], "kpi: không có lệnh 'frob'; các lệnh: status,", "kpi: no such command 'frob'; the commands: status,"),
        (["stat"], "kpi: không có lệnh 'stat' (có phải status?)", "kpi: no such command 'stat' (did you mean status?)"),
        (["status", "--as-of", "abc"], "kpi: giá trị không hợp lệ cho --as-of: 'abc' không phải số nguyên", "kpi: invalid value for --as-of: 'abc' is not a whole number"),
        (["record", "x", "2024", "1", "--status", "thuc-hien"], "'thuc-hien' không phải một trong actual, preliminary, estimate, plan", "'thuc-hien' is not one of actual, preliminary, estimate, plan"),
        (["status", "--plan"], "kpi: tuỳ chọn --plan cần một giá trị", "kpi: option --plan needs a value"),
        (["export"], "kpi: thiếu tuỳ chọn --output / -o", "kpi: missing option --output / -o"),
        (["show", "a", "b"], "kpi: thừa tham số: b", "kpi: unexpected extra arguments: b"),
    ],
)
def test_clicks_own_usage_errors_speak_the_language(args, vi, en):
    for lang, expected in (("vi", vi), ("en", en)):
        result = kpi(*args, env={"KPI_LANG": lang})
        assert result.exit_code == 2
        assert expected in result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) == 2 and lines[1].strip().startswith("thử: kpi" if lang == "vi" else "try: kpi")
        assert lines[1].strip().endswith(" --help")
        for english in ("Usage:", "Try '", "Error", "No such", "Missing", "Invalid value"):
            assert english not in result.stderr


def test_usage_errors_name_the_command_to_ask():
    assert kpi("status", "--bogus").stderr.splitlines()[1] == "  thử: kpi status --help"
    assert kpi("frob", "--lang", "en").stderr.splitlines()[1] == "  try: kpi --help"


def test_help_screens_head_the_usage_in_the_language():
    vi = kpi("status", "--help", env={"COLUMNS": "100"})
    assert vi.exit_code == 0 and "Cách dùng: kpi status" in vi.stdout and "Usage:" not in vi.stdout
    en = kpi("status", "--help", env={"KPI_LANG": "en", "COLUMNS": "100"})
    assert "Usage: kpi status" in en.stdout
    assert kpi("--help").exit_code == 0 and "Cách dùng: kpi" in kpi("--help").stdout


def test_validate_says_warnings_in_the_language(tmp_path):
    for name in ("targets.yaml", "actuals.yaml"):
        text = (ROOT / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace("plan: {2024: 41, 2025: 37}", "plan: {2024: 41, 2025: 31.75}", 1), encoding="utf-8")
    vi = kpi("validate", "--data-dir", str(tmp_path))
    assert vi.exit_code == 0
    assert "cảnh báo: grdp-structure 2025: tổng các tỷ trọng của grdp-structure là 94,75, không phải 100" in vi.stdout
    assert ": warning:" not in vi.stdout and "94.75" not in vi.stdout
    en = kpi("validate", "--data-dir", str(tmp_path), env={"KPI_LANG": "en"})
    assert "warning: grdp-structure 2025: the shares of grdp-structure add up to 94.75, not 100" in en.stdout
    table = kpi("validate", "--data-dir", str(tmp_path), "--format", "markdown").stdout
    assert "| tệp | dòng | cột | chỉ tiêu | trường | thông báo | mức |" in table and "| cảnh báo |" in table
    assert "file | line" in kpi("validate", "--data-dir", str(tmp_path), "--format", "csv", env={"KPI_LANG": "en"}).stdout.replace(",", " | ")


def test_a_range_split_by_a_decimal_comma_gets_a_hint(tmp_path):
    for name in ("targets.yaml", "actuals.yaml"):
        text = (ROOT / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace("range: [2, 3]}", "range: [2, 2,5]}", 1), encoding="utf-8")
    vi = kpi("validate", "--data-dir", str(tmp_path))
    assert vi.exit_code == 1 and "cần [thấp, cao], gặp 3 số (viết 2.5, không phải 2,5)" in vi.stderr
    en = kpi("validate", "--data-dir", str(tmp_path), env={"KPI_LANG": "en"})
    assert "expected [low, high], found 3 numbers (write 2.5, not 2,5)" in en.stderr


def test_show_names_the_plan_rounds_counts_and_marks_rates():
    seafood = kpi("show", "5", env={"COLUMNS": "100"}).stdout
    assert "lần thứ XIV, nhiệm kỳ 2020–2025 — tính đến năm 2023" in seafood
    assert "Theo xu hướng đến 2025           389.542\n" in seafood and "389.541," not in seafood
    assert "Đạt: dự báo 100,00%\n" in seafood
    growth = kpi("show", "1", env={"COLUMNS": "100"}).stdout
    assert "7,19% (lộ trình) = 89,91%" in growth


@pytest.mark.parametrize("args", [("-h", "--lang", "en"), ("--lang", "en", "-h"), ("--lang", "en", "--help")])
def test_the_app_help_in_english_wherever_lang_is_written(args):
    result = kpi(*args)
    assert result.exit_code == 0 and "Usage: kpi" in result.stdout and "Cách dùng" not in result.stdout


def test_lang_before_the_command_is_the_command_s_language():
    english = kpi("--lang", "en", "status")
    assert english.exit_code == 0 and "23 indicators: 7 exceeded, 10 achieved, 6 at risk" in english.stdout
    assert "23 chỉ tiêu" in kpi("--lang", "en", "status", "--lang", "vi").stdout  # the command's own wins


VI, EN = "23 chỉ tiêu: 7 vượt", "23 indicators: 7 exceeded"


@pytest.mark.parametrize(
    "env, args, says",
    [
        ({"KPI_LANG": "en"}, ("--lang", "vi", "status"), VI),  # typed before the command beats the environment
        ({"KPI_LANG": "en"}, ("status", "--lang", "vi"), VI),
        ({"KPI_LANG": "en"}, ("status",), EN),
        ({"KPI_LANG": "vi"}, ("--lang", "en", "status"), EN),
        ({"KPI_LANG": "en"}, ("--lang", "en", "status", "--lang", "vi"), VI),  # the command's own wins
        ({"KPI_LANG": "vi"}, ("--lang", "vi", "status", "--lang", "en"), EN),
        ({}, ("status",), VI),
        ({"KPI_LANG": "fr"}, ("--lang", "en", "status"), EN),  # a bad $KPI_LANG is not read when --lang is typed
        ({"KPI_LANG": "fr"}, ("--lang=vi", "status"), VI),
        ({"KPI_LANG": "fr"}, ("status", "--lang", "en"), EN),
        ({"KPI_LANG": "fr"}, ("--lang", "vi", "status", "--lang", "en"), EN),
    ],
)
def test_a_language_typed_wins_over_kpi_lang(env, args, says):
    result = kpi(*args, env=env)
    assert result.exit_code == 0 and says in result.stdout


@pytest.mark.parametrize("args", [("status",), ("show", "5"), ("validate",)])
@pytest.mark.parametrize("value", ["fr", "EN", " en"])
def test_a_bad_kpi_lang_alone_is_named_as_such(args, value):
    """Nothing typed, and $KPI_LANG holds no language kpi speaks: one line that names the
    environment variable (not --lang, which the person did not type) and the languages, exit 2."""
    result = kpi(*args, env={"KPI_LANG": value})
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"kpi: giá trị không hợp lệ cho $KPI_LANG: {value!r} không phải một trong vi, en", lines
    assert lines[1:] == [f"  thử: kpi {args[0]} --help"] and "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [("--help",), ("-h",), ("status", "--help"), ("show", "-h"), (), ("--debug",)])
def test_a_help_screen_under_a_bad_kpi_lang_names_it_and_exits_2_as_a_command_does(args):
    """`KPI_LANG=fr kpi --help` printed the Vietnamese help and exit 0 while `KPI_LANG=fr kpi
    status` is a usage error: the help is still shown, the same line names $KPI_LANG, exit 2."""
    result = kpi(*args, env={"KPI_LANG": "fr", "COLUMNS": "100"})
    assert result.exit_code == 2 and "Cách dùng: kpi" in result.stdout
    assert result.stderr.splitlines() == ["kpi: giá trị không hợp lệ cho $KPI_LANG: 'fr' không phải một trong vi, en"]
    typed = kpi("--lang", "en", *args, env={"KPI_LANG": "fr", "COLUMNS": "100"})  # a --lang typed: $KPI_LANG not read
    assert "Usage: kpi" in typed.stdout and typed.stderr == "" and typed.exit_code == (0 if set(args) & {"-h", "--help"} else 2)
    assert kpi("--version", env={"KPI_LANG": "fr"}).exit_code == 0


@pytest.mark.parametrize("lang, usage", [("vi", "Cách dùng: kpi"), ("en", "Usage: kpi")])
@pytest.mark.parametrize("before", [(), ("--debug",)])
def test_no_command_prints_the_help_in_the_language_asked_for(lang, usage, before):
    """`kpi --lang en` said Click's English "Missing command." (in Vietnamese, after "cách dùng
    không đúng:"): options without a command print the help, in their language, as `kpi` does."""
    for args in ((*before, "--lang", lang), (*before, f"--lang={lang}")):
        result = kpi(*args, env={"COLUMNS": "100"})
        assert result.exit_code == 2 and usage in result.stdout and "Missing" not in result.stdout + result.stderr, args
        assert result.stderr == ""
    bare = kpi(*before, env={"KPI_LANG": lang, "COLUMNS": "100"})
    assert bare.exit_code == 2 and usage in bare.stdout and bare.stderr == ""


@pytest.mark.parametrize(
    "args, vi, en",
    [
        (("nosuch",), "không có lệnh 'nosuch'", "no such command 'nosuch'"),
        (("status", "--nosuch"), "không có tuỳ chọn --nosuch", "no such option: --nosuch"),
        (("show",), "thiếu tham số chỉ tiêu", "missing argument indicator"),
        (("status", "--fail-on", "nope"), "giá trị không hợp lệ cho --fail-on", "invalid value for --fail-on"),
        (("show", "1", "2"), "thừa tham số: 2", "unexpected extra arguments: 2"),
        (("status", "--plan"), "tuỳ chọn --plan cần một giá trị", "option --plan needs a value"),
    ],
)
def test_clicks_usage_errors_speak_both_languages(args, vi, en):
    for lang, said in (("vi", vi), ("en", en)):
        result = kpi(*args, env={"KPI_LANG": lang})
        assert result.exit_code == 2 and result.stderr.startswith(f"kpi: {said}"), result.stderr
        assert not any(english in result.stderr for english in ("No such", "Missing", "Invalid value", "Got unexpected", "Error:"))


@pytest.mark.parametrize(
    "args, lang",
    [(["--lang", "vi", "status", "--lang", "en"], "en"), (["--lang=en", "status", "--lang", "vi"], "vi"), (["status"], "vi")],
)
def test_the_messages_language_is_the_last_lang_typed(args, lang):
    """Read before Click parses, for --help and Click's own errors: the last --lang, as the command takes it."""
    from soctrang_kpi.spoken import lang_of

    assert lang_of(args, env={}) == lang
    assert lang_of(["status"], env={"KPI_LANG": "en"}) == "en"


def test_a_text_is_as_wide_as_its_characters_say():
    """width_of's shortcut for Latin and Vietnamese letters agrees with the rule it shortcuts
    (wide East Asian characters two cells, combining marks none) on every code point."""
    import unicodedata

    from soctrang_kpi.output.formats.as_table import width_of

    def by_rule(text):
        return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    points = (chr(c) for c in range(0x30000) if not 0xD800 <= c < 0xE000)
    assert [c for c in points if width_of("ă" + c) != by_rule("ă" + c)] == []
    assert width_of("Tỷ lệ hộ nghèo 2021–2025") == 24 and width_of("中文") == 4 and width_of("e\u0301") == 1


def test_show_json_gives_the_unit_in_both_languages():
    shown = json.loads(kpi("show", "5", "--json").stdout)
    assert (shown["unit"], shown["unit_en"]) == ("Tấn", "tonnes")


def test_the_english_help_quotes_english_counts():
    summary = kpi("-h", "--lang", "en").stdout
    assert "23 indicators: 7 exceeded" in " ".join(summary.split()) and "chỉ tiêu" not in summary


def test_the_entry_point_runs_the_collector_less_often(monkeypatch):
    """kpi's data holds no reference cycles: the process's collector waits for 100.000 new
    objects before a pass, not 700 (soctrang_kpi/__main__.py)."""
    import gc

    from soctrang_kpi import __main__ as entry

    before = gc.get_threshold()
    try:
        with pytest.raises(SystemExit) as done:
            entry.main(["--version"])
        assert done.value.code == 0 and gc.get_threshold()[0] == 100_000
    finally:
        gc.set_threshold(*before)


def test_the_marks_legend_is_printed_only_for_marks_the_table_prints(tmp_path):
    """ "(* ước tính)" only when a value is starred, "° sơ bộ" only when one is preliminary; the
    bundled data has estimates, so its table keeps the legend."""
    (tmp_path / "targets.yaml").write_text(
        "schema_version: 1\nindicators:\n  - {id: hdi, name: HDI, unit: Chỉ số, precision: 3}\nplans:\n"
        "  - id: p\n    name: Kế hoạch\n    base_year: 2025\n    target_year: 2030\n    targets:\n"
        '      - {indicator: hdi, number: "1", kind: level, value: 0.78}\n',
        encoding="utf-8",
    )
    (tmp_path / "actuals.csv").write_text("indicator,area,period,value,status\nhdi,,2025,0.741,actual\nhdi,,2026,0.75,actual\n", encoding="utf-8")
    for fmt in ("table", "markdown"):
        out = kpi("status", "--data-dir", str(tmp_path), "-f", fmt).stdout
        assert "1 chỉ tiêu: 1 vượt" in out and "ước tính" not in out and "(*" not in out
    (tmp_path / "actuals.csv").write_text("indicator,area,period,value,status\nhdi,,2025,0.741,actual\nhdi,,2026,0.75,preliminary\n", encoding="utf-8")
    out = kpi("status", "--data-dir", str(tmp_path)).stdout
    assert "0,750°" in out and out.rstrip().endswith("(° sơ bộ)") and "ước tính" not in out
    assert kpi("status", "--data-dir", str(ROOT)).stdout.rstrip().endswith("(* ước tính)")


@pytest.mark.parametrize("query", ["seafood-output", "5", "thuy san"])
def test_show_computes_one_row_named_exactly_and_says_the_same(query, monkeypatch):
    """A row named by its id or number: its results alone are computed (issue 27: the whole
    plan's held: 313 MB peak RSS at 100.000 series, 271 MB so); a name is looked for among every row's."""
    from soctrang_kpi.core import evaluate as evaluation

    said = kpi("show", query, "--json", "--data-dir", str(ROOT)).stdout
    rows = len(json.loads(kpi("status", "--json", "--data-dir", str(ROOT)).stdout)["indicators"])
    calls: list[str] = []
    real = evaluation._evaluate_row
    monkeypatch.setattr(evaluation, "_evaluate_row", lambda dataset, row, *rest: calls.append(row.indicator) or real(dataset, row, *rest))
    assert kpi("show", query, "--json", "--data-dir", str(ROOT)).stdout == said
    assert "seafood-output" in calls and (len(set(calls)) < rows if query != "thuy san" else len(set(calls)) >= rows)


def test_import_of_a_table_written_the_english_way_then_status(tmp_path):
    """`kpi import` of an office's Word table typed the English way ("32,800", "7.25"), then
    `kpi status`: the revenue is 32.800 tỷ đồng, not 32,8 (what it was read as, exit 0, silently)."""
    from docx import Document

    rows = [
        ["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu đến năm 2025", "Năm 2020", "2021", "Ước 2022"],
        ["1", "Thu ngân sách", "Tỷ đồng", "35,000", "30,150", "32,800", "33,500"],
        ["2", "Tốc độ tăng trưởng GRDP", "%", "Trên 7.5", "6.8", "7.25", "7.1"],
    ]
    document = Document()
    document.add_paragraph("NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020–2025")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            table.cell(r, c).text = text
    document.save(str(tmp_path / "bang.docx"))
    result = kpi("import", str(tmp_path / "bang.docx"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    status = kpi("status", "--data-dir", str(tmp_path / "out"), "--json")
    by_id = {i["id"]: i for i in json.loads(status.stdout)["indicators"]}
    assert by_id["thu-ngan-sach"]["target"] == 35000 and by_id["toc-do-tang-truong-grdp"]["target"] == 7.5
    assert by_id["thu-ngan-sach"]["latest"]["value"] == 33500


def test_a_count_with_a_precision_of_its_own_is_shown_with_it(tmp_path):
    """Beds (a unit of counts) are shown whole — unless the indicator says its precision: then
    2,5 is 2,500, not rounded to 3 and printed 3,000 (a QA pass)."""
    (tmp_path / "targets.yaml").write_text(
        "schema_version: 1\nindicators:\n  - {id: giuong, name: Số giường bệnh, unit: Giường, precision: 3}\n"
        "  - {id: giuong-nguyen, name: Số giường bệnh (nguyên), unit: Giường}\n"
        "plans:\n  - id: p\n    name: P\n    base_year: 2020\n    target_year: 2025\n    targets:\n"
        "      - {indicator: giuong, number: '1', kind: level, value: 2.8}\n"
        "      - {indicator: giuong-nguyen, number: '2', kind: level, value: 2800}\n",
        encoding="utf-8",
    )
    (tmp_path / "actuals.yaml").write_text(
        "schema_version: 1\nseries:\n  giuong:\n    actual: {2020: 2.1, 2023: 2.5}\n  giuong-nguyen:\n    actual: {2020: 2100, 2023: 2500.4}\n",
        encoding="utf-8",
    )
    result = kpi("status", "--data-dir", str(tmp_path), "--as-of", "2023")
    assert result.exit_code == 0, result.stderr
    own, whole = [line for line in result.stdout.splitlines() if line.startswith(("1 ", "2 "))]
    assert " 2,500 " in own and " 3,000 " not in own
    assert " 2.500 " in whole  # the count without a precision: whole, as before
