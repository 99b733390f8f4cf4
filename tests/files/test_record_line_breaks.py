"""`kpi record` and the YAML reader agree on every line break (issue 22).

YAML (libyaml) breaks lines at LF, CRLF, a lone CR, NEL (U+0085), LS (U+2028) and PS (U+2029).
Files are generated with each of them in a note (quoted and plain), a block scalar, a comment and
as the break of a structural line; every kind of write is made in each, and what the file reads
as afterwards must be what it read as before with exactly the one value changed — or the write is
refused with the file untouched.
"""

import itertools
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app
from soctrang_kpi.core.model import Point, PointStatus
from soctrang_kpi.files import load, revise
from soctrang_kpi.files.record import expected

BAD = Path(__file__).parent.parent / "bad"
TARGETS = (BAD / "base.targets.yaml").read_text(encoding="utf-8")
BREAKS = {"CR": "\r", "CRLF": "\r\n", "NEL": "\x85", "LS": "\u2028", "PS": "\u2029"}
DAY = ["--date", "2024-01-15"]  # the day each write records beside its value
#: what a write of 2020 (or 2021) over an actual adds at the end of the block entry: its day, and the value it replaced
PROVENANCE = "    recorded:\n      {year}: 2024-01-15\n    history:\n      {year}:\n        - {{value: {old}, status: actual}}\n"

TEMPLATE = (
    "schema_version: 1\n"
    "series:\n"
    "  grdp-growth:\n"
    "    actual: {2020: 1.26, 2021: 2.49, 2022: 7.76}\n"
    "    estimate: {2023: 7.10}\n"
    "  exports:\n"
    "    notes: {2020: NOTE}\n"
    "    actual:\n"
    "      2020: 1.12  # COMMENT\n"
    "      2021: 1.29\n"
    "    plan: {2024: 1.5, 2025: 1.5}\n"
)

#: where the break goes: (what is replaced, by what; BR stands for the break)
PLACES = {
    "double-quoted note": ("NOTE", '"trang webBRtiếp theo"'),
    "single-quoted note": ("NOTE", "'trang webBRtiếp theo'"),
    "plain note": ("NOTE", "trang webBR      tiếp theo"),
    "comment": ("# COMMENT\n", "# chú thíchBR      # tiếp\n"),
    "line end": ("2020: 1.12  # COMMENT\n", "2020: 1.12BR"),
    "block scalar": ("    notes: {2020: NOTE}\n", "    notes:\n      2020: |\n        dòng mộtBR        dòng hai\n"),
    "every line": ("\n", "BR"),
}

#: (indicator, year, value, options): replace, move between statuses, a new year, a new status
WRITES = [
    ("exports", 2020, "9.9", ["--force"]),
    ("exports", 2021, "8.8", ["--force", "--status", "estimate"]),
    ("exports", 2022, "7.7", []),
    ("exports", 2023, "1.3", ["--status", "estimate"]),
    ("exports", 2024, "1.6", ["--force", "--status", "actual"]),
    ("grdp-growth", 2023, "7.25", ["--force", "--status", "actual"]),
    ("grdp-growth", 2024, "9", ["--status", "plan"]),
]


def _file(place: str, brk: str) -> str:
    old, new = PLACES[place]
    text = TEMPLATE if place == "every line" or "NOTE" in old else TEMPLATE.replace("NOTE", '"web"')
    text = text.replace(old, new.replace("BR", brk))
    return text.replace("NOTE", '"web"').replace("COMMENT", "chú thích")


def _read(text: str):
    return load.load_texts(TARGETS, text)[0]


CASES = [(place, name, write) for place, name, write in itertools.product(PLACES, BREAKS, range(len(WRITES)))]


