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
    ("path", "local", "event", "slot"),
    [
        (
            "agenda/",
            f"Your time: 7:30{NNB}a.m. – 8:15{NNB}a.m.{NB}PDT",
            f"Event time: 10:30{NNB}a.m. – 11:15{NNB}a.m.{NB}EDT",
            f"7:30{NNB}a.m.{NB}PDT (10:30{NNB}a.m.{NB}EDT)",
        ),
        (
            "fr/agenda/",
            f"Votre heure{NB}: 7{NB}h{NB}30 – 8{NB}h{NB}15{NB}HAP",  # Canadian French: 8 h 15, never 08 h 15
            f"Heure de l’événement{NB}: 10{NB}h{NB}30 – 11{NB}h{NB}15{NB}HAE",
            f"7{NB}h{NB}30{NB}HAP (10{NB}h{NB}30{NB}HAE)",
        ),
    ],
)
def test_reader_elsewhere_sees_own_time_first_then_the_events(vancouver_page: Page, site_url: str, path: str, local: str, event: str, slot: str) -> None:
    page = vancouver_page
    page.goto(site_url + path)
    opening = page.locator("#opening-remarks")
    lines = opening.locator(".dj-session__local, .dj-session__when")
    assert lines.evaluate_all("els => els.map(e => e.className)") == ["dj-session__local", "dj-session__when"]
    assert [line.inner_text() for line in lines.all()] == [local, event]
    local_box, event_box = (line.bounding_box() for line in lines.all())
    assert local_box and event_box and local_box["y"] < event_box["y"]
    assert opening.locator(".dj-badge--lang [aria-hidden]").text_content() == "EN/FR"
    badges = page.locator("li.dj-session .dj-badge--lang [aria-hidden]").all_text_contents()
    assert badges.count("FR") == 2 and badges.count("EN/FR") == 2 and badges.count("EN") == 5
    # The time-slot heading and its table-of-contents entry speak the reader's time too.
    assert page.locator("h3#slot-2021-05-08-1030").inner_text().rstrip("¶ ") == slot
    toc = page.locator("nav.md-nav--secondary a[href='#slot-2021-05-08-1030']").all_inner_texts()
    assert toc and all(text.strip() == slot for text in toc)


@pytest.mark.parametrize("path", ["agenda/", "fr/agenda/"])
def test_reader_a_day_ahead_sees_the_date_and_eastern_reader_only_the_event_time(browser: Browser, site_url: str, path: str) -> None:
    tokyo = browser.new_context(timezone_id="Asia/Tokyo").new_page()
    tokyo.goto(site_url + path)
    local = tokyo.locator("#opening-remarks .dj-session__local").inner_text()
    assert ("Sunday, May 9, 2021, 12:15" if path == "agenda/" else f"dimanche 9 mai 2021, 0{NB}h{NB}15") in local
    assert local.endswith(f"{NB}Asia/Tokyo")
    tokyo.context.close()
    toronto = browser.new_context(timezone_id="America/Toronto").new_page()
    toronto.goto(site_url + path)
    assert toronto.locator(".dj-session__local:visible, .dj-session__event-label:visible").count() == 0
    assert toronto.locator("h3#slot-2021-05-08-1030").inner_text().rstrip("¶ ").endswith(("EDT", "HAE"))
    toronto.context.close()


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
    page.clock.set_fixed_time("2021-05-01T12:00:00-07:00")  # before the event, when calendars matter
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
