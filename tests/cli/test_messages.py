"""Every message of the files layer can be said in Vietnamese and in English."""

import pickle
import re
import string
from pathlib import Path

import pytest

from soctrang_kpi.errors import DataError, Problem, UsageError
from soctrang_kpi.files import load, yaml_keys
from soctrang_kpi.messages import CATALOG, LANGS, Num, Text, help_text, section

HELP = {f"help.{key}": texts for key, texts in section("help").items()}  # the catalogue's help texts

BAD = Path(__file__).parent.parent / "bad"
PREFIX = re.compile(r"^(targets|actuals)\.yaml:\d+:\d+: ")


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_entry_is_said_in_both_languages_with_the_same_blanks(key):
    entry = CATALOG[key]
    assert set(entry) == set(LANGS)
    # a few entries are empty on purpose (note., the plain pace basis): then in both languages
    assert bool(entry["vi"].strip()) == bool(entry["en"].strip())
    assert _placeholders(entry["vi"]) == _placeholders(entry["en"])


def test_a_text_is_its_english_wording_and_translates_its_params():
    text = Text("check.number", found='"5,76"', hint=Text("hint.use_number", number="5.76"))
    assert text == 'expected a number, found "5,76" (use 5.76)'
    assert text.render("vi") == 'cần một số, gặp "5,76" (hãy viết 5.76)'
    assert Text("check.between", low=0, high=6, found=9).render("vi") == "cần một số từ 0 đến 6, gặp 9"
    assert pickle.loads(pickle.dumps(text)).render("vi") == text.render("vi")
    with pytest.raises(AttributeError):
        text.key = "other"  # type: ignore[misc]


def test_a_problem_renders_its_warning_prefix_in_either_language():
    problem = Problem("actuals.yaml", 3, 5, Text("actuals.year_outside_plans"), "exports", "2030", warning=True)
    assert str(problem) == "actuals.yaml:3:5: warning: exports 2030: the year is outside every plan"
    assert problem.render("vi") == "actuals.yaml:3:5: cảnh báo: exports 2030: năm này nằm ngoài mọi kế hoạch"
    assert Problem("x.yaml", 0, 0, "plain text").render("vi") == "x.yaml: plain text"  # str still accepted


def test_a_usage_error_stays_english_as_str():
    err = UsageError(Text("targets.no_indicator", id=repr("export")))
    assert str(err) == "no indicator has the id 'export'"


def test_allowed_keys_come_from_the_model_in_todays_order():
    assert yaml_keys.INDICATOR == ("id", "name", "name_en", "unit", "unit_en", "parent", "group", "precision", "bounds", "within_year", "aggregate",
        "code", "definition", "agency", "reporting", "breakdown",
    )
    assert yaml_keys.PLAN == ("id", "name", "name_en", "base_year", "target_year", "settings", "published_summary", "area", "targets")
    assert yaml_keys.TARGET_ROW == (
        "indicator", "number", "kind", "direction", "value", "range", "strict", "approximate", "drop", "average",
        "printed", "printed_en", "note", "basis", "of", "areas",
    )
    assert yaml_keys.SETTINGS == (
        "precision", "exceed_margin", "audit_tolerance", "forecast", "roadmap_from", "range_basis", "approximate_tolerance",
        "appendix", "attached_to", "pace", "classes",
    )
    assert yaml_keys.SUMMARY == ("total", "exceeded", "achieved", "not_achieved", "achieved_or_exceeded", "groups")
    assert yaml_keys.PUBLISHED == ("avg_growth", "midterm_pct", "forecast", "forecast_pct", "assessment", "as_of", "date")


