"""Annual plans and the end of a term: counts "N chỉ tiêu: a vượt, b đạt, c chưa đạt"."""

from soctrang_kpi.files import load
from soctrang_kpi.core.classify import Status
from soctrang_kpi.core.audit import audit
from soctrang_kpi.core.evaluate import evaluate

from ..conftest import ROOT

ANNUAL = """
  - id: annual-2023-sample
    name: Nghị quyết năm 2023 (ví dụ)
    base_year: 2022
    target_year: 2023
    published_summary: {total: 4, exceeded: 1, achieved: 1, not_achieved: 2}
    targets:
      - {indicator: exports, number: "1", kind: level, value: 1.45}
      - {indicator: seafood-output, number: "2", kind: level, value: 362000}
      - {indicator: grdp-growth, number: "3", kind: growth, value: 7.5}
      - {indicator: budget-revenue, number: "4", kind: level, value: 5000}
"""


def _dataset(extra_plan: str):
    targets = (ROOT / "targets.yaml").read_text(encoding="utf-8") + extra_plan
    actuals = (ROOT / "actuals.yaml").read_text(encoding="utf-8")
    return load.load_texts(targets, actuals)[0]


def test_an_annual_plan_is_rated_on_its_year_and_its_counts_checked():
    result = evaluate(_dataset(ANNUAL), "annual-2023-sample")
    statuses = {r.id: r.status for r in result.results}
    assert result.as_of == 2023
    assert statuses == {
        "exports": Status.EXCEEDED,  # 1,50 of 1,45
        "seafood-output": Status.ACHIEVED,  # 362.000 of 362.000
        "grdp-growth": Status.MISSED,  # 7,10 % against 7,5 %: the year is over
        "budget-revenue": Status.MISSED,  # 4.420 of 5.000
    }
    assert audit(result, _dataset(ANNUAL)).plan == ()  # the published counts agree


def test_published_counts_that_disagree_are_reported():
    plan = ANNUAL.replace("exceeded: 1, achieved: 1, not_achieved: 2", "exceeded: 2, achieved: 1, not_achieved: 1")
    data = _dataset(plan)
    findings = {f.field: (f.published, f.computed) for f in audit(evaluate(data, "annual-2023-sample"), data).plan}
    assert findings == {"summary.exceeded": (2, 1), "summary.not_achieved": (1, 2)}


def test_at_the_end_of_the_term_without_final_values_nothing_is_final(dataset):
    """README "Final verdicts": planned values never make a final Đạt / Vượt / Không đạt."""
    result = evaluate(dataset, "term-2020-2025", as_of=2025)
    by_no = {r.row.no: r for r in result.results}
    assert by_no["1"].status is Status.AT_RISK  # 7,19 % against 8 %, but 2024–2025 are planned
    assert by_no["1"].reason.code == "final_pending_below"
    assert by_no["5"].status is Status.NO_DATA  # the 2025 roadmap value meets the target: not final
    assert by_no["5"].reason.code == "final_pending"
    assert by_no["5"].figures.forecast.source == "plan"  # the forecast, with its source, is kept
    assert result.summary[Status.MISSED] == result.summary[Status.EXCEEDED] == 0


def test_an_annual_plan_s_percentage_of_target_is_of_its_own_year_alone():
    """Last year's value against this year's plan is no percentage of it (README "The annual
    plan's own table"), whatever output reads the figure: the engine gives none."""
    dataset = _dataset(ANNUAL)
    before = evaluate(dataset, "annual-2023-sample", 2022)
    assert [r.latest.year for r in before.results if r.latest] == [2022, 2022, 2022, 2022]
    assert [r.figures.attainment_pct for r in before.results] == [None, None, None, None]
    own = {r.id: r.figures.attainment_pct for r in evaluate(dataset, "annual-2023-sample", 2023).results}
    assert round(own["exports"], 2) == 103.45 and own["budget-revenue"] == 4420 / 5000 * 100  # 1,50 of 1,45; 4.420 of 5.000
    # a term plan's % of target now is its latest value's, whichever year that is
    term = evaluate(dataset, "term-2020-2025", 2022)
    assert all(r.figures.attainment_pct is not None for r in term.results if r.id == "exports")
