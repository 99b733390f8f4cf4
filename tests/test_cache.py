"""The cache: unchanged files are answered from it, any change is not."""

import json
import os
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from soctrang_kpi import cache, load
from soctrang_kpi.__main__ import main
from soctrang_kpi.cli import app

from .conftest import ROOT


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KPI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("KPI_CACHE", raising=False)
    data = tmp_path / "data"
    data.mkdir()
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(ROOT / name, data / name)
    return data


def kpi(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def run_main(capsys, *args) -> tuple[int, str]:
    """The console entry point, as `kpi ARGS` runs it."""
    with pytest.raises(SystemExit) as done:
        main(list(args))
    return done.value.code, capsys.readouterr().out


@pytest.fixture
def parses(monkeypatch) -> list:
    calls = []
    real = load.parse_files
    monkeypatch.setattr(load, "parse_files", lambda *a: calls.append(1) or real(*a))
    return calls


def _edit(folder, old, new):
    path = folder / "actuals.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


# --- the checked dataset ---------------------------------------------------------------------


def test_unchanged_files_are_not_parsed_twice(folder, parses):
    first = kpi("status", "--json", "--data-dir", str(folder))
    other = kpi("show", "5", "--json", "--data-dir", str(folder))  # another question, same files
    assert first.exit_code == 0 and other.exit_code == 0
    assert len(parses) == 1


def test_a_changed_file_is_parsed_again(folder, parses):
    kpi("status", "--json", "--data-dir", str(folder))
    _edit(folder, "estimate: {2023: 7.10}", "estimate: {2023: 9.10}")
    changed = kpi("show", "1", "--json", "--data-dir", str(folder))
    assert '"value":9.1' in changed.stdout
    assert len(parses) == 2


def test_a_corrupt_entry_is_ignored(folder):
    expected = kpi("summary", "--json", "--data-dir", str(folder)).stdout
    for entry in cache.folder().glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert kpi("summary", "--json", "--data-dir", str(folder)).stdout == expected


def test_kpi_cache_0_turns_it_off(folder, parses, monkeypatch):
    monkeypatch.setenv("KPI_CACHE", "0")
    kpi("status", "--json", "--data-dir", str(folder))
    kpi("status", "--json", "--data-dir", str(folder))
    assert len(parses) == 2
    assert not cache.folder().exists()


def test_invalid_files_are_never_cached(folder):
    _edit(folder, "{2023: 7.10}", '{2023: "7,10"}')
    assert kpi("status", "--data-dir", str(folder)).exit_code == 1
    assert kpi("status", "--data-dir", str(folder)).exit_code == 1


# --- whole answers ---------------------------------------------------------------------------


def test_the_same_question_is_answered_from_the_cache(folder, parses, capsys):
    first = run_main(capsys, "status", "--json", "--data-dir", str(folder))
    again = run_main(capsys, "status", "--json", "--data-dir", str(folder))
    assert first == again and first[0] == 0
    assert json.loads(first[1])["summary"]["total"] == 23
    assert len(parses) == 1


def test_an_answer_follows_the_files_and_the_arguments(folder, capsys):
    vi = run_main(capsys, "show", "1", "--data-dir", str(folder))[1]
    en = run_main(capsys, "show", "1", "--lang", "en", "--data-dir", str(folder))[1]
    assert "Khó đạt" in vi and "At risk" in en
    _edit(folder, "estimate: {2023: 7.10}", "estimate: {2023: 9.10}")
    assert "9,10" in run_main(capsys, "show", "1", "--data-dir", str(folder))[1]


def test_the_exit_code_is_part_of_the_answer(folder, capsys):
    assert run_main(capsys, "status", "--fail-on", "at-risk", "--data-dir", str(folder))[0] == 3
    assert run_main(capsys, "status", "--fail-on", "at-risk", "--data-dir", str(folder))[0] == 3


def test_writes_and_help_are_never_answered_from_the_cache(folder, capsys):
    assert run_main(capsys, "record", "grassroots-party-good", "2023", "96.1", "--data-dir", str(folder))[0] == 0
    code, out = run_main(capsys, "record", "grassroots-party-good", "2023", "96.1", "--data-dir", str(folder))
    assert code == 2  # really ran again: the value now exists
    assert not list(cache.folder().glob("answer-*"))


def test_a_cache_hit_imports_neither_typer_nor_yaml(folder):
    env = {**os.environ, "KPI_CACHE_DIR": str(cache.folder())}
    command = [sys.executable, "-m", "soctrang_kpi", "show", "5", "--json", "--data-dir", str(folder)]
    subprocess.run(command, env=env, check=True, capture_output=True)
    probe = (
        "import sys, io, contextlib, json\n"
        f"sys.argv = {['kpi', *command[3:]]!r}\n"
        "from soctrang_kpi.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main()\n    except SystemExit:\n        pass\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], env=env, check=True, capture_output=True, text=True, cwd=ROOT)
    loaded = set(json.loads(done.stdout.splitlines()[-1]))
    assert not loaded & {"typer", "yaml", "rich", "click"}


def test_the_cache_keeps_a_bounded_number_and_size_of_entries(folder, monkeypatch):
    real_evict = cache._evict
    monkeypatch.setattr(cache, "_evict", lambda where: None)
    for i in range(6):  # oldest first, a second apart
        cache.store("answer", f"k{i}", (0, "x" * 1000))
        os.utime(cache.folder() / f"answer-k{i}.pickle", (1_000_000 + i, 1_000_000 + i))
    monkeypatch.setattr(cache, "KEEP", 3)
    real_evict(cache.folder())
    assert sorted(p.name for p in cache.folder().glob("*.pickle")) == [f"answer-k{i}.pickle" for i in (3, 4, 5)]
    monkeypatch.setattr(cache, "KEEP_BYTES", 2500)
    real_evict(cache.folder())  # 3 entries of ~1 KB: only the two newest fit
    assert sorted(p.name for p in cache.folder().glob("*.pickle")) == ["answer-k4.pickle", "answer-k5.pickle"]
