"""What `kpi status` and `kpi show` say, where the words disagreed with each other or with the
figures (found by a QA pass): each test writes a small data folder under tmp_path."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app


def kpi(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"KPI_CACHE": "0"})


def write(folder, targets: str, actuals: str):
    (folder / "targets.yaml").write_text("schema_version: 1\n" + targets, encoding="utf-8")
    (folder / "actuals.yaml").write_text("schema_version: 1\nseries:\n" + actuals, encoding="utf-8")
    return str(folder)


# --- baseline.fallback of a growth of a level ------------------------------------------------------

GROWTH_OF_LEVEL = """indicators:
  - {id: budget, name: Thu ngân sách, name_en: Budget revenue, unit: Nghìn tỷ đồng, unit_en: trillion VND}
plans:
  - id: p
    name: Nghị quyết
    base_year: 2025
    target_year: 2030
    targets:
      - {indicator: budget, number: "1", kind: growth, basis: level, value: 15, printed: "Tăng 15%/năm"}
"""


def test_status_json_says_a_growth_of_a_level_baseline_is_a_fallback(tmp_path):
    # levels from the base year: its rate needs 2024's level, so 2026's rate stands in
    folder = write(tmp_path, GROWTH_OF_LEVEL, "  budget:\n    actual: {2025: 30, 2026: 34.5}\n")
    done = kpi("status", "--data-dir", folder, "--json")
    assert done.exit_code == 0
    assert json.loads(done.stdout)["indicators"][0]["baseline"] == {"year": 2026, "value": 15.0, "fallback": True}
    # 2024's level too: the base year has its own rate, 30 / 25 − 1
    write(tmp_path, GROWTH_OF_LEVEL, "  budget:\n    actual: {2024: 25, 2025: 30, 2026: 34.5}\n")
    done = kpi("status", "--data-dir", folder, "--json")
    assert json.loads(done.stdout)["indicators"][0]["baseline"] == {"year": 2025, "value": 20.0, "fallback": False}


@pytest.mark.parametrize(
    "lang, said",
    [
        ("vi", "năm 2025 chưa có tốc độ tăng (thiếu số liệu năm 2024); dùng năm 2026 (15,00)"),
        ("en", "2025 has no growth rate (no value for 2024); 2026's (15.00) stands in"),
    ],
)
def test_show_says_which_rate_stands_in_for_the_base_year(tmp_path, lang, said):
    folder = write(tmp_path, GROWTH_OF_LEVEL, "  budget:\n    actual: {2025: 30, 2026: 34.5}\n")
    done = kpi("show", "budget", "--data-dir", folder, "--lang", lang, "--format", "markdown")
    assert done.exit_code == 0
    assert said in done.stdout
