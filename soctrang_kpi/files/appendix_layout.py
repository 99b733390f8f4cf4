"""How an office lays out its review appendix, as data: header words, direction words, kind words,
and Vietnamese numbers read with the loader's rules ("417.000" is 417000, "7,10" is 7.1).

A reader (import_xlsx, import_docx) gives a grid of cells; ``find_header`` finds the header rows
(two-row headers with merged cells repeat their text, so a column's header is the words of all its
header rows), ``classify`` names each column, and ``read_rows`` turns the rows below into
indicators, their targets, their yearly values and what the table published.
"""

from __future__ import annotations

from dataclasses import dataclass

import re
from typing import NamedTuple

from .checks import _VI_DECIMAL, _VI_THOUSANDS
from ..core.classify import fold
from ..core.kinds import named_in_table
from ..core.model import Direction, Kind

#: what a column holds, by words of its folded header; the first match wins, so the more
#: specific phrases come first ("% so Nghị quyết" before "Nghị quyết")
HEADER_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("no", ("tt", "stt", "so tt", "no")),
    ("midterm_pct", ("so nghi quyet", "so nq", "% of target", "nua nhiem ky")),
    ("forecast_pct", ("so sanh", "ty le %", "forecast %")),
    ("assessment", ("danh gia", "assessment")),
    ("forecast", ("du bao", "forecast")),
    ("avg_growth", ("binh quan", "average", "avg growth")),
    ("unit", ("dvt", "don vi", "unit")),
    # the target as the report prints it ("≤ 33", "Trên 80") beside the number kpi's xlsx keeps
    ("target_printed", ("nghi quyet (ghi)", "target (as printed)")),
    ("target", ("nghi quyet", "muc tieu", "chi tieu ke hoach", "target")),
    # columns kpi's own export adds, recognised and not read (the pace is recomputed)
    ("pace", ("tien do", "pace")),
    ("source", ("nguon", "source")),
    ("name", ("chi tieu", "noi dung", "indicator")),
)
#: roles that are recognised but not read
IGNORED = frozenset({"pace", "source"})
#: a whole header that is exactly one of these words (short words must not match inside others)
EXACT_ONLY = frozenset({"tt", "stt", "no"})

#: the state of a year column, by words of its header; otherwise an actual value
YEAR_STATUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("estimate", ("uoc", "estimate")),
    ("plan", ("lo trinh", "ke hoach", "roadmap", "plan")),
)

#: words in front of a target: (direction, strict, kind or None to keep the row's)
DIRECTION_WORDS: tuple[tuple[str, tuple[Direction, bool, Kind | None]], ...] = (
    ("≤", (Direction.AT_MOST, False, None)),
    ("<=", (Direction.AT_MOST, False, None)),
    ("≥", (Direction.AT_LEAST, False, None)),
    (">=", (Direction.AT_LEAST, False, None)),
    ("tren", (Direction.AT_LEAST, True, Kind.THRESHOLD)),
    ("above", (Direction.AT_LEAST, True, Kind.THRESHOLD)),
    ("duoi", (Direction.AT_MOST, True, Kind.THRESHOLD)),
    ("below", (Direction.AT_MOST, True, Kind.THRESHOLD)),
    ("toi da", (Direction.AT_MOST, False, None)),
    ("khong qua", (Direction.AT_MOST, False, None)),
    ("toi thieu", (Direction.AT_LEAST, False, None)),
    ("tu", (Direction.AT_LEAST, False, None)),
    ("khoang", (Direction.AT_LEAST, False, None)),
)

#: a sub-row's name begins with a dash
SUB_ROW = re.compile(r"^\s*[-–+•]\s*")
YEAR = re.compile(r"(?<!\d)(19\d\d|2[01]\d\d)(?!\d)")
DASHES = "-–—"


@dataclass(frozen=True)
class Column:
    index: int
    role: str  # a key of HEADER_WORDS, "year", or "" when not understood
    header: str
    year: int | None = None
    status: str = "actual"


def folded(text: object) -> str:
    return " ".join(fold(str(text)).replace("\n", " ").split()) if text is not None else ""


def find_header(grid: list[list[object]]) -> tuple[int, int] | None:
    """(first, last) header row: the first row with both "TT" and "Chỉ tiêu", followed by the
    rows before the first data row (one whose first cell is a number or is empty with a name)."""
    for top, row in enumerate(grid):
        roles = {_role(folded(cell)) for cell in row}
        if {"no", "name"} <= roles:
            last = top
            while last + 1 < len(grid) and last + 1 - top < 3 and not _is_data(grid[last + 1]):
                last += 1
            return top, last
    return None


def _is_data(row: list[object]) -> bool:
    first = folded(row[0]) if row else ""
    return bool(re.fullmatch(r"\d+(\.\d+)*\.?|[ivxlc]+", first)) or isinstance(row[0] if row else None, (int, float))


def classify(grid: list[list[object]], top: int, last: int) -> list[Column]:
    width = max(len(row) for row in grid[top:last + 1])
    rows = [_spread(grid[r], grid[last], width) if r < last else grid[r] for r in range(top, last + 1)]
    columns = []
    for index in range(width):
        words: list[str] = []
        for row in rows:
            text = str(row[index]).strip() if index < len(row) and row[index] is not None else ""
            if text and text not in words:
                words.append(text)
        header = " ".join(" ".join(words).split())
        columns.append(_column(index, header, len(words) > 1 and words[-1]))
    return columns


