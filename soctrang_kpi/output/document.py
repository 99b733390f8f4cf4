"""The document model every command builds and every format writes.

A :class:`Document` is what a command has to say, independent of how it is written: tables of
typed rows (depth, status, heading), free lines, the charts of the indicators, and — built only
when a format asks for it — the JSON payload. Formats never guess: a sub-row is a row with
``depth`` 1, the appendix is the table whose ``role`` is ``"appendix"``.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload
from ..records import NamedTuple

from ..core.classify import Status
from ..core.model import Point
from .labels import Lang, number, word, written

if TYPE_CHECKING:  # (core.periods is loaded only by the commands that report within a year)
    from ..core.periods import Verdict

#: a cell as a format receives it: numbers stay numbers until the format writes them
Cell = Any


class Column(NamedTuple):
    header: str
    numeric: bool = False
    decimals: int | None = None  # None: whole numbers without decimals, others with two
    suffix: str = ""  # "%" for percentages
    drop: int = 0  # on a narrow terminal, columns with the highest drop go first; 0 stays
    wrap: bool = False  # the one column that takes the remaining width and wraps (the name)
    max_width: int | None = None  # wrap text longer than this (units)
    sub_prefix: str = ""  # written before the text of a sub-row (depth > 0) in plain-text formats
    key: str = ""  # what the column holds, for formats that treat some columns specially
    group: str = ""  # the upper header over adjacent columns of one group ("Thực hiện" over the years)
    sub: str = ""  # the lower header under a group ("2021"); formats with one header row use `header`
    printed: str = ""  # spreadsheets: the header of a column beside this one with the printed form of Printed cells
    # csv: a column beside this one saying its value's status ("ước tính", "sơ bộ", "thực hiện";
    # Printed.status), which the other formats mark "*" or "°" on the value
    statused: bool = False
    follows: str = ""  # dropped when no column of this key is left (a unit without its value)
    max_lines: int = 0  # plain-text tables: a wrapped text longer than this ends in "…"; 0 = all
    as_written: bool = False  # numbers with the decimals they were written with (a target: 1,2 not 1,20)


class Row(NamedTuple):
    cells: tuple[Cell, ...]
    depth: int = 0  # 0 for a top-level indicator, 1 for a sub-row ("- Khu vực I")
    # the indicator's class, for formats that colour by it: its verdict's, or within the year its
    # month's ("Chậm tiến độ": core.periods.Verdict), each coloured by its code
    status: "Status | Verdict | None" = None
    heading: bool = False  # a group heading: only a name and an assessment
    marks: frozenset[int] = frozenset()  # indexes of the cells that hold an estimate (printed with "*")
    whole: bool = False  # a unit of counts (core.bounds.whole_numbers): a forecast is printed as a whole number
    decimals: int | None = None  # the indicator's own precision (HDI 0,745): its values' decimals
    section: bool = False  # a section's row: "I" in the number, "KINH TẾ" in the name; printed "I. KINH TẾ" across the table
    # the class each cell is coloured by (a scorecard: areas × indicators, README "Territory");
    # () colours the row's assessment by ``status``
    tones: tuple[Status | None, ...] = ()


def row_decimals(row: Row, column: Column) -> int | None:
    """The decimals of a cell: a forecast of people or tonnes is a whole number (49.764), the
    cell keeps the computed value; an indicator with its own precision shows its values with it."""
    if row.whole and column.key == "forecast":
        return 0
    if row.decimals is not None and column.numeric and column.decimals is None and not column.suffix and not column.as_written:
        return row.decimals  # (a target keeps the decimals it is written with: 0,78, not 0,780)
    return column.decimals


class Printed(NamedTuple):
    """A number the report prints otherwise ("Trên 80", "2–3", "≤ 33"): a spreadsheet keeps the
    number (and the text in a column of its own), text formats show the text."""

    value: float
    text: str
    plain: bool = False  # machine formats (csv) write the number: the text only adds marks ("7,10*", "7,10 (2022)")
    after: str = ""  # what a spreadsheet shows after the number, in its format: the "%" of a derived share
    decimals: int | None = None  # the decimals a spreadsheet shows it with, when not the row's (a share of a level in tỷ)
    machine: str = ""  # csv's words when not ``text`` with its numbers rewritten: a target's printed wording, read the Vietnamese way
    status: str = ""  # the value's status (PointStatus), which ``text`` marks: csv says it in a column of its own (Column.statused)

    def __str__(self) -> str:
        return self.text


class Phrase(NamedTuple):
    """Words with a number in them ("Vượt 0,40%", "Cần tăng tốc (0,72)"): people's formats show
    ``text``; machine formats (csv) show ``machine``, the same words with the number written with a
    decimal point, as every other number of the file."""

    text: str
    machine: str

    def __str__(self) -> str:
        return self.text


class Table(NamedTuple):
    title: str
    columns: tuple[Column, ...]
    rows: "Sequence[Row]"  # a tuple, or rows made as they are read (MadeRows)
    footer: str = ""
    show_header: bool = True
    machine_only: bool = False  # csv/markdown only: the table format shows it as lines instead
    role: str = ""  # "appendix", "audit", "facts", "years", "counts", …
    footnotes: tuple[str, ...] = ()  # numbered notes under the table: "(1) 2023: Cục Thống kê"
    #: what a mark of its cells other than "*" means, under it in every format ("(†) Dự báo giữ
    #: trong giới hạn của chỉ tiêu, tính ra: 160,06 (chỉ tiêu 1)."); csv writes its ``machine`` words
    legend: tuple[Phrase, ...] = ()

    def column_index(self, key: str) -> int | None:
        return next((i for i, c in enumerate(self.columns) if c.key == key), None)

    def header_groups(self) -> list[tuple[str, int, int]]:
        """The upper row of a two-row header: (text, first, last) for each run of adjacent columns
        with the same group; a column without a group is its own run with text "" (its header
        spans both rows). Empty when no column has a group: one header row is enough."""
        if not any(c.group for c in self.columns):
            return []
        runs: list[tuple[str, int, int]] = []
        for i, column in enumerate(self.columns):
            if column.group and runs and runs[-1][0] == column.group and runs[-1][2] == i - 1:
                runs[-1] = (column.group, runs[-1][1], i)
            else:
                runs.append((column.group, i, i))
        return runs

    @property
    def has_marks(self) -> bool:
        return any(row.marks for row in self.rows)


class Chart(NamedTuple):
    """One indicator's trajectory for the formats that draw (the HTML report)."""

    id: str
    no: str
    name: str
    label: str  # the assessment as printed
    status: Status
    kind: str
    target: float | None
    target_upper: float | None
    forecast: float | None
    latest_year: int | None
    series: tuple[Point, ...]
    whole: bool = False  # a unit of counts: the forecast is shown as a whole number
    target_year: int | None = None  # the year the forecast is for: where the chart draws it
    about: str = ""  # the indicator's metadata in a line ("Mã số 0501 · Cục Thống kê · quý, năm"), "" when none
    decimals: int | None = None  # its values' decimals, as the tables write them (HDI 0,745; a count whole); None: the formatter's


