"""An audit finding's note says what the recomputed verdict says: a report's "Khó đạt" beside a
recomputed "Vượt" is never explained by "theo xu hướng hiện tại chưa đạt" (README "What the
audit finds in the report")."""

import pytest

from soctrang_kpi.core.audit import audit
from soctrang_kpi.core.classify import Status
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.files import load
from soctrang_kpi.output.labels import NOTES, Lang, fill

TARGETS = """\
schema_version: 1
indicators:
  - {id: exports, name: Kim ngạch xuất khẩu, unit: Tỷ USD}
plans:
  - id: term
    name: Nghị quyết nhiệm kỳ 2025–2030
    base_year: 2025
    target_year: 2030
    targets:
      - {indicator: exports, number: "4", kind: level, value: %s}
"""
ACTUALS = """\
schema_version: 1
series:
  exports:
    actual: {2025: 5.5, 2026: 6.08}
    published:
      term:
        table: {assessment: "%s"}
"""


@pytest.mark.parametrize(
    "target, printed, status, note, text",
    [
        # 6,08 · (6,08 / 5,5)⁴ = 9,08 by the trend (no roadmap), 110,73 % of 8,2: the report's "Khó đạt" is not the trend's
        ("8.2", "Khó đạt", Status.EXCEEDED, "forecast_met_said_short", "dự báo đạt 110,73% mục tiêu nhưng báo cáo đánh giá chưa đạt"),
        ("8.2", "Không đạt", Status.EXCEEDED, "forecast_met_said_short", "dự báo đạt 110,73% mục tiêu nhưng báo cáo đánh giá chưa đạt"),
        # the trend falls short of a report's "Đạt": the trend's note, as before
        ("12", "Đạt", Status.AT_RISK, "trend_forecast", "không có lộ trình; theo xu hướng hiện tại chưa đạt"),
        ("12", "Vượt 5%", Status.AT_RISK, "trend_forecast", "không có lộ trình; theo xu hướng hiện tại chưa đạt"),
    ],
)
def test_the_note_agrees_with_the_recomputed_verdict(target, printed, status, note, text):
    dataset, _ = load.load_texts(TARGETS % target, ACTUALS % printed)
    result = evaluate(dataset, "term")
    (row,) = result.results
    assert row.status is status and row.figures.forecast.source == "trend"
    (finding,) = audit(result, dataset).of("exports")
    assert finding.note == note
    assert fill(NOTES[finding.note], Lang.VI, finding.detail) == text


def test_a_report_that_calls_a_met_target_short_is_said_in_english():
    dataset, _ = load.load_texts(TARGETS % "8.2", ACTUALS % "Khó đạt")
    (finding,) = audit(evaluate(dataset, "term"), dataset).of("exports")
    assert fill(NOTES[finding.note], Lang.EN, finding.detail) == "the forecast reaches 110.73% of the target but the report says it falls short"
