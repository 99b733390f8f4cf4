"""The cache of checked data (files/cache.py, files/plain.py): served only for the same bytes, by
the same kpi, from a folder and an entry that are the user's own and whole; everything else is a
miss, and the data is parsed as if there were no cache."""

import json
import math
import multiprocessing
import os
import stat
import struct
import sys
from pathlib import Path

import pytest

from soctrang_kpi.core.model import Dataset, Indicator, Point, PointStatus
from soctrang_kpi.errors import Problem
from soctrang_kpi.files import cache, load, plain
from soctrang_kpi.files.yamlio import Ambiguous
from soctrang_kpi.messages import Num, Text

from ..conftest import ROOT, folder_signature

FILES = {"targets.yaml": (ROOT / "targets.yaml").read_bytes(), "actuals.yaml": (ROOT / "actuals.yaml").read_bytes()}
NAMES = ("targets.yaml", "actuals.yaml")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A cache folder of this test's own; every folder size is cached."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("KPI_CACHE", raising=False)
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    return tmp_path / "xdg" / "soctrang_kpi"


class Parser:
    """``parse`` for cache.load, counting its calls."""

    def __init__(self, files=FILES):
        self.calls = 0
        self.files = files

    def __call__(self):
        self.calls += 1
        return load.parse_files(ROOT, self.files)


def entry_of(home: Path) -> Path:
    (entry,) = [p for p in home.iterdir() if p.suffix == ".json"]
    return entry


def _again(dataset, warnings=()):
    """``dataset`` and ``warnings`` written as an entry's body (``plain.dump``) and read back."""
    return plain.load(b"".join(plain.dump(dataset, list(warnings))))


def _written(dataset):
    """The JSON of ``dataset``'s entry, and its region."""
    tree, region = plain.encode(dataset, [])
    return json.loads(json.dumps(tree)), b"".join(region)


# --- the codec ---------------------------------------------------------------------------------


def test_the_bundled_data_comes_back_equal_with_its_types(dataset):
    back, warnings = _again(dataset)
    assert back == dataset and warnings == []
    point = next(iter(back.series.values()))[0]
    assert type(point) is Point and type(point.status) is PointStatus and type(back.plans) is dict
    plan = next(iter(back.plans.values()))
    assert type(plan.rows) is tuple and type(plan.settings.classes) is tuple


@pytest.mark.parametrize("example", ["example-kinds", "example-periods", "example-history", "example-territory"])
def test_every_example_comes_back_equal(example):
    """Every field the model has — months and published months, areas and their series, the
    history of values with its days and its year-or-period keys, metadata — is carried: a dataset
    the codec could not build for would make the cache fail on every large folder."""
    dataset, warnings = load.read(ROOT / "docs" / example, [])
    assert dataset.periods or dataset.areas or dataset.history or example == "example-kinds"
    back, back_warnings = _again(dataset, warnings)
    assert back == dataset and back_warnings == warnings
    for field in dataset._fields:
        assert type(getattr(back, field)) is type(getattr(dataset, field)), field


def test_ints_stay_ints_floats_floats_and_infinities_come_back():
    data = Dataset({}, {}, {"a": (Point(2020, 5), Point(2021, 5.0), Point(2022, math.inf), Point(2023, -0.0))})
    back, _ = _again(data)
    values = [p.value for p in back.series["a"]]
    assert [type(v) for v in values] == [int, float, float, float] and values[2] == math.inf
    assert math.copysign(1, values[3]) == -1


@pytest.mark.parametrize("recorded", [
    (None, None, None),  # every Point's date unset: the series is handed to json as it is
    (None, "2024-03-05", None),  # one set: the series is written a Point at a time
    ("2024-03-05", "2025-01-31", "2025-02-01"),
])
def test_points_with_and_without_their_recorded_day_come_back_equal(recorded):
    from datetime import date

    points = tuple(
        Point(2020 + i, 1.5 + i, PointStatus.ACTUAL, "", "", None if day is None else date.fromisoformat(day))
        for i, day in enumerate(recorded)
    )
    data = Dataset({}, {}, {"a": points, "b": ()})
    back, _ = _again(data)
    assert back.series == data.series
    assert [type(p.recorded) for p in back.series["a"]] == [type(p.recorded) for p in points]
    assert plain.dump(data, []) == plain.dump(data._replace(series={"a": points[:1] + points[1:], "b": ()}), [])


def test_a_point_of_another_type_in_a_series_is_not_cached():
    data = Dataset({}, {}, {"a": (Point(2020, 1.0), Point(2021, 2.0, recorded="2024-03-05"))})  # a text, not a date
    with pytest.raises(plain.Unsupported):
        plain.encode(data, [])


def _series_entry(column):
    """An entry whose one series ("a") is ``column``: the Points' column as the codec writes it
    (``[RAGGED, lengths, [FIELDS, a column per field]]``), changed by a test."""
    entry, region = _written(Dataset({}, {}, {"a": (Point(2020, 1.0), Point(2021, 2.0))}))
    assert region == b"" and entry["dataset"][2] == [1, [plain.SAME, "a"], [plain.RAGGED, [plain.SAME, 2], [plain.FIELDS, [
        [plain.VALUES, [2020, 2021]], [plain.VALUES, [1.0, 2.0]], [plain.SAME, "actual"], [plain.SAME, ""], [plain.SAME, ""], [plain.SAME, None],
    ]]]]
    entry["dataset"][2] = column
    return entry


FIELDS_OK = [[plain.VALUES, [2020, 2021]], [plain.VALUES, [1.0, 2.0]], [plain.SAME, "actual"], [plain.SAME, ""], [plain.SAME, ""], [plain.SAME, None]]


