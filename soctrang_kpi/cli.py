"""The `kpi` command: a thin Typer shell over the engine.

This is the only module that turns the core's exceptions into messages and exit codes:
0 success, 1 invalid data, 2 usage error (unknown plan / id, bad option), 3 ``--fail-on`` matched,
70 internal error (a bug; rerun with --debug for the traceback).
"""

from __future__ import annotations

import os
import shutil
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .classify import Status
from .errors import DataError, UsageError
from .labels import Lang
from .render import Format, Style, render

EXIT_DATA, EXIT_USAGE, EXIT_FAIL_ON, EXIT_BUG = 1, 2, 3, 70

app = typer.Typer(
    name="kpi",
    help="Target calculator for the indicators of Vietnamese provincial resolutions "
    "(Sóc Trăng, 2020–2025 term and annual plans).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


#: --fail-on CLASS fails on that class and on anything worse
FAIL_ON = {
    StatusChoice.AT_RISK: frozenset({Status.AT_RISK, Status.MISSED}),
    StatusChoice.MISSED: frozenset({Status.MISSED}),
    StatusChoice.NO_DATA: frozenset({Status.NO_DATA}),
    StatusChoice.ACHIEVED: frozenset({Status.ACHIEVED, Status.AT_RISK, Status.MISSED}),
    StatusChoice.EXCEEDED: frozenset({Status.EXCEEDED}),
}

# Options every command shares, declared once.
PlanOpt = Annotated[Optional[str], typer.Option("--plan", "-p", help="Plan id (default: the first plan in targets.yaml).")]
AsOfOpt = Annotated[Optional[int], typer.Option("--as-of", help="Recompute as if it were this year (default: the latest year with data).")]
LangOpt = Annotated[Lang, typer.Option("--lang", envvar="KPI_LANG", help="Language of labels and numbers: vi (5,76) or en (5.76).")]
DataDirOpt = Annotated[Optional[Path], typer.Option("--data-dir", envvar="KPI_DATA_DIR", help="Folder with targets.yaml and actuals.yaml (default: current folder if it has them, else the bundled data).", show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (same as --format json).")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kpi {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    ctx.obj = {"debug": debug}


def _err(message: str) -> None:
    sys.stderr.write(message + "\n")


@contextmanager
def errors_mapped(ctx: typer.Context):
    """The one place where the core's exceptions become messages and exit codes."""
    debug = bool(ctx.obj and ctx.obj.get("debug"))
    try:
        yield
    except DataError as err:
        if debug:
            raise
        for problem in err.problems:
            _err(str(problem))
        errors = sum(not p.warning for p in err.problems)
        _err(f"kpi: {errors} problem{'s' if errors != 1 else ''} in the data; nothing was computed.")
        raise typer.Exit(EXIT_DATA) from None
    except UsageError as err:
        if debug:
            raise
        _err(f"kpi: {err}")
        for candidate in err.candidates:
            _err(f"  {candidate}")
        raise typer.Exit(EXIT_USAGE) from None


def _style() -> Style:
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    width = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else int(os.environ.get("COLUMNS", 100))
    return Style(color=color, width=width)


def _emit(doc, fmt: Format, as_json: bool) -> None:
    sys.stdout.write(render(doc, Format.JSON if as_json else fmt, _style()))


def _load(data_dir: Path | None):
    from . import load

    return load.read(load.data_dir(data_dir))


def _evaluate(data_dir: Path | None, plan: str | None, as_of: int | None):
    from .engine import evaluate

    dataset, _warnings = _load(data_dir)
    if not dataset.plans:
        raise UsageError("targets.yaml defines no plan")
    return dataset, evaluate(dataset, plan or next(iter(dataset.plans)), as_of)


@app.command()
def status(
    ctx: typer.Context,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    only: Annotated[Optional[list[StatusChoice]], typer.Option("--only", help="Show only these classes (repeatable).")] = None,
    fail_on: Annotated[Optional[StatusChoice], typer.Option("--fail-on", help="Exit 3 if any indicator is in this class or worse (at-risk includes missed).")] = None,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Where every indicator of a plan stands: the report's table, recomputed."""
    from .views import status_document

    with errors_mapped(ctx):
        _dataset, result = _evaluate(data_dir, plan, as_of)
        wanted = frozenset(choice.status for choice in only) if only else None
        _emit(status_document(result, lang, wanted), fmt, as_json)
        if fail_on is not None and any(r.status in FAIL_ON[fail_on] for r in result.results):
            raise typer.Exit(EXIT_FAIL_ON)


@app.command()
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
    from .lookup import find
    from .views import show_document

    with errors_mapped(ctx):
        dataset, result = _evaluate(data_dir, plan, as_of)
        found = find(result, indicator)
        series = tuple(p for p in dataset.series.get(found.id, ()) if p.year <= result.plan.target_year)
        _emit(show_document(result, found, series, lang), fmt, as_json)


@app.command()
def summary(
    ctx: typer.Context,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Counts per class ("23 chỉ tiêu: 7 vượt, …") and the indicators at risk."""
    from .views import summary_document

    with errors_mapped(ctx):
        _dataset, result = _evaluate(data_dir, plan, as_of)
        _emit(summary_document(result, lang), fmt, as_json)


@app.command()
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
    from .views import audit_document

    with errors_mapped(ctx):
        _dataset, result = _evaluate(data_dir, plan, as_of)
        _emit(audit_document(result, lang), fmt, as_json)


@app.command()
def validate(
    ctx: typer.Context,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Check the data files; exit 0 when they are sound (warnings are printed, do not fail)."""
    from .views import validate_document

    with errors_mapped(ctx):
        dataset, warnings = _load(data_dir)
        _emit(validate_document(dataset, warnings, lang), fmt, as_json)


def main() -> None:
    """Console entry point: a bug shows a one-line message unless --debug asks for the traceback."""
    try:
        app()
    except Exception as err:  # noqa: BLE001 - the last line of defence, not error handling
        if "--debug" in sys.argv:
            raise
        _err(f"kpi: internal error: {type(err).__name__}: {err} (rerun with --debug for details)")
        sys.exit(EXIT_BUG)
