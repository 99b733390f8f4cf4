"""The monthly report counts what the yearly table counts (README "Within the year"): a
composition once — its row, with no month verdict ("Đánh giá theo thành phần") — and its parts,
listed as its sub-rows with their own verdicts, never as indicators: the counts line, `kpi
summary`, the JSON summaries and the API agree with the yearly table's count."""

import json

import pytest

from soctrang_kpi import api
from tests.conftest import kpi
from tests.core.test_month_headings import ACTUALS, MONTHS, TARGETS


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS.format(agri=31.0, months=MONTHS), encoding="utf-8")
    return str(tmp_path)


def test_the_monthly_report_counts_a_composition_once_as_the_yearly_table(folder):
    yearly = json.loads(kpi("status", "--data-dir", folder, "--as-of", "2026", "--json").stdout)
    month = kpi("status", "--data-dir", folder, "--lang", "en")
    assert month.exit_code == 0, month.stderr
    total = yearly["summary"]["total"]
    assert total == 3
    assert f"{total} indicators: 1 on course, 1 behind, 1 rated by its parts;" in " ".join(month.stdout.split())
    lines = {line.split()[0]: line for line in month.stdout.splitlines() if line[:1].isdigit()}
    assert "Rated by its parts" in lines["2"] and "On course" not in lines["2"] and "Behind" not in lines["2"]
    assert {"2.1", "2.2", "2.3"} <= set(lines)  # the parts, as sub-rows
    data = json.loads(kpi("status", "--data-dir", folder, "--json").stdout)
    assert data["summary"] == {"total": total, "behind": 1, "on_course": 1, "no_data": 1}
    structure = next(i for i in data["indicators"] if i["id"] == "structure")
    assert (structure["verdict"], structure["reason"]["code"]) == ("no_data", "by_parts")
    assert [i["id"] for i in data["indicators"]] == ["exports", "structure", "agri", "industry", "services", "coverage"]
    summary = json.loads(kpi("summary", "--data-dir", folder, "--json").stdout)
    assert summary["summary"]["total"] == total
    assert "Rated by its parts  " in kpi("summary", "--data-dir", folder, "--lang", "en").stdout
    evaluation = api.evaluate(api.load(folder))
    assert evaluation.month_summary == data["summary"] and list(evaluation.month) == data["indicators"]


def test_a_composition_row_says_why_it_has_no_month_verdict(folder):
    shown = kpi("show", "structure", "--data-dir", folder, "--lang", "en").stdout
    assert "Rated by its parts (no value or year's plan of its own to judge by the month" in " ".join(shown.split())
