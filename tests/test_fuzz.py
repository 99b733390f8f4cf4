"""Fuzzing the data files: whatever is mutated, `kpi` ends with a result or a clean error."""

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from soctrang_kpi.cli import app

from .conftest import ROOT

ORIGINAL = {name: yaml.safe_load((ROOT / f"{name}.yaml").read_text(encoding="utf-8")) for name in ("targets", "actuals")}
NASTY = [None, "", "5,76", "417.000", "abc", 1e308, -1e308, 0, -1, -100, True, [], {}, 10**30, "2023", float("nan"), "\u0000"]


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


def _mutate(data, path, action, nasty):
    import copy

    data = copy.deepcopy(data)
    if not path:
        return nasty if action == "replace" else data
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    key = path[-1]
    if action == "delete":
        del parent[key]
    elif action == "rename" and isinstance(parent, dict):
        parent[str(nasty)] = parent.pop(key)
    else:
        parent[key] = nasty
    return data


@st.composite
def mutated(draw):
    name = draw(st.sampled_from(["targets", "actuals"]))
    data = ORIGINAL[name]
    files = dict(ORIGINAL)
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(data))
        path = draw(st.sampled_from(paths))
        data = _mutate(data, path, draw(st.sampled_from(["delete", "replace", "rename"])), draw(st.sampled_from(NASTY)))
    files[name] = data
    texts = {k: yaml.safe_dump(v, allow_unicode=True, sort_keys=False) for k, v in files.items()}
    if draw(st.booleans()):  # and sometimes break the text itself
        text = texts[name]
        at = draw(st.integers(0, max(len(text) - 1, 0)))
        texts[name] = text[:at] + draw(st.sampled_from(["", ":", "- ", "\t", "{", "'", "&a ", "*a"])) + text[at + 1 :]
    return texts


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=mutated())
def test_mutated_files_give_a_result_or_a_clean_error(tmp_path_factory, texts):
    folder = str(tmp_path_factory.mktemp("fuzz"))  # under pytest's own temporary folder
    for name, text in texts.items():
        Path(folder, f"{name}.yaml").write_text(text, encoding="utf-8")
    for command in (["status", "--json"], ["audit"], ["validate"]):
        result = CliRunner().invoke(app, [*command, "--data-dir", folder], catch_exceptions=False)
        assert result.exit_code in (0, 1, 2), (command, result.exit_code, result.stderr)
        if result.exit_code:
            assert result.stderr.startswith(("/", "kpi: ")) and "Traceback" not in result.stderr
            assert result.stdout == ""
