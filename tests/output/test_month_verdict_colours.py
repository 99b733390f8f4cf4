"""An annual plan's report within its year colours its verdict cell by the within-year verdict's
class, as the yearly table colours its own (README "Reports to hand in": the xlsx's assessment
cell, the html's verdict cell; the terminal's row): on course as achieved, behind as at risk."""

import re

from soctrang_kpi.core.periods import Verdict
from soctrang_kpi.output.formats import Format, render
from soctrang_kpi.output.formats.as_html import STYLE
from soctrang_kpi.output.formats.as_table import STATUS_COLOURS
from soctrang_kpi.output.formats.as_xlsx import STATUS_FILLS
from soctrang_kpi.output.document import Style

from ..conftest import kpi
from ..cli.test_month_report import example  # noqa: F401 (the example-periods folder, a fixture)

#: the example's rows as of June 2024, by number: their verdicts (README "Within the year")
VERDICTS = {"1": "Đúng tiến độ", "3": "Chậm tiến độ", "6": "Chưa có số liệu"}


def test_every_within_year_verdict_has_its_colour_in_every_format():
    """One palette: the fills (xlsx, docx), the terminal's colours, the page's backgrounds."""
    for verdict in Verdict:
        assert verdict.value in STATUS_FILLS and verdict.value in STATUS_COLOURS, verdict
    assert (STATUS_FILLS["on_course"], STATUS_FILLS["behind"]) == (STATUS_FILLS["achieved"], STATUS_FILLS["at_risk"])
    assert (STATUS_COLOURS["on_course"], STATUS_COLOURS["behind"]) == (STATUS_COLOURS["achieved"], STATUS_COLOURS["at_risk"])
    behind = next(rule for rule in STYLE.splitlines() if "status-at_risk" in rule)
    assert "td.verdict.status-behind" in behind  # the at-risk background, as the fill


def test_the_xlsx_fills_the_verdict_cell_by_its_class(example):
    from openpyxl import load_workbook

    out = example / "bao-cao.xlsx"
    assert kpi("export", "-o", str(out), "--data-dir", str(example)).exit_code == 0
    sheet = load_workbook(out)["Chỉ tiêu"]
    header = next(r for r in sheet.iter_rows() if r[0].value == "TT")
    column = next(c.column for c in header if c.value == "Đánh giá")
    cells = {r[0].value: sheet.cell(row=r[0].row, column=column) for r in sheet.iter_rows() if r[0].value in VERDICTS}
    assert {no: c.value for no, c in cells.items()} == VERDICTS
    fills = {no: (c.fill.fill_type, c.fill.start_color.rgb) for no, c in cells.items()}
    assert fills == {"1": ("solid", "00FFFFFF"), "3": ("solid", "00FFC7CE"), "6": ("solid", "00EDEDED")}


def test_the_html_verdict_cell_has_its_class(example):
    out = example / "bao-cao.html"
    assert kpi("export", "-o", str(out), "--data-dir", str(example)).exit_code == 0
    cells = re.findall(r'<td class="([^"]*)">([^<]*)</td></tr>', out.read_text(encoding="utf-8").split('<h2 class="first">')[1].split("</table>")[0])
    assert ("verdict status-on_course", "Đúng tiến độ") in cells and ("verdict status-behind", "Chậm tiến độ") in cells
    assert ("verdict status-no_data", "Chưa có số liệu") in cells


def test_the_terminal_colours_a_row_by_its_verdict(example):
    from soctrang_kpi import api
    from soctrang_kpi.core.periods import plan_report, report_period
    from soctrang_kpi.output.labels import Lang
    from soctrang_kpi.output.views import month_document

    data = api.load(example)
    plan = api.evaluate(data, "plan-2024").result
    period = report_period(data.dataset, plan.plan, None)
    doc = month_document(plan, plan_report(data.dataset, plan.plan, period), period, Lang.VI)
    lines = render(doc, Format.TABLE, Style(color=True, width=200)).splitlines()
    rows = {found.group(2): found.group(1) for found in (re.match(r"(\x1b\[[0-9;]*m)?(\d+) ", line) for line in lines) if found}
    assert rows == {"1": None, "2": None, "3": "\x1b[31m", "4": None, "5": "\x1b[31m", "6": "\x1b[2m"}  # 3 and 5 behind
