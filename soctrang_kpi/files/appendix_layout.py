"""How an office lays out its review appendix, as data: header words, target wording, the kinds
of rows (sections, tallies, footnotes, column numbers), the plan's period in its title, and
Vietnamese numbers read with the loader's rules ("417.000" is 417000, "7,10" is 7.1).

A reader (import_xlsx, import_docx) gives a grid of cells; ``find_header`` finds the header rows
(one to three, merged cells repeat their text, a row of column numbers "A B C (1) (2)" below
them), ``classify`` names each column, and ``import_table`` turns the rows below into
indicators. Every word list is a table here; the kind of a target is decided in one place
(the words of each kind's entry in core/kinds.py, ``target``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from ..records import NamedTuple
from . import import_numbers

from ..core.classify import fold
from ..core.bounds import PERCENT_UNITS, SCALE_WORDS
from ..core.kinds import KINDS, named_in_table, names_any_kind, wording_words
from ..core.model import Direction, Kind

#: the header of the column beside an annual plan's "KH năm 2026" that prints it ("Tăng 10%",
#: "Giảm 0,5"): messages.py word.month_plan_printed, folded, as the monthly report's "KH (ghi)"
PLAN_PRINTED = ("kh (ghi)", "plan (wording)")

#: what a column holds, by words of its folded header; the first match wins, so the more
#: specific phrases come first ("% so Nghị quyết" before "Nghị quyết")
HEADER_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # the row number's column: "TT", "STT", "Số TT", and the English headings "No.", "No", "#",
    # "Number", "S/N" (whole headers, their punctuation ignored: EXACT_ONLY); never "Item", which
    # English tables give the name column
    ("no", ("tt", "stt", "so tt", "so thu tu", "no", "#", "number", "s/n")),
    # an annual plan's "% KH" and "So cùng kỳ" (kpi's own annual table): against the year's plan
    # or last year, recognised and not read
    ("pct", ("% kh", "% ke hoach", "% of plan", "so cung ky", "vs last year")),
    ("midterm_pct", ("so nghi quyet", "so nq", "% of target", "nua nhiem ky")),
    ("forecast_pct", ("so sanh", "ty le %", "forecast %")),
    ("assessment", ("danh gia", "assessment")),
    ("forecast", ("du bao", "forecast")),
    ("avg_growth", ("binh quan", "average", "avg growth", "tang truong nam", "growth in")),
    ("unit", ("dvt", "don vi", "unit")),
    # the target as the report prints it ("≤ 33", "Trên 80") beside the number kpi's xlsx keeps
    # (an English export's, "Target (wording)"; "Target (as printed)" before it said what it holds);
    # an annual plan's year's plan as printed beside "KH năm 2026" (PLAN_PRINTED)
    ("target_printed", ("nghi quyet (ghi)", "target (wording)", "target (as printed)", *PLAN_PRINTED)),
    ("target", ("nghi quyet", "muc tieu", "chi tieu ke hoach", "target")),
    ("note", ("ghi chu", "note")),
    # columns kpi's own export adds: the pace is recomputed, the sources are notes
    ("pace", ("tien do", "pace")),
    ("source", ("nguon", "source")),
    # "Item" the whole header (EXACT_ONLY: not "Notes on items")
    ("name", ("chi tieu", "noi dung", "indicator", "ten chi tieu", "item")),
)
#: roles that are recognised but not read
IGNORED = frozenset({"pace", "pct", "plan_pct"})
#: a whole header that is exactly one of these words, its punctuation ignored ("No.", "No.:",
#: "S/N"): short words must not match inside others ("no" of "nong nghiep", "number" of "Number of
#: doctors")
EXACT_ONLY = frozenset({"tt", "stt", "no", "#", "number", "s/n", "item"})


def _bare(whole: str) -> str:
    """A folded header without its punctuation ("no.:" → "no", "s/n" → "sn"); one that is only
    punctuation ("#") as it is."""
    if whole.replace(" ", "").isalnum():
        return whole  # most cells ("12", "ty dong"): nothing to take away
    return " ".join(re.sub(r"[^\w\s]", " ", whole).split()) or whole.replace(" ", "")


@cache
def _exact_roles() -> dict[str, str]:
    """EXACT_ONLY's words without their punctuation, and the role of each (made on first use)."""
    return {_bare(w): role for role, words in HEADER_WORDS for w in words if w in EXACT_ONLY}

#: a published percentage, never a value: a header with "%" (or "tỷ lệ") that compares
#: ("so với NQ (%)", "so sánh (%)", "Ước TH/KH (%)"), or a column number that divides
#: ("(4)=(3)/(1)"); which published figure it is, by its words (else none: it is not read).
#: The words of a header that says percentage: a percentage's unit, or "tỷ lệ" (a ratio); the
#: monthly report's headers (import_month) are read with the same words
PERCENT_MARKS = PERCENT_UNITS + ("ty le",)
COMPARE_WORDS = ("so voi", "so sanh", "/", "so nq", "so nghi quyet", "of target")
PERCENT_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("forecast_pct", ("du bao", "forecast", "cuoi nhiem ky")),
    ("midterm_pct", ("nq", "nghi quyet", "muc tieu", "of target", "nua nhiem ky")),
    ("forecast_pct", ("so sanh",)),  # kpi's own "So sánh %": the forecast against the target
)

#: the state of a year column, by words of its header; otherwise an actual value
YEAR_STATUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("estimate", ("uoc", "estimate", "uth")),
    ("preliminary", ("so bo", "preliminary")),
    ("plan", ("lo trinh", "ke hoach", "kh ", "du kien", "roadmap", "plan")),
)


class Wording(NamedTuple):
    """What the words in front of (or after) a target's number say."""

    direction: Direction | None = None
    strict: bool = False
    approximate: bool = False
    kind: Kind | None = None  # the words name the kind ("Tổng" a cumulative, "Giảm" a reduction)


#: words in front of a target's number, folded; the longer phrases first
PREFIX_WORDS: tuple[tuple[str, Wording], ...] = (
    ("≤", Wording(Direction.AT_MOST)),
    ("<=", Wording(Direction.AT_MOST)),
    ("≥", Wording(Direction.AT_LEAST)),
    (">=", Wording(Direction.AT_LEAST)),
    ("<", Wording(Direction.AT_MOST, True)),
    (">", Wording(Direction.AT_LEAST, True)),
    ("khong vuot qua", Wording(Direction.AT_MOST)),
    ("khong qua", Wording(Direction.AT_MOST)),
    ("khong thap hon", Wording(Direction.AT_LEAST)),
    ("khong duoi", Wording(Direction.AT_LEAST)),
    ("khong cao hon", Wording(Direction.AT_MOST)),
    ("toi thieu", Wording(Direction.AT_LEAST)),
    ("it nhat", Wording(Direction.AT_LEAST)),
    ("toi da", Wording(Direction.AT_MOST)),
    ("cao hon", Wording(Direction.AT_LEAST, True)),
    ("thap hon", Wording(Direction.AT_MOST, True)),
    ("tren", Wording(Direction.AT_LEAST, True)),
    ("duoi", Wording(Direction.AT_MOST, True)),
    ("khoang", Wording(approximate=True)),
    ("xap xi", Wording(approximate=True)),
    # the words that name a kind ("Tổng", "Giảm", "Thuộc nhóm 15 … dẫn đầu": a place in the top
    # 15), from the one table of kinds (core/kinds.py, each entry's ``wording``), with its direction
    *((word, Wording(KINDS[kind].direction, kind=kind)) for word, kind in wording_words()),
    ("tu", Wording(Direction.AT_LEAST)),
    ("no less than", Wording(Direction.AT_LEAST)),
    ("not less than", Wording(Direction.AT_LEAST)),
    ("no more than", Wording(Direction.AT_MOST)),
    ("not more than", Wording(Direction.AT_MOST)),
    ("at least", Wording(Direction.AT_LEAST)),
    ("at most", Wording(Direction.AT_MOST)),
    ("more than", Wording(Direction.AT_LEAST, True)),
    ("less than", Wording(Direction.AT_MOST, True)),
    ("over", Wording(Direction.AT_LEAST, True)),
    ("under", Wording(Direction.AT_MOST, True)),
    ("from", Wording(Direction.AT_LEAST)),
    ("above", Wording(Direction.AT_LEAST, True)),
    ("below", Wording(Direction.AT_MOST, True)),
    ("about", Wording(approximate=True)),
)
#: words that may stand before a target and say nothing about it
FILLER_WORDS = ("phan dau dat", "phan dau", "dat", "bang", "chiem", "con", "tang", "up", "binh quan")
#: words after the number that give it a direction ("10 % trở lên")
SUFFIX_WORDS: tuple[tuple[str, Wording], ...] = (
    ("tro len", Wording(Direction.AT_LEAST)),
    ("tro xuong", Wording(Direction.AT_MOST)),
    ("or more", Wording(Direction.AT_LEAST)),
    ("or less", Wording(Direction.AT_MOST)),
)
#: words that size a target's number, by the power of ten they stand for: the size words of a
#: power of 1.000 (core/bounds.SCALE_WORDS: "chục", "vạn" not — a plan's sizes are thousands,
#: millions, billions, and "vạn" is the "/vạn dân" of a rate per population); words in a row
#: multiply ("nghìn tỷ" 10^12). Matched in lower case with their accents ("ngàn" a thousand,
#: "ngân" not), never before a word that makes them something else ("tỷ lệ", "tỷ trọng"). A
#: target's size is read against its row's unit, whose first words are matched the same way
#: ("Tỷ đồng" 10^9, "Triệu USD" 10^6, "Millions USD" 10^6, "Người" 1): README "Size words in a
#: target"
SIZE_WORDS: dict[str, int] = {word: power for word, power in SCALE_WORDS.items() if power % 3 == 0}
#: the size words of core/bounds.SCALE_WORDS that size no target ("chục", "vạn"): after a target's
#: number ("2 vạn người") the target is not read, and said (``UnreadSize``), never read as its bare
#: number (2) — README "Size words in a target"
UNREAD_SIZE_WORDS = tuple(word for word, power in SCALE_WORDS.items() if power % 3)
NOT_SCALE_BEFORE = ("lệ", "trọng")
#: the currency a target or unit names, by its words (lower case, accented): a target in one
#: currency is not read against a unit in another ("8,2 tỷ USD" on a "Tỷ đồng" row)
CURRENCY_WORDS: dict[str, str] = {"đồng": "VND", "vnđ": "VND", "vnd": "VND", "usd": "USD", "đô la": "USD", "dollar": "USD"}
#: a currency written before a target's number, the English way ("USD 8.2 billion", "VND 57
#: trillion", "US$ 8.2 billion", "$8.2 billion"): folded, as target() reads its words
CURRENCY_BEFORE: dict[str, str] = {"usd": "USD", "us$": "USD", "$": "USD", "vnd": "VND"}

