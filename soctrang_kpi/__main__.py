"""The `kpi` entry point (also `python -m soctrang_kpi`).

A read-only command whose files and command line are unchanged is answered from the cache
before Typer or anything else heavy is imported; otherwise the Typer app runs and its answer is
remembered. A bug shows a one-line message (exit 70) unless --debug asks for the traceback.
"""

from __future__ import annotations

import io
import sys

#: commands that only read: the same files and arguments always print the same thing
CACHED = frozenset({"status", "show", "summary", "audit", "validate"})
EXIT_BUG = 70


class _Tee(io.TextIOBase):
    """Writes through to the real stdout and keeps a copy, to remember the answer."""

    def __init__(self, out):
        self.out, self.copy = out, io.StringIO()

    def write(self, text: str) -> int:
        self.copy.write(text)
        return self.out.write(text)

    def flush(self) -> None:
        self.out.flush()

    def isatty(self) -> bool:
        return self.out.isatty()

    def fileno(self) -> int:
        return self.out.fileno()

    @property
    def encoding(self):
        return self.out.encoding


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else list(argv)
    key = None
    if argv and argv[0] in CACHED and not {"-h", "--help", "--debug"} & set(argv):
        from . import cache

        key = cache.answer_key(argv)
        answer = cache.load("answer", key) if key else None
        if answer is not None:
            code, text = answer
            sys.stdout.write(text)
            sys.exit(code)
    real_stdout = sys.stdout
    tee = _Tee(real_stdout) if key else None
    if tee:
        sys.stdout = tee
    try:
        from .cli import app

        app(args=argv, prog_name="kpi")
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if tee and code in (0, 3):  # 3: --fail-on matched, still a complete answer
            from . import cache

            cache.store("answer", key, (code, tee.copy.getvalue()))
        raise
    except Exception as err:  # noqa: BLE001 - the last line of defence, not error handling
        if "--debug" in argv:
            raise
        sys.stderr.write(f"kpi: internal error: {type(err).__name__}: {err} (rerun with --debug for details)\n")
        sys.exit(EXIT_BUG)
    finally:
        sys.stdout = real_stdout


if __name__ == "__main__":
    main()
