"""An annual plan within its year through the API (README "Python API"): last year's value is no
percentage of this year's plan, and the month's figures and verdict are there, as `kpi status`
and `kpi show` give them."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from soctrang_kpi import api
from soctrang_kpi.cli import app

from ..conftest import plan_yaml

#: a 2026 plan as of September: GRDP by quarters, investment a share of it, party members a progress
TARGETS = plan_yaml(
    """
    {id: grdp, name: Tổng sản phẩm trên địa bàn (GRDP), name_en: GRDP, unit: Nghìn tỷ đồng, unit_en: trillion VND}
    {id: investment, name: Tổng vốn đầu tư toàn xã hội, name_en: Total social investment, unit: Nghìn tỷ đồng, unit_en: trillion VND}
    {id: party-members, name: Số lượng đảng viên, name_en: Party members, unit: Đảng viên, unit_en: party members}
    """,
    """
    {indicator: grdp, number: "1", kind: level, value: 300}
    {indicator: investment, number: "2", kind: share_of, of: grdp, value: 40}
    {indicator: party-members, number: "3", kind: progress, value: 53400}
    """,
    end=2026, ident="kh-2026", name="Kế hoạch năm 2026",
)
ACTUALS = """schema_version: 1
series:
  grdp:
    actual: {2025: 270, 2025-Q1: 60, 2025-Q2: 65, 2025-Q3: 70, 2025-Q4: 75, 2026-Q1: 66, 2026-Q2: 72, 2026-Q3: 77DEC_GRDP}
  investment:
    actual: {2025: 100, 2025-Q1: 20, 2025-Q2: 25, 2025-Q3: 25, 2025-Q4: 30, 2026-Q1: 24, 2026-Q2: 28, 2026-Q3: 30DEC_INV}
  party-members:
    actual: {2025: 52000, 2025-12: 52000, 2026-06: 52500, 2026-09: 52700MEMBERS}
