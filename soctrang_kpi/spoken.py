"""What `kpi` says to the person at the terminal, in their language, and the codes it exits with.

The language a command line asks for (``--lang``, ``$KPI_LANG``, Vietnamese by default) is read
before Click parses anything, so that --help is already in it; help screens get the texts of
the catalogue's ``help.*`` section; Click's own usage errors ("No such option", "Missing argument") become one
line in the language and exit 2; the core's exceptions become their messages and exit codes in
``errors_mapped``, the one place that maps them. cli.py declares the commands and uses this.

Exit codes (README "Errors and exit codes"): 0 success, 1 invalid data, 2 usage error (unknown
plan / id, bad option), 3 ``--fail-on`` matched, 4 a file could not be written; 70 (a bug) is
``__main__``'s.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

import typer

from .compat import click_errors
from .errors import DataError, KpiError, UsageError, WriteError
from .messages import CATALOG, LANGS, Num, Text, help_text, render, section

EXIT_DATA, EXIT_USAGE, EXIT_FAIL_ON, EXIT_WRITE = 1, 2, 3, 4
#: `kpi import` wrote the files, and lists cells or guesses a person should check
EXIT_TO_CHECK = 5


def command_named(argv: list[str], names: tuple[str, ...]) -> str | None:
    """The command a command line runs, if it names one (the root's only option with a value
    is --lang)."""
    words = [arg for i, arg in enumerate(argv) if not arg.startswith("-") and (i == 0 or argv[i - 1] != "--lang")]
    return words[0] if words and words[0] in names else None


def say(message: str) -> None:
    """One line on stderr; what the data put in it (a name, a value) can show control
    characters and escape sequences but never make the terminal obey them."""
    from .output.safe import terminal_text

    _SAID[0] += 1
    sys.stderr.write(terminal_text(message) + "\n")


_SAID = [0]


def said() -> int:
    """How many lines ``say`` has written in this process: a run that said something keeps no
    answer (files/answers.py), whose replay would print its stdout without them."""
    return _SAID[0]


LANG_KEY = "kpi.lang"  # where the language picked from the command line is kept (ctx.meta)


def lang_of(args: list[str], env: dict | os._Environ | None = None) -> str:
    """The language a command line asks for: its last --lang X (`kpi --lang vi status --lang
    en` speaks English, as the command does), else $KPI_LANG, else Vietnamese. Read before
    Click parses anything, so that --help is already in that language."""
    for i in range(len(args) - 1, -1, -1):
        arg = args[i]
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg[7:] if arg.startswith("--lang=") else None
        if value in LANGS:
            return value
    value = (os.environ if env is None else env).get("KPI_LANG", "")
    return value if value in LANGS else "vi"


def _speak(command, ctx, lang: str) -> None:
    """Put the catalogue's help texts (``help.*``) on a command, its parameters and its subcommands."""
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
PANEL_WORDS = {k: v for k, v in section("panel").items() if k != "usage"}


#: the word before the usage line of a help screen
USAGE_WORD = CATALOG["panel.usage"]


def _usage(command, ctx, formatter) -> None:
    """The usage line in the language of the command line: its heading, Click's "[OPTIONS]" and
    "COMMAND [ARGS]...", and each argument by its name in the catalogue ("{chỉ tiêu}")."""
    lang = ctx.meta.get(LANG_KEY) or lang_of([])
    command.options_metavar = CATALOG["usage_line.options"][lang]
    if isinstance(command, typer.core.TyperGroup):
        command.subcommand_metavar = CATALOG["usage_line.command"][lang]
    pieces = " ".join(command.collect_usage_pieces(ctx)).split(" ")
    for param in command.get_params(ctx):
        said = param_words(param)
        if isinstance(said, Text):  # an argument the catalogue names: "{indicator}" is "{chỉ tiêu}"
            name, words = click_errors.param_name(param), said.render(lang)
            # as Typer writes it ("{indicator}", "[folder]"), or as Click before it ("INDICATOR", "[FOLDER]")
            named = {f"{{{name}}}": f"{{{words}}}", name.upper(): f"{{{words}}}", f"[{name}]": f"[{words}]", f"[{name.upper()}]": f"[{words}]"}
            pieces = [named.get(piece, piece) for piece in pieces]
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE_WORD[lang])


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


