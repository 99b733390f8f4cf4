"""`kpi import` of an office's own monthly-report table (README "kpi import: an office's monthly
report"): "STT | Chỉ tiêu | ĐVT | Kế hoạch năm 2026 | Thực hiện tháng 6 | Lũy kế 6 tháng | So với KH
năm (%) | So cùng kỳ (%)" under a title such as "ƯỚC THỰC HIỆN THÁNG 6 VÀ 6 THÁNG ĐẦU NĂM 2026".

Each column's header says what it holds (``spec``: a ``Spec`` from the word tables and
patterns below — status words, percent marks, plan words, months, quarters, lũy kế): the
year's plan (the annual plan's target), a month, a quarter or a lũy kế of the report's year, last
year's same period ("Cùng kỳ năm 2025"), a whole year's value ("Thực hiện năm 2025", "Ước cả
năm"), or a percentage the report derived (% of the year's plan, so cùng kỳ). The status of a
value is the column's own word (ước, sơ bộ, chính thức), else the title's ("ƯỚC THỰC HIỆN …"),
else a cell's "*"; a column that says none is read as actual and that is said. The derived
percentages are never values: they go under ``published: PLAN: months:`` and are compared with
what kpi computes from the values read, each difference listed as the audit lists it. The rows
(sections, sub-rows, footnotes, tallies) are read as in every appendix (import_table.TableRows).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from collections.abc import Callable, Sequence
from typing import Any

from ..records import NamedTuple

from . import appendix_layout as layout, init_template
from .import_table import Entry, Imported, Options, Skipped, table_data, row_kinds, cell_marked, cell_number, TableRows, checked_loaded
from .import_xlsx import Grid
from ..core.model import Dataset, Kind, Period, WithinYear
from ..errors import UsageError
from ..messages import Num, Text, month_verdict_words

#: roles of the appendix layout a monthly table shares; every other column is read by its Spec
SHARED_ROLES = frozenset({"no", "name", "unit", "note", "source", "assessment"})
# The words of a monthly report's headers, folded, in Vietnamese and in English — an office's and
# the ones kpi's own export writes with --lang en ("Plan 2026 | Month 6 | 6 months to date | % of
# plan | vs last year | Year estimate", messages.py word.month_*): kpi reads back what it writes
# (README "An office's monthly report"). Data, one table each: ``spec`` only looks words up.
#: words of a value's status, folded, whole words; the first found wins
STATUS_WORDS: tuple[tuple[str, str], ...] = (
    ("uoc", "estimate"), ("so bo", "preliminary"), ("chinh thuc", "actual"),
    ("estimate", "estimate"), ("estimated", "estimate"), ("est", "estimate"), ("preliminary", "preliminary"), ("actual", "actual"),
)
#: a header that begins so compares (a percentage even without "%": "So cùng kỳ", "vs last year")
COMPARE_STARTS = ("so voi", "so sanh", "vs", "versus", "compared")
#: a header that compares with last year's same period, wherever the words are
CHANGE_WORDS = ("so cung ky", "vs last year", "vs same period")
#: a comparison with last year (change_pct), not with the year's plan
AGAINST_LAST_YEAR = ("cung ky", "nam truoc", "same period", "last year", "previous year", "prior year")
#: a column of last year's values of the same period ("Cùng kỳ năm 2025", "Same period 2025")
SAME_WORDS = ("cung ky", "same period")
#: the year's plan, as a phrase; and as a whole word ("KH năm": "kh" is in other words)
PLAN_WORDS = ("ke hoach", "nghi quyet", "du toan", "chi tieu ke hoach", "plan", "budget")
PLAN_ABBREVIATIONS = ("kh",)
#: a whole year's value ("Ước cả năm", "Year estimate", "Full year")
WHOLE_YEAR_WORDS = ("ca nam", "year estimate", "full year", "whole year")
#: a lũy kế naming no month ("Lũy kế", "Year to date")
YTD_WORDS = ("luy ke", "tu dau nam", "to date", "cumulative", "ytd")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
QUARTER = re.compile(r"\b(?:quy|quarter|q)\s*(iv|i{1,3}|[1-4])\b")
# "6 tháng", "6 tháng đầu năm", "Lũy kế 9 tháng"; "6 months to date", "Cumulative 6 months", "first 6 months"
YTD = re.compile(r"(?<![\d/])(\d{1,2})\s+(?:thang|months?)\b")
YTD_TO = re.compile(r"(?:luy ke|tu dau nam|to date|cumulative|ytd)\D{0,20}?(?:thang|month)\s+(\d{1,2})\b")  # "Lũy kế đến tháng 6"
MONTH = re.compile(r"\b(?:thang|month)\s+(\d{1,2})\b")
#: a month by its English name ("June", "Est. June 2026", "Jun"): its number
MONTH_NAMES = {
    name: n for n, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    ) for name in names
}
MONTH_NAME = re.compile(r"\b(" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r")\b")
YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
#: a document's date ("Gia Lai, ngày 05 tháng 7 năm 2026", "số 123/BC-UBND ngày 25/6/2026"): not the report's period
DATE = re.compile(r"ngay\s+\d{1,2}(?:\s+thang\s+\d{1,2}(?:\s+nam\s+\d{4})?|\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?)")


class Spec(NamedTuple):
    """What a column of a monthly report holds."""

    what: str  # "plan", "period", "same" (last year's same period), "year", "plan_pct", "change_pct", "ignored"
    last: int | None = None  # the month a period runs to; None: the report's month
    first: int | None = None  # its first month (1 for a lũy kế)
    ytd: bool = False
    year: int | None = None  # a whole year's column: its year (None: the report's)
    status: str | None = None  # the column's own word; None: the title's


def _status(folded: str) -> str | None:
    """The status a header or title says, by whole words ("trước" holds "uoc" but says nothing)."""
    padded = f" {re.sub(r'[^a-z0-9%]+', ' ', folded)} "
    return next((status for word, status in STATUS_WORDS if f" {word} " in padded), None)


def _span(folded: str) -> tuple[int | None, int | None, bool] | None:
    """(last, first, ytd) of a period the header names; None when it names none."""
    ytd = YTD.search(folded) or YTD_TO.search(folded)
    named = MONTH_NAME.search(folded)
    if not ytd and named and any(w in folded for w in YTD_WORDS):  # "Year to date June"
        return MONTH_NAMES[named.group(1)], 1, True
    if ytd:
        return (int(ytd.group(1)), 1, True) if 1 <= int(ytd.group(1)) <= 12 else None
    if any(w in folded for w in YTD_WORDS):
        return None, 1, True
    quarter = QUARTER.search(folded)
    if quarter:
        n = ROMAN[quarter.group(1)]
        return 3 * n, 3 * n - 2, False
    month = MONTH.search(folded)
    if month and 1 <= int(month.group(1)) <= 12:
        return int(month.group(1)), int(month.group(1)), False
    if named:
        return MONTH_NAMES[named.group(1)], MONTH_NAMES[named.group(1)], False
    return None


#: the English header of that column in kpi's exports before it became "Plan (wording)"
EARLIER_PRINTED_PLAN = ("As printed",)


@cache  # asked for every header and column of a table
def _printed_plan() -> frozenset[str]:
    """The header of the column kpi's own xlsx keeps the year's plan as printed in ("KH (ghi)",
    "Plan (wording)": messages.py word.month_plan_printed; "As printed" before), folded, in both
    languages: read as the plan column beside the number, as "KH (ghi)" always was."""
    from ..messages import section

    said = (*section("word")["month_plan_printed"].values(), *EARLIER_PRINTED_PLAN)
    return frozenset(layout.folded(label) for label in said)


def _plan_words(h: str, words: list[str]) -> bool:
    """Whether a header names the year's plan ("Kế hoạch năm 2026", "KH năm", "Plan 2026")."""
    return any(w in words for w in PLAN_ABBREVIATIONS) or any(w in h for w in PLAN_WORDS)


