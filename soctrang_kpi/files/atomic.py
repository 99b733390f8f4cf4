"""Replacing a file so that a crash leaves the old or the new version, never half of one, and
so that two writers at once take turns instead of losing an update.

``locked`` locks the real file (a symlink is followed, so two folders sharing one file through
links share one lock), removes what an interrupted write left behind and finishes an
interrupted in-place write from its journal. ``replace`` writes the new content:

- a file with one name, owned by the writer (or chown-able to its owner, as root): a temporary
  file beside it, flushed to disk, given the old mode and owner, renamed over it;
- a file with hard links, or whose owner the writer cannot keep: in place, so the inode (and
  with it every link, the owner and the mode) stays. The new content is first written to a
  journal (``.NAME.kpi-journal``: a header, the old content and the new, itself written by
  temporary file and rename, so it is whole or absent), then over the file, flushed, and the
  journal removed. If that write fails, the old content is written back; if even that fails,
  the journal stays: readers read its new content while the file is the old one, the new one or
  a mix of the two (``read_current``, which says so on stderr), the next writer finishes the
  copy. A file that changed since (edited by hand) is read as it is, the journal being stale.

Nothing found beside the data is trusted: the lock, the journal and temporary files are opened
without following links, must be regular files owned by the user (or root, or the data file's
owner), and are read within a bound; an output path that is a device, a FIFO or a socket is
refused. Names stay within 255 bytes however long the data file's name is.

A file or a folder without any write permission in its mode (``chmod a-w``) is never written,
even by root, who the system would let: the mode is the owner's decision (exit code 4).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from . import regular
from .datadir import shown as said
from .oserror import reason
from ..errors import DataError, Problem, UsageError, WriteError
from ..messages import Num, Text

LOCK_TIMEOUT = 30.0  # seconds to wait for another writer before giving up
NAME_MAX = 255  # bytes in a file name on the file systems kpi writes to
JOURNAL_MAGIC = b"kpi-journal 1 "
_SAFE_OPEN = os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) if hasattr(os, "O_NOFOLLOW") else 0


class Untrusted(Exception):
    """A file beside the data that kpi did not make (a link, a FIFO, another user's); ``why``
    says what it is."""

    def __init__(self, why: Text):
        super().__init__(why)
        self.why = why


def sibling(real: Path, prefix: str, suffix: str) -> Path:
    """``prefix + name + suffix`` beside ``real``; a name too long for that (a legal 250-byte
    file name) is shortened and given a digest of the whole name, so it stays unique."""
    name = f"{prefix}{real.name}{suffix}"
    if len(os.fsencode(name)) <= NAME_MAX:
        return real.with_name(name)
    import hashlib

    whole = os.fsencode(real.name)
    room = NAME_MAX - len(os.fsencode(prefix + suffix)) - 13
    stem = whole[:room].decode("utf-8", "ignore")
    return real.with_name(f"{prefix}{stem}~{hashlib.sha1(whole).hexdigest()[:12]}{suffix}")


def lock_of(real: Path) -> Path:
    return sibling(real, "", ".lock")


def journal_of(real: Path) -> Path:
    return sibling(real, ".", ".kpi-journal")


def _temp_prefix(target: Path) -> str:
    """The prefix of ``target``'s temporary files (mkstemp adds 8 characters and ".tmp")."""
    return sibling(target, ".", ".XXXXXXXX.tmp").name[: -len("XXXXXXXX.tmp")]


def _owners(real: Path) -> set[int]:
    """Who may own a file kpi keeps beside ``real``: the user, root, the data file's owner."""
    if not hasattr(os, "geteuid"):
        return set()
    owners = {os.geteuid(), 0}
    try:
        owners.add(os.stat(real).st_uid)
    except OSError:
        pass
    return owners


def _check_own(found: os.stat_result, owners: set[int], limit: int | None) -> None:
    if not stat.S_ISREG(found.st_mode):
        kind = next((key for test, key in regular.KINDS if test(found.st_mode)), "kind.other")
        raise Untrusted(Text("own.not_regular", kind=Text(kind)))
    if owners and found.st_uid not in owners:
        raise Untrusted(Text("own.owner", uid=found.st_uid))
    if limit is not None and found.st_size > limit:
        raise Untrusted(Text("own.too_large", size=Num(found.st_size), limit=Num(limit)))


def open_own(path: Path, flags: int, owners: set[int], limit: int | None = None, mode: int = 0o666) -> int:
    """A descriptor of ``path`` opened without following a link or blocking on a FIFO, checked
    on the descriptor itself to be a regular file of one of ``owners``; Untrusted otherwise."""
    if os.path.islink(path):
        raise Untrusted(Text("own.link"))
    try:
        fd = os.open(path, flags | _SAFE_OPEN, mode)
    except OSError as err:
        if err.errno in (errno.ELOOP, errno.EMLINK):  # a link swapped in after the check
            raise Untrusted(Text("own.link")) from None
        if err.errno == errno.ENXIO:  # a FIFO opened for writing with no reader, or a socket
            raise Untrusted(Text("own.not_regular", kind=Text("kind.fifo"))) from None
        raise
    try:
        _check_own(os.fstat(fd), owners, limit)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _read_own(path: Path, owners: set[int], limit: int) -> bytes:
    fd = open_own(path, os.O_RDONLY, owners, limit)
    try:
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise Untrusted(Text("own.too_large", size=Num(size), limit=Num(limit)))
    return b"".join(chunks)


@contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT, notices: list | None = None) -> Iterator[Path]:
    """Hold ``REAL.lock`` exclusively, REAL being the file ``path`` is or links to; yields REAL.
    Read, change and write the file inside this block. ``notices`` receives what was found and
    done (a journal finished or removed), for the shell to say."""
    real = Path(os.path.realpath(path))
    if os.path.islink(path) and not os.path.lexists(real):  # a link to nothing: said as every command says it, no lock made
        raise DataError([Problem(said(path), 0, 0, regular.not_found(path))])
    lock_path = lock_of(real)
    _writable(real.parent, "folder")
    try:
        fd = open_own(lock_path, os.O_RDWR | os.O_CREAT, _owners(real), limit=1 << 20)
    except Untrusted as err:
        raise WriteError(Text("own.lock_refused", path=said(path), lock=said(lock_path), why=err.why)) from None
    except OSError as err:
        raise WriteError(Text("record.cannot_write", path=lock_path, reason=reason(err))) from err
    with os.fdopen(fd, "r+b") as handle:
        deadline = time.monotonic() + timeout
        while not _try_lock(handle):
            if time.monotonic() > deadline:
                raise UsageError(Text("atomic.locked", path=path, lock=lock_path))
            time.sleep(0.05)
        try:
            _recover(real, path, notices if notices is not None else [])
            yield real
        finally:
            _unlock(handle)


