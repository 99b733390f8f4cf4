"""Keep README.md's example outputs real: rerun every `<!-- run: kpi … -->` block.

    python docs/examples.py          # rewrite the blocks in place
    python docs/examples.py --check  # exit 1 if any block is stale (the test suite runs this)

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


def main() -> int:
    text = README.read_text(encoding="utf-8")
    fresh = refresh(text)
    if "--check" in sys.argv:
        if fresh != text:
            print("README.md examples are stale: run python docs/examples.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
