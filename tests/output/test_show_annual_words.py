"""`kpi show` of an annual plan speaks of a plan, not a resolution: "Kế hoạch năm 2026", "% so
KH"; the term's need of the year is said where it can be ("≥ 100, như mọi năm" of a threshold)
and not printed where it cannot ("- (không tính được)")."""

import re
from pathlib import Path

import pytest

from ..conftest import kpi, kpi_en

TARGETS = """\
schema_version: 1
indicators:
  - {id: disbursement, name: Giải ngân vốn đầu tư công, unit: "% kế hoạch"}
  - {id: services, name: Tỷ trọng dịch vụ, unit: "%"}
plans:
  - id: nq
    name: Nghị quyết nhiệm kỳ 2025–2030
    base_year: 2025
    target_year: 2030
    targets:
      - {indicator: disbursement, number: "13", kind: threshold, strict: false, value: 100}
      - {indicator: services, number: "8", kind: band, range: [32, 33]}
  - id: kh-2026
    name: Kế hoạch năm 2026
    base_year: 2025
    target_year: 2026
    targets:
      - {indicator: disbursement, number: "5", kind: level, value: 100}
      - {indicator: services, number: "6", kind: level, value: 32}
"""
ACTUALS = """\
schema_version: 1
series:
  disbursement:
    actual: {2025: 92.4}
    estimate: {2026: 95.2}
  services:
    actual: {2025: 31.5}
    estimate: {2026: 31.9}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return tmp_path


def _facts(text: str) -> dict[str, str]:
    """The facts table under the title, each label with its text (continuation lines joined)."""
    facts: dict[str, str] = {}
    label = ""
    for line in text.splitlines()[2:]:
        if not line.strip():
            break
        if line.startswith(" "):
            facts[label] += " " + line.strip()
            continue
        label, rest = (re.split(r"\s{2,}", line, maxsplit=1) + [""])[:2]
        facts[label] = rest.strip()
    return facts


@pytest.mark.parametrize(
    "run, target, pct, need",
    [
        (kpi, ("Kế hoạch năm 2026", "100 % kế hoạch — mức cần đạt"), ("% so KH", "95,20%"),
         ("Nhiệm kỳ cần năm 2026", "≥ 100, như mọi năm của Nghị quyết nhiệm kỳ 2025–2030")),
        (kpi_en, ("Plan 2026", "100 % kế hoạch — level"), ("% of plan", "95.20%"),
         ("The term needs in 2026", "≥ 100, as every year of Nghị quyết nhiệm kỳ 2025–2030")),
    ],
)
def test_an_annual_plan_is_a_plan_and_its_threshold_is_needed_every_year(folder, run, target, pct, need):
    text = run("show", "disbursement", "--plan", "kh-2026", "--as-of", "2026", "--data-dir", str(folder)).stdout
    facts = _facts(text)
    assert facts[target[0]] == target[1] and facts[pct[0]] == pct[1] and facts[need[0]] == need[1]
    assert not {"Nghị quyết", "% so NQ", "Target", "% of target"} & set(facts)
    year_header = next(line for line in text.splitlines() if line.startswith(("Năm ", "Year ")))
    assert year_header.endswith(pct[0])


def test_a_need_that_cannot_be_computed_is_not_printed(folder):
    """A band of the term says nothing of one year: no "- (… không tính được)" line."""
    text = kpi("show", "services", "--plan", "kh-2026", "--as-of", "2026", "--data-dir", str(folder)).stdout
    assert "Nhiệm kỳ cần" not in text and "không tính được" not in text
    assert _facts(text)["Kế hoạch năm 2026"].startswith("32 %")


def test_the_resolution_keeps_its_words(folder):
    text = kpi("show", "disbursement", "--plan", "nq", "--as-of", "2026", "--data-dir", str(folder)).stdout
    facts = _facts(text)
    assert facts["Nghị quyết"].startswith("≥ 100") and "% so NQ" in facts and "Nhiệm kỳ cần năm 2026" not in facts
