"""The quick exit (GOV.UK "Exit this page" model), in real headless Chromium.

The neutral sites are never contacted: Playwright answers for them with a stub page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import DESKTOP, PHONE
from datajam.site.ui import load_ui_strings

pytestmark = pytest.mark.browser

MODULE_PAGE = "handbook/module-1/forms/"
UI = load_ui_strings()
NEUTRAL = {lang: strings["quick_exit_url"] for lang, strings in UI.items()}
STUB = "<!doctype html><html lang=en><title>Weather</title><h1>Weather</h1></html>"


def stub_neutral_sites(page: Page) -> None:
    for url in NEUTRAL.values():
        page.route(url + "**", lambda route: route.fulfill(status=200, content_type="text/html", body=STUB))


def assert_the_exit_button_is_in_view_and_works(page: Page) -> None:
    """Wholly on screen, nothing on top of it, and a click leaves (CHI 2023 "Click Here to Exit": exit buttons
    fail when something covers them). Playwright's click waits until the button is visible, stable and the
    element that receives the click."""
    button = page.locator("#dj-exit")
    expect(button).to_be_visible()
    expect(button).to_be_in_viewport(ratio=1)
    box = button.bounding_box()
    assert box and box["height"] >= 24 and box["width"] >= 24, box
    assert page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('#dj-exit') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    ), "something covers the exit button"
    button.click(timeout=5_000)
    page.wait_for_url(NEUTRAL["en"] + "**")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_first_focusable_element_is_the_exit_link(page: Page, site_url: str, lang: str) -> None:
    page.goto(site_url + ("" if lang == "en" else "fr/") + MODULE_PAGE)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => ({text: document.activeElement.textContent.trim(), exit: document.activeElement.hasAttribute('data-dj-exit'),"
        " href: document.activeElement.href, visible: document.activeElement.getBoundingClientRect().height > 0})"
    )
    assert focused == {"text": UI[lang]["quick_exit_label"], "exit": True, "href": NEUTRAL[lang], "visible": True}
    stub_neutral_sites(page)
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL[lang] + "**")


def test_the_button_stays_in_view_while_scrolling(page: Page, site_url: str) -> None:
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 640})
        page.goto(site_url + MODULE_PAGE)
        page.mouse.wheel(0, 3000)
        page.wait_for_function("() => window.scrollY > 1000")
        box = page.locator("#dj-exit").bounding_box()
        assert box and 0 <= box["y"] < 640 and box["height"] > 20, (width, box)
        expect(page.locator("#dj-exit")).to_be_in_viewport()


def test_click_hides_the_page_at_once_and_replaces_the_history_entry(page: Page, site_url: str) -> None:
    stub_neutral_sites(page)
    page.goto(site_url + "home/")
    page.goto(site_url + MODULE_PAGE)
    # The state right after the click event, before any navigation: nothing of the handbook shows.
    state = page.evaluate(
        """() => {
            document.getElementById('dj-exit').click();
            const shown = [...document.body.children].filter(e => getComputedStyle(e).display !== 'none');
            return {shown: shown.map(e => e.className), alert: document.querySelector('[role=alert]').textContent,
                    title: document.title};
        }"""
    )
    assert state == {
        "shown": ["dj-exit__overlay"],
        "alert": UI["en"]["quick_exit_loading"],
        "title": UI["en"]["quick_exit_loading"],
    }
    page.wait_for_url(NEUTRAL["en"] + "**")
    # Back does not return to the exited page; the page before it leaves again at once.
    page.go_back()
    page.wait_for_url(NEUTRAL["en"] + "**")
    assert MODULE_PAGE not in page.url
    expect(page.locator("h1")).to_have_text("Weather")


def test_shift_three_times_exits_with_spoken_progress_in_french(page: Page, site_url: str) -> None:
    stub_neutral_sites(page)
    page.goto(site_url + "fr/" + MODULE_PAGE)
    status = page.locator("[data-dj-exit-status]")
    expect(status).to_have_attribute("role", "status")
    page.keyboard.press("Shift")
    expect(status).to_have_text(UI["fr"]["quick_exit_press_two"])
    page.keyboard.press("Shift")
    expect(status).to_have_text(UI["fr"]["quick_exit_press_one"])
    page.keyboard.press("Shift+A")  # Shift used with another key: the count starts again
    expect(page.locator("#dj-exit")).to_have_attribute("data-dj-exit-count", "0")
    for _ in range(2):
        page.keyboard.press("Shift")
    assert "meteo" not in page.url
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL["fr"] + "**")


def test_shift_presses_expire(page: Page, site_url: str) -> None:
    page.clock.install()
    page.goto(site_url + MODULE_PAGE)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(6000)
    expect(page.locator("[data-dj-exit-status]")).to_have_text(UI["en"]["quick_exit_timed_out"])
    page.keyboard.press("Shift")
    expect(page.locator("#dj-exit")).to_have_attribute("data-dj-exit-count", "1")


def test_without_javascript_the_button_is_a_plain_link(browser: object, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        stub_neutral_sites(page)
        page.goto(site_url + MODULE_PAGE)
        expect(page.locator("#dj-exit")).to_be_visible()
        page.locator("#dj-exit").click()
        page.wait_for_url(NEUTRAL["en"] + "**")
    finally:
        context.close()


def test_a_fresh_visit_after_an_exit_shows_the_handbook(page: Page, site_url: str) -> None:
    stub_neutral_sites(page)
    page.goto(site_url + MODULE_PAGE)
    page.locator("#dj-exit").click()
    page.wait_for_url(NEUTRAL["en"] + "**")
    page.goto(site_url + MODULE_PAGE)  # typed again: a new visit, not Back
    expect(page.locator("article h1")).to_be_visible()
    assert re.search(r"/handbook/module-1/forms/$", page.url)


def test_the_quick_exit_works_before_any_script_file_has_arrived(page: Page, site_url: str) -> None:
    """On a slow link Material's bundle comes late (or never): the quick exit must not wait for it."""
    stub_neutral_sites(page)
    page.route("**/*.js", lambda route: None)  # script files never arrive
    page.goto(site_url + MODULE_PAGE, wait_until="commit")
    expect(page.locator("#dj-exit")).to_be_visible()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL["en"] + "**")
    assert MODULE_PAGE not in page.url


