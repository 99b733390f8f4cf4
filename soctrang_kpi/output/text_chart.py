"""The trajectory of one indicator drawn with block characters, for `kpi show` on a terminal.

Each chart is drawn for a line of ``width`` columns (README "Terminal width"; None: at its
natural width, 40 cells of bars and the heading's longest form, as markdown, html and docx print
it): its heading the first of its forms (messages.py, longest first) whose every line fits; its
bars as wide as the widest row's figures leave, CELLS at most; narrower than MIN_CELLS, each
row's figures go on a line of their own under its bar. A chart that fits as drawn at its
natural width is drawn so. Every character of a chart takes one cell (digits, letters, the
block characters), so ``len`` is its width."""

from __future__ import annotations

from ..core.model import Point, PointStatus, Target
from .labels import Lang, number, word

BAR = {PointStatus.ACTUAL: "▇", PointStatus.PRELIMINARY: "▇", PointStatus.ESTIMATE: "▒", PointStatus.PLAN: "░"}

#: a chart's bars at their widest, and at their narrowest beside the figures (README "Terminal width")
CELLS = 40
MIN_CELLS = 12

#: each chart's heading, its forms longest first (messages.py ``word.*``): the first whose every
#: line fits the terminal is printed, the last when none does
HEADINGS = {
    "year": ("chart", "chart_narrow"),
    "month": ("month_text_chart", "month_text_chart_narrow", "month_text_chart_short"),
}


def heading(chart_kind: str, lang: Lang, width: int | None, **fill) -> list[str]:
    """A chart's heading in the first of its forms that fits ``width`` (None: the first)."""
    forms = [word(key, lang, **fill).split("\n") for key in HEADINGS[chart_kind]]
    if width is None:
        return forms[0]
    return next((form for form in forms if max(map(len, form)) <= width), forms[-1])


def cells_for(lead: int, figures: list[str], width: int | None) -> tuple[int, bool]:
    """The bars' cells on a line of ``width`` after a ``lead`` of that many columns (the year,
    the month and a space), with each row's figures after them and a space: CELLS when every
    row fits, fewer when not; and whether the figures go under the bars (fewer than MIN_CELLS
    would be left beside them)."""
    if width is None:
        return CELLS, False
    beside = width - lead - 1 - max(map(len, figures), default=0)
    if beside >= MIN_CELLS:
        return min(beside, CELLS), False
    return max(min(width - lead, CELLS), 1), True


def _rows(lead: list[str], bars: list[str], figures: list[str], under: bool) -> list[str]:
    pad = " " * len(lead[0]) if lead else ""
    if under:
        return [line for head, bar, text in zip(lead, bars, figures) for line in (f"{head}{bar}".rstrip(), f"{pad}{text}")]
    return [f"{head}{bar} {text}" for head, bar, text in zip(lead, bars, figures)]


def chart(series: tuple[Point, ...], target: Target, lang: Lang, width: int | None = None, decimals: int | None = None) -> list[str]:
    """A bar per year scaled to the largest of the values and the target, the target as │; each
    value written at ``decimals``, the indicator's precision (HDI 0,742, not 0,74)."""
    assert target.value is not None
    values = [p.value for p in series] + [target.value]
    top = max(values)
    bottom = min(0.0, min(values))
    span = (top - bottom) or 1.0
    figures = [number(p.value, lang, decimals) for p in series]
    cells, under = cells_for(5, figures, width)
    mark = min(max(round((target.value - bottom) / span * cells), 0), cells - 1)  # at the edge: the last column
    bars = []
    for p in series:
        length = round((p.value - bottom) / span * cells)
        bar = list(BAR[p.status] * length + " " * (cells - length))
        bar[mark] = "│"
        bars.append("".join(bar))
    return heading("year", lang, width) + _rows([f"{p.year} " for p in series], bars, figures, under)


def month_chart(path, year: int, lang: Lang, width: int | None = None, decimals: int | None = None) -> list[str]:
    """The monthly report's chart on a terminal: a bar per month of the year's lũy kế (▇ observed,
    ▒ an estimate or sơ bộ), the year's plan as │ and last year's same month as ┆, with both values
    (at ``decimals``, the indicator's precision)."""
    current = {m: r for m, r in path.current}
    last = dict(path.last_year)
    months = sorted(set(current) | set(last))
    if not months:
        return []
    values = [r.value for r in current.values()] + [r.value for r in last.values()]
    values += [v for v in (path.plan, path.estimate) if v is not None]
    top, bottom = max(values), min(0.0, min(values))
    span = (top - bottom) or 1.0
    figures = []
    for m in months:
        now, before = current.get(m), last.get(m)
        shown = number(now.value, lang, decimals) if now is not None else "-"
        figures.append(shown + (f" ({year - 1}: {number(before.value, lang, decimals)})" if before is not None else ""))
    cells, under = cells_for(3, figures, width)

    def at(value: float) -> int:
        return min(max(round((value - bottom) / span * cells), 0), cells - 1)

    bars = []
    for m in months:
        bar = [" "] * cells
        now = current.get(m)
        if now is not None:
            length = round((now.value - bottom) / span * cells)
            block = "▇" if now.status is PointStatus.ACTUAL else "▒"
            bar[:length] = block * length
        before = last.get(m)
        if before is not None:
            bar[at(before.value)] = "┆"
        if path.plan is not None:
            bar[at(path.plan)] = "│"
        bars.append("".join(bar))
    return heading("month", lang, width, year=year, last=year - 1) + _rows([f"{m:>2} " for m in months], bars, figures, under)
