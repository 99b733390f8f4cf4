"""The `kpi` command: a thin Typer shell over the engine. Each command reads the files, calls
the core and prints a document through the format registry; what it says on stderr, in which
language, and with which exit code is spoken.py's (``errors_mapped`` is the one place where the
core's exceptions become messages and exit codes).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from . import __version__
from .core.classify import FALLS_SHORT, Status
from .errors import UsageError, WriteError
from .messages import Num, Text, help_text
from .output.labels import Lang
from .core.model import Dataset, PointStatus
from .output.document import Style
from .output.formats import Format
from .spoken import EXIT_FAIL_ON, EXIT_TO_CHECK, EXIT_USAGE, SpokenCommand, SpokenGroup, command_named, errors_mapped, language_of, say, terminal_width, writing_stdout

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
PlanOpt = Annotated[Optional[str], typer.Option("--plan", "-p", metavar="<plan>")]


def _year_or_period(text: str) -> Any:
    """``--as-of``: a year (2026), a month (2026-06) or a quarter (2026-Q2), as a year or a Period."""
    if text.isascii() and text.isdigit():
        return int(text)
    from .core.periods import looks_like_period, parse_period

    period = parse_period(text)
    if period is not None:
        return period
    raise typer.BadParameter(Text("cli.when", found=repr(text)) if looks_like_period(text) else Text("click.not_whole", value=repr(text)))


def _day(text: str) -> Any:
    """A date as typed: 2024-03-15."""
    import re
    from datetime import date

    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise typer.BadParameter(Text("cli.day", found=repr(text)))


#: --as-known-on DATE: the data as recorded by that day (README "History of a value")
KnownOnOpt = Annotated[Optional[str], typer.Option("--as-known-on", metavar="<date>", parser=_day)]
AsOfOpt = Annotated[Optional[str], typer.Option("--as-of", metavar="<year|month>", parser=_year_or_period)]


#: the command's language: its own --lang, else the one typed before it (`kpi --lang en status` is
#: `kpi status --lang en`: spoken.SpokenGroup.resolve_command), else $KPI_LANG, else Vietnamese
LangOpt = Annotated[Lang, typer.Option("--lang", envvar="KPI_LANG")]
DataDirOpt = Annotated[Optional[Path], typer.Option("--data-dir", envvar="KPI_DATA_DIR", show_default=False, metavar="<dir>")]
JsonOpt = Annotated[bool, typer.Option("--json")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f")]
GroupOpt = Annotated[Optional[str], typer.Option("--group", "-g", metavar="<group>")]
AreaOpt = Annotated[Optional[str], typer.Option("--area", metavar="<area>")]


def _version(value: bool) -> None:
    if value:
        try:
            with writing_stdout():
                typer.echo(f"kpi {__version__}")
        except WriteError as err:
            from .spoken import EXIT_WRITE, lang_of

            say(f"kpi: {err.args[0].render(lang_of(sys.argv[1:]))}")
            raise typer.Exit(EXIT_WRITE) from None
        raise typer.Exit()


def root(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
    lang: Annotated[Optional[Lang], typer.Option("--lang", show_default=False)] = None,
) -> None:
    ctx.obj = {"debug": debug}  # a --lang typed here is handed to the command (SpokenGroup.resolve_command)


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
        say(Text("datadir.bundled", path=folder.resolve()).render(lang))
    elif getattr(ctx.get_parameter_source("data_dir"), "name", "") == "ENVIRONMENT" and not _is_here(folder):
        say(Text("datadir.from_env", path=folder).render(lang))
    return folder


def _style() -> Style:
    """How stdout looks: colour on a terminal (not with $NO_COLOR or TERM=dumb), its width as
    ``spoken.terminal_width`` says (100 columns for a file or a pipe without $COLUMNS)."""
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    return Style(color=color, width=terminal_width(sys.stdout) or DEFAULT_WIDTH, pretty=sys.stdout.isatty())


DEFAULT_WIDTH = 100  # the width of stdout's text where nothing says one


def _load(ctx: typer.Context, folder: Path, files: dict[str, bytes] | None = None):
    """The dataset and warnings of ``folder``; what was found beside the data (an interrupted
    write's journal, a file kpi did not make) is said on stderr, whatever happens next.
    ``files``: the two files' bytes, already read (``_serve``)."""
    from . import api
    from .files.cache import collector_paused

    notices: list[Text] = []
    # what is read holds no reference cycles: the collector, run again and again over the growing
    # data while 400.000 values of actuals.csv are read, was a fifth of such a run; what was read
    # stays, so it is frozen out of the collector's sight after this
    with collector_paused(freeze=True):
        try:
            data = api.load(folder, notices=notices, files=files)
        finally:
            _say_all(ctx, notices)
        dataset, warnings = data.dataset, list(data.warnings)
        whole = ctx.params.get("by_area") is not None or ctx.params.get("scorecard") or (ctx.command.name == "validate" and ctx.params.get("area") is None)
        if whole or (not dataset.areas and ctx.params.get("area") is None):
            return dataset, warnings  # --by-area and validate see every area: the files' data as read
        seen = data.seen_from(ctx.params.get("area"), ctx.params.get("plan"))  # as api.evaluate sees it
        _say_all(ctx, list(seen.notices))
        if ctx.params.get("area") is not None and ctx.command.name in _RATING:
            _area_yearly(ctx, dataset, seen.dataset)
        return seen.dataset, warnings


#: the commands whose --area view rates the area: refused within the year (``_area_yearly``)
_RATING = ("status", "summary", "show", "export")


def _area_yearly(ctx: typer.Context, dataset, seen) -> None:
    """`--area` of an area within the territory against the territory's annual plan, where
    `kpi status` answers that plan with its monthly report: refused in one line (README
    "Territory": an area's values are yearly, nothing is final before December), as --by-area
    is; of the data as recorded by --as-known-on's day, as the command would read it."""
    from .core.areas import area_yearly

    as_of = ctx.params.get("as_of")
    if isinstance(as_of, int):  # a year asked for: its yearly table
        return
    area_yearly(_known(dataset, ctx.params.get("known_on")), seen, ctx.params["area"], ctx.params.get("plan"), as_of)


def _say_all(ctx: typer.Context, notices: list[Text]) -> None:
    for notice in notices:
        say(notice.render(language_of(ctx)))


def _serve(ctx: typer.Context, data_dir: Path | None, fmt: Format, make: Callable, known_on: Any = None) -> None:
    """Load the data, let ``make(dataset, warnings)`` build the document and the exit code,
    print it; with ``known_on`` (--as-known-on) the data as recorded by that day. The same
    question on the same files is answered from what was printed the last time
    (files/answers.py), when it can be: ``_answered``."""
    folder = _folder(ctx, data_dir)
    files, noticed = _read(ctx, folder)
    answered = None if noticed else _answered(ctx, folder, fmt, files)
    bom = _stdout_bom(fmt)
    with answered or nullcontext():
        code = answered.served(bom) if answered is not None else None
        if code is None:
            dataset, warnings = _load(ctx, folder, files)
            doc, code = make(_known(dataset, known_on), warnings)
            _print(doc, fmt, answered.keeping if answered is not None else None, bom)
            if answered is not None:
                answered.done(code)
    if code:
        raise typer.Exit(code)


def _stdout_bom(fmt: Format) -> bytes:
    """The byte-order mark a csv written into a file begins with (``kpi status --format csv >
    status.csv``), as `kpi export`'s csv, so that Excel on Windows shows Vietnamese: only when
    standard output is an empty regular file written from its start, in UTF-8 — never a pipe (a
    script reading it would find the mark in its first header), a terminal or a file appended to."""
    if fmt is not Format.CSV:
        return b""
    import codecs
    import stat

    try:
        fd = sys.stdout.fileno()
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode) or found.st_size or os.lseek(fd, 0, os.SEEK_CUR):
            return b""
        return b"\xef\xbb\xbf" if codecs.lookup(sys.stdout.encoding).name == "utf-8" else b""
    except (OSError, ValueError, AttributeError, LookupError, TypeError):  # no file behind stdout (a test's, a wrapper's)
        return b""