#: what a target's printed wording says of its bound, folded: that it must be passed ("trên 80",
#: "hơn", "dưới 1,5") or only reached ("tối thiểu", "trở lên", "ít nhất", "không quá"); the
#: phrases holding a strict word ("không dưới", "không thấp hơn") are read first
STRICT_WORDS: tuple[tuple[str, bool], ...] = (
    ("khong duoi", False), ("khong thap hon", False), ("khong cao hon", False), ("khong it hon", False),
    ("khong nhieu hon", False), ("khong vuot qua", False), ("khong qua", False), ("toi thieu", False),
    ("toi da", False), ("it nhat", False), ("nhieu nhat", False), ("tro len", False), ("tro xuong", False),
    ("at least", False), ("at most", False), ("or more", False), ("or less", False), ("no less than", False),
    ("no more than", False), ("not less than", False), ("not more than", False), (">=", False), ("<=", False),
    ("≥", False), ("≤", False),
    ("tren", True), ("duoi", True), ("hon", True), ("more than", True), ("less than", True), ("above", True),
    ("below", True), ("over", True), ("under", True), (">", True), ("<", True),
)
#: the words of a target written in English ("At least VND 717 trillion", "Up 15% a year", "Top 15"),
#: the English size words (those of SIZE_WORDS written in English letters: "billion", "billions")
#: among them: a wording in them, with no Vietnamese letter, is the target's English wording
#: (``english_wording``)
ENGLISH_WORDS = re.compile(
    r"(?<![a-z])(?:at least|at most|above|below|over|under|more than|less than|about|around|approximately"
    r"|top|total|down|up|or more|or less|year|from|by|"
    + "|".join(sorted((w for w in SIZE_WORDS if w.isascii()), key=len, reverse=True)) + r")(?![a-z])"
)


def english_wording(text: str) -> bool:
    """Whether a target's wording is written in English: an English word of ``ENGLISH_WORDS``, or a
    share as kpi's English words it ("40% of GRDP": ``share_words``), and no letter outside English
    ("Above 80", "USD 8.2 billion"; not "Trên 80", nor "40% GRDP")."""
    if not text.isascii():
        return False
    low = text.lower()
    return ENGLISH_WORDS.search(low) is not None or any(re.search(rf"%\s*{re.escape(w)}\s", low) for w in share_words().get("en", ()))


@cache
def share_words() -> dict[str, tuple[str, ...]]:
    """The words between a share's percentage and the name of the row it is a share of, as kpi
    writes a *share of* target (the catalogue's ``word.share_target``: "40% of GRDP (current
    prices)"), folded, by language — where the language has some (English "of"; the Vietnamese
    "40% GRDP" has none, and is read by ``SHARE_OF_WORDS``)."""
    from ..messages import CATALOG

    found: dict[str, tuple[str, ...]] = {}
    for lang, template in CATALOG["word.share_target"].items():
        between = folded(template.split("{value}%", 1)[-1].split("{of}", 1)[0])
        if between:
            found[lang] = (between,)
    return found


#: words that say "reach" when no other word says more ("đạt 100 % dự toán", "bằng 40 % GRDP")
REACH_WORDS = ("dat", "bang", "reach")


def _said(phrase: str) -> str:
    return rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])" if phrase[0].isalpha() else re.escape(phrase)


def strict_in_words(printed: str) -> bool | None:
    """Whether a target as printed must be passed (True: "Trên 80 %"), only reached (False:
    "Tối thiểu 80 %", "đạt 100 % dự toán"), or None when its words do not say, or say both."""
    words = folded(printed)
    said = set()
    for phrase, strict in STRICT_WORDS:
        if re.search(_said(phrase), words):
            said.add(strict)
            words = re.sub(_said(phrase), " ", words)
    if not said and any(re.search(_said(word), words) for word in REACH_WORDS):
        said.add(False)
    return said.pop() if len(said) == 1 else None


#: words that make a bound hold every year (a threshold), in the target, the name or the parent's
EVERY_YEAR_WORDS = ("hang nam", "moi nam", "every year", "each year", "yearly")
#: where EVERY_YEAR_WORDS make a target of one bound a threshold, and whether a word must give the
#: bound there too ("Trên 80", "Tối thiểu 100"): in the target they say it of its own number ("100 %
#: kế hoạch hằng năm", "100 % hằng năm": reached at the bound, strict: false); in the row's name
#: (and unit) or its heading's name they may only say what is counted in a year, and a bare number
#: under them stays a level (README "Targets as an office words them")
EVERY_YEAR_IN: tuple[tuple[str, bool], ...] = (("target", False), ("name", True), ("heading", True))
#: words after a percentage that name another indicator it is a share of ("40 % GRDP"), folded
SHARE_OF_WORDS = ("grdp", "gdp", "tong san pham")
#: words after a target that say its unit is a share of the plan ("100 % kế hoạch")
PLAN_SHARE_WORDS = ("ke hoach", "du toan", "kh")

#: a sub-row's name begins with a dash
SUB_ROW = re.compile(r"^\s*[-–+•]\s*")
YEAR = re.compile(r"(?<!\d)(19\d\d|2[01]\d\d)(?!\d)")
DASHES = "-–—"

