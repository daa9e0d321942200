"""Page weight of the built site, as a reader on a slow link gets it (prints figures; not a test).

Usage: python scripts/bench.py [SITE_DIR]   (make bench: builds first)

Each page is opened in headless Chromium from a local server, as a first visit (empty cache).
Every response is counted at its gzip size (GitHub Pages compresses text; fonts and images
are counted as they are). Budget: 150 KB for the first visit of a handbook page, with the
search index fetched only when search is opened. Exit status 1 when over budget.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

from datajam.browser import CHROMIUM, CHROMIUM_ARGS, serve

BUDGET_KB = 150
PAGES = [
    "home/",
    "handbook/module-1/forms/",
    "handbook/module-2/figures/",
    "handbook/module-1/knowledge-check/",  # a knowledge check: its own quiz.css and quiz.js
    "agenda/",
    "help/",
    "fr/home/",
    "fr/handbook/module-1/forms/",
    "fr/handbook/module-3/knowledge-check/",
    "fr/handbook/module-2/figures/",
    "fr/agenda/",
]
COMPRESSED = re.compile(r"\.(html|css|js|json|svg|xml|txt|ics)$|/$")


def wire_size(url: str, body: bytes) -> int:
    path = url.split("?")[0].split("#")[0]
    return len(gzip.compress(body, 6)) if COMPRESSED.search(path) else len(body)


def measure(page, url: str) -> tuple[dict[str, int], list[str]]:
    sizes: dict[str, int] = defaultdict(int)
    urls: list[str] = []

    def on_response(response) -> None:
        try:
            body = response.body()
        except Exception:  # redirects, aborted
            return
        kind = response.request.resource_type
        sizes[kind] += wire_size(response.url, body)
        urls.append(response.url)

    page.on("response", on_response)
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("() => 'document$' in window")  # Material's bundle has run (it comes after paint)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    page.remove_listener("response", on_response)
    return dict(sizes), urls


def image_report(site_dir: Path) -> list[str]:
    notes = []
    for image in sorted(site_dir.rglob("*")):
        if image.suffix.lower() in {".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg"} and image.stat().st_size > 100_000:
            notes.append(f"large image: {image.relative_to(site_dir)} {image.stat().st_size // 1024} KB")
    unsized = 0
    for html in site_dir.rglob("*.html"):
        for tag in re.findall(r"<img\b[^>]*>", html.read_text(encoding="utf-8")):
            if "width=" not in tag or "height=" not in tag:
                unsized += 1
    if unsized:
        notes.append(f"{unsized} <img> without width and height (layout shift)")
    return notes


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    site_dir = Path(argv[1] if len(argv) > 1 else "site")
    over = []
    with serve(site_dir, compress=True) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print(f"{'page':34} {'html':>6} {'css':>6} {'js':>6} {'font':>6} {'img':>6} {'other':>6} {'total':>7} KB  requests")
        for path in PAGES:
            context = browser.new_context()
            page = context.new_page()
            sizes, urls = measure(page, base + path)
            kb = lambda *kinds: sum(sizes.get(k, 0) for k in kinds) / 1024  # noqa: E731
            known = ("document", "stylesheet", "script", "font", "image")
            other = sum(v for k, v in sizes.items() if k not in known) / 1024
            total = sum(sizes.values()) / 1024
            print(
                f"{path:34} {kb('document'):6.1f} {kb('stylesheet'):6.1f} {kb('script'):6.1f} {kb('font'):6.1f}"
                f" {kb('image'):6.1f} {other:6.1f} {total:7.1f}     {len(urls)}"
            )
            if "handbook/" in path and total > BUDGET_KB:
                over.append(f"{path}: {total:.1f} KB > {BUDGET_KB} KB")
            index_urls = [u for u in urls if "search_index" in u or "/lunr/" in u]
            if index_urls:
                over.append(f"{path}: the search index is loaded on the first visit: {index_urls}")
            # then the reader opens search: what it costs
            searched: list[tuple[str, int]] = []
            page.on("response", lambda r: searched.append((r.url, wire_size(r.url, r.body()))) if r.ok else None)
            page.locator("input.md-search__input").click()
            page.keyboard.type("data", delay=20)
            page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
            page.wait_for_timeout(300)
            extra = sum(size for _, size in searched) / 1024
            print(f"{'':34} + search opened: {extra:.1f} KB ({', '.join(u.rsplit('/', 2)[-2] + '/' + u.rsplit('/', 1)[-1] for u, _ in searched)})")
            context.close()
        browser.close()
    for note in image_report(site_dir):
        print(note)
    print(f"budget: first visit of a handbook page under {BUDGET_KB} KB, search index only on search: "
          + ("OK" if not over else "OVER"))
    for line in over:
        print("  " + line)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
