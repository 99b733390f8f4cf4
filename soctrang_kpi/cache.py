"""A cache keyed by the data files' content, so unchanged files are not parsed twice.

Two kinds of entries, stored as files in the cache folder (``$KPI_CACHE_DIR``, else
``$XDG_CACHE_HOME/soctrang_kpi``, else ``~/.cache/soctrang_kpi``):

- ``data``: the checked dataset, keyed by the bytes of targets.yaml and actuals.yaml and by this
  package's code. Any command on unchanged files skips parsing and checking.
- ``answer``: what a read-only command printed and its exit code, keyed by the same plus the
  command line, the working folder, the environment variables that change the output and the
  terminal. `kpi` is a pure function of those, so the same question on the same files is answered
  before Typer, YAML or the engine are even imported.

An entry that cannot be read is ignored and rebuilt; ``KPI_CACHE=0`` turns the cache off. Entries
are pickles written by this package into the user's own cache folder, like Python's bytecode
cache. This module imports only the standard library.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from pathlib import Path

from . import __version__, datadir

KEEP = 32  # entries kept; the oldest beyond this are removed when a new one is written
KEEP_BYTES = 512 * 1024 * 1024  # and beyond this much in all (an answer for 100.000 indicators is ~90 MB)
#: environment variables that change what a command prints
OUTPUT_ENV = ("KPI_LANG", "KPI_DATA_DIR", "NO_COLOR", "TERM", "COLUMNS", "LINES")


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
    return f"{__version__}:{sys.version}:{stamps}"


def data_key(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256(_code_stamp().encode())
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()


def answer_key(argv: list[str]) -> str | None:
    """The key of a command line's answer, or None when it cannot be cached (cache off, data
    folder missing or unreadable: the command then runs and reports that itself)."""
    if not enabled():
        return None
    try:
        where = datadir.resolve(_option(argv, "--data-dir"))
        files = {name: (where / name).read_bytes() for name in datadir.FILES}
    except Exception:  # noqa: BLE001 - any problem is for the real command to report
        return None
    tty = sys.stdout.isatty()
    request = {
        "argv": argv,
        "cwd": os.getcwd(),
        "folder": str(where.resolve()),
        "env": {name: os.environ.get(name) for name in OUTPUT_ENV},
        "tty": tty,
        "size": tuple(os.get_terminal_size()) if tty else None,
    }
    text = json.dumps(request, sort_keys=True)
    return hashlib.sha256(f"{data_key(files)}\0{text}".encode()).hexdigest()


def _option(argv: list[str], name: str) -> str | None:
    for i, arg in enumerate(argv):
        if arg == name and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def load(kind: str, key: str):
    """The cached object, or None (missing, disabled or unreadable)."""
    if not enabled():
        return None
    try:
        with open(folder() / f"{kind}-{key}.pickle", "rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - a damaged entry is rebuilt, never an error
        return None


def store(kind: str, key: str, value) -> None:
    """Remember ``value``; a cache that cannot be written is silently skipped."""
    if not enabled():
        return
    from .atomic import write_atomic

    where = folder()
    try:
        where.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(where / f"{kind}-{key}.pickle", data, durable=False)  # a lost entry is rebuilt
        _evict(where)
    except OSError:
        pass


def _evict(where: Path) -> None:
    """Keep the newest entries, at most KEEP of them and KEEP_BYTES in all."""
    entries = sorted(((p.stat(), p) for p in where.glob("*.pickle")), key=lambda e: e[0].st_mtime_ns, reverse=True)
    total = 0
    for index, (stat, path) in enumerate(entries):
        total += stat.st_size
        if index >= KEEP or (index and total > KEEP_BYTES):
            path.unlink(missing_ok=True)