#: a section row: "I", "II.", "A", "Phần I", "I. KINH TẾ" (the number cell, or the start of the name)
SECTION = re.compile(r"^(?:phan\s+)?(?P<mark>[ivxlc]+|[a-h])[.)]?(?:\s+(?P<label>.*))?$")
#: a section's label as a group code (README "groups"), in Vietnamese or English ("KINH TẾ",
#: "ECONOMY": economy); other labels are kept as written
GROUP_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("environment", ("moi truong", "environment")),
    ("defence", ("quoc phong", "an ninh", "defence", "defense")),
    ("party", ("xay dung dang", "dang", "he thong chinh tri", "party building", "political system")),
    ("society", ("xa hoi", "van hoa", "society", "social", "culture")),
    ("economy", ("kinh te", "economy", "economic")),
)
#: a tally row: the counts the report published, never an indicator
TALLY_NAME = re.compile(r"^(?:tong cong|tong so|cong|total|tong)(?:\s+(?:so\s+)?chi tieu)?\s*[:.]?\s*(?:\d.*)?$")
TALLY = re.compile(r"\d+\s*/\s*\d+\s*(?:chi tieu\s*)?(?:dat|vuot)")
TALLY_COUNTS: tuple[tuple[str, str], ...] = (
    ("achieved_or_exceeded", r"(\d+)\s*/\s*\d+\s*(?:chi tieu\s*)?dat va vuot|(\d+)\s*(?:chi tieu\s*)?dat va vuot"),
    ("total", r"\d+\s*/\s*(\d+)|(\d+)\s*chi tieu(?!\s*(?:dat|vuot|khong|chua|kho))"),
    ("not_achieved", r"(\d+)\s*(?:chi tieu\s*)?(?:khong|chua|kho)\s*dat"),
    ("exceeded", r"(?<!/)(?<!\d)(\d+)\s*(?:chi tieu\s*)?vuot"),
    ("achieved", r"(?<!/)(?<!\d)(\d+)\s*(?:chi tieu\s*)?dat(?!\s*va)"),
)
#: a section in the name cell: "I. KINH TẾ", "A. CÁC CHỈ TIÊU", "Phần II: Xã hội"
SECTION_IN_NAME = re.compile(r"^\s*(?:(?:Phần|PHẦN|Part)\s+(?:[IVXLC]+|\d+)\s*[.:)–-]?|[IVXLC]+\s*[.:)–-]|[A-H]\s*[.:)])\s*(?P<label>.+)$")
#: a footnote row: a note under the table, kept as a comment
FOOTNOTE = re.compile(r"^(\(\*+\)|\*+|\(\d+\)|ghi chu|nguon|luu y|chu thich|note|source)")
#: a row of column numbers under the header: "A", "B", "(1)", "2", "(4)=(3)/(1)"
COLUMN_NUMBER = re.compile(r"^(?:[a-e]|\(?\d{1,2}\)?(?:\s*=\s*[()\d\s/*x:+-]+)?)$")

#: the plan's period in its title or headers, by how sure each form is
PERIOD_RANGE = re.compile(r"(?:nhiem ky|giai doan|thoi ky|term|period)\s*((?:19|20|21)\d\d)\s*[-–—]\s*((?:19|20|21)\d\d)")
PERIOD_END = re.compile(r"(?:muc tieu|nghi quyet|target)\D{0,60}?(?:den|by|to)\s+(?:nam\s+)?((?:19|20|21)\d\d)")
PERIOD_YEAR = re.compile(r"(?:ke hoach|nam)\s+((?:19|20|21)\d\d)")
#: words of a title line that names an annual plan
ANNUAL_WORDS = ("ke hoach phat trien", "ke hoach nam", "nghi quyet ve ke hoach", "annual plan")


@dataclass(frozen=True)
class Column:
    index: int
    role: str  # a key of HEADER_WORDS, "year", "pct", "plan_pct", or "" when not understood
    header: str
    year: int | None = None
    status: str = "actual"


def folded(text: object) -> str:
    """Lower-case, accent-free text with its spaces collapsed ("Thuỷ  sản" -> "thuy san")."""
    if text is None:
        return ""
    if isinstance(text, str) and text.__class__ is str:  # a Formula's text is folded as before
        # the same names and headers are folded a few dozen times each while a table is read:
        # remembered, importing a 10.000-row export went from 286.629 foldings (1,6 of 19,6 s
        # under a profiler) to one per distinct text
        known = _FOLDED_TEXTS.get(text)
        if known is None:
            if len(_FOLDED_TEXTS) >= _FOLDED_MAX:
                _FOLDED_TEXTS.clear()
            known = _FOLDED_TEXTS[text] = _folded_once(text)
        return known
    return _folded_once(str(text))


def _folded_once(text: str) -> str:
    """``folded`` of a text, not remembered (a word of an id, remembered by ``id_words``)."""
    return " ".join(fold(text).replace("\n", " ").split())


_FOLDED_TEXTS: dict[str, str] = {}
_FOLDED_MAX = 200_000  # texts remembered before forgetting them all (a bound on the memory)


#: a table's title row that says it continues the table before it ("Phụ lục I (tiếp theo)": a
#: table printed in parts, its other columns; a table Word continues on the next page, more
#: rows): no table of its own to read, but a part of the one before (files/import_docx joins it)
CONTINUED_WORDS = ("tiep theo", "continued")


def find_header(grid: list[list[object]], continued: bool = False) -> tuple[int, int, int | None] | None:
    """(first, last header row, the row of column numbers or None): the first row with "TT" (or
    a target) and "Chỉ tiêu", the rows below it up to three in all, before the first data row
    (a number or section mark in the first cell; in a table without a number column, a name
    and a number: ``_data_by_name``) or a row of column numbers. None for a table
    whose title row above its header says it continues another (CONTINUED_WORDS), unless
    ``continued`` (its own header, to join it to the table it continues)."""
    for top, row in enumerate(grid):
        if _continues(row):
            if continued:
                continue
            return None
        roles = [_role(folded(cell)) for cell in row]
        if "name" in roles and {"no", "target", "unit"} & set(roles):
            is_data = _is_data if "no" in roles else _data_by_name(roles, row)
            last = top
            while last + 1 < len(grid) and last + 1 - top < 3 and not is_data(grid[last + 1]) and not column_numbers(grid[last + 1]):
                last += 1
            numbers = last + 1 if last + 1 < len(grid) and column_numbers(grid[last + 1]) else None
            return top, last, numbers
    return None


#: a paragraph above a Word table that says it continues the table before it, folded: "Phụ lục I
#: (tiếp theo)", "Bảng 2 - tiếp theo", "(Tiếp theo)", "Appendix I (continued)" — the words at its
#: end, after nothing but the appendix's or table's name (a sentence "… các năm tiếp theo" is not one)
CONTINUED_LINE = re.compile(
    r"^(?:(?:phu luc|appendix|bang|bieu|table)(?:\s+[\w.]+){0,2}\s*)?[(\-–—:,]?\s*(?:tiep theo|continued)\s*\)?\s*[.:]?$"
)


def continued_line(lines: Iterable[object]) -> int | None:
    """The paragraph of ``lines`` (those between a Word table and the one before it) that says the
    table continues the one before (CONTINUED_LINE), as an office often writes it over the next
    table instead of as its title row."""
    return next((i for i, line in enumerate(lines) if CONTINUED_LINE.match(folded(line))), None)


def continued_row(grid: list[list[object]]) -> int | None:
    """The title row above a table's header that says it continues the table before it."""
    header = find_header(grid, continued=True)
    end = header[0] if header is not None else len(grid)
    return next((r for r in range(end) if _continues(grid[r])), None)


def _continues(row: list[object]) -> bool:
    """A title row (one text, merged across) that says the table continues another."""
    texts = {folded(cell) for cell in row} - {""}
    return len(texts) == 1 and any(w in next(iter(texts)) for w in CONTINUED_WORDS)


def column_numbers(row: list[object]) -> bool:
    """A row of column numbers: "A B C (1) (2) (3) (4)=(3)/(1)" or "1 2 3 4 5"."""
    texts = [folded(c) for c in row if c is not None and folded(c)]
    return len(texts) >= 3 and all(COLUMN_NUMBER.match(t) for t in texts) and len(set(texts)) == len(texts)


#: a row's printed number: "5", "4.1", and numbering that starts again in each section ("II.1",
#: "A.2.1", as kpi's own export prints a plan numbered so)
ROW_NUMBER = re.compile(r"(?:(?:[IVXLC]+|[A-H])\.)?\d+(?:\.\d+)*", re.IGNORECASE)


def row_number(text: str) -> bool:
    return bool(ROW_NUMBER.fullmatch(text))


def _is_data(row: list[object]) -> bool:
    first = folded(row[0]) if row else ""
    return bool(row_number(first.rstrip(".")) or SECTION.match(first)) or isinstance(row[0] if row else None, (int, float))


