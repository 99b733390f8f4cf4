"""Numbers as people read them: rounded half up at a precision, written the language's way
(417.000 and 5,76 in Vietnamese, 417,000 and 5.76 in English). The one number formatter of the
program — messages, labels and every export write numbers through ``number`` — and the one
rounding the core compares percentages with. A leaf: it imports nothing of the package.
"""

from __future__ import annotations

import math
import re

MAX_MAGNITUDE = 1e15  # larger values are typos, not statistics: the loader refuses them


def round_half_up(x: float, digits: int) -> float:
    """Round as a person (and the report) does: 100,005 -> 100,01, never banker's rounding.

    Going through repr() first drops binary noise, so 0.1 + 0.2 rounds like 0.3.
    """
    if not math.isfinite(x) or abs(x) >= MAX_MAGNITUDE:
        return x  # nothing to round at that size (and Decimal would refuse the precision)
    scaled = abs(x) * 10**digits
    if abs(scaled - math.floor(scaled) - 0.5) > 1e-6:
        return round(x, digits)  # not near a tie: Python's rounding is exact and fast
    from decimal import ROUND_HALF_UP, Decimal  # only near a tie: most values never need it

    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(x)).quantize(quantum, rounding=ROUND_HALF_UP))


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
    """The decimals a number was written with: 0 for 417000, 1 for 1.5, 3 for 1.765."""
    text = repr(float(value))
    return 0 if float(value).is_integer() else len(text.partition(".")[2]) if "e" not in text else 2


def machine_number(value: float, decimals: int) -> str:
    """A number for machines (csv) inside words: a decimal point, no grouping: "0.72", "1234.50"."""
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
