"""Within the year a range's % KH năm is stated against the bound the plan's `range_basis` names,
as its yearly percentage is (README "range_basis", "Within the year"): «đạt 65,9 % kế hoạch» for
20.105 of 30.000–30.500 is `range_basis: upper`; the verdict is met at the near bound either way."""

import json

import pytest

from ..conftest import kpi, plan_yaml

ACTUALS = """schema_version: 1
series:
  retail:
    actual: {2025: 40000}
    ytd:
      actual: {2025-09: 27000, 2026-09: 20105}
"""


def _folder(tmp_path, basis: str | None) -> str:
    targets = plan_yaml(
        "{id: retail, name: Tổng mức bán lẻ hàng hóa, name_en: Retail sales, unit: Tỷ đồng, unit_en: billion VND}",
        '{indicator: retail, number: "1", kind: level, range: [30000, 30500]}',
        end=2026, ident="kh-2026", name="Kế hoạch năm 2026",
    )
    if basis:
        targets = targets.replace("    targets:", f"    settings: {{range_basis: {basis}}}\n    targets:", 1)
    (tmp_path / "targets.yaml").write_text(targets, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize(
    "basis, pct, estimate_pct, printed",
    [(None, 67.016667, 99.283951, "67,02%"), ("lower", 67.016667, 99.283951, "67,02%"), ("upper", 65.918033, 97.656345, "65,92%")],
)
def test_the_year_s_plan_percentage_is_of_the_bound_range_basis_names(tmp_path, basis, pct, estimate_pct, printed):
    folder = _folder(tmp_path, basis)
    result = kpi("status", "--data-dir", folder, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    row = data["indicators"][0]
    assert data["report"] == "month" and (row["plan"], row["plan_upper"]) == (30000, 30500)
    assert row["plan_pct"] == pct and row["estimate"]["pct"] == estimate_pct
    # the estimate, 20.105 ÷ 27.000 · 40.000 = 29.785, short of the near bound 30.000 whatever the basis
    assert row["verdict"] == "behind"
    table = kpi("status", "--data-dir", folder)
    assert table.exit_code == 0 and printed in next(line for line in table.stdout.splitlines() if "bán lẻ" in line)
