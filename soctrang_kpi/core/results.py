"""What evaluating a plan produces: per indicator its figures, status and reason.

Plain immutable data, read by the audit (a second pass over it) and by every output format.
"""

import math
from datetime import date

from ..records import NamedTuple

from ..errors import NotComputable, UsageError
from ..messages import Text
from .classify import Status
from .model import Indicator, Plan, PlanRow, Point, VerdictClass
from .pace import Pace


class Forecast(NamedTuple):
    value: float | None = None
    pct: float | None = None
    source: str | None = None  # "actual", "plan", "rebased", "published", "trend"; None when none
    unbounded: float | None = None  # the value computed before it was held within the indicator's bounds


class RoadmapGap(NamedTuple):
    """The latest observed value against the roadmap's path for its year, when it falls behind."""

    year: int
    planned: float  # the roadmap's path at ``year``
    observed: float
    gap_pct: float  # (observed − planned) / |planned|, in percent; negative when below
    required_growth_pct: float | None  # the yearly growth now needed to reach the target


class Reason(NamedTuple):
    """Why an indicator got its status, as a code of ``labels.REASONS`` and the figure it cites."""

    code: str
    detail: object = ""


class Figures(NamedTuple):
    """What a kind's function computes; classification turns it into a status."""

    avg_growth_pct: float | None = None
    cagr_pct: float | None = None
    required_growth_pct: float | None = None
    attainment_pct: float | None = None  # the percentage of target so far (set by options.printed)
    progress_pct: float | None = None
    forecast: Forecast = Forecast()
    excess_pct: float | None = None  # the percentage that must pass 100 to be "exceeded"
    trend: float | None = None  # value at the target year if the current CAGR holds (held within the bounds)
    trend_unbounded: float | None = None  # the trend before it was held within the indicator's bounds (core/bounds.py)
    years_failed: tuple[int, ...] | None = None  # thresholds: the years that broke the rule
    years_checked: tuple[int, ...] = ()
    no_data: NotComputable | None = None  # why the assessment could not be made
    pace: Pace | None = None  # observed against required yearly growth (core/pace.py)
    roadmap_gap: RoadmapGap | None = None  # set only when the latest value is behind the roadmap
    baseline_fallback: bool = False  # the base year has no value: the earliest observed year stands in
    meets: bool | None = None  # whether the target is met, when a rule other than pct ≥ 100 decides
    rule: str = ""  # the reason code of that rule (labels.REASONS), e.g. "band_inside"
    total: float | None = None  # cumulative and total-reduction targets: the total so far
    measure: float | None = None  # what the percentage so far is of: the latest value, the average, the total


class Seen(NamedTuple):
    """What the outputs read of a row's window (``core/window.Window``) once its figures are
    computed: its baseline, its latest value, the values a reader is shown and, of a derived
    series, the values as recorded (``Result.window``)."""

    baseline: Point | None
    latest: Point | None
    shown: tuple[Point, ...] = ()
    recorded: tuple[Point, ...] = ()


class Result(NamedTuple):
    """One row's figures, status and reason.

    Memory (issue 27): what is read of the row's window is four fields of the result itself,
    and ``window`` makes the ``Seen`` of them when asked for: a result of 12 fields beside a
    Seen of its own took 144 + 80 bytes a row, one of 15 fields takes 176 (a record is a tuple
    of one slot more than its fields, in blocks of 16 bytes) — at 100.000 series, 4,8 MB of
    the peak of `kpi status --json`, which the evaluation's results make."""

    row: PlanRow
    indicator: Indicator
    depth: int  # 0 for a top-level row, 1 for its sub-rows
    # what is read of the part of its series the plan sees as of the year (``window``)
    baseline: Point | None
    latest: Point | None
    shown: tuple[Point, ...]
    recorded: tuple[Point, ...]
    figures: Figures
    status: Status
    excess: float | None  # X of "Vượt X%", at the plan's precision
    reason: Reason
    children: tuple[str, ...] = ()
    own_status: Status | None = None  # a row with a target and sub-rows: its own part of status
    rated: bool = True  # False for a row listed without a target: shown and counted, never rated
    klass: VerdictClass | None = None  # the plan's class between Đạt and Khó đạt it falls in, if any

    @property
    def id(self) -> str:
        return self.indicator.id

    @property
    def unrated(self) -> bool:
        """Listed without a target and with values: shown "Không đánh giá", and counted so
        (``counts_apart``), not "chưa có số liệu" (its status is still ``no_data``)."""
        return not self.rated and self.latest is not None

    @property
    def window(self) -> Seen:
        return Seen(self.baseline, self.latest, self.shown, self.recorded)


class PlanResult(NamedTuple):
    plan: Plan
    as_of: int
    results: tuple[Result, ...]
    summary: dict[Status, int]  # over top-level rows, as the province counts them
    known_on: date | None = None  # computed with the values recorded by that day (--as-known-on); None: all

    def class_counts(self) -> list[tuple[VerdictClass, int]]:
        """How many top-level rows fall in each of the plan's extra classes (counted apart from
        their status, as the report counts "xấp xỉ đạt 2 chỉ tiêu")."""
        return [(c, sum(r.klass == c for r in self.results if r.depth == 0)) for c in self.plan.settings.classes]

    def counts_apart(self) -> list[tuple[Status, int, VerdictClass | None]]:
        """The top-level rows counted the way the report counts them (``counts_apart``)."""
        return counts_apart([r for r in self.results if r.depth == 0], self.plan.settings.classes)

    def find(self, indicator_id: str) -> Result:
        for result in self.results:
            if result.id == indicator_id:
                return result
        raise UsageError(Text("plan.not_in_plan", indicator=repr(indicator_id), plan=repr(self.plan.id)))


#: the key ``counts_apart`` counts the rows listed without a target that have values under
#: (``Result.unrated``), after the rows with no data: they are shown "Không đánh giá", so the
#: footer counts them "không đánh giá", not "chưa có số liệu". Not a class of the plan's: its
#: words are the catalogue's (output/labels.class_name), and nothing is rated in it
NOT_RATED = VerdictClass("", "", math.inf)


def counts_apart(rows: list[Result], classes: tuple[VerdictClass, ...]) -> list[tuple[Status, int, VerdictClass | None]]:
    """Rows counted the way the report counts them: each status, with the rows in one of the
    plan's classes counted in their class instead ("2 vượt, 5 đạt, 2 xấp xỉ đạt, 4 khó đạt"),
    the classes after Đạt; a class carries the status of its rows' worst (Khó đạt, or Không đạt
    when all are); last, the rows not rated (``NOT_RATED``) apart from those with no data. The
    same entries, in the same order, whatever the rows."""
    counts: list[tuple[Status, int, VerdictClass | None]] = []
    for status in Status:
        if status is Status.AT_RISK:
            for klass in classes:
                members = [r for r in rows if r.klass == klass]
                worst = Status.MISSED if members and all(r.status is Status.MISSED for r in members) else Status.AT_RISK
                counts.append((worst, len(members), klass))
        counts.append((status, sum(r.status is status and r.klass is None and not r.unrated for r in rows), None))
    counts.append((Status.NO_DATA, sum(r.unrated for r in rows), NOT_RATED))
    return counts
