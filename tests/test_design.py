"""Promises about the shape of the code: formats, imports, docs kept current."""

import json
import os
import subprocess
import sys

import pytest

from soctrang_kpi.output.formats import FORMATS, Format, formatter

from .conftest import ROOT

CORE = ["core.model", "core.calc", "core.classify", "core.evaluate", "core.audit", "core.lookup"]


def test_every_format_has_a_formatter():
    assert set(FORMATS) == set(Format)
    assert all(formatter(f) is not None for f in Format)


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport json, sys; print(json.dumps(sorted(sys.modules)))"
    env = dict(os.environ)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True, env=env)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_core_imports_neither_typer_nor_rich_nor_yaml():
    loaded = _modules_after("; ".join(f"import soctrang_kpi.{m}" for m in CORE))
    assert not {m for m in loaded if m.split(".")[0] in ("typer", "rich", "click", "yaml")}


@pytest.mark.parametrize("args", [["status", "--json"], ["show", "5", "--json"], ["audit", "--json"]])
def test_the_json_path_does_not_import_rich_or_pydantic(args):
    code = (
        "import sys; sys.argv = ['kpi', *%r]\n"
        "from soctrang_kpi.__main__ import main\n"
        "import io, contextlib\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit:\n"
        "        pass\n"
    ) % (args,)
    loaded = _modules_after(code)
    heavy = {m.split(".")[0] for m in loaded} & {"rich", "pydantic", "ruamel", "openpyxl"}
    assert heavy == set()


def test_readme_examples_are_current():
    done = subprocess.run([sys.executable, "docs/examples.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_probe_sees_the_table_writer_when_a_table_is_printed():
    """Guards the test above: the same probe does see what the table path loads."""
    code = (
        "import sys; sys.argv = ['kpi', 'status']\n"
        "from soctrang_kpi.__main__ import main\n"
        "import io, contextlib\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit:\n"
        "        pass\n"
    )
    assert "soctrang_kpi.output.formats.as_table" in _modules_after(code)
