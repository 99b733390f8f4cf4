"""The Python API of kpi: load a data folder, evaluate a plan, audit its report (README "Python API").

    from soctrang_kpi import api

    data = api.load("path/to/folder")            # targets.yaml and actuals.yaml, checked
    status = api.evaluate(data, as_of=2023)      # the first plan's table as of 2023
    status.find("grdp-growth").attainment_pct    # one row, a typed record (api_records.py)
    rows = status.to_rows()                      # plain dicts: pandas.DataFrame(rows)
    api.audit(status).to_rows()                  # what the report published that differs

`kpi` itself goes through these functions: what they return is what the commands print. The
names of this module (``__all__``) and of the records' fields are stable: a field is added, never
renamed, and the fields have the names of the ``--json`` output (flattened: ``baseline.year`` is
``baseline_year``), whose JSON Schema files ``schema(name)`` returns.

Errors are the package's own: :class:`DataError` (the files are unusable; ``.problems`` lists
every problem, each with its file, line, indicator and field) and :class:`UsageError` (an unknown
plan, indicator or group; a year outside the plan). Importing this module costs almost nothing:
the engine is imported by the first call.
"""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Collection
    from pathlib import Path

    from .errors import DataError, Problem, UsageError
    from .messages import Text
    from .api_records import AuditFinding, IndicatorResult, PlanInfo

    from .core.audit import AuditReport
    from .core.model import Dataset, Period
    from .core.results import PlanResult

__all__ = [
    "load",
    "evaluate",
    "audit",
    "schema",
    "SCHEMAS",
    "Data",
    "Evaluation",
    "PlanInfo",
    "IndicatorResult",
    "Audit",
    "AuditFinding",
    "DataError",
    "UsageError",
    "Problem",
]

#: a row of ``to_rows()``: a plain dict of str, int, float, bool or None, by field name
Row = dict[str, Any]

#: the JSON Schema files shipped with the package, one per ``--json`` output (README "JSON output")
SCHEMAS = ("status", "show", "summary", "audit", "validate", "record", "export-data")


# --- results (the records of one row are in api_records.py) ---------------------------------------


class Data:
    """A data folder's ``targets.yaml`` and ``actuals.yaml``, loaded and checked (:func:`load`).

    Attributes:
        folder: the folder read (None for a dataset built in memory).
        dataset: the engine's model (``soctrang_kpi.core.model.Dataset``): indicators, plans,
            yearly values, what the reports published, values within a year.
        warnings: what is suspicious but not wrong (a structure whose shares do not add up to
            100, …), each a :class:`Problem` with ``file``, ``line``, ``indicator``, ``field``
            and ``render(lang)``.
    """

    __slots__ = ("folder", "dataset", "warnings", "area", "notices", "seen", "_source")

    def __init__(
        self, folder: Path | None, dataset: Dataset, warnings: tuple[Problem, ...] = (), *,
        area: str | None = None, notices: tuple[Text, ...] = (), seen: bool = False, source: Dataset | None = None,
    ):
        self.folder = folder
        self.dataset = dataset
        self.warnings = warnings
        self.area = area  # the area the data is seen from (seen_from); None: as the files give it
        self.notices = notices  # what seeing it from the area found to say (a part not aggregable)
        self.seen = seen  # seen from an area (or as a whole, without areas): evaluated as it is
        self._source = dataset if source is None else source  # the dataset as the files give it, before seen_from (evaluate)

    def __repr__(self) -> str:
        return f"<Data of {str(self.folder)!r}: {len(self.dataset.indicators)} indicators, {len(self.dataset.plans)} plans>"

    @property
    def plans(self) -> tuple[str, ...]:
        """The plans' ids, in the order of ``targets.yaml`` (the first is the default)."""
        return tuple(self.dataset.plans)

    @property
    def indicators(self) -> tuple[str, ...]:
        """The indicators' ids, in the order of ``targets.yaml``."""
        return tuple(self.dataset.indicators)

    def seen_from(self, area: str | None = None, plan: str | None = None) -> Data:
        """The data as the commands see it (README "Territory"): the values of ``area`` — its
        own, else made from its parts (README "Values made from the parts") — and the plans it is
        evaluated against; without ``area``, of the area of ``plan`` (a former province's own
        term), else of the territory. Data without areas is returned as it is. What must be said
        (an indicator whose parts cannot be added up) is in ``notices``. :func:`evaluate` and
        ``kpi`` itself go through this; UsageError for an unknown area."""
        if self.seen:
            if area is None or area == self.area:
                return self
            from .errors import UsageError

            raise UsageError(f"this data is seen from {self.area!r} already: seen_from() the data load() gave")
        from .core.areas import root, seen_from

        dataset, said = seen_from(self.dataset, area, plan)
        if area is None and self.dataset.areas:
            chosen = self.dataset.plans[plan].area if plan is not None and plan in self.dataset.plans else None
            area = chosen or root(self.dataset.areas)
        return Data(self.folder, dataset, self.warnings, area=area, notices=tuple(said), seen=True, source=self._source)

    def to_rows(self) -> list[Row]:
        """Every yearly value, one row each: ``area``, ``indicator``, ``year``, ``value``,
        ``status`` (``actual``, ``preliminary``, ``estimate``, ``plan``) and ``note`` (``""``
        without one). ``area`` is ``""`` for the territory's own values (as actuals.csv writes
        them) and the area's id for each area's (``areas:`` of actuals.yaml); of data seen from an
        area (:meth:`seen_from`), that area's values — made from its parts too — are under its id."""
        own = self.area or ""
        return [
            {"area": area, "indicator": ident, "year": p.year, "value": p.value, "status": p.status.value, "note": p.note}
            for area, by_ident in ((own, self.dataset.series), *((a, v) for a, v in self.dataset.by_area.items() if a != own))
            for ident, points in by_ident.items()
            for p in points
        ]


