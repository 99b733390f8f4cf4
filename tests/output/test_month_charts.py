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
from soctrang_kpi.output.labels import Lang, number
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


def _natural(lines: list[str]) -> int:
    return max(len(line) for line in lines)


def _said(lines: list[str]) -> set[str]:
    """The words a chart says, its bars left out: the heading, the months and every figure."""
    return {w for line in lines for w in line.split() if not set(w) & set("▇▒░┆│")}


@pytest.mark.parametrize("lang", list(Lang))
@pytest.mark.parametrize("width", range(60, 161))
def test_the_terminal_chart_fits_the_width_it_is_given_saying_the_same(paths, lang, width):
    """README "Terminal width": from 60 columns up the month-by-month chart fits the line — its
    heading's legend on a line of its own, its bars narrower — and says every figure; drawn as
    wide as it is at its natural width (68 columns, 76 in English), it is drawn as before."""
    for ident, path in paths.items():
        natural = month_chart(path, 2024, lang)
        drawn = month_chart(path, 2024, lang, width)
        assert max(len(line) for line in drawn) <= width, (ident, drawn)
        assert _said(drawn) == _said(natural), ident
        if width >= _natural(natural):
            assert drawn == natural, ident


def test_the_terminal_chart_at_60_columns(paths):
    """At 60 columns: the heading on two lines with every word of the legend, the bars of 35
    cells beside "43.200 (2023: 39.900)" with the plan and last year's month marked."""
    drawn = month_chart(paths["retail"], 2024, Lang.VI, 60)
    assert drawn[:2] == ["Lũy kế từng tháng", "(▇ năm 2024, ▒ ước tính, ┆ cùng kỳ 2023, │ KH năm)"]
    six = next(line for line in drawn if line.startswith(" 6 "))
    assert six.endswith(" 43.200 (2023: 39.900)") and len(six) == 60 and "┆" in six and "│" in six
    english = month_chart(paths["retail"], 2024, Lang.EN, 60)
    assert english[:2] == ["Month by month, year to date", "(▇ 2024, ▒ estimate, ┆ 2023, │ the year's plan)"]
    assert all(len(line) <= 60 for line in english)
    # narrower still: the short forms of the heading (messages.py), then the figures under the bars
    assert month_chart(paths["retail"], 2024, Lang.VI, 40)[:2] == ["Lũy kế từng tháng", "(▇ 2024, ▒ ước, ┆ 2023, │ KH)"]
    assert month_chart(paths["retail"], 2024, Lang.EN, 40)[:2] == ["Year to date by month", "(▇ 2024, ▒ est., ┆ 2023, │ plan)"]


@pytest.mark.parametrize("lang", list(Lang))
def test_figures_too_wide_beside_the_bars_go_under_them(lang):
    """Figures of fifteen digits leave fewer than MIN_CELLS beside the bars at 60 columns: each
    row's figures go on a line of their own under its bar, every line within the width."""
    from soctrang_kpi.core.model import WithinYear
    from soctrang_kpi.core.periods import MonthPath
    from soctrang_kpi.output.text_chart import MIN_CELLS

    big = 123456789012345.67
    path = MonthPath(
        WithinYear.FLOW,
        tuple((m, Reading(big * m / 12, PointStatus.ACTUAL)) for m in (3, 6)),
        tuple((m, Reading(big * m / 13, PointStatus.ACTUAL)) for m in (3, 6, 12)),
        big, None, None,
    )
    natural = month_chart(path, 2026, lang)
    assert _natural(natural) > 60
    drawn = month_chart(path, 2026, lang, 60)
    assert all(len(line) <= 60 for line in drawn) and _said(drawn) == _said(natural)
    bars = [line for line in drawn[2:] if "│" in line]
    assert [line.split()[0] for line in bars] == ["3", "6", "12"]
    assert all(len(line) > 3 + MIN_CELLS for line in bars[:2])
    assert drawn[drawn.index(bars[0]) + 1].startswith("   " + number(big * 3 / 12, lang))


