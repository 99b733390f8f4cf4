"""The JSON Schema (draft 2020-12) of every `--json` output, written from the definitions below.

    python docs/schemas.py           # write soctrang_kpi/schemas/*.schema.json and docs/schemas/
    python docs/schemas.py --check   # exit 1 if a file is stale (the test suite runs this)
    python docs/schemas.py --record  # record the fields' fingerprint (tests/output/schema_fields.json)

The definitions are the one home of the fields' meanings; README "JSON output" says the same in
tables. The files in the package (``soctrang_kpi.api.schema(name)``) and in docs/schemas/ are the
same bytes. Every object allows fields it does not list: adding a field is not a change of
meaning, so an older schema still validates a newer output of the same ``schema_version``.

The fingerprint is each field's path, type and meaning (a hash of its description). Adding a
field records it (``--record``); changing or removing one is refused until ``schema_version``
(``SCHEMA_VERSION`` in soctrang_kpi/output/payloads.py, or ``embedded.VERSION`` for the export's
data) has moved, and documented in README "JSON output". tests/output/test_schemas.py fails on a
fingerprint that does not match. A description reworded without changing what the field means
is the one exception: its new hash is written into schema_fields.json by hand, in a commit that
says so.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soctrang_kpi import embedded  # noqa: E402
from soctrang_kpi.core.classify import Status  # noqa: E402
from soctrang_kpi.core.model import PointStatus  # noqa: E402
from soctrang_kpi.core.periods import EstimateSource, Verdict  # noqa: E402
from soctrang_kpi.output.labels import MONTH_REASONS  # noqa: E402
from soctrang_kpi.output.payloads import SCHEMA_VERSION  # noqa: E402

PACKAGE_DIR = ROOT / "soctrang_kpi" / "schemas"
DOCS_DIR = ROOT / "docs" / "schemas"
RECORD = ROOT / "tests" / "output" / "schema_fields.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

Schema = dict[str, Any]

# --- the vocabulary ----------------------------------------------------------------------------

STRING, INTEGER, NUMBER, BOOLEAN, NULL = "string", "integer", "number", "boolean", "null"


def value(types: str | list[str], meaning: str, **extra: Any) -> Schema:
    """A field of one type (or a list of types, ``null`` among them when it may be absent)."""
    return {"type": types, "description": meaning, **extra}


def maybe(types: str | list[str], meaning: str, **extra: Any) -> Schema:
    """A field that is ``null`` where it does not apply."""
    listed = [types] if isinstance(types, str) else list(types)
    if "enum" in extra:
        extra["enum"] = [*extra["enum"], None]
    return value([*listed, NULL], meaning, **extra)


def obj(meaning: str, fields: dict[str, Schema], optional: tuple[str, ...] = (), nullable: bool = False) -> Schema:
    """An object whose ``fields`` are all present except the ``optional`` ones; more are allowed."""
    return {
        "type": ["object", NULL] if nullable else "object",
        "description": meaning,
        "properties": fields,
        "required": [name for name in fields if name not in optional],
    }


def array(meaning: str, items: Schema) -> Schema:
    return {"type": "array", "description": meaning, "items": items}


def ref(name: str, meaning: str, nullable: bool = False) -> Schema:
    """One of the schema's ``$defs``; ``nullable``: or null."""
    target = {"$ref": f"#/$defs/{name}"}
    if nullable:
        return {"description": meaning, "anyOf": [target, {"type": NULL}]}
    return {"description": meaning, **target}


def codes(enum: Any) -> list[str]:
    return [member.value for member in enum]


STATUS = codes(Status)
POINT_STATUS = codes(PointStatus)

# --- the parts ---------------------------------------------------------------------------------

PLAN = obj("the plan the figures are of", {
    "id": value(STRING, "the plan's id in targets.yaml"),
    "name": value(STRING, "the plan's name as printed (Vietnamese)"),
    "name_en": value(STRING, "the plan's English name (\"\" when the data gives none)"),
    "base_year": value(INTEGER, "the plan's base year (the baseline)"),
    "target_year": value(INTEGER, "the year the plan's targets are for"),
})


def header(command: str) -> dict[str, Schema]:
    """What every command's JSON starts with."""
    return {
        "schema_version": value(INTEGER, "the version of this layout: it moves when a field changes meaning or disappears", const=SCHEMA_VERSION),
        "command": value(STRING, "the command that printed it", const=command),
    }


def plan_header(command: str) -> dict[str, Schema]:
    return {
        **header(command),
        "plan": ref("plan", "the plan the figures are of"),
        "as_of": value(INTEGER, "the year the figures are computed for"),
    }