def _text(row: list[object], index: int) -> str:
    return str(row[index]).strip() if index < len(row) and row[index] is not None else ""


def _spread(row: list[object], lower: list[object], width: int) -> list[object]:
    """An upper header row with its merged cells spread: a spreadsheet keeps the text of a merged
    cell ("Lộ trình" over 2024 and 2025) in its first column only, so an empty cell above a
    lower-row header takes the text of the cell to its left when that one also spans lower
    headers."""
    spread: list[object] = []
    carried = ""
    for index in range(width):
        text, below = _text(row, index), _text(lower, index)
        if text:
            carried = text if below else ""
        elif below and carried:
            text = carried
        else:
            carried = ""
        spread.append(text or None)
    return spread


def _column(index: int, header: str, own: str | bool) -> Column:
    """A column from its header. With a two-row header the lower row's own words decide first
    ("Năm thực hiện" over "2021" is the year 2021; "Dự báo" over "Tỷ lệ %" is forecast_pct)."""
    for text in ([own] if isinstance(own, str) else []) + [header]:
        whole = folded(text)
        role = _role(whole)
        years = YEAR.findall(whole)
        if not role and years:
            status = next((s for s, words in YEAR_STATUS if any(w in folded(header) for w in words)), "actual")
            return Column(index, "year", header, int(years[-1]), status)
        if role:
            return Column(index, role, header)
    return Column(index, "", header)


def _role(whole: str) -> str:
    if not whole:
        return ""
    if whole in EXACT_ONLY:
        return next(role for role, words in HEADER_WORDS if whole in words)
    for role, words in HEADER_WORDS:
        if any(w not in EXACT_ONLY and w in whole for w in words):
            return role
    return ""


#: the mark of an estimate after a number ("7,10*"), as kpi's own tables print it
ESTIMATE_MARK = "*"


def marked(text: object) -> tuple[object, bool]:
    """A cell without its estimate mark, and whether it had one ("7,10*" → "7,10", True)."""
    if isinstance(text, str) and text.rstrip().endswith(ESTIMATE_MARK):
        return text.rstrip()[: -len(ESTIMATE_MARK)], True
    return text, False


#: what follows the plan's name in a title ("… nhiệm kỳ 2020–2025 — tính đến năm 2023")
TITLE_TAIL = re.compile(r"\s+[—–-]\s+(tính đến|as of)\b.*$", re.IGNORECASE)
#: a title row that names the plan
TITLE_WORDS = ("nghi quyet", "resolution")


def plan_name(lines: list[str]) -> str | None:
    """The plan's name from the lines above a table: the first that names a resolution, whole,
    without what kpi's export adds after it ("— tính đến năm 2023")."""
    for line in lines:
        text = " ".join(str(line).split())
        if folded(text).startswith(TITLE_WORDS):
            return TITLE_TAIL.sub("", text) or None
    return None


def number(text: object) -> float | None:
    """A cell as a number: a real number as it is, Vietnamese writing read as the loader
    suggests ("417.000" → 417000, "7,10" → 7.1), a dot with other than three digits after it as
    a decimal point; None for an empty cell or a dash. Raises ValueError for anything else."""
    if isinstance(text, bool):
        raise ValueError(text)
    if isinstance(text, (int, float)):
        return float(text)
    raw = str(text or "").strip().rstrip("%").strip().replace("\u00a0", "").replace(" ", "")
    if raw == "" or raw in DASHES:
        return None
    if re.fullmatch(_VI_THOUSANDS, raw):
        whole, _, decimals = raw.partition(",")
        return float(whole.replace(".", "") + (f".{decimals}" if decimals else ""))
    if re.fullmatch(_VI_DECIMAL, raw):
        return float(raw.replace(",", "."))
    if re.fullmatch(r"[-+]?\d+(\.\d+)?", raw):
        return float(raw)
    raise ValueError(text)


class TargetText(NamedTuple):
    value: float
    upper: float | None = None
    direction: Direction = Direction.AT_LEAST
    strict: bool = False
    kind: Kind | None = None  # threshold when the words say so


def target(text: object) -> TargetText | None:
    """ "417.000", "≤ 33", "Trên 80", "Dưới 1,5", "2–3" as a target; None for an empty cell.
    Raises ValueError for what cannot be read."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return TargetText(float(text))
    raw = " ".join(str(text or "").split())
    if raw == "" or raw in DASHES:
        return None
    direction, strict, kind = Direction.AT_LEAST, False, None
    words = folded(raw)
    for word, meaning in DIRECTION_WORDS:
        if words.startswith(word + " ") or (not word.isalpha() and words.startswith(word)):
            direction, strict, kind = meaning
            raw = raw[len(word):].strip()
            break
    ranged = re.fullmatch(r"(.+?)\s*[-–—]\s*(.+)", raw)
    if ranged and not raw.startswith("-"):
        low, high = number(ranged.group(1)), number(ranged.group(2))
        if low is None or high is None:
            raise ValueError(text)
        return TargetText(low, high, direction, strict, kind)
    value = number(raw)
    if value is None:
        raise ValueError(text)
    return TargetText(value, None, direction, strict, kind)


def kind_of(name: str, unit: str, heading: bool = False) -> Kind:
    """The kind a row's name and unit say, by the words of each kind's entry in core/kinds.py."""
    return named_in_table(folded(name), folded(unit), heading)
