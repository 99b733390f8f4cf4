"""Loading targets.yaml and actuals.yaml into a Dataset, reporting every problem at once.

Files are parsed fast (yamlio.parse); the plain data is then checked field by field against the
schema of each file (targets_schema, actuals_schema). Problems are collected with the path of the
offending value, and only when there are some is the file composed again to turn paths into
line:column (checks.Checks.problems). Errors raise DataError with all of them.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from . import actuals_schema, atomic, regular, targets_schema, yaml_subject, yamlio
from .checks import Checks
from .datadir import ACTUALS, ACTUALS_CSV, TARGETS, shown
from .share_sums import check_headings, check_places, warn_falling_ytd, warn_future_periods, warn_quarter_months, warn_share_sums, warn_year_parts
from ..core.model import Dataset
from ..errors import DataError, Problem


def read(folder: Path, notices: list | None = None, files: dict[str, bytes] | None = None) -> tuple[Dataset, list[Problem]]:
    """Load both files of a folder; raise DataError listing every problem, else return the
    dataset and the warnings. ``notices`` receives what the shell must say about a journal.
    A second run on the same bytes is served by the cache of checked data (files/cache.py).
    ``files``: their bytes as ``read_files`` read them, when the caller has them already (the
    shell keys its answers on exactly the bytes loaded: files/answers.py); emptied once loaded."""
    from . import cache

    if files is None:
        files = read_files(folder, notices if notices is not None else [])
    names = (shown(folder / TARGETS), shown(folder / ACTUALS))
    size = sum(len(data) for data in files.values())
    # the files' bytes are ours alone, and of no use once decoded: let go of as they are
    dataset, warnings = cache.load(files, names, lambda: parse_files(folder, files, release=True))
    for name in files:  # read from the cache, they were held through the evaluation: 32 MB of the
        files[name] = b""  # peak RSS of KPI_CACHE=data `kpi status` at 100.000 series (393 -> 362 MB)
    if os.path.exists(folder / ACTUALS_CSV):
        from . import actuals_csv

        dataset, warnings = actuals_csv.beside(folder, dataset, warnings)  # README "Territory": values one a row
    give_back(size)
    return dataset, warnings


#: files at least this large (both, in bytes) are followed by ``give_back``: about 12.000 series
#: of the benchmark's data; below it the load leaves little to give back, and `ctypes` (3 ms to
#: import) is not imported
GIVE_BACK_FROM = 4 << 20


def give_back(size: int) -> None:
    """Hand the C library's free heap pages back to the system once a large load is done
    (glibc's ``malloc_trim``; elsewhere nothing is done). Measured reason (issue 27): at 100.000
    series the load's parse, checks and texts leave about 40 MB of freed memory inside the heap,
    held by the process but unused (RSS 154 MB just after the load, 115 MB once given back),
    and the evaluation's results did not reuse it: cold `kpi status --json` peaked at 227 MB
    (2,2 KB a series), 197 MB so (/usr/bin/time; tracemalloc shows the same objects alive
    either way). ``size``: the files' bytes."""
    if size < GIVE_BACK_FROM:
        return
    try:
        import ctypes

        trim = ctypes.CDLL(None).malloc_trim  # the process's own C library
    except (ImportError, OSError, AttributeError, TypeError):  # no ctypes, or not glibc (macOS, musl)
        return
    trim(0)


def read_files(folder: Path, notices: list) -> dict[str, bytes]:
    """The bytes of targets.yaml and actuals.yaml; DataError if either cannot be read. An
    unfinished `kpi record` is read from its journal, and said in ``notices``."""
    files, problems = {}, []
    for name in (TARGETS, ACTUALS):
        path = folder / name
        if name == ACTUALS and not os.path.lexists(path) and os.path.lexists(folder / ACTUALS_CSV):
            files[name] = b"schema_version: 1\n"  # actuals.csv instead of actuals.yaml
            continue
        try:
            if name == ACTUALS:
                files[name] = atomic.read_current(path, shown(path), yamlio.MAX_BYTES, notices)
            else:
                files[name] = regular.read(path, shown(path), yamlio.MAX_BYTES)
        except DataError as err:
            problems += err.problems
    if problems:
        raise DataError(problems)
    return files


def parse_files(folder: Path, files: dict[str, bytes], release: bool = False) -> tuple[Dataset, list[Problem]]:
    """Decode and load both files. ``release``: each file's bytes are taken out of ``files`` once
    decoded (emptied), for a caller that has no use for them after: at 100.000 series they were
    32 MB of the load's peak (RSS, /usr/bin/time -v)."""
    texts, problems = {}, []
    for name in (TARGETS, ACTUALS):
        try:
            texts[name] = yamlio.decode(shown(folder / name), files[name])
        except DataError as err:
            problems += err.problems
        else:
            if release:
                files[name] = b""
    if problems:
        raise DataError(problems)
    return load_texts(texts.pop(TARGETS), texts.pop(ACTUALS), shown(folder / TARGETS), shown(folder / ACTUALS))


def load_texts(
    targets_text: str, actuals_text: str, targets_name: str = TARGETS, actuals_name: str = ACTUALS
) -> tuple[Dataset, list[Problem]]:
    """Parse and check the two documents; the pure part of loading, used by tests directly.

    Memory (issue 27): one parsed file's tree is alive at a time. targets.yaml is parsed and
    checked, its tree dropped, then actuals.yaml is parsed and checked, each series' entry let go
    of as soon as it is read (actuals_schema.series_of). Both trees at once, beside the checked
    data, were the peak of a run: the load's peak RSS at 100.000 series was 378 MB, 260 MB so
    (with the bytes let go of, parse_files). What is
    reported is the same as parsing both first: a file that does not parse is reported with the
    other's parse problems alone."""
    tabbed = {targets_name: yamlio.tab_indented(targets_text), actuals_name: yamlio.tab_indented(actuals_text)}
    texts: list[str | bytes] = [yamlio.normalize(targets_text), yamlio.normalize(actuals_text)]
    del targets_text, actuals_text  # held in ``texts`` alone, each made UTF-8 as it is parsed (_parse)
    return _load(
        targets_name, actuals_name, texts,
        lambda: _parse(targets_name, texts, 0, tabbed[targets_name]),
        lambda stream=None: _parse(actuals_name, texts, 1, tabbed[actuals_name], stream),
        (True, True),
    )


def load_written(targets: object, actuals: object, targets_text: str, actuals_text: str) -> tuple[Dataset, list[Problem]]:
    """What ``load_texts`` of the two texts gives, for texts files/yaml_text wrote of this plain
    data, given as they read back (``yaml_text.read_back``): the data is checked as it is, not
    parsed back from the text (the texts only locate a problem). ``actuals`` is let go of as it
    is read, as a parsed tree is (read_back's own series mapping, no one else's); ``targets`` is kept, as it
    cannot be parsed again. Parsing back the text `kpi import` writes was 2,5 of 19,6 s of
    importing a 10.000-row export under a profiler."""
    return _load(TARGETS, ACTUALS, [targets_text, actuals_text], lambda: (targets, []), lambda stream=None: (actuals, []), (False, True))


def _load(
    targets_name: str, actuals_name: str, texts: list[str | bytes], parse_targets, parse_actuals, release: tuple[bool, bool]
) -> tuple[Dataset, list[Problem]]:
    """``load_texts`` from the files' trees: each parsed when needed, by ``parse_targets`` and
    ``parse_actuals``; ``release``: whether each tree is ours to let go of as it is read.
    ``texts``: the two files' texts (or their UTF-8 bytes, as ``_parse`` leaves them), which
    locate a problem. ``parse_actuals`` is given the reader of the series (a yamlio.Stream) to
    parse with, or None: unless the territory changes the indicators they are read against, the
    series are checked as the file is parsed, and its tree never holds them (at 100.000 series
    they were 108 of the 192 MB the load held at its peak, tracemalloc)."""
    targets_tree, targets_parsed = parse_targets()
    if any(not p.warning for p in targets_parsed):
        _, actuals_parsed = parse_actuals()
        raise DataError(targets_parsed + actuals_parsed)

    targets = Checks(targets_name, texts[0])
    territorial = says_areas(targets_tree, None)
    targets.release = release[0] and not territorial  # the territory reads the indicators' and plans' entries too
    indicators, plans = targets_schema.targets(targets, targets_tree)
    if not territorial:
        targets_tree = None

    periods: dict = {}
    months: dict = {}
    history: dict = {}
    reader = None
    if not territorial and not _may_say_areas(texts[1]):
        # nothing more is checked in targets.yaml, nor is it parsed again: its problems placed,
        # its text is let go of before actuals.yaml is parsed
        targets.settle()
        texts[0] = ""

    def actuals_checks() -> Checks:
        made = Checks(actuals_name, texts[1], known=not targets.has_errors())
        made.release = release[1]
        return made

    if not territorial:
        _utf8(texts, 1)  # what _parse would make of it, before the checks hold the text
        actuals = actuals_checks()
        reader = actuals_schema.streaming(actuals, indicators, plans, periods, months, history)
    actuals_tree, actuals_parsed = parse_actuals(reader)
    problems = targets_parsed + actuals_parsed
    if any(not p.warning for p in actuals_parsed):
        raise DataError(problems)
    areas: dict = {}
    if not territorial and says_areas(None, actuals_tree):
        # the territory is in actuals.yaml alone: targets.yaml's tree, let go of, is read again
        territorial = True
        targets_tree, _ = parse_targets()
        targets = Checks(targets_name, texts[0])
        indicators, plans = targets_schema.targets(targets, targets_tree)
        if reader is not None and reader.streamed:  # read against the indicators before the territory
            actuals_tree, _ = parse_actuals(None)
    if territorial:
        from . import areas_schema

        indicators, plans, areas = areas_schema.territory(targets, targets_tree, indicators, plans)
        reader, periods, months, history = None, {}, {}, {}
        actuals = actuals_checks()
    targets_tree = None
    series, published = actuals_schema.actuals(actuals, actuals_tree, indicators, plans, periods, months, history, reader)
    area_history: dict = {}
    by_area = areas_schema.area_series(actuals, actuals_tree, indicators, plans, areas, area_history) if territorial else {}
    actuals_tree = None
    problems += targets.problems() + actuals.problems()
    if any(not p.warning for p in problems):
        raise DataError(problems)
    sums = Checks(actuals_name, texts[1])  # needs the checked data: a second, short pass
    warn_share_sums(sums, indicators, plans, series)
    check_places(sums, plans, series)
    check_headings(sums, plans, series, periods)
    actuals_schema.warn_unknown_meaning(sums, indicators, plans, periods)
    warn_quarter_months(sums, indicators, plans, periods)
    warn_falling_ytd(sums, indicators, plans, periods)
    warn_year_parts(sums, indicators, plans, series, periods)
    today = date.today()  # the day of the check: the warning's and the default year's (Dataset.today)
    warn_future_periods(sums, series, periods, today)
    for area, values in by_area.items():  # an area's values are yearly (areas_schema.area_series)
        warn_future_periods(sums, values, {}, today, ("areas", area))
    problems += sums.problems()
    if any(not p.warning for p in problems):
        raise DataError(problems)
    return Dataset(indicators, plans, series, published, periods, months, areas=areas, by_area=by_area, history=history, area_history=area_history, today=today), sorted(p for p in problems if p.warning)


def _may_say_areas(text: str | bytes) -> bool:
    """Whether a file's text may have a top-level ``areas:`` (says_areas): a text without the
    word, nor a backslash (a double-quoted "\\x61reas"), has none; read in a few milliseconds."""
    return ("areas" in text or "\\" in text) if isinstance(text, str) else (b"areas" in text or b"\\" in text)


def _utf8(texts: list[str | bytes], index: int) -> None:
    """``texts[index]`` made its UTF-8 bytes, if it is a text (``_parse``)."""
    text = texts[index]
    if isinstance(text, str):
        texts[index] = text.encode("utf-8", "surrogatepass")
        del text  # the list holds the bytes alone


#: who a problem met while reading each file is about: targets.yaml's, then actuals.yaml's
SUBJECTS = (yaml_subject.in_targets, yaml_subject.in_actuals)


def _parse(
    name: str, texts: list[str | bytes], index: int, tabbed: frozenset[int], stream: yamlio.Stream | None = None
) -> tuple[object, list[Problem]]:
    """The tree of the file whose text is ``texts[index]`` and its parse problems (the tree None
    when it does not parse). The text is replaced by its UTF-8 bytes, parsed as they are: libyaml
    reads UTF-8, and made that copy of a text itself, beside it, while the tree grew; and a text
    with a letter beyond Latin-1 ("Chỉ tiêu": targets.yaml) is held in 2 bytes a character. At
    100.000 series the texts and libyaml's copy were 64 MB of the load's peak, 32 MB so (the
    bytes alone): `kpi show` cold, whose peak that is, 272 -> 248 MB RSS (/usr/bin/time -v)."""
    _utf8(texts, index)
    try:
        return yamlio.parse(name, texts[index], tabbed, stream, SUBJECTS[index])
    except DataError as err:
        return None, list(err.problems)


def says_areas(targets: object, actuals: object) -> bool:
    """Whether the files say anything of areas (README "Territory"): a top-level ``areas:`` in
    either, an indicator's ``aggregate:``, a plan's ``area:`` or a target's ``areas:`` — the keys
    files/areas_schema.py reads. Data without any (the bundled data) has no territory, and the
    modules that read one are not imported."""

    def entries(data: object, key: str) -> list:
        found = data.get(key) if isinstance(data, dict) else None
        return [entry for entry in found if isinstance(entry, dict)] if isinstance(found, list) else []

    return (
        any(isinstance(data, dict) and "areas" in data for data in (targets, actuals))
        or any("aggregate" in entry for entry in entries(targets, "indicators"))
        or any("area" in plan or any("areas" in row for row in entries(plan, "targets")) for plan in entries(targets, "plans"))
    )