class Evaluation:
    """A plan evaluated as of a year (:func:`evaluate`).

    Attributes:
        data: the :class:`Data` it was computed from (:func:`audit` reads its published figures).
        result: the engine's ``PlanResult`` (``soctrang_kpi.core.results``), what the CLI prints.
        lang: ``vi`` or ``en``, the language of ``label`` and ``reason_text``.
    """

    def __init__(
        self, data: Data, result: PlanResult, lang: str = "vi", whole: PlanResult | None = None, within: Period | None = None,
    ):
        self.data = data
        self.result = result
        self.lang = lang
        self._whole = result if whole is None else whole  # the whole plan, when a group is kept
        self._within = within  # an annual plan within its year: the month its report runs to

    def __repr__(self) -> str:
        return f"<Evaluation of {self.plan.id!r} as of {self.as_of}: {len(self.result.results)} rows>"

    @property
    def plan(self) -> PlanInfo:
        """The plan: ``id``, ``name``, ``name_en``, ``base_year``, ``target_year``."""
        from .api_records import PlanInfo

        p = self.result.plan
        return PlanInfo(p.id, p.name, p.name_en, p.base_year, p.target_year)

    @property
    def as_of(self) -> int:
        """The year the figures are computed for."""
        return self.result.as_of

    @property
    def period(self) -> str | None:
        """An annual plan within its year (README "Within the year"): the month or the quarter its
        report runs to (``"2026-09"``, ``"2026-Q2"``; asked for none, the latest with values, a
        quarter where they are a quarter's), as ``kpi status`` reports it; else None
        (a term plan, a year asked for, a closed year: the yearly table answers)."""
        return None if self._within is None else self._within.key

    @cached_property
    def month(self) -> tuple[Row, ...]:
        """An annual plan within its year: each row's figures of the year so far and its verdict
        as of :attr:`period` (``plan``, ``to_date``, ``plan_pct``, ``estimate``, ``verdict``,
        ``final``, ``label``, ``reason``, …), plain dicts as ``kpi status --json`` gives its
        monthly report's ``indicators`` (README "status (monthly report)"); empty otherwise. The
        rows' own ``status`` is then the year's, still without a value ("no_data")."""
        if self._within is None:
            return ()
        from .core.periods import plan_report
        from .output.labels import Lang
        from .output.payloads import month_json

        report = plan_report(self.data.dataset, self.result.plan, self._within)
        said = Lang(self.lang)
        return tuple(month_json(r, report[r.id], said) for r in self.result.results if r.id in report)

    @property
    def month_summary(self) -> dict[str, int]:
        """:attr:`month`'s verdicts counted (``total``, ``on_course``, ``behind``, …), as the
        monthly report's JSON ``summary``; empty when there is no month."""
        if not self.month:
            return {}
        from .output.payloads import month_counts

        top = {r.id for r in self.result.results if r.depth == 0}  # a composition once, its parts not: as the yearly summary
        return month_counts(row["verdict"] for row in self.month if row["id"] in top)

    @property
    def summary(self) -> dict[str, int]:
        """How many top-level rows have each status (``exceeded``, ``achieved``, …), as the
        province counts them, and ``total``; ``not_rated``, those of ``no_data`` listed without a
        target that have values (shown and counted "Không đánh giá"), as JSON ``summary``."""
        counts = {status.value: n for status, n in self.result.summary.items()}
        unrated = sum(r.unrated for r in self.result.results if r.depth == 0)
        return {"total": sum(counts.values()), **counts, "not_rated": unrated}

    @cached_property
    def indicators(self) -> tuple[IndicatorResult, ...]:
        """Every row of the plan's table, in table order."""
        from .output.labels import Lang
        from .output.payloads import indicator_json
        from .api_records import indicator

        lang, precision = Lang(self.lang), self.result.plan.settings.precision
        # an annual plan's % of target is its own year's value against its plan (the engine's
        # rule, README "Python API"): last year's against this year's plan is none, as `kpi status` says
        return tuple(indicator(r.depth, indicator_json(r, (), lang, precision)) for r in self.result.results)

    def find(self, indicator: str) -> IndicatorResult:
        """The row of an indicator: its id, its printed number (``"7.1"``) or part of its name,
        accent- and case-insensitive, as ``kpi show`` finds it; UsageError when none matches."""
        from .core.lookup import find
        from .output.labels import Lang

        wanted = find(self.result, indicator, Lang(self.lang) is Lang.EN).id
        return next(row for row in self.indicators if row.id == wanted)

    def to_rows(self) -> list[Row]:
        """The rows as plain dicts (``pandas.DataFrame(evaluation.to_rows())``), with the plan's
        id and the year added as ``plan`` and ``as_of``."""
        extra = {"plan": self.result.plan.id, "as_of": self.as_of}
        return [extra | row._asdict() for row in self.indicators]


