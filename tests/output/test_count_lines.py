"""A line of counts — a table's footer, `kpi summary`'s counts — wraps between its counts, never
inside one: "12" / "chỉ tiêu" or "1 chưa có số" / "liệu" were printed at COLUMNS=60 (found by a QA
pass on a monthly report's footer)."""

import re
import shutil

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app
from soctrang_kpi.output.formats.as_table import counts_kept, width_of, wrap

from ..conftest import ROOT

#: a count as a line of counts says it: a number and its words up to the next punctuation
COUNT = re.compile(r"(?<!\S)\d[\d.,%]*(?: [^\s,;:()—–]+)+")
COMMANDS = [("status", "docs/example-periods"), ("summary", "docs/example-periods"), ("summary", "soctrang_kpi/data"), ("status", "soctrang_kpi/data")]


def _run(tmp_path, command, data, lang, columns):
    tmp_path.mkdir()
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(ROOT / data / name, tmp_path / name)
    result = CliRunner().invoke(
        app, [command, "--data-dir", str(tmp_path), "--lang", lang], catch_exceptions=False,
        env={"COLUMNS": str(columns), "XDG_CACHE_HOME": str(tmp_path / "cache"), "KPI_CACHE": "0"},
    )
    assert result.exit_code in (0, 3), result.output
    return result.stdout


def _count_line(text: str) -> str:
    """The line of counts a wide terminal prints whole ("6 chỉ tiêu: 3 …" / "23 indicators: …")."""
    return next(line.strip() for line in text.splitlines() if re.match(r"\s*\d+ (chỉ tiêu|indicators?):", line))


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("command, data", COMMANDS)
@pytest.mark.parametrize("columns", [40, 50, 60, 70, 80])
def test_a_count_is_never_broken(tmp_path, lang, command, data, columns):
    whole = _count_line(_run(tmp_path / "wide", command, data, lang, 400))
    lines = [" ".join(line.split()) for line in _run(tmp_path / "narrow", command, data, lang, columns).splitlines()]
    assert all(width_of(line) <= columns for line in lines)
    for count in COUNT.findall(whole):
        number, first = count.split()[:2]
        kept = count if width_of(count) <= columns // 2 else f"{number} {first}"
        assert any(kept in line for line in lines), (kept, lines)


@pytest.mark.parametrize("width, expected", [
    (30, ["12 chỉ tiêu: 3 đúng tiến độ,", "1 chưa có số liệu"]),
    (20, ["12 chỉ tiêu:", "3 đúng tiến độ,", "1 chưa có số liệu"]),
    (8, ["12 chỉ", "tiêu:", "3 đúng", "tiến độ,", "1 chưa", "có số", "liệu"]),
])
def test_counts_kept_glues_within_the_line(width, expected):
    """A count glued whole where it fits the line; a longer one keeps its number with its first word only."""
    assert wrap(counts_kept("12 chỉ tiêu: 3 đúng tiến độ, 1 chưa có số liệu", width), width) == expected


@pytest.mark.parametrize("lang, said", [("en", "1 indicator changed assessment since 2022"), ("vi", "1 chỉ tiêu thay đổi đánh giá so với năm 2022")])
@pytest.mark.parametrize("columns", [60, 80])
def test_the_compare_footer_counts_as_the_others_do(tmp_path, lang, said, columns):
    """One indicator is "1 indicator", as every other count line says it (not "1 indicators")."""
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    result = CliRunner().invoke(app, ["status", "--data-dir", str(tmp_path), "--compare", "2022", "--lang", lang], catch_exceptions=False, env={"COLUMNS": str(columns), "KPI_CACHE": "0"})
    assert result.exit_code == 0, result.output
    assert said in [line.strip() for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    "text, width, expected",
    [
        # `kpi summary` of a monthly report at COLUMNS=60, both languages
        (
            "8 chỉ tiêu: 3 đúng tiến độ, 3 chậm tiến độ, 1 chưa có số liệu, 1 chưa rõ cách cộng tháng; 75,00% thời gian của năm đã qua — đánh giá tạm tính",
            60,
            ["8 chỉ tiêu: 3 đúng tiến độ, 3 chậm tiến độ,", "1 chưa có số liệu, 1 chưa rõ cách cộng tháng;", "75,00% thời gian của năm đã qua — đánh giá tạm tính"],
        ),
        (
            "8 indicators: 3 on course, 3 behind, 1 no data, 1 not known how months add up; 75.00% of the year gone — provisional",
            60,
            ["8 indicators: 3 on course, 3 behind, 1 no data,", "1 not known how months add up; 75.00% of the year gone", "— provisional"],
        ),
        # a plan's title: "— as of 2026" whole where it fits
        ("Nghị quyết Đại hội Đảng bộ tỉnh, nhiệm kỳ 2025–2030 — as of 2026", 60, ["Nghị quyết Đại hội Đảng bộ tỉnh, nhiệm kỳ 2025–2030", "— as of 2026"]),
        ("Nghị quyết Đại hội Đảng bộ tỉnh, nhiệm kỳ 2025–2030 — tính đến năm 2026", 60, ["Nghị quyết Đại hội Đảng bộ tỉnh, nhiệm kỳ 2025–2030", "— tính đến năm 2026"]),
        # too long for the line: the dash keeps its next word
        ("A long plan name — as of the end of the year", 16, ["A long plan name", "— as of the end", "of the year"]),
    ],
)
def test_a_phrase_after_a_dash_and_a_count_that_fit_the_line_are_kept_whole(text, width, expected):
    """"75,00% thời" / "gian của năm đã qua", "of the year gone —" / "provisional" and "— as" / "of
    2026" were printed at COLUMNS=60 (found by a QA pass): such phrases stay whole where they fit."""
    lines = wrap(counts_kept(text, width), width)
    assert lines == expected
    assert all(width_of(line) <= width for line in lines)


@pytest.mark.parametrize("lang, title", [("en", "— as of 2023"), ("vi", "— tính đến năm 2023")])
@pytest.mark.parametrize("command", ["status", "summary"])
def test_the_title_keeps_its_as_of_whole_at_60_columns(tmp_path, lang, title, command):
    out = _run(tmp_path / "d", command, "soctrang_kpi/data", lang, 60)
    assert any(line.strip().endswith(title) for line in out.splitlines()[:3]), out[:300]
