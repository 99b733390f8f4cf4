"""A value's source, day and history in actuals.yaml, written by `kpi record`, read and checked by
the loader, carried by export and import, never lost (README "History of a value"); an
indicator's metadata in targets.yaml (README "Indicator metadata")."""

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from soctrang_kpi.core.model import Period, PointStatus, Version
from soctrang_kpi.errors import DataError
from soctrang_kpi.files import history_data, history_schema, load, metadata, revise

from ..conftest import ROOT, kpi, kpi_en

EXAMPLE = ROOT / "docs" / "example-history"
BASE = ROOT / "tests" / "bad" / "base.targets.yaml"


def _problems(actuals: str, targets: str | None = None) -> list[str]:
    with pytest.raises(DataError) as err:
        load.load_texts(targets if targets is not None else BASE.read_text(encoding="utf-8"), actuals)
    return [str(p) for p in err.value.problems]


def test_the_example_reads_every_version_source_and_day():
    dataset, warnings = load.read(EXAMPLE)
    assert warnings == []
    growth = {p.year: p for p in dataset.series["grdp-growth"]}[2024]
    assert (growth.value, growth.status, growth.source, growth.recorded) == (8.0, PointStatus.ACTUAL, "Cục Thống kê, Niên giám 2024", date(2025, 6, 30))
    assert dataset.history["grdp-growth"][2024] == (
        Version(8.1, PointStatus.ESTIMATE, date(2024, 11, 20), "Sở Kế hoạch và Đầu tư, Báo cáo 11/2024"),
        Version(7.9, PointStatus.PRELIMINARY, date(2025, 3, 15), "Cục Thống kê, số sơ bộ"),
    )
    ytd = Period(2024, 1, 6, True)
    assert dataset.history["budget-revenue"][ytd] == (Version(2700, PointStatus.ESTIMATE, date(2024, 6, 28), "Sở Tài chính, báo cáo 6 tháng"),)
    (lk,) = dataset.periods["budget-revenue"]
    assert (lk.source, lk.recorded) == ("Kho bạc Nhà nước tỉnh", date(2024, 7, 15))
    # the yearly source beside a lũy kế's is its own
    assert {p.year: p.source for p in dataset.series["budget-revenue"]}[2024] == "Sở Tài chính, CV 123/STC"
    indicator = dataset.indicators["grdp-growth"]
    assert (indicator.code, indicator.agency, indicator.reporting, indicator.breakdown) == ("0501", "Cục Thống kê", ("quarter", "year"), "Khu vực kinh tế")
    assert dataset.indicators["budget-revenue"].reporting == ("month",)


def test_an_index_series_reads_its_history_as_indices():
    text = (
        "schema_version: 1\nseries:\n  grdp-growth:\n    as_index: true\n    actual: {2020: 101.2, 2021: 108}\n"
        "    history: {2021: [{value: 107.5, status: estimate}]}\n"
    )
    dataset, _ = load.load_texts(BASE.read_text(encoding="utf-8"), text)
    assert dataset.history["grdp-growth"][2021] == (Version(pytest.approx(7.5), PointStatus.ESTIMATE),)


