"""A verdict's reason says what its figure is: the target year observed, "kết quả năm cuối"
(the result), whatever the verdict; before it, "dự báo" (README "Final verdicts")."""

import pytest

from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.files import load
from soctrang_kpi.output.labels import REASONS, Lang, fill

TARGETS = """\
schema_version: 1
indicators:
  - {id: x, name: Chỉ tiêu, unit: "%"}
plans:
  - id: p
    name: Nghị quyết 2025–2030
    base_year: 2025
    target_year: 2030
    targets:
      - {indicator: x, number: "1", TARGET}
"""


@pytest.mark.parametrize(
    "target, year, value, code, text",
    [
        ("kind: level, value: 50", 2030, 55, "final_above", "kết quả năm cuối 110,00% > 100%"),
        ("kind: level, value: 50", 2030, 50, "final_meets", "kết quả năm cuối 100,00%"),
        ("kind: level, value: 50", 2030, 49, "final_below", "kết quả năm cuối 98,00% < 100%"),
        ("kind: level, value: 50, strict: true", 2030, 50, "final_at_bound", "kết quả năm cuối 100,00% chỉ bằng mức, chưa vượt qua"),
        ("kind: level, value: 50, approximate: true", 2030, 49.8, "final_about", 'kết quả năm cuối 99,60%, trong sai số cho phép của "khoảng"'),
        ("kind: band, range: [32, 33]", 2030, 32.5, "final_band_inside", "kết quả năm cuối trong khoảng mục tiêu"),
        # before the target year the same figures are a forecast
        ("kind: level, value: 50", 2027, 55, "forecast_above", None),
        ("kind: level, value: 50", 2027, 45.5, "forecast_below", None),
    ],
)
def test_the_reason_says_result_or_forecast(target, year, value, code, text):
    actuals = f"schema_version: 1\nseries:\n  x:\n    actual: {{2025: 45, {year}: {value}}}\n"
    dataset, _ = load.load_texts(TARGETS.replace("TARGET", target), actuals)
    (row,) = evaluate(dataset, "p", year).results
    assert row.reason.code == code
    if text is not None:
        assert fill(REASONS[row.reason.code], Lang.VI, row.reason.detail) == text
        assert "final result" in fill(REASONS[row.reason.code], Lang.EN, row.reason.detail)


@pytest.mark.parametrize(
    "status, target, value, code, vi, en",
    [
        ("estimate", "kind: level, value: 50", 55, "estimate_above", "số ước tính năm cuối 110,00% > 100%", "final-year estimate 110.00% > 100%"),
        ("estimate", "kind: level, value: 50", 50, "estimate_meets", "số ước tính năm cuối 100,00%", "final-year estimate 100.00%"),
        ("estimate", "kind: level, value: 50", 49, "estimate_below", "số ước tính năm cuối 98,00% < 100%", "final-year estimate 98.00% < 100%"),
        ("estimate", "kind: level, value: 50, strict: true", 50, "estimate_at_bound", "số ước tính năm cuối 100,00% chỉ bằng mức, chưa vượt qua",
         "final-year estimate 100.00% only reaches a strict bound"),
        ("estimate", "kind: band, range: [32, 33]", 32.5, "estimate_band_inside", "số ước tính năm cuối trong khoảng mục tiêu", "final-year estimate inside the band"),
        # a preliminary figure (sơ bộ) is not the year's result either
        ("preliminary", "kind: level, value: 50", 55, "preliminary_above", "số sơ bộ năm cuối 110,00% > 100%", "final-year preliminary figure 110.00% > 100%"),
        ("preliminary", "kind: level, value: 50", 50, "preliminary_meets", "số sơ bộ năm cuối 100,00%", "final-year preliminary figure 100.00%"),
        ("preliminary", "kind: level, value: 50", 49, "preliminary_below", "số sơ bộ năm cuối 98,00% < 100%", "final-year preliminary figure 98.00% < 100%"),
        ("preliminary", "kind: level, value: 50, strict: true", 50, "preliminary_at_bound", "số sơ bộ năm cuối 100,00% chỉ bằng mức, chưa vượt qua",
         "final-year preliminary figure 100.00% only reaches a strict bound"),
        ("preliminary", "kind: band, range: [32, 33]", 31, "preliminary_band_below", "số sơ bộ năm cuối dưới khoảng mục tiêu (96,88%)",
         "final-year preliminary figure below the band (96.88%)"),
    ],
)
def test_a_target_year_value_not_final_yet_is_said_to_be_one(status, target, value, code, vi, en):
    """The target year's value is an estimate (ước tính) or preliminary (sơ bộ): the reason says
    so, never "kết quả năm cuối" (the year's result), in both languages; the verdict is the same
    as an actual's."""
    actuals = f"schema_version: 1\nseries:\n  x:\n    actual: {{2025: 45}}\n    {status}: {{2030: {value}}}\n"
    dataset, _ = load.load_texts(TARGETS.replace("TARGET", target), actuals)
    (row,) = evaluate(dataset, "p", 2030).results
    assert row.reason.code == code
    assert fill(REASONS[row.reason.code], Lang.VI, row.reason.detail) == vi
    assert fill(REASONS[row.reason.code], Lang.EN, row.reason.detail) == en
    actual, _ = load.load_texts(TARGETS.replace("TARGET", target), f"schema_version: 1\nseries:\n  x:\n    actual: {{2025: 45, 2030: {value}}}\n")
    assert evaluate(actual, "p", 2030).results[0].status is row.status


def test_every_observed_reason_has_its_words_said_of_each_status():
    """Each reason said of the target year's result has its estimate's and its preliminary
    figure's words in both languages, and none of them says "kết quả" / "result"."""
    from soctrang_kpi.core.evaluate import NOT_FINAL_REASONS, OBSERVED_REASONS

    for table in NOT_FINAL_REASONS.values():
        assert set(table) == set(OBSERVED_REASONS.values())
        for code in table.values():
            assert "kết quả" not in REASONS[code]["vi"] and "result" not in REASONS[code]["en"]
