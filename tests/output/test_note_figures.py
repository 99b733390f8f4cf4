"""A reason's or an audit note's figure that does not exist is never printed "None"
(``labels.fill``): a dash stands for it."""

from __future__ import annotations

import pytest

from soctrang_kpi.output.labels import NOTES, REASONS, Lang, fill


@pytest.mark.parametrize("lang", list(Lang))
@pytest.mark.parametrize("template", [NOTES["above_100"], NOTES["shares_sum"], REASONS["band_below"]])
def test_a_missing_figure_is_a_dash(template, lang):
    said = fill(template, lang, None)
    assert "None" not in said and "-" in said
