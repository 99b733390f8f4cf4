"""soctrang_kpi.api: the records are the --json output's fields, the CLI goes through it, and
importing it costs nothing of the engine."""

import json
from functools import cached_property
import subprocess
import sys

import pytest
from typer.testing import CliRunner

import soctrang_kpi
from soctrang_kpi import api
from soctrang_kpi.cli import app

from ..conftest import ROOT

KINDS = ROOT / "docs" / "example-kinds"
PERIODS = ROOT / "docs" / "example-periods"
TERRITORY = ROOT / "docs" / "example-territory"
PLAIN = (str, int, float, bool, type(None))


def _json(*args):
    result = CliRunner().invoke(app, [*args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


#: a record's field -> where the --json indicator object has it (the rest: under its own name)
PATHS = {
    "verdict_class": ("class",), "pace_band": ("pace", "band"), "reason_code": ("reason", "code"), "reason_text": ("reason", "text"),
    **{f"{part}_{key}": (part, key) for part in ("baseline", "latest", "forecast") for key in ("year", "value", "status", "fallback", "pct", "source")},
}


def _at(data: dict, path: tuple[str, ...]):
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


@pytest.mark.parametrize(
    "folder, plan, lang, area",
    [
        (ROOT, "term-2020-2025", "vi", None), (ROOT, "term-2020-2025", "en", None), (KINDS, None, "vi", None), (PERIODS, None, "en", None),
        # the territory: values made from the parts are values, as kpi status sees them
        (TERRITORY, None, "vi", None), (TERRITORY, None, "en", "xa-vi-thuy"), (TERRITORY, None, "vi", "soc-trang"),
        (TERRITORY, "st-2020-2025", "vi", None),
    ],
)
def test_the_records_are_the_json_outputs_fields(folder, plan, lang, area):
    evaluation = api.evaluate(api.load(folder), plan, area=area, lang=lang)
    if evaluation.period is not None:  # within its year (no % of target from last year): the year's table
        evaluation = api.evaluate(api.load(folder), plan, evaluation.as_of, area=area, lang=lang)
    printed = _json(
        "status", "--data-dir", str(folder), "--lang", lang, *(["--plan", plan] if plan else []), *(["--area", area] if area else []),
        "--as-of", str(evaluation.as_of),
    )
    if printed.get("report") == "month":
        pytest.skip("an annual plan within its year prints its monthly report")  # its rows are not the table's
    assert evaluation.plan._asdict() == printed["plan"] and evaluation.as_of == printed["as_of"]
    assert {k: v for k, v in evaluation.summary.items()} == {k: v for k, v in printed["summary"].items() if k != "classes"}
    assert len(evaluation.indicators) == len(printed["indicators"])
    for record, shown in zip(evaluation.indicators, printed["indicators"]):
        for name, value in record._asdict().items():
            if name != "depth":
                assert value == _at(shown, PATHS.get(name, (name,))), (record.id, name)
            assert name == "depth" or PATHS.get(name, (name,))[0] in shown, name


def test_the_territory_s_evaluation_counts_the_values_made_from_the_parts():
    data = api.load(TERRITORY)
    evaluation = api.evaluate(data)
    assert evaluation.summary == {k: v for k, v in _json("status", "--data-dir", str(TERRITORY))["summary"].items() if k != "classes"}
    assert evaluation.find("urbanisation").status != "no_data"  # made from the former provinces' parts
    assert evaluation.data.area == "can-tho" and api.evaluate(evaluation.data).summary == evaluation.summary  # seen once
    assert api.evaluate(data, area="xa-vi-thuy").plan.name.endswith("— Xã Vị Thủy")


def test_to_rows_holds_every_area_s_values():
    data = api.load(TERRITORY)
    rows = data.to_rows()
    by_area: dict = {}
    for row in rows:
        by_area.setdefault(row["area"], []).append(row)
    assert len(by_area[""]) == sum(len(points) for points in data.dataset.series.values())
    for area, series in data.dataset.by_area.items():
        assert sorted((r["indicator"], r["year"], r["value"]) for r in by_area[area]) == sorted((i, p.year, p.value) for i, ps in series.items() for p in ps)
    assert len(rows) == len(by_area[""]) + sum(len(ps) for series in data.dataset.by_area.values() for ps in series.values())
    assert {"", "xa-vi-thuy", "soc-trang"} <= by_area.keys()
    seen = data.seen_from(area="xa-vi-thuy").to_rows()  # the commune's values under its id, the territory's own under its id
    assert {r["area"] for r in seen} == set(data.dataset.by_area) | {"can-tho"}
    assert len({(r["area"], r["indicator"], r["year"]) for r in seen}) == len(seen)


def test_to_rows_are_plain_values_with_the_same_keys_in_every_row():
    data = api.load(ROOT)
    for rows in (api.evaluate(data).to_rows(), api.audit(data).to_rows(), data.to_rows(), api.evaluate(api.load(KINDS)).to_rows()):
        assert rows
        assert all(isinstance(value, PLAIN) for row in rows for value in row.values())
        assert len({tuple(row) for row in rows}) == 1
    assert len(data.to_rows()) == sum(len(points) for points in data.dataset.series.values())
    row = api.evaluate(data).to_rows()[0]
    assert (row["plan"], row["as_of"], row["id"]) == ("term-2020-2025", 2023, "grdp-growth")


def test_the_audit_is_kpi_audits():
    data = api.load(ROOT)
    for plan in data.plans:
        printed = _json("audit", "--data-dir", str(ROOT), "--plan", plan)
        found = api.audit(data, plan)
        assert found.as_of == printed["audited_as_of"]
        assert len(found.findings) == len(printed["findings"])
        for record, shown in zip(found.findings, printed["findings"]):  # the JSON may have more (added) fields
            assert record._asdict() == {name: shown[name] for name in record._fields}
        assert api.audit(api.evaluate(data, plan)).to_rows() == found.to_rows()


def test_a_groups_evaluation_and_its_audit():
    data = api.load(KINDS)
    economy = api.evaluate(data, group="economy")
    printed = _json("status", "--data-dir", str(KINDS), "--group", "economy")
    assert [r.id for r in economy.indicators] == [r["id"] for r in printed["indicators"]]
    assert economy.summary["total"] < api.evaluate(data).summary["total"]
    assert {f.id for f in api.audit(economy).findings} <= {r.id for r in economy.indicators} | {None}
    assert api.evaluate(data, group="Kinh tế").to_rows() == economy.to_rows()


def test_the_year_as_a_year_a_month_or_a_quarter():
    data = api.load(PERIODS)
    assert api.evaluate(data, as_of="2024-06").as_of == api.evaluate(data, as_of="2024-Q2").as_of == 2024
    assert api.evaluate(data, as_of="2024").to_rows() == api.evaluate(data, as_of=2024).to_rows()


@pytest.mark.parametrize("call, said", [
    (lambda d: api.evaluate(d, "nope"), "unknown plan 'nope'"),
    (lambda d: api.evaluate(d, as_of=1990), "1990"),
    (lambda d: api.evaluate(d, as_of="2023-13"), "2023-13"),
    (lambda d: api.evaluate(d, group="nhóm lạ"), "nhóm lạ"),
    (lambda d: api.evaluate(d).find("không có chỉ tiêu này"), "không có chỉ tiêu này"),
    (lambda d: api.audit(api.evaluate(d), as_of=2022), "evaluation's own"),
    (lambda d: api.schema("table"), "table"),
    (lambda d: api.evaluate(d, lang="fr"), "'fr'"),
])
def test_what_does_not_exist_is_a_usage_error(call, said):
    with pytest.raises(api.UsageError) as raised:
        call(api.load(ROOT))
    assert said in str(raised.value)


def test_bad_files_are_a_data_error_listing_every_problem(tmp_path):
    (tmp_path / "targets.yaml").write_text("schema_version: 1\nindicators: []\nplans: []\n", encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text("schema_version: 1\nseries:\n  nowhere: {actual: {2021: 1}}\n  x: 5\n", encoding="utf-8")
    with pytest.raises(api.DataError) as raised:
        api.load(tmp_path)
    assert len(raised.value.problems) >= 2
    assert all(p.file.endswith("actuals.yaml") and p.line for p in raised.value.problems)


def test_what_is_found_beside_the_data_is_given_back_in_notices(folder):
    """A journal kpi did not write (here a link) is not read, and said: even when loading fails."""
    import os

    from soctrang_kpi.files import atomic

    os.symlink(folder / "targets.yaml", atomic.journal_of((folder / "actuals.yaml").resolve()))
    notices: list = []
    data = api.load(folder, notices=notices)
    assert data.folder == folder and len(data.to_rows()) == len(api.load(ROOT).to_rows())
    assert [n.key for n in notices] == ["own.refused"]
    (folder / "targets.yaml").write_text("indicators: [\n", encoding="utf-8")
    notices.clear()
    with pytest.raises(api.DataError):
        api.load(folder, notices=notices)
    assert [n.key for n in notices] == ["own.refused"]


def test_the_cli_goes_through_the_api(monkeypatch):
    called = []
    for name in ("load", "evaluate", "audit"):
        real = getattr(api, name)
        monkeypatch.setattr(api, name, lambda *a, _real=real, _name=name, **k: called.append(_name) or _real(*a, **k))
    CliRunner().invoke(app, ["audit", "--data-dir", str(ROOT)], catch_exceptions=False)
    assert called == ["load", "evaluate", "audit"]


def test_every_public_name_has_a_docstring():
    for name in api.__all__:
        thing = getattr(api, name)
        if isinstance(thing, tuple):
            continue
        assert (thing.__doc__ or "").strip(), name
        members = vars(thing).items() if isinstance(thing, type) and thing.__module__ == api.__name__ else ()
        for attribute, member in members:
            if not attribute.startswith("_") and (callable(member) or isinstance(member, (property, cached_property))):
                assert (member.__doc__ or "").strip(), f"{name}.{attribute}"


def test_importing_the_package_or_the_api_loads_nothing_of_the_engine():
    code = "import soctrang_kpi, soctrang_kpi.api, sys; print(sorted(m for m in sys.modules if m.startswith(('soctrang_kpi', 'yaml', 'typer'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert json.loads(done.stdout.replace("'", '"')) == ["soctrang_kpi", "soctrang_kpi.api"]
    assert soctrang_kpi.api is api


def test_the_records_are_imported_only_when_one_is_built():
    from soctrang_kpi.api_records import AuditFinding, IndicatorResult, PlanInfo

    assert (api.IndicatorResult, api.AuditFinding, api.PlanInfo) == (IndicatorResult, AuditFinding, PlanInfo)
    code = (
        "import sys; from soctrang_kpi import api; data = api.load('.'); review = api.evaluate(data); api.audit(review)\n"
        "print('soctrang_kpi.api_records' in sys.modules, end=' '); review.indicators; print('soctrang_kpi.api_records' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout == "False True\n"


#: the names a script may rely on (README "Python API": stable); a name is added here, never removed
STABLE = {
    "api": ("load", "evaluate", "audit", "schema", "SCHEMAS", "Data", "Evaluation", "PlanInfo", "IndicatorResult", "Audit",
            "AuditFinding", "DataError", "UsageError", "Problem"),
    "IndicatorResult": (
        "id", "no", "name", "name_en", "unit", "unit_en", "parent", "group", "depth", "kind", "direction", "target", "target_upper",
        "target_printed", "target_printed_en", "strict", "approximate", "baseline_year", "baseline_value", "baseline_fallback", "latest_year",
        "latest_value", "latest_status", "avg_growth_pct", "cagr_pct", "required_growth_pct", "attainment_pct", "progress_pct",
        "total", "forecast_value", "forecast_pct", "forecast_source", "pace_band", "status", "excess_pct", "label", "verdict_class",
        "reason_code", "reason_text",
    ),
    "AuditFinding": ("id", "no", "field", "source", "published", "computed", "computed_status", "note", "note_text"),
    "PlanInfo": ("id", "name", "name_en", "base_year", "target_year"),
    "Data": ("folder", "dataset", "warnings", "plans", "indicators", "to_rows"),
    "Evaluation": ("data", "result", "lang", "plan", "as_of", "summary", "indicators", "find", "to_rows"),
    "Audit": ("plan", "as_of", "findings", "report", "to_rows"),
}


def test_the_stable_names_are_all_there():
    assert set(STABLE["api"]) <= set(api.__all__) <= set(dir(api))
    data = api.load(ROOT)
    evaluation = api.evaluate(data)
    found = {"Data": data, "Evaluation": evaluation, "Audit": api.audit(evaluation), "IndicatorResult": evaluation.indicators[0],
             "AuditFinding": api.audit(evaluation).findings[0], "PlanInfo": evaluation.plan}
    for name, thing in found.items():
        missing = [field for field in STABLE[name] if not hasattr(thing, field)]
        assert not missing, f"{name} lost {missing}: a stable name is never removed or renamed"


def test_a_field_added_to_the_json_breaks_no_record(monkeypatch):
    """Another change may add a field to the --json objects: the records keep theirs."""
    from soctrang_kpi.output import payloads

    for name in ("finding_json", "indicator_json"):
        real = getattr(payloads, name)
        monkeypatch.setattr(payloads, name, lambda *a, _real=real: _real(*a) | {"added_later": 1})
    evaluation = api.evaluate(api.load(ROOT))
    assert len(evaluation.indicators) == 51 and len(api.audit(evaluation).findings) == 17
    assert "added_later" not in evaluation.to_rows()[0]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_record_has_the_target_s_english_wording(tmp_path, lang):
    """`kpi init`'s plan words GRDP's target in English (``printed_en``): the record has it as
    the JSON has it (``target_printed_en``), in either language; a row without one, None."""
    folder = tmp_path / "plan"
    made = CliRunner().invoke(app, ["init", str(folder), "--name", "Nghị quyết", "--base-year", "2025", "--target-year", "2030"],
                              catch_exceptions=False)
    assert made.exit_code == 0, made.stderr
    evaluation = api.evaluate(api.load(folder), lang=lang)
    grdp = evaluation.find("grdp")
    assert (grdp.target_printed, grdp.target_printed_en) == ("Tối thiểu 717 nghìn tỷ đồng", "At least VND 717 trillion")
    printed = {r["id"]: r["target_printed_en"] for r in _json("status", "--data-dir", str(folder), "--lang", lang)["indicators"]}
    assert {r.id: r.target_printed_en for r in evaluation.indicators} == printed
    assert evaluation.to_rows()[[r.id for r in evaluation.indicators].index("grdp")]["target_printed_en"] == "At least VND 717 trillion"


@pytest.mark.parametrize("lang, listed", [("en", True), ("vi", False)])
def test_find_suggests_by_the_english_name_in_english(tmp_path, lang, listed):
    from soctrang_kpi.errors import UsageError

    from ..conftest import plan_yaml

    (tmp_path / "targets.yaml").write_text(plan_yaml(
        "{id: investment, name: Tổng vốn đầu tư toàn xã hội, name_en: Total social investment, unit: tỷ đồng}",
        '{indicator: investment, number: "1", kind: level, value: 100}',
    ), encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text("schema_version: 1\nseries:\n  investment: {actual: {2025: 90}}\n", encoding="utf-8")
    evaluation = api.evaluate(api.load(tmp_path), lang=lang)
    with pytest.raises(UsageError) as raised:
        evaluation.find("social investmnt")
    assert any("investment" in line for line in raised.value.candidates) is listed