class Journal:
    """What an interrupted in-place write left: the old content and the new, whole."""

    def __init__(self, old: bytes, new: bytes):
        self.old, self.new = old, new

    def encode(self) -> bytes:
        return JOURNAL_MAGIC + f"{len(self.old)} {len(self.new)}\n".encode("ascii") + self.old + self.new

    @classmethod
    def decode(cls, data: bytes) -> Journal:
        header, newline, rest = data.partition(b"\n")
        sizes = header[len(JOURNAL_MAGIC):].split()
        if not newline or not header.startswith(JOURNAL_MAGIC) or len(sizes) != 2 or not all(s.isdigit() for s in sizes):
            raise Untrusted(Text("own.not_journal"))
        old, new = int(sizes[0]), int(sizes[1])
        if old + new != len(rest):
            raise Untrusted(Text("own.not_journal"))
        return cls(rest[:old], rest[old:])

    def state(self, found: bytes) -> str:
        """"done" when the file holds the new content, "interrupted" when the old one or a mix
        of the two (the new content written over the old up to some byte), "stale" otherwise."""
        if found == self.new:
            return "done"
        new, old = self.new, self.old
        if len(found) == len(old):  # new[:k] + old[k:] for some k: every difference before k
            last = next((i for i in range(len(found) - 1, -1, -1) if found[i] != old[i]), -1) if found != old else -1
            return "interrupted" if found[: last + 1] == new[: last + 1] else "stale"
        if len(old) < len(found) < len(new) and new.startswith(found):  # written past the old end
            return "interrupted"
        return "stale"


