"""PyYAML and libyaml: the event parser kpi reads data files with.

What kpi relies on (pinned by ``tests/compat/test_libyaml.py``):

- ``CSafeLoader`` when PyYAML was built with libyaml, else the pure-Python ``SafeLoader``; both
  give the same events with ``.start_mark.line``/``.column`` (0-based) and ``.implicit``.
- A syntax error is a ``yaml.YAMLError`` with ``problem`` and ``problem_mark``.
- **Nesting depth is not part of that contract.** libyaml 0.2.5 has no limit; the libyaml bundled
  with PyYAML 6.0.4 refuses nesting deeper than about 1.000 levels — and its scanner reads ahead,
  so it refuses a deep line before kpi's own reader has seen its 65th level. ``events`` therefore
  reads such a text again with the pure-Python parser, which has no limit, so that kpi's own
  refusal ("nested more than 64 levels deep", at the 65th level's line and column) is what the
  user sees, whatever libyaml does first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import yaml

T = TypeVar("T")

#: the fastest safe loader this PyYAML has
FastLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: libyaml's words for its own nesting limit (0.2.6 and the copy in PyYAML 6.0.4's wheels)
_DEPTH_WORDS = ("maximum nesting depth", "nesting depth")


def is_depth_limit(err: yaml.YAMLError) -> bool:
    """Whether ``err`` is libyaml refusing a text for its nesting depth, not for its syntax."""
    problem = str(getattr(err, "problem", "") or "")
    return any(words in problem for words in _DEPTH_WORDS)


def read(text: str | bytes, build: Callable[[Iterator[Any]], T]) -> T:
    """``build(events)`` over the events of ``text``: libyaml's when it has them; the pure-Python
    parser's where libyaml refuses a depth that the reader refuses itself, earlier and in its own
    words. ``build`` is called again from the start in that case (it must keep no state between
    calls). The fast path hands over the parser's own ``get_event``, with no generator around
    every event."""
    try:
        return _with(FastLoader, text, build)
    except yaml.YAMLError as err:
        if FastLoader is yaml.SafeLoader or not is_depth_limit(err):
            raise
    return _with(yaml.SafeLoader, text, build)


def _with(loader_class: type, text: str | bytes, build: Callable[[Iterator[Any]], T]) -> T:
    loader = loader_class(text)
    try:
        return build(iter(loader.get_event, None))
    finally:
        loader.dispose()
