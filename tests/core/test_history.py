"""What was known when (core/history.py): the version of a value known on a day, and the data as
it stood then (README "History of a value")."""

from datetime import date, timedelta

from hypothesis import given, settings, strategies as st

from soctrang_kpi.core.history import as_known_on, known_on, provenance, versions
from soctrang_kpi.core.model import Dataset, Period, PeriodPoint, Point, PointStatus, Version

EST, PRE, ACT = PointStatus.ESTIMATE, PointStatus.PRELIMINARY, PointStatus.ACTUAL
NOV, MAR, JUN = date(2024, 11, 20), date(2025, 3, 15), date(2025, 6, 30)


def three_times() -> Dataset:
    """8,1 ước (20/11/2024) → 7,9 sơ bộ (15/3/2025) → 8,0 chính thức (30/6/2025)."""
    current = Point(2024, 8.0, ACT, source="Cục Thống kê, Niên giám", recorded=JUN)
    earlier = (Version(8.1, EST, NOV, "Sở KH&ĐT"), Version(7.9, PRE, MAR, "Cục Thống kê, sơ bộ"))
    return Dataset({}, {}, {"g": (Point(2023, 7.1), current)}, history={"g": {2024: earlier}})


def value_on(dataset: Dataset, day: date) -> tuple[float, PointStatus] | None:
    found = {p.year: p for p in as_known_on(dataset, day).series.get("g", ())}
    return (found[2024].value, found[2024].status) if 2024 in found else None


def test_a_value_recorded_three_times_is_known_as_it_was_on_each_day():
    data = three_times()
    assert value_on(data, date(2024, 11, 19)) is None  # not yet recorded: no value, never a later one
    assert value_on(data, NOV) == (8.1, EST)  # on its own day
    assert value_on(data, date(2025, 3, 14)) == (8.1, EST)
    assert value_on(data, MAR) == (7.9, PRE)
    assert value_on(data, JUN) == (8.0, ACT)
    assert value_on(data, date(2030, 1, 1)) == (8.0, ACT)
    # the year without a day is known on every day; the one known then keeps its source
    then = as_known_on(data, date(2025, 1, 1))
    assert [(p.year, p.source) for p in then.series["g"]] == [(2023, ""), (2024, "Sở KH&ĐT")]
    assert then.history == {} and then.known_on == date(2025, 1, 1)
    assert as_known_on(data, date(2025, 4, 1)).history == {"g": {2024: (Version(8.1, EST, NOV, "Sở KH&ĐT"),)}}


def test_periods_have_their_versions_too():
    ytd = Period(2024, 1, 6, True)
    data = Dataset({}, {}, periods={"x": (PeriodPoint(ytd, 2750, ACT, recorded=date(2024, 7, 15)),)}, history={"x": {ytd: (Version(2700, EST, date(2024, 6, 28)),)}})
    assert as_known_on(data, date(2024, 7, 1)).periods["x"] == (PeriodPoint(ytd, 2700, EST, recorded=date(2024, 6, 28)),)
    assert as_known_on(data, date(2024, 6, 1)).periods == {}


def test_provenance_is_the_source_then_the_note():
    assert provenance(Point(2024, 1, source="Sở Tài chính", note="ước 11 tháng")) == "Sở Tài chính; ước 11 tháng"
    assert provenance(Point(2024, 1, note="ước")) == "ước" and provenance(Point(2024, 1)) == ""


days = st.one_of(st.none(), st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31)))
histories = st.lists(st.tuples(st.floats(-50, 50, allow_nan=False), st.sampled_from(list(PointStatus)), days), min_size=1, max_size=6)


@settings(max_examples=200, deadline=None)
@given(histories, st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31)))
def test_the_version_known_is_the_latest_recorded_on_or_before_the_day(found, day):
    listed = tuple(Version(v, s, d) for v, s, d in found)
    index = known_on(listed, day)
    known = [(v.recorded or date.min, i) for i, v in enumerate(listed) if (v.recorded or date.min) <= day]
    if not known:
        assert index is None
        return
    assert index is not None and (listed[index].recorded or date.min) <= day  # never one recorded after the day
    assert (listed[index].recorded or date.min, index) == max(known)  # the latest (the later of a day)


@settings(max_examples=200, deadline=None)
@given(histories, st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31)), st.integers(0, 800))
def test_a_later_day_never_knows_an_older_version(found, day, later):
    listed = tuple(Version(v, s, d) for v, s, d in found)
    first, second = known_on(listed, day), known_on(listed, day + timedelta(days=later))
    if first is not None:
        assert second is not None
        assert (listed[second].recorded or date.min, second) >= (listed[first].recorded or date.min, first)


@settings(max_examples=150, deadline=None)
@given(histories, st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31)), st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31)))
def test_the_data_as_known_on_two_days_is_the_data_of_the_earlier(found, one, two):
    *earlier, (value, status, day) = found
    data = Dataset({}, {}, {"g": (Point(2024, value, status, recorded=day),)}, history={"g": {2024: tuple(Version(v, s, d) for v, s, d in earlier)}} if earlier else {})
    assert as_known_on(as_known_on(data, one), two) == as_known_on(data, min(one, two))
    # every version known on the day is still there: the value and its history
    kept = as_known_on(data, one)
    listed = versions(data.series["g"][0], data.history.get("g", {}).get(2024, ()))
    wanted = [v for v in listed if (v.recorded or date.min) <= one]
    got = versions(kept.series["g"][0], kept.history.get("g", {}).get(2024, ())) if kept.series else ()
    assert sorted(got, key=repr) == sorted(wanted, key=repr)
