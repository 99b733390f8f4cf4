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
