"""Benchmark of the parity check: the real docs tree, synthetic trees of 250, 500 and 1,000 page pairs,
then one long page pair of growing size.

Synthetic pages are copies of the real page pairs (so they hold real Markdown); the long page joins
the bodies of all real pages into one English and one French page. Prints the median of 5 runs, pages
per second and CPU time per pair and per megabyte: constant CPU per pair and per megabyte means the
cost grows linearly. Target: 1,000 pairs in under 5 s with the structure checks; the full check of the
project's docs (the reviser's checks with Grammalecte and Hunspell) under 15 s. Wall time counts other work on the machine
too (the load average is printed before each row); CPU time does not.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from datajam.parity.blocks import parse_page
from datajam.parity.qa import Revision, load_revision
from datajam.parity.tree import Tree, check


def cpu_seconds() -> float:
    """CPU time of this process and its finished workers (wall time suffers from other load on the machine)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def median_time(source: Path, target: Path, runs: int, revision: Revision | None = None,
                project: Path | None = None) -> tuple[float, float, int]:
    """Median wall time, median CPU time (with Grammalecte's and Hunspell's processes), page pairs."""
    walls, cpus, pairs = [], [], 0
    for _ in range(runs):
        start, cpu = time.perf_counter(), cpu_seconds()
        _, pairs = check(Tree(source, target, Path(tempfile.gettempdir()) / "no-snapshots"), project=project,
                         revision=revision)
        walls.append(time.perf_counter() - start)
        cpus.append(cpu_seconds() - cpu)
    return statistics.median(walls), statistics.median(cpus), pairs


def report(label: str, source: Path, target: Path, runs: int, revision: Revision | None = None,
           project: Path | None = None) -> None:
    load = os.getloadavg()[0]
    wall, cpu, pairs = median_time(source, target, runs, revision, project)
    size = sum(p.stat().st_size for folder in (source, target) for p in folder.rglob("*.md")) / 1e6
    print(f"{label}: {pairs} page pairs ({size:.1f} MB) in {wall:.3f} s wall, {cpu:.3f} s CPU "
          f"(median of {runs}); {pairs / wall:.0f} pages/s, {cpu / max(pairs, 1) * 1000:.1f} ms CPU per pair, "
          f"{cpu / size:.2f} s CPU per MB; load {load:.1f}")


def page_pairs(source: Path, target: Path) -> list[Path]:
    """The pages (relative paths) that exist in both folders."""
    return sorted(p.relative_to(source) for p in source.rglob("*.md") if (target / p.relative_to(source)).is_file())


def synthetic(source: Path, target: Path, root: Path, count: int) -> tuple[Path, Path]:
    pages = page_pairs(source, target)
    if not pages:
        raise SystemExit(f"bench: no page pairs in {source} and {target}")
    for i in range(count):
        rel = pages[i % len(pages)]
        for side, folder in (("en", source), ("fr", target)):
            dest = root / side / f"copy-{i // len(pages)}" / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / rel, dest)
    return root / "en", root / "fr"


def long_page(source: Path, target: Path, root: Path, copies: int) -> tuple[Path, Path]:
    """One page pair: the bodies of every real page pair, ``copies`` times over (heading ids repeat, as they may)."""
    pages = page_pairs(source, target)
    for side, folder in (("en", source), ("fr", target)):
        parsed = [parse_page((folder / rel).read_text(encoding="utf-8")) for rel in pages]
        bodies = ["\n".join(page.text.split("\n")[page.body_line - 1 :]) for page in parsed]  # front matter left out
        text = "\n\n".join(bodies * copies)
        (root / side).mkdir(parents=True)
        (root / side / "long.md").write_text(text, encoding="utf-8")
    return root / "en", root / "fr"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, default=Path("docs/en"))
    parser.add_argument("--target", type=Path, default=Path("docs/fr"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPU(s)")
    report("docs tree, structure checks", args.source, args.target, args.runs)
    full = load_revision(Path("."))
    report("docs tree, full check (reviser's checks, Grammalecte, Hunspell, project files; target under 15 s)",
           args.source, args.target, 3, full, Path("."))
    for count in (250, 500, 1000):
        with tempfile.TemporaryDirectory() as tmp:
            source, target = synthetic(args.source, args.target, Path(tmp), count)
            report("synthetic, structure checks (target: 1,000 pairs under 5 s)", source, target, args.runs)
            if count == 1000:
                report("synthetic, structure and reviser's page checks, no tools", source, target, args.runs,
                       dataclasses.replace(full, tools=False))
    for copies in (1, 4):
        with tempfile.TemporaryDirectory() as tmp:
            source, target = long_page(args.source, args.target, Path(tmp), copies)
            report(f"long page x{copies}", source, target, args.runs)


if __name__ == "__main__":
    main()