def spec(header: str) -> Spec | None:
    """A column's Spec from its (folded, multi-row) header; None when it says nothing kpi reads."""
    h = layout.folded(header)
    if not h:
        return None
    own = _status(h)
    words = h.replace("/", " / ").split()
    compares = any(m in h for m in layout.PERCENT_MARKS) or h.startswith(COMPARE_STARTS) or any(w in h for w in CHANGE_WORDS)
    if compares:
        if any(w in h for w in AGAINST_LAST_YEAR):
            return Spec("change_pct")
        if _plan_words(h, words):
            return Spec("plan_pct")
        return Spec("ignored")
    if _plan_words(h, words) or h in _printed_plan():
        # the year's plan; "Kế hoạch tháng 7" (next month's) is not the year's
        return Spec("ignored") if MONTH.search(h) or QUARTER.search(h) or MONTH_NAME.search(h) else Spec("plan")
    span = _span(h)
    if any(w in h for w in SAME_WORDS):
        last, first, ytd = span if span is not None else (None, None, True)
        return Spec("same", last, first, ytd, status=own or "actual")
    if any(w in h for w in WHOLE_YEAR_WORDS):
        return Spec("year", status=own or "estimate")
    if span is not None:
        last, first, ytd = span
        return Spec("period", last, first, ytd, status=own)
    year = YEAR.search(h)
    if year:
        return Spec("year", year=int(year.group(1)), status=own)
    return None


def _columns(grid: Grid) -> tuple[tuple[int, int, int | None], list[layout.Column], dict[int, Spec]] | None:
    header = layout.find_header(grid.rows)
    if header is None:
        return None
    columns = layout.classify(grid.rows, *header)
    specs = {c.index: found for c in columns if c.role not in SHARED_ROLES and (found := spec(c.header)) is not None}
    return header, columns, specs


def is_month_report(grid: Grid) -> bool:
    """A table with the year's plan and a month, quarter or lũy kế column: a monthly report."""
    found = _columns(grid)
    if found is None:
        return False
    kinds = {s.what for s in found[2].values()}
    return "period" in kinds and ("plan" in kinds or "plan_pct" in kinds)


#: a monthly report's own verdict words (folded) and the within-year verdict each says
VERDICT_WORDS: tuple[tuple[str, str], ...] = (
    ("dung tien do", "on_course"), ("vuot tien do", "on_course"), ("on course", "on_course"),
    ("cham tien do", "behind"), ("behind", "behind"),
    ("khong dat", "missed"), ("chua dat", "missed"), ("missed", "missed"),
    ("vuot", "achieved"), ("dat", "achieved"), ("met", "achieved"),
)


