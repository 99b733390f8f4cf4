"""Loading lets go of what it has read (issue 27): the files' bytes once decoded (when asked),
each file's parsed tree once checked; what is loaded and reported is the same."""

import pytest

from soctrang_kpi.errors import DataError
from soctrang_kpi.files import load

from ..conftest import ROOT


def test_the_bytes_are_let_go_of_only_when_asked(tmp_path):
    files = load.read_files(ROOT, [])
    kept = dict(files)
    dataset, warnings = load.parse_files(ROOT, files)
    assert files == kept
    released, again = load.parse_files(ROOT, files, release=True)
    assert (released, again) == (dataset, warnings) and set(files.values()) == {b""}


def test_a_file_that_does_not_parse_is_reported_with_the_parse_problems_alone():
    """targets.yaml is checked before actuals.yaml is parsed: its problems are not reported when
    actuals.yaml does not parse, as when both were parsed first."""
    targets = (ROOT / "targets.yaml").read_text(encoding="utf-8").replace("base_year: 2020", "base_year: twenty", 1)
    with pytest.raises(DataError) as caught:
        load.load_texts(targets, "series: [\n")
    assert [p.file for p in caught.value.problems] == ["actuals.yaml"]
    with pytest.raises(DataError) as caught:
        load.load_texts(targets, (ROOT / "actuals.yaml").read_text(encoding="utf-8"))
    assert {p.file for p in caught.value.problems} == {"targets.yaml"}


def test_the_bytes_are_let_go_of_when_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("KPI_CACHE", "1")
    monkeypatch.setattr("soctrang_kpi.files.cache.MIN_BYTES", 0)
    first = load.read(ROOT, [], load.read_files(ROOT, []))
    files = load.read_files(ROOT, [])
    assert load.read(ROOT, [], files) == first and set(files.values()) == {b""}


def test_the_texts_are_held_as_utf8_once_parsed_and_still_place_a_problem():
    """Each file's text is replaced by its UTF-8 bytes as it is parsed (a text with "Chỉ tiêu"
    takes 2 bytes a character); a problem found after is still placed at its line and column."""
    texts: list = ["a: Chỉ tiêu\n", "b: 1\n"]
    tree, problems = load._parse("targets.yaml", texts, 0, frozenset())
    assert (tree, problems) == ({"a": "Chỉ tiêu"}, []) and texts == ["a: Chỉ tiêu\n".encode(), "b: 1\n"]
    targets = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    assert not targets.isascii()
    wrong = targets.replace("base_year: 2020", "base_year: twenty", 1)
    line = wrong[: wrong.index("base_year: twenty")].count("\n") + 1
    with pytest.raises(DataError) as caught:
        load.load_texts(wrong, (ROOT / "actuals.yaml").read_text(encoding="utf-8"))
    assert [(p.file, p.line, p.column) for p in caught.value.problems] == [("targets.yaml", line, 16)]


def test_equal_values_share_one_point_and_read_the_same():
    """A year's value that several series have is one Point (records are immutable); 0 and -0.0
    are equal but are not written the same, and are kept apart."""
    targets = (
        "indicators:\n" + "".join(f"- {{id: i{n}, name: I{n}, unit: '%'}}\n" for n in range(4))
        + "plans:\n- {id: p, name: P, base_year: 2020, target_year: 2025, targets: [{indicator: i0, number: '1', kind: level, value: 1}]}\n"
    )
    actuals = (
        "series:\n"
        "  i0: {actual: {2020: 1.5, 2021: 0.0}}\n"
        "  i1: {actual: {2020: 1.5, 2021: -0.0}}\n"
        "  i2: {estimate: {2020: 1.5}}\n"
        "  i3: {actual: {2020: 1.50}}\n"
    )
    dataset, _warnings = load.load_texts(targets, actuals)
    series = dataset.series
    assert series["i0"][0] is series["i1"][0] is series["i3"][0]
    assert series["i2"][0][:2] == (2020, 1.5) and series["i2"][0] is not series["i0"][0]
    assert str(series["i0"][1].value) == "0.0" and str(series["i1"][1].value) == "-0.0"


def _outcome(load_them):
    try:
        return load_them()
    except DataError as err:
        return [p.render("en") for p in err.problems]


_TARGETS = (
    "indicators:\n" + "".join(f"- {{id: i{n}, name: I{n}, unit: '%'}}\n" for n in range(5)) + "- {id: '5', name: Five, unit: '%'}\n"
    + "plans:\n- {id: p, name: P, base_year: 2020, target_year: 2025, targets: [{indicator: i0, number: '1', kind: level, value: 1}]}\n"
)
_ACTUALS = "series:\n  i0: {actual: {2020: 1.5, 2026: 2}}\n  i1:\n    estimate: {2021: 1.5}\n  i2: {actual: {2021: 0}}\n"
_BAD_SERIES = "  nobody: {actual: {2021: 1}}\n  5: {actual: {2021: 1}}\n  i3: [1]\n  i4: {actual: {2021: 1}, estimate: {2021: 2}, plan: {2090: 3e400}}\n"


