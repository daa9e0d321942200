"""Search benchmark (prints figures; not a test): does a reader's query find the page they want?

Usage: python scripts/bench_search.py [SITE_DIR]   (make bench: builds first)

For each language, runs every query of data/search/bench.yml through the built site's own search
(Material's worker with ours, in Node: datajam.site.search) and prints the share of queries whose
page comes in the first three (target 95 %) and, where a query asks for it, first. Then opens
search in headless Chromium on a handbook page, as a first visit, and prints the bytes a first
search fetches (gzip sizes, as GitHub Pages sends them). Exit status 1 below target.
"""

from __future__ import annotations

import sys
from pathlib import Path

from datajam import LANGUAGES
from datajam.browser import CHROMIUM, CHROMIUM_ARGS, serve, wire_size
from datajam.site.search import load_cases, run_cases

TARGET = 0.95
PAGE = "handbook/module-1/forms/"
FIRST_QUERY = {"en": "recruitment", "fr": "recrutement"}


def first_search_bytes(browser, url: str, query: str) -> tuple[int, list[str]]:
    """Bytes fetched from the moment a reader clicks the search box until the first results show."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("() => 'document$' in window")  # Material's bundle has run (it comes after paint)
    page.wait_for_load_state("networkidle")
    fetched: list[tuple[str, int]] = []
    page.on("response", lambda r: fetched.append((r.url, wire_size(r.url, r.body()))) if r.ok else None)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    page.wait_for_timeout(300)
    context.close()
    return sum(size for _, size in fetched), [u.rsplit("/", 1)[-1] for u, _ in fetched]


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

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
    with serve(site_dir, compress=True) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in LANGUAGES:
            url = base + ("" if lang == LANGUAGES[0] else f"{lang}/") + PAGE
            size, names = first_search_bytes(browser, url, FIRST_QUERY[lang])
            print(f"{lang}: a first search ({FIRST_QUERY[lang]!r}) fetches {size / 1024:.1f} KB: {', '.join(names)}")
        browser.close()
    print(f"target: {TARGET:.0%} of queries find their page in the first three in each language: "
          + ("OK" if not below else "BELOW"))
    for line in below:
        print("  " + line)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
