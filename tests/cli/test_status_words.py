"""What `kpi status` and `kpi show` say, where the words disagreed with each other or with the
figures (found by a QA pass): each test writes a small data folder under tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app


def kpi(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"KPI_CACHE": "0"})


def plan(indicators: str, rows: str, years: tuple[int, int] = (2020, 2025)) -> str:
    """targets.yaml's text without its version: the indicators and one plan ``p`` of the rows."""
    head = f"plans:\n  - id: p\n    name: Nghị quyết\n    base_year: {years[0]}\n    target_year: {years[1]}\n    targets:\n"
    return "indicators:\n" + indicators + head + rows


def write(folder, targets: str, actuals: str):
    (folder / "targets.yaml").write_text("schema_version: 1\n" + targets, encoding="utf-8")
    (folder / "actuals.yaml").write_text("schema_version: 1\nseries:\n" + actuals, encoding="utf-8")
    return str(folder)


# --- baseline.fallback of a growth of a level ------------------------------------------------------

GROWTH_OF_LEVEL = plan(
    "  - {id: budget, name: Thu ngân sách, name_en: Budget revenue, unit: Nghìn tỷ đồng, unit_en: trillion VND}\n",
    '      - {indicator: budget, number: "1", kind: growth, basis: level, value: 15, printed: "Tăng 15%/năm"}\n',
    (2025, 2030),
)


def test_status_json_says_a_growth_of_a_level_baseline_is_a_fallback(tmp_path):
    # levels from the base year: its rate needs 2024's level, so 2026's rate stands in
    folder = write(tmp_path, GROWTH_OF_LEVEL, "  budget:\n    actual: {2025: 30, 2026: 34.5}\n")
    done = kpi("status", "--data-dir", folder, "--json")
    assert done.exit_code == 0
    assert json.loads(done.stdout)["indicators"][0]["baseline"] == {"year": 2026, "value": 15.0, "fallback": True}
    # 2024's level too: the base year has its own rate, 30 / 25 − 1
    write(tmp_path, GROWTH_OF_LEVEL, "  budget:\n    actual: {2024: 25, 2025: 30, 2026: 34.5}\n")
    done = kpi("status", "--data-dir", folder, "--json")
    assert json.loads(done.stdout)["indicators"][0]["baseline"] == {"year": 2025, "value": 20.0, "fallback": False}


# 30 → 34,5 is 15 % exactly ((34,5 − 30) · 100 ÷ 30, README "How every figure is computed"), a whole
# number, which the indicator's values (no precision of its own) write without decimals, as 20 → 25
# always printed 25; divided first it was 15,000000000000014, printed 15,00
@pytest.mark.parametrize(
    "lang, said",
    [
        ("vi", "năm 2025 chưa có tốc độ tăng (thiếu số liệu năm 2024); dùng năm 2026 (15)"),
        ("en", "2025 has no growth rate (no value for 2024); 2026's (15) stands in"),
    ],
)
def test_show_says_which_rate_stands_in_for_the_base_year(tmp_path, lang, said):
    folder = write(tmp_path, GROWTH_OF_LEVEL, "  budget:\n    actual: {2025: 30, 2026: 34.5}\n")
    done = kpi("show", "budget", "--data-dir", folder, "--lang", lang, "--format", "markdown")
    assert done.exit_code == 0
    assert said in done.stdout


# --- a strict target on its bound: the required growth and the pace agree ------------------------------

STRICT = plan(
    '  - {id: x, name: Tỷ lệ đô thị hóa, name_en: Urbanisation rate, unit: "%"}\n',
    '      - {indicator: x, number: "1", kind: KIND, value: VALUE, strict: true, direction: DIRECTION, printed: "PRINTED"}\n',
)


