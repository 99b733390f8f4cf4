"""Whether a damaged or odd part of a file held kpi's own data (files/embedded_part.py; README
"kpi's own exports come back exactly"): kpi's head cut anywhere is kpi's, another's is not."""

import pytest

from soctrang_kpi import embedded
from soctrang_kpi.files.embedded_part import kpis_text, ours

HEAD = embedded.XML_HEAD.encode()


@pytest.mark.parametrize("kept", [1, 5, 10, 40, 60, 70, len(HEAD) - 1, len(HEAD)])
def test_kpis_xml_head_cut_anywhere_is_kpis(kept):
    assert ours(HEAD[:kept])
    assert ours(HEAD + b'{"format":"soctrang-kpi-export","version":1,"tar')


@pytest.mark.parametrize("blob", [b"", b"<?xml version='1.0'?><b:Sources xmlns:b=\"http://schemas.openxmlformats.org/officeDocument/2006/bibliography\"", b"\x00\x01garbage"])
def test_a_part_that_does_not_show_it_is_kpis_is_not(blob):
    assert not ours(blob)


@pytest.mark.parametrize("text, kpis", [
    ("", True), ('{"form', True), ('{"format":"soctrang-kpi-export","version":1,"targ', True),
    ('{"version":1,"format":"soctrang-kpi-export",', True),  # names kpi's format near its start
    ("hello", False), ('{"a":1}', False), ('{"format":"other"}', False),
])
def test_text_in_kpis_place_is_kpis_when_it_begins_as_kpis_does(text, kpis):
    assert kpis_text(text) is kpis


def test_the_data_carries_a_digest_of_itself_and_an_edit_no_longer_matches_it():
    """``signed`` adds the digest as the data's last key, the pieces passed on as they come;
    ``checked`` is True for the data as written, False once a character of it is changed, None
    for data without a digest (an export made before it)."""
    import json

    from soctrang_kpi.files.embedded_part import checked, signed

    pieces = ['{"format":"soctrang-kpi-export"', ',"version":1,"actuals":{"series":{"x":{"actual":{"2024":1.5}}}}', "}"]
    text = "".join(signed(iter(pieces)))
    assert text.startswith("".join(pieces)[:-1]) and json.loads(text)["version"] == 1
    assert checked(text) is True
    assert checked(text.replace("1.5", "1.6")) is False
    assert checked(text.replace('"version":1', '"version":1 ')) is False
    assert checked("".join(pieces)) is None


@pytest.mark.parametrize("row, vi, en", [
    ({"printed": "Trên 80", "value": 80}, "'Trên 80'", "'Trên 80'"),
    ({"range": [10, 10.5]}, "10–10,5", "10–10.5"),
    ({"value": 417000}, "417.000", "417,000"),
    ({}, "-", "-"),
])
def test_a_changed_target_is_said_as_printed_else_as_its_number_or_range(row, vi, en):
    """What import_edits says a target was (in the data) or is (read from the table)."""
    from soctrang_kpi.files import import_edits
    from soctrang_kpi.messages import Text

    shown = Text("import.edited_target", read=import_edits._target(row), data="x")
    assert f"đọc {vi} từ bảng" in shown.render("vi") and f": {en} read from the table" in shown.render("en")
