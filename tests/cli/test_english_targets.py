"""Targets the English table and exports write as the Vietnamese does: a drop in percent of a count
"Down 5%" (never "Down 5", read as 5 people), a share of another's "40% of …" (never a bare "40"
beside the row's unit), as `kpi show` says them."""

from pathlib import Path

import pytest

from ..conftest import kpi, plan_yaml

TARGETS = plan_yaml(
    """
    {id: grdp, name: Tổng sản phẩm trên địa bàn, unit: Nghìn tỷ đồng}
    {id: invest, name: Tổng vốn đầu tư toàn xã hội, unit: Nghìn tỷ đồng}
    {id: deaths, name: Số người chết do tai nạn giao thông, unit: Người}
    """,
    """
    {indicator: grdp, number: "1", kind: level, value: 400}
    {indicator: invest, number: "2", kind: share_of, value: 40, of: grdp}
    {indicator: deaths, number: "3", kind: reduction, value: 5, drop: percent}
    """,
    end=2026, ident="kh-2026", name="Kế hoạch năm 2026",
)
ACTUALS = """\
schema_version: 1
series:
  grdp: {actual: {2025: 365}, estimate: {2026: 395.5}}
  invest: {estimate: {2026: 150}}
  deaths: {actual: {2025: 200}, estimate: {2026: 190}}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return tmp_path


def _row(text: str, number: str) -> list[str]:
    return next([c.strip() for c in line.split("|")[1:-1]] for line in text.splitlines() if line.startswith(f"| {number} |"))


@pytest.mark.parametrize(("lang", "share", "drop"), [
    ("en", "40% of Tổng sản phẩm trên địa bàn", "Down 5%"),
    ("vi", "40", "Giảm 5%"),  # the Vietnamese table: the resolution's wording (printed), else the number
])
def test_the_table_writes_a_share_and_a_percent_drop_as_show_does(folder, lang, share, drop):
    table = kpi("status", "--data-dir", str(folder), "--lang", lang, "--format", "markdown").stdout
    assert _row(table, "2")[4] == share
    assert _row(table, "3")[4] == drop
    csv = kpi("export", "-o", "-", "--format", "csv", "--data-dir", str(folder), "--lang", lang).stdout
    rows = {line.split(",", 1)[0].lstrip("\ufeff"): line for line in csv.splitlines()}
    assert f',"{share}",' in rows["2"] or f",{share}," in rows["2"]
    assert f",{drop}," in rows["3"]
    if lang == "en":
        shown = kpi("show", "invest", "--data-dir", str(folder), "--lang", lang).stdout
        assert share in " ".join(shown.split())


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Down 5% — reduction in percent of the year before"),
    ("vi", "Giảm 5% — mức giảm tính bằng % so với năm trước"),
])
def test_show_says_a_percent_drop_of_a_count_is_a_drop_in_percent(folder, lang, line):
    """Not "Down 5 Người — reduction of a rate": a count is not a rate, and its target is a rate."""
    shown = " ".join(kpi("show", "deaths", "--data-dir", str(folder), "--lang", lang).stdout.split())
    assert line in shown
    assert "Người —" not in shown
