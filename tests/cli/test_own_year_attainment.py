"""An annual plan's % of target is its own year's value against its plan, in every output (README
"The annual plan's own table", "Indicator object"): last year's value against this year's plan
is no percentage of it — `kpi status --as-of 2026` of a 2026 plan whose year has only months
gave `attainment_pct` 91,67 for last year's 1.100 against 1.200 (JSON, `--by-area`, the API)."""

import json

import pytest

from soctrang_kpi import api

from ..conftest import kpi, plan_yaml

TARGETS = plan_yaml(
    """
    {id: exports, name: Kim ngạch xuất khẩu, name_en: Exports, unit: Triệu USD, unit_en: million USD}
    {id: coverage, name: Tỷ lệ bao phủ BHYT, name_en: Health insurance coverage, unit: "%"}
    """,
    """
    {indicator: exports, number: "1", kind: level, value: 1200, areas: {xa-a: 1000, xa-b: 200}}
    {indicator: coverage, number: "2", kind: level, value: 95}
    """,
    end=2026, ident="kh-2026", name="Kế hoạch năm 2026",
).replace("indicators:", "areas:\n  - {id: tinh, name: Tỉnh}\n  - {id: xa-a, name: Xã A, parent: tinh}\n"
          "  - {id: xa-b, name: Xã B, parent: tinh}\nindicators:", 1)
ACTUALS = """schema_version: 1
series:
  exports:
    actual: {2025: 1100, 2025-01: 80, 2025-02: 85, 2025-03: 90, 2026-01: 95, 2026-02: 100, 2026-03: 105YEAR}
  coverage:
    actual: {2025: 93, 2025-12: 93, 2026-03: 93.5}
areas:
  xa-a:
    exports: {actual: {2025: 900AREA_YEAR}}
  xa-b:
    exports: {actual: {2025: 150}}
"""


def write(folder, year: bool = False):
    """The plan's folder; ``year``: exports have 2026's own value (1.260), Xã A too (1.050)."""
    (folder / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    actuals = ACTUALS.replace("YEAR", ", 2026: 1260" if year else "", 1).replace("AREA_YEAR", ", 2026: 1050" if year else "")
    (folder / "actuals.yaml").write_text(actuals, encoding="utf-8")
    return folder


def _run(*args):
    result = kpi(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _json(*args):
    return json.loads(_run(*args, "--json"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_status_of_a_year_asked_for_gives_no_attainment_of_last_year_s_value(tmp_path, lang):
    folder = str(write(tmp_path))
    data = _json("status", "--data-dir", folder, "--as-of", "2026", "--lang", lang)
    assert "report" not in data and data["as_of"] == 2026
    assert [(i["id"], i["attainment_pct"]) for i in data["indicators"]] == [("exports", None), ("coverage", None)]
    # as `kpi show` says it, in its own object and as another plan's row
    assert _json("show", "exports", "--data-dir", folder, "--as-of", "2026", "--lang", lang)["attainment_pct"] is None
    # the year before the plan's: no value of its year either
    assert [i["attainment_pct"] for i in _json("status", "--data-dir", folder, "--as-of", "2025")["indicators"]] == [None, None]


@pytest.mark.parametrize("fmt, empty", [("csv", ",,,"), ("markdown", "| - | - | - |")])
def test_the_tables_leave_the_percentage_empty(tmp_path, fmt, empty):
    folder = str(write(tmp_path))
    table = _run("status", "--data-dir", folder, "--as-of", "2026", "--format", fmt)
    exports = next(line for line in table.splitlines() if "Kim ngạch" in line)
    assert empty in exports and "91" not in exports


def test_status_by_area_gives_no_attainment_of_last_year_s_value(tmp_path):
    folder = str(write(tmp_path))
    data = _json("status", "--data-dir", folder, "--as-of", "2026", "--by-area", "exports")
    assert [(a["area"], a["attainment_pct"]) for a in data["areas"]] == [("xa-a", None), ("xa-b", None)]
    table = _run("status", "--data-dir", folder, "--as-of", "2026", "--by-area", "exports")
    assert "90,00%" not in table and "75,00%" not in table  # 900 of 1.000, 150 of 200: last year's
    row = next(line for line in table.splitlines() if "Xã A" in line)
    assert row.split()[4:7] == ["1.000", "900", "-"]  # Nghị quyết, Mới nhất, % so NQ


def test_the_api_gives_what_status_gives(tmp_path):
    folder = write(tmp_path)
    for as_of in (2026, "2026", 2025):
        evaluation = api.evaluate(api.load(folder), as_of=as_of)
        assert [r.attainment_pct for r in evaluation.indicators] == [None, None]
        assert [r["attainment_pct"] for r in evaluation.to_rows()] == [None, None]


def test_the_year_s_own_value_is_its_attainment_everywhere(tmp_path):
    folder = write(tmp_path, year=True)
    data = _json("status", "--data-dir", str(folder), "--as-of", "2026")
    assert [i["attainment_pct"] for i in data["indicators"]] == [105.0, None]  # 1.260 of 1.200; coverage has no 2026
    assert api.evaluate(api.load(folder), as_of=2026).find("exports").attainment_pct == 105.0
    assert _json("show", "exports", "--data-dir", str(folder))["attainment_pct"] == 105.0
    areas = _json("status", "--data-dir", str(folder), "--as-of", "2026", "--by-area", "exports")["areas"]
    assert [(a["area"], a["attainment_pct"]) for a in areas] == [("xa-a", 105.0), ("xa-b", None)]
    csv = _run("status", "--data-dir", str(folder), "--as-of", "2026", "--format", "csv")
    assert next(line for line in csv.splitlines() if "Kim ngạch" in line).split(",")[6] == "105"
