"""The bilingual site as a reader uses it, in real headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from conftest import DESKTOP, PHONE
from datajam.site.ui import load_ui_strings

pytestmark = pytest.mark.browser

MODULE_PAGE = "handbook/module-1/forms/"
UI = load_ui_strings()


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


def site_path(url: str, site_url: str) -> str:
    """``/fr/home/``: the path of ``url`` inside the site (the site may sit below the host's root)."""
    assert url.startswith(site_url), (url, site_url)
    return "/" + urlsplit(url).path[len(urlsplit(site_url).path) :]


def _search(page: Page, query: str) -> list[str]:
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=50)  # as a reader types; Material searches on key events
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15_000)
    return [results.nth(i).get_attribute("href") or "" for i in range(results.count())]


def test_french_search_finds_french_pages_only(page: Page, site_url: str) -> None:
    page.goto(site_url + "fr/home/")
    hrefs = _search(page, "glossaire")
    resolved = [site_path(page.evaluate("h => new URL(h, location.href).href", h), site_url) for h in hrefs]
    assert resolved, "no result"
    assert "/fr/handbook/glossary/" in resolved
    assert all(p.startswith("/fr/") for p in resolved), resolved


def test_english_search_finds_english_pages_only(page: Page, site_url: str) -> None:
    page.goto(site_url + "home/")
    hrefs = _search(page, "glossary")
    resolved = [site_path(page.evaluate("h => new URL(h, location.href).href", h), site_url) for h in hrefs]
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
    page.on("requestfailed", lambda request: failures.append(f"{request.url} ({request.failure})"))
    paths = all_page_paths(site_dir)
    assert len(paths) > 40
    for path in paths:
        page.goto(site_url + path, wait_until="networkidle")
        if page.locator("script[data-dj-bundle]").count():
            # Material's bundle comes after the first paint and starts the search worker: going on
            # to the next page before that would abort the worker's request (a failure here).
            page.wait_for_function("() => 'document$' in window")
            page.wait_for_load_state("networkidle")
    foreign = sorted({u for u in requests if urlsplit(u).hostname not in ("127.0.0.1", None) and not u.startswith("data:")})
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert failures == [], f"{len(failures)} requests failed (e.g. a sitemap prefetch), first: {failures[:5]}"
    assert page.context.cookies() == []


def test_the_page_paints_with_one_stylesheet_and_material_loads_after(page: Page, site_url: str) -> None:
    """A satellite link pays round trips for each file the first paint waits for: one stylesheet,
    no script; Material's bundle is fetched after the first paint, and then starts."""
    page.goto(site_url + MODULE_PAGE, wait_until="networkidle")
    page.wait_for_function("() => 'document$' in window")  # the bundle, fetched after the paint, has run
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


