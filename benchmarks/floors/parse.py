"""Floor for large data: import typer and yaml and parse the two files with PyYAML's C loader.
With --write OUT, also write actuals.yaml's bytes to OUT once (the floor of `kpi record`).

    python floors/parse.py DATA_DIR [--write OUT]
"""

import sys
from pathlib import Path

import typer  # noqa: F401
import yaml

folder = Path(sys.argv[1])
for name in ("targets.yaml", "actuals.yaml"):
    yaml.load((folder / name).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
if "--write" in sys.argv:
    out = Path(sys.argv[sys.argv.index("--write") + 1])
    out.write_bytes((folder / "actuals.yaml").read_bytes())
