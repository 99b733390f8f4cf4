"""How fast `kpi` is, as ratios to floors measured in the same run.

    python benchmarks/run.py                       # everything: start-up, 10.000 and 100.000 indicators
    python benchmarks/run.py --sizes 10000 --runs 5 --json results.json

Every case runs whole processes: one warm-up, then the median of --runs runs of wall time, and
the peak memory (max RSS) of the process. Each is compared with a floor that does the least any
implementation must do: start Python and import the libraries, and, for the large data, parse
the same two files with PyYAML's C loader. Linux or macOS (it uses os.wait4).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_data import generate  # noqa: E402

PY = sys.executable


def kpi_command() -> list[str]:
    script = Path(PY).parent / "kpi"
    return [str(script)] if script.exists() else [PY, "-m", "soctrang_kpi"]


@dataclass
class Measure:
    seconds: float  # median wall time
    peak_mb: float  # median peak RSS
    runs: list[float]


def run_once(cmd: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one process, its output read through a pipe."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
    while proc.stdout.read(1 << 20):
        pass
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode()[:500]}")
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return elapsed, rss


def measure(cmd: list[str], runs: int, cwd: Path, env: dict | None = None, before=None) -> Measure:
    env = {**os.environ, **(env or {})}
    samples = []
    for i in range(runs + 1):  # the first run warms the OS caches and is not counted
        if before:
            before()
        sample = run_once(cmd, env, cwd)
        if i:
            samples.append(sample)
    times = [t for t, _ in samples]
    return Measure(statistics.median(times), statistics.median(m for _, m in samples), times)


@dataclass
class Row:
    case: str
    seconds: float
    floor_seconds: float | None
    ratio: float | None
    goal: str
    peak_mb: float
    floor_mb: float | None
    mem_ratio: float | None
    met: bool


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated indicator counts ('' for none)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    kpi = kpi_command()
    work = Path(tempfile.mkdtemp(prefix="kpi-bench-"))
    rows: list[Row] = []
    nocache = {"KPI_CACHE": "0"}

    def add(case, ours: Measure, floor: Measure | None, goal: float | None, mem_goal: float | None = None, absolute: float | None = None):
        ratio = ours.seconds / floor.seconds if floor else None
        mem_ratio = ours.peak_mb / floor.peak_mb if floor else None
        met = True
        goals = [] if goal or mem_goal or absolute else ["(shown, no goal)"]
        if goal is not None:
            met &= ratio <= goal
            goals.append(f"ratio ≤ {goal}")
        if mem_goal is not None:
            met &= mem_ratio <= mem_goal
            goals.append(f"memory ≤ {mem_goal}×")
        if absolute is not None:
            met &= ours.seconds <= absolute
            goals.append(f"≤ {absolute} s")
        rows.append(Row(case, ours.seconds, floor.seconds if floor else None, ratio, ", ".join(goals), ours.peak_mb,
                        floor.peak_mb if floor else None, mem_ratio, met))
        print(f"  {case}: {ours.seconds:.3f} s" + (f" (floor {floor.seconds:.3f} s, ratio {ratio:.2f})" if floor else ""), file=sys.stderr)

    print(f"kpi: {' '.join(kpi)}", file=sys.stderr)
    startup_cache = work / "cache-startup"
    cached = {"KPI_CACHE_DIR": str(startup_cache)}

    def forget_answers():  # keep the checked dataset, drop the remembered answers
        for entry in startup_cache.glob("answer-*"):
            entry.unlink()

    for label, command, floor_code, goal in (
        ("kpi status (table, piped)", ["status"], "import typer, rich.console, rich.table, yaml", 1.25),
        ("kpi show 5 --json", ["show", "5", "--json"], "import typer, yaml", 1.2),
    ):
        floor = measure([PY, "-c", floor_code], args.runs, work)
        add(f"{label}: same question again (answer cached)", measure(kpi + command, args.runs, work, cached), floor, goal)
        add(f"{label}: new question, same files (dataset cached)", measure(kpi + command, args.runs, work, cached, before=forget_answers), floor, None)
        add(f"{label}: files changed (nothing cached)", measure(kpi + command, args.runs, work, nocache), floor, None)

    warm_times = {}
    for size in sizes:
        data = work / f"data-{size}"
        data.mkdir()
        targets, actuals = generate(size)
        (data / "targets.yaml").write_text(targets, encoding="utf-8")
        (data / "actuals.yaml").write_text(actuals, encoding="utf-8")
        parse = (
            "import typer, yaml\n"
            f"for name in ('targets.yaml', 'actuals.yaml'):\n"
            f"    yaml.load(open({str(data)!r} + '/' + name, encoding='utf-8').read(), Loader=yaml.CSafeLoader)\n"
        )
        floor = measure([PY, "-c", parse], args.runs, work)
        cache_dir = work / f"cache-{size}"
        env = {"KPI_CACHE_DIR": str(cache_dir)}
        command = kpi + ["status", "--json", "--data-dir", str(data)]
        cold = measure(command, args.runs, work, env, before=lambda where=cache_dir: shutil.rmtree(where, ignore_errors=True))
        add(f"kpi status --json, {size:,} indicators, files changed", cold, floor, 1.5, 3.0)
        warm = measure(command, args.runs, work, env)  # the warm-up run fills the cache
        warm_times[size] = warm.seconds
        add(f"kpi status --json, {size:,} indicators, files unchanged", warm, None, None, absolute=2.0 if size >= 100_000 else None)
    if 10_000 in warm_times and 100_000 in warm_times:
        factor = warm_times[100_000] / warm_times[10_000]
        rows.append(Row("unchanged files: time at 100.000 / time at 10.000", factor, None, None, "≤ 12 (linear)", 0, None, None, factor <= 12))

    print(f"\nMachine: {machine()}\n")
    print("| case | median | floor | ratio | goal | peak memory | floor memory | memory ratio | met |")
    print("|---|---:|---:|---:|---|---:|---:|---:|---|")
    for r in rows:
        if r.case.startswith("unchanged files: time"):
            print(f"| {r.case} | {r.seconds:.2f}× | | | {r.goal} | | | | {'yes' if r.met else 'NO'} |")
            continue
        print(
            f"| {r.case} | {r.seconds:.3f} s | {_opt(r.floor_seconds, '.3f', ' s')} | {_opt(r.ratio, '.2f')} | {r.goal} "
            f"| {r.peak_mb:.0f} MB | {_opt(r.floor_mb, '.0f', ' MB')} | {_opt(r.mem_ratio, '.2f')} | {'yes' if r.met else 'NO'} |"
        )
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "runs": args.runs, "rows": [asdict(r) for r in rows]}, indent=2))
    shutil.rmtree(work, ignore_errors=True)
    return 0 if all(r.met for r in rows) else 1


def _opt(value: float | None, spec: str, suffix: str = "") -> str:
    return "" if value is None else f"{value:{spec}}{suffix}"


if __name__ == "__main__":
    sys.exit(main())
