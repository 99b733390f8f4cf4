"""The lines under a usage error say the candidates in the language of the message — an
indicator's `name_en` in English, never its Vietnamese name beside English words — and a list
of what there is has its heading line, as "did you mean:" heads the suggestions (found by a QA
pass: `kpi --lang en show tổng` listed "Tổng vốn đầu tư …"; "unknown plan" listed bare ids)."""

import pytest

from tests.conftest import ROOT, kpi, plan_yaml

TARGETS = plan_yaml(
    """
    {id: investment, name: Tổng vốn đầu tư toàn xã hội, name_en: Total social investment, unit: tỷ đồng}
    {id: revenue, name: Tổng thu ngân sách, name_en: Budget revenue, unit: tỷ đồng}
    {id: forest, name: Tỷ lệ che phủ rừng, unit: "%"}
    """,
    """
    {indicator: investment, number: "1", kind: level, value: 100}
    {indicator: revenue, number: "2", kind: level, value: 100}
    {indicator: forest, number: "3", kind: level, value: 5}
    """,
)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text("schema_version: 1\nseries: {}\n", encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize(
    "lang, args, said, unsaid",
    [
        ("en", ("show", "tổng"), ["investment  Total social investment", "revenue     Budget revenue"], ["Tổng"]),
        ("vi", ("show", "tổng"), ["investment  Tổng vốn đầu tư toàn xã hội", "revenue     Tổng thu ngân sách"], ["Total"]),
        ("en", ("show", "revnue"), ["did you mean:", "revenue  Budget revenue"], ["Tổng thu"]),
        ("en", ("show", "forst"), ["did you mean:", "forest  Tỷ lệ che phủ rừng"], []),  # no name_en: its name
        ("en", ("record", "revenu", "2026", "5"), ["did you mean:", "revenue  Budget revenue"], ["Tổng thu"]),
        ("vi", ("record", "revenu", "2026", "5"), ["có phải là:", "revenue  Tổng thu ngân sách"], ["Budget"]),
        # a misspelt English name is near its name_en: suggested as the Vietnamese name's typos are
        ("en", ("show", "social investmnt"), ["did you mean:", "investment  Total social investment"], ["Tổng", "revenue"]),
        ("en", ("record", "budgt revnue", "2026", "5"), ["did you mean:", "revenue  Budget revenue"], ["investment"]),
        ("en", ("status", "--plan", "nope"), ["unknown plan 'nope'", "the plans there are:", "  p"], []),
        ("vi", ("status", "--plan", "nope"), ["không có kế hoạch 'nope'", "các kế hoạch có:", "  p"], []),
    ],
)
def test_candidates_are_said_in_the_language_of_the_message_under_a_heading(folder, lang, args, said, unsaid):
    done = kpi("--lang", lang, *args, "--data-dir", folder)
    assert done.exit_code == 2
    lines = done.stderr.splitlines()
    for text in said:
        assert any(text in line for line in lines), (text, lines)
    for text in unsaid:
        assert not any(text in line for line in lines[1:]), (text, lines)


@pytest.mark.parametrize(
    "lang, heading",
    [("en", "  the areas there are:"), ("vi", "  các đơn vị hành chính có:")],
)
def test_the_areas_there_are_have_a_heading(lang, heading):
    done = kpi("--lang", lang, "status", "--area", "can-tho-moi", "--data-dir", str(ROOT / "docs" / "example-territory"))
    assert done.exit_code == 2
    assert done.stderr.splitlines()[1:3] == [heading, "  can-tho"]
