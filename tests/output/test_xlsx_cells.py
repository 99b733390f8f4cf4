"""The xlsx's cells hold the numbers a user sums: a computed figure as the JSON rounds it (6
decimals, no float noise such as 10.000000000000009), a recorded value exactly as recorded."""

import json
import shutil

import openpyxl
import pytest

from soctrang_kpi.numbers import STORED_DECIMALS, stored
from soctrang_kpi.output.formats import as_xlsx

from ..conftest import ROOT, kpi

#: the appendix's computed columns and their fields in `kpi status --json`
COMPUTED = {
    "Bình quân 2021–2023": lambda i: i["avg_growth_pct"],
    "% so Nghị quyết": lambda i: i["attainment_pct"],
    "Dự báo": lambda i: i["forecast"]["value"],
    "So sánh %": lambda i: i["forecast"]["pct"],
}


@pytest.mark.parametrize("value, computed, recorded", [
    (10.000000000000009, 10.0, 10.0),  # a growth rate computed with float noise
    (71.96369577378236, 71.963696, 71.963696),
    (7.1930023209966, 7.193002, 7.1930023209966),  # a forecast, 14 digits: computed, rounded
    (0.30000000000000004, 0.3, 0.3),  # a sum of areas' values: made, not written
    (-1e-12, 0.0, 0.0),  # never -0.0
    (1.2345678, 1.234568, 1.2345678),  # written with seven decimals: as recorded
    (0.745, 0.745, 0.745),
    (417000.0, 417000.0, 417000.0),
])
def test_a_computed_number_is_rounded_as_the_json_a_recorded_one_kept(value, computed, recorded):
    assert repr(stored(value)) == repr(computed)
    assert repr(stored(value, recorded=True)) == repr(recorded)


def test_the_json_rounds_at_the_same_decimals():
    assert STORED_DECIMALS == 6
    assert json.loads(kpi("status", "--json").stdout)["indicators"][0]["avg_growth_pct"] == round(5.757095661902589, 6)


def _sheet(path):
    rows = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
    header = next(n for n, row in enumerate(rows) if row[0] == "TT")
    names = [lower or upper for upper, lower in zip(rows[header], rows[header + 1])]
    data = {row[0]: dict(zip(names, row)) for row in rows[header + 2:] if row[1] is not None}
    return data


def test_the_xlsx_holds_the_json_figures_not_float_noise(tmp_path):
    assert kpi("export", "-o", str(tmp_path / "b.xlsx")).exit_code == 0
    cells = _sheet(tmp_path / "b.xlsx")
    status = {i["no"]: i for i in json.loads(kpi("status", "--json").stdout)["indicators"]}
    checked = 0
    for no, indicator in status.items():
        for header, field in COMPUTED.items():
            if field(indicator) is not None:
                assert cells[no][header] == field(indicator), (no, header, cells[no][header], field(indicator))
                checked += 1
    assert checked > 100
    numbers = [v for row in cells.values() for v in row.values() if isinstance(v, float)]
    assert numbers and not [v for v in numbers if len(repr(v).lstrip("-").replace(".", "").lstrip("0")) > 15]


def test_a_recorded_value_is_written_as_recorded(tmp_path):
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    assert kpi("record", "grdp-growth", "2022", "7.7612345", "--force", "--data-dir", str(tmp_path)).exit_code == 0
    assert kpi("export", "--data-dir", str(tmp_path), "-o", str(tmp_path / "b.xlsx")).exit_code == 0
    assert as_xlsx.stored is stored and "year" in as_xlsx.RECORDED  # the one rule the workbook's cells follow
    assert _sheet(tmp_path / "b.xlsx")["1"]["2022"] == 7.7612345  # seven decimals, as recorded
