"""Floor of `kpi import`: import typer and openpyxl and read every cell of a workbook with
openpyxl's read-only mode (the least any reader of the cells does).

    python floors/xlsx_read.py BOOK.xlsx
"""

import sys

import typer  # noqa: F401
from openpyxl import load_workbook

book = load_workbook(sys.argv[1], read_only=True, data_only=False)
cells = 0
for sheet in book.worksheets:
    for row in sheet.iter_rows(values_only=True):
        cells += len(row)
book.close()
