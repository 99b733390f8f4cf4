"""A YAML syntax error inside an indicator's block names the indicator, as every other problem
does: `actuals.yaml:18:4: party-members: lỗi cú pháp YAML: …`, not the file and line alone (found
by a QA pass). One line a problem, in both languages, never a traceback; a line that lies in no
indicator's block (a key without its ':') names none rather than the one above it."""

import re

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app

#: (file, the line as `kpi init` writes it, the line broken, the subject named or "" for none)
BROKEN = [
    ("actuals.yaml", "    estimate: {2026: 53500}", "   estimate: {2026: 53500}", "party-members"),  # indented one too few
    ("actuals.yaml", "    estimate: {2026: 53500}", '    estimate: {2026: "53500}', "party-members"),  # a quote left open: met at the end
    ("actuals.yaml", "    actual: {2025: 52000}", "    actual: {2025: 52000", "party-members"),  # a brace left open: met on the next line
    ("actuals.yaml", "    actual: {2025: 52000}", "    actual: {2025: 52000}}", "party-members"),
    ("actuals.yaml", "  grdp-share-agriculture:", "  grdp-share-agriculture", ""),  # no ':': in no block
    ("targets.yaml", "    name_en: Average yearly GRDP growth", "     name_en: Average yearly GRDP growth", "grdp-growth"),
    ("targets.yaml", "    name_en: Average yearly GRDP growth", "   name_en: Average yearly GRDP growth", "grdp-growth"),
    ("targets.yaml", 'kind: level, value: 215}', 'kind: level, value: 215', "grdp-per-capita"),  # a target row
    ("targets.yaml", '{indicator: grdp-per-capita, number: "2",', '{indicator: grdp-per-capita, number: "2,', "grdp-per-capita"),
    ("targets.yaml", "    base_year: 2025", "     base_year: 2025", "term-2025-2030"),  # a plan's own key: the plan
]
PROBLEM = re.compile(r"(?:.*[/\\])?(targets|actuals)\.yaml:(\d+):(\d+): (.*)")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("init")
    assert CliRunner().invoke(app, ["init", str(folder)], catch_exceptions=False).exit_code == 0
    return {name: (folder / name).read_text(encoding="utf-8") for name in ("targets.yaml", "actuals.yaml")}


@pytest.mark.parametrize("lang, syntax", [("vi", "lỗi cú pháp YAML"), ("en", "YAML syntax")])
@pytest.mark.parametrize("name, line, broken, subject", BROKEN)
def test_a_syntax_error_names_the_indicator_whose_block_it_is_in(tmp_path, template, name, line, broken, subject, lang, syntax):
    texts = dict(template)
    assert line in texts[name]
    texts[name] = texts[name].replace(line, broken, 1)
    for file, text in texts.items():
        (tmp_path / file).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", "--data-dir", str(tmp_path), "--lang", lang], catch_exceptions=False, env={"KPI_CACHE": "0"})
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines  # the problem, then "nothing computed"
    found = PROBLEM.fullmatch(lines[0])
    assert found and found.group(1) + ".yaml" == name, lines[0]
    said = found.group(4)
    if subject:
        assert said.startswith(f"{subject}: {syntax}"), said
    else:
        assert said.startswith(syntax), said