@pytest.mark.parametrize("place, brk, write", CASES, ids=[f"{p}-{b}-{w}" for p, b, w in CASES])
def test_exactly_the_one_value_changes(tmp_path, place, brk, write):
    text = _file(place, BREAKS[brk])
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_bytes(text.encode("utf-8"))
    before = _read(text)  # every generated file is one kpi validate accepts
    ident, year, value, options = WRITES[write]
    result = CliRunner().invoke(app, ["record", ident, str(year), value, *options, *DAY, "--data-dir", str(tmp_path)], catch_exceptions=False, env={"KPI_LANG": "en"})
    after_text = (tmp_path / "actuals.yaml").read_bytes().decode("utf-8")
    if result.exit_code != 0:  # refusing is allowed, but then nothing is written and it says why
        assert result.exit_code == 2 and after_text == text, result.stderr
        assert "cannot change exactly this one value" in result.stderr
        return
    status = PointStatus(options[options.index("--status") + 1]) if "--status" in options else PointStatus.ACTUAL
    old = next((p for p in before.series[ident] if p.year == year), None)
    number = float(value) if "." in value else int(value)
    wanted = expected(before, ident, Point(year, number, status, old.note if old else "", "", date(2024, 1, 15)))
    assert _read(after_text) == revise.with_version(wanted, ident, year, old, False)
    if place == "every line":  # a new line takes the break the file uses, never a bare LF
        assert after_text.count("\n") == (after_text.count("\r\n") if brk == "CRLF" else 0)


@pytest.mark.parametrize("brk", ["\r", "\x85", "\u2028", "\u2029"], ids=["CR", "NEL", "LS", "PS"])
def test_the_issues_case_writes_2020_not_2021(tmp_path, brk):
    """`kpi record exports 2020 9.9 --force` wrote 9.9 over 2021 when a note held such a break."""
    text = TEMPLATE.replace("NOTE", f'"trang web{brk}tiếp"').replace("COMMENT", "x")
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_bytes(text.encode("utf-8"))
    result = CliRunner().invoke(app, ["record", "exports", "2020", "9.9", "--force", *DAY, "--data-dir", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    written = text.replace("2020: 1.12", "2020: 9.9") + PROVENANCE.format(year=2020, old="1.12")
    assert (tmp_path / "actuals.yaml").read_bytes().decode("utf-8") == written


def test_a_mixed_crlf_and_lf_file_keeps_every_other_byte(tmp_path):
    text = TEMPLATE.replace("NOTE", '"web"').replace("COMMENT", "x")
    lines = text.split("\n")
    mixed = "".join(line + ("\r\n" if i % 2 else "\n") for i, line in enumerate(lines[:-1]))
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_bytes(mixed.encode("utf-8"))
    result = CliRunner().invoke(app, ["record", "exports", "2021", "1.31", "--force", *DAY, "--data-dir", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    written = mixed.replace("2021: 1.29", "2021: 1.31") + PROVENANCE.format(year=2021, old="1.29")  # new lines: LF, the file's most
    assert (tmp_path / "actuals.yaml").read_bytes() == written.encode("utf-8")


def test_a_write_that_would_change_another_value_is_refused_naming_the_character(tmp_path, monkeypatch):
    """The last safeguard: if an edit ever read back as anything but the one value changed, it
    is refused before writing, naming the first unusual line break and its line."""
    from soctrang_kpi.files import splice

    text = TEMPLATE.replace("NOTE", '"web\u2028page"').replace("COMMENT", "x")
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_bytes(text.encode("utf-8"))
    monkeypatch.setattr(splice, "set_value", lambda text, *args: text.replace("2021: 1.29", "2021: 9.99"))  # an editor one line off
    result = CliRunner().invoke(app, ["record", "exports", "2020", "9.9", "--force", "--data-dir", str(tmp_path)], catch_exceptions=False, env={"KPI_LANG": "en"})
    assert result.exit_code == 2
    assert "line 7 holds a LINE SEPARATOR (U+2028), which YAML reads as a line break" in result.stderr
    assert (tmp_path / "actuals.yaml").read_bytes() == text.encode("utf-8")
