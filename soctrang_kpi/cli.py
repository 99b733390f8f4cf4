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
from typing import Annotated, Any, Optional

import typer

from . import __version__
from .core.classify import FALLS_SHORT, Status
from .errors import DataError, KpiError, UsageError, WriteError
from .messages import LANGS, Num, Text, help_text, render
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
PlanOpt = Annotated[Optional[str], typer.Option("--plan", "-p")]
AsOfOpt = Annotated[Optional[int], typer.Option("--as-of")]
LangOpt = Annotated[Lang, typer.Option("--lang", envvar="KPI_LANG")]
DataDirOpt = Annotated[Optional[Path], typer.Option("--data-dir", envvar="KPI_DATA_DIR", show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f")]
GroupOpt = Annotated[Optional[str], typer.Option("--group", "-g")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kpi {__version__}")
        raise typer.Exit()


def root(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
    lang: Annotated[Optional[Lang], typer.Option("--lang", show_default=False)] = None,
) -> None:
    ctx.obj = {"debug": debug}
    if lang is not None:  # `kpi --lang en status`: the command speaks it unless told otherwise
        ctx.default_map = {name: {"lang": lang.value} for name in COMMANDS}


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


LANG_KEY = "kpi.lang"  # where the language picked from the command line is kept (ctx.meta)


def lang_of(args: list[str], env: dict | os._Environ | None = None) -> str:
    """The language a command line asks for: --lang X, else $KPI_LANG, else Vietnamese. Read
    before Click parses anything, so that --help is already in that language."""
    for i, arg in enumerate(args):
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg[7:] if arg.startswith("--lang=") else None
        if value in LANGS:
            return value
    value = (os.environ if env is None else env).get("KPI_LANG", "")
    return value if value in LANGS else "vi"


def _speak(command, ctx, lang: str) -> None:
    """Put the help texts of ``HELP`` on a command, its parameters and its subcommands."""
    name = "app" if isinstance(command, typer.core.TyperGroup) else command.name
    command.help = help_text(f"help.cmd.{name}" if name != "app" else "help.app", lang) or command.help
    for param in command.get_params(ctx):
        said = help_text(f"help.{name}.{param.name}", lang) or help_text(f"help.opt.{param.name}", lang)
        if said:
            param.help = said
    for sub in getattr(command, "commands", {}).values():
        sub.help = help_text(f"help.cmd.{sub.name}", lang) or sub.help
        sub.short_help = None
    from typer import rich_utils  # only when help is printed

    for attribute, words in PANEL_WORDS.items():
        setattr(rich_utils, attribute, words[lang])


#: Typer's own words in the --help panels
PANEL_WORDS = {
    "ARGUMENTS_PANEL_TITLE": {"vi": "Tham số", "en": "Arguments"},
    "OPTIONS_PANEL_TITLE": {"vi": "Tuỳ chọn", "en": "Options"},
    "COMMANDS_PANEL_TITLE": {"vi": "Lệnh", "en": "Commands"},
    "DEFAULT_STRING": {"vi": "[mặc định: {}]", "en": "[default: {}]"},
    "ENVVAR_STRING": {"vi": "[biến môi trường: {}]", "en": "[env var: {}]"},
    "REQUIRED_LONG_STRING": {"vi": "[bắt buộc]", "en": "[required]"},
    "ERRORS_PANEL_TITLE": {"vi": "Lỗi", "en": "Error"},
}


#: the word before the usage line of a help screen
USAGE_WORD = {"vi": "Cách dùng: ", "en": "Usage: "}


def _usage(command, ctx, formatter) -> None:
    """The usage line, headed in the language of the command line."""
    lang = ctx.meta.get(LANG_KEY) or lang_of([])
    formatter.write_usage(ctx.command_path, " ".join(command.collect_usage_pieces(ctx)), prefix=USAGE_WORD[lang])


class _SpeaksHelp:
    """--help and its usage line in the language the command line asked for."""

    def format_help(self, ctx, formatter):
        _speak(self, ctx, ctx.meta.get(LANG_KEY) or lang_of([]))
        return super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx, formatter):
        _usage(self, ctx, formatter)


class SpokenCommand(_SpeaksHelp, typer.core.TyperCommand):
    """A command whose --help speaks the language of the command line."""

    def parse_args(self, ctx, args):
        ctx.meta.setdefault(LANG_KEY, lang_of(args))
        return super().parse_args(ctx, args)


class NoSuchCommand(typer.core._click.exceptions.UsageError):
    """A command name the app does not have (Click says it only in an English sentence)."""

    def __init__(self, name: str, ctx) -> None:
        super().__init__(f"No such command {name!r}.", ctx)
        self.name = name


class SpokenGroup(_SpeaksHelp, typer.core.TyperGroup):
    """The app: its help and Click's own usage errors speak the language of the command line."""

    def parse_args(self, ctx, args):
        ctx.meta[LANG_KEY] = lang_of(args)
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx, args):
        cmd_name = args[0] if args else ""
        if args and not cmd_name.startswith("-") and self.get_command(ctx, cmd_name) is None and not ctx.resilient_parsing:
            raise NoSuchCommand(cmd_name, ctx)
        return super().resolve_command(ctx, args)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, windows_expand_args=True, **extra):
        """Run the app; Click's usage errors become one line in the language and exit 2."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, windows_expand_args, **extra)
        argv = list(sys.argv[1:] if args is None else args)
        exceptions = typer.core._click.exceptions
        try:
            code = super().main(argv, prog_name, complete_var, False, windows_expand_args, **extra)
        except exceptions.NoArgsIsHelpError:
            sys.exit(EXIT_USAGE)  # the help is already printed
        except exceptions.UsageError as err:
            ctx = getattr(err, "ctx", None)
            lang = (ctx.meta.get(LANG_KEY) if ctx is not None else None) or lang_of(argv)
            for line in click_error_lines(err, lang, argv):
                _err(line)
            sys.exit(EXIT_USAGE)
        except typer.Abort:
            _err(Text("click.aborted").render(lang_of(argv)))
            sys.exit(1)
        except exceptions.ClickException as err:  # a file Click could not open: not raised by kpi's options
            _err(f"kpi: {err.format_message()}")
            sys.exit(err.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


def _quoted(message: str) -> str:
    """The value Click quotes first in its message ("'abc' is not a valid int.")."""
    import re

    found = re.search(r"""(['"])(.*?)\1""", message)
    return repr(found.group(2)) if found else ""


def _param_name(param) -> str:
    if param is None:
        return ""
    if getattr(param, "param_type_name", "") == "option":
        return " / ".join(param.opts)
    return param.human_readable_name.strip("{}").lower()


def _bad_value(err) -> Text:
    """What is wrong with a value, by the type of the parameter."""
    types = typer.core._click.types
    message = err.message
    value = _quoted(message)
    kind = getattr(err.param, "type", None)
    choices = getattr(kind, "choices", None)
    if choices is not None:
        return Text("click.not_one_of", value=value, choices=", ".join(str(c) for c in choices))
    if isinstance(kind, types.IntRange) and "range" in message:
        return Text("click.not_in_range", value=message.split(" ", 1)[0], range=message.rpartition("range ")[2].rstrip("."))
    if isinstance(kind, types.IntParamType):
        return Text("click.not_whole", value=value)
    if isinstance(kind, types.FloatParamType):
        return Text("click.not_number", value=value)
    if type(kind).__name__.endswith("Path"):
        return Text("click.is_folder" if "directory" in message else "click.is_file" if "is a file" in message else "click.no_path", value=value)
    return Text("click.bad_value", value=value or message)


def click_error_lines(err, lang: str, argv: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Click's usage error as one line in ``lang``, and where to look for help."""
    import re

    exceptions = typer.core._click.exceptions
    message: Text
    if isinstance(err, NoSuchCommand):
        from difflib import get_close_matches

        close = get_close_matches(err.name, list(COMMANDS))
        hint = Text("click.did_you_mean", names=", ".join(close)) if close else ""
        message = Text("click.no_command", name=repr(err.name), hint=hint, names=", ".join(COMMANDS))
    elif isinstance(err, exceptions.NoSuchOption):
        close = sorted(err.possibilities or ())
        hint = Text("click.did_you_mean", names=", ".join(close)) if close else ""
        message = Text("click.no_option", name=err.option_name, hint=hint)
    elif isinstance(err, exceptions.MissingParameter):
        kind = "option" if getattr(err.param, "param_type_name", "") == "option" else "argument"
        message = Text(f"click.missing_{kind}", name=_param_name(err.param))
    elif isinstance(err, exceptions.BadParameter):
        message = Text("click.bad_parameter", name=_param_name(err.param), detail=_bad_value(err))
    elif isinstance(err, exceptions.BadOptionUsage):
        key = "click.needs_value" if "requires" in err.message else "click.takes_no_value" if "does not take" in err.message else "click.bad_option"
        message = Text(key, name=err.option_name)
    elif extra := re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", err.message):
        message = Text("click.extra", args=extra.group(1))
    else:
        message = Text("click.usage", detail=err.format_message())
    ctx = getattr(err, "ctx", None)
    named = _command_named(list(argv))
    path = ctx.command_path if ctx is not None else f"kpi {named}" if named else "kpi"
    return [f"kpi: {message.render(lang)}", "  " + Text("click.try", command=f"{path} --help").render(lang)]


def _lang(ctx: typer.Context) -> str:
    """The language of messages: the --lang option once parsed, else the command line's."""
    chosen = ctx.params.get("lang")
    if chosen is not None:
        return getattr(chosen, "value", chosen)
    return ctx.meta.get(LANG_KEY) or lang_of([])


def _data_messages(err: DataError, lang: str) -> list[str]:
    errors = sum(not p.warning for p in err.problems)
    count = Text("cli.data_problems", count=Num(errors))
    return [p.render(lang) for p in err.problems] + [Text("cli.nothing_computed", problems=count).render(lang)]


def _usage_messages(err: UsageError, lang: str) -> list[str]:
    lines = [f"kpi: {render(err.args[0], lang)}"]
    if err.candidates and isinstance(err.args[0], Text) and err.args[0].key in SUGGESTING:
        lines.append(f"  {Text('cli.did_you_mean').render(lang)}")
    return lines + [f"  {candidate}" for candidate in err.candidates]


#: messages whose candidates are suggestions rather than the full list
SUGGESTING = frozenset({"cli.no_id_or_number", "lookup.none", "targets.no_indicator"})


#: each exception of the core, its exit code and the lines it prints on stderr
EXIT_CODES: tuple[tuple[type[KpiError], int, Callable[[Any, str], list[str]]], ...] = (
    (DataError, EXIT_DATA, _data_messages),
    (UsageError, EXIT_USAGE, _usage_messages),
    (WriteError, EXIT_WRITE, lambda err, lang: [f"kpi: {render(err.args[0], lang)}"]),
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
                for line in messages(err, _lang(ctx)):
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
        raise UsageError(Text("cli.binary_format", format=fmt.value))
    sys.stdout.flush()
    sys.stdout.buffer.write(writer.file(doc))


def _plan_result(dataset, plan: str | None, as_of: int | None, group: str | None = None):
    from .core.evaluate import evaluate

    if not dataset.plans:
        raise UsageError(Text("cli.no_plan"))
    if plan is not None and plan not in dataset.plans:
        raise UsageError(Text("plan.unknown", plan=repr(plan)), tuple(dataset.plans))
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
    only: Annotated[Optional[list[StatusChoice]], typer.Option("--only")] = None,
    fail_on: Annotated[Optional[StatusChoice], typer.Option("--fail-on")] = None,
    only_pace: Annotated[Optional[list[PaceChoice]], typer.Option("--only-pace")] = None,
    compare_with: Annotated[Optional[int], typer.Option("--compare", metavar="YEAR")] = None,
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
        people = _format(fmt, as_json) is not Format.JSON
        return status_document(result, review, lang, wanted, bands, compared, for_people=people), EXIT_FAIL_ON if failed else 0

    with errors_mapped(ctx):
        _serve(ctx, data_dir, _format(fmt, as_json), make)


def show(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Argument(show_default=False)],
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

    def make(dataset, _warnings):
        result, review = _reviewed(dataset, plan, as_of)
        return audit_document(result, review, lang), 0

    with errors_mapped(ctx):
        _serve(ctx, data_dir, _format(fmt, as_json), make)


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
    output: Annotated[Path, typer.Option("--output", "-o", dir_okay=False)],
    export_format: Annotated[Optional[str], typer.Option("--format", "-f")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    with_audit: Annotated[Optional[bool], typer.Option("--with-audit/--without-audit")] = None,
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
        names = file_format_names(Text("cli.or").render(_lang(ctx)))
        try:
            given = Format(export_format) if export_format is not None else None
        except ValueError:
            given = None
        if export_format is not None and given not in FILE_FORMATS:
            raise UsageError(Text("cli.unknown_format", format=repr(export_format), names=names))
        chosen = for_file(str(output), given)
        if chosen is None:
            raise UsageError(Text("cli.format_of_file", path=repr(str(output)), names=names))
        folder = _folder(ctx, data_dir)
        for name in datadir.FILES:
            if os.path.exists(output) and os.path.exists(folder / name) and os.path.samefile(output, folder / name):
                raise UsageError(Text("record.export_over_data", path=output, folder=folder))
        if output.exists() and not force:
            raise UsageError(Text("cli.exists", path=output))
        dataset, _warnings = load.read(folder)
        result, review = _reviewed(dataset, plan, as_of, group)
        doc = appendix_document(result, review, dataset, lang)
        if not (FORMATS[chosen].with_audit if with_audit is None else with_audit):
            doc = doc._replace(tables=tuple(t for t in doc.tables if t.role != "audit"))
        content = formatter(chosen).file(doc)
        try:
            write_atomic(output, content)
        except OSError as err:
            raise WriteError(Text("cli.cannot_write", path=output, reason=err.strerror or err)) from err
        shown = "md" if chosen is Format.MARKDOWN else chosen.value
        _err(Text("cli.wrote", path=output, format=shown, size=Num(len(content))).render(_lang(ctx)))


def record(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Argument(show_default=False)],
    year: Annotated[int, typer.Argument(show_default=False)],
    value: Annotated[str, typer.Argument(show_default=False)],
    point_status: Annotated[PointStatus, typer.Option("--status")] = PointStatus.ACTUAL,
    force: Annotated[bool, typer.Option("--force")] = False,
    any_year: Annotated[bool, typer.Option("--any-year")] = False,
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
            raise UsageError(Text("cli.bundled_read_only"))
        number = parse_value(value)

        def chosen(dataset) -> str:
            """The indicator to write, once the files are read under the lock; a year outside
            every plan's period is refused unless --any-year says it is intended."""
            ident = _exact_id(dataset, indicator, plan)
            if not any_year and dataset.plans and not any(p.covers(year) for p in dataset.plans.values()):
                periods = ", ".join(f"{p.id} {p.base_year}–{p.target_year}" for p in dataset.plans.values())
                raise UsageError(Text("record.outside_periods", year=year, periods=periods))
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
    from .core.lookup import suggestions

    numbers = {row.indicator: row.no for row in rows.rows} if rows else {}
    entries = [(numbers.get(i, ""), i, ind.name) for i, ind in dataset.indicators.items()]
    raise UsageError(Text("cli.no_id_or_number", query=repr(query)), suggestions(entries, query))


def init(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(file_okay=False, show_default=False)] = Path("."),
    name: Annotated[Optional[str], typer.Option("--name")] = None,
    base_year: Annotated[Optional[int], typer.Option("--base-year", min=1900, max=2200)] = None,
    target_year: Annotated[Optional[int], typer.Option("--target-year", min=1900, max=2200)] = None,
    from_bundled: Annotated[bool, typer.Option("--from-bundled")] = False,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOpt = Lang.VI,
) -> None:
    """Start a new plan: a commented targets.yaml and actuals.yaml that kpi validate accepts."""
    from .files import init_template

    said = lang.value
    with errors_mapped(ctx):
        if from_bundled:
            texts = init_template.bundled()
        else:
            asking = sys.stdin.isatty() and None in (name, base_year, target_year)
            if base_year is None:
                base_year = typer.prompt(Text("init.ask_base").render(said), default=2025, type=int) if asking else 2025
            if target_year is None:
                target_year = typer.prompt(Text("init.ask_target").render(said), default=base_year + 5, type=int) if asking else base_year + 5
            if name is None:
                default = Text("init.default_name", base=base_year, target=target_year).render(said)
                name = typer.prompt(Text("init.ask_name").render(said), default=default) if asking else default
            texts = init_template.render(name, base_year, target_year, said)
        for path in init_template.write(folder, texts, force):
            _err(Text("init.wrote", path=path).render(said))
        _err(Text("init.next", folder=folder).render(said))


def import_table(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, show_default=False)],
    out: Annotated[Path, typer.Option("--output", "-o", file_okay=False)] = Path("."),
    name: Annotated[Optional[str], typer.Option("--name")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOpt = Lang.VI,
) -> None:
    """Read the office's own appendix table (.xlsx or .docx) into targets.yaml and actuals.yaml."""
    from .files import import_table as importer
    from .files.init_template import write

    said = lang.value
    with errors_mapped(ctx):
        imported = importer.read(file, name)
        for cell in imported.skipped:
            _err(cell.render(said))
        written = write(out, importer.to_yaml(imported, said), force)
        _err(imported.found(said))
        if imported.skipped:
            _err(Text("import.summary", count=Num(len(imported.skipped))).render(said))
        for path in written:
            _err(Text("init.wrote", path=path).render(said))
        _err(Text("init.next", folder=out).render(said))


#: every command, in the order `kpi --help` lists them, with its Click settings
COMMANDS: dict[str, tuple[Callable[..., None], dict]] = {
    "status": (status, {}),
    "show": (show, {}),
    "summary": (summary, {}),
    "audit": (audit, {}),
    "validate": (validate, {}),
    "export": (export, {}),
    "record": (record, {"context_settings": {"ignore_unknown_options": True}}),
    "init": (init, {}),
    "import": (import_table, {}),
}


def build_app(argv: list[str] | None = None) -> typer.Typer:
    """The Typer app. Given the command line, only the command it names is built: Typer reads
    every command's signature when it builds it, which is start-up time spent on every run."""
    app = typer.Typer(
        name="kpi",
        cls=SpokenGroup,
        help=help_text("help.app", "en"),
        no_args_is_help=True,
        add_completion=True,  # measured: 0,1 % of a run's instructions (README "Performance")
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(root)
    wanted = _command_named(argv) if argv is not None else None
    for name, (function, settings) in COMMANDS.items():
        if wanted is None or name == wanted:
            app.command(name, cls=SpokenCommand, **settings)(function)
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