class Audit:
    """What a plan's report published that its own inputs do not give (:func:`audit`).

    Attributes:
        plan: the plan's id.
        as_of: the year whose figures the published ones were compared with (the report's own,
            README "Dated audits").
        report: the engine's ``AuditReport`` (``soctrang_kpi.core.audit``), what the CLI prints.
    """

    def __init__(self, evaluation: Evaluation, report: AuditReport):
        self._evaluation = evaluation
        self.plan: str = evaluation.result.plan.id
        self.as_of: int | None = report.as_of
        self.report = report

    def __repr__(self) -> str:
        return f"<Audit of {self.plan!r} as of {self.as_of}: {len(self.findings)} findings>"

    @cached_property
    def findings(self) -> tuple[AuditFinding, ...]:
        """The findings in table order (of the evaluation's rows), then the plan's counts."""
        from .output.labels import Lang
        from .output.payloads import finding_json
        from .api_records import finding

        result = self._evaluation.result
        said, precision = Lang(self._evaluation.lang), result.plan.settings.precision
        return tuple(
            finding(r.id if r else None, r.row.no if r else None, finding_json(f, said, precision)) for r, f in self.report.pairs(result)
        )

    def to_rows(self) -> list[Row]:
        """The findings as plain dicts, with ``plan`` added."""
        return [{"plan": self.plan} | f._asdict() for f in self.findings]


# --- functions -------------------------------------------------------------------------------


