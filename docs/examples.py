"""Keep the docs real: README.md's example outputs and the CLI reference in docs/cli.md.

    python docs/examples.py          # rewrite them
    python docs/examples.py --check  # exit 1 if anything is stale (the test suite runs this)

README: every `<!-- run: kpi … -->` block is rerun. docs/cli.md: every command's --help.

Each block is the marker line, a fenced code block, and `<!-- end -->`. Commands run through
Typer's CliRunner on the bundled data at 100 columns, so the output is the same on every machine.
A `| head -N` suffix keeps only the first N lines.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
CLI_REFERENCE = README.parent / "docs" / "cli.md"
COMMANDS = ["", "status", "show", "summary", "audit", "validate", "export", "record", "init", "import"]
BLOCK = re.compile(r"(<!-- run: (?P<cmd>[^>]+?) -->\n```[a-z]*\n)(?P<out>.*?)(```\n<!-- end -->)", re.S)


def run(command: str) -> str:
    from typer.testing import CliRunner

    from soctrang_kpi.cli import app

    head = None
    if "| head -" in command:
        command, _, count = command.partition("| head -")
        head = int(count)
    args = shlex.split(command)
    assert args[0] == "kpi", command
    result = CliRunner().invoke(app, args[1:], env={"COLUMNS": "100", "KPI_DATA_DIR": str(README.parent)})
    lines = [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]
    if head is not None:
        lines = lines[:head] + ["…"]
    return "\n".join(lines).strip("\n") + "\n"


def refresh(text: str) -> str:
    return BLOCK.sub(lambda m: m.group(1) + run(m.group("cmd")) + m.group(4), text)


def cli_reference() -> str:
    parts = ["# `kpi` command reference", "", "Generated from `--help` by `python docs/examples.py`; do not edit.", ""]
    for command in COMMANDS:
        title = f"kpi {command}".strip()
        parts += [f"## `{title}`", "", "```text", run(f"{title} --help").rstrip("\n"), "```", ""]
    return "\n".join(parts)


def main() -> int:
    stale = []
    for path, fresh in ((README, refresh(README.read_text(encoding="utf-8"))), (CLI_REFERENCE, cli_reference())):
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if fresh != current:
            stale.append(path.name)
            if "--check" not in sys.argv:
                path.write_text(fresh, encoding="utf-8")
    if stale and "--check" in sys.argv:
        print(f"stale: {', '.join(stale)}: run python docs/examples.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
