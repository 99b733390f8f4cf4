"""`kpi import` of kpi's own xlsx and docx export gives back exactly the data exported, whatever
values it holds: years, months, quarters and lũy kế, of each status, with their notes, sources,
days and histories (README "kpi's own exports come back exactly")."""

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings, strategies as st
from typer.testing import CliRunner

from soctrang_kpi.cli import app
from soctrang_kpi.errors import DataError
from soctrang_kpi.files import load

SUFFIXES = ["xlsx", "docx"]


def kpi(*args, lang="vi"):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"KPI_LANG": lang, "COLUMNS": "100"})


def _plan(folder: Path) -> Path:
    assert kpi("init", str(folder), "--base-year", "2025", "--target-year", "2030").exit_code == 0
    return folder


def _exported_ids(dataset, plan_id):
    shown = [row.indicator for row in dataset.plans[plan_id].rows]
    return shown + [i for i, ind in dataset.indicators.items() if i not in shown and ind.parent in shown]


def assert_same_data(original, imported, plan_id):
    """The plan and every value of its rows as data: yearly values, months, quarters and lũy kế
    (each with its status, note, source and day), the values they replaced, and what the report
    published."""
    assert imported.plans[plan_id] == original.plans[plan_id]
    for ident in _exported_ids(original, plan_id):
        assert imported.indicators[ident] == original.indicators[ident], ident
        assert imported.series.get(ident, ()) == original.series.get(ident, ()), ident
        assert imported.periods.get(ident, ()) == original.periods.get(ident, ()), ident
        assert imported.history.get(ident, {}) == original.history.get(ident, {}), ident
        assert imported.published.get(ident, {}).get(plan_id) == original.published.get(ident, {}).get(plan_id), ident
        assert imported.published_months.get(ident, {}).get(plan_id) == original.published_months.get(ident, {}).get(plan_id), ident


def _round_trip(folder: Path, out: Path, suffix: str, lang: str = "vi", plan_id: str | None = None):
    exported = out.with_suffix(f".{suffix}")
    chosen = ["--plan", plan_id] if plan_id else []
    made = kpi("export", "-o", str(exported), "--data-dir", str(folder), "--lang", lang, *chosen)
    assert made.exit_code == 0, made.stderr
    result = kpi("import", str(exported), "-o", str(out), lang=lang)
    assert result.exit_code == 0, result.stderr
    return result


