"""The territory (README "Territory"): values made from the parts, merged baselines, areas' plans."""

import math

import pytest
from hypothesis import given, settings, strategies as st

from soctrang_kpi.core import calc
from soctrang_kpi.core.areas import for_area, observed_parts, seen_from
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.core.model import Aggregate, Area, Dataset, Indicator, Point, PointStatus, Rule
from soctrang_kpi.errors import UsageError
from soctrang_kpi.files import load

from ..conftest import ROOT

EXAMPLE = ROOT / "docs" / "example-territory"


@pytest.fixture(scope="module")
def example():
    data, warnings = load.read(EXAMPLE)
    assert warnings == []
    return data


def _values(series, ident):
    return {p.year: p.value for p in series[ident]}


# The merged Cần Thơ as its congress printed it for the three former units together
# (vtcnews, 28/9/2025), reproduced from the documented example's parts (docs/example-territory).
def test_the_merged_average_growth_of_2021_2025_is_7_41(example):
    view, _refused = for_area(example)
    rates = [view.series["grdp-growth"][i] for i in range(5)]
    assert [p.year for p in rates] == [2021, 2022, 2023, 2024, 2025]
    average = calc.round_half_up((math.prod(1 + p.value / 100 for p in rates) ** (1 / 5) - 1) * 100, 2)
    assert average == 7.41


def test_the_merged_2025_baseline_is_made_from_the_former_provinces(example):
    view, _refused = for_area(example)
    assert _values(view.series, "grdp-current")[2025] == 312621  # "quy mô nền kinh tế đạt 312.621 tỷ đồng"
    per_head = view.series["grdp-per-capita"][0]
    assert (per_head.year, calc.round_half_up(per_head.value, 1)) == (2025, 96.9)  # "96,9 triệu đồng"
    assert per_head.note == "Σ grdp-current ÷ Σ population × 1000: can-tho-cu, soc-trang, hau-giang"
    assert per_head.status is PointStatus.ESTIMATE  # the parts' estimates make an estimate
    # the city's own values win: 2026 is as recorded, not made from five of its communes
    assert _values(view.series, "population")[2026] == 3248000


def test_growth_is_chain_linked_from_the_levels_never_the_mean_of_the_rates(example):
    view, _refused = for_area(example)
    g2021 = view.series["grdp-growth"][0]
    levels = {"can-tho-cu": 62000, "soc-trang": 34500, "hau-giang": 25500}
    rates = {"can-tho-cu": 2.30, "soc-trang": 2.49, "hau-giang": 2.10}
    summed = sum(levels[a] * (1 + rates[a] / 100) for a in levels) / sum(levels.values()) * 100 - 100
    assert g2021.value == pytest.approx(summed)
    assert g2021.value != pytest.approx(sum(rates.values()) / 3)


def test_a_former_province_s_own_plan_is_evaluated_on_its_own_data(example):
    view, _said = seen_from(example, None, "st-2020-2025")
    result = evaluate(view, "st-2020-2025")
    by_id = {r.id: r for r in result.results}
    assert result.as_of == 2025
    assert by_id["grdp-per-capita"].status.value == "exceeded"  # 79,50 against 75
    assert calc.round_half_up(by_id["grdp-growth"].figures.avg_growth_pct, 2) == 6.96  # its own rates, not the city's


def test_a_commune_is_evaluated_against_its_own_targets(example):
    view, _refused = for_area(example, "xa-vi-thuy")
    (plan,) = view.plans.values()
    assert plan.name.endswith("— Xã Vị Thủy") and plan.area == "xa-vi-thuy"
    assert {row.indicator: row.target.value for row in plan.rows} == {"urbanisation": 30, "budget-revenue": 110}
    assert _values(view.series, "budget-revenue") == {2025: 95, 2026: 92}


def test_show_lists_the_parts_of_a_merged_indicator(example):
    parts = observed_parts(example, "can-tho", "grdp-current")
    assert [(a.id, [p.value for p in points]) for a, points in parts][:3] == [
        ("can-tho-cu", [146521]), ("soc-trang", [95400]), ("hau-giang", [70700])
    ]


def test_an_unknown_area_is_refused_with_the_known_ones(example):
    with pytest.raises(UsageError) as err:
        for_area(example, "can-tho-moi")
    assert "can-tho" in err.value.candidates


# -- a small territory built by hand --

IND = {
    "grdp": Indicator("grdp", "GRDP", aggregate=Aggregate(Rule.SUM)),
    "growth": Indicator("growth", "Tăng trưởng", aggregate=Aggregate(Rule.GROWTH_OF, ("grdp",))),
    "ntm": Indicator("ntm", "Tiêu chí NTM", aggregate=Aggregate(Rule.NONE)),
    "ntm-communes": Indicator("ntm-communes", "Xã đạt NTM", aggregate=Aggregate(Rule.COUNT, ("ntm",), at_least=19)),
    "hdi": Indicator("hdi", "HDI"),
}


