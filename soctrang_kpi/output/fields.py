"""The one registry of table fields: what a column of any table holds.

A field (``FIELDS``) has a key, a header in both languages (a word of the catalogue, filled with
the plan's years), its format (the ``Column`` a format reads: numeric, decimals, suffix, key) and
how its value comes from the row's subject — a ``Result`` for the indicator tables, a change, a
finding, another plan's result. A document is a list of field keys (``Layout``), with where the
terminal drops and wraps; ``table`` is the one function that builds the rows of every table.
Nothing here computes a figure: the values are the core's, written in the language's words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any
from ..records import NamedTuple

from ..core.audit import Finding
from ..core.classify import MET, Status
from ..core.kinds import GROUP_KINDS
from ..core.calc import round_half_up
from ..core.model import Kind, Period, Plan, PointStatus, Target, is_annual
from ..core.results import PlanResult, Result
from ..messages import render
from .document import Cell, Column, Phrase, Printed, Row, Table, carrying, kept_row
from .labels import (
    month_label,
    CHANGE_WORDS,
    FIELD_NAMES,
    LABELS,
    NOTES,
    PACE_BANDS,
    PACE_BASIS,
    SOURCE_NAMES,
    Lang,
    fill,
    group_name,
    machine_number,
    number,
    period_blanks,
    provisional,
    result_label,
    verdict_label,
    word,
    written,
)
from .wording import (
    derived_text, figures_unit, machine_target_text, month_decimals, name_of, own_wording, reason_text, share_text, shown_value, target_text,
    unit_of, value_decimals, whole_unit, worded,
)

if TYPE_CHECKING:  # types only: `kpi status` without --compare never loads compare
    from ..core.compare import Change
    from ..core.model import Plan

#: how the table marks a latest value that is not final: "7,10*" is an estimate, "7,10°" preliminary
LATEST_MARKS = {PointStatus.ESTIMATE: "*", PointStatus.PRELIMINARY: "°"}
#: how a table marks a forecast held within what the indicator can be: "100†" (README "Forecast")
HELD_MARK = "†"


class Ctx(NamedTuple):
    """What a table is built in: the plan's results and the language."""

    pr: PlanResult | None  # None for tables of no plan (the problems in the files)
    lang: Lang
    notes: dict[str, str] = {}  # the appendix's source notes, by indicator id
    period: Period | None = None  # the month or quarter of a monthly report (README "Within the year")
    annual: dict[str, Any] = {}  # an annual plan's own figures by indicator id (core.periods.YearFigures)
    wholes: dict[str, Any] | None = None  # the indicators the plan's *share of* targets are shares of, by id (``table``)

    @property
    def plan_result(self) -> PlanResult:
        assert self.pr is not None, "a table of a plan's rows needs the plan's results"
        return self.pr

    @property
    def precision(self) -> int:
        return self.plan_result.plan.settings.precision


#: a field's value from its subject (a Result, a Change, …), in a context, with its parameter (a year)
Value = Callable[[Any, Ctx, int], Cell]


class Field(NamedTuple):
    header: Callable[[Ctx, int], str]  # the header in the context's language
    value: Value
    column: Column = Column("")  # its format; the header is filled in
    decimals_of_plan: bool = False  # percentages at the plan's precision
    on_heading: bool = False  # shown on a group's heading row (a number, a name, a verdict)
    #: whether the cell holds an estimate (printed with "*")
    estimate: Callable[[Any, Ctx, int], bool] | None = None


def said(key: str, **params: Callable[[Ctx, int], object]) -> Callable[[Ctx, int], str]:
    """A header: the catalogue's word ``key``, its blanks filled from the context."""
    return lambda ctx, param: word(key, ctx.lang, **{name: get(ctx, param) for name, get in params.items()})


def _base_year(ctx: Ctx, param: int) -> int:
    return ctx.plan_result.plan.base_year


def _param(ctx: Ctx, param: int) -> int:
    return param


# --- values of an indicator's row ---------------------------------------------------------------


