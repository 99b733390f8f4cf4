"""The exceptions of the core. Only cli.py turns them into messages and exit codes."""

from .records import NamedTuple

from .messages import Text, render


class KpiError(Exception):
    """Base of every error the package raises on purpose."""


class NotComputable(KpiError):
    """A figure has no meaningful value (zero base, too few points).

    ``code`` names the reason (a key of ``labels.REASONS``, so it can be said in either language);
    ``detail`` fills its blank, e.g. the missing year.
    """

    def __init__(self, code: str, detail: object = ""):
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {detail}" if detail != "" else code)


class Problem(NamedTuple):
    """One thing wrong (or suspicious) in a data file, located as precisely as we can.

    Problems sort by file, line, column (a NamedTuple compares field by field)."""

    file: str
    line: int  # 1-based; 0 when unknown
    column: int  # 1-based; 0 when unknown
    message: str  # a messages.Text (which is its English str) to be said in either language
    indicator: str = ""
    field: str = ""
    warning: bool = False

    def __str__(self) -> str:
        return self.render("en")

    def render(self, lang: str) -> str:
        """The problem as one line in ``lang`` ("vi" or "en"): file:line:col: subject: message."""
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}" if self.column else f":{self.line}"
        subject = " ".join(part for part in (self.indicator, self.field) if part)
        kind = Text("problem.warning").render(lang) if self.warning else ""
        return f"{where}: {kind}{subject + ': ' if subject else ''}{render(self.message, lang)}"


class DataError(KpiError):
    """The data files are unusable; ``problems`` lists every error found, sorted by file and line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(KpiError):
    """The user asked for something that does not exist (unknown plan, id or year).

    ``message`` may be a messages.Text: ``str(err)`` is then its English wording."""

    def __init__(self, message: str, candidates: tuple[str, ...] = ()):
        self.candidates = candidates
        super().__init__(message)


class SpoolError(KpiError):
    """An export's rows spooled to an unnamed temporary file in the system's temporary folder
    (TMPDIR chooses it; ``output/formats/spreadsheetml.Sheet``) could not be written or read back:
    the folder's fault, not the output file's. ``folder``: that folder; ``error``: the OSError.
    cli says it as a write error naming the folder."""

    def __init__(self, folder: str, error: OSError):
        self.folder, self.error = folder, error
        super().__init__(folder, error)


class WriteError(KpiError):
    """A file could not be written (disk full, no permission); the old file is untouched.

    Its message may be a messages.Text: ``str(err)`` is then its English wording."""
