"""The loaded data (a ``Dataset`` and its warnings) as plain JSON values and back, for the cache.

The codec is read off the model's own type hints (``core/model.py``), so a field added there is
carried without an edit here. It is strict both ways: encoding accepts exactly the types the hints
name (a ``str`` subclass such as a ``Text`` or an ``Ambiguous`` where a ``str`` is expected, an
``int`` key, a value of a type the hints do not name: ``Unsupported``, and the data is simply not
cached); decoding rebuilds the same records, enums and tuples, and anything it does not expect
raises ``Unsupported`` too, which the cache treats as a miss. ``decode(encode(x)) == x`` for every
dataset that encodes (tests/files/test_cache.py).

Collections are written a column at a time (``Codec.column``): a dict's keys as one column and
its values as one column, a tuple of records as one column per field, a dict of tuples (a series
per indicator) as their lengths and one column of all their records. A field's column is checked
for its types in one pass (in C, not a call per record); a column of one repeated value (every
note "", every date None) is written once. Measured in-process at 100.000 series (processor time,
collector paused, best of 3): encoding, ``json.dumps`` and UTF-8 1,24–1,29 s a record at a time,
0,48–0,52 s by column; ``json.loads`` and decoding 1,04–1,10 s and 0,37–0,39 s; the entry 43,8
MB and 26,5 MB. With the long columns in the region (below) rather than in the JSON, at 100.000
series (two runs of each in turn on a loaded machine): writing 0,67–1,23 s -> 0,56 s, reading
back 0,70–0,72 s -> 0,35–0,42 s, the entry 31,5 MB -> 21,9 MB; a first `kpi status --json` at
10.000 series ran 12.978 M instructions -> 12.808 M (valgrind; a cold one 12.034 M).

What comes back holds one object where the parsed data does (issue 27): the loader makes one
Point for a year's value that many series have and one Target for equal rows (files/
actuals_schema.points, targets_schema.rows), and holds an indicator's id once for its key, its
record, its rows and its series. A column of records the data holds as few objects (``SHARED``:
at most three quarters of its places) is written as each place's first place and the records of
the first places, found by identity in one pass (``_firsts``); the texts of a column of keys
are the objects every later column of texts reads for the same text (``_Region.texts_at``); a
record's ints are one object a value (``_field``). At 100.000 series the data read back was
179 MB of objects against 79 MB parsed (540.000 Points against 98.139, 620.000 texts against
300.000, 100.000 Targets against 8.393), and is now 82 MB; the peak RSS of a run served from the
entry 307 MB -> 192 MB.

JSON keeps what the data needs: ints stay ints and floats floats (``5`` and ``5.0``), strings
any text, mappings their order; infinities and NaN are written as JSON's extensions, which
``json`` reads back.

An entry (``dump``) is a *region* of bytes holding the long columns of one type (from
``_MIN_COLUMN`` values), then a newline and the JSON, one line of UTF-8 text (json escapes every
newline in it, so the entry's last newline is the one before it). The JSON names the columns by
where they lie (``[offset, size]`` in the region): texts as UTF-8 joined by NUL (``TEXTS``), ints as 8 bytes
each (``INTS``), floats as their IEEE 754 bytes (``DOUBLES``), enum members as the index of each
among its enum's members, a byte each (``CODES``); all little-endian. They are neither escaped,
formatted nor parsed as JSON text: the texts are copied, the numbers exact to the bit. Reading
an entry checks that the columns named cover the region exactly, each byte once. This is data
only, as JSON is: nothing read from an entry is ever run (never pickle). The region comes first so
that its columns can be written out as they are made (``dump``'s ``sink``), not held until the
JSON is done: a first `kpi status --json` at 100.000 series peaked at 200.956 KB of RSS while the
entry was made, against 188.484 KB for a run without the cache (``VmHWM``).
"""

from __future__ import annotations

import json
import struct
import sys
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from enum import Enum
from itertools import chain, count, islice, repeat
from typing import Any, Union

from ..core.model import Dataset
from ..errors import Problem
from ..messages import Num, Text