def latest_cell(r: Result, ctx: Ctx, param: int = 0) -> Printed | None:
    """The latest value: a number for machines (csv), "7,10*" or "7,10 (2022)" for people; an
    estimate is also marked in the row (Row.marks), so a spreadsheet writes 7,10* as a number."""
    latest = r.latest
    if latest is None:
        return None
    level = next((p for p in r.recorded if p.year == latest.year), None)
    if level is not None:  # a share of another, the growth of a level: as recorded, the derived figure beside it
        derived = derived_text(latest.value, r, ctx.lang, ctx.precision)
        text = f"{number(level.value, ctx.lang, r.indicator.precision)}{LATEST_MARKS.get(latest.status, '')} ({derived})"
        return Printed(level.value, text + (f" ({latest.year})" if latest.year != ctx.plan_result.as_of else ""), plain=True)
    value = shown_value(latest.value, r)
    assert value is not None
    text = number(value, ctx.lang, r.indicator.precision) + LATEST_MARKS.get(latest.status, "")
    if latest.year != ctx.plan_result.as_of:
        text += f" ({latest.year})"
    return Printed(value, text, plain=True)


def baseline_cell(r: Result, ctx: Ctx) -> float | Printed | None:
    """The baseline under the base year's header: its value, or, when an earlier or later year
    stands in for the base year, "13,10 (2026)" for people (never 2026's value as 2025's).

    Of a kind that derives its series (a share of another, the growth of a level) the value as
    recorded, as every year column (``_year_value``): 110 nghìn tỷ, with its share beside it for
    people ("110 (35,19%)", as the latest value) — not the share, nor the first year's growth."""
    if r.recorded:
        base = ctx.plan_result.plan.base_year
        level = next((p for p in r.recorded if p.year == base), None) or min(r.recorded, key=lambda p: p.year)
        derived = next((p for p in r.shown if p.year == level.year), None)
        text = number(level.value, ctx.lang, r.indicator.precision)
        if derived is not None:
            text += f" ({derived_text(derived.value, r, ctx.lang, ctx.precision)})"
        return Printed(level.value, text + (f" ({level.year})" if level.year != base else ""), plain=True)
    baseline = r.baseline
    if baseline is None:
        return None
    value = shown_value(baseline.value, r)
    if value is None or baseline.year == ctx.plan_result.plan.base_year:
        return value
    return Printed(value, f"{number(value, ctx.lang, r.indicator.precision)} ({baseline.year})", plain=True)


def target_cell(r: Result, ctx: Ctx, param: int = 0) -> float | str | Printed | Phrase | None:
    """The target as a number where it is one, else the number with its printed form ("Trên
    80", "2–3", "≤ 33"): spreadsheets keep the number, text formats print the text."""
    target = r.row.target
    text = target_text(target, ctx.lang, is_annual(ctx.plan_result.plan))
    if target.value is None:  # listed without a target: its printed wording, if any
        machine = machine_target_text(target, ctx.lang, is_annual(ctx.plan_result.plan)) if text else ""
        return (Phrase(text, machine) if machine != text else text) or None
    if target.kind is Kind.SHARE_OF and ctx.lang is Lang.EN and not worded(target, ctx.lang):
        # English: a share of another's as the share it is, "40% of GRDP", as `kpi show` says it:
        # a bare "40" reads as 40 of the row's unit; a spreadsheet keeps the number. Vietnamese
        # prints the resolution's wording (``printed``), else the number, as the appendix has it
        # (the long Vietnamese name would widen the target column past the page's numbers)
        whole = _whole(ctx, target.of)
        machine = machine_target_text(target, ctx.lang)
        return Printed(target.value, share_text(target, text, ctx.lang, whole), machine=share_text(target, machine, ctx.lang, whole))
    if text in (number(target.value, ctx.lang), written(target.value, ctx.lang)):
        return target.value
    # a printed wording is read as written, whatever the language; a generated one csv reads as it
    # reads every Printed (as_csv, machine_text): no second wording made for the other rows
    return Printed(target.value, text, machine=machine_target_text(target, ctx.lang) if own_wording(target, ctx.lang) else "")


def _whole(ctx: Ctx, of: str | None) -> Any:
    """The indicator a *share of* another's target is a share of, when the plan has it (else None:
    its id is named): from the table's index (``share_wholes``), a cell asked alone by a look
    among the rows."""
    if ctx.wholes is not None:
        return ctx.wholes.get(of) if of is not None else None
    return next((r.indicator for r in ctx.plan_result.results if r.id == of), None)


def share_wholes(pr: PlanResult) -> dict[str, Any]:
    """The indicators the plan's *share of* targets are shares of, by id: two passes over the rows
    for a table, not one look among them per share row (a table of many shares stays linear)."""
    wanted = {r.row.target.of for r in pr.results if r.row.target.kind is Kind.SHARE_OF}
    return {r.id: r.indicator for r in pr.results if r.id in wanted} if wanted else {}


