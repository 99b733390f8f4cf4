"""The office's note on a plan's row (targets.yaml `note:`, the "Ghi chú" column of Nghị định
30's appendices): `kpi show` prints it, `--json` gives it, and every export carries a "Ghi chú"
column when a row has one — none when no row has (README "Reports to hand in")."""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app

NOTES = {"grdp-per-capita": "Theo Quy hoạch điều chỉnh", "grdp-structure": "Theo cách tính mới", "fdi": "Chưa giao chỉ tiêu"}
HEADERS = {"vi": "Ghi chú", "en": "Note"}


def kpi(*args, lang="vi"):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"KPI_LANG": lang, "COLUMNS": "120"})


def noted(folder: Path, notes: dict[str, str] = NOTES) -> Path:
    """`kpi init`'s plan with ``notes`` on its rows (a level, a composition's heading, a row
    listed without a target), as `kpi import` writes a "Ghi chú" cell."""
    assert kpi("init", str(folder), "--base-year", "2025", "--target-year", "2030").exit_code == 0
    path = folder / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    for ident, note in notes.items():
        text, n = re.subn(r"(\{indicator: " + re.escape(ident) + r", [^}]*)\}", lambda m: f'{m.group(1)}, note: "{note}"}}', text, count=1)
        assert n == 1, ident
    path.write_text(text, encoding="utf-8")
    assert kpi("validate", "--data-dir", str(folder)).exit_code == 0
    return folder


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_show_prints_the_rows_note(tmp_path, lang):
    folder = noted(tmp_path / "d")
    shown = kpi("show", "grdp-per-capita", "--data-dir", str(folder), lang=lang)
    assert shown.exit_code == 0, shown.stderr
    line = next(line for line in shown.stdout.splitlines() if line.startswith(HEADERS[lang]))
    assert line.split(None, 2 if lang == "vi" else 1)[-1].strip() == NOTES["grdp-per-capita"]
    plain = kpi("show", "grdp-growth", "--data-dir", str(folder), lang=lang)
    assert not any(line.startswith(HEADERS[lang] + " ") for line in plain.stdout.splitlines())


def test_the_json_gives_the_note_and_null_without_one(tmp_path):
    folder = noted(tmp_path / "d")
    status = json.loads(kpi("status", "--data-dir", str(folder), "--json").stdout)
    notes = {row["id"]: row["target_note"] for row in status["indicators"]}
    assert {ident: note for ident, note in notes.items() if note is not None} == NOTES
    assert notes["grdp-growth"] is None
    show = json.loads(kpi("show", "fdi", "--data-dir", str(folder), "--json").stdout)
    assert show["target_note"] == NOTES["fdi"] and status["schema_version"] == show["schema_version"] == 3


def test_the_python_api_gives_the_note(tmp_path):
    from soctrang_kpi import api

    evaluation = api.evaluate(api.load(noted(tmp_path / "d")))
    assert evaluation.find("grdp-per-capita").target_note == NOTES["grdp-per-capita"]
    assert evaluation.find("grdp-growth").target_note is None


def _header_and_notes(folder: Path, fmt: str, lang: str, tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    """The appendix's header and each row's "Ghi chú" cell (by its name's start), as the export
    of ``fmt`` writes them."""
    out = tmp_path / f"out-{lang}.{fmt}"
    made = kpi("export", "--data-dir", str(folder), "-o", str(out), "--lang", lang, "--force")
    assert made.exit_code == 0, made.stderr
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
        header, body = rows[0], [r for r in rows[1:] if r]
    elif fmt == "md":
        lines = [line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
        cells = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
        header, body = cells[0], cells[1:]
    elif fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(out).worksheets[0]
        values = [[("" if c is None else str(c)) for c in row] for row in sheet.iter_rows(values_only=True)]
        at = next(i for i, row in enumerate(values) if row[0] in ("TT", "No"))
        header, body = values[at], values[at + 1:]
    elif fmt == "docx":
        from docx import Document

        # the appendix in parts when a page cannot hold it ("Phụ lục (tiếp theo)" over the next): the note in the last
        tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in Document(str(out)).tables]
        values = next((t[i:] for t in tables for i in (0, 1) if t[i][-1] == HEADERS[lang]), tables[0])
        header, body = values[0], [row for row in values[1:] if row[-1] != values[0][-1]]  # the header's second row repeats it
    else:  # html: the appendix's table, cells by tag
        text = out.read_text(encoding="utf-8")
        table = text[text.index("<table>"):text.index("</table>")]
        upper = re.search(r"<thead><tr>(.*?)</tr>", table)
        assert upper is not None
        header = re.findall(r"<th[^>]*>([^<]*)</th>", upper.group(1))  # the upper row: the last column spans both
        body = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table.split("</thead>")[1])]
        return header, {row[1]: row[-1] for row in body if len(row) > 1}  # a section's row is one cell
    return header, {row[1]: row[-1] for row in body if len(row) == len(header)}


