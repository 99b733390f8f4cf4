"""The plain data the engine works on: plans, indicators, targets and yearly series.

Everything here is an immutable record (``typing.NamedTuple``) or an enum; loading, maths and
rendering live elsewhere. Records are NamedTuples rather than frozen dataclasses because creating
the class costs about a fifth as much, and class creation is start-up time on every run. The
modules that define records do not use ``from __future__ import annotations``: with string
annotations ``typing.NamedTuple`` compiles a ForwardRef for every field (10 M instructions of a
``kpi show --json`` run, measured with valgrind).
"""

from datetime import date as Date
from typing import TYPE_CHECKING

from ..records import NamedTuple
from enum import Enum

if TYPE_CHECKING:
    from .kinds import Kind as Kind  # defined with the table of kinds; see __getattr__ below


class WithinYear(str, Enum):
    """What an indicator's values mean within a year (README "Within the year")."""

    FLOW = "flow"  # exports, revenue, retail sales: months add up to quarters and the year
    LEVEL = "level"  # a stock or a share: the value at the period's end
    RATE = "rate"  # GRDP growth, a price index: each period against the same period last year


class Direction(str, Enum):
    AT_LEAST = "at_least"  # more is better
    AT_MOST = "at_most"  # less is better


class PointStatus(str, Enum):
    ACTUAL = "actual"  # chính thức
    PRELIMINARY = "preliminary"  # sơ bộ: between the estimate and the final figure
    ESTIMATE = "estimate"  # ước tính
    PLAN = "plan"  # a roadmap year, not yet observed


OBSERVED = frozenset({PointStatus.ACTUAL, PointStatus.PRELIMINARY, PointStatus.ESTIMATE})


def begun(year: int, month: int, today: Date | None) -> bool:
    """Whether the month ``year``-``month`` has begun by ``today`` (None: every month has): a value
    of a period whose first month has not makes no default year or month (README, ``--as-of``)."""
    return today is None or (year, month) <= (today.year, today.month)


class RangeBasis(str, Enum):
    """Which bound of a range "30.000–30.500" a percentage of target is computed against."""

    LOWER = "lower"  # 30.000: the floor (the default)
    UPPER = "upper"  # 30.500: as offices print "đạt 65,9% kế hoạch"; reaching the floor is Đạt


class Drop(str, Enum):
    """How a reduction target measures a yearly drop of a rate (4,12 % → 2,23 %)."""

    POINTS = "points"  # percentage points: previous − current ("giảm 1,5 điểm %")
    PERCENT = "percent"  # percent of the previous level: (previous − current) / previous


class Basis(str, Enum):
    """What a growth target's yearly values are."""

    RATE = "rate"  # the growth rates themselves ("tốc độ tăng GRDP 8,3 %")
    LEVEL = "level"  # levels ("thu ngân sách 57 nghìn tỷ"): each year's rate is against the year before


class ForecastMethod(str, Enum):
    """How the value at the target year is forecast (README "Forecast")."""

    ROADMAP = "roadmap"  # the roadmap's target-year value as planned
    REBASED = "rebased"  # the roadmap's planned growth, started from the latest observed value
    TREND = "trend"  # the latest value carried on at its own growth since the base year


class VerdictClass(NamedTuple):
    """A class a plan's report names between Đạt and Khó đạt ("xấp xỉ đạt", "cơ bản đạt"): a target
    that falls short with a forecast of at least ``at_least`` percent is counted and printed in it."""

    name: str  # as the report prints it: "Xấp xỉ đạt"
    name_en: str = ""
    at_least: float = 95.0  # the forecast percentage from which it applies (below 100)


class Settings(NamedTuple):
    """Classification settings of a plan (README "Classification")."""

    precision: int = 2  # decimals at which percentages are compared, as the report prints them
    exceed_margin: float = 0.0  # percentage points above 100 before a result counts as exceeded
    audit_tolerance: float = 0.1  # largest difference between a published and a computed figure
    forecast: ForecastMethod = ForecastMethod.REBASED
    # the last observed year the roadmap was drawn from; None: the year before its first year
    roadmap_from: int | None = None
    range_basis: RangeBasis = RangeBasis.LOWER  # the bound a range's percentage is computed against
    approximate_tolerance: float = 1.0  # "khoảng 74,5": within ± this many points of 100 % is Đạt
    # what the exports print (README "Reports to hand in"); `kpi export` options override them
    appendix: str = ""  # the appendix's own line: "Phụ lục I" (Nghị định 30/2020, Phụ lục I)
    attached_to: str = ""  # the document it goes with: "Báo cáo số 405-BC/TU ngày 14/9/2023 của Tỉnh ủy"
    pace: bool = True  # the exports' pace column ("Tiến độ"); false leaves it out
    classes: tuple[VerdictClass, ...] = ()  # classes between Đạt and Khó đạt, highest first


