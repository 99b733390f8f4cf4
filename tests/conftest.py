from pathlib import Path

import pytest

from soctrang_kpi.files import load
from soctrang_kpi.core.audit import audit
from soctrang_kpi.core.evaluate import evaluate

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


@pytest.fixture(scope="session")
def review(term, dataset):
    """The audit of the mid-term review: a second pass over the results."""
    return audit(term, dataset)


@pytest.fixture(scope="session")
def findings_of(review):
    """The audit findings of one result of the mid-term review."""
    return lambda result: review.of(result.id)
