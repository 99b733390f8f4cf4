"""Write a large targets.yaml and actuals.yaml for benchmarks.

    python benchmarks/make_data.py N OUTDIR

N indicators of mixed kinds (levels both ways, growth and average targets with ranges,
thresholds, progress, and groups of three sub-indicators), with values for 2020–2025: actual
2020–2022, estimate 2023, plan 2024–2025. Block YAML, the cheapest layout to parse. The numbers
come from a seeded generator, so the same N always gives the same files.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

KINDS = ["level", "level_down", "growth", "average", "threshold", "progress", "group"]


def generate(count: int, seed: int = 2023) -> tuple[str, str]:
    rng = random.Random(seed)
    indicators = ["schema_version: 1", "indicators:"]
    targets = []
    series = ["schema_version: 1", "series:"]
    number = 0
    made = 0
    while made < count:
        number += 1
        kind = KINDS[number % len(KINDS)]
        ident = f"ind-{number:06d}"
        indicators += [f"- id: {ident}", f"  name: Chỉ tiêu số {number} về phát triển kinh tế - xã hội", "  unit: '%'"]
        made += 1
        if kind == "group":
            targets += [f"  - indicator: {ident}", f"    number: '{number}'", "    kind: group"]
            for sub in range(1, 4):
                if made >= count:
                    break
                child = f"{ident}-{sub}"
                indicators += [f"- id: {child}", f"  name: Chỉ tiêu thành phần {number}.{sub}", "  unit: '%'", f"  parent: {ident}"]
                targets += _target(child, f"{number}.{sub}", "level", rng)
                series += _series(child, "level", rng)
                made += 1
            continue
        targets += _target(ident, str(number), kind, rng)
        series += _series(ident, kind, rng)
    plan = [
        "plans:",
        "- id: term",
        "  name: Kế hoạch nhiệm kỳ 2020–2025 (dữ liệu thử)",
        "  base_year: 2020",
        "  target_year: 2025",
        "  targets:",
    ]
    return "\n".join(indicators + plan + targets) + "\n", "\n".join(series) + "\n"


def _target(ident: str, number: str, kind: str, rng: random.Random) -> list[str]:
    lines = [f"  - indicator: {ident}", f"    number: '{number}'"]
    if kind == "level_down":
        return lines + ["    kind: level", "    direction: at_most", f"    value: {rng.uniform(5, 20):.2f}"]
    if kind == "average":
        low = rng.uniform(1, 3)
        return lines + ["    kind: average", f"    range: [{low:.2f}, {low + 1:.2f}]"]
    if kind == "threshold":
        return lines + ["    kind: threshold", f"    value: {rng.uniform(60, 80):.2f}"]
    if kind == "growth":
        return lines + ["    kind: growth", f"    value: {rng.uniform(5, 9):.2f}"]
    if kind == "progress":
        return lines + ["    kind: progress", f"    value: {rng.uniform(1200, 1500):.0f}"]
    return lines + ["    kind: level", f"    value: {rng.uniform(100, 140):.2f}"]


def _series(ident: str, kind: str, rng: random.Random) -> list[str]:
    if kind in ("growth", "average"):
        values = [rng.uniform(-1, 10) for _ in range(6)]
    elif kind == "threshold":
        values = [rng.uniform(70, 95) for _ in range(6)]
    elif kind == "level_down":
        values = [rng.uniform(15, 30) for _ in range(6)]
    else:
        start = rng.uniform(60, 100) if kind != "progress" else rng.uniform(900, 1000)
        values = [start * (1 + rng.uniform(0, 0.08)) ** year for year in range(6)]
    statuses = {"actual": (2020, 2021, 2022), "estimate": (2023,), "plan": (2024, 2025)}
    lines = [f"  {ident}:"]
    for status, years in statuses.items():
        lines.append(f"    {status}:")
        lines += [f"      {year}: {values[year - 2020]:.2f}" for year in years]
    return lines


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    targets, actuals = generate(count)
    (out / "targets.yaml").write_text(targets, encoding="utf-8")
    (out / "actuals.yaml").write_text(actuals, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
