"""A help screen's usage line speaks the language of the command line: "Cách dùng: kpi [TUỲ CHỌN]
LỆNH [THAM SỐ]...", an argument by its name in it ("{chỉ tiêu}"), never Click's "[OPTIONS]",
"COMMAND [ARGS]..." in a Vietnamese screen (found by a QA pass); English with --lang en or
KPI_LANG=en."""

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app

#: (command, its usage line in Vietnamese, in English)
USAGE = [
    ((), "Cách dùng: kpi [TUỲ CHỌN] LỆNH [THAM SỐ]...", "Usage: kpi [OPTIONS] COMMAND [ARGS]..."),
    (("status",), "Cách dùng: kpi status [TUỲ CHỌN]", "Usage: kpi status [OPTIONS]"),
    (("show",), "Cách dùng: kpi show [TUỲ CHỌN] {chỉ tiêu}", "Usage: kpi show [OPTIONS] {indicator}"),
    (("record",), "Cách dùng: kpi record [TUỲ CHỌN] {chỉ tiêu} {kỳ} {giá trị}", "Usage: kpi record [OPTIONS] {indicator} {period} {value}"),
    (("init",), "Cách dùng: kpi init [TUỲ CHỌN] [thư mục]", "Usage: kpi init [OPTIONS] [folder]"),
    (("import",), "Cách dùng: kpi import [TUỲ CHỌN] {tệp}", "Usage: kpi import [OPTIONS] {file}"),
    (("export",), "Cách dùng: kpi export [TUỲ CHỌN]", "Usage: kpi export [OPTIONS]"),
]
ENGLISH = ("[OPTIONS]", "COMMAND", "[ARGS]", "Usage:", "Options ", "Commands ", "Arguments ")


def _help(args, how):
    env = {"COLUMNS": "100", "KPI_LANG": "en" if how == "KPI_LANG=en" else None}
    line = [*args, "--help", *(["--lang", "en"] if how == "--lang en" else [])]
    result = CliRunner().invoke(app, line, catch_exceptions=False, env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("how", ["vi", "--lang en", "KPI_LANG=en"])
@pytest.mark.parametrize("args, vi, en", USAGE, ids=lambda v: " ".join(v) if isinstance(v, tuple) else None)
def test_the_usage_line_is_in_the_language(args, vi, en, how):
    text = _help(args, how)
    usage = next(line.strip() for line in text.splitlines() if line.strip())
    assert usage == (vi if how == "vi" else en)
    if how == "vi":
        assert not [word for word in ENGLISH if word in text], text


@pytest.mark.parametrize(
    "how, said",
    [
        ("vi", "Với --areas: năm của mọi giá trị (2026); số liệu tháng, quý của từng đơn vị không được dùng."),
        ("--lang en", "With --areas: the year of every value (2026); an area's months and quarters are not used."),
    ],
)
def test_import_period_help_offers_only_what_areas_takes(how, said):
    """`kpi import --help` offered 2026-06 and 2026-Q2 for --period, which --areas refuses (an
    area's months and quarters are not used): it names a year, as the refusal does."""
    text = " ".join(_help(("import",), how).replace("│", " ").split())
    assert said in text
    assert "2026-06" not in text and "2026-Q2" not in text and "<year|month>" not in text


@pytest.mark.parametrize(
    "how, said, unsaid",
    [
        ("vi", "(dòng: đơn vị, cột: chỉ tiêu; mọi giá trị của một năm, --period)", "một kỳ"),
        ("--lang en", "(rows: areas, columns: indicators; every value of one year, --period)", "one period"),
    ],
)
def test_import_areas_help_says_the_table_is_of_one_year(how, said, unsaid):
    """`kpi import --help` said an areas table holds "một kỳ" ("one period"), a word for a month or
    a quarter too, which --areas refuses: its values are of one year, the year --period names."""
    text = " ".join(_help(("import",), how).replace("│", " ").split())
    assert said in text and unsaid not in text
