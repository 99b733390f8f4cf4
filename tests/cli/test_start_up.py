"""Start-up (soctrang_kpi/__main__.py): the modules are imported with the cyclic collector paused,
then frozen out of its sight; the run itself collects as before."""

import json
import os
import subprocess
import sys

import pytest

from ..conftest import ROOT, large_copy

PROBE = """
import gc, json, sys
from soctrang_kpi.__main__ import _started
before = gc.get_freeze_count()
app = _started(["status"])
print(json.dumps({"enabled": gc.isenabled(), "frozen": gc.get_freeze_count() - before,
                  "cli": "soctrang_kpi.cli" in sys.modules, "app": type(app).__name__}))
"""


def test_start_up_freezes_what_it_imported_and_leaves_the_collector_on():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, check=True)
    seen = json.loads(done.stdout)
    assert seen["enabled"] and seen["cli"] and seen["app"] == "Typer"
    assert seen["frozen"] > 10_000  # the modules, classes and functions of Typer, PyYAML and kpi


def test_a_failed_start_up_still_leaves_the_collector_on():
    probe = (
        "import gc, sys\n"
        "sys.modules['soctrang_kpi.cli'] = None  # an import that fails\n"
        "from soctrang_kpi.__main__ import _started\n"
        "try:\n"
        "    _started(['status'])\n"
        "except ImportError:\n"
        "    print(gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "True"


RUN = """
import sys
from soctrang_kpi.__main__ import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.__stderr__.write("\\n" + " ".join(sorted(sys.modules)))
"""

#: what only some data needs (README "Performance"): the bundled data has no areas, no
#: actuals.csv and is too small for the cache of checked data, and no target of it gives its
#: printed wording — so a run on it imports none of these
ONLY_FOR_SOME_DATA = (
    "csv",  # actuals.csv
    "soctrang_kpi.files.actuals_csv",
    "soctrang_kpi.files.areas_schema",  # areas:, aggregate:, area:
    "soctrang_kpi.core.areas",
    "soctrang_kpi.core.aggregate",
    "_hashlib",  # the cache's keys (OpenSSL's SHA-256, called directly), for data of 1 MB or more
    "_blake2",  # the cache's keys below 1 MB (files/cache.HASHINGS), for data of 256 KB or more
    "soctrang_kpi.files.plain",
    "soctrang_kpi.files.appendix_layout",  # printed: "Trên 80 %"
    "dataclasses",
)


@pytest.mark.parametrize("args", [["status", "--json"], ["status"], ["show", "5", "--json"]])
def test_the_bundled_data_imports_only_what_it_needs(args, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "KPI_DATA_DIR"} | {"XDG_CACHE_HOME": str(tmp_path), "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, cwd=tmp_path, env=env, check=True)
    assert "Sóc Trăng 2020–2025" in done.stderr and done.stdout  # the bundled data, read and said
    imported = set(done.stderr.splitlines()[-1].split())
    assert "soctrang_kpi.files.load" in imported and "yaml" in imported
    assert sorted(imported.intersection(ONLY_FOR_SOME_DATA)) == []
    if args[0] == "status":
        assert "soctrang_kpi.core.history" not in imported  # the history of a value: `kpi show`'s sources
    if "--json" not in args:
        assert "json" not in imported  # the cache's entries, and --json


@pytest.mark.parametrize("setting, hashes", [("0", False), ("data", True), ("1", True)])
def test_a_large_folder_with_the_cache_off_hashes_nothing(setting, hashes, tmp_path):
    """KPI_CACHE=0: nothing is looked up, so neither the answers nor the hashing are imported;
    KPI_CACHE=data keeps the checked data (hashed) but never imports the answers."""
    folder = large_copy(tmp_path / "data")
    env = {k: v for k, v in os.environ.items() if k != "KPI_DATA_DIR"} | {"XDG_CACHE_HOME": str(tmp_path / "xdg"), "KPI_CACHE": setting}
    done = subprocess.run([sys.executable, "-c", RUN, "status", "--json"], capture_output=True, text=True, cwd=folder, env=env, check=True)
    imported = set(done.stderr.splitlines()[-1].split())
    assert json.loads(done.stdout)["schema_version"]
    assert ("_blake2" in imported) is hashes  # the entries are signed: keyed BLAKE2b below 1 MB
    assert "_hashlib" not in imported  # OpenSSL's SHA-256 and HMAC from 1 MB
    assert "hashlib" not in imported and "hmac" not in imported  # called directly (files/cache.py)
    assert ("soctrang_kpi.files.answers" in imported) is (setting == "1")