class MonthChart(NamedTuple):
    """One indicator of the monthly report, for the formats that draw: its lũy kế (a level's
    month-end, a rate's recorded rate) month by month against the year's plan, beside last year's
    same months, and the estimate of the whole year."""

    id: str
    no: str
    name: str
    label: str  # the within-year verdict as printed
    verdict: str  # its code (on_course, behind, achieved, missed, no_data)
    meaning: str  # flow, level or rate
    year: int
    current: tuple[tuple[int, float, bool], ...]  # (month, value, estimated or preliminary)
    last_year: tuple[tuple[int, float], ...]
    plan: float | None
    plan_upper: float | None
    estimate: float | None
    decimals: int | None = None  # its values' decimals, as the monthly table writes them; None: the formatter's


def _no_payload() -> dict:
    return {}


class Document(NamedTuple):
    lang: Lang
    payload: Callable[[], dict] = _no_payload  # the JSON: built only by the JSON format
    tables: tuple[Table, ...] = ()
    lines: tuple[str, ...] = ()  # free text after the tables (a chart, a one-line verdict)
    intro: tuple[str, ...] = ()  # free text before the tables (a title, the counts)
    charts: tuple[Chart, ...] = ()
    month_charts: tuple[MonthChart, ...] = ()  # the monthly report's: lũy kế against the year's plan
    title: str = ""  # the plan and as-of year, for formats with a title block
    appendix: str = ""  # the appendix's own line ("Phụ lục I"), for documents handed in
    attached_to: str = ""  # the document the appendix goes with ("Báo cáo số 405-BC/TU …")
    counts: tuple[tuple[Status, int, str], ...] = ()  # the summary, for formats that show it: a plan's own class by its name
    #: xlsx and docx: the plan's data as JSON, kept where the office does not see it (README "kpi
    #: import"); its text in pieces, made when the file is written (files/as_data.plan_json)
    data: Callable[[], Iterable[str]] | None = None
    #: the lines again as a terminal of that many columns prints them (as_table), when they are
    #: drawn or worded for it: a chart's bars scaled and its heading's shorter form (text_chart),
    #: a sentence wrapped where still wider; None: ``lines`` as they are, a message never broken
    #: from NARROWEST columns up (README "Terminal width")
    drawn: Callable[[int], tuple[str, ...]] | None = None

    def table(self, role: str) -> Table | None:
        return next((t for t in self.tables if t.role == role), None)