def test_footnote_calls_are_told_apart_and_easy_to_tap(page: Page, site_url: str) -> None:
    """Calls side by side read "[7][4][6]", not "746", and each is a target of at least 24 x 24 px."""
    page.set_viewport_size(PHONE)
    page.goto(site_url + "handbook/module-1/law-and-policy/")
    calls = page.evaluate(
        """() => [...document.querySelectorAll('article a.footnote-ref')].map(a => { const r = a.getBoundingClientRect();
            const sup = a.closest('sup');  // another call right after it, with nothing between
            return {text: sup.textContent, next: !!sup.nextSibling && sup.nextSibling === sup.nextElementSibling
                    && sup.nextElementSibling.tagName === 'SUP', x: r.x, y: r.y, width: r.width, height: r.height}; })"""
    )
    assert any(c["next"] for c in calls), "this page has no calls side by side any more: pick another page"
    assert all(re.fullmatch(r"\[\d+\]", c["text"]) for c in calls), [c["text"] for c in calls if not c["text"].startswith("[")][:5]
    small = [c for c in calls if c["width"] < 24 or c["height"] < 24]
    assert not small, f"footnote calls under 24 x 24 px: {small[:3]}"
    for a, b in zip(calls, calls[1:]):  # side by side, they do not overlap
        assert a["x"] + a["width"] <= b["x"] + 0.5 or abs(a["y"] - b["y"]) >= a["height"] - 0.5, (a, b)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_long_pages_list_their_sections_at_the_top_on_phones(page: Page, site_url: str, lang: str) -> None:
    """GOV.UK and Canada.ca: a contents list under the title; on a desktop the sidebar already shows it."""
    prefix = "" if lang == "en" else "fr/"
    page.set_viewport_size(PHONE)
    page.goto(site_url + prefix + "handbook/module-2/data-protection/")
    contents = page.get_by_role("navigation", name=UI[lang]["page_contents"], exact=True)
    expect(contents).to_be_in_viewport()  # on the first screen
    links = contents.get_by_role("link")
    sections = page.locator("article h2[id]")
    assert sections.count() >= 3
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
        "#" + (sections.nth(i).get_attribute("id") or "") for i in range(sections.count())
    ]
    links.last.click()
    expect(sections.last).to_be_in_viewport()
    page.goto(site_url + prefix + "agenda/changes/")  # a short page: no list
    expect(page.get_by_role("navigation", name=UI[lang]["page_contents"], exact=True)).to_have_count(0)
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + prefix + "handbook/module-2/data-protection/")
    expect(page.get_by_role("navigation", name=UI[lang]["page_contents"], exact=True)).to_be_hidden()


@pytest.mark.parametrize("lang,query", [("en", "bondage"), ("fr", "servitude")])
def test_search_highlights_the_words_but_leaves_them_out_of_the_address(
    page: Page, site_url: str, lang: str, query: str
) -> None:
    """Material passes the words in the result's address (``?h=``); once read, they leave the address bar and the
    tab's Back/Forward list (someone looking at the phone would otherwise see what was searched for)."""
    page.goto(site_url + ("" if lang == "en" else "fr/") + "home/")
    _search(page, query)
    result = page.locator(".md-search-result__item a[href*='#']").first  # a section: its #fragment must stay
    href = urlsplit(result.evaluate("a => a.href"))
    assert "h=" in href.query and href.fragment  # the words travel in the address: what this test is about
    entries = page.evaluate("() => history.length")
    result.click()
    marks = page.locator("article mark")
    expect(marks.first).to_be_visible(timeout=15_000)
    assert all(query in t.lower() for t in marks.all_text_contents())
    assert page.evaluate("() => new URLSearchParams(location.search).has('h')") is False, page.url
    assert (urlsplit(page.url).path, urlsplit(page.url).fragment) == (href.path, href.fragment)
    assert page.evaluate("() => history.length") == entries + 1  # the result's entry, replaced: not a second one
    # This tab's session history (with no-referrer, the Navigation API gives only the current entry's address).
    visited = page.evaluate("() => navigation.entries().map(e => e.url)")
    assert visited[-1] == page.url and not [url for url in visited if url and urlsplit(url).query], visited
    page.go_back()
    page.go_forward()
    assert not urlsplit(page.url).query, page.url  # the query, not the word: a section id (debt-bondage) may hold it


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_printed_page_says_where_it_came_from(page: Page, site_url: str, lang: str) -> None:
    """Site name, the page's public address and the help line; no footnote back links ("↩")."""
    page.goto(site_url + ("" if lang == "en" else "fr/") + "handbook/module-2/data-sources/")
    address = page.locator("link[rel=canonical]").get_attribute("href")
    site_name = page.evaluate("() => document.title.split(' - ').pop()")  # Material: "<page> - <site name>"
    assert page.locator("a.footnote-backref").count() > 0
    page.emulate_media(media="print")
    printed = page.evaluate("() => document.body.innerText")
    for wanted in (site_name, address, UI[lang]["help_line_lead"], "1-833-900-1010", UI[lang]["help_emergency"]):
        assert wanted in printed, f"not printed: {wanted!r}"
    assert "\u21a9" not in printed
    page.emulate_media(media="screen")
    screen = page.evaluate("() => document.body.innerText")
    assert address not in screen, "the address shows on screen"