POINT = obj("a yearly value", {
    "year": value(INTEGER, "the year"),
    "value": value(NUMBER, "the value, in the indicator's unit"),
    "status": value(STRING, "actual, preliminary (sơ bộ), estimate (ước) or plan (kế hoạch)", enum=POINT_STATUS),
    "note": value(STRING, "where the value comes from, as actuals.yaml notes it (only when it has one)"),
}, optional=("note",))

FINDING_FIELDS: dict[str, Schema] = {
    "field": value(STRING, "the published figure: avg_growth, midterm_pct, forecast, forecast_pct, assessment, summary.*, or 'sum YEAR'"),
    "source": value(STRING, "where the report printed it: table (the appendix), text (the body), summary, or data (a check of the data itself)"),
    "published": maybe([NUMBER, STRING], "the figure as published (an assessment as printed); null for a check of the data itself, which no report published"),
    "computed": maybe([NUMBER, STRING], "the computed figure (an assessment as its label); null when the inputs give none"),
    "computed_status": maybe(STRING, "for an assessment, the computed status code; else null", enum=STATUS),
    "note": maybe(STRING, "the recognised pattern explaining the difference (latest_year_alone, above_100, components_short, trend_forecast, …)"),
    "note_text": maybe(STRING, "the note in words, in the output's language"),
}
FINDING = obj("an audit finding: a published figure that the inputs do not reproduce", FINDING_FIELDS)

VERDICT = obj("a verdict of the row", {
    "status": value(STRING, "exceeded, achieved, at_risk, missed or no_data", enum=STATUS),
    "excess_pct": maybe(NUMBER, "X of 'Vượt X%'"),
    "label": value(STRING, "the assessment as printed, in the output's language"),
}, nullable=True)

COMPARE = obj("each indicator's verdict as of an earlier year beside the current one (status --compare YEAR)", {
    "as_of": value(INTEGER, "the earlier year"),
    "indicators": array("per row, in table order", obj("a row compared", {
        "id": value(STRING, "the indicator's stable id"),
        "no": value(STRING, "the row number as printed"),
        "before": {**VERDICT, "description": "the verdict as of the earlier year; null for a row not in the earlier table"},
        "after": {**VERDICT, "description": "the verdict now"},
        "changed": value(BOOLEAN, "the verdict changed class"),
        "direction": value(STRING, "better, worse, same, new, data_in (from no_data) or data_out (to no_data)"),
        "direction_text": maybe(STRING, "the direction in words; null when the same"),
    })),
    "changed": array("the ids whose verdict changed class", value(STRING, "an indicator's id")),
}, nullable=True)

READING = obj("a value and its status", {
    "value": maybe(NUMBER, "the value"),
    "status": value(STRING, "actual, preliminary, estimate or plan", enum=POINT_STATUS),
}, nullable=True)

ANNUAL = obj("an annual plan's own figures for the row", {
    "previous": ref("reading", "the base year's value", nullable=True),
    "current": ref("reading", "the plan's year's value", nullable=True),
    "change_pct": maybe(NUMBER, "the change on the year before, in percent (so cùng kỳ)"),
}, nullable=True)