@pytest.mark.parametrize(
    "lines, expected",
    [
        ("    sources: {2023: x}", "actuals.yaml:5:21: grdp-growth sources.2023: 2023 has no value"),
        ("    recorded: {2021: 2024-13-01}", "actuals.yaml:5:22: grdp-growth recorded.2021: expected a date written 2024-03-15, found \"2024-13-01\""),
        ("    recorded: {2021: 15/3/2024}", "actuals.yaml:5:22: grdp-growth recorded.2021: expected a date written 2024-03-15, found \"15/3/2024\""),
        ("    history: {2021: {value: 1, status: actual}}", "actuals.yaml:5:21: grdp-growth history.2021: expected a list (a list of earlier values), found a mapping"),
        ("    history: {2021: [{value: 1}]}", "actuals.yaml:5:22: grdp-growth status: missing field 'status'"),
        ("    history: {2021: [{value: 1, status: final}]}", "actuals.yaml:5:41: grdp-growth history.2021: expected one of actual, preliminary, estimate, plan, found \"final\""),
        ("    history: {2021: [{value: 1, status: actual, by: me}]}", "actuals.yaml:5:53: grdp-growth by: unknown field 'by' (expected one of value, status, recorded, source, note)"),
        ("    history: {2021: [{value: 1,5, status: actual}]}", "actuals.yaml:5:30: grdp-growth history.2021: expected a number, found \"1,5\" (use 1.5)"),
        ("    history: {2026-06: [{value: 1, status: actual}]}", "actuals.yaml:5:24: grdp-growth history.2026-06: 2026-06 has no value"),
        ("    ytd: {sources: {2021-06: x}}", "actuals.yaml:5:30: grdp-growth sources.2021-06: year to date to 2021-06 has no value"),
        ("    sources: {2021: \"\"}", "actuals.yaml:5:21: grdp-growth sources.2021: expected text, found \"\""),
    ],
)
def test_a_bad_provenance_is_reported_at_its_line(lines, expected):
    text = "schema_version: 1\nseries:\n  grdp-growth:\n    actual: {2020: 1.26, 2021: 2.49}\n" + lines + "\n"
    assert _problems(text) == [expected]  # one line, with file:line:column, indicator and field


@pytest.mark.parametrize(
    "key, expected",
    [
        ("code: 501", "targets.yaml:4:11: grdp-growth code: a code is text: write it in quotes (501 would be read as a number)"),
        ("reporting: weekly", "targets.yaml:4:16: grdp-growth reporting: expected one of month, quarter, half_year, year, found \"weekly\""),
        ("reporting: [year, daily]", "targets.yaml:4:23: grdp-growth reporting: expected one of month, quarter, half_year, year, found \"daily\""),
        ("agency: [a, b]", "targets.yaml:4:13: grdp-growth agency: expected text, found a list"),
    ],
)
def test_bad_metadata_is_reported_at_its_line(key, expected):
    targets = BASE.read_text(encoding="utf-8")
    first = targets.index("    name:", targets.index("id: grdp-growth"))
    targets = targets[:first] + f"    {key}\n" + targets[first:]
    assert _problems("schema_version: 1\nseries: {}\n", targets) == [expected]


def test_two_indicators_with_one_code_are_refused():
    targets = (EXAMPLE / "targets.yaml").read_text(encoding="utf-8").replace("    agency: Sở Tài chính", '    code: "0501"\n    agency: Sở Tài chính')
    problems = _problems("schema_version: 1\nseries: {}\n", targets)
    assert any("budget-revenue code: indicator 'grdp-growth' has the same code" in p for p in problems), problems
    assert metadata.REPORTING == ("month", "quarter", "half_year", "year")


@pytest.fixture
def recorded(tmp_path):
    """The bundled data with grdp-growth 2024 recorded three times (the issue's case)."""
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    steps = [
        ("8.1", "estimate", "Sở KH&ĐT, BC 11/2024", "2024-11-20"),
        ("7.9", "preliminary", "Cục Thống kê, sơ bộ", "2025-03-15"),
        ("8.0", "actual", "Cục Thống kê, Niên giám", "2025-06-30"),
    ]
    for value, status, source, day in steps:
        result = kpi("record", "grdp-growth", "2024", value, "--status", status, "--source", source, "--date", day, "--force", "--data-dir", str(tmp_path))
        assert result.exit_code == 0, result.stderr
    assert result.stdout.strip().endswith("grdp-growth 2024: 7,9 (sơ bộ) → 8,0 (thực hiện) — nguồn: Cục Thống kê, Niên giám")  # as typed and written
    return tmp_path


