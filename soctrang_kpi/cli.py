"""The `kpi` command: a thin Typer shell over the engine.

This is the only module that turns the core's exceptions into messages and exit codes:
0 success, 1 invalid data, 2 usage error (unknown plan / id, bad option), 3 ``--fail-on`` matched,
4 a file could not be written, 70 internal error (``__main__``: a bug; --debug shows the traceback).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .core.classify import FALLS_SHORT, Status
from .errors import DataError, KpiError, UsageError, WriteError
from .output.labels import Lang
from .core.model import PointStatus
from .output.document import Style
from .output.formats import Format

EXIT_DATA, EXIT_USAGE, EXIT_FAIL_ON, EXIT_WRITE = 1, 2, 3, 4

class StatusChoice(str, Enum):
    """Statuses as typed on the command line."""

    EXCEEDED = "exceeded"
    ACHIEVED = "achieved"
    AT_RISK = "at-risk"
    MISSED = "missed"
    NO_DATA = "no-data"

    @property
    def status(self) -> Status:
        return Status(self.value.replace("-", "_"))


class PaceChoice(str, Enum):
    """Pace bands as typed on the command line (README "Pace")."""

    ON_TRACK = "on-track"
    ACCELERATE = "accelerate"
    TOO_SLOW = "too-slow"
    BACKWARDS = "backwards"

    @property
    def band(self):
        from .core.pace import Band

        return Band(self.value.replace("-", "_"))


#: --fail-on CLASS fails on that class and on anything worse
FAIL_ON = {
    StatusChoice.AT_RISK: FALLS_SHORT,
    StatusChoice.MISSED: frozenset({Status.MISSED}),
    StatusChoice.NO_DATA: frozenset({Status.NO_DATA}),
    StatusChoice.ACHIEVED: FALLS_SHORT | {Status.ACHIEVED},
    StatusChoice.EXCEEDED: frozenset({Status.EXCEEDED}),
}

# Options every command shares, declared once.
PlanOpt = Annotated[Optional[str], typer.Option("--plan", "-p", help="Plan id (default: the first plan in targets.yaml).")]
AsOfOpt = Annotated[Optional[int], typer.Option("--as-of", help="Recompute as if it were this year: later actuals and estimates are hidden everywhere (default: the latest year with data within the plan's period).")]
LangOpt = Annotated[Lang, typer.Option("--lang", envvar="KPI_LANG", help="Language of labels and numbers: vi (5,76) or en (5.76).")]
DataDirOpt = Annotated[Optional[Path], typer.Option("--data-dir", envvar="KPI_DATA_DIR", help="Folder with targets.yaml and actuals.yaml (default: current folder if it has them, else the bundled data).", show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (same as --format json).")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
GroupOpt = Annotated[Optional[str], typer.Option("--group", "-g", help="Only the indicators of this group (economy, society, … or the plan's own label).")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kpi {__version__}")
        raise typer.Exit()


def root(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    ctx.obj = {"debug": debug}


def _err(message: str) -> None:
    """One line on stderr; what the data put in it (a name, a value) can show control
    characters and escape sequences but never make the terminal obey them."""
    from .output.safe import terminal_text

    sys.stderr.write(terminal_text(message) + "\n")


def _is_here(folder: Path) -> bool:
    try:
        return os.path.samefile(folder, os.getcwd())
    except OSError:
        return False


def _folder(ctx: typer.Context, data_dir: Path | None) -> Path:
    """The data folder; said on stderr when it is neither the current folder nor named on the
    command line (the bundled sample data, or $KPI_DATA_DIR), so no answer comes silently from
    other data than the person thinks."""
    from .files import datadir
    from .messages import Text

    folder = datadir.resolve(data_dir)
    lang = getattr(ctx.params.get("lang"), "value", ctx.params.get("lang") or "vi")
    if datadir.is_bundled(folder):
        _err(Text("datadir.bundled", path=folder.resolve()).render(lang))
    elif getattr(ctx.get_parameter_source("data_dir"), "name", "") == "ENVIRONMENT" and not _is_here(folder):
        _err(Text("datadir.from_env", path=folder).render(lang))
    return folder


def _data_messages(err: DataError) -> list[str]:
    errors = sum(not p.warning for p in err.problems)
    return [str(p) for p in err.problems] + [f"kpi: {errors} problem{'s' if errors != 1 else ''} in the data; nothing was computed."]


def _usage_messages(err: UsageError) -> list[str]:
    return [f"kpi: {err}"] + [f"  {candidate}" for candidate in err.candidates]


#: each exception of the core, its exit code and the lines it prints on stderr
EXIT_CODES = (
    (DataError, EXIT_DATA, _data_messages),
    (UsageError, EXIT_USAGE, _usage_messages),
    (WriteError, EXIT_WRITE, lambda err: [f"kpi: {err}"]),
)


@contextmanager
def errors_mapped(ctx: typer.Context):
    """The one place where the core's exceptions become messages and exit codes."""
    try:
        yield
    except KpiError as err:
        if ctx.obj and ctx.obj.get("debug"):
            raise
        for kind, code, messages in EXIT_CODES:
            if isinstance(err, kind):
                for line in messages(err):
                    _err(line)
                raise typer.Exit(code) from None
        raise


