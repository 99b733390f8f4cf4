"""What an indicator's values mean within a year: flows add up, levels are the period's end,
rates are against the same period last year and never summed (README "Within the year")."""

import pytest
from hypothesis import given, strategies as st

from soctrang_kpi.core.kinds import KINDS
from soctrang_kpi.core.model import Basis, Indicator, Kind, Period, PeriodPoint, Point, PointStatus as S, Target, WithinYear as W
from soctrang_kpi.core.periods import Series, within_year
from soctrang_kpi.files import load

from ..files.test_periods_data import TARGETS, folder_with
from ..conftest import kpi_en


def ind(unit: str = "", declared: W | None = None) -> Indicator:
    return Indicator("x", "X", unit=unit, within_year=declared)


@pytest.mark.parametrize(
    "unit, target, expected",
    [
        ("Triệu USD", Target(Kind.LEVEL, value=750), W.FLOW),  # exports
        ("Tỷ đồng", Target(Kind.LEVEL, value=90000), W.FLOW),  # retail sales, revenue
        ("Tỷ đồng", Target(Kind.CUMULATIVE, value=500000), W.FLOW),
        ("%", Target(Kind.GROWTH, value=8), W.RATE),  # GRDP growth
        ("%", Target(Kind.AVERAGE, value=4), W.RATE),  # a price index's yearly rise
        ("Tỷ đồng", Target(Kind.GROWTH, value=10, basis=Basis.LEVEL), W.FLOW),  # "xuất khẩu tăng 10 %"
        ("%", Target(Kind.LEVEL, value=95), W.LEVEL),  # a coverage rate: the value at the end
        ("%", Target(Kind.SHARE_OF, value=40, of="grdp"), W.LEVEL),
        ("%", Target(Kind.BAND, value=32, upper=33), W.LEVEL),
        ("%", Target(Kind.REDUCTION, value=0.5), W.LEVEL),
        ("Người", Target(Kind.LEVEL, value=53400), W.LEVEL),  # party members
        ("Hạng", Target(Kind.RANK, value=15), W.LEVEL),
        ("Triệu đồng/người", Target(Kind.LEVEL, value=75), None),  # per capita: not said, declare it
        ("km", Target(Kind.LEVEL, value=100), None),
        ("", None, None),
    ],
)
def test_meaning_from_kind_then_unit(unit, target, expected):
    assert within_year(ind(unit), target) is expected


def test_a_declared_meaning_wins():
    assert within_year(ind("Triệu đồng/người", W.FLOW), Target(Kind.LEVEL, value=75)) is W.FLOW
    assert within_year(ind("Tỷ đồng", W.LEVEL), Target(Kind.CUMULATIVE, value=1)) is W.LEVEL


def test_every_kind_has_its_meaning_in_its_entry_or_leaves_it_to_the_unit():
    leaves = {k for k, spec in KINDS.items() if spec.within_year is None}
    # a share of another: its own values (an amount of investment) mean what their unit says; the
    # share within the year is made of both indicators' (core/periods.share_series)
    assert leaves == {Kind.GROWTH, Kind.LEVEL, Kind.GROUP, Kind.SHARE_OF}


def test_within_year_is_declared_in_targets_yaml_and_checked():
    targets = TARGETS.replace("unit: Triệu USD}", "unit: Triệu USD, within_year: level}")
    dataset, _ = load.load_texts(targets, "schema_version: 1\nseries: {}\n")
    assert dataset.indicators["exports"].within_year is W.LEVEL
    from soctrang_kpi.errors import DataError

    with pytest.raises(DataError) as err:
        load.load_texts(TARGETS.replace("unit: Triệu USD}", "unit: Triệu USD, within_year: monthly}"), "schema_version: 1\nseries: {}\n")
    assert "targets.yaml:3:" in str(err.value.problems[0]) and "expected one of flow, level, rate" in str(err.value.problems[0])


