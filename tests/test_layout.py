"""Tests mirror the package: every module of soctrang_kpi/<layer>/ is imported by a test in
tests/<layer>/, every top-level module by some test."""

import re
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "soctrang_kpi"
LAYERS = ("core", "files", "output")
MODULES = sorted(
    ".".join(p.relative_to(ROOT).with_suffix("").parts)
    for p in PACKAGE.rglob("*.py")
    if p.stem != "__init__" and "__pycache__" not in p.parts
)


def _tests_of(module: str) -> str:
    """The text of the tests that should import ``module``: its layer's folder, else them all."""
    layer = module.split(".")[1]
    folder = ROOT / "tests" / (layer if layer in LAYERS else "")
    return "\n".join(p.read_text(encoding="utf-8") for p in folder.rglob("test_*.py"))


@pytest.mark.parametrize("module", MODULES)
def test_every_module_has_a_test_that_imports_it(module):
    package, _, name = module.rpartition(".")
    text = _tests_of(module)
    imported = re.search(rf"\b{re.escape(module)}\b", text) or re.search(
        rf"from {re.escape(package)} import \(?[^)]*?\b{name}\b", text
    )
    assert imported, f"no test in the mirror folder imports {module}"


def test_the_tests_are_in_the_folders_of_the_package():
    for folder in ("core", "files", "output", "cli"):
        assert (ROOT / "tests" / folder / "__init__.py").is_file()
    assert not [p.name for p in (ROOT / "tests").glob("test_*.py") if p.name not in ("test_layout.py", "test_design.py", "test_package.py")]
