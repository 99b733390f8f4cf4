"""Promises about the shape of the code: formats, imports, docs kept current."""

import json
import os
import subprocess
import sys

import pytest

from soctrang_kpi.output.formats import FORMATS, Format, formatter

from .conftest import ROOT

CORE = ["core.model", "core.calc", "core.classify", "core.window", "core.kinds", "core.options", "core.evaluate", "core.audit", "core.lookup"]



def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport json, sys; print(json.dumps(sorted(sys.modules)))"
    env = dict(os.environ)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True, env=env)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def _modules_after_kpi(args: list[str]) -> set[str]:
    """The modules loaded once `kpi ARGS` ran, its output thrown away."""
    code = (
        "import sys; sys.argv = ['kpi', *%r]\n"
        "from soctrang_kpi.__main__ import main\n"
        "import io, contextlib\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit:\n"
        "        pass\n"
    ) % (args,)
    return _modules_after(code)


def test_the_core_imports_neither_typer_nor_rich_nor_yaml():
    loaded = _modules_after("; ".join(f"import soctrang_kpi.{m}" for m in CORE))
    assert not {m for m in loaded if m.split(".")[0] in ("typer", "rich", "click", "yaml")}


@pytest.mark.parametrize("args", [["status", "--json"], ["show", "5", "--json"], ["audit", "--json"]])
def test_the_json_path_does_not_import_rich_or_pydantic(args):
    loaded = _modules_after_kpi(args)
    heavy = {m.split(".")[0] for m in loaded} & {"rich", "pydantic", "ruamel", "openpyxl"}
    assert heavy == set()


def test_the_xlsx_export_does_not_import_openpyxl(tmp_path):
    """kpi writes its workbooks itself (output/formats/spreadsheetml.py); openpyxl only reads."""
    code = (
        "import sys; sys.argv = ['kpi', 'export', '-o', %r]\n"
        "from soctrang_kpi.__main__ import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
    ) % str(tmp_path / "bang.xlsx")
    loaded = _modules_after(code)
    assert (tmp_path / "bang.xlsx").stat().st_size > 0
    assert "soctrang_kpi.output.formats.spreadsheetml" in loaded and "openpyxl" not in loaded


def test_readme_examples_are_current():
    done = subprocess.run([sys.executable, "docs/examples.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_probe_sees_the_table_writer_when_a_table_is_printed():
    """Guards the test above: the same probe does see what the table path loads."""
    assert "soctrang_kpi.output.formats.as_table" in _modules_after_kpi(["status"])


@pytest.mark.parametrize(("args", "worded"), [(["status", "--json"], False), (["status"], True)])
def test_a_target_is_worded_by_phrases_imported_on_first_use(args, worded):
    """output/wording binds ``phrases.target_words`` when it first words a target: `kpi status
    --json` words none and does not import it; the table, which prints the targets, does."""
    assert ("soctrang_kpi.phrases" in _modules_after_kpi(args)) is worded


#: which layers each layer may import (README "Architecture"); the top modules shared by all.
#: compat (what kpi relies on from each library) is a leaf beside core: it imports no layer.
LAYERS = {"core": set(), "compat": set(), "files": {"core", "compat"}, "output": {"core", "compat"}}
SHARED = {"errors", "messages", "numbers", "phrases", "records", "embedded", "__init__"}


def _package_imports(path):
    """The package's own modules a file imports (relative imports resolved to a layer name)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = path.relative_to(ROOT / "soctrang_kpi").parts[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(here[: len(here) - (node.level - 1)]) if node.level > 1 else list(here)
            target = base + (node.module.split(".") if node.module else [])
            names = [target + [alias.name] for alias in node.names] if not node.module else [target]
            modules = {p.stem for p in (ROOT / "soctrang_kpi").iterdir()}
            for parts in names:
                found.add(parts[0] if parts and parts[0] in modules else "__init__")  # __version__
    return found


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_imports_run_one_way(layer):
    """core imports no other layer; files and output import core; only cli and __main__ import all."""
    allowed = LAYERS[layer] | SHARED | {layer}
    for path in sorted((ROOT / "soctrang_kpi" / layer).rglob("*.py")):
        wrong = _package_imports(path) - allowed
        assert not wrong, f"{path.relative_to(ROOT)} imports {sorted(wrong)}"
