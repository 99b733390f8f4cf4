"""The monthly report's chart: lũy kế month by month against the year's plan, beside last year's
same months — in the html export (drawn by Chromium) and on the terminal (`kpi show`)."""

import re
import shutil
from pathlib import Path

import pytest

from soctrang_kpi.core.model import Period, PointStatus
from soctrang_kpi.core.periods import Reading, plan_paths, row_path
from soctrang_kpi.files import load
from soctrang_kpi.output.document import MonthChart
from soctrang_kpi.output.formats import month_svg
from soctrang_kpi.output.labels import Lang
from soctrang_kpi.output.text_chart import month_chart

from ..conftest import ROOT, kpi
from .test_browser import CHROMIUM, _chromium

EXAMPLE = ROOT / "docs" / "example-periods"


@pytest.fixture(scope="module")
def paths():
    dataset, _ = load.read(EXAMPLE)
    return plan_paths(dataset, dataset.plans["plan-2024"], Period(2024, 6, 6))


def test_the_paths_are_the_lũy_kế_of_each_month_and_last_years(paths):
    retail = paths["retail"]
    # the first quarter, then April, May, June added: 21.000, 28.300, 35.700, 43.200
    assert [(m, r.value) for m, r in retail.current] == [(3, 21000), (4, 28300), (5, 35700), (6, 43200)]
    assert all(r.status is PointStatus.ESTIMATE for _m, r in retail.current)
    # last year: its quarters, and December is the whole year
    assert [(m, r.value) for m, r in retail.last_year] == [(3, 19800), (6, 39900), (12, 84000)]
    assert retail.plan == 90000 and round(retail.estimate, 2) == 90947.37
    rate = paths["grdp-growth"]
    assert [(m, r.value) for m, r in rate.current] == [(3, 6.2), (6, 6.12)]  # as recorded, never summed
    assert (rate.plan, rate.plan_upper) == (7.5, 8)
    assert "income" in paths and paths["income"].current == ()
    dataset, _ = load.read(EXAMPLE)
    plan = dataset.plans["plan-2024"]
    assert row_path(dataset, plan, "retail", Period(2024, 6, 6)) == retail
    assert row_path(dataset, plan, "no-such-row", Period(2024, 6, 6)) is None


def _chart(**changes) -> MonthChart:
    base = MonthChart(
        "exports", "1", "Kim ngạch xuất khẩu", "Đúng tiến độ", "on_course", "flow", 2024,
        ((5, 430.0, True), (6, 525.0, True)), ((6, 448.8), (12, 920.0)), 750.0, None, 1076.2,
    )
    return base._replace(**changes)


def test_the_svg_draws_the_plan_both_years_and_the_estimate():
    drawn = month_svg.svg(_chart(), Lang.VI)
    assert drawn.count('class="values current"') == 1 and drawn.count('class="values last-year"') == 1
    assert "KH năm 2024 750" in drawn and "ước cả năm: 1.076,20" in drawn
    assert drawn.count('fill="#ffffff"') == 2  # both months are estimates: hollow
    # a flow's axis starts at 0: the lowest label is 0
    assert re.search(r'text-anchor="end">0</text>', drawn)
    ranged = month_svg.svg(_chart(meaning="rate", plan=7.5, plan_upper=8.0, current=((6, 6.12, True),), last_year=(), estimate=None), Lang.EN)
    assert 'class="plan" x=' in ranged and "plan 2024 7.5–8" in ranged and "estimate" not in ranged
    assert 'class="values last-year"' not in ranged
    assert month_svg.as_written(5.5 * 1.1, Lang.VI) == "6,05" and month_svg.as_written(1076.123456, Lang.VI) == "1.076,12"


def test_the_axis_holds_every_value():
    low, high = month_svg.axis([430.0, 525.0, 750.0, 1076.2], flow=True)
    assert low == 0.0 and high > 1076.2
    assert month_svg.axis([430.0, 525.0, 750.0, 1076.2])[0] > 0
    low, high = month_svg.axis([91.8, 93.4, 95.0])
    assert 0 < low < 91.8 and high > 95


def test_the_html_export_has_a_chart_per_row_with_values(tmp_path):
    out = tmp_path / "m.html"
    assert kpi("export", "--data-dir", str(EXAMPLE), "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.count('<svg class="chart month"') == 6
    assert "Lũy kế từng tháng so với kế hoạch năm 2024" in page and "cùng kỳ năm 2023" in page


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_chromium_draws_every_monthly_chart(tmp_path):
    out = tmp_path / "m.html"
    assert kpi("export", "--data-dir", str(EXAMPLE), "-o", str(out)).exit_code == 0
    done = _chromium(out, "--dump-dom", profile=tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    drawn = re.search(r'data-charts="(\d+)/(\d+)"', done.stdout)
    assert drawn and drawn.group(1) == drawn.group(2) == "6"
    assert [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line] == []


def test_the_terminal_chart_in_show(paths):
    lines = month_chart(paths["retail"], 2024, Lang.VI)
    assert lines[0].startswith("Lũy kế từng tháng")
    assert [line.split()[0] for line in lines[1:]] == ["3", "4", "5", "6", "12"]
    assert lines[4].endswith("43.200 (2023: 39.900)") and "▒" in lines[4] and "│" in lines[4] and "┆" in lines[4]
    assert lines[5].endswith("- (2023: 84.000)")
    shown = kpi("show", "retail", "--data-dir", str(EXAMPLE))
    assert "Lũy kế từng tháng (▇ năm 2024, ▒ ước tính, ┆ cùng kỳ 2023, │ KH năm)" in shown.stdout
    assert "Lũy kế từng tháng" not in kpi("show", "retail", "--data-dir", str(EXAMPLE), "--format", "json").stdout
    # an actual month is a full block
    from soctrang_kpi.core.model import WithinYear
    from soctrang_kpi.core.periods import MonthPath

    actual = MonthPath(WithinYear.FLOW, ((1, Reading(10.0, PointStatus.ACTUAL)),), (), 100.0, None, None)
    assert "▇" in month_chart(actual, 2026, Lang.EN)[1]
    assert month_chart(MonthPath(WithinYear.FLOW, (), (), 100.0, None, None), 2026, Lang.EN) == []


def test_shared_png(tmp_path):
    """The page as a person sees it: a screenshot that is drawn, not blank."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed")
    out = tmp_path / "m.html"
    kpi("export", "--data-dir", str(EXAMPLE), "-o", str(out))
    shot = tmp_path / "m.png"
    done = _chromium(out, f"--screenshot={shot}", "--window-size=1400,1400", "--hide-scrollbars", profile=tmp_path / "p")
    assert done.returncode == 0 and shot.read_bytes().startswith(b"\x89PNG")
    shutil.rmtree(tmp_path / "p", ignore_errors=True)
    assert Path(shot).stat().st_size > 50_000