def _read(ctx: typer.Context, folder: Path) -> tuple[dict[str, bytes], bool]:
    """The bytes of the folder's two files, and whether something was found beside them (a
    journal read in their place), which is said."""
    from .files import load as loader

    notices: list[Text] = []
    try:
        return loader.read_files(folder, notices), bool(notices)
    finally:
        _say_all(ctx, notices)


class _Answered:
    """A question the answers folder may hold (files/answers.py): ``served`` prints a kept
    answer; otherwise what is printed is kept (``keeping``) and ``done`` keeps it if the run
    said nothing on stderr; a run that fails keeps nothing."""

    def __init__(self, answers: Any, key: str, said: int):
        self.answers, self.key, self.said = answers, key, said
        self.keeping: Any = None

    def __enter__(self) -> _Answered:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.keeping is not None:
            self.keeping.drop()
        self.answers.close()

    def served(self, bom: bytes = b"") -> int | None:
        """The exit code of the kept answer, printed (after ``bom``, never kept); None when there is
        none (and keeping starts)."""
        found = self.answers.get(self.key)
        if found is None:
            self.keeping = self.answers.keep(self.key)
            return None
        code, text = found
        with writing_stdout():
            sys.stdout.flush()
            sys.stdout.buffer.write(bom)
            for start in range(0, len(text), 1 << 16):
                sys.stdout.buffer.write(text[start : start + (1 << 16)])
        return code

    def done(self, code: int) -> None:
        from .spoken import said

        if self.keeping is not None and said() == self.said:
            self.keeping.done(code)
            self.keeping = None


def _answered(ctx: typer.Context, folder: Path, fmt: Format, files: dict[str, bytes]) -> _Answered | None:
    """The question this run asks, when its answer can be kept (files/answers.py): a folder
    large enough to be cached, read whole (nothing said beside it: a journal read in its place
    is a notice), no actuals.csv beside it, a text format, stdout not a terminal."""
    from .files import cache
    from .files.datadir import ACTUALS, ACTUALS_CSV, TARGETS, shown
    from .output.formats import formatter
    from .spoken import said

    if sys.stdout.isatty() or formatter(fmt).binary or sum(map(len, files.values())) < cache.MIN_BYTES:
        return None
    import codecs

    if codecs.lookup(sys.stdout.encoding).name != "utf-8":  # kept as written: no byte-order mark, no state
        return None
    if not cache.answering() or os.path.lexists(folder / ACTUALS_CSV):
        return None
    from .files import answers


    opened = answers.Answers.open(files)
    if opened is None:
        return None
    style = _style()
    asked = (
        ctx.command_path, repr(sorted(ctx.params.items())), language_of(ctx), str(folder.resolve()), fmt.value,
        repr((style.color, style.width, style.pretty)), f"{sys.stdout.encoding} {sys.stdout.errors}",
    )
    names = (shown(folder / TARGETS), shown(folder / ACTUALS))
    return _Answered(opened, answers.question(files, names, asked), said())


def _known(dataset, known_on: Any):
    """The dataset as recorded by ``known_on`` (README "History of a value"); all of it for None."""
    if known_on is None:
        return dataset
    from .core.history import as_known_on

    return as_known_on(dataset, known_on)


