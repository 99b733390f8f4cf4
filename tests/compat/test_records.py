"""soctrang_kpi.records: a record class behaves as the typing.NamedTuple of the same body.

The records are built from CPython's own parts (``_collections._tuplegetter``, a code object's
``replace``); these tests pin what the package relies on against ``typing.NamedTuple`` itself.
"""

import copy
import inspect
import pickle
import re
import typing
from pathlib import Path

import pytest

from soctrang_kpi import records

from ..conftest import ROOT


def _pair(fields: int, defaults: int) -> tuple[type, type]:
    """The same class statement made both ways: ``fields`` fields, the last ``defaults`` of them
    with a default."""
    lines = [f"    f{i}: int" + (f" = {-i}" if i >= fields - defaults else "") for i in range(fields)]
    source = f"class R{fields}(NT):\n" + ("\n".join(lines) or "    pass")
    made = []
    for base in (typing.NamedTuple, records.NamedTuple):
        space: dict[str, object] = {"NT": base, "__name__": __name__}
        exec(source, space)  # noqa: S102 - the test's own class statement
        made.append(space[f"R{fields}"])
    return made[0], made[1]


@pytest.mark.parametrize("fields, defaults", [(0, 0), (1, 0), (1, 1), (3, 1), (5, 5), (13, 4), (24, 2), (30, 3)])
def test_a_record_behaves_as_a_named_tuple(fields, defaults):
    theirs, ours = _pair(fields, defaults)
    values = tuple(range(10, 10 + fields))
    a, b = theirs(*values), ours(*values)
    assert tuple(a) == tuple(b) and b == a and hash(b) == hash(a) and isinstance(b, tuple)
    assert repr(b) == repr(a)
    assert ours._fields == theirs._fields == ours.__match_args__
    assert ours._field_defaults == theirs._field_defaults
    assert b._asdict() == a._asdict()
    assert tuple(ours._make(values)) == values
    assert [p.name for p in inspect.signature(ours).parameters.values()] == list(theirs._fields)
    assert [p.default for p in inspect.signature(ours).parameters.values()] == [p.default for p in inspect.signature(theirs).parameters.values()]
    if fields:
        assert tuple(ours(**dict(zip(ours._fields, values)))) == values
        changed = b._replace(**{ours._fields[-1]: 99})
        assert type(changed) is ours and changed[-1] == 99 and changed[:-1] == b[:-1]
        assert getattr(b, ours._fields[0]) == values[0]
        with pytest.raises(AttributeError):
            setattr(b, ours._fields[0], 1)
    required = fields - defaults
    if required:
        with pytest.raises(TypeError, match="missing"):
            ours(*values[: required - 1])
    with pytest.raises(TypeError):
        ours(*values, 1)
    with pytest.raises(ValueError, match="unexpected field names"):
        b._replace(nothing=1)
    with pytest.raises(TypeError, match=f"Expected {fields} arguments"):
        ours._make(values + (1,))
    assert not hasattr(b, "__dict__")


class Point(records.NamedTuple):
    """A year's value."""

    year: int
    value: float
    note: str = ""

    @property
    def twice(self) -> float:
        return self.value * 2

    def later(self, years: int) -> "Point":
        return self._replace(year=self.year + years)


def test_a_record_keeps_its_body_and_survives_copy_and_pickle():
    p = Point(2024, 1.5)
    assert Point.__doc__ == "A year's value." and Point.__qualname__ == "Point" and Point.__module__ == __name__
    assert p.twice == 3.0 and p.later(2) == Point(2026, 1.5, "")
    assert pickle.loads(pickle.dumps(p)) == p and type(pickle.loads(pickle.dumps(p))) is Point
    assert copy.copy(p) is p or copy.copy(p) == p
    assert copy.deepcopy(p) == p
    assert Point.__annotations__ == {"year": int, "value": float, "note": str}
    assert repr(p) == "Point(year=2024, value=1.5, note='')"


def test_a_record_refuses_what_typing_refuses():
    with pytest.raises(TypeError, match="Non-default"):

        class Wrong(records.NamedTuple):
            a: int = 1
            b: int

    with pytest.raises(AttributeError, match="_replace"):

        class Clash(records.NamedTuple):
            a: int

            def _replace(self):  # type: ignore[override]
                return self


def test_every_record_of_the_package_is_made_here():
    """typing.NamedTuple compiles code for every class at start-up (README "Performance")."""
    found = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "soctrang_kpi").rglob("*.py")
        if re.search(r"^from typing import .*\bNamedTuple\b", path.read_text(encoding="utf-8"), re.M) and path.name != "records.py"
    ]
    assert found == []
    assert Path(records.__file__).name == "records.py"