# A column (``Codec.column``) is written as one of:
#: ``[VALUES, [v, ...]]``: each value as ``Codec.encode`` writes it
VALUES = 0
#: ``[SAME, v]``: every value is v (only values that are exact and immutable: text, an int, a bool,
#: None, an enum member, an empty tuple; never a float, whose -0.0 equals 0.0)
SAME = 1
#: ``[FIELDS, [column, ...]]``: records, a column per field
FIELDS = 2
#: ``[RAGGED, [length, ...], column]``: tuples, their lengths and a column of all their items
RAGGED = 3
#: ``[KEYED, [length, ...], [key, ...], column]``: dicts, their lengths, all their keys, a column of all their values
KEYED = 4
#: ``[DOUBLES, [offset, size]]``: floats (every one a float), their IEEE 754 bytes in the region
DOUBLES = 5
#: ``[TEXTS, [offset, size]]``: texts (every one a str, none holding NUL), UTF-8 joined by NUL in
#: the region
TEXTS = 6
#: ``[INTS, [offset, size]]``: ints (every one an int, within 64 bits), 8 bytes each in the region
INTS = 7
#: ``[CODES, [offset, size]]``: enum members, each as its index among its enum's members, a byte
#: each in the region
CODES = 8
#: ``[SHARED, [offset, size], [offset, size], column]``: records the data holds one object for
#: many places of (the loader's: one Point for a year's value in many series, one Target for many
#: rows): for each place, the first place holding the same object (itself, the first time); the
#: places that are such a first place, in order; the column of their records. Both places' columns
#: are in the region, 4 bytes a place
SHARED = 9


class Unsupported(Exception):
    """A value the codec does not carry exactly (encoding), or an entry that is not what the codec
    writes (decoding)."""


class Codec:
    """How one type is written: a value (``encode``/``decode``) and a column of values
    (``column``/``uncolumn``: the column as JSON, and back given how many values it holds)."""

    __slots__ = ("encode", "decode", "column", "uncolumn")

    def __init__(self, encode: Callable[[Any], Any], decode: Callable[[Any], Any],
                 column: Callable[[Sequence], Any] | None = None,
                 uncolumn: Callable[[Any, int], list] | None = None):
        self.encode = encode
        self.decode = decode
        self.column = column or (lambda values: [VALUES, [encode(v) for v in values]])
        self.uncolumn = uncolumn or (lambda written, n: [decode(v) for v in _values(written, n)])


def _values(written: Any, n: int) -> list:
    """The values of a ``[VALUES, [...]]`` column of ``n``."""
    if type(written) is not list or len(written) != 2 or written[0] != VALUES or type(written[1]) is not list or len(written[1]) != n:
        raise Unsupported(f"a column of {n} values is expected")
    return written[1]


def _tagged(written: Any) -> int:
    if type(written) is not list or not written or type(written[0]) is not int:
        raise Unsupported("a column is expected")
    return written[0]


#: what JSON gives back exactly as it was written (a subclass, such as a Text, is not: it would
#: come back a plain str)
_PRIMITIVES = frozenset({str, int, float, bool, type(None)})
#: the types of which a column of equal values is written once (``SAME``): equal is the same
_EXACT = frozenset({str, int, bool, type(None)})


def _same_column(values: Sequence, kinds: set[type]) -> bool:
    """Whether ``values`` (not empty, of these types) are all one value that can be written once."""
    return (len(kinds) == 1 and (kinds <= _EXACT or issubclass(next(iter(kinds)), Enum))
            and values[-1] == values[0] and values.count(values[0]) == len(values))  # the last first: most columns differ there


