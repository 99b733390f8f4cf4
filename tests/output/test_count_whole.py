"""A count (`ca`, `vụ`) is written whole in every place and format, as the status table's
column writes it: 42,5 ca recorded is 43 on the terminal, in `kpi show`, in md, html and csv —
never "43" here and "42,50" there (README "Forecast": counts "shown whole"). And ∞ (an at-most
target reached at zero) is written in csv as the other formats write it, not Python's "inf"."""

import pytest

from ..conftest import kpi, plan_yaml

TARGETS = plan_yaml(
    """
    {id: acc, name: Số ca mắc, name_en: Cases, unit: ca}
    """,
    """
    {indicator: acc, number: "1", kind: level, direction: at_most, value: 10}
    """,
)
ACTUALS = "schema_version: 1\nseries:\n  acc: {actual: {2025: 42.5, 2026: 30.3, 2027: 0}}\n"


def _folder(tmp_path):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize(
    "args",
    [
        ("status", "--as-of", "2025"),
        ("show", "acc"),
        ("export", "-o", "-", "-f", "md"),
        ("export", "-o", "-", "-f", "csv"),
        ("export", "-o", "-", "-f", "html"),
        ("--lang", "en", "export", "-o", "-", "-f", "md"),
    ],
)
def test_a_count_recorded_with_decimals_is_written_whole_everywhere(tmp_path, args):
    done = kpi(*args, "--data-dir", _folder(tmp_path))
    assert done.exit_code == 0, done.stderr
    assert "43" in done.stdout
    for decimals in ("42,50", "42.50", "42.5", "30,30", "30.30", "30.3"):
        assert decimals not in done.stdout, decimals


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_csv_writes_infinity_as_the_table_does_not_inf(tmp_path, lang):
    # as of 2027, its 0 (a year ahead of today: asked for)
    done = kpi("--lang", lang, "export", "-o", "-", "-f", "csv", "--as-of", "2027", "--data-dir", _folder(tmp_path))
    assert done.exit_code == 0, done.stderr
    row = done.stdout.splitlines()[1].split(",")
    assert "inf" not in row
    assert row.count("∞") == 2  # % of the plan and the forecast's %, as md and the terminal write them
    shown = kpi("--lang", lang, "export", "-o", "-", "-f", "md", "--as-of", "2027", "--data-dir", _folder(tmp_path)).stdout
    assert shown.count("∞") == 2


#: an annual plan's month of counts: 57 vụ and 42,5 ca by June; the year estimated from last
#: year's share to date (57 ÷ 48,46 % = 117,62 vụ; 42,5 ÷ 45 % = 94,44 ca) is a count too
MONTH_TARGETS = plan_yaml(
    """
    {id: accidents, name: Số vụ tai nạn giao thông, name_en: Traffic accidents, unit: vụ, unit_en: cases, within_year: flow}
    {id: dengue, name: Số ca sốt xuất huyết, name_en: Dengue cases, unit: ca, unit_en: cases, within_year: flow}
    """,
    """
    {indicator: accidents, number: "1", kind: level, value: 120, direction: at_most}
    {indicator: dengue, number: "2", kind: level, value: 300, direction: at_most}
    """,
    end=2026,
)
MONTH_ACTUALS = """schema_version: 1
series:
  accidents:
    actual: {2025: 130, 2025-01: 10, 2025-02: 11, 2025-03: 12, 2025-04: 9, 2025-05: 10, 2025-06: 11,
             2026-01: 9, 2026-02: 10, 2026-03: 8, 2026-04: 11, 2026-05: 9, 2026-06: 10}
  dengue:
    actual: {2025: 100, 2025-Q1: 20, 2025-Q2: 25, 2026-Q1: 20, 2026-Q2: 22.5}
"""


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("args", [("status",), ("status", "-f", "markdown"), ("export", "-o", "-", "-f", "md"),
                                  ("export", "-o", "-", "-f", "html"), ("show", "accidents"), ("show", "dengue"), ("summary",)])
def test_a_count_s_month_figures_are_whole(tmp_path, lang, args):
    (tmp_path / "targets.yaml").write_text(MONTH_TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(MONTH_ACTUALS, encoding="utf-8")
    done = kpi("--lang", lang, *args, "--data-dir", str(tmp_path), "--as-of", "2026-06")
    assert done.exit_code == 0, done.stderr
    for decimals in ("117,62", "117.62", "94,44", "94.44", "42,50", "42.50", "42,5", "42.5", "22,50", "22.50", "22,5", "22.5"):
        assert decimals not in done.stdout, decimals
    if args[0] == "show":
        assert ("118" if args[1] == "accidents" else "94") in done.stdout  # the estimate, whole


#: a poverty rate under the unit an office's table writes "Hộ (%)": its values are percentages
#: (3,4 → 1,8), never a whole count of households (README "Forecast": a unit with "(%)" after it)
PERCENT_BESIDE_TARGETS = plan_yaml(
    """
    {id: poor, name: Tỷ lệ hộ nghèo, name_en: Poverty rate, unit: Hộ (%)}
    """,
    """
    {indicator: poor, number: "1", kind: level, direction: at_most, value: 1}
    """,
)
PERCENT_BESIDE_ACTUALS = "schema_version: 1\nseries:\n  poor: {actual: {2025: 3.4, 2026: 1.8, 2027: 60.2}}\n"


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (("status", "--as-of", "2026"), ("1,80",)),
        (("show", "poor", "--as-of", "2027"), ("3,40", "1,80", "60,20")),  # a year ahead of today: asked for
        (("export", "-o", "-", "-f", "md", "--as-of", "2026"), ("1,80",)),
        (("export", "-o", "-", "-f", "csv", "--as-of", "2026"), (",3.4,1.8,",)),
        (("--lang", "en", "export", "-o", "-", "-f", "md", "--as-of", "2026"), ("1.80",)),
    ],
)
def test_a_unit_with_percent_beside_it_is_not_written_whole(tmp_path, args, shown):
    (tmp_path / "targets.yaml").write_text(PERCENT_BESIDE_TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text(PERCENT_BESIDE_ACTUALS, encoding="utf-8")
    done = kpi(*args, "--data-dir", str(tmp_path))
    assert done.exit_code == 0, done.stderr
    for value in shown:
        assert value in done.stdout, value
