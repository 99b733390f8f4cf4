"""Answers kept (files/answers.py): served only for the same question, whole, signed with the
cache folder's secret, from an entry that is the user's own; anything else is a miss."""

import os
import sys

import pytest

from soctrang_kpi.files import answers, cache

from ..conftest import folder_signature

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no dir_fd on Windows: no cache there")

FILES = {"targets.yaml": b"schema_version: 1\n", "actuals.yaml": b"schema_version: 1\nseries: {}\n"}
NAMES = ("targets.yaml", "actuals.yaml")
TEXT = "Chỉ tiêu 1: Vượt 6,00 %\n".encode() * 1000


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("KPI_CACHE", raising=False)
    return tmp_path / "xdg" / "soctrang_kpi" / answers.FOLDER


def kept(key: str, text: bytes = TEXT, code: int = 0, pieces: int = 3) -> None:
    opened = answers.Answers.open(FILES)
    assert opened is not None
    keeping = opened.keep(key)
    step = len(text) // pieces + 1
    for start in range(0, len(text), step):
        keeping.write(text[start : start + step])
    keeping.done(code)
    opened.close()


def served(key: str):
    opened = answers.Answers.open(FILES)
    assert opened is not None
    try:
        found = opened.get(key)
        return None if found is None else (found[0], bytes(found[1]))
    finally:
        opened.close()


def key(*asked: str) -> str:
    return answers.question(FILES, NAMES, asked or ("status", "--json"))


def entry(home) -> "os.PathLike":
    (found,) = [p for p in home.iterdir() if p.suffix == cache.SUFFIX]
    return found


def test_an_answer_kept_in_pieces_comes_back_whole_with_its_exit_code(home):
    kept(key(), code=3)
    assert served(key()) == (3, TEXT)
    assert oct(home.stat().st_mode & 0o777) == "0o700" and oct(entry(home).stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in home.iterdir() if p.name.endswith(".tmp")] == []


def test_another_question_other_files_other_names_other_code_are_other_keys(monkeypatch):
    first = key("status", "--json")
    assert key("status", "--csv") != first
    assert answers.question(dict(FILES, **{"actuals.yaml": FILES["actuals.yaml"] + b"\n"}), NAMES, ("status", "--json")) != first
    assert answers.question(FILES, ("a/targets.yaml", "a/actuals.yaml"), ("status", "--json")) != first
    monkeypatch.setenv("NO_COLOR", "1")
    assert key("status", "--json") != first
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(cache, "_CODE_DIGEST", {"blake2b-256": "another source"})
    assert key("status", "--json") != first


@pytest.mark.parametrize("module", ["cli.py", "output/payloads.py", "messages.py", "core/evaluate.py", "files/plain.py"])
def test_a_changed_source_file_anywhere_in_the_package_is_another_digest(module, monkeypatch):
    import soctrang_kpi

    path = os.path.join(os.path.dirname(soctrang_kpi.__file__), module)
    monkeypatch.setattr(cache, "_CODE_DIGEST", {})
    before = cache.code_digest(cache.hashing_of(FILES))
    first = key("status", "--json")
    found = os.stat(path)
    try:
        os.utime(path, ns=(found.st_atime_ns, found.st_mtime_ns + 1))
        monkeypatch.setattr(cache, "_CODE_DIGEST", {})
        assert cache.code_digest(cache.hashing_of(FILES)) != before
        assert key("status", "--json") != first  # the answer's key, and the data's (test_cache.py)
    finally:
        os.utime(path, ns=(found.st_atime_ns, found.st_mtime_ns))
    monkeypatch.setattr(cache, "_CODE_DIGEST", {})
    assert cache.code_digest(cache.hashing_of(FILES)) == before
    assert key("status", "--json") == first


def test_the_files_are_hashed_once_for_the_answer_and_the_entry_and_a_changed_file_still_is_another_key(monkeypatch):
    hashed = []
    real = cache.HASHINGS
    used = cache.hashing(0)

    def counting():
        def digest(data):
            hashed.append(bytes(data))
            return used.digest(data)

        return used._replace(digest=digest)

    files = dict(FILES)
    asked = answers.question(files, NAMES, ("status", "--json"))
    monkeypatch.setattr(cache, "HASHINGS", ((None, counting),))
    entry = cache.key(files, NAMES)  # as cache.load asks it after the answer's key: the digests reused
    assert not set(hashed) & set(FILES.values())
    assert cache._DIGESTS == {}  # forgotten: the bytes are not held past the load
    assert cache.key(files, NAMES) == entry  # and computed again, the same
    assert set(FILES.values()) <= set(hashed)
    monkeypatch.setattr(cache, "HASHINGS", real)
    # other bytes under the same name, after the answer's key remembered the first ones: hashed
    answers.question(files, NAMES, ("status", "--json"))
    changed = dict(files, **{"actuals.yaml": FILES["actuals.yaml"] + b"\n"})
    assert cache.key(changed, NAMES) != entry
    assert answers.question(changed, NAMES, ("status", "--json")) != asked
    # equal bytes in another object are hashed again, to the same key
    answers.question(files, NAMES, ("status", "--json"))
    copied = {name: bytes(bytearray(data)) for name, data in files.items()}
    assert cache.key(copied, NAMES) == entry


