"""`kpi show` says what its figures are: the target year's value as recorded — "số thực hiện",
"số ước tính", "số sơ bộ" — and its verdict's reason "kết quả năm cuối" (of an estimate "số ước
tính năm cuối", of a preliminary figure "số sơ bộ năm cuối": no result yet), never "dự báo", once
that year is in."""

from pathlib import Path

import pytest

from ..conftest import kpi, kpi_en

TARGETS = """\
schema_version: 1
indicators:
  - {id: urban, name: Tỷ lệ đô thị hóa, unit: "%"}
plans:
  - id: nq
    name: Nghị quyết 2025–2030
    base_year: 2025
    target_year: 2030
    targets:
      - {indicator: urban, number: "14", kind: level, value: 50}
"""


def _line(text: str, label: str) -> str:
    return next(" ".join(line[len(label):].split()) for line in text.splitlines() if line.startswith(label))


@pytest.mark.parametrize(
    "status, value, vi, en, reason",
    [
        ("actual", 51, "51 (số thực hiện) = 102,00%", "51 (actual) = 102.00%", "Vượt 2,00%: kết quả năm cuối 102,00% > 100%"),
        ("estimate", 50, "50 (số ước tính) = 100,00%", "50 (estimate) = 100.00%", "Đạt: số ước tính năm cuối 100,00%"),
        ("preliminary", 49, "49 (số sơ bộ) = 98,00%", "49 (preliminary) = 98.00%", "Không đạt: số sơ bộ năm cuối 98,00% < 100%"),
    ],
)
def test_show_says_what_the_target_years_value_is(tmp_path: Path, status, value, vi, en, reason):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    years = "{2025: 45, 2030: %s}" % value if status == "actual" else "{2025: 45}\n    %s: {2030: %s}" % (status, value)
    (tmp_path / "actuals.yaml").write_text(f"schema_version: 1\nseries:\n  urban:\n    actual: {years}\n", encoding="utf-8")
    text = kpi("show", "urban", "--data-dir", str(tmp_path), "--as-of", "2030").stdout
    assert _line(text, "Dự báo") == vi
    assert _line(text, "Đánh giá") == reason
    assert _line(kpi_en("show", "urban", "--data-dir", str(tmp_path), "--as-of", "2030").stdout, "Forecast") == en
