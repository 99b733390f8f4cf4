"""Nothing lost, nothing trusted (issue 22): hostile files beside the data, unbounded inputs and
every failure in the user's language. Each test names the class of the issue it covers; cases
that need root (device nodes, another user's file) are skipped without it.
"""

import errno
import io
import os
import signal
import socket
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app
from soctrang_kpi.files import atomic, import_guard, yamlio
from soctrang_kpi.files.atomic import Journal

from ..conftest import ROOT, folder_signature

BAD = Path(__file__).parent.parent / "bad"
ROOTED = hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(not ROOTED, reason="needs root (device nodes, another user's file)")
OUTPUTS: list[str] = []  # every stderr of this corpus: none may say "internal error"


def kpi(*args, lang="en", **env):
    result = CliRunner().invoke(app, list(args), catch_exceptions=False, env={"KPI_LANG": lang, **env})
    OUTPUTS.append(result.stderr)
    return result


def run(*args, cwd=None, timeout=60, lang="en", text=True, **kwargs):
    """`python -m soctrang_kpi` in a process of its own: for FIFOs (a hang fails by timeout), signals
    and closed streams."""
    env = {**os.environ, "KPI_LANG": lang, "PYTHONPATH": str(ROOT), **kwargs.pop("env_extra", {})}
    done = subprocess.run([sys.executable, "-m", "soctrang_kpi", *args], cwd=cwd or ROOT, capture_output=True, text=text, timeout=timeout, env=env, **kwargs)
    OUTPUTS.append(done.stderr if text else os.fsdecode(done.stderr))
    return done


