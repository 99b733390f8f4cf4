"""What an annual plan's monthly report says of its rows (README "Within the year"): December's
verdict is the year's, a share of another is in percent and its target a share, a progress
target's percentage is named for what it is, and a share not known is counted as itself."""

import json
from pathlib import Path

import pytest

from ..api.test_within_year import write
from ..conftest import kpi, kpi_en, plan_yaml


def _rows(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines() if line.startswith("| ")]


def _facts(text: str) -> dict[str, str]:
    """The facts table of `kpi show --format markdown`: its first column → its second."""
    block = next(part for part in text.split("\n\n") if part.startswith("|  |  |"))
    return {r[0]: r[1] for r in _rows(block) if len(r) == 2}


def _show(run, folder: Path, ident: str, *args: str) -> dict[str, str]:
    result = run("show", ident, "--data-dir", str(folder), "--format", "markdown", *args)
    assert result.exit_code == 0, result.stderr
    return _facts(result.stdout)


@pytest.mark.parametrize("run, key, said", [
    (kpi, "Đánh giá", "cả năm 2026: đạt kế hoạch năm (kết quả năm, ở trên)"),
    (kpi_en, "Assessment", "the whole year 2026: year's plan met (the year's result, above)"),
])
@pytest.mark.parametrize("ident", ["grdp", "investment"])
def test_december_s_verdict_is_the_year_s_not_provisional(tmp_path, run, key, said, ident):
    folder = write(tmp_path, december=True)
    facts = _show(run, folder, ident)
    assert facts[key] == said
    assert not any(w in facts[key] for w in ("tạm tính", "chưa hết năm", "provisional", "not over"))
    month = json.loads(run("show", ident, "--data-dir", str(folder), "--json").stdout)["month"]
    assert month["final"] is True and month["verdict"] == "achieved"


@pytest.mark.parametrize("run", [kpi, kpi_en])
@pytest.mark.parametrize("as_of", [(), ("--as-of", "2026-06"), ("--as-of", "2026-Q2")])
def test_a_share_of_another_is_in_percent_in_json_as_in_the_table(tmp_path, run, as_of):
    folder = write(tmp_path)
    status = json.loads(run("status", "--data-dir", str(folder), "--json", *as_of).stdout)
    units = {row["id"]: row["unit"] for row in status["indicators"]}
    assert units == {"grdp": "Nghìn tỷ đồng", "investment": "%", "party-members": "Đảng viên"}
    shown = json.loads(run("show", "investment", "--data-dir", str(folder), "--json", *as_of).stdout)
    assert shown["month"]["unit"] == "%" and shown["unit"] == "Nghìn tỷ đồng"  # the indicator's own values are amounts
    table = run("status", "--data-dir", str(folder), "--format", "markdown", *as_of).stdout
    assert "%" in next(r for r in _rows(table) if r[0] == "2")


def _headline(facts: dict[str, str]) -> str:
    return next(v for k, v in facts.items() if k.startswith(("Tính đến", "As of")))


PROGRESS_TARGETS = """schema_version: 1
indicators:
  - {id: up, name: Đảng viên tăng, unit: Đảng viên}
  - {id: same, name: Kế hoạch bằng tháng 12, unit: Đảng viên}
plans:
  - {id: kh-2026, name: Kế hoạch 2026, base_year: 2025, target_year: 2026, targets: [
      {indicator: up, number: "1", kind: progress, value: 53400}, {indicator: same, number: "2", kind: progress, value: 52000}]}
"""
PROGRESS_ACTUALS = """schema_version: 1
series:
  up: {actual: {2025: 52000, 2025-12: 52000, 2026-06: 52700}}
  same: {actual: {2025: 52000, 2025-12: 52000, 2026-06: 51900}}
"""