@pytest.mark.parametrize(
    "kind, direction, printed, values, lang, required, pace",
    [
        # "trên 10 %" held at 10 since the base year: any rise is the road, none was made
        ("level", "at_least", "Trên 10%", "{2020: 10, 2021: 10, 2022: 10}", "vi", "trên 0,00%", "Quá chậm (0,00)"),
        ("level", "at_least", "Trên 10%", "{2020: 10, 2021: 10, 2022: 10}", "en", "more than 0.00%", "Too slow (0.00)"),
        ("level", "at_most", "Dưới 2%", "{2020: 2, 2021: 2, 2022: 2}", "vi", "dưới 0,00%", "Quá chậm (0,00)"),
        ("level", "at_most", "Dưới 2%", "{2020: 2, 2021: 2, 2022: 2}", "en", "less than 0.00%", "Too slow (0.00)"),
        # an average growth of exactly 10 % against "trên 10 %": the rest of the term needs more, and the
        # target is not met yet (it was "Đúng tiến độ (đã đạt mục tiêu)" beside "Khó đạt")
        ("growth", "at_least", "Trên 10%", "{2021: 10, 2022: 10}", "vi", "trên 10,00%", "Đúng tiến độ (1,00)"),
        ("growth", "at_least", "Trên 10%", "{2021: 10, 2022: 10}", "en", "more than 10.00%", "On track (1.00)"),
    ],
)
def test_show_a_strict_target_on_its_bound(tmp_path, kind, direction, printed, values, lang, required, pace):
    bound = printed.split()[1].rstrip("%")
    targets = STRICT.replace("KIND", kind).replace("DIRECTION", direction).replace("PRINTED", printed).replace("VALUE", bound)
    folder = write(tmp_path, targets, f"  x:\n    actual: {values}\n")
    done = kpi("show", "x", "--data-dir", folder, "--lang", lang, "--format", "markdown")
    assert done.exit_code == 0
    facts = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in done.stdout.splitlines() if line.count("|") == 3}
    required_word = {"vi": "Tăng trưởng cần đạt mỗi năm", "en": "Required yearly growth"}[lang]
    pace_word = {"vi": "Tiến độ (so với tốc độ cần đạt)", "en": "Pace (against the growth needed)"}[lang]
    assert (facts[required_word], facts[pace_word]) == (required, pace)


# --- a row listed without a target: the footer counts it as the row reads -----------------------------

NO_TARGET = plan(
    """  - {id: grdp, name: Tổng sản phẩm, name_en: GRDP, unit: Tỷ đồng, unit_en: billion VND, group: economy}
  - {id: fdi, name: Vốn FDI, name_en: FDI, unit: Triệu USD, unit_en: million USD, group: economy}
  - {id: ports, name: Số cảng, name_en: Ports, unit: cảng, unit_en: ports, group: society}
""",
    """      - {indicator: grdp, number: "1", kind: level, value: 100}
      - {indicator: fdi, number: "2"}
      - {indicator: ports, number: "3"}
""",
)
# fdi has values and no target: "Không đánh giá"; ports has neither: "Chưa có số liệu"
NO_TARGET_VALUES = "  grdp:\n    actual: {2020: 60, 2021: 70, 2022: 80}\n  fdi:\n    actual: {2020: 5, 2021: 6}\n"


@pytest.mark.parametrize(
    "command, lang, said",
    [
        ("status", "vi", "3 chỉ tiêu: 1 vượt, 1 chưa có số liệu, 1 không đánh giá"),
        ("status", "en", "3 indicators: 1 exceeded, 1 no data, 1 not rated"),
        ("summary", "vi", "3 chỉ tiêu: 1 vượt, 1 chưa có số liệu, 1 không đánh giá"),
        ("summary", "en", "3 indicators: 1 exceeded, 1 no data, 1 not rated"),
    ],
)
def test_the_counts_say_not_rated_as_the_row_does(tmp_path, command, lang, said):
    folder = write(tmp_path, NO_TARGET, NO_TARGET_VALUES)
    done = kpi(command, "--data-dir", folder, "--lang", lang)
    assert done.exit_code == 0
    assert said in done.stdout
    rows = {line.split("|")[2].strip(): line.split("|")[-2].strip() for line in kpi("status", "--data-dir", folder, "--lang", lang, "--format", "markdown").stdout.splitlines() if line.startswith("| 2 ")}
    assert list(rows.values()) == [{"vi": "Không đánh giá", "en": "Not rated"}[lang]]


@pytest.mark.parametrize("lang, not_rated, no_data", [("vi", "Không đánh giá", "Chưa có số liệu"), ("en", "Not rated", "No data")])
def test_summary_tables_count_the_rows_not_rated_apart(tmp_path, lang, not_rated, no_data):
    folder = write(tmp_path, NO_TARGET, NO_TARGET_VALUES)
    lines = kpi("summary", "--data-dir", folder, "--lang", lang, "--format", "markdown").stdout.splitlines()
    counts = dict(tuple(cell.strip() for cell in line.strip("|").split("|")) for line in lines if line.count("|") == 3)
    assert (counts[no_data], counts[not_rated]) == ("1", "1")
    header = next(line for line in lines if line.count("|") > 5)
    assert not_rated in header  # a column of the table per group