def target_phrase(target: Target, lang: Lang, annual: bool = False) -> Phrase:
    """The target in words ("Tối thiểu 0,78", "8", "Tăng 10%" in an annual plan), for machines
    (csv) with its numbers written as every number of the file ("Tối thiểu 0.78")."""
    return Phrase(target_text(target, lang, annual), machine_target_text(target, lang, annual))


def _month_plan(m: Any, ctx: Ctx, p: int = 0) -> float | str | Printed | Phrase | None:
    """The year's plan of a monthly report: the target as written where it is the plan; a plan
    computed from it (last year's value grown by "tăng 10 %") is a computed figure, rounded at the
    indicator's precision or else the plan's (6.050, not 6.050,000000000001)."""
    result, f = m
    if f.plan is None or f.plan == result.row.target.value:
        return target_cell(result, ctx)
    precision = result.indicator.precision
    decimals = ctx.precision if precision is None else precision
    low = round_half_up(f.plan, decimals)
    if f.plan_upper is None or f.plan_upper == f.plan:
        return low
    # a range computed from a range ("tăng 6,5–7 %" of last year's 4.000): both bounds, 4.260–4.280,
    # as the chart draws the band; a spreadsheet keeps the lower bound as its number
    high = round_half_up(f.plan_upper, decimals)
    return Printed(low, f"{written(low, ctx.lang)}–{written(high, ctx.lang)}")


def pace_text(r: Result, lang: Lang) -> str:
    """ "Cần tăng tốc (0,89)", "Đúng tiến độ (đã đạt mục tiêu)", or "-"."""
    return pace_phrase(r, lang).text


def pace_phrase(r: Result, lang: Lang) -> Phrase:
    """The pace in words, and for machines with its ratio written "0.89"."""
    pace = r.figures.pace
    if pace is None:
        return Phrase("-", "-")
    band, basis = PACE_BANDS[pace.band][lang.value], PACE_BASIS[pace.basis][lang.value]
    if basis or pace.ratio is None:
        text = band + (f" ({basis})" if basis else "")
        return Phrase(text, text)
    return Phrase(f"{band} ({number(pace.ratio, lang, 2)})", f"{band} ({machine_number(pace.ratio, 2)})")


def verdict_phrase(r: Result, ctx: Ctx, param: int = 0) -> Phrase:
    """ "Vượt 0,40%" for people, "Vượt 0.40%" for machines (csv, as its other numbers); "Đạt" for both."""
    text = result_label(r, ctx.lang, ctx.precision)
    if r.status is not Status.EXCEEDED or r.excess is None:
        return Phrase(text, text)
    return Phrase(text, f"{LABELS[r.status][ctx.lang.value]} {machine_number(r.excess, ctx.precision)}%")


def _year_value(r: Result, ctx: Ctx, year: int) -> float | None:
    # a share of another, the growth of a level: the value as recorded (286 nghìn tỷ, 34.500 tỷ),
    # not the share or the rate derived from it (README "What was recorded, and what it gives")
    # a count is shown whole in every column and format, as its latest value and baseline are
    # (README "Forecast": counts "shown whole"): 42,5 ca is 43 in the md export as on the terminal
    for p in r.recorded or r.shown:  # a handful of years: a loop beats building a dict per row
        if p.year == year:
            return p.value if r.recorded else shown_value(p.value, r)
    return None


def _derived_forecast(r: Result, ctx: Ctx, param: int = 0) -> float | Printed | None:
    """The forecast; of a derived series (a share, a rate) labelled with its "%", beside year
    columns that hold the recorded levels: "45,79%"."""
    value = r.figures.forecast.value
    if value is None or not r.recorded:
        return value
    return Printed(value, number(value, ctx.lang, ctx.precision) + "%", plain=True, after="%", decimals=ctx.precision)


def held_cell(cell: float | Printed | None, r: Result, ctx: Ctx, decimals: int | None = None, suffix: str = "") -> float | Printed | None:
    """A forecast's cell (its value, or its percentage: ``suffix`` "%", at ``decimals``), marked
    "100†" when the forecast is held within what the indicator can be (``Forecast.unbounded``),
    as `kpi show` says it: the number kept for a spreadsheet (the mark in its format) and csv,
    the mark in the text of the others; the table's legend or note says what it means (README
    "Forecast")."""
    if cell is None or r.figures.forecast.unbounded is None:
        return cell
    if isinstance(cell, Printed):
        return cell._replace(text=cell.text + HELD_MARK, after=cell.after + HELD_MARK)
    return Printed(cell, number(cell, ctx.lang, decimals) + suffix + HELD_MARK, plain=True, after=HELD_MARK, decimals=decimals)


