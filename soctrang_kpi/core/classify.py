"""Turning percentages of target into an assessment: Vượt X% / Đạt / Khó đạt / Không đạt."""

from __future__ import annotations

import re
import unicodedata
from enum import Enum
from functools import cache

from ..errors import NotComputable
from .calc import attainment, round_half_up
from .model import Direction, Settings, Target, VerdictClass


class Status(str, Enum):
    EXCEEDED = "exceeded"
    ACHIEVED = "achieved"
    AT_RISK = "at_risk"
    MISSED = "missed"
    NO_DATA = "no_data"


#: the statuses that count as "chưa đạt" (not achieved)
FALLS_SHORT = frozenset({Status.AT_RISK, Status.MISSED})

#: how bad a status is when a group takes its worst component (higher is worse)
SEVERITY: dict[Status, int] = {
    Status.EXCEEDED: 0,
    Status.ACHIEVED: 1,
    Status.NO_DATA: 2,
    Status.AT_RISK: 3,
    Status.MISSED: 4,
}


#: a unit of the last decimal printed at each precision (0,01 at 2)
_UNIT = tuple(10.0**-digits for digits in range(16))


def reaches(
    pct: float, precision: int, goal: float = 100.0, direction: Direction = Direction.AT_LEAST, strict: bool = False
) -> bool:
    """``pct`` reaches ``goal`` as the report prints both: at ``precision`` decimals, rounded half
    up (README "Classification"), so float noise never turns 100,00 % into a shortfall. ``goal``
    is 100 (the target) or the share of the year gone (a lũy kế's pace); at most: at or below it;
    ``strict`` ("trên", "dưới"): past it, as printed (100,00 % does not pass 100).
    The one rule every verdict compares percentages with, within the year as over the term."""
    # a goal already written at the precision (100, 0,95) is as printed: not rounded again (an
    # evaluation of 10.000 rows rounded 102.317 times, 52.031 so)
    wanted = goal if goal == 100.0 or round(goal, precision) == goal else round_half_up(goal, precision)
    gap = pct - wanted
    if 0 <= precision < len(_UNIT) and abs(gap) > _UNIT[precision]:
        # more than a unit of the last printed decimal away: rounding (at most half a unit) cannot
        # bring it to the goal, so it is not rounded. A round() writes the number as decimal text
        # and reads it back: once every comparison went through this rule, a cold `kpi status
        # --json` at 10.000 series spent 115 M instructions more in that (valgrind: dtoa, strtod,
        # printf), 16.000 more rounds
        return gap > 0 if direction is Direction.AT_LEAST else gap < 0
    shown = round_half_up(pct, precision)
    if direction is Direction.AT_LEAST:
        return shown > wanted if strict else shown >= wanted
    return shown < wanted if strict else shown <= wanted


def target_met(pct: float, target: Target, precision: int, tolerance: float) -> bool:
    """Whether ``pct``, a percentage of the target's near bound (a range's lower one when more is
    better, its upper one when less is), meets the target (README "Classification"): it reaches
    100 % at ``precision``; a strict one ("trên 80", "dưới 12") passes it; an approximate one
    ("khoảng") reaches 100 − ``tolerance`` (``settings.approximate_tolerance``). The one rule of a
    target met: the yearly verdict's (``options.with_options``) and within the year's (``periods``)."""
    if target.strict:
        return reaches(pct, precision, strict=True)
    return reaches(pct, precision, 100 - tolerance if target.approximate else 100.0)


def value_reaches(value: float, bound: float, direction: Direction, precision: int, strict: bool = False) -> bool:
    """``value`` reaches ``bound`` (``strict``: passes it) in ``direction``: its percentage of the
    bound (``calc.attainment``) reaches 100 at ``precision``, the rule above; a zero bound, which
    has no percentage, is compared with the value at ``precision``."""
    try:
        pct = attainment(value, bound, direction)
    except NotComputable:
        return reaches(value, precision, bound, direction, strict)
    return reaches(pct, precision, strict=strict)


def classify(pct: float, excess_pct: float, final: bool, settings: Settings, meets: bool | None = None) -> Status:
    """Rate a forecast (or, in the target year, the actual) percentage of target.

    ``excess_pct`` is the percentage that must pass 100 to count as exceeded: the same as ``pct``
    except for ranges, which are exceeded only above their upper bound. Both are compared at the
    report's precision, so float noise never turns 100,00 % into a shortfall. ``meets``, when
    given, decides whether the target is met instead of ``pct`` (a range rated against its upper
    bound but met at its lower one, "khoảng", a strict "trên").
    """
    if meets is None:
        meets = reaches(pct, settings.precision)
    if not meets:
        return Status.MISSED if final else Status.AT_RISK
    if reaches(excess_pct, settings.precision, 100 + settings.exceed_margin, strict=True):  # past the margin, as printed
        return Status.EXCEEDED
    return Status.ACHIEVED


def combine(statuses: list[Status]) -> Status:
    """A group takes its worst component; it is exceeded only when all meet and one exceeds."""
    if not statuses:
        return Status.NO_DATA
    worst = max(statuses, key=SEVERITY.__getitem__)
    if worst is Status.EXCEEDED:
        return Status.EXCEEDED
    if worst is Status.ACHIEVED and Status.EXCEEDED in statuses:
        return Status.EXCEEDED
    return worst


