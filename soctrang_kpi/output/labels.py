"""Words and number formats in Vietnamese (default) and English. Data, not code."""

from __future__ import annotations

import math
from enum import Enum
from typing import TYPE_CHECKING

from collections.abc import Mapping

from ..messages import (
    CATALOG, MONTH_REASON_CELLS as MONTH_REASON_CELLS, assessment_words, class_words, month_verdict_words, section,
    verdict_words,
)
from ..numbers import machine_number, machine_text, number, printed_words, written, written_decimals  # the one number formatter (re-exported)
from ..core.classify import Status
from ..core.model import Direction, Kind, Period
from ..core.pace import Band
from ..core.results import NOT_RATED

if TYPE_CHECKING:
    from ..core.model import VerdictClass
    from ..core.results import Result


class Lang(str, Enum):
    VI = "vi"
    EN = "en"


#: label of each status, per language; "Vượt" takes the excess when there is one
LABELS: dict[Status, Mapping[str, str]] = {Status(k): v for k, v in section("status").items()}

#: the within-year verdicts (provisional before December) and why a row has none
MONTH_VERDICTS = section("month_verdict")
MONTH_REASONS = section("month_reason")


def month_reason_text(f, lang: Lang) -> str:
    """Why a within-year row (``core.periods.MonthFigures``) has no figure or verdict, in words:
    "thiếu số liệu tháng 12/2025: …" (last year is the period's year before)."""
    return MONTH_REASONS[f.reason][lang.value].format(last=f.period.year - 1)


def month_label(f, lang: Lang) -> str:
    """A within-year row's verdict as its cell says it: "Đúng tiến độ", "Chưa rõ cách cộng tháng",
    "Chưa có số liệu tháng 12/2025" (``messages.month_verdict_words``, which kpi import reads back)."""
    return month_verdict_words(f, lang.value)


def provisional(verdict: str, f, lang: Lang) -> str:
    """A within-year verdict (of ``f``, ``core.periods.MonthFigures``) said beside its figures:
    provisional until the year is over, "Đúng tiến độ (tạm tính, chưa hết năm)"; December's (final)
    and one without data ("Chưa có số liệu") as they are."""
    return verdict if f.final or f.verdict.value == "no_data" else word("provisional", lang, verdict=verdict)

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")  # quarters, sections

#: column headings and other fixed words
WORDS = section("word")

#: the audit's field and source codes as a reader says them (JSON keeps the codes)
FIELD_NAMES = section("field")
SOURCE_NAMES = section("source")

#: the state of a yearly value
POINT_STATUS = section("point")

KIND_NAMES = section("target_kind")

#: the groups a plan's report counts by; a plan may use any other label, shown as written
GROUP_NAMES = section("group")

FORECAST_SOURCES = section("forecast")

#: pace bands (core/pace.py), best first
PACE_BANDS: dict[Band, Mapping[str, str]] = {Band(k): v for k, v in section("pace").items()}

#: how a pace band came about, when not from the ratio alone
PACE_BASIS = section("pace_basis")

#: how a verdict changed (core/compare.py)
CHANGE_WORDS = section("change")

#: why an indicator has its status; {x} is the cited figure
REASONS = section("reason")

#: what a recognised audit pattern means
NOTES = section("note")

SUMMARY_NAMES = section("summary")

#: a verdict in the met/not-met vocabulary of "11/18 chỉ tiêu đạt và vượt, 7 không đạt"
TALLY_WORDS = {True: CATALOG["tally.met"], False: CATALOG["tally.not_met"]}  # met or exceeded, or not

#: the province's way of counting: "23 chỉ tiêu: 7 vượt, 10 đạt, 6 khó đạt"
COUNT_WORDS: dict[Status, Mapping[str, str]] = {Status(k): v for k, v in section("count").items()}


def word(key: str, lang: Lang, **fill) -> str:
    return WORDS[key][lang.value].format(**fill)


#: Python's 417,000.5 written the Vietnamese way, 417.000,5 (a translate table)
def percent(value: float | None, lang: Lang, precision: int = 2) -> str:
    return "-" if value is None else number(value, lang, precision) + "%"


def result_label(result: "Result", lang: Lang, precision: int = 2) -> str:
    """A result's assessment as printed: its status's label, the plan's own class ("Xấp xỉ đạt"),
    or "Không đánh giá" for a row with values and no target (a structure's part)
    (``messages.verdict_words``, which kpi import reads back)."""
    return verdict_words(result, lang.value, precision)


def class_name(klass: "VerdictClass", lang: Lang) -> str:
    """A plan's own class as it names it ("Xấp xỉ đạt"), in English when it gives one; the
    count of the rows not rated (``results.NOT_RATED``) is "Không đánh giá", as those rows say."""
    if klass is NOT_RATED:
        return word("not_rated", lang)
    return class_words(klass, lang.value)


