"""The search cases of issue 16 as a reader types them, shared by the served-site and offline tests."""

from __future__ import annotations

from playwright.sync_api import Page

# (language, query, a query that must list the same pages in the same order)
SAME_RESULTS = [
    ("fr", "donnees", "données"),
    ("fr", "securite", "sécurité"),
    ("fr", "l'exploitation", "exploitation"),
    ("fr", "l’exploitation", "exploitation"),
    ("fr", "recrutment", "recrutement"),
    ("en", "Fundacion", "Fundación"),
]
# (language, query, the page that must come first, relative to the language's root)
FIRST_PAGE = [
    ("fr", "ligne d'urgence", "help/resources/"),
    ("en", "hotline", "help/resources/"),
]


def searched_pages(page: Page, query: str, root: str) -> list[str]:
    """Type ``query`` into the search box of the open page; return the pages listed, best first,
    relative to ``root`` (the language's root URL) and written as directories (``help/``), both
    for the served site and the offline copy (``help/index.html``, ``help/resources.html``)."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on key events: one search, for the whole query
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    hrefs: list[str] = page.evaluate(
        "() => [...document.querySelectorAll('.md-search-result__item')].map(li => li.querySelector('a').href)"
    )
    pages = []
    for href in hrefs:
        assert href.startswith(root), (href, root)
        path = href[len(root) :].split("#")[0].split("?")[0]
        if path.endswith("index.html"):
            path = path.removesuffix("index.html")
        elif path.endswith(".html"):
            path = path.removesuffix(".html") + "/"
        pages.append(path)
    return pages
