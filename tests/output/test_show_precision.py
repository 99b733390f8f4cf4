"""`kpi show` writes every value of an indicator at the indicator's own `precision`, as `kpi
status` does: HDI 0,781 and 0,788, never 0,78 "= 100,13%" beside a target of 0,78."""

from pathlib import Path

import pytest

from ..conftest import kpi, kpi_en

TARGETS = """\
schema_version: 1
indicators:
  - {id: hdi, name: Chỉ số phát triển con người (HDI), unit: Chỉ số, precision: 3}
plans:
  - id: term
    name: Nghị quyết nhiệm kỳ 2025–2030
    base_year: 2025
    target_year: 2030
    settings: {precision: 2}  # percentages at two decimals, the HDI's values at three
    targets:
      - {indicator: hdi, number: "16", kind: level, value: 0.78, printed: "Tối thiểu 0,78"}
"""


def _folder(tmp_path: Path, actual: str) -> Path:
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(f"schema_version: 1\nseries:\n  hdi:\n    actual: {actual}\n    estimate: {{2026: 0.751}}\n", encoding="utf-8")
    return tmp_path


def _facts(text: str) -> dict[str, str]:
    return {line[:33].strip(): line[33:].strip() for line in text.splitlines() if len(line) > 33}


@pytest.mark.parametrize(
    "actual, as_of, trend, forecast, status_forecast",
    [
        ("{2025: 0.742, 2030: 0.781}", "2030", "0,781", "0,781", "0,781"),
        ("{2025: 0.742}", "2026", "0,788", "0,788 (xu hướng) = 101,04%", "0,788"),
    ],
)
def test_show_writes_the_trend_and_forecast_at_the_indicators_precision(tmp_path, actual, as_of, trend, forecast, status_forecast):
    folder = _folder(tmp_path, actual)
    shown = kpi("show", "hdi", "--data-dir", str(folder), "--as-of", as_of)
    assert shown.exit_code == 0, shown.stderr
    facts = _facts(shown.stdout)
    assert facts["Theo xu hướng đến 2030"] == trend
    assert facts["Dự báo"].startswith(forecast)
    # the chart's values too
    assert "│ 0,742" in shown.stdout and "│ 0,751" in shown.stdout
    # as `kpi status` writes the same forecast
    status = kpi("status", "--data-dir", str(folder), "--as-of", as_of, "--format", "csv")
    assert status_forecast.replace(",", ".") in status.stdout


def test_the_baseline_that_stands_in_is_written_at_the_precision_in_english(tmp_path):
    folder = _folder(tmp_path, "{2027: 0.762}")
    text = kpi_en("show", "hdi", "--data-dir", str(folder), "--as-of", "2027").stdout
    facts = _facts(text)
    assert facts["Baseline"] == "no value for 2025; 2026 (0.751) stands in"
    assert (facts["Trend to 2030"], facts["Forecast"]) == ("0.796", "0.796 (trend) = 102.05%")
    assert "│ 0.762" in text