def _with(index, column):
    fields = list(FIELDS_OK)
    fields[index] = column
    return _series(["a"], [2], fields)


def _series(keys, lengths, fields, form=None):
    """The series of an entry: these keys, Points' lengths and columns (``form``: the Points'
    column's own tag, FIELDS unless a test says)."""
    return [len(keys), [plain.VALUES, keys], [plain.RAGGED, [plain.VALUES, lengths], [plain.FIELDS if form is None else form, fields]]]


@pytest.mark.parametrize("column", [
    _with(2, [plain.VALUES, ["actual", "nope"]]),  # no such status
    _with(2, [plain.SAME, ["actual"]]),  # a status that is no text
    _with(2, [plain.VALUES, [["actual"], "actual"]]),
    _with(0, [plain.VALUES, [2020]]),  # a column short
    _with(0, [plain.VALUES, [2020, 2021, 2022]]),  # a column longer than the records
    _with(1, [plain.SAME, 1.0]),  # a float is never written once for all (-0.0 equals 0.0)
    _with(3, [plain.SAME, {"a": 1}]),  # nor a mapping
    _with(5, [plain.VALUES, [None, "2024-13-45"]]),  # no such day
    _with(5, [plain.SAME, "2024-03-05"]),  # a day written once for all: encode never does
    _series(["a"], [2], FIELDS_OK[:5]),  # a field short
    _series(["a"], [2], FIELDS_OK + [[plain.SAME, 7]]),  # a field more
    _series(["a"], [1], FIELDS_OK),  # lengths that do not add up
    _series(["a", "b"], [3, -1], FIELDS_OK),  # a length below zero
    _series(["a", "b"], [True, 1], FIELDS_OK),  # a length that is no int
    _series(["a", "a"], [1, 1], FIELDS_OK),  # a key twice
    [2, [plain.VALUES, ["a", "b"]], [plain.RAGGED, [plain.VALUES, [2]], [plain.FIELDS, FIELDS_OK]]],  # more keys than series
    _series([1], [2], FIELDS_OK),  # a key that is no text
    [1, [plain.VALUES, ["a"]], [plain.SAME, [[2020, 1.0, "actual", "", "", None]]]],  # series written once for all
    [1, [plain.VALUES, ["a"]], [plain.VALUES, [[2, FIELDS_OK]]]],  # a form encode does not write there
    _series(["a"], [2], FIELDS_OK, form=9),  # no such form
    [1, [plain.VALUES, ["a"]], [plain.RAGGED, [plain.DOUBLES, [0, 8]], [plain.FIELDS, FIELDS_OK]]],  # a column in a region there is not
    [["a"], [plain.RAGGED, [2], [plain.FIELDS, FIELDS_OK]]],  # the form of kpi-cache 4
    {"a": [[2020, 1.0, "actual", "", "", None]]},  # the entry format of kpi-cache 2
])
def test_a_series_encode_did_not_write_does_not_decode(column):
    """A series is read back a column at a time over all the Points: anything encode would not
    have written is refused there as a Point at a time would refuse it."""
    assert plain.decode(_series_entry(_with(0, FIELDS_OK[0])))[0].series["a"] == (Point(2020, 1.0), Point(2021, 2.0))
    with pytest.raises(plain.Unsupported):
        plain.decode(_series_entry(column))


def _round_trip(data):
    back, _ = _again(data)
    assert back == data
    return back


def test_a_column_of_floats_is_written_as_their_bytes_and_comes_back_exactly():
    """From plain._MIN_COLUMN floats, a column is their IEEE bytes in the region (DOUBLES): -0.0,
    infinities, NaN and every digit come back; a column with an int among the floats keeps each
    its type."""
    values = [0.1, -0.0, math.inf, -math.inf, 1e-310, 123456.789, 2.0 / 3, 8.3, 1e300, 0.0]
    data = Dataset({}, {}, {"a": tuple(Point(2000 + i, v) for i, v in enumerate(values)),
                            "b": tuple(Point(2000 + i, v) for i, v in enumerate([*values[:9], 5]))})
    written, _ = _written(data)
    assert written["dataset"][2][2][2][1][1][0] == plain.VALUES  # "a" and "b" in one column: an int among them
    back = _round_trip(data._replace(series={"a": data.series["a"]}))
    assert [struct.pack("<d", p.value) for p in back.series["a"]] == [struct.pack("<d", v) for v in values]
    assert _round_trip(data).series["b"][-1].value.__class__ is int
    nan, _ = _again(Dataset({}, {}, {"a": tuple(Point(2000 + i, math.nan) for i in range(9))}))
    assert all(math.isnan(p.value) for p in nan.series["a"])  # NaN equals nothing: compared apart
    written, region = _written(data._replace(series={"a": data.series["a"]}))
    column = written["dataset"][2][2][2][1][1]
    offset, size = column[1]
    assert column[0] == plain.DOUBLES and region[offset : offset + size] == struct.pack("<10d", *values)


TEXTS = ["", "Tăng trưởng GRDP", "a\ud800b", "\udbff\udfff", "x" * 300, "\u1ec7\r\n\t", "\"", "\\", "end"]


