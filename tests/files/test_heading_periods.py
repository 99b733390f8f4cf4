"""A heading's value within the year — a month's, a quarter's or a lũy kế of a composition or a
group, rated by its parts — is never used, as its year's value is not (README "Recording a
value"): refused by `kpi record` before writing, and by the loader at its line when it is
already in actuals.yaml, with the year value's words, in Vietnamese and English."""

import pytest

from tests.conftest import kpi, kpi_en
from tests.core.test_new_term import init_folder

HEADING = "grdp-structure"


@pytest.mark.parametrize("when", [("2026-06",), ("2026-06", "--ytd"), ("2026-Q2",)], ids=["month", "ytd", "quarter"])
def test_kpi_record_refuses_a_headings_value_within_the_year(tmp_path, when):
    folder = init_folder(tmp_path)
    before = (folder / "actuals.yaml").read_bytes()
    vi = kpi("record", HEADING, when[0], "100", *when[1:], "--data-dir", str(folder))
    assert vi.exit_code == 2 and vi.stderr.startswith(f"kpi: {HEADING}: giá trị ghi cho dòng tiêu đề (loại composition) không bao giờ được dùng")
    en = kpi_en("record", HEADING, when[0], "100", *when[1:], "--data-dir", str(folder))
    assert en.exit_code == 2 and "a value on a heading (composition) is never used" in en.stderr
    assert (folder / "actuals.yaml").read_bytes() == before  # nothing written


@pytest.mark.parametrize("written, field", [("ytd: {actual: {2026-06: 100}}", "ytd.2026-06"), ("actual: {2026-Q2: 100}", "2026-Q2")])
def test_the_loader_refuses_a_headings_value_within_the_year_at_its_line(tmp_path, written, field):
    folder = init_folder(tmp_path)
    actuals = folder / "actuals.yaml"
    text = actuals.read_text(encoding="utf-8") + f"  {HEADING}:\n    {written}\n"
    actuals.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"    {written}") + 1
    en = kpi_en("validate", "--data-dir", str(folder))
    assert en.exit_code == 1
    assert f"actuals.yaml:{line}:" in en.stderr and f"{HEADING} {field}: a value on a heading (composition) is never used" in en.stderr
    vi = kpi("status", "--data-dir", str(folder))
    assert vi.exit_code == 1 and f"{HEADING} {field}: giá trị ghi cho dòng tiêu đề (loại composition) không bao giờ được dùng" in vi.stderr


def test_a_parts_value_within_the_year_is_still_accepted(tmp_path):
    folder = init_folder(tmp_path)
    result = kpi("record", "grdp-share-agriculture", "2026-06", "12", "--data-dir", str(folder))
    assert result.exit_code == 0, result.stderr
    assert kpi("validate", "--data-dir", str(folder)).exit_code == 0