@pytest.mark.parametrize("run, up, same", [
    (kpi, "lũy kế 52.700 = 50,00% chặng đường tới KH năm", "lũy kế 51.900; Chậm tiến độ"),
    (kpi_en, "year to date 52,700 = 50.00% of the way to the year's plan", "year to date 51,900; Behind"),
])
def test_a_progress_target_s_percentage_is_named_the_way_and_none_is_no_dash(tmp_path, run, up, same):
    (tmp_path / "targets.yaml").write_text(PROGRESS_TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(PROGRESS_ACTUALS, encoding="utf-8")
    first = _headline(_show(run, tmp_path, "up", "--as-of", "2026-06"))
    assert first.startswith(up + ";")  # 50 % of the way 52.000 → 53.400, not 52.700 / 53.400
    first = _headline(_show(run, tmp_path, "same", "--as-of", "2026-06"))
    assert first.startswith(same) and "= -" not in first
    notes = run("summary", "--data-dir", str(tmp_path), "--as-of", "2026-06", "--format", "markdown").stdout
    assert any(r[0] == "2" and r[-1].startswith(same) for r in _rows(notes)) and "= -" not in notes


@pytest.mark.parametrize("run, cell, counts, no_data", [
    (kpi, "Chưa tính được tỷ lệ trong kỳ", "3 chỉ tiêu: 2 chưa có số liệu, 1 chưa tính được tỷ lệ trong kỳ;", "Chưa có số liệu"),
    (kpi_en, "Share not known for the period", "3 indicators: 2 no data, 1 share not known for the period;", "No data"),
])
def test_a_share_not_known_is_counted_and_headed_as_its_cell_says(tmp_path, run, cell, counts, no_data):
    folder = write(tmp_path)  # as of August GRDP has no lũy kế (quarters only): no share of investment
    table = run("status", "--data-dir", str(folder), "--as-of", "2026-08", "--format", "markdown").stdout
    assert next(r for r in _rows(table) if r[0] == "2")[-1] == cell
    assert counts in table
    summary = run("summary", "--data-dir", str(folder), "--as-of", "2026-08", "--format", "markdown").stdout
    assert counts in summary
    tally = {r[0]: r[1] for r in _rows(summary) if len(r) == 2}
    assert tally[cell] == "1" and tally[no_data] == "2"
    headline = _headline(_show(run, folder, "investment", "--as-of", "2026-08"))
    assert headline.startswith(cell + " (") and not headline.startswith(no_data)
    data = json.loads(run("summary", "--data-dir", str(folder), "--as-of", "2026-08", "--json").stdout)
    assert data["summary"] == {"total": 3, "no_data": 3}  # the JSON counts verdicts; the reason says why


TERM = """  - id: nq-2025-2030
    name: Nghị quyết 2025–2030
    base_year: 2025
    target_year: 2030
    targets:
      - {indicator: grdp, number: "1", kind: level, value: 450}
      - {indicator: investment, number: "2", kind: share_of, of: grdp, value: 38}
"""


@pytest.mark.parametrize("run, key, shown", [
    (kpi, "Kế hoạch năm 2026", "40% Tổng sản phẩm trên địa bàn (GRDP) — tỷ lệ so với chỉ tiêu khác"),
    (kpi_en, "Plan 2026", "40% of GRDP — share of another indicator"),
    (kpi, "Nghị quyết", "38% Tổng sản phẩm trên địa bàn (GRDP) — tỷ lệ so với chỉ tiêu khác"),
    (kpi_en, "Target", "38% of GRDP — share of another indicator"),
])
def test_a_share_of_another_s_target_is_said_as_a_share(tmp_path, run, key, shown):
    folder = write(tmp_path)
    targets = folder / "targets.yaml"
    targets.write_text(targets.read_text(encoding="utf-8") + TERM, encoding="utf-8")
    plan = ["--plan", "nq-2025-2030"] if "2026" not in key else []
    facts = _show(run, folder, "investment", *plan)
    target = next(v for k, v in facts.items() if k.startswith(key))
    assert target == shown and "Nghìn tỷ đồng" not in target and "trillion" not in target


@pytest.mark.parametrize("run, title, asked", [
    (kpi, "Các kỳ trong năm 2026 và cùng kỳ 2025", ()),
    (kpi_en, "Periods of 2026 beside 2025", ()),
    (kpi, "Các kỳ trong năm 2025 và cùng kỳ 2024", ("--as-of", "2025")),  # the year asked for
])
def test_a_term_plan_s_show_lists_the_latest_year_s_periods(tmp_path, run, title, asked):
    folder = write(tmp_path, december=True)  # 2026 has its four quarters, no yearly value yet
    targets = folder / "targets.yaml"
    targets.write_text(targets.read_text(encoding="utf-8") + TERM, encoding="utf-8")
    result = run("show", "grdp", "--plan", "nq-2025-2030", "--data-dir", str(folder), *asked)
    assert result.exit_code == 0, result.stderr
    assert title in result.stdout
    data = json.loads(run("show", "grdp", "--plan", "nq-2025-2030", "--data-dir", str(folder), "--json", *asked).stdout)
    assert max(p["year"] for p in data["periods"]) == (2025 if asked else 2026)


@pytest.mark.parametrize("run, to_date, estimate", [
    (kpi, "lũy kế 38,14% = 95,35% KH năm", "ước cả năm 40% (ước tính đã nhập)"),
    (kpi_en, "year to date 38.14% = 95.35% of the year's plan", "year estimate 40% (entered estimate)"),
])
def test_a_share_of_another_s_month_is_said_in_percent(tmp_path, run, to_date, estimate):
    folder = write(tmp_path)  # 114 of 299 trillion by September: a share of 38,14 %, not 38,14 trillion
    actuals = folder / "actuals.yaml"  # the year's estimates, entered: 120 of 300
    text = actuals.read_text(encoding="utf-8").replace("  investment:\n", "    estimate: {2026: 300}\n  investment:\n")
    actuals.write_text(text.replace("  party-members:\n", "    estimate: {2026: 120}\n  party-members:\n"), encoding="utf-8")
    first = _headline(_show(run, folder, "investment"))
    assert first.startswith(to_date + ";") and estimate in first


@pytest.mark.parametrize("run, plan, other, shown", [
    (kpi, (), "Nghị quyết 2025–2030", "38% Tổng sản phẩm trên địa bàn (GRDP)"),
    (kpi_en, (), "Nghị quyết 2025–2030", "38% of GRDP"),
    (kpi, ("--plan", "nq-2025-2030"), "Kế hoạch năm 2026", "40% Tổng sản phẩm trên địa bàn (GRDP)"),
    (kpi_en, ("--plan", "nq-2025-2030"), "Kế hoạch năm 2026", "40% of GRDP"),
])
def test_another_plan_s_share_of_another_is_listed_as_a_share(tmp_path, run, plan, other, shown):
    folder = write(tmp_path)
    targets = folder / "targets.yaml"
    targets.write_text(targets.read_text(encoding="utf-8") + TERM, encoding="utf-8")
    result = run("show", "investment", "--data-dir", str(folder), "--format", "markdown", *plan)
    listed = {r[0]: r[1] for r in _rows(result.stdout) if len(r) == 5}
    assert listed[other] == shown  # as the target line says it, never a bare "38"
    csv = run("show", "investment", "--data-dir", str(folder), "--format", "csv", *plan).stdout
    assert shown in csv


SPENDING = plan_yaml(
    """
    {id: revenue, name: Thu ngân sách nhà nước, name_en: State budget revenue, unit: Tỷ đồng, unit_en: billion VND}
    {id: spending, name: Chi đầu tư phát triển, name_en: Development spending, unit: Tỷ đồng, unit_en: billion VND}
    """,
    """
    {indicator: revenue, number: "1", kind: level, value: 6000}
    {indicator: spending, number: "2", kind: share_of, of: revenue, value: 30WORDS}
    """,
)


@pytest.mark.parametrize("run, words, shown", [
    (kpi, "", "30% Thu ngân sách nhà nước — tỷ lệ so với chỉ tiêu khác"),
    (kpi_en, "", "30% of State budget revenue — share of another indicator"),
    (kpi, ', printed: "Bằng 30% tổng thu"', "Bằng 30% tổng thu — tỷ lệ so với chỉ tiêu khác, Thu ngân sách nhà nước"),
    (kpi_en, ', printed_en: "30% of all revenue"', "30% of all revenue — share of another indicator, State budget revenue"),
])
def test_a_share_of_another_than_grdp_is_said_of_that_indicator(tmp_path, run, words, shown):
    (tmp_path / "targets.yaml").write_text(SPENDING.replace("WORDS", words), encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text("schema_version: 1\nseries:\n  revenue: {actual: {2025: 5000}}\n  spending: {actual: {2025: 1400}}\n", encoding="utf-8")
    facts = _show(run, tmp_path, "spending")
    target = next(v for k, v in facts.items() if k.startswith(("Nghị quyết", "Target")))
    assert target == shown and "GRDP" not in target  # the kind's example named GRDP, a share of revenue


@pytest.mark.parametrize("run, title", [(kpi, "Nghị quyết 2025–2030 — tính đến năm"), (kpi_en, "Nghị quyết 2025–2030 — as of")])
def test_a_term_plan_is_as_of_its_latest_whole_year_not_the_months_of_the_next(tmp_path, run, title):
    """README "Within the year": a term plan rates whole years — in December 2026, with 2026's four
    quarters and no value of the year 2026, its table is as of 2025 (no clock is read), its
    `kpi show` lists 2026's periods; the year's estimate recorded (ước thực hiện cả năm), it is as
    of 2026. The annual plan of 2026 answers with its months."""
    folder = write(tmp_path, december=True)
    targets = folder / "targets.yaml"
    targets.write_text(targets.read_text(encoding="utf-8") + TERM, encoding="utf-8")
    asked = ("status", "--plan", "nq-2025-2030", "--data-dir", str(folder))
    assert json.loads(run(*asked, "--json").stdout)["as_of"] == 2025
    assert f"{title} 2025" in run(*asked).stdout
    assert json.loads(run("status", "--data-dir", str(folder), "--json").stdout)["report"] == "month"  # kh-2026
    done = run("record", "grdp", "2026", "290", "--status", "estimate", "--data-dir", str(folder))
    assert done.exit_code == 0, done.stderr
    assert json.loads(run(*asked, "--json").stdout)["as_of"] == 2026
    assert f"{title} 2026" in run(*asked).stdout
