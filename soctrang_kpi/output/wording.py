"""How results are said in words: names, targets, reasons, the counts line, the plan's title."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..core.bounds import whole_numbers
from ..core.calc import round_half_up
from ..core.classify import FALLS_SHORT, Status
from ..core.kinds import GROUP_KINDS, KINDS
from ..core.model import Basis, Drop, Kind, Target, VerdictClass
from ..core.results import NOT_RATED, PlanResult, Result
from .labels import class_name, COUNT_WORDS, REASONS, TARGET_FORMS, Lang, fill, machine_text, number, printed_words, word


#: phrases.target_words, imported when a target is first worded (``target_text``)
_TARGET_WORDS: Callable[[Target, str, bool], str] | None = None


def target_text(target: Target, lang: Lang, annual: bool = False) -> str:
    """The target as printed: the wording targets.yaml gives in the output's language (``printed``,
    the resolution's own words; ``printed_en``, the office's English ones), else "8", "≤ 33",
    "2–3", "Trên 80", "Nhóm 15 dẫn đầu", made from the target's fields in the language; the
    growth of a level as the rate it is, "Tăng 10%" (``annual``: over the year before) or "Tăng
    15%/năm", never a bare "10" beside the row's unit of amounts. English never prints the
    Vietnamese wording: a resolution has no English text, so without ``printed_en`` the English
    form is made ("Above 80", "Up 15% a year"); a ``printed_en``'s numbers are written the English
    way ("1,200–1,500", ``numbers.printed_words``)."""
    wording = own_wording(target, lang)
    if wording:
        return wording if lang is Lang.VI else printed_words(wording, lang.value, target_figures(target))
    if target.kind in GROUP_KINDS or target.value is None:
        return ""
    global _TARGET_WORDS
    if _TARGET_WORDS is None:  # bound on first use, not per row: `kpi status --json` words no target
        from ..phrases import target_words

        _TARGET_WORDS = target_words
    return _TARGET_WORDS(target, lang.value, annual)  # the catalogue's words made one way (phrases.py), which kpi import reads back


def target_line(result: Result, lang: Lang, annual: bool = False, whole: Any = None) -> str:
    """`kpi show`'s target with what it is of: "300 Nghìn tỷ đồng", a wording as written ("Tối thiểu
    300 nghìn tỷ đồng"), a *share of* another as the share it is, "40% Tổng sản phẩm trên địa bàn
    (GRDP)" ("40% of GRDP"; ``whole``: that indicator, else its id), never "40 Nghìn tỷ đồng (%)"."""
    target = result.row.target
    text = target_text(target, lang, annual)
    if worded(target, lang):
        return text
    if target.kind is Kind.SHARE_OF and text:
        return share_text(target, text, lang, whole)
    return f"{text} {unit_of(result, lang)}".strip()


def share_text(target: Target, text: str, lang: Lang, whole: Any = None) -> str:
    """A *share of* another's target ``text`` ("40") as the share it is: "40% Tổng sản phẩm trên
    địa bàn (GRDP)", "40% of GRDP" (``whole``: the indicator it is a share of, else its id)."""
    return word("share_target", lang, value=text, of=share_name(target, lang, whole))


def share_name(target: Target, lang: Lang, whole: Any = None) -> str:
    """The name of the indicator a *share of* another's target is a share of (``whole``), else its id."""
    return str(target.of) if whole is None else (whole.name_en if lang is Lang.EN and whole.name_en else whole.name)



def own_wording(target: Target, lang: Lang) -> str:
    """The wording targets.yaml gives for ``lang``: ``printed`` in Vietnamese, ``printed_en`` in
    English ("" when not given)."""
    return target.printed if lang is Lang.VI else target.printed_en


def worded(target: Target, lang: Lang) -> bool:
    """The target's text says what it is without the row's unit ("Nhóm 15 dẫn đầu", "Tăng 10%")."""
    return bool(own_wording(target, lang)) or target.kind in TARGET_FORMS or (target.kind is Kind.GROWTH and target.basis is Basis.LEVEL) or percent_drop(target)


def percent_drop(target: Target) -> bool:
    """A reduction in percent of the year before ("Giảm 5%" of a count): its number is a rate, not
    an amount of the row's unit."""
    return target.kind is Kind.REDUCTION and target.drop is Drop.PERCENT


def machine_target_text(target: Target, lang: Lang, annual: bool = False) -> str:
    """The target as printed, for machines (csv): its numbers with a decimal point and no grouping,
    as every number of the file ("Tối thiểu 0.78", "1200–1500"). A wording targets.yaml gives is
    read the way it is written (``numbers.printed_words``); a generated one the output's way."""
    wording = own_wording(target, lang)
    if wording:
        return printed_words(wording, "machine", target_figures(target))
    return machine_text(target_text(target, lang, annual), lang.value)


def target_figures(target: Target) -> tuple[float, ...]:
    """The numbers a target's printed wording writes: its value and upper bound."""
    return tuple(v for v in (target.value, target.upper) if v is not None)


def name_of(result: Result, lang: Lang) -> str:
    indicator = result.indicator
    return indicator.name_en if lang is Lang.EN and indicator.name_en else indicator.name


