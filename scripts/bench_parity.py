"""Benchmark of the parity check: the real docs tree, then synthetic trees of 250, 500 and 1,000 page pairs.

Synthetic pages are copies of the real page pairs (so they hold real Markdown).
Prints the median of 5 runs and pages per second. Target: 1,000 pairs in under 5 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from datajam.parity.tree import Tree, check


def cpu_seconds() -> float:
    """CPU time of this process and its finished workers (wall time suffers from other load on the machine)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def median_time(source: Path, target: Path, runs: int) -> tuple[float, float, int]:
    """Median wall time, median CPU time, page pairs."""
    walls, cpus, pairs = [], [], 0
    for _ in range(runs):
        start, cpu = time.perf_counter(), cpu_seconds()
        _, pairs = check(Tree(source, target, Path(tempfile.gettempdir()) / "no-snapshots"))
        walls.append(time.perf_counter() - start)
        cpus.append(cpu_seconds() - cpu)
    return statistics.median(walls), statistics.median(cpus), pairs


def report(label: str, source: Path, target: Path, runs: int) -> None:
    wall, cpu, pairs = median_time(source, target, runs)
    size = sum(p.stat().st_size for folder in (source, target) for p in folder.rglob("*.md")) / 1e6
    print(f"{label}: {pairs} page pairs ({size:.1f} MB) in {wall:.3f} s wall, {cpu:.3f} s CPU "
          f"(median of {runs}); {pairs / wall:.0f} pages/s, {cpu / max(pairs, 1) * 1000:.1f} ms CPU per pair")


def synthetic(source: Path, target: Path, root: Path, count: int) -> tuple[Path, Path]:
    pages = sorted(p.relative_to(source) for p in source.rglob("*.md") if (target / p.relative_to(source)).is_file())
    if not pages:
        raise SystemExit(f"bench: no page pairs in {source} and {target}")
    for i in range(count):
        rel = pages[i % len(pages)]
        for side, folder in (("en", source), ("fr", target)):
            dest = root / side / f"copy-{i // len(pages)}" / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / rel, dest)
    return root / "en", root / "fr"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, default=Path("docs/en"))
    parser.add_argument("--target", type=Path, default=Path("docs/fr"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPU(s)")
    report("docs tree", args.source, args.target, args.runs)
    for count in (250, 500, 1000):
        with tempfile.TemporaryDirectory() as tmp:
            source, target = synthetic(args.source, args.target, Path(tmp), count)
            report("synthetic", source, target, args.runs)


if __name__ == "__main__":
    main()