@pytest.mark.parametrize("size, openssl", [(0, False), (1 << 20, True)])
def test_keeping_and_serving_an_answer_and_an_entry_imports_neither_hashlib_nor_hmac(size, openssl, tmp_path):
    """The hashing is called directly (cache.HASHINGS): importing the modules hashlib and hmac
    cost a first run 1,1 ms of processor time. A folder below 1 MB does not even load OpenSSL
    (``_hashlib``, 4 ms): it is keyed and signed with BLAKE2b. The entry's numbers are packed
    with ``struct`` (``array`` 0,5 ms), its region found without ``contextvars`` (0,4 ms)."""
    import subprocess

    from ..conftest import ROOT

    script = f"""
import sys
from soctrang_kpi.files import answers, cache, load
from pathlib import Path
cache.MIN_BYTES = 0
files = {{name: (Path({str(ROOT)!r}) / name).read_bytes() for name in ("targets.yaml", "actuals.yaml")}}
files["actuals.yaml"] += b"\\n" + (b"#" * 1023 + b"\\n") * ({size} // 1024)
names = ("targets.yaml", "actuals.yaml")
found = []
for _ in range(2):  # written, then served
    asked = answers.question(files, names, ("status", "--json"))
    opened = answers.Answers.open(files)
    found.append(opened.get(asked))
    if found[-1] is None:
        keeping = opened.keep(asked)
        keeping.write(b"text")
        keeping.done(0)
    opened.close()
    cache.load(files, names, lambda: load.parse_files(Path({str(ROOT)!r}), files))
assert found[0] is None and bytes(found[1][1]) == b"text"
assert len(list((Path({str(tmp_path)!r}) / "soctrang_kpi").glob("*.json"))) == 1
print(sorted({{"hashlib", "hmac", "_hashlib", "array", "contextvars"}} & set(sys.modules)))
"""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "PYTHONPATH": os.pathsep.join(sys.path)}
    env.pop("KPI_CACHE", None)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == ("['_hashlib']" if openssl else "[]")


def resign(body: bytes, secret: bytes, text: bytes, code: int = 0) -> bytes:
    """An entry rewritten with another text, its header made to match with ``secret``."""
    header = body[: body.index(b"\n")]
    magic, name, _, _, _ = header.split(b" ")
    signature = folder_signature(secret, name + b"\n" + text + b"\n%d" % code, sum(map(len, FILES.values())))
    return b" ".join((magic, name, b"%03d" % code, signature, b"%020d" % len(text))) + b"\n" + text


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda b: b[:-1], id="truncated"),
        pytest.param(lambda b: b + b"x", id="longer"),
        pytest.param(lambda b: b.replace("Vượt".encode(), "Đạt!".encode(), 1), id="text-changed"),
        pytest.param(lambda b: b.replace(b" 000 ", b" 003 ", 1), id="code-changed"),
        pytest.param(lambda b: b"", id="empty"),
        pytest.param(lambda b: b"kpi-answer-1 " + b" " * 300, id="blank-header"),
        pytest.param(lambda b: resign(b, b"\0" * 32, b"planted\n"), id="signed-without-the-secret"),
    ],
)
def test_a_changed_or_planted_entry_is_never_served(home, mutate):
    kept(key())
    path = entry(home)
    path.write_bytes(mutate(path.read_bytes()))
    assert served(key()) is None


def test_an_entry_resigned_with_the_folders_own_secret_is_what_only_the_user_could_write(home):
    """The limit of the signature: the user's own account can read the secret (README)."""
    kept(key())
    path = entry(home)
    secret = (home.parent / cache.SECRET).read_bytes()
    path.write_bytes(resign(path.read_bytes(), secret, b"mine\n"))
    assert served(key()) == (0, b"mine\n")


def test_an_entry_under_another_key_is_not_served(home):
    kept(key("status", "--json"))
    path = entry(home)
    os.rename(path, home / (key("show", "5") + cache.SUFFIX))
    assert served(key("show", "5")) is None


def test_an_entry_that_is_a_link_or_a_fifo_or_open_to_others_is_not_read(home, tmp_path):
    kept(key())
    path = entry(home)
    good = path.read_bytes()
    path.unlink()
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(good)
    elsewhere.chmod(0o600)
    path.symlink_to(elsewhere)
    assert served(key()) is None
    path.unlink()
    os.mkfifo(path, 0o600)
    assert served(key()) is None  # and nothing hangs
    path.unlink()
    path.write_bytes(good)
    path.chmod(0o644)
    assert served(key()) is None
    path.chmod(0o600)
    assert served(key()) == (0, TEXT)


def test_an_answers_folder_that_is_a_link_or_open_to_others_is_not_used(home, tmp_path):
    kept(key())
    home.chmod(0o755)
    assert answers.Answers.open(FILES) is None
    home.chmod(0o700)
    elsewhere = tmp_path / "elsewhere"
    os.rename(home, elsewhere)
    home.symlink_to(elsewhere)
    assert answers.Answers.open(FILES) is None


def test_a_dropped_answer_leaves_nothing_and_kpi_cache_0_turns_answers_off(home, monkeypatch):
    opened = answers.Answers.open(FILES)
    keeping = opened.keep(key())
    keeping.write(b"half of it")
    keeping.drop()
    opened.close()
    assert [p for p in home.iterdir() if p.name != cache.SECRET] == []
    monkeypatch.setenv("KPI_CACHE", "0")
    assert answers.Answers.open(FILES) is None


def test_old_answers_are_removed_beyond_the_limit(home, monkeypatch):
    monkeypatch.setattr(answers, "MAX_ANSWERS", 2)
    for number in range(4):
        kept(key("show", str(number)))
    assert len([p for p in home.iterdir() if p.suffix == cache.SUFFIX]) == 2
    assert served(key("show", "3")) == (0, TEXT)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root (another user's file)")
def test_another_users_entry_or_folder_is_not_used(home):
    kept(key())
    path = entry(home)
    os.chown(path, 1234, 1234)
    assert served(key()) is None
    os.chown(path, 0, 0)
    assert served(key()) == (0, TEXT)
    os.chown(home, 1234, 1234)
    assert answers.Answers.open(FILES) is None
