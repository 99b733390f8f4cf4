"""A problem met while a file is read (a duplicate key, a refused tag) names its indicator and
field as every other problem does (files/yaml_subject.py), at every depth of both files."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app

BAD = Path(__file__).parent.parent / "bad"
TARGETS = (BAD / "base.targets.yaml").read_text(encoding="utf-8")
ACTUALS = (BAD / "base.actuals.yaml").read_text(encoding="utf-8")

#: (file, text of it, the line expected in English, its Vietnamese message)
CASES = [
    # actuals.yaml: the series' key, a status, a year, a note, a lũy kế's month, a published record
    ("actuals", ACTUALS.replace("    estimate: {2023: 7.10}", "    estimate: {2023: 7.10}\n    actual: {2023: 1}"),
     "actuals.yaml:6:5: grdp-growth actual: duplicate key 'actual'", "grdp-growth actual: trùng khoá 'actual'"),
    ("actuals", ACTUALS.replace("{2020: 1.12,", "{2020: 1.12, 2020: 1.3,"),
     "actuals.yaml:7:26: exports 2020: duplicate key 2020", "exports 2020: trùng khoá 2020"),
    ("actuals", ACTUALS.replace("    plan: {2024: 1.5, 2025: 1.5}", "    plan: {2024: 1.5, 2025: 1.5}\n    notes:\n      2022: a\n      2022: b"),
     "actuals.yaml:11:7: exports notes.2022: duplicate key 2022", "exports notes.2022: trùng khoá 2022"),
    ("actuals", ACTUALS.replace("    plan: {2024: 1.5, 2025: 1.5}", "    plan: {2024: 1.5, 2025: 1.5}\n    ytd:\n      actual: {2023-03: 1, 2023-03: 2}"),
     "actuals.yaml:10:28: exports ytd.2023-03: duplicate key '2023-03'", "exports ytd.2023-03: trùng khoá '2023-03'"),
    ("actuals", ACTUALS.replace("  exports:", "  grdp-growth:"),
     "actuals.yaml:6:3: grdp-growth: duplicate key 'grdp-growth'", "grdp-growth: trùng khoá 'grdp-growth'"),
    ("actuals", ACTUALS + "series: {}\n",
     "actuals.yaml:9:1: series: duplicate key 'series'", "series: trùng khoá 'series'"),
    ("actuals", ACTUALS + "areas:\n  phuong-1:\n    exports: {actual: {2021: 1}, actual: {2022: 2}}\n",
     "actuals.yaml:11:34: exports actual: duplicate key 'actual'", "exports actual: trùng khoá 'actual'"),
    # targets.yaml: an indicator's key, a target row's key, a plan's own key, an area's key
    ("targets", TARGETS.replace("    unit: Tỷ USD", "    unit: Tỷ USD\n    unit: USD"),
     "targets.yaml:9:5: exports unit: duplicate key 'unit'", "exports unit: trùng khoá 'unit'"),
    ("targets", TARGETS.replace("kind: level, value: 1.2}", "kind: level, value: 1.2, value: 2}"),
     "targets.yaml:16:68: exports value: duplicate key 'value'", "exports value: trùng khoá 'value'"),
    ("targets", TARGETS.replace("    target_year: 2025", "    target_year: 2025\n    base_year: 2019"),
     "targets.yaml:14:5: term base_year: duplicate key 'base_year'", "term base_year: trùng khoá 'base_year'"),
    ("targets", TARGETS + "areas:\n  - {id: tinh, name: Tỉnh, name: Tỉnh Sóc Trăng}\n",
     "targets.yaml:18:28: tinh name: duplicate key 'name'", "tinh name: trùng khoá 'name'"),
    # what the reader refuses inside an indicator's block: a tag, a merge key
    ("actuals", ACTUALS.replace("estimate: {2023: 7.10}", "estimate: {2023: !!python/name:os.system x}"),
     "actuals.yaml:5:22: grdp-growth 2023: tag 'tag:yaml.org,2002:python/name:os.system' is not allowed (safe loading)",
     "grdp-growth 2023: "),
    ("targets", TARGETS.replace("    unit: Tỷ USD", "    unit: Tỷ USD\n    <<: {name: x}"),
     "targets.yaml:9:5: exports: merge keys (<<) are not supported", "exports: "),
]


def _validate(tmp_path: Path, which: str, text: str, lang: str):
    for name, content in (("targets", TARGETS), ("actuals", ACTUALS)):
        (tmp_path / f"{name}.yaml").write_text(text if name == which else content, encoding="utf-8")
    return CliRunner().invoke(app, ["validate", "--data-dir", str(tmp_path)], catch_exceptions=False, env={"KPI_LANG": lang})


@pytest.mark.parametrize("which, text, english, vietnamese", CASES, ids=[c[2].split(": ", 2)[1] + " " + c[2][:20] for c in CASES])
def test_a_problem_met_while_reading_names_its_indicator_and_field(tmp_path, which, text, english, vietnamese):
    result = _validate(tmp_path, which, text, "en")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(str(tmp_path)) and english in lines[0], lines
    said = _validate(tmp_path, which, text, "vi").stderr.splitlines()[0]
    assert said.split(": ", 1)[0] == lines[0].split(": ", 1)[0] and ": " + vietnamese in said, said


def test_the_path_names_the_indicator_and_the_field_as_the_checks_do():
    from soctrang_kpi.files.yaml_subject import in_actuals, in_targets
    from soctrang_kpi.files.yamlio import Index

    tree = {"indicators": [{"id": "a"}, {"id": "b"}], "plans": [{"id": "p", "targets": [{"indicator": "b"}]}]}
    assert in_targets(tree, ("indicators", Index(1), "unit")) == ("b", "unit")
    assert in_targets(tree, ("plans", Index(0), "targets", Index(0), "range", Index(1))) == ("b", "range")
    assert in_targets(tree, ("plans", Index(0), "settings", "precision")) == ("p", "settings.precision")
    assert in_actuals(None, ("series", "b", "actual", 2025)) == ("b", "2025")
    assert in_actuals(None, ("series", "b", "ytd", "actual", "2026-03")) == ("b", "ytd.2026-03")
    assert in_actuals(None, ("schema_version",)) == ("", "schema_version")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_syntax_error_on_a_tab_indented_line_names_no_indicator_it_was_not_written_under(tmp_path, lang):
    """A tab counts as 8 columns: "\\texports:" reads as a line of grdp-growth's block, and the
    error it makes there named grdp-growth — the indicator above the line, not the one on it
    (found by a QA pass). The line, the column and the tab's hint say where it is."""
    result = _validate(tmp_path, "actuals", ACTUALS.replace("  exports:", "\texports:"), lang)
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert "actuals.yaml:6:9: " in first and "grdp-growth" not in first and "exports" not in first
    assert ("tab" in first) if lang == "en" else ("ký tự tab" in first)