def unit_of(result: Result, lang: Lang) -> str:
    """The unit of the values shown: the indicator's; for a kind that derives its series (a share
    of another indicator, the growth of a level) the recorded values' unit with the derived
    one's beside it ("Nghìn tỷ đồng (%)"), or the derived one's alone."""
    own = _own_unit(result, lang)
    derived = KINDS[result.row.target.kind].unit or ("%" if result.row.target.basis is Basis.LEVEL else "")
    if derived:
        return f"{own} ({derived})" if own and own != derived else derived
    return own


def figures_unit(result: Result, lang: Lang) -> str:
    """The unit of a period's figures (a monthly report's): the indicator's own (a growth of a level
    is planned as a rate, but its months are amounts); a share of another's are the share's, in its
    unit ("%")."""
    return KINDS[result.row.target.kind].unit or _own_unit(result, lang)


def _own_unit(result: Result, lang: Lang) -> str:
    indicator = result.indicator
    return indicator.unit_en if lang is Lang.EN and indicator.unit_en else indicator.unit


def derived_text(value: float, result: Result, lang: Lang, precision: int) -> str:
    """The figure a kind derives from a recorded value, labelled: a share "39,89%", the growth
    over the year before "+15,00%"."""
    shown = number(value, lang, precision) + "%"
    return ("+" + shown if value > 0 else shown) if result.row.target.basis is Basis.LEVEL else shown


def reason_text(result: Result, lang: Lang, precision: int) -> str:
    return fill(REASONS[result.reason.code], lang, result.reason.detail, precision)


def summary_line(pr: PlanResult, lang: Lang) -> str:
    """ "23 chỉ tiêu: 7 vượt, 10 đạt, 6 khó đạt", the way the province counts; a plan's own
    classes counted apart, after Đạt (``PlanResult.counts_apart``)."""
    counts = ", ".join(f"{n} {count_word(status, klass, lang)}" for status, n, klass in pr.counts_apart() if n)
    total = count_text(sum(pr.summary.values()), lang)
    return f"{total}: {counts}" if counts else total


def counts_named(pr: PlanResult, lang: Lang) -> list[tuple[Status, int, str]]:
    """The counts of ``PlanResult.counts_apart`` with each class's name as the plan gives it ("" for a
    status), for the documents' count boxes; the rows not rated only when there are some."""
    return [(status, n, class_name(klass, lang) if klass is not None else "") for status, n, klass in shown_counts(pr.counts_apart())]


def shown_counts(counts: list[tuple[Status, int, VerdictClass | None]]) -> list[tuple[Status, int, VerdictClass | None]]:
    """The counts a table or a box shows: every status (0 included) and class, and the rows not
    rated (``results.NOT_RATED``) only when there are some — a plan that rates every row it
    lists prints its counts as before."""
    return [c for c in counts if c[2] is not NOT_RATED or c[1]]


def count_word(status: Status, klass: VerdictClass | None, lang: Lang) -> str:
    """ "khó đạt", "xấp xỉ đạt": a count's word, a class's name as the plan gives it."""
    if klass is None:
        return COUNT_WORDS[status][lang.value]
    return class_name(klass, lang).lower()


def plan_title(pr: PlanResult, lang: Lang) -> str:
    name = pr.plan.name_en if lang is Lang.EN and pr.plan.name_en else pr.plan.name
    title = f"{name} — {word('as_of', lang, year=pr.as_of)}"
    if pr.known_on is not None:  # --as-known-on: the values as recorded by that day
        from .provenance import day_text

        title += f", {word('known_on', lang, day=day_text(pr.known_on, lang))}"
    return title


def count_text(n: int, lang: Lang) -> str:
    """ "23 chỉ tiêu", "1 indicator", "2 indicators"."""
    return word("indicator_one" if n == 1 else "indicators_total", lang, n=n)


def whole_unit(result: Result) -> bool:
    """Counts of people, tonnes, communes: values shown without decimals — unless the indicator
    says its own precision (then its values are shown with it: 2,500, not 2,5 rounded to 3,000)."""
    return result.indicator.precision is None and _counts(result.indicator.unit)


@lru_cache(maxsize=1024)
def _counts(unit: str) -> bool:
    # a plan has a few dozen units and asks for each on every row: fold each once
    return whole_numbers(unit)


def value_decimals(result: Result) -> int | None:
    """The decimals every value of an indicator is written with: none for a unit of counts (a
    recorded 42,5 ca shows 43, as the status table's column does), its own precision where it
    has one (HDI 0,745), else the formatter's default (None)."""
    return 0 if whole_unit(result) else result.indicator.precision


def month_value(value: float, result: Result, lang: Lang) -> str:
    """A within-year value in words: a share of another is the percentage it is ("lũy kế 38,14%",
    never a bare "38,14" beside an amount's plan), any other value as the monthly table writes it."""
    return number(value, lang, month_decimals(result)) + KINDS[result.row.target.kind].unit


def month_decimals(result: Result) -> int | None:
    """The decimals of a value within the year (a month, a quarter, the lũy kế, the year's
    estimate) as of every value of the indicator (``value_decimals``: a count whole, 118 vụ not
    117,62); a share of another's values are percentages, at the indicator's precision."""
    return result.indicator.precision if KINDS[result.row.target.kind].unit else value_decimals(result)


def shown_value(value: float | None, result: Result) -> float | None:
    """A value as the table shows it: rounded to a whole number for a unit of counts."""
    return float(round_half_up(value, 0)) if value is not None and whole_unit(result) else value
