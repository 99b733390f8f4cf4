"""Floor for `kpi status` as a table: import what any such CLI imports (typer, yaml) and print a
Rich table of the same shape — the same rows, columns and names, read from a CSV that
`kpi status --format csv` wrote before the timing — computing nothing.

    python floors/rich_table.py STATUS.csv WIDTH
"""

import csv
import io
import sys

import typer  # noqa: F401  (the CLI framework every run loads)
import yaml  # noqa: F401  (the data format every run loads)
from rich import box
from rich.console import Console
from rich.table import Table

rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
width = int(sys.argv[2])
table = Table(title="Kế hoạch — tính đến năm 2023", caption="23 chỉ tiêu", box=box.SIMPLE_HEAD, expand=True)
for index, header in enumerate(rows[0]):
    wrap = index == 1  # the name column wraps, as kpi's does
    table.add_column(header, justify="left" if index < 3 or index == len(rows[0]) - 1 else "right", no_wrap=not wrap, ratio=1 if wrap else None)
for row in rows[1:]:
    table.add_row(*row)
out = io.StringIO()
Console(file=out, width=width, color_system=None).print(table)
sys.stdout.write(out.getvalue())
