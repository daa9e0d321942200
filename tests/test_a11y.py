"""WCAG 2.1 AA: axe-core, injected into real Chromium, on every page of both languages, in light
and dark schemes, plus keyboard checks. axe-core comes from npm (package.json, `npm ci`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import DESKTOP, PHONE, ROOT
from datajam.site.ui import load_ui_strings

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MODULE_PAGE = "handbook/module-1/forms/"


def all_pages(site_dir: Path) -> list[str]:
    paths = sorted(p.relative_to(site_dir).as_posix().removesuffix("index.html") for p in site_dir.rglob("index.html"))
    return paths + ["404.html"]


def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does it).", pytrace=False)
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Page, source: str, label: str, scheme: str) -> list[dict]:
    """axe-core's WCAG 2.1 AA violations on the page as it stands, labelled with the page and scheme."""
    if page.locator("script[data-dj-bundle]").count():
        # Material's bundle comes after the first paint and rewrites parts of the page: axe must not run
        # while it does (axe then fails to name a node that left the page, as seen once under load)
        page.wait_for_function("() => 'document$' in window")
        page.wait_for_load_state("networkidle")
    page.evaluate(source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => ({target: n.target}))})))",
        WCAG_TAGS,
    )
    return [{**v, "page": label, "scheme": scheme} for v in result]


def format_violations(found: list[dict]) -> str:
    lines = []
    for v in found:
        nodes = "; ".join(" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"]) for n in v["nodes"][:5])
        lines.append(f"{v['page']} [{v['scheme']}] {v['id']} ({v['impact']}): {v['help']} -> {nodes}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(browser: Browser, site_url: str, site_dir: Path, scheme: str) -> None:
    source = axe_source()
    context = browser.new_context()
    page = context.new_page()
    page.emulate_media(color_scheme=scheme)  # Material follows prefers-color-scheme
    found: list[dict] = []
    try:
        for path in all_pages(site_dir):
            page.goto(site_url + path)
            expected = "slate" if scheme == "dark" else "default"
            page.wait_for_function(  # Material has applied the scheme (the print page has none)
                "e => !document.body.hasAttribute('data-md-color-scheme')"
                " || document.body.getAttribute('data-md-color-scheme') === e", arg=expected
            )
            found += axe_violations(page, source, path or "/", scheme)
    finally:
        context.close()
    assert not found, f"axe-core found {len(found)} violation(s):\n{format_violations(found)}"


def test_axe_finds_no_violation_with_the_drawer_open_on_a_phone(page: Page, site_url: str) -> None:
    """The open drawer shows the quick-exit button above it (tests/test_safety_quick_exit.py)."""
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(site_url + MODULE_PAGE, wait_until="networkidle")
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.locator("#dj-exit")).to_be_in_viewport()
    found = axe_violations(page, axe_source(), MODULE_PAGE, "light, drawer open")
    assert not found, f"axe-core found {len(found)} violation(s):\n{format_violations(found)}"