def _print(doc, fmt: Format, keeping: Any = None, bom: bytes = b"") -> None:
    """Write a document to stdout, after ``bom`` (``_stdout_bom``); a binary format only when stdout
    is not a terminal. What is written also goes to ``keeping`` (an answer being kept,
    files/answers.py) as stdout's bytes — the mark never, as it depends on where stdout goes."""
    from .output.formats import formatter

    writer = formatter(fmt)
    if not writer.binary and keeping is None:
        with writing_stdout():
            if bom:
                sys.stdout.flush()
                sys.stdout.buffer.write(bom)
            for piece in writer.pieces(doc, _style()):
                sys.stdout.write(piece)
        return
    if not writer.binary:
        # each piece encoded once, as stdout would (its encoding, UTF-8 here, and its error
        # handler; no newline to translate on a system with a cache), and its bytes written to
        # stdout and kept: written as text and encoded again for the answer, it was encoded
        # twice (134 M instructions of a first `kpi status --json` at 10.000 series, valgrind)
        encoding, errors = sys.stdout.encoding, sys.stdout.errors or "strict"
        with writing_stdout():
            sys.stdout.flush()
            sys.stdout.buffer.write(bom)
            for piece in writer.pieces(doc, _style()):
                data = piece.encode(encoding, errors)
                sys.stdout.buffer.write(data)
                keeping.write(data)
        return
    if sys.stdout.isatty():
        raise UsageError(Text("cli.binary_format", format=fmt.value))
    with writing_stdout():
        sys.stdout.flush()
        sys.stdout.buffer.write(writer.file(doc))


def _plan_result(dataset, plan: str | None, as_of: Any, group: str | None = None, lang: Lang = Lang.VI, rows: Any = None):
    """The plan's results as of a year; a month or a quarter (``--as-of 2026-06``) is its year's.
    ``rows``: only these indicators' (api.evaluate)."""
    from . import api

    return api.evaluate(dataset, plan, as_of, group=group, lang=lang.value, rows=rows).result


def _within_year(dataset, plan, as_of):
    """The month (or quarter) an annual plan's monthly report runs to: the one asked for in the
    plan's year, else the latest with values when the year is not yet closed; None otherwise
    (a term plan, a year given, a closed year: the yearly table answers). A month before the
    plan's year is refused: the year has no figures to report."""
    from .core.periods import asked_period

    return asked_period(dataset, plan, as_of)


def _reviewed(dataset, plan: str | None, as_of: Any, group: str | None = None, lang: Lang = Lang.VI):
    """The plan's results and the audit of what its report published (of the whole plan, dated
    by the report's own year, whatever group's rows are kept)."""
    from . import api

    evaluation = api.evaluate(dataset, plan, as_of, group=group, lang=lang.value)
    return evaluation.result, api.audit(evaluation).report


def _format(fmt: Format, as_json: bool) -> Format:
    return Format.JSON if as_json else fmt