def test_a_value_recorded_three_times_keeps_three_versions(recorded):
    text = (recorded / "actuals.yaml").read_text(encoding="utf-8")
    assert (  # in flow style, as the entry writes its years; a version a line
        "    sources: {2024: \"Cục Thống kê, Niên giám\"}\n    recorded: {2024: 2025-06-30}\n    history:\n      2024:\n"
        "        - {value: 7.5, status: plan}\n"
        "        - {value: 8.1, status: estimate, recorded: 2024-11-20, source: \"Sở KH&ĐT, BC 11/2024\"}\n"
        "        - {value: 7.9, status: preliminary, recorded: 2025-03-15, source: \"Cục Thống kê, sơ bộ\"}\n" in text
    )
    shown = kpi("show", "grdp-growth", "--history", "--data-dir", str(recorded))
    assert shown.exit_code == 0, shown.stderr
    for piece in ("2024         7,50  lộ trình    -           đã thay", "8,10  ước tính    20/11/2024  đã thay    Sở KH&ĐT, BC 11/2024",
                  "7,90  sơ bộ       15/03/2025  đã thay    Cục Thống kê, sơ bộ", "8  thực hiện   30/06/2025  hiện hành  Cục Thống kê, Niên giám"):
        assert piece in shown.stdout
    data = json.loads(kpi("show", "grdp-growth", "--json", "--as-of", "2024", "--data-dir", str(recorded)).stdout)
    (point,) = [p for p in data["series"] if p["year"] == 2024]
    assert point["source"] == "Cục Thống kê, Niên giám" and point["recorded"] == "2025-06-30"
    assert [(v["value"], v["status"], v["recorded"]) for v in point["history"]] == [
        (7.5, "plan", None), (8.1, "estimate", "2024-11-20"), (7.9, "preliminary", "2025-03-15"),
    ]


@pytest.mark.parametrize("day, value, status", [("2024-11-19", 7.5, "plan"), ("2024-12-01", 8.1, "estimate"), ("2025-04-01", 7.9, "preliminary"), ("2025-07-01", 8.0, "actual")])
def test_as_known_on_evaluates_with_the_version_of_that_day(recorded, day, value, status):
    data = json.loads(kpi("show", "grdp-growth", "--as-known-on", day, "--as-of", "2024", "--json", "--data-dir", str(recorded)).stdout)
    (point,) = [p for p in data["series"] if p["year"] == 2024]
    assert (point["value"], point["status"], data["known_on"]) == (value, status, day)
    status_json = json.loads(kpi("status", "--as-known-on", day, "--as-of", "2024", "--json", "--data-dir", str(recorded)).stdout)
    row = next(r for r in status_json["indicators"] if r["id"] == "grdp-growth")
    assert row["latest"]["value"] == (value if status != "plan" else 7.1) and status_json["known_on"] == day  # a roadmap value is no latest


def test_a_record_without_a_source_leaves_the_old_source_with_the_old_value(recorded):
    assert kpi("record", "grdp-growth", "2024", "8.05", "--force", "--note", "sửa lỗi gõ", "--date", "2025-07-01", "--data-dir", str(recorded)).exit_code == 0
    dataset, _ = load.read(recorded)
    point = {p.year: p for p in dataset.series["grdp-growth"]}[2024]
    assert (point.value, point.source, point.note, point.recorded) == (8.05, "", "sửa lỗi gõ", date(2025, 7, 1))
    assert dataset.history["grdp-growth"][2024][-1] == Version(8.0, PointStatus.ACTUAL, date(2025, 6, 30), "Cục Thống kê, Niên giám")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--status", "actual", "--date", "2025-01-01"], "--date 2025-01-01 is before the day the value it replaces (8) was recorded, 2025-06-30"),
        (["--date", "2999-01-01"], "--date 2999-01-01 is after today"),
        (["--date", "1/1/2025"], "expected a date written 2024-03-15, found '1/1/2025'"),
        (["--source", "  "], "--source is empty or holds a control character"),
        (["--note", "a\x1b[31mb"], "--note is empty or holds a control character"),
    ],
)
def test_a_bad_record_of_a_revision_writes_nothing(recorded, args, message):
    before = (recorded / "actuals.yaml").read_bytes()
    result = kpi_en("record", "grdp-growth", "2024", "8.2", "--force", *args, "--data-dir", str(recorded))
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert (recorded / "actuals.yaml").read_bytes() == before


