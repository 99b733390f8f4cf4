"""The loaded data (a ``Dataset`` and its warnings) as plain JSON values and back, for the cache.

The codec is read off the model's own type hints (``core/model.py``), so a field added there is
carried without an edit here. It is strict both ways: encoding accepts exactly the types the hints
name (a ``str`` subclass such as a ``Text`` or an ``Ambiguous`` where a ``str`` is expected, an
``int`` key, a value of a type the hints do not name: ``Unsupported``, and the data is simply not
cached); decoding rebuilds the same records, enums and tuples, and anything it does not expect
raises ``Unsupported`` too, which the cache treats as a miss. ``decode(encode(x)) == x`` for every
dataset that encodes (tests/files/test_cache.py).

JSON keeps what the data needs: ints stay ints and floats floats (``5`` and ``5.0``), strings
any text, mappings their order; infinities and NaN are written as JSON's extensions, which
``json`` reads back.
"""

from __future__ import annotations

import types
import typing
from itertools import compress, repeat
from operator import itemgetter
from collections.abc import Callable
from enum import Enum
from datetime import date
from typing import Any, Union

from ..core.model import Dataset
from ..errors import Problem
from ..messages import Num, Text

Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]  # (encode, decode)


class Unsupported(Exception):
    """A value the codec does not carry exactly (encoding), or an entry that is not what the codec
    writes (decoding)."""


def _same(value: Any) -> Any:
    """Decoding a str, int, float, bool or None: the value json read is the value written (the
    entry's digest says it is what ``encode`` wrote, and ``encode`` let only exactly these types
    through), so these fields are left as they are, which is most of the decoding's speed."""
    return value


#: what JSON gives back exactly as it was written (a subclass, such as a Text, is not: it would
#: come back a plain str)
_PRIMITIVES = frozenset({str, int, float, bool, type(None)})
_NONE = {type(None)}


def _primitive(value: Any) -> Any:
    if type(value) not in _PRIMITIVES:
        raise Unsupported(f"a value of type {type(value).__name__}")
    return value


def _plain() -> Codec:
    """A str, int, float (an int where a float is expected stays an int: 5 is written 5), bool
    or None field: written as it is, and read back as it is."""
    return _primitive, _same


def _enum(kind: type[Enum]) -> Codec:
    members = dict(kind._value2member_map_)

    def encode(value: Any) -> Any:
        if type(value) is not kind:
            raise Unsupported(f"{type(value).__name__} where {kind.__name__} is expected")
        return value.value

    def decode(value: Any) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise Unsupported(f"{value!r} is no {kind.__name__}") from None

    if issubclass(kind, str):  # json writes such a member as its value, itself
        _TEXT_ENUMS[encode] = kind
    return encode, decode


#: the encoders of enums whose members are their own values as text (``class Kind(str, Enum)``)
_TEXT_ENUMS: dict[Callable[[Any], Any], type] = {}
#: the encoders of records whose fields are all plain or such enums (a Point): a tuple of them is
#: checked in a few passes over it and handed to json as it is (``_tuple_of``)
#: (a field that may also be None, of another type, is flat where it is None: ``_NULLABLE``)
_FLAT: dict[Callable[[Any], Any], tuple[type, list[tuple[int, type]], list[int], list[int]]] = {}
#: the encoders of optional fields of a type json does not write (a date): None in every record
#: of a tuple, the tuple is still written as it is (``_flat_records``)
_NULLABLE: set[Callable[[Any], Any]] = set()


def _optional(inner: Codec) -> Codec:
    enc, dec = inner
    if enc is _primitive:
        return inner
    encode = lambda v: None if v is None else enc(v)  # noqa: E731
    if enc not in _TEXT_ENUMS:
        _NULLABLE.add(encode)
    return encode, (lambda v: None if v is None else dec(v))


