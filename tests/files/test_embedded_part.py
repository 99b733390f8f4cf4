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
