"""`kpi init` of a one-year plan (base 2025, target 2026) writes an annual plan's template, as
`kpi import` names such a plan (README "A new province, a new term"): id ``annual-2026``, the
name of a yearly socio-economic plan, the targets an annual plan sets for its year and none of a
term's (a total or an average over five years)."""

import json
from datetime import date
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


@pytest.mark.parametrize("today", [date(2026, 12, 3), date(2026, 5, 15), date(2027, 1, 10)], ids=str)
@pytest.mark.parametrize("ahead, years", [(0, 1), (0, 5), (-1, 1), (-1, 5)], ids=["annual", "term", "annual-last-year", "term-last-year"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_fresh_template_validates_without_a_warning_on_its_day(tmp_path, pin_today, today, ahead, years, lang):
    """An annual plan for 2027 drafted in December 2026: its base year has not ended, its own year
    not begun, and the examples' `actual: {2026: …}` and `estimate: {2027: …}` were 14 warnings of
    a period ahead. A year not ended is estimated, one not begun is the roadmap's (plan)."""
    pin_today(today)
    base = today.year + ahead
    folder = _init(tmp_path, "--base-year", str(base), "--target-year", str(base + years), "--name", "Kế hoạch", "--lang", lang)
    validated = kpi("validate", "--data-dir", str(folder), "--lang", lang)
    assert validated.exit_code == 0, validated.stderr
    assert "warning" not in validated.stdout + validated.stderr and "cảnh báo" not in validated.stdout + validated.stderr, validated.stdout
    said = (folder / "actuals.yaml").read_text(encoding="utf-8")
    assert f"{base}:" in said and f"{base + 1}:" in said  # the examples keep their two years
    assert kpi("status", "--data-dir", str(folder), "--lang", lang).exit_code == 0


def test_the_examples_statuses_follow_the_day():
    """The base year's actual once it has ended, else its estimate; the next year's estimate once
    it has begun, else its plan."""
    assert init_template.statuses(2025, date(2026, 12, 3)) == ("actual", "estimate")
    assert init_template.statuses(2026, date(2026, 12, 3)) == ("estimate", "plan")
    assert init_template.statuses(2026, date(2027, 1, 1)) == ("actual", "estimate")
