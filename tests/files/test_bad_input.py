"""Bad input: every case gets one precise line per problem, exit code 1, and no traceback.

Each file in tests/bad/ replaces one of a small valid pair (base.targets.yaml, base.actuals.yaml)
and lists, in `# expect:` comments at its end, the exact lines `kpi validate` must print.
"""

import re
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from soctrang_kpi.files import load, yamlio
from soctrang_kpi.core.classify import Status
from soctrang_kpi.cli import app
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.errors import DataError

from ..conftest import kpi_en

BAD = Path(__file__).parent.parent / "bad"
ROOT_DATA = Path(__file__).parent.parent.parent
CASES = sorted(p for p in BAD.glob("*.yaml") if not p.name.startswith("base."))
LOCATED = re.compile(r"^(targets|actuals)\.yaml(:\d+:\d+)?: \S")


def kpi(*args, lang="en"):
    """The corpus lists the English lines: run in English (Vietnamese is the default)."""
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"KPI_LANG": lang})


def data_dir(tmp_path: Path, **replace: bytes | str) -> Path:
    """A folder with the base pair, one file replaced by ``targets=`` or ``actuals=``."""
    for name in ("targets", "actuals"):
        content = replace.get(name, (BAD / f"base.{name}.yaml").read_bytes())
        path = tmp_path / f"{name}.yaml"
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return tmp_path


def problems(result, folder: Path) -> list[str]:
    assert "Traceback" not in result.stderr
    lines = result.stderr.replace(f"{folder}/", "").splitlines()
    assert lines[-1].startswith("kpi: ") and "nothing was computed" in lines[-1]
    return lines[:-1]


