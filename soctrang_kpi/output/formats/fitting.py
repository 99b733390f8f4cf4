"""Fitting a table to a printed page: column widths from the printed width of their texts, and
the order in which a table gives way when the page is too narrow. Shared by the formats that
print (docx, xlsx, the html page's print layout), so that the three give way alike.

Widths are estimates (``text_mm``: Times New Roman by kinds of characters), checked by the print
tests, which measure the pages LibreOffice and Chromium print.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from math import isfinite
from typing import Optional

from ...records import NamedTuple

from ...numbers import number, written_decimals
from ..document import Column, Document, Row, Table, marked_text, name_text, notes_as_footnotes, row_cell_text, row_decimals
from ..safe import terminal_text
from . import nd30

CELL_PAD_MM = 1.0  # left and right padding inside a cell
NAME_MIN_MM = 38.0
NAME_WANT_MM = 55.0  # the name column's width before the notes column gets any
NOTE_MIN_MM = 38.0  # narrower than this, the notes become footnotes under the table
TEXT_MAX_MM = {"unit": 14.0, "assessment": 17.0, "pace": 26.0, "target_note": 28.0}  # text columns that wrap beyond this width
OTHER_TEXT_MAX_MM = 45.0
#: text columns that give way no further than this: "Đúng tiến độ" and "Cần tăng tốc" on one line
TEXT_MIN_MM = {"pace": 22.0}
NUMBER_MIN_MM = 11.0
SAFETY = 1.03  # text_mm is an estimate: a number's column gets this much more than it measures
WIDTH_SAMPLE = 500  # widths are measured on the first rows only


def text_mm(text: str, points: float, bold: bool = False) -> float:
    """The printed width of a text in Times New Roman, from the widths of its kinds of
    characters (digits are half an em; "m" and "w" three quarters, "M" and "W" nearly one, which
    the average letter left a header's "months" broken as "month/s"): close enough to size a
    column, which it errs on the wide side of (``SAFETY``). How many lines a text takes is
    counted with the font's own widths (``printed_mm``)."""
    return sum(_kind_em(char) for char in text) * points * 0.3528 * (1.06 if bold else 1.0)


def _kind_em(char: str) -> float:
    """A character's width in ems by its kind (``text_mm``)."""
    if char.isdigit() or char in "*-–":
        return 0.5
    if char in ".,:;' ()":
        return 0.27
    if char in "mw":
        return 0.75
    if char in "MW":
        return 0.92
    if char.isupper() or char in "%@":
        return 0.7
    return 0.44


#: Times New Roman's advance widths, in thousandths of an em, regular then bold, of the characters
#: the documents print (Liberation Serif's, which has Times New Roman's metrics: LibreOffice prints
#: with it where Times is not installed). A letter with marks is as wide as its letter (Vietnamese
#: "ố" as "o"), "ơ", "ư", "đ" have their own; any other character is measured by its kind (text_mm)
TIMES_CHARACTERS = (" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
                    "–—≤≥…“”‘’°±×†•ơưƠƯđĐ")
TIMES_WIDTHS = {
    False: (250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500,
            500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722,
            722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333,
            278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
            500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
            500, 1000, 549, 549, 1000, 444, 444, 333, 333, 400, 549, 564, 500, 350, 529, 542, 722, 776, 500, 722),
    True: (250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500,
           500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778,
           778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333,
           278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
           556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
           500, 1000, 549, 549, 1000, 500, 500, 333, 333, 400, 549, 570, 500, 350, 554, 600, 778, 796, 556, 722),
}
#: characters printed as another: a non-breaking hyphen as "-", a no-break space as a space
_PRINTED_AS = {"\u2011": "-", "\u00a0": " ", "\u202f": " "}


@cache
def _times(bold: bool) -> dict[str, float]:
    """Times New Roman's widths in ems, by character (``printed_mm`` adds the others it meets)."""
    return {char: width / 1000 for char, width in zip(TIMES_CHARACTERS, TIMES_WIDTHS[bold], strict=True)}


def _letter_em(char: str, widths: dict[str, float]) -> float:
    """A character not in the font's table: its letter's width without its marks (the horn of
    "ờ" kept: "ơ" is wider than "o"), else its kind's."""
    import unicodedata

    char = _PRINTED_AS.get(char, char)
    if char in widths:
        return widths[char]
    letter = unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c) or c == "\u031b"))
    return widths[letter] if letter in widths else _kind_em(char)


