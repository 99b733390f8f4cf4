"""The trajectory of one indicator drawn with block characters, for `kpi show` on a terminal."""

from __future__ import annotations

from ..core.model import Point, PointStatus, Target
from .labels import Lang, number, word

BAR = {PointStatus.ACTUAL: "▇", PointStatus.PRELIMINARY: "▇", PointStatus.ESTIMATE: "▒", PointStatus.PLAN: "░"}


def chart(series: tuple[Point, ...], target: Target, lang: Lang, width: int = 40) -> list[str]:
    """A bar per year scaled to the largest of the values and the target, the target as │."""
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
        lines.append(f"{p.year} {''.join(bar)} {number(p.value, lang)}")
    return lines
