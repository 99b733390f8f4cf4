"""What evaluating a plan holds (issue 27, "memory bounded per series"): its results and, beside
them, nothing that grows with the rows — no dict of every row by id in the evaluation
(core/evaluate.py ``_evaluated``) nor in an audit without published figures (core/audit.py
``audit``), no window record of its own in a result (core/results.py ``Result.window``), no copy
of the rows in `kpi status --json`'s document (output/views.py ``status_document``). Counted
with tracemalloc on the benchmark's data (benchmarks/make_data.py: levels, growth and average
targets, thresholds, progress and groups of three sub-rows)."""

import gc
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from soctrang_kpi.core.audit import audit
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.core.results import Result, Seen
from soctrang_kpi.files.load import load_texts
from soctrang_kpi.output.labels import Lang
from soctrang_kpi.output.views import status_document

from ..conftest import ROOT

ROWS = 3000


@pytest.fixture(scope="module")
def dataset():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from make_data import generate
    finally:
        sys.path.pop(0)
    return load_texts(*generate(ROWS))[0]


@contextmanager
def _measured() -> Iterator[None]:
    """tracemalloc on, from a known state: a full collection first (no garbage of earlier tests
    collected meanwhile, and CPython's free lists emptied), the collector off until ``_left``
    (when it would run depends on its thresholds and on all the process did before)."""
    gc.collect()
    gc.disable()
    tracemalloc.start()
    try:
        yield
    finally:
        tracemalloc.stop()
        gc.enable()


def _left() -> tuple[int, int]:
    """The bytes still allocated and the objects found in reference cycles (what only the
    collector lets go of), after a full collection: the one that empties CPython's free lists,
    whose objects tracemalloc counts as allocated (up to 2.000 tuples of each small size: a
    result's 19 figures). How full those lists were when tracing began depended on when the
    collector last ran a full pass, so the count of a tuple let go of did too: 2,2 bytes a row
    left or 97, as the suite's earlier tests had run (passed alone, failed in the full suite)."""
    cycles = gc.collect()
    return tracemalloc.get_traced_memory()[0], cycles


def _traced(make: Callable[[], Any]) -> tuple[Any, int, int, int]:
    """What ``make`` returns, the bytes it left allocated, the most it held beyond what it
    returned, and the objects it left in reference cycles."""
    with _measured():
        made = make()
        held, peak = tracemalloc.get_traced_memory()
        left, cycles = _left()
    return made, left, peak - held, cycles


def test_the_evaluation_holds_nothing_per_row_beside_its_results(dataset):
    # the rows by id and the results by id were held by the evaluation to its end, and after
    # it (a function that called itself, a reference cycle: only the collector let go of them,
    # and of every result with them); what is left at the peak is the sub-rows' places
    evaluate(dataset, "term")  # what a first evaluation imports and caches
    with _measured():
        result = evaluate(dataset, "term")
        held, peak = tracemalloc.get_traced_memory()
        assert len(result.results) == ROWS
        del result
        left, cycles = _left()
    assert (peak - held) / ROWS < 40
    assert cycles < ROWS / 100  # nothing in a cycle per row
    assert left / ROWS < 8  # nothing but the results, which are let go of (were 950 bytes a row)


def test_an_audit_without_published_figures_holds_nothing_per_row(dataset):
    result = evaluate(dataset, "term")
    report, left, beyond, cycles = _traced(lambda: audit(result, dataset))
    assert report.by_indicator == {} and report.plan == ()
    assert cycles < ROWS / 100
    assert (left + beyond) / ROWS < 4  # every row by id was 40 bytes a row here


def test_a_result_reads_its_window_from_its_own_fields(dataset):
    result = evaluate(dataset, "term")
    row = next(r for r in result.results if r.shown)
    assert not any(type(field) is Seen for field in row)  # a record of 80 bytes a row, no more
    assert row.window == Seen(row.baseline, row.latest, row.shown, row.recorded)
    assert row.shown is dataset.series[row.id]  # the loaded series itself, not a copy
    assert isinstance(row, Result) and row.window.latest is row.latest


def test_the_status_document_of_every_row_holds_no_copy_of_them(dataset):
    result = evaluate(dataset, "term")
    review = audit(result, dataset)
    _doc, left, _beyond, cycles = _traced(lambda: status_document(result, review, Lang.EN, for_people=False))
    assert cycles < ROWS / 100
    assert left / ROWS < 2  # a list of the rows shown was 8 bytes a row
