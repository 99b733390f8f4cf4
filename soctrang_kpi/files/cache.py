"""A cache of the loaded data, so a second run on the same files skips parsing and checking.

What is kept is the *checked* data of a data folder (the ``Dataset`` and its warnings, after every
check of ``load.parse_files`` passed), as data only (``files/plain.py``: the long columns as
bytes, then a line of JSON; never pickle, which would run code found on disk). It lives in ``$XDG_CACHE_HOME/soctrang_kpi`` (``~/.cache/soctrang_kpi`` when
``XDG_CACHE_HOME`` is unset or not an absolute path); ``KPI_CACHE=0`` turns it off. Folders
smaller than ``MIN_BYTES`` are not cached: parsing them costs less than reading an entry, and
what only the cache uses (OpenSSL's hashing, json, files/plain.py) is not even imported for them.

An entry's name is a hash of everything its content depends on (``key``): the bytes of both
files (a changed file is another key, whatever its date says), the names the warnings quote, kpi's
version and a digest of its source files (``code_digest``), the Python and PyYAML (libyaml)
versions, the day and the entry format. The hash is SHA-256 for a folder of ``HASHINGS``' bound
or more, BLAKE2b (256 bits) below it (``hashing``). Nothing found there is trusted:

- an entry is signed: its header carries an HMAC-SHA256 (keyed BLAKE2b below the bound) of its
  key and body under a random
  secret (``SECRET``, 32 bytes made the first time the folder is used, kept there 0600). An entry
  copied in (an archive, a sync, another machine's cache) or written by anything that does not
  hold this folder's secret is a miss, even with a right SHA-256. This does not stand against the
  user's own account, which can read the secret (and edit the data files themselves);

- the folder is created private (0700); before each use it is opened without following a link
  (``O_NOFOLLOW``) and its descriptor checked: a folder, owned by the user, with no permission for
  anyone else. Otherwise the cache is not used at all (nothing read, written or removed there);
- an entry is opened relative to that descriptor without following a link, and must be a regular
  file of the user's with no permission for others, within ``MAX_BYTES``; its first line says the
  format, the key and the HMAC and size of the rest, which must all match; then the rest must
  decode to exactly what the codec writes. Anything else is a miss: the data is parsed and checked
  as if there were no cache, and the bad entry is replaced;
- entries are written to a temporary file of their own (``O_EXCL``, 0600) and renamed into place,
  so a reader sees a whole entry or none, and two runs writing at once both leave a whole one;
- at most ``MAX_ENTRIES`` entries are kept, the least recently used removed first.

A cache that cannot be used (a read-only home, a full disk, a foreign folder) costs the run
nothing but the parse: it is never an error.
"""

from __future__ import annotations

import gc
import os
import stat
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .. import __version__
from ..core.model import Dataset
from ..errors import Problem
from ..records import NamedTuple

FORMAT = b"kpi-cache 7"  # 7: records the data shares written once (files/plain.py SHARED); 6: keyed BLAKE2b below HASHINGS' bound, the region before the JSON, the size of a fixed width; 5: long columns as bytes after the JSON (files/plain.py); 4: columns of floats as their bytes; 3: collections a column at a time (files/plain.py); 2: the header signs key and body (HMAC)
MIN_BYTES = 256 * 1024  # both files together; below this a parse is cheaper than an entry
MAX_BYTES = 1 << 30  # an entry larger than this is not read
MAX_ENTRIES = 8
SUFFIX = ".json"
SECRET = "secret.key"  # the folder's signing key: 32 random bytes, 0600
SECRET_BYTES = 32
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)

Loaded = tuple[Dataset, list[Problem]]


def enabled(env: Mapping[str, str] | None = None) -> bool:
    """Whether the cache is on: unless ``KPI_CACHE`` is 0 (or off, no, false)."""
    value = (os.environ if env is None else env).get("KPI_CACHE", "1").strip().lower()
    return value not in ("0", "off", "no", "false")


def answering(env: Mapping[str, str] | None = None) -> bool:
    """Whether answers are kept and served (files/answers.py): the cache is on and not
    ``KPI_CACHE=data`` (the checked data only: every command evaluates and prints). Asked
    here, before files/answers.py and its hashing are imported, which a run with the cache
    off never needs."""
    return enabled(env) and (os.environ if env is None else env).get("KPI_CACHE", "").strip().lower() != "data"


