"""An annual plan linked to the term: `kpi show` says what the term requires of the year beside
the annual target ("trên 8 % để GRDP bình quân cả nhiệm kỳ đạt 6,5–7 %/năm")."""

import json
from pathlib import Path

import pytest

from soctrang_kpi.core.periods import term_needs
from soctrang_kpi.files import load

from ..conftest import kpi, kpi_en

TARGETS = """\
schema_version: 1
indicators:
  - {id: grdp-growth, name: Tốc độ tăng trưởng GRDP, unit: "%"}
  - {id: grdp-per-capita, name: GRDP bình quân đầu người, unit: Triệu đồng}
plans:
  - id: term-2020-2025
    name: Nghị quyết nhiệm kỳ 2020–2025
    base_year: 2020
    target_year: 2025
    targets:
      - {indicator: grdp-growth, number: "1", kind: growth, range: [6.5, 7]}
      - {indicator: grdp-per-capita, number: "2", kind: level, value: 80}
  - id: plan-2024
    name: Kế hoạch năm 2024
    base_year: 2023
    target_year: 2024
    targets:
      - {indicator: grdp-growth, number: "1", kind: growth, value: 8, strict: true, printed: "Trên 8 %"}
      - {indicator: grdp-per-capita, number: "2", kind: level, value: 70}
"""
ACTUALS = """\
schema_version: 1
series:
  grdp-growth:
    actual: {2021: 2.0, 2022: 7.0, 2023: 6.5}
  grdp-per-capita:
    actual: {2020: 50, 2023: 62}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return tmp_path


def test_the_term_needs_of_the_year_by_hand():
    """After 2,0 %, 7,0 % and 6,5 %, an average of 6,5 % over five years needs
    ((1,065⁵ / (1,02 · 1,07 · 1,065))^(1/2) − 1) = 8,57 % in each of 2024 and 2025: the annual
    plan's "trên 8 %" is below it. A level of 80 by 2025 from 62 in 2023 needs 62 · √(80/62) =
    70,43 in 2024 on the way."""
    dataset, _ = load.load_texts(TARGETS, ACTUALS)
    (growth,) = term_needs(dataset, dataset.plans["plan-2024"], "grdp-growth")
    expected = ((1.065 ** 5 / (1.02 * 1.07 * 1.065)) ** 0.5 - 1) * 100
    assert growth.plan.id == "term-2020-2025" and growth.remaining == 2
    assert growth.rate == pytest.approx(expected) and round(growth.rate, 2) == 8.57 and growth.level is None
    (level,) = term_needs(dataset, dataset.plans["plan-2024"], "grdp-per-capita")
    assert level.level == pytest.approx(62 * (80 / 62) ** 0.5) and round(level.level, 2) == 70.43
    assert term_needs(dataset, dataset.plans["term-2020-2025"], "grdp-growth") == ()  # only an annual plan


def test_show_says_it_beside_the_annual_target(folder):
    text = " ".join(kpi("show", "1", "--plan", "plan-2024", "--data-dir", str(folder)).stdout.split())
    assert "Kế hoạch năm 2024 Trên 8 % — tăng trưởng bình quân (bình quân nhân) Nhiệm kỳ cần năm 2024 8,57%/năm trong 2 năm còn lại để đạt 6,5–7 của Nghị quyết nhiệm kỳ 2020–2025" in text
    en = " ".join(kpi_en("show", "2", "--plan", "plan-2024", "--data-dir", str(folder)).stdout.split())
    assert "The term needs in 2024 70.43 (growing 13.59% a year to 2025) to reach 80 of Nghị quyết nhiệm kỳ 2020–2025" in en
    data = json.loads(kpi("show", "1", "--plan", "plan-2024", "--data-dir", str(folder), "--json").stdout)
    assert data["term_needs"] == [{"plan": "term-2020-2025", "year": 2024, "remaining_years": 2, "required_growth_pct": 8.569351, "level": None}]


def test_the_term_plan_itself_says_nothing_of_it(folder):
    data = json.loads(kpi("show", "1", "--data-dir", str(folder), "--json").stdout)
    assert "term_needs" not in data