def status(
    ctx: typer.Context,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    known_on: KnownOnOpt = None,
    only: Annotated[Optional[list[StatusChoice]], typer.Option("--only")] = None,
    fail_on: Annotated[Optional[StatusChoice], typer.Option("--fail-on")] = None,
    only_pace: Annotated[Optional[list[PaceChoice]], typer.Option("--only-pace")] = None,
    compare_with: Annotated[Optional[int], typer.Option("--compare", metavar="<year>")] = None,
    group: GroupOpt = None,
    area: AreaOpt = None,
    by_area: Annotated[Optional[str], typer.Option("--by-area", metavar="<indicator>")] = None,
    scorecard: Annotated[bool, typer.Option("--scorecard")] = False,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Where every indicator of a plan stands: the report's table, recomputed."""
    from .core.compare import compare
    from .output.views import status_document

    def make(dataset, _warnings):
        if by_area is not None:
            _territory_only(dataset, plan, area, "--by-area")
            return _by_area(ctx, dataset, by_area, plan, as_of, lang), 0
        if scorecard:
            _territory_only(dataset, plan, area, "--scorecard")
            return _scorecard(ctx, dataset, plan, as_of, lang), 0
        result, review = _reviewed(dataset, plan, as_of, group, lang)
        within = _within_year(dataset, result.plan, as_of)
        if within is not None:
            from .core.periods import plan_report
            from .output.views import month_document

            if only or fail_on is not None or only_pace or compare_with is not None:  # never a silent exit 0
                raise UsageError(Text("cli.month_options", plan=result.plan.id, period=within.key, year=within.year))
            report = plan_report(dataset, result.plan, within)
            return month_document(result, report, within, lang, _format(fmt, as_json) is not Format.JSON), 0
        wanted = frozenset(choice.status for choice in only) if only else None
        bands = frozenset(choice.band for choice in only_pace) if only_pace else None
        compared = None
        if compare_with is not None:
            before = _plan_result(dataset, result.plan.id, compare_with)
            compared = (before, compare(before, result))
        failed = fail_on is not None and any(r.status in FAIL_ON[fail_on] for r in result.results)
        people = _format(fmt, as_json) is not Format.JSON
        from .core.model import is_annual
        from .core.periods import annual_report

        annual = annual_report(dataset, result.plan, result.as_of) if is_annual(result.plan) else None
        document = status_document(result, review, lang, wanted, bands, compared, for_people=people, annual=annual)
        return document, EXIT_FAIL_ON if failed else 0

    with errors_mapped(ctx):
        _serve(ctx, data_dir, _format(fmt, as_json), make, known_on)


def _territory_only(dataset, plan: str | None, area: str | None, option: str) -> None:
    """--by-area and --scorecard are the territory's view: with --area, or with the plan of a
    former province or another area (`area:` of a plan), they are refused, saying why."""
    from .core.areas import root

    if area is not None:
        raise UsageError(Text("cli.territory_area", option=option, area=repr(area), id=area))
    top = root(dataset.areas) if dataset.areas else None
    if plan is not None and plan in dataset.plans and top is not None and dataset.plans[plan].area not in (None, top):
        raise UsageError(Text("cli.territory_plan", option=option, plan=repr(plan), area=repr(dataset.plans[plan].area), id=plan))


def _by_area(ctx: typer.Context, dataset, indicator: str, plan: str | None, as_of: Any, lang: Lang):
    """`kpi status --by-area`: one indicator across the areas (README "Territory"); what the
    territory's values lack is said once, as `kpi status` says it."""
    from .core.areas import across_areas, check_area
    from .output.territory import by_area_document

    if not dataset.areas:
        check_area(dataset, indicator)  # says the data declares no areas
    ident = _exact_id(dataset, indicator, plan, lang)
    overall, results, said = across_areas(dataset, ident, plan, as_of)
    _say_all(ctx, said)
    return by_area_document(overall, ident, results, lang)


def _scorecard(ctx: typer.Context, dataset, plan: str | None, as_of: Any, lang: Lang):
    """`--scorecard`: areas × indicators, each cell a verdict (README "Territory"); what the
    territory's values lack is said once, as `kpi status` says it."""
    from .core.areas import check_area, scorecard
    from .output.territory import scorecard_document

    if not dataset.areas:
        check_area(dataset, "--scorecard")  # says the data declares no areas
    overall, columns, lines, said = scorecard(dataset, plan, as_of)
    _say_all(ctx, said)
    return scorecard_document(overall, columns, lines, lang)


def show(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Argument(show_default=False)],
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    area: AreaOpt = None,
    known_on: KnownOnOpt = None,
    history: Annotated[bool, typer.Option("--history")] = False,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """One indicator in detail: every year, growth, required growth, forecast, audit and a chart."""
    from .core.evaluate import other_targets
    from .core.lookup import elsewhere, find, named
    from .output.views import show_document

    def make(dataset, _warnings):
        from .core.audit import dated_audit

        # a row named by its id or number: its results alone are computed (a name is looked for
        # among every row's): `kpi show ID --json` at 100.000 series peaked at 313 MB RSS, 271 MB so
        chosen = dataset.plans.get(plan) if plan is not None else next(iter(dataset.plans.values()), None)
        exact = None if chosen is None else named(chosen.rows, indicator)
        result = _plan_result(dataset, plan, as_of, rows=None if exact is None else (exact,))
        try:
            found = find(result, indicator, lang is Lang.EN)
        except UsageError as err:  # an id of another plan's row: that plan is named, not "no match"
            raise elsewhere(dataset.plans.values(), result.plan, indicator) or err
        review = dated_audit(result, dataset, (found.id,))  # its findings alone are shown
        others = other_targets(dataset, found.id, result.plan.id, result.as_of)
        within = _within_year(dataset, result.plan, as_of)
        from .core.model import begun, is_annual

        own = dataset.periods.get(found.id, ())
        year: int | None = within.year if within is not None else as_of if isinstance(as_of, int) else getattr(as_of, "year", None)
        # no year asked for: a period not begun by the day the data was checked on is not listed, nor
        # makes the year, as for the table (README `--as-of`)
        today = dataset.today if year is None else None
        if year is None:  # no year asked for: the latest year with periods within the plan, when later than
            # the table's (a term plan as of 2025 in December 2026 lists 2026's quarters, not 2025's)
            year = max(
                (p.period.year for p in own if p.period.year <= result.plan.target_year and begun(p.period.year, p.period.first, today)),
                default=result.as_of,
            )
            year = max(year, result.as_of)
        last = within.last if within is not None else getattr(as_of, "last", 12)
        periods = tuple(
            p for p in own
            if (p.period.year == year - 1 or (p.period.year == year and p.period.last <= last)) and begun(p.period.year, p.period.first, today)
        )
        from .core.periods import plan_report, report_period, row_figures, row_path, term_needs

        month = None if within is None else plan_report(dataset, result.plan, within).get(found.id)
        # another annual plan within its year is answered as `kpi status --plan` answers it: its
        # month's verdict, not a yearly one from the year's estimate — as of this plan's month when
        # of the same year, else as of the month --as-of names or its own latest (README "Within the year")
        other_months = {}
        for p, _r in others:
            period = within if within is not None and is_annual(p) and p.target_year == within.year else report_period(dataset, p, as_of)
            if period is not None:
                other_months[p.id] = row_figures(dataset, p, found.id, period)
        drawn = month is not None and _format(fmt, as_json) is not Format.JSON  # the chart is for people
        path = row_path(dataset, result.plan, found.id, within) if drawn else None
        needs = term_needs(dataset, result.plan, found.id)
        versions = dataset.history.get(found.id, {})
        listing = (dataset.series.get(found.id, ()), dataset.periods.get(found.id, ()), versions) if history else None
        shares = (found.row.target.of, *(r.row.target.of for _p, r in others))  # a share of another's, here or in another plan
        wholes = {of: dataset.indicators[of] for of in shares if of in dataset.indicators}
        doc = show_document(result, review, found, found.shown, lang, others, periods, year, month, needs, path, versions, listing, other_months, wholes)
        if dataset.areas and result.plan.area is not None:  # README "Territory": what its value is made of
            from .output.territory import with_parts

            doc = with_parts(doc, dataset, result.plan.area, found, lang)
        return doc, 0

    with errors_mapped(ctx):
        _serve(ctx, data_dir, _format(fmt, as_json), make, known_on)


def summary(
    ctx: typer.Context,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    known_on: KnownOnOpt = None,
    group: GroupOpt = None,
    area: AreaOpt = None,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Counts per class ("23 chỉ tiêu: 7 vượt, …"), per group of indicators, and those at risk."""
    from .output.views import summary_document

    def make(dataset, _warnings):
        result = _plan_result(dataset, plan, as_of, group, lang)
        within = _within_year(dataset, result.plan, as_of)
        if within is not None:  # an annual plan within its year: the within-year verdicts counted
            from .core.periods import plan_report
            from .output.territory import with_areas_yearly
            from .output.views import month_summary_document

            doc = month_summary_document(result, plan_report(dataset, result.plan, within), within, lang)
            return with_areas_yearly(doc, dataset, result, within, lang), 0
        from .output.territory import with_area_counts

        return with_area_counts(summary_document(result, lang), dataset, result, lang), 0

    with errors_mapped(ctx):
        _serve(ctx, data_dir, _format(fmt, as_json), make, known_on)


def audit(
    ctx: typer.Context,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    area: AreaOpt = None,
    known_on: KnownOnOpt = None,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Where the report's published figures or assessments differ from the computed ones."""
    from .output.views import audit_document

    def make(dataset, _warnings):
        result, review = _reviewed(dataset, plan, as_of)
        from .core.model import is_annual

        if not is_annual(result.plan):
            return audit_document(result, review, lang), 0
        # an annual plan: its monthly reports' published percentages too, each against the figures
        # as of its own month (only the month --as-of names, when it names one)
        from .core.audit import month_audit, month_records, with_months
        from .core.model import Period

        asked = as_of if isinstance(as_of, Period) else None
        within = _within_year(dataset, result.plan, as_of)
        checked = len(month_records(dataset, result.plan, asked))
        review = with_months(review, month_audit(dataset, result.plan, asked))
        return audit_document(result, review, lang, within, asked, checked), 0

    with errors_mapped(ctx):
        _serve(ctx, data_dir, _format(fmt, as_json), make, known_on)


def validate(
    ctx: typer.Context,
    area: AreaOpt = None,
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
    appendix: Annotated[Optional[str], typer.Option("--appendix", metavar="<text>")] = None,
    attached_to: Annotated[Optional[str], typer.Option("--attached-to", metavar="<text>")] = None,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    known_on: KnownOnOpt = None,
    group: GroupOpt = None,
    area: AreaOpt = None,
    scorecard: Annotated[bool, typer.Option("--scorecard")] = False,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
) -> None:
    """Write the report's appendix table as docx, xlsx, csv, md or a self-contained html page.

    The columns are the appendix's, in its order: TT, Chỉ tiêu, ĐVT, Nghị quyết, the base year,
    each year so far, Bình quân, % so Nghị quyết, Lộ trình, Dự báo, So sánh %, Đánh giá.
    """
    from .files import datadir
    from .files.atomic import write_atomic
    from .files.oserror import reason
    from .messages import Text
    from .output.formats import FILE_FORMATS, FORMATS, file_format_names, for_file, formatter

    with errors_mapped(ctx):
        names = file_format_names(Text("cli.or").render(language_of(ctx)))
        try:
            given = Format(export_format) if export_format is not None else None
        except ValueError:
            given = None
        if export_format is not None and given not in FILE_FORMATS:
            raise UsageError(Text("cli.unknown_format", format=repr(export_format), names=names))
        chosen = for_file(str(output), given)
        if chosen is None:
            raise UsageError(Text("cli.format_of_file", path=repr(str(output)), names=names))
        to_stdout = str(output) == "-"  # `-o -`: standard output, as people expect of "-"
        if to_stdout and formatter(chosen).binary and sys.stdout.isatty():
            raise UsageError(Text("cli.binary_to_terminal", format=FORMATS[chosen].suffix))
        folder = _folder(ctx, data_dir)
        for name in datadir.FILES:
            if to_stdout:
                break
            if os.path.exists(output) and os.path.exists(folder / name) and os.path.samefile(output, folder / name):
                raise UsageError(Text("record.export_over_data", path=output, folder=folder))
        if not to_stdout and os.path.lexists(output) and not force:  # (a name too long is said when written)
            raise UsageError(Text("cli.exists", path=output))
        dataset, _warnings = _load(ctx, folder)
        dataset = _known(dataset, known_on)
        if scorecard:  # README "Territory": areas × indicators, every format
            _territory_only(dataset, plan, area, "--scorecard")
            _write_export(ctx, output, formatter(chosen).chunks(_scorecard(ctx, dataset, plan, as_of, lang)), chosen, to_stdout)
            return
        doc = _export_document(dataset, chosen, plan, as_of, group, lang)
        # what the file needs of the data is in the document (xlsx and docx: the plan's data, to
        # embed): the rest, and the results, let go of before the file is written (#27)
        del dataset
        if appendix is not None or attached_to is not None:  # the command line before the plan's settings
            doc = doc._replace(appendix=doc.appendix if appendix is None else appendix.strip(),
                               attached_to=doc.attached_to if attached_to is None else attached_to.strip())
        if not (FORMATS[chosen].with_audit if with_audit is None else with_audit):
            doc = doc._replace(tables=tuple(t for t in doc.tables if t.role != "audit"))
        _write_export(ctx, output, formatter(chosen).chunks(doc), chosen, to_stdout)


def _export_document(dataset: Dataset, chosen: Format, plan: str | None, as_of: Any, group: str | None, lang: Lang):
    """What `kpi export` writes of the plan: the appendix, or an annual plan's monthly report
    within its year; xlsx and docx with the plan's data to embed."""
    from .output.formats import Format
    from .output.views import appendix_document

    result, review = _reviewed(dataset, plan, as_of, group, lang)
    within = _within_year(dataset, result.plan, as_of)
    if within is not None:  # an annual plan within its year: the monthly report
        from .core.audit import month_audit, with_months
        from .core.periods import plan_paths, plan_report
        from .output.views import month_document

        paths = plan_paths(dataset, result.plan, within) if chosen is Format.HTML else None  # only html draws
        # its audit is `kpi audit --as-of` the period's: the year's published figures and the report's of that month
        review = with_months(review, month_audit(dataset, result.plan, within))
        doc = month_document(result, plan_report(dataset, result.plan, within), within, lang, paths=paths, exported=True, review=review)
    else:
        doc = appendix_document(result, review, dataset, lang, charts=chosen is Format.HTML)  # only html draws
    if chosen in (Format.XLSX, Format.DOCX):
        doc = doc._replace(data=_embedded_data(dataset, result, lang, month=within is not None))
    return doc


def _write_export(ctx: typer.Context, output: Path, chunks: Iterable[bytes], chosen: Format, to_stdout: bool) -> None:
    """An export's bytes, written as they come (the html page is never whole in memory): to
    standard output, or atomically to ``output``, saying its size. A failure of the rows an xlsx
    spools to the temporary folder names that folder, not the output (README "Recording a value")."""
    from .errors import SpoolError
    from .files.oserror import reason

    try:
        _written_export(ctx, output, chunks, chosen, to_stdout)
    except SpoolError as err:
        raise WriteError(Text("cli.spool_failed", folder=err.folder, reason=reason(err.error))) from err


def _written_export(ctx: typer.Context, output: Path, chunks: Iterable[bytes], chosen: Format, to_stdout: bool) -> None:
    from .files.atomic import write_atomic
    from .files.oserror import reason

    if to_stdout:
        with writing_stdout():
            for chunk in chunks:
                sys.stdout.buffer.write(chunk)
        return
    size = [0]

    def counted() -> Iterator[bytes]:
        for chunk in chunks:
            size[0] += len(chunk)
            yield chunk

    try:
        write_atomic(output, counted())
    except OSError as err:
        raise WriteError(Text("cli.cannot_write", path=output, reason=reason(err))) from err
    shown = "md" if chosen is Format.MARKDOWN else chosen.value
    say(Text("cli.wrote", path=output, format=shown, size=Num(size[0])).render(language_of(ctx)))


def _embedded_data(dataset, result, lang: Lang, month: bool = False) -> Callable[[], Iterator[str]]:
    """The exported rows' data as JSON, for `kpi import` to give back exactly (README "kpi import"),
    made in pieces as the writer takes them (files/as_data.plan_json), its digest its last key
    (files/embedded_part.signed: an edit by hand is refused on import); a monthly report
    (``month``) carries every value, its table being a view of them."""
    from . import embedded
    from .files.as_data import plan_json
    from .files.embedded_part import signed

    shown = {r.id for r in result.results}
    plan = result.plan._replace(rows=tuple(row for row in result.plan.rows if row.indicator in shown))
    head: dict[str, object] = {"format": embedded.FORMAT, "version": embedded.VERSION, "lang": lang.value, "as_of": result.as_of}
    if month:
        head["report"] = "month"
    else:  # each row's assessment cell as printed: kpi import checks the cell against it, not by
        # evaluating the plan again (0,9 of 7,2 s of importing a 10.000-row export, profiled)
        from .output.labels import result_label

        head["verdicts"] = {r.id: result_label(r, lang, result.plan.settings.precision) for r in result.results}
    as_of = None if month else result.as_of  # (the results are not kept for the data)
    return lambda: signed(plan_json(head, dataset, plan, as_of))


def record(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Argument(show_default=False)],
    year: Annotated[str, typer.Argument(show_default=False)],
    value: Annotated[str, typer.Argument(show_default=False)],
    point_status: Annotated[Optional[PointStatus], typer.Option("--status", show_default=False)] = None,
    ytd: Annotated[bool, typer.Option("--ytd")] = False,
    force: Annotated[bool, typer.Option("--force")] = False,
    source: Annotated[Optional[str], typer.Option("--source", metavar="<text>")] = None,
    note: Annotated[Optional[str], typer.Option("--note", metavar="<text>")] = None,
    day: Annotated[Optional[str], typer.Option("--date", metavar="<date>", parser=_day)] = None,
    any_year: Annotated[bool, typer.Option("--any-year")] = False,
    plan: PlanOpt = None,
    area: AreaOpt = None,
    lang: LangOpt = Lang.VI,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write one value (of a year, a month, a quarter or a lũy kế) into actuals.yaml, keeping its comments and layout.

    The whole file is checked before anything is written, an existing value is replaced only
    with --force, and the file is replaced atomically under a lock.
    """
    from .files import datadir
    from .files.record import record as record_value, typed_value
    from .output.views import record_document

    with errors_mapped(ctx):
        folder = datadir.resolve(data_dir)
        if datadir.is_bundled(folder):
            raise UsageError(Text("cli.bundled_read_only"))
        when = _when(year, ytd)
        the_year = when if isinstance(when, int) else when.year
        number = typed_value(value)
        source, note = _free_text("--source", source), _free_text("--note", note)
        from datetime import date

        if isinstance(day, date) and day > date.today():
            raise UsageError(Text("record.date_future", day=day.isoformat(), today=date.today().isoformat()))

        def chosen(dataset) -> str:
            """The indicator to write, once the files are read under the lock; a year outside
            every plan's period is refused unless --any-year says it is intended."""
            ident = _exact_id(dataset, indicator, plan, lang)
            if not any_year and dataset.plans and not any(p.covers(the_year) for p in dataset.plans.values()):
                periods = ", ".join(f"{p.id} {p.base_year}–{p.target_year}" for p in dataset.plans.values())
                raise UsageError(Text("record.outside_periods", year=the_year, periods=periods))
            return ident

        notices: list[Text] = []
        try:
            change = record_value(
                folder, chosen, the_year, number, point_status, force, notices, None if isinstance(when, int) else when, source, note, day, area,  # type: ignore[arg-type]
            )
        finally:
            _say_all(ctx, notices)
        _print(record_document(change, lang), _format(Format.TABLE, as_json))


def _free_text(option: str, text: str | None) -> str | None:
    """--source and --note: one line of text, without control characters, as typed (trimmed)."""
    import re

    if text is None:
        return None
    if not text.strip() or re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", text):
        raise UsageError(Text("history.no_text", option=option))
    return text.strip()


def _when(text: str, ytd: bool = False):
    """A year (2026), a month (2026-06) or a quarter (2026-Q2) as typed; with ``ytd`` the lũy kế
    from January to a month."""
    from .core.periods import parse_period

    if text.isascii() and text.isdigit() and len(text) == 4 and not ytd:
        return int(text)
    period = parse_period(text, ytd)
    if period is None:
        if ytd and parse_period(text) is not None or (ytd and text.isdigit()):
            raise UsageError(Text("cli.ytd_month", found=repr(text)))
        raise UsageError(Text("cli.when", found=repr(text)))
    return period


def _exact_id(dataset, query: str, plan: str | None, lang: Lang = Lang.VI) -> str:
    """Writes take an exact id, or the exact printed number in the plan: no guessing (the
    suggestions, in English, ranked by the English names too)."""
    if query in dataset.indicators:
        return query
    rows = dataset.plans.get(plan or next(iter(dataset.plans), ""), None)
    for row in rows.rows if rows else ():
        if row.no == query:
            return row.indicator
    from .core.lookup import check_length, suggestions

    check_length(query)
    numbers = {row.indicator: row.no for row in rows.rows} if rows else {}
    entries = [(numbers.get(i, ""), i, ind.name, ind.name_en) for i, ind in dataset.indicators.items()]
    raise UsageError(Text("cli.no_id_or_number", query=repr(query)), suggestions(entries, query, lang is Lang.EN))


def init(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(file_okay=False, show_default=False)] = Path("."),
    name: Annotated[Optional[str], typer.Option("--name")] = None,
    base_year: Annotated[Optional[int], typer.Option("--base-year", min=1900, max=2200, metavar="<year>")] = None,
    target_year: Annotated[Optional[int], typer.Option("--target-year", min=1900, max=2200, metavar="<year>")] = None,
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
                default = Text(init_template.default_name(base_year, target_year), base=base_year, target=target_year).render(said)
                name = typer.prompt(Text("init.ask_name").render(said), default=default) if asking else default
            texts = init_template.render(name, base_year, target_year, said)
        for path in init_template.write(folder, texts, force):
            say(Text("init.wrote", path=path).render(said))
        say(Text("init.next", folder=folder).render(said))


def import_table(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, show_default=False)],
    out: Annotated[Path, typer.Option("--output", "-o", file_okay=False)] = Path("."),
    sheet: Annotated[Optional[str], typer.Option("--sheet", metavar="<sheet>")] = None,
    base_year: Annotated[Optional[int], typer.Option("--base-year", min=1900, max=2200, metavar="<year>")] = None,
    target_year: Annotated[Optional[int], typer.Option("--target-year", min=1900, max=2200, metavar="<year>")] = None,
    name: Annotated[Optional[str], typer.Option("--name")] = None,
    plan_id: Annotated[Optional[str], typer.Option("--plan-id")] = None,
    threshold: Annotated[Optional[list[str]], typer.Option("--threshold", metavar="<no>")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
    force: Annotated[bool, typer.Option("--force")] = False,
    table_only: Annotated[bool, typer.Option("--table-only")] = False,
    areas: Annotated[bool, typer.Option("--areas")] = False,
    period: Annotated[Optional[str], typer.Option("--period", metavar="<year>")] = None,  # --areas: a year only
    point_status: Annotated[Optional[PointStatus], typer.Option("--status")] = None,
    lang: LangOpt = Lang.VI,
) -> None:
    """Read the office's own appendix table (.xlsx or .docx) into targets.yaml and actuals.yaml."""
    from .files import import_table as importer
    from .files.cache import collector_paused
    from .files.init_template import write

    said = lang.value
    with errors_mapped(ctx):
        if areas:
            _import_areas(ctx, file, out, sheet, period, point_status, dry_run, said)
            return
        options = importer.Options(sheet, base_year, target_year, name, plan_id, frozenset(threshold or ()), table_only)
        # what the import read stays to the end of the run: frozen out of the collector's sight,
        # as _load's data is (resumed, its first collection walked it all: 0,04 s at 10.000 rows,
        # 0,17 s at 100.000, gc.callbacks)
        with collector_paused(freeze=True):
            imported = importer.read(file, options)
        for line in imported.guesses:
            say(line.render(said))
        for cell in imported.skipped:
            say(cell.render(said))
        for cell in imported.told:  # kpi's own export: the cells the office changed, read from its table
            say(cell.render(said))
        if imported.embedded:
            say(Text("import.month_report" if imported.month else "import.from_export").render(said))
        texts = imported.texts(said)
        if dry_run:
            from .files.load import load_texts
            from .output.views import status_document

            dataset, _warnings = load_texts(texts["targets.yaml"], texts["actuals.yaml"])
            result, review = _reviewed(dataset, None, None)
            within = _within_year(dataset, result.plan, None)
            if within is not None:  # an office's monthly report: shown as kpi status shows it
                from .core.periods import plan_report
                from .output.views import month_document

                _print(month_document(result, plan_report(dataset, result.plan, within), within, lang), Format.TABLE)
            else:
                _print(status_document(result, review, lang), Format.TABLE)
            say(imported.found(said))
            if imported.to_check:
                say(Text("import.summary_dry", count=Num(imported.to_check)).render(said))
            say(Text("import.dry_run").render(said))
            return
        written = write(out, texts, force)
        say(imported.found(said))
        for path in written:
            say(Text("init.wrote", path=path).render(said))
        say(Text("init.next", folder=out).render(said))
        if imported.to_check:
            say(Text("import.summary", count=Num(imported.to_check)).render(said))
            raise typer.Exit(EXIT_TO_CHECK)


def _import_areas(ctx, file: Path, folder: Path, sheet, period, point_status, dry_run: bool, said: str) -> None:
    """`kpi import TABLE --areas`: an area-by-indicator table into actuals.csv (README "Territory")."""
    from .files import actuals_csv, import_areas, load
    from .files.atomic import write_atomic

    if period is None or point_status is None:
        raise UsageError(Text("import.areas_needs"))
    when = _when(period)
    if not isinstance(when, int):  # an area's months and quarters are not used (README "Territory"): as kpi record --area
        raise UsageError(Text("import.areas_period", period=repr(when.key), year=when.year))
    shown = str(when)
    notices: list[Text] = []
    yaml_only, _warnings = load.parse_files(folder, load.read_files(folder, notices))  # actuals.csv: read below
    _say_all(ctx, notices)
    rows, where = import_areas.grid_of(file, sheet)
    got = import_areas.read(rows, yaml_only, shown, point_status, where)
    for cell in got.problems:
        say(Text("import.skipped", where=where, row=cell.row, column=cell.column, what=cell.problem).render(said))
    if got.problems:
        raise UsageError(Text("import.areas_refused", count=len(got.problems)))
    path = actuals_csv.path_of(folder)
    existing = path.read_text(encoding="utf-8-sig") if path.exists() else None
    from .files.datadir import ACTUALS

    text, refused = import_areas.checked(yaml_only, existing, got, str(path), folder / ACTUALS)  # every check, before anything is written
    for cell in refused:  # an added row's problem, said by its cell of the table
        say(Text("import.skipped", where=where, row=cell.row, column=cell.column, what=cell.problem).render(said))
    if refused:
        raise UsageError(Text("import.areas_refused", count=len(refused)))
    say(Text("import.areas_found", count=Num(len(got.lines)), areas=Num(len({line[1] for line in got.lines})), period=shown).render(said))
    if dry_run:
        say(Text("import.areas_dry").render(said))
        return
    write_atomic(path, text.encode("utf-8"))
    say(Text("init.wrote", path=path).render(said))


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


class KpiGroup(SpokenGroup):
    command_names = tuple(COMMANDS)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, windows_expand_args=True, **extra):
        """A help screen shown while $KPI_LANG names a language kpi does not speak (`KPI_LANG=fr
        kpi --help`): the help, in Vietnamese, and the same line and exit 2 as `KPI_LANG=fr kpi
        status` (README "Errors and exit codes"), not exit 0 as though nothing were wrong."""
        argv = list(sys.argv[1:] if args is None else args)
        try:
            return super().main(argv, prog_name, complete_var, standalone_mode, windows_expand_args, **extra)
        except SystemExit as ended:
            unspoken = _unspoken_kpi_lang(argv) if standalone_mode and ended.code in (0, None, EXIT_USAGE) else None
            if unspoken is None or not _help_shown(argv):
                raise
            from .messages import LANGS
            from .spoken import lang_of

            detail = Text("click.not_one_of", value=repr(unspoken), choices=", ".join(LANGS))
            say(f"kpi: {Text('click.bad_parameter', name='$KPI_LANG', detail=detail).render(lang_of(argv))}")
            sys.exit(EXIT_USAGE)

    def parse_args(self, ctx, args):
        rest = super().parse_args(ctx, args)
        if not ctx.resilient_parsing and not _words(args):
            # options and no command (`kpi --lang en`): the help in the language asked for, exit 2,
            # as `kpi` alone prints it, not Click's English "Missing command."
            typer.core.TyperGroup.parse_args(self, ctx, [])
        return rest