class NoSuchCommand(click_errors.UsageError):
    """A command name the app does not have (Click says it only in an English sentence)."""

    def __init__(self, name: str, ctx) -> None:
        super().__init__(f"No such command {name!r}.", ctx)
        self.name = name


class SpokenGroup(_SpeaksHelp, typer.core.TyperGroup):
    """The app: its help and Click's own usage errors speak the language of the command line.
    ``command_names``: every command of the app (it is built with only the one that runs), to
    suggest one for a misspelt name."""

    command_names: tuple[str, ...] = ()

    def parse_args(self, ctx, args):
        ctx.meta[LANG_KEY] = lang_of(args)
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx, args):
        cmd_name = args[0] if args else ""
        if args and not cmd_name.startswith("-") and self.get_command(ctx, cmd_name) is None and not ctx.resilient_parsing:
            raise NoSuchCommand(cmd_name, ctx)
        name, command, rest = super().resolve_command(ctx, args)
        typed = ctx.params.get("lang")
        if typed is not None and command is not None:
            # `kpi --lang en status` is `kpi status --lang en`: typed, it wins over $KPI_LANG (which
            # Click would read, and refuse when it is no language, before any default), and the
            # command's own --lang, typed after it, still wins over it
            rest = ["--lang", getattr(typed, "value", typed), *rest]
        return name, command, rest

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, windows_expand_args=True, **extra):
        """Run the app; Click's usage errors become one line in the language and exit 2."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, windows_expand_args, **extra)
        argv = list(sys.argv[1:] if args is None else args)
        try:
            code = super().main(argv, prog_name, complete_var, False, windows_expand_args, **extra)
        except SystemExit as ended:
            # Typer (as Click) ends a run whose reader stopped early (`kpi status --json | head
            # -c 10`, `kpi --help | head -1`) with exit 1, whatever its mode: kpi's is 0 (README)
            if isinstance(ended.__context__, BrokenPipeError):
                reader_gone()
                sys.exit(0)
            raise
        except OSError as err:  # help printed where it cannot go (`kpi --help > /dev/full`)
            say(f"kpi: {render(cannot_write(err), lang_of(argv))}")
            sys.exit(EXIT_WRITE)
        except click_errors.UsageError as err:
            if click_errors.is_a(err, "NoArgsIsHelpError"):
                sys.exit(EXIT_USAGE)  # the help is already printed
            ctx = getattr(err, "ctx", None)
            lang = (ctx.meta.get(LANG_KEY) if ctx is not None else None) or lang_of(argv)
            for line in wrapped(click_error_lines(err, lang, argv, self.command_names)):
                say(line)
            sys.exit(EXIT_USAGE)
        except typer.Abort:
            say(Text("click.aborted").render(lang_of(argv)))
            sys.exit(1)
        except click_errors.ClickException as err:  # a file Click could not open: not raised by kpi's options
            say(f"kpi: {err.format_message()}")
            sys.exit(err.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


def click_error_lines(err, lang: str, argv: list[str] | tuple[str, ...] = (), names: tuple[str, ...] = ()) -> list[str]:
    """Click's usage error as one line in ``lang``, and where to look for help."""
    is_a = click_errors.is_a
    message: Text
    if isinstance(err, NoSuchCommand):
        from difflib import get_close_matches

        typed = err.name if len(err.name) <= 100 else err.name[:100] + "…"  # a pasted paragraph
        close = get_close_matches(typed, list(names))
        hint = Text("click.did_you_mean", names=", ".join(close)) if close else ""
        message = Text("click.no_command", name=repr(typed), hint=hint, names=", ".join(names))
    elif is_a(err, "NoSuchOption"):
        close = sorted(err.possibilities or ())
        hint = Text("click.did_you_mean", names=", ".join(close)) if close else ""
        message = Text("click.no_option", name=err.option_name, hint=hint)
    elif is_a(err, "MissingParameter"):
        kind = "option" if getattr(err.param, "param_type_name", "") == "option" else "argument"
        message = Text(f"click.missing_{kind}", name=param_words(err.param))
    elif is_a(err, "BadParameter"):
        said = err.message if isinstance(err.message, Text) else None  # kpi's own parser said it
        if said is None:
            detail = click_errors.bad_value(err)
            said = Text(detail.key, **detail.fields)
        message = Text("click.bad_parameter", name=_named(err.param, getattr(err, "ctx", None)), detail=said)
    elif is_a(err, "BadOptionUsage"):
        reading = click_errors.option_usage(err)
        message = Text(reading.key, **reading.fields)
    elif (extra := click_errors.extra_arguments(err)) is not None:
        message = Text("click.extra", args=extra)
    else:
        message = Text("click.usage", detail=err.format_message())
    ctx = getattr(err, "ctx", None)
    named = command_named(list(argv), names)
    path = ctx.command_path if ctx is not None else f"kpi {named}" if named else "kpi"
    return [f"kpi: {message.render(lang)}", "  " + Text("click.try", command=f"{path} --help").render(lang)]