def _data_by_name(roles: list[str], header: list[object]) -> Callable[[list[object]], bool]:
    """Whether a row under a header without a number column is data, decided by its name and
    numbers rather than its first cell (the name's, in such a table: "Tốc độ tăng trưởng GRDP |
    % | 8,5 | 10"): a data row by its first cell (``_is_data``), a section in the name cell ("I.
    KINH TẾ"), or a name and a number in a column other than the name's and the unit's. A second
    header row ("Năm 2025 | Năm 2026", or bare years under merged cells) leaves the name cell
    empty, or repeats the header's name cell ``header`` in Word: no data. A name holding a header
    word ("Thu nhập bình quân đầu người") is data still."""
    name = roles.index("name")
    header_name = folded(_text(header, name))
    others = [i for i, role in enumerate(roles) if role not in ("name", "unit")]

    def is_data(row: list[object]) -> bool:
        if _is_data(row):
            return True
        text = _text(row, name)
        if not text or folded(text) == header_name:
            return False
        if SECTION_IN_NAME.match(text):
            return True
        return any(
            isinstance(row[i], (int, float)) or import_numbers.form(_text(row, i)) is not None
            for i in others if i < len(row) and row[i] is not None
        )

    return is_data


def classify(grid: list[list[object]], top: int, last: int, numbers: int | None = None) -> list[Column]:
    width = max(len(row) for row in grid[top:last + 1])
    rows = [_spread(grid[r], grid[last], width) if r < last else grid[r] for r in range(top, last + 1)]
    marks = grid[numbers] if numbers is not None else []
    columns = []
    for index in range(width):
        words: list[str] = []
        for row in rows:
            text = str(row[index]).strip() if index < len(row) and row[index] is not None else ""
            if text and text not in words:
                words.append(text)
        header = " ".join(" ".join(words).split())
        mark = folded(marks[index]) if index < len(marks) and marks[index] is not None else ""
        columns.append(_column(index, header, len(words) > 1 and words[-1], mark))
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


def _column(index: int, header: str, own: str | bool, mark: str = "") -> Column:
    """A column from its header. A published percentage is never a value; with a two-row header
    the lower row's own words decide first ("Năm thực hiện" over "2021" is the year 2021; "Dự
    báo" over "Tỷ lệ %" is forecast_pct)."""
    pct = percent_field(header, mark)
    if pct is not None:
        return Column(index, pct, header)
    for text in ([own] if isinstance(own, str) else []) + [header]:
        whole = folded(text)
        role = _role(whole)
        years = YEAR.findall(whole)
        if not role and years:
            status = next((s for s, words in YEAR_STATUS if any(w in folded(header) + " " for w in words)), "actual")
            return Column(index, "year", header, int(years[-1]), status)
        if role:
            return Column(index, role, header)
    return Column(index, "", header)


def percent_field(header: str, mark: str = "") -> str | None:
    """The published figure a percentage column holds ("midterm_pct", "forecast_pct"), "plan_pct"
    for one against the plan ("Ước TH/KH"), "pct" for another percentage (of last year, one year
    over another: recognised, not read), None when the column is not a percentage."""
    whole = folded(header)
    divides = "=" in mark and "/" in mark
    if not divides and not (any(m in whole for m in PERCENT_MARKS) and any(w in whole for w in COMPARE_WORDS)):
        return None
    if whole in ("ty le %", "forecast %"):
        return "forecast_pct"  # kpi's own "Dự báo | Tỷ lệ %"
    if any(w in whole for w in ("cung ky", "nam truoc")) or year_on_year(whole):
        return "pct"
    if any(w in whole for w in AGAINST_PLAN):
        return "plan_pct"  # the target's percentage where the target is the plan (import_table), else not read
    return next((field for field, words in PERCENT_FIELDS if any(w in whole for w in words)), "midterm_pct" if divides else "pct")


#: a percentage against the plan ("Ước TH/KH", "So với KH", "so với kế hoạch năm"): the year's
#: plan in a term's table, not read; the target itself where the target column is the plan
#: (an annual plan's "Kế hoạch 2026"), there the forecast against the target (import_table)
AGAINST_PLAN = ("ke hoach nam", "/kh", "so kh", "so voi kh")
#: one year over another ("Ước TH 2026/TH 2025", "2026/2025"): a change against a year, never the
#: target's percentage, unless the year after the "/" is a resolution's ("… /NQ 2025-2030")
_YEAR_OVER_YEAR = r"(?<!\d)(?:19|2[01])\d\d(?!\d)([^/\d]{0,24})/([^/\d]{0,24})(?<!\d)(?:19|2[01])\d\d(?!\d)(?!\s*[-–—]\s*\d)"  # compiled on first use (re's cache)


def year_on_year(whole: str) -> bool:
    """Whether a folded header divides one year's figure by another's (``_YEAR_OVER_YEAR``)."""
    found = re.search(_YEAR_OVER_YEAR, whole)  # a header's, a few a table
    return found is not None and not any(w in found.group(1) + found.group(2) for w in ("nq", "nghi quyet", "muc tieu", "target"))


def _role(whole: str) -> str:
    if not whole:
        return ""
    exact = _exact_roles().get(_bare(whole)) if len(whole) <= 8 else None  # a long header is no word of them
    if exact is not None:
        return exact
    for role, words in HEADER_WORDS:
        if any(w not in EXACT_ONLY and w in whole for w in words):
            return role
    return ""


#: the mark of an estimate after a number ("7,10*"), as kpi's own tables print it
ESTIMATE_MARK = "*"


#: the mark of a preliminary figure (sơ bộ, "3.900°"), as kpi's own tables print it
PRELIMINARY_MARK = "°"


def marked(text: object) -> tuple[object, bool]:
    """A cell without its estimate mark, and whether it had one ("7,10*" → "7,10", True); a
    preliminary mark goes too ("3.900°" → "3.900", False)."""
    if isinstance(text, str) and text.rstrip().endswith(ESTIMATE_MARK):
        return text.rstrip()[: -len(ESTIMATE_MARK)], True
    if isinstance(text, str) and text.rstrip().endswith(PRELIMINARY_MARK):
        return text.rstrip()[: -len(PRELIMINARY_MARK)], False
    return text, False


#: what follows the plan's name in a title ("… nhiệm kỳ 2020–2025 — tính đến năm 2023", "…
#: 2020-2025 TÍNH ĐẾN NĂM 2023" without a dash, "… (tính đến năm 2023)" in brackets)
TITLE_TAIL = re.compile(
    # … "nhiệm kỳ 2025–2030 năm 2026": the year of the report after the plan's period
    r"\s+([—–-]\s+(tính đến|as of)\b|\(?\s*(tính\s+)?đến năm \d{4}\s*\)?\s*$|\(?\s*as of \d{4}\s*\)?\s*$"
    r"|\(\s*(tính đến|as of)\b|(?<=\d{4}\s)(năm|in) \d{4}\s*$|\(kèm theo).*$",
    re.IGNORECASE,
)
#: a title's last words "đến năm 2030" alone (no "tính", no dash, no brackets): the plan's horizon
#: or the report's year, told by the period the name names before them (``without_tail``)
TO_YEAR = re.compile(r"\s+đến năm (\d{4})\s*$", re.IGNORECASE)
#: the last period a name names ("giai đoạn 2025–2030", "2020-2025")
NAMED_PERIOD = re.compile(r"(\d{4})\s*[-–—]\s*(\d{4})(?!.*\d{4}\s*[-–—]\s*\d{4})")


def without_tail(title: str) -> str:
    """A title without what follows the plan's name (``TITLE_TAIL``). Its last words "đến năm
    2030" alone are the plan's horizon, part of its name, where the name's period ends in that
    year ("giai đoạn 2025–2030 đến năm 2030") or the name names no period ("Nghị quyết … đến năm
    2030", whose period they give); they are the report's year, dropped, only where the period
    ends after it ("nhiệm kỳ 2025–2030 đến năm 2026")."""
    found = TITLE_TAIL.search(title)
    if found is None:
        return title
    bare = TO_YEAR.fullmatch(found.group(0))
    if bare is not None:
        period = NAMED_PERIOD.search(title, 0, found.start())
        if period is None or int(period.group(2)) <= int(bare.group(1)):
            return title
    return title[: found.start()]