def _unspoken_kpi_lang(args: list[str]) -> str | None:
    """$KPI_LANG when it is read (no --lang typed) and names no language kpi speaks."""
    from .messages import LANGS

    value = os.environ.get("KPI_LANG", "")
    typed = any(arg == "--lang" or arg.startswith("--lang=") for arg in args)
    return value if value and value not in LANGS and not typed else None


def _help_shown(args: list[str]) -> bool:
    """Whether the command line asks for a help screen: -h or --help, or no command at all."""
    return any(arg in HELP_OPTIONS for arg in args) or set(args) <= {"--debug"}  # `kpi`, `kpi --debug`: no command


HELP_OPTIONS = ("-h", "--help")


def _words(args: list[str]) -> list[str]:
    """What a command line names beside the root's options (a command, a misspelt one): every
    word not an option nor the value of --lang, the root's one option that takes a value."""
    return [arg for i, arg in enumerate(args) if not arg.startswith("-") and (i == 0 or args[i - 1] != "--lang")]


def build_app(argv: list[str] | None = None) -> typer.Typer:
    """The Typer app. Given the command line, only the command it names is built: Typer reads
    every command's signature when it builds it, which is start-up time spent on every run."""
    app = typer.Typer(
        name="kpi",
        cls=KpiGroup,
        help=help_text("help.app", "en"),
        no_args_is_help=True,
        add_completion=True,  # measured: 0,1 % of a run's instructions (README "Performance")
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": list(HELP_OPTIONS)},
    )
    app.callback()(root)
    wanted = command_named(argv, tuple(COMMANDS)) if argv is not None else None
    for name, (function, settings) in COMMANDS.items():
        if wanted is None or name == wanted:
            app.command(name, cls=SpokenCommand, **settings)(function)
    return app


def __getattr__(name: str) -> typer.Typer:
    """``cli.app``: the whole app, for tests and the docs generator."""
    if name == "app":
        return build_app()
    raise AttributeError(name)