# every kind of value key `kpi record` writes, each alone on the plan `kpi init` makes
RECORDS = {
    "quarter": [["grdp-per-capita", "2026-Q1", "30"]],
    "month": [["grdp-per-capita", "2026-03", "10.5"]],
    "lũy kế": [["grdp-per-capita", "2026-06", "61", "--ytd"]],
    "month estimate": [["total-investment", "2026-05", "11", "--status", "estimate"]],
    "quarter preliminary": [["grdp-growth", "2026-Q1", "6.2", "--status", "preliminary"]],
    "lũy kế estimate": [["grdp-growth", "2026-06", "6.12", "--ytd", "--status", "estimate"]],
    "last year's quarter": [["grdp-per-capita", "2025-Q4", "33"]],
    "note on a quarter": [["grdp-per-capita", "2026-Q2", "31", "--note", "Cục Thống kê, 7/2026"]],
    "source and day of a month": [["urbanisation", "2026-04", "46", "--source", "Sở Xây dựng, CV 12", "--date", "2026-05-10"]],
    "lũy kế with note, source, day": [["grdp-per-capita", "2026-09", "95", "--ytd", "--note", "9 tháng", "--source", "Cục Thống kê", "--date", "2026-10-05"]],
    "a quarter replaced (history)": [
        ["grdp-per-capita", "2026-Q1", "30", "--source", "Báo cáo nhanh", "--date", "2026-04-02"],
        ["grdp-per-capita", "2026-Q1", "31.2", "--force", "--source", "Cục Thống kê", "--date", "2026-04-20"],
    ],
    "a lũy kế replaced (history)": [
        ["grdp-per-capita", "2026-06", "60", "--ytd", "--date", "2026-07-01"],
        ["grdp-per-capita", "2026-06", "61", "--ytd", "--force", "--date", "2026-07-15"],
    ],
    "a year replaced, with source and note": [["grdp-per-capita", "2025", "121", "--force", "--source", "Niên giám 2025", "--note", "sơ bộ", "--date", "2026-03-01"]],
    "a year's actual": [["grdp-per-capita", "2026", "133", "--force", "--status", "actual"]],
    "roadmap": [["grdp-per-capita", "2028", "170", "--status", "plan"]],
    "everything at once": [
        ["grdp-per-capita", "2026-Q1", "30"], ["grdp-per-capita", "2026-04", "11"], ["grdp-per-capita", "2026-06", "62", "--ytd"],
        ["grdp-growth", "2026-Q1", "6.2", "--status", "preliminary"], ["urbanisation", "2026-05", "46", "--note", "ước"],
    ],
}


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("case", list(RECORDS))
def test_every_kind_of_value_comes_back_exactly(tmp_path, case, suffix):
    folder = _plan(tmp_path / "plan")
    for args in RECORDS[case]:
        said = kpi("record", "--data-dir", str(folder), *args)
        assert said.exit_code == 0, (args, said.stderr)
    result = _round_trip(folder, tmp_path / "back", suffix)
    assert "tệp mang dữ liệu kpi đã xuất" in result.stderr and "không dùng được" not in result.stderr
    original, _ = load.read(folder)
    imported, _ = load.read(tmp_path / "back")
    assert_same_data(original, imported, "term-2025-2030")


# -- any data with periods -------------------------------------------------------------------------

INDICATORS = ["grdp-per-capita", "grdp-growth", "total-investment", "urbanisation", "poverty-rate"]
MONTH = st.tuples(st.sampled_from([2025, 2026]), st.integers(1, 12))
KEY = st.one_of(
    MONTH.map(lambda m: (f"{m[0]}-{m[1]:02d}", False)),
    st.tuples(st.sampled_from([2025, 2026]), st.integers(1, 4)).map(lambda q: (f"{q[0]}-Q{q[1]}", False)),
    MONTH.map(lambda m: (f"{m[0]}-{m[1]:02d}", True)),  # a lũy kế to that month
)
TEXT = st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs"), exclude_characters="\x85\xa0\u2028\u2029"), min_size=1, max_size=12).map(str.strip).filter(bool)
VALUE = st.fixed_dictionaries(
    {
        "status": st.sampled_from(["actual", "preliminary", "estimate"]),
        "value": st.integers(-10**6, 10**7).map(lambda n: n / 100),
    },
    optional={"note": TEXT, "source": TEXT, "recorded": st.dates(date(2026, 7, 1), date(2026, 11, 30))},
)
SERIES = st.dictionaries(st.sampled_from(INDICATORS), st.dictionaries(KEY, VALUE, min_size=1, max_size=5), min_size=1, max_size=3)


def _with_periods(actuals: dict, added: dict) -> dict:
    """actuals.yaml's data with the generated values of months, quarters and lũy kế added."""
    for ident, values in added.items():
        entry = actuals["series"].setdefault(ident, {})
        for (key, ytd), point in values.items():
            holder = entry.setdefault("ytd", {}) if ytd else entry
            holder.setdefault(point["status"], {})[key] = point["value"]
            for field, name in (("note", "notes"), ("source", "sources"), ("recorded", "recorded")):
                if field in point:
                    holder.setdefault(name, {})[key] = point[field]
    return actuals


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return _plan(tmp_path_factory.mktemp("template"))


