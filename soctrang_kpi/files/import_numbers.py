"""How an office's table writes its numbers, and a number text read by it (README "Two readings
of a number"): the one home of the rule for every `kpi import` (an appendix, a monthly report,
a table of areas) and for a value typed to `kpi record` (files/record.py ``typed_value``).

A number typed as text has a ``Form`` (``FORMS``, the first that matches): one only Vietnamese
writing reads ("5,76", "0,745", "1.234,5", "1.234.567": evidence that the table writes the
Vietnamese way), one only English writing reads ("3.5", "0.745", "1,234.5", "1,234,567":
evidence of the English way), a whole number both read alike, and the two forms the writings
read differently: a point before three digits ("41.200": 41200 the Vietnamese way, 41,2 the
English way) and a comma before three digits ("32,800": 32,8 or 32800). ``Evidence`` gathers,
table by table, the first cell that shows each writing and each grouping of thousands; a number
that reads two ways is read by the table's writing (``Evidence.reading``), or not read and said:

- the table shows both writings: said with the two cells that show them; unless one writing is
  shown by one cell only and the other by more (a stray "3.5" among "8,2", "5,76" and
  "417.000"): that cell is its typist's slip, said (``stray``) and read its one way, and the
  table writes the other way — but the three decimals of that way ("32,800" beside the stray
  "3.5": 32,8 or a 32800 typed the stray's way) are not read, said with the two cells;
- the table writes one way (or shows no writing: the ``default``) and groups thousands, and the
  number is the three decimals of that writing ("4,690" where "30.150" groups thousands the
  Vietnamese way, "41.200" where "32,800" groups them the English way): a typist who grouped
  thousands the other way meant 4690, 41200 — said with the cell that groups;
- the table shows neither writing and there is no ``default`` (a table of areas): said.

A file kpi exported declares its writing (its data's language): it is never mixed.
"""

from __future__ import annotations

import re

from ..messages import Num, Text
from ..records import NamedTuple

VI, EN = "vi", "en"
BOTH = "both"  # a form the two writings read differently
MIXED = "mixed"  # a table that shows both writings

#: each writing's (thousands separator, decimal separator)
SEPARATORS = {VI: (".", ","), EN: (",", ".")}


class Form(NamedTuple):
    """A way a number is typed: who reads it, and what it shows of the table's writing."""

    name: str
    pattern: str  # of the number without its sign, spaces and "%" (compiled all in one: _SIGNED)
    writing: str  # VI, EN: only that writing reads it; "": both read it alike; BOTH: they differ
    shows: tuple[str, ...]  # what it is evidence of: a writing (VI, EN), thousands grouped ("point", "comma")


