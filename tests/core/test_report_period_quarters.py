"""The report an annual plan gives when no period is asked for (README "Within the year"): the
month its latest values run to — or that month's quarter, when the office records quarters:
the latest values end a quarter and none is a value of that month alone."""

import pytest

from soctrang_kpi.core.model import Period
from soctrang_kpi.core.periods import latest_period
from soctrang_kpi.files import load

from ..conftest import plan_yaml

TARGETS = plan_yaml(
    """
    {id: exports, name: Kim ngạch xuất khẩu, unit: Triệu USD}
    {id: retail, name: Tổng mức bán lẻ, unit: Tỷ đồng}
    {id: growth, name: Tốc độ tăng trưởng GRDP, unit: "%"}
    """,
    """
    {indicator: exports, number: "1", kind: level, value: 6200}
    {indicator: retail, number: "2", kind: level, value: 400000}
    {indicator: growth, number: "3", kind: growth, value: 10}
    """,
    end=2026, ident="kh-2026",
)


def _latest(exports: str, retail: str = "{2026-Q1: 95000}", growth: str = "{}") -> Period | None:
    actuals = (
        "schema_version: 1\nseries:\n"
        f"  exports:\n    actual: {exports}\n"
        f"  retail:\n    actual: {retail}\n"
        f"  growth:\n    ytd: {{actual: {growth}}}\n"
    )
    dataset, warnings = load.load_texts(TARGETS, actuals)
    # the report is the data's, any day: only a value of a period not ended by today is said (README)
    assert [w for w in warnings if not w.message.key.startswith("actuals.future_")] == []
    return latest_period(dataset, dataset.plans["kh-2026"])


@pytest.mark.parametrize(
    "exports, retail, growth, expected",
    [
        # quarters only: the third quarter's report ("quý III"), not September's
        ("{2026-Q1: 1400, 2026-Q2: 1480, 2026-Q3: 1525}", "{2026-Q3: 99500}", "{}", Period(2026, 7, 9)),
        # a lũy kế to September beside the quarter: a quarterly report's "lũy kế 9 tháng" too
        ("{2026-Q3: 1525}", "{2026-Q1: 95000}", "{2026-09: 9.55}", Period(2026, 7, 9)),
        # a value of July alone does not make September a month of its own
        ("{2026-Q3: 1525}", "{2026-07: 33000}", "{}", Period(2026, 7, 9)),
        # last year's December is no month of this year
        ("{2025-12: 500, 2026-Q1: 1400}", "{2026-Q1: 95000}", "{}", Period(2026, 1, 3)),
        # a value of September itself: the monthly report, as before
        ("{2026-Q3: 1525}", "{2026-09: 33500}", "{}", Period(2026, 9, 9)),
        ("{2026-07: 500, 2026-08: 510, 2026-09: 515}", "{2026-Q3: 99500}", "{}", Period(2026, 9, 9)),
        # a lũy kế alone: its month
        ("{2026-Q2: 1480}", "{2026-Q2: 97000}", "{2026-09: 9.55}", Period(2026, 9, 9)),
        # the latest values end no quarter: their month
        ("{2026-Q2: 1480, 2026-08: 500}", "{2026-Q2: 97000}", "{}", Period(2026, 8, 8)),
    ],
)
def test_the_default_report_is_the_quarter_an_office_records(exports, retail, growth, expected):
    assert _latest(exports, retail, growth) == expected


def test_a_year_without_values_or_closed_has_no_report():
    assert _latest("{2025-Q3: 1420}", "{2025: 360000}") is None
    assert _latest("{2026: 6000, 2026-Q3: 1525}") is None  # the year's actual: its own table answers


@pytest.mark.parametrize(
    "exports, expected",
    [
        # a lũy kế to September and to August: September's value is derived (605), as the report shows it
        ("ytd: {actual: {2026-07: 3600, 2026-08: 4150, 2026-09: 4755}}", Period(2026, 9, 9)),
        # to August summed from a lũy kế to June and July's and August's own values
        ("actual: {2026-07: 560, 2026-08: 550}\n    ytd: {actual: {2026-06: 3040, 2026-09: 4755}}", Period(2026, 9, 9)),
        # a lũy kế to September alone derives no value of September: the quarter's report
        ("ytd: {actual: {2026-09: 4755}}", Period(2026, 7, 9)),
        ("actual: {2026-07: 560}\n    ytd: {actual: {2026-06: 3040, 2026-09: 4755}}", Period(2026, 7, 9)),
    ],
)
def test_one_quarterly_row_leaves_a_monthly_office_its_month(exports, expected):
    """GRDP growth recorded by the quarter beside exports' lũy kế month by month: the report is
    September's (its "Tháng 9" the lũy kế's difference), not "quý III" with no value of exports."""
    actuals = (
        "schema_version: 1\nseries:\n"
        f"  exports:\n    {exports}\n"
        "  growth:\n    actual: {2026-Q3: 8.9}\n"
    )
    dataset, warnings = load.load_texts(TARGETS, actuals)
    assert warnings == []
    assert latest_period(dataset, dataset.plans["kh-2026"]) == expected
