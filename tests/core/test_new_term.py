"""A new term (issue #21): the 2025–2030 plan of the merged Cần Thơ as a new user sets it up
(real targets: ../shared/data/cantho_2025_2030_targets.yaml, values for 2025–2026), without a
silent wrong verdict, and the forms the 2025–2030 resolutions write.

Figures checked by hand are written out beside each row.
"""

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from soctrang_kpi.core.classify import SEVERITY, Status
from soctrang_kpi.core.evaluate import evaluate
from soctrang_kpi.core.kinds import KINDS
from soctrang_kpi.core.model import Direction, Kind, Point, PointStatus
from soctrang_kpi.files import init_template, load

from ..conftest import kpi, kpi_en

ESTIMATE = PointStatus.ESTIMATE


def rank(result) -> tuple:
    """Lower is better: severity, then (for Vượt) the larger excess first, then (for a shortfall)
    the plan's higher class ("xấp xỉ đạt") before none."""
    excess = math.inf if result.excess is None else result.excess
    # the plan's classes are listed highest first: a higher ``at_least`` is a higher class
    klass = -result.klass.at_least if result.klass is not None else math.inf
    return (SEVERITY[result.status], -excess if result.status is Status.EXCEEDED else 0, klass)


def init_folder(tmp_path: Path, lang: str = "vi") -> Path:
    folder = tmp_path / "can-tho"
    result = kpi("init", str(folder), "--name", "Nghị quyết Đại hội Đảng bộ thành phố Cần Thơ lần thứ I",
                 "--base-year", "2025", "--target-year", "2030", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    return folder


def status_of(folder: Path, *args: str) -> dict:
    result = kpi("status", "--json", "--data-dir", str(folder), *args)
    assert result.exit_code == 0, result.stderr
    return {i["id"]: i for i in json.loads(result.stdout)["indicators"]}


# --- 1. no forecast from a roadmap that only restates the target -------------------------------


def test_a_roadmap_that_only_restates_the_target_is_no_forecast(tmp_path):
    """GRDP per capita 120 (2025) → 132 (2026) against 215 in 2030, roadmap {2030: 215}: the
    roadmap is drawn from the base year, so the forecast is its path started from the latest value,
    132 · (215 / 120)^(4/5) = 132 · 1,59443 = 210,46 = 97,89 % → Khó đạt (it was 215 = 100 % →
    Đạt); 100 then 90 in 2026 give 159,44 then 143,50, never Đạt."""
    folder = init_folder(tmp_path)
    actuals = folder / "actuals.yaml"
    text = actuals.read_text(encoding="utf-8")
    actuals.write_text(text.replace("estimate: {2026: 132}", "estimate: {2026: 132}\n    plan: {2030: 215}"), encoding="utf-8")
    row = status_of(folder)["grdp-per-capita"]
    assert row["forecast"]["source"] == "rebased"
    assert row["forecast"]["value"] == pytest.approx(210.46, abs=0.01)
    assert row["forecast"]["pct"] == pytest.approx(97.89, abs=0.005)
    assert row["status"] == "at_risk"
    previous = row["forecast"]["pct"]
    for worse in ("100", "90"):
        assert kpi("record", "grdp-per-capita", "2026", worse, "--force", "--status", "estimate", "--data-dir", str(folder)).exit_code == 0
        row = status_of(folder)["grdp-per-capita"]
        assert row["status"] == "at_risk" and row["forecast"]["pct"] < previous
        assert row["forecast"]["value"] == pytest.approx({"100": 159.44, "90": 143.50}[worse], abs=0.01)
        previous = row["forecast"]["pct"]


def test_a_restating_roadmap_with_nothing_observed_since_the_base_year_gives_no_forecast(tmp_path):
    folder = init_folder(tmp_path)
    actuals = folder / "actuals.yaml"
    text = actuals.read_text(encoding="utf-8").replace("estimate: {2026: 132}", "plan: {2030: 215}")
    actuals.write_text(text, encoding="utf-8")
    row = status_of(folder, "--as-of", "2026")["grdp-per-capita"]
    assert (row["forecast"]["value"], row["status"]) == (None, "no_data")


def test_a_real_roadmap_still_forecasts(tmp_path):
    """A roadmap with years before the target year is a roadmap: 2027–2030 planned, the forecast
    is its 2030 value (source plan)."""
    folder = init_folder(tmp_path)
    actuals = folder / "actuals.yaml"
    text = actuals.read_text(encoding="utf-8")
    roadmap = "estimate: {2026: 132}\n    plan: {2027: 150, 2028: 170, 2029: 190, 2030: 215}"
    actuals.write_text(text.replace("estimate: {2026: 132}", roadmap), encoding="utf-8")
    row = status_of(folder)["grdp-per-capita"]
    assert (row["forecast"]["source"], row["forecast"]["value"], row["status"]) == ("plan", 215, "achieved")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_template_ships_no_roadmap_that_restates_a_target(lang):
    texts = init_template.render("Kế hoạch", 2025, 2030, lang)
    data, _ = load.load_texts(texts["targets.yaml"], texts["actuals.yaml"])
    (plan,) = data.plans.values()
    for row in plan.rows:
        planned = [p for p in data.series.get(row.indicator, ()) if p.status is PointStatus.PLAN]
        assert not (len(planned) == 1 and planned[0].year == 2030), row.indicator


def _worse_is_lower(kind: Kind, direction: Direction) -> bool:
    """Lower values are worse for an at-least target, better for an at-most one; a reduction's
    values are the rate it brings down, so lower is better there."""
    return (direction is Direction.AT_LEAST) != (kind is Kind.REDUCTION)


def _template_rows(target_year: int = 2030):
    texts = init_template.render("Kế hoạch", 2025, target_year, "vi")
    data, _ = load.load_texts(texts["targets.yaml"], texts["actuals.yaml"])
    (plan,) = data.plans.values()
    return data, plan, [r for r in plan.rows if KINDS[r.target.kind].figures is not None]


TEMPLATE_DATA, TEMPLATE_PLAN, TEMPLATE_ROWS = _template_rows()
#: `kpi init --base-year 2025 --target-year 2026`: the annual plan's template
ANNUAL_DATA, ANNUAL_PLAN, ANNUAL_ROWS = _template_rows(2026)
#: every row of both templates, with the data and plan it belongs to
BOTH_TEMPLATES = [(TEMPLATE_DATA, TEMPLATE_PLAN, r) for r in TEMPLATE_ROWS] + [(ANNUAL_DATA, ANNUAL_PLAN, r) for r in ANNUAL_ROWS]
BOTH_IDS = [f"{plan.id}-{r.indicator}" for _, plan, r in BOTH_TEMPLATES]


def test_the_template_property_covers_every_kind_with_figures():
    """The property below runs on every row of `kpi init`'s plan: each kind that has figures of
    its own is there (a new kind in core/kinds.py must come with a template row)."""
    assert {r.target.kind for r in TEMPLATE_ROWS} == {k for k, spec in KINDS.items() if spec.figures is not None}


@pytest.mark.parametrize("data, plan, row", BOTH_TEMPLATES, ids=BOTH_IDS)
@hsettings(max_examples=30, deadline=None)
@given(values=st.lists(st.floats(min_value=0.01, max_value=1000, allow_nan=False).map(lambda x: round(x, 2)), min_size=2, max_size=2, unique=True))
def test_in_the_template_a_worse_latest_value_never_earns_a_better_verdict(data, plan, row, values):
    """Every kind of `kpi init`'s plan, as written, with its 2026 value moved — the term's and the
    annual plan's (2026 its own year): the worse of two values never gets the better verdict."""
    low, high = sorted(values)
    if row.target.kind is Kind.RANK:  # a place is a whole number from 1 (the loader refuses others)
        low, high = sorted({math.ceil(low), math.ceil(high) + 1})
    worse, better = (low, high) if _worse_is_lower(row.target.kind, row.target.direction) else (high, low)
    if row.target.kind is Kind.BAND:  # worse is farther outside the band, on either side
        better, worse = sorted(values, key=lambda v: _outside(v, row.target.value, row.target.upper))
        if _outside(worse, row.target.value, row.target.upper) == _outside(better, row.target.value, row.target.upper):
            return  # inside the band (or as far outside on either side) all are equal

    def verdict(value: float):
        series = dict(data.series)
        points = [p for p in series.get(row.indicator, ()) if p.year != 2026] + [Point(2026, value, ESTIMATE)]
        series[row.indicator] = tuple(sorted(points))
        return evaluate(data._replace(series=series), plan.id).find(row.indicator)

    assert rank(verdict(worse)) >= rank(verdict(better)), (row.indicator, verdict(worse), verdict(better))


# --- 2. numbers read one way everywhere ------------------------------------------------------


HDI_TARGETS = """\
schema_version: 1
indicators:
  - {id: hdi, name: Chỉ số phát triển con người (HDI), name_en: Human development index, unit: chỉ số$precision}
  - {id: exports, name: Kim ngạch xuất khẩu, unit: Tỷ USD}
plans:
  - id: term-2025-2030
    name: Nghị quyết Đại hội Đảng bộ thành phố Cần Thơ lần thứ I
    base_year: 2025
    target_year: 2030
    targets:
      - {indicator: hdi, number: "16", kind: level, value: 0.78}
      - {indicator: exports, number: "4", kind: level, value: $exports}
"""
HDI_ACTUALS = """\
schema_version: 1
series:
  hdi:
    actual: {2025: 0.735}
  exports:
    actual: {2025: 5.5}
    estimate: {2026: $latest}
"""


def hdi_folder(tmp_path: Path, precision: str = "", exports: str = "8.2", latest: str = "6.1") -> Path:
    from string import Template

    folder = tmp_path / "hdi"
    folder.mkdir(exist_ok=True)
    (folder / "targets.yaml").write_text(Template(HDI_TARGETS).substitute(precision=precision, exports=exports), encoding="utf-8")
    (folder / "actuals.yaml").write_text(Template(HDI_ACTUALS).substitute(latest=latest), encoding="utf-8")
    return folder


@pytest.mark.parametrize("where, text, line", [
    ("actuals", "41.200", "actuals.yaml:7:22: exports 2026: 41.200 reads two ways"),
    ("targets", "41.200", "targets.yaml:12:63: exports value: 41.200 reads two ways"),
    ("actuals", "1.234.567", 'actuals.yaml:7:22: exports 2026: expected a number, found "1.234.567" (use 1234567)'),
    # the decimal written as it is: no circular "write 312.621 for the decimal", precision: 3 reads it
    ("actuals", "312.621", "exports 2026: 312.621 reads two ways, as a decimal and as Vietnamese thousands"
     " (write 312621 for thousands; for the decimal, give the indicator precision: 3)"),
])
def test_vietnamese_thousands_are_an_error_naming_file_and_line(tmp_path, where, text, line):
    folder = hdi_folder(tmp_path, **({"latest": text} if where == "actuals" else {"exports": text}))
    for command in (("status",), ("summary",), ("validate",), ("export", "-o", str(tmp_path / "a.docx"))):
        result = kpi_en(*command, "--data-dir", str(folder))
        assert result.exit_code == 1 and line in result.stderr, (command, result.stderr)
    assert not (tmp_path / "a.docx").exists()


def test_three_decimals_with_a_leading_zero_are_read_and_recorded(tmp_path):
    """0,745 cannot be thousands (no group starts with 0): the loader and `kpi record` take it."""
    folder = hdi_folder(tmp_path)
    result = kpi("record", "hdi", "2026", "0.745", "--status", "estimate", "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    assert status_of(folder)["hdi"]["latest"]["value"] == 0.745


def test_precision_per_indicator_shows_its_decimals_and_reads_three_decimals(tmp_path):
    """HDI "tối thiểu 0,78" with precision: 3 shows 0,745 (not 0,75); 1.125 is a decimal there,
    and refused (as thousands or 1,125?) for an indicator without it."""
    folder = hdi_folder(tmp_path, precision=", precision: 3")
    assert kpi("record", "hdi", "2026", "0.745", "--status", "estimate", "--data-dir", str(folder)).exit_code == 0
    table = kpi("status", "--data-dir", str(folder)).stdout
    assert "0,745*" in table and "0,78" in table
    # and in show's year table and the appendix's year columns (both printed 0,75)
    assert "2026    0,745  ước tính" in kpi("show", "hdi", "--data-dir", str(folder)).stdout
    appendix = kpi("export", "-o", "-", "--format", "md", "--data-dir", str(folder)).stdout
    assert "0,745\\*" in next(line for line in appendix.splitlines() if "HDI" in line)
    assert kpi("record", "hdi", "2027", "1.125", "--data-dir", str(folder)).exit_code == 0
    refused = kpi_en("record", "exports", "2027", "1.125", "--data-dir", str(folder))
    assert refused.exit_code == 2 and "'1.125' reads two ways, as a decimal and as thousands: write 1125" in refused.stderr
    text = (folder / "actuals.yaml").read_text(encoding="utf-8")
    (folder / "actuals.yaml").write_text(text.replace("estimate: {2026: 6.1}", "estimate: {2026: 6.125}"), encoding="utf-8")
    assert kpi("validate", "--data-dir", str(folder)).exit_code == 1


# --- 4. structure parts without a target --------------------------------------------------------


STRUCTURE_TARGETS = """\
schema_version: 1
indicators:
  - {id: structure, name: Cơ cấu kinh tế, name_en: Economic structure}
  - {id: sector-1, name: "Nông, lâm nghiệp và thuỷ sản", unit: "%", parent: structure}
  - {id: sector-2, name: Công nghiệp và xây dựng, unit: "%", parent: structure}
  - {id: sector-3, name: Dịch vụ, unit: "%", parent: structure}
  - {id: taxes, name: Thuế sản phẩm trừ trợ cấp sản phẩm, name_en: Product taxes less subsidies, unit: "%", parent: structure}
plans:
  - id: term-2025-2030
    name: Nghị quyết Đại hội Đảng bộ thành phố Cần Thơ lần thứ I
    base_year: 2025
    target_year: 2030
    targets:
      - {indicator: structure, number: "8", kind: composition}
      - {indicator: sector-1, number: "8.1", kind: level, direction: at_most, strict: true, value: 16}
      - {indicator: sector-2, number: "8.2", kind: level, strict: true, value: 35}
      - {indicator: sector-3, number: "8.3", kind: level, strict: true, value: 45}
"""
STRUCTURE_ACTUALS = """\
schema_version: 1
series:
  sector-1: {actual: {2025: 20.72}}
  sector-2: {actual: {2025: 28.55}}
  sector-3: {actual: {2025: 45.48}}
  taxes: {actual: {2025: 5.25}}
"""


def test_a_structure_part_without_a_target_is_shown_summed_and_never_rated(tmp_path):
    """Cần Thơ 2025: 20,72 + 28,55 + 45,48 + 5,25 = 100: the tax part has no target, is listed
    (after the last part), counted in the sum (no warning, no finding) and never rated."""
    (tmp_path / "targets.yaml").write_text(STRUCTURE_TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(STRUCTURE_ACTUALS, encoding="utf-8")
    validate = kpi_en("validate", "--data-dir", str(tmp_path))
    assert validate.exit_code == 0 and "add up to" not in validate.stdout + validate.stderr
    rows = status_of(tmp_path)
    assert list(rows) == ["structure", "sector-1", "sector-2", "sector-3", "taxes"]
    assert rows["taxes"]["reason"]["code"] == "no_target" and rows["taxes"]["label"] == "Không đánh giá"
    assert rows["structure"]["status"] == "no_data"  # the rated parts have only the base year
    audit = json.loads(kpi("audit", "--json", "--data-dir", str(tmp_path)).stdout)
    assert audit["findings"] == []
    table = kpi("status", "--data-dir", str(tmp_path)).stdout
    assert "Thuế sản phẩm" in table and "Không đánh giá" in table and "5,25" in table


def test_a_sum_finding_names_no_published_figure(tmp_path):
    """Without the tax part the shares add up to 94,75: the finding is the data's, with nothing
    under "Báo cáo ghi" (no report published 100)."""
    targets = "\n".join(line for line in STRUCTURE_TARGETS.splitlines() if "id: taxes" not in line) + "\n"
    (tmp_path / "targets.yaml").write_text(targets, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(STRUCTURE_ACTUALS.replace("  taxes: {actual: {2025: 5.25}}\n", ""), encoding="utf-8")
    audit = json.loads(kpi("audit", "--json", "--data-dir", str(tmp_path)).stdout)
    (finding,) = audit["findings"]
    assert (finding["field"], finding["source"], finding["published"]) == ("sum 2025", "data", None)
    assert finding["computed"] == pytest.approx(94.75) and finding["note_text"] == "tổng các tỷ trọng là 94,75%, không phải 100%"
    table = kpi("audit", "--data-dir", str(tmp_path)).stdout
    row = next(line for line in table.splitlines() if "Tổng 2025" in line)
    assert "100" not in row.replace("không phải 100%", "")
    for name in ("a.xlsx", "a.html"):
        assert kpi("export", "-o", str(tmp_path / name), "--data-dir", str(tmp_path)).exit_code == 0
    from openpyxl import load_workbook

    audit_sheet = load_workbook(tmp_path / "a.xlsx").worksheets[1]
    assert not any(cell.value == 100 for row in audit_sheet.iter_rows() for cell in row)


def test_an_indicator_listed_without_a_target_or_values_is_counted(tmp_path):
    """28 indicators in the resolution, figures for some: one listed with no target at all is a
    row, counted in "N chỉ tiêu", shown "Chưa có số liệu"; with a target and no values the same."""
    targets = STRUCTURE_TARGETS + '      - {indicator: fdi, number: "20"}\n      - {indicator: hdi, number: "21", kind: level, value: 0.78}\n'
    targets = targets.replace("plans:", "  - {id: fdi, name: Thu hút vốn FDI}\n  - {id: hdi, name: Chỉ số HDI}\nplans:")
    (tmp_path / "targets.yaml").write_text(targets, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(STRUCTURE_ACTUALS, encoding="utf-8")
    rows = status_of(tmp_path)
    assert rows["fdi"]["label"] == "Chưa có số liệu" and rows["hdi"]["label"] == "Chưa có số liệu"
    assert "3 chỉ tiêu: 3 chưa có số liệu" in kpi("status", "--data-dir", str(tmp_path)).stdout
    assert kpi("validate", "--data-dir", str(tmp_path)).exit_code == 0


# --- 6. the small things a user hits ----------------------------------------------------------

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "docs" / "example-kinds"


@pytest.mark.parametrize("written", ["Kinh tế", "kinh te", "KINH TẾ", "Economy", "economy", " kinh  tế "])
def test_group_accepts_the_printed_label_in_either_language(written):
    result = kpi("status", "--json", "--group", written, "--data-dir", str(EXAMPLE))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["total"] == 5


@pytest.mark.parametrize("runner, message, first", [
    (kpi, "kpi: kế hoạch 'term-2020-2025' không có chỉ tiêu nào thuộc nhóm 'xyz'", "Kinh tế"),
    (kpi_en, "kpi: no indicator of plan 'term-2020-2025' is in the group 'xyz'", "Economy"),
])
def test_an_unknown_group_is_answered_in_the_uis_language(runner, message, first):
    result = runner("status", "--group", "xyz", "--data-dir", str(EXAMPLE))
    assert result.exit_code == 2 and message in result.stderr
    assert result.stderr.splitlines()[1].strip() == first


def test_compare_says_when_data_came_in_and_counts_like_the_footer(tmp_path):
    """As of 2025 (the base year) only the PCI rank (18th, out of the top 15) has a verdict; as of
    2026 every row but FDI (no target) has: "mới có số liệu" for 12 of them (15 rows), "tốt hơn" for the
    rank alone, and 13 changes among the template's 14 indicators (not 17 rows)."""
    folder = init_folder(tmp_path)
    out = json.loads(kpi("status", "--json", "--compare", "2025", "--data-dir", str(folder)).stdout)
    directions = {row["id"]: row["direction"] for row in out["compare"]["indicators"]}
    assert directions.pop("pci-rank") == "better" and directions.pop("fdi") == "same"
    assert set(directions.values()) == {"data_in"}
    table = kpi("status", "--compare", "2025", "--data-dir", str(folder)).stdout
    assert table.count("mới có số liệu") == 15 and table.count("tốt hơn") == 1
    assert "13 chỉ tiêu thay đổi đánh giá so với năm 2025" in table and "14 chỉ tiêu:" in table
    later = kpi("status", "--compare", "2026", "--as-of", "2025", "--data-dir", str(folder)).stdout
    assert "chưa có số liệu" in later.split("Đánh giá so với năm 2026")[1] and later.count("kém hơn") == 1  # the rank


@pytest.mark.parametrize("option", ["--as-of", "--compare"])
@pytest.mark.parametrize("year", ["2032", "2024"])
def test_a_year_outside_the_plans_period_is_refused_naming_it(tmp_path, option, year):
    folder = init_folder(tmp_path)
    result = kpi_en("status", option, year, "--data-dir", str(folder))
    assert result.exit_code == 2
    assert f"{year} is outside the period of plan term-2025-2030, 2025–2030" in result.stderr


# --- 3. forecasts within what the indicator can be ---------------------------------------------


def _urbanisation(tmp_path: Path, unit_line: str = "", latest: str = "58", target: str = "kind: level, value: 80") -> Path:
    folder = init_folder(tmp_path)
    actuals = folder / "actuals.yaml"
    actuals.write_text(actuals.read_text(encoding="utf-8").replace("estimate: {2026: 50.5}", f"estimate: {{2026: {latest}}}"), encoding="utf-8")
    targets = folder / "targets.yaml"
    text = targets.read_text(encoding="utf-8").replace("kind: band, range: [50, 55]}", target + "}")
    text = text.replace("    name_en: Urbanisation rate\n", "    name_en: Urbanisation rate\n" + unit_line)
    targets.write_text(text, encoding="utf-8")
    return folder


def test_a_share_is_never_forecast_above_100(tmp_path):
    """45 (2025) → 58 (2026): the trend 58 · 1,2889⁴ = 160,06 % is no share; held at 100, said
    in show and JSON (bounded, unbounded 160,06)."""
    folder = _urbanisation(tmp_path)
    out = json.loads(kpi("show", "urbanisation", "--json", "--data-dir", str(folder)).stdout)["forecast"]
    assert (out["value"], out["pct"], out["bounded"]) == (100, 125, True)
    assert out["unbounded"] == pytest.approx(58 * (58 / 45) ** 4, abs=1e-5) == pytest.approx(160.062617)
    shown = kpi("show", "urbanisation", "--data-dir", str(folder)).stdout
    assert "100 (xu hướng; giữ trong giới hạn của chỉ tiêu, tính ra 160,06)" in shown
    assert json.loads(kpi("show", "grdp-per-capita", "--json", "--data-dir", str(folder)).stdout)["forecast"]["bounded"] is False


def test_a_forecast_held_at_a_bound_states_no_excess(tmp_path):
    """The share held at 100 against a target of 80 is 125 % of it, but "Vượt 25,00%" would
    state the bound's excess, not the forecast's: the verdict is "Vượt" with no figure, and says
    why; a forecast not held (45 → 50, trend 69,1) keeps its figure."""
    row = status_of(_urbanisation(tmp_path))["urbanisation"]
    assert (row["status"], row["label"], row["excess_pct"], row["reason"]["code"]) == ("exceeded", "Vượt", None, "forecast_held")
    assert row["forecast"]["pct"] == 125 and row["forecast"]["bounded"] is True
    table = " ".join(kpi("status", "--data-dir", str(_urbanisation(tmp_path / "b"))).stdout.split())
    # its percentage marked as a held forecast's, "†" (README "Forecast")
    assert "125,00%† Vượt" in table and "Vượt 25,00%" not in table and "(* ước tính, † dự báo giữ trong giới hạn của chỉ tiêu)" in table
    free = status_of(_urbanisation(tmp_path / "c", latest="50", target="kind: level, value: 60"))["urbanisation"]
    assert free["forecast"]["bounded"] is False and free["label"] == f"Vượt {50 * (50 / 45) ** 4 / 60 * 100 - 100:.2f}%".replace(".", ",")


def test_an_indicators_own_bounds_override_its_units(tmp_path):
    """bounds: [0, 90]: a ceiling the plan knows (a rate that cannot pass 90)."""
    folder = _urbanisation(tmp_path, unit_line="    bounds: [0, 90]\n")
    out = json.loads(kpi("show", "urbanisation", "--json", "--data-dir", str(folder)).stdout)["forecast"]
    assert (out["value"], out["bounded"]) == (90, True)
    bad = _urbanisation(tmp_path / "b", unit_line="    bounds: [90, 10]\n")
    assert kpi("validate", "--data-dir", str(bad)).exit_code == 1


def test_a_count_is_never_forecast_below_zero_and_a_place_never_above_first(tmp_path):
    from soctrang_kpi.core.bounds import bounds_of
    from soctrang_kpi.core.model import Indicator

    assert bounds_of(Indicator("x", "X", unit="Đảng viên")) == (0, None)
    assert bounds_of(Indicator("x", "X", unit="Hạng")) == (1, None)
    assert bounds_of(Indicator("x", "X", unit="%")) == (0, 100)
    assert bounds_of(Indicator("x", "X", unit="Tỷ đồng")) == (None, None)
    folder = init_folder(tmp_path)
    actuals = folder / "actuals.yaml"
    actuals.write_text(actuals.read_text(encoding="utf-8").replace("estimate: {2026: 53500}", "estimate: {2026: 0}"), encoding="utf-8")
    out = json.loads(kpi("show", "party-members", "--json", "--data-dir", str(folder)).stdout)["forecast"]
    # no CAGR from 0: the linear trend 0 − 52.000 · 4 = −208.000 members, held at 0
    assert (out["value"], out["bounded"], out["unbounded"]) == (0, True, -208000)


# --- 5. the forms the 2025–2030 resolutions write ------------------------------------------------

from soctrang_kpi.core.model import (  # noqa: E402
    Basis, Dataset, ForecastMethod, Indicator, Plan, PlanRow, Settings, Target, VerdictClass,
)

ACTUAL = PointStatus.ACTUAL


def _one(kind: Kind, value: float, points, *, basis: Basis = Basis.RATE, of: str | None = None, other=(),
         base: int = 2025, end: int = 2030, as_of: int | None = None, settings: Settings = Settings()):
    target = Target(kind, Direction.AT_MOST if kind is Kind.RANK else Direction.AT_LEAST, value, basis=basis, of=of)
    plan = Plan("p", "P", base, end, (PlanRow("x", "1", target),), settings=settings)
    indicators = {"x": Indicator("x", "X"), "grdp": Indicator("grdp", "GRDP")}
    data = Dataset(indicators, {"p": plan}, {"x": tuple(points), "grdp": tuple(other)})
    return evaluate(data, "p", as_of).results[0]


def test_growth_of_a_level_is_the_cagr_from_the_base_year():
    """Thu ngân sách "tăng 15 %/năm": 30 (2025) → 34,5 → 39: rates 15 % and 13,04 %, their chain
    average √(39/30) − 1 = 14,02 % = 93,45 % of 15 → Khó đạt."""
    r = _one(Kind.GROWTH, 15, [Point(2025, 30), Point(2026, 34.5), Point(2027, 39, ESTIMATE)], basis=Basis.LEVEL)
    assert r.figures.avg_growth_pct == pytest.approx((39 / 30) ** 0.5 * 100 - 100) == pytest.approx(14.0175, abs=1e-4)
    assert r.figures.forecast.pct == pytest.approx(93.45, abs=0.005) and r.status is Status.AT_RISK
    assert [round(p.value, 4) for p in r.window.shown] == [15.0, 13.0435]  # the rates the figures see


@pytest.mark.parametrize("latest, status, pct", [(5.5, Status.ACHIEVED, 100.0), (5.4, Status.MISSED, 80.0), (5.6, Status.EXCEEDED, 120.0)])
def test_the_annual_form_so_voi_nam_truoc(latest, status, pct):
    """An annual plan 2025–2026, "xuất khẩu tăng 10 % trở lên so với năm trước": 5,0 → 5,5 is 10 %."""
    r = _one(Kind.GROWTH, 10, [Point(2025, 5.0), Point(2026, latest)], basis=Basis.LEVEL, end=2026)
    assert r.status is status and r.figures.forecast.pct == pytest.approx(pct)


@given(levels=st.lists(st.floats(min_value=1, max_value=1e6, allow_nan=False), min_size=2, max_size=6))
@hsettings(max_examples=60, deadline=None)
def test_the_chain_average_of_a_levels_rates_is_its_cagr(levels):
    points = [Point(2025 + i, v) for i, v in enumerate(levels)]
    r = _one(Kind.GROWTH, 10, points, basis=Basis.LEVEL)
    n = len(levels) - 1
    assert r.figures.avg_growth_pct == pytest.approx(((levels[-1] / levels[0]) ** (1 / n) - 1) * 100, rel=1e-9, abs=1e-6)


def test_a_share_of_another_indicator_is_their_ratio_each_year():
    """"Tổng vốn đầu tư 286 nghìn tỷ (40 % GRDP)": 286 of a GRDP of 717 is 39,89 % = 99,72 % of
    40 in 2030 → Không đạt; 2025: 110 of 313 = 35,14 %."""
    r = _one(Kind.SHARE_OF, 40, [Point(2025, 110), Point(2030, 286)], of="grdp", other=[Point(2025, 313), Point(2030, 717)])
    assert [round(p.value, 4) for p in r.window.shown] == [35.1438, 39.8884]
    assert r.figures.forecast.pct == pytest.approx(286 / 717 * 100 / 40 * 100) == pytest.approx(99.72, abs=0.005)
    assert r.status is Status.MISSED
    estimate = _one(Kind.SHARE_OF, 40, [Point(2025, 110), Point(2026, 130)], of="grdp",
                    other=[Point(2025, 313), Point(2026, 350, ESTIMATE)])
    assert estimate.latest.status is ESTIMATE  # a ratio is as final as the lesser of its two values


@given(pairs=st.lists(st.tuples(st.floats(min_value=0, max_value=1e5), st.floats(min_value=1, max_value=1e5)), min_size=1, max_size=6))
@hsettings(max_examples=60, deadline=None)
def test_a_share_is_100_times_the_ratio_in_every_year(pairs):
    r = _one(Kind.SHARE_OF, 40, [Point(2025 + i, a) for i, (a, _) in enumerate(pairs)], of="grdp",
             other=[Point(2025 + i, b) for i, (_, b) in enumerate(pairs)])
    assert [p.value for p in r.window.shown] == pytest.approx([a / b * 100 for a, b in pairs])


@pytest.mark.parametrize("place, as_of, status, reason", [
    (14, 2026, Status.ACHIEVED, "rank_in"),
    (15, 2026, Status.ACHIEVED, "rank_in"),  # the 15th is in the group of 15
    (16, 2026, Status.AT_RISK, "rank_out"),
    (16, 2030, Status.MISSED, "rank_out"),
    (1, 2030, Status.ACHIEVED, "rank_in"),  # never "Vượt": a place is in or out
    (14.5, 2026, Status.NO_DATA, "not_a_place"),
    (0, 2026, Status.NO_DATA, "not_a_place"),
])
def test_a_rank_is_in_or_out_of_the_top_group(place, as_of, status, reason):
    r = _one(Kind.RANK, 15, [Point(2025, 18), Point(as_of, place)])
    assert (r.status, r.reason.code) == (status, reason)
    assert r.figures.forecast.pct is None and r.figures.attainment_pct is None and r.figures.trend is None


@given(places=st.lists(st.integers(min_value=1, max_value=63), min_size=2, max_size=2, unique=True), top=st.integers(1, 63))
@hsettings(max_examples=60, deadline=None)
def test_a_lower_place_never_earns_a_worse_verdict(places, top):
    better, worse = sorted(places)
    verdict = lambda place: _one(Kind.RANK, top, [Point(2025, 20), Point(2027, place)])  # noqa: E731
    assert rank(verdict(worse)) >= rank(verdict(better))


@given(levels=st.lists(st.floats(min_value=1, max_value=1e4, allow_nan=False).map(lambda x: round(x, 2)), min_size=2, max_size=2, unique=True),
       kind=st.sampled_from([Kind.SHARE_OF, Kind.GROWTH]))
@hsettings(max_examples=60, deadline=None)
def test_a_lower_latest_value_never_earns_a_better_verdict_in_the_new_forms(levels, kind):
    low, high = sorted(levels)
    def verdict(latest: float):
        points = [Point(2025, 100), Point(2026, 110), Point(2027, latest, ESTIMATE)]
        other = [Point(y, 400) for y in (2025, 2026, 2027)]
        return _one(kind, 30 if kind is Kind.SHARE_OF else 8, points, basis=Basis.LEVEL, of="grdp", other=other)
    assert rank(verdict(low)) >= rank(verdict(high))


def test_printed_wording_is_used_by_every_output(tmp_path):
    """"Tối thiểu 717 nghìn tỷ đồng" as the resolution prints it, not "717"."""
    folder = init_folder(tmp_path)
    printed = "Tối thiểu 717 nghìn tỷ đồng"
    wide = kpi("status", "--data-dir", str(folder), env_columns := "--format", "markdown").stdout
    assert printed in wide
    assert printed in kpi("show", "grdp", "--data-dir", str(folder)).stdout
    assert status_of(folder)["grdp"]["target_printed"] == printed
    for name in ("a.md", "a.html", "a.csv"):
        assert kpi("export", "-o", str(tmp_path / name), "--data-dir", str(folder)).exit_code == 0
        assert printed in (tmp_path / name).read_text(encoding="utf-8-sig"), name
    assert kpi("export", "-o", str(tmp_path / "a.xlsx"), "--data-dir", str(folder)).exit_code == 0
    from openpyxl import load_workbook

    cells = [c.value for row in load_workbook(tmp_path / "a.xlsx").active.iter_rows() for c in row]
    assert printed in cells


def test_the_new_forms_in_kpi_init_as_written(tmp_path):
    """The template's new rows, checked by hand: GRDP 313 → 350 trends to 350 · (350/313)⁴ =
    547,22 = 76,32 % of 717; investment 110/313 = 35,14 % → 130/350 = 37,14 %, trending to
    46,34 % = 115,86 % of 40; PCI 18 → 14th, in the top 15; budget 30 → 34,5 = +15 %; FDI listed
    without target or values."""
    rows = status_of(init_folder(tmp_path))
    assert rows["grdp"]["forecast"]["value"] == pytest.approx(547.22, abs=0.005)
    assert rows["grdp"]["forecast"]["pct"] == pytest.approx(76.32, abs=0.005)
    assert rows["investment"]["latest"]["value"] == pytest.approx(37.142857, abs=1e-6)
    assert rows["investment"]["forecast"]["pct"] == pytest.approx(115.86, abs=0.005) and rows["investment"]["unit"] == "Nghìn tỷ đồng"
    assert (rows["pci-rank"]["status"], rows["pci-rank"]["reason"]["text"]) == ("achieved", "xếp thứ 14, trong nhóm dẫn đầu")
    assert rows["budget-revenue"]["avg_growth_pct"] == pytest.approx(15) and rows["budget-revenue"]["status"] == "achieved"
    assert (rows["fdi"]["status"], rows["fdi"]["target"]) == ("no_data", None)


def test_a_ranked_indicators_values_must_be_places(tmp_path):
    folder = init_folder(tmp_path)
    actuals = folder / "actuals.yaml"
    actuals.write_text(actuals.read_text(encoding="utf-8").replace("estimate: {2026: 14}", "estimate: {2026: 14.5}"), encoding="utf-8")
    result = kpi_en("status", "--data-dir", str(folder))
    assert result.exit_code == 1 and "pci-rank 2026: a place in a ranking is a whole number from 1, found 14.5" in result.stderr


def test_a_plans_own_class_between_dat_and_kho_dat_is_used_and_counted(tmp_path):
    """`kpi init`'s plan names "Xấp xỉ đạt" from 95 %: party members 52.000 → 53.500 forecast
    at 99,32 % of the way to 60.000 and the five-year investment 95 % of 500 fall in it; the
    footer counts it apart, every output prints it."""
    folder = init_folder(tmp_path)
    rows = status_of(folder)
    assert (rows["party-members"]["status"], rows["party-members"]["label"], rows["party-members"]["class"]) == ("at_risk", "Xấp xỉ đạt", "Xấp xỉ đạt")
    assert rows["party-members"]["forecast"]["pct"] == pytest.approx(99.32, abs=0.005)
    assert rows["total-investment"]["forecast"]["pct"] == pytest.approx(95.0) and rows["total-investment"]["label"] == "Xấp xỉ đạt"
    assert rows["grdp"]["class"] is None  # 76,32 %: Khó đạt
    footer = "14 chỉ tiêu: 2 vượt, 5 đạt, 2 xấp xỉ đạt, 4 khó đạt, 1 chưa có số liệu"
    assert footer in kpi("status", "--data-dir", str(folder)).stdout
    assert "14 indicators: 2 exceeded, 5 achieved, 2 nearly achieved, 4 at risk, 1 no data" in kpi_en("summary", "--data-dir", str(folder)).stdout
    summary = json.loads(kpi("summary", "--json", "--data-dir", str(folder)).stdout)["summary"]
    assert summary["at_risk"] == 6 and summary["classes"] == [{"name": "Xấp xỉ đạt", "name_en": "Nearly achieved", "at_least": 95.0, "count": 2}]
    assert kpi("export", "-o", str(tmp_path / "a.md"), "--data-dir", str(folder)).exit_code == 0
    exported = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert exported.count("Xấp xỉ đạt") == 2 and footer in exported


def test_a_bad_class_is_refused(tmp_path):
    folder = init_folder(tmp_path)
    targets = folder / "targets.yaml"
    targets.write_text(targets.read_text(encoding="utf-8").replace("at_least: 95}", "at_least: 120}"), encoding="utf-8")
    result = kpi_en("validate", "--data-dir", str(folder))
    assert result.exit_code == 1 and "classes: expected a number from 0 to 100, found 120" in result.stderr


@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40).filter(lambda t: t.strip() == t and t))
@hsettings(max_examples=60, deadline=None)
def test_a_printed_target_is_shown_as_written(text):
    """Whatever the resolution printed stands in for the generated wording in Vietnamese, and
    whatever the office wrote in English (``printed_en``) in English; an English output never
    prints the Vietnamese words, but the form made from the target."""
    from soctrang_kpi.output.labels import Lang
    from soctrang_kpi.output.wording import target_text

    for kind in (Kind.LEVEL, Kind.RANK, Kind.GROWTH):
        assert target_text(Target(kind, value=15, printed=text), Lang.VI) == text
        assert target_text(Target(kind, value=15, printed=text), Lang.EN) == target_text(Target(kind, value=15), Lang.EN)
        if not any(c.isdigit() for c in text):  # a wording's numbers are written the English way
            assert target_text(Target(kind, value=15, printed="Trên 15", printed_en=text), Lang.EN) == text


# --- a band: farther outside it is worse, on either side; inside it all are equal -------------

def _outside(value: float, low: float, high: float) -> float:
    """How far a value lies outside a band (0 inside it): what "worse" means for a band."""
    return max(low - value, value - high, 0.0)


BAND_CASES = [(method, latest) for method in ForecastMethod for latest in (2026, 2027, 2030)]


@pytest.mark.parametrize("method, latest_year", BAND_CASES)
@hsettings(max_examples=80, deadline=None)
@given(data=st.data())
def test_farther_outside_a_band_never_earns_a_better_verdict(method, latest_year, data):
    """A band "32–33 %" with its latest value moved, under every forecast (the trend, the roadmap
    rebased on the latest value, the roadmap as planned): the value farther outside the band (on
    either side) never gets the better verdict, class ("xấp xỉ đạt") included."""
    share = st.floats(min_value=20, max_value=45, allow_nan=False).map(lambda x: round(x, 2))
    base = data.draw(share, label="base")
    between = [data.draw(share, label=f"v{y}") for y in range(2026, latest_year)]
    years_planned = range(latest_year + 1, 2031) if data.draw(st.booleans(), label="roadmap") else range(0)
    roadmap = [data.draw(share, label=f"plan{y}") for y in years_planned]
    a, b = data.draw(st.lists(share, min_size=2, max_size=2, unique=True), label="latest")
    near, far = sorted((a, b), key=lambda v: _outside(v, 32, 33))
    assume_apart = _outside(far, 32, 33) > _outside(near, 32, 33)
    settings = Settings(forecast=method, classes=(VerdictClass("Xấp xỉ đạt", "Nearly achieved", 95.0),))

    def verdict(latest: float):
        points = [Point(2025, base)] + [Point(2026 + i, v) for i, v in enumerate(between)]
        points += [Point(latest_year, latest, ESTIMATE)] + [Point(latest_year + 1 + i, v, PointStatus.PLAN) for i, v in enumerate(roadmap)]
        target = Target(Kind.BAND, Direction.AT_LEAST, 32, upper=33)
        plan = Plan("p", "P", 2025, 2030, (PlanRow("x", "1", target),), settings=settings)
        data_ = Dataset({"x": Indicator("x", "X", unit="%")}, {"p": plan}, {"x": tuple(points)})
        return evaluate(data_, "p").results[0]

    if assume_apart:
        assert rank(verdict(far)) >= rank(verdict(near)), (near, far, verdict(near), verdict(far))


# --- 6. what QA found: no default decides a verdict -----------------------------------------------

THRESHOLD_SERIES = "  x:\n    actual: {2025: 95, 2026: 100}\n"


def _threshold_folder(tmp_path: Path, row: str) -> Path:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "targets.yaml").write_text(
        "schema_version: 1\nindicators:\n  - {id: x, name: Tỷ lệ hoàn thành kế hoạch, unit: \"%\"}\n"
        "plans:\n  - id: p\n    name: P\n    base_year: 2025\n    target_year: 2030\n    targets:\n"
        f"      - {{indicator: x, number: \"1\", kind: threshold, value: 100{row}}}\n", encoding="utf-8")
    (folder / "actuals.yaml").write_text("schema_version: 1\nseries:\n" + THRESHOLD_SERIES, encoding="utf-8")
    return folder


@pytest.mark.parametrize("row, label", [
    (', printed: "Đạt 100 % dự toán"', "Đạt"),  # reaching 100 is enough
    (', printed: "Tối thiểu 100 %"', "Đạt"),
    (", strict: false", "Đạt"),
    (', printed: "Trên 100 %"', "Không đạt"),  # must pass 100: exactly 100 falls short
    (", strict: true", "Không đạt"),
])
def test_a_thresholds_strictness_comes_from_what_the_plan_says(tmp_path, row, label):
    """"100 % kế hoạch" at exactly 100 in 2026: the wording (or `strict`) decides, never a default."""
    folder = _threshold_folder(tmp_path, row)
    out = json.loads(kpi("status", "--json", "--data-dir", str(folder)).stdout)["indicators"][0]
    assert out["label"] == label


@pytest.mark.parametrize("row, words", [
    ("", "strict: true"),  # nothing says: refused, asking for strict
    (', printed: "100 % kế hoạch"', "strict: true"),  # the wording does not say either
    (', printed: "Trên 100 %", strict: false', "trái với lời văn"),  # they contradict
])
def test_a_threshold_that_does_not_say_is_refused_with_file_and_line(tmp_path, row, words):
    folder = _threshold_folder(tmp_path, row)
    result = kpi("validate", "--data-dir", str(folder))
    assert result.exit_code == 1
    assert "targets.yaml:10:" in result.stderr + result.stdout and words in result.stderr + result.stdout
    assert kpi("status", "--data-dir", str(folder)).exit_code == 1  # every command reads it the same


def test_summary_lists_each_class_under_its_own_heading(tmp_path):
    """`kpi init`'s plan as of 2030 with GRDP per capita 100 recorded for 2030 (46,51 % of 215):
    Không đạt is listed under "Chỉ tiêu không đạt", not under "Chỉ tiêu khó đạt"; the plan's
    class under its own heading; the counts table counts the class apart, as the footer does."""
    folder = init_folder(tmp_path)
    assert kpi("record", "grdp-per-capita", "2030", "100", "--data-dir", str(folder)).exit_code == 0
    out = kpi("summary", "--as-of", "2030", "--data-dir", str(folder)).stdout
    xap_xi, kho_dat, khong_dat = (out.index(h) for h in ("Chỉ tiêu xấp xỉ đạt", "Chỉ tiêu khó đạt", "Chỉ tiêu không đạt"))
    assert xap_xi < kho_dat < khong_dat
    assert "GRDP bình quân đầu người" in out[khong_dat:] and "GRDP bình quân đầu người" not in out[kho_dat:khong_dat]
    assert "Số lượng đảng viên" in out[xap_xi:kho_dat] and "Số lượng đảng viên" not in out[kho_dat:]
    counts = dict(line.rsplit(None, 1) for line in out[:xap_xi].splitlines() if line[-1:].isdigit() and "chỉ tiêu" not in line)
    assert (counts["Xấp xỉ đạt"], counts["Khó đạt"], counts["Không đạt"]) == ("2", "3", "1")
    payload = json.loads(kpi("summary", "--as-of", "2030", "--json", "--data-dir", str(folder)).stdout)["at_risk"]
    assert {r["id"]: (r["status"], r["class"]) for r in payload}["party-members"] == ("at_risk", "Xấp xỉ đạt")


def test_a_value_on_a_composition_heading_is_refused_at_its_line(tmp_path):
    """The GRDP structure's parts carry the targets; a value recorded on the heading itself would
    be accepted and never used: refused, with file:line, by validate and every command, and by record before writing (exit 2)."""
    folder = init_folder(tmp_path)
    record = kpi("record", "grdp-structure", "2026", "100", "--data-dir", str(folder))
    assert record.exit_code == 2 and record.stderr.startswith("kpi: grdp-structure: giá trị ghi cho dòng tiêu đề")
    actuals = folder / "actuals.yaml"
    text = actuals.read_text(encoding="utf-8") + "  grdp-structure:\n    actual: {2025: 100}\n"
    actuals.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    actual: {2025: 100}") + 1
    for command in ("validate", "status"):
        result = kpi_en(command, "--data-dir", str(folder))
        assert result.exit_code == 1
        assert f"actuals.yaml:{line}:" in result.stderr and "a value on a heading (composition) is never used" in result.stderr


def _published(folder: Path, assessments: dict[str, str]) -> None:
    actuals = folder / "actuals.yaml"
    text = actuals.read_text(encoding="utf-8")
    for ident, printed in assessments.items():
        head = f"  {ident}:\n"
        text = text.replace(head, head + f"    published:\n      term-2025-2030:\n        table: {{as_of: 2026, assessment: {printed}}}\n", 1)
    actuals.write_text(text, encoding="utf-8")


def test_a_published_class_is_audited_as_a_class(tmp_path):
    """`kpi init`'s plan names "Xấp xỉ đạt" from 95 %: party members (99,32 %) are in it, GRDP
    (76,32 %) is not. A report printing "Xấp xỉ đạt" for GRDP, or "Khó đạt" for party members,
    disagrees with the computed class; "Xấp xỉ đạt" for party members agrees."""
    folder = init_folder(tmp_path)
    _published(folder, {"party-members": "Xấp xỉ đạt", "grdp": "Xấp xỉ đạt", "total-investment": "Khó đạt"})
    findings = {f["id"]: f for f in json.loads(kpi("audit", "--json", "--data-dir", str(folder)).stdout)["findings"]}
    assert "party-members" not in findings
    grdp, investment = findings["grdp"], findings["total-investment"]
    assert (grdp["published"], grdp["computed"], grdp["computed_class"], grdp["note"]) == ("Xấp xỉ đạt", "Khó đạt", None, "class_differs")
    assert grdp["note_text"] == "theo các lớp của kế hoạch, với dự báo 76,32%"
    assert (investment["published"], investment["computed"], investment["computed_class"]) == ("Khó đạt", "Xấp xỉ đạt", "Xấp xỉ đạt")
    english = json.loads(kpi_en("audit", "--json", "--data-dir", str(folder)).stdout)["findings"]
    assert next(f for f in english if f["id"] == "total-investment")["computed"] == "Nearly achieved"


def test_a_row_with_its_own_target_and_of_which_rows_takes_a_class():
    """17 (own target, 97 % of 100) with 17.1 (96 % of 100) under it: both short but in "Xấp xỉ
    đạt" from 95 %, so is 17; with 17.1 at 90 % (no class) 17 takes none."""
    classes = (VerdictClass("Xấp xỉ đạt", "Nearly achieved", 95.0),)
    def row_17(of_which: float):
        rows = (PlanRow("x", "17", Target(Kind.LEVEL, value=100)), PlanRow("y", "17.1", Target(Kind.LEVEL, value=100)))
        plan = Plan("p", "P", 2025, 2030, rows, settings=Settings(classes=classes))
        indicators = {"x": Indicator("x", "X"), "y": Indicator("y", "Y", parent="x")}
        series = {"x": (Point(2025, 90), Point(2030, 97)), "y": (Point(2025, 90), Point(2030, of_which))}
        return evaluate(Dataset(indicators, {"p": plan}, series), "p").find("x")
    assert (row_17(96).status, row_17(96).klass) == (Status.MISSED, classes[0])
    assert (row_17(90).status, row_17(90).klass) == (Status.MISSED, None)


def test_compare_changed_lists_the_rows_the_footer_counts(tmp_path):
    """`kpi status --compare`: JSON `changed` holds the top-level rows, as the footer counts them
    (a structure's parts are in `indicators`, each with its own `changed`)."""
    folder = init_folder(tmp_path)
    kpi("record", "grdp-share-agriculture", "2027", "30", "--data-dir", str(folder))
    kpi("record", "grdp-share-other", "2027", "70", "--data-dir", str(folder))
    out = json.loads(kpi("status", "--json", "--compare", "2026", "--as-of", "2027", "--data-dir", str(folder)).stdout)
    parts = {"grdp-share-agriculture", "grdp-share-other"}
    assert any(r["changed"] for r in out["compare"]["indicators"] if r["id"] in parts)
    assert not parts & set(out["compare"]["changed"])
    table = kpi("status", "--compare", "2026", "--as-of", "2027", "--data-dir", str(folder)).stdout
    n = len(out["compare"]["changed"])
    assert f"{n} chỉ tiêu thay đổi đánh giá so với năm 2026" in " ".join(table.split())


def test_year_columns_show_the_levels_recorded_with_the_derived_figure_labelled():
    """The example plan's investment (110 → 130 nghìn tỷ, 35,19 % → 37,09 % of GRDP) and budget
    (30 → 34,5 nghìn tỷ, +15 %): `kpi show` prints the recorded value and the derived one in
    columns of their own; the appendix's year columns the levels, the forecast with its "%";
    the status table the latest level with the derived figure labelled."""
    folder = str(Path(__file__).resolve().parent.parent.parent / "docs" / "example-kinds")
    shown = kpi("show", "investment", "--plan", "term-2025-2030", "--data-dir", folder).stdout
    assert "Năm   Giá trị  Tỷ lệ (%)  Trạng thái  % so NQ" in shown
    assert "2025      110     35,19%  thực hiện    87,97%" in shown and "2026      130     37,09%  ước tính     92,72%" in shown
    budget = kpi("show", "budget-total", "--plan", "term-2025-2030", "--data-dir", folder, "--lang", "en").stdout
    assert "2025     30                       -  actual" in budget and "2026  34.50                  15.00%  estimate" in budget
    payload = json.loads(kpi("show", "investment", "--json", "--plan", "term-2025-2030", "--data-dir", folder).stdout)
    assert [p["value"] for p in payload["recorded"]] == [110, 130]
    assert [round(p["value"], 2) for p in payload["series"]] == [35.19, 37.09]
    appendix = kpi("export", "-o", "-", "--format", "md", "--plan", "term-2025-2030", "--data-dir", folder).stdout
    row = next(line for line in appendix.splitlines() if "Tổng vốn đầu tư toàn xã hội" in line)
    assert "| Nghìn tỷ đồng (%) | 40% GRDP | 110 | 130\\* |" in row and "| 45,79% |" in row
    table = " ".join(kpi("status", "--plan", "term-2025-2030", "--data-dir", folder).stdout.split())
    assert "130* (37,09%)" in table and "34,50* (+15,00%)" in table


def test_summary_per_group_counts_the_plans_classes_apart(tmp_path):
    """Party members (Xấp xỉ đạt) in Xây dựng Đảng, the five-year investment (Xấp xỉ đạt) and
    GRDP (Khó đạt) in Kinh tế: the table per group counts the class in a column of its own, as
    the footer does, and not in Khó đạt."""
    folder = init_folder(tmp_path)
    targets = folder / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    for ident, group in (("party-members", "party"), ("total-investment", "economy"), ("grdp", "economy")):
        text = text.replace(f"  - id: {ident}\n", f"  - id: {ident}\n    group: {group}\n", 1)
    targets.write_text(text, encoding="utf-8")
    out = kpi("summary", "--data-dir", str(folder)).stdout
    lines = out[out.index("Theo nhóm chỉ tiêu"):].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Nhóm"))
    rule = next(i for i, line in enumerate(lines) if i > start and line.startswith("─"))
    header = " ".join(lines[start:rule])  # 100 columns: "Chưa có" over "số liệu", not a line of 106
    assert sorted(header.split()[1:]) == sorted("Số chỉ tiêu Vượt Đạt Xấp xỉ đạt Khó đạt Không đạt Chưa có số liệu Đạt và vượt".split())
    assert max(len(line) for line in lines) <= 100
    economy = next(line for line in lines if line.startswith("Kinh tế")).split()[2:]
    party = next(line for line in lines if line.startswith("Xây dựng Đảng")).split()[3:]
    assert economy == ["2", "0", "0", "1", "1", "0", "0", "0"] and party == ["1", "0", "0", "1", "0", "0", "0", "0"]
    groups = {g["group"]: g for g in json.loads(kpi("summary", "--json", "--data-dir", str(folder)).stdout)["groups"]}
    assert groups["economy"]["classes"] == [{"name": "Xấp xỉ đạt", "count": 1}] and groups["economy"]["at_risk"] == 2


def test_a_change_of_class_is_a_change_of_verdict(tmp_path):
    """Party members 53.500 (2026, Xấp xỉ đạt: 99,32 %) then 53.000 (2027): Khó đạt, both at
    risk — printed differently, so `--compare` says it changed, for the worse, and counts it."""
    folder = init_folder(tmp_path)
    assert kpi("record", "party-members", "2027", "53000", "--data-dir", str(folder)).exit_code == 0
    out = json.loads(kpi("status", "--json", "--compare", "2026", "--as-of", "2027", "--data-dir", str(folder)).stdout)["compare"]
    row = next(r for r in out["indicators"] if r["id"] == "party-members")
    assert (row["before"]["label"], row["after"]["label"], row["changed"], row["direction"]) == ("Xấp xỉ đạt", "Khó đạt", True, "worse")
    assert out["changed"] == ["party-members"]


def test_a_class_the_plan_names_itself_is_read_and_audited(tmp_path):
    """A plan naming its class "Gần đạt": a report printing it is read (it was refused as no
    assessment) and compared as that class."""
    folder = init_folder(tmp_path)
    targets = folder / "targets.yaml"
    targets.write_text(targets.read_text(encoding="utf-8").replace("{name: Xấp xỉ đạt,", "{name: Gần đạt,"), encoding="utf-8")
    _published(folder, {"party-members": "Gần đạt", "grdp": "gần  đạt"})
    result = kpi("audit", "--json", "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    findings = {f["id"]: f for f in json.loads(result.stdout)["findings"]}
    assert "party-members" not in findings and (findings["grdp"]["computed"], findings["grdp"]["note"]) == ("Khó đạt", "class_differs")


def test_the_workbook_keeps_the_levels_an_indicators_precision_and_a_shares_percent(tmp_path):
    """The example plan's xlsx: investment's year cells the levels 110 and 130, its forecast the
    share 45,79 % shown with its "%"; HDI's years with three decimals (0,735, 0,745), its target
    as written (0,78, not 0,780)."""
    from openpyxl import load_workbook

    folder = str(Path(__file__).resolve().parent.parent.parent / "docs" / "example-kinds")
    out = tmp_path / "a.xlsx"
    assert kpi("export", "-o", str(out), "--plan", "term-2025-2030", "--data-dir", folder).exit_code == 0
    rows = {row[0].value: row for row in load_workbook(out).worksheets[0].iter_rows() if row[0].value in ("2", "7")}
    investment = [(c.value, c.number_format) for c in rows["2"] if isinstance(c.value, float)]
    assert [v for v, _ in investment[1:3]] == [110, 130] and investment[5][1].endswith('#,##0.00"%"')
    hdi = [(c.value, c.number_format) for c in rows["7"] if isinstance(c.value, float)]
    assert hdi[0] == (0.78, "[$-42A]#,##0.00_-") and hdi[1][1].endswith("#,##0.000_-") and hdi[2][1].endswith('#,##0.000"*"')