def _territory(communes: dict[str, dict[str, tuple[Point, ...]]], own=None, parts: int | None = -1) -> Dataset:
    """The province and its communes, all of them (``parts:`` their number) unless ``parts`` says."""
    areas = {"tinh": Area("tinh", "Tỉnh", parts=len(communes) if parts == -1 else parts)} | {c: Area(c, c, parent="tinh") for c in communes}
    return Dataset(IND, {}, own or {}, areas=areas, by_area=communes)


@pytest.mark.parametrize("parts", [None, 103, 6])
def test_a_list_of_some_communes_makes_no_total_and_says_so(parts):
    """Five communes of a city of 103 (or whose number is not declared) never make its total."""
    communes = {f"xa-{i}": {"grdp": (Point(2027, 10 + i),)} for i in range(5)}
    view, said = seen_from(_territory(communes, parts=parts), None, None)
    assert "grdp" not in view.series
    (line,) = said
    assert line.key == ("areas.parts_undeclared" if parts is None else "areas.parts_incomplete")
    text = line.render("en")
    assert text.startswith("tinh: grdp of 2027 is not made from its") and ("5 of its" in text if parts else "5 listed parts" in text)


def test_the_province_s_own_value_needs_no_parts_and_no_warning():
    communes = {f"xa-{i}": {"grdp": (Point(2027, 10 + i),)} for i in range(5)}
    view, said = seen_from(_territory(communes, {"grdp": (Point(2027, 4000),)}, parts=None), None, None)
    assert _values(view.series, "grdp") == {2027: 4000} and said == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=2, max_size=12), st.data())
def test_property_a_total_is_made_only_from_every_declared_part(values, data):
    communes = {f"xa-{i}": {"grdp": (Point(2027, v),)} for i, v in enumerate(values)}
    declared = data.draw(st.one_of(st.none(), st.integers(min_value=len(values), max_value=len(values) + 5)))
    view, said = seen_from(_territory(communes, parts=declared), None, None)
    if declared == len(values):
        assert _values(view.series, "grdp") == {2027: pytest.approx(sum(values))} and said == []
    else:  # never a total of fewer parts than the area has
        assert "grdp" not in view.series and len(said) == 1


def test_320_of_411_communes_meet_the_rural_standard():
    """«320/411 xã đạt chuẩn nông thôn mới» (Gia Lai, 2025): a count of the communes that meet it."""
    communes = {f"xa-{i}": {"ntm": (Point(2025, 19 if i < 320 else 15 + i % 4),)} for i in range(411)}
    view, refused = for_area(_territory(communes))
    (point,) = view.series["ntm-communes"]
    assert point.value == 320 and point.note.startswith("#{ntm ≥ 19} / 411: xa-0, xa-1, xa-2, …")
    assert refused == (("tinh", "ntm"),)  # the criteria themselves are not aggregable: said, not guessed


def test_a_missing_part_makes_no_total():
    communes = {"a": {"grdp": (Point(2024, 10), Point(2025, 11))}, "b": {"grdp": (Point(2024, 5),)}}
    view, _refused = for_area(_territory(communes))
    assert _values(view.series, "grdp") == {2024: 15}  # 2025 lacks b: no smaller total
    assert "growth" not in view.series  # no levels, no rates: no growth


def test_growth_from_levels_where_the_parts_have_them():
    communes = {"a": {"grdp": (Point(2024, 100), Point(2025, 110))}, "b": {"grdp": (Point(2024, 300), Point(2025, 303))}}
    view, _refused = for_area(_territory(communes))
    assert view.series["growth"][0].year == 2025
    assert view.series["growth"][0].value == pytest.approx(3.25)


def test_the_weaker_status_wins():
    communes = {
        "a": {"grdp": (Point(2025, 10, PointStatus.ACTUAL),)},
        "b": {"grdp": (Point(2025, 5, PointStatus.PLAN),)},
    }
    view, _refused = for_area(_territory(communes))
    assert view.series["grdp"][0].status is PointStatus.PLAN


def test_without_areas_the_dataset_is_unchanged():
    plain = Dataset(IND, {}, {"grdp": (Point(2025, 1),)})
    assert for_area(plain) == (plain, ())
    with pytest.raises(UsageError):
        for_area(plain, "tinh")


def _merged(parts: dict[str, tuple[float, int, list[float]]]) -> Dataset:
    """A merged province from its former provinces: each a level of ``grdp`` in a year and its
    growth rates in the years after (2025-07-01 merger)."""
    areas = {"moi": Area("moi", "Tỉnh mới")} | {a: Area(a, a, merged_into="moi", merged_on="2025-07-01") for a in parts}
    by_area = {
        a: {"grdp": (Point(year, level),), "growth": tuple(Point(year + 1 + i, r) for i, r in enumerate(rates))}
        for a, (level, year, rates) in parts.items()
    }
    return Dataset(IND, {}, {}, areas=areas, by_area=by_area)