def _journal_limit() -> int:
    from .yamlio import MAX_BYTES

    return 2 * MAX_BYTES + 64


def read_current(path: Path, shown: str, limit: int, notices: list) -> bytes:
    """The bytes to read for ``path``: the file, or the new content an interrupted in-place
    write left in its journal (while the file is the old content or a mix). Anything unusual
    about the journal is appended to ``notices`` for the shell to say; a journal kpi did not
    write (a link, a FIFO, another user's, too large) is never read."""
    real = Path(os.path.realpath(path))
    journal = journal_of(real)
    data = regular.read(path, shown, limit)
    if not os.path.lexists(journal):
        return data
    try:
        found = Journal.decode(_read_own(journal, _owners(real), _journal_limit()))
    except Untrusted as err:
        notices.append(Text("own.refused", path=said(journal), why=err.why))
        return data
    except OSError as err:
        notices.append(Text("own.refused", path=said(journal), why=reason(err)))
        return data
    state = found.state(data)
    if state == "interrupted":
        notices.append(Text("journal.recovered", path=shown, journal=journal.name))
        return found.new
    if state == "stale":
        notices.append(Text("journal.stale", path=shown, journal=journal.name))
    return data


def _recover(real: Path, path: Path, notices: list) -> None:
    """Under the lock: remove the temporary files of interrupted writes, finish an interrupted
    in-place write, remove a stale or foreign journal (saying so)."""
    prefix, suffix = _temp_prefix(real), ".tmp"
    owners = _owners(real)
    try:
        names = os.listdir(real.parent)
    except OSError:
        names = []
    for name in names:
        if name.startswith(prefix) and name.endswith(suffix):
            _remove_own(real.parent / name, owners)
    journal = journal_of(real)
    if not os.path.lexists(journal):
        return
    try:
        found = Journal.decode(_read_own(journal, owners, _journal_limit()))
    except (Untrusted, OSError) as err:
        why = err.why if isinstance(err, Untrusted) else reason(err)
        notices.append(Text("own.refused", path=said(journal), why=why))
        if _remove_own(journal, owners):
            notices.append(Text("journal.removed", journal=said(journal)))
        return
    try:
        state = found.state(regular.read(real, str(real), len(found.old) + len(found.new) + 1))
    except Exception:  # noqa: BLE001 - unreadable or larger than both: not what was interrupted
        state = "stale"
    if state == "interrupted":
        try:
            _write_in_place(real, found.new)
        except OSError as err:
            raise WriteError(Text("record.interrupted", path=real, reason=reason(err), journal=journal)) from err
        notices.append(Text("journal.finished", path=path, journal=journal.name))
    elif state == "stale":
        notices.append(Text("journal.stale", path=path, journal=journal.name))
    _remove_own(journal, owners)
    _sync_folder(real.parent)


def _remove_own(path: Path, owners: set[int]) -> bool:
    """Remove a leftover of kpi's (a regular file of ``owners``, or a link, which unlink removes
    itself, never its target); a folder or another user's file stays."""
    try:
        found = os.lstat(path)
        if stat.S_ISLNK(found.st_mode) or (stat.S_ISREG(found.st_mode) and (not owners or found.st_uid in owners)):
            os.unlink(path)
            return True
    except OSError:
        pass
    return False


