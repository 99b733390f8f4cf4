"""Verdicts as of two years side by side (core/compare.py, `kpi status --compare`)."""

from soctrang_kpi.core.compare import compare
from soctrang_kpi.core.evaluate import evaluate

from ..conftest import TERM


def test_each_row_then_and_now(dataset, term):
    before = evaluate(dataset, TERM, 2022)
    changes = compare(before, term)
    assert [c.after.id for c in changes] == [r.id for r in term.results]
    for c in changes:
        then = before.find(c.after.id)
        assert c.before is not None and c.before.id == then.id
        assert c.changed == (then.status is not c.after.status) or c.changed == (c.direction != "same")