def test_an_estimate_is_never_silently_made_an_actual(folder):
    before = (folder / "actuals.yaml").read_bytes()
    result = kpi_en("record", "grdp-growth", "2023", "7.25", "--force", "--data-dir", str(folder))
    assert result.exit_code == 2
    assert "grdp-growth 2023 has 7.1 (estimate): say the status of the new value with --status (--status estimate keeps it" in result.stderr
    assert (folder / "actuals.yaml").read_bytes() == before
    kept = kpi("record", "grdp-growth", "2023", "7.25", "--force", "--status", "estimate", "--data-dir", str(folder))
    assert kept.exit_code == 0 and "7,1 (ước tính) → 7,25 (ước tính)" in kept.stdout
    # a roadmap value is replaced by what was observed: actual, the roadmap kept in the history
    observed = kpi("record", "grdp-growth", "2024", "7.4", "--force", "--data-dir", str(folder))
    assert observed.exit_code == 0 and "7,5 (lộ trình) → 7,4 (thực hiện)" in observed.stdout


def test_init_and_import_never_write_over_a_history(recorded, tmp_path):
    before = (recorded / "actuals.yaml").read_bytes()
    result = kpi_en("init", str(recorded), "--force", "--name", "Kế hoạch mới")
    assert result.exit_code == 2 and "keeps 3 earlier value(s) that the new file does not: writing over it would lose them" in result.stderr
    assert (recorded / "actuals.yaml").read_bytes() == before
    # kpi's own export carries the history: importing it over the folder keeps every version
    assert kpi("export", "-o", str(tmp_path / "bang.xlsx"), "--data-dir", str(recorded)).exit_code == 0
    assert kpi("import", str(tmp_path / "bang.xlsx"), "-o", str(recorded), "--force").exit_code in (0, 5)
    dataset, _ = load.read(recorded)
    assert [v.value for v in dataset.history["grdp-growth"][2024]] == [7.5, 8.1, 7.9]


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_sources_history_and_metadata_round_trip_through_export_and_import(tmp_path, suffix):
    out = tmp_path / f"bang.{suffix}"
    assert kpi("export", "-o", str(out), "--data-dir", str(EXAMPLE)).exit_code == 0
    result = kpi("import", str(out), "-o", str(tmp_path / "back"))
    assert result.exit_code in (0, 5), result.stderr
    before, _ = load.read(EXAMPLE)
    after, _ = load.read(tmp_path / "back")
    assert after.indicators == before.indicators
    assert after.history == before.history
    assert after.series == before.series and after.periods == before.periods


def test_an_office_edit_of_an_exported_value_goes_to_its_history():
    entry = {"actual": {"2023": 7.1}, "sources": {"2023": "Cục Thống kê"}, "recorded": {"2023": "2024-03-01"}, "notes": {2023: "x"}}
    found = revise.revised_data(entry, {2023: (7.1, "actual")}, {2023: (7.3, "actual")}, date(2025, 1, 2))
    assert found["history"] == {2023: [{"value": 7.1, "status": "actual", "recorded": "2024-03-01", "source": "Cục Thống kê"}]}
    assert found["recorded"] == {2023: "2025-01-02"} and "sources" not in found
    same = revise.revised_data(entry, {2023: (7.1, "actual")}, {2023: (7.1, "actual")}, date(2025, 1, 2))
    assert same["sources"] == {2023: "Cục Thống kê"} and "history" not in same


def test_a_file_that_is_not_yaml_counts_a_history_key():
    assert sum(history_data.versions_in("series: {a: [\n  history: x").values()) == 1
    assert not history_data.versions_in("schema_version: 1\nseries: {}\n")
    example = (EXAMPLE / "actuals.yaml").read_text(encoding="utf-8")
    assert sum(history_data.versions_in(example).values()) == 3
    # as many versions, but another one: that one would be lost
    other = example.replace("{value: 7.9, status: preliminary", "{value: 7.8, status: preliminary")
    assert sum((history_data.versions_in(example) - history_data.versions_in(other)).values()) == 1


def test_a_day_is_checked_as_written():
    from soctrang_kpi.files.checks import Checks

    c = Checks("actuals.yaml", "")
    assert history_schema.day(c, "2024-02-29", (), "x", "f") == date(2024, 2, 29)
    assert history_schema.day(c, "2023-02-29", (), "x", "f") is None and len(c.pending) == 1