def test_long_columns_of_texts_ints_and_members_are_written_in_the_region_and_come_back_exactly():
    """Texts (a lone surrogate, a pair written as two, control characters), ints (beyond 32 bits)
    and enum members go to the region from plain._MIN_COLUMN values; a text holding NUL or an int
    beyond 64 bits keeps its column in the JSON. Each comes back equal, of its type."""
    from soctrang_kpi.core.model import PointStatus as S

    statuses = [S.ACTUAL, S.ESTIMATE, S.PLAN, S.ACTUAL, S.ACTUAL, S.ESTIMATE, S.PLAN, S.ACTUAL, S.ESTIMATE]
    points = tuple(Point(2000 + i, 1.0, status, note=TEXTS[i], source=TEXTS[-1 - i]) for i, status in enumerate(statuses))
    data = Dataset({}, {}, {"a": points, "b": tuple(p._replace(year=(1 << 40) + i) for i, p in enumerate(points))})
    written, region = _written(data)
    tags = [column[0] for column in written["dataset"][2][2][2][1]]
    assert tags == [plain.INTS, plain.DOUBLES, plain.CODES, plain.TEXTS, plain.TEXTS, plain.SAME] and region
    assert _round_trip(data).series["a"][2].status is S.PLAN
    odd = {"a": tuple(p._replace(note="x\0y") for p in points), "b": tuple(p._replace(year=1 << 70) for p in points)}
    written, _ = _written(data._replace(series=odd))
    tags = [column[0] for column in written["dataset"][2][2][2][1]]
    assert tags[0] == plain.VALUES and tags[3] == plain.VALUES
    back = _round_trip(data._replace(series=odd))
    assert back.series["a"][0].note == "x\0y" and back.series["b"][0].year == 1 << 70


def test_a_region_that_is_not_exactly_what_the_json_names_does_not_decode():
    """Every byte of the region belongs to exactly one column: a byte more or less, a column named
    twice or beyond it, a column of the wrong size, codes beyond the enum, texts too few."""
    from soctrang_kpi.core.model import PointStatus as S

    data = Dataset({}, {}, {"a": tuple(Point(2000 + i, float(i), S.ESTIMATE if i % 2 else S.ACTUAL, note=str(i)) for i in range(10))})
    tree, region = _written(data)
    assert plain.decode(tree, region)[0] == data
    points = tree["dataset"][2][2][2][1]
    assert [c[0] for c in points[:4]] == [plain.INTS, plain.DOUBLES, plain.CODES, plain.TEXTS]
    years, floats, codes, notes = (c[1] for c in points[:4])

    def changed(index, where):
        bad = json.loads(json.dumps(tree))
        bad["dataset"][2][2][2][1][index][1] = where
        return bad

    for bad_tree, bad_region in [
        (tree, region + b"\0"),  # a byte no column names
        (tree, region[:-1]),  # a column cut short
        (changed(1, years), region),  # the years read twice as floats; the floats never
        (changed(0, [years[0], years[1] - 8]), region),  # a column of the wrong size
        (changed(0, [-8, 8]), region),  # before the region
        (changed(3, [notes[0], notes[1] + 8]), region + b"\0" * 8),  # beyond what it holds
        (changed(0, [years[0]]), region),  # no size
        (changed(0, [years[0], True]), region),  # a size that is no int
        (tree, region[: codes[0]] + b"\x09" + region[codes[0] + 1 :]),  # no such member
        (tree, region[: notes[0]] + region[notes[0]:].replace(b"\0", b"-", 1)),  # a text short
        (tree, region[: notes[0]] + b"\xff" + region[notes[0] + 1 :]),  # not UTF-8
    ]:
        with pytest.raises(plain.Unsupported):
            plain.decode(bad_tree, bad_region)
    with pytest.raises(plain.Unsupported):
        plain.load(b"{\"dataset\": [}\n")  # no JSON
    with pytest.raises(plain.Unsupported):
        plain.load(json.dumps(tree).encode())  # no line after it: no region


def test_a_column_of_equal_values_of_different_types_keeps_each_its_type():
    """A column of one repeated value is written once: only when every value is of one exact
    type, never a float (-0.0 == 0.0), never 1 for True or 5 for 5.0."""
    data = Dataset({}, {}, {
        "a": (Point(2020, 0.0), Point(2021, -0.0), Point(2022, 0.0)),
        "b": (Point(2020, 5), Point(2021, 5.0)),
        "c": (Point(2020, 1.5, note="x"), Point(2020, 1.5, note="x")),
    })
    back = _round_trip(data)
    assert [math.copysign(1, p.value) for p in back.series["a"]] == [1, -1, 1]
    assert [type(p.value) for p in back.series["b"]] == [int, float]
    indicators = {i: Indicator(i, "n", precision=p) for i, p in (("x", 1), ("y", True), ("z", None))}
    back = _round_trip(Dataset(indicators, {}))
    assert [type(i.precision) for i in back.indicators.values()] == [int, bool, type(None)]


def test_columns_with_some_values_unset_come_back_equal():
    """Optional fields set in some records only (an enum, a record, a pair, a day), empty and
    non-empty tuples, dicts of dicts of tuples and empty ones: each column form."""
    from datetime import date

    from soctrang_kpi.core.model import Aggregate, Rule, WithinYear

    indicators = {
        "a": Indicator("a", "A", within_year=WithinYear.FLOW, aggregate=Aggregate(Rule.SUM), bounds=(0.0, None), reporting=("month", "year")),
        "b": Indicator("b", "B"),
        "c": Indicator("c", "C", within_year=WithinYear.LEVEL, reporting=("year",)),
    }
    series = {"a": (Point(2020, 1.0, recorded=date(2024, 3, 5)), Point(2021, 2.0)), "b": (), "c": (Point(2020, 1.0),)}
    by_area = {"x": {"a": series["a"], "c": ()}, "y": {}, "z": {"c": series["c"]}}
    back = _round_trip(Dataset(indicators, {}, series, by_area=by_area))
    assert type(back.indicators["a"].within_year) is WithinYear and back.series["b"] == ()
    assert type(back.by_area["x"]["a"][0].recorded) is date and back.by_area["y"] == {}
    assert all(type(v) is dict for v in back.by_area.values()) and back.by_area["x"] is not back.by_area["y"]


