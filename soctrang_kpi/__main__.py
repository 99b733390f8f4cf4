"""The `kpi` entry point (also `python -m soctrang_kpi`).

It imports nothing heavy itself: the Typer app is built on demand. A bug shows a one-line message
(exit 70) unless --debug asks for the traceback.
"""

from __future__ import annotations

import sys

EXIT_BUG = 70


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        from .cli import build_app

        build_app(argv)(args=argv, prog_name="kpi")
    except SystemExit:
        raise
    except Exception as err:  # noqa: BLE001 - the last line of defence, not error handling
        if "--debug" in argv:
            raise
        sys.stderr.write(f"kpi: internal error: {type(err).__name__}: {err} (rerun with --debug for details)\n")
        sys.exit(EXIT_BUG)


if __name__ == "__main__":
    main()
