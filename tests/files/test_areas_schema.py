"""The territory in the data files: areas, aggregation rules, areas' targets and series, each
problem on one line naming file, line, area or indicator and field, in Vietnamese and English."""

import pytest

from soctrang_kpi.core.model import Aggregate, Rule
from soctrang_kpi.errors import DataError
from soctrang_kpi.files import areas_schema, load
from soctrang_kpi.files.load import load_texts

from ..conftest import ROOT

TARGETS = """\
schema_version: 1
areas:
  - {id: can-tho, name: Thành phố Cần Thơ}
  - {id: soc-trang, name: Tỉnh Sóc Trăng (trước 1/7/2025), merged_into: can-tho, merged_on: 2025-07-01}
  - {id: phuong-1, name: Phường Ninh Kiều, parent: can-tho}
indicators:
  - {id: grdp, name: GRDP (giá so sánh 2010), unit: Tỷ đồng, aggregate: sum}
  - {id: grdp-growth, name: Tốc độ tăng GRDP, unit: "%", aggregate: {growth_of: grdp}}
  - {id: grdp-current, name: GRDP, unit: Tỷ đồng, aggregate: sum}
  - {id: population, name: Dân số, unit: Người, aggregate: sum}
  - {id: grdp-per-capita, name: GRDP bình quân đầu người, unit: Triệu đồng, aggregate: {ratio: [grdp-current, population], scale: 1000}}
  - {id: urbanisation, name: Tỷ lệ đô thị hoá, unit: "%", aggregate: {mean_weighted_by: population}}
  - {id: ntm-communes, name: Số xã đạt chuẩn nông thôn mới, unit: Xã, aggregate: sum}
plans:
  - id: p
    name: Kế hoạch
    base_year: 2025
    target_year: 2030
    targets:
      - {indicator: urbanisation, number: "1", kind: level, value: 50, areas: {phuong-1: 100}}
  - id: st
    name: Sóc Trăng
    area: soc-trang
    base_year: 2020
    target_year: 2025
    targets:
      - {indicator: grdp-growth, number: "1", kind: growth, value: 8}
"""
ACTUALS = """\
schema_version: 1
series:
  urbanisation: {estimate: {2026: 48.9}}
areas:
  soc-trang:
    grdp-growth: {actual: {2021: 2.49}}
  phuong-1:
    urbanisation: {estimate: {2026: 100}}
"""


def test_the_issue_s_form_is_read():
    data, warnings = load_texts(TARGETS, ACTUALS)
    assert warnings == []
    assert data.areas["soc-trang"].merged_into == "can-tho" and data.areas["soc-trang"].merged_on == "2025-07-01"
    assert data.areas["phuong-1"].parent == "can-tho"
    assert data.indicators["grdp-per-capita"].aggregate == Aggregate(Rule.RATIO, ("grdp-current", "population"), scale=1000)
    assert data.indicators["grdp-growth"].aggregate == Aggregate(Rule.GROWTH_OF, ("grdp",))
    assert data.plans["st"].area == "soc-trang" and data.plans["p"].rows[0].areas == (("phuong-1", 100.0),)
    assert data.by_area["soc-trang"]["grdp-growth"][0].value == 2.49
    assert data.series["urbanisation"][0].value == 48.9  # series: stays the territory's own


def test_a_single_territory_file_is_read_as_before():
    data, warnings = load.read(ROOT)  # the bundled Sóc Trăng files: no areas
    assert data.areas == {} and data.by_area == {} and warnings == []
    assert all(i.aggregate is None for i in data.indicators.values()) and all(p.area is None for p in data.plans.values())


