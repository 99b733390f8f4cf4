"""A within-year row with figures but no verdict says what is missing, in its cell and in its
reason (README "Within the year"): never a bare "Chưa có số liệu" beside its figures."""

import pytest

from soctrang_kpi.core.model import Period, WithinYear
from soctrang_kpi.core.periods import MonthFigures, Reading, Verdict
from soctrang_kpi.core.model import PointStatus
from soctrang_kpi.output.labels import Lang, month_label, month_reason_text

NOV = Period(2026, 11, 11)
LEVEL = MonthFigures(NOV, WithinYear.LEVEL, plan=45.5, to_date=Reading(45, PointStatus.ACTUAL), plan_pct=98.9, reason="no_last_december")


@pytest.mark.parametrize("lang, cell, text", [
    (Lang.VI, "Chưa có số liệu tháng 12/2025", "thiếu số liệu tháng 12/2025: "),
    (Lang.EN, "No data for December 2025", "no value for December 2025: "),
])
def test_a_level_without_last_december_names_it(lang, cell, text):
    assert month_label(LEVEL, lang) == cell
    assert month_reason_text(LEVEL, lang).startswith(text)


@pytest.mark.parametrize("verdict, reason, lang, cell", [
    (Verdict.BEHIND, "", Lang.VI, "Chậm tiến độ"),
    (Verdict.NO_DATA, "no_values", Lang.VI, "Chưa có số liệu"),
    (Verdict.NO_DATA, "unknown_meaning", Lang.EN, "Not known how months add up"),
])
def test_other_rows_keep_their_words(verdict, reason, lang, cell):
    assert month_label(LEVEL._replace(verdict=verdict, reason=reason), lang) == cell


@pytest.mark.parametrize("month", range(1, 13))
def test_a_month_is_said_by_its_name_in_english_and_its_number_in_vietnamese(month):
    """One way to say the monthly report's month (views.period_text): "September 2026", "tháng
    9/2026" — never the English "month 9/2026" a QA pass found unnatural."""
    import calendar

    from soctrang_kpi.core.model import Period
    from soctrang_kpi.output.views import period_text

    assert period_text(Period(2026, month, month), Lang.EN) == f"{calendar.month_name[month]} 2026"
    assert period_text(Period(2026, month, month), Lang.VI) == f"tháng {month}/2026"


@pytest.mark.parametrize("month", range(1, 13))
def test_a_month_alone_is_named_as_the_title_names_it_in_english(month):
    """The monthly report's month column and `kpi show`'s row of the month (the catalogue's
    word.month_alone): "September" beside a title's "September 2026"; Vietnamese "Tháng 9"."""
    import calendar

    from soctrang_kpi.core.model import Period
    from soctrang_kpi.output.views import period_label

    assert period_label(Period(2026, month, month), Lang.EN) == calendar.month_name[month]
    assert period_label(Period(2026, month, month), Lang.VI) == f"Tháng {month}"


@pytest.mark.parametrize("quarter", range(1, 5))
def test_a_quarter_is_said_the_english_way_in_english(quarter):
    """A quarter as a title (views.period_text) and a heading (views.period_label) name it: "Q2
    2026" and "Q2" in English — never the Vietnamese "quarter II/2026" a QA pass found —, "quý
    II/2026" and "Quý II" in Vietnamese."""
    from soctrang_kpi.core.model import Period
    from soctrang_kpi.output.views import period_label, period_text

    roman = ("I", "II", "III", "IV")[quarter - 1]
    period = Period(2026, 3 * quarter - 2, 3 * quarter)
    assert (period_text(period, Lang.EN), period_label(period, Lang.EN)) == (f"Q{quarter} 2026", f"Q{quarter}")
    assert (period_text(period, Lang.VI), period_label(period, Lang.VI)) == (f"quý {roman}/2026", f"Quý {roman}")
