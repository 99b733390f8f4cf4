"""`kpi status --format csv > status.csv`: a csv written into a file begins with a UTF-8 byte-order
mark, as `kpi export`'s, so that Excel on Windows shows Vietnamese; a pipe (a script reading it),
a file appended to and the other formats get none (README "Output formats")."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ..conftest import ROOT, large_copy

BOM = b"\xef\xbb\xbf"


def _kpi(tmp_path, args, stdout, cache="0"):
    env = {**os.environ, "KPI_CACHE": cache, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "soctrang_kpi", *args], stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=tmp_path)


def _data(tmp_path):
    for name in ("targets.yaml", "actuals.yaml"):
        (tmp_path / name).write_bytes((ROOT / "soctrang_kpi" / "data" / name).read_bytes())


@pytest.mark.parametrize("command", [("status",), ("summary",)])
def test_a_csv_into_a_file_has_the_mark_and_into_a_pipe_none(tmp_path, command):
    _data(tmp_path)
    args = [*command, "--format", "csv"]
    with open(tmp_path / "out.csv", "wb") as out:
        assert _kpi(tmp_path, args, out).returncode == 0
    piped = _kpi(tmp_path, args, subprocess.PIPE)
    assert piped.returncode == 0 and not piped.stdout.startswith(BOM)
    assert (tmp_path / "out.csv").read_bytes() == BOM + piped.stdout
    with open(tmp_path / "out.csv", "ab") as out:  # appended to: no mark in the middle of the file
        assert _kpi(tmp_path, args, out).returncode == 0
    assert (tmp_path / "out.csv").read_bytes() == BOM + piped.stdout * 2


def test_other_formats_into_a_file_have_no_mark(tmp_path):
    _data(tmp_path)
    for args in (["status", "--format", "markdown"], ["status", "--json"]):
        with open(tmp_path / "out", "wb") as out:
            assert _kpi(tmp_path, args, out).returncode == 0
        assert not (tmp_path / "out").read_bytes().startswith(BOM)


def test_an_answer_kept_is_served_with_the_mark_where_stdout_needs_it(tmp_path):
    """A kept answer (files/answers.py) holds no mark: a file gets it, a pipe does not, in either order."""
    large_copy(tmp_path)
    args = ["status", "--format", "csv"]
    piped = _kpi(tmp_path, args, subprocess.PIPE, cache="1")  # kept from a pipe
    for _ in range(2):  # served to a file, then kept from the file and served to a pipe
        with open(tmp_path / "out.csv", "wb") as out:
            assert _kpi(tmp_path, args, out, cache="1").returncode == 0
        assert (tmp_path / "out.csv").read_bytes() == BOM + piped.stdout
        assert _kpi(tmp_path, args, subprocess.PIPE, cache="1").stdout == piped.stdout
    assert any(p.is_file() for p in (tmp_path / "cache").rglob("answers/*")), "no answer was kept: the test tests nothing"
