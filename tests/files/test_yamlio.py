"""The event-stream YAML reader gives exactly what PyYAML's safe loader gives."""

import math

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from soctrang_kpi.files import yamlio

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**15) + 1, 10**15 - 1),  # larger ones keep their text
    st.floats(allow_nan=False, min_value=-1e15, max_value=1e15, exclude_min=True, exclude_max=True), st.text(max_size=20),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(st.one_of(st.text(max_size=10), st.integers(0, 3000)), inner, max_size=5),
    ),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None)
@given(documents, st.booleans())
def test_same_data_as_pyyaml(document, flow):
    text = yaml.safe_dump(document, allow_unicode=True, default_flow_style=flow)
    assert yamlio.parse("x.yaml", text)[0] == yaml.safe_load(text)


@pytest.mark.parametrize(
    "text, expected",
    [("a: 0x1F", {"a": "0x1F"}), ("a: 1_000", {"a": "1_000"}), ("a: 7_25", {"a": "7_25"}), ("a: 1:30", {"a": "1:30"}), ("a: yes", {"a": True}), ("a: ~", {"a": None}),
     ("a: '5'", {"a": "5"}), ("a: !!str 5", {"a": "5"}), ("a: [1, *x]\nb: &x 2", None), ("a: 2023-01-01", {"a": "2023-01-01"}),
     ("a: &x [1]\nb: *x", {"a": [1], "b": [1]}), ("", None), ("a: 1.5e3", {"a": "1.5e3"}), ("a: 1.5e+3", {"a": 1500.0}),  # YAML 1.1, as PyYAML,
     ("a: 1e-7", {"a": 1e-7}), ("a: 2e3", {"a": 2000.0}),  # but an exponent needs no point (YAML 1.2)
     ("a: " + "9" * 400, {"a": "9" * 400}), ("a: 1e400", {"a": "1e400"}), ("a: {2023: 7,10}", {"a": {2023: "7,10"}}),
     ("a: {2023: 7,10, 2024: 8}", {"a": {2023: "7,10", 2024: 8}}), ("a: [6,8]", {"a": [6, 8]})]
)
def test_scalars_and_aliases(text, expected):
    if expected is None and text:
        with pytest.raises(Exception, match="has no anchor"):
            yamlio.parse("x.yaml", text)
        return
    assert yamlio.parse("x.yaml", text)[0] == expected


def test_special_floats():
    data, _ = yamlio.parse("x.yaml", "a: .inf\nb: -.inf\nc: .nan")
    assert data["a"] == math.inf and data["b"] == -math.inf and math.isnan(data["c"])


@pytest.mark.parametrize(
    "text, message",
    [("a: 1\na: 2", "duplicate key 'a'"), ("a: !!python/name:os.system x", "is not allowed"), ("<<: {a: 1}", "merge keys"),
     ("? [1]\n: 2", "cannot be a list"), ("a: 1\n---\nb: 2", "one YAML document")],
)
def test_what_a_data_file_must_not_do(text, message):
    try:
        _data, problems = yamlio.parse("x.yaml", text)
    except Exception as err:  # noqa: BLE001 - DataError carries the message
        assert message in str(err)
        return
    assert any(message in p.message for p in problems)


def test_deep_nesting_is_refused_before_anything_recurses():
    text = "a: " + "[" * 40000 + "]" * 40000  # PyYAML's composer would crash the process on it
    with pytest.raises(Exception, match=f"nested more than {yamlio.MAX_DEPTH} levels"):
        yamlio.parse("x.yaml", text)
    yamlio.parse("x.yaml", "a: " + "[" * (yamlio.MAX_DEPTH - 1) + "]" * (yamlio.MAX_DEPTH - 1))


@settings(max_examples=100, deadline=None)
@given(documents)
def test_the_utf8_bytes_of_a_text_read_as_the_text(document):
    """files/load.py parses the UTF-8 bytes of a file's text (issue 27: libyaml encoded the text
    itself, a copy beside it): the data, the duplicate keys and their places are the same."""
    text = yaml.safe_dump({"d": document}, allow_unicode=True, default_flow_style=False) + "k: 1\nk: 2\n"
    assert yamlio.parse("x.yaml", text.encode("utf-8")) == yamlio.parse("x.yaml", text)


def test_a_syntax_error_in_the_bytes_is_placed_in_characters():
    text = "tên: Chỉ tiêu số một\nđơn vị: [ỷ, ỹ\n"
    with pytest.raises(Exception) as as_text:
        yamlio.parse("x.yaml", text)
    with pytest.raises(Exception) as as_bytes:
        yamlio.parse("x.yaml", text.encode("utf-8"))
    assert as_bytes.value.problems == as_text.value.problems


def test_a_long_line_is_counted_in_characters_in_the_bytes_too():
    fits = "a: " + "ỷ" * (yamlio.MAX_LINE - 3)  # 3 bytes a character: longer than MAX_LINE in bytes
    assert yamlio.long_line(fits.encode("utf-8")) is None
    too_long = fits + "ỷ"
    assert yamlio.long_line(too_long.encode("utf-8")) == yamlio.long_line(too_long) == (1, yamlio.MAX_LINE + 1)
    assert yamlio.as_text(too_long.encode("utf-8")) == too_long


class _Collect(yamlio.Stream):
    key = "series"

    def __init__(self):
        self.entries: list = []
        self.starts = 0

    def start(self):
        self.starts += 1
        self.entries.clear()

    def entry(self, key, value):
        self.entries.append((key, value))
        return key


@pytest.mark.parametrize(
    "text, streamed, tree",
    [
        ("series:\n  a: {x: 1}\n  b: [2]\nother: {a: 1}\n", [("a", {"x": 1}), ("b", [2])], {"series": {"a": None, "b": None}, "other": {"a": 1}}),
        ("series: {a: 1}\n", [], {"series": {"a": 1}}),  # a flow mapping is read whole ({2023: 7,10})
        ("other:\n  series:\n    a: 1\n", [], {"other": {"series": {"a": 1}}}),  # at the top only
        ("series:\n  - a\n", [], {"series": ["a"]}),
    ],
)
def test_a_stream_is_handed_the_entries_of_its_top_level_mapping(text, streamed, tree):
    stream = _Collect()
    assert yamlio.parse("x.yaml", text, stream=stream) == (tree, []) and stream.entries == streamed
    assert stream.starts == (1 if streamed else 0)


def test_a_streamed_mapping_still_reports_its_duplicate_keys_and_aliases_read():
    stream = _Collect()
    tree, problems = yamlio.parse("x.yaml", "series:\n  a: &v {x: 1}\n  b: *v\n  a: 2\n", stream=stream)
    assert tree == {"series": {"a": None, "b": None}} and stream.entries == [("a", {"x": 1}), ("b", {"x": 1}), ("a", 2)]
    assert [(p.line, p.column) for p in problems] == [(4, 3)] and "duplicate" in problems[0].render("en")
