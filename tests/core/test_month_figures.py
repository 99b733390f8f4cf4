"""The figures an office writes within the year, each quoted report reproduced to its printed
digit from the plan and last year's figure it rests on (README "Within the year")."""

import pytest
from hypothesis import given, strategies as st

from soctrang_kpi.core.calc import round_half_up
from soctrang_kpi.core.model import Basis, Direction, Indicator, Kind, Period, PeriodPoint, Point, PointStatus as S, RangeBasis, Target
from soctrang_kpi.core.periods import EstimateSource, Series, Verdict, figures


def two(x: float | None) -> float | None:
    return None if x is None else round_half_up(x, 2)


EXPORTS = Indicator("exports", "Kim ngạch xuất khẩu", unit="Triệu USD")
RETAIL = Indicator("retail", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", unit="Tỷ đồng")
GRDP = Indicator("grdp-growth", "Tốc độ tăng trưởng GRDP", unit="%")


def test_gia_lai_exports_six_months_2024():
    """«kim ngạch xuất khẩu của tỉnh ước đạt 525 triệu USD, đạt 70 % so kế hoạch, tăng 16,98 % so
    với cùng kỳ» (Gia Lai, 6 tháng 2024). Not printed there, derived from the printed
    percentages: the year's plan 750 triệu USD (525 / 70 %) and 6 months of 2023, 448,8 triệu USD
    (525 / 1,1698, to the printed precision of one decimal)."""
    series = Series((), (PeriodPoint(Period(2023, 1, 6, True), 448.8), PeriodPoint(Period(2024, 1, 6, True), 525, S.ESTIMATE)))
    f = figures(EXPORTS, Target(Kind.LEVEL, value=750), series, Period(2024, 6, 6))
    assert f.to_date == (525, S.ESTIMATE)
    assert two(f.plan_pct) == 70.00  # "đạt 70 % so kế hoạch"
    assert two(f.change_pct) == 16.98  # "tăng 16,98 % so với cùng kỳ"
    assert f.elapsed_pct == 50.0
    assert f.final is False and f.verdict is Verdict.ON_COURSE  # 70 % of the plan at half the year


def test_soc_trang_retail_two_months_2024():
    """«tính chung 2 tháng đầu năm 2024, tổng mức bán lẻ … ước 16.275 tỷ đồng …, đạt 18,08 % kế
    hoạch» (Sóc Trăng). The plan is not printed there: derived from the printed percentage,
    90.000 tỷ đồng (16.275 / 18,08 % = 90.016, the round figure a plan states; 16.275 / 90.000 is
    18,083 %)."""
    series = Series((), (PeriodPoint(Period(2024, 1, 2, True), 16275, S.ESTIMATE),))
    f = figures(RETAIL, Target(Kind.LEVEL, value=90000), series, Period(2024, 2, 2))
    assert two(f.plan_pct) == 18.08
    assert two(f.elapsed_pct) == 16.67
    assert f.change_pct is None and f.estimate is None  # no figure of last year: none invented
    assert f.verdict is Verdict.ON_COURSE  # 18,08 % of the plan with 16,67 % of the year gone


def test_nghe_an_nine_months_ytd_change():
    """«lũy kế 9 tháng ước tăng 10,64 %» (Nghệ An). Neither figure is printed beside it: derived
    from the printed percentage, 9 months of last year 100.000 and of this year 110.640."""
    series = Series((), (PeriodPoint(Period(2023, 1, 9, True), 100000), PeriodPoint(Period(2024, 1, 9, True), 110640, S.ESTIMATE)))
    f = figures(RETAIL, Target(Kind.LEVEL, value=150000), series, Period(2024, 9, 9))
    assert two(f.change_pct) == 10.64
    assert f.same_period == 100000


def test_thua_thien_hue_grdp_six_months_2018():
    """«GRDP 6 tháng đầu năm 2018 chỉ tăng 6,12 %, chưa đạt kế hoạch đề ra (7,5–8 %)» (Thừa Thiên
    Huế): the plan and the rate as printed; the period's rate against the plan's lower bound."""
    series = Series((), (PeriodPoint(Period(2018, 1, 6, True), 6.12, S.ESTIMATE),))
    f = figures(GRDP, Target(Kind.GROWTH, value=7.5, upper=8), series, Period(2018, 6, 6))
    assert (f.plan, f.plan_upper) == (7.5, 8)
    assert f.change_pct == 6.12  # a rate is itself the change against the same period
    assert two(f.plan_pct) == 81.60  # 6,12 / 7,5
    assert f.verdict is Verdict.BEHIND  # "chưa đạt kế hoạch đề ra"
    assert f.estimate is None  # a rate's year is never extrapolated


def test_bac_ninh_quarters_fall_and_the_second_is_no_six_month_rate():
    """«Sơ bộ quý I giảm … sang quý II tiếp tục giảm …» (Bắc Ninh): preliminary quarter rates below
    zero; the first quarter is the three months' rate, and the two are never summed into six."""
    series = Series((), (PeriodPoint(Period(2024, 1, 3), -1.2, S.PRELIMINARY), PeriodPoint(Period(2024, 4, 6), -0.5, S.PRELIMINARY)))
    q1 = figures(GRDP, Target(Kind.GROWTH, value=7), series, Period(2024, 1, 3))
    assert q1.to_date == (-1.2, S.PRELIMINARY) and q1.verdict is Verdict.BEHIND
    q2 = figures(GRDP, Target(Kind.GROWTH, value=7), series, Period(2024, 4, 6))
    assert q2.alone == (-0.5, S.PRELIMINARY)
    assert q2.to_date is None and q2.reason == "no_values" and q2.verdict is Verdict.NO_DATA


def test_the_whole_year_from_last_years_seasonal_share():
    """ước cả năm = lũy kế ÷ (last year's lũy kế to the same month ÷ last year's whole year)."""
    series = Series((Point(2023, 900),), (PeriodPoint(Period(2023, 1, 6, True), 448.8), PeriodPoint(Period(2024, 1, 6, True), 525)))
    f = figures(EXPORTS, Target(Kind.LEVEL, value=1100), series, Period(2024, 6, 6))
    assert two(f.seasonal_pct) == 49.87  # 448,8 / 900
    assert f.estimate_source is EstimateSource.SEASONAL
    assert two(f.estimate) == 1052.81  # 525 / 0,49867
    assert two(f.estimate_pct) == 95.71
    assert f.verdict is Verdict.BEHIND  # 70 % of this plan by June was not enough last year's way
    entered = series._replace(years=series.years + (Point(2024, 1120, S.ESTIMATE),))
    g = figures(EXPORTS, Target(Kind.LEVEL, value=1100), entered, Period(2024, 6, 6))
    assert (g.estimate, g.estimate_source, g.verdict) == (1120, EstimateSource.ENTERED, Verdict.ON_COURSE)


def test_growth_of_a_level_plans_last_years_value_grown():
    """"xuất khẩu tăng 10 % so với năm trước": the year's plan is 900 · 1,10 = 990."""
    series = Series((Point(2023, 900),), (PeriodPoint(Period(2024, 1, 3), 240),))
    f = figures(EXPORTS, Target(Kind.GROWTH, value=10, basis=Basis.LEVEL), series, Period(2024, 1, 3))
    assert two(f.plan) == 990 and two(f.plan_pct) == 24.24


def test_a_level_against_the_path_from_last_december():
    """A level is on course when it has made the year's share of the way from last December to the
    plan: 50.000 + (53.000 − 50.000) · 6/12 = 51.500 by June."""
    members = Indicator("members", "Đảng viên", unit="Người")
    for june, verdict in ((51400, Verdict.BEHIND), (51500, Verdict.ON_COURSE), (51600, Verdict.ON_COURSE)):
        series = Series((Point(2023, 50000),), (PeriodPoint(Period(2024, 6, 6), june),))
        f = figures(members, Target(Kind.LEVEL, value=53000), series, Period(2024, 6, 6))
        assert f.verdict is verdict, june
        assert f.change_pct is None  # June of last year not recorded


def test_december_gives_the_years_verdict():
    for each, total, verdict in ((60, 720, Verdict.MISSED), (65, 780, Verdict.ACHIEVED)):
        months = tuple(PeriodPoint(Period(2024, m, m), each) for m in range(1, 13))
        f = figures(EXPORTS, Target(Kind.LEVEL, value=750), Series((), months), Period(2024, 12, 12))
        assert (f.final, f.to_date.value, f.verdict) == (True, total, verdict)
        november = figures(EXPORTS, Target(Kind.LEVEL, value=750), Series((), months), Period(2024, 11, 11))
        assert not november.final and november.verdict in (Verdict.ON_COURSE, Verdict.BEHIND)


def test_less_is_better_within_the_year():
    cpi = Indicator("cpi", "Chỉ số giá tiêu dùng tăng", unit="%")
    series = Series((), (PeriodPoint(Period(2024, 1, 6, True), 3.2),))
    f = figures(cpi, Target(Kind.GROWTH, value=4, direction=Direction.AT_MOST), series, Period(2024, 6, 6))
    assert f.verdict is Verdict.ON_COURSE and two(f.plan_pct) == 125.00


@given(st.floats(1, 1e6), st.floats(1, 1e6), st.integers(1, 11), st.floats(1, 1e6))
def test_a_worse_lũy_kế_never_earns_a_better_verdict(value, worse_by, month, plan):
    better = Series((), (PeriodPoint(Period(2024, 1, month, True), value + worse_by),))
    worse = Series((), (PeriodPoint(Period(2024, 1, month, True), value),))
    rank = {Verdict.ON_COURSE: 1, Verdict.BEHIND: 0}
    target = Target(Kind.LEVEL, value=plan)
    a = figures(EXPORTS, target, better, Period(2024, month, month)).verdict
    b = figures(EXPORTS, target, worse, Period(2024, month, month)).verdict
    assert rank[b] <= rank[a]


def test_a_unit_that_does_not_say_how_months_add_up_keeps_the_years_plan():
    """Sản lượng lúa in nghìn tấn: a flow or a level? Without ``within_year`` no lũy kế or verdict
    is made, but the year's plan is the plan as written, and the reason says what is missing."""
    rice = Indicator("rice", "Sản lượng lúa", unit="Nghìn tấn")
    series = Series((), (PeriodPoint(Period(2026, 1, 6, True), 1900, S.ESTIMATE),))
    f = figures(rice, Target(Kind.LEVEL, value=4500), series, Period(2026, 6, 6))
    assert (f.meaning, f.plan, f.to_date, f.verdict, f.reason) == (None, 4500, None, Verdict.NO_DATA, "unknown_meaning")


def test_a_range_s_percentage_of_the_year_s_plan_is_against_the_bound_range_basis_names():
    """«đạt 65,9 % kế hoạch» for 20.105 against 30.000–30.500 (README "range_basis"): with
    ``range_basis: upper`` % KH năm and the estimate's % are of the upper bound, as the yearly
    percentage is; the verdict is met at the near bound whatever the basis."""
    series = Series((Point(2025, 40000),), (
        PeriodPoint(Period(2025, 1, 9, True), 27000), PeriodPoint(Period(2026, 1, 9, True), 20105),
    ))
    target = Target(Kind.LEVEL, value=30000, upper=30500)
    lower = figures(RETAIL, target, series, Period(2026, 9, 9))
    upper = figures(RETAIL, target, series, Period(2026, 9, 9), basis=RangeBasis.UPPER)
    assert two(lower.plan_pct) == 67.02 and two(upper.plan_pct) == 65.92  # 20.105 / 30.000, / 30.500
    assert lower.estimate == upper.estimate == pytest.approx(20105 / 0.675)  # lũy kế ÷ last year's share of it
    assert two(lower.estimate_pct) == 99.28 and two(upper.estimate_pct) == 97.66
    assert lower.verdict is upper.verdict is Verdict.BEHIND  # 29.785 short of 30.000 either way
    # less is better ("CPI 3,5–4 %"): met at 4 whatever the basis, its % of 3,5 or of 4
    cpi = Indicator("cpi", "Chỉ số giá tiêu dùng tăng", unit="%")
    rates = Series((), (PeriodPoint(Period(2024, 1, 6, True), 3.8),))
    at_most = Target(Kind.GROWTH, value=3.5, upper=4, direction=Direction.AT_MOST)
    low, high = (figures(cpi, at_most, rates, Period(2024, 6, 6), basis=b) for b in (RangeBasis.LOWER, RangeBasis.UPPER))
    assert two(low.plan_pct) == 92.11 and two(high.plan_pct) == 105.26  # 3,5 / 3,8; 4 / 3,8
    assert low.verdict is high.verdict is Verdict.ON_COURSE
    # a single target has no other bound: the basis changes nothing
    single = figures(RETAIL, Target(Kind.LEVEL, value=30000), series, Period(2026, 9, 9), basis=RangeBasis.UPPER)
    assert two(single.plan_pct) == 67.02


def test_can_tho_exports_estimate_is_exact_where_its_inputs_are():
    """Cần Thơ's exports to September 2026, 4.405 against 4.000 to September 2025 and 5.500 in the
    year: ước cả năm 4.405 · 5.500 ÷ 4.000 = 6.056,875 exactly (multiplied before it is divided: by
    the share, 72,7272…%, it was 6056.874999999999 and printed 6.056,87), so cùng kỳ 10,125 %."""
    quarters = [(2025, 1250, 1330, 1420), (2026, 1400, 1480, 1525)]
    periods = tuple(PeriodPoint(Period(y, q * 3 - 2, q * 3), v) for y, *values in quarters for q, v in enumerate(values, 1))
    series = Series.of((Point(2025, 5500),), periods)
    f = figures(EXPORTS, Target(Kind.LEVEL, value=6200), series, Period(2026, 7, 9))
    assert f.to_date == (4405, S.ACTUAL) and f.same_period == 4000
    assert f.estimate_source is EstimateSource.SEASONAL
    assert f.estimate == 6056.875 and two(f.estimate) == 6056.88
    assert f.change_pct == 10.125 and two(f.change_pct) == 10.13


@given(st.integers(1, 10**9), st.integers(1, 10**9), st.integers(1, 10**6))
def test_a_seasonal_estimate_is_the_quotient_of_its_whole_numbers(to_date, same, whole):
    """The estimate and the change of whole-number inputs are their exact quotients, correctly
    rounded: to_date · whole ÷ same and (to_date − same) · 100 ÷ same."""
    from fractions import Fraction

    series = Series((Point(2025, whole),), (PeriodPoint(Period(2025, 1, 6, True), same), PeriodPoint(Period(2026, 1, 6, True), to_date)))
    f = figures(EXPORTS, Target(Kind.LEVEL, value=10**9), series, Period(2026, 6, 6))
    assert f.estimate == float(Fraction(to_date * whole, same))
    assert f.change_pct == float(Fraction((to_date - same) * 100, same))
