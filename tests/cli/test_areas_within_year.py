"""The areas' views of an annual plan within its year (README "Territory", "Within the year"): an
area's values are yearly only, so where `kpi status` answers the plan with its monthly report —
a month or a quarter of its year asked, or nothing asked while the year is open — `--scorecard`,
`--by-area` and `kpi export --scorecard` are refused in one line (exit 2), never the year's final
verdicts under the year's heading, and so are `status`, `summary`, `show` and `export` with
`--area` of a commune; `kpi summary` says its areas' line is the year's, not the
month's. Found by a QA pass: the scorecard said the city "Không đạt" beside the monthly table's
"Chậm tiến độ"."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from soctrang_kpi import api

from ..conftest import kpi, kpi_en

TARGETS = """schema_version: 1
areas:
  - {id: can-tho, name: Thành phố Cần Thơ}
  - {id: xa-phong-dien, name: Xã Phong Điền, parent: can-tho}
  - {id: xa-vi-thuy, name: Xã Vị Thủy, parent: can-tho}
indicators:
  - {id: exports, name: Kim ngạch xuất khẩu, name_en: Exports, unit: Triệu USD}
  - {id: urbanisation, name: Tỷ lệ đô thị hóa, name_en: Urbanisation rate, unit: "%"}
plans:
  - id: kh-2026
    name: Kế hoạch năm 2026
    name_en: Plan 2026
    base_year: 2025
    target_year: 2026
    targets:
      - {indicator: exports, number: "1", kind: level, value: 6200}
      - {indicator: urbanisation, number: "2", kind: level, value: 50, areas: {xa-phong-dien: 37, xa-vi-thuy: 20}}
"""
ACTUALS = """schema_version: 1
series:
  exports:
    actual: {2025: 5500, 2025-Q1: 1250, 2025-Q2: 1330, 2025-Q3: 1420, 2026-Q1: 1400, 2026-Q2: 1480, 2026-Q3: 1525}
  urbanisation:
    actual: {2025: 48.0}
    estimate: {2026: 48.9}
areas:
  xa-phong-dien:
    urbanisation: {estimate: {2025: 34.0, 2026: 36.0}}
  xa-vi-thuy:
    urbanisation: {estimate: {2025: 17.5, 2026: 18.0}}
"""


@pytest.fixture
def folder(tmp_path: Path) -> str:
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return str(tmp_path)


VIEWS = [["status", "--scorecard"], ["status", "--by-area", "urbanisation"]]


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(("asked", "period"), [(["--as-of", "2026-Q3"], "2026-Q3"), (["--as-of", "2026-06"], "2026-06"), ([], "2026-Q3")])
def test_an_area_view_within_the_year_is_refused_in_one_line(folder, view, asked, period):
    """The monthly table rates the city's urbanisation "Chậm tiến độ" as of September; the
    areas, with yearly values only, have no verdict of September: said, never "Không đạt"."""
    month = kpi("status", "--data-dir", folder, *asked)
    assert month.exit_code == 0 and "Chậm tiến độ" in month.stdout  # the plan is answered within its year
    result = kpi(*view, "--data-dir", folder, *asked)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and view[1] in result.stderr and period in result.stderr
    assert "--as-of 2026" in result.stderr and "số liệu năm" in result.stderr


@pytest.mark.parametrize("view", VIEWS)
def test_in_english_too(folder, view):
    result = kpi_en(*view, "--data-dir", folder, "--as-of", "2026-Q3")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "yearly values" in result.stderr and "2026-Q3" in result.stderr and "--as-of 2026" in result.stderr


@pytest.mark.parametrize("view", VIEWS)
def test_the_year_asked_for_is_the_yearly_table(folder, view):
    """--as-of 2026 asks for the year's table, as `kpi status --as-of 2026` gives it."""
    result = kpi(*view, "--data-dir", folder, "--as-of", "2026")
    assert result.exit_code == 0 and "tính đến năm 2026" in result.stdout


@pytest.mark.parametrize("view", VIEWS)
def test_a_month_before_the_plans_year_is_refused_as_status_refuses_it(folder, view):
    status = kpi("status", "--data-dir", folder, "--as-of", "2025-09")
    result = kpi(*view, "--data-dir", folder, "--as-of", "2025-09")
    assert status.exit_code == result.exit_code == 2 and result.stderr == status.stderr


