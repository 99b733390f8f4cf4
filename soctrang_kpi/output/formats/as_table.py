"""Tables for people: aligned columns, the name column wrapped, colour by class on a terminal.

Written here rather than with Rich: a table is a few widths and a word wrap, and Rich measures
and renders every cell through several layers — 40 ms for the 51 rows of the bundled plan and
seconds for 10.000, which made `kpi status` three times slower than `kpi status --json`. This
writer is linear and small; it prints the layout Rich's SIMPLE_HEAD box drew (title and footer
centred, a rule under the header, two spaces between columns), never breaks inside a word or a
number when a line has room, and prints no trailing spaces.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from ...core.classify import Status
from ..document import Column, Document, Row, Style, Table, name_text, row_cell_text
from ..labels import Lang
from ..safe import terminal_text
from . import Formatter

#: ANSI colour of each status on a colour terminal, by its code: good news green, bad news red;
#: within the year (core.periods.Verdict) on course as achieved, behind as at risk
STATUS_COLOURS = {
    Status.EXCEEDED.value: "32",
    Status.ACHIEVED.value: "",
    Status.AT_RISK.value: "31",
    Status.MISSED.value: "1;31",
    Status.NO_DATA.value: "2",
    "on_course": "",
    "behind": "31",
}
BOLD = "1"

MIN_WRAP_WIDTH = 20  # a name narrower than this is unreadable: drop other columns first
GAP = "  "  # between columns


#: Latin with Vietnamese letters (precomposed, NFC) and general punctuation ("–"): one cell
#: each, none combining or wide, so such a text is as wide as it is long
_ONE_CELL_EACH = r"[\x00-\u02ff\u1e00-\u1eff\u2000-\u2064]*"


@lru_cache(maxsize=1)
def _one_cell_each():
    return re.compile(_ONE_CELL_EACH).fullmatch


def width_of(text: str) -> int:
    """Terminal cells a text takes: wide East Asian characters two, combining marks none."""
    if text.isascii() or _one_cell_each()(text):
        return len(text)
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return total


def wrap(text: str, width: int, hard_glue: bool = True) -> list[str]:
    """Greedy word wrap (``filled``); a word longer than the line is cut (folded), as nothing else fits.

    A sub-row's "  - " stays in front and its continuation lines hang under its text. A number
    stays with the word before it ("năm 2023"); without ``hard_glue`` (a cell of a narrow column
    that wraps between words: the unit, the verdict) only where the two fit the line: "Exceeded"
    over "15.51%" in a column narrower than both, not the column made as wide as both."""
    if width_of(text) <= width:
        return [text]
    body = text.lstrip(" ")
    if body.startswith("- "):
        body = body[2:]
    hang = len(text) - len(body)
    if hang and width - hang >= MIN_WRAP_WIDTH // 2:
        hung = wrap(body, width - hang, hard_glue)
        return [text[:hang] + hung[0]] + [" " * hang + line for line in hung[1:]]
    words = _glued(text.split())
    if not hard_glue:
        words = [part for word in words for part in (word.split(GLUE) if width_of(word) > width else (word,))]
    return filled(words, width)


#: joins words kept on one line while wrapping (``filled`` prints it as a space): a number and the
#: word before it ("năm 2023"), a count, a legend, an option's flags ("--format / -f")
GLUE = "\x00"


def filled(words: list[str], width: int, first: str = "", hang: str = "", alone: bool = False, fold: bool = True) -> list[str]:
    """The one greedy word wrap of kpi's text (a table's cells, its title and footer; a message on
    stderr, spoken.wrapped): ``words`` laid on lines of ``width`` cells, as many on a line as fit,
    GLUE printed as a space. The first line starts with ``first`` (a message's "kpi: ", a listed
    indicator's number and id), the others with ``hang``. The first word stays beside ``first``
    whatever its width, unless ``alone`` (it then starts the next line when it does not fit). A
    word wider than the line is cut (``fold``), else printed whole, past the line (an id, a path)."""
    lines: list[str] = []
    line, count = first, 0
    room = width - width_of(hang)  # for a word on a line of its own
    for word in words:
        if fold and width_of(word) > room:
            if line.strip():
                lines.append(line.rstrip())
            *folded, word = _fold(word, room)
            lines += [hang + piece for piece in folded]
            line, count = hang, 0
        joined = f"{line} {word}" if count else line + word
        if (count or alone) and width_of(joined) > width and line.strip():
            lines.append(line.rstrip())
            line, count = hang, 0
            joined = line + word
        line, count = joined, count + 1
    if line or not lines:
        lines.append(line)
    return [line.replace(GLUE, " ") for line in lines]


def _glued(words: list[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        if out and word[:1].isdigit() and not out[-1][-1:] in ",;:—–":
            out[-1] += GLUE + word
        else:
            out.append(word)
    return out


def _fold(word: str, width: int) -> list[str]:
    """A word longer than the line cut into pieces of at most ``width`` cells (at least one
    character each), in one pass: a 4 MB word costs its length, not its length squared."""
    pieces, start, used = [], 0, 0
    for index, char in enumerate(word):
        cells = width_of(char)
        if used + cells > width and index > start:
            pieces.append(word[start:index])
            start, used = index, 0
        used += cells
    pieces.append(word[start:])
    return pieces


def texts_of(table: Table, lang: Lang) -> list[list[str]]:
    return [
        [terminal_text(name_text(row, c, row_cell_text(row, i, c, lang))) for i, c in enumerate(table.columns)]
        for row in table.rows
    ]


def natural_widths(table: Table, texts: list[list[str]]) -> list[int]:
    """The widest text of each column, its header included (measured once per table)."""
    widths = [width_of(c.header) for c in table.columns]
    for row in texts:
        for i, text in enumerate(row):
            w = width_of(text)
            if w > widths[i]:
                widths[i] = w
    return widths


def capped(widths: list[int], columns: tuple[Column, ...]) -> list[int]:
    """Natural widths, a column with a max_width no wider."""
    return [min(w, c.max_width) if c.max_width else w for w, c in zip(widths, columns)]


def narrowest(table: Table, texts: list[list[str]], capped_widths: list[int]) -> list[int]:
    """The least each column can take: a column with a max_width (the unit, the latest value)
    wraps between words, so its longest word ("Triệu" of "Triệu đồng", "93,50" or "(2022)");
    another whose header is wider than its cells (English "% of target" over "115.16%") wraps
    its header on two lines at most, down to its widest cell; the others their capped width."""
    least = list(capped_widths)
    for i, column in enumerate(table.columns):
        if column.wrap:
            continue
        if column.max_width:
            heads = [width_of(w) for w in _glued(column.header.split())]
            words = [width_of(w) for row in texts for w in row[i].split()]  # a glue gives way (_cell_lines)
            least[i] = min(capped_widths[i], max(heads + words + [1]))
        elif " " in column.header.strip() and width_of(column.header) >= capped_widths[i]:
            # the header is the widest text: a cell never wraps (a figure is printed whole)
            least[i] = min(capped_widths[i], max([_two_lines(column.header)] + [width_of(row[i]) for row in texts]))
    return least


def _two_lines(text: str) -> int:
    """The width of a header wrapped on two lines, its best break ("% of" over "target", "Chưa
    có" over "số liệu"): a header of three or four lines of one word each is not a header."""
    words = _glued(text.split())
    return min([max(width_of(" ".join(words[:k])), width_of(" ".join(words[k:]))) for k in range(1, len(words))] + [width_of(text)])


#: the columns not dropped while the unit and the latest value wrap between words and a header
#: wider than its cells on two lines (not the verdict) makes room: the target, which "% of
#: target" is read against (the monthly report's KH năm: "% KH năm" is read against it)
KEPT_BY_WRAPPING = ("target",)


def fit(table: Table, texts: list[list[str]], natural: list[int], width: int) -> tuple[Table, list[list[str]], list[int]]:
    """Drop optional columns until the unwrappable ones leave the name MIN_WRAP_WIDTH; the
    table, its texts and its natural widths without them. A number that wraps between words (a
    max_width: the latest value, "93,50" over "(2022)") and the target are not dropped while
    squeezing the columns to their narrowest would make room."""
    columns = list(table.columns)
    keep = list(range(len(columns)))
    widths = capped(natural, table.columns)
    squeezed = narrowest(table, texts, widths)
    squeeze_from = max([c.drop for c in columns if c.max_width and c.drop and c.numeric] + [0])
    # the unit and the latest value at their narrowest, a header wider than its cells on two lines
    # ("Lũy kế" over "11 tháng"), the rest as they are
    light = [least if c.drop or not c.max_width else w for c, w, least in zip(columns, widths, squeezed)]
    light_from = max([c.drop for c in columns if c.drop and c.key in KEPT_BY_WRAPPING] + [0])

    def needed() -> int:
        return sum((MIN_WRAP_WIDTH if columns[i].wrap else widths[i]) + len(GAP) for i in keep) - len(GAP)

    droppable = sorted((c.drop, i) for i, c in enumerate(columns) if c.drop)
    while needed() > width and droppable:
        if droppable[-1][0] <= squeeze_from and widths is not squeezed:
            widths = squeezed
            continue
        if droppable[-1][0] <= light_from and widths is not light and widths is not squeezed:
            widths = light
            continue
        keep.remove(droppable.pop()[1])
    kept_keys = {columns[i].key for i in keep}
    keep = [i for i in keep if not columns[i].follows or columns[i].follows in kept_keys]
    if len(keep) == len(columns):
        return table, texts, natural
    rows = tuple(
        row._replace(cells=tuple(row.cells[i] for i in keep), tones=tuple(row.tones[i] for i in keep) if row.tones else ())
        for row in table.rows
    )
    kept_texts = [[row_texts[i] for i in keep] for row_texts in texts]
    return table._replace(columns=tuple(columns[i] for i in keep), rows=rows), kept_texts, [natural[i] for i in keep]


def layout(table: Table, texts: list[list[str]], natural: list[int], width: int) -> list[int]:
    """Column widths: natural ones, the wrapping column taking what the line has left. A column
    with a max_width (the unit) keeps its natural width when the line has room for it and the
    name still gets its own natural width (or 2 × MIN_WRAP_WIDTH); it wraps only when space is short."""
    flexible = [i for i, c in enumerate(table.columns) if c.wrap]
    widths = list(natural)
    fixed = sum(w for i, w in enumerate(widths) if i not in flexible) + len(GAP) * (len(widths) - 1)
    names = max([width_of(row[i]) for row in texts for i in flexible] + [0])
    if flexible and width - fixed < len(flexible) * min(names, 2 * MIN_WRAP_WIDTH):
        widths = capped(natural, table.columns)
    if flexible:
        fixed = sum(w for i, w in enumerate(widths) if i not in flexible) + len(GAP) * (len(widths) - 1)
        short = len(flexible) * MIN_WRAP_WIDTH - (width - fixed)
        if short > 0:  # the name would go under MIN_WRAP_WIDTH: the columns that wrap between words
            # give way first, the one that goes first on a narrower line first (the latest value,
            # its unit, then the verdict); only then a header wider than its cells ("% of target"),
            # the one that gives most first, so that as few headers as can wrap
            least = narrowest(table, texts, widths)

            def first(i: int) -> tuple[int, int, int]:
                column = table.columns[i]
                return (0, -column.drop, 0) if column.max_width else (1, -column.drop, least[i] - widths[i])

            for i in sorted(range(len(widths)), key=first):
                give = min(short, widths[i] - least[i])
                widths[i] -= give
                short -= give
            fixed = sum(w for i, w in enumerate(widths) if i not in flexible) + len(GAP) * (len(widths) - 1)
        share = max(MIN_WRAP_WIDTH, (width - fixed) // len(flexible))
        for i in flexible:
            widths[i] = share
    return widths


def _cell_lines(text: str, column: Column, width: int) -> list[str]:
    if not (column.wrap or column.max_width):
        return [text]
    lines = wrap(text, width, hard_glue=column.wrap)  # the name keeps "năm 2023" whole; a unit or a verdict where it fits
    if column.max_lines and len(lines) > column.max_lines:  # the whole name is in `kpi show`
        lines = lines[: column.max_lines]
        line = last = lines[-1]
        while last and width_of(last + " …") > width:
            last = last[:-1]
        if last != line and line[len(last)] not in " ,;.)" and " " in last.strip():  # not within a word: back to its start
            last = last.rpartition(" ")[0]
        lines[-1] = last.rstrip() + " …"
    return lines


def _justify(text: str, column: Column, width: int) -> str:
    pad = " " * max(width - width_of(text), 0)
    return pad + text if column.numeric else text + pad


def _centre(text: str, width: int) -> str:
    pad = max(width - width_of(text), 0) // 2
    return " " * pad + text


def _paint(line: str, code: str, style: Style) -> str:
    return f"\x1b[{code}m{line}\x1b[0m" if style.color and code else line


def table_lines(table: Table, lang: Lang, style: Style) -> list[str]:
    """The table laid out in columns; on a line too narrow for it even with its optional
    columns left out and the others wrapped (`kpi audit` below 72 columns, `kpi status` below
    52), its rows as lists (``list_lines``): never a line wider than the terminal."""
    texts = texts_of(table, lang)
    table, texts, natural = fit(table, texts, natural_widths(table, texts), style.width)
    lines = _column_lines(table, texts, natural, style)
    if any(width_of(_unpainted(line)) > style.width for line in lines):
        return list_lines(table, texts, style)
    return lines


#: the narrowest terminal kpi lays its pages out for (README "Terminal width"): `kpi status` and
#: `kpi show` of the bundled plan in columns, the charts drawn whole for the width; on a narrower
#: one a table that cannot fit prints its rows as lists and a line of text wraps, never wider than the line
NARROWEST = 60
LIST_INDENT = "    "  # a row's figures under its number and name, in the list layout


def list_lines(table: Table, texts: list[list[str]], style: Style) -> list[str]:
    """A table printed as a list, for a line too narrow for its columns: each row its first
    cell and its name (when the name is the second column), then one "header: value" a line,
    indented under it, every line wrapped to the width; the columns ``fit`` keeps at that width
    (the fewest), so a wider line never shows fewer."""
    width = max(style.width, 1)
    indent = LIST_INDENT if width >= MIN_WRAP_WIDTH else ""
    lead = 2 if len(table.columns) > 1 and table.columns[1].wrap else 1
    out: list[str] = []
    if table.title:
        out += [_paint(line, BOLD, style) for line in wrap(dash_kept(terminal_text(table.title), width), width)] + [""]
    for row, row_texts in zip(table.rows, texts):
        code = STATUS_COLOURS[row.status.value] if row.status is not None and not row.tones else ""
        # "1 GRDP growth …" under a header; a table of labels and values without one: "Target: 8 %"
        head = (" " if table.show_header else ": ").join(_unprefixed(t, c, row) for t, c in zip(row_texts[:lead], table.columns) if t.strip())
        if lead == 1 and head and table.show_header and table.columns[0].header:  # no name beside it: "TT: 4"
            head = f"{terminal_text(table.columns[0].header)}: {head}"
        out += [_paint(line, BOLD if not row.depth else "", style) for line in _hung(head, width, "", indent)]
        tones = row.tones[lead:] if row.tones else (None,) * len(row_texts)
        for column, text, tone in zip(table.columns[lead:], row_texts[lead:], tones):
            if not text.strip():
                continue
            item = f"{terminal_text(column.header)}: {text.strip()}" if table.show_header and column.header else text.strip()
            colour = STATUS_COLOURS[tone.value] if tone is not None else code if column.key == "assessment" else ""
            out += [_paint(line, colour, style) for line in _hung(item, width, indent, indent + "  " if indent else "")]
    if table.footer:
        out.append("")
        for part in _footer_parts(terminal_text(table.footer), width):
            out += wrap(part, width)
    return out


def _hung(text: str, width: int, indent: str, hang: str) -> list[str]:
    """A text wrapped after ``indent``, its further lines after ``hang``: each within ``width``."""
    first, *rest = wrap(text, width - len(indent))
    return [indent + first] + ([hang + line for line in wrap(" ".join(rest), width - len(hang))] if rest else [])


def _unprefixed(text: str, column: Column, row: Row) -> str:
    """A cell's text without its sub-row prefix ("  - "): in a list the number says it ("3.1")."""
    if row.depth and column.sub_prefix.strip() and text.startswith(column.sub_prefix):
        text = text[len(column.sub_prefix):]
    return text.strip()


def _column_lines(table: Table, texts: list[list[str]], natural: list[int], style: Style) -> list[str]:
    widths = layout(table, texts, natural, style.width)
    heads = [wrap(terminal_text(c.header), w) for c, w in zip(table.columns, widths)] if table.show_header else []
    header = [GAP.join(_justify(h[n] if n < len(h) else "", c, w) for h, c, w in zip(heads, table.columns, widths)).rstrip() for n in range(max([len(h) for h in heads] + [0]))]
    body = [line for row, row_texts in zip(table.rows, texts) for line in _row_lines(row, row_texts, table, widths, style)]
    # the rule, title and footer span the line, or what the table prints where it cannot fit in it
    # (a column kept at MIN_WRAP_WIDTH): never the columns' sum past the line when no cell reaches it
    total = min(sum(widths) + len(GAP) * (len(widths) - 1), max([style.width] + [width_of(_unpainted(line)) for line in header + body]))
    out: list[str] = []
    if table.title:
        out += [_paint(_centre(line, total), BOLD, style) for line in wrap(dash_kept(terminal_text(table.title), total), total)]
        out.append("")
    if table.show_header:
        out += [_paint(line, BOLD, style) for line in header]
        out.append("─" * total)
    out += body
    if table.footer:
        out.append("")
        for part in _footer_parts(terminal_text(table.footer), total):
            out += [_centre(line, total) for line in wrap(part, total)]
    return out


def _footer_parts(text: str, width: int) -> list[str]:
    """A footer too wide for one line, broken after its "; " first (a scorecard's counts, one
    indicator a line), not in the middle of a count with a word left alone on the next line;
    a parenthesised legend ("(* ước tính)") that fits the line and each count ("1 chưa có số
    liệu": ``counts_kept``) are kept whole by ``wrap``."""
    if width_of(text) <= width:
        return [text]
    text = counts_kept(_footer_patterns()[0].sub(lambda found: found.group().replace(" ", GLUE) if width_of(found.group()) <= width else found.group(), text), width)
    parts = text.split("; ")
    # a part that fits is not wrapped, and would keep its glue: it is taken out of it here
    return [p.replace(GLUE, " ") if width_of(p) <= width else p for p in [p + ";" for p in parts[:-1]] + parts[-1:]]


@cache
def _footer_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What a line too wide for the table is broken around, compiled on first use (a table whose
    lines fit never needs them: 0,5 ms of every table at import): a parenthesised part of a
    footer (the marks' legend); a count in a line of counts, a number and the words after it up
    to the next punctuation ("12 chỉ tiêu", "1 chưa có số liệu", "4 at risk", "50,00% thời gian
    của năm đã qua"); what follows a dash in a title or a line of counts, up to the next
    punctuation ("— as of 2026", "— tính đến năm 2026", "— đánh giá tạm tính", "— provisional")."""
    return (re.compile(r"\([^()]*\)"), re.compile(r"(?<!\S)\d[\d.,%]*(?: [^\s,;:()—–\x00]+)+"),
            re.compile(r"(?<!\S)[—–] [^\s,;:()—–][^,;:()—–]*"))


def counts_kept(text: str, width: int) -> str:
    """A line of counts (a footer, `kpi summary`'s counts), each count glued for ``wrap``: a
    number is never parted from its word ("12" / "chỉ tiêu"), and a count that fits the line not
    broken at all ("1 chưa có số" / "liệu", "75,00% thời" / "gian của năm đã qua"); a longer one
    keeps its number with its first word. Its closing "— …" is kept whole too (``dash_kept``)."""
    if width_of(text) <= width:
        return text

    def glued(found: re.Match[str]) -> str:
        count = found.group()
        if width_of(count) <= width:
            return count.replace(" ", GLUE)
        number, rest = count.split(" ", 1)
        return f"{number}{GLUE}{rest}" if width_of(f"{number} {rest.split(' ', 1)[0]}") <= width else count

    return dash_kept(_footer_patterns()[1].sub(glued, text), width)




def dash_kept(text: str, width: int) -> str:
    """``text`` with each "— …" glued for ``wrap`` where it fits the line ("— as" / "of 2026" and
    "of the year gone —" / "provisional" were printed at COLUMNS=60); one too long for the line
    keeps at least its dash with the word after it, never a dash ending a line."""
    if width_of(text) <= width:
        return text

    def glued(found: re.Match[str]) -> str:
        phrase = found.group().rstrip()
        tail = found.group()[len(phrase):]
        if width_of(phrase) <= width:
            return phrase.replace(" ", GLUE) + tail
        return phrase.replace(" ", GLUE, 1) + tail

    return _footer_patterns()[2].sub(glued, text)


def _unpainted(line: str) -> str:
    return re.sub("\x1b\\[[0-9;]*m", "", line) if "\x1b" in line else line


def _row_lines(row: Row, texts: list[str], table: Table, widths: list[int], style: Style) -> list[str]:
    cells = [_cell_lines(t, c, w) for t, c, w in zip(texts, table.columns, widths)]
    code = STATUS_COLOURS[row.status.value] if row.status is not None else ""
    lines = []
    for n in range(max(len(c) for c in cells)):
        parts = [_justify(c[n] if n < len(c) else "", col, w) for c, col, w in zip(cells, table.columns, widths)]
        if row.tones:  # each cell in its own class's colour (a scorecard)
            parts = [_paint(part, STATUS_COLOURS[tone.value] if tone is not None else "", style) for part, tone in zip(parts, row.tones)]
            lines.append(GAP.join(parts).rstrip())
            continue
        lines.append(_paint(GAP.join(parts).rstrip(), code, style))
    return lines


def _unbroken(line: str, width: int) -> list[str]:
    """A line as it is (a message keeps its file:line: whole for a tool that reads it), or, on a
    terminal narrower than NARROWEST and the line wider, wrapped between its words rather than
    printed past the line (a chart is drawn for the width instead: ``Document.drawn``)."""
    return [line] if width >= NARROWEST or width_of(line) <= width else wrap(line, max(width, 1))


class TableFormatter(Formatter):
    def text(self, doc: Document, style: Style) -> str:
        out: list[str] = [part for line in doc.intro for part in wrap(counts_kept(terminal_text(line), max(style.width, 1)), max(style.width, 1))]
        for table in doc.tables:
            if not table.rows or table.machine_only:
                continue  # people need no empty table; csv and markdown still print the header
            if out:
                out.append("")
            out += table_lines(table, doc.lang, style)
        if doc.lines and out:
            out.append("")
        if doc.drawn is not None:  # drawn for this width (a chart), and wrapped where still wider
            out += [part for line in doc.drawn(style.width) for part in wrap(terminal_text(line), max(style.width, 1))]
        else:  # a message line is never broken on a terminal of NARROWEST or more
            out += [part for line in doc.lines for part in _unbroken(terminal_text(line), style.width)]
        return "\n".join(out) + "\n" if out else ""


FORMATTER = TableFormatter()
