"""What an indicator's values can be: a percentage share lies in 0–100, a count is not negative.

A forecast carried on by a trend (or a roadmap rebased on the latest value) can leave that range —
a share of 45 → 58 % trends to 160 % by 2030 — and is then held at the bound, saying so
(``Forecast.unbounded``). The bound comes from the indicator's unit (``UNIT_BOUNDS``, a count's
``COUNT_UNITS``, README "Forecast"), or from its own ``bounds: [low, high]`` in targets.yaml.
Pure data and the rule that reads a unit by them.
"""

import re
from collections.abc import Callable
from functools import cache, lru_cache

from .classify import fold
from .model import Indicator

Bounds = tuple[float | None, float | None]

#: the nouns of counts (people, households, cases, tonnes, communes), folded (no accents, lower
#: case) so that "Đảng viên" and "dang vien" match. A unit is a count when it is one of them or
#: begins with one, what follows saying what is counted ("hộ nghèo", "xã đạt chuẩn nông thôn mới",
#: "doanh nghiệp thành lập mới", "huyện, thị xã"): never below 0, shown as whole numbers. Nouns
#: that fold to another word's letters are left out ("ấp" is "áp suất", "trạm" is "trăm")
COUNT_UNITS = frozenset({
    # people
    "nguoi", "dang vien", "doan vien", "hoi vien", "thanh vien", "lao dong", "hoc sinh", "sinh vien", "hoc vien",
    "giao vien", "bac si", "bac sy", "benh nhan", "khach", "du khach", "luot",
    # households, organisations, places
    "ho", "doanh nghiep", "hop tac xa", "to hop tac", "co so", "co quan", "to chuc", "don vi", "truong", "benh vien",
    "tram y te", "xa", "phuong", "thi tran", "huyen", "thon", "nha", "can ho", "can nha",
    # things, works, cases
    "giuong", "con", "chiec", "cai", "san pham", "du an", "cong trinh", "tan", "km", "ha", "vu", "vu viec", "ca",
    # English
    "people", "persons", "party members", "members", "workers", "students", "pupils", "patients", "doctors", "visitors",
    "tourists", "visits", "households", "enterprises", "businesses", "firms", "cooperatives", "schools", "communes",
    "districts", "wards", "villages", "hamlets", "houses", "dwellings", "beds", "projects", "products", "tonnes", "tons",
    "hectares", "cases", "incidents", "accidents",
})

#: the words that size a number, by the power of ten they stand for, as written (lower case,
#: accented): the one table of them. Before a count, folded (``scale_folded``), they give it in
#: tens, thousands or millions ("nghìn người", "triệu lượt khách"); after a target's number, or
#: first in its row's unit, the ones of a power of 1.000 size it (files/appendix_layout.SIZE_WORDS:
#: "57 nghìn tỷ", "Tỷ đồng"; README "Size words in a target")
SCALE_WORDS: dict[str, int] = {
    "chục": 1, "nghìn": 3, "ngàn": 3, "vạn": 4, "triệu": 6, "tỷ": 9, "tỉ": 9,
    "thousand": 3, "thousands": 3, "million": 6, "millions": 6, "billion": 9, "billions": 9, "trillion": 12, "trillions": 12,
}


@cache
def scale_folded() -> frozenset[str]:
    """The words before a count that give it in tens, thousands or millions (``SCALE_WORDS``
    folded): still a count, never below 0, but not a whole number (12,5 nghìn người). Folded on
    first use, not when the module is imported."""
    return frozenset(fold(word) for word in SCALE_WORDS)


#: a count over a period is a count: "vụ/năm", "người/năm" are read as "vụ", "người" (a count per
#: population, "ca/100.000 dân", is not: it is no whole number)
PER_PERIOD = frozenset({"nam", "year", "thang", "month", "quy", "quarter"})

#: the words that say a value is per something, folded: "ca/100.000 dân", "per 10,000 vehicles",
#: "trên 100.000 dân" ("trên" only before a number: a round base, 100, 1.000, 100.000, or in a
#: unit any number of a population, ``POPULATION_NOUNS``: "trên 5.000 dân"; "trên địa bàn" is "in
#: the area", "trên 100 triệu đồng" an amount, "có trên 5 người" in a name "more than 5 people").
#: Per a period (``PER_PERIOD``: "vụ/năm", "deaths per year") a count stays a count; per anything
#: else it is a rate (``rate_said``)
PER_WORDS = ("/", "per", "tren")
#: the nouns of a population, folded: in a unit "trên" any number of them is per them ("ca trên
#: 5.000 dân", "bác sĩ trên 2.500 người dân"), as "/" and "per" are before any number of anything
#: ("/5.000 dân", "per 5,000 people": English needs no word here). Matched as the word after the
#: number: "người" of "người dân"
POPULATION_NOUNS = frozenset({"dan", "nguoi"})
#: a unit per mille is a rate, as a percentage is (``PERCENT_UNITS``): "Tỷ suất chết trẻ em | ‰"
PER_MILLE_UNITS = ("‰", "phan nghin", "per mille")