#: where a plan's name starts in a title line
TITLE_WORDS = ("nghi quyet", "resolution", "ke hoach phat trien", "ke hoach nam", "chuong trinh hanh dong")
#: where it starts when no line has those: "CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2025–2030"
TITLE_WORDS_LAST = ("cac chi tieu chu yeu", "chi tieu chu yeu", "main indicators")
#: lines above a table that are not its title
NOT_TITLE = ("phu luc", "kem theo", "(kem theo", "don vi", "appendix")
#: words a title in capitals keeps capitalised when it is put in sentence case: places,
#: institutions, abbreviations (with the mixed-case words of the table's own cells)
PROPER_WORDS = (
    "Cần Thơ", "Sóc Trăng", "Hậu Giang", "An Giang", "Cà Mau", "Vĩnh Long", "Đồng Tháp", "Kiên Giang",
    "Bạc Liêu", "Trà Vinh", "Bến Tre", "Tiền Giang", "Long An", "Hà Nội", "Hồ Chí Minh", "Việt Nam",
    "Đồng bằng sông Cửu Long", "Khmer",
    "Đại hội", "Đảng bộ", "của Đảng", "Đảng Cộng sản Việt Nam", "Ban Chấp hành", "Thành ủy", "Thành uỷ", "Tỉnh ủy", "Tỉnh uỷ", "Trung ương",
    "Nghị quyết", "Hội đồng nhân dân", "Ủy ban nhân dân", "Uỷ ban nhân dân", "Nhà nước", "Chính phủ", "Quốc hội",
    "GRDP", "GDP", "FDI", "PCI", "PAPI", "SIPAS", "PAR INDEX", "DTI", "HDI", "ICOR", "USD", "VNĐ", "ĐBSCL",
    "HĐND", "UBND", "TP", "NQ", "KT-XH", "CNH-HĐH",
)
ROMAN_AFTER = re.compile(r"\b(thứ|khóa|khoá|hội)\s+([ivxlc]+)\b")


def plan_name(lines: list[str], cells: Iterable[str] = ()) -> str | None:
    """The plan's name from the lines above a table: from the words that name a resolution or
    plan ("CÁC CHỈ TIÊU CHỦ YẾU …" when no line names one) to the end of the line, without what
    follows the name ("đến năm 2026", "— tính đến năm 2023", "(Kèm theo …)"); a title in capitals
    in sentence case (:func:`sentence_case`, with the mixed-case words of ``cells``)."""
    for words in (TITLE_WORDS, TITLE_WORDS_LAST):
        for line in lines:
            text = " ".join(str(line).split())
            low = folded(text)
            if low.startswith(NOT_TITLE):
                continue
            for word in words:
                at = low.find(word)
                if at >= 0:
                    # folding keeps the length of Vietnamese text (đ → d, accents dropped after NFD
                    # composition is undone): find the same place in the printed text
                    name = without_tail(_from_folded(text, at)).strip(" ,;:")
                    return sentence_case(name, proper_words(cells)) if name else None
    return None


def proper_words(cells: Iterable[str]) -> list[str]:
    """The words a table writes capitalised inside its text ("GRDP", "Nhà" of "Thu ngân sách Nhà
    nước"): not the first word of a cell, nor any of a cell in capitals."""
    found: dict[str, None] = {}
    for cell in cells:
        if not any(c.islower() for c in cell):
            continue
        for word in re.findall(r"[\w][\w/-]*", cell)[1:]:
            if any(c.isupper() for c in word):
                found[word] = None
    return list(found)


def sentence_case(text: str, known: Iterable[str] = ()) -> str:
    """A title in capitals as a sentence ("CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2025–2030" → "Các chỉ
    tiêu chủ yếu nhiệm kỳ 2025–2030"), keeping capitalised the names of PROPER_WORDS and the
    words ``known`` (the table's own "GRDP", "Nhà"), a Roman numeral after "thứ"/"khóa" and a
    word with a digit ("12-NQ/TU"). A title with a small letter is left as written."""
    if any(c.islower() for c in text) or not any(c.isupper() for c in text):
        return text
    if all(c.isascii() for c in text if c.isalpha()) and ENGLISH_TITLE.search(text):
        return title_case(text, known)
    out = text.lower()
    for written in sorted({*PROPER_WORDS, *known}, key=len, reverse=True):
        out = re.sub(rf"(?<![\w-]){re.escape(written.lower())}(?![\w-])", lambda m: written, out)
    out = ROMAN_AFTER.sub(lambda m: f"{m.group(1)} {m.group(2).upper()}", out)
    coded = {w.lower(): w for w in re.findall(r"\S*\d\S*", text)}
    out = re.sub(r"\S*\d\S*", lambda m: coded.get(m.group(0), m.group(0)), out)
    return out[:1].upper() + out[1:]


#: an English title in capitals: no letter outside English, and one of these words ("… OF THE 1ST CAN THO CITY PARTY
#: CONGRESS, TERM 2025–2030" — the dash is no letter); put in title case (``title_case``)
ENGLISH_TITLE = re.compile(r"\b(?:OF|THE|AND|RESOLUTION|TERM|PLAN|TARGETS|INDICATORS|CONGRESS)\b")
#: the small words an English title keeps in lower case, but as its first word
SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"})
#: a Roman numeral ("XIV", "I"): kept in capitals
ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def title_case(text: str, known: Iterable[str] = ()) -> str:
    """An English title in capitals in title case ("RESOLUTION OF THE 1ST CAN THO CITY PARTY
    CONGRESS, TERM 2025–2030" → "Resolution of the 1st Can Tho City Party Congress, Term
    2025–2030"): each word capitalised, the small words (``SMALL_WORDS``) in lower case but the
    first; kept as written the abbreviations of PROPER_WORDS and the words ``known`` (GRDP,
    HDI), a Roman numeral ("XIV") and a word with a digit ("12-NQ/TU") but an ordinal's letters
    ("1ST" → "1st")."""
    kept = {w for w in (*PROPER_WORDS, *known) if w.isupper() and " " not in w}
    first = True

    def cased(match: re.Match[str]) -> str:
        nonlocal first
        word, was_first = match.group(0), first
        first = False
        if word in kept or (ROMAN.fullmatch(word) and word):
            return word
        if any(c.isdigit() for c in word):
            ordinal = re.fullmatch(r"(\d+)(ST|ND|RD|TH)", word)
            return ordinal.group(1) + ordinal.group(2).lower() if ordinal else word
        if word.lower() in SMALL_WORDS and not was_first:
            return word.lower()
        return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))

    return re.sub(r"[A-Za-z0-9][A-Za-z0-9'/-]*", cased, text)


def _from_folded(text: str, at: int) -> str:
    """``text`` from the character whose folded form starts at ``at``."""
    seen = 0
    for i, char in enumerate(text):
        if seen >= at:
            return text[i:]
        seen += len(folded(char)) if char.strip() else 1
    return ""


#: the heading lines above an appendix (Nghị định 30/2020): its own line "Phụ lục I" and the
#: document it goes with "(Kèm theo Báo cáo số 12/BC-UBND …)", as the plan settings that print them
APPENDIX_LINE = re.compile(r"^\s*((?:phụ lục|appendix)\s+(?:số\s+)?[IVXLC\d]+[a-z]?)\s*[.:]?\s*$", re.IGNORECASE)
ATTACHED_LINE = re.compile(r"^\s*\(?\s*(?:kèm theo|attached to)\s+(?P<what>.+?)\s*\)?\s*$", re.IGNORECASE)


def heading(lines: list[str]) -> dict[str, str]:
    """``appendix`` and ``attached_to`` from the lines above a table, as printed ("Phụ lục I";
    "Báo cáo số 12/BC-UBND ngày 30/11/2026 của UBND thành phố", without "(Kèm theo …)")."""
    found: dict[str, str] = {}
    for line in lines:
        text = " ".join(str(line).split())
        own = APPENDIX_LINE.match(text)
        if own and "appendix" not in found:
            found["appendix"] = own.group(1)
        attached = ATTACHED_LINE.match(text)
        if attached and "attached_to" not in found:
            found["attached_to"] = attached.group("what")
    return found


class Period(NamedTuple):
    base: int | None
    target: int | None
    how: str  # "range", "end", "annual", "" (not found)


def period(lines: list[str]) -> Period:
    """The plan's period from its title and headers: "nhiệm kỳ 2025–2030" and "giai đoạn
    2021–2025" give both years; "mục tiêu đến năm 2030" the target year; the title of an annual
    plan "năm 2026" gives 2025–2026."""
    texts = [folded(line) for line in lines if line]
    for text in texts:
        found = PERIOD_RANGE.search(text)
        if found and int(found.group(1)) < int(found.group(2)):
            return Period(int(found.group(1)), int(found.group(2)), "range")
    for text in texts:
        if text.startswith(NOT_TITLE):
            continue
        if any(w in text for w in ANNUAL_WORDS):
            found = PERIOD_YEAR.search(text)
            if found:
                year = int(found.group(1))
                return Period(year - 1, year, "annual")
    for text in texts:
        found = PERIOD_END.search(text)
        if found:
            return Period(None, int(found.group(1)), "end")
    return Period(None, None, "")


