"""Each figure computed once: one row of another plan (`kpi show`), the rows a dated audit reads
(core/evaluate.py ``evaluate_rows``), never the whole plan again — and the same results."""

import pytest

from soctrang_kpi.core import evaluate as evaluation
from soctrang_kpi.core.audit import audit, dated_audit, published_as_of
from soctrang_kpi.core.evaluate import evaluate, evaluate_rows, other_targets
from soctrang_kpi.core.periods import term_needs
from soctrang_kpi.files import load

from ..conftest import ROOT

FOLDERS = [ROOT, ROOT / "docs" / "example-kinds", ROOT / "docs" / "example-periods"]


def _data(folder):
    return load.read(folder)[0]


def _cases():
    for folder in FOLDERS:
        data = _data(folder)
        for plan in data.plans.values():
            for year in (None, plan.base_year + 1, plan.target_year):
                yield pytest.param(folder, plan.id, year, id=f"{folder.name}-{plan.id}-{year}")


@pytest.mark.parametrize("folder, plan_id, year", list(_cases()))
def test_a_row_alone_is_the_row_of_the_whole_plan(folder, plan_id, year):
    data = _data(folder)
    whole = evaluate(data, plan_id, year)
    for row in data.plans[plan_id].rows:
        as_of, alone = evaluate_rows(data, plan_id, (row.indicator,), year)
        assert as_of == whole.as_of
        assert repr(alone[row.indicator]) == repr(whole.find(row.indicator))  # (a reason's exception compares by identity)
        assert set(alone) >= {row.indicator, *whole.find(row.indicator).children}


def _counting(monkeypatch):
    calls: list[str] = []
    real = evaluation._evaluate_row

    def counted(dataset, row, *rest):
        calls.append(row.indicator)
        return real(dataset, row, *rest)

    monkeypatch.setattr(evaluation, "_evaluate_row", counted)
    return calls


def test_another_plans_row_is_computed_alone(monkeypatch):
    data = _data(ROOT / "docs" / "example-kinds")
    calls = _counting(monkeypatch)
    found = other_targets(data, "budget-revenue", "budget-2023-central", 2023)
    assert [plan.id for plan, _ in found] == ["budget-2023-province"]
    assert calls == ["budget-revenue"]
    assert repr(found[0][1]) == repr(evaluate(data, "budget-2023-province", 2023).find("budget-revenue"))


def test_a_term_plans_need_is_computed_from_its_row_alone(monkeypatch):
    data = _data(ROOT / "docs" / "example-periods")
    annual = next(p for p in data.plans.values() if p.base_year + 1 == p.target_year)
    indicator = annual.rows[0].indicator
    calls = _counting(monkeypatch)
    needs = term_needs(data, annual, indicator)
    assert len(calls) == len(needs) and set(calls) <= {indicator}


def test_a_dated_audit_without_published_counts_reads_only_its_rows(monkeypatch):
    data = _data(ROOT)
    plan = data.plans["term-2020-2025"]
    kept = dict(list(data.published.items())[::3])  # a report that published a third of the rows
    data = data._replace(plans={plan.id: plan._replace(published_summary=None)}, published=kept)
    year = published_as_of(data, plan.id)
    now = evaluate(data, plan.id, plan.target_year)
    assert year is not None and year != now.as_of
    calls = _counting(monkeypatch)
    dated = dated_audit(now, data)
    assert 0 < len(calls) < len(plan.rows) and len(set(calls)) == len(calls)
    assert repr(dated) == repr(audit(evaluate(data, plan.id, year), data))


def test_a_dated_audit_with_published_counts_evaluates_the_plan_once(monkeypatch):
    data = _data(ROOT)
    now = evaluate(data, "term-2020-2025", 2025)
    calls = _counting(monkeypatch)
    dated = dated_audit(now, data)
    assert sorted(calls) == sorted(row.indicator for row in data.plans["term-2020-2025"].rows)
    assert repr(dated) == repr(audit(evaluate(data, "term-2020-2025", published_as_of(data, "term-2020-2025")), data))


def test_the_dated_audit_of_one_row_computes_that_row_alone(monkeypatch):
    """`kpi show ID --as-of 2025` shows one row's findings as of the report's year (2023)."""
    data = _data(ROOT)
    now = evaluate(data, "term-2020-2025", 2025)
    whole = dated_audit(now, data)
    found = 0
    for row in data.plans["term-2020-2025"].rows:
        ident = row.indicator
        calls = _counting(monkeypatch)
        alone = dated_audit(now, data, (ident,))
        read = "term-2020-2025" in data.published.get(ident, {}) or row.target.kind.value == "composition"
        assert set(calls) == ({ident, *now.find(ident).children} if read else set()) and len(calls) == len(set(calls)), calls
        assert repr(alone.of(ident)) == repr(whole.of(ident))
        found += bool(alone.of(ident))
        monkeypatch.undo()
    assert found >= 5  # rows with findings as of 2023 among them


@pytest.mark.parametrize("folder, plan_id, year", list(_cases()))
def test_a_plan_evaluated_for_some_rows_is_the_whole_plans_rows(folder, plan_id, year):
    """`kpi show ID`: the plan's results for one row and the rows under it, in the plan's order,
    as of the plan's year."""
    data = _data(folder)
    whole = evaluate(data, plan_id, year)
    for row in data.plans[plan_id].rows:
        some = evaluate(data, plan_id, year, rows=(row.indicator,))
        assert (some.plan, some.as_of) == (whole.plan, whole.as_of)
        wanted = {row.indicator, *whole.find(row.indicator).children}
        assert {r.id for r in some.results} >= wanted
        assert [r.id for r in some.results] == [r.id for r in whole.results if r.id in {s.id for s in some.results}]
        assert repr(some.find(row.indicator)) == repr(whole.find(row.indicator))
