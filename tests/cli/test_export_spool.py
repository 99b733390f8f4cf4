"""An xlsx export's rows spooled past SPOOL_BYTES to an unnamed temporary file in the system's
temporary folder (output/formats/spreadsheetml.Sheet): a failure there names that folder and
TMPDIR, which chooses it, not the output file, whose folder is fine (exit 4, nothing written)."""

from __future__ import annotations

import tempfile

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app
from soctrang_kpi.output.formats import spreadsheetml


def kpi(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.mark.parametrize("lang, said", [
    ("vi", "tệp tạm trong {folder} (thư mục tạm của hệ thống, do biến TMPDIR chọn): không có tệp hay thư mục đó; chưa ghi gì"),
    ("en", "temporary file in {folder} (the system's temporary folder, which TMPDIR chooses): no such file or folder; nothing was written"),
])
def test_a_spool_that_fails_names_the_temporary_folder_not_the_output(lang, said, tmp_path, monkeypatch):
    assert kpi("init", str(tmp_path / "data")).exit_code == 0
    out = tmp_path / "out" / "out.xlsx"
    out.parent.mkdir()
    missing = tmp_path / "no-temp"
    monkeypatch.setattr(tempfile, "tempdir", str(missing))
    monkeypatch.setattr(spreadsheetml, "SPOOL_BYTES", 1)  # the first piece of rows goes to the folder
    monkeypatch.setattr(spreadsheetml, "ROWS_PER_PIECE", 1)
    result = kpi("export", "--data-dir", str(tmp_path / "data"), "-o", str(out), "--lang", lang)
    assert result.exit_code == 4
    assert said.format(folder=missing) in result.stderr
    assert str(out) not in result.stderr
    assert list(out.parent.iterdir()) == []  # nothing written, no temporary file left beside it


def test_a_spool_that_works_writes_the_same_workbook(tmp_path, monkeypatch):
    """The rows read back from the temporary file are the rows kept in memory."""
    assert kpi("init", str(tmp_path / "data")).exit_code == 0
    kept, spooled = tmp_path / "kept.xlsx", tmp_path / "spooled.xlsx"
    assert kpi("export", "--data-dir", str(tmp_path / "data"), "-o", str(kept)).exit_code == 0
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(spreadsheetml, "SPOOL_BYTES", 1)
    monkeypatch.setattr(spreadsheetml, "ROWS_PER_PIECE", 1)
    assert kpi("export", "--data-dir", str(tmp_path / "data"), "-o", str(spooled)).exit_code == 0
    assert spooled.read_bytes() == kept.read_bytes()
