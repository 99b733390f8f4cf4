"""Answers kept: what a read-only command printed, served again to the same question.

A repeat `kpi status --json` on the same files at 100.000 series read the checked data from the
cache (files/cache.py) in 2,4 s and then evaluated, audited and wrote it all again (7 s), for the
same bytes of output: 14,8 × a bare ``json.load`` of the data. So the text a command printed is
kept beside the checked data, and the same question is answered by reading it back (README
"Performance": 0,3 s at 100.000 series).

An answer is served only for the *same question*: its key (``question``) is a hash (``cache.hashing``) of the data
entry's key (``cache.key``: the bytes of both files, the names shown, kpi's version, a digest of
every source file of the package, Python and PyYAML, the day), the command and every option as
Click parsed it (the language, the plan, the year, ``--as-known-on``…), the output's style (colour, width, terminal or not), stdout's
encoding and the environment variables that change what is printed. Nothing of what a read-only
command prints depends on anything else (no date, no clock: ``--as-of`` defaults to the data's
latest year), which ``tests/cli/test_answers.py`` checks by comparing served answers with fresh
runs, command by command.

An answer is kept only when nothing else took part in the run: the files read whole (no
interrupted `kpi record`'s journal read in their place, no ``actuals.csv`` beside them), stdout
not a terminal and in UTF-8 (no byte-order mark, no state: the text is kept as written), a text format (a table, JSON, CSV, Markdown, HTML), nothing said on stderr
(``spoken.said``), and the command ending with exit 0 or 3 (``--fail-on``). A run that fails
keeps nothing.

The store is files/cache.py's, in its own sub-folder ``answers`` opened relative to the cache
folder's descriptor, with the same rules: private, no link followed, every entry signed with the
folder's secret (HMAC-SHA256 over the key, the exit code and the text; keyed BLAKE2b for a data
folder below ``cache.HASHINGS``' bound), at most
``MAX_ANSWERS`` kept, the least recently used removed first; anything that is not exactly what
was written is a miss, and the command runs as if there were no cache. ``KPI_CACHE=0`` turns it
off with the rest of the cache, ``KPI_CACHE=data`` alone (the checked data is still kept).

Earlier versions had an answer cache, removed because it pickled its answers (a planted file
would run code) and looked them up before the command line was parsed (it could answer for
another folder). These answers are bytes that are only ever written to stdout, signed, and keyed
on the folder's absolute path, the files' bytes and the options as parsed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from . import cache

FORMAT = b"kpi-answer-2"  # 2: keyed BLAKE2b for small folders (files/cache.py HASHINGS); no space: the header is split on spaces
FOLDER = "answers"
MAX_ANSWERS = 16
#: what a run's printed text may depend on beyond its options: colour and width (Rich, our
#: Style), the language default
ENVIRONMENT = ("NO_COLOR", "FORCE_COLOR", "TERM", "COLORTERM", "COLUMNS", "LINES", "KPI_LANG", "TTY_COMPATIBLE", "TTY_INTERACTIVE")
#: the header, of a fixed width so it is written last in the blank kept for it: the format, the
#: key, the exit code, the signature and the size of the text
_HEADER = len(FORMAT) + 1 + 64 + 1 + 3 + 1 + 64 + 1 + 20 + 1


def question(files: Mapping[str, bytes], names: tuple[str, ...], asked: Iterable[str]) -> str:
    """The key of an answer: these file contents shown under these names, this question (the
    command, its options, the output's style: ``asked``), this kpi (the data's key covers the
    digest of every source file of the package: ``cache.code_digest``)."""
    digest = cache.hashing_of(files).digest(FORMAT + b"\0" + cache.key(files, names, remember=True).encode("ascii") + b"\0")
    for part in asked:
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    for name in ENVIRONMENT:
        digest.update(f"{name}={os.environ.get(name)!r}".encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


class Answers:
    """The answers folder, opened and checked once (None from ``open`` when there is no usable
    cache): ``get`` an answer, or ``keep`` one as it is printed."""

    def __init__(self, store: cache.Store, secret: bytes):
        self.store = store
        self.secret = secret

    @classmethod
    def open(cls, files: Mapping[str, bytes]) -> Answers | None:
        """The answers folder, for questions on these files (signed as their size says:
        ``cache.hashing``), unless the cache is off (``KPI_CACHE=0``) or keeps only the checked
        data (``KPI_CACHE=data``), or cannot be used."""
        if not cache.answering():
            return None
        top = cache.Store.open(cache.folder(), cache.hashing_of(files))
        if top is None:
            return None
        with top:
            secret = top.secret()
            store = top.sub(FOLDER) if secret is not None else None
        return None if store is None or secret is None else cls(store, secret)

    def close(self) -> None:
        self.store.close()

    def get(self, key: str) -> tuple[int, memoryview] | None:
        """The exit code and text kept for ``key``, if the entry is whole, ours and signed."""
        body = self.store._read(key + cache.SUFFIX)
        if body is None or len(body) < _HEADER:
            return None
        try:
            magic, entry_key, code, signature, size = body[: _HEADER - 1].split(b" ")
        except ValueError:
            return None
        text = memoryview(body)[_HEADER:]
        if magic != FORMAT or entry_key != key.encode("ascii") or not size.isdigit() or int(size) != len(text):
            return None
        if not code.isdigit() or not cache.same_digest(_signature(self.store.hashing, self.secret, key, text, int(code)), signature):
            return None
        try:
            os.utime(key + cache.SUFFIX, dir_fd=self.store.fd, follow_symlinks=False)  # recently used
        except (OSError, NotImplementedError):
            pass
        return int(code), text

    def keep(self, key: str) -> Keeping | None:
        """A new answer for ``key``, written as the text is printed; None if the disk says no."""
        made = self.store._temporary(key + cache.SUFFIX)
        return None if made is None else Keeping(self, key, *made)


class Keeping:
    """An answer being written: a private temporary file whose header is left blank until
    ``done`` signs it and renames it into place; ``drop`` removes it (the run failed, or said
    something on stderr)."""

    def __init__(self, answers: Answers, key: str, temporary: str, fd: int):
        self.answers, self.key, self.temporary = answers, key, temporary
        self.stream = os.fdopen(fd, "wb")
        self.mac = answers.store.hashing.signing(answers.secret, key)
        self.size = 0
        self.failed = False
        try:
            self.stream.write(b" " * _HEADER)
        except OSError:
            self.failed = True

    def write(self, data: bytes) -> None:
        if self.failed:
            return
        try:
            self.stream.write(data)
        except OSError:
            self.failed = True
            return
        self.mac.update(data)
        self.size += len(data)

    def done(self, code: int) -> None:
        """Sign and keep the answer, with the exit code the command ends with."""
        if self.failed or not 0 <= code <= 255:
            self.drop()
            return
        mac = self.mac.copy()
        mac.update(b"\n%d" % code)
        header = b" ".join((FORMAT, self.key.encode("ascii"), b"%03d" % code, mac.hexdigest().encode("ascii"), b"%020d" % self.size))
        store = self.answers.store
        try:
            self.stream.seek(0)
            self.stream.write(header + b"\n")
            self.stream.close()
            os.replace(self.temporary, self.key + cache.SUFFIX, src_dir_fd=store.fd, dst_dir_fd=store.fd)
        except OSError:
            self.drop()
            return
        store.trim(MAX_ANSWERS)

    def drop(self) -> None:
        """Remove what was written (nothing if ``done`` kept it)."""
        try:
            self.stream.close()
        except OSError:
            pass
        self.answers.store._remove(self.temporary)


def _signature(hashing: cache.Hashing, secret: bytes, key: str, text: memoryview, code: int) -> bytes:
    """The signature of an answer: the key, the text, the exit code."""
    mac = hashing.signing(secret, key)
    mac.update(text)
    mac.update(b"\n%d" % code)
    return mac.hexdigest().encode("ascii")