def _tuple_of(inner: Codec) -> Codec:
    enc, dec = inner
    flat = _FLAT.get(enc)

    def encode(value: Any) -> Any:
        if type(value) is not tuple:
            raise Unsupported(f"{type(value).__name__} where a tuple is expected")
        if flat is not None and _flat_records(value, *flat):
            return value
        return [enc(item) for item in value]

    def decode(value: Any) -> Any:
        if type(value) is not list:
            raise Unsupported("a list is expected")
        if flat is not None:
            records = _flat_decoded(value, *flat)
            if records is not None:
                return records
        return tuple([dec(item) for item in value])

    return encode, decode


def _flat_decoded(value: list, kind: type, enums: list[tuple[int, type]], _plain: list[int], nullable: list[int]) -> tuple | None:
    """A list of flat records (``_flat_records``) read back a field at a time over all of them:
    the enums looked up by their values, the records made in one pass; None when a nullable field
    is set in some record (then each is read in turn, as written)."""
    if not value:
        return ()
    width = len(kind._fields)  # type: ignore[attr-defined]
    if set(map(type, value)) != {list} or set(map(len, value)) != {width}:
        raise Unsupported(f"{kind.__name__}: lists of {width} are expected")
    columns = list(zip(*value))
    if not all(set(map(type, columns[index])) == _NONE for index in nullable):
        return None
    for index, enum in enums:
        try:
            columns[index] = tuple(map(enum._value2member_map_.__getitem__, columns[index]))  # type: ignore[attr-defined]
        except (KeyError, TypeError):
            raise Unsupported(f"{kind.__name__}: a field that is no {enum.__name__}") from None
    return tuple(map(tuple.__new__, repeat(kind), zip(*columns)))


def _flat_records(value: tuple, kind: type, enums: list[tuple[int, type]], plain: list[int], nullable: list[int]) -> bool:
    """Whether a tuple of flat records (``_FLAT``) can be given to json as it is: checked a field
    at a time over all of them (in C, not a call per record: this is most of the data); json
    writes a record as the list of its fields and a text enum as its value. A nullable field
    (a Point's ``recorded`` date) must be None in every record, else the tuple is encoded a record
    at a time (False). Encoding a record at a time was a fifth of the time of a first run."""
    if not value:
        return True
    if set(map(type, value)) != {kind}:
        raise Unsupported(f"a record other than {kind.__name__}")
    for index, enum in enums:
        if set(map(type, map(itemgetter(index), value))) != {enum}:
            raise Unsupported(f"{kind.__name__}: a field that is no {enum.__name__}")
    for index in plain:
        if not _PRIMITIVES.issuperset(map(type, map(itemgetter(index), value))):
            raise Unsupported(f"{kind.__name__}: a field of another type")
    return all(set(map(type, map(itemgetter(index), value))) == _NONE for index in nullable)


def _fixed_tuple(items: list[Codec]) -> Codec:
    def encode(value: Any) -> Any:
        if type(value) is not tuple or len(value) != len(items):
            raise Unsupported(f"a tuple of {len(items)} is expected")
        return [enc(item) for (enc, _), item in zip(items, value)]

    def decode(value: Any) -> Any:
        if type(value) is not list or len(value) != len(items):
            raise Unsupported(f"a list of {len(items)} is expected")
        return tuple([dec(item) for (_, dec), item in zip(items, value)])

    return encode, decode


def _dict_of(inner: Codec) -> Codec:
    enc, dec = inner

    def encode(value: Any) -> Any:
        if type(value) is not dict:
            raise Unsupported(f"{type(value).__name__} where a dict is expected")
        out = {}
        for key, item in value.items():
            if type(key) is not str:
                raise Unsupported(f"a key of type {type(key).__name__}")
            out[key] = enc(item)
        return out

    def decode(value: Any) -> Any:
        if type(value) is not dict:
            raise Unsupported("a mapping is expected")
        return {key: dec(item) for key, item in value.items()}

    return encode, decode


