"""Search benchmark (prints figures; not a test): does a reader's query find the page they want?

Usage: python scripts/bench_search.py [SITE_DIR]   (make bench: builds first)

For each language, runs every query of data/search/bench.yml through the built site's own search
(Material's worker with ours, in Node: datajam.site.search) and prints the share of queries whose
page comes in the first three (target 95 %) and, where a query asks for it, first. Exit status 1
below target. The bytes a first search fetches are measured in Chromium by scripts/bench.py
("+ search opened"), which `make bench` runs first.
"""

from __future__ import annotations

import sys
from pathlib import Path

from datajam.site.search import load_cases, run_cases

TARGET = 0.95


def main(argv: list[str]) -> int:
    site_dir = Path(argv[1] if len(argv) > 1 else "site")
    below = []
    for lang, cases in load_cases().items():
        outcomes = run_cases(site_dir, lang, cases)
        top3 = sum(o.in_top3 for o in outcomes) / len(outcomes)
        firsts = [o for o in outcomes if o.case.first]
        first = sum(o.ok for o in firsts) / len(firsts)
        print(f"{lang}: {len(outcomes)} queries, page in the first three: {top3:.1%}; "
              f"first where asked ({len(firsts)}): {first:.1%}")
        for o in outcomes:
            if not o.ok:
                where = "first" if o.case.first else "in the first three"
                print(f"    {o.case.query!r}: wanted {o.case.page} {where}, got {o.pages[:3]}")
        if top3 < TARGET:
            below.append(f"{lang}: {top3:.1%} < {TARGET:.0%}")
    verdict = "BELOW (" + "; ".join(below) + ")" if below else "OK"
    print(f"target: {TARGET:.0%} of queries find their page in the first three in each language: {verdict}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
