"""A row listed without a target in an annual plan's monthly report (README "Within the year"):
listed and counted as the yearly table lists it, never rated — its month figures shown when it
has them (reason ``not_rated``, "Không đánh giá"), else reason ``no_target`` ("Chưa có số liệu")."""

from soctrang_kpi.core.periods import Period, Verdict, plan_report
from soctrang_kpi.files import load
from tests.conftest import plan_yaml

TARGETS = plan_yaml(
    """
    {id: exports, name: Kim ngạch xuất khẩu, unit: Triệu USD, within_year: flow}
    {id: fdi, name: Thu hút vốn FDI, unit: Triệu USD, within_year: flow}
    """,
    """
    {indicator: exports, number: "1", kind: level, value: 3300}
    {indicator: fdi, number: "2"}
    """,
    2025, 2026, "annual-2026", "Kế hoạch năm 2026",
)

ACTUALS = """\
schema_version: 1
series:
  exports:
    actual: {{2025: 3000}}
    ytd: {{actual: {{2026-06: 1450}}}}
{fdi}"""


def actuals(fdi: str = "") -> str:
    """actuals.yaml with ``fdi``'s lines (none: no values at all)."""
    return ACTUALS.format(fdi=f"  fdi:\n{fdi}\n" if fdi else "")


def report(fdi: str = "", month: int = 6):
    dataset, _ = load.load_texts(TARGETS, actuals(fdi))
    return plan_report(dataset, dataset.plans["annual-2026"], Period(2026, month, month))


def test_a_row_without_a_target_is_in_the_monthly_report_without_a_verdict():
    found = report()
    assert list(found) == ["exports", "fdi"]  # listed, in the plan's order
    row = found["fdi"]
    assert (row.verdict, row.reason, row.plan, row.to_date, row.plan_pct) == (Verdict.NO_DATA, "no_target", None, None, None)
    assert row.elapsed_pct == 50


def test_its_month_figures_are_shown_and_never_rated():
    row = report("    ytd: {actual: {2026-05: 400, 2026-06: 500}}")["fdi"]
    assert row.to_date is not None and row.to_date.value == 500
    assert (row.verdict, row.reason, row.plan, row.plan_pct, row.estimate_pct) == (Verdict.NO_DATA, "not_rated", None, None, None)


def test_a_years_value_makes_it_not_rated_as_the_yearly_table_says_it():
    """The yearly table says "Không đánh giá" of a row without a target that has a value of a year
    up to its own: the monthly report says the same, without month figures; a plan's value is none."""
    row = report("    actual: {2025: 900}")["fdi"]
    assert (row.to_date, row.verdict, row.reason) == (None, Verdict.NO_DATA, "not_rated")
    assert report("    plan: {2026: 1000}")["fdi"].reason == "no_target"
    assert report("    actual: {2027: 900}")["fdi"].reason == "no_target"


def test_a_value_after_the_period_does_not_count_for_it():
    row = report("    ytd: {actual: {2026-09: 700}}", month=6)["fdi"]
    assert (row.to_date, row.reason) == (None, "no_target")
    assert report("    ytd: {actual: {2026-09: 700}}", month=9)["fdi"].reason == "not_rated"
