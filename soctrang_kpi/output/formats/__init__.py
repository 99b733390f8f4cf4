"""One registry of output formats, for the screen and for files.

Every command and `kpi export` pick a :class:`Format`; ``formatter(fmt)`` imports the module that
writes it only when it is used (python-docx for docx, the xlsx writer), so `--json` never pays
for them. Each format is a :class:`Formatter`: ``text(doc, style)`` for a terminal or a pipe,
``file(doc)`` for the bytes of a file.
"""

from collections.abc import Iterable, Iterator
import importlib
from ...records import NamedTuple
from enum import Enum

from ..document import Document, Style


class Format(str, Enum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    XLSX = "xlsx"
    HTML = "html"
    DOCX = "docx"

    @classmethod
    def _missing_(cls, value: object) -> "Format | None":
        alias = ALIASES.get(str(value).lower())
        return cls(alias) if alias else None


#: other names people give a format (file suffixes included)
ALIASES = {"md": "markdown", "htm": "html", "txt": "table"}


class Formatter:
    """Writes a Document. Text formats implement ``text``; ``file`` encodes it as UTF-8."""

    binary = False  # a binary format cannot be shown on a terminal

    def text(self, doc: Document, style: Style) -> str:
        raise NotImplementedError

    def file(self, doc: Document) -> bytes:
        return self.text(doc, Style()).encode("utf-8")

    def pieces(self, doc: Document, style: Style) -> Iterator[str]:
        """``text`` in pieces, for the screen or a pipe to take as they come; a format that can
        make its text in pieces says so (as_json), the others give it whole."""
        yield self.text(doc, style)

    def chunks(self, doc: Document) -> Iterator[bytes]:
        """The file in pieces, for `kpi export` to write as they come; a format that builds its
        text in pieces says so (as_html), the others give the whole file at once."""
        yield self.file(doc)


#: the columns of values as recorded (a target, a baseline, a year's value, a roadmap, a
#: month's): the numbers a file holds (xlsx cells, csv fields) keep such a value as written; every
#: other number is computed and kept as the JSON rounds it — one rule, numbers.stored
RECORDED = frozenset({"target", "baseline", "latest", "year", "roadmap", "month", "to_date"})


def encoded(pieces: Iterable[str], size: int = 1 << 20) -> Iterator[bytes]:
    """``pieces`` as UTF-8, ``size`` characters at a time."""
    for text in slices(pieces, size):
        yield text.encode("utf-8")


def slices(pieces: Iterable[str], size: int) -> Iterator[str]:
    """The text of ``pieces`` in slices of ``size`` characters, the last one shorter: what
    ``"".join(pieces)`` cut every ``size`` characters gives, without that whole text."""
    held: list[str] = []
    count = 0
    for piece in pieces:
        held.append(piece)
        count += len(piece)
        if count >= size:
            text = "".join(held)
            cut = count - count % size
            for start in range(0, cut, size):
                yield text[start:start + size]
            held, count = ([text[cut:]], count - cut) if cut < count else ([], 0)
    if count:
        yield "".join(held)


class Spec(NamedTuple):
    module: str  # the module (in this package) that defines FORMATTER
    suffix: str  # the usual file name ending
    for_files: bool = True  # offered by `kpi export`
    with_audit: bool = True  # `kpi export` includes the audit unless told (--with-audit/--without-audit)


FORMATS: dict[Format, Spec] = {
    Format.TABLE: Spec("as_table", "txt", for_files=False),
    Format.JSON: Spec("as_json", "json", for_files=False),
    Format.CSV: Spec("as_csv", "csv"),
    Format.MARKDOWN: Spec("as_markdown", "md"),
    Format.XLSX: Spec("as_xlsx", "xlsx"),
    Format.HTML: Spec("as_html", "html"),
    # the appendix as an office hands it in; the audit only when asked for
    Format.DOCX: Spec("as_docx", "docx", with_audit=False),
}

#: what `kpi export` offers, in the order its messages list them
FILE_FORMATS = (Format.DOCX, Format.XLSX, Format.CSV, Format.MARKDOWN, Format.HTML)


def file_format_names(or_word: str = "or") -> str:
    """ "docx, xlsx, csv, md or html": the file formats as people type them."""
    names = [FORMATS[f].suffix for f in FILE_FORMATS]
    return ", ".join(names[:-1]) + f" {or_word} " + names[-1]


def formatter(fmt: Format) -> Formatter:
    module = importlib.import_module(f"{__name__}.{FORMATS[fmt].module}")
    found: Formatter = module.FORMATTER
    return found


def render(doc: Document, fmt: Format, style: Style | None = None) -> str:
    """A text format's output (for the screen and for tests)."""
    return formatter(fmt).text(doc, style or Style())


def for_file(path: str, given: Format | None = None) -> Format | None:
    """The format asked for, else the one the file name ends with; None if neither says."""
    if given is not None:
        return given
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    try:
        found = Format(suffix)
    except ValueError:
        return None
    return found if FORMATS[found].for_files else None