FORMATS = ["csv", "md", "html", "xlsx", "docx"]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_has_a_note_column_when_a_row_has_a_note(tmp_path, fmt, lang):
    header, notes = _header_and_notes(noted(tmp_path / "d"), fmt, lang, tmp_path)
    assert header[-1] == HEADERS[lang], header
    assert header.count(HEADERS[lang]) == 1
    kept = {name: note for name, note in notes.items() if note}
    assert sorted(kept.values()) == sorted(NOTES.values()), kept
    assert any("GRDP" in name for name, note in kept.items() if note == NOTES["grdp-per-capita"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_note_no_column(tmp_path, fmt):
    folder = tmp_path / "d"
    assert kpi("init", str(folder), "--base-year", "2025", "--target-year", "2030").exit_code == 0
    header, _ = _header_and_notes(folder, fmt, "vi", tmp_path)
    assert "Ghi chú" not in header and header[-1] != ""


# -- within the year: an annual plan's monthly report carries the notes as the yearly table does ---


def _month_noted(folder: Path, noted_ids: tuple[str, ...] = ("health-insurance", "exports")) -> Path:
    """docs/example-periods (an annual plan of 2024 as of June) with a note on the rows ``noted_ids``."""
    from ..conftest import ROOT

    folder.mkdir()
    text = (ROOT / "docs" / "example-periods" / "targets.yaml").read_text(encoding="utf-8")
    for ident in noted_ids:
        text, n = re.subn(r"(\{indicator: " + re.escape(ident) + r", [^}]*)\}", lambda m: f'{m.group(1)}, note: "{MONTH_NOTES[ident]}"}}', text, count=1)
        assert n == 1, ident
    (folder / "targets.yaml").write_text(text, encoding="utf-8")
    (folder / "actuals.yaml").write_bytes((ROOT / "docs" / "example-periods" / "actuals.yaml").read_bytes())
    return folder


MONTH_NOTES = {"health-insurance": "Theo Quyết định 546", "exports": "Gồm cả hàng tạm nhập tái xuất"}


def test_the_monthly_reports_json_gives_the_note_and_null_without_one(tmp_path):
    from soctrang_kpi import api

    folder = _month_noted(tmp_path / "d")
    status = json.loads(kpi("status", "--data-dir", str(folder), "--json").stdout)
    assert status["report"] == "month" and status["schema_version"] == 3
    notes = {row["id"]: row["target_note"] for row in status["indicators"]}
    assert {ident: note for ident, note in notes.items() if note is not None} == MONTH_NOTES
    assert notes["retail"] is None
    show = json.loads(kpi("show", "exports", "--data-dir", str(folder), "--json").stdout)
    assert show["target_note"] == show["month"]["target_note"] == MONTH_NOTES["exports"]
    evaluation = api.evaluate(api.load(folder))
    assert {row["id"]: row["target_note"] for row in evaluation.month if row["target_note"]} == MONTH_NOTES


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_monthly_export_has_a_note_column_when_a_row_has_a_note(tmp_path, fmt, lang):
    header, notes = _header_and_notes(_month_noted(tmp_path / "d"), fmt, lang, tmp_path)
    assert header[-1] == HEADERS[lang] and header.count(HEADERS[lang]) == 1, header
    kept = {name: note for name, note in notes.items() if note}
    assert sorted(kept.values()) == sorted(MONTH_NOTES.values()), kept
    assert any(("xuất khẩu" in name or "Export" in name) for name, note in kept.items() if note == MONTH_NOTES["exports"]), kept


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_monthly_export_without_notes_is_the_same_bytes_as_without_the_column(tmp_path, fmt, monkeypatch):
    """No row with a note: the column is left out, the export as it was before the notes were printed."""
    from soctrang_kpi.output import views

    folder = _month_noted(tmp_path / "d", ())
    last = views.MONTH_FIELDS[-1]
    assert getattr(last, "key", last) == "month.target_note"  # the column taken away below is the notes'
    written = []
    for n, fields in enumerate((views.MONTH_FIELDS, views.MONTH_FIELDS[:-1])):
        monkeypatch.setattr(views, "MONTH_FIELDS", fields)
        out = tmp_path / f"out{n}.{fmt}"
        made = kpi("export", "--data-dir", str(folder), "-o", str(out), "--force")
        assert made.exit_code == 0, made.stderr
        written.append(out.read_bytes())
    assert written[0] == written[1]
    noted_folder = _month_noted(tmp_path / "noted")
    out = tmp_path / f"noted.{fmt}"
    monkeypatch.undo()
    assert kpi("export", "--data-dir", str(noted_folder), "-o", str(out), "--force").exit_code == 0
    assert out.read_bytes() != written[0]
