"""The plain data the engine works on: plans, indicators, targets and yearly series.

Everything here is an immutable record (``typing.NamedTuple``) or an enum; loading, maths and
rendering live elsewhere. Records are NamedTuples rather than frozen dataclasses because creating
the class costs about a fifth as much, and class creation is start-up time on every run. The
modules that define records do not use ``from __future__ import annotations``: with string
annotations ``typing.NamedTuple`` compiles a ForwardRef for every field (10 M instructions of a
``kpi show --json`` run, measured with valgrind).
"""

from datetime import date as Date
from typing import NamedTuple
from enum import Enum


class Kind(str, Enum):
    """What a target measures, by its name in targets.yaml; what each kind means and how it is
    computed is its entry in ``core/kinds.py`` (a test checks every member has one)."""

    # README "Architecture": a new kind is a member here and an entry in kinds.KINDS"""

    LEVEL = "level"  # the value itself must reach the target by the target year
    GROWTH = "growth"  # yearly values are growth rates; target = their chain (geometric) average
    AVERAGE = "average"  # yearly values averaged arithmetically over the term
    THRESHOLD = "threshold"  # must hold every year of the term
    PROGRESS = "progress"  # share of the way from the baseline to the target
    COMPOSITION = "composition"  # a group of shares that sum to 100
    GROUP = "group"  # a heading over sub-indicators, rated by its components
    CUMULATIVE = "cumulative"  # the sum of the yearly values over the term ("tổng 5 năm", "lũy kế")
    BAND = "band"  # two-sided: inside [low, high] is achieved, outside either side falls short
    REDUCTION = "reduction"  # yearly values are the level of a rate; the target is its yearly drop
    SHARE_OF = "share_of"  # the ratio of two series each year, in percent ("40 % GRDP")
    RANK = "rank"  # a place in a ranking: in or out of the top N ("nhóm 15 địa phương dẫn đầu")



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
    kind: Kind
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

    def covers(self, year: int) -> bool:
        """Whether ``year`` lies in the plan's period, base year to target year."""
        return self.base_year <= year <= self.target_year


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


class Dataset(NamedTuple):
    indicators: dict[str, Indicator]
    plans: dict[str, Plan]
    series: dict[str, tuple[Point, ...]] = {}  # sorted by year
    # published[indicator][plan] -> records from each source
    published: dict[str, dict[str, tuple[Published, ...]]] = {}
    # values of months, quarters and lũy kế within a year, per indicator (README "Within the year")
    periods: dict[str, tuple[PeriodPoint, ...]] = {}
    # the values later ones replaced, oldest first, per indicator and year (or Period)
    history: "dict[str, dict[int | Period, tuple[Version, ...]]]" = {}
    known_on: Date | None = None  # the day whose recorded values these are (core/history.py); None: all