class Target(NamedTuple):
    kind: "Kind"
    direction: Direction = Direction.AT_LEAST
    value: float | None = None  # the target, or the lower bound of a range
    upper: float | None = None  # the upper bound of a range ("2–3"), else None
    strict: bool = False  # "Trên 80" means strictly above 80 (thresholds and levels)
    approximate: bool = False  # "khoảng", "xấp xỉ": within the plan's approximate_tolerance is Đạt
    drop: Drop = Drop.POINTS  # reduction targets: a yearly drop in points or in percent
    average: bool = True  # reduction targets: the drop per year ("bình quân"), else over the term
    printed: str = ""  # the target as the resolution prints it ("Dưới 16 %", "100 % kế hoạch"); "" when not given
    note: str = ""  # the office's note on the row ("Ghi chú", "Nguồn"), kept as written
    basis: Basis = Basis.RATE  # growth targets: the values are rates, or levels to take rates of
    of: str | None = None  # share_of targets: the indicator the values are a share of ("% GRDP")
    printed_en: str = ""  # the office's English wording of the target ("At least VND 717 trillion"); "" when not given


class Rule(str, Enum):
    """How an indicator's value for an area is made from its parts' values (README "Territory");
    the formulas are core/aggregate.py's."""

    SUM = "sum"  # flows and counts: the parts' values added up
    MEAN_WEIGHTED_BY = "mean_weighted_by"  # a share or a rate: the mean weighted by a named series
    RATIO = "ratio"  # per-capita: Σ numerator ÷ Σ denominator × scale
    GROWTH_OF = "growth_of"  # the growth of the summed levels of a named indicator (chain-linked)
    COUNT = "count"  # how many parts' values of a named indicator meet a threshold ("320/411 xã")
    NONE = "none"  # not aggregable: refused with a message rather than guessed


class Aggregate(NamedTuple):
    """An indicator's aggregation rule: ``aggregate: sum``, ``{mean_weighted_by: population}``,
    ``{ratio: [grdp-current, population], scale: 1000}``, ``{growth_of: grdp}``,
    ``{count: ntm-criteria, at_least: 19}``."""

    rule: Rule
    of: tuple[str, ...] = ()  # the indicators the rule reads: weight, numerator and denominator, level, counted
    scale: float = 1.0  # ratio: the factor of the quotient (tỷ đồng ÷ người × 1000 = triệu đồng)
    at_least: float | None = None  # count: a part counts when its value is at least this
    at_most: float | None = None  # count: ... or at most this


class Indicator(NamedTuple):
    id: str
    name: str
    name_en: str = ""
    unit: str = ""
    unit_en: str = ""
    parent: str | None = None
    group: str | None = None  # economy, society, environment, defence, party, or the plan's own label
    # decimals its values are written and shown with (HDI 0,745: 3); 3 or more also lets a value
    # such as 1.125 be read as a decimal rather than refused as Vietnamese thousands
    precision: int | None = None
    # what its values can be, [low, high] (either may be None); default: by its unit (core/bounds.py)
    bounds: tuple[float | None, float | None] | None = None
    # what its values mean within a year, when its unit and kind do not say (core/periods.py)
    within_year: WithinYear | None = None
    # how its value for an area is made from its parts' (README "Territory"); None: not aggregable
    aggregate: Aggregate | None = None
    # what an office's indicator list says of it (README "Indicator metadata"), "" when not given
    code: str = ""  # its code in the list ("0501", "T01"), always text
    definition: str = ""  # khái niệm, phương pháp tính
    agency: str = ""  # the agency responsible for collecting it ("Cục Thống kê")
    reporting: tuple[str, ...] = ()  # how often it is reported: month, quarter, half_year, year
    breakdown: str = ""  # phân tổ chủ yếu ("huyện; giới tính")


class PlanRow(NamedTuple):
    """One row of a plan's table: which indicator, its printed number and its target."""

    indicator: str
    no: str
    target: Target
    # the target's value for each area that has its own (README "Territory"): (area id, value)
    areas: tuple[tuple[str, float], ...] = ()


class PublishedSummary(NamedTuple):
    """Counts a plan's report published, e.g. "24 chỉ tiêu: 7 vượt, 11 đạt, 6 chưa đạt"."""

    total: int
    exceeded: int | None = None
    achieved: int | None = None
    not_achieved: int | None = None
    achieved_or_exceeded: int | None = None  # "11/18 chỉ tiêu đạt và vượt"
    groups: "dict[str, PublishedSummary]" = {}  # the same counts per group of indicators


class Plan(NamedTuple):
    id: str
    name: str
    base_year: int
    target_year: int
    rows: tuple[PlanRow, ...]
    name_en: str = ""
    settings: Settings = Settings()
    published_summary: PublishedSummary | None = None
    area: str | None = None  # the area the plan is for (a former province's own term); None: the territory

    def covers(self, year: int) -> bool:
        """Whether ``year`` lies in the plan's period, base year to target year."""
        return self.base_year <= year <= self.target_year


def annual_years(base: int, target: int) -> bool:
    """A plan of these years is an annual plan: one year (base 2025, target 2026), its target year
    the year it plans (a plan's ``is_annual``; a new one's, as `kpi init` and `kpi import` make it)."""
    return target - base == 1


def is_annual(plan: Plan) -> bool:
    """A one-year plan (base 2025, target 2026): its target year is the year it plans."""
    return annual_years(plan.base_year, plan.target_year)


