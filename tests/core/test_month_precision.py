"""Within the year, every comparison at the plan's precision, as the annual verdict's (README
"Classification", "Within the year"), and lũy kế exact to the recorded values' decimals."""

from decimal import Decimal

from hypothesis import given, strategies as st

from soctrang_kpi.core.classify import reaches
from soctrang_kpi.core.model import Direction, Indicator, Kind, Period, PeriodPoint, Point, Target
from soctrang_kpi.core.periods import Series, Verdict, figures
from soctrang_kpi.numbers import exact_sum

EXPORTS = Indicator("exports", "Kim ngạch xuất khẩu", unit="Tỷ USD")
QA_MONTHS = (0.2, 0.81, 1.16, 0.78, 0.3, 0.64, 0.29, 0.5, 0.08, 0.5, 0.35, 0.39)  # 6,00 in all; 5.999999999999999 summed as floats


def _months(year: int, values) -> tuple[PeriodPoint, ...]:
    return tuple(PeriodPoint(Period(year, m, m), v) for m, v in enumerate(values, 1))


def test_twelve_months_that_add_up_to_the_plan_meet_it_in_december():
    series = Series.of((Point(2025, 5.5),), _months(2026, QA_MONTHS))
    f = figures(EXPORTS, Target(Kind.LEVEL, value=6), series, Period(2026, 12, 12))
    assert f.to_date.value == 6.0  # exact to the months' two decimals
    assert f.verdict is Verdict.ACHIEVED and f.final


def test_a_lu_ke_shown_as_the_share_of_the_year_gone_is_on_course():
    """2.999,99 of 6.000 is 50,00 % of the plan, printed beside "50,00% thời gian của năm đã qua"."""
    series = Series.of((), (PeriodPoint(Period(2026, 1, 6, True), 2999.99),))
    f = figures(Indicator("exp", "Xuất khẩu", unit="Triệu USD"), Target(Kind.LEVEL, value=6000), series, Period(2026, 6, 6))
    assert f.verdict is Verdict.ON_COURSE
    shy = figures(Indicator("exp", "Xuất khẩu", unit="Triệu USD"), Target(Kind.LEVEL, value=6000),
                  Series.of((), (PeriodPoint(Period(2026, 1, 6, True), 2999.0),)), Period(2026, 6, 6))
    assert shy.verdict is Verdict.BEHIND  # 49,98 %: short, as printed


def test_a_finer_precision_sees_a_shortfall_a_coarser_one_rounds_away():
    series = Series.of((), (PeriodPoint(Period(2026, 1, 12, True), 5999.9),))
    target = Target(Kind.LEVEL, value=6000)
    assert figures(EXPORTS, target, series, Period(2026, 12, 12), precision=2).verdict is Verdict.ACHIEVED  # 100,00 %
    assert figures(EXPORTS, target, series, Period(2026, 12, 12), precision=3).verdict is Verdict.MISSED  # 99,998 %


def test_reaches_is_the_annual_rule():
    assert reaches(99.995, 2) and not reaches(99.994, 2)
    assert reaches(49.99983, 2, 50.0) and not reaches(49.99, 2, 50.0)
    assert reaches(50.004, 2, 50.0, Direction.AT_MOST) and not reaches(50.01, 2, 50.0, Direction.AT_MOST)


cents = st.integers(min_value=0, max_value=10**7).map(lambda n: n / 100)


@given(st.lists(cents, min_size=1, max_size=12))
def test_a_sum_of_months_is_exact_to_their_decimals(values):
    assert exact_sum(values) == float(sum(Decimal(repr(v)) for v in values))


@given(st.lists(cents, min_size=12, max_size=12))
def test_months_that_add_up_to_the_plan_at_its_precision_meet_it(values):
    plan = float(sum(Decimal(repr(v)) for v in values))
    if plan <= 0:
        return
    series = Series.of((), _months(2026, values))
    assert figures(EXPORTS, Target(Kind.LEVEL, value=plan), series, Period(2026, 12, 12)).verdict is Verdict.ACHIEVED


RANK = {Verdict.ACHIEVED: 0, Verdict.ON_COURSE: 0, Verdict.BEHIND: 1, Verdict.MISSED: 1}


@given(st.lists(cents, min_size=6, max_size=6), st.integers(0, 5), cents, st.integers(1, 10**6), st.sampled_from([6, 12]))
def test_a_worse_lu_ke_never_earns_a_better_verdict(values, at, cut, plan, month):
    """Lowering one month (a smaller lũy kế) never turns Chậm into Đúng tiến độ, nor Không đạt into Đạt."""
    values = values * 2
    worse = list(values)
    worse[at] = max(0.0, worse[at] - cut)
    target = Target(Kind.LEVEL, value=plan / 100)
    better = figures(EXPORTS, target, Series.of((), _months(2026, values)), Period(2026, month, month))
    lower = figures(EXPORTS, target, Series.of((), _months(2026, worse)), Period(2026, month, month))
    assert RANK[lower.verdict] >= RANK[better.verdict]
