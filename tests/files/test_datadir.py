"""Where the data is and how it is opened (datadir, regular, oserror): the bundled copy only
when no folder is named and the current one holds neither file; only regular files, bounded; an
operating system's error said in the user's language."""

import errno
import os

import pytest

from soctrang_kpi.errors import DataError, UsageError
from soctrang_kpi.files import datadir, regular
from soctrang_kpi.files.oserror import reason


def test_the_bundled_data_only_when_nothing_is_named_or_here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert datadir.resolve(env={}) == datadir.BUNDLED and datadir.is_bundled(datadir.BUNDLED)
    (tmp_path / "targets.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    assert datadir.resolve(env={}) == tmp_path
    assert datadir.resolve(env={"KPI_DATA_DIR": str(datadir.BUNDLED)}) == datadir.BUNDLED
    with pytest.raises(UsageError):
        datadir.resolve(tmp_path / "missing", env={})


def test_only_a_regular_file_is_read_and_never_past_its_limit(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_bytes(b"x" * 10)
    assert regular.read(path, "targets.yaml", 10) == b"x" * 10
    with pytest.raises((DataError, UsageError)):
        regular.read(path, "targets.yaml", 9)
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    with pytest.raises((DataError, UsageError)):
        regular.read(fifo, "fifo.yaml", 10)


def test_an_os_error_is_said_in_both_languages():
    said = reason(OSError(errno.EACCES, "Permission denied"))
    assert said.render("vi") != said.render("en") and said.render("en")
    assert "own words" in reason(OSError("own words")).render("vi")