@pytest.mark.parametrize("case", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_bad_file_is_reported_precisely(tmp_path, case):
    kind = case.name.split(".")[-2]
    expected = [line[len("# expect: "):] for line in case.read_text(encoding="utf-8").splitlines() if line.startswith("# expect: ")]
    assert expected, f"{case.name} lists no expected message"
    folder = data_dir(tmp_path, **{kind: case.read_bytes()})
    result = kpi("validate", "--data-dir", str(folder))
    assert result.exit_code == 1
    assert result.stdout == ""
    found = problems(result, folder)
    assert found == expected
    for line in found:
        assert LOCATED.match(line), line
    assert kpi("status", "--data-dir", str(folder)).exit_code == 1  # every command refuses


def test_the_base_pair_is_valid(tmp_path):
    assert kpi("validate", "--data-dir", str(data_dir(tmp_path))).exit_code == 0


def test_debug_shows_the_traceback(tmp_path):
    folder = data_dir(tmp_path, actuals=(BAD / "nan.actuals.yaml").read_bytes())
    with pytest.raises(DataError):
        kpi("--debug", "validate", "--data-dir", str(folder))


# --- encodings, line endings, tabs, Unicode forms -----------------------------------------


def _base(name: str) -> str:
    return (BAD / f"base.{name}.yaml").read_text(encoding="utf-8")


def test_bom_crlf_and_tab_indentation_are_accepted(tmp_path):
    # tabs as an editor inserts them: one per level, list items continued with spaces
    targets = _base("targets").replace("\n  - ", "\n\t- ").replace("\n    ", "\n\t  ").replace("\n      - ", "\n\t\t- ")
    actuals = re.sub(r"(?m)^((?:  )+)", lambda m: "\t" * (len(m.group(1)) // 2), _base("actuals"))
    assert "\t" in targets and "\t\t" in actuals
    folder = data_dir(tmp_path, targets="\ufeff" + targets, actuals=b"\xef\xbb\xbf" + actuals.replace("\n", "\r\n").encode())
    result = kpi("status", "--data-dir", str(folder), "--json")
    assert result.exit_code == 0, result.stderr
    assert "Tốc độ tăng trưởng GRDP" in result.stdout


def test_a_tab_among_spaces_gets_a_hint(tmp_path):
    folder = data_dir(tmp_path, actuals=_base("actuals").replace("    estimate:", "\testimate:"))
    (line,) = problems(kpi("validate", "--data-dir", str(folder)), folder)
    assert line.startswith("actuals.yaml:") and "indented with a tab" in line


def test_bytes_that_are_not_utf8_are_refused_with_their_offset(tmp_path):
    # "Giá" saved as Windows-1258 / Latin-1 by an old editor: á is the lone byte 0xe1
    raw = _base("targets").encode("utf-8").replace("Giá trị xuất".encode(), b"Gi\xe1 tri")
    folder = data_dir(tmp_path, targets=raw)
    (line,) = problems(kpi("validate", "--data-dir", str(folder)), folder)
    offset = raw.index(b"Gi\xe1") + 2
    assert line == f"targets.yaml:7:13: not UTF-8 text: byte 0xe1 at offset {offset} (save the file as UTF-8)"


def test_nfd_text_equals_nfc_for_search(tmp_path):
    folder = data_dir(tmp_path, targets=unicodedata.normalize("NFD", _base("targets")))
    result = kpi("show", unicodedata.normalize("NFC", "xuất khẩu"), "--data-dir", str(folder), "--json")
    assert result.exit_code == 0, result.stderr
    assert "xuất khẩu" in result.stdout  # stored as NFC


def test_nfd_and_nfc_ids_are_duplicates(tmp_path):
    targets = _base("targets").replace("name: Giá trị xuất khẩu hàng hoá", "name: Giá trị xuất khẩu hàng hoá\n  - id: exports\n    name: " + unicodedata.normalize("NFD", "Xuất khẩu"))
    folder = data_dir(tmp_path, targets=targets)
    lines = problems(kpi("validate", "--data-dir", str(folder)), folder)
    assert any("duplicate indicator id" in line for line in lines)


# --- safety --------------------------------------------------------------------------------


def test_python_tags_run_nothing(tmp_path):
    marker = tmp_path / "pwned"
    actuals = _base("actuals").replace("estimate: {2023: 7.10}", f"estimate: !!python/object/apply:os.system ['touch {marker}']")
    folder = data_dir(tmp_path, actuals=actuals)
    assert kpi("validate", "--data-dir", str(folder)).exit_code == 1
    assert not marker.exists()


def test_an_alias_bomb_is_refused_quickly(tmp_path):
    levels = ["  a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]"]
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        levels.append(f"  {name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    bomb = "schema_version: 1\nseries:\n  grdp-growth:\n    actual:\n" + "\n".join("    " + line for line in levels) + "\n"
    folder = data_dir(tmp_path, actuals=bomb)
    lines = problems(kpi("validate", "--data-dir", str(folder)), folder)
    # the aliases share one object each instead of expanding to 9^9 nodes, so reading ends at
    # once; written out the file would be 150 million characters: refused at the alias that
    # crosses the limit (issue 22: the expanded size is capped, not only the alias count)
    assert lines == ["actuals.yaml:12:38: grdp-growth h: its aliases would make it 150,588,453 characters long written out; the limit is 134,217,728 (an alias bomb?)"]


def test_too_many_aliases_is_an_error(tmp_path):
    actuals = _base("actuals") + "x: &x 1\ny: [" + ", ".join(["*x"] * (yamlio.MAX_ALIAS_USES + 1)) + "]\n"
    folder = data_dir(tmp_path, actuals=actuals)
    (line,) = problems(kpi("validate", "--data-dir", str(folder)), folder)
    assert "too many aliases" in line and line.startswith("actuals.yaml:")


def test_an_oversized_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlio, "MAX_BYTES", 100)
    folder = data_dir(tmp_path)
    lines = problems(kpi("validate", "--data-dir", str(folder)), folder)
    assert any("the limit is 100" in line for line in lines)


# --- warnings, and legal data whose maths is impossible ------------------------------------


@pytest.mark.parametrize("command", [("validate",), ("status",), ("summary",), ("show", "exports"), ("audit",), ("export", "-o", "x.docx")])
def test_a_thousands_dot_number_is_an_error_in_every_command(tmp_path, command):
    """1.520 reads as 1,52 to YAML and as 1.520 (one thousand five hundred and twenty) to a
    Vietnamese reader: refused with file:line and both ways to write it, never read as 1,52."""
    folder = data_dir(tmp_path, actuals=_base("actuals").replace("2022: 1.52}", "2022: 1.520}"))
    args = [a if a != "x.docx" else str(tmp_path / "x.docx") for a in command]
    result = kpi_en(*args, "--data-dir", str(folder))
    assert result.exit_code == 1
    assert ("actuals.yaml:7:44: exports 2022: 1.520 reads two ways, as a decimal and as Vietnamese thousands"
            " (write 1520 for thousands or 1.52 for the decimal; an indicator whose values have three decimals"
            " takes precision: 3)") in result.stderr
    assert not (tmp_path / "x.docx").exists()


def test_zero_and_negative_values_give_no_data_with_a_reason_not_an_error():
    targets = _base("targets").replace("kind: growth, value: 8", "kind: growth, value: 8").replace("value: 1.2}", "value: 0}")
    actuals = _base("actuals").replace("estimate: {2023: 7.10}", "estimate: {2023: -100}")
    dataset, _ = load.load_texts(targets, actuals)
    result = evaluate(dataset, "term")
    growth, exports = result.results
    assert growth.status is Status.NO_DATA and growth.reason.code == "fall_to_zero"
    assert exports.status is Status.NO_DATA and exports.reason.code == "zero_target"


def test_shares_that_do_not_sum_to_100_are_a_warning(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    targets = (ROOT_DATA / "targets.yaml").read_text(encoding="utf-8")
    actuals = (ROOT_DATA / "actuals.yaml").read_text(encoding="utf-8").replace("estimate: {2023: 16.29}", "estimate: {2023: 17.29}")
    (folder / "targets.yaml").write_text(targets, encoding="utf-8")
    (folder / "actuals.yaml").write_text(actuals, encoding="utf-8")
    result = kpi("validate", "--data-dir", str(folder))
    assert result.exit_code == 0
    assert f"{folder}/actuals.yaml:32:22: warning: grdp-structure 2023: the shares of grdp-structure add up to 101, not 100" in result.stdout


def test_a_negative_target_is_a_warning_saying_how_it_is_read(tmp_path):
    folder = data_dir(tmp_path, targets=_base("targets").replace("value: 1.2}", "value: -2}"))
    result = kpi("validate", "--data-dir", str(folder))
    assert result.exit_code == 0
    assert 'targets.yaml:16:63: warning: exports value: a negative target is read as "at least -2": check the sign' in result.stdout


# --- the issue #14 classes: hostile names, files that are not files, no silent data switch ----


def test_markup_and_escape_sequences_in_names_are_shown_not_obeyed(tmp_path):
    written = '"[/bold]\\e[2J\\e]0;owned\\a [red]x"'  # YAML escapes: ESC and BEL in the name
    targets = _base("targets").replace("name: Giá trị xuất khẩu hàng hoá", "name: " + written)
    folder = data_dir(tmp_path, targets=targets)
    result = kpi("status", "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "[/bold]?" in result.stdout  # the markup shown as typed, the escape sequence as "?"
    # and in an error message quoting it
    bad = targets.replace("kind: level, value: 1.2", "kind: level, value: \"\\e[2J\"")
    result = kpi("validate", "--data-dir", str(data_dir(tmp_path, targets=bad)))
    assert result.exit_code == 1 and "\x1b" not in result.stderr and '"?"' in result.stderr


@pytest.mark.parametrize("kind", ["missing", "misspelt", "folder", "dangling", "loop", "fifo", "device"])
def test_a_current_folder_with_a_bad_file_is_an_error_not_the_bundled_data(tmp_path, monkeypatch, kind):
    import os

    folder = data_dir(tmp_path)
    actuals = folder / "actuals.yaml"
    actuals.unlink()
    expected = {
        "missing": "actuals.yaml: file not found",
        "misspelt": "actuals.yaml: file not found (there is 'Actuals.yaml': the name must be exactly 'actuals.yaml')",
        "folder": "actuals.yaml: not a regular file but a folder: kpi reads only regular files",
        "dangling": "actuals.yaml: file not found: it is a link to gone.yaml, which does not exist",
        "loop": "actuals.yaml: cannot read: its symbolic links form a loop",
        "fifo": "actuals.yaml: not a regular file but a named pipe (FIFO): kpi reads only regular files",
        "device": "actuals.yaml: not a regular file but a device: kpi reads only regular files",
    }[kind]
    if kind == "misspelt":
        (folder / "Actuals.yaml").write_bytes((BAD / "base.actuals.yaml").read_bytes())
    elif kind == "folder":
        actuals.mkdir()
    elif kind == "dangling":
        actuals.symlink_to("gone.yaml")
    elif kind == "loop":
        actuals.symlink_to("actuals.yaml")
    elif kind == "fifo":
        os.mkfifo(actuals)  # reading it would block forever
    elif kind == "device":
        actuals.symlink_to("/dev/zero")  # reading it would fill memory
    monkeypatch.chdir(folder)
    monkeypatch.delenv("KPI_DATA_DIR", raising=False)
    result = kpi("status")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == expected
    assert kpi("status", "--data-dir", str(folder)).stderr.splitlines()[0] == expected  # shown relative to here


def test_the_bundled_data_is_used_only_for_an_empty_folder_and_said(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KPI_DATA_DIR", raising=False)
    result = kpi("summary", "--lang", "en")
    assert result.exit_code == 0
    assert result.stderr.startswith("kpi: the bundled sample data (Sóc Trăng 2020–2025): ")
    assert "kpi: dữ liệu mẫu đi kèm" in kpi("summary", lang="vi").stderr
    folder = data_dir(tmp_path / "d" if (tmp_path / "d").mkdir() is None else tmp_path)
    monkeypatch.setenv("KPI_DATA_DIR", str(folder))
    assert kpi("summary", "--lang", "en").stderr == f"kpi: data from $KPI_DATA_DIR: {folder}\n"
    assert kpi("summary", "--data-dir", str(folder)).stderr == ""  # named on the command line: no notice


def test_bad_file_is_reported_in_vietnamese_by_default(tmp_path):
    folder = data_dir(tmp_path, actuals=(BAD / "boolean.actuals.yaml").read_bytes())
    result = CliRunner().invoke(app, ["validate", "--data-dir", str(folder)], catch_exceptions=False, env={"KPI_LANG": ""})
    assert result.exit_code == 1
    lines = result.stderr.replace(f"{folder}/", "").splitlines()
    assert lines[-1] == "kpi: dữ liệu có 1 lỗi; chưa tính gì."
    assert "cần một số, gặp" in lines[0]


UNREADABLE_TARGET = [
    ("value: abc", 'exports value: expected a number, found "abc"'),
    ("value: 1,2", 'exports value: expected a number, found "1,2" (use 1.2)'),
    ("value: [1]", "exports value: expected a number, found a list"),
    ("value: null", "exports value: expected a number, found nothing"),
]


@pytest.mark.parametrize("command", [("status",), ("status", "--json"), ("summary",), ("show", "grdp-growth"), ("audit",), ("export", "-o", "x.csv")])
@pytest.mark.parametrize("plan", ["term", "annual"])
@pytest.mark.parametrize("written, said", UNREADABLE_TARGET)
def test_an_unreadable_target_is_an_error_not_a_row_left_out(tmp_path, command, plan, written, said):
    """One indicator's target that cannot be read — in the plan the command shows, or in another
    plan of the file — stops every command with the file, line, column, indicator and field; no
    table is printed without its row (README "Errors and exit codes": nothing is computed)."""
    annual = """  - id: annual
    name: Kế hoạch năm 2024
    base_year: 2023
    target_year: 2024
    targets:
      - {indicator: grdp-growth, number: "1", kind: level, value: 7}
      - {indicator: exports, number: "2", kind: level, value: 1.5}
"""
    text = _base("targets") + annual
    line = text.count("\n", 0, text.index("value: 1.5" if plan == "annual" else "value: 1.2")) + 1
    column = len(text[: text.index("value: 1.5" if plan == "annual" else "value: 1.2")].rsplit("\n", 1)[1]) + len("value: ") + 1
    text = text.replace("value: 1.5" if plan == "annual" else "value: 1.2", written, 1)
    folder = data_dir(tmp_path, targets=text)
    args = [a if a != "x.csv" else str(tmp_path / "x.csv") for a in command]
    result = kpi(*args, "--data-dir", str(folder))
    assert result.exit_code == 1 and result.stdout == ""
    assert problems(result, folder) == [f"targets.yaml:{line}:{column}: {said}"]
    assert not (tmp_path / "x.csv").exists()