def test_warnings_keep_their_message_in_both_languages():
    message = Text("yaml.with_hint", message=Text("yaml.too_large", size=Num(1234.5, 1), limit="10"), hint=Text("hint.tab_indent"))
    warnings = [Problem("actuals.yaml", 3, 4, message, "exports", "2023", True), Problem("a.yaml", 0, 0, "plain words")]
    _, back = _again(Dataset({}, {}), warnings)
    assert back == warnings
    assert [p.render("vi") for p in back] == [p.render("vi") for p in warnings]


@pytest.mark.parametrize("odd", [Ambiguous("41.200"), Text("problem.warning")], ids=["ambiguous", "text"])
def test_a_value_of_a_type_the_model_does_not_name_is_not_cached(dataset, odd):
    indicator = next(iter(dataset.indicators.values()))._replace(name=odd)
    with pytest.raises(plain.Unsupported):
        plain.encode(dataset._replace(indicators={indicator.id: indicator}), [])


@pytest.mark.parametrize("entry", [None, [], {"dataset": [1], "warnings": []}, {"dataset": [{}, {}, {"a": [[2020, 1, "nope", ""]]}, {}, {}], "warnings": []}])
def test_what_encode_did_not_write_does_not_decode(entry):
    with pytest.raises(plain.Unsupported):
        plain.decode(entry)


def _first_places(objects):
    """For each of ``objects``, the index of the first one that is the very same object: which
    places the data holds one object for."""
    first = {}
    return [first.setdefault(id(o), i) for i, o in enumerate(objects)]


def _shared_places(data):
    """Which places hold one object: the Points of all series, the Targets of all rows, and the
    indicators' ids (key, record, row, series key)."""
    points = [p for s in data.series.values() for p in s]
    targets = [row.target for plan in data.plans.values() for row in plan.rows]
    ids = [*data.indicators, *(i.id for i in data.indicators.values()), *(row.indicator for plan in data.plans.values() for row in plan.rows), *data.series]
    return _first_places(points), _first_places(targets), _first_places(ids)


@pytest.fixture(scope="module")
def generated():
    """300 series of benchmarks/make_data.py, their values whole numbers (so that, as at 100.000
    series of two decimals, most years' values are another series' too), parsed and checked: the
    loader shares equal Points and Targets, and holds an indicator's id once."""
    import re

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from make_data import generate
    finally:
        sys.path.pop(0)
    return load.load_texts(*(re.sub(r"(\d)\.\d+", r"\1", text) for text in generate(300)))


def test_an_entry_read_back_holds_one_object_where_the_parsed_data_does(generated):
    """The records the loader shares (a Point for the same year, value and status of many series,
    a Target for equal rows) are written once and read back as one object; an indicator's id is
    one text for its key, its record, its rows and its series: what comes back is equal to the
    parsed data and shares exactly where it shares (issue 27: an entry read back held 3,05 KB a
    series at 100.000 series, the parsed data 1,9)."""
    dataset, warnings = generated
    points, targets, ids = _shared_places(dataset)
    assert len(set(points)) < len(points) / 2 and len(set(targets)) < len(targets) / 2 and len(set(ids)) < len(ids) / 3
    back, back_warnings = _again(dataset, warnings)
    assert (back, back_warnings) == (dataset, warnings)
    assert _shared_places(back) == (points, targets, ids)
    years = [p.year for s in back.series.values() for p in s]
    assert len({id(year) for year in years}) == len(set(years)) == 6  # one int a year, not one a Point
    written, _ = _written(dataset)
    assert written["dataset"][2][2][2][0] == plain.SHARED  # the series' Points


def test_records_held_once_are_written_once_and_records_held_apart_stay_apart():
    """Sharing follows the objects, not their values: equal Points the data holds apart come back
    apart (0.0 and -0.0 are equal), one Point held in several series comes back one. A column
    whose records are all apart is written a field at a time, as before."""
    one, zero = Point(2020, 1.5), Point(2021, 0.0)
    apart = tuple(Point(2000 + i, float(i)) for i in range(8))
    series = {f"s{i}": (one, zero if i % 2 else Point(2021, -0.0)) for i in range(8)}
    data = Dataset({}, {}, {**series, "apart": apart, "again": apart})
    back = _round_trip(data)
    assert _first_places(p for s in back.series.values() for p in s) == _first_places(p for s in data.series.values() for p in s)
    assert [str(s[1].value) for s in back.series.values()][:8] == [str(s[1].value) for s in series.values()]
    assert _written(data)[0]["dataset"][2][2][2][0] == plain.SHARED
    assert _written(Dataset({}, {}, {"apart": apart}))[0]["dataset"][2][2][2][0] == plain.FIELDS


def _shared_entry():
    """An entry whose series hold 8 places of 3 Points (one, two, one, three, one, ...), its
    Points' column and its region."""
    one, two, three = Point(2020, 1.0), Point(2021, 2.0), Point(2022, 3.0)
    data = Dataset({}, {}, {"a": (one, two, one, three, one, two, one, three)})
    tree, region = _written(data)
    column = tree["dataset"][2][2][2]
    assert column[0] == plain.SHARED and plain.decode(tree, region)[0] == data
    places, firsts = column[1], column[2]
    assert region[places[0] : places[0] + places[1]] == struct.pack("<8I", 0, 1, 0, 3, 0, 1, 0, 3)
    assert region[firsts[0] : firsts[0] + firsts[1]] == struct.pack("<3I", 0, 1, 3)
    return tree, region, places, firsts


