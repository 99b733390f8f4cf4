"""A place in a ranking said alike by every output (README "rank"): in an annual plan without
its year's place, no verdict anywhere — `kpi status`, its JSON, `kpi show`, its JSON, the
export; in a term plan, the latest place that rates it is the forecast each prints."""

import csv
import json

import pytest

from tests.conftest import kpi

TARGETS = """\
schema_version: 1
indicators:
  - {{id: pci, name: Xếp hạng PCI, unit: Hạng}}
plans:
  - id: {plan}
    name: Kế hoạch
    base_year: 2025
    target_year: {target_year}
    targets:
      - {{indicator: pci, number: "1", kind: rank, value: 15}}
"""


def _folder(tmp_path, target_year: int, places: dict[int, int]):
    plan = "annual-2026" if target_year == 2026 else "term-2025-2030"
    (tmp_path / "targets.yaml").write_text(TARGETS.format(plan=plan, target_year=target_year), encoding="utf-8")
    actual = ", ".join(f"{y}: {v}" for y, v in places.items())
    (tmp_path / "actuals.yaml").write_text(f"schema_version: 1\nseries:\n  pci: {{actual: {{{actual}}}}}\n", encoding="utf-8")
    return str(tmp_path)


def _said(folder: str, *as_of: str) -> dict[str, object]:
    status = kpi("status", "--data-dir", folder, *as_of)
    status_json = json.loads(kpi("status", "--data-dir", folder, "--json", *as_of).stdout)["indicators"][0]
    show = kpi("show", "pci", "--data-dir", folder, *as_of).stdout
    show_json = json.loads(kpi("show", "pci", "--data-dir", folder, "--json", *as_of).stdout)
    out = folder + "/out.csv"
    assert kpi("export", "-o", out, "--data-dir", folder, *as_of).exit_code == 0
    with open(out, encoding="utf-8-sig") as f:
        exported = list(csv.DictReader(f))[0]
    forecast_line = next(line for line in show.splitlines() if line.startswith("Dự báo"))
    return {
        "status": status.stdout, "status_json": status_json, "show_forecast": forecast_line.split(None, 2)[-1].strip(),
        "show_json": show_json, "exported": exported,
    }


@pytest.mark.parametrize("place", [3, 18])
def test_an_annual_rank_without_its_years_place_has_no_verdict_in_any_output(tmp_path, place):
    said = _said(_folder(tmp_path, 2026, {2025: place}))
    assert "Chưa có số liệu" in said["status"] and "Khó đạt" not in said["status"] and "Đạt" not in said["status"].replace("Chưa", "")
    for data in (said["status_json"], said["show_json"]):
        assert (data["status"], data["label"], data["forecast"]["value"]) == ("no_data", "Chưa có số liệu", None)
        assert data["reason"] == {"code": "place_not_recorded", "text": "chưa có thứ hạng năm 2026 (thứ hạng không được dự báo)"}
    assert said["show_forecast"] == "-"
    assert said["exported"]["Đánh giá"] == "Chưa có số liệu"


@pytest.mark.parametrize("lang, line", [
    ("vi", "Chưa có số liệu: chưa có thứ hạng năm 2026 (thứ hạng không được dự báo)"),
    ("en", "No data: the place of 2026 is not recorded yet (a place is not forecast)"),
])
def test_an_annual_rank_without_its_years_place_says_so_not_that_it_lacks_two_years(tmp_path, lang, line):
    """QA9: the reason is the year's place not yet recorded — never a level's "no forecast (…,
    fewer than two years of values, …)": a place is never forecast from growth. `kpi show` says it
    as its JSON and `kpi status --json` do, in either language."""
    folder = _folder(tmp_path, 2026, {2025: 18})
    show = " ".join(kpi("--lang", lang, "show", "pci", "--data-dir", folder).stdout.split())
    assert line in show
    assert "hai năm" not in show and "two years" not in show
    text = line.split(": ", 1)[1]
    show_json = json.loads(kpi("--lang", lang, "show", "pci", "--data-dir", folder, "--json").stdout)
    status_json = json.loads(kpi("--lang", lang, "status", "--data-dir", folder, "--json").stdout)["indicators"][0]
    assert show_json["reason"] == status_json["reason"] == {"code": "place_not_recorded", "text": text}


def test_an_annual_rank_with_its_years_place_is_rated_alike_everywhere(tmp_path):
    said = _said(_folder(tmp_path, 2026, {2025: 18, 2026: 12}))
    for data in (said["status_json"], said["show_json"]):
        assert (data["status"], data["forecast"]["value"], data["forecast"]["source"]) == ("achieved", 12, "actual")
    assert said["show_forecast"].startswith("12 ")
    assert said["exported"]["Đánh giá"] == "Đạt"


@pytest.mark.parametrize("as_of, status", [((), "achieved"), (("--as-of", "2030"), "no_data")])
def test_a_term_plans_rank_prints_the_latest_place_that_rates_it_as_its_forecast(tmp_path, as_of, status):
    said = _said(_folder(tmp_path, 2030, {2025: 18, 2026: 14}), *as_of)
    for data in (said["status_json"], said["show_json"]):
        assert (data["status"], data["forecast"]["value"], data["forecast"]["source"]) == (status, 14, "latest")
    assert said["show_forecast"].startswith("14 (giữ số mới nhất)")
    assert said["exported"]["Dự báo"] == "14"
