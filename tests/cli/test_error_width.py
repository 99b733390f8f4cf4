"""A usage error and its suggestions are wrapped to the terminal ($COLUMNS, else stderr's width;
whole when stderr is no terminal and $COLUMNS says nothing): at COLUMNS=60 the list after "có phải là:" reached 143 columns (found by a
QA pass). Wrapped between words, never inside a word or an id, the first line still naming the
problem; a data problem stays one line (file:line: for a tool)."""

import shutil

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app
from soctrang_kpi.output.formats.as_table import width_of
from soctrang_kpi.spoken import wrapped

from ..conftest import ROOT

ERRORS = [
    ("show", "gdp"),  # no match: the closest indicators, with their names
    ("show", "xyz"),
    ("show", "tăng trưởng"),  # several matches
    ("status", "--format", "xx"),  # an unknown option value: the choices
    ("status", "--fail-on", "bad"),
    ("statu",),  # an unknown command: the commands
    ("status", "--formt", "x"),
    ("show", "5", "--as-of", "2026-13"),
    ("status", "--plan", "zz"),
]


def _stderr(folder, args, lang, columns):
    env = {"COLUMNS": str(columns), "KPI_LANG": lang, "XDG_CACHE_HOME": str(folder / "cache")}
    result = CliRunner().invoke(app, [*args, "--data-dir", str(folder)], catch_exceptions=False, env=env)
    assert result.exit_code == 2, result.output
    return result.stderr


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("data")
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(ROOT / name, folder / name)
    return folder


@pytest.mark.parametrize("columns", [40, 60, 80])
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("args", ERRORS, ids=" ".join)
def test_a_usage_error_is_wrapped_to_the_terminal(folder, args, lang, columns):
    wide = _stderr(folder, args, lang, 1000)
    narrow = _stderr(folder, args, lang, columns)
    lines = narrow.splitlines()
    # no line past the terminal but a word wider than it, printed whole
    assert all(width_of(line) <= columns or len(line.split()) == 1 for line in lines), narrow
    # the same words in the same order: none broken
    assert narrow.split() == wide.split()
    # the first line names the problem, as on a wide terminal
    first = wide.splitlines()[0]
    assert lines[0].startswith("kpi: ") and first.startswith(lines[0]) and len(lines[0].split()) >= min(4, len(first.split()))


@pytest.mark.parametrize("line, width, expected", [
    ("kpi: giá trị không hợp lệ cho --format / -f: 'xx'", 36, ["kpi: giá trị không hợp lệ cho", "     --format / -f: 'xx'"]),
    ("      1  grdp-growth  Tốc độ tăng tổng sản phẩm", 44, ["      1  grdp-growth  Tốc độ tăng tổng sản", "                      phẩm"]),
    ("      1  grdp-growth  Tốc độ tăng tổng sản phẩm", 40, ["      1  grdp-growth  Tốc độ tăng tổng", "        sản phẩm"]),
    ("  thử: kpi status --help", 14, ["  thử: kpi", "    status", "    --help"]),
    ("kpi: /a/very/long/path/that/cannot/be/broken/at/all", 20, ["kpi: /a/very/long/path/that/cannot/be/broken/at/all"]),
])
def test_wrapped_hangs_under_the_text(line, width, expected):
    assert wrapped([line], width) == expected


def test_a_data_problem_stays_one_line(tmp_path):
    (tmp_path / "targets.yaml").write_text("schema_version: 1\nindicators:\n  - {id: a, name: " + "rất dài " * 20 + "}\nplans: 5\n", encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text("schema_version: 1\nseries: {}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["status", "--data-dir", str(tmp_path)], catch_exceptions=False, env={"COLUMNS": "40"})
    assert result.exit_code == 1
    assert any(line.startswith(str(tmp_path / "targets.yaml") + ":4") for line in result.stderr.splitlines()), result.stderr


@pytest.mark.parametrize("args", ERRORS[:4], ids=" ".join)
def test_without_a_width_a_message_stays_whole(folder, args):
    """stderr no terminal (a log, a script) and no $COLUMNS: one line a message, for grep."""
    env = {"COLUMNS": None, "XDG_CACHE_HOME": str(folder / "cache")}
    result = CliRunner().invoke(app, [*args, "--data-dir", str(folder)], catch_exceptions=False, env=env)
    assert result.stderr.splitlines() == _stderr(folder, args, "vi", 1000).splitlines()


@pytest.mark.parametrize("columns", ["0", "abc", ""])
def test_a_columns_that_gives_no_width_is_ignored_by_stdout_and_stderr_alike(folder, columns):
    """One rule for both (spoken.terminal_width): $COLUMNS counts when it is a positive number;
    COLUMNS=0 laid `kpi status` out one character a line when stdout was no terminal."""

    def run(args, value, code):
        env = {"COLUMNS": value, "XDG_CACHE_HOME": str(folder / "cache")}
        result = CliRunner().invoke(app, [*args, "--data-dir", str(folder)], catch_exceptions=False, env=env)
        assert result.exit_code == code, result.output
        return result

    table = run(["status"], columns, 0).stdout
    assert table == run(["status"], None, 0).stdout and max(map(width_of, table.splitlines())) > 60
    assert run(["show", "gdp"], columns, 2).stderr == run(["show", "gdp"], None, 2).stderr