def printed_mm(text: str, points: float, bold: bool = False) -> float:
    """The width a text is printed at in Times New Roman, from the font's own widths
    (``TIMES_WIDTHS``): what a line holds, as Word and LibreOffice fill it."""
    widths = _times(bold)
    em = 0.0
    for char in text:
        found = widths.get(char)
        if found is None:
            found = widths[char] = _letter_em(char, widths)
        em += found
    return em * points * 0.3528


class Laid(NamedTuple):
    """A table as it will be printed: its columns' widths (mm), its page, its size. ``fits``:
    False when the page cannot hold every number whole at 10 pt; the widths then add up to more
    than the page (a number's column is never narrowed below its widest value), and the format
    prints the table in parts (``parts``)."""

    table: Table
    widths: list[float]
    landscape: bool
    points: float
    fits: bool = True


#: a measure of each column's widest text: mm at 1 pt (bold already counted), None for a column
#: measured on the first rows only (a text that wraps). The formats that print share
#: ``widest_printed``; the workbook measures its numbers as its number formats show them
Measure = Callable[[Table], list[Optional[float]]]

#: digits are all as wide (half an em): a number's text measured once per shape ("0.000,00*")
_ZEROS = str.maketrans("123456789", "000000000")


def printed_shape(text: str) -> str:
    """A text with its digits made zeros: the texts of a column measured once per shape."""
    return text.translate(_ZEROS)


def shape_mm(shapes: Iterable[tuple[str, bool]]) -> float:
    """The widest of ``(text, bold)`` at 1 pt (the texts' digits made zeros: as wide)."""
    return max((text_mm(text, 1.0, bold) for text, bold in set(shapes)), default=0.0)


def widest_printed(table: Table, doc: Document) -> list[Optional[float]]:
    """Each number column's widest text as the printed formats write it (``printed_text``),
    measured over every row, not the first ones: a value past the 500th row wider than those
    before it was cut (a spreadsheet's "###") or broken across lines."""
    rows = [row for row in table.rows if not row.section]
    out: list[Optional[float]] = []
    for i, column in enumerate(table.columns):
        if not (column.numeric or column.key == "no"):
            out.append(None)
            continue
        # a plain number's text is as wide as the largest of its kind (decimals, "*", sign, bold):
        # only those are written out (printing the 120.000 numbers of 10.000 series took 0,2 s)
        largest: dict[tuple[int, bool, bool, bool], float] = {}
        shapes: set[tuple[str, bool]] = set()
        for row in rows:
            value = row.cells[i]
            kind = type(value)
            if (kind is float or kind is int) and isfinite(value):
                decimals = row_decimals(row, column)
                if decimals is None:
                    decimals = written_decimals(value) if column.as_written else 0 if float(value).is_integer() else 2
                key = (decimals, i in row.marks, value < 0, row.heading)
                if abs(value) > largest.get(key, -1.0):
                    largest[key] = abs(value)
            else:
                shapes.add((printed_shape(printed_text(row, i, column, doc)), row.heading))
        for (decimals, marked, negative, bold), size in largest.items():
            text = number(-size if negative else size, doc.lang, decimals) + column.suffix + ("*" if marked else "")
            shapes.add((printed_shape(text), bold))
        out.append(shape_mm(shapes))
    return out


def lay_out(table: Table, doc: Document, room: float = 1.0, number_pad: float = 0.0, measure: Measure | None = None) -> Laid:
    """The table on the first page that holds it, in the order things give way: portrait, then
    landscape; the notes column, then its notes as footnotes under the table; 11 pt, then 10 pt.
    A page holds a table when every number keeps its width, the name keeps NAME_MIN_MM (a portrait
    page: NAME_WANT_MM, or landscape is the better page) and the notes NOTE_MIN_MM. ``room``: the
    share of the page's width the table may take (a spreadsheet keeps some for the widths its
    application rounds); ``number_pad``: mm more for every number column (a spreadsheet's
    number format leaves a space after a number); a text — a header's word, a unit, a verdict —
    is padded as text, in every format;
    ``measure``: the widest text of each number column (``widest_printed``). When no page holds
    it, the last try (landscape, 10 pt) with ``fits`` False: its numbers keep their widths."""
    big, small = nd30.TABLE_PT, nd30.TABLE_MIN_PT
    tries = [(table, False, big), (table, True, big)]
    if table.column_index("note") is not None:
        footnoted = notes_as_footnotes(table)
        tries += [(footnoted, False, big), (footnoted, True, big), (footnoted, True, small)]
    else:
        tries.append((table, True, small))
    measured: dict[int, list[Optional[float]]] = {}
    last = None
    for candidate, landscape, points in tries:
        widest = measured.get(id(candidate))
        if widest is None:
            widest = measured[id(candidate)] = (measure or (lambda t: widest_printed(t, doc)))(candidate)
        widths, fits = _widths(candidate, doc, nd30.usable_mm(landscape) * room, points, number_pad, widest)
        flexible = [w for w, c in zip(widths, candidate.columns) if c.wrap and c.key != "note"]
        fits = fits and (landscape or all(w >= NAME_WANT_MM - 0.01 for w in flexible))
        last = Laid(candidate, widths, landscape, points, fits)
        if fits:
            return last
    assert last is not None
    return last


