"""Numbers as people read them: rounded half up at a precision, written the language's way
(417.000 and 5,76 in Vietnamese, 417,000 and 5.76 in English). The one number formatter of the
program — messages, labels and every export write numbers through ``number`` — and the one
rounding the core compares percentages with. A leaf: it imports nothing of the package.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import cache

MAX_MAGNITUDE = 1e15  # larger values are typos, not statistics: the loader refuses them


def round_half_up(x: float, digits: int) -> float:
    """Round as a person (and the report) does: 100,005 -> 100,01, never banker's rounding.

    The number rounded is the decimal ``x`` stands for: ``x`` at 15 significant digits (``denoised``),
    as a number "as written" is read, so float noise never moves a tie — 0.1 + 0.2 rounds like 0.3
    and 6056.874999999999 (4405 · 100 ÷ 72,7272…) like 6056.875, 6.056,88. The one rounding of the
    program: the formatter's, and every comparison at a plan's precision (``core/classify.py``).
    """
    if not math.isfinite(x) or abs(x) >= MAX_MAGNITUDE:
        return x  # nothing to round at that size (and Decimal would refuse the precision)
    scaled = abs(x) * 10**digits
    # 15 significant digits hold the digit rounded at and the one after it (scaled < 10¹⁴): float
    # noise, a few units of the 17th, is read away, so a value that near a tie is rounded as the
    # tie it stands for. Past them (10.000.000.000.000,75 at two decimals) the digits are the
    # number's own: it is rounded as written (repr), and only a tie within 10⁻⁶ is one
    noisy = scaled < 1e14
    if abs(scaled - math.floor(scaled) - 0.5) > 1e-6 + (scaled * 1e-14 if noisy else 0.0):
        return round(x, digits)  # not near a tie: Python's rounding is exact and fast
    from decimal import ROUND_HALF_UP, Decimal  # only near a tie: most values never need it

    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(denoised(x) if noisy else repr(x)).quantize(quantum, rounding=ROUND_HALF_UP))


def denoised(x: float) -> str:
    """``x`` as the decimal it stands for: at 15 significant digits, which a float holds exactly
    (6056.874999999999 is "6056.875", 10.000000000000009 "10"); the digits past them are the
    noise of the arithmetic that made it."""
    return f"{x:.15g}"


#: the decimals a computed number is kept with in the files kpi writes (the JSON's numbers, the
#: xlsx's cells, the csv's fields): more than any precision a plan may ask for (MAX_WRITTEN_DECIMALS), none of a
#: computation's float noise (10.000000000000009)
STORED_DECIMALS = 6


def stored(value: float, recorded: bool = False) -> float:
    """A number as a file keeps it: rounded to STORED_DECIMALS, as the JSON rounds every computed
    figure (10.000000000000009 is 10.0, 71.96369577378236 is 71.963696), unless ``recorded`` (a
    column of values as recorded: targets, years, roadmaps) and the value is as written — at most
    15 significant digits, ``short_decimals`` (1.2345678 stays 1.2345678; a value made by a sum,
    0.30000000000000004, is 0.3). A value with at most six decimals is the same either way."""
    rounded = round(value, STORED_DECIMALS) + 0.0  # + 0.0: never -0.0
    if not recorded or rounded == value or short_decimals(value) is None:
        return rounded
    return value


VI_SEPARATORS = {ord(","): ".", ord("."): ","}


def number(value: float | None, lang: str, decimals: int | None = None) -> str:
    """A number as the language writes it: 417.000 and 5,76 in Vietnamese, 417,000 and 5.76 in
    English. Without ``decimals``, whole numbers show none and others two."""
    if value is None:
        return "-"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    rounded = round_half_up(value, decimals) + 0.0  # + 0.0: never "-0,00"
    text = f"{rounded:,.{decimals}f}"
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")
    if lang == "vi":
        text = text.translate(VI_SEPARATORS)
    return text


def written(value: float | None, lang: str) -> str:
    """A number with the decimals it was written with: 1.765 stays 1,765 and 1.5 stays 1,5."""
    if value is None:
        return "-"
    return number(value, lang, written_decimals(value))


def written_decimals(value: float) -> int:
    """The decimals a number was written with: 0 for 417000, 1 for 1.5, 3 for 1.765. A computed
    number carries float noise (6050.000000000001, 14.999999999999991): its decimals are those of
    the number it stands for at 15 significant digits (6050, 15), and two when that number has
    more than six (a third)."""
    value = float(value)
    if value.is_integer():
        return 0
    decimals = short_decimals(value)
    if decimals is not None:
        return decimals
    clean = float(denoised(value))
    decimals = short_decimals(clean)
    return 2 if decimals is None or decimals > MAX_WRITTEN_DECIMALS else decimals


MAX_WRITTEN_DECIMALS = 6  # the most an indicator's `precision` may ask for


def typed_decimals(text: str) -> int:
    """The decimals a number was typed with, trailing zeros kept: 2 for "7.10" (which a float
    keeps as 7.1), 0 for "417000"; ``text`` written with a decimal point, as a file holds it."""
    return len(text.partition(".")[2])


def short_decimals(value: float) -> int | None:
    """The decimals of a number written with at most 15 significant digits (as a person writes
    one: 0.745, 2999.99); None for float noise (0.30000000000000004) and exponents (1e-07)."""
    text = repr(float(value))
    if "e" in text or "n" in text:
        return None
    whole, _, fraction = text.lstrip("-").partition(".")
    digits = (whole + fraction).lstrip("0")
    if len(digits) > 15:
        return None
    return 0 if fraction == "0" else len(fraction)


def common_decimals(values: Iterable[float]) -> int | None:
    """The most decimals any of ``values`` is written with; None when one is not a written
    decimal (float noise, an exponent): then no rounding makes their sum exact."""
    decimals = 0
    for value in values:
        found = short_decimals(value)
        if found is None:
            return None
        decimals = max(decimals, found)
    return decimals


def exact_sum(values: Sequence[float], decimals: int | None = -1) -> float:
    """A sum of written numbers, exact to their decimals: twelve months written with two decimals
    add up to a number with two (0.2 + 0.81 + … + 0.39 is 6.00, not 5.999999999999999). Numbers
    that are not written decimals (float noise, exponents) are summed as ``math.fsum`` does.
    ``decimals``, when the caller knows them (``common_decimals`` of every value the sum can
    take), saves reading them again; -1: read them from ``values``."""
    total = math.fsum(values)
    if decimals == -1:
        decimals = common_decimals(values)
    return total if decimals is None else round(total, decimals) + 0.0


def machine_number(value: float, decimals: int | None) -> str:
    """A number for machines (csv) inside words: a decimal point, no grouping: "0.72", "1234.50"
    (``decimals`` None: as :func:`number` writes it without, whole numbers none and others two)."""
    return number(value, "en", decimals).replace(",", "")


_WRITTEN_NUMBER: re.Pattern[str] | None = None


def machine_text(text: str, lang: str) -> str:
    """Words with numbers that :func:`number` wrote in ``lang`` ("Dưới 1,5", "2–3", "Trên 417.000"),
    the numbers rewritten for machines: "Dưới 1.5", "Trên 417000"."""
    global _WRITTEN_NUMBER
    if _WRITTEN_NUMBER is None:
        _WRITTEN_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?")
    group, point = (".", ",") if lang == "vi" else (",", ".")

    def plain(match: re.Match[str]) -> str:
        found = match.group(0)
        whole, sep, fraction = found.rpartition(point) if point in found else (found, "", "")
        return whole.replace(group, "") + ("." + fraction if sep else "")

    return _WRITTEN_NUMBER.sub(plain, text)


#: how each writing writes a number with separators: Vietnamese 1.200,5 (a point groups, a comma
#: marks the decimals), English 1,200.5; a group's leader is never 0 ("0,780" is no grouping).
#: Compiled on first use (``_patterns``), not at import: most runs print no wording with one
_WRITINGS = {
    "vi": (r"(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,\d+)?", ".", ","),
    "en": (r"(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d+)?", ",", "."),
}


@cache
def _patterns() -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    """A number of a printed wording (digits with the points and commas between them: "0,78",
    "1.200"), and each writing's number (``_WRITINGS``)."""
    return re.compile(r"\d+(?:[.,]\d+)+"), {writing: re.compile(pattern) for writing, (pattern, _g, _p) in _WRITINGS.items()}


