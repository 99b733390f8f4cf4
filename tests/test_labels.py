"""Every word the output shows exists in Vietnamese and English, with the same blanks to fill."""

import string

import pytest

from soctrang_kpi.output.labels import CATALOGS


def _blanks(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


ENTRIES = [(catalog, key, texts) for catalog, table in CATALOGS.items() for key, texts in table.items()]


@pytest.mark.parametrize("catalog, key, texts", ENTRIES, ids=[f"{c}-{k}" for c, k, _ in ENTRIES])
def test_each_label_has_both_languages(catalog, key, texts):
    assert set(texts) == {"vi", "en"}
    # a few entries are empty on purpose (NOTES[""], a suffix the plain case goes without): then both
    assert bool(texts["vi"].strip()) == bool(texts["en"].strip())
    assert _blanks(texts["vi"]) == _blanks(texts["en"])
