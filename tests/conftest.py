import os
import tempfile
from pathlib import Path

import pytest

# Tests never read or fill the user's cache; subprocesses inherit this too.
os.environ["KPI_CACHE_DIR"] = tempfile.mkdtemp(prefix="kpi-test-cache-")

from soctrang_kpi import load
from soctrang_kpi.engine import evaluate

ROOT = Path(__file__).resolve().parent.parent
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