def folder(env: Mapping[str, str] | None = None) -> Path:
    """Where entries live: ``$XDG_CACHE_HOME/soctrang_kpi``, else ``~/.cache/soctrang_kpi``."""
    env = os.environ if env is None else env
    base = env.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative path is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "soctrang_kpi"


def load(files: dict[str, bytes], names: tuple[str, ...], parse: Callable[[], Loaded]) -> Loaded:
    """``parse()``'s result for these file contents: from the cache when a trusted entry has it,
    else parsed (and stored). The cyclic collector is paused meanwhile: loading makes millions of
    objects and no cycles, and the collector's passes over them were a fifth of a large run."""
    with collector_paused():
        size = sum(len(data) for data in files.values())
        store = Store.open(folder(), hashing(size)) if enabled() and size >= MIN_BYTES else None
        if store is None:
            _DIGESTS.clear()  # the files' bytes are let go of as they are parsed (load.parse_files)
            return parse()
        with store:
            name = key(files, names)
            found = store.get(name)
            if found is not None:
                return found
            loaded = parse()
            store.put(name, loaded)
            return loaded


@contextmanager
def collector_paused(freeze: bool = False) -> Iterator[None]:
    """The cyclic garbage collector paused: what is made meanwhile — the modules at start-up
    (``__main__``), the data read (``load``, ``cli._load``) — holds no reference cycles, and the
    collector walked it again and again (README "Performance"). ``freeze``: what was made is then
    moved out of its sight for the rest of the run, which collects as before. The one place kpi
    pauses the collector; ``__main__._quiet_collector`` sets how often it runs."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if freeze:
                gc.freeze()
            gc.enable()


def key(files: Mapping[str, bytes], names: tuple[str, ...], remember: bool = False) -> str:
    """The entry name of these file contents, shown under these names, by this kpi, today: the
    check that no value was recorded after today (files/history_schema.py) depends on the day,
    and a day that passed does not always stay valid (a clock set back, another time zone), so
    an entry serves the day it was made on. ``remember``: the files' SHA-256 are kept for the
    next call on the very same bytes objects (an answer's key is asked first, files/answers.py,
    then the entry's by ``load``, which forgets them). Hashed as ``hashing`` says for their size."""
    used = hashing_of(files)
    digest = used.digest(FORMAT + b"\0")
    for part in (used.name, __version__, code_digest(used), sys.version, _yaml_version(), _today(), *names):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    for name in sorted(files):
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(_file_digest(name, files[name], used, remember))
    return digest.hexdigest()


#: a file's name -> (its bytes, the hashing's name, their digest), kept from one ``key`` to the next: hashing both
#: files twice (an answer's key, then the entry's) was 90 M instructions of a first `kpi status
#: --json` at 10.000 series (valgrind). The bytes object itself is held, and found again by identity (``is``): bytes are immutable, and an
#: object held cannot be freed and its address reused by other bytes.
_DIGESTS: dict[str, tuple[bytes, str, bytes]] = {}


def _file_digest(name: str, data: bytes, used: Hashing, remember: bool) -> bytes:
    found = _DIGESTS.pop(name, None)
    digest = found[2] if found is not None and found[0] is data and found[1] == used.name else used.digest(data).digest()
    if remember:
        _DIGESTS[name] = (data, used.name, digest)
    return digest


#: the hashing's name -> the digest of the package's source files, made once a run
_CODE_DIGEST: dict[str, str] = {}


def code_digest(used: Hashing) -> str:
    """A digest of every source file of the package (what makes an entry, and what prints an
    answer, is all of it): each file's path, size and modification time, as Python's own bytecode
    cache tells a changed module — a development copy changes without its version changing. The
    contents of core/ and files/ were hashed before: 16 M instructions of a first run (valgrind),
    beside the ``stat`` of every file the answers' key already made."""
    if used.name not in _CODE_DIGEST:
        digest = used.digest(b"")
        _digest_folder(digest, os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "")
        _CODE_DIGEST[used.name] = digest.hexdigest()
    return _CODE_DIGEST[used.name]


def _digest_folder(digest: Any, where: str, shown: str) -> None:
    """Each source file of the folder ``where`` (shown as ``shown``, relative to the package) into
    ``digest``, in ``os.walk``'s order: its files by name, then its sub-folders by name. Read with
    ``os.scandir`` (a folder read once, a ``stat`` per source file): ``os.walk``, ``os.stat`` and
    ``os.path.relpath`` took 1,75 ms of a first run, this 0,98 ms (processor time of the first call
    in a fresh process, median of 15)."""
    try:
        with os.scandir(where) as found:
            entries = sorted(found, key=lambda entry: entry.name)
    except OSError:  # as os.walk: a folder that cannot be read is passed over
        return
    folders = []
    for entry in entries:
        if entry.is_dir():
            if not entry.is_symlink():  # as os.walk: a link to a folder is not followed
                folders.append(entry)
        elif entry.name.endswith(".py"):
            got = entry.stat()
            digest.update(f"{os.path.join(shown, entry.name)}\0{got.st_size}\0{got.st_mtime_ns}\0".encode("utf-8", "surrogateescape"))
    for entry in folders:
        _digest_folder(digest, entry.path, os.path.join(shown, entry.name))


def _yaml_version() -> str:
    import yaml

    return f"PyYAML {yaml.__version__} libyaml {getattr(yaml, '__with_libyaml__', False)}"


class Store:
    """The cache folder, opened and checked once; every file in it is reached through that
    descriptor (``dir_fd``), so the folder cannot be swapped for another after the check."""

    def __init__(self, fd: int, hashing: Hashing):
        self.fd = fd
        self.hashing = hashing
        self._secret: bytes | None = None

    @classmethod
    def open(cls, path: Path, hashing: Hashing) -> Store | None:
        """The store at ``path``, made private if missing; None if it is not the user's own, or
        the system cannot open files relative to a folder without following links (Windows).
        Its entries are signed with ``hashing`` (``hashing``: as the data folder's size says)."""
        if not _NOFOLLOW or not _DIRECTORY or not {os.open, os.stat, os.mkdir} <= os.supports_dir_fd:
            return None
        try:
            os.makedirs(path.parent, mode=0o700, exist_ok=True)
        except OSError:  # a read-only home: no cache
            return None
        return cls._private(str(path), None, hashing)

    @classmethod
    def _private(cls, path: str, parent: int | None, hashing: Hashing) -> Store | None:
        """The folder ``path`` (relative to the descriptor ``parent``, if given), made 0700 if
        missing, opened without following a link and checked on its descriptor: a folder, the
        user's own, no permission for anyone else; None otherwise."""
        try:
            try:
                os.mkdir(path, 0o700, dir_fd=parent)
            except FileExistsError:
                pass
            fd = os.open(path, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC, dir_fd=parent)
        except (OSError, NotImplementedError):  # a link (ELOOP/ENOTDIR), no permission: no cache
            return None
        if not private(os.fstat(fd), directory=True):
            os.close(fd)
            return None
        return cls(fd, hashing)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        os.close(self.fd)

    def sub(self, name: str) -> Store | None:
        """The private folder ``name`` inside this one, opened relative to this one's descriptor
        and checked as ``open`` checks. Its entries are signed with this folder's secret
        (files/answers.py)."""
        return Store._private(name, self.fd, self.hashing)

    def get(self, name: str) -> Loaded | None:
        """The entry ``name``, if it is whole, ours and what ``put`` wrote for that key."""
        body = self._read(name + SUFFIX)
        if body is None:  # a first run: nothing more imported
            return None
        from . import plain

        try:
            # the body is read where it lies (no copy of what follows the header: 26 MB at
            # 100.000 series), and let go of once decoded
            start = body.index(b"\n", 0, 512) + 1
            magic, entry_key, digest, size = body[: start - 1].rsplit(b" ", 3)
            if magic != FORMAT or entry_key.decode("ascii") != name or int(size) != len(body) - start:
                raise plain.Unsupported("header")
            secret = self.secret()
            if secret is None:
                raise plain.Unsupported("signature")
            signing = self.hashing.signing(secret, name)
            signing.update(memoryview(body)[start:])
            if not same_digest(signing.hexdigest().encode("ascii"), digest):
                raise plain.Unsupported("signature")
            found = plain.load(body, start)
            del body
        except (ValueError, UnicodeError, RecursionError, plain.Unsupported):
            return None
        try:
            os.utime(name + SUFFIX, dir_fd=self.fd, follow_symlinks=False)  # recently used
        except (OSError, NotImplementedError):
            pass
        return found

    def _read(self, name: str) -> bytes | None:
        try:
            fd = os.open(name, os.O_RDONLY | _NOFOLLOW | _CLOEXEC | getattr(os, "O_NONBLOCK", 0), dir_fd=self.fd)
        except OSError:  # missing, a link (ELOOP), not ours to read
            return None
        try:
            found = os.fstat(fd)
            if not private(found) or found.st_size > MAX_BYTES:
                return None
            with os.fdopen(os.dup(fd), "rb") as stream:
                return stream.read(MAX_BYTES + 1)
        except OSError:
            return None
        finally:
            os.close(fd)

    def put(self, name: str, loaded: Loaded) -> None:
        """Store ``loaded`` as entry ``name``: whole or not at all; nothing if it cannot be kept
        exactly (``plain.Unsupported``) or the disk says no. The body is written as it is made,
        after a header left blank (of a fixed width), which is written last, once the body's
        signature and size are known: the columns made are not held (files/plain.py)."""
        from . import plain

        secret = self.secret()
        if secret is None:
            return
        opened = self._temporary(name)
        if opened is None:
            return
        temporary, fd = opened
        signing = self.hashing.signing(secret, name)
        size = 0
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(b" " * len(_header(name, signing.hexdigest(), 0)))

                def write(piece: bytes) -> None:
                    nonlocal size
                    stream.write(piece)
                    signing.update(piece)
                    size += len(piece)

                for piece in plain.dump(*loaded, sink=write):
                    write(piece)
                stream.seek(0)
                stream.write(_header(name, signing.hexdigest(), size))
            os.replace(temporary, name + SUFFIX, src_dir_fd=self.fd, dst_dir_fd=self.fd)
        except (plain.Unsupported, ValueError, TypeError, RecursionError, OSError):
            self._remove(temporary)
            return
        self.trim()

    def secret(self) -> bytes | None:
        """The folder's signing key: read (a regular file of the user's, 0600, exactly
        ``SECRET_BYTES``), else made once (a temporary file linked into place, so a reader sees a
        whole key or none); None if neither can be done (then nothing is read or written)."""
        if self._secret is None:
            found = self._read(SECRET)
            if found is None:
                self._make_secret()
                found = self._read(SECRET)
            if found is not None and len(found) == SECRET_BYTES:
                self._secret = found
        return self._secret

    def _temporary(self, name: str) -> tuple[str, int] | None:
        """A new private temporary file for ``name`` in the folder (created 0600, O_EXCL, no link
        followed): its name and descriptor, or None if the disk says no."""
        temporary = f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
        try:
            return temporary, os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600, dir_fd=self.fd)
        except OSError:
            return None

    def _make_secret(self) -> None:
        made = self._temporary(SECRET)
        if made is None:
            return
        temporary, fd = made
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(os.urandom(SECRET_BYTES))
            os.link(temporary, SECRET, src_dir_fd=self.fd, dst_dir_fd=self.fd, follow_symlinks=False)
        except (OSError, NotImplementedError):  # another run made it first: theirs is read
            pass
        finally:
            self._remove(temporary)

    def trim(self, keep: int | None = None) -> None:
        """Keep the ``keep`` (default ``MAX_ENTRIES``) most recently used entries; remove
        temporary files a killed run left (older than an hour)."""
        try:
            names = os.listdir(self.fd)
        except OSError:
            return
        entries = []
        for name in names:
            try:
                found = os.stat(name, dir_fd=self.fd, follow_symlinks=False)
            except OSError:
                continue
            if name.endswith(".tmp") and name.startswith("."):
                if found.st_mtime < _now() - 3600:
                    self._remove(name)
            elif name.endswith(SUFFIX):
                entries.append((found.st_mtime, name))
        for _, name in sorted(entries, reverse=True)[MAX_ENTRIES if keep is None else keep :]:
            self._remove(name)

    def _remove(self, name: str) -> None:
        try:
            os.unlink(name, dir_fd=self.fd)
        except OSError:
            pass


