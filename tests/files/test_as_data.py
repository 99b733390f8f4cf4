"""The plan's data made in pieces (files/as_data.plan_json): the same characters as the whole
data's JSON, `kpi export` having embedded ``json.dumps(head | plan_data(…))`` in its files, its
long lists made a batch at a time."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from soctrang_kpi.files import load
from soctrang_kpi.files.as_data import Lazy, pieces, plan_data, plan_json, whole

ROOT = Path(__file__).resolve().parents[2]
HEAD = {"format": "soctrang-kpi-export", "version": 1, "lang": "vi", "as_of": 2024}


def _dumped(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("as_of", [None, 2023])
def test_the_plans_data_in_pieces_is_the_text_of_the_whole_data(dataset, as_of):
    for plan in dataset.plans.values():
        head = HEAD | {"report": "month"}
        text = "".join(plan_json(head, dataset, plan, as_of))
        assert text == _dumped(head | plan_data(dataset, plan, as_of))
        assert json.loads(text)["targets"]["plans"][0]["id"] == plan.id


@pytest.mark.parametrize("example", ["example-kinds", "example-periods", "example-history", "example-territory"])
def test_every_example_plan_in_pieces_is_its_whole_text(example):
    """Kinds, months and quarters, histories of values, an area's plan: each shape of the data."""
    dataset = load.read(ROOT / "docs" / example)[0]
    for plan in dataset.plans.values():
        data = HEAD | plan_data(dataset, plan)
        assert "".join(plan_json(HEAD, dataset, plan)) == _dumped(data)
        small = "".join(pieces(HEAD | _tree(dataset, plan), _dumped, batch=1))  # every item a batch of its own
        assert small == _dumped(data)


def _tree(dataset, plan):
    from soctrang_kpi.files.as_data import _plan_tree

    return _plan_tree(dataset, plan, None)


def test_the_long_lists_are_made_a_batch_at_a_time(dataset):
    """Each piece is handed on before the next batch is made: never more than a batch of items
    made and not yet written."""
    made = []

    def items():
        for n in range(2500):
            made.append(n)
            yield {"id": f"ind-{n}", "name": "Chỉ tiêu"}

    written = 0
    for piece in pieces({"series": Lazy(items())}, _dumped, batch=100):
        written += piece.count('"id"')
        assert len(made) - written <= 100
    assert written == len(made) == 2500


KEY = st.text(max_size=5)
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8))
PLAIN = st.recursive(SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(KEY, inner, max_size=3)), max_leaves=8)
LAZY = st.one_of(
    st.lists(PLAIN, max_size=7).map(lambda items: Lazy(iter(items))),
    st.dictionaries(st.one_of(KEY, st.integers(1900, 2100)), PLAIN, max_size=7).map(lambda d: Lazy(iter(d.items()), pairs=True)),
)
TREE = st.recursive(st.one_of(PLAIN, LAZY), lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(KEY, inner, max_size=3)), max_leaves=6)


@settings(max_examples=300, deadline=None)
@given(TREE, st.integers(1, 4))
def test_pieces_are_the_text_of_the_whole(tree, batch):
    """Any nesting of lazy lists and objects among plain ones, in batches of any size: the text
    json gives the whole, and ``whole`` the data it stands for."""
    assert "".join(pieces(_again(tree), _dumped, batch)) == _dumped(whole(_again(tree)))


def _again(value):
    """The tree with each ``Lazy`` readable once more (its items are an iterator, read once)."""
    if type(value) is Lazy:
        value.items = list(value.items)
        return Lazy(iter(value.items), value.pairs)
    if type(value) is dict:
        return {key: _again(item) for key, item in value.items()}
    if type(value) is list:
        return [_again(item) for item in value]
    return value
