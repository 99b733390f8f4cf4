"""`kpi show` of an annual plan's row within its year says one verdict per plan, the month's
(README "Within the year"): another annual plan of the same year on the same screen gives its
month's verdict too, never a yearly one from the year's estimate; and its JSON says which verdict
is the assessment and gives no "% of target" of last year's value (README "Indicator object").
The monthly table of a share of another says "%" and, without the share of the period, says so."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from soctrang_kpi import api

from ..conftest import kpi, kpi_en

TARGETS = """schema_version: 1
indicators:
  - {id: grdp-growth, name: Tốc độ tăng trưởng GRDP, name_en: GRDP growth, unit: "%"}
  - {id: members, name: Số đảng viên, name_en: Party members, unit: đảng viên, within_year: level}
  - {id: grdp, name: GRDP, unit: Nghìn tỷ đồng}
  - {id: investment, name: Vốn đầu tư, name_en: Investment, unit: Nghìn tỷ đồng}
plans:
  - {id: kh-2026, name: Kế hoạch năm 2026, base_year: 2025, target_year: 2026, targets: [
      {indicator: grdp-growth, number: "1", kind: growth, value: 8},
      {indicator: members, number: "2", kind: level, value: 53400},
      {indicator: investment, number: "3", kind: share_of, of: grdp, value: 40}]}
  - {id: kh-2026-tw, name: Kế hoạch năm 2026 Trung ương giao, name_en: Central plan 2026, base_year: 2025, target_year: 2026, targets: [
      {indicator: grdp-growth, number: "1", kind: growth, value: 7.5},
      {indicator: members, number: "1", kind: level, value: 53000}]}
"""
ACTUALS = """schema_version: 1
series:
  grdp-growth:
    actual: {2025: 7.5}
    estimate: {2026: 7.2}
    ytd:
      estimate: {2026-06: 7.0}
  members:
    actual: {2025: 52000, 2025-12: 52000}
    estimate: {2026-06: 52800}
  grdp:
    actual: {2025: 700, 2026-Q1: 350}
  investment:
    actual: {2025: 280, 2026-01: 40, 2026-02: 45, 2026-03: 50, 2026-04: 50, 2026-05: 50, 2026-06: 55}
"""


def _data(tmp_path: Path) -> Path:
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return tmp_path


def _other_row(text: str, plan: str) -> list[str]:
    return next([c.strip() for c in line.strip("|").split("|")] for line in text.splitlines() if line.startswith(f"| {plan} "))


@pytest.mark.parametrize("run, plan, verdict", [
    (kpi, "Kế hoạch năm 2026 Trung ương giao", "Chậm tiến độ (tạm tính, chưa hết năm)"),
    (kpi_en, "Central plan 2026", "Behind (provisional: the year is not over)"),
])
def test_another_annual_plan_of_the_year_gives_its_month_s_verdict(tmp_path, run, plan, verdict):
    """7,2 % estimated for 2026 against the central plan's 7,5 %: the month's "behind", beside this
    plan's own month, never the yearly "Không đạt" the estimate would give."""
    text = run("show", "grdp-growth", "--plan", "kh-2026", "--data-dir", str(_data(tmp_path)), "--format", "markdown").stdout
    row = _other_row(text, plan)
    assert row[-1] == verdict
    assert "Không đạt" not in text and "Missed" not in text


@pytest.mark.parametrize("ident, attainment, other_attainment", [
    ("members", None, None),  # 2025's 52.000 is no percentage of either 2026 plan
    ("grdp-growth", 90.0, 96.0),  # the 2026 estimate is the plan's year's own value
])
def test_show_json_within_the_year_says_which_verdict_and_no_last_year_attainment(tmp_path, ident, attainment, other_attainment):
    result = kpi("show", ident, "--plan", "kh-2026", "--data-dir", str(_data(tmp_path)), "--json")
    data = json.loads(result.stdout)
    Draft202012Validator(api.schema("show")).validate(data)
    assert data["assessment_basis"] == "month" and data["month"]["verdict"] in ("on_course", "behind")
    assert data["attainment_pct"] == attainment
    other = data["other_targets"][0]
    assert other["attainment_pct"] == other_attainment
    assert other["month"]["verdict"] in ("on_course", "behind") and other["month"]["final"] is False


