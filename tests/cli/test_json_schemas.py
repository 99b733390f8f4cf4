"""Every command's --json output validates against the JSON Schema shipped in the package
(soctrang_kpi/schemas, README "JSON output"), on every data folder of the repository and in the
shapes each command has (a compare, a monthly report, an annual plan's table, a group, a record
with and without a replaced value, the data inside an exported xlsx)."""

import inspect
import json
import shutil

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from soctrang_kpi import api
from soctrang_kpi.cli import COMMANDS, app

from ..conftest import ROOT

FOLDERS = {"bundled": ROOT, "kinds": ROOT / "docs" / "example-kinds", "periods": ROOT / "docs" / "example-periods"}

#: each command with --json and its schema; a command that gains --json fails the test below
#: until it has one
SCHEMA_OF = {"status": "status", "show": "show", "summary": "summary", "audit": "audit", "validate": "validate", "record": "record"}


def _validator(name: str) -> Draft202012Validator:
    schema = api.schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _json(folder, *args, lang="vi"):
    result = CliRunner().invoke(app, [*args, "--json", "--data-dir", str(folder)], catch_exceptions=False, env={"KPI_LANG": lang})
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _valid(name: str, data: dict) -> None:
    errors = sorted(_validator(name).iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_every_command_with_json_output_has_a_schema():
    with_json = {name for name, (function, _settings) in COMMANDS.items() if "as_json" in inspect.signature(function).parameters}
    assert with_json == set(SCHEMA_OF)
    assert set(SCHEMA_OF.values()) | {"export-data"} == set(api.SCHEMAS)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("folder", sorted(FOLDERS))
@pytest.mark.parametrize("command", ["status", "summary", "audit", "validate"])
def test_every_plan_of_every_folder_validates(command, folder, lang):
    data = api.load(FOLDERS[folder])
    plans = data.plans if command != "validate" else [None]
    for plan in plans:
        _valid(SCHEMA_OF[command], _json(FOLDERS[folder], command, *(["--plan", plan] if plan else []), lang=lang))


@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_every_indicator_of_every_plan_validates_in_show(folder):
    data = api.load(FOLDERS[folder])
    for plan in data.plans:
        for row in api.evaluate(data, plan).indicators:
            _valid("show", _json(FOLDERS[folder], "show", row.id, "--plan", plan))


@pytest.mark.parametrize("args", [
    ["status", "--as-of", "2023", "--compare", "2021"],
    ["status", "--as-of", "2022"],
    ["status", "--group", "economy"],
    ["summary", "--group", "society"],
])
def test_the_shapes_of_status_and_summary_validate(args):
    data = _json(FOLDERS["kinds"], *args)
    _valid(args[0], data)
    if "--compare" in args:
        assert data["compare"]["indicators"]


def test_the_monthly_report_and_the_annual_table_validate():
    folder = FOLDERS["periods"]
    month = _json(folder, "status", "--as-of", "2024-06")
    assert month["report"] == "month"
    _valid("status", month)
    closed = _json(folder, "status", "--as-of", "2024")  # a closed year: the annual plan's table
    assert "report" not in closed and all("annual" in row for row in closed["indicators"])
    _valid("status", closed)
    for row in month["indicators"]:
        shown = _json(folder, "show", row["id"], "--as-of", "2024-06")
        assert shown["month"] is not None and "periods" in shown
        _valid("show", shown)


def test_record_validates_with_and_without_a_replaced_value(tmp_path):
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(FOLDERS["periods"] / name, tmp_path / name)
    row = api.evaluate(api.load(tmp_path)).indicators[0]
    for args in ([row.id, "2024-11", "5"], [row.id, "2024-11", "6", "--force"], [row.id, "2024-11", "7", "--ytd"]):
        data = _json(tmp_path, "record", *args)
        _valid("record", data)
    assert data["period"] == "2024-11" and data["ytd"]


@pytest.mark.parametrize("folder, as_of", [("bundled", None), ("kinds", None), ("periods", "2024-06"), ("periods", "2024")])
def test_the_data_inside_an_exported_workbook_validates(tmp_path, folder, as_of):
    from soctrang_kpi.files.import_xlsx import grids

    out = tmp_path / "phu-luc.xlsx"
    result = CliRunner().invoke(app, ["export", "-o", str(out), "--data-dir", str(FOLDERS[folder]), *(["--as-of", as_of] if as_of else [])],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    _tables, text = grids(out)
    data = json.loads(text)
    _valid("export-data", data)
    assert ("report" in data) == (as_of == "2024-06")


@pytest.mark.parametrize("name, change", [
    ("status", lambda d: d["indicators"][0].update(status="vuot")),
    ("status", lambda d: d["indicators"][0].update(attainment_pct="92,1")),
    ("status", lambda d: d.update(schema_version=1)),
    ("status", lambda d: d["indicators"][0].pop("forecast")),
    ("show", lambda d: d["series"][0].update(year="2023")),
    ("summary", lambda d: d["summary"].pop("total")),
    ("audit", lambda d: d["findings"][0].update(source=None)),
])
def test_a_wrong_output_does_not_validate(name, change):
    """The schemas say something: a wrong type, code, version or a missing field is refused."""
    data = _json(ROOT, *({"show": ["show", "5"]}.get(name, [name])))
    _valid(name, data)
    change(data)
    assert list(_validator(name).iter_errors(data))


def test_a_field_added_by_a_later_change_still_validates():
    """Adding a field is not a change of meaning: the schemas allow fields they do not list."""
    data = _json(ROOT, "status")
    data["areas"] = [{"id": "x"}]
    data["indicators"][0]["sources"] = ["Sở Tài chính"]
    data["indicators"][0]["latest"]["history"] = []
    _valid("status", data)


@pytest.mark.parametrize("name, args, rows", [
    ("status", (ROOT, "status"), lambda d: d["indicators"]),
    ("show", (ROOT, "show", "5"), lambda d: [d]),
    ("status", (FOLDERS["periods"], "status", "--as-of", "2024-06"), lambda d: d["indicators"]),
    ("show", (FOLDERS["periods"], "show", "exports", "--as-of", "2024-06"), lambda d: [d, d["month"]]),
])
def test_a_version_3_output_saved_before_target_note_still_validates(name, args, rows):
    """target_note was added within schema_version 3: optional, as areas_met, so an output saved
    before it validates against the schema shipped now; a target_note it has is still checked."""
    data = _json(*args)
    assert data["schema_version"] == 3
    for row in rows(data):
        assert row.pop("target_note", "absent") is None
    _valid(name, data)
    rows(data)[-1]["target_note"] = 5
    assert list(_validator(name).iter_errors(data))


def test_a_wrong_monthly_report_does_not_validate():
    data = _json(FOLDERS["periods"], "status", "--as-of", "2024-06")
    data["indicators"][0]["verdict"] = "dung_tien_do"
    assert list(_validator("status").iter_errors(data))
    data["indicators"][0]["verdict"] = "on_course"
    del data["period"]["key"]
    assert list(_validator("status").iter_errors(data))


def test_the_summary_schema_takes_an_annual_plans_monthly_counts():
    """`kpi summary --json` of an annual plan within its year (README "Within the year"): the
    monthly report's head, its counts per verdict and the rows behind, checked as that shape."""
    month = _json(FOLDERS["periods"], "status", "--as-of", "2024-06")
    rows = [{"id": r["id"], "no": r["no"], "name": r["name"], "verdict": r["verdict"]} for r in month["indicators"]]
    counted = {key: month[key] for key in ("schema_version", "plan", "as_of", "report", "lang", "period", "summary")}
    counted |= {"command": "summary", "text": "…", "behind": rows}
    _valid("summary", counted)
    counted["behind"][0]["verdict"] = "cham_tien_do"
    assert list(_validator("summary").iter_errors(counted))


TERRITORY = ROOT / "docs" / "example-territory"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("args, shape", [
    (["--by-area", "budget-revenue"], "by_area"),
    (["--by-area", "urbanisation"], "by_area"),
    (["--by-area", "grdp-growth"], "by_area"),  # no area has a target: areas is empty
    (["--scorecard"], "scorecard"),
    (["--scorecard", "--as-of", "2025"], "scorecard"),
])
def test_the_territory_s_shapes_of_status_validate(args, shape, lang):
    """`status --by-area` and `status --scorecard` (README "Territory") are shapes of their own
    in status.schema.json, told by their `by_area` or `scorecard` field."""
    data = _json(TERRITORY, "status", *args, lang=lang)
    assert shape in data and "indicators" not in data
    _valid("status", data)


@pytest.mark.parametrize("args, change", [
    (["--by-area", "budget-revenue"], lambda d: d["areas"][0].update(status="dat")),
    (["--by-area", "budget-revenue"], lambda d: d["areas"][0].update(forecast_pct="92,1")),
    (["--by-area", "budget-revenue"], lambda d: d.pop("met")),
    (["--by-area", "budget-revenue"], lambda d: d["areas"][0]["latest"].pop("year")),
    (["--scorecard"], lambda d: d["scorecard"]["areas"][1]["cells"][0].update(status="vuot")),
    (["--scorecard"], lambda d: d["scorecard"].pop("indicators")),
    (["--scorecard"], lambda d: d["scorecard"]["areas"][0].update(cells="Đạt")),
    (["--scorecard"], lambda d: d.update(schema_version=1)),
])
def test_a_wrong_territory_output_does_not_validate(args, change):
    data = _json(TERRITORY, "status", *args)
    _valid("status", data)
    change(data)
    assert list(_validator("status").iter_errors(data))