#: units whose values are places in a ranking: whole numbers from 1
RANK_UNITS = frozenset({"hang", "thu hang", "vi tri", "rank", "place"})

#: a unit that says its values are percentages (rates or shares), folded: the one table of these
#: words (kpi import reads a row's unit and a column's header with them, core/kinds a row's unit)
PERCENT_UNITS = ("%", "phan tram", "percent")

def without_derived_beside(unit: str) -> str:
    """``unit`` without the "(%)" kpi prints after the unit of amounts a share or a growth is
    derived from ("Nghìn tỷ đồng (%)", "Người (%)": output/wording.unit_of), and the spaces around
    it; as it is if it has none. The values are in the unit before it, the percentages derived
    from them (kpi import reads such a row as amounts too). Read without a regular expression
    (tests/core/test_bounds.py has the one it agrees with): every run reads its units."""
    text = unit.rstrip()
    if not text.endswith(")"):
        return unit
    opened = text.rfind("(")
    if opened < 0 or text[opened + 1 : -1].strip() != "%":
        return unit
    return text[:opened].rstrip()

#: the bounds of a unit, folded: a percentage share lies in 0–100 (a growth rate, whose unit is
#: also "%", is a rate kind and never bounded), and so does a percentage of what a count counts
#: ("% hộ", "% (người)": ``percent_of_count``); places start at 1. Counts: ``COUNT_UNITS``
UNIT_BOUNDS: dict[str, Bounds] = {
    **{unit: (0.0, 100.0) for unit in (*PERCENT_UNITS, "% grdp")},
    **{unit: (1.0, None) for unit in RANK_UNITS},
}

NO_BOUNDS: Bounds = (None, None)
COUNT_BOUNDS: Bounds = (0.0, None)


def rate_said(folded: str, name: bool = False) -> bool:
    """Whether folded words (a row's unit, or its name: ``name``) say a rate: a percentage or per
    mille (``PERCENT_UNITS``, ``PER_MILLE_UNITS``), or a value per something other than a period
    (``PER_WORDS``: "ca/100.000 dân", "per 100,000 live births", "trên 100.000 dân", in a unit
    "trên 5.000 dân"; not "vụ/năm"). In a name "/" is per only before a number ("…/100.000 dân"):
    "chết/bị thương" is "or"; and "trên" only before a round base ("có trên 5 người" is "more than
    5 people"). The one rule by which kpi tells a rate from a count (README "Counts of events are
    flows")."""
    if any(w in folded for w in PERCENT_UNITS + PER_MILLE_UNITS):
        return True
    return any(base not in PER_PERIOD and _per(word, number, base, name) for word, number, base in per_bases(folded))


def _per(word: str, number: str, base: str, name: bool) -> bool:
    """Whether a word of ``PER_WORDS`` with the number and the word after it says per: "/" in a
    name only before a number; "trên" before a round base (100, 1.000, 100.000), or in a unit
    before any number of a population (``POPULATION_NOUNS``: "trên 5.000 dân")."""
    if word == "/":
        return bool(number) or not name
    if word == "tren":
        return _round_base(number) or (not name and base in POPULATION_NOUNS)
    return True


def _round_base(number: str) -> bool:
    """Whether a number is a round base: 1 and zeros, maybe grouped ("100", "1.000", "100,000")."""
    rest = number[1:]
    return (number[:1] == "1" and rest[-1:] == "0" and set(rest) <= {"0", ".", ","}
            and all(rest[i + 1] == "0" for i, char in enumerate(rest) if char in ".,"))


def per_bases(folded: str) -> list[tuple[str, str, str]]:
    """What folded words say values are per (``PER_WORDS``), left to right: the word ("/", "per",
    "trên"), the number after it if any ("trên" only before one, and not before a size word:
    "trên 100 triệu đồng" is an amount), and the word after that, past any size word ("/1 triệu
    dân": "dân"; a size word itself when nothing follows it: "/triệu").

    Read with ``str`` methods, not a regular expression: compiling the one this did (the size
    words twice over) was 0,3 ms of every run's start, which reads its units (valgrind: 2,6 M of
    `kpi status`'s 535 M instructions); tests/core/test_bounds.py checks the two agree on every
    wording it generates."""
    found: list[tuple[str, str, str]] = []
    starts = sorted({at for word in PER_WORDS for at in _places(folded, word)})
    done = 0
    for at in starts:
        if at < done:
            continue
        word = next(word for word in PER_WORDS if folded.startswith(word, at))
        read = _per_at(folded, at, word)
        if read is not None:
            number, base, done = read
            found.append((word, number, base))
    return found


def _places(text: str, word: str) -> list[int]:
    places, at = [], text.find(word)
    while at >= 0:
        places.append(at)
        at = text.find(word, at + 1)
    return places


def _word_char(text: str, at: int) -> bool:
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


def _run(text: str, at: int, within: Callable[[str], bool]) -> int:
    """Where the run of characters from ``at`` that are ``within`` ends."""
    while at < len(text) and within(text[at]):
        at += 1
    return at


def _numeral(char: str) -> bool:
    return char.isdecimal() or char in ".,"


