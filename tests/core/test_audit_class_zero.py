"""A report's class compared with the computed one cites the forecast it rests on — also a
forecast of exactly 0 %: 0 is a figure, only None is missing (``"" if pct is None``, never
``pct or ""``)."""

import pytest

from soctrang_kpi.core.audit import audit
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.files import load
from soctrang_kpi.output.labels import NOTES, Lang, fill

TARGETS = """\
schema_version: 1
indicators:
  - {id: x, name: Số xã, unit: Xã}
plans:
  - id: term
    name: Nghị quyết 2025–2030
    base_year: 2025
    target_year: 2030
    settings:
      classes: [{name: Xấp xỉ đạt, name_en: Nearly achieved, at_least: 95}]
    targets:
      - {indicator: x, number: "1", kind: level, value: 40}
"""
ACTUALS = """\
schema_version: 1
series:
  x:
    actual: {2025: 10, 2026: %s}
    plan: {2030: %s}
    published:
      term:
        table: {as_of: 2026, assessment: Xấp xỉ đạt}
"""


@pytest.mark.parametrize(
    "planned, lang, text",
    [
        (0, Lang.VI, "theo các lớp của kế hoạch, với dự báo 0,00%"),
        (0, Lang.EN, "the plan's classes, by the forecast of 0.00%"),
        (20, Lang.VI, "theo các lớp của kế hoạch, với dự báo 50,00%"),
    ],
)
def test_a_class_finding_cites_a_forecast_of_zero(planned, lang, text):
    dataset, _ = load.load_texts(TARGETS, ACTUALS % (12, planned))
    result = evaluate(dataset, "term", 2026)
    assert result.results[0].figures.forecast.pct == planned / 40 * 100
    (finding,) = audit(result, dataset).of("x")
    assert finding.note == "class_differs" and finding.detail == planned / 40 * 100
    assert fill(NOTES[finding.note], lang, finding.detail) == text