#: the columns every part of a table split across pages repeats: the row's number, its name, its unit
SHARED_KEYS = ("no", "name", "unit")


def parts(table: Table, doc: Document, room: float = 1.0, number_pad: float = 0.0, measure: Measure | None = None) -> list[Laid]:
    """The table as printed: one part when a page holds it (``lay_out``); else, landscape, in
    the fewest parts that each hold every number whole at 11 pt, else 10 pt, each part the
    shared columns (SHARED_KEYS: the number, the name, the unit) and a run of the others in their
    order, cut where a group of columns ends ("Thực hiện", "Lộ trình") when it can be, the
    parts as even as they can be (README "Nghị định 30/2020: what the documents follow")."""
    known: dict[int, list[Optional[float]]] = {}

    def measured(candidate: Table) -> list[Optional[float]]:  # each table measured once
        if id(candidate) not in known:
            known[id(candidate)] = measure(candidate) if measure is not None else widest_printed(candidate, doc)
        return known[id(candidate)]

    laid = lay_out(table, doc, room, number_pad, measured)
    if laid.fits:
        return [laid]
    table = laid.table  # its notes as footnotes
    usable = nd30.usable_mm(True) * room
    shared = shared_columns(table)
    if not shared or shared != list(range(len(shared))):  # parts repeat the columns they begin with
        return [_scaled(laid, usable)]
    widest = measured(table)
    rest = [i for i in range(len(table.columns)) if i not in shared]
    # the parts tried are cut from the first rows, each column's texts written once
    sample = table._replace(rows=table.rows[:WIDTH_SAMPLE])
    rows = [row for row in sample.rows if not row.section]
    texts = [None if widest[i] is not None else text_sizes(c, i, rows, doc) for i, c in enumerate(table.columns)]
    for points in (nd30.TABLE_PT, nd30.TABLE_MIN_PT):
        tried: dict[tuple[int, ...], list[float] | None] = {}  # widths only: the parts tried are not kept

        def fitted(run: list[int], points: float = points, tried: dict = tried) -> list[float] | None:
            kept = shared + run
            if tuple(kept) not in tried:
                part = _part(sample, kept)
                widths, fits = _widths(part, doc, usable, points, number_pad, [widest[i] for i in kept], [texts[i] for i in kept])
                tried[tuple(kept)] = widths if fits else None
            return tried[tuple(kept)]

        cuts = _cuts(rest, table, fitted)
        if cuts is not None:
            found = []
            for run in cuts:
                made = fitted(run)
                assert made is not None
                found.append(Laid(_part(table, shared + run, as_read=True), made, True, points, True))
            return found
    return [_scaled(laid, usable)]  # a single number column wider than the page


def shared_columns(table: Table) -> list[int]:
    """The columns every part of ``table`` repeats: the number, the name, the unit."""
    return [i for i, c in enumerate(table.columns) if c.key in SHARED_KEYS or (c.wrap and c.key != "note")]


def _scaled(laid: Laid, usable: float) -> Laid:
    """A table that cannot be cut into parts, every column given up the same share (its numbers
    may break): tables other than the appendix, that begin with no name."""
    total = sum(laid.widths)
    return laid._replace(widths=[w * usable / total for w in laid.widths]) if total > usable else laid


def _part(table: Table, kept: list[int], as_read: bool = False) -> Table:
    """The table's columns ``kept``; ``as_read``: its rows made as they are read (a part found,
    read once as it is written: never a copy of every row, document.MadeRows)."""
    from ..document import keep_columns

    part = keep_columns(table, kept, as_read)
    return part if kept[-1] == len(table.columns) - 1 else part._replace(footnotes=(), footer="")


