"""The JSON Schema files of the --json outputs: generated from docs/schemas.py, the same bytes in
the package and in docs/schemas/, and a version that moves when a field changes meaning.

The fingerprint (tests/output/schema_fields.json) is every field's path, type and meaning (a hash
of its description and constant). Under one schema_version a recorded field may not change or
disappear; a new field is recorded with `python docs/schemas.py --record`, which refuses a change
of an existing field until SCHEMA_VERSION (soctrang_kpi/output/payloads.py) has moved.
"""

import copy
import importlib.util
import json
import subprocess
import sys

import pytest
from jsonschema import Draft202012Validator

from soctrang_kpi import api, embedded
from soctrang_kpi.output import payloads

from ..conftest import ROOT


def _generator():
    spec = importlib.util.spec_from_file_location("kpi_schemas", ROOT / "docs" / "schemas.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


schemas = _generator()


def test_the_schema_files_are_current():
    done = subprocess.run([sys.executable, "docs/schemas.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("name", api.SCHEMAS)
def test_the_package_and_the_docs_hold_the_same_schema(name):
    shipped = ROOT / "soctrang_kpi" / "schemas" / f"{name}.schema.json"
    published = ROOT / "docs" / "schemas" / f"{name}.schema.json"
    assert shipped.read_bytes() == published.read_bytes()
    assert api.schema(name) == json.loads(published.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", api.SCHEMAS)
def test_each_schema_is_a_valid_draft_2020_12_schema_with_its_version(name):
    schema = api.schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schemas.version_of(name) == (embedded.VERSION if name == "export-data" else payloads.SCHEMA_VERSION)


def test_the_fingerprint_of_every_field_is_recorded_under_its_version():
    recorded = json.loads(schemas.RECORD.read_text(encoding="utf-8"))
    now = schemas.current()
    changed = schemas.changes(recorded, now)
    assert not changed, (
        "a field changed meaning or disappeared without a new schema_version: bump SCHEMA_VERSION "
        "(output/payloads.py), say what changed in README 'JSON output', then `python docs/schemas.py "
        "&& python docs/schemas.py --record`:\n" + "\n".join(changed)
    )
    for name in now:  # and nothing unrecorded: a new field or a new version, `--record`
        assert recorded.get(name) == now[name], f"{name}: run `python docs/schemas.py --record`"


# --- the check itself, on a copy of the definitions -------------------------------------------


def _now_with(edit):
    """The fingerprint after ``edit(definitions)`` has changed a copy of the status schema."""
    status = copy.deepcopy(schemas.schema("status"))
    edit(status)
    return {"status": {"version": schemas.version_of("status"), "fields": schemas.fields_of(status, status)}}


def _recorded():
    return {"status": json.loads(schemas.RECORD.read_text(encoding="utf-8"))["status"]}


def _indicator(status):
    return status["$defs"]["table"]["properties"]["indicators"]["items"]["properties"]


def test_a_field_whose_meaning_changes_under_the_same_version_is_refused():
    def edit(status):
        _indicator(status)["attainment_pct"]["description"] = "the percentage of the target reached by the latest year alone"

    assert schemas.changes(_recorded(), _now_with(edit)) == [
        f"status: <table>indicators[].attainment_pct changed type or meaning under version {payloads.SCHEMA_VERSION} "
        f"({_recorded()['status']['fields']['<table>indicators[].attainment_pct']} -> "
        f"{_now_with(edit)['status']['fields']['<table>indicators[].attainment_pct']})"
    ]


def test_a_field_whose_type_changes_or_that_disappears_is_refused():
    def retyped(status):
        _indicator(status)["no"]["type"] = "integer"

    def removed(status):
        del _indicator(status)["cagr_pct"]

    assert [line.split(" changed")[0] for line in schemas.changes(_recorded(), _now_with(retyped))] == ["status: <table>indicators[].no"]
    assert schemas.changes(_recorded(), _now_with(removed)) == [
        f"status: <table>indicators[].cagr_pct removed under version {payloads.SCHEMA_VERSION}"
    ]


def test_a_field_added_is_not_a_change_and_a_new_version_may_change_anything():
    def added(status):
        _indicator(status)["sources"] = {"type": "array", "description": "where the value comes from"}

    def bumped(status):
        _indicator(status)["attainment_pct"]["description"] = "something else"
        status["$defs"]["table"]["properties"]["schema_version"]["const"] += 1

    assert schemas.changes(_recorded(), _now_with(added)) == []
    now = _now_with(bumped)
    now["status"]["version"] += 1
    assert schemas.changes(_recorded(), now) == []
