"""What the commands show of the territory (README "Territory"): an indicator across the areas
(`kpi status --by-area`), the parts of a merged or aggregated indicator (`kpi show`), and the
count of areas that achieved their target ("3/5 xã, phường đạt")."""

from __future__ import annotations

from ..core.areas import AreaResult, MissingParts, met
from ..core.model import Area, Point, is_annual
from ..core.results import PlanResult
from .document import Column, Document, Row, Table
from .fields import Ctx, target_cell
from .labels import FIELD_NAMES, Lang, result_label, word
from .wording import name_of


def _area_name(area: Area, lang: Lang) -> str:
    return area.name_en if lang is Lang.EN and area.name_en else area.name


def met_line(indicator: str, results: tuple[AreaResult, ...], lang: Lang) -> str:
    return word("areas_met_of", lang, indicator=indicator, met=met(results), total=len(results))


def by_area_document(overall: PlanResult, indicator: str, results: tuple[AreaResult, ...], lang: Lang) -> Document:
    """One indicator across the areas that have a target for it, best first, with each verdict."""
    precision = overall.plan.settings.precision
    whole = next(r for r in overall.results if r.id == indicator)
    plan_name = overall.plan.name_en if lang is Lang.EN and overall.plan.name_en else overall.plan.name
    title = word("by_area_title", lang, indicator=name_of(whole, lang), plan=plan_name, year=overall.as_of)
    # an annual plan's table says the year's plan and % of it ("KH năm 2026", "% KH"), never the
    # resolution's words, and each area's target as its plan's table prints it ("Giảm 1")
    annual = is_annual(overall.plan)
    ctx = Ctx(overall, lang)
    rows = tuple(
        Row(
            (
                str(r.rank), _area_name(r.area, lang), r.area.id, target_cell(r.result, ctx) if annual else r.result.row.target.value,
                None if r.result.latest is None else r.result.latest.value,
                r.result.figures.attainment_pct, r.result.figures.forecast.pct, result_label(r.result, lang, precision),
            ),
            status=r.result.status,
        )
        for r in results
    )
    columns = (
        Column(word("rank", lang), key="no"),
        Column(word("area", lang), wrap=True, key="name"),
        Column("ID", drop=2, key="area"),
        Column(word("annual_target", lang, year=overall.plan.target_year) if annual else word("target", lang), numeric=True, as_written=True, key="target"),
        Column(word("latest", lang), numeric=True, as_written=True, key="latest"),
        Column(word("annual_pct" if annual else "attainment", lang), numeric=True, decimals=precision, suffix="%", drop=1, key="attainment"),
        Column(FIELD_NAMES["forecast_pct"][lang.value], numeric=True, decimals=precision, suffix="%", key="forecast_pct"),
        Column(word("assessment", lang), key="assessment"),
    )
    footer = word("areas_met", lang, met=met(results), total=len(results))
    table = Table(title, columns, rows, footer=footer, role="by_area")

    def payload() -> dict:
        from .payloads import json_number, header

        return {
            **header("status", overall),
            "lang": lang.value,
            "by_area": indicator,
            "areas": [
                {
                    "rank": r.rank, "area": r.area.id, "name": r.area.name, "target": r.result.row.target.value,
                    "latest": None if r.result.latest is None else {"year": r.result.latest.year, "value": r.result.latest.value, "status": r.result.latest.status.value},
                    "attainment_pct": json_number(r.result.figures.attainment_pct), "forecast_pct": json_number(r.result.figures.forecast.pct),
                    "status": r.result.status.value, "assessment": result_label(r.result, lang, precision),
                }
                for r in results
            ],
            "met": met(results),
            "total": len(results),
        }

    if not results:  # one line, not an empty table: no area has a target for it
        none = word("by_area_none", lang, indicator=name_of(whole, lang), plan=plan_name)
        # a sentence, not a message a tool reads: wrapped on a terminal narrower than it
        return Document(lang, payload, (), title=title, lines=(none,), drawn=lambda width: (none,))
    return Document(lang, payload, (table,), title=title)


def parts_table(parts: tuple[tuple[Area, tuple[Point, ...]], ...], lang: Lang, decimals: int | None = None) -> Table | None:
    """An indicator's parts, one row an area, one column a year: the figures its value is made of."""
    shown = [(area, points) for area, points in parts if points]
    if not shown:
        return None
    years = sorted({p.year for _area, points in shown for p in points})
    columns = (Column(word("area", lang), wrap=True, key="name"),) + tuple(
        Column(str(y), numeric=True, decimals=decimals if decimals is not None else 2, key=f"y{y}") for y in years
    )
    rows = []
    for area, points in shown:
        by_year = {p.year: p for p in points}
        cells = (_area_name(area, lang),) + tuple(by_year[y].value if y in by_year else None for y in years)
        marks = frozenset(i + 1 for i, y in enumerate(years) if y in by_year and by_year[y].status.value != "actual")
        rows.append(Row(cells, marks=marks))
    return Table(word("parts_title", lang), columns, tuple(rows), role="parts")


def missing_parts_json(missing: object) -> dict:
    """JSON ``missing_parts`` of a row whose area's value is not made because parts lack one
    (its reason's detail, ``MissingParts``)."""
    assert isinstance(missing, MissingParts)
    return {"year": missing.year, "areas": [{"area": a.id, "name": a.name} for a in missing.areas]}