def _year_estimated(r: Result, ctx: Ctx, year: int) -> bool:
    for p in r.shown:
        if p.year == year:
            return p.status is PointStatus.ESTIMATE
    return False


def _count_header(ctx: Ctx, i: int) -> str:
    """A count's column: what it counts, its status's label or the plan's class ("Xấp xỉ đạt")."""
    status, _n, klass = ctx.plan_result.counts_apart()[i]
    return verdict_label(status, None, klass, ctx.lang)


def average_header(start: int, end: int, lang: Lang) -> str:
    """ "Bình quân 2021–2023"; for a span of one year there is no average: "Tăng trưởng năm 2026"
    (the year's growth, or a rate's own value), as a report words it."""
    if start >= end:
        return word("appendix_average_one", lang, year=end)
    return word("appendix_average", lang, start=start, end=end)


def _average_header(ctx: Ctx, param: int) -> str:
    plan = ctx.plan_result.plan
    return average_header(plan.base_year + 1, min(ctx.plan_result.as_of, plan.target_year), ctx.lang)


def _finding_field(pair: tuple[Result | None, Finding], ctx: Ctx, param: int) -> str:
    finding = pair[1]
    field = FIELD_NAMES.get(finding.field) or FIELD_NAMES.get(finding.field.split(" ")[0])
    year = finding.field.partition(" ")[2]
    if field is None and finding.field.startswith("summary.") and finding.field.count(".") == 2:
        # a group's count ("summary.economy.achieved_or_exceeded"): the count's label, of its group
        _summary, group, count = finding.field.split(".")
        counted = FIELD_NAMES.get(f"summary.{count}")
        if counted is not None:
            return f"{counted[ctx.lang.value]} ({group_name(group, ctx.lang)})"
    return (field[ctx.lang.value] + (f" {year}" if year else "")) if field else finding.field


def _computed(pair: tuple[Result | None, Finding], ctx: Ctx, param: int) -> Cell:
    computed = pair[1].computed
    if isinstance(computed, tuple):
        klass = pair[1].computed_class
        return verdict_label(*computed, klass, ctx.lang, ctx.precision)
    return computed


# --- a monthly report's row: (Result, MonthFigures) -------------------------------------------------


def period_words(ctx: Ctx) -> dict[str, object]:
    """The blanks a monthly report's headers fill: its year, month, quarter and month's name."""
    period = ctx.period
    assert period is not None, "a monthly report's table needs its period"
    return period_blanks(period, ctx.lang)


def _month_said(key: str) -> Callable[[Ctx, int], str]:
    return lambda ctx, p: word(key, ctx.lang, **period_words(ctx))


def _alone_header(ctx: Ctx, p: int) -> str:
    period = ctx.period
    return word("quarter_alone" if period is not None and period.quarter else "month_alone", ctx.lang, **period_words(ctx))


def _reading(m: Any, ctx: Ctx, reading: Any) -> Printed | None:
    """A period's value: a number for machines, "95*" for people (an estimate or a preliminary
    figure is marked, as the status table marks its latest value)."""
    if reading is None:
        return None
    mark = LATEST_MARKS.get(reading.status, "")
    return Printed(reading.value, number(reading.value, ctx.lang, month_decimals(m[0])) + mark, plain=True, status=reading.status.value)


def _month_verdict(m: Any, ctx: Ctx, p: int = 0) -> str:
    """The verdict; why there is none is said in full by `kpi show` and the JSON (``reason``) — but
    a row whose months cannot be added up (a fact of the file, ``within_year:``), or a level
    without last December, says what is missing here (``labels.month_label``)."""
    return month_label(m[1], ctx.lang)


def _estimated(reading: Any) -> bool:
    """An estimate (ước tính): the cell a spreadsheet marks "*" (a preliminary one says "°" itself)."""
    return reading is not None and reading.status is PointStatus.ESTIMATE


# --- an annual plan's own table: a Result, its YearFigures in the context ----------------------------


def _plan_year(ctx: Ctx, p: int) -> int:
    return ctx.plan_result.plan.target_year


def _year_reading(r: Result, ctx: Ctx, which: str) -> Printed | None:
    figures = ctx.annual.get(r.id)
    reading = None if figures is None else getattr(figures, which)
    return None if reading is None else _reading((r,), ctx, reading)


