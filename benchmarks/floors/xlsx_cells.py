"""Floor for `kpi export` to xlsx: openpyxl writing the same cells in write-only mode — the rows
and columns of the appendix, read from the CSV export made before the timing.

    python floors/xlsx_cells.py APPENDIX.csv OUT.xlsx
"""

import csv
import sys

import typer  # noqa: F401
import yaml  # noqa: F401
from openpyxl import Workbook


def cell(text: str):
    try:
        return float(text)
    except ValueError:
        return text or None


book = Workbook(write_only=True)
sheet = book.create_sheet("Chỉ tiêu")
with open(sys.argv[1], encoding="utf-8-sig") as source:
    for row in csv.reader(source):
        sheet.append([cell(value) for value in row])
book.save(sys.argv[2])