def test_json_counts_carry_the_rows_not_rated(tmp_path):
    folder = write(tmp_path, NO_TARGET, NO_TARGET_VALUES)
    status = json.loads(kpi("status", "--data-dir", folder, "--json").stdout)
    assert status["summary"] == {"total": 3, "exceeded": 1, "achieved": 0, "at_risk": 0, "missed": 0, "no_data": 2, "not_rated": 1, "classes": []}
    groups = {g["group"]: (g["no_data"], g["not_rated"], g["classes"]) for g in json.loads(kpi("summary", "--data-dir", folder, "--json").stdout)["groups"]}
    assert groups == {"economy": (1, 1, []), "society": (1, 0, [])}


# --- an audit note never prints None ---------------------------------------------------------------

SAID_MET = "    published: {p: {table: {assessment: Đạt}}}\n"
UNSIZED = plan(
    """  - {id: rural, name: Nông thôn mới, name_en: New rural areas}
  - {id: r1, name: Xã đạt chuẩn, name_en: Communes, unit: "%", parent: rural}
  - {id: fires, name: Số vụ cháy nổ, name_en: Fires, unit: vụ, unit_en: cases}
""",
    """      - {indicator: rural, number: "1", kind: group}
      - {indicator: r1, number: "1.1", kind: level, value: 50}
      - {indicator: fires, number: "2", kind: level, value: 10, direction: at_most}
""",
)
# the group exceeds (its one part does), fires reached zero: both "Vượt" without a figure, said "Đạt"
UNSIZED_VALUES = f"  rural:\n{SAID_MET}  r1:\n    actual: {{2020: 40, 2022: 60}}\n    plan: {{2025: 70}}\n  fires:\n    actual: {{2020: 12, 2022: 0}}\n{SAID_MET}"


@pytest.mark.parametrize("lang, said", [("vi", "vượt mục tiêu nhưng báo cáo ghi Đạt"), ("en", "exceeds the target but the report says achieved")])
@pytest.mark.parametrize(
    "command, formats, times",
    [
        (("audit",), ("table", "markdown", "csv", "json"), 2),
        (("status",), ("json",), 2),  # each indicator's audit
        (("show", "rural"), ("table", "json"), 1),
        (("show", "fires"), ("table", "json"), 1),
    ],
)
def test_an_audit_note_of_a_verdict_without_a_figure(tmp_path, command, formats, times, lang, said):
    folder = write(tmp_path, UNSIZED, UNSIZED_VALUES)
    for fmt in formats:
        done = kpi(*command, "--data-dir", folder, "--lang", lang, "--format", fmt)
        assert done.exit_code == 0
        assert "None" not in done.stdout
        assert " ".join(done.stdout.split()).count(said) == times, fmt  # the table wraps its last column


# --- the territory's views say what its values lack, as `kpi status` says it -------------------------

TERRITORY = Path(__file__).resolve().parent.parent.parent / "docs" / "example-territory"


@pytest.fixture
def lacking(tmp_path):
    """docs/example-territory with its five communes declared as all its parts and the city's own
    budget revenue of 2026 removed, and one commune's: it is not made from its parts."""
    targets = (TERRITORY / "targets.yaml").read_text(encoding="utf-8").replace("parts: 103}", "parts: 5}")
    actuals = (TERRITORY / "actuals.yaml").read_text(encoding="utf-8")
    actuals = actuals.replace("estimate: {2025: 30100, 2026: 33200}", "estimate: {2025: 30100}")
    actuals = actuals.replace("budget-revenue: {estimate: {2025: 95, 2026: 92}}", "budget-revenue: {estimate: {2025: 95}}")
    (tmp_path / "targets.yaml").write_text(targets, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(actuals, encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize(
    "lang, said",
    [
        ("vi", "can-tho: chỉ tiêu budget-revenue năm 2026 không được tổng hợp từ các đơn vị thành phần: chưa có số liệu của xa-vi-thuy"),
        ("en", "can-tho: budget-revenue of 2026 is not made from its parts: no value of xa-vi-thuy"),
    ],
)
@pytest.mark.parametrize(
    "command",
    [
        ("status", "--by-area", "budget-revenue"),
        ("status", "--by-area", "budget-revenue", "--json"),
        ("status", "--scorecard"),
        ("status", "--scorecard", "--format", "csv"),
        ("export", "--scorecard", "-o", "-", "--format", "csv"),
    ],
)
def test_by_area_and_scorecard_say_the_missing_parts_once(lacking, command, lang, said):
    plain = kpi("status", "--data-dir", lacking, "--lang", lang)
    assert plain.stderr.count(said) == 1  # what `kpi status` says
    done = kpi(*command, "--data-dir", lacking, "--lang", lang)
    assert done.exit_code == 0
    assert done.stderr == plain.stderr
