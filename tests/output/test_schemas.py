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


# --- the README's tables and the schemas say the same ------------------------------------------


def _readme_table(heading: str) -> dict[str, set[str]]:
    """README "JSON output"'s table under a heading: {field: its types}."""
    import re

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    part = text.split(f"#### {heading}\n", 1)[1].split("\n#", 1)[0]
    return {name: set(types.split("|")) for name, types in re.findall(r"^\| `([a-z_.]+)` \| ([a-z|]+) \|", part, re.M)}


def _types(field: dict, root: dict) -> set[str]:
    if "$ref" in field:
        return _types(root["$defs"][field["$ref"].rsplit("/", 1)[1]], root)
    if "anyOf" in field:
        return set().union(*(_types(part, root) for part in field["anyOf"]))
    types = field["type"]
    return {types} if isinstance(types, str) else set(types)


def _properties(node: dict, root: dict) -> dict:
    return root["$defs"][node["$ref"].rsplit("/", 1)[1]]["properties"] if "$ref" in node else node["properties"]


def _documented(heading: str, node: dict, root: dict) -> None:
    documented = _readme_table(heading)
    fields = _properties(node, root)
    assert set(fields) <= set(documented), f"{heading}: not in README: {sorted(set(fields) - set(documented))}"
    for name, types in documented.items():
        parent, _, last = name.rpartition(".")
        here = _properties(fields[parent], root) if parent else fields
        if last in here:  # a field README documents and the schema does not is someone's addition
            assert _types(here[last], root) == types, (heading, name)


def test_the_readme_and_the_schemas_give_each_field_the_same_type():
    status = api.schema("status")
    table = status["$defs"]["table"]
    _documented("status", table, status)
    _documented("status (monthly report)", status["$defs"]["month_report"], status)
    _documented("compare", {"properties": table["properties"]["compare"]["properties"]}, status)
    indicator = table["properties"]["indicators"]["items"]
    _documented("Indicator object", {"properties": {k: v for k, v in indicator["properties"].items() if k != "annual"}}, status)
    _documented("Audit finding", status["$defs"]["finding"], status)
