"""Every field an audit finding can name is said in words, in both languages, never as its code
("summary.achieved_or_exceeded" beside "Số chưa đạt")."""

import pytest

from soctrang_kpi.core.audit import NAMED_FIELDS, SUMMARY_COUNTS, Finding
from soctrang_kpi.core.model import PublishedSummary
from soctrang_kpi.output.fields import FIELDS, Ctx
from soctrang_kpi.output.labels import Lang


def test_every_published_count_is_compared():
    assert set(SUMMARY_COUNTS) == set(PublishedSummary._fields) - {"groups"}


@pytest.mark.parametrize("lang", list(Lang))
@pytest.mark.parametrize("name", NAMED_FIELDS)
def test_no_audit_field_is_said_as_its_code(name, lang):
    field = f"{name} 2026-06" if name in ("plan_pct", "change_pct", "estimate") else f"{name} 2026" if name == "sum" else name
    said = FIELDS["finding.field"].value((None, Finding(field, "summary", 1, 2)), Ctx(None, lang), 0)
    assert not said.startswith(name) and "." not in said and "_" not in said, said


@pytest.mark.parametrize("lang, said", [(Lang.VI, "Số đạt và vượt (Kinh tế)"), (Lang.EN, "Achieved or exceeded (Economy)")])
def test_a_groups_count_is_said_with_its_group(lang, said):
    """A section's tally ("Kinh tế: 5/7 đạt và vượt") compared: the count's label and the group's
    name, not "summary.economy.achieved_or_exceeded" (found by a QA pass)."""
    finding = Finding("summary.economy.achieved_or_exceeded", "summary", 5, 3)
    assert FIELDS["finding.field"].value((None, finding), Ctx(None, lang), 0) == said
