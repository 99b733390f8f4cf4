"""The trajectory of one indicator drawn with block characters, for `kpi show` on a terminal."""

from __future__ import annotations

from ..core.model import Point, PointStatus, Target
from .labels import Lang, number, word

BAR = {PointStatus.ACTUAL: "▇", PointStatus.PRELIMINARY: "▇", PointStatus.ESTIMATE: "▒", PointStatus.PLAN: "░"}


def chart(series: tuple[Point, ...], target: Target, lang: Lang, width: int = 40, decimals: int | None = None) -> list[str]:
    """A bar per year scaled to the largest of the values and the target, the target as │; each
    value written at ``decimals``, the indicator's precision (HDI 0,742, not 0,74)."""
    assert target.value is not None
    values = [p.value for p in series] + [target.value]
    top = max(values)
    bottom = min(0.0, min(values))
    span = (top - bottom) or 1.0
    mark = min(max(round((target.value - bottom) / span * width), 0), width - 1)  # at the edge: the last column
    lines = [word("chart", lang)]
    for p in series:
        length = round((p.value - bottom) / span * width)
        bar = list(BAR[p.status] * length + " " * (width - length))
        bar[mark] = "│"
        lines.append(f"{p.year} {''.join(bar)} {number(p.value, lang, decimals)}")
    return lines


def month_chart(path, year: int, lang: Lang, width: int = 40, decimals: int | None = None) -> list[str]:
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

    def at(value: float) -> int:
        return min(max(round((value - bottom) / span * width), 0), width - 1)

    lines = [word("month_text_chart", lang, year=year, last=year - 1)]
    for m in months:
        bar = [" "] * width
        now = current.get(m)
        if now is not None:
            length = round((now.value - bottom) / span * width)
            block = "▇" if now.status is PointStatus.ACTUAL else "▒"
            bar[:length] = block * length
        before = last.get(m)
        if before is not None:
            bar[at(before.value)] = "┆"
        if path.plan is not None:
            bar[at(path.plan)] = "│"
        shown = number(now.value, lang, decimals) if now is not None else "-"
        beside = f" ({year - 1}: {number(before.value, lang, decimals)})" if before is not None else ""
        lines.append(f"{m:>2} {''.join(bar)} {shown}{beside}")
    return lines
