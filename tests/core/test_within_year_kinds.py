"""Within the year, each kind is judged on what its target measures (README "Within the year"):
a share of another indicator on the share of the period — never the part's own amount against a
percentage, and no verdict when the share of the period cannot be made —, a progress target on the
share of the way from last December to the plan, whichever side the plan lies on; and the pace and
the growth needed of an at-most range look at its upper bound, the side that meets it (README "Pace")."""

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from soctrang_kpi.core.classify import Status
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.core.model import Direction, Indicator, Kind, Period, PeriodPoint, Point, PointStatus, Target, WithinYear
from soctrang_kpi.core.pace import Band
from soctrang_kpi.core.periods import Series, Verdict, Whole, figures

from .test_kinds import dataset_of

JUNE = Period(2026, 6, 6)
INVESTMENT = Indicator("investment", "Vốn đầu tư", unit="Nghìn tỷ đồng")
GRDP = Indicator("grdp", "GRDP", unit="Nghìn tỷ đồng")
SHARE = Target(Kind.SHARE_OF, value=40, of="grdp")


def _months(year: int, values: list[float], ytd: bool = False) -> tuple[PeriodPoint, ...]:
    return tuple(PeriodPoint(Period(year, 1 if ytd else m, m, ytd), v) for m, v in enumerate(values, 1))


def _series(years: dict[int, float], periods: tuple[PeriodPoint, ...] = ()) -> Series:
    return Series.of(tuple(Point(y, v) for y, v in sorted(years.items())), periods)


# the part: investment 280 of GRDP 700 in 2025 (40 %), six months of 2026 adding up to 290 — which
# the old rule read as a level of 290 against "40": 725 %, on course
PART = _series({2025: 280}, _months(2026, [40, 45, 50, 50, 50, 55]))


@pytest.mark.parametrize(
    "whole, to_date, plan_pct, verdict",
    [
        # GRDP's two quarters of 2026 make 725 by June: the share is 290 / 725 = 40 %, on course
        (Whole(GRDP, _series({2025: 700}, (PeriodPoint(Period(2026, 1, 3), 350), PeriodPoint(Period(2026, 4, 6), 375)))), 40.0, 100.0, Verdict.ON_COURSE),
        # a lũy kế of GRDP to June recorded: 290 / 800 = 36,25 %, behind the path from last year's 40 %
        (Whole(GRDP, _series({2025: 700}, (PeriodPoint(Period(2026, 1, 6, True), 800),))), 36.25, 90.625, Verdict.BEHIND),
        # GRDP has only the first quarter: no share of six months, no verdict (never 725 %)
        (Whole(GRDP, _series({2025: 700}, (PeriodPoint(Period(2026, 1, 3), 350),))), None, None, Verdict.NO_DATA),
        # GRDP has no value within the year at all
        (Whole(GRDP, _series({2025: 700})), None, None, Verdict.NO_DATA),
        # a whole whose months are levels (a "%"), the part's a flow: no share of a period
        (Whole(GRDP._replace(unit="%"), _series({2025: 700}, _months(2026, [100] * 6))), None, None, Verdict.NO_DATA),
        # a whole whose meaning within the year nothing says
        (Whole(GRDP._replace(unit="triệu đồng/người"), _series({2025: 700}, _months(2026, [100] * 6))), None, None, Verdict.NO_DATA),
        # no whole given
        (None, None, None, Verdict.NO_DATA),
    ],
    ids=["quarters", "whole-ytd", "whole-short", "whole-none-in-year", "flow-over-level", "whole-unknown", "no-whole"],
)
def test_a_share_is_judged_on_the_share_of_the_period_or_not_at_all(whole, to_date, plan_pct, verdict):
    f = figures(INVESTMENT, SHARE, PART, JUNE, whole=whole)
    assert f.plan == 40
    assert (None if f.to_date is None else f.to_date.value) == pytest.approx(to_date)
    assert f.plan_pct == pytest.approx(plan_pct)
    assert f.verdict is verdict
    assert f.reason == ("share_not_known" if to_date is None else "")