@pytest.mark.parametrize(
    "actuals",
    [
        _ACTUALS,
        _ACTUALS.replace("series:\n", "series:\n" + _BAD_SERIES, 1),
        _ACTUALS + "areas:\n  soc-trang:\n    i0: {actual: {2021: 1}}\n",  # the territory, after the series
        "areas: {}\n" + _ACTUALS,  # before them
        "series: {i0: {actual: {2021: 1}}, nobody: 1}\n",  # a flow mapping, read whole
    ],
)
def test_the_series_checked_as_actuals_yaml_is_parsed_are_what_checking_its_tree_gives(actuals):
    """load_texts reads the series as the file is parsed (actuals_schema.SeriesReader, a
    yamlio.Stream), with no tree of them; load_written checks a parsed tree: the same data, the
    same warnings and problems, also when the territory turns up in actuals.yaml after them."""
    streamed = _outcome(lambda: load.load_texts(_TARGETS, actuals))
    trees = (load.yamlio.parse("t", _TARGETS)[0], load.yamlio.parse("a", actuals)[0])
    assert streamed == _outcome(lambda: load.load_written(*trees, _TARGETS, actuals))
    assert streamed != _outcome(lambda: load.load_texts(_TARGETS, "series: {}\n"))


def test_a_series_twice_is_reported_as_the_parse_alone_says():
    """The series read before the parse found a key twice are not reported: only what the
    parse found, as when the whole tree was parsed first."""
    twice = _ACTUALS.replace("series:\n", "series:\n" + _BAD_SERIES, 1) + "  i0: {actual: {2021: 1}}\n"
    parsed = load.yamlio.parse("actuals.yaml", twice, subject=load.yaml_subject.in_actuals)[1]
    assert _outcome(lambda: load.load_texts(_TARGETS, twice)) == [p.render("en") for p in parsed] and len(parsed) == 1


def test_the_bundled_data_reads_the_same_streamed_and_from_its_tree():
    targets, actuals = ((ROOT / name).read_text(encoding="utf-8") for name in ("targets.yaml", "actuals.yaml"))
    trees = (load.yamlio.parse("t", targets)[0], load.yamlio.parse("a", actuals)[0])
    assert load.load_texts(targets, actuals) == load.load_written(*trees, targets, actuals)


def test_equal_targets_of_a_plan_share_one_record():
    """A Target is immutable: the rows of a plan with equal targets hold one record; a bound of
    0 (equal to -0.0, written otherwise) is not shared."""
    rows = "".join(f"{{indicator: i{n}, number: '{n}', kind: level, value: {v}}}, " for n, v in enumerate(["1.5", "1.50", "2", "0", "-0.0"]))
    targets = (
        "indicators:\n" + "".join(f"- {{id: i{n}, name: I{n}, unit: '%'}}\n" for n in range(5))
        + f"plans:\n- {{id: p, name: P, base_year: 2020, target_year: 2025, targets: [{rows}]}}\n"
    )
    dataset, _warnings = load.load_texts(targets, "series: {}\n")
    found = [row.target for row in dataset.plans["p"].rows]
    assert found[0] is found[1] and found[2] is not found[0] and found[2].value == 2
    assert (str(found[3].value), str(found[4].value)) == ("0.0", "-0.0")


@pytest.mark.parametrize("actuals", [_ACTUALS, _ACTUALS + "# areas: none yet\n", _ACTUALS.replace("i1:", '"\\x69\\x31":')])
def test_targets_yaml_s_problems_are_placed_before_its_text_is_let_go_of(actuals):
    """Without a word "areas" in actuals.yaml (nor a backslash), targets.yaml is not read again:
    its problems are placed and its text let go of before actuals.yaml is parsed (Checks.settle).
    Its warnings and errors are placed all the same."""
    targets = _TARGETS.replace("value: 1}", "value: -1}")
    line = targets[: targets.index("value: -1")].count("\n") + 1
    column = targets.splitlines()[line - 1].index("-1") + 1
    _dataset, warnings = load.load_texts(targets, actuals)
    assert [(p.file, p.line, p.column, p.warning) for p in warnings if p.file == "targets.yaml"] == [("targets.yaml", line, column, True)]
    with pytest.raises(DataError) as caught:
        load.load_texts(targets.replace("unit: '%'}", "unit: '%', bounds: 1}", 1), actuals)
    assert [(p.file, p.line) for p in caught.value.problems if not p.warning] == [("targets.yaml", 2)]


class _Libc:
    """A C library as ctypes gives it, recording malloc_trim's calls."""

    def __init__(self, calls: list[int] | None = None):
        if calls is not None:
            self.malloc_trim = calls.append


def test_a_large_load_gives_its_free_heap_back_and_a_small_one_does_not_ask(monkeypatch):
    import ctypes

    calls: list[int] = []
    monkeypatch.setattr(ctypes, "CDLL", lambda _name: _Libc(calls))
    load.give_back(load.GIVE_BACK_FROM - 1)
    assert calls == []
    load.give_back(load.GIVE_BACK_FROM)
    assert calls == [0]


def test_giving_back_without_glibc_does_nothing(monkeypatch):
    import ctypes

    monkeypatch.setattr(ctypes, "CDLL", lambda _name: _Libc())  # macOS, musl: no malloc_trim
    load.give_back(load.GIVE_BACK_FROM)

    def no_library(_name):
        raise OSError("no C library")

    monkeypatch.setattr(ctypes, "CDLL", no_library)
    load.give_back(load.GIVE_BACK_FROM)


def test_reading_a_large_folder_gives_back_once(tmp_path, monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(load, "GIVE_BACK_FROM", 1)
    monkeypatch.setattr(load, "give_back", calls.append)
    monkeypatch.setenv("KPI_CACHE", "0")
    names = ("targets.yaml", "actuals.yaml")
    for name in names:
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    load.read(tmp_path)
    assert calls == [sum((tmp_path / name).stat().st_size for name in names)]