@pytest.mark.parametrize("suffix", SUFFIXES)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(added=SERIES)
def test_any_data_with_periods_comes_back_exactly(template, tmp_path_factory, suffix, added):
    folder = tmp_path_factory.mktemp("generated")
    (folder / "targets.yaml").write_bytes((template / "targets.yaml").read_bytes())
    actuals = yaml.safe_load((template / "actuals.yaml").read_text(encoding="utf-8"))
    (folder / "actuals.yaml").write_text(yaml.safe_dump(_with_periods(actuals, added), allow_unicode=True), encoding="utf-8")
    try:
        original, _ = load.read(folder)
    except DataError:
        assume(False)  # only data kpi accepts
    _round_trip(folder, folder / "back", suffix)
    imported, _ = load.read(folder / "back")
    assert_same_data(original, imported, "term-2025-2030")


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_the_quarter_of_a_term_plan_keeps_the_plan_as_exported(tmp_path, suffix):
    """The QA case: a quarter recorded on a new term plan; its export read back is that plan
    (2025–2030, its id, its kinds), not the printed table's guess (2025–2026, annual-2026)."""
    folder = _plan(tmp_path / "plan")
    assert kpi("record", "--data-dir", str(folder), "grdp-per-capita", "2026-Q1", "30").exit_code == 0
    result = _round_trip(folder, tmp_path / "back", suffix)
    assert "tiêu đề không ghi năm gốc" not in result.stderr and "tệp mang dữ liệu kpi đã xuất" in result.stderr
    assert "các năm 2025–2030" in result.stderr
    text = (tmp_path / "back" / "actuals.yaml").read_text(encoding="utf-8")
    assert "2026-Q1" in text
    imported, _ = load.read(tmp_path / "back")
    assert list(imported.plans) == ["term-2025-2030"]


def test_kpis_own_data_that_loads_and_still_fails_is_a_bug_never_the_table_read(tmp_path, monkeypatch):
    """Data as kpi writes it that the import cannot take back is kpi's own bug: it stops (exit
    70, one line), never gives the plan the printed table would (another period, other kinds)."""
    from soctrang_kpi.files import import_table

    folder = _plan(tmp_path / "plan")
    exported = tmp_path / "phu-luc.xlsx"
    assert kpi("export", "-o", str(exported), "--data-dir", str(folder)).exit_code == 0

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(import_table, "_overlay", broken)
    with pytest.raises(ValueError, match="a bug"):
        kpi("import", str(exported), "-o", str(tmp_path / "back"))
    assert not (tmp_path / "back").exists()


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("strict", [False, True])
def test_a_threshold_whose_words_do_not_say_strict_comes_back_without_a_word_when_its_data_says_it(tmp_path, suffix, strict):
    """A threshold printed "100% kế hoạch hằng năm" (its words say neither "trên" nor "tối
    thiểu"): an office's table is asked which it is, kpi's own unedited export is not — its data
    gives the strictness exactly."""
    folder = _plan(tmp_path / "plan")
    path = folder / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    old = '{indicator: party-rating-good, number: "6.1", kind: threshold, strict: true, value: 80}'
    assert old in text
    new = f'{{indicator: party-rating-good, number: "6.1", kind: threshold, strict: {str(strict).lower()}, value: 100, printed: "100% kế hoạch hằng năm"}}'
    path.write_text(text.replace(old, new), encoding="utf-8")
    result = _round_trip(folder, tmp_path / "out", suffix)
    assert "strict" not in result.stderr, result.stderr
    original, _ = load.read(folder)
    imported, _ = load.read(tmp_path / "out")
    assert_same_data(original, imported, "term-2025-2030")


# -- the rows' notes: the "Ghi chú" column kpi's export prints when a row has a note -------------


