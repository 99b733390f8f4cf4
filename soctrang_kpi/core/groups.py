"""Groups of indicators (kinh tế, xã hội, môi trường, quốc phòng – an ninh, xây dựng Đảng):
which group a row belongs to, the counts per group as reports print them, and a plan's results
restricted to one group. Pure functions over evaluated results."""

from __future__ import annotations

from collections.abc import Callable

from .classify import Status, fold
from .model import VerdictClass
from .results import PlanResult, Result, counts_apart
from ..errors import UsageError
from ..messages import Text


def group_of(result: Result, by_id: dict[str, Result]) -> str | None:
    """The row's own group, else its parent's (a sub-row belongs where its heading does)."""
    seen = set()
    while result.indicator.group is None and result.indicator.parent in by_id and result.id not in seen:
        seen.add(result.id)
        result = by_id[result.indicator.parent]
    return result.indicator.group


def groups(pr: PlanResult) -> list[str]:
    """The groups of the plan's rows, in table order."""
    by_id = {r.id: r for r in pr.results}
    found: list[str] = []
    for result in pr.results:
        group = group_of(result, by_id)
        if group is not None and group not in found:
            found.append(group)
    return found


def counts_apart_by_group(pr: PlanResult) -> dict[str | None, list[tuple[Status, int, VerdictClass | None]]]:
    """Per group, its top-level rows counted as the footer counts them, the plan's classes apart
    (``results.counts_apart``): the summary's table per group."""
    by_id = {r.id: r for r in pr.results}
    rows: dict[str | None, list[Result]] = {}
    for result in pr.results:
        if result.depth == 0:
            rows.setdefault(group_of(result, by_id), []).append(result)
    return {group: counts_apart(found, pr.plan.settings.classes) for group, found in rows.items()}


def counts_by_group(pr: PlanResult) -> dict[str | None, dict[Status, int]]:
    """Per group, the count of each status over its top-level rows, as the plan counts them."""
    by_id = {r.id: r for r in pr.results}
    counts: dict[str | None, dict[Status, int]] = {}
    for result in pr.results:
        if result.depth == 0:
            group = group_of(result, by_id)
            counts.setdefault(group, {s: 0 for s in Status})[result.status] += 1
    return counts


def restrict(pr: PlanResult, wanted: str, names: Callable[[str], tuple[str, ...]] = lambda g: (g,)) -> PlanResult:
    """The plan's results in one group, counted again. ``names`` gives a group's printed forms
    (its label in the UI's language first, then the others and its code): any of them matches,
    accent- and case-insensitively, and the first is what the candidates show."""
    by_id = {r.id: r for r in pr.results}
    known = groups(pr)
    folded = fold(" ".join(wanted.split()))
    match = next((g for g in known if any(fold(" ".join(n.split())) == folded for n in names(g) + (g,))), None)
    if match is None:
        raise UsageError(Text("groups.unknown", plan=repr(pr.plan.id), group=repr(wanted)), tuple(names(g)[0] for g in known))
    kept = tuple(r for r in pr.results if group_of(r, by_id) == match)
    summary = {s: sum(r.status is s for r in kept if r.depth == 0) for s in Status}
    return pr._replace(results=kept, summary=summary)