class Hashing(NamedTuple):
    """How a run keys and signs its entries: ``digest(data)`` a hash object (``update``,
    ``digest``, ``hexdigest``); ``sign(secret, data)`` a keyed one (also ``copy``), a MAC;
    ``name`` goes into every key it makes."""

    name: str
    digest: Callable[[bytes], Any]
    sign: Callable[[bytes, bytes], Any]

    def signing(self, secret: bytes, name: str) -> Any:
        """The signature of entry ``name``, to be fed its body: a MAC under the folder's secret
        of the name, a newline and the body (files/answers.py signs its answers so too)."""
        return self.sign(secret, name.encode("ascii") + b"\n")


def _blake2b() -> Hashing:
    """BLAKE2b of 256 bits, keyed for a signature (a MAC as it is: no HMAC around it), from
    Python's own ``_blake2`` (which ``hashlib.blake2b`` is)."""
    try:
        from _blake2 import blake2b
    except ImportError:  # another Python than CPython
        from hashlib import blake2b
    return Hashing("blake2b-256", lambda data: blake2b(data, digest_size=32),
                   lambda secret, data: blake2b(data, digest_size=32, key=secret))


def _sha256() -> Hashing:
    """SHA-256 and HMAC-SHA256, OpenSSL's (``_hashlib``, which ``hashlib.sha256`` and ``hmac.new``
    hand their work to) called directly; hashlib's and hmac's where Python has no OpenSSL. The
    modules hashlib and hmac themselves are not imported: hashlib's tries a constructor of every
    algorithm OpenSSL has as it is imported, 1,1 ms of processor time of a first run (median of
    25 fresh processes: importing both and signing a byte 3,9 ms over a bare Python,
    ``_hashlib`` alone 2,8 ms)."""
    try:
        import _hashlib as openssl
    except ImportError:
        import hashlib
        import hmac

        return Hashing("sha256", hashlib.sha256, lambda secret, data: hmac.new(secret, data, "sha256"))
    return Hashing("sha256", openssl.openssl_sha256, lambda secret, data: openssl.hmac_new(secret, data, "sha256"))


