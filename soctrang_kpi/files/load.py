"""Loading targets.yaml and actuals.yaml into a Dataset, reporting every problem at once.

Files are parsed fast (yamlio.parse); the plain data is then checked field by field against the
schema of each file (targets_schema, actuals_schema). Problems are collected with the path of the
offending value, and only when there are some is the file composed again to turn paths into
line:column (checks.Checks.problems). Errors raise DataError with all of them.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import actuals_schema, atomic, regular, targets_schema, yamlio
from .checks import Checks
from .datadir import ACTUALS, ACTUALS_CSV, TARGETS, shown
from .share_sums import check_headings, check_places, warn_share_sums
from ..core.model import Dataset
from ..errors import DataError, Problem


def read(folder: Path, notices: list | None = None, files: dict[str, bytes] | None = None) -> tuple[Dataset, list[Problem]]:
    """Load both files of a folder; raise DataError listing every problem, else return the
    dataset and the warnings. ``notices`` receives what the shell must say about a journal.
    A second run on the same bytes is served by the cache of checked data (files/cache.py).
    ``files``: their bytes as ``read_files`` read them, when the caller has them already (the
    shell keys its answers on exactly the bytes loaded: files/answers.py)."""
    from . import cache

    if files is None:
        files = read_files(folder, notices if notices is not None else [])
    names = (shown(folder / TARGETS), shown(folder / ACTUALS))
    dataset, warnings = cache.load(files, names, lambda: parse_files(folder, files))
    if not os.path.exists(folder / ACTUALS_CSV):
        return dataset, warnings
    from . import actuals_csv

    return actuals_csv.beside(folder, dataset, warnings)  # README "Territory": values one a row


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


def parse_files(folder: Path, files: dict[str, bytes]) -> tuple[Dataset, list[Problem]]:
    texts, problems = {}, []
    for name in (TARGETS, ACTUALS):
        try:
            texts[name] = yamlio.decode(shown(folder / name), files[name])
        except DataError as err:
            problems += err.problems
    if problems:
        raise DataError(problems)
    return load_texts(texts[TARGETS], texts[ACTUALS], shown(folder / TARGETS), shown(folder / ACTUALS))


def load_texts(
    targets_text: str, actuals_text: str, targets_name: str = TARGETS, actuals_name: str = ACTUALS
) -> tuple[Dataset, list[Problem]]:
    """Parse and check the two documents; the pure part of loading, used by tests directly."""
    problems: list[Problem] = []
    parsed = {}
    tabbed = {targets_name: yamlio.tab_indented(targets_text), actuals_name: yamlio.tab_indented(actuals_text)}
    targets_text, actuals_text = yamlio.normalize(targets_text), yamlio.normalize(actuals_text)
    for name, text in ((targets_name, targets_text), (actuals_name, actuals_text)):
        try:
            parsed[name], found = yamlio.parse(name, text, tabbed[name])
        except DataError as err:
            problems += err.problems
            continue
        problems += found
    if any(not p.warning for p in problems):
        raise DataError(problems)

    targets = Checks(targets_name, targets_text)
    indicators, plans = targets_schema.targets(targets, parsed[targets_name])
    territorial = says_areas(parsed[targets_name], parsed[actuals_name])
    areas: dict = {}
    if territorial:
        from . import areas_schema

        indicators, plans, areas = areas_schema.territory(targets, parsed[targets_name], indicators, plans)
    actuals = Checks(actuals_name, actuals_text, known=not targets.has_errors())
    periods: dict = {}
    months: dict = {}
    history: dict = {}
    series, published = actuals_schema.actuals(actuals, parsed[actuals_name], indicators, plans, periods, months, history)
    area_history: dict = {}
    by_area = areas_schema.area_series(actuals, parsed[actuals_name], indicators, plans, areas, area_history) if territorial else {}
    problems += targets.problems() + actuals.problems()
    if any(not p.warning for p in problems):
        raise DataError(problems)
    sums = Checks(actuals_name, actuals_text)  # needs the checked data: a second, short pass
    warn_share_sums(sums, indicators, plans, series)
    check_places(sums, plans, series)
    check_headings(sums, plans, series)
    actuals_schema.warn_unknown_meaning(sums, indicators, plans, periods)
    problems += sums.problems()
    if any(not p.warning for p in problems):
        raise DataError(problems)
    return Dataset(indicators, plans, series, published, periods, months, areas=areas, by_area=by_area, history=history, area_history=area_history), sorted(p for p in problems if p.warning)


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
