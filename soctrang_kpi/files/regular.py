"""Reading a data file without trusting what it is: a FIFO would block forever, a device
(/dev/zero) would fill memory, a folder or a link loop would raise an error nobody explained.

The path is ``stat``-ed first (following links) and read only when it is a regular file no larger
than the limit; it is opened non-blocking and checked again on the open descriptor (the path
may have been swapped in between), and at most limit + 1 bytes are read whatever it claims.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .oserror import reason
from ..errors import DataError, Problem
from ..messages import Num, Text

#: what a path that is not a regular file is, as a message says it
KINDS = (
    (stat.S_ISDIR, "kind.folder"),
    (stat.S_ISFIFO, "kind.fifo"),
    (stat.S_ISCHR, "kind.device"),
    (stat.S_ISBLK, "kind.device"),
    (stat.S_ISSOCK, "kind.socket"),
)
_CHUNK = 1 << 20


def read(path: Path, shown: str, limit: int) -> bytes:
    """The bytes of the regular file at ``path``; DataError naming ``shown`` otherwise."""
    try:
        found = os.stat(path)
        _check(found, shown, limit)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise DataError([Problem(shown, 0, 0, not_found(path))]) from None
    except OSError as err:
        why = Text("file.link_loop") if err.errno == errno.ELOOP else reason(err)
        raise DataError([Problem(shown, 0, 0, Text("file.unreadable", reason=why))]) from None
    try:
        _check(os.fstat(fd), shown, limit)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except OSError as err:
        raise DataError([Problem(shown, 0, 0, Text("file.unreadable", reason=reason(err)))]) from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read
        raise DataError([Problem(shown, 0, 0, _too_large(len(data), limit))])
    return data


def _check(found: os.stat_result, shown: str, limit: int) -> None:
    if not stat.S_ISREG(found.st_mode):
        kind = next((key for test, key in KINDS if test(found.st_mode)), "kind.other")
        raise DataError([Problem(shown, 0, 0, Text("file.not_regular", kind=Text(kind)))])
    if found.st_size > limit:
        raise DataError([Problem(shown, 0, 0, _too_large(found.st_size, limit))])


def _too_large(size: int, limit: int) -> Text:
    return Text("yaml.too_large", size=Num(size), limit=Num(limit))


def not_found(path: Path) -> Text:
    """Missing: a dangling link says where it points; a name differing only in case is named."""
    if os.path.islink(path):
        return Text("file.dangling", target=os.readlink(path))
    try:
        names = os.listdir(path.parent)
    except OSError:
        names = []
    similar = [n for n in names if n.lower() == path.name.lower() and n != path.name]
    if similar:
        return Text("file.similar", name=repr(similar[0]), expected=repr(path.name))
    return Text("file.not_found")
