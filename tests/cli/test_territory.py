"""The territory in the commands (README "Territory"): --area on every reading command, the
former province's own plan, `status --by-area`, the counts of areas, the parts in `show`."""

import json
import shutil

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app

from ..conftest import ROOT, kpi, kpi_en
from .test_cli import _conforms, _schema

EXAMPLE = ROOT / "docs" / "example-territory"


@pytest.fixture
def example(tmp_path):
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(EXAMPLE / name, tmp_path / name)
    return tmp_path


def _json(*args):
    result = kpi(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("command", [["status"], ["summary"], ["audit"], ["show", "urbanisation"]])
def test_every_reading_command_takes_area_and_says_it_in_json(example, command):
    data = _json(*command, "--data-dir", str(example), "--area", "xa-vi-thuy")
    assert data["area"] == "xa-vi-thuy"
    assert data["plan"]["name"].endswith("— Xã Vị Thủy")
    whole = _json(*command, "--data-dir", str(example))
    assert whole["area"] == "can-tho"


def test_validate_and_export_take_area(example, tmp_path):
    assert kpi("validate", "--data-dir", str(example), "--area", "soc-trang").exit_code == 0
    out = tmp_path / "xa.md"
    made = kpi("export", "-o", str(out), "--data-dir", str(example), "--area", "xa-vi-thuy")
    assert made.exit_code == 0, made.stderr
    text = out.read_text(encoding="utf-8")
    assert "Xã Vị Thủy" in text and "Thu ngân sách" in text and "GRDP bình quân" not in text


def test_an_unknown_area_is_a_usage_error_listing_the_areas(example):
    result = kpi_en("status", "--data-dir", str(example), "--area", "xa-vi-thuy-cu")
    assert result.exit_code == 2
    assert "no area has the id 'xa-vi-thuy-cu'" in result.stderr and "xa-vi-thuy" in result.stderr


def test_area_on_data_without_areas_is_refused(folder):
    result = kpi_en("status", "--data-dir", str(folder), "--area", "soc-trang")
    assert result.exit_code == 2 and "declares no areas" in result.stderr


def test_the_former_province_s_plan_is_evaluated_on_its_own_data(example):
    data = _json("status", "--data-dir", str(example), "--plan", "st-2020-2025")
    assert data["area"] == "soc-trang" and data["as_of"] == 2025
    by_id = {i["id"]: i for i in data["indicators"]}
    assert by_id["grdp-per-capita"]["status"] == "exceeded" and by_id["grdp-growth"]["status"] == "missed"


def test_status_by_area_ranks_the_areas_with_their_verdicts(example):
    data = _json("status", "--data-dir", str(example), "--by-area", "budget-revenue")
    _conforms(data, _schema("status --by-area"))
    assert [a["area"] for a in data["areas"]] == ["xa-long-phu", "phuong-ninh-kieu", "xa-phong-dien", "phuong-cai-khe", "xa-vi-thuy"]
    assert [a["rank"] for a in data["areas"]] == [1, 2, 3, 4, 5]
    assert (data["met"], data["total"]) == (4, 5)
    assert data["areas"][-1]["status"] == "at_risk" and data["areas"][0]["target"] == 120
    table = kpi("status", "--data-dir", str(example), "--by-area", "budget-revenue").stdout
    assert "4/5 xã, phường đạt chỉ tiêu" in table and "Khó đạt" in table


def test_by_area_of_an_indicator_without_areas_targets_is_empty_not_invented(example):
    data = _json("status", "--data-dir", str(example), "--by-area", "grdp-growth")
    assert data["areas"] == [] and (data["met"], data["total"]) == (0, 0)


def test_summary_counts_the_areas_that_achieved(example):
    text = kpi("summary", "--data-dir", str(example)).stdout
    assert "Tỷ lệ đô thị hóa: 4/5 xã, phường đạt" in text
    data = _json("summary", "--data-dir", str(example))
    assert {"indicator": "budget-revenue", "met": 4, "total": 5} in data["areas_met"]


def test_show_of_a_merged_indicator_lists_its_parts_and_how_it_was_made(example):
    data = _json("show", "grdp-growth", "--data-dir", str(example))
    parts = {p["area"]: p["values"] for p in data["parts"]}
    assert [v["value"] for v in parts["soc-trang"]] == [1.26, 2.49, 7.76, 7.10, 8.60, 9.00]
    made = {p["year"]: p.get("note") for p in data["series"]}
    assert made[2025] == "Σ grdp(t) ÷ Σ grdp(t−1) − 1: can-tho-cu, soc-trang, hau-giang"
    text = kpi("show", "grdp-growth", "--data-dir", str(example)).stdout
    assert "Các đơn vị thành phần" in text and "Tỉnh Sóc Trăng (trước 1/7/2025)" in text


def test_a_rule_refused_as_not_aggregable_is_said(example):
    targets = example / "targets.yaml"
    targets.write_text(targets.read_text(encoding="utf-8").replace("unit_en: billion VND, aggregate: sum}\n  - {id: grdp-growth", "unit_en: billion VND, aggregate: none}\n  - {id: grdp-growth", 1), encoding="utf-8")
    result = kpi_en("status", "--data-dir", str(example))
    assert "can-tho: its parts have values of grdp but it is not aggregable" in result.stderr


def test_the_scorecard_in_the_terminal_colours_each_cell_by_its_verdict(example):
    data = _json("status", "--data-dir", str(example), "--scorecard")
    assert data["scorecard"]["indicators"] == ["urbanisation", "budget-revenue"]
    rows = {a["area"]: [c and c["status"] for c in a["cells"]] for a in data["scorecard"]["areas"]}
    assert list(rows)[0] == "can-tho"  # the territory's own line first
    assert rows["xa-vi-thuy"] == ["at_risk", "at_risk"] and rows["xa-long-phu"] == ["exceeded", "exceeded"]
    from typer.testing import CliRunner

    from soctrang_kpi.cli import app

    text = CliRunner().invoke(app, ["status", "--data-dir", str(example), "--scorecard"], env={"COLUMNS": "80"}, catch_exceptions=False).stdout
    assert "Xã Vị Thủy" in text and "Tỷ lệ đô thị hóa: 4/5 xã, phường đạt" in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_the_scorecard_json_counts_the_areas_that_achieved_as_the_table_does(example):
    """Under the table "Tỷ lệ đô thị hóa: 4/5 xã, phường đạt" per indicator: the JSON says the
    same counts (`areas_met`, as `kpi summary --json` does), made from its own cells."""
    data = _json("status", "--data-dir", str(example), "--scorecard")
    card = data["scorecard"]
    assert card["areas_met"] == [
        {"indicator": "urbanisation", "met": 4, "total": 5},
        {"indicator": "budget-revenue", "met": 4, "total": 5},
    ]
    for n, count in enumerate(card["areas_met"]):  # the territory's own line is not one of its areas
        cells = [line["cells"][n] for line in card["areas"][1:] if line["cells"][n] is not None]
        assert count["total"] == len(cells)
        assert count["met"] == sum(c["status"] in ("achieved", "exceeded") for c in cells)
    from soctrang_kpi import api

    shipped = api.schema("status")["$defs"]["scorecard"]["properties"]["scorecard"]
    assert "areas_met" in shipped["required"] and "areas_met" in shipped["properties"]


@pytest.mark.parametrize(
    "suffix, coloured",
    [
        ("html", [b'class="verdict status-at_risk"', b'class="verdict status-exceeded"']),
        ("xlsx", [b"FFC7CE", b"C6EFCE", "4/5 xã, phường đạt".encode()]),
        ("docx", [b'w:fill="FFC7CE"', b'w:fill="C6EFCE"']),
        ("csv", ["Xã Vị Thủy,Khó đạt,Khó đạt".encode()]),
        ("md", ["| Xã Vị Thủy | Khó đạt | Khó đạt |".encode()]),
    ],
)
def test_the_scorecard_in_every_export_format(example, tmp_path, suffix, coloured):
    import zipfile

    out = tmp_path / f"scorecard.{suffix}"
    made = kpi("export", "--scorecard", "-o", str(out), "--data-dir", str(example))
    assert made.exit_code == 0, made.stderr
    content = out.read_bytes()
    if suffix in ("xlsx", "docx"):
        with zipfile.ZipFile(out) as z:
            content = b"".join(z.read(n) for n in z.namelist())
    for expected in coloured:
        assert expected in content


def test_record_writes_into_the_area_s_series_and_nothing_else(example):
    before = (example / "actuals.yaml").read_text(encoding="utf-8")
    result = kpi("record", "budget-revenue", "2027", "101.5", "--status", "estimate", "--area", "xa-vi-thuy", "--date", "2026-11-30", "--data-dir", str(example))
    assert result.exit_code == 0, result.stderr
    after = (example / "actuals.yaml").read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert changed == [("    budget-revenue: {estimate: {2025: 95, 2026: 92}}", "    budget-revenue: {estimate: {2025: 95, 2026: 92, 2027: 101.5}, recorded: {2027: 2026-11-30}}")]
    data = _json("record", "hdi", "2026", "0.75", "--area", "phuong-cai-khe", "--data-dir", str(example))
    assert data["area"] == "phuong-cai-khe" and data["new"]["value"] == 0.75
    # the territory's own id writes into series:, as without --area
    assert kpi("record", "hdi", "2026", "0.742", "--area", "can-tho", "--data-dir", str(example)).exit_code == 0
    assert "  hdi:\n    actual: {2026: 0.742}\n    estimate: {2025: 0.741}" in (example / "actuals.yaml").read_text(encoding="utf-8")


def test_record_of_a_month_for_an_area_is_refused(example):
    result = kpi_en("record", "budget-revenue", "2026-06", "1", "--area", "xa-vi-thuy", "--data-dir", str(example))
    assert result.exit_code == 2 and "values of months and quarters are the territory's only" in result.stderr


def test_record_creates_the_areas_mapping_where_there_is_none(tmp_path):
    shutil.copy(EXAMPLE / "targets.yaml", tmp_path / "targets.yaml")
    (tmp_path / "actuals.yaml").write_text("schema_version: 1\nseries:\n  hdi:\n    estimate: {2025: 0.741}\n", encoding="utf-8")
    for area, value in (("soc-trang", "34500"), ("hau-giang", "25500")):
        assert kpi("record", "grdp", "2020", value, "--area", area, "--data-dir", str(tmp_path)).exit_code == 0
    from soctrang_kpi.files import load

    data, _warnings = load.read(tmp_path)
    assert {a: s["grdp"][0].value for a, s in data.by_area.items()} == {"soc-trang": 34500, "hau-giang": 25500}
    assert data.series["hdi"][0].value == 0.741


def test_an_area_without_a_plan_or_a_target_says_so(example):
    result = kpi_en("status", "--data-dir", str(example), "--area", "can-tho-cu")
    assert result.exit_code == 2 and "the area has no plan of its own" in result.stderr


def test_record_refuses_a_value_actuals_csv_gives_and_writes_nothing(example):
    (example / "actuals.csv").write_text("indicator,area,period,value,status,note\nbudget-revenue,xa-vi-thuy,2027,99.5,estimate,\n", encoding="utf-8")
    before = (example / "actuals.yaml").read_bytes()
    result = kpi_en("record", "budget-revenue", "2027", "100", "--area", "xa-vi-thuy", "--data-dir", str(example))
    # the files are valid: a usage error (2) saying where to change it, not "the data has 1 error"
    assert result.exit_code == 2, result.stderr
    assert "actuals.csv:2 already gives 2027 of budget-revenue for xa-vi-thuy: change it there" in result.stderr
    assert "error" not in result.stderr
    assert (example / "actuals.yaml").read_bytes() == before
    forced = kpi("record", "budget-revenue", "2027", "105", "--area", "xa-vi-thuy", "--status", "estimate", "--force", "--data-dir", str(example))
    assert forced.exit_code == 2 and "actuals.csv:2 đã có số liệu 2027 của budget-revenue cho xa-vi-thuy: hãy sửa ở tệp đó" in forced.stderr
    (example / "actuals.csv").write_text("indicator,area,period,value,status,note\nbudget-revenue,,2027,36100,actual,\n", encoding="utf-8")
    territory = kpi_en("record", "budget-revenue", "2027", "36000", "--data-dir", str(example))
    assert territory.exit_code == 2 and "actuals.csv:2 already gives 2027 of budget-revenue for the territory" in territory.stderr


def test_a_commune_is_not_audited_against_the_province_s_published_figures(example):
    actuals = example / "actuals.yaml"
    actuals.write_text(actuals.read_text(encoding="utf-8").replace(
        "  budget-revenue:\n    estimate: {2025: 30100, 2026: 33200}\n",
        "  budget-revenue:\n    estimate: {2025: 30100, 2026: 33200}\n    published:\n      term-2025-2030:\n        table: {as_of: 2026, assessment: Đạt}\n",
    ), encoding="utf-8")
    whole = _json("audit", "--data-dir", str(example))
    assert any(f["id"] == "budget-revenue" for f in whole["findings"])  # the city's report said Đạt; kpi says Khó đạt
    commune = _json("audit", "--data-dir", str(example), "--area", "xa-vi-thuy")
    assert commune["findings"] == []


def test_by_area_where_no_area_has_a_target_says_so_in_one_line(example):
    """One sentence, not an empty table; wrapped on a terminal narrower than it (README "Terminal
    width": it is no message a tool reads whole), as wide as the terminal at most."""
    sentence = "chưa đơn vị nào được giao chỉ tiêu Tốc độ tăng trưởng GRDP trong Nghị quyết Đại hội Đảng bộ thành phố Cần Thơ lần thứ I, nhiệm kỳ 2025–2030"
    said = CliRunner().invoke(app, ["status", "--data-dir", str(example), "--by-area", "grdp-growth"], env={"COLUMNS": "200"}, catch_exceptions=False)
    assert said.exit_code == 0
    assert said.stdout.strip() == sentence
    for lang, columns in (("vi", 60), ("en", 60), ("vi", 100)):
        narrow = CliRunner().invoke(app, ["status", "--data-dir", str(example), "--by-area", "grdp-growth", "--lang", lang], env={"COLUMNS": str(columns)}, catch_exceptions=False)
        lines = narrow.stdout.splitlines()
        assert len(lines) > 1 and max(map(len, lines)) <= columns, lines
        if lang == "vi":
            assert " ".join(lines) == sentence
    english = kpi_en("status", "--data-dir", str(example), "--by-area", "grdp-growth")
    assert english.stdout.strip().startswith("no area has a target for ")


@pytest.mark.parametrize("option", [["--scorecard"], ["--by-area", "budget-revenue"]])
def test_the_territory_s_views_refuse_area_saying_why(example, option):
    said = kpi_en("status", "--data-dir", str(example), *option, "--area", "xa-vi-thuy")
    assert said.exit_code == 2 and said.stdout == ""
    assert f"{option[0]} shows the whole territory" in said.stderr and "--area 'xa-vi-thuy'" in said.stderr


@pytest.mark.parametrize(
    "command",
    [["status", "--scorecard"], ["status", "--by-area", "budget-revenue"], ["export", "--scorecard", "-o", "x.html"]],
)
def test_the_territory_s_views_of_a_former_province_s_plan_say_why_they_are_refused(example, command):
    if command[0] == "export":
        command = command[:-1] + [str(example / "x.html")]
    said = kpi_en(*command, "--data-dir", str(example), "--plan", "st-2020-2025")
    assert said.exit_code == 2
    assert "unknown plan" not in said.stderr
    assert "plan 'st-2020-2025' is the own plan of area 'soc-trang'" in said.stderr
    assert not (example / "x.html").exists()


def _noisy(value):
    return isinstance(value, float) and value != round(value, 6)


def _floats(data):
    if isinstance(data, dict):
        return [f for v in data.values() for f in _floats(v)]
    if isinstance(data, list):
        return [f for v in data for f in _floats(v)]
    return [data] if isinstance(data, float) else []


@pytest.mark.parametrize("option", [["--scorecard"], ["--by-area", "budget-revenue"], ["--by-area", "urbanisation"]])
def test_the_territory_s_json_rounds_numbers_as_status_does(example, option):
    data = _json("status", "--data-dir", str(example), *option)
    numbers = _floats(data)
    assert numbers and not [f for f in numbers if _noisy(f)]


def test_a_note_shared_by_years_in_a_row_is_said_once_in_the_sources(example, tmp_path):
    out = tmp_path / "phu-luc.md"
    assert kpi("export", "-o", str(out), "--data-dir", str(example)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("Σ grdp(t) ÷ Σ grdp(t−1) − 1") == 1
    assert "2021–2025: Σ grdp(t) ÷ Σ grdp(t−1) − 1: can-tho-cu, soc-trang, hau-giang" in text


def test_years_apart_or_with_other_notes_keep_their_own():
    from soctrang_kpi.core.model import Point
    from soctrang_kpi.output.views import _notes_cell

    series = tuple(Point(y, 1.0, note=n) for y, n in ((2020, "A"), (2021, "A"), (2022, "B"), (2024, "B"), (2025, "B"), (2026, "B")))
    assert _notes_cell(series, 2025) == "2020–2021: A; 2022: B; 2024–2025: B"


_CSV_ONLY_TARGETS = """schema_version: 1
indicators:
  - {id: hdi, name: HDI, unit: Chỉ số, precision: 3}
plans:
  - id: p
    name: Kế hoạch
    base_year: 2025
    target_year: 2030
    targets:
      - {indicator: hdi, number: "1", kind: level, value: 0.78}
"""


@pytest.mark.parametrize("command", [["show", "hdi"], ["show", "hdi", "--json"], ["show", "hdi", "--history"], ["export", "-o", "x.html"]])
def test_a_value_from_actuals_csv_alone_is_shown_and_exported(tmp_path, command):
    (tmp_path / "targets.yaml").write_text(_CSV_ONLY_TARGETS, encoding="utf-8")
    (tmp_path / "actuals.csv").write_text("indicator,area,period,value,status\nhdi,,2025,0.741,actual\nhdi,,2026,0.75,actual\n", encoding="utf-8")
    command = [str(tmp_path / a) if a == "x.html" else a for a in command]
    result = kpi(*command, "--data-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert ("0,75" in result.stdout or "0.75" in result.stdout) if command[0] == "show" else (tmp_path / "x.html").exists()


@pytest.mark.parametrize("area", [[], ["--area", "xa-vi-thuy"]])
@pytest.mark.parametrize("command", [["show", "budget-revenue"], ["show", "budget-revenue", "--json"], ["show", "budget-revenue", "--history"]])
def test_a_territory_or_area_value_from_actuals_csv_is_shown(example, command, area):
    (example / "actuals.csv").write_text(
        "indicator,area,period,value,status,note\nbudget-revenue,,2027,36100,actual,\nbudget-revenue,xa-vi-thuy,2027,101,estimate,\n",
        encoding="utf-8",
    )
    result = kpi(*command, *area, "--as-of", "2027", "--data-dir", str(example))  # a year ahead of today: asked for
    assert result.exit_code == 0, result.stderr
    assert ("101" if area else ("36100" if "--json" in command else "36.100")) in result.stdout


def test_five_of_the_city_s_103_communes_make_no_city_total(example):
    """A commune table of 2027 (five of the 103): the city's 2027 revenue is not their sum."""
    rows = "".join(f"budget-revenue,{c},2027,{v},estimate,\n" for c, v in (("phuong-ninh-kieu", 2500), ("phuong-cai-khe", 1600), ("xa-phong-dien", 200), ("xa-long-phu", 130), ("xa-vi-thuy", 120)))
    (example / "actuals.csv").write_text("indicator,area,period,value,status,note\n" + rows, encoding="utf-8")
    result = kpi_en("status", "--data-dir", str(example), "--as-of", "2027", "--json")
    assert result.exit_code == 0, result.stderr
    row = next(i for i in json.loads(result.stdout)["indicators"] if i["id"] == "budget-revenue")
    assert row["latest"]["year"] == 2026 and row["latest"]["value"] == 33200  # the city's own, not 4.550
    assert "can-tho: budget-revenue of 2027 is not made from its parts: 5 of its 103 areas are listed" in result.stderr


def test_record_of_an_area_s_value_keeps_its_history_source_and_day(example):
    """README "Nothing of the history is lost by any command": an area's value as the territory's."""
    common = ("--area", "xa-vi-thuy", "--status", "estimate", "--force", "--data-dir", str(example))
    assert kpi("record", "budget-revenue", "2026", "93", *common, "--date", "2026-11-30").exit_code == 0
    result = kpi("record", "budget-revenue", "2026", "94", *common, "--date", "2026-12-01", "--source", "UBND xã Vị Thủy", "--note", "ước cả năm")
    assert result.exit_code == 0, result.stderr
    text = (example / "actuals.yaml").read_text(encoding="utf-8")
    assert (
        "budget-revenue: {estimate: {2025: 95, 2026: 94}, notes: {2026: \"ước cả năm\"}, sources: {2026: \"UBND xã Vị Thủy\"}, recorded: {2026: 2026-12-01}, "
        "history: {2026: [{value: 92, status: estimate}, {value: 93, status: estimate, recorded: 2026-11-30}]}}"
    ) in text
    from soctrang_kpi.files import load

    data, _warnings = load.read(example)
    assert [v.value for v in data.area_history["xa-vi-thuy"]["budget-revenue"][2026]] == [92, 93]
    shown = _json("show", "budget-revenue", "--area", "xa-vi-thuy", "--history", "--data-dir", str(example))
    assert "92" in json.dumps(shown) and "93" in json.dumps(shown)
    before = _json("show", "budget-revenue", "--area", "xa-vi-thuy", "--as-known-on", "2026-11-30", "--data-dir", str(example))
    assert [p["value"] for p in before["series"] if p["year"] == 2026] == [93]


# -- the communes make what the former provinces do not have; what parts lack is said --


@pytest.fixture
def every_commune(tmp_path):
    """The example with its five communes declared as all of the city's (parts: 5) and no
    budget revenue of the city's own: the communes' sums are its only figures."""
    targets = (EXAMPLE / "targets.yaml").read_text(encoding="utf-8").replace("parts: 103}", "parts: 5}")
    actuals = (EXAMPLE / "actuals.yaml").read_text(encoding="utf-8")
    own = "  budget-revenue:\n    estimate: {2025: 30100, 2026: 33200}\n"
    assert "parts: 5}" in targets and own in actuals
    (tmp_path / "targets.yaml").write_text(targets, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(actuals.replace(own, ""), encoding="utf-8")
    return tmp_path


def test_the_2025_baseline_is_the_communes_sum_when_the_former_provinces_have_none(every_commune):
    result = kpi("show", "budget-revenue", "--data-dir", str(every_commune), "--json")
    assert result.exit_code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert data["baseline"] == {"year": 2025, "value": 3973, "fallback": False}  # 2290 + 1310 + 160 + 118 + 95
    assert [(p["year"], p["value"]) for p in data["series"]] == [(2025, 3973), (2026, 4289)]
    assert data["missing_parts"] is None
    text = kpi("show", "budget-revenue", "--data-dir", str(every_commune)).stdout
    assert "thiếu số liệu năm 2025" not in text


def test_a_commune_without_a_value_is_named_in_the_reason_on_stderr_and_in_json(every_commune):
    actuals = every_commune / "actuals.yaml"
    text = actuals.read_text(encoding="utf-8")
    actuals.write_text(text.replace("budget-revenue: {estimate: {2025: 95, 2026: 92}}", "budget-revenue: {estimate: {2025: 95}}"), encoding="utf-8")
    shown = kpi("show", "budget-revenue", "--data-dir", str(every_commune))
    assert "Chưa có số liệu: thiếu số liệu năm 2026 của: Xã Vị Thủy" in shown.stdout
    assert "can-tho: chỉ tiêu budget-revenue năm 2026 không được tổng hợp từ các đơn vị thành phần: chưa có số liệu của xa-vi-thuy" in shown.stderr
    english = kpi_en("status", "--data-dir", str(every_commune), "--json")
    (row,) = [i for i in json.loads(english.stdout)["indicators"] if i["id"] == "budget-revenue"]
    assert row["reason"] == {"code": "parts_missing", "text": "no 2026 value of: Xã Vị Thủy"}
    assert row["missing_parts"] == {"year": 2026, "areas": [{"area": "xa-vi-thuy", "name": "Xã Vị Thủy"}]}
    assert "can-tho: budget-revenue of 2026 is not made from its parts: no value of xa-vi-thuy" in english.stderr
    others = [i["missing_parts"] for i in json.loads(english.stdout)["indicators"] if i["id"] != "budget-revenue"]
    assert others and set(map(str, others)) == {"None"}
    _conforms(row, _schema("Indicator object"))


@pytest.mark.parametrize(("lang", "headers"), [("vi", ("KH năm 2026", "% KH")), ("en", ("Plan 2026", "% of plan"))])
def test_an_annual_plans_table_by_area_says_the_years_plan_not_the_resolution(tmp_path, lang, headers):
    """`kpi status --by-area` of an annual plan: "KH năm 2026" and "% KH", as its own table says
    them — never the resolution's "Nghị quyết" and "% so NQ" (found by a QA pass)."""
    from .test_own_year_attainment import write

    folder = str(write(tmp_path, year=True))
    table = kpi("status", "--data-dir", folder, "--as-of", "2026", "--by-area", "exports", "--lang", lang, "--format", "markdown").stdout
    header = next(line for line in table.splitlines() if line.startswith("| "))
    assert all(f"| {h} |" in header for h in headers), header
    assert "Nghị quyết" not in table and "% so NQ" not in table and "Target" not in header