def _writable(path: Path, what: str) -> None:
    """Refuse a file or folder whose mode has no write permission, or that we may not write."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # the write itself says what is wrong
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise WriteError(Text("record.read_only", path=path, what=Text(f"rw.{what}"), mode=stat.filemode(mode)))


def replace(real: Path, data: bytes, old: bytes = b"") -> None:
    """Give the file ``real`` the content ``data`` (it held ``old``), keeping its inode's links,
    owner and mode; WriteError if that fails, saying whether the file is unchanged."""
    _writable(real, "file")
    try:
        found = os.stat(real)
        if found.st_nlink > 1 or not _rename_keeps_owner(found):
            _journaled(real, data, old)
        else:
            write_atomic(real, data, owner=(found.st_uid, found.st_gid))
    except OSError as err:
        raise WriteError(Text("record.cannot_write", path=real, reason=reason(err))) from err


def _rename_keeps_owner(found: os.stat_result) -> bool:
    if not hasattr(os, "geteuid"):
        return True
    return (found.st_uid, found.st_gid) == (os.geteuid(), os.getegid()) or os.geteuid() == 0


def _journaled(real: Path, data: bytes, old: bytes) -> None:
    """In place, through the journal. If the write fails, the old content goes back (the file
    is then unchanged, as the message says); if even that fails, the journal stays."""
    journal = journal_of(real)
    write_atomic(journal, Journal(old, data).encode())
    try:
        _write_in_place(real, data)
    except OSError as err:
        try:
            _write_in_place(real, old)
        except OSError:
            raise WriteError(Text("record.interrupted", path=real, reason=reason(err), journal=journal)) from err
        _remove_own(journal, set())
        raise
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


def write_atomic(path: Path, data: bytes | Iterable[bytes], durable: bool = True, owner: tuple[int, int] | None = None) -> None:
    """Write a temporary file beside ``path``, flush it to disk, then rename it over ``path``.
    ``data`` may come in pieces (an export written as it is made).

    ``durable=False`` skips the flushes to disk (a cache entry may be lost in a power cut, but
    is still never half-written)."""
    write_all({path: data}, durable, owner)


def write_all(files: dict[Path, bytes | Iterable[bytes]], durable: bool = True, owner: tuple[int, int] | None = None) -> None:
    """Write several files all or none: each to a flushed temporary file first (a full disk
    fails here, before any file is replaced), then the renames; if a rename fails, the files
    already renamed get their old content back (or are removed if they are new)."""
    staged: list[tuple[Path, str, bytes | None]] = []  # target, temporary file, old content
    try:
        for path, data in files.items():
            target = Path(os.path.realpath(path))  # replace the file a symlink points to, not the link
            found = _regular_or_absent(path, target)
            old = target.read_bytes() if found is not None and len(files) > 1 else None
            staged.append((target, _stage(target, data, durable, owner, found), old))
        done: list[tuple[Path, bytes | None]] = []
        try:
            for target, temp, old in staged:
                os.replace(temp, target)
                done.append((target, old))
        except BaseException:
            for target, old in done:
                if old is None:
                    target.unlink(missing_ok=True)
                else:
                    write_atomic(target, old, durable)
            raise
    except BaseException:
        for _target, temp, _old in staged:
            Path(temp).unlink(missing_ok=True)
        raise
    if durable:
        for folder in {target.parent for target, _temp, _old in staged}:
            _sync_folder(folder)


def _regular_or_absent(path: Path, target: Path) -> os.stat_result | None:
    """The target's status; a device, FIFO or socket is refused (it would be replaced by a file)."""
    try:
        found = os.stat(target)
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode):
        kind = next((key for test, key in regular.KINDS if test(found.st_mode)), "kind.other")
        raise WriteError(Text("write.not_regular", path=path, kind=Text(kind)))
    return found


def _stage(target: Path, data: bytes | Iterable[bytes], durable: bool, owner: tuple[int, int] | None, found: os.stat_result | None) -> str:
    """A flushed temporary file beside ``target`` holding ``data``, with the mode (and owner)
    the target has or a new file gets."""
    import tempfile  # only when writing: reading the data (which checks for a journal) needs none

    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=_temp_prefix(target), suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in (data,) if isinstance(data, bytes) else data:
                out.write(chunk)
            out.flush()
            if durable:
                os.fsync(out.fileno())
        if owner is not None and hasattr(os, "chown"):
            os.chown(temp, *owner)  # before the mode: chown clears set-id bits
        if found is not None:
            os.chmod(temp, found.st_mode & 0o7777)
        else:  # mkstemp makes 0600; a new file gets the usual permissions
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return temp


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