def test_periods_of_an_indicator_whose_meaning_is_unsaid_are_warned_about(tmp_path):
    targets = TARGETS.replace("unit: Triệu USD}", "unit: Triệu đồng/người}")
    folder = folder_with(tmp_path, targets=targets)
    result = kpi_en("validate", "--data-dir", str(folder))
    assert result.exit_code == 0
    assert "actuals.yaml:4:5: warning: exports within_year: its unit and kind do not say what its months and quarters mean: add within_year: flow, level or rate" in result.stdout


def P(year, first, last, ytd=False):
    return Period(year, first, last, ytd)


def test_flows_add_up_months_to_quarters_to_the_year():
    months = tuple(PeriodPoint(P(2024, m, m), float(m)) for m in range(1, 13))
    s = Series((), months)
    assert s.to_date(2024, 6, W.FLOW).value == 21  # lũy kế 6 tháng = 1 + … + 6
    assert s.to_date(2024, 12, W.FLOW).value == 78
    quarters = Series((), (PeriodPoint(P(2024, 1, 3), 6), PeriodPoint(P(2024, 4, 4), 4), PeriodPoint(P(2024, 5, 5), 5, S.ESTIMATE)))
    assert quarters.to_date(2024, 5, W.FLOW) == (15, S.ESTIMATE)  # a quarter, then months; as final as the least
    assert quarters.to_date(2024, 6, W.FLOW) is None  # June missing: never a guess
    # a recorded lũy kế wins, and months after it are added to it
    s = Series((), (PeriodPoint(P(2024, 1, 5, True), 100), PeriodPoint(P(2024, 6, 6), 30), PeriodPoint(P(2024, 1, 6), 999)))
    assert s.to_date(2024, 6, W.FLOW).value == 130
    # the month alone of a flow recorded only as lũy kế: the difference of two
    s = Series((), (PeriodPoint(P(2024, 1, 5, True), 100), PeriodPoint(P(2024, 1, 6, True), 130)))
    assert s.alone(P(2024, 6, 6), W.FLOW).value == 30
    # December of a flow is the year's value when there is one
    assert Series((Point(2024, 500),), ()).to_date(2024, 12, W.FLOW).value == 500


def test_levels_are_the_value_at_the_periods_end():
    s = Series((Point(2023, 40),), (PeriodPoint(P(2024, 1, 3), 41), PeriodPoint(P(2024, 5, 5), 43)))
    assert s.to_date(2024, 3, W.LEVEL).value == 41  # the first quarter's end
    assert s.to_date(2024, 5, W.LEVEL).value == 43
    assert s.to_date(2024, 6, W.LEVEL) is None  # never summed, never carried
    assert s.at_end(2023, 12).value == 40  # last December: the year's value


def test_rates_are_never_summed():
    s = Series((), (PeriodPoint(P(2024, 1, 3), -1.2, S.PRELIMINARY), PeriodPoint(P(2024, 4, 6), -0.5, S.PRELIMINARY)))
    assert s.to_date(2024, 3, W.RATE) == (-1.2, S.PRELIMINARY)  # the first quarter is its own lũy kế
    assert s.to_date(2024, 6, W.RATE) is None  # 6 months of a rate is not Q1 + Q2
    assert s.alone(P(2024, 4, 6), W.RATE).value == -0.5
    s = Series((), (PeriodPoint(P(2024, 1, 6, True), 6.12, S.ESTIMATE),))
    assert s.to_date(2024, 6, W.RATE).value == 6.12


@given(st.lists(st.floats(0, 1e6, allow_nan=False), min_size=12, max_size=12), st.integers(1, 12))
def test_a_lukế_of_months_is_their_sum_whatever_mix_of_quarters_and_months(values, month):
    months = tuple(PeriodPoint(P(2024, m, m), values[m - 1]) for m in range(1, 13))
    quarters = tuple(PeriodPoint(P(2024, 3 * q - 2, 3 * q), sum(values[3 * q - 3: 3 * q])) for q in range(1, 5))
    by_months = Series((), months).to_date(2024, month, W.FLOW).value
    mixed = Series((), quarters + months[(month // 3) * 3:]).to_date(2024, month, W.FLOW).value
    assert by_months == pytest.approx(sum(values[:month]))
    assert mixed == pytest.approx(by_months)