def _cuts(rest: list[int], table: Table, fitted: Callable[[list[int]], object]) -> list[list[int]] | None:
    """``rest`` cut into the fewest runs that each fit, the runs as even in count as they can be,
    a cut where a group ends preferred; None when one column alone does not fit."""
    if not rest or any(fitted([i]) is None for i in rest):
        return None
    groups = [table.columns[i].group for i in rest]
    ends = {k for k in range(1, len(rest)) if not groups[k] or groups[k] != groups[k - 1]}

    def runs(count: int, start: int) -> list[list[int]] | None:
        if count == 1:
            return [rest[start:]] if fitted(rest[start:]) is not None else None
        left = len(rest) - start
        even = left / count
        options = sorted(range(start + 1, len(rest) - count + 2), key=lambda k: (k not in ends, abs((k - start) - even)))
        for k in options:
            if fitted(rest[start:k]) is None:
                continue
            after = runs(count - 1, k)
            if after is not None:
                return [rest[start:k]] + after
        return None

    for count in range(1, len(rest) + 1):
        found = runs(count, 0)
        if found is not None:
            return found
    return None


def _widths(table: Table, doc: Document, usable: float, points: float, number_pad: float = 0.0,
            widest: list[Optional[float]] | None = None,
            known: list[Optional[tuple[float, float]]] | None = None) -> tuple[list[float], bool]:
    """Each column's width in mm, and whether the table fits ``usable`` mm at ``points``.

    A number never breaks: a numeric column (and the TT column) is as wide as its widest text
    (``widest``, measured over every row; bold, with a safety margin for the estimate of text_mm)
    and never narrower. Text columns (the
    unit, the pace, the assessment) wrap beyond a cap but are never narrower than their longest
    word. The name column takes what is left, up to NAME_WANT_MM while there is a notes column;
    the notes take their width last. When the page is too narrow, the text columns give way first
    (down to their longest word), then the name (down to NAME_MIN_MM), then the numbers' margins
    (down to their widest text and the cell's padding); then the table does not fit, and the
    widths add up to more than ``usable``: no number is narrower than its text."""
    sample = [row for row in table.rows[:WIDTH_SAMPLE] if not row.section]  # a section runs across the table
    # a text (a header's word, a unit, a verdict) has the cell's padding and the spare 0,8 mm; a
    # number also the spreadsheet's ``number_pad`` (the space its number format leaves after it)
    text_pad = 2 * CELL_PAD_MM + 0.8
    pad = text_pad + number_pad
    note = table.column_index("note")
    widths: list[float | None] = []
    floors: list[float] = []  # how far a text column can give way
    naturals: list[float] = []
    for i, column in enumerate(table.columns):
        measured = widest[i] if widest is not None else None
        longest = 0.0  # a text column's longest word, mm at 1 pt
        if measured is not None:
            widest_mm = measured * points * SAFETY + pad
        else:
            found = known[i] if known is not None else None
            widest_1, longest = found if found is not None else text_sizes(column, i, sample, doc)
            widest_mm = widest_1 * points * SAFETY + text_pad
        naturals.append(widest_mm)
        if column.wrap:
            widths.append(None)
            floors.append(NOTE_MIN_MM if i == note else NAME_MIN_MM)
            continue
        header = column.sub or column.header
        # a header may wrap after a dash ("2021–" / "2023"): Word breaks there
        parts = header.replace("–", "– ").split()
        words = max((text_mm(w, points, bold=True) * SAFETY for w in parts), default=0.0) + text_pad
        if column.numeric or column.key == "no":
            natural = max(widest_mm, words, NUMBER_MIN_MM if column.numeric else 0.0)
            widths.append(natural)
            # the last to give way, and no further than its widest text as measured and the
            # cell's padding (``tight``): without the margin for the estimate and the spare 0,8 mm
            floors.append(max(tight((widest_mm - pad) / SAFETY, number_pad), words))
        else:
            cap = TEXT_MAX_MM.get(column.key, OTHER_TEXT_MAX_MM)
            floor = max(longest * points * SAFETY + text_pad, words, TEXT_MIN_MM.get(column.key, 0.0))
            widths.append(max(min(widest_mm, cap), floor))
            floors.append(floor)
    fixed = sum(w for w in widths if w is not None)
    flexible = [i for i, w in enumerate(widths) if w is None]
    left = usable - fixed
    out = [0.0 if w is None else w for w in widths]
    names = [i for i in flexible if i != note]
    if note is not None and names:
        # the name first (up to NAME_WANT_MM), then the notes (up to their widest), then the name again
        name_share = max(min(NAME_WANT_MM, max(naturals[i] for i in names)), NAME_MIN_MM)
        out[note] = max(min(naturals[note], left - name_share * len(names)), 0.0)
        for i in names:
            out[i] = max((left - out[note]) / len(names), NAME_MIN_MM)
    elif flexible:
        for i in flexible:
            out[i] = max(left / len(flexible), floors[i])
        _spare_to_texts(table, out, naturals, flexible)
        _spare_to_headers(table, out, naturals, flexible, points, text_pad)
        _spare_to_two_line_headers(table, out, naturals, flexible, points)
    # too wide: the text columns give way, then the name, then the numbers' margins; no number
    # is ever narrower than its text
    numbers = {i for i, c in enumerate(table.columns) if c.numeric or c.key == "no"}
    for step in ("text", "name", "number"):
        over = sum(out) - usable
        if over <= 0:
            break
        give = [i for i, c in enumerate(table.columns) if out[i] > floors[i] and step == (
            "number" if i in numbers else "name" if c.wrap else "text")]
        room = sum(out[i] - floors[i] for i in give)
        for i in give:
            out[i] -= (out[i] - floors[i]) * min(over / room, 1.0)
    fits = sum(out) <= usable + 0.01 and (note is None or out[note] >= NOTE_MIN_MM - 0.01)
    return out, fits


