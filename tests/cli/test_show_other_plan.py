"""`kpi show ID` of an indicator that is in targets.yaml but not in the plan shown (the default,
the first) says so and names the plan(s) it is in, with the option to use, in both languages —
never "no indicator matches", which reads as a typo (found by a QA pass in Cần Thơ)."""

import pytest

from tests.conftest import kpi

TARGETS = """\
schema_version: 1
indicators:
  - {id: grdp-growth, name: Tốc độ tăng trưởng GRDP, unit: "%"}
  - {id: exports, name: Kim ngạch xuất khẩu, name_en: Exports, unit: Triệu USD}
  - {id: retail, name: Tổng mức bán lẻ, unit: Tỷ đồng}
plans:
  - id: term-2025-2030
    name: Nghị quyết nhiệm kỳ
    base_year: 2025
    target_year: 2030
    targets:
      - {indicator: grdp-growth, number: "1", kind: growth, value: 10}
  - id: kh-2026
    name: Kế hoạch năm 2026
    base_year: 2025
    target_year: 2026
    targets:
      - {indicator: exports, number: "1", kind: level, value: 6200}
      - {indicator: retail, number: "2", kind: level, value: 400000}
  - id: kh-2027
    name: Kế hoạch năm 2027
    base_year: 2026
    target_year: 2027
    targets:
      - {indicator: exports, number: "1", kind: level, value: 6800}
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text("schema_version: 1\nseries:\n  exports: {actual: {2025: 5500}}\n", encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize("lang, said", [
    ("vi", "kpi: 'retail' không có trong kế hoạch term-2025-2030; có trong kế hoạch kh-2026: dùng --plan kh-2026"),
    ("en", "kpi: 'retail' is not in the plan term-2025-2030; it is in plan kh-2026: use --plan kh-2026"),
])
def test_an_id_of_another_plan_names_that_plan(folder, lang, said):
    result = kpi("show", "retail", "--data-dir", folder, "--lang", lang)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [said]
    assert result.stdout == ""


def test_an_id_of_several_other_plans_names_each(folder):
    result = kpi("show", "exports", "--data-dir", folder, "--plan", "term-2025-2030", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["kpi: 'exports' is not in the plan term-2025-2030; it is in plans kh-2026, kh-2027: use --plan kh-2026"]
    assert kpi("show", "exports", "--data-dir", folder, "--plan", "kh-2026").exit_code == 0


def test_a_name_or_typo_still_matches_nothing(folder):
    result = kpi("show", "exprts", "--data-dir", folder)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "kpi: không có chỉ tiêu nào khớp với 'exprts'"
