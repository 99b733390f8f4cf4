"""Checking the two files into the model (targets_schema, actuals_schema, checks, share_sums):
what each kind takes comes from core/kinds.py; problems are collected with their path and located
to a line only when said."""

from soctrang_kpi.core.kinds import KINDS, Ranges
from soctrang_kpi.core.model import Indicator, Kind
from soctrang_kpi.files import actuals_schema, targets_schema
from soctrang_kpi.files.checks import Checks
from soctrang_kpi.files.share_sums import warn_share_sums
from soctrang_kpi.messages import Text


def test_the_schema_reads_what_each_kind_takes_from_the_kinds_table():
    assert targets_schema.RANGE_ONLY == {k for k, s in KINDS.items() if s.ranges is Ranges.MUST} == {Kind.BAND}
    assert targets_schema.RANGE_KINDS == {k for k, s in KINDS.items() if s.ranges is not Ranges.NEVER}
    assert targets_schema.ONLY_FOR["drop"] == {Kind.REDUCTION}
    assert targets_schema.ONLY_FOR["approximate"] == {k for k, s in KINDS.items() if s.worded}


def test_a_problem_is_located_to_its_line_when_said():
    source = "schema_version: 1\nseries:\n  x:\n    actual: {2021: oops}\n"
    c = Checks("actuals.yaml", source)
    c.add(("series", "x", "actual", 2021), Text("check.number", found='"oops"', hint=""), "x", "2021")
    (problem,) = c.problems()
    assert (problem.file, problem.line, problem.indicator) == ("actuals.yaml", 4, "x") and c.has_errors()


def test_the_actuals_schema_reads_an_index_as_a_rate():
    c = Checks("actuals.yaml", "")
    data = {"schema_version": 1, "series": {"x": {"as_index": True, "actual": {2021: 107.5}}}}
    series, _published = actuals_schema.actuals(c, data, {"x": Indicator("x", "X")}, {})
    assert series["x"][0].value == 7.5 and not c.has_errors()


def test_shares_that_do_not_sum_to_100_are_a_warning(dataset):
    c = Checks("actuals.yaml", "")
    series = dict(dataset.series, **{"grdp-share-sector-1": tuple(p._replace(value=p.value + 5) for p in dataset.series["grdp-share-sector-1"])})
    warn_share_sums(c, dataset.indicators, dataset.plans, series)
    assert c.pending and all(p.warning for p in c.pending) and not c.has_errors()


import pytest  # noqa: E402

from soctrang_kpi.files.appendix_layout import strict_in_words  # noqa: E402


@pytest.mark.parametrize("printed, strict", [
    ("Trên 80 %", True), ("Dưới 1,5 %", True), ("Hơn 80 %", True), ("Cao hơn 80 %", True), ("Phấn đấu đạt trên 80 %", True),
    ("Tối thiểu 80 %", False), ("Từ 10 % trở lên", False), ("Ít nhất 80 %", False), ("Đạt 100 % dự toán", False),
    ("Không dưới 80 %", False), ("Không thấp hơn 80 %", False), ("Không quá 1,5 %", False), ("≥ 80", False), ("> 80", True),
    ("100 % kế hoạch", None), ("80 %", None), ("Nhóm 15 địa phương dẫn đầu", None),
    ("Trên 80 %, tối thiểu 75 %", None),  # says both: the plan must say which
    ("Over 80%", True), ("Under 1.5%", True), ("Not less than 80%", False), ("No less than 80%", False),
])
def test_the_printed_wording_says_whether_a_bound_must_be_passed(printed, strict):
    assert strict_in_words(printed) is strict


@pytest.mark.parametrize("unit, value, said", [
    ("Tỷ đồng", 57, True),  # "57 nghìn tỷ" written as 57 on a Tỷ đồng row: said
    ("Tỷ đồng", 57000, False),
    ("Nghìn tỷ đồng", 57, False),  # the unit says the same size
    ("%", 57, False),  # nothing to read the size against: not said here
])
def test_a_printed_size_the_value_does_not_follow_is_a_warning(unit, value, said):
    c = Checks("targets.yaml", "")
    known = {"revenue": Indicator("revenue", "Thu ngân sách", unit=unit)}
    entry = {"kind": "level", "value": value, "printed": "57 nghìn tỷ"}
    assert targets_schema.target(c, entry, ("plans",), "revenue", known) is not None
    found = [p.message.key for p in c.problems()]
    assert found == (["targets.printed_size"] if said else []), found


@pytest.mark.parametrize("entry, error", [
    ({"kind": "level", "value": 80, "printed": "Trên 80 %", "printed_en": "Above 80%"}, None),
    ({"kind": "level", "value": 80, "printed_en": "Above 80%"}, None),  # an English wording alone
    # a printed_en that says otherwise than the printed wording, or than strict: refused
    ({"kind": "level", "value": 80, "printed": "Trên 80 %", "printed_en": "At least 80%"}, "targets.printed_en_contradicts"),
    ({"kind": "level", "value": 80, "strict": False, "printed_en": "Above 80%"}, "targets.strict_contradicts"),
    ({"kind": "threshold", "value": 80, "strict": True, "printed_en": "No less than 80%"}, "targets.strict_contradicts"),
])
def test_an_english_wording_that_contradicts_the_target_is_refused(entry, error):
    c = Checks("targets.yaml", "")
    read = targets_schema.target(c, entry, ("plans",), "online", {"online": Indicator("online", "Dịch vụ công", unit="%")})
    found = [p.message.key for p in c.problems()]
    assert found == ([error] if error else []), found
    assert (read is None) == bool(error)
    if read is not None:
        assert read.printed_en == "Above 80%" and read.strict


def test_an_english_wording_says_whether_a_threshold_must_be_passed():
    """A threshold needs `strict` or a wording saying it: an English wording says it too."""
    c = Checks("targets.yaml", "")
    read = targets_schema.target(c, {"kind": "threshold", "value": 80, "printed_en": "At least 80%"}, ("plans",), "online")
    assert read is not None and read.strict is False and not c.problems()


def test_an_english_wording_with_a_size_the_value_does_not_follow_is_a_warning():
    c = Checks("targets.yaml", "")
    known = {"revenue": Indicator("revenue", "Thu ngân sách", unit="Tỷ đồng")}
    entry = {"kind": "level", "value": 57, "printed_en": "VND 57 trillion"}
    assert targets_schema.target(c, entry, ("plans",), "revenue", known) is not None
    assert [p.message.key for p in c.problems()] == ["targets.printed_size"]
