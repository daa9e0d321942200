"""The agenda for the public, in real headless Chromium: timetable, filters, event status (issue 14)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

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


ALL = [
    "opening-remarks", "past-datajam-experiences", "alberta-response", "sex-trafficking-americas", "trafficking-research-canada",
    "prevention-tools-dos-and-donts", "vulnerable-communities-panel", "case-study-traffik-analysis-hub", "case-study-project-shadow",
]
# What each filter keeps, read off data/agenda/agenda.yml by hand (languages: [en], [fr], [en, fr]; every session is public).
KEPT = {
    "en": [s for s in ALL if s not in ("sex-trafficking-americas", "prevention-tools-dos-and-donts")],
    "fr": ["opening-remarks", "sex-trafficking-americas", "prevention-tools-dos-and-donts", "vulnerable-communities-panel"],
    "both": ["opening-remarks", "vulnerable-communities-panel"],
    "public": ALL,
    "all": ALL,
}
LABELS = {
    "agenda/": {"en": "In English", "fr": "In French", "both": "In both languages", "public": "Open to the public", "all": "All sessions"},
    "fr/agenda/": {"en": "En anglais", "fr": "En français", "both": "Dans les deux langues", "public": "Ouvertes au public", "all": "Toutes les séances"},
}


def _shown(page: Page) -> tuple[list[str], list[str]]:
    listed = page.locator("li.dj-session").evaluate_all("els => els.filter(e => e.checkVisibility()).map(e => e.id)")
    grid = page.locator(".dj-timetable__session a").evaluate_all("els => els.filter(e => e.checkVisibility()).map(e => e.hash.slice(1))")
    return listed, grid


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("javascript", [True, False])
def test_each_filter_shows_exactly_the_matching_sessions(open_page, site_url: str, path: str, javascript: bool) -> None:
    page = open_page(site_url + path, width=1280, javascript=javascript)
    assert _shown(page)[0] == ALL
    for key in ("fr", "en", "both", "public", "fr", "all"):
        page.get_by_role("link", name=LABELS[path][key], exact=True).click()
        if javascript:  # the script marks the chosen link on hashchange, just after the click: wait for it
            expect(page.locator(".dj-filters__link[aria-current=true]")).to_have_text([LABELS[path][key]])
        listed, grid = _shown(page)
        assert listed == KEPT[key], (key, javascript)
        assert grid == (KEPT[key] if javascript else []), (key, javascript)  # the timetable needs JavaScript
        if javascript:
            # The page's contents list only the days and time slots still shown.
            shown = page.locator("h2[id^=day-], h3[id^=slot-]").evaluate_all("els => els.filter(e => e.checkVisibility()).map(e => '#' + e.id)")
            toc = page.locator("nav.md-nav--secondary a[href^='#day-'], nav.md-nav--secondary a[href^='#slot-']")
            assert toc.evaluate_all("els => els.filter(e => !e.closest('[hidden]')).map(e => e.hash)") == shown, key
    # A day with no matching session disappears with its heading; nothing is stored beyond the address.
    page.get_by_role("link", name=LABELS[path]["both"], exact=True).click()
    assert not page.locator("h2#day-2021-05-09").is_visible() and page.locator("h2#day-2021-05-08").is_visible()
    if javascript:
        stored = page.evaluate("JSON.stringify([{...localStorage}, {...sessionStorage}, document.cookie])")
        assert "filter" not in stored and "both" not in stored, stored


BEFORE, DURING, AFTER = "2021-05-01T12:00:00-04:00", "2021-05-08T12:30:00-04:00", "2021-05-10T09:00:00-04:00"
STATUS = {
    "agenda/": {
        BEFORE: "These sessions will take place on May 8–9, 2021.",
        DURING: "The event is under way: the sessions marked “Now” are taking place.",
        AFTER: "These sessions took place on May 8–9, 2021.",
    },
    "fr/agenda/": {
        BEFORE: "Ces séances auront lieu les 8 et 9 mai 2021.",
        DURING: "L’événement est en cours\u00a0: les séances marquées «\u00a0En cours\u00a0» ont lieu maintenant.",
        AFTER: "Ces séances ont eu lieu les 8 et 9 mai 2021.",
    },
}
NOW = {"agenda/": "Now", "fr/agenda/": "En cours"}


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("clock", [BEFORE, DURING, AFTER])
def test_status_follows_the_readers_clock(browser: Browser, site_url: str, path: str, clock: str) -> None:
    """The site was built after the event; a reader before or during it must still read the right status."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.clock.set_fixed_time(clock)
    page.goto(site_url + path)
    assert page.locator(".dj-status").inner_text() == STATUS[path][clock]
    live = page.locator("li.dj-session").evaluate_all(
        "els => els.filter(e => e.querySelector('.dj-badge--live').checkVisibility()).map(e => e.id)"
    )
    assert live == (["alberta-response", "sex-trafficking-americas"] if clock == DURING else [])
    if clock == DURING:
        assert page.locator("#alberta-response .dj-badge--live").inner_text() == NOW[path]
        assert page.locator("#opening-remarks .dj-badge--over").is_visible()
        assert not page.locator("#vulnerable-communities-panel .dj-badge--over").is_visible()
    over = page.locator("li.dj-session .dj-badge--over").evaluate_all("els => els.filter(e => e.checkVisibility()).length")
    assert over == {BEFORE: 0, DURING: 2, AFTER: 9}[clock]
    # Calendar prompts step back once it is over: per-session links go, subscribing moves below the other links.
    assert page.locator("#opening-remarks .dj-session__calendar a").is_visible() is (clock != AFTER)
    subscribe, changes = (page.locator(f"ul.dj-agenda__links a[href{sel}]").bounding_box() for sel in ("^='webcal:'", "$='changes/'"))
    assert subscribe and changes and (subscribe["y"] > changes["y"]) is (clock == AFTER)
    context.close()


@pytest.mark.parametrize("path", PATHS)
def test_without_javascript_the_status_is_the_builds(open_page, site_url: str, path: str) -> None:
    page = open_page(site_url + path, javascript=False)
    assert page.locator(".dj-status").inner_text() == STATUS[path][AFTER]  # built in 2026, after the event


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_live_filtered_agenda_is_accessible_and_stays_on_the_machine(browser: Browser, site_url: str, path: str, scheme: str) -> None:
    """During the event, a reader elsewhere filters the timetable: axe finds nothing, no request leaves 127.0.0.1."""
    from test_a11y import axe_source, axe_violations, format_violations

    context = browser.new_context(viewport={"width": 1280, "height": 900}, timezone_id="America/Vancouver")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.emulate_media(color_scheme=scheme)
    page.clock.set_fixed_time(DURING)
    page.goto(site_url + path)
    page.get_by_role("link", name=LABELS[path]["fr"], exact=True).click()
    assert page.locator(".dj-timetable").first.is_visible() and page.locator(".dj-badge--live:visible").count() == 1
    found = axe_violations(page, axe_source(), path, scheme)
    assert found == [], format_violations(found)
    foreign = sorted({u for u in requests if urlsplit(u).hostname != "127.0.0.1"})
    assert foreign == [], foreign
    context.close()
