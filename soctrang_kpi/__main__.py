"""The `kpi` entry point (also `python -m soctrang_kpi`).

It imports nothing heavy itself: the Typer app is built on demand. A bug shows a one-line message
(exit 70) unless --debug asks for the traceback. Before anything else is imported:

- the current folder leaves ``sys.path`` (``python -m`` puts it first): a ``yaml.py`` lying in a
  data folder must not be imported in place of PyYAML;
- a closed stdout or stderr (``2>&-``) becomes the null device, so an error still exits with its
  own code rather than through a traceback nobody sees; text the output's encoding cannot
  hold (a Latin-1 terminal, a lone surrogate) is written as ``\\u1ec7`` rather than failing;
- SIGTERM and SIGHUP end the run as Ctrl-C does: the lock is released and temporary files are
  removed on the way out (exit 128 + the signal's number);
- the modules are imported with the cyclic garbage collector paused, then frozen (``_started``).
"""

from __future__ import annotations

import os
import sys

EXIT_BUG = 70


def _without_current_folder() -> None:
    here = os.getcwd() if os.path.isdir(".") else ""
    sys.path[:] = [p for p in sys.path if p not in ("", ".") and not (here and os.path.abspath(p) == here)]


def _streams() -> None:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None or _closed(stream):
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
        elif getattr(stream, "errors", "") == "strict":  # a lone surrogate in a name, a Latin-1 terminal
            try:
                stream.reconfigure(errors="backslashreplace")
            except (AttributeError, ValueError):
                pass


def _closed(stream) -> bool:
    try:
        os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return True
    return False


class Stopped(BaseException):
    """SIGTERM or SIGHUP: unwinds like KeyboardInterrupt (every ``finally`` and ``with`` runs)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, _frame) -> None:
    raise Stopped(signum)


def _signals() -> None:
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            try:
                signal.signal(number, _stop)
            except (OSError, ValueError):  # not the main thread, or not allowed here
                pass


def _started(argv: list[str]):
    """The Typer app of the command line, its modules imported with the cyclic garbage collector
    paused. Start-up creates tens of thousands of objects — modules, classes, functions, Typer's
    and PyYAML's tables — that live as long as the process and none of which is garbage, and the
    collector scanned them again and again (7,6 % of a `kpi status --json`, counted with valgrind,
    README "Performance"); frozen once built, they are out of its sight for the rest of the run,
    which collects as before."""
    from .files.cache import collector_paused

    with collector_paused(freeze=True):
        from .cli import build_app

        return build_app(argv)


def _quiet_collector() -> None:
    """Python's cyclic garbage collector, run less often: a run is short and its data (millions
    of records, from the cache or the parser) holds no reference cycles, yet at the default
    thresholds the collector walked it again and again (21 % of a 100.000-series
    `status --json`). Measured at 10.000 series, processor time: 0,89 × with a cached load,
    0,97 × without. Start-up and loading pause it altogether (files/cache.collector_paused)."""
    import gc

    gc.set_threshold(100_000, 50, 100)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else list(argv)
    _quiet_collector()
    _streams()
    _signals()
    try:
        _started(argv)(args=argv, prog_name="kpi")
    except SystemExit:
        raise
    except Stopped as stopped:
        from .messages import Text
        from .spoken import lang_of

        sys.stderr.write(Text("click.aborted").render(lang_of(argv)) + "\n")
        sys.exit(128 + stopped.signum)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # `kpi status | head`: the reader has what it wanted
        from .spoken import reader_gone

        reader_gone()
        sys.exit(0)
    except Exception as err:  # noqa: BLE001 - the last line of defence, not error handling
        if "--debug" in argv:
            raise
        sys.stderr.write(f"kpi: internal error: {type(err).__name__}: {err} (rerun with --debug for details)\n")
        sys.exit(EXIT_BUG)


if __name__ == "__main__":
    _without_current_folder()
    main()