def test_a_dated_report_is_audited_with_what_was_recorded_by_its_date(tmp_path):
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(EXAMPLE / name, tmp_path / name)
    dated = json.loads(kpi("audit", "--json", "--data-dir", str(tmp_path)).stdout)
    assert dated["findings"] == [] and dated["audited_known_on"] == "2024-12-05"
    text = (tmp_path / "actuals.yaml").read_text(encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(text.replace("date: 2024-12-05, ", ""), encoding="utf-8")
    undated = json.loads(kpi("audit", "--json", "--data-dir", str(tmp_path)).stdout)
    assert [(f["field"], f["published"], f["computed"]) for f in undated["findings"]] == [("midterm_pct", 90.72, pytest.approx(90.37, abs=0.01))]
    assert undated["audited_known_on"] is None


def test_a_history_shared_through_an_alias_is_never_written(tmp_path):
    shutil.copy(BASE, tmp_path / "targets.yaml")
    text = (
        "schema_version: 1\nseries:\n  grdp-growth:\n    actual: {2020: 1.26, 2021: 2.49}\n"
        "    history: {2021: &old [{value: 2.4, status: estimate}]}\n"
        "  exports:\n    actual: {2020: 1.12, 2021: 1.3}\n    history: {2021: *old}\n"
    )
    (tmp_path / "actuals.yaml").write_text(text, encoding="utf-8")
    result = kpi_en("record", "grdp-growth", "2021", "2.5", "--force", "--data-dir", str(tmp_path))
    assert result.exit_code == 2 and "shared through a YAML anchor and alias (line 5, column 21)" in result.stderr
    assert (tmp_path / "actuals.yaml").read_text(encoding="utf-8") == text
    # another year of the same entry is written: its own list, beside the shared one
    assert kpi("record", "grdp-growth", "2020", "1.3", "--force", "--date", "2024-01-15", "--data-dir", str(tmp_path)).exit_code == 0
    assert "    history: {2020: [{value: 1.26, status: actual}], 2021: &old [{value: 2.4, status: estimate}]}\n" in (tmp_path / "actuals.yaml").read_text(encoding="utf-8")


def test_a_quarter_and_a_month_keep_their_versions_like_a_year(tmp_path):
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(EXAMPLE / name, tmp_path / name)
    steps = [
        ("2024-Q2", "1400", "estimate", "Sở Tài chính, ước quý II", "2024-06-20"),
        ("2024-Q2", "1450", "actual", "Kho bạc, quý II", "2024-07-10"),
        ("2024-05", "470", "estimate", "Sở Tài chính, ước tháng 5", "2024-05-25"),
    ]
    for when, value, status, source, day in steps:
        result = kpi("record", "budget-revenue", when, value, "--status", status, "--source", source, "--date", day, "--force", "--data-dir", str(tmp_path))
        assert result.exit_code == 0, result.stderr
    dataset, _ = load.read(tmp_path)
    quarter = Period(2024, 4, 6)
    assert dataset.history["budget-revenue"][quarter] == (Version(1400, PointStatus.ESTIMATE, date(2024, 6, 20), "Sở Tài chính, ước quý II"),)
    text = (tmp_path / "actuals.yaml").read_text(encoding="utf-8")
    assert '2024-05: "Sở Tài chính, ước tháng 5", 2024-Q2: "Kho bạc, quý II"' in text  # in the order of the periods
    shown = kpi("show", "budget-revenue", "--history", "--data-dir", str(tmp_path)).stdout
    assert "2024-Q2" in shown and "Sở Tài chính, ước quý II" in shown
    then = json.loads(kpi("show", "budget-revenue", "--as-of", "2024-06", "--as-known-on", "2024-07-01", "--json", "--data-dir", str(tmp_path)).stdout)
    assert [(p["key"], p["value"], p["status"]) for p in then["periods"] if p["key"] == "2024-Q2"] == [("2024-Q2", 1400, "estimate")]


def test_a_replaced_value_dated_after_the_value_itself_is_a_warning():
    text = (
        "schema_version: 1\nseries:\n  grdp-growth:\n    actual: {2020: 1.26, 2021: 2.49}\n    recorded: {2021: 2024-03-01}\n"
        "    history: {2021: [{value: 2.4, status: estimate, recorded: 2024-05-01}]}\n"
    )
    _dataset, warnings = load.load_texts(BASE.read_text(encoding="utf-8"), text)
    assert [str(w) for w in warnings] == [
        "actuals.yaml:6:21: warning: grdp-growth history.2021: a replaced value is dated after the value itself (2024-03-01): --as-known-on would take it over the value"
    ]



def test_a_version_written_7_or_7_0_is_the_same_version():
    one = "schema_version: 1\nseries:\n  a:\n    history: {2024: [{value: 7, status: plan, recorded: 2024-01-02}]}\n"
    two = one.replace("value: 7,", "value: 7.0,").replace("recorded: 2024-01-02", 'recorded: "2024-01-02"')
    assert not history_data.versions_in(one) - history_data.versions_in(two)


def test_an_area_s_versions_are_counted_too():
    """kpi init/import --force refuse to drop an area's history as the territory's."""
    text = "schema_version: 1\nareas:\n  xa-a:\n    grdp: {estimate: {2026: 94}, history: {2026: [{value: 92, status: estimate}]}}\n"
    assert history_data.versions_in(text) == {("xa-a/grdp", "2026", history_data._canonical({"value": 92, "status": "estimate"})): 1}
    assert sum((history_data.versions_in(text) - history_data.versions_in("schema_version: 1\n")).values()) == 1


def test_a_day_recorded_after_today_is_an_error_at_its_line(tmp_path):
    """A value cannot be known before it is recorded: a hand-edited future day is refused (as
    `kpi record --date` refuses one), so --as-known-on today never disagrees with the plain table."""
    from datetime import timedelta

    today = date.today()
    later = (today + timedelta(days=1)).isoformat()
    text = (
        "schema_version: 1\nseries:\n  grdp-growth:\n    actual: {2020: 1.26, 2021: 2.49}\n"
        f"    recorded: {{2021: {later}}}\n"
        f"    history: {{2021: [{{value: 2.4, status: estimate, recorded: {later}}}]}}\n"
    )
    said = f"after today ({today.isoformat()}): a value cannot be known before it is recorded"
    assert _problems(text) == [
        f"actuals.yaml:5:22: grdp-growth recorded.2021: recorded {later}, {said}",
        f"actuals.yaml:6:63: grdp-growth history.2021: recorded {later}, {said}",
    ]
    # today itself is known today
    load.load_texts(BASE.read_text(encoding="utf-8"), text.replace(later, today.isoformat()))


@pytest.mark.parametrize("typed, run, said, kept", [
    ("7,10", kpi, "- → 7,10 (thực hiện)", "2023-04: 7.10"),  # the float 7.1 would lose the zero the file keeps
    ("7.10", kpi_en, "- → 7.10 (actual)", "2023-04: 7.10"),
    ("7,1250", kpi, "- → 7,1250 (thực hiện)", "2023-04: 7.1250"),  # as kpi asks a decimal of three places to be typed
    ("8", kpi, "- → 8 (thực hiện)", "2023-04: 8"),
])
def test_record_confirms_the_value_as_typed_and_written(tmp_path, typed, run, said, kept):
    """`kpi record` says the value as it went into the file: "7,10", the decimals typed, not "7,1"."""
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    result = run("record", "grdp-growth", "2023-04", typed, "--data-dir", str(tmp_path))
    assert result.exit_code == 0 and said in result.stdout, result.stdout + result.stderr
    assert kept in (tmp_path / "actuals.yaml").read_text(encoding="utf-8")
    again = run("record", "grdp-growth", "2023-04", typed, "--data-dir", str(tmp_path))  # refused: it quotes the new value as typed too
    assert again.exit_code == 2 and said.split("→ ")[1].split(" ")[0] in again.stderr.split("→")[-1].split(";")[-1], again.stderr