INDICATOR_FIELDS: dict[str, Schema] = {
    "id": value(STRING, "the indicator's stable id"),
    "no": value(STRING, "the row number as printed (\"7.1\")"),
    "name": value(STRING, "the Vietnamese name"),
    "name_en": value(STRING, "the English name"),
    "unit": value(STRING, "the unit as printed"),
    "unit_en": value(STRING, "the English unit (\"\" when the data gives none)"),
    "parent": maybe(STRING, "the heading's id for a sub-row"),
    "group": maybe(STRING, "the indicator's group (economy, society, … or the plan's own label)"),
    "kind": value(STRING, "the kind of target (level, growth, average, threshold, …; README 'Kinds of target')"),
    "direction": maybe(STRING, "at_least or at_most; null for a heading"),
    "target": maybe(NUMBER, "the target, or a range's lower bound"),
    "target_printed": maybe(STRING, "the target as the resolution printed it, shown in its place; null when not given"),
    "target_printed_en": maybe(STRING, "the office's English wording of the target (printed_en), shown in its place in English; null when not given"),
    "target_note": maybe(STRING, "the office's note on the plan's row (note, the appendix's 'Ghi chú' column), as written; null when not given"),
    "basis": maybe(STRING, "a growth target's values: rate or level; null for other kinds"),
    "of": maybe(STRING, "a share_of target: the indicator its values are a share of"),
    "target_upper": maybe(NUMBER, "a range's (or a band's) upper bound"),
    "strict": value(BOOLEAN, "'trên'/'dưới': reaching the bound is not enough"),
    "approximate": value(BOOLEAN, "'khoảng'/'xấp xỉ': within the plan's approximate_tolerance is achieved"),
    "baseline": obj("the base year's value", {
        "year": value(INTEGER, "the year"),
        "value": value(NUMBER, "the value"),
        "fallback": value(BOOLEAN, "the base year has no value and the earliest observed year stands in"),
    }, nullable=True),
    "latest": ref("point", "the latest value the plan sees as of its year", nullable=True),
    "avg_growth_pct": maybe(NUMBER, "the average growth over the term so far (the geometric mean of the chain indices)"),
    "cagr_pct": maybe(NUMBER, "the CAGR from the baseline to the latest value (levels)"),
    "required_growth_pct": maybe(NUMBER, "the yearly growth needed to reach the target"),
    "attainment_pct": maybe(NUMBER, "the percentage of the target reached now"),
    "progress_pct": maybe(NUMBER, "the percentage of the way from the baseline to the target"),
    "total": maybe(NUMBER, "cumulative and whole-term reduction targets: the total so far"),
    "forecast": obj("the forecast for the target year", {
        "value": maybe(NUMBER, "the forecast value"),
        "pct": maybe(NUMBER, "the forecast as a percentage of the target"),
        "source": maybe(STRING, "where it comes from: actual, plan, rebased, published or trend"),
        "bounded": value(BOOLEAN, "the computed value was held within what the indicator can be"),
        "unbounded": maybe(NUMBER, "the value before it was held within the bounds, else null"),
    }),
    "roadmap_gap": obj("the latest value against the roadmap's path, when it falls behind", {
        "year": value(INTEGER, "the latest value's year"),
        "planned": maybe(NUMBER, "the roadmap's path at that year"),
        "observed": value(NUMBER, "the latest value"),
        "gap_pct": maybe(NUMBER, "(observed − planned) / |planned|, in percent"),
        "required_growth_pct": maybe(NUMBER, "the yearly growth now needed to reach the target"),
    }, nullable=True),
    "pace": obj("the observed against the required yearly growth (README 'Pace')", {
        "band": value(STRING, "on_track, accelerate, too_slow or backwards"),
        "ratio": maybe(NUMBER, "observed ÷ required growth; null when the band follows from basis alone"),
        "basis": value(STRING, "ratio, target_met or behind_from_start"),
        "label": value(STRING, "the band in words"),
    }, nullable=True),
    "status": value(STRING, "exceeded, achieved, at_risk, missed or no_data", enum=STATUS),
    "excess_pct": maybe(NUMBER, "X of 'Vượt X%'"),
    "label": value(STRING, "the assessment as printed (Vượt 0,40%, Đạt, Khó đạt, a plan's own class, Không đánh giá)"),
    "class": maybe(STRING, "the plan's class between Đạt and Khó đạt the row falls in (settings.classes)"),
    "reason": obj("why the row has its status", {
        "code": value(STRING, "the reason as a machine code"),
        "text": value(STRING, "the reason in one phrase, in the output's language"),
    }),
    "audit": array("the audit findings of this indicator", ref("finding", "a finding")),
    "missing_parts": obj("a row without data whose area's value of the as-of year is not made because parts lack one (reason parts_missing; README 'Values made from the parts')", {
        "year": value(INTEGER, "the year the parts lack a value of"),
        "areas": array("the parts without a value the rule needs", obj("a part", {
            "area": value(STRING, "the part's id"),
            "name": value(STRING, "the part's name"),
        })),
    }, nullable=True),
}

#: the indicator object's fields added within schema_version 3, optional as `areas_met` is: an
#: output of schema 3 saved before them still validates against the schema shipped now
INDICATOR_OPTIONAL = ("target_note",)

PERIOD = obj("a month or a quarter", {
    "key": value(STRING, "2026-06 (a month) or 2026-Q2 (a quarter)"),
    "year": value(INTEGER, "its year"),
    "first_month": value(INTEGER, "its first month (1 for a lũy kế)"),
    "last_month": value(INTEGER, "its last month"),
    "quarter": value(BOOLEAN, "a quarter"),
    "ytd": value(BOOLEAN, "a lũy kế from January"),
})