def text_sizes(column: Column, index: int, rows: list[Row], doc: Document) -> tuple[float, float]:
    """A column's widest text (bold in a heading row) and its longest word (bold: a header's, or a
    heading's), in mm at 1 pt (``text_mm`` is in proportion to the size)."""
    texts = [printed_text(row, index, column, doc) for row in rows]
    widest = max([text_mm(t, 1.0, bold=row.heading) for t, row in zip(texts, rows)] + [0.0])
    longest = max((text_mm(w, 1.0, bold=True) for w in {w for t in texts for w in t.split()}), default=0.0)
    return widest, longest


def tight(text: float, number_pad: float = 0.0) -> float:
    """The narrowest column (mm) a number whose text is ``text`` mm wide is printed whole in:
    the cell's padding on both sides, and half of a spreadsheet's ``number_pad`` (the space its
    number format leaves after a number, about a third of an em; measured: LibreOffice printed
    "###" in a column 1,5 mm wider than its text, and the text in one 1,15 mm wider with no space
    after it)."""
    return text + 2 * CELL_PAD_MM + number_pad / 2


def _spare_to_texts(table: Table, out: list[float], naturals: list[float], flexible: list[int]) -> None:
    """A name column left wider than its widest text (a monthly report's five rows) gives what it
    does not need to the text columns that wrap (the unit, the verdict), up to each one's widest
    text on one line: "Nghìn tỷ đồng" and "Chưa có số liệu" on one line, not the name over half
    the page beside units on three."""
    _give_spare(out, naturals, flexible, {i: naturals[i] for i, c in enumerate(table.columns)
                                          if i not in flexible and not c.numeric and c.key != "no"})


def _spare_to_headers(table: Table, out: list[float], naturals: list[float], flexible: list[int], points: float, pad: float) -> None:
    """A name column left wider than its widest text (a scorecard's few short names) gives what
    it does not need to the text columns whose header would wrap, up to each header on one line:
    "3. Tỷ lệ đô thị hóa" over two lines at most, not four."""
    _give_spare(out, naturals, flexible, {i: text_mm(c.sub or c.header, points, bold=True) * SAFETY + pad
                                          for i, c in enumerate(table.columns)
                                          if i not in flexible and not c.numeric and c.key != "no"})


#: a header is printed on at most this many lines where the name has room to give (QA15: the
#: monthly report's "So cùng kỳ", "KH năm 2024", "6 months to date" were printed on three)
HEADER_LINES = 2
#: what a header's column is given beyond its lines' printed width and the cell's padding: the
#: widths the formats round (twips, a spreadsheet's units)
HEADER_SLACK_MM = 0.3


