"""Contract: what kpi relies on from PyYAML and libyaml (soctrang_kpi/compat/libyaml.py)."""

import pytest
import yaml
from yaml.events import MappingStartEvent, ScalarEvent, SequenceStartEvent

from soctrang_kpi.compat import libyaml


def test_the_fast_loader_is_libyaml_when_pyyaml_has_it():
    assert libyaml.FastLoader is (yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)


@pytest.mark.parametrize("loader", sorted({libyaml.FastLoader, yaml.SafeLoader}, key=str), ids=lambda c: c.__name__)
def test_events_carry_zero_based_marks_and_implicit_flags(loader):
    events = libyaml._with(loader, "a:\n  b: 7.10\n  c: '7'\n", list)
    scalars = [e for e in events if isinstance(e, ScalarEvent)]
    assert [(e.value, e.start_mark.line, e.start_mark.column, e.implicit[0]) for e in scalars] == [
        ("a", 0, 0, True), ("b", 1, 2, True), ("7.10", 1, 5, True), ("c", 2, 2, True), ("7", 2, 5, False),
    ]


@pytest.mark.parametrize("loader", sorted({libyaml.FastLoader, yaml.SafeLoader}, key=str), ids=lambda c: c.__name__)
def test_a_syntax_error_has_a_problem_and_its_mark(loader):
    with pytest.raises(yaml.YAMLError) as caught:
        libyaml._with(loader, "a: [1, 2\nb: 3\n", list)
    assert caught.value.problem and caught.value.problem_mark.line >= 0


def _deep(levels: int) -> str:
    return "x: " + "[" * levels + "]" * levels + "\n"


def test_libyaml_either_reads_deep_nesting_or_refuses_it_in_words_we_recognise():
    """libyaml 0.2.5 has no nesting limit; the copy in PyYAML 6.0.4 refuses ~1.000 levels, and
    its scanner reads ahead, so it refuses before a reader of its events sees the depth."""
    try:
        libyaml._with(libyaml.FastLoader, _deep(5000), list)
    except yaml.YAMLError as err:
        assert libyaml.is_depth_limit(err), err
    assert not libyaml.is_depth_limit(yaml.YAMLError("x"))


def test_read_sees_every_level_whatever_libyaml_refuses():
    """``read`` hands a builder the 65th level at its own column, on every PyYAML."""

    def deepest_start(events):
        depth = 0
        for event in events:
            if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                depth += 1
                if depth == 66:  # the mapping, then 65 sequences
                    return event.start_mark.line, event.start_mark.column
        return None

    assert libyaml.read(_deep(5000), deepest_start) == (0, 3 + 64)


def test_read_raises_a_syntax_error_as_pyyaml_does():
    with pytest.raises(yaml.YAMLError):
        libyaml.read("a: [1, 2\nb: 3\n", list)