def test_show_json_of_the_year_says_the_year(tmp_path):
    data = json.loads(kpi("show", "grdp-growth", "--plan", "kh-2026", "--as-of", "2026", "--data-dir", str(_data(tmp_path)), "--json").stdout)
    assert data["assessment_basis"] == "year" and data["other_targets"][0]["month"] is None


def test_a_share_without_the_share_of_the_period_says_so_in_the_monthly_table(tmp_path):
    """GRDP has only its first quarter by June: no share of six months, no "725 %"."""
    text = kpi("status", "--plan", "kh-2026", "--data-dir", str(_data(tmp_path)), "--format", "markdown").stdout
    row = next([c.strip() for c in line.strip("|").split("|")] for line in text.splitlines() if line.startswith("| 3 "))
    assert row[2] == "%" and row[-1] == "Chưa tính được tỷ lệ trong kỳ" and "725" not in text
    data = json.loads(kpi("status", "--plan", "kh-2026", "--data-dir", str(tmp_path), "--json").stdout)
    share = next(i for i in data["indicators"] if i["id"] == "investment")
    assert share["reason"]["code"] == "share_not_known" and share["plan_pct"] is None and share["verdict"] == "no_data"


TERM = """  - {id: term-2025-2030, name: Nghị quyết nhiệm kỳ 2025–2030, name_en: Term resolution 2025–2030, base_year: 2025, target_year: 2030, targets: [
      {indicator: grdp-growth, number: "1", kind: growth, value: 7}]}
"""


@pytest.mark.parametrize("asked", [[], ["--as-of", "2026-06"]])
def test_a_term_plans_show_gives_an_annual_plan_within_its_year_its_month_s_verdict(tmp_path, asked):
    """`kpi show` of a term plan (tính đến năm 2026) lists the annual plans of 2026, whose year is
    not over, with the verdict `kpi status --plan` gives them — "Chậm tiến độ (tạm tính, chưa hết
    năm)" — never the yearly "Không đạt" from the year's estimate of 7,2 % (found by a QA pass)."""
    folder = _data(tmp_path)
    (folder / "targets.yaml").write_text(TARGETS + TERM, encoding="utf-8")
    text = kpi("show", "grdp-growth", "--plan", "term-2025-2030", *asked, "--data-dir", str(folder), "--format", "markdown").stdout
    data = json.loads(kpi("show", "grdp-growth", "--plan", "term-2025-2030", *asked, "--data-dir", str(folder), "--json").stdout)
    Draft202012Validator(api.schema("show")).validate(data)
    assert data["assessment_basis"] == "year" and "tính đến năm 2026" in text
    for other, name in zip(data["other_targets"], ("Kế hoạch năm 2026", "Kế hoạch năm 2026 Trung ương giao")):
        status = json.loads(kpi("status", "--plan", other["plan"], *asked, "--data-dir", str(folder), "--json").stdout)
        verdict = next(i["verdict"] for i in status["indicators"] if i["id"] == "grdp-growth")
        assert verdict == "behind" and other["month"] == {"verdict": verdict, "final": False, "label": "Chậm tiến độ"}
        assert _other_row(text, name)[-1] == "Chậm tiến độ (tạm tính, chưa hết năm)"
    assert "Không đạt" not in text


def test_a_term_plans_show_of_the_year_asked_gives_the_yearly_verdict(tmp_path):
    """--as-of 2026 asks for the year's table, as `kpi status --plan kh-2026 --as-of 2026` gives it."""
    folder = _data(tmp_path)
    (folder / "targets.yaml").write_text(TARGETS + TERM, encoding="utf-8")
    data = json.loads(kpi("show", "grdp-growth", "--plan", "term-2025-2030", "--as-of", "2026", "--data-dir", str(folder), "--json").stdout)
    assert [o["month"] for o in data["other_targets"]] == [None, None]
    assert [o["status"] for o in data["other_targets"]] == ["missed", "missed"]
