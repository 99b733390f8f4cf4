"""What an annual plan's monthly report says of its rows (README "Within the year"): December's
verdict is the year's, a share of another is in percent and its target a share, a progress
target's percentage is named for what it is, and a share not known is counted as itself."""

import json
from pathlib import Path

import pytest

from ..api.test_within_year import write
from ..conftest import kpi, kpi_en


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