def test_a_shared_column_encode_did_not_write_does_not_decode():
    """A place naming a place that holds no record of its own or lies beyond them, a first place
    twice, more or fewer first places than records, places of the wrong size, a shared column
    where encode writes none: each is refused."""
    tree, region, places, firsts = _shared_entry()

    def with_region(at, packed):
        return tree, region[:at[0]] + packed + region[at[0] + at[1]:]

    def with_column(change):
        bad = json.loads(json.dumps(tree))
        change(bad["dataset"][2][2][2])
        return bad, region

    for bad_tree, bad_region in [
        with_region(places, struct.pack("<8I", 0, 1, 0, 3, 0, 1, 0, 2)),  # place 2 holds place 0's record
        with_region(places, struct.pack("<8I", 0, 1, 0, 3, 0, 1, 0, 9)),  # beyond the places
        with_region(firsts, struct.pack("<3I", 0, 1, 1)),  # a first place twice
        with_region(firsts, struct.pack("<3I", 0, 1, 5)),  # place 3 holds no record; 5 one it does not use
        with_column(lambda c: c.__setitem__(2, [firsts[0], 8])),  # 2 first places for 3 records (and a byte never read)
        with_column(lambda c: c.__setitem__(1, [places[0], 28])),  # 7 places for 8
        with_column(lambda c: c.pop()),  # no records
        with_column(lambda c: c[3][1][0].__setitem__(1, [2020, 2021])),  # 2 records for 3 first places
    ]:
        with pytest.raises(plain.Unsupported):
            plain.decode(bad_tree, bad_region)
    short = json.loads(json.dumps(tree))
    short["dataset"][2][2][1] = [plain.SAME, 4]  # a series of 4: a shared column is never written below 8 places
    short["dataset"][2][2][2][1] = [places[0], 16]
    with pytest.raises(plain.Unsupported):
        plain.decode(short, region[:places[0] + 16] + region[places[0] + places[1]:])


# --- the store ---------------------------------------------------------------------------------


def test_a_second_load_of_the_same_bytes_is_served_and_equal(home):
    first, second = Parser(), Parser()
    loaded = cache.load(FILES, NAMES, first)
    assert cache.load(FILES, NAMES, second) == loaded and (first.calls, second.calls) == (1, 0)
    assert stat.S_IMODE(home.stat().st_mode) == 0o700 and stat.S_IMODE(entry_of(home).stat().st_mode) == 0o600


def test_an_entry_is_its_header_its_region_and_its_json(home):
    """The entry is a header line (the format, the key, the signature, the size of the rest in 20
    digits: written last, in the blank left for it), the region (the long columns: the Vietnamese
    names as UTF-8), written as it is made, and the JSON on the last line."""
    cache.load(FILES, NAMES, Parser())
    header, _, rest = entry_of(home).read_bytes().partition(b"\n")
    _, key, signature, _ = header.rsplit(b" ", 3)
    assert header == b" ".join((cache.FORMAT, key, signature, b"%020d" % len(rest)))
    region, _, skeleton = rest.rpartition(b"\n")
    assert len(key) == len(signature) == 64 and "ư".encode() in region
    assert json.loads(skeleton)["dataset"]
    assert plain.load(rest)[0] == load.parse_files(ROOT, FILES)[0]


def test_a_changed_file_is_parsed_again(home):
    cache.load(FILES, NAMES, Parser())
    changed = dict(FILES, **{"actuals.yaml": FILES["actuals.yaml"] + b"\n# a comment\n"})
    parser = Parser(changed)
    cache.load(changed, NAMES, parser)
    assert parser.calls == 1


def test_other_names_other_version_other_code_are_other_entries(home, monkeypatch):
    cache.load(FILES, NAMES, Parser())
    parser = Parser()
    cache.load(FILES, ("data/targets.yaml", "data/actuals.yaml"), parser)
    monkeypatch.setattr(cache, "__version__", "99.0")
    cache.load(FILES, NAMES, parser)
    monkeypatch.setattr(cache, "_CODE_DIGEST", {"blake2b-256": "another loader", "sha256": "another loader"})
    cache.load(FILES, NAMES, parser)
    assert parser.calls == 3


@pytest.mark.parametrize("module", ["files/load.py", "core/model.py", "output/payloads.py"])
def test_a_changed_source_file_is_another_entry(home, module, monkeypatch):
    """The code digest is each source file's path, size and modification time (as Python's
    bytecode cache tells a changed module): an edited file is another key, the data parsed again."""
    import soctrang_kpi

    path = os.path.join(os.path.dirname(soctrang_kpi.__file__), module)
    monkeypatch.setattr(cache, "_CODE_DIGEST", {})
    parser = Parser()
    cache.load(FILES, NAMES, parser)
    found = os.stat(path)
    try:
        os.utime(path, ns=(found.st_atime_ns, found.st_mtime_ns + 1))
        monkeypatch.setattr(cache, "_CODE_DIGEST", {})
        cache.load(FILES, NAMES, parser)
        assert parser.calls == 2
    finally:
        os.utime(path, ns=(found.st_atime_ns, found.st_mtime_ns))
    monkeypatch.setattr(cache, "_CODE_DIGEST", {})
    cache.load(FILES, NAMES, parser)
    assert parser.calls == 2  # the first entry again