def _read_as(token: str, writing: str) -> float | None:
    _pattern, group, point = _WRITINGS[writing]
    if not _patterns()[1][writing].fullmatch(token):
        return None
    return float(token.replace(group, "").replace(point, "."))


def printed_words(text: str, to: str, known: tuple[float, ...] = ()) -> str:
    """A wording as an office printed it (a resolution's "Tối thiểu 0,78", "1.200–1.500", "Từ 10 -
    10,5%/năm": its numbers written the Vietnamese way, or, imported from an English table, the
    English way) with its numbers written the output's way: ``to`` "machine" (csv) with a decimal
    point and no grouping ("Tối thiểu 0.78", "1200–1500"), "en" with a decimal point and comma
    grouping ("1,200–1,500"), "vi" with a decimal comma and point grouping.

    A number that only one writing reads ("0,78" is no English number) is read that way. A number
    that both read, differently ("1.200": 1200 in Vietnamese, 1.2 in English), is read the way the
    target's own figures (``known``: its value and upper bound) say, else the way the wording's other
    numbers are written; when nothing says, it is left as printed, never guessed. Digits alone
    ("717", "2030") are left as they are: no grouping is added to a wording."""
    tokens = [(m, _read_as(m.group(0), "vi"), _read_as(m.group(0), "en")) for m in _patterns()[0].finditer(text)]
    if not tokens:
        return text
    only = {"vi" if vi is not None else "en" for _m, vi, en in tokens if (vi is None) != (en is None)}
    wording = next(iter(only)) if len(only) == 1 else None

    def near(value: float) -> bool:
        return any(abs(value - k) <= 1e-9 * max(1.0, abs(k)) for k in known)

    out, end = [], 0
    for m, vi, en in tokens:
        token = m.group(0)
        if vi is not None and en is not None:  # both writings read it: the target's figures, else the wording, say which
            by_known = {"vi"} if near(vi) and not near(en) else {"en"} if near(en) and not near(vi) else set()
            writing = next(iter(by_known)) if by_known else wording
        else:
            writing = "vi" if vi is not None else "en" if en is not None else None
        out.append(text[end:m.start()])
        out.append(token if writing is None else _rewritten(token, writing, to))
        end = m.end()
    out.append(text[end:])
    return "".join(out)


def _rewritten(token: str, writing: str, to: str) -> str:
    """A number as ``writing`` writes it, written for ``to``: its grouping kept as written (none
    added), its decimals kept."""
    _pattern, group, point = _WRITINGS[writing]
    if to == "machine":
        return token.replace(group, "").replace(point, ".")
    if to == writing:
        return token
    return token.translate(VI_SEPARATORS)  # the two writings swap the point and the comma
