"""What the outputs say of where a value comes from, what it replaced and what an indicator is
(README "History of a value", "Indicator metadata"): the facts of `kpi show`, the table of
`kpi show --history`, and the JSON fields beside a value and an indicator."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..core.model import Indicator, Period, PeriodPoint, Point, Version
from ..messages import Text
from .document import Column, Row, Table
from .labels import POINT_STATUS, Lang, word

Json = dict[str, Any]
#: the metadata of an indicator, with the word each is shown under
METADATA = (("code", "meta_code"), ("definition", "meta_definition"), ("agency", "meta_agency"), ("reporting", "meta_reporting"), ("breakdown", "meta_breakdown"))


def day_text(day: date | None, lang: Lang) -> str:
    """15/03/2024 (Vietnamese), 2024-03-15 (English); "-" when the file does not say."""
    if day is None:
        return "-"
    return day.isoformat() if lang is Lang.EN else day.strftime("%d/%m/%Y")


def reporting_text(reporting: tuple[str, ...], lang: Lang) -> str:
    return ", ".join(Text(f"reporting.{r}").render(lang.value) for r in reporting)


def metadata_facts(indicator: Indicator, lang: Lang) -> list[tuple[str, str]]:
    """The lines `kpi show` adds for what the indicator list says of it (none when it says nothing)."""
    found = []
    for key, label in METADATA:
        value = getattr(indicator, key)
        if value:
            found.append((word(label, lang), reporting_text(value, lang) if key == "reporting" else value))
    return found


def about_line(indicator: Indicator, lang: Lang) -> str:
    """The metadata in one line, for a chart's caption: "Mã số: 0501 · Cơ quan chịu trách nhiệm:
    Cục Thống kê · Kỳ báo cáo: quý, năm" (the definition and breakdown, long, stay in `kpi show`)."""
    short = {"code", "agency", "reporting"}
    return " · ".join(f"{label}: {text}" for (key, _w), (label, text) in zip(
        [(k, w) for k, w in METADATA if getattr(indicator, k)], metadata_facts(indicator, lang)) if key in short)


def metadata_json(indicator: Indicator) -> Json:
    """``code``, ``definition``, ``agency``, ``breakdown`` (null when not given) and ``reporting``
    (a list, empty when not given)."""
    return {
        "code": indicator.code or None,
        "definition": indicator.definition or None,
        "agency": indicator.agency or None,
        "reporting": list(indicator.reporting),
        "breakdown": indicator.breakdown or None,
    }


def version_json(version: Version) -> Json:
    return {
        "value": version.value, "status": version.status.value, "recorded": None if version.recorded is None else version.recorded.isoformat(),
        "source": version.source or None, "note": version.note or None,
    }


def value_json(point: Point | PeriodPoint, earlier: tuple[Version, ...] = ()) -> Json:
    """Beside a value in JSON: ``source`` and ``recorded`` when the file gives them, and
    ``history``, the values it replaced (oldest first), when it replaced any."""
    data: Json = {}
    if point.source:
        data["source"] = point.source
    if point.recorded is not None:
        data["recorded"] = point.recorded.isoformat()
    if earlier:
        data["history"] = [version_json(v) for v in earlier]
    return data


def when_text(when: int | Period, lang: Lang) -> str:
    """2026, 2026-06, 2026-Q2, "2026-06 lũy kế" (short: the table's first column)."""
    if isinstance(when, int):
        return str(when)
    return word("ytd_key", lang, month=when.key) if when.ytd else when.key


def history_table(
    series: tuple[Point, ...], periods: tuple[PeriodPoint, ...], history: dict[Any, tuple[Version, ...]], lang: Lang, decimals: int | None = None
) -> Table:
    """Every version of every value of an indicator, oldest first within each year or period:
    value, status, the day recorded, source and note, and whether it is the current one."""
    from ..core.history import provenance, versions  # only `kpi show --history` lists versions

    rows = []
    keyed: list[tuple[int | Period, Point | PeriodPoint]] = [(p.year, p) for p in series] + [(q.period, q) for q in periods]
    for when, point in keyed:
        found = versions(point, history.get(when, ()))
        for i, version in enumerate(found):
            current = i == len(found) - 1
            rows.append(Row((
                when_text(when, lang) if i == 0 else "",
                version.value,
                POINT_STATUS[version.status.value][lang.value],
                day_text(version.recorded, lang),
                word("version_current" if current else "version_earlier", lang),
                provenance(version),
            ), decimals=decimals))
    return Table(
        word("history_title", lang),
        (
            Column(word("period_col_history", lang)),
            Column(word("value", lang), numeric=True),
            Column(word("status", lang)),
            Column(word("recorded", lang)),
            Column(word("version", lang)),
            Column(word("value_note", lang), wrap=True),
        ),
        tuple(rows),
        role="history",
    )
