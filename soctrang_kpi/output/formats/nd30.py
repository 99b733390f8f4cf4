"""How a document handed in looks: Nghị định 30/2020/NĐ-CP (Phụ lục I, the presentation of
administrative documents and their appendices), as defaults the printed formats share.

The decree asks for A4 paper; margins of 20–25 mm at the top and bottom, 30–35 mm on the left and
15–20 mm on the right; Times New Roman (Unicode, TCVN 6909:2001) at 13–14 pt for the text; page
numbers at the top centre, from the second page; and for an appendix: the word "Phụ lục" and its
number on a line of their own, the appendix's name in capitals, bold, and "(Kèm theo … số … ngày
… của …)" naming the document it goes with. A table may be set smaller than the text, but kpi
never prints one below 10 pt. Pages are portrait; a table too wide for portrait gets a landscape
page of its own.

The values below are the defaults; a format reads them from here, and the appendix's line and the
document it goes with come from the plan's settings or `kpi export --appendix/--attached-to`.
"""

from __future__ import annotations

from ...records import NamedTuple

from ..document import Document
from ..labels import Lang, word


class Margins(NamedTuple):
    top: float
    bottom: float
    left: float
    right: float


#: the decree's ranges, in mm
MARGIN_RANGES = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
MARGINS_MM = Margins(top=20.0, bottom=20.0, left=30.0, right=15.0)  # the narrowest it allows: room for the table
A4_MM = (210.0, 297.0)  # width, height of a portrait page
FONT = "Times New Roman"
BODY_PT = 13  # the text: 13–14 pt
HEADING_PT = 14  # "Phụ lục I", the appendix's name, "(Kèm theo …)"
TABLE_PT = 11  # the table, when it fits at that size
TABLE_MIN_PT = 10  # the smallest a table is printed at
HEADER_FROM_MM = 10.0  # from the paper's top edge to the page number
#: the document's language tag, so that a word processor checks Vietnamese spelling as Vietnamese
LANGUAGE_TAGS = {"vi": "vi-VN", "en": "en-US"}


def usable_mm(landscape: bool) -> float:
    """The width between the margins."""
    width = A4_MM[1] if landscape else A4_MM[0]
    return width - MARGINS_MM.left - MARGINS_MM.right


class Heading(NamedTuple):
    """The appendix's heading block, line by line: (text, bold, italic)."""

    lines: tuple[tuple[str, bool, bool], ...]


def heading(doc: Document, title: str) -> Heading:
    """ "Phụ lục I" / KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU / the plan and as-of year / (Kèm theo …).

    The appendix's line is ``doc.appendix`` ("Phụ lục I"; "I" alone is read as "Phụ lục I"),
    else the word "Phụ lục"; the "(Kèm theo …)" line only when ``doc.attached_to`` says what."""
    lang = doc.lang
    label = word("page_title", lang)
    appendix = doc.appendix.strip()
    # "Phụ lục I" in the plan, exported in English: "Appendix I", not "Appendix Phụ lục I"
    said = next((w for w in (word("page_title", other) for other in Lang) if appendix.casefold().startswith(w.casefold())), "")
    if said:
        appendix = appendix[len(said):].strip()
    if appendix:
        appendix = f"{label} {appendix}"
    lines = [(appendix or label, True, False), (word("report_title", lang).upper(), True, False)]
    if title:
        lines.append((title, True, False))
    if doc.attached_to.strip():
        what = doc.attached_to.strip()
        if what.startswith("(") and what.endswith(")"):
            what = what[1:-1]
        # "Kèm theo Báo cáo …" given whole, in either language's words: exported in English
        # "(Attached to Báo cáo …)", not "(Attached to Kèm theo Báo cáo …)"
        for other in (lang, *Lang):
            prefix = word("attached_to", other, what="").strip("()").strip()
            if what.casefold().startswith(prefix.casefold()):
                what = what[len(prefix):].strip()
                break
        lines.append((word("attached_to", lang, what=what), False, True))
    return Heading(tuple(lines))
