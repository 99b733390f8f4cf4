"""Ratios for issue #14: `kpi record` against one parse and one write of the same files, and the
time to locate errors at 1, 2 and 4 MB (linear means each doubling about doubles the time).

    python benchmarks/record_and_errors.py                    # 10.000 and 100.000 indicators
    python benchmarks/record_and_errors.py --sizes 10000      # a quick run

In-process timings (median of --runs), so start-up does not hide the work. No goal is asserted:
the figures are printed for the README and the lead's benchmark table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from make_data import generate  # noqa: E402

from soctrang_kpi.core.model import PointStatus  # noqa: E402
from soctrang_kpi.errors import DataError  # noqa: E402
from soctrang_kpi.files import atomic, load, record  # noqa: E402


def _median(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def record_ratio(count: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        targets, actuals = generate(count)
        (folder / "targets.yaml").write_text(targets, encoding="utf-8")
        (folder / "actuals.yaml").write_text(actuals, encoding="utf-8")
        data = (folder / "actuals.yaml").read_bytes()

        def floor() -> None:  # what any command pays: read and check both files, write one
            load.read(folder)
            atomic.write_atomic(folder / "floor.yaml", data)

        value = record.parse_value("1.5")
        parse_write = _median(runs, floor)
        # a year inside the plan: a year outside it is a warning, which composes the file to locate it
        recorded = _median(runs, lambda: record.record(folder, lambda ds: "ind-000001", 2025, value, PointStatus.PLAN, True))
        print(f"kpi record, {count:,} indicators ({len(data) / 1e6:.1f} MB actuals): {recorded:.2f} s; "
              f"parse + write {parse_write:.2f} s; ratio {recorded / parse_write:.2f}")


def error_times(runs: int) -> None:
    targets, _ = generate(10)
    previous = None
    for megabytes in (1, 2, 4):
        lines = ["schema_version: 1", "series:"]
        size, n = 0, 0
        while size < megabytes * 1_000_000:
            line = f"  unknown-{n:07d}:\n    actual: {{2020: 1.5, 2021: 2.5}}"
            lines.append(line)
            size += len(line) + 1
            n += 1
        actuals = "\n".join(lines) + "\n"

        def locate() -> None:
            try:
                load.load_texts(targets, actuals)
            except DataError as err:
                assert len(err.problems) == n
            else:
                raise AssertionError("expected errors")

        took = _median(runs, locate)
        ratio = f"; {took / previous:.2f} × the previous size" if previous else ""
        print(f"locating {n:,} errors in {megabytes} MB: {took:.2f} s{ratio}")
        previous = took


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-errors", action="store_true", help="only the record ratio")
    args = parser.parse_args()
    if not args.no_errors:
        error_times(args.runs)
    for count in args.sizes:
        record_ratio(count, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