def test_a_share_in_december_is_the_year_s_share_against_the_plan():
    whole = Whole(GRDP, _series({2025: 700, 2026: 760}))
    part = _series({2025: 280, 2026: 300}, _months(2026, [25] * 12))
    f = figures(INVESTMENT, SHARE, part, Period(2026, 12, 12), whole=whole)
    assert f.to_date is not None and f.to_date.value == pytest.approx(300 / 760 * 100)
    assert f.verdict is Verdict.MISSED and f.final  # 39,47 % < 40 %


def test_a_share_s_estimate_is_the_share_of_both_entered_estimates():
    whole = Whole(GRDP, Series.of((Point(2025, 700), Point(2026, 720, PointStatus.ESTIMATE)), ()))
    part = Series.of((Point(2025, 280), Point(2026, 300, PointStatus.ESTIMATE)), _months(2026, [25] * 6))
    f = figures(INVESTMENT, SHARE, part, JUNE, whole=whole)
    assert f.estimate == pytest.approx(300 / 720 * 100) and f.verdict is Verdict.ON_COURSE  # 41,67 % ≥ 40 %


def test_the_monthly_report_of_a_share_is_made_with_its_whole():
    from soctrang_kpi.core.periods import plan_report

    dataset = dataset_of(
        '      - {indicator: x, number: "1", kind: share_of, of: y, value: 40}',
        "  x:\n    actual: {2025: 280, 2026-Q1: 130, 2026-Q2: 160}\n  y:\n    actual: {2025: 700, 2026-Q1: 350, 2026-Q2: 375}\n",
        indicator_extra=", unit: Tỷ đồng", years=(2025, 2026),
    )
    dataset = dataset._replace(indicators={**dataset.indicators, "y": dataset.indicators["y"]._replace(unit="Tỷ đồng")})
    f = plan_report(dataset, dataset.plans["p"], JUNE)["x"]
    assert f.to_date is not None and f.to_date.value == pytest.approx(40.0) and f.verdict is Verdict.ON_COURSE


# --- progress: the share of the way from last December to the plan --------------------------------

MEMBERS = Indicator("members", "Đảng viên", unit="đảng viên")


@pytest.mark.parametrize("direction", [Direction.AT_LEAST, Direction.AT_MOST])
@pytest.mark.parametrize(
    "start, plan, value, month, pct, verdict",
    [
        (52000, 53400, 52500, 6, 35.71, Verdict.BEHIND),  # 35,71 % of the way beside 50 % of the year
        (52000, 53400, 52800, 6, 57.14, Verdict.ON_COURSE),
        (52000, 53400, 51900, 6, -7.14, Verdict.BEHIND),  # went the other way
        (52000, 50600, 51200, 6, 57.14, Verdict.ON_COURSE),  # a plan below last December: down is the way
        (52000, 50600, 52500, 6, -35.71, Verdict.BEHIND),  # up is away from it, whatever `direction` says
        (52000, 53400, 53400, 12, 100.0, Verdict.ACHIEVED),
        (52000, 50600, 50700, 12, 92.86, Verdict.MISSED),
    ],
)
def test_progress_is_judged_on_the_way_to_the_plan_in_either_direction(direction, start, plan, value, month, pct, verdict):
    target = Target(Kind.PROGRESS, direction, value=plan)
    years = {2025: start} | ({2026: value} if month == 12 else {})
    series = _series(years, (PeriodPoint(Period(2025, 12, 12), start), PeriodPoint(Period(2026, month, month), value)))
    f = figures(MEMBERS, target, series, Period(2026, month, month))
    assert round(f.plan_pct, 2) == pct
    assert f.verdict is verdict


def test_progress_without_last_december_says_so():
    f = figures(MEMBERS, Target(Kind.PROGRESS, value=53400), _series({}, (PeriodPoint(JUNE, 52500),)), JUNE)
    assert f.verdict is Verdict.NO_DATA and f.reason == "no_last_december" and f.plan_pct is None


# --- an at-most range: the pace and the growth needed look at its upper bound -----------------------


