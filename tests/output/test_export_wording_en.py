"""An English xlsx export's column beside the target's number holds the target in English words
("≤ 33", "At least VND 717 trillion": ``printed_en``, else made in English), never the
resolution's Vietnamese print: its header says so, "Target (wording)" ("Plan (wording)" in a
monthly report), not "(as printed)"; the Vietnamese "Nghị quyết (ghi)" / "KH (ghi)" are
unchanged, and an English export's column is still read back as the target's wording."""

import shutil

import openpyxl
import pytest

from soctrang_kpi.files import appendix_layout as layout
from tests.conftest import ROOT, kpi

PERIODS = ROOT / "docs" / "example-periods"


def _init(folder):
    made = kpi("init", str(folder), "--name", "Nghị quyết", "--base-year", "2025", "--target-year", "2030")
    assert made.exit_code == 0, made.stderr
    return folder


def _copy(source, folder):
    folder.mkdir()
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(source / name, folder / name)
    return folder


@pytest.mark.parametrize(
    "data, lang, header, no, cells",
    [
        ("bundled", "en", "Target (wording)", "3.1", (33, "≤ 33")),
        ("bundled", "en", "Target (wording)", "21.1", (80, "Above 80")),
        ("bundled", "vi", "Nghị quyết (ghi)", "21.1", (80, "Trên 80")),
        ("init", "en", "Target (wording)", "10", (717, "At least VND 717 trillion")),
        ("init", "vi", "Nghị quyết (ghi)", "10", (717, "Tối thiểu 717 nghìn tỷ đồng")),
        ("periods", "en", "Plan (wording)", "3", (7.5, "7.5–8")),
        ("periods", "vi", "KH (ghi)", "3", (7.5, "7,5–8")),
    ],
)
def test_the_wording_column_says_what_it_holds(tmp_path, data, lang, header, no, cells):
    folder = {"bundled": lambda: _copy(ROOT, tmp_path / "d"), "init": lambda: _init(tmp_path / "d"), "periods": lambda: _copy(PERIODS, tmp_path / "d")}[data]()
    out = tmp_path / "out.xlsx"
    done = kpi("--lang", lang, "export", "-o", str(out), "--data-dir", str(folder))
    assert done.exit_code == 0, done.stderr
    rows = [list(r) for r in openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True)]
    top = next(r for r in rows if r and r[0] in ("TT", "No"))
    assert header in top and not any("as printed" in str(c).lower() for c in top)
    column = top.index(header)
    row = next(r for r in rows if r and r[0] == no)
    assert (row[column - 1], row[column]) == cells
    assert layout._column(0, header, False).role == "target_printed" or data == "periods"
