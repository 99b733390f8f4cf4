"""Every kind of Click's usage error is one line wholly in the user's language, exit 2: no word of
Click's English (its parameter names, "file", "does not exist") in a Vietnamese line, no
Vietnamese in an English one (found by a QA pass: `giá trị không hợp lệ cho file: …`)."""

import re
import pytest
import typer
from typer.testing import CliRunner

from soctrang_kpi.cli import app
from soctrang_kpi.messages import CATALOG

#: Click's English words, and its parameters' names in the code: none may be in a Vietnamese line
ENGLISH = (
    "file", "folder", "directory", "path", "invalid", "value", "values", "missing", "argument",
    "arguments", "option", "options", "such", "exist", "exists", "error", "usage", "try", "extra",
    "unexpected", "got", "choose", "from", "integer", "range", "not", "does", "requires", "is",
    "indicator", "year", "did", "you", "mean", "command", "commands", "the", "for", "of", "no",
)
_VIETNAMESE = re.compile(r"[À-ỹđĐ]")


#: a command line for each kind of usage error ({tmp}: an empty folder, {file}: a file in it)
KINDS = {
    "missing file": ["import", "{tmp}/khongco.xlsx"],
    "a folder for a file": ["import", "{tmp}"],
    "a file for a folder": ["init", "{file}"],
    "bad choice": ["status", "--format", "khong-co"],
    "bad whole number": ["status", "--compare", "abc"],
    "out of range": ["import", "{file}", "--base-year", "1800"],
    "missing argument": ["show"],
    "missing arguments of record": ["record"],
    "missing option": ["export"],
    "extra argument": ["status", "thua"],
    "no such option, with a suggestion": ["status", "--jsno"],
    "no such option": ["status", "--khong-co"],
    "option needs a value": ["status", "--plan"],
    "no such command": ["statsu"],
}


def _run(args: list[str], how: str):
    env = {"KPI_LANG": None}
    if how == "--lang en":
        args = ["--lang", "en", *args]
    elif how == "KPI_LANG=en":
        env = {"KPI_LANG": "en"}
    return CliRunner().invoke(app, args, catch_exceptions=False, env=env)


def _words(line: str) -> list[str]:
    """The line's own words: without what the person typed (quoted) and the options' flags."""
    line = re.sub(r"'[^']*'", " ", line)
    line = re.sub(r"(?<!\w)-{1,2}[\w-]+", " ", line)
    return re.findall(r"[^\W\d_]+", line.lower())


@pytest.mark.parametrize("how", ["vi", "--lang en", "KPI_LANG=en"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_usage_error_is_wholly_in_the_language(tmp_path, kind, how):
    (tmp_path / "a.xlsx").write_bytes(b"x")
    args = [arg.format(tmp=tmp_path, file=tmp_path / "a.xlsx") for arg in KINDS[kind]]
    result = _run(args, how)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and lines[0].startswith("kpi: "), lines
    said = lines[0][len("kpi: "):]
    if how == "vi":
        english = [w for w in _words(said) if w in ENGLISH]
        assert not english, (said, english)
        assert lines[1].strip().startswith("thử: kpi")
    else:
        assert not _VIETNAMESE.search(re.sub(r"'[^']*'", "", said)), said
        assert lines[1].strip().startswith("try: kpi")


def test_every_argument_of_every_command_has_its_words():
    """A new argument cannot leak its name in the code into a message (spoken.param_words)."""
    command = typer.main.get_command(app)
    for sub in command.commands.values():  # type: ignore[attr-defined]
        for param in sub.params:
            if param.param_type_name == "argument":
                assert f"click.arg.{param.human_readable_name.lower()}" in CATALOG, (sub.name, param.name)