def _letter(char: str) -> bool:
    return "a" <= char <= "z"


def _per_at(text: str, at: int, word: str) -> tuple[str, str, int] | None:
    """The number and the base after the per word ``word`` at ``at``, and where they end; None if
    it says no per there (a word within a word; "trên" before no number, or before a size word)."""
    end = at + len(word)
    if word != "/" and _word_char(text, at - 1):
        return None
    sizes = scale_folded()
    if word == "per" and _word_char(text, end):
        return None
    if word == "tren":  # before a number with a space each side, then a word that is no size word
        digits = _run(text, end, str.isspace)
        after = _run(text, digits, _numeral)
        if digits == end or not any(c.isdecimal() for c in text[digits:after]):
            return None
        base = _run(text, after, str.isspace)
        if base == after or base >= len(text) or not _letter(text[base]) or text[base : _run(text, base, lambda c: c.isalnum() or c == "_")] in sizes:
            return None
    at = _run(text, end, str.isspace)
    close = _run(text, at, _numeral)
    number = text[at:close]
    at = _run(text, close, str.isspace)
    last_size = None
    while True:  # size words, each followed by a space
        stop = _run(text, at, lambda c: not c.isspace())
        spaced = _run(text, stop, str.isspace)
        if text[at:stop] not in sizes or spaced == stop:
            break
        last_size, at = (text[at:stop], stop), spaced
    close = _run(text, at, _letter)
    if close > at:
        return number, text[at:close], close
    if last_size is not None:  # nothing after the size words: the last is the base
        return number, last_size[0], last_size[1]
    return None


@lru_cache(maxsize=256)  # a plan has a handful of units, met once per row
def unit_reading(unit: str) -> tuple[Bounds, bool]:
    """What a unit says of its values: their bounds, and whether they are whole numbers — a share,
    a place (``UNIT_BOUNDS``), a percentage of a count's ("% hộ": ``percent_of_count``), or a
    count: one of ``COUNT_UNITS`` or words beginning with one, maybe in thousands
    (``scale_folded``: not whole) and maybe per period ("vụ/năm": ``PER_PERIOD``; per anything
    else, "ca/100.000 dân", "triệu đồng/hộ", it is a rate: ``rate_said``). A unit with "(%)"
    after it (``without_derived_beside``: "Người (%)", "Hộ (%)") has the bounds of the unit
    before it but is never whole: kpi prints it for amounts a percentage is derived from, and an
    office's table writes it where its values are the percentages themselves (a poverty rate of
    3,4 under "Hộ (%)"), so that 3,4 is never shown as 3."""
    folded = " ".join(fold(unit).split())
    amounts = without_derived_beside(folded)
    if amounts != folded:  # "Người (%)": ≥ 0 as people, not whole; "(%)" alone: "%"
        return unit_reading(amounts or "%")[0], False
    if folded in UNIT_BOUNDS:
        return UNIT_BOUNDS[folded], folded in RANK_UNITS
    if percent_of_count(folded):
        return UNIT_BOUNDS["%"], False
    if rate_said(folded):
        return NO_BOUNDS, False
    words = folded.partition("/")[0].replace(",", " ").split()
    scaled = len(words) > 1 and words[0] in scale_folded()
    if scaled:
        words = words[1:]
    if any(" ".join(words[:n]) in COUNT_UNITS for n in range(1, min(len(words), 3) + 1)):
        return COUNT_BOUNDS, not scaled
    return NO_BOUNDS, False


def percent_of_count(folded: str) -> bool:
    """Whether a folded unit is a percentage of what a count counts: a percent word
    (``PERCENT_UNITS``) and, before or after it, maybe in brackets, a count's unit ("% hộ", "% hộ
    nghèo", "% (người)", "Hộ %"): a share, held in 0–100 as "%" is. Not a percentage per something
    ("% hộ/năm"), of a plan or of another period ("% kế hoạch", "% so cùng kỳ": no count), nor
    percentage points ("điểm %")."""
    if "/" in folded or not any(word in folded for word in PERCENT_UNITS):
        return False
    said, percent = re.subn("|".join(rf"(?<![a-z]){re.escape(w)}(?![a-z])" for w in PERCENT_UNITS), " ", folded)
    words = said.replace("(", " ").replace(")", " ").split()
    rest = " ".join(words[1:] if words[:1] == ["of"] else words)  # "percent of households"
    return bool(percent and rest) and unit_reading(rest)[0] == COUNT_BOUNDS  # rest holds no percent word


def bounds_of(indicator: Indicator) -> Bounds:
    """The indicator's own ``bounds``, else its unit's, else none."""
    if indicator.bounds is not None:
        return indicator.bounds
    return unit_reading(indicator.unit)[0]


def whole_numbers(unit: str) -> bool:
    """Whether values in ``unit`` are whole numbers: counts (not in thousands) and places."""
    return unit_reading(unit)[1]


def held(value: float, bounds: Bounds) -> float:
    """``value`` within ``bounds``."""
    low, high = bounds
    if low is not None and value < low:
        return low
    if high is not None and value > high:
        return high
    return value