def _style() -> Style:
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    columns = os.environ.get("COLUMNS", "")
    width = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else int(columns) if columns.isdigit() else 100
    return Style(color=color, width=width, pretty=sys.stdout.isatty())


def _serve(ctx: typer.Context, data_dir: Path | None, fmt: Format, make: Callable) -> None:
    """Load the data, let ``make(dataset, warnings)`` build the document and the exit code,
    print it."""
    from .files import load

    doc, code = make(*load.read(_folder(ctx, data_dir)))
    _print(doc, fmt)
    if code:
        raise typer.Exit(code)


def _print(doc, fmt: Format) -> None:
    """Write a document to stdout; a binary format only when stdout is not a terminal."""
    from .output.formats import formatter

    writer = formatter(fmt)
    if not writer.binary:
        sys.stdout.write(writer.text(doc, _style()))
        return
    if sys.stdout.isatty():
        raise UsageError(f"{fmt.value} is a binary format: redirect it to a file (> out.{fmt.value}) or use kpi export -o FILE")
    sys.stdout.flush()
    getattr(sys.stdout, "buffer", sys.stdout).write(writer.file(doc))


def _plan_result(dataset, plan: str | None, as_of: int | None, group: str | None = None):
    from .core.evaluate import evaluate

    if not dataset.plans:
        raise UsageError("targets.yaml defines no plan")
    result = evaluate(dataset, plan or next(iter(dataset.plans)), as_of)
    if group is not None:
        from .core.groups import restrict

        result = restrict(result, group)
    return result


def _reviewed(dataset, plan: str | None, as_of: int | None, group: str | None = None):
    """The plan's results and, in a second pass, the audit of what its report published (of the
    whole plan, dated by the report's own year: a group's rows are then picked from it)."""
    from .core.audit import dated_audit
    from .core.groups import restrict

    result = _plan_result(dataset, plan, as_of)
    review = dated_audit(result, dataset)
    return (result if group is None else restrict(result, group)), review


def _format(fmt: Format, as_json: bool) -> Format:
    return Format.JSON if as_json else fmt


