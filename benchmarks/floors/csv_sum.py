"""Floor for the commune-scale case (README "Territory"): read actuals.csv with csv.reader and sum
the values per area and indicator, nothing checked, computed or printed.

    python floors/csv_sum.py DATA_DIR
"""

import csv
import sys
from pathlib import Path

sums: dict[tuple[str, str], float] = {}
with open(Path(sys.argv[1]) / "actuals.csv", encoding="utf-8", newline="") as f:
    rows = csv.reader(f)
    next(rows)
    for indicator, area, _period, value, _status, _note in rows:
        key = (area, indicator)
        sums[key] = sums.get(key, 0.0) + float(value)
