"""The csv of an annual plan's report within its year says what the other formats mark on a value
("7.900*" an estimate, "6,20°" preliminary): the period's value and the lũy kế, each with its
status in words in a column beside it, as `kpi show`'s year table says a year's ("Trạng thái":
ước tính, sơ bộ, thực hiện); the numbers stay plain numbers."""

import csv
import io

from ..conftest import kpi
from .test_month_report import example  # noqa: F401 (the example-periods folder, a fixture)


def _rows(*args: str) -> list[list[str]]:
    result = kpi(*args)
    assert result.exit_code == 0, result.stderr
    return list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))


def test_the_exported_csv_says_each_values_status_beside_it(example):
    # June's exports recorded as an actual: the month "thực hiện", its lũy kế still an estimate
    assert kpi("record", "exports", "2024-06", "95", "--status", "actual", "--force", "--data-dir", str(example)).exit_code == 0
    rows = _rows("export", "-o", "-", "-f", "csv", "--data-dir", str(example))
    assert rows[0] == ["TT", "Chỉ tiêu", "ĐVT", "KH năm 2024", "Tháng 6", "Tháng 6 (trạng thái)", "Lũy kế 6 tháng",
                       "Lũy kế 6 tháng (trạng thái)", "% KH năm", "So cùng kỳ", "Ước cả năm", "Đánh giá"]
    by_no = {r[0]: r for r in rows[1:]}
    assert by_no["1"][4:8] == ["95", "thực hiện", "525", "ước tính"]
    assert by_no["2"][4:8] == ["7500", "ước tính", "43200", "ước tính"]  # the markdown's 7.500* and 43.200*
    assert by_no["3"][4:8] == ["", "", "6.12", "ước tính"]  # no value of June alone: no status either
    assert by_no["6"][4:8] == ["", "", "", ""]


def test_a_preliminary_quarter_is_said_so_in_english(example):
    rows = _rows("--lang", "en", "export", "-o", "-", "-f", "csv", "--as-of", "2024-Q1", "--data-dir", str(example))
    assert rows[0][4:8] == ["Q1", "Q1 (status)", "3 months to date", "3 months to date (status)"]
    grdp = next(r for r in rows if r[0] == "3")
    assert grdp[4:8] == ["6.2", "preliminary", "6.2", "preliminary"]  # "6,20°" in the other formats


def test_the_other_formats_are_unchanged(example):
    """The status is csv's: the markdown marks the values and has no such column."""
    text = kpi("export", "-o", "-", "-f", "md", "--data-dir", str(example)).stdout
    assert "(trạng thái)" not in text and "| 7.500\\* | 43.200\\* |" in text
