"""The agenda as a reader sees it, in real headless Chromium (shared fixtures in conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from icalendar import Calendar
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

NB, NNB = "\u00a0", "\u202f"


@pytest.fixture()
def vancouver_page(browser: Browser) -> Iterator[Page]:
    """A reader in Vancouver: the local-time line must say Pacific time."""
    context = browser.new_context(timezone_id="America/Vancouver", accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize(
    ("path", "when", "badge", "local"),
    [
        ("agenda/", f"10:30{NNB}a.m. – 11:15{NNB}a.m.{NB}EDT", "EN/FR", "Your time (America/Vancouver):"),
        ("fr/agenda/", f"10{NB}h{NB}30 – 11{NB}h{NB}15{NB}HAE", "EN/FR", f"Votre heure (America/Vancouver){NB}:"),
    ],
)
def test_agenda_page_shows_event_time_badges_and_local_time(vancouver_page: Page, site_url: str, path: str, when: str, badge: str, local: str) -> None:
    page = vancouver_page
    page.goto(site_url + path)
    opening = page.locator("#opening-remarks")
    assert opening.locator(".dj-session__when").text_content() == when
    assert opening.locator(".dj-badge--lang [aria-hidden]").text_content() == badge
    local_line = opening.locator(".dj-session__local")
    assert local_line.is_visible()
    assert (local_line.text_content() or "").startswith(local)
    assert "7:30" in (local_line.text_content() or "") or "7 h 30" in (local_line.text_content() or "")
    badges = page.locator(".dj-badge--lang [aria-hidden]").all_text_contents()
    assert badges.count("FR") == 2 and badges.count("EN/FR") == 2 and badges.count("EN") == 5


def test_french_page_shows_french_zones(page: Page, site_url: str) -> None:
    page.goto(site_url + "fr/agenda/")
    zones = page.locator("#vulnerable-communities-panel .dj-session__zones").text_content() or ""
    assert f"Terre-Neuve 16{NB}h{NB}30 – 18{NB}h{NB}HAT" in zones
    assert f"Saskatchewan 13{NB}h – 14{NB}h{NB}30{NB}HNC" in zones
    assert "HNE" not in (page.locator("article").text_content() or "")
    assert page.locator("#alberta-response .dj-session__other-title [lang=en]").count() == 1


def test_sessions_sit_side_by_side_on_wide_screens_and_stack_on_phones(browser: Browser, site_url: str) -> None:
    for width, side_by_side in ((1400, True), (390, False)):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(site_url + "agenda/#slot-2021-05-08-1200")
        first, second = (page.locator(f"#{sid}").bounding_box() for sid in ("alberta-response", "sex-trafficking-americas"))
        assert first and second
        assert (abs(first["y"] - second["y"]) < 2) is side_by_side, width
        context.close()


@pytest.mark.parametrize("path", ["agenda/", "fr/agenda/"])
def test_calendar_links_download_valid_ics(vancouver_page: Page, site_url: str, path: str) -> None:
    page = vancouver_page
    page.goto(site_url + path)
    with page.expect_download() as info:
        page.locator("#case-study-project-shadow .dj-session__calendar a").click()
    calendar = Calendar.from_ical(open(info.value.path(), "rb").read())
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == "case-study-project-shadow@cipc-icpc.org"
    assert event.decoded("DTSTART").isoformat() == "2021-05-09T13:00:00-04:00"
    with page.expect_download() as info:
        page.locator('a[href="calendar/datajam-2021.ics"]').click()
    feed = Calendar.from_ical(open(info.value.path(), "rb").read())
    assert len(feed.walk("VEVENT")) == 9 and feed.walk("VTIMEZONE")
    subscribe = page.locator('a[href^="webcal://"]').get_attribute("href") or ""
    assert subscribe.endswith(path + "calendar/datajam-2021.ics")