def test_a_file_remembered_by_an_answer_key_and_then_changed_is_parsed_again(home):
    """The files' digests an answer's key remembers (files/answers.py) serve only the very same
    bytes objects: other bytes under the same name are hashed, and a changed file is parsed."""
    cache.load(FILES, NAMES, Parser())
    cache.key(FILES, NAMES, remember=True)
    changed = dict(FILES, **{"actuals.yaml": FILES["actuals.yaml"] + b"\n# a comment\n"})
    parser = Parser(changed)
    cache.load(changed, NAMES, parser)
    assert parser.calls == 1 and cache._DIGESTS == {}


def test_kpi_cache_0_turns_it_off(home, monkeypatch):
    monkeypatch.setenv("KPI_CACHE", "0")
    parser = Parser()
    cache.load(FILES, NAMES, parser)
    cache.load(FILES, NAMES, parser)
    assert parser.calls == 2 and not home.exists()


def test_small_folders_are_not_cached(home, monkeypatch):
    monkeypatch.setattr(cache, "MIN_BYTES", 10 * sum(map(len, FILES.values())))
    cache.load(FILES, NAMES, Parser())
    assert not home.exists()


def test_the_folder_is_xdg_cache_home_else_dot_cache():
    assert cache.folder({"XDG_CACHE_HOME": "/x/cache"}) == Path("/x/cache/soctrang_kpi")
    home = Path(os.path.expanduser("~"))
    assert cache.folder({"XDG_CACHE_HOME": "relative/cache"}) == home / ".cache" / "soctrang_kpi"
    assert cache.folder({}) == home / ".cache" / "soctrang_kpi"


def _plant(home: Path, mutate) -> Parser:
    """Write a good entry, let ``mutate(entry)`` change it, load again: the parser the second
    load used."""
    cache.load(FILES, NAMES, Parser())
    mutate(entry_of(home))
    parser = Parser()
    assert cache.load(FILES, NAMES, parser) == load.parse_files(ROOT, FILES)
    return parser


def _poison(entry: Path) -> None:
    """The entry's own header, with a value changed in its body and signed with the folder's
    secret: what only the user (or root), reading that secret, could write."""
    header, _, rest = entry.read_bytes().partition(b"\n")
    rest = rest.replace(b"2020", b"2019", 1)
    magic, key, _, _ = header.rsplit(b" ", 3)
    secret = (entry.parent / cache.SECRET).read_bytes()
    signature = folder_signature(secret, key + b"\n" + rest, sum(map(len, FILES.values())))
    entry.write_bytes(b" ".join((magic, key, signature, str(len(rest)).encode())) + b"\n" + rest)


def _replant(entry: Path) -> None:
    """The entry's body changed and its header's digest and size recomputed as SHA-256, 0600 kept:
    what a tool or a copy made without the folder's secret can write."""
    import hashlib

    header, _, rest = entry.read_bytes().partition(b"\n")
    rest = rest.replace(b"2020", b"2019", 1)
    magic, key, _, _ = header.rsplit(b" ", 3)
    entry.write_bytes(b" ".join((magic, key, hashlib.sha256(rest).hexdigest().encode(), str(len(rest)).encode())) + b"\n" + rest)
    entry.chmod(0o600)


def test_an_entry_planted_with_a_recomputed_header_but_not_the_secret_is_not_served(home):
    assert _plant(home, _replant).calls == 1
    assert oct(stat.S_IMODE((home / cache.SECRET).stat().st_mode)) == "0o600"


def test_an_entry_copied_from_another_cache_folder_is_not_served(home, tmp_path, monkeypatch):
    cache.load(FILES, NAMES, Parser())
    theirs = entry_of(home)
    body = theirs.read_bytes()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other"))
    cache.load({"a.yaml": b"x"}, NAMES, lambda: (Dataset({}, {}), []))  # makes the other folder's secret
    ours = tmp_path / "other" / "soctrang_kpi" / theirs.name
    ours.write_bytes(body)
    ours.chmod(0o600)
    parser = Parser()
    assert cache.load(FILES, NAMES, parser) == load.parse_files(ROOT, FILES) and parser.calls == 1


def test_a_secret_not_the_users_own_or_of_the_wrong_size_means_no_cache(home):
    cache.load(FILES, NAMES, Parser())
    (home / cache.SECRET).chmod(0o644)
    parser = Parser()
    cache.load(FILES, NAMES, parser)
    assert parser.calls == 1
    (home / cache.SECRET).chmod(0o600)
    (home / cache.SECRET).write_bytes(b"short")
    cache.load(FILES, NAMES, parser)
    assert parser.calls == 2


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda e: e.write_bytes(e.read_bytes()[: len(e.read_bytes()) // 2]), id="truncated"),
        pytest.param(lambda e: e.write_bytes(e.read_bytes().replace(b"2020", b"2019", 1)), id="changed-body"),
        pytest.param(lambda e: e.write_bytes(b"\x00" * 100), id="garbage"),
        pytest.param(lambda e: e.write_bytes(b""), id="empty"),
        pytest.param(lambda e: (_poison(e), e.chmod(0o644)), id="readable-by-others"),
        pytest.param(lambda e: (_poison(e), e.chmod(0o620)), id="writable-by-group"),
    ],
)
def test_a_changed_or_corrupt_entry_is_never_served(home, mutate):
    assert _plant(home, mutate).calls == 1
    assert cache.load(FILES, NAMES, Parser()) == load.parse_files(ROOT, FILES)  # and it was replaced


