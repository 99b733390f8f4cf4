"""`kpi import`: the verdicts a table printed ("Đánh giá": Vượt 0,40 % / Đạt / Khó đạt; kpi's own
English labels too), checked against the plan as it was read.

A table states each row's target as a number and a few words; what kind of target it is (a
level, a running count, a bound that holds every year) is read from those words and the name, and
where they do not say it, guessed. The printed verdict is the table's own word on it: when the
plan as read rates a row otherwise ("Đạt" printed, "Vượt 366,67 %" computed of a running count read
as a sum over the term), the import says so, row by row, with the kind it read (README "The
verdicts a table printed"). The verdict word is compared, not the figure after "Vượt", which
`kpi audit` checks.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.classify import FALLS_SHORT, Status, class_named, published_statuses
from ..core.model import Dataset, Kind
from ..core.results import Result
from ..messages import Num, Text
from ..records import NamedTuple


class Printed(NamedTuple):
    """A row of the table that printed a verdict: where, and what the import read of it."""

    indicator: str
    no: str  # the row's number in the plan ("22.1")
    name: str
    row: int  # 1-based, as the office's program shows it
    column: int  # 1-based: the verdict's column
    verdict: str  # as printed
    kind: Kind
    target: object  # the target as printed ("22,1", "Trên 80"), or a number cell's number (a Num, a Text of a range)
    where: Text | None = None  # the table the verdict is in, when not the one read (a Word table's part)


class Differs(NamedTuple):
    """A printed verdict the plan as read does not give."""

    printed: Printed
    said: Text  # what to tell: the two verdicts and the kind read


#: the likely cause of a different verdict, by the kind read: what else the row may be
CAUSES: dict[Kind, str] = {
    Kind.LEVEL: "import.verdict_cause.level",
    Kind.CUMULATIVE: "import.verdict_cause.cumulative",
    Kind.THRESHOLD: "import.verdict_cause.threshold",
    Kind.GROUP: "import.verdict_cause.group",
    Kind.COMPOSITION: "import.verdict_cause.group",
}


def differences(dataset: Dataset, plan_id: str, printed: dict[str, Printed], period_guessed: bool = False) -> list[Differs]:
    """The rows of ``printed`` whose verdict the plan as read (in ``dataset``) does not give, in
    the table's order. A row the plan rates without data, or does not hold (its target was left
    out, and said), is not compared. ``period_guessed``: the import guessed the plan's base or
    target year, which changes every verdict (Khó đạt before the target year, Không đạt in it),
    and is named first as the cause."""
    from ..core.evaluate import evaluate_rows

    plan = dataset.plans[plan_id]
    wanted = {row.indicator for row in plan.rows if row.indicator in printed}
    if not wanted:
        return []
    _year, results = evaluate_rows(dataset, plan_id, wanted)
    differing = {
        ident for ident, shown in printed.items()
        if ident in results and not agrees(shown.verdict, results[ident], plan.settings.classes)
    }
    ceilings = _agree_at_most(dataset, plan_id, {i: printed[i] for i in differing})
    # a row rated by its sub-rows differs because one of them does: that one is said, not both
    return [
        Differs(shown, said(shown, results[ident], plan.settings.precision, (plan.base_year, plan.target_year), period_guessed, ident in ceilings))
        for ident, shown in printed.items()
        if ident in differing and not differing.intersection(results[ident].children)
    ]


#: the kinds whose target may be a ceiling (``direction: at_most``) read as a floor from a table
#: whose words do not say which ("1,5–2": a range names no direction; nor does a bare "1,5")
CEILING_KINDS = frozenset({Kind.LEVEL, Kind.THRESHOLD, Kind.GROWTH})


def _agree_at_most(dataset: Dataset, plan_id: str, differing: dict[str, Printed]) -> set[str]:
    """The differing rows read as a floor though their words name no direction (a range, a bare
    number) and whose printed verdict the plan gives once the target is a ceiling (``direction:
    at_most``): "Vượt 176,83%" of a poverty rate of 1,9 against "1,5–2" is a ceiling's, where
    the range read more-is-better gives "Đạt"; "Vượt" of a rate of 1,4 against a bare "1,5"
    too, as "≤ 1,5" would have said."""
    plan = dataset.plans[plan_id]
    flipped = undirected(dataset, plan_id, set(differing))
    if not flipped:
        return set()
    from ..core.evaluate import evaluate_rows

    results = evaluate_rows(as_ceilings(dataset, plan_id, flipped), plan_id, flipped)[1]
    return {i for i in flipped if i in results and agrees(differing[i].verdict, results[i], plan.settings.classes)}


def undirected(dataset: Dataset, plan_id: str, among: set[str], ranges: bool = False) -> set[str]:
    """The rows of ``among`` read as more is better whose words name no direction (a range, a
    bare number, "khoảng"; ``ranges``: the ranges alone)."""
    from ..core.model import Direction

    return {
        row.indicator for row in dataset.plans[plan_id].rows
        if row.indicator in among and row.target.kind in CEILING_KINDS and row.target.direction is Direction.AT_LEAST
        and (row.target.upper is not None or not ranges)
        and not _names_direction(row.target)  # "Trên 80", "Tối thiểu 80": the floor is the table's word
    }


def as_ceilings(dataset: Dataset, plan_id: str, flipped: set[str]) -> Dataset:
    """``dataset`` with the targets of the rows ``flipped`` ceilings (``direction: at_most``)."""
    from ..core.model import Direction

    plan = dataset.plans[plan_id]
    rows = tuple(
        row._replace(target=row.target._replace(direction=Direction.AT_MOST)) if row.indicator in flipped else row for row in plan.rows
    )
    return dataset._replace(plans={**dataset.plans, plan_id: plan._replace(rows=rows)})


class Fit(NamedTuple):
    """What a range's figures give in one direction, against what the table printed of the row."""

    verdict: bool | None  # whether the table's verdict is the one they give; None: nothing to compare
    pct: float | None  # their percentage of the target, against the one the table printed