def status(
    ctx: typer.Context,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    only: Annotated[Optional[list[StatusChoice]], typer.Option("--only", help="Show only these classes (repeatable).")] = None,
    fail_on: Annotated[Optional[StatusChoice], typer.Option("--fail-on", help="Exit 3 if any indicator is in this class or worse (at-risk includes missed).")] = None,
    only_pace: Annotated[Optional[list[PaceChoice]], typer.Option("--only-pace", help="Show only indicators with this pace (repeatable).")] = None,
    compare_with: Annotated[Optional[int], typer.Option("--compare", help="Also show each verdict as of this year beside today's, and which changed.", metavar="YEAR")] = None,
    group: GroupOpt = None,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Where every indicator of a plan stands: the report's table, recomputed."""
    from .core.compare import compare
    from .output.views import status_document

    def make(dataset, _warnings):
        result, review = _reviewed(dataset, plan, as_of, group)
        wanted = frozenset(choice.status for choice in only) if only else None
        bands = frozenset(choice.band for choice in only_pace) if only_pace else None
        compared = None
        if compare_with is not None:
            before = _plan_result(dataset, result.plan.id, compare_with)
            compared = (before, compare(before, result))
        failed = fail_on is not None and any(r.status in FAIL_ON[fail_on] for r in result.results)
        return status_document(result, review, lang, wanted, bands, compared), EXIT_FAIL_ON if failed else 0

    with errors_mapped(ctx):
        _serve(ctx, data_dir, _format(fmt, as_json), make)


def show(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Argument(help='Id ("grdp-growth"), number ("7.1") or part of the name ("thuy san").')],
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """One indicator in detail: every year, growth, required growth, forecast, audit and a chart."""
    from .core.evaluate import other_targets, visible
    from .core.lookup import find
    from .output.views import show_document

    def make(dataset, _warnings):
        result, review = _reviewed(dataset, plan, as_of)
        found = find(result, indicator)
        points = visible(dataset.series.get(found.id, ()), result.as_of)
        series = tuple(p for p in points if p.year <= result.plan.target_year)
        others = other_targets(dataset, found.id, result.plan.id, result.as_of)
        return show_document(result, review, found, series, lang, others), 0

    with errors_mapped(ctx):
        _serve(ctx, data_dir, _format(fmt, as_json), make)


def summary(
    ctx: typer.Context,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    group: GroupOpt = None,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Counts per class ("23 chỉ tiêu: 7 vượt, …"), per group of indicators, and those at risk."""
    from .output.views import summary_document

    with errors_mapped(ctx):
        _serve(ctx, data_dir, _format(fmt, as_json), lambda data, _w: (summary_document(_plan_result(data, plan, as_of, group), lang), 0))


def audit(
    ctx: typer.Context,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Where the report's published figures or assessments differ from the computed ones."""
    from .output.views import audit_document

    with errors_mapped(ctx):
        _serve(ctx, data_dir, _format(fmt, as_json), lambda data, _w: (audit_document(*_reviewed(data, plan, as_of), lang), 0))


def validate(
    ctx: typer.Context,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Check the data files; exit 0 when they are sound (warnings are printed, do not fail)."""
    from .output.views import validate_document

    with errors_mapped(ctx):
        _serve(ctx, data_dir, _format(fmt, as_json), lambda data, warnings: (validate_document(data, warnings, lang), 0))


def export(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.", dir_okay=False)],
    export_format: Annotated[Optional[str], typer.Option("--format", "-f", help="docx, xlsx, csv, md or html (default: from the file name).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
    with_audit: Annotated[Optional[bool], typer.Option("--with-audit/--without-audit", help="Add the audit findings (default: yes, except in docx).")] = None,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    group: GroupOpt = None,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
) -> None:
    """Write the report's appendix table as docx, xlsx, csv, md or a self-contained html page.

    The columns are the appendix's, in its order: TT, Chỉ tiêu, ĐVT, Nghị quyết, the base year,
    each year so far, Bình quân, % so Nghị quyết, Lộ trình, Dự báo, So sánh %, Đánh giá.
    """
    from .files import datadir, load
    from .files.atomic import write_atomic
    from .messages import Text
    from .output.formats import FILE_FORMATS, FORMATS, file_format_names, for_file, formatter
    from .output.views import appendix_document

    with errors_mapped(ctx):
        names = file_format_names()
        try:
            given = Format(export_format) if export_format is not None else None
        except ValueError:
            given = None
        if export_format is not None and given not in FILE_FORMATS:
            raise UsageError(f"unknown format {export_format!r}: choose {names}")
        chosen = for_file(str(output), given)
        if chosen is None:
            raise UsageError(f"cannot tell the format from {str(output)!r}: give --format {names}")
        folder = _folder(ctx, data_dir)
        for name in datadir.FILES:
            if os.path.exists(output) and os.path.exists(folder / name) and os.path.samefile(output, folder / name):
                raise UsageError(Text("record.export_over_data", path=output, folder=folder))
        if output.exists() and not force:
            raise UsageError(f"{output} exists: add --force to replace it")
        dataset, _warnings = load.read(folder)
        doc = appendix_document(*_reviewed(dataset, plan, as_of, group), dataset, lang)
        if not (FORMATS[chosen].with_audit if with_audit is None else with_audit):
            doc = doc._replace(tables=tuple(t for t in doc.tables if t.role != "audit"))
        content = formatter(chosen).file(doc)
        try:
            write_atomic(output, content)
        except OSError as err:
            raise WriteError(f"cannot write {output}: {err.strerror or err}") from err
        shown = "md" if chosen is Format.MARKDOWN else chosen.value
        sys.stderr.write(f"kpi: wrote {output} ({shown}, {len(content):,} bytes)\n")


def record(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Argument(help='Id ("grdp-growth") or printed number ("1") of the indicator.')],
    year: Annotated[int, typer.Argument(help="The year of the value.")],
    value: Annotated[str, typer.Argument(help="The value, with a decimal point: 7.25 (negative values work: -2.98).")],
    point_status: Annotated[PointStatus, typer.Option("--status", help="actual (chính thức), preliminary (sơ bộ), estimate (ước tính) or plan (lộ trình).")] = PointStatus.ACTUAL,
    force: Annotated[bool, typer.Option("--force", help="Replace a value the year already has.")] = False,
    any_year: Annotated[bool, typer.Option("--any-year", help="Accept a year outside every plan's period (it is intended, not a typo).")] = False,
    plan: PlanOpt = None,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write one yearly value into actuals.yaml, keeping its comments and layout.

    The whole file is checked before anything is written, an existing value is replaced only
    with --force, and the file is replaced atomically under a lock.
    """
    from .files import datadir
    from .files.record import parse_value, record as record_value
    from .output.views import record_document

    with errors_mapped(ctx):
        folder = datadir.resolve(data_dir)
        if datadir.is_bundled(folder):
            raise UsageError("the bundled data is read-only: give --data-dir (or run in a folder with targets.yaml and actuals.yaml)")
        number = parse_value(value)

        def chosen(dataset) -> str:
            """The indicator to write, once the files are read under the lock; a year outside
            every plan's period is refused unless --any-year says it is intended."""
            ident = _exact_id(dataset, indicator, plan)
            if not any_year and dataset.plans and not any(p.covers(year) for p in dataset.plans.values()):
                periods = ", ".join(f"{p.id} {p.base_year}–{p.target_year}" for p in dataset.plans.values())
                raise UsageError(f"{year} is outside every plan's period ({periods}); add --any-year if it is intended")
            return ident

        change = record_value(folder, chosen, year, number, point_status, force)
        _print(record_document(change, lang), _format(Format.TABLE, as_json))


def _exact_id(dataset, query: str, plan: str | None) -> str:
    """Writes take an exact id, or the exact printed number in the plan: no guessing."""
    if query in dataset.indicators:
        return query
    rows = dataset.plans.get(plan or next(iter(dataset.plans), ""), None)
    for row in rows.rows if rows else ():
        if row.no == query:
            return row.indicator
    raise UsageError(f"no indicator has the id or number {query!r}", tuple(sorted(dataset.indicators)))


#: every command, in the order `kpi --help` lists them, with its Click settings
COMMANDS: dict[str, tuple[Callable[..., None], dict]] = {
    "status": (status, {}),
    "show": (show, {}),
    "summary": (summary, {}),
    "audit": (audit, {}),
    "validate": (validate, {}),
    "export": (export, {}),
    "record": (record, {"context_settings": {"ignore_unknown_options": True}}),
}


def build_app(argv: list[str] | None = None) -> typer.Typer:
    """The Typer app. Given the command line, only the command it names is built: Typer reads
    every command's signature when it builds it, which is start-up time spent on every run."""
    app = typer.Typer(
        name="kpi",
        help="Target calculator for the indicators of Vietnamese provincial resolutions "
        "(Sóc Trăng, 2020–2025 term and annual plans).",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(root)
    wanted = _command_named(argv) if argv is not None else None
    for name, (function, settings) in COMMANDS.items():
        if wanted is None or name == wanted:
            app.command(name, **settings)(function)
    return app


def _command_named(argv: list[str]) -> str | None:
    """The command a command line runs, if it names one (the root takes no option values)."""
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    return first if first in COMMANDS else None


def __getattr__(name: str) -> typer.Typer:
    """``cli.app``: the whole app, for tests and the docs generator."""
    if name == "app":
        return build_app()
    raise AttributeError(name)