def load(folder: str | os.PathLike[str], *, notices: list[Text] | None = None, files: dict[str, bytes] | None = None) -> Data:
    """Load and check the ``targets.yaml`` and ``actuals.yaml`` of ``folder``.

    Raises :class:`DataError` listing every problem of both files when they are unusable; what
    is only suspicious comes back in ``Data.warnings``. ``notices`` (a list), when given,
    receives what was found beside the data (an unfinished ``kpi record``'s journal, read in
    its place), even when loading then fails: each a ``messages.Text`` with ``render(lang)``.
    ``files``, when given: the bytes of ``targets.yaml`` and ``actuals.yaml`` already read from
    the folder (``{"targets.yaml": …, "actuals.yaml": …}``), loaded instead of reading them again
    (the shell keys the answers it keeps on exactly the bytes it loads); they are emptied once
    loaded.
    """
    from pathlib import Path

    from .files import load as loader

    path = Path(folder)
    dataset, warnings = loader.read(path, notices if notices is not None else [], files)
    return Data(path, dataset, tuple(warnings))


def evaluate(
    dataset: Data | Dataset,
    plan: str | None = None,
    as_of: int | str | Period | None = None,
    *,
    area: str | None = None,
    group: str | None = None,
    lang: str = "vi",
    rows: Collection[str] | None = None,
) -> Evaluation:
    """Evaluate a plan as of a year: every figure of its table, each row's status and reason.

    ``dataset``: what :func:`load` returned (or the engine's Dataset). ``plan``: a plan's id
    (default: the first plan). ``as_of``: a year (default: the latest year with a value within
    the plan's period), or a month or a quarter (``"2026-06"``, ``"2026-Q2"``), whose year's
    figures these are. ``area``: the area's table (``kpi status --area``); the data is seen
    from it, or from the plan's area or the territory without it, as ``kpi status`` sees it
    (:meth:`Data.seen_from`: a value made from the parts is a value) — an engine's Dataset is
    evaluated as it is unless ``area`` is given. ``group``: only the rows of one group of
    indicators (its code or its printed name), counted again. ``lang``: the language of the
    labels, ``vi`` or ``en``. ``rows``: only these indicators' rows are computed, each with the
    sub-rows that rate it (one row's detail, as ``kpi show`` gives it); the counts and an audit
    of the evaluation are then of those rows alone. Raises :class:`UsageError` for a plan, year, area or group that
    does not exist, and, as ``kpi status --area`` refuses it, for an area within the territory
    against the territory's annual plan where that plan is answered within its year (a month or a
    quarter asked, or nothing asked while its year is open): an area's values are yearly, and
    nothing is final before December — ``as_of`` the year (``2026``) gives the year's table.
    """
    return _evaluate(dataset, plan, as_of, area, group, lang, rows, rating=True)


def _evaluate(
    dataset: Data | Dataset, plan: str | None, as_of: int | str | Period | None, area: str | None, group: str | None, lang: str,
    rows: Collection[str] | None, rating: bool,
) -> Evaluation:
    """:func:`evaluate`; ``rating``: the table rates an area, refused within the year as the
    rating commands refuse `--area` (``kpi audit --area`` is not: its figures are the year's)."""
    from .core.evaluate import evaluate as evaluate_plan
    from .errors import UsageError
    from .messages import Text

    if lang not in ("vi", "en"):
        raise UsageError(f"lang must be 'vi' or 'en', not {lang!r}", ("vi", "en"))
    data = (dataset if isinstance(dataset, Data) else Data(None, dataset, seen=area is None)).seen_from(area, plan)
    plans = data.dataset.plans
    asked = _asked(as_of)
    year = asked if asked is None or isinstance(asked, int) else asked.year  # a month's or a quarter's year
    if not plans:
        raise UsageError(Text("area.no_plan" if data.dataset.areas else "cli.no_plan"))
    if plan is not None and plan not in plans:
        raise UsageError(Text("plan.unknown", plan=repr(plan)), tuple(plans))
    chosen = plans[plan or next(iter(plans))]
    if year is not None and not chosen.covers(year):
        raise UsageError(Text("plan.as_of_outside", year=year, plan=chosen.id, base=chosen.base_year, target=chosen.target_year))
    if rating and data.area is not None and not isinstance(asked, int):  # no year asked: refused within the year, as `kpi status --area`
        from .core.areas import area_yearly

        area_yearly(data._source, data.dataset, data.area, chosen.id, asked)
    whole = evaluate_plan(data.dataset, chosen.id, year, rows)._replace(known_on=data.dataset.known_on)
    if data.dataset.areas:  # a row without data whose parts lack a value names them (README "Territory")
        from .core.areas import with_missing_parts

        whole = with_missing_parts(whole, data.dataset)
    result = whole if group is None else _restricted(whole, group, lang)
    from .core.periods import report_period

    return Evaluation(data, result, lang, whole, report_period(data.dataset, chosen, as_of))