def parts_json(parts: tuple[tuple[Area, tuple[Point, ...]], ...]) -> list[dict]:
    from .payloads import json_number  # a part's value may be made from its own parts: 6 decimals

    return [
        {"area": area.id, "name": area.name, "values": [{"year": p.year, "value": json_number(p.value), "status": p.status.value, "note": p.note} for p in points]}
        for area, points in parts
    ]


def _with_areas_targets(dataset, pr: PlanResult) -> tuple:
    """The plan's rows that set areas' targets, in the territory's view only (none else)."""
    from ..core.areas import root

    if not dataset.areas or pr.plan.area != root(dataset.areas):
        return ()
    return tuple(row for row in pr.plan.rows if row.areas)


def with_area_counts(doc: Document, dataset, pr: PlanResult, lang: Lang) -> Document:
    """A summary with, under it, for each indicator the plan sets areas' targets for, how many
    areas achieved theirs ("Tỷ lệ đô thị hóa: 3/5 xã, phường đạt"); the territory's view only."""
    from ..core.areas import across_areas

    lines, counts = [], []
    for row in _with_areas_targets(dataset, pr):
        overall, results, _said = across_areas(dataset, row.indicator, pr.plan.id, pr.as_of)  # `kpi summary` says it
        whole = next(r for r in overall.results if r.id == row.indicator)
        lines.append(met_line(name_of(whole, lang), results, lang))
        counts.append({"indicator": row.indicator, "met": met(results), "total": len(results)})
    if not lines:
        return doc
    old = doc.payload
    return doc._replace(lines=doc.lines + tuple(lines), payload=lambda: old() | {"areas_met": counts})


def with_areas_yearly(doc: Document, dataset, pr: PlanResult, period, lang: Lang) -> Document:
    """A monthly summary (an annual plan within its year) with, under it, for each indicator the
    plan sets areas' targets for, that the areas are rated on their yearly values and so not as
    of the month ("Tỷ lệ đô thị hóa: xã, phường đánh giá theo số liệu năm, …"): an area has no
    months or quarters, and no yearly verdict is given before the year is over (README
    "Territory"); JSON ``areas_yearly``, their ids."""
    rows = _with_areas_targets(dataset, pr)
    if not rows:
        return doc
    by_id = {r.id: r for r in pr.results}
    lines = tuple(word("areas_yearly_of", lang, indicator=name_of(by_id[row.indicator], lang), year=period.year) for row in rows)
    old = doc.payload
    return doc._replace(lines=doc.lines + lines, payload=lambda: old() | {"areas_yearly": [row.indicator for row in rows]})


def with_parts(doc: Document, dataset, area: str, result, lang: Lang) -> Document:
    """`kpi show` of an indicator whose area has parts: a table of the parts' values, and
    ``parts`` in its JSON."""
    from ..core.areas import observed_parts

    parts = observed_parts(dataset, area, result.id, of_view=True)
    table = parts_table(parts, lang, result.indicator.precision)
    if table is None:
        return doc
    old = doc.payload
    return doc._replace(tables=doc.tables + (table,), payload=lambda: old() | {"parts": parts_json(parts)})


def scorecard_document(overall: PlanResult, columns: tuple[str, ...], lines: tuple, lang: Lang) -> Document:
    """Areas × indicators, each cell the area's verdict against its own target, coloured by it
    (`kpi status --scorecard`, `kpi export --scorecard`)."""
    from ..core.areas import AreaResult

    precision = overall.plan.settings.precision
    by_id = {r.id: r for r in overall.results}
    plan_name = overall.plan.name_en if lang is Lang.EN and overall.plan.name_en else overall.plan.name
    title = word("scorecard_title", lang, plan=plan_name, year=overall.as_of)
    heads = tuple(Column(f"{by_id[i].row.no}. {name_of(by_id[i], lang)}", key=f"ind-{i}") for i in columns)
    table_rows = tuple(
        Row(
            (_area_name(line.area, lang),) + tuple("" if r is None else result_label(r, lang, precision) for r in line.results),
            tones=(None,) + tuple(None if r is None else r.status for r in line.results),
        )
        for line in lines
    )
    counts, met_counts = [], []
    for n, ident in enumerate(columns):
        parts = tuple(AreaResult(line.area, line.results[n], 0) for line in lines[1:] if line.results[n] is not None)
        counts.append(met_line(name_of(by_id[ident], lang), parts, lang))
        met_counts.append({"indicator": ident, "met": met(parts), "total": len(parts)})  # the same counts in JSON
    # the counts under the table, in every format (the workbook's sheet too)
    table = Table(title, (Column(word("area", lang), wrap=True, key="name"),) + heads, table_rows, footer="; ".join(counts), role="scorecard")

    def payload() -> dict:
        from .payloads import json_number, header

        return {
            **header("status", overall),
            "lang": lang.value,
            "scorecard": {
                "indicators": list(columns),
                "areas": [
                    {
                        "area": line.area.id, "name": line.area.name,
                        "cells": [
                            None if r is None else {
                                "indicator": r.id, "status": r.status.value, "label": result_label(r, lang, precision),
                                "target": r.row.target.value, "forecast_pct": json_number(r.figures.forecast.pct),
                            }
                            for r in line.results
                        ],
                    }
                    for line in lines
                ],
                "areas_met": met_counts,
            },
        }

    return Document(lang, payload, (table,), title=title)