@pytest.mark.parametrize(
    "old, new, where, vi, en",
    [
        ("merged_on: 2025-07-01}", "merged_on: 1/7/2025}", "targets.yaml:4:", "cần một ngày viết dạng 2025-07-01", "expected a date written 2025-07-01"),
        ("merged_on: 2025-07-01}", "merged_on: 2031-02-30}", "targets.yaml:4:", "'2031-02-30' viết đúng dạng ngày nhưng không có ngày này trong lịch", "'2031-02-30' is written as a date but is no day of the calendar"),
        ("parent: can-tho}", "parent: can-tho-moi}", "targets.yaml:5:", "không có đơn vị hành chính nào có mã 'can-tho-moi'", "no area has the id 'can-tho-moi'"),
        ("{growth_of: grdp}", "{growth_of: gdp}", "targets.yaml:8:", "không có chỉ tiêu nào có mã 'gdp'", "no indicator has the id 'gdp'"),
        ("aggregate: {mean_weighted_by: population}", "aggregate: mean_weighted_by", "targets.yaml:12:", "quy tắc mean_weighted_by phải nêu chỉ tiêu", "the rule mean_weighted_by names its indicators"),
        ("aggregate: sum}\nplans", "aggregate: average}\nplans", "targets.yaml:13:", "gặp \"average\"", "found \"average\""),
        ("scale: 1000}", "scale: 0}", "targets.yaml:11:", "hệ số scale nhân với tỷ số: không thể bằng 0", "a ratio's scale multiplies it: it cannot be 0"),
        ("{growth_of: grdp}", "{sum: 1, none: 2}", "targets.yaml:8:", "cần đúng một quy tắc trong", "expected one rule of sum, mean_weighted_by"),
        ("parent: can-tho}", "parent: phuong-1}", "targets.yaml:5:", "phuong-1 parent: dẫn vòng trở lại chính đơn vị này: phuong-1 → phuong-1", "phuong-1 parent: leads back to the area itself: phuong-1 → phuong-1"),
        ("{id: can-tho, name: Thành phố Cần Thơ}", "{id: can-tho, name: Thành phố Cần Thơ, parent: phuong-1}", "targets.yaml:3:",
         "can-tho parent: dẫn vòng trở lại chính đơn vị này: can-tho → phuong-1 → can-tho", "can-tho parent: leads back to the area itself: can-tho → phuong-1 → can-tho"),
        ("{id: can-tho, name: Thành phố Cần Thơ}", "{id: can-tho, name: Thành phố Cần Thơ, merged_into: soc-trang, merged_on: 2025-07-01}", "targets.yaml:3:",
         "can-tho merged_into: dẫn vòng trở lại chính đơn vị này: can-tho → soc-trang → can-tho", "can-tho merged_into: leads back to the area itself: can-tho → soc-trang → can-tho"),
        ("areas: {phuong-1: 100}", "areas: {phuong-2: 100}", "targets.yaml:20:", "không có đơn vị hành chính nào có mã 'phuong-2'", "no area has the id 'phuong-2'"),
        ("area: soc-trang", "area: soc-trang-cu", "targets.yaml:23:", "không có đơn vị hành chính nào có mã 'soc-trang-cu'", "no area has the id 'soc-trang-cu'"),
        ("  - {id: can-tho, name: Thành phố Cần Thơ}\n", "  - {id: can-tho, name: Thành phố Cần Thơ}\n  - {id: hau-giang, name: Hậu Giang}\n", "targets.yaml:3:", "phải có đúng một đơn vị là địa bàn", "exactly one area must be the territory"),
        ("Thành phố Cần Thơ}", "Thành phố Cần Thơ, parts: 0}", "targets.yaml:3:", "cần một số từ 1 đến", "from 1 to"),
        ("Thành phố Cần Thơ}", "Thành phố Cần Thơ, parts: 103.5}", "targets.yaml:3:", "số nguyên", "a whole number"),
        ("  - {id: can-tho, name: Thành phố Cần Thơ}\n", "  - {id: can-tho, name: Thành phố Cần Thơ, parts: 1}\n  - {id: phuong-2, name: Phường Cái Khế, parent: can-tho}\n", "targets.yaml:3:", "parts: 1, nhưng có 2 đơn vị khai báo parent", "parts: 1, but 2 areas name it as their parent"),
    ],
)
def test_bad_targets_say_file_line_and_why(old, new, where, vi, en):
    assert old in TARGETS
    with pytest.raises(DataError) as err:
        load_texts(TARGETS.replace(old, new, 1), ACTUALS)
    (problem,) = [p for p in err.value.problems if not p.warning]
    assert problem.render("vi").startswith(where) and vi in problem.render("vi")
    assert en in problem.render("en")


@pytest.mark.parametrize(
    "old, new, where, en",
    [
        ("  phuong-1:\n", "  phuong-9:\n", "actuals.yaml:8:", "no area has the id 'phuong-9'"),
        ("{2021: 2.49}", "{2021: 2,49}", "actuals.yaml:6:", "expected a number"),
        ("grdp-growth: {actual", "grdp-growt: {actual", "actuals.yaml:6:", "grdp-growt: values for an indicator"),
    ],
)
def test_bad_area_series_say_file_line_and_why(old, new, where, en):
    assert old in ACTUALS
    with pytest.raises(DataError) as err:
        load_texts(TARGETS, ACTUALS.replace(old, new, 1))
    (problem,) = err.value.problems
    assert problem.render("en").startswith(where) and en in problem.render("en")


def test_a_rule_is_written_back_as_read():
    rule = Aggregate(Rule.RATIO, ("grdp-current", "population"), scale=1000)
    assert areas_schema.aggregate_data(rule) == {"ratio": ["grdp-current", "population"], "scale": 1000}
    assert areas_schema.aggregate_data(Aggregate(Rule.SUM)) == "sum"


SINGLE_TARGETS = """\
schema_version: 1
indicators:
  - {id: grdp, name: GRDP, unit: Tỷ đồng}
plans:
  - id: p
    name: Kế hoạch
    base_year: 2025
    target_year: 2030
    targets:
      - {indicator: grdp, number: "1", kind: level, value: 50}
"""


@pytest.mark.parametrize(
    "old, new, actuals, en",
    [
        ("unit: Tỷ đồng}", "unit: Tỷ đồng, aggregate: {sum: 1, none: 2}}", "", "targets.yaml:3:"),
        ("    base_year", "    area: soc-trang\n    base_year", "", "no area has the id 'soc-trang'"),
        ("value: 50}", "value: 50, areas: {soc-trang: 40}}", "", "no area has the id 'soc-trang'"),
        ("", "", "areas:\n  soc-trang:\n    grdp: {actual: {2025: 1}}\n", "no area has the id 'soc-trang'"),
    ],
)
def test_each_territorial_key_is_read_without_a_list_of_areas(old, new, actuals, en):
    """Loading reads the territory only when the files say something of it (load.says_areas):
    each key areas_schema reads is enough on its own, so none is silently skipped."""
    targets = SINGLE_TARGETS.replace(old, new, 1)
    assert targets != SINGLE_TARGETS or actuals
    assert not load.says_areas(load.yamlio.parse("t", SINGLE_TARGETS)[0], {"series": {}})
    with pytest.raises(DataError) as err:
        load_texts(targets, "schema_version: 1\n" + actuals)
    assert any(en in p.render("en") for p in err.value.problems)