#: the figures of a plan's rows in a dataset (the plan as read, or its ranges as ceilings), each
#: row's as a Fit; a row not rated left out
ResultsOf = Callable[[Dataset, set[str]], dict[str, Fit]]


def range_directions(dataset: Dataset, plan_id: str, percents: dict[str, float], results_of: ResultsOf) -> dict[str, str | None]:
    """Each range of the plan whose words name no direction ("1,5–2": kpi's own tables print
    none), by what the table's own figures say of it: its verdict and its percentage of the
    target (``percents``: "% so Nghị quyết", the monthly report's "% KH năm"), each the one the
    range gives as a floor, or as a ceiling, or either (``one_direction``). ``results_of`` gives
    the rows' figures, of an appendix (``appendix_results``) or of a monthly report
    (import_month)."""
    from ..core.audit import published_differs

    ranges = undirected(dataset, plan_id, {row.indicator for row in dataset.plans[plan_id].rows}, ranges=True)
    if not ranges:
        return {}
    settings = dataset.plans[plan_id].settings
    floors, ceilings = results_of(dataset, ranges), results_of(as_ceilings(dataset, plan_id, ranges), ranges)

    def fits(ident: str, results: dict[str, Fit]) -> bool | None:
        fit, pct = results.get(ident), percents.get(ident)
        if fit is None:
            return None
        said = [fit.verdict] if fit.verdict is not None else []
        if pct is not None and fit.pct is not None:
            said.append(not published_differs(pct, fit.pct, settings.precision, settings.audit_tolerance))
        return all(said) if said else None

    return {ident: one_direction(fits(ident, floors), fits(ident, ceilings)) for ident in ranges}


def appendix_results(plan_id: str, printed: dict[str, Printed]) -> ResultsOf:
    """``range_directions``' figures of an appendix's rows: each rated row's result against the
    verdict the table printed (``printed``) and its attainment, against "% so Nghị quyết"."""
    from ..core.evaluate import evaluate_rows

    def results_of(dataset: Dataset, rows: set[str]) -> dict[str, Fit]:
        classes = dataset.plans[plan_id].settings.classes
        return {
            ident: Fit(
                agrees(shown.verdict, result, classes) if (shown := printed.get(ident)) is not None and result.status is not Status.NO_DATA else None,
                result.figures.attainment_pct,
            )
            for ident, result in evaluate_rows(dataset, plan_id, rows)[1].items() if result.rated
        }

    return results_of


