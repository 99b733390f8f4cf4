"""The one YAML emitter (files/yaml_text.py) against the reader (files/yamlio.py): what it writes
reads back as the same data, for any text, number and nesting; `kpi init` names its plan with it."""

import unicodedata

from hypothesis import given, settings, strategies as st

from soctrang_kpi.errors import UsageError
from soctrang_kpi.files import init_template, load, yamlio
from soctrang_kpi.files.yaml_text import actuals_text, flow, targets_text

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30).map(lambda t: unicodedata.normalize("NFC", t))
NUMBER = st.one_of(
    st.integers(-10**14, 10**14),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e14, max_value=1e14),
)
SCALAR = st.one_of(TEXT, NUMBER, st.booleans(), st.none())
KEY = st.one_of(st.integers(1900, 2200), st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True), TEXT.filter(bool))
VALUE = st.recursive(SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEY, inner, max_size=4)), max_leaves=12)


def _read(text: str):
    data, problems = yamlio.parse("x.yaml", text)
    assert problems == []
    return data


@settings(max_examples=300, deadline=None)
@given(VALUE)
def test_what_flow_writes_reads_back_equal(value):
    assert _read("value: " + flow(value) + "\n") == {"value": value}


def test_the_two_files_read_back_as_the_data_they_were_written_from(dataset):
    from soctrang_kpi.files.as_data import plan_data

    data = plan_data(dataset, dataset.plans["term-2020-2025"])
    assert _read(targets_text(data["targets"], ["một chú thích"])) == data["targets"]
    assert _read(actuals_text(data["actuals"])) == data["actuals"]


def _acceptable(name: str) -> bool:
    """A name kpi init takes (it refuses control characters and an empty name, with a message)."""
    try:
        init_template.check_name(name)
    except UsageError:
        return False
    return True


@given(st.text(min_size=1, max_size=40).filter(_acceptable))
@settings(max_examples=60, deadline=None)
def test_init_writes_any_plan_name_the_loader_reads_back(name):
    texts = init_template.render(name, 2025, 2030, "vi")
    data, problems = load.load_texts(texts["targets.yaml"], texts["actuals.yaml"])[:2]
    (plan,) = data.plans.values()
    assert plan.name == unicodedata.normalize("NFC", " ".join(name.split()))
