"""A flow's lũy kế that falls from one recorded month to the next makes the months between
negative: warned about (not refused: corrections happen), naming the file, the line, the indicator
and both months, by `kpi validate` and by `kpi record` writing the value that makes it fall. A level's and a rate's may fall,
and so may a flow whose own bounds let it be negative (a trade balance, `bounds: [null, null]`): every other flow's is warned
about, an amount of money with no bounds (exports, retail, budget revenue) as a count is."""

import pytest

from soctrang_kpi.files import load

from ..conftest import kpi, kpi_en

TARGETS = """\
schema_version: 1
indicators:
  - {id: exports, name: Xuất khẩu, unit: Triệu USD}
  - {id: revenue, name: Thu ngân sách, unit: Tỷ đồng, within_year: flow}
  - {id: spending, name: Chi đầu tư, unit: Tỷ đồng, within_year: flow, bounds: [-100, null]}
  - {id: accidents, name: Tai nạn giao thông, unit: vụ, within_year: flow}
  - {id: balance, name: Cán cân thương mại, unit: Triệu USD, bounds: [null, null]}
  - {id: bhyt, name: Tỷ lệ BHYT, unit: "%"}
  - {id: growth, name: Tăng trưởng, unit: "%"}
  - {id: rice, name: Sản lượng lúa, unit: Nghìn tấn, within_year: flow}
plans:
  - {id: p, name: Kế hoạch, base_year: 2025, target_year: 2026, targets: [
      {indicator: exports, number: "1", kind: level, value: 1000},
      {indicator: accidents, number: "2", kind: level, value: 300, direction: at_most},
      {indicator: balance, number: "3", kind: level, value: 50},
      {indicator: bhyt, number: "4", kind: level, value: 95},
      {indicator: growth, number: "5", kind: growth, value: 8},
      {indicator: rice, number: "6", kind: level, value: 900},
      {indicator: revenue, number: "7", kind: level, value: 5000},
      {indicator: spending, number: "8", kind: level, value: 500}]}
"""


def _warned(series: str, lang: str = "en") -> list[str]:
    _data, warnings = load.load_texts(TARGETS, "schema_version: 1\nseries:\n" + series)
    return [p.render(lang) for p in warnings]


@pytest.mark.parametrize(
    "series, said",
    [
        ("  exports:\n    ytd: {actual: {2026-05: 500, 2026-06: 480}}",
         ["actuals.yaml:4:43: warning: exports ytd.2026-06: the lũy kế falls from 500 (2026-05) to 480 (2026-06): the months between"
          " would be -20, below zero; check both values (a flow's lũy kế does not fall, unless one of them was corrected)"]),
        ("  exports:\n    ytd: {actual: {2026-05: 500, 2026-06: 525}}", []),
        ("  exports:\n    ytd: {actual: {2026-05: 500, 2026-06: 500}}", []),  # a month of nothing
        # months apart: the months between, named by the two months recorded
        ("  exports:\n    ytd: {actual: {2026-03: 300, 2026-06: 290}}", ["2026-03", "2026-06"]),
        # the statuses do not matter: an estimate below the actual before it falls too
        ("  exports:\n    ytd:\n      actual: {2026-05: 500}\n      estimate: {2026-06: 480}", ["2026-05", "2026-06"]),
        # within the figures' own rounding: 100,46 and 100 may be the same lũy kế
        ("  exports:\n    ytd: {actual: {2026-05: 100.46, 2026-06: 100}}", []),
        # 1,2 is [1,15; 1,25) and 1,1 [1,05; 1,15): a fall of both half units is a fall
        ("  exports:\n    ytd: {actual: {2026-05: 1.2, 2026-06: 1.1}}", ["2026-05", "2026-06"]),
        # a new year starts from January again
        ("  exports:\n    ytd: {actual: {2025-12: 1100, 2026-01: 90}}", []),
        ("  accidents:\n    ytd: {actual: {2026-05: 150, 2026-06: 140}}", ["2026-05", "2026-06"]),  # a cap's count: a flow
        ("  rice:\n    ytd: {actual: {2026-05: 400, 2026-06: 390}}", ["2026-05", "2026-06"]),  # declared a flow
        ("  balance:\n    ytd: {actual: {2026-05: 40, 2026-06: 25}}", []),  # a flow that may be negative
        ("  balance:\n    actual: {2026-06: -15}\n    ytd: {actual: {2026-05: 40, 2026-06: 25}}", []),
        # an amount of money with no bounds of its own is warned about, as exports are: a net flow
        # opts out with its own bounds (review: a unit's bounds alone had left every flow in money
        # silent, its unit having none)
        ("  revenue:\n    ytd: {actual: {2026-05: 2400, 2026-06: 2350}}", ["2026-05", "2026-06"]),
        ("  spending:\n    ytd: {actual: {2026-05: 40, 2026-06: 25}}", []),  # its own bounds below 0
        ("  bhyt:\n    ytd: {actual: {2026-05: 92.6, 2026-06: 92.1}}", []),  # a level
        ("  growth:\n    ytd: {actual: {2026-05: 7.6, 2026-06: 7.1}}", []),  # a rate
        # months alone are no lũy kế: a negative month is another matter
        ("  exports: {actual: {2026-05: 100, 2026-06: 90}}", []),
    ],
)
def test_a_flows_lũy_kế_that_falls(series, said):
    warned = [w for w in _warned(series) if "lũy kế falls" in w]
    if said and not said[0].startswith("actuals.yaml"):  # the two months named
        assert len(warned) == 1 and all(f"({month})" in warned[0] for month in said), warned
        return
    assert warned == said


