"""A report that says "Đạt" of a row kpi rates "Vượt" without a figure — a group whose parts
meet their targets and one exceeds, an at-most target reached at zero — is a finding with the
note ``above_target``, which cites no percentage (``above_100`` cites the excess)."""

from __future__ import annotations

import pytest

from soctrang_kpi.core.audit import audit
from soctrang_kpi.core.classify import Status
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.files import load

TARGETS = """
schema_version: 1
indicators:
  - {id: rural, name: Nông thôn mới}
  - {id: r1, name: Xã đạt chuẩn, unit: "%", parent: rural}
  - {id: r2, name: Huyện đạt chuẩn, unit: "%", parent: rural}
  - {id: fires, name: Số vụ cháy nổ, unit: vụ}
  - {id: online, name: Hồ sơ trực tuyến, unit: "%"}
plans:
  - id: p
    name: P
    base_year: 2020
    target_year: 2025
    targets:
      - {indicator: rural, number: "1", kind: group}
      - {indicator: r1, number: "1.1", kind: level, value: 50}
      - {indicator: r2, number: "1.2", kind: level, value: 50}
      - {indicator: fires, number: "2", kind: level, value: 10, direction: at_most}
      - {indicator: online, number: "3", kind: level, value: 80}
"""
SAID_MET = "    published: {p: {table: {assessment: Đạt}}}\n"
ACTUALS = f"""
schema_version: 1
series:
  rural:
{SAID_MET}  r1:
    actual: {{2020: 40, 2021: 50, 2022: 60}}
    plan: {{2025: 70}}
  r2:
    actual: {{2020: 40, 2021: 45, 2022: 50}}
    plan: {{2025: 50}}
  fires:
    actual: {{2020: 12, 2021: 5, 2022: 0}}
{SAID_MET}  online:
    actual: {{2020: 41, 2021: 55, 2022: 68}}
    plan: {{2025: 100}}
{SAID_MET}"""


@pytest.mark.parametrize("ident", ["rural", "fires"])
def test_achieved_said_of_a_row_exceeded_without_a_figure(ident):
    dataset = load.load_texts(TARGETS, ACTUALS)[0]
    pr = evaluate(dataset, "p")
    assert pr.find(ident).status is Status.EXCEEDED and pr.find(ident).excess is None
    (finding,) = audit(pr, dataset).of(ident)
    assert (finding.note, finding.detail) == ("above_target", "")
    (sized,) = audit(pr, dataset).of("online")  # 125 %: the excess cited
    assert (sized.note, sized.detail) == ("above_100", pytest.approx(25.0))
