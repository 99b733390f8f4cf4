"""Finding an indicator from what a person types: its id, its printed number, or part of its name."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .classify import fold
from .model import Plan, PlanRow
from .results import PlanResult, Result
from ..errors import UsageError
from ..messages import Num, Text, Worded

if TYPE_CHECKING:
    from difflib import SequenceMatcher

#: a name match wins over the others when it covers at least this many times more of its name
CLEAR_WIN = 2.0
#: bounds that keep a lookup linear in what it reads: a query longer than any id, number or
#: name part people type is refused; names are compared on their first MAX_NAME characters
MAX_QUERY = 200
MAX_NAME = 1000


def named(rows: Iterable[PlanRow], query: str) -> str | None:
    """The indicator of the first of ``rows`` whose id or number is ``query`` exactly: what
    ``find`` finds first among the results of those rows, known before they are evaluated."""
    wanted = query.strip()
    return next((row.indicator for row in rows if wanted in (row.indicator, row.no)), None)


def find(pr: PlanResult, query: str, english: bool = False) -> Result:
    """By id ("grdp-growth"), by number ("7.1"), else by name, accent- and case-insensitive
    (``english``: the suggestions for none also rank by the English name, ``suggestions``).

    Every word of the query must begin a word of the name. Among several matches, the one whose
    name the query covers best wins if it covers clearly more ("thuy san" finds "Sản lượng thuỷ,
    hải sản" rather than the 16-word name that merely contains "thuỷ sản"); otherwise the
    candidates are listed.
    """
    wanted = query.strip()
    for result in pr.results:
        if wanted in (result.id, result.row.no):
            return result
    check_length(wanted)
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
        candidates = _lines([(r.row.no, r.id, r.indicator.name, r.indicator.name_en) for _, r in scored])  # best match first
        raise UsageError(Text("lookup.ambiguous", query=repr(query), count=Num(len(scored))), candidates)
    entries = [(r.row.no, r.id, r.indicator.name, r.indicator.name_en) for r in pr.results]
    raise UsageError(Text("lookup.none", query=repr(query)), suggestions(entries, query, english))


def elsewhere(plans: Iterable[Plan], shown: Plan, query: str) -> UsageError | None:
    """What to say when ``query``, an indicator's id, matched nothing in the plan ``shown``
    because its row is in other ``plans`` (an annual plan's, not the default term plan's): the
    plans it is in and the ``--plan`` to use; None when no other plan has it."""
    wanted = query.strip()
    others = [p.id for p in plans if p.id != shown.id and any(row.indicator == wanted for row in p.rows)]
    if not others:
        return None
    key = "lookup.other_plan" if len(others) == 1 else "lookup.other_plans"
    return UsageError(Text(key, query=repr(wanted), plan=shown.id, plans=", ".join(others), first=others[0]))


#: how many close names a "did you mean" lists, and how close a name must be to be listed: the
#: id or the whole name (a typo in an id), or a run of as many of the name's words as the query has
#: (a typo in part of a name), which must be closer since short runs resemble each other easily
SUGGESTIONS = 5
CLOSE_ENOUGH = 0.7
CLOSE_RUN = 0.85

#: an indicator as a candidate: its printed number, id, name and English name ("": the name)
Entry = tuple[str, str, str, str]


def check_length(query: str) -> None:
    """UsageError for a query no id, number or name part can be (a pasted paragraph)."""
    if len(query) > MAX_QUERY:
        raise UsageError(Text("lookup.too_long", size=Num(len(query)), limit=MAX_QUERY))


def suggestions(entries: list[Entry], query: str, english: bool = False) -> tuple[Worded, ...]:
    """The few (number, id, name, English name) entries closest to a query that matched exactly nothing, as
    lines "   7.1  new-rural-communes  Luỹ kế số xã …", best first: first by the share of the
    name the query's words cover (as `kpi show` ranks names), then by similarity of the folded
    text to the id, the name or a run of as many of the name's words; unrelated rows are left out.
    With ``english`` (the message said in English) the English name counts as the name does
    ("social investmnt" is near "Total social investment"); a Vietnamese one ranks by the name
    alone, at half the work."""
    from difflib import SequenceMatcher

    if len(query.strip()) > MAX_QUERY:
        return ()
    entries = [(no[:MAX_NAME], ident[:MAX_NAME], name[:MAX_NAME], (en or name)[:MAX_NAME]) for no, ident, name, en in entries]
    wanted = fold(query.strip())
    words = _words(query)
    size = max(len(wanted.split()), 1)

    # the names of a plan share most of their words ("Chỉ tiêu số 7 về …"): each pair compared once
    known: dict[tuple[str, str, float], float] = {}

    def ratio(a: str, b: str, least: float) -> float:
        found = known.get((a, b, least))
        if found is None:
            found = known[a, b, least] = _ratio_from(SequenceMatcher, a, b, least)
        return found

    def score(entry: Entry) -> tuple[float, float]:
        no, ident, name, en = entry
        names = (name, en) if english and en != name else (name,)
        covered = max(_near_coverage(words, _words(text), ratio) for text in (*names, ident.replace("-", " "))) if words else 0.0
        whole = max(ratio(wanted, text, CLOSE_ENOUGH) for text in (ident, ident.replace("-", " "), *map(fold, names), no))
        runs = [" ".join(split[i:i + size]) for split in (fold(text).split() for text in names) for i in range(max(len(split) - size + 1, 1))]
        run = max(ratio(wanted, text, CLOSE_RUN) for text in runs)
        return covered, max(whole, run)

    scored = sorted(((score(e), i) for i, e in enumerate(entries)), key=lambda pair: (-pair[0][0], -pair[0][1], pair[1]))
    return _lines([entries[i] for (covered, close), i in scored[:SUGGESTIONS] if covered > 0 or close > 0])


def _lines(entries: list[Entry]) -> tuple[Worded, ...]:
    """Number, id and name in aligned columns, the name in the language the line is said in
    (``name_en`` in English where the indicator has one)."""
    width = max((len(ident) for _, ident, _, _ in entries), default=0)
    return tuple(
        Worded(f"{no:>5}  {ident:<{width}}  {name}", f"{no:>5}  {ident:<{width}}  {en or name}")
        for no, ident, name, en in entries
    )


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _coverage(query: list[str], result: Result) -> float:
    """Share of a name's words that the query words begin, best of the Vietnamese name, the
    English name and the id; 0 unless every query word begins some word of that name."""
    indicator = result.indicator
    return _name_coverage(query, (indicator.name, indicator.name_en, indicator.id.replace("-", " ")))


#: how close a query word must be to a word of a name it does not begin ("sam" to "san")
NEAR_WORD = 0.6


def _near_coverage(query: list[str], words: list[str], ratio: Callable[[str, str, float], float]) -> float:
    """The name coverage of `kpi show`, forgiving a typo in a word: each query word counts by
    how well it matches its best word (1 when it begins it); 0 unless every query word comes near
    some word. The mean closeness times the share of the name's words that are matched."""
    if not words:
        return 0.0

    def near(q: str, w: str) -> float:  # below NEAR_WORD a word neither counts nor is the best one
        return 1.0 if w.startswith(q) else ratio(q, w, NEAR_WORD)

    best = [max(near(q, w) for w in words) for q in query]
    if min(best) < NEAR_WORD:
        return 0.0
    matched = sum(any(near(q, w) >= NEAR_WORD for q in query) for w in words)
    return sum(best) / len(best) * matched / len(words)


def _ratio_from(matcher: type[SequenceMatcher[str]], a: str, b: str, least: float) -> float:
    """``SequenceMatcher.ratio()`` of ``a`` and ``b`` when it is ``least`` or more, else 0 — the
    ratio only when its cheap upper bounds (lengths, then letters) reach ``least``: a failed
    look-up ranks every row, and at 2.000 rows the full ratio of each pair took most of its 1,7 s."""
    m = matcher(None, a, b)
    if m.real_quick_ratio() < least or m.quick_ratio() < least:
        return 0.0
    ratio = m.ratio()
    return ratio if ratio >= least else 0.0


def _name_coverage(query: list[str], names: Iterable[str | None]) -> float:
    best = 0.0
    for name in names:
        words = _words((name or "")[:MAX_NAME])
        if words and all(any(w.startswith(q) for w in words) for q in query):
            covered = sum(any(w.startswith(q) for q in query) for w in words)
            best = max(best, covered / len(words))
    return best
