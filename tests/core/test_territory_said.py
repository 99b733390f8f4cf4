"""`--by-area` and `--scorecard` are computed from every area's values at once (``across_areas``,
``scorecard``): what must be said of the territory's own values is given beside them, the same
lines as the territory's view says (``seen_from``) — and those of the areas' views are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from soctrang_kpi.core.areas import across_areas, scorecard, seen_from
from soctrang_kpi.files import load

TERRITORY = Path(__file__).resolve().parent.parent.parent / "docs" / "example-territory"


@pytest.mark.parametrize("views", [lambda d: scorecard(d)[-1], lambda d: across_areas(d, "budget-revenue")[-1]], ids=["scorecard", "by-area"])
def test_the_territory_s_notices_come_with_the_areas(tmp_path, views):
    targets = (TERRITORY / "targets.yaml").read_text(encoding="utf-8").replace("parts: 103}", "parts: 5}")
    actuals = (TERRITORY / "actuals.yaml").read_text(encoding="utf-8").replace("estimate: {2025: 30100, 2026: 33200}", "estimate: {2025: 30100}")
    actuals = actuals.replace("budget-revenue: {estimate: {2025: 95, 2026: 92}}", "budget-revenue: {estimate: {2025: 95}}")
    dataset = load.load_texts(targets, actuals)[0]
    said = views(dataset)
    assert [t.key for t in said] == ["areas.parts_missing"]
    assert [t.render("en") for t in said] == [t.render("en") for t in seen_from(dataset, None, None)[1]]
