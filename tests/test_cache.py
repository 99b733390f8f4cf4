"""The cache: unchanged files are answered from it, any change is not."""

import shutil

import pytest
from typer.testing import CliRunner

from soctrang_kpi import cache, load
from soctrang_kpi.cli import app

from .conftest import ROOT


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KPI_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "data"
    data.mkdir()
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(ROOT / name, data / name)
    return data


def kpi(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def _count_parses(monkeypatch) -> list:
    calls = []
    real = load.parse_files
    monkeypatch.setattr(load, "parse_files", lambda *a: calls.append(1) or real(*a))
    return calls


def test_unchanged_files_are_not_parsed_twice(folder, monkeypatch):
    parses = _count_parses(monkeypatch)
    first = kpi("status", "--json", "--data-dir", str(folder))
    again = kpi("status", "--json", "--data-dir", str(folder))
    other = kpi("show", "5", "--json", "--data-dir", str(folder))  # another question, same files
    assert first.stdout == again.stdout and other.exit_code == 0
    assert len(parses) == 1


def test_a_changed_file_is_parsed_again(folder, monkeypatch):
    parses = _count_parses(monkeypatch)
    kpi("status", "--json", "--data-dir", str(folder))
    path = folder / "actuals.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("estimate: {2023: 7.10}", "estimate: {2023: 9.10}"), encoding="utf-8")
    changed = kpi("show", "1", "--json", "--data-dir", str(folder))
    assert '"value":9.1' in changed.stdout
    assert len(parses) == 2


def test_the_exit_code_is_cached_too(folder):
    assert kpi("status", "--fail-on", "at-risk", "--data-dir", str(folder)).exit_code == 3
    assert kpi("status", "--fail-on", "at-risk", "--data-dir", str(folder)).exit_code == 3


def test_a_corrupt_entry_is_ignored(folder, monkeypatch):
    expected = kpi("summary", "--json", "--data-dir", str(folder)).stdout
    for entry in cache.folder().glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert kpi("summary", "--json", "--data-dir", str(folder)).stdout == expected


def test_kpi_cache_0_turns_it_off(folder, monkeypatch):
    monkeypatch.setenv("KPI_CACHE", "0")
    parses = _count_parses(monkeypatch)
    kpi("status", "--json", "--data-dir", str(folder))
    kpi("status", "--json", "--data-dir", str(folder))
    assert len(parses) == 2
    assert not cache.folder().exists()


def test_invalid_files_are_never_cached(folder):
    path = folder / "actuals.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{2023: 7.10}", '{2023: "7,10"}'), encoding="utf-8")
    assert kpi("status", "--data-dir", str(folder)).exit_code == 1
    assert kpi("status", "--data-dir", str(folder)).exit_code == 1
