"""Start-up (soctrang_kpi/__main__.py): the modules are imported with the cyclic collector paused,
then frozen out of its sight; the run itself collects as before."""

import json
import subprocess
import sys

from ..conftest import ROOT

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