def test_the_scorecard_export_within_the_year_is_refused_and_writes_nothing(folder):
    out = Path(folder) / "scorecard.csv"
    result = kpi("export", "--scorecard", "--data-dir", folder, "--as-of", "2026-Q3", "-o", str(out))
    assert result.exit_code == 2 and "--scorecard" in result.stderr and "2026-Q3" in result.stderr
    assert not out.exists()
    assert kpi("export", "--scorecard", "--data-dir", folder, "--as-of", "2026", "-o", str(out)).exit_code == 0 and out.exists()


@pytest.mark.parametrize("asked", [["--as-of", "2026-Q3"], []])
def test_the_monthly_summary_says_its_areas_are_rated_by_the_year(folder, asked):
    """No "1/2 xã, phường đạt" from the year's estimates beside the month's verdicts, and not
    silence either: one line per indicator with areas' targets."""
    text = kpi("summary", "--data-dir", folder, *asked).stdout
    assert "Tỷ lệ đô thị hóa: xã, phường được đánh giá theo số liệu năm, không đánh giá trong năm (--as-of 2026)" in text
    assert "xã, phường đạt" not in text and "Không đạt" not in text
    english = kpi_en("summary", "--data-dir", folder, *asked).stdout
    assert "Urbanisation rate: the areas are rated on their yearly values, not within the year (--as-of 2026)" in english
    data = json.loads(kpi("summary", "--data-dir", folder, *asked, "--json").stdout)
    Draft202012Validator(api.schema("summary")).validate(data)
    assert data["report"] == "month" and data["areas_yearly"] == ["urbanisation"] and "areas_met" not in data


def test_the_yearly_summary_still_counts_the_areas(folder):
    data = json.loads(kpi("summary", "--data-dir", folder, "--as-of", "2026", "--json").stdout)
    assert data["areas_met"] == [{"indicator": "urbanisation", "met": 0, "total": 2}] and "areas_yearly" not in data


def test_by_area_of_an_indicator_no_area_has_a_target_for_says_so_within_the_year_too(folder):
    """Nothing to refuse: the one line saying no area has a target, as in the year's table."""
    result = kpi("status", "--by-area", "exports", "--data-dir", folder, "--as-of", "2026-Q3")
    assert result.exit_code == 0 and result.stdout.startswith("chưa đơn vị nào được giao chỉ tiêu Kim ngạch xuất khẩu")


# --- one area's views (`--area`): the same rule, the same one line --------------------------------

#: every command whose `--area` view rates the area against the territory's plan
AREA_VIEWS = [
    ["status", "--area", "xa-vi-thuy"],
    ["summary", "--area", "xa-vi-thuy"],
    ["show", "urbanisation", "--area", "xa-vi-thuy"],
    ["export", "--area", "xa-vi-thuy"],
]


def _run(view, folder, *asked, english=False):
    """``view`` on ``folder``; an export into ``area.csv`` there, returned beside the result."""
    out = Path(folder) / "area.csv"
    args = [*view, "--data-dir", folder, *asked, *(["-o", str(out)] if view[0] == "export" else [])]
    return (kpi_en if english else kpi)(*args), out


@pytest.mark.parametrize("view", AREA_VIEWS)
@pytest.mark.parametrize(("asked", "period"), [(["--as-of", "2026-Q3"], "2026-Q3"), (["--as-of", "2026-06"], "2026-06"), ([], "2026-Q3")])
def test_one_areas_view_within_the_year_is_refused_in_one_line(folder, view, asked, period):
    """Xã Vị Thủy has a yearly estimate only: with no --as-of while the year is open it printed
    "tính đến năm 2026 … Không đạt" (`kpi summary`: "1 không đạt") — a final verdict in
    September; as of a month, a "Chậm tiến độ" of a month it has no value of."""
    result, out = _run(view, folder, *asked)
    assert result.exit_code == 2 and result.stdout == "" and not out.exists()
    assert result.stderr.count("\n") == 1 and "--area xa-vi-thuy" in result.stderr and period in result.stderr
    assert "--as-of 2026" in result.stderr and "số liệu năm" in result.stderr and "Không đạt" not in result.stderr


