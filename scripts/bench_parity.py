"""Benchmark of the parity check: the real docs tree, then synthetic trees of 250, 500 and 1,000 page pairs.

Synthetic pages are copies of the real page pairs (so they hold real Markdown).
Prints the median of 5 runs and pages per second. Target: 1,000 pairs in under 5 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from datajam.parity.tree import Tree, check


def median_time(source: Path, target: Path, runs: int) -> tuple[float, int]:
    times, pairs = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        _, pairs = check(Tree(source, target, Path(tempfile.gettempdir()) / "no-snapshots"))
        times.append(time.perf_counter() - start)
    return statistics.median(times), pairs


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
    seconds, pairs = median_time(args.source, args.target, args.runs)
    print(f"docs tree: {pairs} page pairs in {seconds:.3f} s (median of {args.runs}), {pairs / seconds:.0f} pages/s")
    for count in (250, 500, 1000):
        with tempfile.TemporaryDirectory() as tmp:
            source, target = synthetic(args.source, args.target, Path(tmp), count)
            seconds, pairs = median_time(source, target, args.runs)
        print(f"synthetic: {pairs} page pairs in {seconds:.3f} s (median of {args.runs}), {pairs / seconds:.0f} pages/s")


if __name__ == "__main__":
    main()