def _named(param, ctx) -> str:
    """An option by its flags ("--lang"), or by the environment variable its value came from
    ("$KPI_LANG"): the person typed no --lang, and should not look for one."""
    envvar = getattr(param, "envvar", None)
    if ctx is not None and param is not None and isinstance(envvar, str):
        if getattr(ctx.get_parameter_source(param.name), "name", "") == "ENVIRONMENT":  # Click's ParameterSource
            return f"${envvar}"
    return param_words(param)


def param_words(param) -> str:
    """An option by its flags ("--as-of"); an argument by its name in the catalogue, said in the
    user's language ("tệp", not Click's "file"), its name in the code when it has none."""
    name = click_errors.param_name(param)
    key = f"click.arg.{name}"
    return Text(key) if getattr(param, "param_type_name", "") == "argument" and key in CATALOG else name


def language_of(ctx: typer.Context) -> str:
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
    heading = CANDIDATES_HEADING.get(err.args[0].key) if isinstance(err.args[0], Text) else None
    if err.candidates and heading is not None:
        lines.append(f"  {Text(heading).render(lang)}")
    return lines + [f"  {render(candidate, lang)}" for candidate in err.candidates]


#: the line over a message's candidates: suggestions ("có phải là:") or the full list of what
#: there is ("các kế hoạch có:"); a message not here says itself what follows ("hãy chọn một")
CANDIDATES_HEADING = {
    "cli.no_id_or_number": "cli.did_you_mean",
    "lookup.none": "cli.did_you_mean",
    "targets.no_indicator": "cli.did_you_mean",
    "plan.unknown": "cli.plans_there",
    "area.unknown": "cli.areas_there",
}


#: each exception of the core, its exit code and the lines it prints on stderr: a data problem one
#: line each, whatever its length (file:line: for an editor or a tool to read), the others wrapped
#: to the terminal (``wrapped``)
EXIT_CODES: tuple[tuple[type[KpiError], int, Callable[[Any, str], list[str]]], ...] = (
    (DataError, EXIT_DATA, _data_messages),
    (UsageError, EXIT_USAGE, lambda err, lang: wrapped(_usage_messages(err, lang))),
    (WriteError, EXIT_WRITE, lambda err, lang: wrapped([f"kpi: {render(err.args[0], lang)}"])),
)

#: a continuation hangs under the column it continues only where that leaves this many cells
MIN_HANG_ROOM = 20


