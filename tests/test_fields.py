"""The one registry of table fields (output/fields.py): every document names fields of it, every
field has a header in both languages and a value for every row, a heading shows only its own."""

import pytest

from soctrang_kpi.core.compare import compare
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.output import fields, views
from soctrang_kpi.output.fields import FIELDS, Ctx, Use
from soctrang_kpi.output.labels import Lang

from .conftest import TERM

RESULT_FIELDS = [
    key for key in FIELDS
    if "." not in key
]


def _keys(uses):
    return [u.key if isinstance(u, Use) else u for u in uses]


def test_every_document_names_fields_of_the_registry():
    for uses in (views.STATUS_FIELDS, views.FINDINGS_FIELDS, views.PROBLEM_FIELDS):
        assert set(_keys(uses)) <= set(FIELDS)


@pytest.mark.parametrize("lang", list(Lang))
@pytest.mark.parametrize("key", RESULT_FIELDS)
def test_each_indicator_field_has_a_header_and_a_value_for_every_row(term, key, lang):
    ctx = Ctx(term, lang, {})
    table = fields.table("", [fields.use(key, 2024)], term.results, ctx, fields.indicator_row)
    assert table.columns[0].header.strip()
    assert len(table.rows) == len(term.results)


def test_a_heading_row_shows_only_its_number_name_and_verdict(term):
    table = fields.table("", views.STATUS_FIELDS, term.results, Ctx(term, Lang.VI), fields.indicator_row)
    shown = {key for key, field in FIELDS.items() if field.on_heading}
    for row in table.rows:
        if row.heading:
            for use, cell in zip(views.STATUS_FIELDS, row.cells):
                key = use.key if isinstance(use, Use) else use
                assert (cell != "") == (key in shown), (row.cells[0], key)


def test_the_status_table_marks_the_estimated_latest_value(term):
    table = fields.table("", views.STATUS_FIELDS, term.results, Ctx(term, Lang.VI), fields.indicator_row)
    latest = _keys(views.STATUS_FIELDS).index("latest")
    marked = {row.cells[0] for row in table.rows if latest in row.marks}
    assert marked == {r.row.no for r in term.results if r.latest is not None and r.latest.status.value == "estimate"}


def test_changes_and_other_plans_are_rows_of_the_same_registry(dataset, term):
    before = evaluate(dataset, TERM, 2022)
    table = views.compare_table(before, compare(before, term), term, Lang.EN)
    assert [c.header for c in table.columns][:2] == ["No", "Indicator"] and len(table.rows) == len(term.results)