@pytest.mark.parametrize("viewport", [{"width": 375, "height": 667}, PHONE, {"width": 768, "height": 1024}])
def test_the_open_navigation_drawer_does_not_cover_the_button(page: Page, site_url: str, viewport: dict[str, int]) -> None:
    stub_neutral_sites(page)
    page.set_viewport_size(viewport)
    page.goto(site_url + MODULE_PAGE)
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
    expect(page.locator("#__drawer")).to_be_checked()
    assert_the_exit_button_is_in_view_and_works(page)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_button_stays_in_view_and_clickable_with_search_open(page: Page, site_url: str, viewport: dict[str, int]) -> None:
    """Search opens full screen on a phone (which has no Shift key) and widens on a desktop: the button stays."""
    stub_neutral_sites(page)
    page.set_viewport_size(viewport)
    page.goto(site_url + MODULE_PAGE)
    if viewport == PHONE:
        page.locator("label.md-header__button[for='__search']").click()
    query = page.locator("input.md-search__input")
    query.click()
    expect(page.locator("#__search")).to_be_checked()
    query.press_sequentially("forced", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    assert_the_exit_button_is_in_view_and_works(page)


def test_search_is_the_only_dialog(site_dir: Path) -> None:
    """Any dialog must leave the exit button in view: the search (tested above) is the only one; a new
    dialog needs its own test here."""
    dialogs = set()
    for html_file in site_dir.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        dialogs |= set(re.findall(r'<[^>]*role="(?:alert)?dialog"[^>]*>|<dialog\b[^>]*>', html))
    assert {re.search(r'class="([^"]*)"', d).group(1) for d in dialogs} == {"md-search"}, dialogs


def test_the_shift_dots_show_only_after_a_first_shift_press(page: Page, site_url: str) -> None:
    """On a phone the dots mean nothing and look like a loading bar: as GOV.UK, they show once Shift is pressed."""
    page.set_viewport_size(PHONE)
    page.goto(site_url + MODULE_PAGE)
    dots = page.locator("#dj-exit .dj-exit__dots")
    expect(page.locator("#dj-exit")).to_be_visible()
    expect(dots).to_be_hidden()
    page.keyboard.press("Shift")
    expect(dots).to_be_visible()
    page.keyboard.press("a")  # any other key starts the count again
    expect(dots).to_be_hidden()
