"""Where the data files are: --data-dir, else $KPI_DATA_DIR, else the current folder if it holds
either file, else the copy bundled with the package.

The bundled data is used only when no folder is named and the current folder holds neither
file (not even a broken link, a folder of that name or a name differing in case): a folder with
one file missing is an error naming it, never a silent switch to other data. Cheap to import."""

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
ACTUALS_CSV = "actuals.csv"  # values one a row, beside actuals.yaml or instead of it (files/actuals_csv.py)


def resolve(explicit: str | os.PathLike | None = None, env: Mapping[str, str] | None = None) -> Path:
    chosen = explicit or (os.environ if env is None else env).get("KPI_DATA_DIR")
    if chosen:
        path = Path(chosen)
        if not path.is_dir():
            raise UsageError(Text("datadir.missing", path=path))
        return path
    here = Path.cwd()
    if any(os.path.lexists(here / name) for name in FILES) or _similar_names(here):
        return here  # loading says what is wrong with the other file
    return BUNDLED


def _similar_names(folder: Path) -> bool:
    """Actuals.yaml or TARGETS.YAML: meant as data, so not a reason to use the bundled data."""
    try:
        return any(name.lower() in FILES for name in os.listdir(folder))
    except OSError:
        return False


def is_bundled(folder: Path) -> bool:
    return folder.resolve() == BUNDLED.resolve()


def shown(path: Path) -> str:
    """A path as people read it in a message: relative to the current folder when inside it."""
    absolute = os.path.abspath(path)
    here = os.getcwd()
    if absolute.startswith(here + os.sep):
        return os.path.relpath(absolute, here)
    return str(path)
