"""A count of cases (vụ, ca, người) cannot be negative: an at-most count whose trend runs below
zero (42 → 30 → 0 carries on linearly to −63 by 2030) is forecast at 0, held and said so — the
verdict Vượt without a figure, its reason the held forecast's, never "0 or below" seen; a unit
that may be negative (tỷ đồng, a balance) is not held (README "Forecast")."""

import pytest

from soctrang_kpi.core.classify import Status
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.files import load
from tests.conftest import kpi, plan_yaml

TARGETS = plan_yaml('{id: c, name: Số vụ tai nạn giao thông, unit: "UNIT"}', '{indicator: c, number: "1", kind: level, value: 20, direction: at_most}')
ACTUALS = "schema_version: 1\nseries:\n  c:\n    actual: {2025: 42, 2026: 30, 2027: 0}\n"


@pytest.mark.parametrize("unit", ["vụ", "vụ/năm", "Vụ việc", "ca", "người/năm"])
def test_a_count_s_trend_is_held_at_zero_and_said_so(unit):
    dataset, _ = load.load_texts(TARGETS.replace("UNIT", unit), ACTUALS)
    (row,) = evaluate(dataset, "p", 2027).results
    forecast = row.figures.forecast
    assert (forecast.value, forecast.source, forecast.unbounded) == (0.0, "trend", -63.0)
    assert (row.figures.trend, row.figures.trend_unbounded) == (0.0, -63.0)
    assert (row.status, row.excess, row.reason.code) == (Status.EXCEEDED, None, "forecast_held")


def test_an_amount_that_may_be_negative_is_not_held():
    dataset, _ = load.load_texts(TARGETS.replace("UNIT", "tỷ đồng"), ACTUALS)
    (row,) = evaluate(dataset, "p", 2027).results
    assert (row.figures.forecast.value, row.figures.forecast.unbounded, row.figures.trend_unbounded) == (-63.0, None, None)


@pytest.mark.parametrize(
    "lang, trend, forecast",
    [
        ("vi", "0 (giữ trong giới hạn của chỉ tiêu, tính ra -63)", "0 (xu hướng; giữ trong giới hạn của chỉ tiêu, tính ra -63) = ∞%"),
        ("en", "0 (held within what the indicator can be, computed -63)", "0 (trend; held within what the indicator can be, computed -63) = ∞%"),
    ],
)
def test_show_says_the_trend_and_forecast_are_held(tmp_path, lang, trend, forecast):
    (tmp_path / "targets.yaml").write_text(TARGETS.replace("UNIT", "vụ/năm"), encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    shown = kpi("--lang", lang, "show", "c", "--as-of", "2027", "--data-dir", str(tmp_path))  # a year ahead of today is no default
    assert shown.exit_code == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    assert trend in text and forecast in text and "-63 (" not in text


def test_a_count_per_year_is_shown_whole(tmp_path):
    """100 → 70 → 40 vụ/năm trends to 10,12 by 2030: a count, shown 10 (not 10,12)."""
    (tmp_path / "targets.yaml").write_text(TARGETS.replace("UNIT", "vụ/năm"), encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text("schema_version: 1\nseries:\n  c:\n    actual: {2025: 100, 2026: 70, 2027: 40}\n", encoding="utf-8")
    text = kpi("show", "c", "--as-of", "2027", "--data-dir", str(tmp_path)).stdout
    assert "Dự báo 10 (xu hướng)" in " ".join(text.split())


@pytest.mark.parametrize("unit", ["Hộ nghèo", "Xã đạt chuẩn nông thôn mới", "Doanh nghiệp giải thể", "nghìn người"])
def test_a_count_kpi_does_not_list_word_for_word_is_held_too(unit):
    """A unit that begins with a count ("hộ nghèo": households; "nghìn người": people, in thousands)
    is a count: its trend below zero is held at 0, and said so."""
    dataset, _ = load.load_texts(TARGETS.replace("UNIT", unit), ACTUALS)
    (row,) = evaluate(dataset, "p", 2027).results
    assert (row.figures.forecast.value, row.figures.forecast.unbounded) == (0.0, -63.0)
    assert (row.status, row.excess, row.reason.code) == (Status.EXCEEDED, None, "forecast_held")
