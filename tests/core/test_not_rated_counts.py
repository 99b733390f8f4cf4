"""A row listed without a target that has values reads "Không đánh giá": it is counted apart
from the rows with no data (``results.counts_apart``, ``NOT_RATED``), as it reads."""

from __future__ import annotations

import pytest

from soctrang_kpi.core.classify import Status
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.core.groups import counts_apart_by_group
from soctrang_kpi.core.results import NOT_RATED

from .test_kinds import dataset_of

ROWS = '      - {indicator: x, number: "1"}\n      - {indicator: y, number: "2"}'


@pytest.mark.parametrize(
    "series, no_data, not_rated",
    [
        ("  x:\n    actual: {2020: 5, 2021: 6}\n", 1, 1),  # x has values: not rated; y has none: no data
        ("  x:\n    actual: {2020: 5}\n  y:\n    actual: {2021: 6}\n", 0, 2),
    ],
)
def test_rows_not_rated_are_counted_apart_from_no_data(series, no_data, not_rated):
    pr = evaluate(dataset_of(ROWS, series), "p")
    counts = pr.counts_apart()
    assert counts[-1] == (Status.NO_DATA, not_rated, NOT_RATED)
    assert next(n for s, n, k in counts if s is Status.NO_DATA and k is None) == no_data
    assert sum(n for _s, n, _k in counts) == 2 == sum(pr.summary.values())  # every row counted once
    assert pr.summary[Status.NO_DATA] == 2  # their status is still no_data
    assert counts_apart_by_group(pr)[None] == counts