def one_direction(floor: bool | None, ceiling: bool | None) -> str | None:
    """The direction a table's figures give a range: "at_least" when they fit it as a floor and
    not as a ceiling, "at_most" the other way round; None when they fit both, neither, or say
    nothing (no figure printed, nothing rated)."""
    if floor and ceiling is False:
        return "at_least"
    if ceiling and floor is False:
        return "at_most"
    return None


def _names_direction(target) -> bool:
    """Whether a target's wording names its direction ("Trên 80", "At least 80"), which a range
    ("1,5–2"), a bare number (no wording kept) or "Khoảng 1,5" does not."""
    from . import appendix_layout as layout

    for text, lang in ((target.printed, "vi"), (target.printed_en, "en")):
        if not text:
            continue
        try:
            read = layout.target(text, lang)
        except ValueError:
            continue
        if read is not None and read.worded:
            return True
    return False


def agrees(verdict: str, result: Result, classes: tuple = ()) -> bool:
    """Whether a printed verdict is the one ``result`` gives: its status ("Đạt", "Achieved"), a
    met/not-met word ("đạt và vượt", "chưa đạt") for any status it covers, or the plan's own
    class ("Xấp xỉ đạt"). A row rated without data agrees with any word (nothing to compare)."""
    if result.status is Status.NO_DATA or not result.rated:
        return True
    named = class_named(verdict, classes)
    if named is not None:
        return result.klass == named
    agreed, _tally = published_statuses(verdict)
    if result.klass is not None:  # the plan names a class for it: a plain "Khó đạt" is not it
        return False
    return result.status in agreed


def said(shown: Printed, result: Result, precision: int, period: tuple[int, int], guessed: bool = False, ceiling: bool = False) -> Text:
    """The line of a row whose printed verdict differs: both verdicts, the target, and the likely
    cause — the plan's period when the two are the same shortfall rated in and before the target
    year, or when the import guessed it; else the kind read, with what else it may be."""
    computed: Text | str = Text(f"status.{result.status.value}")
    if result.klass is not None:
        computed = result.klass.name  # the plan's own class, as the plan names it ("Xấp xỉ đạt")
    elif result.status is Status.EXCEEDED and result.excess is not None:
        computed = Text("import.verdict_excess", label=computed, pct=Num(result.excess, precision))
    cause = Text(CAUSES.get(shown.kind, "import.verdict_cause.other"), kind=shown.kind.value, no=shown.no)
    if _final_differs(shown.verdict, result):
        # "Khó đạt" printed, "Không đạt" computed (or the other way): the same shortfall, rated
        # before the target year by one and in it by the other: the year, not the kind
        cause = Text(
            "import.verdict_cause.target_year", base=period[0], target=period[1],
            missed=Text("status.missed"), at_risk=Text("status.at_risk"),
        )
    elif guessed:
        cause = Text("import.verdict_cause.period", base=period[0], target=period[1], then=cause, missed=Text("status.missed"))
    if ceiling:  # the table's verdict is a ceiling's: the direction, not the kind, is the likely cause
        cause = Text("import.verdict_cause.at_most", no=shown.no, then=cause)
    printed = repr(shown.target) if isinstance(shown.target, str) and not isinstance(shown.target, Text) else shown.target
    target = Text("import.verdict_target", text=printed) if shown.target != "" else ""
    return Text("import.verdict_differs", name=repr(shown.name), printed=repr(shown.verdict), computed=computed, target=target, cause=cause)


def _final_differs(verdict: str, result: Result) -> bool:
    """Whether the printed verdict and ``result`` are the same shortfall, one rated before the
    target year (Khó đạt) and the other in it (Không đạt)."""
    agreed, tally = published_statuses(verdict)
    return not tally and len(agreed) == 1 and {*agreed, result.status} == FALLS_SHORT
