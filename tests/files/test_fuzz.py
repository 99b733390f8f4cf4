"""Fuzzing the data files: whatever is mutated, `kpi` ends with a result or a clean error."""

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from soctrang_kpi.cli import app

from ..conftest import ROOT

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
    for _ in range(draw(st.integers(0, 3))):  # YAML's other line breaks, bidi and format characters
        text = texts[name]
        at = draw(st.integers(0, len(text)))
        texts[name] = text[:at] + draw(st.sampled_from(ODD)) + text[at:]
    return texts


#: what a note pasted from a web page or a word processor brings: every YAML line break but LF,
#: bidirectional controls, zero-width and other format characters, a BOM in the middle
ODD = ["\r", "\r\n", "\x85", "\u2028", "\u2029", "\u202e", "\u202a", "\u2066", "\u2069", "\u200e", "\u200b", "\u200d", "\ufeff", "\u00ad", "\u061c"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=mutated())
def test_mutated_files_give_a_result_or_a_clean_error(tmp_path_factory, texts):
    folder = str(tmp_path_factory.mktemp("fuzz"))  # under pytest's own temporary folder
    for name, text in texts.items():
        Path(folder, f"{name}.yaml").write_text(text, encoding="utf-8")
    for command in (["status", "--json"], ["audit"], ["validate"]):
        result = CliRunner().invoke(app, [*command, "--data-dir", folder], catch_exceptions=False)
        assert result.exit_code in (0, 1, 2), (command, result.exit_code, result.stderr)
        assert "internal error" not in result.stderr
        if result.exit_code:
            assert result.stderr.startswith(("/", "kpi: ")) and "Traceback" not in result.stderr
            assert result.stdout == ""
        if command == ["status", "--json"] or result.exit_code:
            continue
        shown = result.stdout + result.stderr  # at the terminal: no bidi control reorders a line
        assert not any(char in shown for char in ODD if char not in "\r\n\u200b\u200d\ufeff\u00ad")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(texts=mutated(), year=st.sampled_from([2021, 2023, 2026]), value=st.sampled_from(["7.5", "1e-3", "-2"]))
def test_record_on_mutated_files_writes_exactly_one_value_or_nothing(tmp_path_factory, texts, year, value):
    """Whatever the file holds (odd line breaks included), `kpi record` changes the one value
    asked for — the file then reads as before with that value changed — or writes nothing."""
    from soctrang_kpi.core.model import Point, PointStatus
    from soctrang_kpi.files import load
    from soctrang_kpi.files.record import expected

    folder = tmp_path_factory.mktemp("fuzz-record")
    for name, text in texts.items():
        Path(folder, f"{name}.yaml").write_text(text, encoding="utf-8")
    before = Path(folder, "actuals.yaml").read_bytes()
    result = CliRunner().invoke(
        app, ["record", "grdp-growth", str(year), value, "--force", "--status", "actual", "--date", "2024-01-15", "--any-year", "--data-dir", str(folder)],
        catch_exceptions=False,
    )
    after = Path(folder, "actuals.yaml").read_bytes()
    assert result.exit_code in (0, 1, 2), result.stderr
    assert "internal error" not in result.stderr
    if result.exit_code:
        assert after == before
        return
    old, _ = load.load_texts(texts["targets"], before.decode("utf-8"))
    new, _ = load.load_texts(texts["targets"], after.decode("utf-8"))
    previous = next((p for p in old.series.get("grdp-growth", ()) if p.year == year), None)
    number = float(value) if "." in value or "e" in value else int(value)
    from datetime import date

    from soctrang_kpi.files.revise import with_version

    wanted = expected(old, "grdp-growth", Point(year, number, PointStatus.ACTUAL, previous.note if previous else "", "", date(2024, 1, 15)))
    assert new == with_version(wanted, "grdp-growth", year, previous, False)  # and the value it replaced, kept