def test_an_entry_planted_under_the_right_name_from_other_data_is_not_served(home):
    other = dict(FILES, **{"actuals.yaml": FILES["actuals.yaml"] + b"\n"})
    cache.load(other, NAMES, Parser(other))
    planted = entry_of(home)
    right_name = cache.key(FILES, NAMES) + cache.SUFFIX
    os.replace(planted, home / right_name)
    parser = Parser()
    cache.load(FILES, NAMES, parser)
    assert parser.calls == 1


def test_another_users_entry_is_not_served(home, monkeypatch):
    cache.load(FILES, NAMES, Parser())
    _poison(entry_of(home))
    real = cache._uid()
    monkeypatch.setattr(cache, "_uid", lambda: real + 1)  # the entry (and the folder) are now another user's
    parser = Parser()
    assert cache.load(FILES, NAMES, parser) == load.parse_files(ROOT, FILES) and parser.calls == 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_an_entry_chowned_to_another_user_is_not_served(home):
    assert _plant(home, lambda e: (_poison(e), os.chown(e, 1234, 1234))).calls == 1


def test_an_entry_that_is_a_link_is_not_followed(home, tmp_path):
    def link(entry: Path) -> None:
        _poison(entry)
        target = tmp_path / "elsewhere.json"
        os.replace(entry, target)
        entry.symlink_to(target)

    assert _plant(home, link).calls == 1


def test_an_entry_that_is_a_fifo_hangs_nothing(home):
    def fifo(entry: Path) -> None:
        entry.unlink()
        os.mkfifo(entry, 0o600)

    assert _plant(home, fifo).calls == 1


@pytest.mark.parametrize("mode", [0o755, 0o770, 0o701])
def test_a_folder_others_can_enter_is_not_used(home, mode):
    cache.load(FILES, NAMES, Parser())
    _poison(entry_of(home))
    home.chmod(mode)
    parser = Parser()
    assert cache.load(FILES, NAMES, parser) == load.parse_files(ROOT, FILES) and parser.calls == 1
    assert sorted(p.name for p in home.iterdir()) == sorted([entry_of(home).name, cache.SECRET])  # nothing written there either


def test_a_cache_folder_that_is_a_link_is_not_used(home, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    home.parent.mkdir()
    home.symlink_to(elsewhere)
    parser = Parser()
    cache.load(FILES, NAMES, parser)
    cache.load(FILES, NAMES, parser)
    assert parser.calls == 2 and list(elsewhere.iterdir()) == []


def test_a_cache_folder_that_is_a_file_or_unwritable_costs_only_the_parse(home):
    home.parent.mkdir()
    home.write_text("not a folder")
    parser = Parser()
    assert cache.load(FILES, NAMES, parser) == load.parse_files(ROOT, FILES) and parser.calls == 1


def test_old_entries_are_removed_beyond_the_limit(home, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    for i in range(4):
        files = dict(FILES, **{"actuals.yaml": FILES["actuals.yaml"] + b"\n" * (i + 1)})
        cache.load(files, NAMES, Parser(files))
    assert len([p for p in home.iterdir() if p.suffix == ".json"]) == 2


def _write_many(home: str, rounds: int) -> None:
    os.environ["XDG_CACHE_HOME"] = str(Path(home).parent)
    cache.MIN_BYTES = 0
    for _ in range(rounds):
        store = cache.Store.open(Path(home), cache.hashing_of(FILES))
        assert store is not None
        with store:
            store.put(cache.key(FILES, NAMES), load.parse_files(ROOT, FILES))


@pytest.mark.skipif(sys.platform == "win32", reason="no dir_fd on Windows: no cache there")
def test_writers_at_once_leave_a_whole_entry_and_no_temporary_file(home):
    home.parent.mkdir()
    home.mkdir(mode=0o700)
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_write_many, args=(str(home), 5)) for _ in range(4)]
    for writer in writers:
        writer.start()
    for _ in range(20):  # reading meanwhile: a whole entry or none
        store = cache.Store.open(home, cache.hashing_of(FILES))
        with store:
            found = store.get(cache.key(FILES, NAMES))
        assert found is None or found == load.parse_files(ROOT, FILES)
    for writer in writers:
        writer.join(60)
        assert writer.exitcode == 0
    assert sorted(p.name for p in home.iterdir()) == sorted([cache.key(FILES, NAMES) + cache.SUFFIX, cache.SECRET])
    parser = Parser()
    cache.load(FILES, NAMES, parser)
    assert parser.calls == 0


def test_loading_pauses_the_collector_and_restores_it():
    import gc

    seen = []
    cache.load({"a": b""}, NAMES, lambda: seen.append(gc.isenabled()) or (Dataset({}, {}), []))
    assert seen == [False] and gc.isenabled()


def test_the_poisoned_entry_of_these_tests_would_be_served_from_the_users_own_folder(home):
    """What the tests above refuse is refused for its owner, mode, type or folder: the same
    poisoned entry, signed with the folder's secret and left the user's own, is served (the
    user's own account can read the secret, as it can edit the data files)."""
    cache.load(FILES, NAMES, Parser())
    _poison(entry_of(home))
    parser = Parser()
    assert cache.load(FILES, NAMES, parser) != load.parse_files(ROOT, FILES) and parser.calls == 0