@pytest.mark.parametrize("view", AREA_VIEWS)
def test_one_areas_view_is_refused_in_english_too(folder, view):
    result, _out = _run(view, folder, "--as-of", "2026-06", english=True)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "yearly values" in result.stderr and "2026-06" in result.stderr and "--as-of 2026" in result.stderr


@pytest.mark.parametrize("view", AREA_VIEWS)
def test_the_year_asked_for_is_the_areas_yearly_view(folder, view):
    result, out = _run(view, folder, "--as-of", "2026")
    assert result.exit_code == 0
    if view[0] == "export":
        assert "Không đạt" in out.read_text(encoding="utf-8-sig")
    else:
        assert "Xã Vị Thủy — tính đến năm 2026" in result.stdout and ("Không đạt" in result.stdout or "không đạt" in result.stdout)


@pytest.mark.parametrize("view", AREA_VIEWS)
def test_one_areas_view_of_a_month_before_the_plans_year_is_refused_as_status_refuses_it(folder, view):
    status = kpi("status", "--data-dir", folder, "--as-of", "2025-09")
    result, _out = _run(view, folder, "--as-of", "2025-09")
    assert status.exit_code == result.exit_code == 2 and result.stderr == status.stderr


def test_the_territory_seen_with_area_keeps_its_monthly_report(folder):
    """`--area` of the territory itself is `kpi status`: its months are its own."""
    assert kpi("status", "--area", "can-tho", "--data-dir", folder).stdout == kpi("status", "--data-dir", folder).stdout


def test_the_areas_audit_is_not_refused(folder):
    """`kpi audit --area` rates nothing: it compares what a report published (a commune, none)."""
    assert kpi("audit", "--area", "xa-vi-thuy", "--data-dir", folder).exit_code == 0


def test_as_known_on_a_day_before_the_months_the_area_has_its_yearly_view(tmp_path):
    """--as-known-on: the territory's months as recorded by that day decide, as for `kpi status`
    that day — none recorded yet, the yearly table (for the territory too); the first quarter's
    recorded, refused as of it."""
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    dated = ACTUALS.replace(
        "2026-Q3: 1525}", "2026-Q3: 1525}\n    recorded: {2026-Q1: 2026-04-10, 2026-Q2: 2026-07-10, 2026-Q3: 2026-10-10}"
    )
    (tmp_path / "actuals.yaml").write_text(dated, encoding="utf-8")
    folder = str(tmp_path)
    assert "tính đến năm 2026" in kpi("status", "--data-dir", folder, "--as-known-on", "2026-03-01").stdout
    early = kpi("status", "--area", "xa-vi-thuy", "--data-dir", folder, "--as-known-on", "2026-03-01")
    assert early.exit_code == 0 and "Xã Vị Thủy — tính đến năm 2026" in early.stdout
    later = kpi("status", "--area", "xa-vi-thuy", "--data-dir", folder, "--as-known-on", "2026-05-01")
    assert later.exit_code == 2 and "2026-Q1" in later.stderr


def test_a_year_closed_by_a_value_made_from_the_parts_gives_the_area_its_yearly_view(tmp_path):
    """Both communes' 2026 exports are actual: the city's, made from them, closes its year, and
    `kpi status` gives the yearly table; so does the commune's view, not a refusal."""
    targets = TARGETS.replace("name: Thành phố Cần Thơ}", "name: Thành phố Cần Thơ, parts: 2}").replace(
        'unit: Triệu USD}', 'unit: Triệu USD, aggregate: sum}'
    )
    actuals = ACTUALS.replace(
        "urbanisation: {estimate: {2025: 34.0, 2026: 36.0}}", "urbanisation: {estimate: {2025: 34.0, 2026: 36.0}}\n    exports: {actual: {2026: 3000}}"
    ).replace("urbanisation: {estimate: {2025: 17.5, 2026: 18.0}}", "urbanisation: {estimate: {2025: 17.5, 2026: 18.0}}\n    exports: {actual: {2026: 3100}}")
    (tmp_path / "targets.yaml").write_text(targets, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(actuals, encoding="utf-8")
    folder = str(tmp_path)
    assert "tính đến năm 2026" in kpi("status", "--data-dir", folder).stdout
    result = kpi("status", "--area", "xa-vi-thuy", "--data-dir", folder)
    assert result.exit_code == 0 and "Xã Vị Thủy — tính đến năm 2026" in result.stdout