def test_the_warning_in_vietnamese():
    warned = _warned("  exports:\n    ytd: {actual: {2026-05: 1250.5, 2026-06: 1200}}", "vi")
    assert warned == [
        "actuals.yaml:4:46: cảnh báo: exports ytd.2026-06: lũy kế giảm từ 1.250,5 (2026-05) xuống 1.200 (2026-06): các tháng ở giữa"
        " sẽ là -50,5, một số âm; hãy kiểm tra hai số này (lũy kế của chỉ tiêu cộng dồn theo tháng không giảm, trừ khi một trong hai"
        " số đã được đính chính)"
    ]


def test_validate_and_record_say_it(tmp_path):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text("schema_version: 1\nseries:\n  exports:\n    ytd: {actual: {2026-05: 500}}\n", encoding="utf-8")
    result = kpi_en("record", "exports", "2026-06", "480", "--ytd", "--data-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr  # written: a warning, not an error
    assert "warning: exports ytd.2026-06: the lũy kế falls from 500 (2026-05) to 480 (2026-06)" in result.stderr
    assert "2026-06: 480" in (tmp_path / "actuals.yaml").read_text(encoding="utf-8")
    validated = kpi("validate", "--data-dir", str(tmp_path))  # its report: the warnings on stdout
    assert validated.exit_code == 0
    assert f"{tmp_path / 'actuals.yaml'}:4:43: cảnh báo: exports ytd.2026-06: lũy kế giảm từ 500 (2026-05) xuống 480 (2026-06)" in validated.stdout
    corrected = kpi_en("record", "exports", "2026-06", "525", "--ytd", "--force", "--data-dir", str(tmp_path))
    assert corrected.exit_code == 0 and "warning" not in corrected.stderr, corrected.stderr


@pytest.mark.parametrize("args", [
    ("exports", "2026-06", "480", "--ytd", "--force", "--note", "đã kiểm tra"),  # the later month, again
    ("exports", "2026-05", "500", "--ytd", "--force", "--source", "Cục Thống kê"),  # the month it falls from
])
def test_record_says_a_fall_its_value_makes_though_the_files_had_it(tmp_path, args):
    """A value written again (with a note, a source) makes the fall again: `kpi record` says it, as
    validate and status then do — not only a fall the files did not have before."""
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text("schema_version: 1\nseries:\n  exports:\n    ytd: {actual: {2026-05: 500, 2026-06: 480}}\n", encoding="utf-8")
    result = kpi_en("record", *args, "--data-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "warning: exports ytd.2026-06: the lũy kế falls from 500 (2026-05) to 480 (2026-06)" in result.stderr
    for other in (("exports", "2026-07", "900", "--ytd"), ("bhyt", "2025", "94")):  # another value: the fall is not its
        said = kpi_en("record", *other, "--data-dir", str(tmp_path))
        assert said.exit_code == 0 and "warning" not in said.stderr, said.stderr


def test_no_units_bounds_let_a_flow_be_negative():
    """The warning asks an indicator's own bounds alone whether it may be negative: a unit's bounds
    (core/bounds: shares, places, counts) never let it be, and a unit of money has none."""
    from soctrang_kpi.core import bounds

    lows = [low for low, _ in bounds.UNIT_BOUNDS.values()] + [bounds.COUNT_BOUNDS[0]]
    assert all(low is not None and low >= 0 for low in lows), lows


def test_the_example_periods_exports_falling_are_warned_about(tmp_path):
    """docs/example-periods' exports (Triệu USD, no bounds): a lũy kế of 540 in May before June's
    525 is warned about (review: it was silent once a unit's bounds decided, money having none)."""
    import shutil

    from ..conftest import ROOT

    folder = tmp_path / "periods"
    shutil.copytree(ROOT / "docs" / "example-periods", folder)
    written = kpi_en("record", "exports", "2024-05", "540", "--ytd", "--status", "estimate", "--data-dir", str(folder))
    assert written.exit_code == 0, written.stderr
    assert "warning: exports ytd.2024-06: the lũy kế falls from 540 (2024-05) to 525 (2024-06)" in written.stderr
