"""An annual plan's yearly xlsx keeps the year's plan as a number in "KH năm 2026" and as printed
("Tăng 10%", "Giảm 0,5", "Nhóm 15 dẫn đầu", "≤ 120") in "KH (ghi)" beside it, as the term's
"Nghị quyết (ghi)" and the monthly report's "KH (ghi)"; `kpi import --table-only` of it reads
each kind of the init template back as it was (README "Export formats", xlsx)."""

import openpyxl
import pytest
import yaml

from ..conftest import kpi

#: the annual init template's rows: (number, kind, value, what else the target says)
KINDS = {
    "1": ("growth", 8, {}),
    "2": ("level", 3300, {}),
    "3": ("growth", 10, {"basis": "level"}),
    "4": ("level", 95, {}),
    "5": ("reduction", 0.5, {}),
    "6": ("rank", 15, {}),
    "7": ("level", 120, {"direction": "at_most"}),
}
PRINTED = {
    "vi": {"3": "Tăng 10%", "5": "Giảm 0,5", "6": "Nhóm 15 dẫn đầu", "7": "≤ 120"},
    "en": {"3": "Up 10%", "5": "Down 0.5", "6": "Top 15", "7": "≤ 120"},
}


@pytest.fixture(scope="module")
def annual(tmp_path_factory):
    folder = tmp_path_factory.mktemp("annual") / "a"
    made = kpi("init", str(folder), "--base-year", "2025", "--target-year", "2026")
    assert made.exit_code == 0, made.stderr
    return folder


def _export(folder, out, lang):
    done = kpi("--lang", lang, "export", "--data-dir", str(folder), "--as-of", "2026", "-o", str(out))
    assert done.exit_code == 0, done.stderr
    return [list(r) for r in openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True)]


@pytest.mark.parametrize("lang, plan, printed", [("vi", "KH năm 2026", "KH (ghi)"), ("en", "Plan 2026", "Plan (wording)")])
def test_the_plan_as_printed_beside_its_number(annual, tmp_path, lang, plan, printed):
    rows = _export(annual, tmp_path / "y.xlsx", lang)
    top = next(r for r in rows if r and r[0] in ("TT", "No"))
    at = top.index(plan)
    assert top[at + 1] == printed
    by_no = {r[0]: r for r in rows if r and r[0] in KINDS}
    for no, text in PRINTED[lang].items():
        assert (by_no[no][at], by_no[no][at + 1]) == (KINDS[no][1], text), no


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_read_back_with_table_only(annual, tmp_path, lang):
    out = tmp_path / "y.xlsx"
    _export(annual, out, lang)
    read = kpi("import", str(out), "--table-only", "-o", str(tmp_path / "rt"))
    assert "320" not in read.stderr and "Tỷ đồng (%)" not in read.stderr, read.stderr
    targets = yaml.safe_load((tmp_path / "rt" / "targets.yaml").read_text(encoding="utf-8"))
    plan = targets["plans"][0]
    assert (plan["base_year"], plan["target_year"]) == (2025, 2026)
    by_no = {t["number"]: t for t in plan["targets"]}
    for no, (kind, value, more) in KINDS.items():
        target = by_no[no]
        assert (target["kind"], target["value"]) == (kind, value), no
        assert {k: target.get(k) for k in more} == more, no
        assert target.get("direction") in (None, "at_least") or "direction" in more, no
    assert "kind" not in by_no["8"]  # listed without a target: none read


def test_the_term_plan_keeps_its_columns(tmp_path):
    folder = tmp_path / "t"
    assert kpi("init", str(folder), "--base-year", "2025", "--target-year", "2030").exit_code == 0
    rows = _export(folder, tmp_path / "t.xlsx", "vi")
    top = next(r for r in rows if r and r[0] == "TT")
    assert "Nghị quyết (ghi)" in top and "KH (ghi)" not in top
