"""The monthly report's chart, as offices draw it: the lũy kế month by month against the year's
plan (a line, a band for a range), last year's same months beside it (grey, dashed), the months
that are estimates hollow, and the estimate of the whole year as a diamond at December. Inline
SVG for the HTML page (as_html); the terminal's is text_chart.month_chart."""

from __future__ import annotations

from html import escape

from ..document import MonthChart
from ..labels import Lang, number, word
from .as_html import axis_number  # the yearly charts' axis labels (loaded first: it draws these)
from ...numbers import written, written_decimals

#: a within-year verdict's colour (the yearly charts' colours: on course as achieved, behind as at risk)
VERDICT_COLOURS = {
    "on_course": "#24292f",
    "behind": "#cf222e",
    "achieved": "#1a7f37",
    "missed": "#a40e26",
    "no_data": "#8c959f",
}
LAST_YEAR = "#8c959f"
PLAN = "#0969da"
WIDTH, HEIGHT = 320, 150
MARGIN = {"left": 62, "right": 18, "top": 14, "bottom": 26}


def axis(values: list[float], flow: bool = False) -> tuple[float, float]:
    """From 0 for a flow's lũy kế (it starts at nothing, and grows to the plan) when the values are
    positive, else a little below the lowest (a level or a rate near its plan shows its movement);
    a little above the highest of the values, the plan and the estimate."""
    if not values:
        return 0.0, 1.0
    low, high = min(values), max(values)
    pad = (high - low) * 0.12 or max(abs(high) * 0.1, 1.0)
    bottom = 0.0 if low >= 0 and (flow or low - pad < 0) else low - pad
    return bottom, high + pad


def as_written(value: float, lang: Lang, decimals: int | None = None) -> str:
    """The year's plan as the resolution writes it (7,5 not 7,50); a computed one (last year's
    value grown by a rate) at the indicator's ``decimals``, else two."""
    return written(value, lang.value) if written_decimals(value) <= 2 else number(value, lang, 2 if decimals is None else decimals)


