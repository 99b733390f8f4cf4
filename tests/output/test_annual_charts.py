"""An annual plan's yearly charts (html) draw the plan in the units of the values they plot: a
reduction "Giảm 0,5" of 2,50 as the rate 2,00 to bring down to, a growth of a level "Tăng 10%"
of 5.000 as the level 5.500 among the levels recorded; the years within the plan's (README "The
annual plan's own table"). A term plan's charts draw the target as written."""

import re

import pytest

from soctrang_kpi.core.classify import Status
from soctrang_kpi.core.model import Point, PointStatus
from soctrang_kpi.output.document import Chart
from soctrang_kpi.output.formats import as_html
from soctrang_kpi.output.labels import Lang

from ..conftest import kpi


def _svg(page: str, ident: str) -> str:
    found = re.search(rf'<svg class="chart" id="chart-{ident}".*?</svg>', page)
    assert found, ident
    return found.group(0)


def _target_y(svg: str) -> float:
    return float(re.search(r'<line class="target" x1="[\d.]+" y1="([\d.]+)"', svg).group(1))


def _circles(svg: str) -> dict[str, float]:
    """Each plotted point's title ("2025: 2.50") and its height."""
    return {title: float(cy) for cy, title in re.findall(r'<circle cx="[\d.]+" cy="([\d.]+)"[^>]*><title>([^<]*)</title>', svg)}


def _years(svg: str) -> list[str]:
    return re.findall(r'text-anchor="middle">(\d{4})</text>', svg)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("annual") / "a"
    assert kpi("init", str(folder), "--base-year", "2025", "--target-year", "2026").exit_code == 0
    out = folder.parent / "y.html"
    done = kpi("--lang", "en", "export", "--data-dir", str(folder), "--as-of", "2026", "-o", str(out))
    assert done.exit_code == 0, done.stderr
    return out.read_text(encoding="utf-8")


def test_a_reduction_is_drawn_as_the_rate_to_bring_down_to(page):
    svg = _svg(page, "poverty-rate")
    assert "target 2<" in svg and "target 0.5" not in svg  # 2,50 − 0,5 points
    points = _circles(svg)
    assert set(points) == {"2025: 2.50", "2026: 2.10"}
    # 2,00 lies below 2,10 as 2,10 below 2,50: (2,10 − 2,00) / (2,50 − 2,10) of the same scale
    y25, y26, yt = points["2025: 2.50"], points["2026: 2.10"], _target_y(svg)
    assert yt > y26 > y25 and (yt - y26) / (y26 - y25) == pytest.approx(0.1 / 0.4, abs=0.02)
    assert "forecast: 2.10" in svg  # the year's estimate, as the rate (not the drop 0,40)
    assert _years(svg) == ["2025", "2026"]


def test_a_growth_of_a_level_is_drawn_as_the_level(page):
    svg = _svg(page, "budget-revenue")
    assert "target 5,500<" in svg and "target 10<" not in svg  # 5.000 grown 10 %
    points = _circles(svg)
    assert set(points) == {"2025: 5,000", "2026: 5,600"}  # the levels, as the table
    y25, y26, yt = points["2025: 5,000"], points["2026: 5,600"], _target_y(svg)
    assert (yt - y26) / (y25 - y26) == pytest.approx(100 / 600, abs=0.02)
    assert "forecast: 5,600<" in svg
    assert _years(svg) == ["2025", "2026"]  # not 2026–2027: 2027 is outside the plan


def test_the_other_kinds_are_drawn_as_written(page):
    for ident, target in (("grdp-growth", "8"), ("exports", "3,300"), ("pci-rank", "15"), ("traffic-accidents", "120")):
        svg = _svg(page, ident)
        assert f"target {target}<" in svg, ident
        assert _years(svg) == ["2025", "2026"], ident


def _one_year(target_year: int) -> Chart:
    return Chart("x", "1", "X", "", Status.ACHIEVED, "growth", 10.0, None, 12.0, 2026,
                 (Point(2026, 12.0, PointStatus.ESTIMATE),), target_year=target_year)


def test_a_single_year_at_the_plans_end_is_drawn_with_the_year_before():
    assert _years(as_html.chart(_one_year(2026), Lang.EN)) == ["2025", "2026"]
    # a year before the plan's last: the axis runs on to it, as before
    assert _years(as_html.chart(_one_year(2030), Lang.EN))[-1] == "2030"


def test_a_term_plans_charts_keep_the_target_as_written(tmp_path):
    """A term's reduction ("giảm bình quân 0,5 điểm mỗi năm") and growth of a level ("tăng
    15%/năm") are drawn against their yearly figures, as before: the target as written."""
    folder = tmp_path / "t"
    assert kpi("init", str(folder), "--base-year", "2025", "--target-year", "2030").exit_code == 0
    out = tmp_path / "t.html"
    assert kpi("--lang", "en", "export", "--data-dir", str(folder), "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "target 0.5<" in _svg(page, "poverty-rate")
    assert "target 15<" in _svg(page, "budget-revenue")


@pytest.mark.parametrize("ident", ["grdp-growth", "poverty-reduction"])
def test_a_term_s_growth_rate_and_average_draw_their_forecast(ident, tmp_path):
    """A growth rate's forecast (GRDP growth 8,60 %/năm against 10) and an average's are in the
    units their charts plot, as their values and target: the diamond is drawn at the target year,
    on the same scale (it was left out for these two kinds while the table showed the forecast — QA)."""
    import json

    folder = tmp_path / "t"
    assert kpi("init", str(folder), "--base-year", "2025", "--target-year", "2030").exit_code == 0
    out = tmp_path / "t.html"
    assert kpi("--lang", "en", "export", "--data-dir", str(folder), "--as-of", "2026", "-o", str(out)).exit_code == 0
    row = next(r for r in json.loads(kpi("status", "--data-dir", str(folder), "--as-of", "2026", "--json").stdout)["indicators"]
               if r["id"] == ident)
    assert row["kind"] in ("growth", "average") and row["forecast"]["value"] is not None
    forecast = row["forecast"]["value"]
    svg = _svg(out.read_text(encoding="utf-8"), ident)
    diamond = re.search(r'<path class="forecast" d="M([\d.]+),([\d.]+) [^>]*><title>forecast: ([^<]*)</title>', svg)
    assert diamond, "no forecast diamond"
    assert float(diamond.group(3)) == pytest.approx(forecast, abs=0.01)
    assert float(diamond.group(1)) == float(re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle">2030</text>', svg)[0])
    # on the scale of the points: the values' heights fix it, the diamond's centre (5 below its top) follows
    (v1, y1), (v2, y2) = [(float(t.split(": ")[1]), cy) for t, cy in _circles(svg).items()][:2]
    assert v1 != v2
    assert float(diamond.group(2)) + 5 == pytest.approx(y1 + (forecast - v1) * (y2 - y1) / (v2 - v1), abs=0.15)