#: the hashing of a data folder by its size (both files' bytes): the first row whose bound it is
#: below. OpenSSL's SHA-256 hashes twice as fast a byte as BLAKE2b where the processor has SHA
#: instructions (1.724 against 883 MB/s on this project's machine), but loading OpenSSL
#: (``_hashlib``) costs 4 ms of a run's processor time, ``_blake2`` 0,3 ms (``-X importtime``).
#: A first run hashes about 5 × the folder (its files, the entry, the answer: 4,7 × at 1.000
#: series), so BLAKE2b is the cheaper below about 1,4 MB; a repeat run at 100.000 series (33 MB,
#: its answer 100 MB) would pay 75 ms more with it.
HASHINGS: tuple[tuple[int | None, Callable[[], Hashing]], ...] = ((1 << 20, _blake2b), (None, _sha256))


def hashing(size: int) -> Hashing:
    """How a data folder of ``size`` bytes is keyed and signed (``HASHINGS``)."""
    return next(made() for below, made in HASHINGS if below is None or size < below)


def hashing_of(files: Mapping[str, bytes]) -> Hashing:
    """How these files' entry and answers are keyed and signed."""
    return hashing(sum(len(data) for data in files.values()))


def same_digest(a: bytes, b: bytes) -> bool:
    """``hmac.compare_digest``: equal, in a time that does not tell where they differ (Python's
    own, which hmac uses without OpenSSL; importing hmac imports OpenSSL)."""
    try:
        import _operator
    except ImportError:  # another Python than CPython
        import hmac

        return hmac.compare_digest(a, b)
    return _operator._compare_digest(a, b)


def _header(name: str, signature: str, size: int) -> bytes:
    """An entry's first line: the format, its key, the signature and the size of the rest (of a
    fixed width: written last, in the blank left for it)."""
    return b"%s %s %s %020d\n" % (FORMAT, name.encode("ascii"), signature.encode("ascii"), size)


def private(found: os.stat_result, directory: bool = False) -> bool:
    """Whether a stat result is the user's own: the right type, owned by the user, and with no
    permission for the group or others."""
    right_type = stat.S_ISDIR(found.st_mode) if directory else stat.S_ISREG(found.st_mode)
    return right_type and found.st_uid == _uid() and not found.st_mode & 0o077


def _uid() -> int:
    return os.getuid() if hasattr(os, "getuid") else 0


def _today() -> str:
    from datetime import date

    return date.today().isoformat()


def _now() -> float:
    import time

    return time.time()
