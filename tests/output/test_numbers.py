"""The one number formatter rounds half up the decimal a computed float stands for (README
"Within the year": a number never shows float noise): 6056.874999999999, which 4405 · 100 ÷
72,7272…% gives for 6.056,875, is written 6.056,88, as the xlsx shows it."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soctrang_kpi.numbers import number, round_half_up


def half_up(k: int, scale: int, decimals: int) -> str:
    """``k`` / 10**scale rounded half up at ``decimals``, written the English way."""
    exact = (Decimal(k).scaleb(-scale)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{exact + 0:,.{decimals}f}"  # + 0: -0.0 is written 0.0, as number() writes it


#: ways float arithmetic makes k/100, each with its own noise (k * 0.01 of 5 is 0.05, of 105 is 1.0500000000000000444…)
WAYS = {
    "divided": lambda k: k / 100,
    "times a hundredth": lambda k: k * 0.01,
    "scaled and divided": lambda k: k * 3 / 300,
    "a share's estimate": lambda k: k * 100 / (100 * 4000 / 5500) * 4000 / 5500 / 100,
    "through a tenth": lambda k: k / 10 * 0.1,
}


@given(st.integers(min_value=-10**9, max_value=10**9), st.sampled_from(sorted(WAYS)))
def test_a_hundredth_computed_by_floats_is_written_as_its_decimal_rounded_half_up(k, way):
    value = WAYS[way](k)
    assert number(value, "en", 1) == half_up(k, 2, 1)
    assert float(round_half_up(value, 1)) == float(half_up(k, 2, 1).replace(",", ""))


@given(st.integers(min_value=-10**10, max_value=10**10))
def test_a_thousandth_at_two_decimals(k):
    assert number(k / 1000, "en", 2) == half_up(k, 3, 2)
    assert number(k * 0.001, "en", 2) == half_up(k, 3, 2)


@pytest.mark.parametrize(
    "value, decimals, vi",
    [
        (4405 * 100 / (100 * 4000 / 5500), 2, "6.056,88"),  # 6056.874999999999
        (100 * (4405 / 4000 - 1), 2, "10,13"),  # 10.125000000000007
        (1.00499999999999, 2, "1,00"),  # written just under the tie: not rounded up
        (1.005, 2, "1,01"),  # 1.00499999999999989… in binary, written 1.005
        (2.675, 2, "2,68"),  # 2.67499999999999982236431605997495353221893310546875 written 2.675
        (123456789.125 - 1.5e-8, 2, "123.456.789,13"),  # a large tie with noise past Python's round
        (0.1 + 0.2, 1, "0,3"),
        (10000000000000.75, 2, "10.000.000.000.000,75"),  # 16 digits of its own: none read away
    ],
)
def test_float_noise_never_shows(value, decimals, vi):
    assert number(value, "vi", decimals) == vi
