"""The bilingual site as a reader uses it, in real headless Chromium."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

MODULE_PAGE = "handbook/module-1/forms/"


def test_switch_goes_to_the_twin_and_back_keeping_the_section(page: Page, site_url: str) -> None:
    page.goto(site_url + MODULE_PAGE)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    anchor = page.locator("article h2[id]").first
    section = anchor.get_attribute("id") if anchor.count() else None
    if section:
        page.goto(f"{site_url}{MODULE_PAGE}#{section}")
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(f"{site_url}fr/{MODULE_PAGE}*")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    if section:
        assert urlsplit(page.url).fragment == section
    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_url(f"{site_url}{MODULE_PAGE}*")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_the_switch_works_from_the_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "fr/" + MODULE_PAGE)
    page.get_by_role("link", name="English", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + MODULE_PAGE)


def _search(page: Page, query: str) -> list[str]:
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=50)  # as a reader types; Material searches on key events
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15_000)
    return [results.nth(i).get_attribute("href") or "" for i in range(results.count())]


def test_french_search_finds_french_pages_only(page: Page, site_url: str) -> None:
    page.goto(site_url + "fr/home/")
    hrefs = _search(page, "glossaire")
    resolved = [urlsplit(page.evaluate("h => new URL(h, location.href).href", h)).path for h in hrefs]
    assert resolved, "no result"
    assert "/fr/handbook/glossary/" in resolved
    assert all(p.startswith("/fr/") for p in resolved), resolved


def test_english_search_finds_english_pages_only(page: Page, site_url: str) -> None:
    page.goto(site_url + "home/")
    hrefs = _search(page, "glossary")
    resolved = [urlsplit(page.evaluate("h => new URL(h, location.href).href", h)).path for h in hrefs]
    assert "/handbook/glossary/" in resolved
    assert not any(p.startswith("/fr/") for p in resolved), resolved


def all_page_paths(site_dir: Path) -> list[str]:
    return sorted(
        p.relative_to(site_dir).as_posix().removesuffix("index.html")
        for p in site_dir.rglob("index.html")
    )


def test_no_request_leaves_the_machine_and_no_cookie_is_set(page: Page, site_url: str, site_dir: Path) -> None:
    """Every page of both languages, loaded for real: all requests go to 127.0.0.1."""
    requests: list[str] = []
    failures: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: failures.append(response.url) if response.status >= 400 else None)
    # A request cut short because the test moves on (net::ERR_ABORTED, e.g. Material's search worker that a busy
    # machine starts after "networkidle") is no failure of the site; a missing file still answers 404 above.
    page.on("requestfailed", lambda request: failures.append(request.url) if request.failure != "net::ERR_ABORTED" else None)
    paths = all_page_paths(site_dir)
    assert len(paths) > 40
    for path in paths:
        page.goto(site_url + path, wait_until="networkidle")
    foreign = sorted({u for u in requests if urlsplit(u).hostname not in ("127.0.0.1", None) and not u.startswith("data:")})
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert failures == [], f"{len(failures)} requests failed (e.g. a sitemap prefetch), first: {failures[:5]}"
    assert page.context.cookies() == []


def test_the_page_paints_with_one_stylesheet_and_material_loads_after(page: Page, site_url: str) -> None:
    """A satellite link pays round trips for each file the first paint waits for: one stylesheet,
    no script; Material's bundle is fetched after the first paint, and then starts."""
    page.goto(site_url + MODULE_PAGE, wait_until="networkidle")
    timing = page.evaluate(
        """() => {
            const paint = performance.getEntriesByName('first-contentful-paint')[0];
            const files = performance.getEntriesByType('resource').map(e => ({name: e.name, type: e.initiatorType, start: e.startTime}));
            return {paint: paint ? paint.startTime : null, files};
        }"""
    )
    assert timing["paint"] is not None
    before = [f for f in timing["files"] if f["start"] < timing["paint"]]
    assert [f["type"] for f in before] == ["link"] and "/assets/stylesheets/datajam." in before[0]["name"], before
    (bundle,) = [f for f in timing["files"] if "/assets/javascripts/bundle." in f["name"]]
    assert bundle["start"] > timing["paint"]
    # Material has started: search works (it needs the bundle)
    page.locator("input.md-search__input").click()
    page.keyboard.type("forced", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