"""


def write(folder: Path, december: bool = False, members: str = "") -> Path:
    """The plan's folder; ``december``: with the fourth quarter (the year's result)."""
    actuals = ACTUALS.replace("DEC_GRDP", ", 2026-Q4: 90" if december else "").replace("DEC_INV", ", 2026-Q4: 40" if december else "")
    (folder / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (folder / "actuals.yaml").write_text(actuals.replace("MEMBERS", members), encoding="utf-8")
    return folder


def _json(*args: str) -> dict:
    result = CliRunner().invoke(app, [*args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("as_of, period", [(None, "2026-09"), ("2026-06", "2026-06"), ("2026-Q2", "2026-Q2")])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_within_its_year_the_rows_have_no_attainment_and_the_month_is_given(tmp_path, as_of, period, lang):
    folder = write(tmp_path)
    evaluation = api.evaluate(api.load(folder), as_of=as_of, lang=lang)
    # last year's value against this year's plan (270 of 300: 90 %) is no % of it
    assert [r.attainment_pct for r in evaluation.indicators] == [None, None, None]
    assert evaluation.period == period
    asked = ["--as-of", as_of] if as_of else []
    printed = _json("status", "--data-dir", str(folder), "--lang", lang, *asked)
    assert printed["report"] == "month" and printed["period"]["key"] == period
    assert list(evaluation.month) == printed["indicators"] and evaluation.month_summary == printed["summary"]
    for row in evaluation.indicators:
        shown = _json("show", row.id, "--data-dir", str(folder), "--lang", lang, *asked)
        assert shown["attainment_pct"] is None and shown["assessment_basis"] == "month"
        assert next(m for m in evaluation.month if m["id"] == row.id) == {k: v for k, v in shown["month"].items() if k != "period"}


@pytest.mark.parametrize("as_of", [2025, 2026, "2026"])
def test_a_year_asked_for_is_the_yearly_table_without_a_month(tmp_path, as_of):
    folder = write(tmp_path)
    evaluation = api.evaluate(api.load(folder), as_of=as_of)
    assert evaluation.period is None and evaluation.month == () and evaluation.month_summary == {}
    printed = _json("status", "--data-dir", str(folder), "--as-of", str(as_of))
    assert [r.attainment_pct for r in evaluation.indicators] == [r["attainment_pct"] for r in printed["indicators"]]
    # the year's own table too: last year's 270 against this year's 300 is no 90 % of it
    assert [r.attainment_pct for r in evaluation.indicators] == [None, None, None]


def test_the_year_s_own_value_is_its_attainment(tmp_path):
    folder = write(tmp_path)
    (folder / "actuals.yaml").write_text(ACTUALS.replace("DEC_GRDP", ", 2026: 305").replace("DEC_INV", "").replace("MEMBERS", ""), encoding="utf-8")
    evaluation = api.evaluate(api.load(folder))
    assert evaluation.period is None and evaluation.find("grdp").attainment_pct == pytest.approx(101.666667)


def test_the_month_a_report_runs_to_is_found_by_one_function(tmp_path):
    """`kpi status` and the API ask core.periods.report_period: the month or quarter asked for in
    the plan's year, else the latest with values; none for a year asked for or another year's month."""
    from soctrang_kpi.core.model import Period
    from soctrang_kpi.core.periods import parse_period, report_period

    dataset = api.load(write(tmp_path)).dataset
    plan = dataset.plans["kh-2026"]
    assert report_period(dataset, plan, None) == Period(2026, 9, 9)  # as of September, the third quarter's last month
    asked = (2026, "2026", " 2026-06 ", "2026-Q2", "2025-06", parse_period("2026-06"))
    assert [report_period(dataset, plan, a) for a in asked] == [None, None, Period(2026, 6, 6), Period(2026, 4, 6), None, Period(2026, 6, 6)]


@pytest.mark.parametrize("as_of", [None, "2026-Q3", "2026-06"])
@pytest.mark.parametrize("seen", [False, True])
def test_an_area_within_the_year_is_refused_as_kpi_status_area_refuses_it(tmp_path, as_of, seen):
    """`kpi status --area xa-vi-thuy` is refused (exit 2) while the territory's annual plan is
    answered within its year; the API refuses it alike, the area given or the data seen from it —
    the same UsageError, never the year's final "Không đạt" of the area's yearly values (review) —
    and gives the year's table asked for."""
    from ..cli.test_areas_within_year import ACTUALS as AREA_ACTUALS, TARGETS as AREA_TARGETS

    (tmp_path / "targets.yaml").write_text(AREA_TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(AREA_ACTUALS, encoding="utf-8")
    data = api.load(tmp_path)
    asked = ["--as-of", as_of] if as_of else []
    refused = CliRunner().invoke(app, ["status", "--data-dir", str(tmp_path), "--area", "xa-vi-thuy", "--lang", "en", *asked])
    assert refused.exit_code == 2
    with pytest.raises(api.UsageError) as raised:
        api.evaluate(data.seen_from("xa-vi-thuy"), as_of=as_of) if seen else api.evaluate(data, as_of=as_of, area="xa-vi-thuy")
    assert f"kpi: {raised.value}\n" == refused.stderr
    yearly = api.evaluate(data, as_of=2026, area="xa-vi-thuy")
    assert (yearly.as_of, yearly.period, yearly.find("urbanisation").status) == (2026, None, "missed")
    assert api.evaluate(data, as_of=as_of).find("urbanisation") is not None  # the territory itself is answered
    # `kpi audit --area` is answered, its figures the year's: api.audit of the data seen from the area too
    assert CliRunner().invoke(app, ["audit", "--data-dir", str(tmp_path), "--area", "xa-vi-thuy", *asked]).exit_code == 0
    assert api.audit(data.seen_from("xa-vi-thuy"), as_of=as_of).plan == "kh-2026"