MONTH_ROW_FIELDS: dict[str, Schema] = {
    "id": value(STRING, "the indicator's stable id"),
    "no": value(STRING, "the row number as printed"),
    "name": value(STRING, "the Vietnamese name"),
    "unit": value(STRING, "the unit as printed"),
    "within_year": maybe(STRING, "what its values mean within the year: flow, level or rate"),
    "plan": maybe(NUMBER, "the year's plan: an amount, or a rate"),
    "plan_upper": maybe(NUMBER, "the year's plan's upper bound"),
    "period_value": ref("reading", "the month's or the quarter's own value", nullable=True),
    "to_date": ref("reading", "the lũy kế, the value at the end or the rate so far", nullable=True),
    "plan_pct": maybe(NUMBER, "% of the year's plan (% KH năm)"),
    "same_period": maybe(NUMBER, "last year's to the same month"),
    "change_pct": maybe(NUMBER, "the change on the same period last year, in percent (so cùng kỳ)"),
    "elapsed_pct": maybe(NUMBER, "the share of the year elapsed, in percent"),
    "seasonal_pct": maybe(NUMBER, "last year's share of its year by that month, in percent"),
    "estimate": obj("the estimate of the whole year", {
        "value": maybe(NUMBER, "the estimate"),
        "source": value(STRING, "entered (an 'ước cả năm') or seasonal", enum=codes(EstimateSource)),
        "pct": maybe(NUMBER, "the estimate as a percentage of the plan"),
    }, nullable=True),
    "verdict": value(STRING, "on_course, behind, achieved, missed or no_data", enum=codes(Verdict)),
    "final": value(BOOLEAN, "December: the verdict is final"),
    "label": value(STRING, "the verdict in words"),
    # the codes are the message catalogue's "month_reason" entries (README "status (monthly report)"):
    # unknown_meaning, no_values, no_target, no_last_december, share_not_known, by_parts, not_rated; the descriptions are the fingerprint
    # of schema 2, unchanged
    "reason": obj("why there is no verdict", {
        "code": value(STRING, "the reason as a machine code", enum=list(MONTH_REASONS)),
        "text": value(STRING, "the reason in words"),
    }, nullable=True),
    "target_note": maybe(STRING, "the office's note on the plan's row (note, the report's 'Ghi chú' column), as written; null when not given"),
}
#: the monthly report's row fields added within schema_version 3: an output saved before them still validates
MONTH_ROW_OPTIONAL = ("target_note",)

SUMMARY = obj("the counts per status of the top-level rows", {
    "total": value(INTEGER, "the top-level rows"),
    **{status: value(INTEGER, f"the top-level rows {status}") for status in STATUS},
    "not_rated": value(INTEGER, "of the no_data rows, those listed without a target that have values: shown and counted 'Không đánh giá'"),
    "classes": array("the plan's classes between Đạt and Khó đạt", obj("a class", {
        "name": value(STRING, "its name as the report prints it"),
        "name_en": value(STRING, "its English name"),
        "at_least": value(NUMBER, "the forecast percentage from which it applies"),
        "count": value(INTEGER, "the at-risk or missed rows in it"),
    })),
})

COUNT_NAMES = ("total", "exceeded", "achieved", "not_achieved", "achieved_or_exceeded")


def counts(meaning: str, with_groups: bool) -> Schema:
    fields = {name: maybe(INTEGER, f"the count '{name}' as the report printed it; null when it printed none") for name in COUNT_NAMES}
    if with_groups:
        fields["groups"] = {"type": "object", "description": "the same counts per group", "additionalProperties": counts("a group's counts", False)}
    return obj(meaning, fields, nullable=with_groups)


DEFS: dict[str, Schema] = {"plan": PLAN, "point": POINT, "finding": FINDING, "reading": READING, "period": PERIOD}

# --- the outputs -------------------------------------------------------------------------------

YEARLY = obj("kpi status --json: the plan's table", {
    **plan_header("status"),
    "lang": value(STRING, "vi or en: the language of label, reason.text and note_text", enum=["vi", "en"]),
    "indicators": array("the indicator objects, in table order", {**obj("an indicator", {**INDICATOR_FIELDS, "annual": ANNUAL}, optional=("annual", *INDICATOR_OPTIONAL)),
                                                                  "description": "an indicator; an annual plan's has annual"}),
    "summary": SUMMARY,
    "audit": array("the plan-level findings (the published counts)", ref("finding", "a finding")),
    "audited_as_of": value(INTEGER, "the year whose figures the published ones are compared with (README 'Dated audits')"),
    "compare": COMPARE,
})

def month_head(command: str) -> dict[str, Schema]:
    """What an annual plan's monthly report starts with (README "Within the year")."""
    return {
        **plan_header(command),
        "report": value(STRING, "month", const="month"),
        "lang": value(STRING, "vi or en: the language of label and reason.text", enum=["vi", "en"]),
        "period": ref("period", "the month or the quarter reported"),
    }


VERDICT_COUNTS = {**obj("the counts per verdict", {"total": value(INTEGER, "the rows")}),
                  "additionalProperties": value(INTEGER, "the rows with that verdict")}

MONTH = obj("kpi status --json of an annual plan within its year: the monthly report", {
    **month_head("status"),
    "indicators": array("per row with a target, in table order", obj("a row of the monthly report", MONTH_ROW_FIELDS, optional=MONTH_ROW_OPTIONAL)),
    "summary": VERDICT_COUNTS,
})


