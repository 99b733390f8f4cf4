"""The package as an index would show it: one version everywhere, its license, its type marker."""

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import soctrang_kpi

from .conftest import ROOT, kpi


def test_kpi_version_is_the_installed_metadata_version():
    installed = metadata.version("soctrang-kpi")
    assert installed == soctrang_kpi.__version__
    assert kpi("--version").stdout == f"kpi {installed}\n"
    done = subprocess.run([sys.executable, "-m", "soctrang_kpi", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert (done.returncode, done.stdout) == (0, f"kpi {installed}\n")


def test_the_version_is_written_once():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and "\nversion =" not in pyproject.split("[tool.setuptools.dynamic]")[0]
    assert f"## [{soctrang_kpi.__version__}]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_metadata_names_the_license_and_the_package_is_typed():
    meta = metadata.metadata("soctrang-kpi")
    assert meta["License-Expression"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert (Path(soctrang_kpi.__file__).parent / "py.typed").is_file()



def test_the_json_schemas_are_package_data():
    """The wheel carries soctrang_kpi/schemas/ (CI stage 3 reads them from an installed wheel)."""
    from soctrang_kpi import api

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"schemas/*.schema.json"' in pyproject.split("[tool.setuptools.package-data]")[1].split("\n[")[0]
    shipped = sorted(p.name for p in (Path(soctrang_kpi.__file__).parent / "schemas").glob("*.schema.json"))
    assert shipped == sorted(f"{name}.schema.json" for name in api.SCHEMAS)