def terminal_width(stream) -> int | None:
    """The width text for ``stream`` is laid out for (the one rule of stdout's tables, cli._style,
    and of stderr's messages, ``wrapped``): $COLUMNS when it is a positive number, else the width
    of the terminal ``stream`` is; None when it is no terminal and $COLUMNS says no width (a
    file, a pipe, a log: stdout's tables are then laid out for 100 columns, a message stays on
    its one line, for grep and for tools)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if stream.isatty():
            return os.get_terminal_size(stream.fileno()).columns or None
    except (OSError, ValueError, AttributeError):
        pass
    return None


def wrapped(lines: list[str], width: int | None = None) -> list[str]:
    """A message's lines wrapped to ``width`` (stderr's ``terminal_width``; without one, left
    whole) by the table's word wrap (output/formats/as_table.filled) between words, never inside
    a word, an id or a path (one wider than the line is printed whole) nor between an option's
    flags ("--format / -f"): each line's first line still names the problem ("kpi: không có chỉ
    tiêu nào khớp với …"); a continuation hangs under the text after "kpi: ", under the name of a
    listed indicator ("   3.4  grdp-share-taxes  Thuế sản phẩm …"), else two cells in."""
    from .output.formats.as_table import GLUE, filled, width_of

    width = terminal_width(sys.stderr) if width is None else width
    if width is None:
        return lines
    out: list[str] = []
    for line in lines:
        if width_of(line) <= width:
            out.append(line)
            continue
        lead = len(line) - len(line.lstrip(" "))
        columns = list(re.compile(COLUMN_GAP).finditer(line, lead))
        # where the wrapped text starts, and where its further lines start
        start = lead + 5 if line.startswith("kpi: ", lead) else columns[-1].end() if columns else lead
        hang = start if start > lead else lead + 2
        if width - hang < MIN_HANG_ROOM:
            hang = min(hang, lead + 2)  # a narrow terminal: under the line's own indent
        # a listed indicator's name whose first word does not fit beside its number and id (an
        # English name at 40 columns) starts under them; "kpi: " always keeps its first word
        alone = start > lead and not line.startswith("kpi: ", lead)
        words = re.sub(FLAGS, lambda found: found.group().replace(" ", GLUE), line[start:]).split()
        out += filled(words, width, first=line[:start], hang=" " * hang, alone=alone, fold=False)
    return out


#: the gap before a column of a listed indicator: two spaces or more after text. The patterns
#: are compiled when a message is wrapped (re keeps them), not as every run imports this module:
#: compiling both took 258 µs
COLUMN_GAP = r"(?<=\S) {2,}(?=\S)"
#: an option's flags ("--format / -f"): one word when wrapping
FLAGS = r"--?[\w-]+(?: / --?[\w-]+)+"


def reader_gone() -> None:
    """The reader of stdout stopped early (`| head`): what is still buffered, and anything
    written later, goes nowhere instead of failing again when Python flushes at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


@contextmanager
def writing_stdout():
    """Writing what a command prints: standard output that cannot take it (`kpi status >
    /dev/full`, a quota) is a write error naming it (exit 4), not an error of some nameless
    file; a reader that stopped early (`| head`) is not an error at all (__main__: exit 0)."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as err:
        raise WriteError(cannot_write(err)) from err


def cannot_write(err: OSError) -> Text:
    """What could not be written, and why: standard output unless the error names a file."""
    from .files.oserror import reason

    return Text("cli.cannot_write", path=Text("os.stdout") if err.filename is None else err.filename, reason=reason(err))


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
                for line in messages(err, language_of(ctx)):
                    say(line)
                raise typer.Exit(code) from None
        raise
    except BrokenPipeError:  # `kpi status | head`: the reader has what it wanted (__main__: exit 0)
        raise
    except OSError as err:  # a folder that vanished, a permission lost while reading
        if ctx.obj and ctx.obj.get("debug"):
            raise
        from .files.oserror import reason

        say(f"kpi: {render(Text('os.failed', path=err.filename or '', reason=reason(err)), language_of(ctx))}")
        raise typer.Exit(EXIT_DATA) from None