def test_kpi_record_leaves_the_checked_data_it_wrote_for_the_next_command(home, folder, monkeypatch):
    """`kpi record` checks the file it writes by loading it: that load is kept, so the next
    command does not parse again; and record's own first load is served from the cache."""
    from ..conftest import kpi

    assert kpi("status", "--json", "--data-dir", str(folder)).exit_code == 0
    calls = []
    real = load.load_texts
    monkeypatch.setattr(load, "load_texts", lambda *a: calls.append(1) or real(*a))
    result = kpi("record", "exports", "2023", "1.4", "--status", "estimate", "--force", "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    assert len(calls) == 1  # the file as it was came from the cache; the new one was checked

    def no_parse(*args):
        raise AssertionError("parsed again")

    monkeypatch.setattr(load, "parse_files", no_parse)
    shown = kpi("show", "exports", "--json", "--data-dir", str(folder))
    assert shown.exit_code == 0 and '"value":1.4' in shown.stdout.replace(" ", "")


def _points():
    from hypothesis import strategies as st

    texts = st.text(st.characters(blacklist_categories=()), max_size=6)  # NUL, lone surrogates, pairs
    numbers = st.one_of(st.floats(allow_nan=False), st.integers(-(1 << 70), 1 << 70))
    point = st.builds(Point, st.integers(-(1 << 70), 1 << 70), numbers, st.sampled_from(list(PointStatus)), texts, texts)
    return st.dictionaries(st.text(max_size=3), st.lists(point, max_size=12).map(tuple), max_size=4)


def test_any_series_comes_back_exactly():
    """Whatever the series hold — ints beyond 64 bits, floats and ints in one column, texts with
    NUL, lone surrogates or two in a row, columns short and long — what comes back is equal,
    each value of its type."""
    from hypothesis import given, settings

    @settings(max_examples=50, deadline=None)
    @given(_points())
    def check(series):
        data = Dataset({}, {}, series)
        back, _ = _again(data)
        assert back == data
        assert [[type(v) for p in s for v in p] for s in back.series.values()] == [[type(v) for p in s for v in p] for s in series.values()]

    check()


@pytest.mark.parametrize("size, name", [(0, "blake2b-256"), ((1 << 20) - 1, "blake2b-256"), (1 << 20, "sha256"), (40 << 20, "sha256")])
def test_a_folder_below_1_mib_is_keyed_and_signed_with_blake2b_from_it_with_sha256(size, name):
    used = cache.hashing(size)
    assert used.name == name
    secret = bytes(range(32))
    signing = used.signing(secret, "k")
    signing.update(b"body")
    assert signing.hexdigest().encode() == folder_signature(secret, b"k\nbody", size)
    assert len(used.digest(b"x").hexdigest()) == 64  # an entry's name: 64 hex digits either way


@pytest.mark.parametrize("padding", [0, 1 << 20], ids=["blake2b", "sha256"])
def test_an_entry_is_signed_as_its_folders_size_says_and_a_signature_of_the_other_kind_is_a_miss(home, padding):
    files = dict(FILES, **{"actuals.yaml": FILES["actuals.yaml"] + b"\n" + (b"#" + b"." * 1023 + b"\n") * (padding // 1024)})
    size = sum(map(len, files.values()))
    cache.load(files, NAMES, Parser(files))
    entry = entry_of(home)
    header, _, body = entry.read_bytes().partition(b"\n")
    magic, key, signature, length = header.rsplit(b" ", 3)
    secret = (home / cache.SECRET).read_bytes()
    assert signature == folder_signature(secret, key + b"\n" + body, size)
    other = folder_signature(secret, key + b"\n" + body, 0 if padding else 1 << 20)
    assert other != signature
    entry.write_bytes(b" ".join((magic, key, other, length)) + b"\n" + body)
    parser = Parser(files)
    assert cache.load(files, NAMES, parser) == load.parse_files(ROOT, files)
    assert parser.calls == 1  # the entry signed the other way: parsed again
    assert cache.key(files, NAMES) != cache.key(files | {"x": b""}, NAMES)


def test_dump_gives_the_region_to_its_sink_as_it_is_made_and_returns_what_follows_it():
    dataset, warnings = load.parse_files(ROOT, FILES)
    given: list[bytes] = []
    rest = plain.dump(dataset, warnings, sink=given.append)
    assert given and rest[0] == b"\n" and len(rest) == 2  # the region was not kept
    assert b"".join(given + rest) == b"".join(plain.dump(dataset, warnings))
    assert plain.load(b"".join(given + rest)) == (dataset, warnings)


def test_an_entry_that_cannot_be_carried_after_its_region_was_written_leaves_no_file(home):
    """The warnings are encoded after the data's columns went to the temporary file: one that
    cannot be carried removes it, and nothing is kept."""
    dataset, warnings = load.parse_files(ROOT, FILES)
    odd = Problem("actuals.yaml", 1, 1, Text("problem.warning"), "x", "y", True)._replace(message=object())
    cache.load(FILES, NAMES, lambda: (dataset, [*warnings, odd]))
    assert sorted(p.name for p in home.iterdir()) == [cache.SECRET]
    parser = Parser()
    cache.load(FILES, NAMES, parser)
    assert parser.calls == 1


def test_each_records_field_types_are_its_annotations_with_the_ones_written_as_text_evaluated():
    """``plain._hints`` (read without typing.get_type_hints) gives what get_type_hints gives, for
    every record the codec of a Dataset writes."""
    import typing

    from soctrang_kpi.core.kinds import Kind
    from soctrang_kpi.core.model import Period, Version

    plain._dataset()
    records = [kind for kind in plain._CODECS if isinstance(kind, type) and hasattr(kind, "_fields")]
    assert Dataset in records and len(records) > 10
    for kind in records:
        assert plain._hints(kind) == typing.get_type_hints(kind, localns={"Kind": Kind, "Period": Period, "Version": Version}), kind


def test_text_inside_a_fields_type_is_refused_with_where_to_write_it():
    from typing import NamedTuple

    class Odd(NamedTuple):
        points: tuple["Point", ...]

    with pytest.raises(TypeError, match="whole as text"):
        plain._codec(Odd, {})