NUMERIC = Column("", numeric=True)
PERCENT = Column("", numeric=True, suffix="%")

#: every field of every table, by key
FIELDS: dict[str, Field] = {
    # an indicator's row (the status table, the appendix, the list of those at risk)
    "no": Field(said("no"), lambda r, ctx, p: r.row.no, Column("", key="no"), on_heading=True),
    "name": Field(said("name"), lambda r, ctx, p: name_of(r, ctx.lang), Column("", key="name"), on_heading=True),
    "unit": Field(said("unit"), lambda r, ctx, p: unit_of(r, ctx.lang), Column("", key="unit")),
    "target": Field(said("target"), target_cell, Column("", numeric=True, key="target", as_written=True)),
    "target_cell": Field(
        said("appendix_target"), target_cell, Column("", numeric=True, key="target", as_written=True)
    ),
    # the baseline as the figures use it (the earliest year when the base year has no value): a
    # value as recorded, as the latest (a file keeps it as written: formats.RECORDED)
    "baseline": Field(said("baseline", year=_base_year), lambda r, ctx, p: baseline_cell(r, ctx), Column("", numeric=True, key="baseline")),
    # the base year's own value, as the appendix's year columns show every year
    "base_year": Field(
        said("baseline", year=_base_year),
        lambda r, ctx, p: _year_value(r, ctx, ctx.plan_result.plan.base_year),
        Column("", numeric=True, key="baseline"),
        estimate=lambda r, ctx, p: _year_estimated(r, ctx, ctx.plan_result.plan.base_year),
    ),
    "latest": Field(
        lambda ctx, p: str(ctx.plan_result.as_of), latest_cell, Column("", numeric=True, key="latest"),
        estimate=lambda r, ctx, p: r.latest is not None and r.latest.status is PointStatus.ESTIMATE,
    ),
    "year": Field(
        lambda ctx, year: str(year), _year_value, Column("", numeric=True, key="year"), estimate=_year_estimated
    ),
    "roadmap": Field(
        said("appendix_roadmap", year=_param), _year_value, Column("", numeric=True, key="roadmap"), estimate=_year_estimated
    ),
    "avg_growth": Field(said("avg_growth"), lambda r, ctx, p: r.figures.avg_growth_pct, PERCENT, decimals_of_plan=True),
    "average": Field(_average_header, lambda r, ctx, p: r.figures.avg_growth_pct, Column("", numeric=True, key="average"), decimals_of_plan=True),
    "attainment": Field(said("attainment"), lambda r, ctx, p: r.figures.attainment_pct, PERCENT, decimals_of_plan=True),
    "attainment_appendix": Field(
        said("appendix_attainment"), lambda r, ctx, p: r.figures.attainment_pct, Column("", numeric=True, key="attainment"), decimals_of_plan=True
    ),
    "forecast": Field(said("forecast"), lambda r, ctx, p: shown_value(r.figures.forecast.value, r), NUMERIC),
    # the forecast as computed: a format prints a count's forecast whole (Row.whole); a held one "100†"
    "forecast_value": Field(
        said("forecast"), lambda r, ctx, p: held_cell(_derived_forecast(r, ctx), r, ctx, value_decimals(r)), Column("", numeric=True, key="forecast")
    ),
    # the status table marks a held forecast on its percentage, "125,00%†": a narrow terminal
    # drops the forecast's value before it, never the percentage the verdict rests on
    "forecast_pct": Field(
        said("forecast_pct"), lambda r, ctx, p: held_cell(r.figures.forecast.pct, r, ctx, ctx.precision, "%"), PERCENT, decimals_of_plan=True
    ),
    "forecast_pct_appendix": Field(
        said("forecast_pct"), lambda r, ctx, p: r.figures.forecast.pct, Column("", numeric=True, key="forecast_pct"), decimals_of_plan=True
    ),
    "pace": Field(said("pace"), lambda r, ctx, p: pace_phrase(r, ctx.lang), Column("", key="pace")),
    "assessment": Field(said("assessment"), verdict_phrase, Column("", key="assessment"), on_heading=True),
    "assessment_short": Field(  # the verdict at the report's usual two decimals (the list of those at risk)
        said("assessment"), lambda r, ctx, p: result_label(r, ctx.lang), Column("", key="assessment")
    ),
    "reason": Field(said("note"), lambda r, ctx, p: reason_text(r, ctx.lang, ctx.precision)),
    "value_note": Field(said("value_note"), lambda r, ctx, p: ctx.notes.get(r.id, ""), Column("", key="note"), on_heading=True),
    # the office's note on the plan's row (targets.yaml `note:`, the appendix's "Ghi chú" column)
    "target_note": Field(said("note"), lambda r, ctx, p: r.row.target.note, Column("", key="target_note"), on_heading=True),
    # a monthly report's row (status of an annual plan within its year): (result, MonthFigures)
    "month.no": Field(said("no"), lambda m, ctx, p: m[0].row.no, Column("", key="no"), on_heading=True),
    "month.name": Field(said("name"), lambda m, ctx, p: name_of(m[0], ctx.lang), Column("", key="name"), on_heading=True),
    "month.unit": Field(said("unit"), lambda m, ctx, p: figures_unit(m[0], ctx.lang), Column("", key="unit")),
    "month.plan": Field(
        _month_said("month_plan"),
        _month_plan,
        Column("", numeric=True, key="target", as_written=True),
    ),
    "month.alone": Field(
        _alone_header, lambda m, ctx, p: _reading(m, ctx, m[1].alone), Column("", numeric=True, key="month", statused=True),
        estimate=lambda m, ctx, p: _estimated(m[1].alone),
    ),
    "month.to_date": Field(
        _month_said("month_to_date"), lambda m, ctx, p: _reading(m, ctx, m[1].to_date), Column("", numeric=True, key="to_date", statused=True),
        estimate=lambda m, ctx, p: _estimated(m[1].to_date),
    ),
    "month.plan_pct": Field(
        _month_said("month_plan_pct"), lambda m, ctx, p: m[1].plan_pct, Column("", numeric=True, key="plan_pct", suffix="%"), decimals_of_plan=True
    ),
    "month.change": Field(
        _month_said("month_change"), lambda m, ctx, p: m[1].change_pct, Column("", numeric=True, key="change", suffix="%"), decimals_of_plan=True
    ),
    "month.estimate": Field(_month_said("month_estimate"), lambda m, ctx, p: m[1].estimate, Column("", numeric=True, key="estimate")),
    "month.verdict": Field(said("assessment"), _month_verdict, Column("", key="assessment"), on_heading=True),
    "month.target_note": Field(said("note"), lambda m, ctx, p: m[0].row.target.note, Column("", key="target_note"), on_heading=True),
    # an annual plan's own table: thực hiện năm trước | kế hoạch năm | ước thực hiện | % kế hoạch | so cùng kỳ
    "annual.previous": Field(
        said("annual_previous", year=_base_year), lambda r, ctx, p: _year_reading(r, ctx, "previous"), Column("", numeric=True, key="baseline"),
        estimate=lambda r, ctx, p: _estimated(getattr(ctx.annual.get(r.id), "previous", None)),
    ),
    "annual.target": Field(said("annual_target", year=_plan_year), target_cell, Column("", numeric=True, key="target", as_written=True)),
    "annual.current": Field(
        said("annual_current", year=_plan_year), lambda r, ctx, p: _year_reading(r, ctx, "current"), Column("", numeric=True, key="latest"),
        estimate=lambda r, ctx, p: _estimated(getattr(ctx.annual.get(r.id), "current", None)),
    ),
    "annual.pct": Field(said("annual_pct"), lambda r, ctx, p: r.figures.attainment_pct, Column("", numeric=True, key="attainment", suffix="%"), decimals_of_plan=True),
    "annual.change": Field(
        said("month_change"), lambda r, ctx, p: getattr(ctx.annual.get(r.id), "change_pct", None),
        Column("", numeric=True, key="change", suffix="%"), decimals_of_plan=True,
    ),
    # another plan's row of the same indicator: (plan, result)
    "other.plan": Field(said("plan"), lambda o, ctx, p: o[0].name_en if ctx.lang is Lang.EN and o[0].name_en else o[0].name),
    "other.target": Field(said("target"), lambda o, ctx, p: _other_target(o, ctx), NUMERIC),
    "other.attainment": Field(said("attainment"), lambda o, ctx, p: o[1].figures.attainment_pct, PERCENT._replace(decimals=2)),
    "other.forecast_pct": Field(said("forecast_pct"), lambda o, ctx, p: o[1].figures.forecast.pct, PERCENT._replace(decimals=2)),
    "other.assessment": Field(said("assessment"), lambda o, ctx, p: _other_assessment(o, ctx)),
    # a verdict then and now (status --compare): a Change
    "change.no": Field(said("no"), lambda c, ctx, p: c.after.row.no, Column("", key="no")),
    "change.name": Field(said("name"), lambda c, ctx, p: name_of(c.after, ctx.lang), Column("", key="name")),
    "change.before": Field(
        said("compare_before", year=_param),
        lambda c, ctx, p: "-" if c.before is None else result_label(c.before, ctx.lang, ctx.precision),
    ),
    "change.after": Field(
        said("compare_after", year=lambda ctx, p: ctx.plan_result.as_of),
        lambda c, ctx, p: result_label(c.after, ctx.lang, ctx.precision),
        Column("", key="assessment"),
    ),
    "change.mark": Field(said("compare_change"), lambda c, ctx, p: CHANGE_WORDS[c.direction][ctx.lang.value] if c.changed else ""),
    # a published figure against the computed one: (result or None, finding)
    "finding.no": Field(said("no"), lambda f, ctx, p: f[0].row.no if f[0] else "", Column("", key="no")),
    "finding.name": Field(said("name"), lambda f, ctx, p: name_of(f[0], ctx.lang) if f[0] else "", Column("", key="name")),
    "finding.field": Field(said("field"), _finding_field),
    "finding.source": Field(
        said("source"), lambda f, ctx, p: SOURCE_NAMES[f[1].source][ctx.lang.value] if f[1].source in SOURCE_NAMES else f[1].source
    ),
    "finding.published": Field(said("published"), lambda f, ctx, p: f[1].published, NUMERIC),  # counts whole, percentages 2 decimals
    "finding.computed": Field(said("computed"), _computed, NUMERIC),
    "finding.note": Field(said("note"), lambda f, ctx, p: fill(NOTES[f[1].note], ctx.lang, f[1].detail, ctx.precision)),
    # counts per class (summary): (status, count, the plan's class or None), as `PlanResult.counts_apart`
    "count.status": Field(said("assessment"), lambda s, ctx, p: verdict_label(s[0], None, s[2], ctx.lang)),
    "count.n": Field(said("count"), lambda s, ctx, p: s[1], NUMERIC),
    # counts per group of indicators (summary): (group, {status: count}); a class by its index
    "group.name": Field(said("group"), lambda g, ctx, p: group_name(g[0], ctx.lang), Column("", wrap=True)),
    # a group's counts as the footer counts them: (group, [(status, n, class or None)]), the plan's classes apart
    "group.total": Field(said("count"), lambda g, ctx, p: sum(n for _s, n, _k in g[1]), NUMERIC),
    "group.count": Field(_count_header, lambda g, ctx, i: g[1][i][1], NUMERIC),
    "group.met": Field(said("met_column"), lambda g, ctx, p: sum(n for s, n, k in g[1] if k is None and s in MET), NUMERIC),
    # a problem in the data files (`kpi validate`): a Problem
    "problem.file": Field(said("problem_file"), lambda e, ctx, p: e.file),
    "problem.line": Field(said("problem_line"), lambda e, ctx, p: e.line or None),
    "problem.column": Field(said("problem_column"), lambda e, ctx, p: e.column or None),
    "problem.indicator": Field(said("problem_indicator"), lambda e, ctx, p: e.indicator or None),
    "problem.field": Field(said("problem_field"), lambda e, ctx, p: e.field or None),
    "problem.message": Field(said("problem_message"), lambda e, ctx, p: render(e.message, ctx.lang.value)),
    "problem.severity": Field(
        said("problem_severity"), lambda e, ctx, p: word("severity_warning" if e.warning else "severity_error", ctx.lang)
    ),
}


