"""Finding an indicator from what a person types: its id, its printed number, or part of its name."""

from __future__ import annotations

import re

from .classify import fold
from .results import PlanResult, Result
from ..errors import UsageError
from ..messages import Num, Text

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
        raise UsageError(Text("lookup.empty"))
    scored = sorted(
        ((score, r) for r in pr.results if (score := _coverage(words, r)) > 0),
        key=lambda pair: -pair[0],
    )
    if len(scored) == 1 or (scored and scored[0][0] >= CLEAR_WIN * scored[1][0]):
        return scored[0][1]
    if scored:
        candidates = tuple(_line(r.row.no, r.id, r.indicator.name) for _, r in scored)
        raise UsageError(Text("lookup.ambiguous", query=repr(query), count=Num(len(scored))), candidates)
    entries = [(r.row.no, r.id, r.indicator.name) for r in pr.results]
    raise UsageError(Text("lookup.none", query=repr(query)), suggestions(entries, query))


#: how many close names a "did you mean" lists, and how close a name must be to be listed
SUGGESTIONS = 5
CLOSE_ENOUGH = 0.5


def suggestions(entries: list[tuple[str, str, str]], query: str) -> tuple[str, ...]:
    """The few (number, id, name) entries closest to a query that matched nothing, as lines
    "   7.1  new-rural-communes  Luỹ kế số xã …": by similarity of the folded text to the id,
    the name or any run of as many of the name's words."""
    from difflib import SequenceMatcher

    wanted = fold(query.strip())
    size = max(len(wanted.split()), 1)

    def closeness(entry: tuple[str, str, str]) -> float:
        no, ident, name = entry
        words = fold(name).split()
        texts = [ident, ident.replace("-", " "), fold(name), no]
        texts += [" ".join(words[i:i + size]) for i in range(max(len(words) - size + 1, 1))]
        return max(SequenceMatcher(None, wanted, text).ratio() for text in texts)

    scored = sorted(((closeness(e), i) for i, e in enumerate(entries)), reverse=True)
    chosen = [i for score, i in scored[:SUGGESTIONS] if score >= CLOSE_ENOUGH] or [i for _, i in scored[:3]]
    return tuple(_line(*entries[i]) for i in chosen)


def _line(no: str, ident: str, name: str) -> str:
    return f"{no:>5}  {ident}  {name}"


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