def number(text: object, lang: str = "vi") -> float | None:
    """A cell as a number: a real number as it is; a text by its form (files/import_numbers:
    "417.000" → 417000 and "7,10" → 7,1 the Vietnamese way, "1,234.5" and "7.10" as only the
    English way reads them), a form the two writings read differently ("41.200", "32,800") the
    way ``lang`` writes (the table's writing: README "Two readings of a number"); None for an
    empty cell or a dash. Raises ValueError for anything else."""
    if isinstance(text, bool):
        raise ValueError(text)
    if isinstance(text, (int, float)):
        return float(text)
    raw = str(text or "").strip().rstrip("%").strip()
    if raw == "" or raw in DASHES:
        return None
    return import_numbers.value(raw, lang)


def shown_decimals(text: object, lang: str = "vi") -> int | None:
    """The decimals a number cell shows ("7,10" → 2, "417.000" → 0 the Vietnamese way); None
    for a number cell, which holds the value exactly."""
    if not isinstance(text, str):
        return None
    return import_numbers.decimals(text, lang)


def printed_decimals(printed: str, lang: str = "vi") -> int:
    """The most decimals a number of a target's printed wording shows ("Tối thiểu 0,780" → 3,
    "0,745–0,78" → 3, "57 nghìn tỷ" → 0), read as ``shown_decimals`` reads a cell."""
    return max((import_numbers.decimals(n.rstrip(".,"), lang) for n in _BARE_NUMBER.findall(printed)), default=0)


class TargetText(NamedTuple):
    value: float
    upper: float | None = None
    direction: Direction = Direction.AT_LEAST
    strict: bool = False
    kind: Kind | None = None  # the kind the words name (cumulative, reduction, growth)
    approximate: bool = False  # "Khoảng 215"
    every_year: bool = False  # "hằng năm", "mỗi năm": a bound that must hold every year
    worded: bool = False  # a word or sign gave the direction ("Trên", "≤", "tối thiểu")
    plan_share: bool = False  # "100 % kế hoạch", "100 % dự toán": the value is a share of a plan
    share_of: str = ""  # "40 % GRDP", "286 nghìn tỷ (40 % GRDP)", "40% of GRDP (current prices)": the value is a share of that (folded)
    rise: bool = False  # "tăng 15 %/năm", "tăng 10 % trở lên": a growth rate of what the row measures
    scale: int = 0  # "57 nghìn tỷ": the power of ten its size words stand for (12); read against the unit by scaled()
    currency: str = ""  # "8,2 tỷ USD": the currency its words name after the size words (CURRENCY_WORDS)


_NUMBER = r"[-+]?\d[\d.,]*"
_EVERY_YEAR_AT_END = re.compile(r"\s*(?:" + "|".join(EVERY_YEAR_WORDS) + r")\s*$")
_BARE_NUMBER = re.compile(_NUMBER)
_CURRENCY_FIRST = re.compile(
    r"(" + "|".join(re.escape(w) for w in sorted(CURRENCY_BEFORE, key=len, reverse=True)) + rf")\s*(?={_NUMBER})"
)


#: FILLER_WORDS and PREFIX_WORDS as target() tries them: each word with its space, and whether it
#: is a sign ("≤", which needs none), made once (made per word tried, they were a third of
#: target()'s own time)
_FILLERS = tuple((filler, filler + " ") for filler in FILLER_WORDS)
_PREFIXES = tuple((word, word + " ", not word[0].isalpha(), said) for word, said in PREFIX_WORDS)


def target(text: object, lang: str = "vi", provisional: bool = False) -> TargetText | None:
    """A target as an office writes it: "417.000", "≤ 33", "Trên 80", "Dưới 1,5", "2–3",
    "Khoảng 215", "Tối thiểu 717", "Từ 10 % trở lên", "100 % kế hoạch", "Tổng 500.000";
    None for an empty cell or a dash. Raises ValueError for what cannot be read. ``provisional``:
    read before the table's writing is known ("900–1,200", 900 to 1,2 the Vietnamese way, 1200 the
    English way), a range whose end reads two ways is kept even where it ends below its start,
    for the caller to read again by the table's writing (import_table.TableRows.settled)."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return TargetText(float(text))
    raw = " ".join(str(text or "").split())
    if raw == "" or raw in DASHES:
        return None
    if _BARE_NUMBER.fullmatch(raw):
        # a bare number ("130,86", "1.243"): what the words below make of it, without trying
        # them; two in three targets of a 10.000-row export are bare, and target() went from
        # 0,21 to 0,10 s over the targets of a 10.000-row export (processor time, best of five)
        try:
            value = number(raw, lang)
        except ValueError:
            value = None  # "5.": the words below read it
        if value is not None:
            return TargetText(value)
    words = folded_raw = folded(raw)
    share = re.search(rf"\(\s*(?:chiem|bang)?\s*({_NUMBER})\s*%\s*([a-z][a-z ]*?)\s*\)\s*$", words)
    if share is not None and share.group(2) not in PLAN_SHARE_WORDS:  # "286 nghìn tỷ (40 % GRDP)": the share is the target
        words = f"{share.group(1)} % {share.group(2)}"
    rise = words.startswith(("tang ", "up "))  # "Tăng 10%", kpi's English "Up 10%"
    # one Wording made, not one per word tried: target()'s own time was 1,4 of its 3,1 s when
    # importing 10.000 rows under a profiler
    meaning = unsaid = Wording()
    changed = True
    while changed:  # "Phấn đấu đạt tối thiểu 717": fillers, then one word of meaning
        changed = False
        for filler, spaced in _FILLERS:
            if words.startswith(spaced):
                words, changed = words[len(filler):].strip(), True
        for word, spaced, sign, said in _PREFIXES:
            if meaning != unsaid:
                break  # a word of meaning found: the rest of the words are not tried
            if words.startswith(spaced) or (sign and words.startswith(word)):
                meaning, words, changed = said, words[len(word):].strip(), True
    before = _CURRENCY_FIRST.match(words)  # "USD 8.2 billion": its currency, then the number
    if before is not None:
        words = words[before.end():]
    found = re.fullmatch(rf"({_NUMBER})\s*(%?)\s*(?:(?:[-–—]|den|toi|to)\s*({_NUMBER}))?\s*(.*)", words)
    if not found:
        raise _not_read(text, raw)
    percent, tail = found.group(2), found.group(4).strip()
    if found.group(3) and not percent and tail.startswith("%"):  # "Tăng 6,5–7%": the sign after the range's end is its own
        percent, tail = "%", tail[1:].strip()
    if re.search(r"\d", tail.split("(")[0]):
        raise _not_read(text, raw)  # "2 vạn – 3 vạn": its size word said, as of "2 vạn"
    for word, said in SUFFIX_WORDS:
        if word in tail and meaning.direction is None:
            meaning = meaning._replace(direction=said.direction)
    low = _vi_number(found.group(1), lang)
    high = _vi_number(found.group(3), lang) if found.group(3) else None
    if high is not None and high <= low and not (provisional and _two_ways(found.group(1), found.group(3))):
        raise ValueError(text)
    rise = rise and bool(percent) and not meaning.kind
    kind = meaning.kind or (Kind.GROWTH if rise else None)
    plan_share = any(tail.startswith(w) for w in PLAN_SHARE_WORDS)
    # "Bằng 40 % GRDP mỗi năm": the share's words without the every-year words after them
    of = re.match(r"([a-z][a-z ]*?)\s*(?:\(|$)", _EVERY_YEAR_AT_END.sub("", tail)) if percent and not rise and not plan_share else None
    # "40% of GRDP (current prices)", as kpi writes a share in English: of the row of that name
    named = next(
        (_EVERY_YEAR_AT_END.sub("", tail[len(w):]).strip() for words in share_words().values() for w in words if tail.startswith(w + " ")), ""
    ) if percent and not rise and not plan_share else ""
    if not percent and (unread := _unread_size()(_lower(raw))) is not None:
        raise UnreadSize(unread.group(1))  # "2 vạn": not 2, nor read as 20.000 unsaid
    scale, currency = _scale_words(raw) if not percent else (0, "")
    if before is not None:
        if percent or (currency and currency != CURRENCY_BEFORE[before.group(1)]):
            raise ValueError(text)  # "USD 40 %", "USD 8,2 tỷ đồng": two things said of one number
        currency = CURRENCY_BEFORE[before.group(1)]
    return TargetText(
        low, high, meaning.direction or Direction.AT_LEAST, meaning.strict, kind, meaning.approximate,
        any(w in folded_raw for w in EVERY_YEAR_WORDS), meaning.direction is not None, plan_share,
        of.group(1) if of and of.group(1) in SHARE_OF_WORDS else named, rise, scale, currency,
    )


def _two_ways(*texts: str) -> bool:
    """Whether any of the numbers reads two ways ("1,200", "41.200": import_numbers.BOTH)."""
    forms = (import_numbers.form(t.rstrip(".,")) for t in texts)
    return any(f is not None and f.writing == import_numbers.BOTH for f in forms)
_SCALE_RUN = "(?:(?:{words})(?!\\w)(?!\\s*(?:{not_before})(?!\\w))\\s*)+".format(
    words="|".join(sorted(SIZE_WORDS, key=len, reverse=True)), not_before="|".join(NOT_SCALE_BEFORE),
)
_SCALE_AFTER_NUMBER = re.compile(rf"\d\s*({_SCALE_RUN})(.*)")
_SCALE_AT_START = re.compile(rf"\s*({_SCALE_RUN})(.*)")
_SCALE_WORD = re.compile("|".join(sorted(SIZE_WORDS, key=len, reverse=True)))
_CURRENCY = re.compile(r"(?<!\w)(" + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) + r")(?!\w)")
_CURRENCY_AFTER_NUMBER = re.compile(r"\d\s*(" + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) + r")(?!\w)")


def _lower(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def _sized(match: re.Match[str] | None) -> tuple[int, str]:
    """The power of ten of a run of size words, and the currency named after it."""
    if match is None:
        return 0, ""
    currency = _CURRENCY.search(match.group(2))
    return sum(SIZE_WORDS[w] for w in _SCALE_WORD.findall(match.group(1))), CURRENCY_WORDS[currency.group(1)] if currency else ""


def _scale_words(raw: str) -> tuple[int, str]:
    """The size words after a target's number ("57 nghìn tỷ" → 12) and the currency after them,
    or right after the number without size words ("8.500 USD/người": 0, "USD")."""
    low = _lower(raw)
    sized = _sized(_SCALE_AFTER_NUMBER.search(low))
    if sized[0]:
        return sized
    bare = _CURRENCY_AFTER_NUMBER.search(low)
    return 0, CURRENCY_WORDS[bare.group(1)] if bare else ""


def unit_scale(unit: str) -> tuple[int, str] | None:
    """The power of ten a unit's first words stand for ("Tỷ đồng" 9, "Triệu USD" 6, "Người" 0)
    and the currency it names; None for a unit a size cannot be read against (none, a per cent,
    one that starts with a number)."""
    text = _lower(" ".join(unit.split()))
    if not text or text[0].isdigit() or any(w in folded(text) for w in PERCENT_UNITS):
        return None
    found = _SCALE_AT_START.match(text)
    if found is not None:
        return _sized(found)
    currency = _CURRENCY.search(text)
    return 0, CURRENCY_WORDS[currency.group(1)] if currency else ""


class UnreadSize(ValueError):
    """A target sized by a word kpi does not read as a size (``UNREAD_SIZE_WORDS``: "2 vạn",
    "3 chục"); ``word`` is that word."""

    def __init__(self, word: str) -> None:
        super().__init__(word)
        self.word = word


def _not_read(text: object, raw: str) -> ValueError:
    """Why a target's words are not read: a size word kpi does not read after a number in them
    (``UnreadSize``: "2 vạn – 3 vạn" as "2 vạn"), else not understood."""
    unread = _unread_size()(_lower(raw))
    return UnreadSize(unread.group(1)) if unread is not None else ValueError(text)


@cache
def _unread_size() -> Callable[[str], re.Match[str] | None]:
    """A search for a size word kpi does not read right after a number (lower case, accented):
    "2 vạn", not "ca/vạn dân". Compiled on first use."""
    return re.compile(r"\d\s*(" + "|".join(UNREAD_SIZE_WORDS) + r")(?!\w)").search


class Unsized(ValueError):
    """A target whose size words cannot be read against its row's unit ("57 nghìn tỷ" in %)."""