#: met or exceeded: what "đạt và vượt" and, in a met/not-met tally, "đạt kế hoạch" count
MET = frozenset({Status.EXCEEDED, Status.ACHIEVED})

_PUBLISHED_LABELS = {
    "vuot": Status.EXCEEDED,
    "dat": Status.ACHIEVED,
    "kho dat": Status.AT_RISK,
    "khong dat": Status.MISSED,
    "chua dat": Status.MISSED,
    "vuot xa": Status.EXCEEDED,
    "vuot ke hoach": Status.EXCEEDED,
    "dat va vuot": Status.ACHIEVED,
    "dat ke hoach": Status.ACHIEVED,
    "co ban dat": Status.AT_RISK,  # a plan's own class between Đạt and Khó đạt (settings.classes)
}


def _catalogue_labels() -> dict[str, Status]:
    """Each status's own label as kpi prints it, in both languages ("At risk", "Exceeded 0.40%"
    of an English export; "Chưa có số liệu"), and the classes kpi's template names between Đạt
    and Khó đạt ("Xấp xỉ đạt", "Nearly achieved": short of the target, at risk), folded: the words
    are the catalogue's, not copied."""
    from ..messages import LANGS, section

    words = section("status")
    labels = {
        " ".join(fold(words[status.value][lang]).split()): status
        for status in Status
        if status.value in words
        for lang in LANGS
    }
    return labels | dict.fromkeys(_class_words(), Status.AT_RISK)


@cache
def _class_words() -> frozenset[str]:
    """The classes the catalogue names between Đạt and Khó đạt (``class.*``), folded, in both
    languages: "xap xi dat", "nearly achieved". Made once, on first use."""
    from ..messages import LANGS, section

    return frozenset(" ".join(fold(texts[lang]).split()) for texts in section("class").values() for lang in LANGS)

#: printed assessments that agree with more than their own status, and the vocabulary they belong
#: to; the catalogue's classes ("xấp xỉ đạt", "nearly achieved": ``_class_words``) as "cơ bản đạt"
TALLY_FORMS: dict[str, frozenset[Status]] = {
    "dat va vuot": MET,  # "đạt và vượt": met or exceeded
    "dat ke hoach": MET,  # "đạt kế hoạch" in a met/not-met tally
    "chua dat": FALLS_SHORT,  # "chưa đạt": not (yet) achieved, at risk or missed
    "co ban dat": FALLS_SHORT,  # "cơ bản đạt", "xấp xỉ đạt": short of the target, near it
}


def fold(text: str) -> str:
    """Lower-case, accent-free form of Vietnamese text, for matching ("Thuỷ" ~ "thuy").

    Character by character through a table filled as characters are first met (``_Folded``):
    the same as decomposing the whole text (NFD), dropping its combining marks and case-folding,
    since the marks NFD reorders are the ones dropped; a sixth of the time on an imported table."""
    return text.casefold() if text.isascii() else text.translate(_FOLDED)


class _Folded(dict[int, str]):
    """Code point -> its folded text: đ as d, decomposed, without combining marks, case-folded."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        char = {"đ": "d", "Đ": "D"}.get(char, char)
        folded = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).casefold()
        self[code] = folded
        return folded


_FOLDED = _Folded()


def parse_assessment(text: str) -> tuple[Status, float | None]:
    """Read a printed assessment ("Vượt 15,51%", "Đạt", "Khó đạt"; kpi's English labels,
    "Exceeded 0.40%", "At risk") into a status and excess."""
    folded = " ".join(fold(text).replace("%", " ").split())
    match = re.fullmatch(r"([a-z ]+?)\s*([0-9]+(?:[.,][0-9]+)?)?", folded)
    if not match:
        raise ValueError(f"not an assessment: {text!r}")
    status = _PUBLISHED_LABELS.get(match.group(1))
    if status is None:
        if not _LABELS:
            _LABELS.update(_catalogue_labels())
        status = _LABELS.get(match.group(1))
    if status is None:
        raise ValueError(f"not an assessment: {text!r}")
    excess = match.group(2)
    return status, float(excess.replace(",", ".")) if excess else None


#: ``_catalogue_labels``, made on first use (the catalogue is sorted into sections once)
_LABELS: dict[str, Status] = {}


def class_named(text: str, classes: tuple[VerdictClass, ...]) -> VerdictClass | None:
    """The plan's class a printed assessment names ("Xấp xỉ đạt", "Gần đạt"; accents, case and
    spacing ignored), in either language."""
    words = " ".join(fold(text).split())
    return next((c for c in classes if words in (" ".join(fold(c.name).split()), " ".join(fold(c.name_en).split()))), None)


def published_statuses(text: str) -> tuple[frozenset[Status], bool]:
    """The computed statuses a printed assessment agrees with, and whether it speaks the
    met/not-met vocabulary ("đạt và vượt", "đạt kế hoạch", "chưa đạt") rather than the five
    statuses. "Vượt xa" is exceeded without a figure."""
    status, _excess = parse_assessment(text)
    folded = " ".join(re.sub(r"[0-9.,%]+", " ", fold(text)).split())
    if folded in TALLY_FORMS:
        return TALLY_FORMS[folded], True
    if folded in _class_words():
        return FALLS_SHORT, True
    return frozenset({status}), False