class Point(NamedTuple):
    year: int
    value: float
    status: PointStatus = PointStatus.ACTUAL
    note: str = ""  # where the value comes from ("Cục Thống kê, 12/2023"), as actuals.yaml notes it
    source: str = ""  # who gave it, on which document ("Sở Tài chính, CV 123/STC"): `kpi record --source`
    recorded: Date | None = None  # the day it was recorded; None when the file does not say


class Period(NamedTuple):
    """A part of a year a value belongs to: months ``first``..``last`` of ``year``.

    A month is ``2026-06`` (6..6), a quarter ``2026-Q2`` (4..6), a lũy kế from January ``ytd``
    (1..6); the whole year is 1..12 and lives in ``Point``."""

    year: int
    first: int
    last: int
    ytd: bool = False  # "lũy kế": January to ``last``, recorded as such

    @property
    def quarter(self) -> bool:
        return not self.ytd and self.first % 3 == 1 and self.last == self.first + 2

    @property
    def key(self) -> str:
        """As actuals.yaml writes it: 2026-06, 2026-Q2 (a lũy kế's month under ``ytd:``)."""
        if self.quarter:
            return f"{self.year}-Q{self.last // 3}"
        return f"{self.year}-{self.last:02d}"


class PeriodPoint(NamedTuple):
    period: Period
    value: float
    status: PointStatus = PointStatus.ACTUAL
    note: str = ""
    source: str = ""
    recorded: Date | None = None


class Version(NamedTuple):
    """A value a later one replaced, kept with what it was (README "History of a value")."""

    value: float
    status: PointStatus
    recorded: Date | None = None  # None: the file does not say when (known on any day)
    source: str = ""
    note: str = ""


#: the fields a published record may carry, and what each is compared with
PUBLISHED_FIELDS = ("avg_growth", "midterm_pct", "forecast", "forecast_pct", "assessment")


class Published(NamedTuple):
    """What a report printed for one indicator: used only by the audit, never as input."""

    source: str  # "table" (the appendix) or "text" (the report's body)
    avg_growth: float | None = None
    midterm_pct: float | None = None
    forecast: float | None = None
    forecast_pct: float | None = None
    assessment: str | None = None  # as printed: "Vượt 15,51%", "Đạt", "Khó đạt"
    as_of: int | None = None  # the year the report's figures were computed as of (its audit year)
    date: Date | None = None  # the report's date: its audit uses the values recorded by then


class MonthPublished(NamedTuple):
    """What an office's monthly report printed for one indicator as of a month or quarter (the
    derived percentages of its table): used only by the audit, never as input."""

    period: Period  # the month (or quarter) the report runs to
    plan_pct: float | None = None  # "So với KH năm (%)"
    change_pct: float | None = None  # "So cùng kỳ (%)"
    estimate: float | None = None  # "Ước cả năm"


class Area(NamedTuple):
    """A territorial unit (đơn vị hành chính): the plan's province, a former province merged into
    it, a commune or ward under it (README "Territory"). Never an indicator's unit (đơn vị tính)."""

    id: str
    name: str
    name_en: str = ""
    parent: str | None = None  # the area it lies in (a commune's province)
    merged_into: str | None = None  # the area it became part of (a former province)
    merged_on: str = ""  # the day it merged, as written: 2025-07-01
    # how many areas it is divided into (``parts: 103``): a value is made from the areas under it
    # (``parent``) only when that many are listed; None: the list is not known to be whole
    parts: int | None = None


class Dataset(NamedTuple):
    indicators: dict[str, Indicator]
    plans: dict[str, Plan]
    series: dict[str, tuple[Point, ...]] = {}  # sorted by year
    # published[indicator][plan] -> records from each source
    published: dict[str, dict[str, tuple[Published, ...]]] = {}
    # values of months, quarters and lũy kế within a year, per indicator (README "Within the year")
    periods: dict[str, tuple[PeriodPoint, ...]] = {}
    # what monthly reports published: published_months[indicator][plan] -> records by period
    published_months: dict[str, dict[str, tuple[MonthPublished, ...]]] = {}
    # the territory (README "Territory"): its areas by id, and each area's yearly series
    areas: dict[str, Area] = {}
    by_area: dict[str, dict[str, tuple[Point, ...]]] = {}

    # the values later ones replaced, oldest first, per indicator and year (or Period)
    history: "dict[str, dict[int | Period, tuple[Version, ...]]]" = {}
    known_on: Date | None = None  # the day whose recorded values these are (core/history.py); None: all
    # each area's replaced values, as ``history`` is the territory's: area -> indicator -> year
    area_history: "dict[str, dict[str, dict[int | Period, tuple[Version, ...]]]]" = {}
    # the day the files were checked on: a value of a period not begun by it (``begun``, the
    # loader warns about it) makes no default year or month (README, `--as-of`); None: every value does
    today: Date | None = None


def __getattr__(name: str) -> object:
    """``model.Kind``: the kinds of target are defined with their table in core/kinds.py (one file
    to add a kind to), and offered here beside the records that name them."""
    if name == "Kind":
        from .kinds import Kind

        return Kind
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
