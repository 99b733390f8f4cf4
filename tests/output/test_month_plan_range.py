"""A year's plan computed from a range ("Tăng 6,5–7%" of last year's 4.000) is printed with both its
bounds in the monthly report, 4.260–4.280, as its chart draws the band — the table printed the
lower bound alone, 4.260, as if the plan were one number (found by a QA pass)."""

import csv
import io

import openpyxl
import pytest

from ..conftest import kpi, plan_yaml

TARGETS = plan_yaml(
    '{id: exports, name: Kim ngạch xuất khẩu, name_en: Exports, unit: Triệu USD, unit_en: million USD, within_year: flow}',
    '{indicator: exports, number: "1", kind: growth, basis: level, range: [6.5, 7], printed: "Tăng 6,5–7%"}',
    end=2026, ident="kh-2026", name="Kế hoạch năm 2026",
)
ACTUALS = "schema_version: 1\nseries:\n  exports:\n    actual: {2025: 4000}\n    ytd: {actual: {2025-11: 3600, 2026-11: 3850}}\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize(("lang", "shown"), [("vi", "4.260–4.280"), ("en", "4,260–4,280")])
def test_the_table_prints_both_bounds(folder, lang, shown):
    result = kpi("status", "--data-dir", folder, "--as-of", "2026-11", "--lang", lang, "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if "| 1 |" in line)
    assert f"| {shown} |" in row, row


def test_csv_writes_the_bounds_for_machines_and_the_workbook_keeps_the_lower_as_its_number(folder, tmp_path):
    result = kpi("status", "--data-dir", folder, "--as-of", "2026-11", "--format", "csv")
    row = next(r for r in csv.reader(io.StringIO(result.stdout)) if r and r[0] == "1")
    assert "4260–4280" in row
    out = tmp_path / "thang.xlsx"
    assert kpi("export", "--data-dir", folder, "--as-of", "2026-11", "-o", str(out)).exit_code == 0
    cells = next(r for r in openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True) if r and r[0] == "1")
    assert 4260 in cells and "4.260–4.280" in cells