def _own_verdicts() -> dict[str, str]:
    """kpi's own month verdict words, vi and en (folded), and the verdict each is: what its own
    monthly report prints ("Chưa có số liệu", "Year's plan met"), read back exactly; "Chưa rõ cách
    cộng tháng" (a row whose meaning within the year is unknown) and "Chưa tính được tỷ lệ trong
    kỳ" (a share whose share of the period cannot be made) are rows without data."""
    from ..messages import section

    found = {layout.folded(label): key for key, labels in section("month_verdict").items() for label in labels.values()}
    for said in ("month_unknown_meaning", "month_share_not_known", "month_by_parts", "not_rated"):
        found.update((layout.folded(label), "no_data") for label in section("word")[said].values())
    return found


#: kpi's own month verdict words (``_own_verdicts``), made on first use
OWN_VERDICTS: dict[str, str] = {}


def own_verdict(text: str) -> str | None:
    """The verdict of a cell that holds one of kpi's own month verdict words exactly, else None."""
    if not OWN_VERDICTS:
        OWN_VERDICTS.update(_own_verdicts())
    return OWN_VERDICTS.get(layout.folded(text).strip(" ."))


def verdict_of(text: str) -> str | None:
    """What an office's "Đánh giá" cell says of the year's plan ("Đúng tiến độ": on course); None
    when it says none of them. Before December "Đạt" is read as on course, "Chưa đạt" as behind.
    kpi's own words (``own_verdict``) are read first, as they are."""
    own = own_verdict(text)
    if own is not None:
        return own
    folded = layout.folded(text)
    return next((v for words, v in VERDICT_WORDS if folded.startswith(words)), None)


#: how kpi's English monthly report said its month before it named it ("… — month 9/2026"), and
#: its quarter before "Q3 2026" ("… — quarter III/2026")
EARLIER_PERIODS = ("month {month}/{year}", "quarter {roman}/{year}")


def _without_period(name: str) -> str:
    """A plan's name without the period kpi's own monthly report adds to it in its title ("… —
    tháng 11/2026", "… — September 2026", "… — Q2 2026"), which `kpi status` adds again."""
    from ..messages import section

    words = section("word")
    months = "|".join(re.escape(text) for texts in section("month_name").values() for text in texts.values())
    for template in (*(t for key in ("period_month", "period_quarter") for t in words[key].values()), *EARLIER_PERIODS):
        pattern = (re.escape(template).replace(r"\{name\}", f"(?:{months})").replace(r"\{month\}", r"\d{1,2}")
                   .replace(r"\{year\}", r"\d{4}").replace(r"\{roman\}", r"[IVX]+").replace(r"\{quarter\}", r"(?:[1-4]|[IVX]+)"))
        found = re.search(r"\s+—\s+" + pattern + r"$", name, flags=re.IGNORECASE)
        if found:
            return name[: found.start()]
    return name


def _named_before_period(title: list[str]) -> str:
    """The plan's name from kpi's own title line "{plan} — September 2026" whose name holds none of
    the words that name a plan in Vietnamese ("Can Tho socio-economic plan 2026", an English
    export's): what stands before the period kpi adds; "" when no line ends so."""
    for line in title:
        text = " ".join(str(line).split())
        name = _without_period(text)
        if name != text and name.strip(" —-"):
            return name.strip()
    return ""


class _MonthRows(TableRows):
    """The rows of a monthly table: the year's plan is the target; the period columns are read as
    values (keyed by their column: -1 - index), the percentages too (kept apart later)."""

    def __init__(self, grid: Grid, where: Text, options: Options, specs: dict[int, Spec]) -> None:
        super().__init__(grid, where, "vi", options)
        self.specs = specs
        self.verdicts: dict[int, str] = {}  # row (1-based) -> the "Đánh giá" cell as printed

    def _published(self, r: int, row: list[object]) -> dict[str, object]:
        """A monthly report's verdict is kept to be compared with kpi's (``_compare``); its
        percentages are read as columns (``Spec``)."""
        text = " ".join(str(self.cell(row, "assessment") or "").split())
        if text and text not in layout.DASHES:
            self.verdicts[r + 1] = text
        return {}

    def _classified(self, rows: list[list[object]], top: int, last: int, numbers: int | None) -> list[layout.Column]:
        out = []
        for c in layout.classify(rows, top, last, numbers):
            found = self.specs.get(c.index)
            if c.role in SHARED_ROLES and found is None:
                out.append(c)
            elif found is not None and found.what == "plan":
                # kpi's own "KH (ghi)" beside "KH năm 2026": the plan as printed, read as the
                # appendix reads its "Nghị quyết (ghi)" (its words give direction and range)
                printed = layout.folded(c.header) in _printed_plan()
                out.append(layout.Column(c.index, "target_printed" if printed else "target", c.header))
            elif found is not None:
                out.append(layout.Column(c.index, "period", c.header))
            else:
                out.append(layout.Column(c.index, "", c.header))
        return out

    def _values(self, r: int, row: list[object], quiet: bool = False) -> dict[int, tuple[float, str, object]]:
        values: dict[int, tuple[float, str, object]] = {}
        for index, found in self.specs.items():
            if found.what in ("plan", "ignored") or index >= len(row) or index in self.grid.hidden_columns:
                continue
            raw = row[index]
            text, estimate = cell_marked(raw)
            value = cell_number(text, self.lang, None if quiet else (lambda what, i=index: self.skip(r, i, what)))
            if value is not None:
                values[-1 - index] = (value, "estimate" if estimate else "", raw)
                if not quiet and isinstance(text, str):  # "32,800": read once the whole table is (settled)
                    self._saw(r, index, text, -1 - index)
        return values


