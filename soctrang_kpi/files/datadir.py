"""Where the data files are: --data-dir, else $KPI_DATA_DIR, else the current folder if it holds
both files, else the copy bundled with the package. Cheap to import: the cache's fast path
resolves the folder before anything heavy is loaded."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ..errors import UsageError
from ..messages import Text

BUNDLED = Path(__file__).parent.parent / "data"  # the copy of the data shipped with the package
TARGETS = "targets.yaml"
ACTUALS = "actuals.yaml"
FILES = (TARGETS, ACTUALS)


def resolve(explicit: str | os.PathLike | None = None, env: Mapping[str, str] | None = None) -> Path:
    chosen = explicit or (os.environ if env is None else env).get("KPI_DATA_DIR")
    if chosen:
        path = Path(chosen)
        if not path.is_dir():
            raise UsageError(Text("datadir.missing", path=path))
        return path
    here = Path.cwd()
    if all((here / name).is_file() for name in FILES):
        return here
    return BUNDLED


def is_bundled(folder: Path) -> bool:
    return folder.resolve() == BUNDLED.resolve()


def shown(path: Path) -> str:
    """A path as people read it in a message: relative to the current folder when inside it."""
    absolute = os.path.abspath(path)
    here = os.getcwd()
    if absolute.startswith(here + os.sep):
        return os.path.relpath(absolute, here)
    return str(path)