def _pairs(key: Codec, inner: Codec) -> Codec:
    """A dict whose keys are not text (a year, a Period: ``Dataset.history``), as [key, value] pairs."""
    kenc, kdec = key
    enc, dec = inner

    def encode(value: Any) -> Any:
        if type(value) is not dict:
            raise Unsupported(f"{type(value).__name__} where a dict is expected")
        return [[kenc(k), enc(item)] for k, item in value.items()]

    def decode(value: Any) -> Any:
        if type(value) is not list:
            raise Unsupported("a list of pairs is expected")
        return {kdec(k): dec(item) for k, item in value}

    return encode, decode


def _union(members: list[type], codecs: dict[type, Codec]) -> Codec:
    """One of several types (``int | Period``), as [its index among them, its value]; the type is
    the value's own, never guessed from its form."""
    inner = [_codec(member, codecs) for member in members]

    def encode(value: Any) -> Any:
        for index, member in enumerate(members):
            if type(value) is member:
                return [index, inner[index][0](value)]
        raise Unsupported(f"{type(value).__name__} is none of {members}")

    def decode(value: Any) -> Any:
        if type(value) is not list or len(value) != 2 or type(value[0]) is not int or not 0 <= value[0] < len(members):
            raise Unsupported("a tagged value is expected")
        return inner[value[0]][1](value[1])

    return encode, decode


def _date() -> Codec:
    """A day (a value's ``recorded``, a report's ``date``) as its ISO text."""

    def encode(value: Any) -> Any:
        if type(value) is not date:
            raise Unsupported(f"{type(value).__name__} where a date is expected")
        return value.isoformat()

    def decode(value: Any) -> Any:
        if type(value) is not str:
            raise Unsupported("a date is expected")
        return date.fromisoformat(value)

    return encode, decode


def _record(kind: type, codecs: dict[type, Codec]) -> Codec:
    """A NamedTuple as the list of its fields; decoding converts only the fields that need it."""
    fields: list[Codec] = []
    convert: list[tuple[int, Callable[[Any], Any]]] = []
    make = tuple.__new__

    def encode(value: Any) -> Any:
        if type(value) is not kind:
            raise Unsupported(f"{type(value).__name__} where {kind.__name__} is expected")
        out = list(typing.cast(tuple, value))
        if not _PRIMITIVES.issuperset(map(type, compress(out, plain))):
            raise Unsupported(f"{kind.__name__}: a field of another type")
        for index, enc in complex_fields:
            out[index] = enc(out[index])
        return out

    def decode(value: Any) -> Any:
        if type(value) is not list or len(value) != width:
            raise Unsupported(f"{kind.__name__}: a list of {width} is expected")
        for index, dec in convert:
            value[index] = dec(value[index])
        return make(kind, value)

    codecs[kind] = encode, decode  # before the fields: a record may hold itself (PublishedSummary.groups)
    from ..core.kinds import Kind  # model.py names it for type checkers only (core/kinds.py defines it)

    from ..core.model import Period, Version  # named in string annotations (Dataset.history)

    hints = typing.get_type_hints(kind, localns={"Kind": Kind, "Period": Period, "Version": Version})
    for name in kind._fields:  # type: ignore[attr-defined]
        fields.append(_codec(hints[name], codecs))
    width = len(fields)
    # str, int, float, bool and their optionals are written and read as they are: checked for
    # their type in one pass when encoding, left alone when decoding
    plain = [enc is _primitive for enc, _ in fields]
    complex_fields = [(index, enc) for index, (enc, _) in enumerate(fields) if enc is not _primitive]
    if all(enc is _primitive or enc in _TEXT_ENUMS or enc in _NULLABLE for enc, _ in fields):
        _FLAT[encode] = (
            kind, [(i, _TEXT_ENUMS[enc]) for i, enc in complex_fields if enc in _TEXT_ENUMS],
            [i for i, flag in enumerate(plain) if flag], [i for i, enc in complex_fields if enc in _NULLABLE],
        )
    convert.extend((index, dec) for index, (enc, dec) in enumerate(fields) if enc is not _primitive)
    return encode, decode


