"""`kpi init` of a one-year plan (base 2025, target 2026) writes an annual plan's template, as
`kpi import` names such a plan (README "A new province, a new term"): id ``annual-2026``, the
name of a yearly socio-economic plan, the targets an annual plan sets for its year and none of a
term's (a total or an average over five years)."""

import json
from pathlib import Path

import pytest
import yaml

from soctrang_kpi.core.model import Basis, Direction, Kind, WithinYear
from soctrang_kpi.files import init_template, load

from ..conftest import kpi


def _init(tmp_path: Path, *args: str) -> Path:
    folder = tmp_path / "ct"
    result = kpi("init", str(folder), *args)
    assert result.exit_code == 0, result.stderr
    return folder


@pytest.mark.parametrize("lang, name", [
    ("vi", "Kế hoạch phát triển kinh tế - xã hội năm 2026"),
    ("en", "Socio-economic development plan 2026"),
])
def test_a_one_year_plan_is_an_annual_plan(tmp_path, lang, name):
    folder = _init(tmp_path, "--base-year", "2025", "--target-year", "2026", "--lang", lang)
    targets = (folder / "targets.yaml").read_text(encoding="utf-8")
    (plan,) = yaml.safe_load(targets)["plans"]
    assert (plan["id"], plan["name"], plan["base_year"], plan["target_year"]) == ("annual-2026", name, 2025, 2026)
    for term_word in ("5 năm", "bình quân hằng năm", "nhiệm kỳ", "kind: cumulative", "kind: average", "over the five years", "the term"):
        assert term_word not in targets, term_word
    assert kpi("validate", "--data-dir", str(folder)).exit_code == 0
    status = json.loads(kpi("status", "--json", "--data-dir", str(folder)).stdout)
    assert status["plan"]["id"] == "annual-2026"
    # each row is an annual plan's: its own year's table, the year before beside it
    assert all("annual" in row for row in status["indicators"])


def test_the_annual_template_has_the_targets_an_annual_plan_sets():
    """Levels, the growth of a level over the year before, a reduction, a place, an at-most
    count declared a flow within the year; a growth rate of the year; an indicator without a target."""
    texts = init_template.render("Kế hoạch năm 2026", 2025, 2026, "vi")
    data, warnings = load.load_texts(texts["targets.yaml"], texts["actuals.yaml"])
    assert warnings == []
    (plan,) = data.plans.values()
    targets = {r.indicator: r.target for r in plan.rows}
    assert targets["budget-revenue"].basis is Basis.LEVEL and targets["grdp-growth"].kind is Kind.GROWTH
    assert {t.kind for t in targets.values()} == {Kind.GROWTH, Kind.LEVEL, Kind.REDUCTION, Kind.RANK}
    accidents = targets["traffic-accidents"]
    assert accidents.direction is Direction.AT_MOST and data.indicators["traffic-accidents"].within_year is WithinYear.FLOW
    assert targets["fdi"].value is None  # listed without a target yet


def test_a_term_is_still_a_term(tmp_path):
    folder = _init(tmp_path, "--base-year", "2025", "--target-year", "2030")
    (plan,) = yaml.safe_load((folder / "targets.yaml").read_text(encoding="utf-8"))["plans"]
    assert (plan["id"], plan["name"]) == ("term-2025-2030", "Nghị quyết Đại hội Đảng bộ tỉnh, nhiệm kỳ 2025–2030")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_comment_of_the_annual_template_is_filled(lang):
    texts = init_template.render("Kế hoạch năm 2026", 2025, 2026, lang)
    for text in texts.values():
        assert "$" not in text