def table_or_month(table: Schema, month: Schema) -> tuple[Schema, dict[str, Schema]]:
    """An output with two shapes: the monthly report's when ``report`` is ``month``."""
    return {
        "if": {"properties": {"report": {"const": "month"}}, "required": ["report"]},
        "then": {"$ref": "#/$defs/month_report"},
        "else": {"$ref": "#/$defs/table"},
    }, {"table": table, "month_report": month}


TERRITORY_HEAD = {
    **plan_header("status"),
    "area": value(STRING, "the territory's area id (README 'Territory')"),
    "lang": value(STRING, "vi or en: the language of assessment and label", enum=["vi", "en"]),
}

BY_AREA = obj("kpi status --by-area ID --json: one indicator across the areas the plan sets a target for", {
    **TERRITORY_HEAD,
    "by_area": value(STRING, "the indicator's id"),
    "areas": array("the areas with a target for it, best first (empty: no area has one)", obj("an area's result", {
        "rank": value(INTEGER, "1 = the best forecast's percentage of its own target; areas without one last"),
        "area": value(STRING, "the area's id"),
        "name": value(STRING, "the area's name"),
        "target": maybe(NUMBER, "the area's own target"),
        "latest": obj("the area's latest value", {
            "year": value(INTEGER, "its year"),
            "value": value(NUMBER, "the value"),
            "status": value(STRING, "actual, preliminary, estimate or plan", enum=POINT_STATUS),
        }, nullable=True),
        "attainment_pct": maybe(NUMBER, "the latest value as a percentage of the area's target (direction-aware), 6 decimals"),
        "forecast_pct": maybe(NUMBER, "the forecast as a percentage of the area's target (direction-aware), 6 decimals"),
        "status": value(STRING, "exceeded, achieved, at_risk, missed or no_data", enum=STATUS),
        "assessment": value(STRING, "the verdict as the table says it, in lang"),
    })),
    "met": value(INTEGER, "the areas that achieved or exceeded their target"),
    "total": value(INTEGER, "the areas with a target for it"),
})

AREAS_MET = array("per indicator with areas' targets, in the plan's order, as the line under the table counts them: \"4/5 xã, phường đạt\"", obj("an indicator's count", {
    "indicator": value(STRING, "the indicator's id"),
    "met": value(INTEGER, "the areas that achieved or exceeded their own target"),
    "total": value(INTEGER, "the areas with a target for it (the territory's own line not counted)"),
}))

SCORECARD = obj("kpi status --scorecard --json: areas × the indicators the plan sets areas' targets for", {
    **TERRITORY_HEAD,
    "scorecard": obj("the scorecard", {
        "indicators": array("the columns: the indicators' ids, in the plan's order", value(STRING, "an indicator's id")),
        "areas": array("the lines: the territory first, then each area with a target, in targets.yaml's order", obj("an area's line", {
            "area": value(STRING, "the area's id"),
            "name": value(STRING, "the area's name"),
            "cells": array("one per indicator of the columns, null where the area has no target for it", obj("an area's verdict of an indicator", {
                "indicator": value(STRING, "the indicator's id"),
                "status": value(STRING, "exceeded, achieved, at_risk, missed or no_data", enum=STATUS),
                "label": value(STRING, "the verdict as the cell says it, in lang"),
                "target": maybe(NUMBER, "the area's own target"),
                "forecast_pct": maybe(NUMBER, "the forecast as a percentage of the target (direction-aware), 6 decimals"),
            }, nullable=True)),
        })),
        "areas_met": AREAS_MET,
    }),
})


def status_shapes() -> tuple[Schema, dict[str, Schema]]:
    """kpi status --json's four shapes: --by-area's (``by_area``), --scorecard's
    (``scorecard``), the monthly report's (``report``: ``month``), else the plan's table."""
    body, own = table_or_month(YEARLY, MONTH)
    shapes = {
        "if": {"required": ["by_area"]},
        "then": {"$ref": "#/$defs/by_area"},
        "else": {"if": {"required": ["scorecard"]}, "then": {"$ref": "#/$defs/scorecard"}, "else": body},
    }
    return shapes, {**own, "by_area": BY_AREA, "scorecard": SCORECARD}

