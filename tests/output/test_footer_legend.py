"""A table's footer keeps its legend of marks whole when it wraps: "(* ước tính)" on one line,
never "(* ước" / "tính)" (found by a QA pass at COLUMNS=60, a monthly report's footer)."""

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from soctrang_kpi.cli import app
from soctrang_kpi.output.formats.as_table import _footer_parts, wrap

ROOT = Path(__file__).parent.parent.parent
LEGEND = {"vi": "(* ước tính)", "en": "(* estimate)"}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("data", ["docs/example-periods", "soctrang_kpi/data", "docs/example-territory"])
@pytest.mark.parametrize("columns", [40, 50, 55, 58, 60, 64, 70, 80])
def test_the_legend_of_the_marks_is_never_broken(tmp_path, lang, data, columns):
    for name in ("targets.yaml", "actuals.yaml"):
        shutil.copy(ROOT / data / name, tmp_path / name)
    result = CliRunner().invoke(
        app, ["status", "--data-dir", str(tmp_path), "--lang", lang], catch_exceptions=False,
        env={"COLUMNS": str(columns), "XDG_CACHE_HOME": str(tmp_path / "cache")},
    )
    assert result.exit_code in (0, 3), result.output
    footer = result.stdout.rstrip("\n").rsplit("\n\n", 1)[-1]
    assert any(LEGEND[lang] in line for line in footer.splitlines()), footer


def test_a_legend_wider_than_the_line_is_wrapped_between_its_words():
    """Kept whole only where it fits: a legend wider than the line is not cut in a word."""
    text = "6 chỉ tiêu: 3 đúng tiến độ   (* ước tính, ° sơ bộ)"
    lines = [line for part in _footer_parts(text, 12) for line in wrap(part, 12)]
    assert all(len(line) <= 12 for line in lines) and "ước" in " ".join(lines).split()
    assert [line for part in _footer_parts(text, 30) for line in wrap(part, 30)][-1].strip() == "(* ước tính, ° sơ bộ)"