def _notes(dataset, plan_id: str) -> dict[str, str]:
    """Each row's note by its number (an import of the table alone makes its ids from the names)."""
    return {row.no: row.target.note for row in dataset.plans[plan_id].rows if row.target.note}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_the_note_column_comes_back_from_the_table_alone(tmp_path, suffix, lang):
    from ..output.test_row_notes import NOTES, noted

    folder = noted(tmp_path / "d")
    exported = tmp_path / f"phu-luc.{suffix}"
    assert kpi("export", "-o", str(exported), "--data-dir", str(folder), "--lang", lang).exit_code == 0
    result = kpi("import", str(exported), "--table-only", "-o", str(tmp_path / "out"), lang=lang)
    assert result.exit_code in (0, 5), result.stderr  # 5: the table alone leaves things to check, not its notes
    assert "ghi chú" not in result.stderr.lower() and "the note" not in result.stderr
    original, _ = load.read(folder)
    imported, _ = load.read(tmp_path / "out")
    assert _notes(imported, "term-2025-2030") == _notes(original, "term-2025-2030") and len(_notes(original, "term-2025-2030")) == len(NOTES)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_the_notes_come_back_exactly_with_the_data(tmp_path, suffix):
    from ..output.test_row_notes import noted

    folder = noted(tmp_path / "d")
    _round_trip(folder, tmp_path / "out", suffix)
    original, _ = load.read(folder)
    imported, _ = load.read(tmp_path / "out")
    assert_same_data(original, imported, "term-2025-2030")


def _note_cells(path: Path, cells: dict[str, str]) -> None:
    """The office rewrites the "Ghi chú" cells of the rows numbered as ``cells``'s keys."""
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path)
        sheet = book.worksheets[0]
        column = next(c.column for row in sheet.iter_rows() for c in row if c.value == "Ghi chú")
        for row in sheet.iter_rows():
            if row[0].value in cells:
                sheet.cell(row[0].row, column).value = cells[row[0].value] or None
        book.save(path)
        return
    from docx import Document

    document = Document(str(path))
    for table in document.tables:
        if not any(cell.text == "Ghi chú" for row in table.rows[:2] for cell in row.cells):
            continue
        for row in table.rows:
            if row.cells[0].text in cells:
                row.cells[-1].text = cells[row.cells[0].text]
    document.save(str(path))


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_note_cell_the_office_clears_or_rewrites_is_the_rows_note(tmp_path, suffix):
    """The column is the notes: a cell left empty clears the data's note, a cell rewritten replaces it."""
    from ..output.test_row_notes import noted

    folder = noted(tmp_path / "d")
    exported = tmp_path / f"phu-luc.{suffix}"
    assert kpi("export", "-o", str(exported), "--data-dir", str(folder)).exit_code == 0
    _note_cells(exported, {"2": "", "14": "Giao năm 2027"})
    result = kpi("import", str(exported), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    imported, _ = load.read(tmp_path / "out")
    assert _notes(imported, "term-2025-2030") == {"5": "Theo cách tính mới", "14": "Giao năm 2027"}


@pytest.mark.parametrize("table_only", [False, True])
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_monthly_reports_note_column_comes_back(tmp_path, suffix, table_only):
    """The monthly report's "Ghi chú" column: its notes come back with the data it carries, and
    from the table alone (--table-only) as the yearly table's."""
    from ..output.test_row_notes import MONTH_NOTES, _month_noted

    folder = _month_noted(tmp_path / "d")
    exported = tmp_path / f"bao-cao.{suffix}"
    assert kpi("export", "-o", str(exported), "--data-dir", str(folder)).exit_code == 0
    result = kpi("import", str(exported), *(["--table-only"] if table_only else []), "-o", str(tmp_path / "out"))
    assert result.exit_code in ((0, 5) if table_only else (0,)), result.stderr
    assert "ghi chú" not in result.stderr.lower()
    original, _ = load.read(folder)
    imported, _ = load.read(tmp_path / "out")
    notes = _notes(original, "plan-2024")
    assert _notes(imported, next(iter(imported.plans))) == notes and len(notes) == len(MONTH_NOTES)  # --table-only: its id from the year
