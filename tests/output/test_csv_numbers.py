"""The csv's numbers are the xlsx's cells: a computed figure as the JSON rounds it (6 decimals, no
float noise such as 10.000000000000009), a recorded value exactly as recorded — one rule,
numbers.stored (output/formats/as_csv.plain)."""

import csv
import io
import json
import shutil

import openpyxl
import pytest

from soctrang_kpi.output.formats import RECORDED, as_csv, as_xlsx

from ..conftest import ROOT, kpi


@pytest.mark.parametrize("value, computed, recorded", [
    (10.000000000000009, 10, 10),  # a growth rate computed with float noise: a whole number
    (71.96369577378236, 71.963696, 71.963696),
    (7.1930023209966, 7.193002, 7.1930023209966),  # 14 digits: computed, rounded; recorded, kept
    (0.30000000000000004, 0.3, 0.3),  # 0.1 + 0.2, a sum of areas' values: made, not written
    (-1e-12, 0, 0),  # never -0
    (7.7612345, 7.761234, 7.7612345),  # written with seven decimals: as recorded
    (0.745, 0.745, 0.745),
    (417000.0, 417000, 417000),
])
def test_a_computed_number_is_rounded_as_the_json_a_recorded_one_kept(value, computed, recorded):
    assert repr(as_csv.plain(value)) == repr(computed)
    assert repr(as_csv.plain(value, recorded=True)) == repr(recorded)


def test_a_recorded_value_is_written_as_recorded_as_the_xlsx_holds_it(tmp_path):
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    assert kpi("record", "grdp-growth", "2022", "7.7612345", "--force", "--data-dir", str(tmp_path)).exit_code == 0
    for suffix in ("csv", "xlsx"):
        assert kpi("export", "--data-dir", str(tmp_path), "-o", str(tmp_path / f"b.{suffix}")).exit_code == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "b.csv").read_text(encoding="utf-8-sig"))))
    header = rows[0]
    first = next(row for row in rows if row[0] == "1")
    assert first[header.index("2022")] == "7.7612345"  # seven decimals, as recorded (was 7.761234)
    sheet = list(openpyxl.load_workbook(tmp_path / "b.xlsx").worksheets[0].iter_rows(values_only=True))
    assert 7.7612345 in next(row for row in sheet if row[0] == "1")  # the workbook's cell: the same number
    # a computed figure as the JSON gives it
    status = json.loads(kpi("status", "--json", "--data-dir", str(tmp_path)).stdout)["indicators"][0]
    assert first[header.index("% so Nghị quyết")] == repr(status["attainment_pct"])
    assert as_xlsx.RECORDED is RECORDED and "year" in RECORDED  # one set of recorded columns for both


def test_the_status_tables_baseline_is_kept_as_recorded_as_its_latest(tmp_path):
    """`kpi status`'s baseline column (the figures' baseline) holds a value as recorded, as its
    latest does: 7.7612345 in both, never one rounded beside the other kept."""
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    for year in ("2020", "2022"):
        assert kpi("record", "grdp-growth", year, "7.7612345", "--force", "--data-dir", str(tmp_path)).exit_code == 0
    done = kpi("status", "--format", "csv", "--as-of", "2022", "--data-dir", str(tmp_path))
    rows = list(csv.reader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    first = next(row for row in rows if row[0] == "1")
    assert first.count("7.7612345") == 2, first
