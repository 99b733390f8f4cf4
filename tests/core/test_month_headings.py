"""A heading in an annual plan's monthly report (README "Within the year"): a composition (or a
group) rated by its parts has a row of its own with no figure and no verdict within the year
(reason ``by_parts``: no rule of the within-year verdicts rates a whole by its parts by the
month); its parts keep their own figures and verdicts."""

from soctrang_kpi.core.periods import Period, Verdict, plan_report
from soctrang_kpi.files import load

TARGETS = """\
schema_version: 1
indicators:
  - {id: exports, name: Kim ngạch xuất khẩu, unit: Triệu USD}
  - {id: structure, name: Cơ cấu kinh tế, unit: "%"}
  - {id: agri, name: Nông nghiệp, unit: "%", parent: structure}
  - {id: industry, name: Công nghiệp - xây dựng, unit: "%", parent: structure}
  - {id: services, name: Dịch vụ, unit: "%", parent: structure}
  - {id: coverage, name: Tỷ lệ tham gia BHYT, unit: "%"}
plans:
  - id: annual-2026
    name: Kế hoạch năm 2026
    base_year: 2025
    target_year: 2026
    targets:
      - {indicator: exports, number: "1", kind: level, value: 3300}
      - {indicator: structure, number: "2", kind: composition}
      - {indicator: agri, number: "2.1", kind: level, direction: at_most, value: 30}
      - {indicator: industry, number: "2.2", kind: level, value: 25}
      - {indicator: services, number: "2.3", kind: level, value: 45}
      - {indicator: coverage, number: "3", kind: level, value: 95}
"""

MONTHS = ", ".join(f"2025-{m:02d}: 250" for m in range(1, 13)) + ", " + ", ".join(f"2026-{m:02d}: 270" for m in range(1, 7))
ACTUALS = """\
schema_version: 1
series:
  exports:
    actual: {{2025: 3000, {months}}}
  agri:
    actual: {{2025: 31, 2025-12: 31, 2026-06: {agri}}}
  industry:
    actual: {{2025: 24, 2025-12: 24, 2026-06: 24.5}}
  services:
    actual: {{2025: 45, 2025-12: 45, 2026-06: 44.5}}
  coverage:
    actual: {{2025: 93, 2025-12: 93, 2026-06: 94}}
"""


def report(agri: float = 31.0):
    dataset, _ = load.load_texts(TARGETS, ACTUALS.format(agri=agri, months=MONTHS))
    return plan_report(dataset, dataset.plans["annual-2026"], Period(2026, 6, 6))


def test_a_composition_has_a_row_without_a_month_verdict_and_its_parts_keep_theirs():
    found = report()
    assert list(found) == ["exports", "structure", "agri", "industry", "services", "coverage"]  # the plan's order
    heading = found["structure"]
    assert (heading.verdict, heading.reason, heading.meaning, heading.plan, heading.to_date) == (Verdict.NO_DATA, "by_parts", None, None, None)
    assert heading.elapsed_pct == 50
    assert found["industry"].verdict is Verdict.ON_COURSE and found["industry"].reason == ""


def test_the_headings_row_is_the_same_whatever_its_parts_say():
    """No default turns its parts' months into a verdict of the whole: a part far behind or on
    course, the heading says the same."""
    behind, on_course = report(agri=40.0)["structure"], report(agri=30.0)["structure"]
    assert report(agri=40.0)["agri"].verdict is Verdict.BEHIND
    assert behind == on_course
