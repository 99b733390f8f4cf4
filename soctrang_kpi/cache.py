"""A cache keyed by the data files' content, so unchanged files are not parsed twice.

Two levels, both stored as files in the cache folder (``$KPI_CACHE_DIR``, else
``$XDG_CACHE_HOME/soctrang_kpi``, else ``~/.cache/soctrang_kpi``):

- the checked dataset, keyed by the bytes of targets.yaml and actuals.yaml and by this package's
  code: any command on unchanged files skips parsing and checking;
- a command's output, keyed by the same and by the command, its options and the terminal style:
  `kpi` is a pure function of its files and arguments, so the same question on the same files
  gets the same bytes back without recomputing.

A cache entry that cannot be read is ignored and rebuilt; ``KPI_CACHE=0`` turns the cache off.
Entries are pickles written by this package into the user's own cache folder, like Python's
bytecode cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path

from . import __version__

KEEP = 32  # entries kept; the oldest beyond this are removed when a new one is written


def enabled(env: dict | None = None) -> bool:
    env = os.environ if env is None else env
    return env.get("KPI_CACHE", "1") not in ("0", "false", "no", "off")


def folder(env: dict | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("KPI_CACHE_DIR"):
        return Path(env["KPI_CACHE_DIR"])
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "soctrang_kpi"


def _code_stamp() -> str:
    """This package's version and the modification times of its modules: a changed engine
    must never be answered from an old cache."""
    package = Path(__file__).parent
    stamps = sorted((p.name, p.stat().st_mtime_ns) for p in package.glob("*.py"))
    return f"{__version__}:{stamps}"


def data_key(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256(_code_stamp().encode())
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()


def output_key(data: str, request: dict) -> str:
    text = json.dumps(request, sort_keys=True, default=str)
    return hashlib.sha256(f"{data}\0{text}".encode()).hexdigest()


def load(kind: str, key: str):
    """The cached object, or None (missing, disabled or unreadable)."""
    if not enabled():
        return None
    try:
        with open(folder() / f"{kind}-{key}.pickle", "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None


def store(kind: str, key: str, value) -> None:
    """Remember ``value``; a cache that cannot be written is silently skipped."""
    if not enabled():
        return
    from .atomic import write_atomic

    where = folder()
    try:
        where.mkdir(parents=True, exist_ok=True)
        write_atomic(where / f"{kind}-{key}.pickle", pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        _evict(where)
    except OSError:
        pass


def _evict(where: Path) -> None:
    entries = sorted(where.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for stale in entries[KEEP:]:
        stale.unlink(missing_ok=True)