def _title(grid: Grid, top: int) -> list[str]:
    if grid.above is not None:
        return list(grid.above)
    return [" ".join(str(c) for c in dict.fromkeys(c for c in row if c is not None and str(c).strip())) for row in grid.rows[:top]]


def _undated(folded: str) -> str:
    """A title line without the document's date, which names a day, not the report's period."""
    return DATE.sub(" ", folded)


def _title_month(title: list[str]) -> int | None:
    """The month the title's report runs to: "THÁNG 6 VÀ 6 THÁNG ĐẦU NĂM", "9 THÁNG", "QUÝ I"."""
    months = []
    for line in title:
        span = _span(_undated(layout.folded(line)))
        if span is not None and span[0] is not None:
            months.append(span[0])
    return max(months, default=None)


def build(path: Path, grid: Grid, where: Text, options: Options, guesses: list[Text], unread: bool = False) -> Imported:
    """An office's monthly report read into an annual plan (base: the year before) and its values;
    ``unread``: kpi's own, read with --table-only (its data, the targets' kinds, left unread)."""
    found = _columns(grid)
    assert found is not None
    (top, last, _numbers), columns, specs = found
    title = _title(grid, top)
    folded_title = " ".join(_undated(layout.folded(line)) for line in title)
    years = [int(y) for y in YEAR.findall(folded_title)] + [int(y) for c in columns if c.index in specs and specs[c.index].what == "plan" for y in YEAR.findall(c.header)]
    year = options.target_year or (years[-1] if years else None)
    if year is None:
        raise UsageError(Text("import.month_no_year", path=where))
    title_month = _title_month(title)
    column_months: dict[int, int] = {}
    for index, s in specs.items():
        if s.what == "period" and s.last:
            column_months[index] = s.last
    month = max(column_months.values(), default=None) or title_month
    if month is None or not 1 <= month <= 12:
        raise UsageError(Text("import.month_no_month", path=where))
    if title_month is not None and column_months and title_month != month:
        index = max(column_months, key=column_months.__getitem__)
        guesses.append(Text("import.month_title_differs", title=title_month, header=repr(columns[index].header), month=month))
    title_status = _status(folded_title)
    rows = _MonthRows(grid, where, options, specs)
    rows.run()
    for index, s in specs.items():  # a period column whose status nothing says: read as actual, and said
        if s.what == "period" and s.status is None and title_status is None:
            rows.skip(top, index, Text("import.month_status_unsaid", text=repr(columns[index].header)))
    # README "Two readings of a number"; a sub-row whose unit is not its parent's said at its target cell, as the yearly import says it
    entries = row_kinds([rows.settled(e) for e in rows.entries], rows)
    levels = [e.no for e in entries if e.kind is Kind.LEVEL and e.target is not None]
    if unread and levels:  # its "KH năm" prints a plan computed from a growth ("Tăng 15%") as a number
        guesses.append(Text("import.month_table_only_levels", rows=", ".join(levels)))
    name = options.name or _without_period(layout.plan_name(title) or "") or _named_before_period(title)
    if not name:
        name = Text("import.month_default_name", year=year).render("vi")
        guesses.append(Text("import.guess_name", name=repr(name)))
    plan_id = options.plan_id or init_template.plan_id(year - 1, year, annual=True)
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", plan_id):
        raise UsageError(Text("targets.id_format", found=repr(plan_id)))
    report = Period(year, month, month)
    targets, actuals = table_data([e._replace(values={}) for e in entries], year - 1, year, name, plan_id, rows, None)
    published: dict[str, dict[str, tuple[float, int]]] = {}
    # "Cùng kỳ năm 2025" naming no period: the same period as the table's lũy kế, else its first period's
    periods = [s for s in specs.values() if s.what == "period"]
    main = next((s for s in periods if s.ytd), periods[0] if periods else None)
    if main is not None:
        specs = {i: s._replace(last=main.last, first=main.first, ytd=main.ytd) if s.what == "same" and s.last is None else s for i, s in specs.items()}
    for e in entries:
        entry = actuals["series"].setdefault(e.id, {})
        figures = _values_into(entry, e, specs, year, month, title_status, rows)
        if figures:
            published[e.id] = figures
            entry.setdefault("published", {})[plan_id] = {"months": {report.key: {k: v for k, (v, _i) in figures.items()}}}
    actuals["series"] = {k: v for k, v in actuals["series"].items() if v}
    imported, dataset = checked_loaded(Imported(targets, actuals, path.name, where, rows.skipped, guesses, rows.footnotes, False))
    if unread:  # kpi's own table prints a range's direction nowhere but in its verdict
        imported, dataset = _range_directions(imported, dataset, entries, report, rows, columns, specs, published)
    ytd_column = next((i + 1 for i, found in sorted(specs.items()) if found.what == "period" and found.ytd), 0)
    # said at the header's lowest row
    return _compare(imported, dataset, entries, published, report, columns, rows.verdicts, ytd_column, last)


