"""Replacing a file so that a crash leaves the old or the new version, never half of one, and
so that two writers at once take turns instead of losing an update.

``locked`` locks the real file (a symlink is followed, so two folders sharing one file through
links share one lock), removes what an interrupted write left behind and finishes an
interrupted in-place write from its journal. ``replace`` writes the new content:

- a file with one name, owned by the writer (or chown-able to its owner, as root): a temporary
  file beside it, flushed to disk, given the old mode and owner, renamed over it;
- a file with hard links, or whose owner the writer cannot keep: in place, so the inode (and
  with it every link, the owner and the mode) stays. The new content is first written to a
  journal (``.NAME.kpi-journal``, itself written by temporary file and rename, so it is whole or
  absent), then over the file, flushed, and the journal removed. A crash in between leaves the
  journal: readers read it instead of the file (``current``), the next writer finishes the copy.

A file or a folder without any write permission in its mode (``chmod a-w``) is never written,
even by root, who the system would let: the mode is the owner's decision (exit code 4).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import UsageError, WriteError
from ..messages import Text

LOCK_TIMEOUT = 30.0  # seconds to wait for another writer before giving up


@contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[Path]:
    """Hold ``REAL.lock`` exclusively, REAL being the file ``path`` is or links to; yields REAL.
    Read, change and write the file inside this block."""
    real = Path(os.path.realpath(path))
    lock_path = real.with_name(real.name + ".lock")
    _writable(real.parent, "folder")
    try:
        handle = open(lock_path, "a+b")
    except OSError as err:
        raise WriteError(Text("record.cannot_write", path=lock_path, reason=err.strerror or err)) from err
    with handle:
        deadline = time.monotonic() + timeout
        while not _try_lock(handle):
            if time.monotonic() > deadline:
                raise UsageError(Text("atomic.locked", path=path, lock=lock_path))
            time.sleep(0.05)
        try:
            _recover(real)
            yield real
        finally:
            _unlock(handle)


def journal_of(real: Path) -> Path:
    return real.with_name(f".{real.name}.kpi-journal")


def current(path: Path) -> Path:
    """What to read for ``path``: the journal of an in-place write still under way or
    interrupted (it holds the whole new content), else the file."""
    journal = journal_of(Path(os.path.realpath(path)))
    return journal if os.path.lexists(journal) else path


def _recover(real: Path) -> None:
    """Under the lock: remove the temporary files of interrupted writes, finish an interrupted
    in-place write."""
    prefix, suffix = f".{real.name}.", ".tmp"
    try:
        names = os.listdir(real.parent)
    except OSError:
        names = []
    for name in names:
        if name.startswith(prefix) and name.endswith(suffix):
            (real.parent / name).unlink(missing_ok=True)
    journal = journal_of(real)
    if journal.exists():
        try:
            _write_in_place(real, journal.read_bytes())
            journal.unlink()
            _sync_folder(real.parent)
        except OSError as err:
            raise WriteError(Text("record.cannot_write", path=real, reason=err.strerror or err)) from err


def _writable(path: Path, what: str) -> None:
    """Refuse a file or folder whose mode has no write permission, or that we may not write."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # the write itself says what is wrong
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise WriteError(Text("record.read_only", path=path, what=Text(f"rw.{what}"), mode=stat.filemode(mode)))


def replace(real: Path, data: bytes) -> None:
    """Give the file ``real`` the content ``data``, keeping its inode's links, owner and mode;
    WriteError (the file unchanged, or the journal left to finish it) if that fails."""
    _writable(real, "file")
    try:
        found = os.stat(real)
        if found.st_nlink > 1 or not _rename_keeps_owner(found):
            _journaled(real, data)
        else:
            write_atomic(real, data, owner=(found.st_uid, found.st_gid))
    except OSError as err:
        raise WriteError(Text("record.cannot_write", path=real, reason=err.strerror or err)) from err


def _rename_keeps_owner(found: os.stat_result) -> bool:
    if not hasattr(os, "geteuid"):
        return True
    return (found.st_uid, found.st_gid) == (os.geteuid(), os.getegid()) or os.geteuid() == 0


def _journaled(real: Path, data: bytes) -> None:
    journal = journal_of(real)
    write_atomic(journal, data)
    _write_in_place(real, data)
    journal.unlink()
    _sync_folder(real.parent)


def _write_in_place(real: Path, data: bytes) -> None:
    fd = os.open(real, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _try_lock(handle) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _unlock(handle) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def write_atomic(path: Path, data: bytes, durable: bool = True, owner: tuple[int, int] | None = None) -> None:
    """Write a temporary file beside ``path``, flush it to disk, then rename it over ``path``.

    ``durable=False`` skips the flushes to disk (a cache entry may be lost in a power cut, but
    is still never half-written)."""
    target = Path(os.path.realpath(path))  # replace the file a symlink points to, not the link
    import tempfile  # only when writing: reading the data (which checks for a journal) needs none

    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            if durable:
                os.fsync(out.fileno())
        if owner is not None and hasattr(os, "chown"):
            os.chown(temp, *owner)  # before the mode: chown clears set-id bits
        if target.exists():
            os.chmod(temp, target.stat().st_mode & 0o7777)
        else:  # mkstemp makes 0600; a new file gets the usual permissions
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    if durable:
        _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
