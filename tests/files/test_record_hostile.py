"""`kpi record` on hostile files (issue #14): it changes exactly one value, or nothing and says why."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app
from soctrang_kpi.files import atomic

from ..conftest import ROOT

BAD = Path(__file__).parent.parent / "bad"


def kpi(*args):
    """In English, the language these messages are checked in (Vietnamese is the default)."""
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"KPI_LANG": "en"})


def folder_with(tmp_path: Path, actuals: str | None = None) -> Path:
    shutil.copy(BAD / "base.targets.yaml", tmp_path / "targets.yaml")
    (tmp_path / "actuals.yaml").write_text(actuals if actuals is not None else (BAD / "base.actuals.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def record(folder: Path, *args: str):
    return kpi("record", *args, "--date", "2024-01-15", "--data-dir", str(folder))


def test_a_value_shared_through_an_alias_is_refused(tmp_path):
    actuals = "schema_version: 1\nseries:\n  grdp-growth:\n    actual: &same {2020: 1.26, 2021: 2.49}\n  exports:\n    actual: *same\n"
    folder = folder_with(tmp_path, actuals)
    for ident in ("grdp-growth", "exports"):
        result = record(folder, ident, "2022", "7")
        assert result.exit_code == 2
        assert "shared through a YAML anchor and alias" in result.stderr
    assert (folder / "actuals.yaml").read_text(encoding="utf-8") == actuals
    scalar = "schema_version: 1\nseries:\n  grdp-growth:\n    actual: {2020: &v 1.26, 2021: *v}\n"
    folder = folder_with(tmp_path, scalar)
    assert record(folder, "grdp-growth", "2020", "2", "--force").exit_code == 2
    assert record(folder, "grdp-growth", "2021", "2", "--force").exit_code == 2
    assert record(folder, "grdp-growth", "2022", "2").exit_code == 0  # the mapping itself is not shared


def test_block_layout_trailing_zeros_and_comments_stay(tmp_path):
    actuals = (
        "schema_version: 1\nseries:\n  grdp-growth:\n    actual:\n      2020: 1.26  # chính thức\n      2021: 2.4900\n"
        "    estimate:\n      2023: 7.10  # ước tính tháng 9\n  exports:\n    actual: {2020: 1.12}  # tỷ USD\n"
    )
    folder = folder_with(tmp_path, actuals)
    assert record(folder, "grdp-growth", "2022", "7.7600").exit_code == 0
    assert record(folder, "grdp-growth", "2022", "7.760").exit_code == 2  # reads as 7760 in Vietnamese: refused with a hint
    text = (folder / "actuals.yaml").read_text(encoding="utf-8")
    day = "    recorded:\n      2022: 2024-01-15\n"  # the day, in the entry's block layout
    assert text == actuals.replace("      2021: 2.4900\n", "      2021: 2.4900\n      2022: 7.7600\n").replace("  exports:", day + "  exports:")
    # the estimate becomes the actual: its comment travels with it, its empty status goes
    assert record(folder, "grdp-growth", "2023", "7.25", "--force", "--status", "actual").exit_code == 0
    text = (folder / "actuals.yaml").read_text(encoding="utf-8")
    assert "      2023: 7.25  # ước tính tháng 9\n    recorded:" in text
    assert "    history:\n      2023:\n        - {value: 7.1, status: estimate}\n  exports:" in text  # what it replaced
    assert text.count("estimate") == 1
    assert "    actual: {2020: 1.12}  # tỷ USD\n" in text


def test_a_new_status_and_a_new_indicator_follow_their_neighbours(tmp_path):
    folder = folder_with(tmp_path)
    assert record(folder, "exports", "2023", "1.4", "--status", "estimate").exit_code == 0
    text = (folder / "actuals.yaml").read_text(encoding="utf-8")
    assert "    actual: {2020: 1.12, 2021: 1.29, 2022: 1.52}\n    estimate: {2023: 1.4}\n    plan: {2024: 1.5" in text
    assert "    recorded: {2023: 2024-01-15}\n" in text
    folder = folder_with(tmp_path, "schema_version: 1\nseries:\n  exports:\n    actual: {2020: 1.12}\n")
    assert record(folder, "grdp-growth", "2020", "1.26").exit_code == 0
    assert (folder / "actuals.yaml").read_text(encoding="utf-8").endswith(
        "  exports:\n    actual: {2020: 1.12}\n  grdp-growth:\n    actual: {2020: 1.26}\n    recorded: {2020: 2024-01-15}\n"
    )


def test_a_tab_indented_file_that_validate_accepts_is_written(tmp_path):
    actuals = (BAD / "base.actuals.yaml").read_text(encoding="utf-8")
    actuals = re.sub(r"(?m)^((?:  )+)", lambda m: "\t" * (len(m.group(1)) // 2), actuals)
    folder = folder_with(tmp_path, actuals)
    assert kpi("validate", "--data-dir", str(folder)).exit_code == 0
    result = record(folder, "grdp-growth", "2023", "7.25", "--force", "--status", "actual")
    assert result.exit_code == 0, result.stderr
    text = (folder / "actuals.yaml").read_text(encoding="utf-8")
    assert text == actuals.replace(
        "\t\tactual: {2020: 1.26, 2021: 2.49, 2022: 7.76}\n\t\testimate: {2023: 7.10}\n",
        "\t\tactual: {2020: 1.26, 2021: 2.49, 2022: 7.76, 2023: 7.25}\n\t\trecorded: {2023: 2024-01-15}\n"
        "\t\thistory:\n\t\t\t2023:\n\t\t\t\t- {value: 7.1, status: estimate}\n",  # indented as the file is, with tabs
    )


@pytest.mark.parametrize(
    "typed, message",
    [("7_25", "expected a number, found '7_25'"), ("١٢", "expected a number, found '١٢'"), ("1e400", "below 1,000,000,000,000,000 in size"),
     ("1e-99", "at most 40 digits"), (" 7", "expected a number, found ' 7'")],
)
def test_values_python_would_read_but_people_do_not_write_are_refused(tmp_path, typed, message):
    folder = folder_with(tmp_path)
    result = record(folder, "grdp-growth", "2024", typed)
    assert result.exit_code == 2 and message in result.stderr


def test_an_exponent_is_written_out(tmp_path):
    folder = folder_with(tmp_path)
    result = record(folder, "grdp-growth", "2024", "1e-7")
    assert result.exit_code == 0, result.stderr
    assert "2022: 7.76, 2024: 0.0000001}\n" in (folder / "actuals.yaml").read_text(encoding="utf-8")


def test_a_symlinked_file_is_written_through_and_locked_as_one(tmp_path):
    shared = folder_with(tmp_path / "shared" if (tmp_path / "shared").mkdir() is None else tmp_path)
    left, right = tmp_path / "left", tmp_path / "right"
    for side in (left, right):
        side.mkdir()
        shutil.copy(shared / "targets.yaml", side / "targets.yaml")
        (side / "actuals.yaml").symlink_to(shared / "actuals.yaml")
    writers = [
        subprocess.Popen([sys.executable, "-m", "soctrang_kpi", "record", "exports", str(year), str(year - 2000), "--status", "plan", "--any-year", "--data-dir", str(side)],
                         cwd=ROOT, stderr=subprocess.PIPE, text=True)
        for year, side in ((2026, left), (2027, right), (2028, left), (2029, right))
    ]
    assert [w.wait(timeout=120) for w in writers] == [0] * 4, [w.stderr.read() for w in writers]
    assert (left / "actuals.yaml").is_symlink() and (right / "actuals.yaml").is_symlink()
    assert "plan: {2024: 1.5, 2025: 1.5, 2026: 26, 2027: 27, 2028: 28, 2029: 29}" in (shared / "actuals.yaml").read_text(encoding="utf-8")


def test_a_link_to_nothing_is_said_as_every_command_says_it_and_no_lock_is_made(tmp_path):
    """`kpi record` on an actuals.yaml linking to a file that does not exist: the link's target
    named as `kpi status` names it, exit 1 — it said it could not write "/nowhere/actuals.yaml.lock"
    (exit 4), the lock of a file that is not there (found by a QA pass)."""
    folder = folder_with(tmp_path)
    (folder / "actuals.yaml").unlink()
    (folder / "actuals.yaml").symlink_to(tmp_path / "nowhere" / "actuals.yaml")
    result = record(folder, "exports", "2023", "1.6")
    assert result.exit_code == 1
    assert f"actuals.yaml: file not found: it is a link to {tmp_path / 'nowhere' / 'actuals.yaml'}, which does not exist" in result.stderr
    assert ".lock" not in result.stderr and sorted(p.name for p in folder.iterdir()) == ["actuals.yaml", "targets.yaml"]
    assert not (tmp_path / "nowhere").exists()


def test_hard_links_owner_and_mode_are_kept(tmp_path):
    folder = folder_with(tmp_path)
    path = folder / "actuals.yaml"
    other = tmp_path / "copy-elsewhere.yaml"
    os.link(path, other)
    os.chmod(path, 0o640)
    if os.geteuid() == 0:
        os.chown(path, 1234, 4321)  # another user's file, written by root
    before = os.stat(path)
    assert record(folder, "grdp-growth", "2024", "7").exit_code == 0
    after = os.stat(path)
    assert (after.st_ino, after.st_nlink, after.st_mode, after.st_uid, after.st_gid) == (before.st_ino, 2, before.st_mode, before.st_uid, before.st_gid)
    assert other.read_bytes() == path.read_bytes() and b"2022: 7.76, 2024: 7}" in path.read_bytes()
    assert sorted(p.name for p in folder.iterdir()) == ["actuals.yaml", "actuals.yaml.lock", "copy-elsewhere.yaml", "targets.yaml"]


def test_another_users_file_keeps_its_owner(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("only root can make a file another user's")
    folder = folder_with(tmp_path)
    os.chown(folder / "actuals.yaml", 1234, 4321)
    assert record(folder, "grdp-growth", "2024", "7").exit_code == 0
    found = os.stat(folder / "actuals.yaml")
    assert (found.st_uid, found.st_gid) == (1234, 4321)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_file_or_folder_is_not_written_even_by_root(tmp_path, what):
    # the documented check is the mode: no write bit (chmod a-w) means no write, even for root
    folder = folder_with(tmp_path / "d" if (tmp_path / "d").mkdir() is None else tmp_path)
    target = folder / "actuals.yaml" if what == "file" else folder
    before = (folder / "actuals.yaml").read_bytes()
    target.chmod(target.stat().st_mode & ~0o222)
    try:
        result = record(folder, "grdp-growth", "2024", "7")
    finally:
        target.chmod(target.stat().st_mode | 0o200)
    assert result.exit_code == 4, result.stderr
    assert f"the {what} is read-only" in result.stderr and "the file is unchanged" in result.stderr
    assert (folder / "actuals.yaml").read_bytes() == before


def test_temporary_files_of_an_interrupted_write_are_removed(tmp_path):
    folder = folder_with(tmp_path)
    (folder / ".actuals.yaml.abc123.tmp").write_text("half")
    assert record(folder, "grdp-growth", "2024", "7").exit_code == 0
    assert not list(folder.glob("*.tmp")) and not list(folder.glob(".*.tmp"))


def test_export_never_writes_over_the_data(tmp_path):
    folder = folder_with(tmp_path)
    before = (folder / "actuals.yaml").read_bytes()
    result = kpi("export", "-o", str(folder / "actuals.yaml"), "-f", "csv", "--force", "--data-dir", str(folder))
    assert result.exit_code == 2 and "is a data file of" in result.stderr
    assert (folder / "actuals.yaml").read_bytes() == before


STEPS = ["mkstemp", "write", "fsync", "chown", "chmod", "replace", "link-write", "ftruncate"]


@pytest.mark.parametrize("linked", [False, True], ids=["renamed", "in-place"])
def test_a_crash_at_any_step_leaves_the_old_or_the_new_value_and_nothing_behind(tmp_path, monkeypatch, linked):
    """Every call of the write path that touches the disk is made to fail in turn (k = 1, 2, …)
    until a write gets through; each time the file holds the old or the new value."""
    import tempfile

    calls = {"n": 0, "fail_at": 0}
    real = {name: getattr(os, name) for name in ("write", "fsync", "replace", "chmod", "chown", "ftruncate", "unlink")}
    real_mkstemp = tempfile.mkstemp

    def step(fn):
        def wrapped(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == calls["fail_at"]:
                raise OSError(5, f"simulated crash at step {calls['n']}")
            return fn(*args, **kwargs)
        return wrapped

    for name, fn in real.items():
        monkeypatch.setattr(atomic.os, name, step(fn))
    monkeypatch.setattr(tempfile, "mkstemp", step(real_mkstemp))  # atomic imports tempfile when it writes
    k = 0
    while True:
        k += 1
        folder = folder_with(tmp_path / str(k) if (tmp_path / str(k)).mkdir() is None else tmp_path)
        if linked:
            os.link(folder / "actuals.yaml", folder / "other-name.yaml")
        calls.update(n=0, fail_at=k)
        result = record(folder, "grdp-growth", "2024", "7")
        calls["fail_at"] = 0
        text = (folder / "actuals.yaml").read_text(encoding="utf-8")
        assert result.exit_code in (0, 4), result.stderr
        assert ("2024: 7}" in text) == (result.exit_code == 0) or atomic.journal_of(folder / "actuals.yaml").exists()
        # whatever happened, the next command sees the old or the new file, whole
        assert kpi("validate", "--data-dir", str(folder)).exit_code == 0
        if result.exit_code == 4 and atomic.journal_of(folder / "actuals.yaml").exists():
            assert record(folder, "exports", "2026", "1", "--status", "plan").exit_code == 0  # finishes the copy
            assert "2024: 7}" in (folder / "actuals.yaml").read_text(encoding="utf-8")
        leftovers = sorted(p.name for p in folder.iterdir() if p.name.startswith("."))
        assert leftovers == [], (k, leftovers)
        if result.exit_code == 0:
            break
    assert k > 3  # the write path was interrupted at several steps before one got through


def test_a_file_written_in_pieces_is_whole_or_not_written(tmp_path):
    """write_atomic takes an export in pieces: all of them, or the old file if making them fails."""
    from soctrang_kpi.files.atomic import write_atomic

    path = tmp_path / "out.html"
    write_atomic(path, iter([b"<p>", b"1", b"</p>"]), durable=False)
    assert path.read_bytes() == b"<p>1</p>"

    def broken():
        yield b"<p>2"
        raise RuntimeError("a bug while making the page")

    with pytest.raises(RuntimeError):
        write_atomic(path, broken(), durable=False)
    assert path.read_bytes() == b"<p>1</p>" and [p.name for p in tmp_path.iterdir()] == ["out.html"]