class Use(NamedTuple):
    """One column of a document: a field, its parameter (a year) and the document's layout of it
    (``Column`` options: where the terminal drops, wraps and caps it; a group header)."""

    key: str
    param: int = 0
    layout: dict[str, Any] = {}


def use(key: str, param: int = 0, **layout: Any) -> Use:
    return Use(key, param, layout)


def column(u: Use, ctx: Ctx) -> Column:
    field = FIELDS[u.key]
    made = field.column._replace(header=field.header(ctx, u.param))
    if field.decimals_of_plan:
        made = made._replace(decimals=ctx.precision)
    return made._replace(**u.layout) if u.layout else made


def table(
    title: str,
    uses: Iterable[Use | str],
    subjects: Iterable[Any],
    ctx: Ctx,
    row_of: Callable[[Any], Row] | None = None,
    optional: frozenset[str] = frozenset(),
    unwanted: frozenset[str] = frozenset(),
    **options: Any,
) -> Table:
    """A table of one row per subject, one column per field: the one way every table is built.

    ``row_of`` gives a subject's row attributes (depth, status, heading); a heading row shows
    only the fields shown on headings. ``optional``, ``unwanted``: the columns left out, as
    ``document.carrying`` says, each row made again without them as the one before is let go
    (``keep_columns`` of the whole table held the rows of 100.000 series twice: 50 MB, #27).
    Other options go to ``Table`` (footer, role, …)."""
    columns_used = [Use(u) if isinstance(u, str) else u for u in uses]
    fields = [FIELDS[u.key] for u in columns_used]
    if ctx.pr is not None and ctx.lang is Lang.EN and ctx.wholes is None:  # English names a share's whole (target_cell)
        ctx = ctx._replace(wholes=share_wholes(ctx.pr))
    # looked up once per table, not once per cell (a 10.000-row table has 170.000 cells)
    values = [(f.value, u.param) for f, u in zip(fields, columns_used)]
    on_heading = [(f.value if f.on_heading else None, u.param) for f, u in zip(fields, columns_used)]
    estimates = [(i, f.estimate, u.param) for i, (f, u) in enumerate(zip(fields, columns_used)) if f.estimate is not None]
    no_marks: frozenset[int] = frozenset()
    rows = []
    for subject in subjects:
        frame = row_of(subject) if row_of is not None else Row(())
        if frame.heading:
            cells = tuple(["" if value is None else value(subject, ctx, param) for value, param in on_heading])
            rows.append(Row(cells, frame.depth, frame.status, True, no_marks, frame.whole, frame.decimals))
            continue
        cells = tuple([value(subject, ctx, param) for value, param in values])
        marks = frozenset([i for i, estimate, param in estimates if estimate(subject, ctx, param)]) if estimates else no_marks
        rows.append(Row(cells, frame.depth, frame.status, False, marks, frame.whole, frame.decimals))  # HDI 0,745: its own precision
    columns = tuple(column(u, ctx) for u in columns_used)
    if optional or unwanted:
        kept = carrying(Table(title, columns, tuple(rows)), optional, unwanted)
        if len(kept) < len(columns):
            made = kept_row(kept)
            for n, row in enumerate(rows):
                rows[n] = made(row)
            columns = tuple(columns[i] for i in kept)
    return Table(title, columns, tuple(rows), **options)


