"""JSON numbers that are computed are rounded to 6 decimals (README "JSON output"), the values of
a series made from its areas' too: `kpi show grdp-growth --json` of the territory example said
2.311926229508174."""

import json
import shutil
from pathlib import Path

import pytest

from ..conftest import kpi

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "example-territory"


def _numbers(data, where=""):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _numbers(value, f"{where}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _numbers(value, f"{where}[{i}]")
    elif isinstance(data, float):
        yield where, data


@pytest.mark.parametrize("indicator", ["grdp-growth", "grdp-per-capita"])
def test_show_json_rounds_a_made_series_to_6_decimals(tmp_path, indicator):
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(EXAMPLE / name, tmp_path / name)
    result = kpi("show", indicator, "--json", "--data-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    long = [(where, x) for where, x in _numbers(json.loads(result.stdout)) if x != round(x, 6)]
    assert long == []


def test_areas_tied_at_the_printed_precision_share_a_rank(tmp_path):
    """Two wards both at 100,00 % of their target are both 3rd, and the next is 5th (competition
    ranking, README "Territory"), in the table and the JSON."""
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(EXAMPLE / name, tmp_path / name)
    result = kpi("status", "--by-area", "urbanisation", "--json", "--data-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    areas = json.loads(result.stdout)["areas"]
    assert [a["rank"] for a in areas] == [1, 2, 3, 3, 5]
    assert areas[2]["forecast_pct"] == areas[3]["forecast_pct"] == 100.0
    table = kpi("status", "--by-area", "urbanisation", "--data-dir", str(tmp_path)).stdout
    assert [line.split()[0] for line in table.splitlines() if "100,00%" in line] == ["3", "3"]