def verdict_label(status: Status, excess: float | None, klass: "VerdictClass | None", lang: Lang, precision: int = 2) -> str:
    """A verdict said by its parts (``messages.assessment_words``): a count's ("Xấp xỉ đạt", "Đạt",
    "Không đánh giá" for the rows not rated, ``class_name``), an audit's computed one ("Vượt 0,40%")."""
    if klass is NOT_RATED:
        return class_name(klass, lang)
    return assessment_words(status.value, excess, klass, lang.value, precision)


def fill(template: Mapping[str, str], lang: Lang, detail: object, precision: int = 2) -> str:
    """A reason or note with its figure written in the language's way."""
    text = template[lang.value]
    if detail is None:  # a figure that does not exist is never printed as "None"
        shown = "-"
    elif isinstance(detail, float):
        shown = number(detail, lang, precision) + ("" if "{x}%" in text else "%")
    elif callable(getattr(detail, "render", None)):  # a message of its own (the parts a value lacks)
        shown = detail.render(lang.value)  # type: ignore[attr-defined]
    elif isinstance(detail, tuple):
        shown = ", ".join(str(d) for d in detail)
    else:
        shown = str(detail)
    return text.format(x=shown)


#: how a target is written before its number, by (kind, direction, strict); other at-most
#: targets take "≤ " and other at-least targets nothing
def _prefix_key(key: str) -> tuple[Kind, Direction, bool]:
    """ "threshold.at_least.strict" → (Kind.THRESHOLD, Direction.AT_LEAST, True)."""
    kind, direction, strict = key.split(".")
    return Kind(kind), Direction(direction), strict == "strict"


TARGET_PREFIX: dict[tuple[Kind, Direction, bool], Mapping[str, str]] = {
    _prefix_key(k): v for k, v in section("prefix").items() if k.count(".") == 2
}
AT_MOST_PREFIX = CATALOG["prefix.at_most"]
#: kinds whose target is written around its number ("Nhóm 15 dẫn đầu")
TARGET_FORMS: dict[Kind, Mapping[str, str]] = {Kind(k): v for k, v in section("form").items()}
APPROXIMATE_PREFIX = CATALOG["prefix.approximate"]
#: a growth of a level written around its rate: "Tăng 10%" (an annual plan), "Tăng 15%/năm" (a term's)
GROWTH_FORMS = section("growth_form")
#: a reduction in percent of the year before (drop: percent) written around its number: "Giảm 5%"
REDUCTION_FORMS = section("reduction_form")
#: a month by its number ("9"), as a period says it: "September" (2026), "tháng 9" (/2026)
MONTH_NAMES = section("month_name")


def period_blanks(period: Period, lang: Lang) -> dict[str, object]:
    """The blanks a period's words fill (``core.model.Period``): its year, month, quarter as the
    language numbers it (``QUARTER_NUMERALS``: "Q2 2026", "quý II/2026"), month's name
    ("September", "tháng 9") and that name as a heading begins ("Tháng 9")."""
    name = MONTH_NAMES[str(period.last)][lang.value]
    quarter = QUARTER_NUMERALS[lang.value][period.last // 3 - 1]
    return {"year": period.year, "month": period.last, "quarter": quarter, "name": name, "Name": name[:1].upper() + name[1:]}


#: how each language numbers a quarter: 2 in English ("Q2 2026"), II in Vietnamese ("quý II/2026")
QUARTER_NUMERALS = {"en": ("1", "2", "3", "4"), "vi": ROMAN[:4]}

#: every table of words above, for the test that each has both languages
CATALOGS = {
    "LABELS": LABELS, "WORDS": WORDS, "POINT_STATUS": POINT_STATUS, "KIND_NAMES": KIND_NAMES,
    "FORECAST_SOURCES": FORECAST_SOURCES, "FIELD_NAMES": FIELD_NAMES, "SOURCE_NAMES": SOURCE_NAMES, "REASONS": REASONS, "NOTES": NOTES,
    "SUMMARY_NAMES": SUMMARY_NAMES, "COUNT_WORDS": COUNT_WORDS, "TARGET_PREFIX": TARGET_PREFIX, "TARGET_FORMS": TARGET_FORMS,
    "GROWTH_FORMS": GROWTH_FORMS, "REDUCTION_FORMS": REDUCTION_FORMS,
    "PACE_BANDS": PACE_BANDS, "PACE_BASIS": PACE_BASIS, "CHANGE_WORDS": CHANGE_WORDS,
    "GROUP_NAMES": GROUP_NAMES, "TALLY_WORDS": TALLY_WORDS,
}


def group_name(group: str | None, lang: Lang) -> str:
    """A group as the report heads it: a known code in the language, any other label as written."""
    if group is None:
        return word("no_group", lang)
    return GROUP_NAMES[group][lang.value] if group in GROUP_NAMES else group