@pytest.mark.parametrize("lang", list(Lang))
@pytest.mark.parametrize("width", [60, 70, 80, 120])
def test_the_yearly_chart_fits_the_width_as_well(lang, width):
    from soctrang_kpi.core.model import Kind, Point, Target
    from soctrang_kpi.output.text_chart import chart

    series = (Point(2024, 12345678901.5, PointStatus.ACTUAL), Point(2025, 13345678901.5, PointStatus.ESTIMATE))
    target = Target(Kind.LEVEL, value=15000000000.0)
    natural = chart(series, target, lang)
    drawn = chart(series, target, lang, width)
    assert max(len(line) for line in drawn) <= width and _said(drawn) == _said(natural)
    if width >= _natural(natural):
        assert drawn == natural


#: HDI at its precision of 3 and exports at 1, in a term plan and an annual plan within its year
PRECISE_TARGETS = """schema_version: 1
indicators:
  - {id: hdi, name: Chỉ số phát triển con người (HDI), name_en: Human development index, unit: Chỉ số, unit_en: index, precision: 3}
  - {id: exports, name: Kim ngạch xuất khẩu, name_en: Exports, unit: Triệu USD, unit_en: million USD, precision: 1}
  - {id: dengue, name: Số ca sốt xuất huyết, name_en: Dengue cases, unit: ca, unit_en: cases, within_year: flow}
plans:
  - {id: term, name: Nghị quyết 2020–2025, base_year: 2020, target_year: 2025, targets: [
      {indicator: hdi, number: "1", kind: level, value: 0.76}, {indicator: exports, number: "2", kind: level, value: 1500},
      {indicator: dengue, number: "3", kind: level, value: 300, direction: at_most}]}
  - {id: kh, name: Kế hoạch năm 2026, base_year: 2025, target_year: 2026, targets: [
      {indicator: exports, number: "1", kind: level, value: 1500.5}, {indicator: dengue, number: "2", kind: level, value: 300, direction: at_most}]}
"""
PRECISE_ACTUALS = """schema_version: 1
series:
  hdi: {actual: {2020: 0.7412, 2021: 0.7434, 2022: 0.7456, 2023: 0.7489}}
  exports:
    actual: {2020: 1000.25, 2021: 1100.35, 2022: 1200.45, 2023: 1300.55, 2025: 1400.65, 2025-01: 100.25, 2025-02: 110.35,
             2025-03: 120.45, 2026-01: 105.55, 2026-02: 112.65, 2026-03: 125.35}
  dengue: {actual: {2020: 320.5, 2023: 290.5, 2025: 100, 2025-Q1: 20, 2026-Q1: 22.5}}
"""


def _titles(page: str) -> list[str]:
    """What the charts' points say when pointed at (their <title>s), the page's own title left out."""
    return re.findall(r"<title>([^<]*)</title>", page.split("<body", 1)[1])


@pytest.mark.parametrize("lang, plan, as_of, said, never", [
    ("vi", "term", "2023", ["2020: 0,741", "2023: 0,749", "2020: 1.000,3", "2023: 1.300,6", "2020: 321", "2023: 291"],
     ["0,74", "0,75", "1.000,25", "1.300,55", "320,5", "290,5", "320,50"]),
    ("en", "term", "2023", ["2020: 0.741", "2023: 0.749", "2020: 1,000.3", "2023: 1,300.6", "2020: 321"], ["1,000.25", "320.5"]),
    ("vi", "kh", "2026-03", ["2025-01: 100,3", "2026-03: 343,6", "2025-03: 20", "2026-03: 23"], ["100,25", "343,55", "22,5", "22,50"]),
    ("en", "kh", "2026-03", ["2025-01: 100.3", "2026-03: 343.6", "2026-03: 23"], ["100.25", "343.55", "22.5"]),
])
def test_the_html_charts_write_values_at_the_indicator_s_precision(tmp_path, lang, plan, as_of, said, never):
    (tmp_path / "targets.yaml").write_text(PRECISE_TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(PRECISE_ACTUALS, encoding="utf-8")
    done = kpi("--lang", lang, "export", "--data-dir", str(tmp_path), "--plan", plan, "--as-of", as_of, "-f", "html", "-o", "-")
    assert done.exit_code == 0, done.stderr
    titles = _titles(done.stdout)
    for point in said:
        assert point in titles, (point, titles)
    for figure in never:
        assert not any(t.endswith(": " + figure) for t in titles), (figure, titles)
    estimate = next((t for t in titles if t.startswith(("ước cả năm", "year estimate"))), None)
    assert estimate is None or re.search(r"\d[.,]\d$", estimate) or re.search(r": \d+$", estimate)  # at one decimal, or whole