# The merged provinces' growth as printed, from parts built the same way (the parts' series are
# not public: documented examples whose levels and rates give the printed figure, as
# docs/example-territory does for Cần Thơ). One row per published figure.
@pytest.mark.parametrize(
    "printed, source, parts, years",
    [
        # «khi hợp nhất hai tỉnh Quảng Ngãi và Kon Tum, tăng trưởng GRDP của tỉnh Quảng Ngãi (mới) … 11,51 %» (baomoi)
        (11.51, "Quảng Ngãi + Kon Tum, 2025", {"quang-ngai": (50000, 2024, [12.00]), "kon-tum": (17000, 2024, [10.07])}, [2025]),
        # «tốc độ tăng trưởng kinh tế bình quân giai đoạn 2021–2025 đạt 6,71 %» (Gia Lai mới)
        (6.71, "Gia Lai + Bình Định, 2021–2025", {
            "gia-lai": (45000, 2020, [5.0, 6.5, 6.9, 7.1, 7.6]), "binh-dinh": (48000, 2020, [5.8, 6.3, 6.0, 7.2, 8.71]),
        }, [2021, 2022, 2023, 2024, 2025]),
    ],
)
def test_merged_growth_as_printed(printed, source, parts, years):
    view, _refused = for_area(_merged(parts))
    rates = {p.year: p.value for p in view.series["growth"]}
    average = (math.prod(1 + rates[y] / 100 for y in years) ** (1 / len(years)) - 1) * 100
    assert calc.round_half_up(average, 2) == printed, source


def test_a_ratio_of_an_area_without_parts_is_its_own_numerator_over_its_denominator(example):
    parts = {a.id: points for a, points in observed_parts(example, "can-tho", "grdp-per-capita")}
    assert [(p.year, p.value) for p in parts["soc-trang"]][-1] == (2025, 79.5)  # recorded: it wins
    made = parts["hau-giang"]
    assert [(p.year, round(p.value, 4)) for p in made] == [(2025, round(70700 / 766000 * 1000, 4))]
    assert made[0].note == "Σ grdp-current ÷ Σ population × 1000: hau-giang"


# -- the lists of parts, in their order: the former provinces, then the communes (PART_LISTS) --

FORMER = ("cu-a", "cu-b", "cu-c")


def _merged_with_communes(former: dict[str, dict], communes: dict[str, dict], *, plan: bool = True) -> Dataset:
    """A province merged on 1/7/2025 from three former ones, with all its communes listed
    (``parts:``), and a 2025–2030 plan of ``grdp`` for it."""
    from soctrang_kpi.core.kinds import Kind
    from soctrang_kpi.core.model import Plan, PlanRow, Target

    indicators = IND | {"rate": Indicator("rate", "Tỷ lệ hộ nghèo", aggregate=Aggregate(Rule.MEAN_WEIGHTED_BY, ("pop",))), "pop": Indicator("pop", "Dân số", aggregate=Aggregate(Rule.SUM))}
    areas = {"moi": Area("moi", "Tỉnh mới", parts=len(communes))}
    areas |= {a: Area(a, a, merged_into="moi", merged_on="2025-07-01") for a in FORMER}
    areas |= {c: Area(c, f"Xã {c}", parent="moi") for c in communes}
    rows = (PlanRow("grdp", "1", Target(Kind.LEVEL, value=1e9)), PlanRow("rate", "2", Target(Kind.LEVEL, value=1)))
    plans = {"term": Plan("term", "Nhiệm kỳ", 2025, 2030, rows)} if plan else {}
    return Dataset(indicators, plans, {}, areas=areas, by_area={a: s for a, s in (former | communes).items() if s})


_levels = st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(_levels, st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=3, max_size=3), st.integers(0, 3))
def test_property_the_2025_total_is_the_former_provinces_else_every_commune_never_a_mix(communes, former, with_values):
    """The former provinces make the 2025 value when they all have one; where they do not, the
    communes (all of them) do; two former provinces and the communes of the third never do."""
    by_commune = {f"xa-{i}": {"grdp": (Point(2025, v),)} for i, v in enumerate(communes)}
    by_former = {a: {"grdp": (Point(2025, v),)} for a, v in zip(FORMER[:with_values], former)}
    view, said = seen_from(_merged_with_communes(by_former, by_commune), None, None)
    made = view.series["grdp"][0]
    if with_values == 3:
        assert made.value == pytest.approx(sum(former)) and made.note.endswith(": cu-a, cu-b, cu-c")
    else:
        assert made.value == pytest.approx(sum(communes)) and made.note.startswith("Σ: xa-0")
    assert said == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(min_value=0, max_value=100), st.floats(min_value=1, max_value=1e6)), min_size=1, max_size=8))