def indicator_row(r: Result) -> Row:
    """An indicator's row: its depth, its class, a heading for a group."""
    return Row((), r.depth, r.status, heading=r.row.target.kind in GROUP_KINDS, whole=whole_unit(r), decimals=r.indicator.precision)


def result_row(r: Result) -> Row:
    """A row coloured by its indicator's class, not indented (the list of those at risk)."""
    return Row((), status=r.status)


def change_row(c: Change) -> Row:
    """A verdict then and now: the indicator's depth, coloured by today's class."""
    return Row((), c.after.depth, c.after.status)


def _other_target(o: tuple, ctx: Ctx) -> Phrase:
    """Another plan's target as written; a *share of* another's as the share it is, "38% Tổng sản
    phẩm trên địa bàn (GRDP)" ("38% of GRDP"), as `kpi show`'s target line says it, never a bare
    "38" (its indicator fourth, else its id)."""
    target = o[1].row.target
    phrase = target_phrase(target, ctx.lang, is_annual(o[0]))
    if target.kind is not Kind.SHARE_OF or worded(target, ctx.lang) or not phrase.text:
        return phrase
    whole = o[3] if len(o) > 3 else None
    return Phrase(share_text(target, phrase.text, ctx.lang, whole), share_text(target, phrase.machine, ctx.lang, whole))


def _other_assessment(o: tuple, ctx: Ctx) -> str:
    """Another plan's verdict; an annual plan of the same year within its year (its month's
    figures third): the month's, provisional — never a yearly verdict from the year's estimate
    beside this plan's month."""
    month = o[2] if len(o) > 2 else None
    if month is None:
        return result_label(o[1], ctx.lang, o[0].settings.precision)
    return provisional(month_label(month, ctx.lang), month, ctx.lang)


def other_row(other: tuple) -> Row:
    """Another plan's row of the indicator, coloured by its class there."""
    return Row((), status=other[1].status)


def count_row(count: tuple[Status, int]) -> Row:
    """A count per class, coloured by the class."""
    return Row((), status=count[0])