@pytest.mark.parametrize(
    "kind, series, band, required",
    [
        # poverty 2,6 → 1,9 against "1,5–2 %" at most: met (≤ 2), on track, no growth needed beyond 2
        ("level", "{2020: 2.6, 2023: 1.9}", Band.ON_TRACK, (2 / 1.9) ** (1 / 2) * 100 - 100),
        # 2,6 → 2,3: the way to 2, not to 1,5: (2,3/2,6)^(1/3) − 1 over (2/2,6)^(1/5) − 1 is 0,78, not 0,39 against 1,5
        ("level", "{2020: 2.6, 2023: 2.3}", Band.ACCELERATE, (2 / 2.3) ** (1 / 2) * 100 - 100),
        # a CPI "3,5–4 %" a year on average at most: 3,8 meets it
        ("average", "{2021: 3.8, 2022: 3.8}", Band.ON_TRACK, None),
    ],
)
def test_an_at_most_range_is_paced_against_its_upper_bound(kind, series, band, required):
    dataset = dataset_of(
        f'      - {{indicator: x, number: "1", kind: {kind}, direction: at_most, range: [1.5, 2]}}'.replace("[1.5, 2]", "[3.5, 4]" if kind == "average" else "[1.5, 2]"),
        f"  x:\n    actual: {series}\n", indicator_extra=', unit: "%"',
    )
    r = evaluate(dataset, "p").find("x")
    assert r.figures.pace is not None and r.figures.pace.band is band
    if required is not None:
        assert r.figures.required_growth_pct == pytest.approx(required)
    if kind == "level":  # the way from the baseline to the bound it keeps, as the pace: 2,6 → 1,9 is 116,67 % of the way to 2
        assert r.figures.progress_pct == pytest.approx((r.latest.value - 2.6) / (2 - 2.6) * 100)
    assert r.status is not Status.NO_DATA


@pytest.mark.parametrize("direction, bound", [("at_least", 80), ("at_most", 90)])
def test_a_range_s_progress_from_the_baseline_is_to_the_bound_that_meets_it(direction, bound):
    """More is better: the way to the lower bound; less is better: to the upper one (README
    "How every figure is computed", progress from baseline)."""
    dataset = dataset_of(
        f'      - {{indicator: x, number: "1", kind: level, direction: {direction}, range: [80, 90]}}',
        "  x:\n    actual: {2020: 70, 2023: 76}\n" if direction == "at_least" else "  x:\n    actual: {2020: 100, 2023: 96}\n",
        indicator_extra=', unit: "%"',
    )
    r = evaluate(dataset, "p").find("x")
    base, latest = (70, 76) if direction == "at_least" else (100, 96)
    assert r.figures.progress_pct == pytest.approx((latest - base) / (bound - base) * 100)  # 60 % of the way; 40 %


# the bands best first: a worse value never earns an earlier one
BAND_ORDER = [Band.ON_TRACK, Band.ACCELERATE, Band.TOO_SLOW, Band.BACKWARDS]


def _paced(kind: str, direction: str, low: float, high: float, values: str):
    dataset = dataset_of(
        f'      - {{indicator: x, number: "1", kind: {kind}, direction: {direction}, range: [{low}, {high}]}}',
        f"  x:\n    actual: {values}\n", indicator_extra=', unit: "%"',
    )
    return evaluate(dataset, "p", 2023).find("x")



tenths = st.integers(min_value=1, max_value=500).map(lambda n: n / 10)


@pytest.mark.parametrize("kind", ["level", "average"])
@pytest.mark.parametrize("direction", ["at_least", "at_most"])
@hsettings(max_examples=40, deadline=None)
@given(low=tenths, width=tenths, base=tenths, values=st.lists(tenths, min_size=2, max_size=2, unique=True))
def test_a_range_s_pace_meets_it_where_its_verdict_does_and_keeps_the_order_of_values(kind, direction, low, width, base, values):
    """Either direction, a level or an average: a value that meets the range (at its near bound,
    as the verdict meets it) is on track, and the worse of two values never gets the better band."""
    high = round(low + width, 1)
    better, worse = sorted(values, reverse=direction == "at_least")
    paces = []
    for value in (better, worse):
        series = f"{{2020: {base}, 2023: {value}}}" if kind == "level" else f"{{2021: {value}, 2022: {value}, 2023: {value}}}"
        r = _paced(kind, direction, low, high, series)
        if r.figures.pace is None:
            return
        near = low if direction == "at_least" else high
        if (value >= near) if direction == "at_least" else (value <= near):
            assert r.figures.pace.band is Band.ON_TRACK and r.figures.pace.basis == "target_met", (value, low, high)
        paces.append(BAND_ORDER.index(r.figures.pace.band))
    assert paces[1] >= paces[0], (better, worse, low, high, base)
