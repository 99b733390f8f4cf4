"""A repeat question answered from what was printed (files/answers.py): the same bytes and exit
code as a fresh run, command by command; never for other files, other options, a run that said
something on stderr, a failed run, a binary format or data beside the two files."""

import sys

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app
from soctrang_kpi.files import answers, cache, load

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no dir_fd on Windows: no cache there")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A cache of this test's own, answering every folder size; loads counted."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("KPI_CACHE", raising=False)
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    loads = []
    real = load.read
    monkeypatch.setattr(load, "read", lambda *a, **k: loads.append(1) or real(*a, **k))
    return tmp_path / "xdg" / "soctrang_kpi" / answers.FOLDER, loads


def run(*args, **env):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env=env)


def kept(home):
    folder, _ = home
    return sorted(p.name for p in folder.iterdir() if p.suffix == cache.SUFFIX) if folder.exists() else []


QUESTIONS = [
    ("status", "--json"),
    ("status",),
    ("status", "--format", "csv"),
    ("status", "--format", "markdown"),
    ("status", "--format", "html"),
    ("status", "--lang", "en"),
    ("status", "--as-of", "2022", "--json"),
    ("status", "--only", "at-risk"),
    ("status", "--fail-on", "at-risk"),
    ("show", "exports", "--json"),
    ("show", "exports"),
    ("summary",),
    ("audit", "--json"),
    ("validate",),
]


@pytest.mark.parametrize("question", QUESTIONS, ids=[" ".join(q) for q in QUESTIONS])
def test_a_repeat_question_is_answered_as_a_fresh_run_answers_it(home, folder, question):
    args = (*question, "--data-dir", str(folder))
    fresh = run(*args, KPI_CACHE="0")
    _, loads = home
    first = run(*args)
    assert len(loads) == 2
    again = run(*args)
    assert len(loads) == 2  # the repeat loaded nothing
    assert len(kept(home)) == 1
    for result in (first, again):
        assert (result.stdout_bytes, result.exit_code, result.stderr) == (fresh.stdout_bytes, fresh.exit_code, fresh.stderr)
    assert fresh.exit_code in (0, 3) and fresh.stdout_bytes and fresh.stdout_bytes == first.stdout_bytes


def test_other_options_and_other_bytes_are_other_questions(home, folder):
    run("status", "--json", "--data-dir", str(folder))
    run("status", "--json", "--as-of", "2022", "--data-dir", str(folder))
    run("status", "--json", "--data-dir", str(folder), COLUMNS="80")  # the style is part of the question
    assert len(kept(home)) == 3
    path = folder / "actuals.yaml"
    path.write_bytes(path.read_bytes().replace(b"2022: 1.52}", b"2022: 1.59}"))
    shown = run("show", "exports", "--json", "--data-dir", str(folder))
    assert '"value":1.59' in shown.stdout.replace(" ", "")


def test_a_run_that_said_something_on_stderr_keeps_no_answer(home, folder, monkeypatch):
    from soctrang_kpi import api
    from soctrang_kpi.spoken import say

    real = api.evaluate
    monkeypatch.setattr(api, "evaluate", lambda *a, **k: say("một lời nhắn") or real(*a, **k))
    first = run("status", "--json", "--data-dir", str(folder))
    assert "một lời nhắn" in first.stderr and kept(home) == []
    again = run("status", "--json", "--data-dir", str(folder))
    assert "một lời nhắn" in again.stderr  # said again: the run was not replayed


def test_failed_runs_binary_formats_and_data_beside_the_files_keep_nothing(home, folder):
    assert run("status", "--plan", "no-such-plan", "--data-dir", str(folder)).exit_code == 2
    assert run("status", "--format", "xlsx", "--data-dir", str(folder)).exit_code == 0
    assert kept(home) == []
    (folder / "actuals.csv").write_text("area,indicator,period,value\n", encoding="utf-8")
    run("status", "--json", "--data-dir", str(folder))
    assert kept(home) == []


def test_an_interrupted_record_s_journal_is_read_and_said_every_time_never_answered(home, folder):
    from soctrang_kpi.files.atomic import Journal, journal_of

    run("show", "exports", "--json", "--data-dir", str(folder))
    old = (folder / "actuals.yaml").read_bytes()
    journal_of(folder / "actuals.yaml").write_bytes(Journal(old, old.replace(b"2022: 1.52}", b"2022: 1.61}")).encode())
    for _ in range(2):
        shown = run("show", "exports", "--json", "--data-dir", str(folder), KPI_LANG="en")
        assert '"value":1.61' in shown.stdout.replace(" ", "") and "an interrupted kpi record" in shown.stderr
    assert len(kept(home)) == 1  # the answer of the first run, before the journal: none since


def test_kpi_cache_0_keeps_and_serves_nothing(home, folder):
    run("status", "--json", "--data-dir", str(folder), KPI_CACHE="0")
    assert kept(home) == []


def test_kpi_cache_data_keeps_the_checked_data_and_no_answer(home, folder):
    for _ in range(2):
        shown = run("status", "--json", "--data-dir", str(folder), KPI_CACHE="data")
        assert shown.exit_code == 0
    folder_of_answers, loads = home
    assert kept(home) == [] and len(loads) == 2
    assert [p for p in folder_of_answers.parent.iterdir() if p.suffix == cache.SUFFIX]  # the checked data


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_an_output_encoding_other_than_utf_8_keeps_nothing(home, folder, encoding):
    """Kept as they are written, the pieces of a stateful encoding would each start with a
    byte-order mark: only UTF-8 output is kept."""
    runner = CliRunner(charset=encoding)
    for _ in range(2):
        shown = runner.invoke(app, ["status", "--json", "--data-dir", str(folder)], catch_exceptions=False)
        assert shown.exit_code == 0
    assert kept(home) == []


def test_an_answer_is_for_the_day_it_was_kept_on(home, folder, monkeypatch):
    """The check that no value was recorded after today depends on the day (README)."""
    run("status", "--json", "--data-dir", str(folder))
    monkeypatch.setattr(cache, "_today", lambda: "2099-01-01")
    run("status", "--json", "--data-dir", str(folder))
    _, loads = home
    assert len(loads) == 2 and len(kept(home)) == 2


def test_a_reader_that_stops_early_ends_the_run_quietly_answered_or_not(tmp_path):
    """`kpi status --json | head -c 100`: exit 0, nothing on stderr, first run and repeat."""
    import os
    import subprocess

    from ..conftest import large_copy

    folder = large_copy(tmp_path / "data")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    env.pop("KPI_CACHE", None)
    for setting in ("0", "1", "1"):
        env["KPI_CACHE"] = setting
        proc = subprocess.Popen([sys.executable, "-m", "soctrang_kpi", "status", "--format", "html", "--data-dir", str(folder)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        assert proc.stdout.read(100)
        proc.stdout.close()
        assert (proc.wait(timeout=60), proc.stderr.read()) == (0, b"")
