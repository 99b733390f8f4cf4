"""`kpi record` of a value the files cannot hold: a usage error (exit 2) naming the option or the
value and why, one line, no line of a file never written; nothing written. Every status × period ×
kind of indicator either records a value `kpi validate` accepts or is refused so."""

import re

import pytest

from ..conftest import kpi, kpi_en

TARGETS = """\
schema_version: 1
indicators:
  - {id: budget, name: Thu ngân sách, unit: Tỷ đồng}
  - {id: structure, name: Cơ cấu kinh tế}
  - {id: kv1, name: Nông nghiệp, unit: "%", parent: structure}
  - {id: kv2, name: Công nghiệp, unit: "%", parent: structure}
  - {id: pci-rank, name: Xếp hạng PCI, unit: Hạng}
  - {id: households, name: Số hộ, unit: hộ}
  - {id: growth, name: Tăng trưởng GRDP, unit: "%"}
plans:
  - id: p
    name: Kế hoạch 2026
    base_year: 2025
    target_year: 2026
    targets:
      - {indicator: budget, number: "1", kind: level, value: 100}
      - {indicator: structure, number: "2", kind: composition}
      - {indicator: kv1, number: "2.1", kind: level, value: 20}
      - {indicator: kv2, number: "2.2", kind: level, value: 80}
      - {indicator: pci-rank, number: "3", kind: rank, value: 15}
      - {indicator: households, number: "4", kind: level, value: 1000}
      - {indicator: growth, number: "5", kind: growth, value: 8}
"""

ACTUALS = """\
schema_version: 1
series:
  budget: {actual: {2025: 90}}
  kv1: {actual: {2025: 22}}
  kv2: {actual: {2025: 78}}
  pci-rank: {actual: {2025: 20}}
  households: {actual: {2025: 900}}
  growth: {as_index: true, actual: {2025: 107.5}}
"""

INDICATORS = ["budget", "structure", "kv1", "pci-rank", "households", "growth"]
WHEN = [["2026"], ["2026-06"], ["2026-Q2"], ["2026-06", "--ytd"]]
STATUSES = ["actual", "preliminary", "estimate", "plan"]
VALUES = ["14.5", "0", "-5"]  # not a place, not an index, below a count's or a share's 0
LOCATED = re.compile(r"actuals\.yaml:\d")


@pytest.fixture
def data(tmp_path):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    assert kpi("validate", "--data-dir", str(tmp_path)).exit_code == 0
    return tmp_path


@pytest.mark.parametrize("indicator", INDICATORS)
@pytest.mark.parametrize("when", WHEN, ids=" ".join)
@pytest.mark.parametrize("status", STATUSES)
def test_every_value_is_recorded_valid_or_refused_as_usage(data, indicator, when, status):
    for value in VALUES:
        before = (data / "actuals.yaml").read_bytes()
        result = kpi("record", indicator, when[0], value, *when[1:], "--status", status, "--force", "--data-dir", str(data))
        assert result.exit_code in (0, 2), result.stderr  # never "the data files are invalid"
        if result.exit_code == 2:
            assert (data / "actuals.yaml").read_bytes() == before
            assert len(result.stderr.strip().splitlines()) == 1 and not LOCATED.search(result.stderr), result.stderr
    assert kpi("validate", "--data-dir", str(data)).exit_code == 0  # each record read the one before it too


@pytest.mark.parametrize(
    "args, said",
    [
        (["budget", "2026-Q2", "1", "--status", "plan"], "kpi: --status plan: tháng hoặc quý chỉ có số thực hiện"),
        (["budget", "2026-06", "1", "--ytd", "--status", "plan"], "kpi: --ytd --status plan: lũy kế (ytd) chỉ có số thực hiện"),
        (["pci-rank", "2026", "14.5"], "kpi: pci-rank: thứ hạng là số nguyên từ 1, gặp 14,5"),
        (["pci-rank", "2026", "0"], "kpi: pci-rank: thứ hạng là số nguyên từ 1, gặp 0"),
        (["structure", "2026", "5"], "kpi: structure: giá trị ghi cho dòng tiêu đề (loại composition)"),
        # a rule of the loader's that is not checked beforehand: refused by the check of the result
        (["growth", "2026", "0"], "kpi: growth 2026: không ghi được 0: chỉ số (năm trước = 100) phải lớn hơn 0, gặp 0"),
    ],
)
def test_what_cannot_be_recorded_is_said_before_writing(data, args, said):
    before = (data / "actuals.yaml").read_bytes()
    result = kpi("record", *args, "--data-dir", str(data))
    assert result.exit_code == 2
    assert result.stderr.startswith(said), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (data / "actuals.yaml").read_bytes() == before


def test_a_value_already_there_does_not_hide_why_it_cannot_be_replaced(data):
    assert kpi("record", "budget", "2026-Q2", "10", "--data-dir", str(data)).exit_code == 0
    result = kpi_en("record", "budget", "2026-Q2", "12", "--status", "plan", "--data-dir", str(data))
    assert result.exit_code == 2
    assert result.stderr.strip() == "kpi: --status plan: a month or a quarter has an observed value (actual, preliminary or estimate), not a plan"
