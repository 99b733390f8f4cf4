"""The terminal table at every width (README "Terminal width"): a wider terminal never shows
fewer columns, no line is wider than the terminal, and below the narrowest width a table that
cannot fit prints its rows as lists rather than past the line."""

import pytest
from typer.testing import CliRunner

from soctrang_kpi import cli
from soctrang_kpi.cli import app
from soctrang_kpi.output.document import Style
from soctrang_kpi.output.formats.as_table import FORMATTER, NARROWEST, fit, natural_widths, texts_of, width_of

from ..conftest import ROOT

#: the monthly report's data (README "Within the year"): `kpi show` draws lũy kế month by month
PERIODS = ROOT / "docs" / "example-periods"
COMMANDS = (("status",), ("audit",), ("show", "1"), ("show", "5"), ("show", "retail", PERIODS), ("show", "exports", PERIODS), ("status", PERIODS))
LANGS = ("vi", "en")
_DOCS: dict = {}


def document(command: tuple, lang: str):
    """The document `kpi <command> --lang <lang>` prints on the bundled data (or the folder that
    ends ``command``), made once."""
    if (command, lang) not in _DOCS:
        *words, folder = command if command and not isinstance(command[-1], str) else (*command, ROOT)
        made = []
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(cli, "_print", lambda doc, fmt, keeping=None, bom=b"": made.append(doc))
            result = CliRunner().invoke(app, [*words, "--lang", lang, "--data-dir", str(folder)], env={"KPI_CACHE": "0"}, catch_exceptions=False)
        assert result.exit_code in (0, 1) and len(made) == 1, result.output
        _DOCS[command, lang] = made[0]
    return _DOCS[command, lang]


def _ids(command: tuple) -> str:
    return " ".join(str(w) if isinstance(w, str) else w.name for w in command)


def shown(doc, width: int) -> list[set[str]]:
    """The columns each table of the document prints at ``width`` (in columns or as a list)."""
    kept = []
    for table in doc.tables:
        if table.rows and not table.machine_only:
            texts = texts_of(table, doc.lang)
            kept.append({c.key or c.header for c in fit(table, texts, natural_widths(table, texts), width)[0].columns})
    return kept


def printed(doc, width: int) -> list[str]:
    return FORMATTER.text(doc, Style(width=width)).splitlines()


@pytest.mark.parametrize("width", range(NARROWEST, 161))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("command", COMMANDS, ids=_ids)
def test_a_wider_terminal_never_shows_fewer_columns_nor_a_line_past_it(command, lang, width):
    doc = document(command, lang)
    lines = printed(doc, width)
    widest = max(lines, key=width_of)
    assert width_of(widest) <= width, widest
    for narrower, wider in zip(shown(doc, width - 1), shown(doc, width)):
        assert narrower <= wider, narrower - wider
    for table, columns in zip([t for t in doc.tables if t.rows and not t.machine_only], shown(doc, width)):
        for column in table.columns:  # what is kept is printed: each word of its header is there
            if column.key in columns or column.header in columns:
                assert all(word in "\n".join(lines) for word in column.header.split()), column.header


@pytest.mark.parametrize("width", [1, 10, 20, 30, 40, 50, 55, NARROWEST - 1])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("command", COMMANDS, ids=_ids)
def test_below_the_narrowest_width_no_line_is_wider_than_the_terminal(command, lang, width):
    lines = printed(document(command, lang), width)
    assert max(width_of(line) for line in lines) <= width


def test_at_100_columns_english_keeps_the_target_as_well_as_the_unit_and_the_latest_value():
    """100 columns: the unit and the latest value wrap between words ("million" over "VND")
    rather than the target going; 80 columns keep the unit and the latest value, as before."""
    lines = printed(document(("status",), "en"), 100)
    header = next(line for line in lines if line.startswith("No "))
    assert all(word in header for word in ("Unit", "Target", "2023", "% of target", "Forecast %", "Assessment")), header
    row5 = next(line for line in lines if line.startswith("5 "))
    assert all(figure in row5 for figure in ("tonnes", "417,000", "362,000*", "86.81%", "100.00%", "Achieved")), row5
    assert {"unit", "latest"} <= shown(document(("status",), "en"), 80)[0]