OUTPUTS: dict[str, tuple[str, Schema, dict[str, Schema]]] = {
    "status": ("kpi status --json: the plan's table, an annual plan's monthly report (report: month), --by-area's areas (by_area) or --scorecard's (scorecard)", *status_shapes()),
    "show": (
        "kpi show ID --json: one indicator in detail",
        obj("an indicator object with the series and the other plans' rows", {
            **plan_header("show"),
            **INDICATOR_FIELDS,
            "series": array("every year's value the plan sees", ref("point", "a yearly value")),
            "other_targets": array("the indicator's rows in the other plans", obj("a row of another plan", {
                "plan": value(STRING, "the plan's id"),
                "plan_name": value(STRING, "the plan's name"),
                "no": value(STRING, "the row number as printed there"),
                "kind": value(STRING, "the kind of target there"),
                "target": maybe(NUMBER, "the target there"),
                "target_upper": maybe(NUMBER, "a range's upper bound there"),
                "attainment_pct": maybe(NUMBER, "the percentage of that target reached"),
                "forecast_pct": maybe(NUMBER, "the forecast as a percentage of that target"),
                "status": value(STRING, "its status there", enum=STATUS),
                "label": value(STRING, "its assessment there"),
                "month": obj("an annual plan of the same year within its year: its verdict as of the month shown, which kpi show prints (provisional before December); else null", {
                    "verdict": value(STRING, "the within-year verdict", enum=[v.value for v in Verdict]),
                    "final": value(BOOLEAN, "December: the verdict is final"),
                    "label": value(STRING, "the verdict in words"),
                }, nullable=True),
            })),
            "assessment_basis": value(STRING, "which verdict kpi show gives as its assessment: month (an annual plan within its year: month.verdict, provisional before December; status is the year's figures so far) or year (status)", enum=["month", "year"]),
            "periods": array("an indicator with values within the year: its months, quarters and lũy kế of the year asked for and the year before",
                             {"allOf": [{"$ref": "#/$defs/period"}, obj("a value within the year", {
                                 "value": maybe(NUMBER, "the value"),
                                 "status": value(STRING, "actual, preliminary, estimate or plan", enum=POINT_STATUS),
                                 "note": value(STRING, "where the value comes from (only when it has one)"),
                             }, optional=("note",))]}),
            "month": {"description": "an annual plan within its year: the monthly report's row with its period; else null",
                      "anyOf": [obj("the monthly report's row", {"period": ref("period", "the month or quarter"), **MONTH_ROW_FIELDS},
                                    optional=MONTH_ROW_OPTIONAL), {"type": NULL}]},
            "term_needs": array("an annual plan's indicator that a term plan also targets: what the term needs", obj("a term's need", {
                "plan": value(STRING, "the term plan's id"),
                "year": value(INTEGER, "the year"),
                "remaining_years": value(INTEGER, "the years left in the term"),
                "required_growth_pct": maybe(NUMBER, "the yearly growth the term needs"),
                "level": maybe(NUMBER, "the level the term needs that year"),
            })),
        }, optional=("periods", "month", "term_needs", *INDICATOR_OPTIONAL)),
        {},
    ),
    "summary": (
        "kpi summary --json: the counts per class, per group, and the rows at risk; an annual plan within its year: its monthly report's counts (report: month)",
        *table_or_month(
            obj("the summary", {
                **plan_header("summary"),
                "summary": SUMMARY,
                "text": value(STRING, "the counts in one line, as the province writes them"),
                "at_risk": array("the rows at risk or missed", obj("a row that falls short", {
                    "id": value(STRING, "the indicator's id"),
                    "no": value(STRING, "the row number as printed"),
                    "name": value(STRING, "the Vietnamese name"),
                    "status": value(STRING, "at_risk or missed", enum=STATUS),
                })),
                "groups": array("the counts per group of indicators, in table order; empty when no indicator has a group", obj("a group's counts", {
                    "group": maybe(STRING, "the group's code or the plan's own label; null for the rows without a group"),
                    "label": value(STRING, "the group's name in the output's language"),
                    "total": value(INTEGER, "its rows"),
                    **{status: value(INTEGER, f"its rows {status}") for status in STATUS},
                    "achieved_or_exceeded": value(INTEGER, "its rows achieved or exceeded"),
                    "not_rated": value(INTEGER, "of its no_data rows, those listed without a target that have values"),
                })),
                "published_summary": counts("the counts the plan's report published (published_summary); null when none", True),
                "areas_met": AREAS_MET,
            }, optional=("areas_met",)),
            obj("kpi summary --json of an annual plan within its year: the monthly report's verdicts counted", {
                **month_head("summary"),
                "summary": VERDICT_COUNTS,
                "text": value(STRING, "the counts in one line"),
                "behind": array("the rows behind or missed", obj("a row behind", {
                    "id": value(STRING, "the indicator's id"),
                    "no": value(STRING, "the row number as printed"),
                    "name": value(STRING, "the Vietnamese name"),
                    "verdict": value(STRING, "behind or missed", enum=codes(Verdict)),
                })),
                "areas_yearly": array(
                    "with areas' targets in the plan (the territory's summary): the indicators whose areas are rated on their yearly values only, so not within the year (the yearly summary's areas_met, with --as-of the year)",
                    value(STRING, "the indicator's id"),
                ),
            }, optional=("areas_yearly",)),
        ),
    ),
    "audit": (
        "kpi audit --json: the published figures that differ from the computed ones",
        obj("the audit", {
            **plan_header("audit"),
            "audited_as_of": value(INTEGER, "the year whose figures the published ones are compared with (README 'Dated audits')"),
            "findings": array("in table order, then the plan's counts", obj("a finding with its row", {
                "id": maybe(STRING, "the indicator's id; null for the plan's counts"),
                "no": maybe(STRING, "the row number as printed; null for the plan's counts"),
                **FINDING_FIELDS,
            })),
        }),
        {},
    ),
    "validate": (
        "kpi validate --json: the data files are sound (a problem is an error on stderr, exit 1)",
        obj("the validation", {
            **header("validate"),
            "valid": value(BOOLEAN, "the files are sound", const=True),
            "indicators": value(INTEGER, "how many indicators targets.yaml defines"),
            "plans": array("the plans' ids, sorted", value(STRING, "a plan's id")),
            "warnings": array("what is suspicious but not wrong", obj("a warning", {
                "file": value(STRING, "the file, as named to the user"),
                "line": maybe(INTEGER, "the line (1-based); null when unknown"),
                "column": maybe(INTEGER, "the column (1-based); null when unknown"),
                "indicator": maybe(STRING, "the indicator it is about"),
                "field": maybe(STRING, "the field it is about"),
                "message": value(STRING, "the problem in words, in the output's language (--lang)"),
                "severity": value(STRING, "warning", enum=["warning", "error"]),
            })),
        }),
        {},
    ),
    "record": (
        "kpi record ID PERIOD VALUE --json: the value written",
        obj("the value written", {
            **header("record"),
            "file": value(STRING, "the file written"),
            "id": value(STRING, "the indicator's id"),
            "year": value(INTEGER, "the year of the value"),
            "period": maybe(STRING, "the month or quarter (2026-06, 2026-Q2); null for a year's value"),
            "ytd": value(BOOLEAN, "a lũy kế from January"),
            "old": ref("point", "the value replaced (--force); null when there was none", nullable=True),
            "new": ref("point", "the value written"),
        }),
        {},
    ),
    "export-data": (
        "the data kpi export keeps inside the xlsx (sheet kpi-data) and docx (customXml) it writes, for kpi import",
        obj("the exported plan's data", {
            "format": value(STRING, "what this is", const=embedded.FORMAT),
            "version": value(INTEGER, "the version of this layout: it moves when a field changes meaning or disappears", const=embedded.VERSION),
            "lang": value(STRING, "the language the document was written in", enum=["vi", "en"]),
            "as_of": value(INTEGER, "the year the document's figures are of"),
            "report": value(STRING, "month: the document is an annual plan's monthly report (every value is kept)", const="month"),
            "verdicts": obj("an appendix's printed verdicts, each row's assessment cell as written, by indicator id: what kpi import checks the cell against", {}),
            "targets": obj("targets.yaml's data for the plan (README 'targets.yaml')", {
                "schema_version": value(INTEGER, "targets.yaml's layout version"),
                "indicators": array("the plan's indicators, as targets.yaml lists them", obj("an indicator", {
                    "id": value(STRING, "its id"), "name": value(STRING, "its name"),
                })),
                "plans": array("the one plan", obj("a plan, as targets.yaml writes it", {
                    "id": value(STRING, "its id"),
                    "name": value(STRING, "its name"),
                    "base_year": value(INTEGER, "its base year"),
                    "target_year": value(INTEGER, "its target year"),
                    "targets": array("its target rows", obj("a target row", {
                        "indicator": value(STRING, "the indicator's id"), "number": value(STRING, "the row number as printed"),
                    })),
                })),
            }),
            "actuals": obj("actuals.yaml's data for the plan (README 'actuals.yaml')", {
                "schema_version": value(INTEGER, "actuals.yaml's layout version"),
                "series": {"type": "object", "description": "per indicator id: its values by status, notes and what the report published",
                           "additionalProperties": {"type": "object"}},
            }),
        }, optional=("report", "verdicts")),
        {},
    ),
}