def _plain() -> Codec:
    """A str, int, float (an int where a float is expected stays an int: 5 is written 5), bool
    or None field: written as it is, and read back as it is (the entry's signature says it is
    what ``encode`` wrote, and ``encode`` let only exactly these types through)."""

    def encode(value: Any) -> Any:
        if type(value) not in _PRIMITIVES:
            raise Unsupported(f"a value of type {type(value).__name__}")
        return value

    def column(values: Sequence) -> Any:
        kinds = set(map(type, values))
        if not _PRIMITIVES.issuperset(kinds):
            raise Unsupported("a value of another type")
        if values and _same_column(values, kinds):
            return [SAME, values[0]]
        if len(values) >= _MIN_COLUMN and len(kinds) == 1:
            tag, to_bytes = _BYTES.get(next(iter(kinds)), (VALUES, None))
            written = None if to_bytes is None else to_bytes(values)
            if written is not None:
                return [tag, _region().put(written)]
        return [VALUES, values]

    def uncolumn(written: Any, n: int) -> list:
        tag = _tagged(written)
        if tag == SAME and len(written) == 2 and type(written[1]) in _EXACT:
            return [written[1]] * n
        if tag in _FROM_BYTES and len(written) == 2 and n >= _MIN_COLUMN:
            region = _region()
            if tag == TEXTS:
                return region.texts_at(region.take(written[1]), n, False)
            return _FROM_BYTES[tag](region.take(written[1]), n)
        return _values(written, n)

    return Codec(encode, _same, column, uncolumn)


#: a column is written in the region (``TEXTS``, ``INTS``, ``DOUBLES``, ``CODES``) from this
#: many values; shorter ones stay in the JSON. Floats were first so written: json's shortest repr
#: of each float was a third of writing the entry — ``json.dumps`` of a first run's entry at
#: 10.000 series (64.000 floats) 384 M instructions, 246 M with the floats' columns as bytes
#: (valgrind). Then every long column (the module's docstring has the figures)
_MIN_COLUMN = 8
_LITTLE = sys.byteorder == "little"


def _texts(values: Sequence) -> bytes | None:
    """Texts joined by NUL, as UTF-8 (a lone surrogate kept as its own 3 bytes: exact both
    ways); None when one holds a NUL (the column stays in the JSON)."""
    joined = "\0".join(values)
    if joined.count("\0") != len(values) - 1:
        return None
    return joined.encode("utf-8", "surrogatepass")


def _untexts(written: memoryview, n: int) -> list:
    found = str(written, "utf-8", "surrogatepass").split("\0")
    if len(found) != n:
        raise Unsupported(f"{n} texts are expected")
    return found


def _numbers(code: str) -> Callable[[Sequence], bytes | None]:
    """Numbers packed as ``code`` (struct's ``q``, ``d``), little-endian; None when one does not
    fit. ``struct``, which a run has imported already, not ``array``: importing array was 0,5 ms
    of a first run (``-X importtime``)."""

    def to_bytes(values: Sequence) -> bytes | None:
        try:
            return struct.pack(f"<{len(values)}{code}", *values)
        except (struct.error, OverflowError):
            return None

    return to_bytes


#: the bytes of a number in the region, by its code (struct's): a place (``SHARED``), an int, a float
_SIZES = {"I": 4, "q": 8, "d": 8}
#: the codes the machine holds as the region does (little-endian, of these sizes): read where they lie
_NATIVE = frozenset(code for code, size in _SIZES.items() if _LITTLE and struct.calcsize(code) == size)


def _view(written: memoryview, n: int, code: str, what: str) -> Sequence:
    """``n`` numbers packed as ``code`` (``_SIZES``), little-endian: read where they lie (not made
    a list: an int object each, beyond 256) on a machine that holds them so, else unpacked;
    ``Unsupported`` ("n ``what`` are expected") if the column is not exactly their size."""
    if len(written) != _SIZES[code] * n:
        raise Unsupported(f"{n} {what} are expected")
    if code in _NATIVE:
        return typing.cast(Any, written).cast(code)  # code: "I", "q" or "d", which typeshed wants literal
    return struct.unpack(f"<{n}{code}", written)


def _unnumbers(code: str) -> Callable[[memoryview, int], list]:
    def from_bytes(written: memoryview, n: int) -> list:
        found = _view(written, n, code, "numbers")
        return found.tolist() if type(found) is memoryview else list(found)

    return from_bytes


#: how a long column of values of one type is written in the region, and read back
_BYTES: dict[type, tuple[int, Callable[[Sequence], bytes | None]]] = {
    str: (TEXTS, _texts), int: (INTS, _numbers("q")), float: (DOUBLES, _numbers("d")),
}
_FROM_BYTES: dict[int, Callable[[memoryview, int], list]] = {
    TEXTS: _untexts, INTS: _unnumbers("q"), DOUBLES: _unnumbers("d"),
}


