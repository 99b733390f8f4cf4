"""A place in a ranking has no percentage (README "rank"): its year-on-year column ("So cùng kỳ",
"vs last year") is empty in the yearly table and the monthly report, in every format, and JSON's
``change_pct`` is null — PCI 18 → 14 is no "-22,22%", which reads as worse though it improved."""

import json
from pathlib import Path

import pytest

from ..conftest import kpi, plan_yaml

TARGETS = plan_yaml(
    """
    {id: pci, name: Xếp hạng PCI, unit: Hạng}
    {id: exports, name: Kim ngạch xuất khẩu, unit: Triệu USD, within_year: level}
    """,
    """
    {indicator: pci, number: "1", kind: rank, value: 15}
    {indicator: exports, number: "2", kind: level, value: 3300}
    """,
    end=2026, ident="kh-2026", name="Kế hoạch năm 2026",
)
ACTUALS = """schema_version: 1
series:
  pci:
    actual: {2025: 18, 2025-06: 20, 2026: 14, 2026-06: 16}
  exports:
    actual: {2025: 3000, 2025-06: 1400, 2026: 3150, 2026-06: 1500}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return tmp_path


def _rows(text: str) -> dict[str, list[str]]:
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.splitlines() if line.startswith("| ")]
    return {r[0]: r for r in rows}


@pytest.mark.parametrize("as_of", [(), ("--as-of", "2026-06")])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_rank_has_no_year_on_year_percentage_in_any_format(folder, as_of, lang):
    args = ("--data-dir", str(folder), "--lang", lang, *as_of)
    table = _rows(kpi("status", *args, "--format", "markdown").stdout)
    header = table["TT" if lang == "vi" else "No"]
    column = header.index("So cùng kỳ" if lang == "vi" else "vs last year")
    assert table["1"][column] == "-"
    assert table["2"][column] not in ("-", "")  # a level's change is there: the column is the one read
    csv = [line.lstrip("\ufeff").split(",") for line in kpi("status", *args, "--format", "csv").stdout.splitlines()]
    by_number = {r[0]: r for r in csv}
    head = csv[0]
    at = head.index("So cùng kỳ" if lang == "vi" else "vs last year")
    assert by_number["1"][at] == "" and by_number["2"][at] != ""
    printed = json.loads(kpi("status", *args, "--json").stdout)
    # the monthly report's rows are its months' figures; the yearly table's, each row's "annual"
    changes = {r["id"]: (r["change_pct"] if as_of else r["annual"]["change_pct"]) for r in printed["indicators"]}
    assert changes["pci"] is None and changes["exports"] is not None


@pytest.mark.parametrize("lang, said", [("vi", "So cùng kỳ"), ("en", "vs last year")])
def test_show_s_periods_give_a_rank_no_change_either(folder, lang, said):
    """`kpi show`'s months beside last year's: PCI 20 in June 2025, 16 in June 2026 is no "-20,00%"."""
    for ident, change in (("pci", "-"), ("exports", "7,14%" if lang == "vi" else "7.14%")):
        shown = kpi("show", ident, "--data-dir", str(folder), "--lang", lang, "--as-of", "2026-06", "--format", "markdown").stdout
        block = next(part for part in shown.split("\n\n") if said in part and "| 2026 |" in part)
        rows = _rows(block)
        head = next(r for r in rows.values() if said in r)
        june = next(r for r in rows.values() if r[1] == "16" or r[1] == "1.500" or r[1] == "1,500")
        assert june[head.index(said)] == change, block


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_rank_has_no_percent_of_the_years_plan_in_the_monthly_report(folder, lang):
    """PCI 16 in June against the top 15 is no "93,75%" of the year's plan (README "rank"): the
    column is empty, JSON's ``plan_pct`` null; its verdict still rests on the place; a level's
    percentage is there."""
    args = ("--data-dir", str(folder), "--lang", lang, "--as-of", "2026-06")
    table = _rows(kpi("status", *args, "--format", "markdown").stdout)
    header = table["TT" if lang == "vi" else "No"]
    column = header.index("% KH năm" if lang == "vi" else "% of plan")
    assert table["1"][column] == "-"
    assert table["2"][column] not in ("-", "")
    rows = {r["id"]: r for r in json.loads(kpi("status", *args, "--json").stdout)["indicators"]}
    assert rows["pci"]["plan_pct"] is None
    assert rows["exports"]["plan_pct"] is not None
    assert rows["pci"]["verdict"] not in (None, "no_data")