def schema(name: str) -> Schema:
    """One output's schema: its definitions, the shared parts it refers to, nothing else."""
    meaning, body, own = OUTPUTS[name]
    defs: dict[str, Schema] = {}
    while True:  # the shared parts referred to, and those they refer to
        text = json.dumps([body, own, defs])
        wanted = {key: part for key, part in DEFS.items() if f'"#/$defs/{key}"' in text}
        if wanted.keys() == defs.keys():
            break
        defs = wanted
    return {
        "$schema": DRAFT,
        "title": f"kpi {name}",
        "description": meaning + ". Objects allow fields not listed here: adding a field is not a change of meaning.",
        **{key: part for key, part in body.items() if key != "description"},
        "$defs": {**defs, **own},
    }


def text_of(name: str) -> str:
    return json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n"


# --- the fingerprint ---------------------------------------------------------------------------


def fields_of(node: Schema, root: Schema, path: str = "") -> dict[str, str]:
    """``{path: "type #hash-of-meaning"}`` for every field under ``node``, references followed."""
    found: dict[str, str] = {}
    if "$ref" in node:
        found |= fields_of(root["$defs"][node["$ref"].rsplit("/", 1)[1]], root, path)
    for key in ("anyOf", "allOf"):
        for part in node.get(key, ()):
            found |= fields_of(part, root, path)
    for key in ("then", "else"):  # the shapes of one output, apart: <table>.…, <month_report>.…, <by_area>.…
        if key in node and "$ref" in node[key]:
            found |= fields_of(node[key], root, f"{path}<{node[key]['$ref'].rsplit('/', 1)[1]}>")
        elif key in node:  # a further choice of shapes
            found |= fields_of(node[key], root, path)
    for name, field in node.get("properties", {}).items():
        here = f"{path}.{name}" if path and not path.endswith(">") else path + name
        found[here] = fingerprint(field, root)
        found |= fields_of(field, root, here)
    if isinstance(node.get("items"), dict):
        found |= fields_of(node["items"], root, path + "[]")
    if isinstance(node.get("additionalProperties"), dict):
        found |= fields_of(node["additionalProperties"], root, path + "{}")
    return found


