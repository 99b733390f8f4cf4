import shutil
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from soctrang_kpi.files import load
from soctrang_kpi.core.audit import audit
from soctrang_kpi.cli import app
from soctrang_kpi.core.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent

# No deadline on an example: the suite runs on two shared cores, where an example of a property
# test took over Hypothesis's default 200 ms under load and failed a run that was right
settings.register_profile("kpi", deadline=None)
settings.load_profile("kpi")
TERM = "term-2020-2025"


@pytest.fixture(scope="session")
def dataset():
    data, warnings = load.read(ROOT)
    assert warnings == []
    return data


@pytest.fixture(scope="session")
def term(dataset):
    """The mid-term review: the 2020–2025 plan as of 2023."""
    return evaluate(dataset, TERM)


@pytest.fixture(scope="session")
def by_no(term):
    return {r.row.no: r for r in term.results}


@pytest.fixture(scope="session")
def review(term, dataset):
    """The audit of the mid-term review: a second pass over the results."""
    return audit(term, dataset)


@pytest.fixture(scope="session")
def findings_of(review):
    """The audit findings of one result of the mid-term review."""
    return lambda result: review.of(result.id)


def kpi(*args):
    """A `kpi` command through Typer's runner; a bug fails the test with its traceback."""
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def kpi_en(*args):
    """The same in English (``KPI_LANG=en``), the language messages are checked in where the
    Vietnamese default is not what the test is about."""
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"KPI_LANG": "en"})


def folder_signature(secret: bytes, data: bytes, size: int) -> bytes:
    """The signature (hex) the cache folder's secret gives ``data`` (an entry's key, a newline and
    its body), for a data folder of ``size`` bytes, computed here as README "Performance" says
    and not with files/cache.py: keyed BLAKE2b of 256 bits below 1 MiB, HMAC-SHA256 from it."""
    import hashlib
    import hmac

    if size < 1 << 20:
        return hashlib.blake2b(data, digest_size=32, key=secret).hexdigest().encode()
    return hmac.new(secret, data, "sha256").hexdigest().encode()


def large_copy(folder: Path) -> Path:
    """A copy of the bundled data files in ``folder`` (made), padded with a comment to the size
    from which loading is cached and answers are kept (files/cache.MIN_BYTES)."""
    from soctrang_kpi.files import cache

    folder.mkdir(parents=True, exist_ok=True)
    for name in ("targets.yaml", "actuals.yaml"):
        (folder / name).write_bytes((ROOT / name).read_bytes())
    with open(folder / "actuals.yaml", "a", encoding="utf-8") as out:
        out.write("\n# " + "đệm " * (cache.MIN_BYTES // 4) + "\n")
    return folder


@pytest.fixture
def pin_today(monkeypatch):
    """``pin_today(day)``: the day kpi takes for today — the loader's (files/load.py: the check of a
    period ahead and ``Dataset.today``, the default year's), the check's own default
    (files/share_sums.py), `kpi init`'s examples (files/init_template.py) and the cache of checked
    data that keys its entries on the day — is ``day``, for the rest of the test."""
    from datetime import date

    from soctrang_kpi.files import cache, init_template, load, share_sums

    def pin(day: date) -> None:
        class Pinned(date):
            @classmethod
            def today(cls):  # type: ignore[override]
                return day

        for module in (load, share_sums, init_template):
            monkeypatch.setattr(module, "date", Pinned)
        monkeypatch.setattr(cache, "_today", day.isoformat)

    return pin


@pytest.fixture
def folder(tmp_path):
    """A copy of the bundled data files, to write into."""
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


@pytest.fixture(scope="session")
def printed_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("printed")


@pytest.fixture(scope="session")
def printed_plans(printed_folder):
    """The plans the print checks export (tests/output/printing.py), by name: their `kpi export` options."""
    from .output.printing import plans

    return plans(printed_folder / "plans")


@pytest.fixture(scope="session")
def printed(printed_folder, printed_plans):
    """Every plan of ``printed_plans`` as docx, xlsx and html, printed to PDF once per test run
    and read back: {(plan, format): printing.Printed}."""
    from .output.printing import render

    return render(printed_folder, printed_plans)


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """The cache of checked data (files/cache.py) of every test in a folder of the run's own, never
    the user's ~/.cache; processes the tests start inherit it."""
    import os

    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


#: the environment variables that change what kpi reads or prints (its own, and those of the
#: terminal kpi and Rich read): unset for every test, which sets those it needs (CliRunner's
#: env=, monkeypatch.setenv, a process's env); the shell's (`KPI_CACHE=0 NO_COLOR=1 COLUMNS=40
#: KPI_LANG=en pytest`) failed 477 tests that expected the defaults
SHELL_SETTINGS = ("KPI_LANG", "KPI_CACHE", "KPI_DATA_DIR", "COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


@pytest.fixture(scope="session", autouse=True)
def shell_settings_unset():
    """Every test starts from kpi's defaults, whatever the shell running the suite has set
    (``SHELL_SETTINGS``); processes the tests start inherit that."""
    with pytest.MonkeyPatch.context() as patch:
        for name in SHELL_SETTINGS:
            patch.delenv(name, raising=False)
        yield


def plan_yaml(indicators: str, targets: str, base: int = 2025, end: int = 2030, ident: str = "p", name: str | None = None) -> str:
    """A targets.yaml of one plan ``ident`` (``base``–``end``, named ``name``, else "Nghị quyết
    base–end"): ``indicators`` and ``targets`` are its lists' items, one flow mapping a line
    ("{id: x, name: …, unit: "%"}")."""
    items = lambda text, indent: "".join(f"{indent}- {line.strip()}\n" for line in text.strip().splitlines())  # noqa: E731
    name = name or f"Nghị quyết {base}–{end}"
    return (
        f"schema_version: 1\nindicators:\n{items(indicators, '  ')}plans:\n  - id: {ident}\n    name: {name}\n"
        f"    base_year: {base}\n    target_year: {end}\n    targets:\n{items(targets, '      ')}"
    )
