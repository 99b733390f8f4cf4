"""Floor of a repeat run: import typer and yaml and load the same data from JSON (the two files,
parsed once with PyYAML's C loader and written as JSON before the timing) — the physical limit
of reading data that is already checked.

    python floors/json_load.py FOLDER        # FOLDER/targets.json and FOLDER/actuals.json
"""

import json
import sys
from pathlib import Path

import typer  # noqa: F401
import yaml  # noqa: F401

for name in ("targets.json", "actuals.json"):
    with open(Path(sys.argv[1]) / name, encoding="utf-8") as source:
        json.load(source)
