"""Text cells that stay text: no formula in a spreadsheet, no markup in Markdown, no escape
sequence on a terminal. An indicator's name or a note is data, whatever it begins with."""

from __future__ import annotations

import re

#: a spreadsheet reads a cell beginning with one of these as a formula (tab and CR too: Excel
#: and LibreOffice strip them and read what follows)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: ESC sequences (CSI "\x1b[31m", OSC "\x1b]8;;…\x07", and two-character ones), then any other
#: C0 or C1 control character except tab and newline, and the other code points XML 1.0 cannot
#: hold (lone surrogates, U+FFFE, U+FFFF: YAML's "\uFFFE" reads as one), which docx and xlsx refuse
_ESCAPES = r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]"
_CONTROLS = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]"
#: what reorders or breaks what a terminal shows without being visible: the bidirectional
#: controls (U+202E makes "exports" read "stropxe" and can flip a whole line of a table) and
#: the line and paragraph separators; shown as "?" at the terminal, kept in files
_INVISIBLE = r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"


def is_number_text(text: str) -> bool:
    """ "-2.98" is a number (a CSV keeps it as one); "-2.98 tấn" or "- Khu vực I" is not."""
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_text(text: str) -> str:
    """A CSV cell that a spreadsheet shows as typed: text that would start a formula gets the
    apostrophe spreadsheets use for "this is text"; a negative number stays a number, and the
    lone "-" of a missing figure stays as written (no spreadsheet reads it as a formula)."""
    if text.startswith(FORMULA_START) and not is_number_text(text) and text != "-":  # "-": nothing to run
        return "'" + text
    return text


def terminal_text(text: str) -> str:
    """Text without escape sequences, control characters or bidirectional controls (each
    becomes "?"): a name cannot colour, move the cursor, retitle the terminal or reverse text."""
    if text.isprintable():  # the usual case, and a fast one: no control character at all
        return text
    # the patterns compile on first use (re caches them): most texts never get here
    return re.sub(_INVISIBLE, "?", re.sub(_CONTROLS, "?", re.sub(_ESCAPES, "?", text)))


_MD_SPECIAL = r"([\\`*_{}\[\]<>|#+!~])"


def markdown_text(text: str, line_start: bool = False) -> str:
    """Markdown that shows the text as typed: backslash before every character Markdown or a
    table reads (`* _ [ ] < > | # …`), `&` as an entity, no newline, no control character."""
    text = terminal_text(text).replace("\n", " ").replace("&", "&amp;")
    text = re.sub(_MD_SPECIAL, r"\\\1", text)
    if line_start and (text.startswith(("-", "=")) or re.match(r"\d+[.)]\s", text)):
        text = "\\" + text  # a paragraph, not a list item or a heading underline
    return text
