"""The monthly report lists and counts a row without a target as the yearly table does (README
"Within the year"): the table, its counts line, --json, csv, markdown, `kpi summary`, the API and
every export agree; `kpi import` of the export reads the row back."""

import json
from pathlib import Path

import pytest

from soctrang_kpi import api
from soctrang_kpi.files import load
from tests.conftest import kpi
from tests.core.test_month_unplanned import TARGETS, actuals

WITH_MONTHS = "    ytd: {actual: {2026-06: 500}}"
WITH_YEAR = "    actual: {2025: 900}"  # the yearly table says "Không đánh giá": the monthly report too


def actuals_of(path: str) -> str:
    return (Path(path) / "actuals.yaml").read_text(encoding="utf-8")


@pytest.fixture(params=["", WITH_MONTHS, WITH_YEAR], ids=["no-values", "month-values", "year-values"])
def folder(request, tmp_path):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(actuals(request.param), encoding="utf-8")
    return str(tmp_path), bool(request.param)


def test_every_format_lists_and_counts_the_row_as_the_yearly_table(folder):
    path, valued = folder
    said, code = ("Not rated", "not_rated") if valued else ("No data", "no_target")
    yearly = json.loads(kpi("status", "--data-dir", path, "--as-of", "2026", "--json").stdout)
    assert yearly["summary"]["total"] == 2
    assert yearly["summary"]["not_rated"] == (WITH_YEAR in actuals_of(path))  # the yearly table's "Không đánh giá"
    table = kpi("status", "--data-dir", path, "--lang", "en")
    assert table.exit_code == 0, table.stderr
    row = next(line for line in table.stdout.splitlines() if line.startswith("2 "))
    assert row.rstrip().endswith(said) and ("500" in row) is (WITH_MONTHS in actuals_of(path))
    assert f"2 indicators: 1 behind, 1 {said.lower()};" in " ".join(table.stdout.split())
    data = json.loads(kpi("status", "--data-dir", path, "--json").stdout)
    assert [i["id"] for i in data["indicators"]] == ["exports", "fdi"]
    fdi = data["indicators"][1]
    assert (fdi["verdict"], fdi["reason"]["code"], fdi["plan"]) == ("no_data", code, None)
    assert data["summary"] == {"total": 2, "behind": 1, "no_data": 1}
    for fmt in ("csv", "markdown"):
        shown = kpi("status", "--data-dir", path, "--format", fmt, "--lang", "en").stdout
        assert "Thu hút vốn FDI" in shown and said in shown, fmt
    summary = kpi("summary", "--data-dir", path, "--lang", "en")
    assert f"2 indicators: 1 behind, 1 {said.lower()};" in " ".join(summary.stdout.split())
    assert json.loads(kpi("summary", "--data-dir", path, "--json").stdout)["summary"] == data["summary"]
    evaluation = api.evaluate(api.load(path))
    assert evaluation.month_summary == data["summary"] and list(evaluation.month) == data["indicators"]


@pytest.mark.parametrize("suffix", ["docx", "xlsx", "html", "md", "csv"])
def test_every_export_lists_the_row(folder, tmp_path, suffix):
    path, valued = folder
    out = tmp_path / f"report.{suffix}"
    assert kpi("export", "--data-dir", path, "-o", str(out), "--lang", "en").exit_code == 0
    if suffix == "docx":
        import zipfile

        text = zipfile.ZipFile(out).read("word/document.xml").decode()
    elif suffix == "xlsx":
        openpyxl = pytest.importorskip("openpyxl")
        text = " ".join(str(c) for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True) for c in row)
    else:
        text = out.read_text(encoding="utf-8")
    assert "Thu hút vốn FDI" in text and ("Not rated" if valued else "No data") in text


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_the_export_reads_back_with_the_row(folder, tmp_path, suffix):
    pytest.importorskip("openpyxl")
    pytest.importorskip("docx")
    path, _valued = folder
    out = tmp_path / f"report.{suffix}"
    assert kpi("export", "--data-dir", path, "-o", str(out)).exit_code == 0
    back = tmp_path / "back"
    result = kpi("import", str(out), "-o", str(back), "--table-only")
    assert result.exit_code in (0, 5), result.stderr
    dataset, _ = load.read(back)
    plan = next(iter(dataset.plans.values()))
    row = plan.rows[-1]
    assert len(plan.rows) == 2 and dataset.indicators[row.indicator].name == "Thu hút vốn FDI" and row.target.value is None
    assert [p.value for p in dataset.periods.get(row.indicator, ())] == ([500] if WITH_MONTHS in actuals_of(path) else [])
    again = json.loads(kpi("status", "--data-dir", str(back), "--json").stdout)
    assert again["summary"]["total"] == 2 and again["indicators"][-1]["reason"]["code"] == (
        "not_rated" if WITH_MONTHS in actuals_of(path) else "no_target"  # the table prints the months, not last year's whole
    )