def scaled(target: TargetText | None, unit: str) -> TargetText | None:
    """``target`` in its row's unit: "57 nghìn tỷ" on a "Tỷ đồng" row is 57.000, "8,2 tỷ USD"
    on a "Triệu USD" row 8.200 — decimal-exact (the sizes differ by a power of 1.000). Raises
    Unsized where the unit says no size to read it against (none, "%") or another currency."""
    if target is None or not (target.scale or target.currency):
        return target
    of_unit = unit_scale(unit)
    if of_unit is None or (target.currency and target.currency != of_unit[1]):
        raise Unsized(unit)
    shift = target.scale - of_unit[0]
    if not shift:
        return target

    def moved(value: float) -> float:
        return float(Decimal(repr(value)).scaleb(shift))

    return target._replace(value=moved(target.value), upper=None if target.upper is None else moved(target.upper))


def printed_in_unit(printed: str, unit: str) -> tuple[float, float] | None:
    """A printed wording with size words, as its bare number and as read in ``unit`` when the
    two differ ("57 nghìn tỷ" in Tỷ đồng: 57 and 57.000); None when it has no size words, the
    unit says the same size, or the size cannot be read against the unit."""
    if not _SCALE_AFTER_NUMBER.search(_lower(printed)):  # most wordings: no parse
        return None
    try:
        bare = target(printed)
        read = scaled(bare, unit)
    except ValueError:
        return None
    if bare is None or read is None or read.value == bare.value:
        return None
    return bare.value, read.value


def _vi_number(text: str, lang: str) -> float:
    value = number(text.rstrip(".,"), lang)
    if value is None:
        raise ValueError(text)
    return value


def kind_of(name: str, unit: str, written: TargetText | None = None, parent: str = "") -> Kind:
    """The kind of a row's target, in one place: what the target's words name ("Tổng", "Giảm");
    else by words of the name and unit (the entries of core/kinds.py); else a bound said to hold
    every year ("hằng năm", "mỗi năm", where EVERY_YEAR_IN reads them) a threshold; else a level."""
    if written is not None and written.kind is not None:
        return written.kind
    words = folded(name) + " | " + folded(unit)
    # most rows name no kind: one search for any entry's words says so (core/kinds.py)
    named = named_in_table(words, heading=False) if names_any_kind(words) else None
    if named is not None:
        return named
    if written is None or written.upper is not None:
        return Kind.LEVEL
    # the parent's name folded once, not once for each word looked for in it (and the raw text's
    # in target()): 440.000 of the 1,6 million foldings asked for while importing a 100.000-row
    # export (profiler call counts), the foldings 6,9 % of its processor time (sampled)
    heading = folded(parent)
    said = {
        "target": written.every_year,
        "name": any(w in words for w in EVERY_YEAR_WORDS),
        "heading": any(w in heading for w in EVERY_YEAR_WORDS),
    }
    if any(said[where] and (written.worded or not bound) for where, bound in EVERY_YEAR_IN):
        return Kind.THRESHOLD
    return Kind.LEVEL


def counts_events(name: str, unit: str) -> bool:
    """Whether a row counts events of a period by its name ("Số người chết do tai nạn giao
    thông", "Số vụ cháy"): the words of core/kinds.py's EVENT_COUNT_WORDS, each whole, in a name
    and unit that say no rate (core/bounds.rate_said: "%", "‰", "vụ/10.000 dân", "per 100,000
    live births", "trên 100.000 dân"), counting no places (``PLACE_NOUNS``: "Số xã …", "| Xã")
    and no crop seasons (``CROP_SEASONS``, with their accents: "Số vụ lúa", "vụ mùa", not "vụ
    mưa đá")."""
    from ..core.bounds import rate_said
    from ..core.kinds import COUNT_OF, CROP_SEASONS, EVENT_COUNT_WORDS, PLACE_NOUNS

    title = folded(name)
    words = " " + " ".join(re.findall(r"[a-z0-9]+", title)) + " "
    if not any(" " + w + " " in words for w in EVENT_COUNT_WORDS):
        return False  # most rows: no event word, nothing more to look for
    measure = folded(unit)
    if rate_said(measure) or rate_said(title, name=True) or " ".join(re.findall(r"[a-z0-9]+", measure)) in PLACE_NOUNS:
        return False
    counted = next((words[len(of) + 2:].split() for of in COUNT_OF if words.startswith(f" {of} ")), [])
    if any(" ".join(counted[:n]) in PLACE_NOUNS for n in (1, 2)):  # "Số xã …", "Số đơn vị …"
        return False
    # the seasons with their accents: "vụ mùa" is a season, "vụ mưa đá" hail storms (events)
    lowered = _lower(name)
    # no accent to tell them apart: matched folded. Decided by the letters alone: an en dash, a
    # curly quote or a no-break space is no accent ("So vu lua trong nam – toan tinh")
    plain = all(char.isascii() for char in lowered if char.isalpha())
    said = " " + " ".join(re.findall(r"\w+", title if plain else lowered)) + " "
    for season in map(fold, CROP_SEASONS) if plain else CROP_SEASONS:
        said = said.replace(" " + season + " ", " ")
    words = " " + " ".join(re.findall(r"[a-z0-9]+", folded(said))) + " "
    return any(" " + w + " " in words for w in EVENT_COUNT_WORDS)