def audit(
    subject: Evaluation | Data | Dataset,
    plan: str | None = None,
    as_of: int | str | Period | None = None,
    *,
    lang: str = "vi",
) -> Audit:
    """Compare what a plan's report published with the figures its inputs give.

    ``subject``: an :class:`Evaluation` (``plan`` and ``as_of`` are then its own), or what
    :func:`load` returned, evaluated first as :func:`evaluate` does. The figures compared are
    those of the year the report was published as of (README "Dated audits"), whatever year the
    evaluation is of; an evaluation of one group gives the findings of its rows and the plan's.
    """
    from .core.audit import dated_audit
    from .errors import UsageError

    if not isinstance(subject, Evaluation):
        subject = _evaluate(subject, plan, as_of, None, None, lang, None, rating=False)
    elif plan is not None or as_of is not None:
        raise UsageError("audit(evaluation): the plan and the year are the evaluation's own")
    return Audit(subject, dated_audit(subject._whole, subject.data.dataset))


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a ``--json`` output, one of :data:`SCHEMAS`:
    ``status`` (the table, or an annual plan's monthly report), ``show``, ``summary``, ``audit``,
    ``validate``, ``record``, ``export-data`` (the data inside an exported xlsx or docx)."""
    import json
    from importlib import resources

    from .errors import UsageError

    if name not in SCHEMAS:
        raise UsageError(f"unknown schema {name!r}", SCHEMAS)
    text = resources.files(__package__).joinpath("schemas").joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    found: dict[str, Any] = json.loads(text)
    return found


# --- helpers ---------------------------------------------------------------------------------


def __getattr__(name: str) -> Any:
    """The exceptions and the records, imported when first named (importing this module stays
    cheap: ``kpi`` goes through it on every run)."""
    if name in ("DataError", "Problem", "UsageError"):
        from . import errors

        return getattr(errors, name)
    if name in ("PlanInfo", "IndicatorResult", "AuditFinding"):
        from . import api_records as records

        return getattr(records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """Every public name, those imported when first named too (a notebook's completion)."""
    return sorted(set(globals()) | set(__all__))


def _asked(as_of: int | str | Period | None) -> int | Period | None:
    """``as_of`` as the commands' ``--as-of`` gives it: a year, a month or a quarter, or None; a
    string as typed on the command line, UsageError when it is none of them."""
    if not isinstance(as_of, str):
        return as_of
    from .core.periods import parse_period

    text = as_of.strip()
    if text.isascii() and text.isdigit():
        return int(text)
    period = parse_period(text)
    if period is None:
        from .errors import UsageError
        from .messages import Text

        raise UsageError(Text("cli.when", found=repr(as_of)))
    return period


def _restricted(result: PlanResult, group: str, lang: str) -> PlanResult:
    """The plan's rows of one group, named by its code or its printed label in either language;
    the groups are offered in ``lang`` when none matches."""
    from .core.groups import restrict
    from .output.labels import GROUP_NAMES

    def names(code: str) -> tuple[str, ...]:
        printed = GROUP_NAMES.get(code, {})
        return tuple(printed[key] for key in (lang, "vi", "en") if key in printed) + (code,)

    return restrict(result, group, names)