class _Region:
    """The bytes after an entry's JSON: written a column at a time (``put``: where it lies), read
    a column at a time (``take``), and checked once read (``covered``): the columns the JSON
    names cover the region exactly, each byte once."""

    def __init__(self, data: memoryview | None = None, sink: Callable[[bytes], object] | None = None):
        self.pieces: list[bytes] = []
        self.size = 0
        self.data = data
        self.taken: list[tuple[int, int]] = []
        self.sink = sink or self.pieces.append
        #: decoding: the texts read as keys of a mapping (an indicator's id), each the one object
        #: the columns read after it give back for the same text (``texts_at``)
        self.texts: dict[str, str] = {}
        self.columns: list[tuple[memoryview, list[str]]] = []  # the columns of texts read, where they lie
        self.ints: dict[int, int] = {}  # decoding: each int of the records' fields, one object (``_field``)

    def put(self, piece: bytes) -> list[int]:
        where = [self.size, len(piece)]
        self.sink(piece)
        self.size += len(piece)
        return where

    def take(self, where: Any) -> memoryview:
        if self.data is None or type(where) is not list or len(where) != 2 or not {int}.issuperset(map(type, where)):
            raise Unsupported("a column in the region is expected")
        start, size = where
        if start < 0 or size < 0 or start + size > len(self.data):
            raise Unsupported("a column beyond the region")
        self.taken.append((start, size))
        return self.data[start : start + size]

    def texts_at(self, written: memoryview, n: int, keys: bool) -> list[str]:
        """The ``n`` texts of a column in the region (``TEXTS``), each text that a column of keys
        read before holds made that one object, as the parser holds an indicator's id once for
        its record, its key, its plan's row and its series: at 100.000 series 300.000 texts, 19
        MB, that an entry read back held and the data parsed did not. A column of the same bytes
        as one read before (an indicator's id, its key) is that column's texts; one neither of
        whose ends is known (the names) is taken as it is, not looked up text by text. ``keys``:
        the column's texts are kept for the columns read after it."""
        texts = self.texts
        same = next((found for where, found in self.columns if len(where) == len(written) and len(found) == n and where == written), None)
        found = _untexts(written, n) if same is None else list(same)
        if same is None and texts and (found[0] in texts or found[-1] in texts):
            found = list(map(texts.setdefault if keys else texts.get, found, found))
        elif keys:
            texts.update(zip(found, found))
        self.columns.append((written, found))
        return found

    def covered(self) -> None:
        end = 0
        for start, size in sorted(self.taken):
            if start != end:
                raise Unsupported("bytes of the region read twice or never")
            end = start + size
        if end != (0 if self.data is None else len(self.data)):
            raise Unsupported("bytes of the region never read")


#: the region of the entry being written or read (the last one: ``encode`` and ``decode`` push
#: and pop theirs). A list, not a ``ContextVar``: importing contextvars was 0,4 ms of a first
#: run, and an entry is made and read in one thread.
_REGIONS: list[_Region] = []


def _region() -> _Region:
    if not _REGIONS:
        raise Unsupported("a column in the region, outside an entry")
    return _REGIONS[-1]


#: a column of records is written ``SHARED`` when the data holds at most this share of its places
#: as objects of their own
_SHARED_UP_TO = 0.75


def _firsts(values: Sequence) -> tuple[list[int], dict[int, int]]:
    """For each place of ``values``, the first place holding the same object (identity, not
    equality: what the loader shares), and the first places by object, in order: one pass in C.
    At 100.000 series the Points' columns are then made of 98.139 records, not 540.000."""
    first: dict[int, int] = {}
    return list(map(first.setdefault, map(id, values), count())), first


