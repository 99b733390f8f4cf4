"""What a command prints going nowhere: standard output on a full disk (`> /dev/full`) is a
write error naming it, in the user's language (exit 4), for every command that prints."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ..conftest import ROOT

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")



@pytest.mark.parametrize(
    "args",
    [
        ("status",),
        ("show", "5", "--json"),
        ("audit",),
        ("summary", "--format", "csv"),
        ("export", "-o", "-", "--format", "html"),
        ("--version",),
    ],
)
@pytest.mark.parametrize(
    "lang, said",
    [("vi", "kpi: không ghi được đầu ra chuẩn (stdout): ổ đĩa đã đầy\n"), ("en", "kpi: cannot write standard output: the disk is full\n")],
)
def test_a_full_disk_on_stdout_is_a_write_error_that_names_it(args, lang, said, tmp_path):
    for name in ("targets.yaml", "actuals.yaml"):  # the current folder's files: nothing else said
        (tmp_path / name).write_bytes((ROOT / "soctrang_kpi" / "data" / name).read_bytes())
    env = {**os.environ, "KPI_LANG": lang, "KPI_CACHE": "0", "XDG_CACHE_HOME": str(tmp_path)}
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "soctrang_kpi", *args], stdout=full, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (4, said)


@pytest.mark.skipif(not hasattr(__import__("fcntl"), "F_SETPIPE_SZ"), reason="needs a pipe of a set size (Linux)")
@pytest.mark.parametrize(
    "args",
    [("status", "--json"), ("status",), ("status", "--format", "csv"), ("--help",), ("status", "--help"), ("export", "-o", "-", "--format", "html")],
)
def test_a_reader_that_stops_early_ends_the_run_with_0_and_nothing_said(args, tmp_path):
    """`kpi status --json | head -c 10`: the pipe made one page long, so that kpi is still
    writing when the reader goes (Typer's own ending of such a run is exit 1); cache off, a
    first run, and a repeat answered from what was printed."""
    import fcntl

    folder = tmp_path / "data"
    folder.mkdir()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from make_data import generate
    finally:
        sys.path.pop(0)
    for name, text in zip(("targets.yaml", "actuals.yaml"), generate(1000)):  # 1.000 series: 0,3 MB, its JSON 1 MB
        (folder / name).write_text(text, encoding="utf-8")
    for setting in ("0", "1", "1"):
        env = {**os.environ, "KPI_LANG": "vi", "KPI_CACHE": setting, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
        read, write = os.pipe()
        fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, 4096)
        proc = subprocess.Popen([sys.executable, "-m", "soctrang_kpi", *args], stdout=write, stderr=subprocess.PIPE, env=env, cwd=folder)
        os.close(write)
        assert os.read(read, 10)
        os.close(read)
        assert (setting, proc.wait(timeout=60), proc.stderr.read()) == (setting, 0, b"")