def _parsed(imported: Imported):
    """The dataset of the files' text, where ``checked_loaded`` gave none (its repairs did not
    end): what the loader refuses raised."""
    from .load import load_texts

    texts = imported.texts("vi")
    return load_texts(texts["targets.yaml"], texts["actuals.yaml"])[0]


def _range_directions(
    imported: Imported, dataset: Dataset | None, entries: list[Entry], report: Period, rows: _MonthRows, columns: list[layout.Column], specs: dict[int, Spec],
    published: dict[str, dict[str, tuple[float, int]]],
) -> tuple[Imported, Dataset | None]:
    """kpi's own monthly report read with --table-only: a range ("1,5–2") whose words name no
    direction takes the one its verdict cell and its "% KH năm" say (a ceiling said, its cell
    named), else its target is left out and said, as the appendix's (import_table._range_directions).
    ``dataset``: the files as loaded; returned with ``imported``, loaded again once directed."""
    from ..core.periods import plan_report
    from .import_table import directed
    from .import_verdicts import Fit, range_directions

    if dataset is None:
        dataset = _parsed(imported)
    plan = next(iter(dataset.plans.values()))
    by_id = {e.id: e for e in entries}
    percents = {ident: figures["plan_pct"][0] for ident, figures in published.items() if "plan_pct" in figures}

    def results_of(data, ranges: set[str]) -> dict[str, Fit]:
        figures = plan_report(data, data.plans[plan.id], report)
        return {ident: Fit(_verdict_fits(rows.verdicts.get(by_id[ident].row), f, report), f.plan_pct) for ident, f in figures.items() if ident in ranges}

    decided = range_directions(dataset, plan.id, percents, results_of)
    if not decided:
        return imported, dataset
    plans = [c.index for c in columns if specs.get(c.index, Spec("")).what == "plan"]
    column = next((i for i in plans if layout.folded(columns[i].header) in _printed_plan()), plans[0] if plans else -1) + 1
    shown = {ident: (repr(rows.verdicts[row]) if (row := by_id[ident].row) in rows.verdicts else "-", percents.get(ident)) for ident in decided}
    directed(imported, entries, decided, column, shown)
    return checked_loaded(imported._replace(checked=None))


def _verdict_fits(printed: str | None, f, report: Period) -> bool | None:
    """Whether a row's printed verdict is the one its figures ``f`` give; None when nothing is
    compared (none printed, a word not a verdict's, no data)."""
    said = _said_verdict(printed, report) if printed else None
    if said is None or f.verdict.value == "no_data":
        return None
    return f.verdict.value == said


def _said_verdict(printed: str, report: Period) -> str | None:
    """The verdict a printed word says (month_verdict values), as of ``report``: before December
    nothing is final, a plain "Đạt" being on course and "Không đạt" behind."""
    said = verdict_of(printed)
    if said is not None and report.last < 12 and own_verdict(printed) is None:
        said = {"achieved": "on_course", "missed": "behind"}.get(said, said)
    return said


def _values_into(entry: dict[str, Any], e, specs: dict[int, Spec], year: int, month: int, title_status: str | None, rows: _MonthRows) -> dict[str, tuple[float, int]]:
    """The row's values into its series entry (months, quarters and lũy kế under their status; a
    whole year's under its year); its published percentages returned, with their column."""
    figures: dict[str, tuple[float, int]] = {}
    taken: set[tuple[bool, str]] = set()
    for key, (value, marked, _raw) in sorted(e.values.items(), reverse=True):
        index = -1 - key
        s = specs[index]
        if s.what in ("plan_pct", "change_pct"):
            figures[s.what] = (value, index)
            continue
        last_year = s.what == "same"
        status = marked or s.status or (None if last_year else title_status) or "actual"
        when: int | str
        if s.what == "year":
            when, ytd = s.year or year, False
            if when < year:  # a year gone by ("Thực hiện năm 2025") is its figure, whatever the title says
                status = marked or s.status or "actual"
        else:
            last = s.last or month
            first = 1 if s.ytd else (s.first or last)
            period = Period(year - 1 if last_year else year, first, last, s.ytd)
            when, ytd = period.key, s.ytd
        if (ytd, str(when)) in taken:  # two columns of one period: the first is kept, the second said
            rows.skip(e.row - 1, index, Text("import.month_twice", text=repr(str(when))))
            continue
        taken.add((ytd, str(when)))
        target = entry.setdefault("ytd", {}) if ytd else entry
        target.setdefault(status, {})[when] = value
    return figures


#: the two ways an office writes its "So cùng kỳ (%)" column (README "So cùng kỳ: a change or an
#: index"): the change against last year's same period, as kpi computes it (10,62: up 10,62 %), or
#: the index, the usual office way (110,62: 110,62 % of last year's); each as the figure it prints
#: for a change kpi computes
CHANGE_FORMS: dict[str, Callable[[float], float]] = {"change": lambda change: change, "index": lambda change: 100 + change}


#: where a so cùng kỳ figure lies when no row of its column can be recomputed (no last year's
#: value): a change of −50 % to +50 % is the usual, an index of 50 to 200 too, and each is
#: implausible as the other for every row of a column (+110 % everywhere; −89 % everywhere)
FIGURE_BANDS: dict[str, Callable[[float], bool]] = {"change": lambda f: -50 < f < 50, "index": lambda f: 50 <= f <= 200}


