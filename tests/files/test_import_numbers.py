"""How an office's table writes its numbers (README "Two readings of a number"): each number
text's form, and a table's evidence deciding the numbers that read two ways."""

import pytest

from soctrang_kpi.files import import_numbers
from soctrang_kpi.files.import_numbers import EN, VI, Evidence
from soctrang_kpi.messages import Text


@pytest.mark.parametrize("text, form, vi, en", [
    ("417", "whole", 417, 417),
    ("41.200", "point3", 41200, 41.2),
    ("32,800", "comma3", 32.8, 32800),
    ("-4,690", "comma3", -4.69, -4690),
    ("\u22124,690 %", "comma3", -4.69, -4690),
    ("1.234.567", "vi_grouped", 1234567, 1234567),
    ("1.234,5", "vi_grouped", 1234.5, 1234.5),
    ("5,76", "vi_decimal", 5.76, 5.76),
    ("0,745", "vi_decimal", 0.745, 0.745),  # a whole part of 0: a decimal, whatever the table
    ("1234,567", "vi_decimal", 1234.567, 1234.567),
    ("1,234,567", "en_grouped", 1234567, 1234567),
    ("1,234.5", "en_grouped", 1234.5, 1234.5),
    ("3.5", "en_decimal", 3.5, 3.5),
    ("0.745", "en_decimal", 0.745, 0.745),
    ("12 345", "whole", 12345, 12345),
])
def test_each_form_and_its_readings(text, form, vi, en):
    assert import_numbers.form(text).name == form
    assert (import_numbers.value(text, VI), import_numbers.value(text, EN)) == (vi, en)


@pytest.mark.parametrize("text, writing, plain", [
    ("1.234,50", VI, "1234.50"),  # the decimals as typed: kpi record writes 7,10 as 7.10
    ("-7,10", VI, "-7.10"),
    ("1,234,567", VI, "1234567"),  # one reading: the writing asked for decides nothing
    ("41.200", VI, "41200"),
    ("41.200", EN, "41.200"),
    ("41,200", VI, "41.200"),
    ("417", EN, "417"),
])
def test_a_number_written_for_machines_as_it_is_read(text, writing, plain):
    assert import_numbers.plain(text, writing) == plain
    assert float(plain) == import_numbers.value(text, writing)


@pytest.mark.parametrize("text", ["5,7.6", "1.23.4", "khoảng 5", "", "1,23,456"])
def test_what_is_no_number(text):
    assert import_numbers.form(text) is None
    with pytest.raises(ValueError):
        import_numbers.value(text)


def _table(*texts: str, declared=None, default=VI) -> Evidence:
    evidence = Evidence(declared, default)
    for row, text in enumerate(texts):
        evidence.saw(row, 3, text)
    return evidence


@pytest.mark.parametrize("texts, writing, point3, comma3", [
    (("5,76",), VI, 41200, None),  # "32,800" read its way is three decimals, which no other number has
    (("5,76", "0,745"), VI, 41200, 32.8),  # the table writes three decimals: "32,800" is 32,8
    (("3.5",), EN, None, 32800),  # "8.2" beside "41.200": 41200 as likely meant
    (("3.5", "0.745"), EN, 41.2, 32800),
    ((), VI, 41200, None),  # neither: the Vietnamese way, its three decimals unsure (an English "6,500")
    (("30.150",), VI, 41200, None),  # groups thousands with a point: its "32,800" is unsure
    (("3.5", "12,500"), EN, None, 32800),  # groups them with a comma: its "41.200" is unsure
    (("1,234,567",), EN, None, 32800),
    (("5,76", "3.5"), "mixed", None, None),
])
def test_a_table_decides_what_reads_two_ways(texts, writing, point3, comma3):
    evidence = _table(*texts)
    assert evidence.writing() == writing
    for text, expected in (("41.200", point3), ("32,800", comma3)):
        got = evidence.reading(text, "'x'")
        assert (None if isinstance(got, Text) else got) == expected


def test_a_table_without_default_reads_no_two_way_number_it_does_not_decide():
    """A table of areas: "41.200" with nothing else says nothing of its writing."""
    assert _table(default=None).reading("41.200", "'x'") is None
    assert _table("3.5", "0.745", default=None).reading("41.200", "'x'") == 41.2
    said = _table("3.5", default=None).reading("41.200", "'x'")
    assert isinstance(said, Text) and said.key == "import.three_decimals"


def test_kpis_own_export_declares_its_writing():
    assert _table("5,76", "3.5", declared=EN).reading("32,800", "'x'") == 32800
    grouped = Evidence(EN)
    grouped.formatted(2, 4, 30150.0)  # "#,##0" in an English export groups with a comma
    said = grouped.reading("4.690", "'x'")
    assert isinstance(said, Text) and said.key == "import.two_readings_point" and "'30,150', row 3" in said


@pytest.mark.parametrize("text, writing, decimals", [("7,10", VI, 2), ("417.000", VI, 0), ("417.000", EN, 3), ("1,234.5", VI, 1), ("12*", VI, 0)])
def test_the_decimals_a_number_shows(text, writing, decimals):
    assert import_numbers.decimals(text, writing) == decimals