#: the forms of a number, the first that matches (in this order) its form
FORMS: tuple[Form, ...] = (
    Form("whole", r"\d+", "", ()),
    Form("point3", r"[1-9]\d{0,2}\.\d{3}", BOTH, ("point3",)),  # "41.200": 41200 or 41,2
    Form("comma3", r"[1-9]\d{0,2},\d{3}", BOTH, ("comma3",)),  # "32,800": 32,8 or 32800
    Form("vi_grouped", r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?", VI, (VI, "point")),  # "1.234.567", "1.234,5"
    Form("vi_decimal", r"\d+,\d+", VI, (VI,)),  # "5,76", "0,745", "1234,567"
    Form("en_grouped", r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?", EN, (EN, "comma")),  # "1,234,567", "1,234.5"
    Form("en_decimal", r"\d+\.\d+", EN, (EN,)),  # "3.5", "12.75", "0.745", "1234.567"
)

#: per writing: the form a table of that writing that groups thousands cannot be sure of (its three
#: decimals, which a typist grouping thousands the other way also writes), what shows the grouping
#: (the evidence, and that form read the table's way), and what is said
GUARDED: dict[str, tuple[str, tuple[str, ...], str]] = {
    VI: ("comma3", ("point", "point3"), "import.two_readings"),
    EN: ("point3", ("comma", "comma3"), "import.two_readings_point"),
}

_CLEAN = str.maketrans({"\u00a0": None, " ": None, "\u202f": None, "\u2212": "-"})
#: the forms in one pattern, each a named group, after a sign: one match a number, not one a form
#: (a number is read for every text cell of a table)
_SIGNED = re.compile("(?P<sign>[-+]?)(?:" + "|".join(f"(?P<{f.name}>{f.pattern})" for f in FORMS) + ")")
#: the same without a sign, for the numbers NUMBERS_IN finds in a target's words
_UNSIGNED = re.compile("|".join(f"(?P<{f.name}>{f.pattern})" for f in FORMS))
_FORM_OF = {f.name: f for f in FORMS}


def _match(text: str) -> tuple[str, str, Form] | None:
    """(sign, digits and separators, form) of a number's text ("−4,690 %": "-", "4,690",
    comma3); None when it is no number kpi reads."""
    raw = text.strip().rstrip("%").strip().translate(_CLEAN)
    found = _SIGNED.fullmatch(raw)
    if found is None:
        return None
    sign = found.group("sign")
    return sign, raw[len(sign):], _FORM_OF[found.lastgroup]  # type: ignore[index]


def form(text: str) -> Form | None:
    """The form of a number's text; None when it is no number kpi reads."""
    found = _match(text)
    return None if found is None else found[2]


def value(text: str, writing: str = VI) -> float:
    """A number's text read: by its form's writing, or (a form both read) by ``writing``.
    ValueError when it is no number."""
    return float(plain(text, writing))


def plain(text: str, writing: str = VI) -> str:
    """A number's text as :func:`value` reads it, written for machines: its sign, its digits and
    a decimal point, its decimals as typed ("1.234,50" → "1234.50"). ValueError when it is no number."""
    found = _match(text)
    if found is None:
        raise ValueError(text)
    sign, body, how = found
    if how.writing == "":
        return sign + body
    thousands, decimal = SEPARATORS[how.writing if how.writing != BOTH else writing]
    return sign + body.replace(thousands, "").replace(decimal, ".")


def decimals(text: str, writing: str = VI) -> int:
    """The decimals a number's text shows, read as :func:`value` reads it ("7,10" → 2,
    "417.000" → 0 the Vietnamese way, 3 the English way)."""
    found = _match(text.strip().rstrip("*"))
    if found is None:
        return 0
    _sign, body, how = found
    by = writing if how.writing in ("", BOTH) else how.writing
    point = SEPARATORS.get(by, SEPARATORS[VI])[1]
    return len(body.rpartition(point)[2]) if point in body else 0


class Seen(NamedTuple):
    """A cell that shows something of a table's writing."""

    row: int  # from 0
    column: int
    text: str


class Evidence:
    """What a table's number texts (and the number formats of its cells) show of how it writes
    numbers: the first cell that shows each writing and each grouping of thousands."""

    def __init__(self, declared: str | None = None, default: str | None = VI, at=None) -> None:
        self.declared = declared  # kpi's own export: its language
        self.default = default  # the writing of a table that shows none; None: none assumed
        self.first: dict[str, Seen] = {}
        self.many: set[str] = set()  # the writings (VI, EN) shown by more than one cell
        # a cell's row as messages name it (row, column from 0): "5"; "5 of table 2" in a Word
        # table joined to the one it continues
        self.at = at or (lambda row, column: row + 1)

    def _note(self, key: str, seen: Seen) -> None:
        kept = self.first.get(key)
        if kept is not None and key in SEPARATORS and (seen.row, seen.column) != (kept.row, kept.column):
            self.many.add(key)
        if kept is None or (seen.row, seen.column) < (kept.row, kept.column):
            self.first[key] = seen

    def formatted(self, row: int, column: int, number: float, writing: str = VI) -> None:
        """A number cell shown with thousands grouped (a "#,##0" format): a Vietnamese Excel shows
        4100 as "4.100", a format tagged English ("[$-409]#,##0", ``writing`` EN) "4,100" (in kpi's
        own export: grouped the way its language writes)."""
        from ..numbers import number as written

        writing = self.declared or writing
        seen = Seen(row, column, written(number, writing))
        for key in ((VI, "point") if writing == VI else (EN, "comma")):
            self._note(key, seen)

    def saw(self, row: int, column: int, text: str) -> bool:
        """One number's text noted; True when it reads two ways and how to read it is known only
        once the whole table is (``reading`` then)."""
        found = form(text)
        return found is not None and self._saw(row, column, text, found)

    def _saw(self, row: int, column: int, text: str, found: Form) -> bool:
        first = self.first
        for key in found.shows:  # a cell noted only where it comes first (a Seen made then only)
            kept = first.get(key)
            if kept is not None and key in SEPARATORS and (row, column) != (kept.row, kept.column):
                self.many.add(key)  # a writing shown by a second cell
            if kept is None or (row, column) < (kept.row, kept.column):
                first[key] = Seen(row, column, " ".join(text.split()))
        if found.writing in SEPARATORS and found.writing + "3" not in first and decimals(text, found.writing) == 3:
            first[found.writing + "3"] = Seen(row, column, " ".join(text.split()))  # "0,745": the table writes three decimals
        if found.writing != BOTH:
            return False
        # a declared writing reads its own way now: only its three decimals may prove unsure
        return self.declared is None or found.name == GUARDED[self.declared][0]

    def saw_all(self, row: int, column: int, text: str) -> bool:
        """Each number in a target's words noted ("Tối thiểu 4,690", "30.150–32.800")."""
        two = False
        for number in NUMBERS_IN.findall(text):  # digits and separators only: matched as they are
            matched = _UNSIGNED.fullmatch(number)
            if matched is not None:
                two = self._saw(row, column, number, _FORM_OF[matched.lastgroup]) or two  # type: ignore[index]
        return two

    def writing(self) -> str:
        """VI, EN, MIXED, or "" (none shown, no default). A table that shows both writings, one
        of them in one cell only and the other in more, writes the other way (that cell: ``stray``)."""
        if self.declared:
            return self.declared
        vi, en = VI in self.first, EN in self.first
        if vi and en:
            if len(self.many) == 1:
                return next(iter(self.many))
            return MIXED
        return EN if en else VI if vi else (self.default or "")

    def _stray(self) -> tuple[str, Seen] | None:
        """(the table's writing, the one cell written the other way) of a table that shows both
        writings, the other in that cell only; None for any other table."""
        writing = self.writing()
        if writing not in SEPARATORS or self.declared:
            return None
        other = EN if writing == VI else VI
        return (writing, self.first[other]) if other in self.first else None

    def stray(self) -> tuple[int, int, Text] | None:
        """(row, column, what to say) of the one cell written the other way in a table whose
        other numbers write one way ("3.5" among "8,2" and "417.000"): read its one way, said."""
        found = self._stray()
        if found is None:
            return None
        writing, seen = found
        example = self.first[writing]
        return seen.row, seen.column, Text(
            "import.stray_english" if writing == VI else "import.stray_vietnamese", text=repr(seen.text),
            example=repr(example.text), at=self.at(example.row, example.column), value=Num(value(seen.text)),
        )

    def reading(self, text: str, name: str) -> float | Text | None:
        """A number's text read by the table's writing; a Text (what to say, of the indicator
        ``name``) when it reads two ways that the table does not decide between; None when the
        table shows no writing and there is no default."""
        found = form(text)
        if found is None or found.writing != BOTH:
            return value(text)
        writing = self.writing()
        shown = " ".join(text.split())
        if writing not in GUARDED and writing != MIXED:
            return None
        unsure = GUARDED[writing][0] if writing in GUARDED else ""
        if writing == MIXED or (found.name == unsure and self._stray() is not None):
            # both writings shown; or one in a single cell, and this number the three decimals
            # of the table's way, which that cell's way groups thousands with ("32,800", "3.5")
            vi, en = self.first[VI], self.first[EN]
            return Text(
                "import.two_writings", name=name, text=repr(shown), vi_example=repr(vi.text), vi_at=self.at(vi.row, vi.column),
                en_example=repr(en.text), en_at=self.at(en.row, en.column), vi_value=Num(value(text, VI)), en_value=Num(value(text, EN)),
            )
        unsure, groups, key = GUARDED[writing]
        if found.name == unsure:
            evidence = [self.first[k] for k in groups if k in self.first]
            if evidence:
                at = min(evidence, key=lambda s: (s.row, s.column))
                other = EN if writing == VI else VI
                return Text(
                    key, name=name, text=repr(shown), example=repr(at.text), at=self.at(at.row, at.column),
                    decimal=Num(value(text, writing)), thousands=Num(value(text, other)),
                )
            if self.declared is None and writing + "3" not in self.first:
                # read the table's way it is three decimals, which no other number of the table has:
                # as likely thousands grouped the other way ("8.2" beside "41.200": 41200 meant)
                return Text(
                    "import.three_decimals", name=name, text=repr(shown),
                    decimal=Num(value(text, writing)), thousands=Num(value(text, EN if writing == VI else VI)),
                )
        return value(text, writing)


#: the numbers in a target's words ("Tối thiểu 4,690", "30.150–32.800")
NUMBERS_IN = re.compile(r"(?<![\d.,])\d[\d.,]*\d|(?<![\d.,])\d(?![\d.,])")
