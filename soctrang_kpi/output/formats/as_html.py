"""The HTML report: one self-contained page with the summary, the appendix table and a small SVG
chart per indicator. No network, no framework; a print stylesheet lays it out on A4.

A few lines of plain JavaScript check, once the page is drawn, that every chart has a size and
mark it (``data-rendered``); the page reads the same without them.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from html import escape

from ... import __version__
from ...core.model import PointStatus
from ..document import Chart, Column, Document, Style, Table, lines_under, name_text, notes_as_footnotes, row_cell_text, section_text
from ..labels import FORECAST_SOURCES, LABELS, POINT_STATUS, Lang, number, word, written
from . import Formatter, encoded, fitting, nd30

COLOURS = {
    "exceeded": "#1a7f37",
    "achieved": "#24292f",
    "at_risk": "#cf222e",
    "missed": "#a40e26",
    "no_data": "#8c959f",
}
WIDTH, HEIGHT = 320, 150
FORECAST_ROOM = 9  # the target's label ends this far left of the forecast's diamond (5 wide)
MARGIN = {"left": 62, "right": 18, "top": 14, "bottom": 26}  # room for labels at 15 units (print)

STYLE = """
:root { font-family: "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #24292f; }
body { margin: 24px auto; max-width: 1500px; padding: 0 16px; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.heading { text-align: center; } .heading p { margin: 0.15rem 0; } .heading .attached { font-style: italic; }
.summary { display: flex; gap: 12px; flex-wrap: wrap; margin: 1rem 0; }
.count { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 14px; min-width: 7rem; }
.count b { display: block; font-size: 1.6rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.82rem; }
th, td { border: 1px solid #d0d7de; padding: 3px 6px; vertical-align: top; }
th { background: #f6f8fa; } td.num { text-align: right; white-space: nowrap; }
th.name, td.name { min-width: 12rem; } span.est { color: #57606a; }
td.verdict { white-space: nowrap; } td.note { min-width: 10rem; overflow-wrap: anywhere; }
tr.sub td.name { padding-left: 1.4rem; } tr.section td { font-weight: 700; }
th.pace, td.pace { min-width: 7rem; } tr.group td { font-weight: 600; background: #f6f8fa; }
td.verdict.status-exceeded { background: #dafbe1; } td.verdict.status-at_risk, td.verdict.status-missed, td.verdict.status-behind { background: #ffebe9; }
td.verdict.status-no_data { background: #eaeef2; }
.fn, .footnotes { display: none; } .footnotes { font-size: 0.8rem; padding-left: 0; list-style: none; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 12px; }
figure { margin: 0; border: 1px solid #d0d7de; border-left: 5px solid var(--c); border-radius: 6px; padding: 6px 8px; }
figcaption { font-size: 0.8rem; min-height: 2.4em; } figcaption b { color: var(--c); } figcaption .about { color: #57606a; }
svg.chart { width: 100%; height: auto; display: block; }
svg text { font-size: 11px; fill: #57606a; }
.legend { font-size: 0.8rem; color: #57606a; display: flex; gap: 14px; flex-wrap: wrap; align-items: center; }
.legend span { display: inline-flex; gap: 4px; align-items: center; } svg.swatch { width: 28px; height: 14px; }
.note { font-size: 0.8rem; color: #57606a; } p.note, .footnotes { font-style: italic; }  /* the lines under the table, as a note is set */
footer { margin-top: 2rem; font-size: 0.75rem; color: #57606a; }
@media print {
  /* Nghị định 30/2020: A4, margins 20/20/30/15 mm, Times New Roman 13 pt, page numbers at the top
     centre from page 2; the table at 10–11 pt; colours printed */
  @page { size: A4 __ORIENTATION__; margin: 20mm 15mm 20mm 30mm;
          @top-center { content: counter(page); font: 13pt "Times New Roman", "Liberation Serif", serif; } }
  @page :first { @top-center { content: none; } }
  :root { font-family: "Times New Roman", "Liberation Serif", serif; color: #000; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  body { margin: 0; max-width: none; padding: 0; font-size: 13pt; }
  h1 { font-size: 14pt; } h2 { font-size: 13pt; } .heading p { font-size: 14pt; } .note, .legend, figcaption, footer { font-size: 10pt; }
  .count { padding: 2px 8px; } .count b { font-size: 14pt; } .summary { font-size: 11pt; }
  /* a pixel short of the page's width: the outer half of the right border, collapsed, would
     fall outside the content box, and Chromium cuts it at the margin */
  table { font-size: __TABLE_PT__pt; width: calc(100% - 1px); } thead { display: table-header-group; } tr { break-inside: avoid; }
  tr.group, tr.section { break-after: avoid; }  /* a heading on the page of its first row */
  th.name, td.name { min-width: 0; } th.pace, td.pace { min-width: 0; } td.note { min-width: 0; }
  th, td { padding: 1px 3px; border-color: #000; }
  __FOOTNOTES__
  .charts { grid-template-columns: repeat(3, 1fr); gap: 6px; }
  svg text { font-size: 15px; }
  figure { break-inside: avoid; }
  h2 { break-before: page; } h2.first { break-before: auto; }
}
"""

#: the print stylesheet when the table's notes are printed as footnotes under it
PRINT_FOOTNOTES = ".notes-col { display: none; } .fn { display: inline; } .footnotes { display: block; font-size: 10pt; }"

SELF_CHECK = """
window.addEventListener("load", function () {
  var charts = document.querySelectorAll("svg.chart"), drawn = 0;
  charts.forEach(function (svg) {
    var box = svg.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && svg.querySelector(".values")) {
      svg.setAttribute("data-rendered", "yes"); drawn++;
    } else { console.error("chart not drawn: " + svg.id); }
  });
  document.body.setAttribute("data-charts", drawn + "/" + charts.length);
  // wider than the window: a table that runs off the screen
  document.body.setAttribute("data-scroll-width", document.documentElement.scrollWidth + "/" + window.innerWidth);
});
"""


def page(doc: Document) -> str:
    return "".join(pieces(doc))


def pieces(doc: Document) -> Iterator[str]:
    """The page in pieces, in order: the head, then each part of the body, a table a row at a
    time and the charts one by one, so that `kpi export` writes the page to its file as it goes
    (built as one string, the page of 100.000 series took about 9 times its size in memory)."""
    lang = doc.lang
    main = doc.table("appendix") or (doc.tables[0] if doc.tables else None)
    audit = doc.table("audit")
    counts = "".join(
        f'<div class="count" style="color:{COLOURS[s.value]}"><b>{n}</b>{escape(name or LABELS[s][lang.value])}</div>'
        for s, n, name in doc.counts
    )
    charts = [item for item in doc.charts if item.kind not in ("group", "composition")]
    legend = _legend(lang)
    title = doc.title or (main.title if main else "")
    others = [t for t in doc.tables if t is not main and t is not audit and not t.machine_only]
    # the decree's heading block: Phụ lục, the name in capitals, the plan, (Kèm theo …)
    lines = nd30.heading(doc, title).lines
    heading = "".join(
        f'<p class="attached">{escape(text)}</p>' if italic else f"<h1>{escape(text)}</h1>" if n == 1 else f"<p><b>{escape(text)}</b></p>"
        for n, (text, bold, italic) in enumerate(lines)
    )
    parts: list[str | Iterator[str]] = [f'<header class="heading">{heading}</header>']
    # on paper: the page and size the docx would take; the notes as footnotes when it does
    laid = fitting.lay_out(main, doc) if main is not None and main.rows else None
    footnoted = main is not None and laid is not None and main.column_index("note") is not None and laid.table.column_index("note") is None
    if counts:
        parts.append(f'<section class="summary">{counts}</section>')
    parts += [f"<p><b>{escape(line)}</b></p>" for line in doc.intro[1:]]
    if main is not None:
        parts.append(f'<h2 class="first">{escape(word("appendix_sheet", lang))}</h2>')
        parts.append(_table_pieces(main, lang, with_status=True))
        if footnoted:
            parts.append(_footnotes(main))
        # the notes, then the counts line, each a note (italic: STYLE's p.note), as every format
        # sets them (the footnotes are the list above, on paper, italic too)
        parts += [f'<p class="note">{escape(line.text)}</p>' for line in lines_under(main, lang, ())]
    for table in others:
        parts.append(f"<h3>{escape(table.title)}</h3>{_table(table, lang)}")
    if charts:
        parts.append(f'<h2>{escape(word("chart", lang).split(" (")[0])}</h2>')
        parts.append(f'<p class="legend">{legend}</p>')  # the same strokes as the charts
        parts.append(_charts(charts, lang))
    if doc.month_charts:  # the monthly report: lũy kế month by month against the year's plan
        from . import month_svg

        year = doc.month_charts[0].year
        parts.append(f'<h2>{escape(word("month_charts_title", lang, year=year))}</h2>')
        parts.append(f'<p class="legend">{month_svg.legend(year, lang)}</p>')
        parts.append(f'<section class="charts">{"".join(month_svg.figure(item, lang) for item in doc.month_charts)}</section>')
    if audit is not None:
        parts.append(f"<h2>{escape(audit.title)}</h2>")
        parts.append(_table(audit, lang) if audit.rows else "<p>" + escape(word("no_findings", lang)) + "</p>")
    if doc.lines:
        parts.append("<pre>" + escape("\n".join(doc.lines)) + "</pre>")
    yield f"""<!doctype html>
<html lang="{nd30.LANGUAGE_TAGS[lang.value]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{_style(laid, footnoted)}</style>
</head>
<body>
"""
    for n, part in enumerate(parts):
        if n:
            yield "\n"
        if isinstance(part, str):
            yield part
        else:
            yield from part
    yield f"""
<footer>{escape(word("generated", lang, version=__version__))}</footer>
<script>{SELF_CHECK}</script>
</body>
</html>
"""


def _style(laid: fitting.Laid | None, footnoted: bool) -> str:
    """The stylesheet, its print part set for this table: the page's orientation, the table's
    size, the notes as footnotes or in their column."""
    landscape = laid is None or laid.landscape
    points = nd30.TABLE_PT if laid is None else laid.points
    return (
        STYLE.replace("__ORIENTATION__", "landscape" if landscape else "portrait")
        .replace("__TABLE_PT__", f"{points:g}")
        .replace("__FOOTNOTES__", PRINT_FOOTNOTES if footnoted else "")
    )


def _footnotes(table: Table) -> str:
    """The notes as footnotes under the table, for paper; the screen shows them in their column."""
    lines = notes_as_footnotes(table).footnotes
    return '<ol class="footnotes">' + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ol>"


def _head(table: Table) -> str:
    """One header row, or the appendix's two: a group over its columns, the others spanning both."""
    def th(text: str, index: int, attrs: str = "") -> str:
        kinds = _classes(table.columns[index], numeric=False)
        name = f' class="{" ".join(kinds)}"' if kinds else ""
        return f"<th{name}{attrs}>{escape(text)}</th>"

    groups = table.header_groups()
    if not groups:
        return "<tr>" + "".join(th(c.header, i) for i, c in enumerate(table.columns)) + "</tr>"
    upper, lower = [], []
    for text, first, last in groups:
        if text:
            upper.append(th(text, first, f' colspan="{last - first + 1}"'))
            lower += [th(table.columns[i].sub or table.columns[i].header, i) for i in range(first, last + 1)]
        else:
            upper.append(th(table.columns[first].header, first, ' rowspan="2"'))
    return f"<tr>{''.join(upper)}</tr><tr>{''.join(lower)}</tr>"


#: the classes of a column's cells, by its key: what the stylesheet lays out
KEY_CLASSES = {"pace": "pace", "note": "note notes-col", "assessment": "verdict"}


def _classes(column: Column, numeric: bool = True) -> list[str]:
    return (["num"] if numeric and column.numeric else []) + (["name"] if column.wrap and column.key != "note" else []) + (
        [KEY_CLASSES[column.key]] if column.key in KEY_CLASSES else []
    )


def _charts(charts: list[Chart], lang: Lang) -> Iterator[str]:
    yield '<section class="charts">'
    for item in charts:
        yield _figure(item, lang)
    yield "</section>"


def _table(table: Table, lang: Lang, with_status: bool = False) -> str:
    return "".join(_table_pieces(table, lang, with_status))


def _table_pieces(table: Table, lang: Lang, with_status: bool = False) -> Iterator[str]:
    """The table, a row at a time; the verdict column coloured by the row's class. A row with a
    note has its footnote's number after its name, shown only when the notes print as footnotes."""
    yield f"<table><thead>{_head(table)}</thead><tbody>"
    verdict = table.column_index("assessment")
    note = table.column_index("note")
    marks = _footnote_numbers(table, note) if note is not None else {}
    column_classes = [_classes(column) for column in table.columns]
    for row in table.rows:
        if row.section:  # "I. KINH TẾ" across the table, bold
            yield f'<tr class="section"><td colspan="{len(table.columns)}">{escape(section_text(row, table))}</td></tr>'
            continue
        cells = []
        for index, column in enumerate(table.columns):
            classes = list(column_classes[index])
            if with_status and index == verdict and row.status is not None:
                classes.append(f"status-{row.status.value}")
            tone = row.tones[index] if row.tones else None
            if tone is not None:  # a scorecard's cell, in its own class's colour
                classes += ["verdict", f"status-{tone.value}"]
            shown = row_cell_text(row, index, column, lang)
            text = escape(name_text(row, column, shown) if column.wrap else shown)
            if index in row.marks and text not in ("", "-") and "*" not in text:
                text += '<span class="est">*</span>'
            if column.key == "name" and note is not None and row.cells[note]:
                text += f' <span class="fn">({marks[str(row.cells[note])]})</span>'
            cells.append(f'<td class="{" ".join(classes)}">{text}</td>')
        kinds = (["sub"] if row.depth else []) + (["group"] if row.heading else [])
        sub = f' class="{" ".join(kinds)}"' if kinds else ""
        yield f"<tr{sub}>{''.join(cells)}</tr>"
    yield "</tbody></table>"


def _footnote_numbers(table: Table, note: int) -> dict[str, int]:
    """Each distinct note's footnote number, in the order of the rows (as notes_as_footnotes
    numbers them)."""
    numbers: dict[str, int] = {}
    for row in table.rows:
        if row.cells[note]:
            numbers.setdefault(str(row.cells[note]), len(numbers) + 1)
    return numbers


def _legend(lang: Lang) -> str:
    """What the charts draw, with the charts' own strokes: solid line = actual, hollow dot =
    estimate, dashed = roadmap, dashed blue = target, diamond = forecast."""
    c = COLOURS["achieved"]
    swatches = (
        (f'<line x1="2" y1="7" x2="26" y2="7" stroke="{c}" stroke-width="2"/><circle cx="14" cy="7" r="3" fill="{c}" stroke="{c}"/>', POINT_STATUS["actual"]),
        (f'<circle cx="14" cy="7" r="3" fill="#ffffff" stroke="{c}"/>', POINT_STATUS["estimate"]),
        (f'<line x1="2" y1="7" x2="26" y2="7" stroke="{c}" stroke-width="1.5" stroke-dasharray="5 3"/>', FORECAST_SOURCES["plan"]),
        ('<line x1="2" y1="7" x2="26" y2="7" stroke="#0969da" stroke-dasharray="4 3"/>', {"vi": word("chart_target", Lang.VI), "en": word("chart_target", Lang.EN)}),
        (f'<path d="M14,2 l5,5 l-5,5 l-5,-5 z" fill="{c}" fill-opacity="0.5"/>', {"vi": word("chart_forecast", Lang.VI), "en": word("chart_forecast", Lang.EN)}),
    )
    return "".join(
        f'<span><svg class="swatch" viewBox="0 0 28 14" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">{shape}</svg>{escape(label[lang.value])}</span>'
        for shape, label in swatches
    )


def _figure(item: Chart, lang: Lang) -> str:
    colour = COLOURS[item.status.value]
    mark = f"{escape(item.no)}. " if item.no else ""  # a structure's part without a number: no ". " before its name
    caption = f"{mark}{escape(item.name)} — <b>{escape(item.label)}</b>"
    if item.about:  # what the indicator list says of it (README "Indicator metadata")
        caption += f'<br><span class="about">{escape(item.about)}</span>'
    return f'<figure style="--c:{colour}" id="fig-{escape(item.id)}"><figcaption>{caption}</figcaption>{chart(item, lang)}</figure>'


def chart(item: Chart, lang: Lang) -> str:
    """The trajectory of one indicator: observed years solid, estimates hollow, the roadmap
    dashed, the target as a line (a band for a range), the forecast as a diamond."""
    series = item.series
    colour = COLOURS[item.status.value]
    target, upper = item.target, item.target_upper
    forecast = item.forecast
    years = [p.year for p in series] or [0]
    # every forecast is in the units plotted (views.plotted): a growth rate's or an average's as
    # its values and target are (GRDP growth 8,60 %/năm against 10), a year's plan as its levels
    drawn = forecast is not None
    # the axis runs to the target year (one value in 2026 is not drawn on 2026–2027), and the
    # forecast, the target year's value, stands on it
    at = item.target_year if series and item.target_year else None
    first, last = min(years), max(years + ([item.latest_year] if item.latest_year else []) + ([at] if at else []))
    if last <= first:  # one year: the year before it when it is the plan's last (2025–2026, never 2026–2027)
        first, last = (last - 1, last) if at is not None and last >= at else (first, first + 1)
    values = [p.value for p in series] + [v for v in (target, upper, forecast) if v is not None]
    low, high = axis_range(values)
    whole = item.whole or item.kind == "rank"  # places and counts: an axis of whole numbers (13–19, not 13,52–18,48)
    if whole:
        low, high = float(math.floor(low)), float(math.ceil(high))
    span = high - low
    inner_w = WIDTH - MARGIN["left"] - MARGIN["right"]
    inner_h = HEIGHT - MARGIN["top"] - MARGIN["bottom"]

    def x(year: float) -> float:
        return MARGIN["left"] + (year - first) / (last - first) * inner_w

    def y(value: float) -> float:
        return MARGIN["top"] + inner_h - (value - low) / span * inner_h

    parts = [f'<line x1="{MARGIN["left"]}" y1="{y(low):.1f}" x2="{WIDTH - MARGIN["right"]}" y2="{y(low):.1f}" stroke="#d0d7de"/>']
    if values:  # an indicator without values or target has no scale to show (not 0 to 1)
        parts += [
            f'<text x="{MARGIN["left"] - 4}" y="{y(low) + 3:.1f}" text-anchor="end">{escape(axis_number(low, lang, whole, item.decimals))}</text>',
            f'<text x="{MARGIN["left"] - 4}" y="{y(high) + 3:.1f}" text-anchor="end">{escape(axis_number(high, lang, whole, item.decimals))}</text>',
        ]
    step = 1 if last - first <= 6 else 2  # years 15 units tall (print) do not overlap
    for year in range(first, last + 1, step) if series else ():  # no values: no years (not "0" and "1")
        parts.append(f'<text x="{x(year):.1f}" y="{HEIGHT - 6}" text-anchor="middle">{year}</text>')
    if target is not None:
        if upper is not None:
            parts.append(f'<rect class="target" x="{MARGIN["left"]}" y="{y(upper):.1f}" width="{inner_w}" height="{max(y(target) - y(upper), 1):.1f}" fill="#0969da" fill-opacity="0.12"/>')
        parts.append(f'<line class="target" x1="{MARGIN["left"]}" y1="{y(target):.1f}" x2="{WIDTH - MARGIN["right"]}" y2="{y(target):.1f}" stroke="#0969da" stroke-dasharray="4 3"/>')
        aimed = written(target, lang) + (f"–{written(upper, lang)}" if upper is not None else "")  # as written; a range: 10–10,5
        end = WIDTH - MARGIN["right"] - (FORECAST_ROOM if drawn else 0)  # clear of the forecast's diamond at the target year
        parts.append(f'<text class="target" x="{end}" y="{y(target) - 3:.1f}" text-anchor="end" style="fill:#0969da">{escape(word("chart_target", lang))} {escape(aimed)}</text>')
    observed = [p for p in series if p.status is not PointStatus.PLAN]
    planned = [p for p in series if p.status is PointStatus.PLAN]
    if observed:
        points = " ".join(f"{x(p.year):.1f},{y(p.value):.1f}" for p in observed)
        parts.append(f'<polyline class="values" points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
    if planned:
        start = observed[-1:] if observed else []
        points = " ".join(f"{x(p.year):.1f},{y(p.value):.1f}" for p in start + planned)
        parts.append(f'<polyline class="values plan" points="{points}" fill="none" stroke="{colour}" stroke-width="1.5" stroke-dasharray="5 3"/>')
    for p in series:
        hollow = p.status is not PointStatus.ACTUAL
        radius = 2.2 if p.status is PointStatus.PLAN else 3
        fill = "#ffffff" if hollow else colour
        parts.append(f'<circle cx="{x(p.year):.1f}" cy="{y(p.value):.1f}" r="{radius}" fill="{fill}" stroke="{colour}"><title>{p.year}: {escape(number(p.value, lang, item.decimals))}</title></circle>')
    if forecast is not None and drawn:
        fx, fy = x(at or last), y(forecast)
        parts.append(f'<path class="forecast" d="M{fx:.1f},{fy - 5:.1f} l5,5 l-5,5 l-5,-5 z" fill="{colour}" fill-opacity="0.5"><title>{escape(word("chart_forecast", lang))}: {escape(number(forecast, lang, item.decimals))}</title></path>')
    label = escape(f"{item.no} {item.id}")
    return f'<svg class="chart" id="chart-{escape(item.id)}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}" xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'


def axis_number(value: float, lang: Lang, whole: bool = False, decimals: int | None = None) -> str:
    """An axis label: whole from 100 up (28.125, not 28.124,60), so that it fits left of the axis;
    whole for places and counts, and at 0; else at the indicator's ``decimals`` (HDI 0,736)."""
    return number(value, lang, 0 if whole or abs(value) >= 100 or value == 0 else decimals)


def axis_range(values: list[float]) -> tuple[float, float]:
    """The value axis: from a little below the lowest to a little above the highest of the series,
    the target and the forecast (not from 0, so that 92–99 % does not look flat); it starts at 0
    only when the values are positive and come within the padding of it."""
    if not values:
        return 0.0, 1.0
    low, high = min(values), max(values)
    if high - low <= 1e-9 * max(abs(high), 1.0):  # 15 and 15,000000000000002 (34,5 / 30 − 1): flat
        low = high
    pad = (high - low) * 0.12 or max(abs(high) * 0.1, 1.0)
    bottom, top = low - pad, high + pad
    if low >= 0 > bottom:
        bottom = 0.0
    return bottom, top


class HtmlFormatter(Formatter):
    def text(self, doc: Document, style: Style) -> str:
        return page(doc)

    def chunks(self, doc: Document) -> Iterator[bytes]:
        return encoded(pieces(doc))


FORMATTER = HtmlFormatter()
