"""Records: ``typing.NamedTuple`` classes, made without compiling code at start-up.

``class Point(NamedTuple): year: int …`` written with this module's ``NamedTuple`` gives the class
``typing.NamedTuple`` gives — a ``tuple`` with the same fields, defaults, ``_fields``,
``_field_defaults``, ``_replace``, ``_asdict``, ``_make``, ``__match_args__``, repr, equality,
hashing, copying and pickling, and a ``__new__`` of the same signature and speed — for a fraction
of the cost. ``collections.namedtuple`` compiles a ``__new__`` for every class (``eval`` of a
lambda naming its fields) and ``typing`` then checks every annotation and copies the class body
attribute by attribute: 0,7 M instructions a class, and the package defines about fifty, most of
them on every run (README "Performance"). Here ``__new__`` is one of the lambdas below, compiled
once with this module into its bytecode, renamed for the class (``code.replace``); the methods
every record shares live on one base class.

Type checkers see ``typing.NamedTuple`` itself. A leaf: it imports nothing of the package.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from types import FunctionType

    try:
        from _collections import _tuplegetter
    except ImportError:  # another Python than CPython: what collections.namedtuple falls back to
        from operator import itemgetter as _itemgetter

        def _tuplegetter(index, doc):
            return property(_itemgetter(index), doc=doc)

    _tuple_new = tuple.__new__
    _GLOBALS = {"_tuple_new": _tuple_new, "__builtins__": {}}

    # ``__new__`` of a record of 0, 1, 2, … fields; a class renames the parameters to its fields
    _NEW = (
        lambda _cls: _tuple_new(_cls, ()),
        lambda _cls, a: _tuple_new(_cls, (a,)),
        lambda _cls, a, b: _tuple_new(_cls, (a, b)),
        lambda _cls, a, b, c: _tuple_new(_cls, (a, b, c)),
        lambda _cls, a, b, c, d: _tuple_new(_cls, (a, b, c, d)),
        lambda _cls, a, b, c, d, e: _tuple_new(_cls, (a, b, c, d, e)),
        lambda _cls, a, b, c, d, e, f: _tuple_new(_cls, (a, b, c, d, e, f)),
        lambda _cls, a, b, c, d, e, f, g: _tuple_new(_cls, (a, b, c, d, e, f, g)),
        lambda _cls, a, b, c, d, e, f, g, h: _tuple_new(_cls, (a, b, c, d, e, f, g, h)),
        lambda _cls, a, b, c, d, e, f, g, h, i: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i)),
        lambda _cls, a, b, c, d, e, f, g, h, i, j: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j)),
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k)),
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k, l: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, l)),  # noqa: E741
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k, l, m: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, l, m)),  # noqa: E741
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k, l, m, n: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, l, m, n)),  # noqa: E741
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o)),  # noqa: E741
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)),  # noqa: E741
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q)),  # noqa: E741
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r)),  # noqa: E741
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s)),  # noqa: E741
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t)),  # noqa: E741
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u)),  # noqa: E741
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v)),  # noqa: E741
        lambda _cls, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w)),  # noqa: E741
    )

    class _Record(tuple):
        """What every record shares (``collections.namedtuple`` gives each class its own copy)."""

        __slots__ = ()

        @classmethod
        def _make(cls, iterable):
            result = _tuple_new(cls, iterable)
            if len(result) != len(cls._fields):
                raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
            return result

        def _replace(self, /, **kwds):
            result = self._make(map(kwds.pop, self._fields, self))
            if kwds:
                raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
            return result

        def __repr__(self):
            return self.__class__.__name__ + "(" + ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self)) + ")"

        def _asdict(self):
            return dict(zip(self._fields, self))

        def __getnewargs__(self):
            return tuple(self)

    def _new(typename, fields, defaults, annotations):
        if len(fields) < len(_NEW):
            code = _NEW[len(fields)].__code__
            code = code.replace(co_varnames=("_cls", *fields), co_name="__new__", co_qualname=f"{typename}.__new__")
            new = FunctionType(code, _GLOBALS, "__new__", defaults or None)
        else:  # more fields than the lambdas above: compiled, as collections.namedtuple does
            names = ", ".join(fields)
            new = eval(f"lambda _cls, {names}: _tuple_new(_cls, ({names}))", dict(_GLOBALS))  # noqa: S307 - field names of our own classes
            new.__name__, new.__qualname__ = "__new__", f"{typename}.__new__"
            if defaults:
                new.__defaults__ = defaults
        new.__annotations__ = annotations
        new.__doc__ = f"Create new instance of {typename}({', '.join(fields)})"
        return new

    #: what a record's class body may not define (as typing.NamedTuple)
    _PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace", "_asdict", "_source"})

    class _RecordMeta(type):
        def __new__(cls, typename, bases, ns):
            if bases != (NamedTuple,):
                raise TypeError("a record inherits from NamedTuple alone")
            annotations = ns.get("__annotations__", {})
            fields = tuple(annotations)
            defaults = []
            for name in fields:
                if name in ns:
                    defaults.append(ns[name])
                elif defaults:
                    raise TypeError(f"Non-default namedtuple field {name} cannot follow default field")
            body = {key: value for key, value in ns.items() if key not in annotations}
            wrong = _PROHIBITED & body.keys()
            if wrong:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + min(wrong))
            body.setdefault("__doc__", f"{typename}({', '.join(fields)})")
            body["__slots__"] = ()
            body["_fields"] = body["__match_args__"] = fields
            body["_field_defaults"] = dict(zip(fields[len(fields) - len(defaults):], defaults))
            body["__new__"] = _new(typename, fields, tuple(defaults), annotations)
            for index, name in enumerate(fields):
                body[name] = _tuplegetter(index, f"Alias for field number {index}")
            return type.__new__(type, typename, (_Record,), body)

    NamedTuple = type.__new__(_RecordMeta, "NamedTuple", (), {})