def svg(item: MonthChart, lang: Lang) -> str:
    colour = VERDICT_COLOURS.get(item.verdict, VERDICT_COLOURS["no_data"])
    values = [v for _m, v, _e in item.current] + [v for _m, v in item.last_year]
    values += [v for v in (item.plan, item.plan_upper, item.estimate) if v is not None]
    low, high = axis(values, item.meaning == "flow")
    span = (high - low) or 1.0
    inner_w = WIDTH - MARGIN["left"] - MARGIN["right"]
    inner_h = HEIGHT - MARGIN["top"] - MARGIN["bottom"]

    def x(month: float) -> float:
        return MARGIN["left"] + (month - 1) / 11 * inner_w

    def y(value: float) -> float:
        return MARGIN["top"] + inner_h - (value - low) / span * inner_h

    parts = [
        f'<line x1="{MARGIN["left"]}" y1="{y(low):.1f}" x2="{WIDTH - MARGIN["right"]}" y2="{y(low):.1f}" stroke="#d0d7de"/>',
        f'<text x="{MARGIN["left"] - 4}" y="{y(low) + 3:.1f}" text-anchor="end">{escape(axis_number(low, lang, decimals=item.decimals))}</text>',
        f'<text x="{MARGIN["left"] - 4}" y="{y(high) + 3:.1f}" text-anchor="end">{escape(axis_number(high, lang, decimals=item.decimals))}</text>',
    ]
    for month in range(1, 13):
        parts.append(f'<text x="{x(month):.1f}" y="{HEIGHT - 6}" text-anchor="middle">{month}</text>')
    if item.plan is not None:
        if item.plan_upper is not None:
            top, bottom = sorted((y(item.plan_upper), y(item.plan)))
            parts.append(f'<rect class="plan" x="{MARGIN["left"]}" y="{top:.1f}" width="{inner_w}" height="{max(bottom - top, 1):.1f}" fill="{PLAN}" fill-opacity="0.12"/>')
        parts.append(f'<line class="plan" x1="{MARGIN["left"]}" y1="{y(item.plan):.1f}" x2="{WIDTH - MARGIN["right"]}" y2="{y(item.plan):.1f}" stroke="{PLAN}" stroke-dasharray="4 3"/>')
        planned = as_written(item.plan, lang, item.decimals) + ("" if item.plan_upper is None else "–" + as_written(item.plan_upper, lang, item.decimals))
        label = f'{word("month_chart_plan", lang, year=item.year)} {planned}'
        parts.append(f'<text x="{MARGIN["left"] + 2}" y="{y(item.plan) - 3:.1f}" style="fill:{PLAN}">{escape(label)}</text>')
    if item.last_year:
        points = " ".join(f"{x(m):.1f},{y(v):.1f}" for m, v in item.last_year)
        parts.append(f'<polyline class="values last-year" points="{points}" fill="none" stroke="{LAST_YEAR}" stroke-width="1.5" stroke-dasharray="5 3"/>')
        for m, v in item.last_year:
            parts.append(f'<circle cx="{x(m):.1f}" cy="{y(v):.1f}" r="2" fill="{LAST_YEAR}"><title>{item.year - 1}-{m:02d}: {escape(number(v, lang, item.decimals))}</title></circle>')
    if item.current:
        points = " ".join(f"{x(m):.1f},{y(v):.1f}" for m, v, _e in item.current)
        parts.append(f'<polyline class="values current" points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for m, v, estimated in item.current:
            fill = "#ffffff" if estimated else colour
            parts.append(f'<circle cx="{x(m):.1f}" cy="{y(v):.1f}" r="3" fill="{fill}" stroke="{colour}"><title>{item.year}-{m:02d}: {escape(number(v, lang, item.decimals))}</title></circle>')
    if item.estimate is not None:
        ex, ey = x(12), y(item.estimate)
        title = f'{word("month_chart_estimate", lang)}: {number(item.estimate, lang, item.decimals)}'
        parts.append(f'<path class="estimate" d="M{ex:.1f},{ey - 5:.1f} l5,5 l-5,5 l-5,-5 z" fill="{colour}" fill-opacity="0.5"><title>{escape(title)}</title></path>')
    label = escape(f"{item.no} {item.id}")
    return f'<svg class="chart month" id="chart-{escape(item.id)}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}" xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'


def legend(year: int, lang: Lang) -> str:
    """What the monthly charts draw, with their own strokes."""
    c = VERDICT_COLOURS["on_course"]
    swatches = (
        (f'<line x1="2" y1="7" x2="26" y2="7" stroke="{c}" stroke-width="2"/><circle cx="14" cy="7" r="3" fill="{c}" stroke="{c}"/>', word("month_chart_current", lang, year=year)),
        (f'<circle cx="14" cy="7" r="3" fill="#ffffff" stroke="{c}"/>', word("month_chart_estimated", lang)),
        (f'<line x1="2" y1="7" x2="26" y2="7" stroke="{LAST_YEAR}" stroke-width="1.5" stroke-dasharray="5 3"/>', word("month_chart_last_year", lang, year=year - 1)),
        (f'<line x1="2" y1="7" x2="26" y2="7" stroke="{PLAN}" stroke-dasharray="4 3"/>', word("month_chart_plan", lang, year=year)),
        (f'<path d="M14,2 l5,5 l-5,5 l-5,-5 z" fill="{c}" fill-opacity="0.5"/>', word("month_chart_estimate", lang)),
    )
    return "".join(
        f'<span><svg class="swatch" viewBox="0 0 28 14" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">{shape}</svg>{escape(text)}</span>'
        for shape, text in swatches
    )


def figure(item: MonthChart, lang: Lang) -> str:
    colour = VERDICT_COLOURS.get(item.verdict, VERDICT_COLOURS["no_data"])
    caption = f"{escape(item.no)}. {escape(item.name)} — <b>{escape(item.label)}</b>"
    return f'<figure style="--c:{colour}" id="fig-{escape(item.id)}"><figcaption>{caption}</figcaption>{svg(item, lang)}</figure>'
