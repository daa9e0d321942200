"""The change log's Atom feed, per language, read back with a maintained feed parser (feedparser)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import feedparser

from agenda_support import AGENDA_TEXT, T1, T2, agenda_from, cancel, move, strings
from datajam.agenda.feed import atom_feed
from datajam.agenda.model import Text
from datajam.agenda.release import ChangeLog, Snapshot, release

NOTE = Text(en="The Alberta talk moves to 1 p.m.", fr="La conférence sur l’Alberta est déplacée à 13 h.")
FIRST = Text(en="First publication.", fr="Première publication.")
BASE = "https://example.org/fr/agenda/"


def _two_releases() -> tuple[object, ChangeLog]:
    agenda = agenda_from()
    snapshot, log, _ = release(agenda, Snapshot(), ChangeLog(), FIRST, T1)
    changed = agenda_from(cancel(move(AGENDA_TEXT, "alberta-response", "2021-05-08 13:00", "2021-05-08 14:00"), "case-study-project-shadow"))
    _, log2, _ = release(changed, snapshot, log, NOTE, T2)
    return changed, log2


def test_each_release_is_an_entry_newest_first_with_its_note_and_changes() -> None:
    agenda, log = _two_releases()
    for lang, moved, cancelled, note in (("en", "Moved:", "Cancelled:", NOTE.en), ("fr", "Déplacée\u00a0:", "Annulée\u00a0:", NOTE.fr)):
        data = atom_feed(agenda, log, getattr(strings(), lang), lang, BASE + "changes.atom", BASE + "changes/", BASE)  # type: ignore[arg-type]
        feed = feedparser.parse(data)
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == "atom10" and feed.feed.language == f"{lang}-CA"
        assert [link.href for link in feed.feed.links] == [BASE + "changes.atom", BASE + "changes/"]
        newest, first = feed.entries
        assert newest.summary == note and newest.updated == "2021-04-20T15:30:00Z" and first.updated == "2021-04-01T12:00:00Z"
        assert newest.link == BASE + "changes/#release-20210420t153000"
        assert newest.id != first.id and newest.id.startswith("tag:cipc-icpc.org,2021:")
        content = newest.content[0].value
        assert f"<strong>{moved}</strong>" in content and f"<strong>{cancelled}</strong>" in content
        assert f'<a href="{BASE}#alberta-response">' in content and f'<a href="{BASE}#case-study-project-shadow">' in content
        assert len(re.findall("<li>", first.content[0].value)) == 9  # the first release added every session


def test_the_site_publishes_a_feed_per_language_offered_by_the_change_log(site_dir: Path) -> None:
    for prefix, lang in (("", "en"), ("fr/", "fr")):
        page = site_dir / prefix / "agenda/changes/index.html"
        html = page.read_text(encoding="utf-8")
        (alternate,) = re.findall(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)" title="([^"]+)">', html)
        assert alternate[1] == getattr(strings(), lang).feed_link
        assert f'href="{alternate[0]}" type="application/atom+xml">{alternate[1]}</a>' in html  # also a visible link
        target = site_dir / urljoin(f"{prefix}agenda/changes/", alternate[0])
        feed = feedparser.parse(target.read_bytes())
        assert not feed.bozo and feed.feed.language == f"{lang}-CA" and len(feed.entries) >= 1
        assert feed.feed.links[0].href.endswith(f"/{prefix}agenda/changes.atom")