def focus_ring(page: Page) -> dict:
    return page.evaluate(
        """() => { const a = document.activeElement;
        // Material's palette toggle: a hidden radio whose next sibling, a label, shows the focus
        const e = a.classList.contains('md-option') && a.nextElementSibling ? a.nextElementSibling : a;
        const s = getComputedStyle(e), r = e.getBoundingClientRect();
        return {tag: a.tagName, text: (a.textContent || a.getAttribute('aria-label') || '').trim().slice(0, 40),
                outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none',
                visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight}; }"""
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_header_control_is_reached_by_tab_and_visibly_focused(page: Page, site_url: str, lang: str) -> None:
    page.goto(site_url + ("" if lang == "en" else "fr/") + MODULE_PAGE)
    seen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        ring = focus_ring(page)
        seen.append(ring)
        if ring["tag"] == "BODY":
            continue
        assert ring["visible"] and (ring["outline"] or ring["shadow"]), f"focus not visible on {ring}"
    texts = " | ".join(r["text"] for r in seen)
    assert {"Exit this page", "Quitter cette page"} & {r["text"] for r in seen}, texts
    assert any(r["text"] in ("Français", "English") for r in seen), f"language switch not reached: {texts}"


def test_header_controls_are_visibly_focused_before_material_s_script_arrives(page: Page, site_url: str) -> None:
    """On a slow link Material's bundle comes after the first paint (or never): no control may take
    keyboard focus unseen meanwhile."""
    page.route("**/assets/javascripts/bundle.*", lambda route: None)  # never arrives
    page.goto(site_url + MODULE_PAGE, wait_until="commit")
    page.locator("#dj-exit").wait_for()
    seen = []
    for _ in range(10):
        page.keyboard.press("Tab")
        ring = focus_ring(page)
        seen.append(ring["text"])
        if ring["tag"] != "BODY":
            assert ring["visible"] and (ring["outline"] or ring["shadow"]), f"focus not visible on {ring}"
    assert "Exit this page" in " | ".join(seen) and "Français" in seen, seen


def test_skip_to_content_link_moves_focus_to_the_content(page: Page, site_url: str) -> None:
    page.goto(site_url + MODULE_PAGE)
    page.keyboard.press("Tab")  # the exit link comes first
    page.keyboard.press("Tab")
    skip = page.evaluate("() => ({cls: document.activeElement.className, href: document.activeElement.getAttribute('href')})")
    assert "md-skip" in skip["cls"] and skip["href"].startswith("#"), skip
    expect(page.locator("a.md-skip:not(.dj-exit-skip)")).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == skip["href"]


def test_quick_exit_button_works_from_the_keyboard(page: Page, site_url: str) -> None:
    page.route("https://weather.gc.ca/**", lambda r: r.fulfill(status=200, content_type="text/html", body="<title>w</title>"))
    page.goto(site_url + MODULE_PAGE)
    page.locator("#dj-exit").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("https://weather.gc.ca/**")


# The help banner's links, the language switch and the exit controls (the button and, once focused, the skip link).
SAFETY_TARGETS = ".dj-help-line a, .dj-lang__link, #dj-exit, .dj-exit-skip:focus"
TARGET_SIZES = """sel => [...document.querySelectorAll(sel)].map(e => { const r = e.getBoundingClientRect();
    return {link: (e.id || e.className) + ' ' + e.textContent.trim(), width: r.width, height: r.height}; })"""
# How many lines each telephone number shown takes (its text, wherever the link's box wraps it).
NUMBER_LINES = """() => [...document.querySelectorAll('a[href^="tel:"]')].filter(a => a.offsetParent).map(a => {
    const range = document.createRange(), tops = new Set();
    const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        range.selectNodeContents(t);
        for (const r of range.getClientRects()) { if (r.width > 0) tops.add(Math.round(r.bottom)); }
    }
    return [a.textContent.trim(), tops.size]; })"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_safety_links_are_24px_targets_and_numbers_do_not_wrap(page: Page, site_url: str, lang: str, viewport: dict) -> None:
    """WCAG 2.2, 2.5.8: targets of at least 24 x 24 px; a telephone number is never cut over two lines."""
    page.set_viewport_size(viewport)
    for path in (MODULE_PAGE, "help/", "help/resources/"):
        page.goto(site_url + ("" if lang == "en" else "fr/") + path)
        page.keyboard.press("Tab")  # the skip link to the exit shows when focused
        sizes = page.evaluate(TARGET_SIZES, SAFETY_TARGETS)
        assert len(sizes) == 5, sizes
        small = [s for s in sizes if s["width"] < 24 or s["height"] < 24]
        assert not small, f"{path}: targets under 24 x 24 px: {small}"
        numbers = page.evaluate(NUMBER_LINES)
        assert numbers and all(lines == 1 for _, lines in numbers), f"{path}: numbers cut over lines: {numbers}"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_language_switch_is_text_at_normal_size(page: Page, site_url: str, lang: str, viewport: dict) -> None:
    """As on Canada.ca: the other language's name, as large as the page's text."""
    page.set_viewport_size(viewport)
    page.goto(site_url + ("" if lang == "en" else "fr/") + MODULE_PAGE)
    switch = page.locator(".dj-lang__link")
    expect(switch).to_be_visible()
    expect(switch).to_have_text(load_ui_strings()[lang]["switch_language"])
    sizes = page.evaluate(
        "() => [document.querySelector('.dj-lang__link'), document.querySelector('article > p')]"
        ".map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert sizes[0] >= sizes[1], f"language switch {sizes[0]} px, text {sizes[1]} px"