class Style(NamedTuple):
    """How the terminal looks: set by the CLI from isatty/NO_COLOR/COLUMNS."""

    color: bool = False
    width: int = 100
    pretty: bool = True  # indented JSON for people at a terminal; one compact line for pipes


#: a cell that carries nothing: a column of nothing else is left out (README "Reports to hand in")
EMPTY_CELLS = (None, "", "-")


def carrying(table: Table, optional: frozenset[str], unwanted: frozenset[str] = frozenset()) -> list[int]:
    """The indexes of the columns worth printing: every column, except one whose key is in
    ``optional`` and whose every cell is empty (the roadmap of years after the plan's last
    roadmap, a pace nobody computed, notes nobody wrote), and one whose key is ``unwanted``."""
    return [
        i for i, column in enumerate(table.columns)
        if column.key not in unwanted
        and (column.key not in optional or any(_cell_key(row.cells[i]) not in EMPTY_CELLS for row in table.rows))
    ]


def _cell_key(value: Cell) -> Cell:
    return str(value) if isinstance(value, Phrase) else value


def keep_columns(table: Table, kept: list[int], as_read: bool = False) -> Table:
    """The table with only the columns ``kept`` (in order), the estimate marks moved with them;
    ``as_read``: its rows made each time they are read (MadeRows), for a table read once as it is
    written (a part of the docx's appendix), which then holds no copy of them."""
    if len(kept) == len(table.columns):
        return table
    made = kept_row(kept)
    rows = MadeRows(table.rows, made) if as_read else tuple(made(row) for row in table.rows)
    return table._replace(columns=tuple(table.columns[i] for i in kept), rows=rows)


class MadeRows(Sequence[Row]):
    """Rows made from others (``made`` of each) each time they are read: a table of them holds no
    copy of its rows (#27: the two parts of the docx appendix of 100.000 series held 92 MB)."""

    __slots__ = ("_rows", "_made")

    def __init__(self, rows: Sequence[Row], made: Callable[[Row], Row]) -> None:
        self._rows, self._made = rows, made

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Row]:
        return map(self._made, self._rows)

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Row, ...]: ...

    def __getitem__(self, index: int | slice) -> Row | tuple[Row, ...]:
        if isinstance(index, slice):
            return tuple(map(self._made, self._rows[index]))
        return self._made(self._rows[index])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (tuple, MadeRows)) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]  # as a list's: rows read again may differ


def kept_row(kept: list[int]) -> Callable[[Row], Row]:
    """A row with only the cells ``kept`` (in order), its estimate marks and tones moved with them."""
    where = {old: new for new, old in enumerate(kept)}

    def made(row: Row) -> Row:
        return row._replace(
            cells=tuple(row.cells[i] for i in kept),
            marks=frozenset(where[i] for i in row.marks if i in where),
            tones=tuple(row.tones[i] for i in kept) if row.tones else (),
        )

    return made