def change_form(fits: list[set[str]], figures: Sequence[float] = ()) -> str | None:
    """The form of a so cùng kỳ column, from the forms of CHANGE_FORMS each of its rows kpi can
    recompute fits (none, one, or both): "change" when no row fits the index; "index" when no row
    fits the change and more rows fit the index than fit neither; None when it cannot be told —
    rows of both forms in one column, or fewer fitting the index than fitting neither (none fitting
    either too). Never decided row by row. No row recomputed: the form whose FIGURE_BANDS holds
    every one of the column's ``figures`` ("change" when it has none), None when neither does."""
    if not fits and figures:
        inside = [form for form, band in FIGURE_BANDS.items() if all(band(f) for f in figures)]
        return inside[0] if len(inside) == 1 else None
    index = sum("index" in f for f in fits)
    change = sum("change" in f for f in fits)
    neither = sum(not f for f in fits)
    if not index and (change or not neither):
        return "change"
    if not change and index > neither:
        return "index"
    return None


def _change_forms(
    imported: Imported, published: dict[str, dict[str, tuple[float, int]]], computed: dict, kinds: dict, plan, report: Period,
    columns: list[layout.Column], header_row: int,
) -> tuple[dict[int, str | None], set[int]]:
    """The form of each so cùng kỳ column that is not the change kpi computes, read as a whole
    (``change_form``): an index is said once with why, and its figures are written as the change
    they print (110,62 → 10,62, exactly) for `kpi audit`; a column that cannot be told (None) is
    said once, kept as printed. The rows of a rate (its so cùng kỳ is the rate itself) are neither
    counted nor changed. And the columns none of whose rows could be recomputed (told by their
    figures, FIGURE_BANDS): said once for the column, not row by row."""
    from decimal import Decimal

    from ..core.audit import published_differs

    settings = plan.settings
    by_column: dict[int, list[tuple[str, float]]] = {}
    for ident, row in published.items():
        if "change_pct" in row and kinds.get(ident) is not WithinYear.RATE:
            value, index = row["change_pct"]
            by_column.setdefault(index, []).append((ident, value))
    forms: dict[int, str | None] = {}
    untried: set[int] = set()
    for index, column in sorted(by_column.items()):
        fits: list[set[str]] = []
        for ident, value in column:
            mine = computed[ident].change_pct if ident in computed else None
            if mine is not None:
                fits.append({form for form, printed in CHANGE_FORMS.items() if not published_differs(value, printed(mine), settings.precision, settings.audit_tolerance)})
        figures = [value for _ident, value in column]
        form = change_form(fits, figures)
        if form == "change":
            continue  # as kpi computes it: nothing to say of the column
        forms[index] = form
        counts = {
            "rows": Num(len(fits)), "index": Num(sum("index" in f for f in fits)), "change": Num(sum("change" in f for f in fits)),
            "neither": Num(sum(not f for f in fits)), "header": repr(columns[index].header),
        }
        by_figures = not fits  # no row recomputed: told (or not) by where its figures lie (FIGURE_BANDS)
        if by_figures:
            untried.add(index)
            counts = {"header": repr(columns[index].header), "rows": Num(len(figures)), "low": Num(min(figures)), "high": Num(max(figures))}
        if form is None:
            untold = "import.month_change_untold_figures" if by_figures else "import.month_change_untold"
            imported.skipped.append(Skipped(imported.where, header_row, index + 1, Text(untold, **counts)))
            continue
        example = column[0][1]
        told = "import.month_change_index_figures" if by_figures else "import.month_change_index"
        said = Text(told, example=Num(example), up=Num(float(Decimal(repr(example)) - 100)), **counts)
        imported.skipped.append(Skipped(imported.where, header_row, index + 1, said))
        for ident, value in column:  # 110,62 − 100 is 10,62, not 10,620000000000005
            imported.actuals["series"][ident]["published"][imported.plan["id"]]["months"][report.key]["change_pct"] = float(Decimal(repr(value)) - 100)
    return forms, untried


