"""The agenda for the public, in real headless Chromium: timetable, filters, event status (issue 14)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PATHS = ["agenda/", "fr/agenda/"]
PARALLEL = [("alberta-response", "sex-trafficking-americas"), ("trafficking-research-canada", "prevention-tools-dos-and-donts"), ("case-study-traffik-analysis-hub", "case-study-project-shadow")]


@pytest.fixture()
def open_page(browser: Browser) -> Iterator[object]:
    """``open_page(url, width=…, javascript=…)``: a page in a fresh context, closed after the test."""
    contexts = []

    def open_(url: str, width: int = 1280, javascript: bool = True) -> Page:
        context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript, timezone_id="America/Toronto")
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.mark.parametrize("path", PATHS)
def test_timetable_on_desktop_shows_parallel_sessions_side_by_side(open_page, site_url: str, path: str) -> None:
    page = open_page(site_url + path, width=1280)
    assert page.locator(".dj-timetable").count() == 2
    for left, right in PARALLEL:
        a = page.locator(f".dj-timetable a[href='#{left}']").bounding_box()
        b = page.locator(f".dj-timetable a[href='#{right}']").bounding_box()
        assert a and b, (left, right)
        assert abs(a["y"] - b["y"]) < 2 and b["x"] > a["x"] + a["width"], (left, right)
    # A session alone in its time spans the width of the parallel ones.
    alone = page.locator(".dj-timetable__session:has(a[href='#opening-remarks'])").bounding_box()
    pair = [page.locator(f".dj-timetable__session:has(a[href='#{sid}'])").bounding_box() for sid in PARALLEL[0]]
    assert alone and pair[0] and pair[1] and alone["width"] > pair[0]["width"] + pair[1]["width"]
    # Its entries lead to the session's details in the list.
    page.locator(".dj-timetable a[href='#case-study-project-shadow']").click()
    assert page.evaluate("location.hash") == "#case-study-project-shadow"


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(("width", "javascript"), [(375, True), (1280, False)])
def test_phone_or_no_javascript_gets_the_list(open_page, site_url: str, path: str, width: int, javascript: bool) -> None:
    page = open_page(site_url + path, width=width, javascript=javascript)
    assert page.locator(".dj-timetable").count() == 2
    assert not page.locator(".dj-timetable").first.is_visible() and not page.locator(".dj-timetable").last.is_visible()
    assert page.locator("li.dj-session").count() == 9
    assert all(page.locator(f"li.dj-session#{sid}").is_visible() for pair in PARALLEL for sid in pair)
    if width == 375:
        first, second = (page.locator(f"li.dj-session#{sid}").bounding_box() for sid in PARALLEL[0])
        assert first and second and second["y"] > first["y"] + first["height"] - 1  # stacked
