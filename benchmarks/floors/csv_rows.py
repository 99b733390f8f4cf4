"""Floor of `kpi export` to csv, md and html: read the appendix's rows with csv.reader and write
them again with csv.writer (the rows made by the CSV export before the timing).

    python floors/csv_rows.py APPENDIX.csv OUT.csv
"""

import csv
import sys

import typer  # noqa: F401
import yaml  # noqa: F401

with open(sys.argv[1], encoding="utf-8-sig", newline="") as source, open(sys.argv[2], "w", encoding="utf-8", newline="") as out:
    csv.writer(out).writerows(csv.reader(source))