def notes_as_footnotes(table: Table, key: str = "note") -> Table:
    """The notes column taken out of a table too wide to hold it: each distinct note becomes a
    numbered footnote under the table ("(1) 2023: Cục Thống kê") and the row's name ends in its
    number. A table without that column is returned as it is."""
    index = table.column_index(key)
    name = table.column_index("name")
    if index is None:
        return table
    numbers: dict[str, int] = {}
    rows = []
    for row in table.rows:
        note = row.cells[index]
        cells = list(row.cells)
        if note and name is not None:
            n = numbers.setdefault(str(note), len(numbers) + 1)
            cells[name] = f"{cells[name]} ({n})"
        rows.append(row._replace(cells=tuple(cells)))
    table = table._replace(rows=tuple(rows))
    kept = keep_columns(table, [i for i in range(len(table.columns)) if i != index])
    return kept._replace(footnotes=table.footnotes + tuple(f"({n}) {note}" for note, n in numbers.items()))


def row_cell_text(row: Row, index: int, column: Column, lang: Lang) -> str:
    """The text of a row's cell, at the row's decimals (a count's forecast is whole)."""
    decimals = row_decimals(row, column)
    return cell_text(row.cells[index], column if decimals == column.decimals else column._replace(decimals=decimals), lang)


def cell_text(value: Cell, column: Column, lang: Lang) -> str:
    if value is None:
        return "-" if column.numeric else ""
    if isinstance(value, Printed):
        return value.text
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if column.as_written and column.decimals is None:
            return written(value, lang) + column.suffix
        return number(value, lang, column.decimals) + column.suffix
    return str(value)


def notes_under(table: Table, lang: Lang) -> list[str]:
    """The lines under a table that say what its marks mean: "(*) Số liệu ước tính." when a cell
    holds an estimate, then the table's ``legend`` (a held forecast's "(†) …")."""
    return ([word("estimate_note", lang)] if table.has_marks else []) + [line.text for line in table.legend]


class Under(NamedTuple):
    """A line under a table: one of its notes, or its counts line ("23 chỉ tiêu: 7 vượt …"),
    which the printed formats (docx, xlsx, html) set as they set the notes, in italic: a note
    under a table, as the appendices presented after Nghị định 30 set their "Ghi chú" lines,
    the bold kept for the heading block, the header and the section rows."""

    text: str
    counts: bool = False


def lines_under(table: Table, lang: Lang, footnotes: Iterable[str] | None = None) -> list[Under]:
    """The lines under a table, in the one order every format prints them (md, html, docx, xlsx):
    its notes first, as Nghị định 30's appendix has them under its table — its footnotes
    (``footnotes``: those of the table as the format lays it out, the table's own when None; a
    format that prints them otherwise gives none), then what its marks mean (``notes_under``:
    "(*) Số liệu ước tính.") — and kpi's counts line last."""
    notes = [*(table.footnotes if footnotes is None else footnotes), *notes_under(table, lang)]
    return [Under(line) for line in notes] + ([Under(table.footer, counts=True)] if table.footer else [])


def marked_text(row: Row, index: int, text: str) -> str:
    """A cell's text with "*" when it holds an estimate (a Printed text that shows its own "*"
    keeps it once)."""
    return text + "*" if index in row.marks and text not in ("", "-") and "*" not in text else text


def name_text(row: Row, column: Column, text: str) -> str:
    """A cell's text with the sub-row prefix its column asks for."""
    return column.sub_prefix + text if row.depth and text else text


def section_text(row: Row, table: Table) -> str:
    """A section row as the printed formats write it across the table: "I. KINH TẾ"."""
    no, name = table.column_index("no"), table.column_index("name")
    mark = str(row.cells[no]) if no is not None else ""
    label = str(row.cells[name]) if name is not None else ""
    return f"{mark}. {label}" if mark and label else mark or label