def _compare(
    imported: Imported, dataset, entries, published: dict[str, dict[str, tuple[float, int]]], report: Period, columns: list[layout.Column],
    verdicts: dict[int, str], ytd_column: int = 0, header_row: int = 0,
) -> Imported:
    """The report's derived percentages against kpi's, from the values read: each difference (and
    each percentage kpi cannot compute, and each row whose meaning within the year nothing says)
    is listed with its cell; the published figures are kept as published, for `kpi audit` — a so
    cùng kỳ column printed as an index as the change it says (``_change_forms``); ``dataset``: the
    files as loaded (None: parsed here)."""
    from ..core.audit import MONTH_FIELDS, published_differs
    from ..core.periods import plan_report, within_year

    if dataset is None:
        dataset = _parsed(imported)
    plan = next(iter(dataset.plans.values()))
    computed = plan_report(dataset, plan, report)
    rows = {e.id: e.row for e in entries}
    unit = next((c.index + 1 for c in columns if c.role == "unit"), 1)
    targets = {row.indicator: row.target for row in plan.rows}
    kinds = {ident: within_year(indicator, targets.get(ident)) for ident, indicator in dataset.indicators.items()}
    forms, untried = _change_forms(imported, published, computed, kinds, plan, report, columns, header_row + 1)
    if any(forms.values()):
        imported = imported._replace(checked=None)  # an index written as the change: the files are made from the data again
    for ident, figures in published.items():
        f = computed.get(ident)
        for name, (value, index) in figures.items():
            form = forms.get(index, "change") if name == "change_pct" and kinds.get(ident) is not WithinYear.RATE else "change"
            if form is None:
                continue  # a so cùng kỳ column that cannot be told: said once for the column
            mine = None if f is None else MONTH_FIELDS[name](f)
            if mine is not None and name == "change_pct":
                mine = CHANGE_FORMS[form](mine)  # an index column's row against the index, as printed
            header = repr(columns[index].header)
            if mine is None and name == "change_pct" and index in untried and kinds.get(ident) is not WithinYear.RATE:
                continue  # no row of its column recomputed: said once for the column
            if mine is None:
                # a reason may name last December's year ("thiếu số liệu tháng 12/2025")
                why = Text(f"month_reason.{f.reason}", last=f.period.year - 1) if f is not None and f.reason else Text(f"import.month_needs.{name}")
                what = Text("import.month_pct_none", header=header, published=Num(value), why=why)
            elif published_differs(value, mine, plan.settings.precision, plan.settings.audit_tolerance):
                what = Text("import.month_pct_differs", header=header, published=Num(value), computed=Num(mine, plan.settings.precision))
            else:
                continue
            imported.skipped.append(Skipped(imported.where, rows.get(ident, 0), index + 1, what))
    judged = next((c.index + 1 for c in columns if c.role == "assessment"), 0)
    for e in entries:
        printed = verdicts.get(e.row)
        if printed is None:
            continue
        said = _said_verdict(printed, report)
        row_figures = computed.get(e.id)
        if said is None:
            imported.skipped.append(Skipped(imported.where, e.row, judged, Text("import.assessment", text=repr(printed))))
        elif row_figures is not None and row_figures.verdict.value not in (said, "no_data"):
            verdict = Text(f"month_verdict.{row_figures.verdict.value}")
            what = Text("import.month_verdict_differs", printed=repr(printed), computed=verdict)
            imported.skipped.append(Skipped(imported.where, e.row, judged, what))
    _levels_at_end(imported, dataset, targets, rows, report, ytd_column)
    for ident, indicator in dataset.indicators.items():
        if ident in dataset.periods and within_year(indicator, targets.get(ident)) is None:
            imported.skipped.append(Skipped(imported.where, rows.get(ident, 0), unit, Text("import.month_meaning", name=repr(indicator.name), unit=repr(indicator.unit))))
    return imported


def _levels_at_end(imported: Imported, dataset, targets: dict, rows: dict[str, int], report: Period, column: int) -> None:
    """A level's lũy kế is its value at the month's end: a table whose "Lũy kế" of a level (a
    rate of coverage, a count of members) differs from its month's value is said, since kpi reads
    the lũy kế."""
    from ..core.periods import within_year

    for ident, points in dataset.periods.items():
        if within_year(dataset.indicators[ident], targets.get(ident)) is not WithinYear.LEVEL:
            continue
        month = next((p.value for p in points if p.period == Period(report.year, report.last, report.last)), None)
        to_date = next((p.value for p in points if p.period == Period(report.year, 1, report.last, True)), None)
        if month is not None and to_date is not None and abs(month - to_date) > 1e-9:
            what = Text("import.month_level_differs", month=Num(month), to_date=Num(to_date))
            imported.skipped.append(Skipped(imported.where, rows.get(ident, 0), column, what))


#: what kpi's own monthly report prints in a column of each kind (Spec.what, a lũy kế or not),
#: from the figures of its data (core/periods.MonthFigures): the cells ``edited_cells`` checks
PRINTED_FIGURES: dict[tuple[str, bool], Callable[[Any], float | None]] = {
    ("period", False): lambda f: f.alone.value if f.alone is not None else None,
    ("period", True): lambda f: f.to_date.value if f.to_date is not None else None,
    ("plan_pct", False): lambda f: f.plan_pct,
    ("change_pct", False): lambda f: f.change_pct,
    ("year", False): lambda f: f.estimate,
}