def fingerprint(field: Schema, root: Schema) -> str:
    """A field's type and meaning: what must not change under one schema_version."""
    target = root["$defs"][field["$ref"].rsplit("/", 1)[1]] if "$ref" in field else field
    types = target.get("type", "")
    if "anyOf" in field:
        types = [p.get("type", p.get("$ref", "").rsplit("/", 1)[-1]) for p in field["anyOf"]]
    shown = "|".join(types) if isinstance(types, list) else types
    meaning = field.get("description", "") + "|" + json.dumps(field.get("const"))
    return f"{shown} #{hashlib.sha256(meaning.encode()).hexdigest()[:10]}"


def version_of(name: str) -> int:
    key = "version" if name == "export-data" else "schema_version"
    root = schema(name)
    props = root.get("properties") or root["$defs"]["table"]["properties"]
    found: int = props[key]["const"]
    return found


def current() -> dict[str, dict[str, Any]]:
    return {name: {"version": version_of(name), "fields": fields_of(schema(name), schema(name))} for name in OUTPUTS}


def changes(recorded: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """What differs between a recorded fingerprint and the current one, as lines; a field added
    under the same version is fine, any other difference needs a new version."""
    said = []
    for name, was in recorded.items():
        if name not in now:
            said.append(f"{name}: the schema is gone")
            continue
        if now[name]["version"] != was["version"]:
            continue  # a new version: its fields may differ (record it)
        for path, print_ in was["fields"].items():
            new = now[name]["fields"].get(path)
            if new is None:
                said.append(f"{name}: {path} removed under version {was['version']}")
            elif new != print_:
                said.append(f"{name}: {path} changed type or meaning under version {was['version']} ({print_} -> {new})")
    return said


def record() -> int:
    recorded = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
    now = current()
    refused = changes(recorded, now)
    if refused:
        print("\n".join(refused), file=sys.stderr)
        print("a field that changes meaning or disappears needs a new schema_version (README 'JSON output')", file=sys.stderr)
        return 1
    RECORD.write_text(json.dumps(now, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str]) -> int:
    if "--record" in argv:
        return record()
    stale = []
    for folder in (PACKAGE_DIR, DOCS_DIR):
        wanted = {f"{name}.schema.json": text_of(name) for name in OUTPUTS}
        present = {p.name for p in folder.glob("*.schema.json")} if folder.is_dir() else set()
        for file, text in wanted.items():
            path = folder / file
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path.relative_to(ROOT)))
                if "--check" not in argv:
                    folder.mkdir(exist_ok=True)
                    path.write_text(text, encoding="utf-8")
        for extra in sorted(present - set(wanted)):
            stale.append(str((folder / extra).relative_to(ROOT)))
            if "--check" not in argv:
                (folder / extra).unlink()
    if stale and "--check" in argv:
        print("stale, run `python docs/schemas.py`: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