def kind_hinted(kind: Kind, name: str, unit: str, written: TargetText | None) -> bool:
    """Whether :func:`kind_of` read the row's ``kind`` from words of its name that only suggest
    it ("Tổng vốn đầu tư": a total over the term, or a year's?), the target's words saying none."""
    from ..core.kinds import hinted_only

    if written is not None and written.kind is not None:
        return False
    return hinted_only(kind, folded(name) + " | " + folded(unit))


def heading_kind(name: str) -> Kind:
    """A heading's kind by the start of its name ("Cơ cấu …" a composition), else a group."""
    return named_in_table(folded(name), heading=True) or Kind.GROUP


#: an id from a name, cut only between its words: the whole name when its id has at most
#: MAX_ID_LENGTH characters; else cut where a phrase ends — at a bracket, a comma or before one of
#: PHRASE_ENDS ("Tỷ lệ lao động đang làm việc | so với tổng số …"), never among the words in
#: brackets ("(GRDP, giá so sánh 2010)") nor between two phrase-end words ("so | với") —: the
#: longest cut of at least MIN_ID_WORDS words within MAX_ID_LENGTH, else the shortest within
#: LONG_ID_LENGTH; else the whole name within LONG_ID_LENGTH; else the words that fit in
#: MAX_ID_LENGTH (a first word longer than that, whole). 48 characters hold the whole of most
#: resolution names (thu-hut-von-dau-tu-truc-tiep-nuoc-ngoai-fdi, 43; a cut at six words made
#: "thu-hut-von-dau-tu-truc", within "trực tiếp") and the name before its bracket of the longest
#: ones (xep-hang-chi-so-nang-luc-canh-tranh-cap-tinh, 44); 64 the long names without a phrase
#: end to cut at (ty-le-huy-dong-hoc-sinh-di-hoc-dung-do-tuoi-cap-trung-hoc-co-so, 63), whose
#: last words tell them apart. The words are matched with their accents ("có" ends a phrase,
#: "cơ" of "cơ sở" does not). README "A new province, a new term".
MIN_ID_WORDS, MAX_ID_LENGTH, LONG_ID_LENGTH = 3, 48, 64
PHRASE_ENDS = frozenset({"được", "có", "của", "trong", "theo", "tại", "cho", "với", "và", "gồm", "thuộc", "so", "đối"})
PHRASE_MARKS = frozenset("(),;:/–")


#: compiled once, and each word's folded letters remembered: the ids of a 10.000-row import took
#: 95.000 foldings and 105.000 pattern look-ups (0,44 s under a profiler)
_ID_TOKENS = re.compile(r"[^\W_]+|[(),;:/–]").findall
_ID_LETTERS = re.compile(r"[a-z0-9]+").findall
_TOKEN_WORDS: dict[str, list[str]] = {}


def id_words(name: str) -> list[str]:
    """The words of an id made from ``name`` (folded: no accents, lower case)."""
    words: list[str] = []
    cuts: list[int] = []  # where a phrase ends: the number of words before it
    ends: list[int] = []  # where a word of the name ends (one word may fold to more: "m²")
    depth = 0  # within brackets
    after_end = False  # the word before was a phrase-end word ("so" of "so với")
    for token in _ID_TOKENS(name.lower()):
        if token in PHRASE_MARKS:
            if token == ")":
                depth = max(depth - 1, 0)
            if depth == 0:
                cuts.append(len(words))
            if token == "(":
                depth += 1
            after_end = False
            continue
        if token in PHRASE_ENDS and depth == 0 and not after_end:
            cuts.append(len(words))
        after_end = token in PHRASE_ENDS
        found = _TOKEN_WORDS.get(token)
        if found is None:
            if len(_TOKEN_WORDS) >= _FOLDED_MAX:
                _TOKEN_WORDS.clear()
            # not remembered by folded as well: the 70.000 words of the ids of a 100.000-row
            # export filled its memory past _FOLDED_MAX, and the names it held were folded again
            found = _TOKEN_WORDS[token] = _ID_LETTERS(_folded_once(token))
        if found:
            words += found
            ends.append(len(words))
    length = [0]  # length[n]: of the id of the first n words, with their hyphens
    for w in words:
        length.append(length[-1] + len(w) + (1 if length[-1] else 0))
    if length[-1] <= MAX_ID_LENGTH:
        return words
    short = [n for n in cuts if n >= MIN_ID_WORDS and length[n] <= MAX_ID_LENGTH]
    long = [n for n in cuts if length[n] > MAX_ID_LENGTH and length[n] <= LONG_ID_LENGTH]
    if short or long:
        return words[: max(short) if short else min(long)]
    if length[-1] <= LONG_ID_LENGTH:
        return words
    fits = [n for n in ends if length[n] <= MAX_ID_LENGTH]
    return words[: fits[-1] if fits else ends[0]]


def section(no: str, name: str) -> str | None:
    """A section row's label ("KINH TẾ" of "I. KINH TẾ", of TT "I" and name "KINH TẾ", of "Phần
    II: Xã hội"), or None. The caller asks only of rows with neither a target nor values."""
    mark = SECTION.fullmatch(folded(no)) if folded(no) else None
    if mark and not mark.group("label"):
        return name.strip(" .:-") or None
    if folded(no):
        return None
    found = SECTION_IN_NAME.match(name)
    return (found.group("label").strip(" .:-") or None) if found else None


#: a section's mark alone in a cell: "II", "II.", "B", "Phần II" (a lettered sub-row "a)" is not one)
BARE_SECTION = re.compile(r"^(?:(?:Phần|PHẦN|Part)\s+)?(?:[IVXLC]+|[A-H])\.?$")


def section_beside(texts: list[str]) -> tuple[str, str] | None:
    """(mark, label) of a row that is a section's mark and its title and nothing else, the title
    in one cell or merged across the rest of the row ("II" | "XÃ HỘI" spanning B:H, or the mark
    in the name column); None for any other row."""
    distinct = list(dict.fromkeys(texts))
    if len(distinct) != 2 or not BARE_SECTION.match(distinct[0]):
        return None
    label = distinct[1].strip(" .:-")
    try:
        if number(label) is not None:
            return None  # "II | 5": not a title
    except ValueError:
        pass
    return (distinct[0], label) if label else None


def group_of(label: str) -> str:
    """A section's label as a group: a known code (economy, society, …) or the label."""
    words = folded(label)
    return next((code for code, found in GROUP_WORDS if any(w in words for w in found)), label)


def is_tally(no: str, name: str, texts: list[str]) -> bool:
    """A row of counts ("Tổng cộng", "Tổng số", "4/11 chỉ tiêu đạt và vượt"): never an indicator."""
    first = folded(name) or folded(no)
    if TALLY_NAME.match(first) or TALLY.search(first):
        return True
    return not re.match(r"\d", folded(no)) and any(TALLY.search(folded(t)) for t in texts if t != name)


def tally(texts: list[str]) -> dict[str, int]:
    """The counts a tally row prints: total, achieved_or_exceeded, exceeded, achieved, not_achieved."""
    whole = " ".join(folded(t) for t in texts if t)
    found: dict[str, int] = {}
    for key, pattern in TALLY_COUNTS:
        match = re.search(pattern, whole)
        if match:
            found[key] = int(next(g for g in match.groups() if g is not None))
    return found


def is_footnote(text: str) -> bool:
    return bool(FOOTNOTE.match(folded(text)))