def test_property_a_2025_weighted_rate_from_the_communes_lies_between_them(communes):
    """The poverty rate of 2025 weighted by population, from communes only: between its parts,
    and Σ wᵢ·xᵢ ÷ Σ wᵢ exactly."""
    by_commune = {f"xa-{i}": {"rate": (Point(2025, x),), "pop": (Point(2025, w),)} for i, (x, w) in enumerate(communes)}
    view, _said = seen_from(_merged_with_communes({}, by_commune), None, None)
    (made,) = view.series["rate"]
    rates = [x for x, _w in communes]
    assert made.year == 2025 and min(rates) - 1e-9 <= made.value <= max(rates) + 1e-9
    assert made.value == pytest.approx(sum(x * w for x, w in communes) / sum(w for _x, w in communes))


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 7), st.data())  # at most six missing: a note names up to six
def test_property_parts_without_a_value_are_named_never_summed_without(n, data):
    missing = data.draw(st.sets(st.integers(0, n - 1), min_size=1, max_size=n - 1))
    by_commune = {f"xa-{i}": {"grdp": (Point(2025, 10.0), Point(2026, 11.0)) if i not in missing else (Point(2025, 10.0),)} for i in range(n)}
    view, said = seen_from(_merged_with_communes({}, by_commune), None, None)
    assert _values(view.series, "grdp") == {2025: 10.0 * n}  # 2026 lacks a commune: no smaller total
    (line,) = said
    named = ", ".join(f"xa-{i}" for i in sorted(missing))
    assert line.key == "areas.parts_missing" and line.params["years"] == "2026"
    assert line.render("en") == f"moi: grdp of 2026 is not made from its parts: no value of {named} (every part's is needed); give theirs, or the area's own"


def test_weights_that_sum_to_0_are_said_as_the_reason():
    by_commune = {f"xa-{i}": {"rate": (Point(2025, 3.0),), "pop": (Point(2025, 0.0),)} for i in range(3)}
    view, said = seen_from(_merged_with_communes({}, by_commune), None, None)
    assert "rate" not in view.series
    (line,) = said
    assert line.render("vi") == "moi: chỉ tiêu rate năm 2025 không được tổng hợp từ các đơn vị thành phần: tổng trọng số của các đơn vị bằng 0"


def test_a_weighted_rate_names_the_commune_without_its_weight_and_nothing_is_said_outside_the_plan():
    by_commune = {"xa-0": {"rate": (Point(2025, 3.0),), "pop": (Point(2025, 10.0),)}, "xa-1": {"rate": (Point(2025, 2.0),)}}
    _view, said = seen_from(_merged_with_communes({}, by_commune), None, None)
    assert [(t.key, t.params["parts"]) for t in said] == [("areas.parts_missing", "xa-1")]
    _view, said = seen_from(_merged_with_communes({}, by_commune, plan=False), None, None)
    assert said == []  # no plan reads the year


def test_a_row_without_data_names_the_parts_that_lack_a_value_in_its_reason():
    from soctrang_kpi.core.areas import with_missing_parts

    by_commune = {"xa-0": {"grdp": (Point(2025, 4.0),)}, "xa-1": {}, "xa-2": {"grdp": (Point(2025, 5.0),)}}
    view, _said = seen_from(_merged_with_communes({}, by_commune), None, None)
    result = with_missing_parts(evaluate(view, "term", 2025), view)
    row = result.find("grdp")
    assert row.status.value == "no_data" and row.reason.code == "parts_missing"
    assert [a.id for a in row.reason.detail.areas] == ["xa-1"] and row.reason.detail.render("vi") == "thiếu số liệu năm 2025 của: Xã xa-1"
    assert result.find("rate").reason.code != "parts_missing"  # no part has a value of it: nothing lacks


def test_a_growth_names_the_part_whose_chain_stops_and_says_nothing_of_its_first_year():
    """Growth needs each part's level of the year before and its level or rate of the year: a part
    without them is named; the first year of the levels has no growth to make (nothing missing)."""
    from soctrang_kpi.core.kinds import Kind
    from soctrang_kpi.core.model import Plan, PlanRow, Target

    communes = {"a": {"grdp": (Point(2025, 100), Point(2026, 110))}, "b": {"grdp": (Point(2025, 300),)}}
    plan = Plan("term", "Nhiệm kỳ", 2025, 2030, (PlanRow("growth", "1", Target(Kind.GROWTH, value=7)),))
    view, said = seen_from(_territory(communes)._replace(plans={"term": plan}), None, None)
    assert "growth" not in view.series
    assert [(t.key, t.params["years"], t.params["parts"]) for t in said] == [("areas.parts_missing", "2026", "b")]