def test_a_table_that_cannot_fit_prints_its_rows_as_lists():
    """`kpi status` at 40 columns, `kpi audit` at 60: each row its number and name, then one
    "header: value" a line under it, every figure whole."""
    status = printed(document(("status",), "en"), 40)
    assert "5 Fishery and aquaculture output" in status
    at = status.index("5 Fishery and aquaculture output")
    assert status[at + 1 : at + 4] == ["    % of target: 86.81%", "    Forecast %: 100.00%", "    Assessment: Achieved"]
    audit = printed(document(("audit",), "vi"), 60)
    assert "TT: 2" in audit and "    Tính lại: Vượt 0,40%" in audit
    assert not any(line.startswith("─") for line in audit)


MONTH_TARGETS = """\
schema_version: 1
indicators:
  - {id: grdp-growth, name: Tốc độ tăng trưởng GRDP, name_en: GRDP growth, unit: "%"}
  - {id: budget-revenue, name: Tổng thu ngân sách nhà nước trên địa bàn, name_en: State budget revenue, unit: Tỷ đồng, unit_en: billion VND}
  - {id: poverty-rate, name: Tỷ lệ hộ nghèo, name_en: Poverty rate, unit: "%"}
  - {id: pci-rank, name: Xếp hạng chỉ số PCI, name_en: PCI rank, unit: Hạng}
plans:
  - id: annual-2026
    name: Kế hoạch phát triển kinh tế - xã hội năm 2026
    base_year: 2025
    target_year: 2026
    targets:
      - {indicator: grdp-growth, number: "1", kind: growth, value: 10, printed: "Từ 10% trở lên"}
      - {indicator: budget-revenue, number: "2", kind: level, value: 41200}
      - {indicator: poverty-rate, number: "3", kind: reduction, drop: points, value: 0.5}
      - {indicator: pci-rank, number: "4", kind: rank, value: 10}
"""
MONTH_ACTUALS = """\
schema_version: 1
series:
  grdp-growth:
    actual: {2025: 9}
    ytd:
      estimate: {2026-11: 8}
  budget-revenue:
    actual: {2025: 38000}
    ytd:
      actual: {2025-11: 34000, 2026-11: 38500}
  poverty-rate:
    actual: {2025: 2.8}
  pci-rank:
    actual: {2025: 14}
"""


@pytest.mark.parametrize("lang, plan", [("vi", "KH năm 2026"), ("en", "Plan 2026")])
def test_at_80_columns_the_monthly_report_keeps_the_years_plan_in_both_languages(tmp_path, lang, plan):
    """README "Within the year": on a narrow terminal ĐVT, the month's own value, the estimate and
    the change go first. The Vietnamese headers are wider ("Lũy kế 11 tháng", a verdict "Chưa có
    số liệu"): a header wider than its cells wraps on two lines ("Lũy kế" over "11 tháng") before
    the year's plan goes, which "% KH năm" is read against."""
    (tmp_path / "targets.yaml").write_text(MONTH_TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(MONTH_ACTUALS, encoding="utf-8")
    doc = document(("status", tmp_path), lang)
    assert shown(doc, 80)[0] == {"no", "name", "target", "to_date", "plan_pct", "assessment"}
    lines = printed(doc, 80)
    assert plan in next(line for line in lines if line.startswith(("TT ", "No ")))
    assert max(width_of(line) for line in lines) <= 80
    assert any(line.startswith("4 ") and ("Nhóm 10 dẫn đầu" if lang == "vi" else "Top 10") in line for line in lines)
    assert any(line.startswith("2 ") and ("41.200" if lang == "vi" else "41,200") in line for line in lines)