def edited_cells(imported: Imported, grid: Grid, where: Text, options: Options, lang: str, dataset=None) -> list[Skipped]:
    """kpi's own monthly report, read from the data it carries: each cell of its printed table
    whose number is not what kpi prints from that data (the office changed it: the year's plan,
    the month's or quarter's value, the lũy kế, a percentage, the estimate; the verdict, the
    row's note), named with both
    numbers — the table is a view and is not read, but an edit is never passed over silently
    (README "kpi's own exports come back exactly")."""
    from ..core.periods import plan_report
    from ..numbers import round_half_up
    from .load import load_texts

    found = _columns(grid)
    if found is None:
        return []
    (top, _last, _numbers), columns, specs = found
    if dataset is None:  # not given the data as the import loaded it: loaded from its files' text
        texts = imported.texts("vi")
        dataset, _warnings = load_texts(texts["targets.yaml"], texts["actuals.yaml"])
    plan = next(iter(dataset.plans.values()))
    alone = next((s for s in specs.values() if s.what == "period" and not s.ytd and s.last), None)
    month = max((s.last for s in specs.values() if s.what == "period" and s.last), default=None) or _title_month(_title(grid, top))
    if month is None:
        return []
    report = Period(plan.target_year, alone.first or alone.last, alone.last) if alone is not None and alone.last == month else Period(plan.target_year, month, month)
    figures = plan_report(dataset, plan, report)
    by_number = {row.no: row.indicator for row in plan.rows}
    plan_rows = {row.indicator: row for row in plan.rows}
    plan_columns = [c.index for c in columns if specs.get(c.index, Spec("")).what == "plan"]
    printed_column = next((i for i in plan_columns if layout.folded(columns[i].header) in _printed_plan()), None)
    number_column = next((i for i in plan_columns if i != printed_column), None)
    verdict_column = next((c.index for c in columns if c.role == "assessment"), None)
    note_column = next((c.index for c in columns if c.role == "note"), None)  # "Ghi chú": the rows' notes
    rows = _MonthRows(grid, where, options, specs)
    rows.run()
    said: list[Skipped] = []
    for e in rows.entries:
        e = rows.settled(e)
        ident = by_number.get(e.no)
        if ident is None or ident not in figures:
            continue
        f = figures[ident]
        precision = dataset.indicators[ident].precision
        decimals = plan.settings.precision if precision is None else precision
        cells: list[tuple[int, float | None, float | None, object]] = []
        line = rows.grid.rows[e.row - 1] if 0 < e.row <= len(rows.grid.rows) else []
        if number_column is not None and f.plan is not None:
            if printed_column is None and e.target is not None:  # the docx's one plan column: the number in its words
                cells.append((number_column, e.target.value, f.plan, e.printed or None))
            elif number_column < len(line) and line[number_column] is not None:
                raw = line[number_column]
                cells.append((number_column, cell_number(raw if not isinstance(raw, str) else raw.strip(), lang, None), f.plan, raw))
        wording = printed_column if printed_column is not None else number_column
        target = plan_rows[ident].target
        if wording is not None and e.printed and target.value is not None and f.plan == target.value and not _says(e, target):
            # the plan as written ("≤ 300", "4.000–4.200") whose words now say another
            what = Text("import.month_plan_edited", header=repr(columns[wording].header), printed=repr(e.printed), data=_plan_said(target, lang))
            said.append(Skipped(where, e.row, wording + 1, what))
            if printed_column is None:  # the docx's one plan column, named once with its words: not again with its number
                cells = [cell for cell in cells if cell[0] != number_column]
        if verdict_column is not None and verdict_column < len(line):
            shown = " ".join(str(line[verdict_column] if line[verdict_column] is not None else "").split())
            label = month_verdict_words(f, lang)  # as output/labels.month_label prints it
            if shown != label:
                what = Text("import.month_verdict_edited", header=repr(columns[verdict_column].header), printed=repr(shown) if shown else "-", data=repr(label))
                said.append(Skipped(where, e.row, verdict_column + 1, what))
        if note_column is not None and note_column < len(line):
            shown = " ".join(str(line[note_column] if line[note_column] is not None else "").split())
            if shown != " ".join(target.note.split()):  # the office's note, as the data has it (a docx cell wraps)
                what = Text("import.month_note_edited", header=repr(columns[note_column].header), printed=repr(shown) if shown else "-",
                            data=repr(target.note) if target.note else "-")
                said.append(Skipped(where, e.row, note_column + 1, what))
        for key, (number, _status, raw) in e.values.items():
            index = -1 - key
            pick = PRINTED_FIGURES.get((specs[index].what, specs[index].ytd if specs[index].what == "period" else False))
            if pick is not None:
                cells.append((index, number, pick(f), raw))
        for index, value, expected, raw in cells:
            if value is None or expected is None or _shows(value, expected, raw, lang, decimals):
                continue
            printed = repr(raw) if isinstance(raw, str) else Num(value)
            # the plan lives in targets.yaml, the months' values in actuals.yaml: each cell's message says its file
            message = "import.month_plan_edited" if index == number_column else "import.month_cell_edited"
            what = Text(message, header=repr(columns[index].header), printed=printed, data=Num(round_half_up(expected, decimals)))
            said.append(Skipped(where, e.row, index + 1, what))
    return said


def _says(e, target) -> bool:
    """Whether a plan cell's words ("≤ 300", "4.000–4.200") say the data's target: its bounds,
    and its direction where words give one."""
    read = e.target
    if read is None:
        return False
    if read.value != target.value or read.upper != target.upper:
        return False
    return not read.worded or read.direction is target.direction


def _plan_said(target, lang: str) -> object:
    """The data's plan as a message shows it: its wording in the report's language, else its
    number or range, "at most 300" where it is a ceiling."""
    printed = target.printed_en if lang == "en" and target.printed_en else target.printed
    if printed:
        return repr(printed)
    shown: object = Num(target.value) if target.upper is None else Text("import.edited_range", low=Num(target.value), high=Num(target.upper))
    return Text("bound.at_most", value=shown) if target.direction.value == "at_most" and target.upper is None else shown


def _shows(value: float, expected: float, raw: object, lang: str, decimals: int) -> bool:
    """Whether a cell shows the figure kpi prints from the data: at the decimals it shows (a text
    cell), exactly or as kpi's workbook rounds it (a number cell)."""
    from ..numbers import round_half_up
    from .import_table import same_as_exported

    return same_as_exported(value, expected, raw, lang) or same_as_exported(value, round_half_up(expected, decimals), raw, lang)
