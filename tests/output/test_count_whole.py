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
    done = kpi("--lang", lang, "export", "-o", "-", "-f", "csv", "--data-dir", _folder(tmp_path))
    assert done.exit_code == 0, done.stderr
    row = done.stdout.splitlines()[1].split(",")
    assert "inf" not in row
    assert row.count("∞") == 2  # % of the plan and the forecast's %, as md and the terminal write them
    shown = kpi("--lang", lang, "export", "-o", "-", "-f", "md", "--data-dir", _folder(tmp_path)).stdout
    assert shown.count("∞") == 2
