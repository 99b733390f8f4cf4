"""The keys a record of the data files may have, derived from the model's records.

A record in targets.yaml or actuals.yaml is written with the names of its model record's fields,
so the allowed keys are the ``_fields`` of that NamedTuple, in their order (which is also the
order "expected one of …" lists them in). Where a file names a field otherwise, or lays it out
differently, the tables below say so; they are the only place that knows.
"""

from __future__ import annotations

from ..core.model import Indicator, MonthPublished, Plan, PlanRow, Published, PublishedSummary, Settings, Target, VerdictClass

#: model field -> its key in the files, where the two differ
RENAMED: dict[tuple[type, str], str] = {
    (PlanRow, "no"): "number",  # YAML 1.1 reads a bare `no:` key as the boolean false
    (Target, "upper"): "range",  # `range: [low, high]` holds both Target.value and Target.upper
    (Plan, "rows"): "targets",  # people call the rows of a plan its targets
}

#: a field whose record is written inline: a target row's keys are PlanRow's and Target's together
SPREAD: dict[tuple[type, str], type] = {(PlanRow, "target"): Target}

#: fields that are not keys of their record
OMITTED: frozenset[tuple[type, str]] = frozenset(
    {
        (Published, "source"),  # the key above the record: `table:` or `text:`
    }
)

#: fields written after the others: a plan ends with its long table of targets
LAST: frozenset[tuple[type, str]] = frozenset({(Plan, "rows")})


def keys_of(cls: type) -> tuple[str, ...]:
    """The keys a record of ``cls`` may have in a data file, in the order messages list them.

    An English twin (``name_en``) follows the field it translates, as the files write them."""
    names: list[str] = []
    last: list[str] = []
    for name in cls._fields:  # type: ignore[attr-defined]
        if (cls, name) in OMITTED:
            continue
        spread = SPREAD.get((cls, name))
        found = list(keys_of(spread)) if spread else [RENAMED.get((cls, name), name)]
        (last if (cls, name) in LAST else names).extend(found)
    return _twins_together(names) + tuple(last)


def _twins_together(names: list[str]) -> tuple[str, ...]:
    ordered = [n for n in names if not (n.endswith("_en") and n[: -len("_en")] in names)]
    for name in names:
        if name not in ordered:
            ordered.insert(ordered.index(name[: -len("_en")]) + 1, name)
    return tuple(ordered)


INDICATOR = keys_of(Indicator)
PLAN = keys_of(Plan)
SETTINGS = keys_of(Settings)
SUMMARY = keys_of(PublishedSummary)
TARGET_ROW = keys_of(PlanRow)
PUBLISHED = keys_of(Published)
MONTH_PUBLISHED = tuple(k for k in keys_of(MonthPublished) if k != "period")
CLASS = keys_of(VerdictClass)