def _codec(hint: Any, codecs: dict[type, Codec]) -> Codec:
    if hint in codecs:
        return codecs[hint]
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is type(None) or hint is None or hint in (str, int, bool, float):
        return _plain()
    if hint is date:
        return _date()
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _enum(hint)
    if isinstance(hint, type) and issubclass(hint, tuple) and hasattr(hint, "_fields"):
        return _record(hint, codecs)
    if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return _optional(_codec(next(a for a in args if a is not type(None)), codecs))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _tuple_of(_codec(args[0], codecs))
    if origin is tuple and args:
        return _fixed_tuple([_codec(a, codecs) for a in args])
    if origin is dict and args and args[0] is str:
        return _dict_of(_codec(args[1], codecs))
    if origin is dict and args:
        return _pairs(_codec(args[0], codecs), _codec(args[1], codecs))
    if origin in (Union, types.UnionType) and type(None) not in args and all(isinstance(a, type) for a in args):
        return _union(list(args), codecs)
    raise TypeError(f"the cache cannot carry {hint!r}: add it to files/plain.py")


_CODECS: dict[type, Codec] = {}


def _dataset() -> Codec:
    if Dataset not in _CODECS:
        _codec(Dataset, _CODECS)
    return _CODECS[Dataset]


# --- warnings: Problems whose message is a Text (with Num, Text, str and number params) -------


def _param(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    if kind is Num:
        return {"num": float(value), "decimals": value.decimals}
    if kind is Text:
        return {"text": value.key, "params": {k: _param(v) for k, v in value.params.items()}}
    raise Unsupported(f"a message parameter of type {kind.__name__}")


def _unparam(value: Any) -> Any:
    if type(value) is dict:
        if "num" in value:
            return Num(value["num"], value["decimals"])
        return _untext(value)
    return value


def _untext(value: dict) -> Text:
    try:
        return Text(value["text"], **{k: _unparam(v) for k, v in value["params"].items()})
    except (KeyError, TypeError, ValueError, IndexError):
        raise Unsupported("a message the catalogue does not have") from None


def _problem(problem: Problem) -> list:
    if type(problem) is not Problem:
        raise Unsupported("a problem of another type")
    message = problem.message
    if type(message) is Text:
        said: Any = _param(message)
    elif type(message) is str:
        said = message
    else:
        raise Unsupported(f"a message of type {type(message).__name__}")
    return [problem.file, problem.line, problem.column, said, problem.indicator, problem.field, problem.warning]


def _unproblem(value: Any) -> Problem:
    if type(value) is not list or len(value) != len(Problem._fields):
        raise Unsupported("a problem is a list of its fields")
    file, line, column, said, indicator, field, warning = value
    message = _untext(said) if type(said) is dict else said
    if not (type(file) is str and type(line) is int and type(column) is int and type(message) in (str, Text)
            and type(indicator) is str and type(field) is str and type(warning) is bool):
        raise Unsupported("a problem's fields")
    return Problem(file, line, column, message, indicator, field, warning)


def encode(dataset: Dataset, warnings: list[Problem]) -> dict:
    """The loaded data as JSON values; ``Unsupported`` if any of it would not come back the same."""
    return {"dataset": _dataset()[0](dataset), "warnings": [_problem(p) for p in warnings]}


def decode(value: Any) -> tuple[Dataset, list[Problem]]:
    """What ``encode`` wrote, back; ``Unsupported`` if ``value`` is anything else."""
    try:
        if type(value) is not dict or type(value.get("warnings")) is not list:
            raise Unsupported("not a cache entry")
        return _dataset()[1](value["dataset"]), [_unproblem(p) for p in value["warnings"]]
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise Unsupported(str(err)) from None
