"""Finding an indicator from what a person types: its id, its printed number, or part of its name."""

from __future__ import annotations

import re

from .classify import fold
from .results import PlanResult, Result
from ..errors import UsageError

#: a name match wins over the others when it covers at least this many times more of its name
CLEAR_WIN = 2.0


def find(pr: PlanResult, query: str) -> Result:
    """By id ("grdp-growth"), by number ("7.1"), else by name, accent- and case-insensitive.

    Every word of the query must begin a word of the name. Among several matches, the one whose
    name the query covers best wins if it covers clearly more ("thuy san" finds "Sản lượng thuỷ,
    hải sản" rather than the 16-word name that merely contains "thuỷ sản"); otherwise the
    candidates are listed.
    """
    wanted = query.strip()
    for result in pr.results:
        if wanted in (result.id, result.row.no):
            return result
    words = _words(wanted)
    if not words:
        raise UsageError("give an id, a number or part of a name")
    scored = sorted(
        ((score, r) for r in pr.results if (score := _coverage(words, r)) > 0),
        key=lambda pair: -pair[0],
    )
    if len(scored) == 1 or (scored and scored[0][0] >= CLEAR_WIN * scored[1][0]):
        return scored[0][1]
    listed = [r for _, r in scored] or list(pr.results)
    candidates = tuple(f"{r.row.no:>5}  {r.id}  {r.indicator.name}" for r in listed)
    if scored:
        raise UsageError(f"{query!r} matches {len(scored)} indicators; name one of them", candidates)
    raise UsageError(f"no indicator matches {query!r}", candidates)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _coverage(query: list[str], result: Result) -> float:
    """Share of a name's words that the query words begin, best of the Vietnamese name, the
    English name and the id; 0 unless every query word begins some word of that name."""
    best = 0.0
    indicator = result.indicator
    for name in (indicator.name, indicator.name_en, indicator.id.replace("-", " ")):
        words = _words(name)
        if words and all(any(w.startswith(q) for w in words) for q in query):
            covered = sum(any(w.startswith(q) for q in query) for w in words)
            best = max(best, covered / len(words))
    return best