def _problems(case: str) -> list[Problem]:
    kind = case.split(".")[-2]
    texts = {name: (BAD / f"base.{name}.yaml").read_text(encoding="utf-8") for name in ("targets", "actuals")}
    texts[kind] = (BAD / case).read_text(encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load.load_texts(texts["targets"], texts["actuals"])
    return raised.value.problems


@pytest.mark.parametrize(
    "case, vietnamese",
    [
        ("vi-decimal-comma.actuals.yaml", 'cần một số, gặp "5,76" (hãy viết 5.76)'),
        ("unknown-field.targets.yaml", "trường lạ 'vaule' (có phải 'value'?)"),
        ("year-as-string.actuals.yaml", "(hãy viết không có dấu ngoặc kép)"),
        ("boolean.actuals.yaml", "true (giá trị đúng/sai)"),
        ("series-not-a-mapping.actuals.yaml", "cần một ánh xạ (năm: giá trị), gặp một danh sách"),
        ("duplicate-key.actuals.yaml", "trùng khoá 'grdp-growth'"),
        ("syntax-error.actuals.yaml", "lỗi cú pháp YAML: "),
        ("python-tag.actuals.yaml", "không cho phép thẻ"),
        ("range-reversed.targets.yaml", "cần thấp < cao, gặp [8, 6]"),
    ],
)
def test_bad_files_are_reported_in_vietnamese(case, vietnamese):
    problems = _problems(case)
    assert problems
    for problem in problems:
        english, said = str(problem), problem.render("vi")
        assert said != english
        assert PREFIX.match(said) and PREFIX.match(said).group(0) == PREFIX.match(english).group(0)
    assert any(vietnamese in p.render("vi") for p in problems)


@pytest.mark.parametrize("key", sorted(HELP))
def test_every_help_text_is_said_in_both_languages(key):
    assert set(HELP[key]) == set(LANGS) and all(HELP[key][lang].strip() for lang in LANGS)
    assert all(help_text(key, lang) == CATALOG[key][lang] for lang in LANGS)


def test_the_help_texts_are_a_section_of_the_one_catalogue():
    import soctrang_kpi.messages as messages

    assert not hasattr(messages, "HELP")
    assert len(HELP) > 50 and "help.app" in HELP and "help.opt.plan" in HELP
    assert help_text("help.nothing", "vi") is None and help_text("status.exceeded", "vi") is None


def test_every_command_and_option_has_help_in_both_languages():
    from typer.main import get_command

    from soctrang_kpi.cli import COMMANDS, build_app

    group = get_command(build_app())
    for name in COMMANDS:
        assert f"help.cmd.{name}" in HELP, name
        command = group.commands[name]
        for param in command.params:
            assert f"help.{name}.{param.name}" in HELP or f"help.opt.{param.name}" in HELP, (name, param.name)


@pytest.mark.parametrize("lang, words", [("vi", ["Tuỳ chọn", "Mã kế hoạch", "Hiện hướng dẫn này"]), ("en", ["Options", "Plan id", "Show this message"])])
def test_help_speaks_the_language_of_the_command_line(lang, words):
    from typer.testing import CliRunner

    from soctrang_kpi.cli import app

    for args in (["status", "--help", "--lang", lang], ["--lang", lang, "status", "--help"][2:] + ["--lang", lang]):
        result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
        for word in words:
            assert word in result.stdout, (args, word)
    result = CliRunner().invoke(app, ["status", "--help"], env={"KPI_LANG": lang, "COLUMNS": "200"})
    assert all(word in result.stdout for word in words)


def test_plural_forms_and_numbers_follow_the_language():
    assert Text("cli.data_problems", count=Num(1)) == "1 problem"
    assert Text("cli.data_problems", count=Num(2)) == "2 problems"
    assert Text("cli.data_problems", count=Num(1)).render("vi") == "1 lỗi"
    assert Text("cli.wrote", path="x.xlsx", format="xlsx", size=Num(12557)).render("vi") == "kpi: đã ghi x.xlsx (xlsx, 12.557 byte)"
    assert Text("cli.wrote", path="x.xlsx", format="xlsx", size=Num(12557)) == "kpi: wrote x.xlsx (xlsx, 12,557 bytes)"


def test_a_verdicts_reason_is_one_phrase_without_colons():
    """ "Chưa có số liệu: không có dự báo (…)", never three colons deep."""
    from soctrang_kpi.output.labels import REASONS

    for code, words in REASONS.items():
        for lang, text in words.items():
            assert ":" not in text, (code, lang, text)
    assert REASONS["no_forecast"]["vi"].startswith("không có dự báo (không có lộ trình năm cuối, ")
    assert REASONS["forecast_meets"]["vi"] == "dự báo {x}"


def test_messages_and_tables_write_numbers_through_one_formatter():
    """numbers.number is the one formatter: a number in a message reads as it does in a table."""
    from soctrang_kpi.messages import Num
    from soctrang_kpi.numbers import number, written
    from soctrang_kpi.output.labels import Lang, number as labels_number

    assert labels_number is number
    for value in (417000.0, 5.76, 1.765, -2.5, 1234567.125, -0.0):
        for lang in ("vi", "en"):
            assert Num(value).render(lang) == written(value, lang)
            assert Num(value, 2).render(lang) == number(value, Lang(lang), 2)
    assert Num(-0.0, 2).render("vi") == "0,00"  # never "-0,00", in messages too


def test_every_word_the_program_says_is_in_the_one_catalogue():
    """labels' tables, the --help panels' words and kpi init's comments are sections of CATALOG."""
    from soctrang_kpi import spoken
    from soctrang_kpi.files import init_template
    from soctrang_kpi.messages import section
    from soctrang_kpi.output import labels

    catalogued = {id(texts) for texts in CATALOG.values()}
    for name, table in labels.CATALOGS.items():
        assert all(id(texts) in catalogued for texts in table.values()), name
    for table in (spoken.PANEL_WORDS, init_template.COMMENTS):
        assert all(id(texts) in catalogued for texts in table.values())
    assert id(spoken.USAGE_WORD) in catalogued and section("point")["plan"]["en"] == "roadmap"