def data(tmp_path: Path, actuals: str | None = None) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    (folder / "targets.yaml").write_bytes((BAD / "base.targets.yaml").read_bytes())
    (folder / "actuals.yaml").write_text(actuals if actuals is not None else (BAD / "base.actuals.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def journal(folder: Path) -> Path:
    return atomic.journal_of(folder / "actuals.yaml")


# --- 2. nothing found on disk is trusted: the journal -------------------------------------


def test_a_journal_that_links_to_another_file_is_never_read_nor_copied(tmp_path):
    folder = data(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:SECRET\n")
    journal(folder).symlink_to(secret)
    before = (folder / "actuals.yaml").read_bytes()
    status = kpi("status", "--data-dir", str(folder))
    assert status.exit_code == 0 and "SECRET" not in status.stdout + status.stderr
    assert "is not kpi's own file (it is a symbolic link): it was not used" in status.stderr
    result = kpi("record", "exports", "2026", "1", "--status", "plan", "--any-year", "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    text = (folder / "actuals.yaml").read_text(encoding="utf-8")
    assert "SECRET" not in text and text.startswith(before.decode().split("plan:")[0])
    assert secret.read_text() == "root:x:0:0:SECRET\n" and not journal(folder).exists()


def test_a_journal_that_is_a_fifo_hangs_nothing(tmp_path):
    folder = data(tmp_path)
    os.mkfifo(journal(folder))
    assert run("status", "--data-dir", str(folder), timeout=60).returncode == 0
    done = run("record", "exports", "2023", "1.4", "--status", "estimate", "--data-dir", str(folder), timeout=60)
    assert done.returncode == 0, done.stderr
    assert "named pipe" in done.stderr


def test_a_journal_that_links_to_dev_zero_is_not_read(tmp_path):
    folder = data(tmp_path)
    journal(folder).symlink_to("/dev/zero")
    done = run("status", "--json", "--data-dir", str(folder), timeout=60)
    assert done.returncode == 0 and "symbolic link" in done.stderr


@needs_root
def test_a_journal_that_is_a_device_or_another_users_is_not_read(tmp_path):
    import stat as st

    folder = data(tmp_path)
    os.mknod(journal(folder), 0o600 | st.S_IFCHR, os.makedev(1, 5))  # /dev/zero's numbers
    done = run("status", "--data-dir", str(folder), timeout=60)
    assert done.returncode == 0 and "it is a device, not a regular file" in done.stderr
    os.unlink(journal(folder))
    journal(folder).write_bytes(Journal(b"", b"schema_version: 1\n").encode())
    os.chown(journal(folder), 1234, 1234)
    done = run("status", "--data-dir", str(folder), timeout=60)
    assert done.returncode == 0 and "belongs to another user (uid 1234)" in done.stderr


def test_an_interrupted_write_is_recovered_and_said(tmp_path):
    folder = data(tmp_path)
    old = (folder / "actuals.yaml").read_bytes()
    new = old.replace(b"2022: 1.52}", b"2022: 1.52, 2023: 1.7}")
    half = new[:40] + old[40:]  # the new content written over the old up to byte 40
    (folder / "actuals.yaml").write_bytes(half)
    journal(folder).write_bytes(Journal(old, new).encode())
    shown = kpi("show", "exports", "--json", "--data-dir", str(folder))
    assert shown.exit_code == 0 and '"year":2023' in shown.stdout.replace(" ", "")
    assert "an interrupted kpi record left its new content" in shown.stderr
    result = kpi("record", "grdp-growth", "2024", "9", "--status", "plan", "--data-dir", str(folder))
    assert result.exit_code == 0 and "finished the interrupted write" in result.stderr
    assert b"2023: 1.7}" in (folder / "actuals.yaml").read_bytes() and not journal(folder).exists()


def test_a_stale_journal_never_wins_over_what_the_user_typed(tmp_path):
    """The issue: after a failure, the user fixed the file by hand, and later commands served the
    journal's value over the one typed."""
    folder = data(tmp_path)
    old = (folder / "actuals.yaml").read_bytes()
    journal(folder).write_bytes(Journal(old, old.replace(b"1.52", b"1.99")).encode())
    (folder / "actuals.yaml").write_bytes(old.replace(b"1.52}", b"1.55}  # typed by hand"))
    shown = kpi("show", "exports", "--json", "--data-dir", str(folder))
    assert '"value":1.55' in shown.stdout.replace(" ", "") and "1.99" not in shown.stdout
    assert "changed after the interrupted write" in shown.stderr
    assert kpi("record", "exports", "2023", "1.6", "--status", "estimate", "--data-dir", str(folder)).exit_code == 0
    assert b"1.55}  # typed by hand" in (folder / "actuals.yaml").read_bytes() and not journal(folder).exists()


def _fail_in_place(monkeypatch, after: int, times: int):
    """os.write in atomic writes ``after`` bytes then fails with ENOSPC, ``times`` times."""
    real_write = os.write
    state = {"left": times, "in_place": False}

    def write(fd, data):
        if state["in_place"] and state["left"]:
            state["left"] -= 1
            real_write(fd, bytes(data[:after]))
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    real_in_place = atomic._write_in_place

    def in_place(real, data):
        state["in_place"] = True
        try:
            return real_in_place(real, data)
        finally:
            state["in_place"] = False

    monkeypatch.setattr(atomic.os, "write", write)
    monkeypatch.setattr(atomic, "_write_in_place", in_place)


def test_a_full_disk_during_an_in_place_write_puts_the_old_content_back(tmp_path, monkeypatch):
    folder = data(tmp_path)
    os.link(folder / "actuals.yaml", tmp_path / "other-link.yaml")  # in place: keeps the link
    before = (folder / "actuals.yaml").read_bytes()
    _fail_in_place(monkeypatch, after=20, times=1)
    result = kpi("record", "exports", "2023", "1.4", "--status", "estimate", "--data-dir", str(folder), lang="vi")
    assert result.exit_code == 4
    assert "ổ đĩa đã đầy; tệp vẫn giữ nguyên" in result.stderr and "No space" not in result.stderr
    assert (folder / "actuals.yaml").read_bytes() == before and not journal(folder).exists()


def test_a_write_that_cannot_even_be_undone_says_the_file_may_be_incomplete(tmp_path, monkeypatch):
    folder = data(tmp_path)
    os.link(folder / "actuals.yaml", tmp_path / "other-link.yaml")
    _fail_in_place(monkeypatch, after=20, times=2)
    result = kpi("record", "exports", "2023", "1.4", "--status", "estimate", "--data-dir", str(folder))
    assert result.exit_code == 4
    assert "the file is unchanged" not in result.stderr
    assert "the file may be incomplete; its new content is kept whole in" in result.stderr
    monkeypatch.undo()
    shown = kpi("show", "exports", "--json", "--data-dir", str(folder))  # the journal is read, and said
    assert shown.exit_code == 0 and "an interrupted kpi record" in shown.stderr


# --- 2. the lock, temporary files and output paths -----------------------------------------


def test_a_lock_that_is_a_link_is_not_followed_even_by_root(tmp_path):
    folder = data(tmp_path)
    elsewhere = tmp_path / "elsewhere" / "created-by-kpi"
    elsewhere.parent.mkdir()
    (folder / "actuals.yaml.lock").symlink_to(elsewhere)
    before = (folder / "actuals.yaml").read_bytes()
    result = kpi("record", "exports", "2023", "1.4", "--status", "estimate", "--data-dir", str(folder))
    assert result.exit_code == 4 and "it is a symbolic link; remove it" in result.stderr
    assert not elsewhere.exists() and (folder / "actuals.yaml").read_bytes() == before


def test_a_lock_that_is_a_fifo_is_refused_without_hanging(tmp_path):
    folder = data(tmp_path)
    os.mkfifo(folder / "actuals.yaml.lock")
    done = run("record", "exports", "2023", "1.4", "--status", "estimate", "--data-dir", str(folder), timeout=60)
    assert done.returncode == 4 and "named pipe" in done.stderr


def test_leftovers_named_like_temporary_files_are_removed_only_if_they_are_kpis(tmp_path):
    folder = data(tmp_path)
    target = tmp_path / "keep-me.txt"
    target.write_text("keep")
    (folder / ".actuals.yaml.aaaa.tmp").symlink_to(target)
    (folder / ".actuals.yaml.bbbb.tmp").mkdir()
    assert kpi("record", "exports", "2023", "1.4", "--status", "estimate", "--data-dir", str(folder)).exit_code == 0
    assert target.read_text() == "keep" and not os.path.lexists(folder / ".actuals.yaml.aaaa.tmp")
    assert (folder / ".actuals.yaml.bbbb.tmp").is_dir()  # a folder is not kpi's: it stays


def test_an_output_that_is_a_fifo_a_socket_or_a_device_is_refused(tmp_path):
    folder = data(tmp_path)
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    result = kpi("export", "-o", str(fifo), "--force", "--data-dir", str(folder))
    assert result.exit_code == 4 and "it is a named pipe (FIFO), not a regular file; nothing was written" in result.stderr
    assert fifo.is_fifo()
    short = Path(tempfile.mkdtemp(dir="/tmp"))  # a socket's path must be short
    try:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(short / "s.csv"))
            result = kpi("export", "-o", str(short / "s.csv"), "--force", "--data-dir", str(folder))
            assert result.exit_code == 4 and "a socket" in result.stderr
    finally:
        for child in short.iterdir():
            child.unlink()
        short.rmdir()
    device = tmp_path / "null.csv"
    device.symlink_to("/dev/null")  # through a link, to the device itself
    result = kpi("export", "-o", str(device), "--force", "--data-dir", str(folder))
    assert result.exit_code == 4 and "a device" in result.stderr
    assert Path("/dev/null").is_char_device()


def test_a_long_legal_file_name_gets_a_temporary_name_within_the_limit(tmp_path):
    folder = data(tmp_path)
    output = tmp_path / ("b" * 246 + ".csv")  # 250 bytes: legal; ".NAME.XXXXXXXX.tmp" would not be
    result = kpi("export", "-o", str(output), "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    assert output.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    real = folder / ("a" * 250)
    os.replace(folder / "actuals.yaml", real)
    (folder / "actuals.yaml").symlink_to(real.name)  # the lock and journal are named after it
    os.link(real, tmp_path / "hard-link")  # in place, through the journal
    result = kpi("record", "exports", "2023", "1.4", "--status", "estimate", "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr


def test_a_name_too_long_is_said_in_vietnamese(tmp_path):
    folder = data(tmp_path)
    result = kpi("export", "-o", str(tmp_path / ("c" * 300 + ".csv")), "--data-dir", str(folder), lang="vi")
    assert result.exit_code == 4 and "tên tệp quá dài" in result.stderr and "too long" not in result.stderr


def test_python_m_does_not_import_modules_lying_in_the_current_folder(tmp_path):
    folder = data(tmp_path)
    (folder / "yaml.py").write_text("raise SystemExit('PWNED: a yaml.py of the data folder ran')\n")
    (folder / "typer.py").write_text("raise SystemExit('PWNED: a typer.py of the data folder ran')\n")
    env_path = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-m", "soctrang_kpi", "status"], cwd=folder, capture_output=True, text=True, timeout=60, env=env_path)
    assert done.returncode == 0, done.stderr
    assert "PWNED" not in done.stderr + done.stdout


def test_a_closed_stderr_still_gives_the_right_exit_code(tmp_path):
    folder = data(tmp_path)
    command = f"exec {sys.executable} -m soctrang_kpi record exports 2023 41,200 --data-dir {folder} 2>&-"
    done = subprocess.run(["sh", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2  # the usage error's code, not 1 from a traceback nobody sees


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_clean_up_like_ctrl_c(tmp_path, signum):
    """The signal arrives while the temporary file is being flushed: it is removed, the lock is
    released, the file is unchanged, and the exit code is 128 + the signal."""
    folder = data(tmp_path)
    before = (folder / "actuals.yaml").read_bytes()
    script = (
        "import os, sys\n"
        "real = os.fsync\n"
        f"def fsync(fd):\n    os.kill(os.getpid(), {int(signum)})\n    return real(fd)\n"
        "os.fsync = fsync\n"
        "from soctrang_kpi.__main__ import main\n"
        f"main(['record', 'exports', '2023', '1.4', '--status', 'estimate', '--data-dir', {str(folder)!r}])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 128 + signum, done.stderr
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
    assert (folder / "actuals.yaml").read_bytes() == before
    export = tmp_path / "out.xlsx"
    script = script.replace(f"['record', 'exports', '2023', '1.4', '--status', 'estimate', '--data-dir', {str(folder)!r}]", f"['export', '-o', {str(export)!r}, '--data-dir', {str(folder)!r}]")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 128 + signum and not export.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


# --- kpi init -------------------------------------------------------------------------------


@pytest.mark.parametrize("name, message", [("abc\x01def", "control character U+0001 (character 4)"), ("   ", "--name is empty")])
def test_init_refuses_a_name_validate_would_refuse(tmp_path, name, message):
    result = kpi("init", str(tmp_path / "new"), "--name", name)
    assert result.exit_code == 2 and message in result.stderr
    assert not (tmp_path / "new" / "targets.yaml").exists()


def test_init_on_a_full_disk_writes_neither_file(tmp_path, monkeypatch):
    real_stage = atomic._stage
    calls = {"n": 0}

    def stage(target, data, *args):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_stage(target, data, *args)

    monkeypatch.setattr(atomic, "_stage", stage)
    result = kpi("init", str(tmp_path / "new"), lang="vi")
    assert result.exit_code == 4 and "ổ đĩa đã đầy" in result.stderr
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == []


def test_init_restores_the_first_file_when_the_second_rename_fails(tmp_path, monkeypatch):
    folder = tmp_path / "new"
    assert kpi("init", str(folder), "--name", "Cũ").exit_code == 0
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    real_replace = os.replace
    calls = {"n": 0}

    def replace(src, dst):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    result = kpi("init", str(folder), "--name", "Mới", "--force")
    assert result.exit_code == 4 and "input/output error" in result.stderr
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


# --- 3. bounded work -------------------------------------------------------------------------


def test_an_alias_amplified_file_within_the_alias_limit_is_refused(tmp_path):
    big = "".join("        " + "a" * 1000 + "\n" for _ in range(1000))  # 1 MB in lines of 1.000
    text = "schema_version: 1\nseries:\n  exports:\n    notes:\n      2020: &big |\n" + big + "".join(f"      {2021 + i}: *big\n" for i in range(5)) + "x:\n" + "".join("  - *big\n" for _ in range(200))
    folder = data(tmp_path, text)
    result = kpi("validate", "--data-dir", str(folder))
    assert result.exit_code == 1
    assert "its aliases would make it" in result.stderr and "characters long written out" in result.stderr


def test_a_ten_megabyte_line_is_refused_before_parsing(tmp_path):
    folder = data(tmp_path, "schema_version: 1\nseries: {" + ", ".join(f"x{i}: 1" for i in range(1_200_000)) + "}\n")
    result = kpi("status", "--data-dir", str(folder), lang="vi")
    assert result.exit_code == 1 and "dòng 2 dài" in result.stderr and "giới hạn là 1.000.000" in result.stderr


def test_a_long_word_is_wrapped_in_one_pass(monkeypatch):
    """Counted, not timed: the characters measured stay a small multiple of the word's length
    (cutting the rest of the word again and again measured 10¹⁰ for a 1 MB word)."""
    from soctrang_kpi.output.formats import as_table

    measured = {"chars": 0}
    real = as_table.width_of

    def width_of(text):
        measured["chars"] += len(text)
        return real(text)

    monkeypatch.setattr(as_table, "width_of", width_of)
    lines = as_table.wrap("x" * 1_000_000 + " tail", 30)
    assert len(lines) == 33_334 and lines[0] == "x" * 30 and lines[-1] == "xxxxxxxxxx tail"
    assert measured["chars"] < 4 * 1_000_000


def test_a_word_of_a_hundred_kilobytes_is_refused_by_lookups(tmp_path):
    folder = data(tmp_path)
    for command in (["show", "q" * 100_000], ["record", "q" * 100_000, "2023", "1"]):
        result = kpi(*command, "--data-dir", str(folder))
        assert result.exit_code == 2 and "the indicator asked for is 100,000 characters long" in result.stderr
    assert len(kpi("q" * 100_000).stderr) < 1000


def test_a_long_name_does_not_slow_suggestions(tmp_path):
    long_name = '"Giá trị ' + "\\\n      ".join(["x" * 100_000] * 40) + '"'  # one 4 MB word, in lines
    targets = (BAD / "base.targets.yaml").read_text(encoding="utf-8").replace("Giá trị xuất khẩu hàng hoá", long_name)
    folder = data(tmp_path)
    (folder / "targets.yaml").write_text(targets, encoding="utf-8")
    result = kpi("show", "gia tri xuat", "--data-dir", str(folder))
    assert result.exit_code in (0, 2)


def test_alike_rows_get_unique_ids_in_linear_time():
    from soctrang_kpi.files.import_table import _Ids, _unique_id

    used = _Ids()
    ids = [_unique_id("Tỷ lệ hộ nghèo", used) for _ in range(50_000)]
    assert len(set(ids)) == 50_000 and ids[:3] == ["ty-le-ho-ngheo", "ty-le-ho-ngheo-2", "ty-le-ho-ngheo-3"]


# --- 3. and 4. import: bounds and the libraries' errors ---------------------------------------


def _docx(path: Path, replace: tuple[bytes, bytes] | None = None) -> Path:
    from docx import Document

    document = Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "TT", "Chỉ tiêu"
    document.save(path)
    if replace:
        with zipfile.ZipFile(path) as source:
            parts = {i.filename: source.read(i.filename) for i in source.infolist()}
        parts["word/document.xml"] = parts["word/document.xml"].replace(*replace)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for name, content in parts.items():
                out.writestr(name, content)
    return path


def test_a_zip_bomb_is_not_unpacked(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        with out.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:  # a part read whole
            zeros = b"\0" * (1 << 20)
            for _ in range(300):
                part.write(zeros)
    assert bomb.stat().st_size < 1_000_000
    result = kpi("import", str(bomb), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "unpacked it would be 314,572,800 bytes; the limit is 134,217,728" in result.stderr


def test_worksheets_are_bounded_apart_from_the_parts_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(import_guard, "MAX_STREAMED", 1 << 20)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("xl/worksheets/sheet1.xml", b"\0" * (3 << 20))
    result = kpi("import", str(bomb), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "unpacked it would be 3,145,728 bytes; the limit is 1,048,576" in result.stderr


def test_a_word_cell_spanning_a_hundred_million_columns_is_refused(tmp_path):
    path = _docx(tmp_path / "span.docx", (b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="100000000"/>'))
    result = run("import", str(path), "-o", str(tmp_path / "out"), timeout=120)
    assert result.returncode == 2 and "a table cell spans 100,000,000 columns; the limit is 500" in result.stderr


def test_a_sheet_of_more_cells_than_the_bound_is_refused(tmp_path, monkeypatch):
    from openpyxl import Workbook

    monkeypatch.setattr(import_guard, "MAX_CELLS", 100)
    book = Workbook()
    sheet = book.active
    sheet.title = "Chỉ tiêu"
    for i in range(60):
        sheet.append([i + 1, f"Chỉ tiêu {i}"])
    book.save(tmp_path / "rows.xlsx")
    result = kpi("import", str(tmp_path / "rows.xlsx"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "sheet 'Chỉ tiêu' reaches row 51 and column 2; a sheet may have at most 100 cells" in result.stderr
    said = kpi("import", str(tmp_path / "rows.xlsx"), "-o", str(tmp_path / "out"), lang="vi")
    assert "trang 'Chỉ tiêu' có tới dòng 51 và cột 2; một trang có tối đa 100 ô" in said.stderr


def test_a_sheet_of_many_rows_and_few_columns_is_read(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["TT", "Chỉ tiêu", "Đơn vị", "Nghị quyết"])
    for i in range(12_000):  # past the 10.000 rows a sheet was once bounded by
        sheet.append([i + 1, f"Sản lượng {i}", "tấn", 100 + i])
    book.save(tmp_path / "long.xlsx")
    result = kpi("import", str(tmp_path / "long.xlsx"), "-o", str(tmp_path / "out"), "--base-year", "2020", "--target-year", "2025")
    assert result.exit_code in (0, 5), result.stderr
    assert "12,000 indicators" in result.stderr


def test_one_styled_cell_far_away_is_refused_before_openpyxl_fills_the_rectangle(tmp_path):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.active["A1"] = "TT"
    book.active["XFD1048576"].font = Font(bold=True)  # no value: a style alone makes the cell
    book.save(tmp_path / "far.xlsx")
    result = run("import", str(tmp_path / "far.xlsx"), "-o", str(tmp_path / "out"), timeout=120)
    assert result.returncode == 2 and "reaches row 1,048,576 and column 16,384" in result.stderr


def _sheet_xml(path: Path, sheet_xml: bytes) -> Path:
    """A workbook whose first sheet is ``sheet_xml`` (the rest as openpyxl writes it)."""
    from openpyxl import Workbook

    Workbook().save(path)
    with zipfile.ZipFile(path) as source:
        parts = {i.filename: source.read(i.filename) for i in source.infolist()}
    parts["xl/worksheets/sheet1.xml"] = sheet_xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, content in parts.items():
            out.writestr(name, content)
    return path


SHEET = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData>%s</worksheet>'


def test_one_merged_range_over_the_whole_sheet_is_refused(tmp_path):
    path = _sheet_xml(tmp_path / "merged.xlsx", SHEET % (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>TT</t></is></c></row>',
        b'<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    ))
    result = run("import", str(path), "-o", str(tmp_path / "out"), timeout=120)
    assert result.returncode == 2 and "reaches row 1,048,576 and column 16,384" in result.stderr


def test_cells_without_their_reference_are_counted_where_they_are(tmp_path):
    # a row numbered far down, its cells without r="…": the reader places them by the row's number
    path = _sheet_xml(tmp_path / "unnamed.xlsx", SHEET % (b'<row r="1000000">' + b"<c/>" * 20 + b"</row>", b""))
    result = run("import", str(path), "-o", str(tmp_path / "out"), timeout=120)
    assert result.returncode == 2 and "reaches row 1,000,000 and column 20" in result.stderr


def test_import_of_a_fifo_or_a_link_to_dev_zero_is_refused_without_reading(tmp_path):
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    done = run("import", str(fifo), "-o", str(tmp_path / "out"), timeout=60)
    assert done.returncode == 2 and "named pipe" in done.stderr
    zero = tmp_path / "zero.docx"
    zero.symlink_to("/dev/zero")
    done = run("import", str(zero), "-o", str(tmp_path / "out"), timeout=60)
    assert done.returncode == 2 and "a device" in done.stderr


@pytest.mark.parametrize(
    "name, content",
    [("random.xlsx", b"\x00\x01not a zip at all" * 10), ("random.docx", b"PK\x03\x04 truncated"), ("empty.xlsx", b"")],
)
def test_damaged_office_files_are_said_not_crashed_on(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    result = kpi("import", str(tmp_path / name), "-o", str(tmp_path / "out"), lang="vi")
    assert result.exit_code == 2 and "không phải tệp .xlsx hay .docx" in result.stderr


def test_malformed_xml_and_missing_parts_are_said(tmp_path):
    broken = _docx(tmp_path / "broken.docx", (b"<w:body>", b"<w:body><w:p><unclosed>"))
    result = kpi("import", str(broken), "-o", str(tmp_path / "out"), lang="vi")
    assert result.exit_code == 2 and "XML hỏng" in result.stderr
    empty_zip = tmp_path / "parts.xlsx"
    with zipfile.ZipFile(empty_zip, "w") as out:
        out.writestr("hello.txt", "no workbook here")
    result = kpi("import", str(empty_zip), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and f"cannot read {empty_zip}: " in result.stderr


# --- 4. every failure in the user's language ----------------------------------------------------


@pytest.mark.parametrize(
    "text, vietnamese",
    [
        ("schema_version: 1\nseries:\n  a: 1\n b: 2\n", "actuals.yaml:4:2: b: lỗi cú pháp YAML: không tìm thấy khoá ở chỗ cần có"),  # b's own line
        ("schema_version: 1\nseries: [1, 2\n", "actuals.yaml:2:14: lỗi cú pháp YAML: không tìm thấy dấu ',' hay ']' ở chỗ cần có"),
        ("schema_version: 1\nseries: {}\nx: \"ệ\x01\"\n", "actuals.yaml:3:6: YAML không cho phép ký tự U+0001 (ký tự điều khiển)"),
        ('schema_version: 1\nseries: {}\nx: "abc\n', "actuals.yaml:3:8: lỗi cú pháp YAML: tệp kết thúc giữa chừng"),
    ],
    ids=["key", "flow", "control-character", "end-of-stream"],
)
def test_yaml_syntax_errors_are_said_in_vietnamese_on_a_line_that_exists(tmp_path, text, vietnamese):
    folder = data(tmp_path, text)
    result = kpi("validate", "--data-dir", str(folder), lang="vi")
    assert result.exit_code == 1
    first = result.stderr.replace(f"{folder}/", "").splitlines()[0]
    assert first.startswith(vietnamese), first
    line = int(first.split(":")[1])
    assert line <= len(yamlio.lines_of(text.rstrip("\n")))
    for english in ("did not find", "found unexpected", "position", "unacceptable character"):
        assert english not in result.stderr


def test_keys_are_shown_as_written(tmp_path):
    folder = data(tmp_path, "schema_version: 1\nseries:\n  yes: {actual: {2020: 1}}\n  exports:\n    actual: {2020: 1.12, ~: 4}\n")
    lines = kpi("validate", "--data-dir", str(folder)).stderr.replace(f"{folder}/", "").splitlines()
    assert lines[:2] == [
        "actuals.yaml:3:8: yes: values for an indicator that targets.yaml does not define",
        'actuals.yaml:5:29: exports ~: expected a year, found "~"',
    ]
    assert "True" not in "".join(lines) and "None" not in "".join(lines)


def test_a_number_key_for_a_declared_id_says_so(tmp_path):
    folder = data(tmp_path, "schema_version: 1\nseries:\n  5: {actual: {2020: 1}}\n")
    (folder / "targets.yaml").write_text((folder / "targets.yaml").read_text(encoding="utf-8").replace("exports", "5").replace("id: 5", 'id: "5"').replace("indicator: 5", 'indicator: "5"'), encoding="utf-8")
    result = kpi("validate", "--data-dir", str(folder))
    assert "YAML reads this key as a number, not the id '5' that targets.yaml declares: write it in quotes" in result.stderr
    assert "does not define" not in result.stderr


def test_an_os_error_while_writing_is_said_in_the_language(tmp_path, monkeypatch):
    folder = data(tmp_path)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_stage", full)
    result = kpi("export", "-o", str(tmp_path / "out.csv"), "--data-dir", str(folder), lang="vi")
    assert result.exit_code == 4 and "ổ đĩa đã đầy" in result.stderr and "No space" not in result.stderr


def test_bidi_controls_in_names_are_neutralised_at_the_terminal(tmp_path):
    folder = data(tmp_path)
    targets = (folder / "targets.yaml").read_text(encoding="utf-8").replace("Giá trị xuất khẩu", "Giá trị \u202exuất\u202c \u2066khẩu\u2069")
    (folder / "targets.yaml").write_text(targets, encoding="utf-8")
    result = kpi("status", "--data-dir", str(folder))
    assert result.exit_code == 0
    for char in "\u202e\u202c\u2066\u2069":
        assert char not in result.stdout
    assert "Giá trị ?xuất? ?khẩu?" in result.stdout


def test_a_path_that_is_not_utf8_never_crashes_the_output(tmp_path):
    folder = data(tmp_path)
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/d\xffata"))  # a byte no UTF-8 decodes: a surrogate
    os.rename(folder, odd)
    for env in ({}, {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}):  # strict: escaped instead
        done = run("record", "exports", str(2023 + len(env)), "1.4", "--status", "estimate", "--force", "--json", "--data-dir", str(odd), text=False, env_extra=env)
        assert done.returncode == 0, done.stderr
        assert b"internal error" not in done.stderr and b"ata" in done.stdout


def test_no_output_of_this_corpus_says_internal_error():
    """Runs last in this file (pytest keeps the order): every stderr collected above."""
    assert OUTPUTS and not [out for out in OUTPUTS if "internal error" in out]


# --- 2. nothing found on disk is trusted: the cache of checked data (files/cache.py) --------


def large(tmp_path: Path) -> Path:
    """The base data, made larger than the size from which loading is cached (a comment)."""
    from soctrang_kpi.files import cache

    folder = data(tmp_path)
    with open(folder / "actuals.yaml", "a", encoding="utf-8") as out:
        out.write("\n# " + "đệm " * (cache.MIN_BYTES // 4) + "\n")
    return folder


def resealed(entry: bytes, secret: bytes, folder: Path) -> bytes:
    """A cache entry whose header's signature and size are made to match its (changed) body, with
    the cache folder's own secret: what only the user could write."""
    header, _, body = entry.partition(b"\n")
    magic, key, _, _ = header.rsplit(b" ", 3)
    size = sum(len((folder / name).read_bytes()) for name in ("targets.yaml", "actuals.yaml"))
    return b" ".join((magic, key, folder_signature(secret, key + b"\n" + body, size), str(len(body)).encode())) + b"\n" + body


def exports_2022(result) -> float:
    import json

    shown = json.loads(result.stdout if isinstance(result.stdout, str) else result.stdout.decode())
    return next(p["value"] for p in shown["series"] if p["year"] == 2022)


def test_a_file_changed_by_hand_is_read_again_whatever_its_date_and_size(tmp_path, monkeypatch):
    monkeypatch.delenv("KPI_CACHE", raising=False)  # the cache on, whatever the shell says (KPI_CACHE=0 failed it)
    folder, cached = large(tmp_path), tmp_path / "cache"
    path = folder / "actuals.yaml"
    assert exports_2022(kpi("show", "exports", "--json", "--data-dir", str(folder), XDG_CACHE_HOME=str(cached))) == 1.52
    assert any((cached / "soctrang_kpi").iterdir())
    before = os.stat(path)
    path.write_bytes(path.read_bytes().replace(b"2022: 1.52}", b"2022: 1.59}"))  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same date
    assert exports_2022(kpi("show", "exports", "--json", "--data-dir", str(folder), XDG_CACHE_HOME=str(cached))) == 1.59


def test_an_interrupted_write_is_served_its_new_content_not_the_cached_old(tmp_path):
    folder, cached = large(tmp_path), tmp_path / "cache"
    old = (folder / "actuals.yaml").read_bytes()
    assert exports_2022(kpi("show", "exports", "--json", "--data-dir", str(folder), XDG_CACHE_HOME=str(cached))) == 1.52
    journal(folder).write_bytes(Journal(old, old.replace(b"2022: 1.52}", b"2022: 1.61}")).encode())
    shown = kpi("show", "exports", "--json", "--data-dir", str(folder), XDG_CACHE_HOME=str(cached))
    assert exports_2022(shown) == 1.61 and "an interrupted kpi record" in shown.stderr


def test_a_cache_folder_that_links_elsewhere_is_not_used(tmp_path):
    folder, cached, elsewhere = large(tmp_path), tmp_path / "cache", tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    cached.mkdir()
    (cached / "soctrang_kpi").symlink_to(elsewhere)
    for _ in range(2):
        result = kpi("status", "--json", "--data-dir", str(folder), XDG_CACHE_HOME=str(cached))
        assert result.exit_code == 0 and result.stderr == ""
    assert list(elsewhere.iterdir()) == []
    assert result.stdout == kpi("status", "--json", "--data-dir", str(folder), KPI_CACHE="0").stdout


@pytest.mark.parametrize("plant", ["dev-zero", "fifo", "secret"])
def test_a_cache_entry_that_is_a_link_or_a_fifo_is_never_read(tmp_path, plant):
    from soctrang_kpi.files import cache

    folder, cached = large(tmp_path), tmp_path / "cache"
    env = {"XDG_CACHE_HOME": str(cached)}
    assert run("status", "--json", "--data-dir", str(folder), env_extra=env).returncode == 0
    (entry,) = (p for p in (cached / "soctrang_kpi").iterdir() if p.suffix == cache.SUFFIX)
    good = entry.read_bytes()
    entry.unlink()
    if plant == "dev-zero":
        entry.symlink_to("/dev/zero")
    elif plant == "fifo":
        os.mkfifo(entry, 0o600)
    else:  # a whole entry of the user's, reached through a link: not followed either
        secret = tmp_path / "secret.json"
        secret.write_bytes(resealed(good.replace(b"1.52", b"9.99"), (cached / "soctrang_kpi" / cache.SECRET).read_bytes(), folder))
        secret.chmod(0o600)
        entry.symlink_to(secret)
    done = run("show", "exports", "--json", "--data-dir", str(folder), env_extra=env, timeout=60)
    assert done.returncode == 0 and exports_2022(done) == 1.52 and done.stderr == ""


@needs_root
def test_another_users_cache_folder_or_entry_is_not_used(tmp_path):
    folder, cached = large(tmp_path), tmp_path / "cache"
    env = {"XDG_CACHE_HOME": str(cached)}
    assert run("status", "--json", "--data-dir", str(folder), env_extra=env).returncode == 0
    home = cached / "soctrang_kpi"
    (entry,) = (p for p in home.iterdir() if p.suffix == ".json")
    entry.write_bytes(entry.read_bytes().replace(b"1.52", b"1.53"))  # would be refused by its digest anyway
    os.chown(entry, 1234, 1234)
    done = run("show", "exports", "--json", "--data-dir", str(folder), env_extra=env)
    assert exports_2022(done) == 1.52
    os.chown(home, 1234, 1234)
    before = sorted(p.name for p in home.iterdir())
    done = run("show", "exports", "--json", "--data-dir", str(folder), env_extra=env)
    assert exports_2022(done) == 1.52 and sorted(p.name for p in home.iterdir()) == before
