"""An office that records quarters gets the quarter's report by default (README "Within the
year"): `kpi status --plan kh-2026` is "— quý III/2026" with its "Quý III" column, what `--as-of
2026-Q3` gives, byte for byte — never "tháng 9/2026" with "-" in "Tháng 9" on every row. With
months recorded the default stays the month's report, byte for byte as `--as-of` that month."""

import json
import shutil
from pathlib import Path

import pytest

from ..conftest import ROOT, kpi, plan_yaml

TARGETS = plan_yaml(
    """
    {id: exports, name: Kim ngạch xuất khẩu, unit: Triệu USD}
    {id: budget-revenue, name: Thu ngân sách trên địa bàn, unit: Tỷ đồng}
    {id: grdp-growth, name: Tốc độ tăng trưởng GRDP, unit: "%"}
    """,
    """
    {indicator: exports, number: "1", kind: level, value: 6200}
    {indicator: budget-revenue, number: "2", kind: growth, basis: level, value: 15}
    {indicator: grdp-growth, number: "3", kind: growth, range: [10, 10.5]}
    """,
    end=2026, ident="kh-2026", name="Kế hoạch năm 2026",
)
#: the quarters an office records (its September a quarter's last month, no value of the month alone)
ACTUALS = """schema_version: 1
series:
  exports:
    actual: {2025: 5500, 2025-Q1: 1250, 2025-Q2: 1330, 2025-Q3: 1420, 2025-Q4: 1500, 2026-Q1: 1400, 2026-Q2: 1480, 2026-Q3: 1525}
  budget-revenue:
    actual: {2025: 30100, 2025-Q1: 8100, 2025-Q2: 7200, 2025-Q3: 7000, 2026-Q1: 9000, 2026-Q2: 8300}
    estimate: {2026-Q3: 7900}
  grdp-growth:
    actual: {2025: 9.4, 2026-Q1: 8.9}
    estimate: {2026: 9.2}
    ytd: {actual: {2026-06: 9.3}, estimate: {2026-09: 9.55}}
"""
PERIODS = ROOT / "docs" / "example-periods"


@pytest.fixture
def quarters(tmp_path: Path) -> Path:
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return tmp_path


@pytest.fixture
def months(tmp_path: Path) -> Path:
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(PERIODS / name, tmp_path / name)
    return tmp_path


def _out(*args: str) -> str:
    result = kpi(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


COMMANDS = [("status",), ("status", "--format", "markdown"), ("status", "--json"), ("summary",), ("show", "1"), ("show", "2", "--json")]


@pytest.mark.parametrize("command", COMMANDS)
def test_quarters_recorded_give_the_quarters_report(quarters, command):
    default = _out(*command, "--data-dir", str(quarters))
    assert default == _out(*command, "--data-dir", str(quarters), "--as-of", "2026-Q3")
    assert default != _out(*command, "--data-dir", str(quarters), "--as-of", "2026-09")


def test_the_audit_says_the_report_is_the_quarters(quarters):
    """`kpi audit` without --as-of checks every report's published figures and names the current one."""
    assert "báo cáo tháng hiện tính đến quý III/2026 (kpi status)" in _out("audit", "--data-dir", str(quarters))


def test_the_quarters_report_has_the_quarters_values(quarters):
    text = _out("status", "--data-dir", str(quarters), "--format", "markdown")
    assert text.splitlines()[0] == "### Kế hoạch năm 2026 — quý III/2026"
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines() if line.startswith("| ")]
    assert rows[0][4] == "Quý III"
    assert [r[4] for r in rows[1:]] == ["1.525", "7.900\\*", "-"]  # a rate's quarter is not recorded: its lũy kế is
    period = json.loads(_out("status", "--data-dir", str(quarters), "--json"))["period"]
    assert (period["key"], period["quarter"]) == ("2026-Q3", True)
    assert "Tính đến quý III/2026" in _out("show", "exports", "--data-dir", str(quarters))


def test_the_export_is_the_quarters_report(quarters, tmp_path):
    made = []
    for asked in ((), ("--as-of", "2026-Q3")):
        out = tmp_path / f"q{len(made)}" / "bao-cao.md"
        out.parent.mkdir()
        assert kpi("export", "-o", str(out), "--data-dir", str(quarters), *asked).exit_code == 0
        made.append(out.read_text(encoding="utf-8"))
    assert made[0] == made[1] and "— quý III/2026" in made[0]


def test_a_value_of_the_month_itself_keeps_the_months_report(quarters):
    actuals = quarters / "actuals.yaml"
    actuals.write_text(ACTUALS.replace("estimate: {2026-Q3: 7900}", "estimate: {2026-Q3: 7900, 2026-09: 2700}"), encoding="utf-8")
    text = _out("status", "--data-dir", str(quarters), "--format", "markdown")
    assert text.splitlines()[0] == "### Kế hoạch năm 2026 — tháng 9/2026"
    assert text == _out("status", "--data-dir", str(quarters), "--format", "markdown", "--as-of", "2026-09")


@pytest.mark.parametrize("command", COMMANDS)
def test_months_recorded_keep_the_months_report_byte_for_byte(months, command):
    default = _out(*command, "--data-dir", str(months))
    assert default == _out(*command, "--data-dir", str(months), "--as-of", "2024-06")
    assert "2024-Q2" not in default and "quý II" not in default


def test_one_quarterly_row_leaves_a_monthly_office_its_months_report(quarters):
    """Exports recorded as a lũy kế month by month and GRDP growth by the quarter (review): the
    report is September's, exports' "Tháng 9" the lũy kế's difference (4.755 − 4.150 = 605) —
    never "quý III/2026" with "-" under "Quý III" for exports."""
    actuals = quarters / "actuals.yaml"
    actuals.write_text(
        "schema_version: 1\nseries:\n"
        "  exports:\n    actual: {2025: 5500}\n    ytd: {actual: {2026-07: 3600, 2026-08: 4150, 2026-09: 4755}}\n"
        "  grdp-growth:\n    actual: {2025: 9.4, 2026-Q3: 8.9}\n",
        encoding="utf-8",
    )
    text = _out("status", "--data-dir", str(quarters), "--format", "markdown")
    assert text.splitlines()[0] == "### Kế hoạch năm 2026 — tháng 9/2026"
    assert text == _out("status", "--data-dir", str(quarters), "--format", "markdown", "--as-of", "2026-09")
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines() if line.startswith("| ")]
    assert rows[0][4] == "Tháng 9" and rows[1][:5] == ["1", "Kim ngạch xuất khẩu", "Triệu USD", "6.200", "605"]
