"""The phrases kpi makes of a record from the catalogue's words: a target's ("Giảm 0,5", "Top
15", "Tăng 15%/năm", "Trên 80"), made from its fields where targets.yaml gives no wording of its
own. Shared by output/wording, which prints them, and kpi import (files/import_table), which
knows a wording of kpi's own table read alone for one it made: the logic, once; the words stay
in the catalogue (messages.py).

This module imports only messages.py and numbers.py of the package: every layer may use it.
(It names core's records for type checking only.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .messages import CATALOG
from .numbers import written

if TYPE_CHECKING:  # a target's words read this record (never imported when running)
    from .core.model import Target


def target_words(target: Target, lang: str, annual: bool = False) -> str:
    """A target with a value in the words kpi makes of its fields, when targets.yaml gives none
    of its own (README "A target's wording in English"): "8", "≤ 33", "2–3", "Trên 80", "Khoảng
    215", "Nhóm 15 dẫn đầu"; the growth of a level as the rate it is, "Tăng 10%" (``annual``: over
    the year before) or "Tăng 15%/năm"; a reduction in percent of the year before "Giảm 5%" —
    never a bare number beside the row's unit of amounts or counts."""
    if target.kind.value == "growth" and target.basis.value == "level":
        rate = _target_number(target, lang)
        return CATALOG["growth_form." + ("annual" if annual else "term")][lang].format(value=rate[:1].lower() + rate[1:])
    if target.kind.value == "reduction" and target.drop.value == "percent":  # "Giảm 5%" of a count, never "Giảm 5"
        rate = _target_number(target, lang, bare=True)
        return CATALOG["reduction_form.percent"][lang].format(value=rate[:1].lower() + rate[1:])
    return _target_number(target, lang)


def _target_number(target: Target, lang: str, bare: bool = False) -> str:
    """The target's number with the words its kind writes before it ("Trên 80"); ``bare``: without them."""
    assert target.value is not None
    form = CATALOG.get("form." + target.kind.value)
    if form is not None:
        return form[lang].format(value=written(target.value, lang))
    if target.upper is not None:
        return f"{written(target.value, lang)}–{written(target.upper, lang)}"
    if target.approximate:
        return CATALOG["prefix.approximate"][lang] + written(target.value, lang)
    if bare:
        return written(target.value, lang)
    prefix = CATALOG.get(f"prefix.{target.kind.value}.{target.direction.value}.{'strict' if target.strict else 'plain'}")
    if prefix is None and target.direction.value == "at_most":
        prefix = CATALOG["prefix.at_most"]
    return (prefix[lang] if prefix else "") + written(target.value, lang)
