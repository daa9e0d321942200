"""Readers' privacy enforced by the browser (issue 17), in real headless Chromium: every page runs under
its Content Security Policy without a single violation, the policy blocks what the site does not ship,
and a source link tells the source nothing of where the reader came from.

The policy itself is written by the build (datajam.site.csp); tests/test_site_csp.py checks its text.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from conftest import watch_policy
from datajam.site import csp
from datajam.site.ui import load_ui_strings

pytestmark = pytest.mark.browser

MODULE_PAGE = "handbook/module-1/forms/"
UI = load_ui_strings()
NEUTRAL_STUB = "<!doctype html><html lang=en><title>Weather</title><h1>Weather</h1></html>"
MATERIAL_STARTED = "() => !document.querySelector('script[data-dj-bundle]') || window.document$ !== undefined"
POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')


def every_page(site_dir: Path) -> list[str]:
    """Both languages, the splash page, the print pages (``…/print/``) and the 404 page."""
    paths = sorted(p.relative_to(site_dir).as_posix().removesuffix("index.html") for p in site_dir.rglob("index.html"))
    return paths + ["404.html"]


def test_every_page_of_both_languages_runs_under_its_policy_without_a_violation(browser: Browser, site_url: str, site_dir: Path) -> None:
    context = browser.new_context()
    found = watch_policy(context)
    page = context.new_page()
    paths = every_page(site_dir)
    assert {"", "fr/", "print/", "fr/print/", "404.html", "agenda/", "fr/agenda/"} <= set(paths) and len(paths) > 60
    try:
        for path in paths:
            page.goto(site_url + path, wait_until="networkidle")
            page.wait_for_function(MATERIAL_STARTED)  # Material's bundle has run where the page loads it
            policies = page.locator('meta[http-equiv="Content-Security-Policy"]')
            assert policies.count() == 1, path
            assert "'unsafe-inline'" not in (policies.get_attribute("content") or ""), path
            assert page.locator('meta[name="referrer"]').get_attribute("content") == "no-referrer", path
            rels = page.locator("a[data-dj-exit]").evaluate_all("links => links.map(a => a.rel)")
            assert all("noreferrer" in rel.split() for rel in rels), (path, rels)
    finally:
        context.close()
    assert found == [], f"{len(found)} violation(s) or error(s), first: {found[:5]}"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_what_readers_use_runs_under_the_policy(browser: Browser, site_url: str, lang: str) -> None:
    """The agenda's local times, the colour scheme, glossary tooltips, search, the language switch and
    the quick exit: each still works, and the browser reports nothing."""
    context = browser.new_context(timezone_id="America/Vancouver")
    found = watch_policy(context)
    page = context.new_page()
    prefix = "" if lang == "en" else "fr/"
    other = "fr" if lang == "en" else "en"
    for strings in UI.values():  # the neutral sites are never contacted
        page.route(strings["quick_exit_url"] + "**", lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_STUB))
    try:
        page.goto(site_url + prefix + "agenda/")
        expect(page.locator(".dj-session__local").first).to_be_visible()  # written by assets/agenda.js
        page.goto(site_url + prefix + MODULE_PAGE)
        page.wait_for_function(MATERIAL_STARTED)
        page.locator("label[for='__palette_1']").click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        page.locator("article abbr[title]").first.hover()
        expect(page.locator(".md-tooltip2--active, .md-tooltip--active").first).to_be_visible()
        page.locator("input.md-search__input").click()
        page.keyboard.type("forced" if lang == "en" else "forcé", delay=40)
        result = page.locator(".md-search-result__item a").first
        result.wait_for(timeout=15_000)
        result.click()
        page.wait_for_load_state()
        page.wait_for_function(MATERIAL_STARTED)
        page.locator(f"a.dj-lang__link[hreflang='{other}']").click()
        expect(page.locator("html")).to_have_attribute("lang", other)
        page.wait_for_function(MATERIAL_STARTED)
        page.locator("#dj-exit").click()
        page.wait_for_url(UI[other]["quick_exit_url"] + "**")
    finally:
        context.close()
    assert found == [], f"{len(found)} violation(s) or error(s): {found[:5]}"


def inject(page: Page, url: str, markup: str, keep_policy: bool = True) -> None:
    """Serve the built page at ``url`` with ``markup`` added at the end of its body (as an attacker or a
    mistaken edit would add it); ``keep_policy=False``: without its Content Security Policy."""

    def handle(route: Route) -> None:
        response = route.fetch()
        text = response.text().replace("</body>", markup + "</body>", 1)
        route.fulfill(response=response, body=text if keep_policy else POLICY_META.sub("", text))

    page.route(url, handle)


def test_the_browser_blocks_a_script_and_an_image_from_another_host(browser: Browser, site_url: str, other_origin: tuple) -> None:
    other, received = other_origin
    markup = f'<script src="{other}tracker.js"></script><img src="{other}pixel.png" alt=""><script>window.__djInjected = 1</script>'
    # Chromium treats a page Playwright serves (route.fulfill) as public and asks before it reaches 127.0.0.1
    # (Local Network Access): granted, so that the page's policy is the only thing that can block the loads.
    context = browser.new_context(permissions=["local-network-access"])
    found = watch_policy(context)
    page = context.new_page()
    try:
        inject(page, site_url + MODULE_PAGE, markup)
        page.goto(site_url + MODULE_PAGE, wait_until="networkidle")
        assert received == [], "the other host was contacted"
        assert page.evaluate("() => window.__djInjected") is None
        violations = " | ".join(found)
        assert f"script-src-elem blocked {other}tracker.js" in violations, found
        assert f"img-src blocked {other}pixel.png" in violations, found
        assert "script-src-elem blocked inline" in violations, found
        # Control: the same page without its policy loads both and runs the script (so the test can fail).
        control = context.new_page()
        inject(control, site_url + MODULE_PAGE, markup, keep_policy=False)
        control.goto(site_url + MODULE_PAGE, wait_until="networkidle")
        assert sorted(r["path"] for r in received) == ["/pixel.png", "/tracker.js"]
        assert control.evaluate("() => window.__djInjected") == 1
    finally:
        context.close()


def test_styles_the_build_hashed_apply_and_a_style_added_later_does_not(page: Page, site_url: str) -> None:
    """A <style> element and a style attribute in a page get their hashes from the build (as the agenda's
    timetable will need); one added after the policy was written is refused."""
    found = watch_policy(page.context)
    shipped = '<style>.dj-probe { color: rgb(1, 2, 3); }</style><p id="dj-hashed" class="dj-probe" style="margin-left: 7px">a</p>'

    def handle(route: Route) -> None:
        response = route.fetch()
        text = csp.with_policy(response.text().replace("</article>", shipped + "</article>", 1))  # as the build does
        text = text.replace("</article>", '<p id="dj-late" style="margin-left: 9px">b</p></article>', 1)
        route.fulfill(response=response, body=text)

    page.route(site_url + MODULE_PAGE, handle)
    page.goto(site_url + MODULE_PAGE, wait_until="networkidle")
    style = "([id, name]) => getComputedStyle(document.getElementById(id))[name]"
    assert page.evaluate(style, ["dj-hashed", "color"]) == "rgb(1, 2, 3)"
    assert page.evaluate(style, ["dj-hashed", "marginLeft"]) == "7px"
    assert page.evaluate(style, ["dj-late", "marginLeft"]) == "0px"
    assert [f.split(" in ")[0] for f in found if f.startswith("CSP:")] == ["CSP: style-src-attr blocked inline"], found


def test_following_a_source_link_sends_no_referer(browser: Browser, site_url: str, other_origin: tuple) -> None:
    """The source's server (here a second local origin) learns nothing of the handbook page the reader left."""
    other, received = other_origin
    context = browser.new_context()
    try:
        for keep_policy in (True, False):
            page = context.new_page()
            if not keep_policy:  # control: the same page without its referrer policy
                page.route(site_url + MODULE_PAGE, lambda route: route.fulfill(
                    response=(r := route.fetch()), body=r.text().replace(csp.REFERRER, "")))
            page.goto(site_url + MODULE_PAGE)
            link = page.locator("article a[href^='https://www150.statcan.gc.ca/']").first.element_handle()
            assert link.get_attribute("rel") is None  # a plain link: the page's policy is what protects the reader
            link.evaluate("(a, url) => { a.href = url + 'statistics' }", other)  # the source, served locally
            link.click()
            page.wait_for_url(other + "statistics")
            page.close()
        with_policy, without_policy = [r for r in received if r["path"] == "/statistics"]  # not the stub's favicon
        assert "referer" not in with_policy, with_policy
        origin = urljoin(site_url, "/")  # the site may sit below the host's root: only the origin is sent
        assert without_policy["referer"] == origin, "the control should send the origin (Chromium's default policy)"
    finally:
        context.close()