def _shared(written: list, n: int, records: Callable[[int], list]) -> list:
    """The ``n`` records of a ``SHARED`` column (``written``: where its places and its first places
    lie), given the first places' records (``records(m)``: m of them)."""
    region = _region()
    places = _view(region.take(written[0]), n, "I", "places")
    firsts = region.take(written[1])
    by_place = dict(zip(_view(firsts, len(firsts) // 4, "I", "places"), records(len(firsts) // 4), strict=True))
    if len(by_place) * 4 != len(firsts):
        raise Unsupported("a first place twice")
    try:
        return list(map(by_place.__getitem__, places))
    except KeyError:
        raise Unsupported("a place that holds no record of its own") from None


def _field(written: Any, n: int) -> Iterable:
    """A plain field's column of ``n`` records, as ``_PLAIN.uncolumn`` reads it but for a long
    column of numbers: read where it lies as the records are made (each number made beside its
    record, not all of them first: the records of a series are read together), an int the one
    object of its value for the whole entry (a year: 6 objects, not one a Point)."""
    if _tagged(written) in (INTS, DOUBLES) and len(written) == 2 and n >= _MIN_COLUMN:
        region = _region()
        numbers = _view(region.take(written[1]), n, "d" if written[0] == DOUBLES else "q", "numbers")
        return numbers if written[0] == DOUBLES else map(region.ints.setdefault, numbers, numbers)
    return _PLAIN.uncolumn(written, n)


def _same(value: Any) -> Any:
    return value


def _enum(kind: type[Enum]) -> Codec:
    members = dict(kind._value2member_map_)
    text = issubclass(kind, str)  # json writes such a member as its value, itself
    order = list(kind)  # a member's code (``CODES``): its index here
    codes = {member: index for index, member in enumerate(order)}

    def encode(value: Any) -> Any:
        if type(value) is not kind:
            raise Unsupported(f"{type(value).__name__} where {kind.__name__} is expected")
        return value.value

    def decode(value: Any) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise Unsupported(f"{value!r} is no {kind.__name__}") from None

    def column(values: Sequence) -> Any:
        kinds = set(map(type, values))
        if values and kinds != {kind}:
            raise Unsupported(f"a value where {kind.__name__} is expected")
        if values and _same_column(values, kinds):
            return [SAME, values[0].value]
        if len(values) >= _MIN_COLUMN and len(order) <= 256:
            return [CODES, _region().put(bytes(map(codes.__getitem__, values)))]
        return [VALUES, values if text else [v.value for v in values]]

    def uncolumn(written: Any, n: int) -> list:
        tag = _tagged(written)
        if tag == SAME and len(written) == 2:
            return [decode(written[1])] * n
        if tag == CODES and len(written) == 2 and n >= _MIN_COLUMN:
            found = _region().take(written[1])
            if len(found) != n or max(found, default=0) >= len(order):
                raise Unsupported(f"{n} codes of {kind.__name__} are expected")
            return list(map(order.__getitem__, found))
        try:
            return list(map(members.__getitem__, _values(written, n)))
        except (KeyError, TypeError):
            raise Unsupported(f"a value that is no {kind.__name__}") from None

    return Codec(encode, decode, column, uncolumn)


def _optional(inner: Codec) -> Codec:
    """A value or None (of a type json does not write as it is: a plain one is ``_plain``)."""
    if inner.encode is _PLAIN.encode:
        return inner
    enc, dec = inner.encode, inner.decode

    def column(values: Sequence) -> Any:
        nones = values.count(None)
        if nones == len(values):
            return [SAME, None] if values else [VALUES, []]
        if not nones:
            return inner.column(values)
        return [VALUES, [None if v is None else enc(v) for v in values]]

    def uncolumn(written: Any, n: int) -> list:
        tag = _tagged(written)
        if tag == SAME and len(written) == 2 and written[1] is None:
            return [None] * n
        if tag == VALUES:
            return [None if v is None else dec(v) for v in _values(written, n)]
        return inner.uncolumn(written, n)

    return Codec(lambda v: None if v is None else enc(v), lambda v: None if v is None else dec(v), column, uncolumn)


def _lengths(written: Any, n: int) -> list:
    """The ``n`` lengths of a column of tuples or of mappings: ints, none below zero."""
    lengths = _PLAIN.uncolumn(written, n)
    if not {int}.issuperset(map(type, lengths)) or min(lengths, default=0) < 0:
        raise Unsupported("lengths are expected")
    return lengths


def _split(items: list, lengths: list, n: int) -> Any:
    """``items`` cut into ``n`` runs of these lengths (an iterator of iterators)."""
    if sum(lengths) != len(items):
        raise Unsupported("as many items as the lengths say are expected")
    found = iter(items)
    return (islice(found, length) for length in lengths)


def _tuple_of(inner: Codec) -> Codec:
    """A tuple of any length: ``[n, column]``; a column of them: their lengths and one column of
    all their items (a dict's series: one column of all its Points)."""

    def encode(value: Any) -> Any:
        if type(value) is not tuple:
            raise Unsupported(f"{type(value).__name__} where a tuple is expected")
        return [len(value), inner.column(value)]

    def decode(value: Any) -> Any:
        if type(value) is not list or len(value) != 2 or type(value[0]) is not int:
            raise Unsupported("a tuple is expected")
        return tuple(inner.uncolumn(value[1], value[0]))

    def column(values: Sequence) -> Any:
        if values and set(map(type, values)) != {tuple}:
            raise Unsupported("a value where a tuple is expected")
        if values and not any(values):
            return [SAME, []]
        return [RAGGED, _PLAIN.column(list(map(len, values))), inner.column(list(chain.from_iterable(values)))]

    def uncolumn(written: Any, n: int) -> list:
        tag = _tagged(written)
        if tag == SAME and written == [SAME, []]:
            return [()] * n
        if tag != RAGGED or len(written) != 3:
            raise Unsupported("a column of tuples is expected")
        lengths = _lengths(written[1], n)
        return list(map(tuple, _split(inner.uncolumn(written[2], sum(lengths)), lengths, n)))

    return Codec(encode, decode, column, uncolumn)


def _fixed_tuple(items: list[Codec]) -> Codec:
    def encode(value: Any) -> Any:
        if type(value) is not tuple or len(value) != len(items):
            raise Unsupported(f"a tuple of {len(items)} is expected")
        return [codec.encode(item) for codec, item in zip(items, value)]

    def decode(value: Any) -> Any:
        if type(value) is not list or len(value) != len(items):
            raise Unsupported(f"a list of {len(items)} is expected")
        return tuple([codec.decode(item) for codec, item in zip(items, value)])

    return Codec(encode, decode)


def _dict_of(inner: Codec) -> Codec:
    """A dict with text keys: ``[n, column of keys, column of values]``; a column of them: their
    lengths, all their keys and one column of all their values (series per area and indicator)."""

    def keys_of(value: Any) -> list:
        if type(value) is not dict:
            raise Unsupported(f"{type(value).__name__} where a dict is expected")
        keys = list(value)
        if not {str}.issuperset(map(type, keys)):
            raise Unsupported("a key that is no text")
        return keys

    def encode(value: Any) -> Any:
        keys = keys_of(value)
        return [len(keys), _PLAIN.column(keys), inner.column(list(value.values()))]

    def decode(value: Any) -> Any:
        if type(value) is not list or len(value) != 3 or type(value[0]) is not int or value[0] < 0:
            raise Unsupported("a mapping is expected")
        keys = _keys(value[1], value[0])
        return _mapping(keys, inner.uncolumn(value[2], value[0]))

    def column(values: Sequence) -> Any:
        keys = list(chain.from_iterable(map(keys_of, values)))
        return [KEYED, _PLAIN.column(list(map(len, values))), _PLAIN.column(keys),
                inner.column(list(chain.from_iterable(map(dict.values, values))))]

    def uncolumn(written: Any, n: int) -> list:
        if _tagged(written) != KEYED or len(written) != 4:
            raise Unsupported("a column of mappings is expected")
        lengths = _lengths(written[1], n)
        keys = _keys(written[2], sum(lengths))
        found = iter(inner.uncolumn(written[3], len(keys)))
        return [_mapping(run, list(islice(found, len(run)))) for run in map(list, _split(keys, lengths, n))]

    return Codec(encode, decode, column, uncolumn)


def _keys(written: Any, n: int) -> list:
    """The ``n`` keys of a column of mappings' keys: a long column of texts is kept for the
    columns read after it (``_Region.texts_at``)."""
    if _tagged(written) == TEXTS and len(written) == 2 and n >= _MIN_COLUMN:
        region = _region()
        return region.texts_at(region.take(written[1]), n, True)
    return _PLAIN.uncolumn(written, n)


def _mapping(keys: list, values: list) -> dict:
    if not {str}.issuperset(map(type, keys)):
        raise Unsupported("text keys are expected")
    found = dict(zip(keys, values, strict=True))
    if len(found) != len(keys):
        raise Unsupported("a key twice")
    return found


def _pairs(key: Codec, inner: Codec) -> Codec:
    """A dict whose keys are not text (a year, a Period: ``Dataset.history``): ``[n, column of
    keys, column of values]``."""

    def encode(value: Any) -> Any:
        if type(value) is not dict:
            raise Unsupported(f"{type(value).__name__} where a dict is expected")
        return [len(value), key.column(list(value)), inner.column(list(value.values()))]

    def decode(value: Any) -> Any:
        if type(value) is not list or len(value) != 3 or type(value[0]) is not int:
            raise Unsupported("a list of pairs is expected")
        keys = key.uncolumn(value[1], value[0])
        found = dict(zip(keys, inner.uncolumn(value[2], value[0]), strict=True))
        if len(found) != len(keys):
            raise Unsupported("a key twice")
        return found

    return Codec(encode, decode)


def _union(members: list[type], codecs: dict[type, Codec]) -> Codec:
    """One of several types (``int | Period``), as [its index among them, its value]; the type is
    the value's own, never guessed from its form."""
    inner = [_codec(member, codecs) for member in members]

    def encode(value: Any) -> Any:
        for index, member in enumerate(members):
            if type(value) is member:
                return [index, inner[index].encode(value)]
        raise Unsupported(f"{type(value).__name__} is none of {members}")

    def decode(value: Any) -> Any:
        if type(value) is not list or len(value) != 2 or type(value[0]) is not int or not 0 <= value[0] < len(members):
            raise Unsupported("a tagged value is expected")
        return inner[value[0]].decode(value[1])

    return Codec(encode, decode)


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

    return Codec(encode, decode)


def _record(kind: type, codecs: dict[type, Codec]) -> Codec:
    """A NamedTuple as the list of its fields; a column of them as a column per field, each
    checked for its types in one pass (a record at a time was a fifth of a first run)."""
    fields: list[Codec] = []
    make = tuple.__new__

    def encode(value: Any) -> Any:
        if type(value) is not kind:
            raise Unsupported(f"{type(value).__name__} where {kind.__name__} is expected")
        return [codec.encode(item) for codec, item in zip(fields, typing.cast(tuple, value))]

    def decode(value: Any) -> Any:
        if type(value) is not list or len(value) != len(fields):
            raise Unsupported(f"{kind.__name__}: a list of {len(fields)} is expected")
        return make(kind, [codec.decode(item) for codec, item in zip(fields, value)])

    def by_field(values: Sequence) -> Any:
        return [FIELDS, [codec.column(items) for codec, items in zip(fields, zip(*values))]]

    def column(values: Sequence) -> Any:
        if not values:
            return [VALUES, []]
        if set(map(type, values)) != {kind}:
            raise Unsupported(f"a record other than {kind.__name__}")
        if len(values) >= _MIN_COLUMN:
            places, first = _firsts(values)
            if len(first) <= len(values) * _SHARED_UP_TO:
                region = _region()
                where = region.put(struct.pack(f"<{len(places)}I", *places))
                firsts = region.put(struct.pack(f"<{len(first)}I", *first.values()))
                return [SHARED, where, firsts, by_field(list(map(values.__getitem__, first.values())))]
        return by_field(values)

    def uncolumn(written: Any, n: int) -> list:
        tag = _tagged(written)
        if tag == VALUES:
            return [decode(v) for v in _values(written, n)]
        if tag == SHARED and len(written) == 4 and n >= _MIN_COLUMN:
            return _shared(written[1:3], n, lambda m: uncolumn(written[3], m))
        if written[0] != FIELDS or len(written) != 2 or type(written[1]) is not list or len(written[1]) != len(fields):
            raise Unsupported(f"{kind.__name__}: a column per field is expected")
        columns = [(_field if codec is _PLAIN else codec.uncolumn)(items, n) for codec, items in zip(fields, written[1])]
        return list(map(make, repeat(kind), zip(*columns)))

    codecs[kind] = Codec(encode, decode, column, uncolumn)  # before the fields: a record may hold itself (PublishedSummary.groups)
    hints = _hints(kind)
    for name in kind._fields:  # type: ignore[attr-defined]
        fields.append(_codec(hints[name], codecs))
    return codecs[kind]


def _hints(kind: type) -> dict[str, Any]:
    """A record's field types, as its annotations say: the records' modules do not postpone
    annotations (core/model.py), so most are types already; the few written as text (a name
    defined later, or for type checkers only: ``Kind``) are evaluated in the record's module.
    ``typing.get_type_hints``, which walks every annotation again, was 0,6 ms of the 1,1 ms of
    building the codecs, paid by every run that writes or reads an entry (the first call in a
    fresh process, median of 15)."""
    from ..core.kinds import Kind  # model.py names it for type checkers only (core/kinds.py defines it)

    scope = {**vars(sys.modules[kind.__module__]), "Kind": Kind}
    return {name: eval(hint, scope) if type(hint) is str else hint for name, hint in kind.__annotations__.items()}


_PLAIN = _plain()


def _codec(hint: Any, codecs: dict[type, Codec]) -> Codec:
    if hint in codecs:
        return codecs[hint]
    if type(hint) is str:  # text within a type (``tuple["Point", ...]``): write the whole annotation as text
        raise TypeError(f"the cache cannot carry the annotation {hint!r}: write it whole as text (files/plain.py _hints)")
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is type(None) or hint is None or hint in (str, int, bool, float):
        return _PLAIN
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


def encode(dataset: Dataset, warnings: list[Problem], sink: Callable[[bytes], object] | None = None) -> tuple[dict, list[bytes]]:
    """The loaded data as JSON values and the region's pieces (the long columns, which the JSON
    names by where they lie, in the order they lie; given to ``sink`` as they are made, if given,
    and not kept); ``Unsupported`` if any of it would not come back the same."""
    region = _Region(sink=sink)
    _REGIONS.append(region)
    try:
        return {"dataset": _dataset().encode(dataset), "warnings": [_problem(p) for p in warnings]}, region.pieces
    finally:
        _REGIONS.pop()


def decode(value: Any, region: bytes | memoryview = b"") -> tuple[Dataset, list[Problem]]:
    """What ``encode`` wrote, back; ``Unsupported`` if ``value`` and ``region`` are anything else
    (the region's every byte must belong to exactly one column)."""
    reading = _Region(memoryview(region))
    _REGIONS.append(reading)
    try:
        if type(value) is not dict or type(value.get("warnings")) is not list:
            raise Unsupported("not a cache entry")
        found = _dataset().decode(value["dataset"]), [_unproblem(p) for p in value["warnings"]]
        reading.covered()
        return found
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as err:
        raise Unsupported(str(err)) from None
    finally:
        _REGIONS.pop()


def dump(dataset: Dataset, warnings: list[Problem], sink: Callable[[bytes], object] | None = None) -> list[bytes]:
    """An entry's body, in pieces: the region, a newline, the JSON (UTF-8; no newline in it, json
    escapes them). With ``sink``, the region's pieces are given to it as they are made and only
    the newline and the JSON are returned, to follow them. ``Unsupported`` (or json's
    ValueError, TypeError) if the data cannot be carried exactly: then ``sink`` may have been
    given part of the region."""
    tree, region = encode(dataset, warnings, sink)
    # written as UTF-8, a lone surrogate as its own 3 bytes: as ``\\u`` escapes (ASCII), two
    # surrogates in a row would be read back as the one character they stand for
    text = json.dumps(tree, separators=(",", ":"), check_circular=False, ensure_ascii=False)
    return [*region, b"\n", text.encode("utf-8", "surrogatepass")]


def load(body: bytes, start: int = 0) -> tuple[Dataset, list[Problem]]:
    """What ``dump`` wrote, from ``body[start:]``, back; ``Unsupported`` if it is anything else."""
    try:
        end = body.rindex(b"\n", start)
        tree = json.loads(body[end + 1 :].decode("utf-8", "surrogatepass"))
    except (ValueError, RecursionError):
        raise Unsupported("the JSON of an entry") from None
    return decode(tree, memoryview(body)[start:end])
