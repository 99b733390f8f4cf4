"""The one YAML emitter (files/yaml_text.py) against the reader (files/yamlio.py): what it writes
reads back as the same data, for any text, number and nesting; `kpi init` names its plan with it."""

import unicodedata

from hypothesis import given, settings, strategies as st

from soctrang_kpi.errors import UsageError
from soctrang_kpi.files import init_template, load, yamlio
from soctrang_kpi.files.yaml_text import actuals_text, flow, read_back, targets_text

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


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_text_is_quoted_as_json_dumps_quotes_it(text):
    """flow quotes text with json's own string encoder, not json.dumps (a JSONEncoder made per
    string): the same characters for any text, lone surrogates and controls included."""
    import json

    from soctrang_kpi.files.yaml_text import _UNPRINTABLE, _quoted

    assert _quoted(text) == _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


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


def _typed(value):
    """A value with every type spelled out: 74 and 74.0, a list and a tuple are not alike."""
    if isinstance(value, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_typed(v) for v in value])
    return (type(value).__name__, value)


def _read_back_agrees(targets, actuals):
    """read_back is None, or exactly what the loader reads from the texts, type for type."""
    texts = (targets_text(targets), actuals_text(actuals))
    found = read_back(targets, actuals, texts)
    if found is not None:
        assert _typed(found[0]) == _typed(_read(texts[0]))
        assert _typed(found[1]) == _typed(_read(texts[1]))
    return found


ID = st.from_regex(r"[a-z0-9_-]{1,8}", fullmatch=True)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(ID, st.dictionaries(st.one_of(ID, st.sampled_from(["published", "history"])), VALUE, max_size=3), max_size=3),
       st.lists(st.dictionaries(ID, VALUE, max_size=3), max_size=3), st.dictionaries(ID, VALUE, max_size=3))
def test_read_back_is_what_the_loader_reads(series, indicators, plan):
    """The data `kpi import` checks instead of parsing its own text back (files/load.load_written)."""
    targets = {"schema_version": 1, "indicators": indicators, "plans": [{"id": "p", **plan, "targets": [plan]}]}
    try:
        _read_back_agrees(targets, {"schema_version": 1, "series": series})
    except (TypeError, AttributeError):  # a layout the writer refuses (published, history not mappings or lists)
        pass


def test_read_back_as_written_and_read():
    targets = {"schema_version": 1, "indicators": [{"id": "a", "name": "Tỷ lệ"}],
               "plans": [{"id": "p", "base_year": 2020.0, "targets": [{"indicator": "a", "value": (1438.0, 7.25)}]}]}
    actuals = {"schema_version": 1, "series": {"a": {"actual": {2020: 74.0, 2021: 74.01}}}}
    found = _read_back_agrees(targets, actuals)
    assert found is not None and found[0]["plans"][0]["base_year"] == 2020 and type(found[0]["plans"][0]["base_year"]) is int
    assert found[0]["plans"][0]["targets"][0]["value"] == [1438, 7.25]
    for odd in ("2024-01-01", 1e-7, 1e20, float("nan")):  # a date, an exponent, too large: parsed as before
        assert _read_back_agrees(targets, {"schema_version": 1, "series": {"a": {"actual": {2020: odd}}}}) is None
    for key in ("yes", "1a", "Tỷ"):  # a bare key YAML reads otherwise, or that is not an id
        assert _read_back_agrees(targets, {"schema_version": 1, "series": {key: {"actual": {2020: 1}}}}) is None
    assert _read_back_agrees(targets, {"schema_version": 1, "series": {"a": {}}}) is None  # written "a:", read null
    decomposed = unicodedata.normalize("NFD", "Tỷ lệ")
    assert _read_back_agrees(dict(targets, indicators=[{"id": "a", "name": decomposed}]), actuals) is None


def test_read_back_shares_what_reads_back_as_it_is_and_the_loader_leaves_the_data_whole():
    """What reads back as it is is given back itself, not copied (the copies of a 100.000-row
    import were 120 MB); the series mapping is read_back's own, which the loader lets go of
    entry by entry (files/load.load_written): the import's data stays whole."""
    targets = {"schema_version": 1, "indicators": [{"id": "a", "name": "Tỷ lệ", "unit": "%"}, {"id": "b", "name": "Số"}],
               "plans": [{"id": "p", "name": "Kế hoạch", "base_year": 2020, "target_year": 2025,
                          "targets": [{"indicator": "a", "number": "1", "kind": "level", "value": 7.5}]}]}
    actuals = {"schema_version": 1, "series": {"a": {"actual": {2020: 74.01}}, "b": {"actual": {2020: 74.0}}}}
    texts = (targets_text(targets), actuals_text(actuals))
    read_targets, read_actuals = read_back(targets, actuals, texts)
    assert read_targets is targets  # nothing in it reads otherwise
    assert read_actuals["series"]["a"] is actuals["series"]["a"]
    assert read_actuals["series"]["b"] == {"actual": {2020: 74}} and actuals["series"]["b"] == {"actual": {2020: 74.0}}
    assert read_actuals["series"] is not actuals["series"]
    dataset, _warnings = load.load_written(read_targets, read_actuals, *texts)
    assert actuals["series"]["a"] == {"actual": {2020: 74.01}} and list(actuals["series"]) == ["a", "b"]
    assert dataset.series["a"][0].value == 74.01


def test_the_keys_known_plain_are_plain_and_odd_items_in_lists_are_still_asked():
    """read_back's shortcuts: the keys it knows plain are (written bare, read as text), and an item
    of a list or mapping that does not read back as it is (a date, an exponent, a whole float) is
    still found where it sits among plain ones."""
    from soctrang_kpi.files.yaml_text import _PLAIN_KEYS, _plain

    assert all(_plain(key) for key in _PLAIN_KEYS)
    targets = {"schema_version": 1, "indicators": [{"id": "a", "name": "Tỷ lệ"}],
               "plans": [{"id": "p", "base_year": 2020, "targets": [{"indicator": "a", "range": [1, 7.25]}]}]}
    for odd in ("2024-01-01", 1e-7, 1e20, 10**16, float("nan")):
        assert _read_back_agrees(dict(targets, plans=[{"id": "p", "targets": [{"indicator": "a", "range": ["x", 1.5, odd]}]}]),
                                 {"schema_version": 1, "series": {}}) is None
    found = _read_back_agrees(dict(targets, plans=[{"id": "p", "targets": [{"indicator": "a", "range": [1.5, 74.0, "x"]}]}]),
                              {"schema_version": 1, "series": {"a": {"actual": {2020: 1.5, 2021: 74.0}}}})
    assert found is not None and type(found[0]["plans"][0]["targets"][0]["range"][1]) is int and type(found[1]["series"]["a"]["actual"][2021]) is int