def _spare_to_two_line_headers(table: Table, out: list[float], naturals: list[float], flexible: list[int], points: float) -> None:
    """The columns whose header would take more than HEADER_LINES lines get the width that holds
    it in that many, measured by the font's own widths (``printed_mm``), bold: "So cùng" / "kỳ",
    not "So" / "cùng" / "kỳ". The name gives it: first what its texts do not take (a monthly
    report's few names keep each its line), then, when its names are long, from its own width
    down to NAME_WANT_MM (a name on one line more, not headers on three)."""
    wants = {}
    for i, column in enumerate(table.columns):
        if i in flexible:
            continue
        text = column.sub or column.header
        if line_count(text, out[i], points, bold=True) > HEADER_LINES:
            wants[i] = fewest_lines_mm(text, points, HEADER_LINES) + 2 * CELL_PAD_MM + HEADER_SLACK_MM
    _give_spare(out, naturals, flexible, wants)
    lacking = {i: want - out[i] for i, want in wants.items() if want > out[i]}
    room = {i: out[i] - NAME_WANT_MM for i in flexible if out[i] > NAME_WANT_MM}
    if not lacking or not room:
        return
    given = min(sum(lacking.values()), sum(room.values()))
    for i, more in lacking.items():
        out[i] += given * more / sum(lacking.values())
    for i, spare in room.items():
        out[i] -= given * spare / sum(room.values())


def fewest_lines_mm(text: str, points: float, lines: int) -> float:
    """The narrowest printed width (bold, mm, the cell's padding not counted) that holds ``text``
    in ``lines`` lines, broken between words (and after a dash) as Word and LibreOffice break it."""
    words = text.replace("–", "– ").split()
    if len(words) <= 1 or lines <= 1:
        return printed_mm(" ".join(words), points, bold=True)
    return min(max(printed_mm(" ".join(words[:k]), points, bold=True), fewest_lines_mm(" ".join(words[k:]), points, lines - 1))
               for k in range(1, len(words)))


def _give_spare(out: list[float], naturals: list[float], flexible: list[int], wants: dict[int, float]) -> None:
    """What the ``flexible`` columns have beyond their widest text (``naturals``) given to the
    columns of ``wants`` narrower than the width they want, in proportion to what each lacks."""
    spare = sum(max(out[i] - naturals[i], 0.0) for i in flexible)
    wanted = {i: w - out[i] for i, w in wants.items() if w > out[i]}
    if spare <= 0 or not wanted:
        return
    given = min(spare, sum(wanted.values()))
    for i, more in wanted.items():
        out[i] += given * more / sum(wanted.values())
    for i in flexible:
        out[i] -= given * max(out[i] - naturals[i], 0.0) / spare


def printed_text(row: Row, index: int, column: Column, doc: Document) -> str:
    """A cell's text as the printed formats write it: the row's decimals, the estimate mark, the
    sub-row's prefix, no control character."""
    text = marked_text(row, index, row_cell_text(row, index, column, doc.lang))
    return terminal_text(name_text(row, column, text))


def line_count(text: str, width_mm: float, points: float, bold: bool = False, pad: float = CELL_PAD_MM) -> int:
    """How many lines a text takes in a column this wide, its cell's padding ``pad`` (mm a side)
    taken off: words wrapped as Word and LibreOffice wrap them (at spaces and after a dash:
    "2021–" / "2023"); a word wider than the column is broken, a line for each width it takes."""
    return Lines(points, bold, pad)(text, width_mm)


class Lines:
    """``line_count`` at one size, for the many texts of a sheet: each word is measured once.
    Measured, 10.000 series (48.000 texts, 173.000 words, 12.000 of them distinct): 0,11 s of
    processor time for ``line_count`` text by text, 0,065 s with the words kept; the same
    counts, since a word's width is the same sum of the same floats. Words are measured with
    the font's own widths (``printed_mm``), not the estimate that sizes a column: an English
    row, whose narrow letters ("i", "l", "t") the estimate took as wide as any, was given a line
    more than LibreOffice printed in 7 of the term appendix's 51 rows (QA15)."""

    def __init__(self, points: float, bold: bool = False, pad: float = CELL_PAD_MM) -> None:
        self.points, self.bold, self.pad = points, bold, pad
        self.space = printed_mm(" ", points, bold)
        self._words: dict[str, float] = {}  # a word → its printed width in mm

    def __call__(self, text: str, width_mm: float) -> int:
        room = max(width_mm - 2 * self.pad, 1.0)
        space, words = self.space, self._words
        count = 0
        for part in text.split("\n"):
            count += 1
            line = 0.0
            for word in part.replace("–", "– ").split():
                size = words.get(word)
                if size is None:
                    size = words[word] = printed_mm(word, self.points, self.bold)
                if line and line + space + size > room:
                    count, line = count + 1, 0.0
                line += (space if line else 0.0) + size
                while line > room:
                    count += 1
                    line -= room
        return max(count, 1)
