"""The Atom feed (RFC 4287) of the change log, one per language: each release an entry with its note
and the sessions it added, moved, changed or cancelled."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from datetime import datetime

from datajam.agenda.model import Agenda, Strings
from datajam.agenda.release import EPOCH, ChangeLog
from datajam.agenda.render import change_items, release_anchor, release_heading

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "changes.atom"


def _stamp(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _tag(agenda: Agenda, lang: str, what: str) -> str:
    """A stable Atom id (RFC 4151 tag URI); the event's year keeps it unique to this agenda."""
    return f"tag:{agenda.event.uid_domain},{agenda.event.days[0].year}:datajam-agenda/{lang}/{what}"


def atom_feed(agenda: Agenda, log: ChangeLog, strings: Strings, lang: str, feed_url: str, changes_url: str, agenda_url: str) -> bytes:
    """The feed at ``feed_url`` (absolute), newest release first, linking each change to the agenda page."""
    ET.register_namespace("", ATOM)

    def add(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attrs)
        element.text = text
        return element

    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": f"{lang}-CA"})
    add(feed, "id", _tag(agenda, lang, "changes"))
    add(feed, "title", f"{agenda.event.name[lang]} – {strings.changes_link}")
    add(feed, "subtitle", strings.feed_description)
    add(feed, "updated", _stamp(max((r.date for r in log.releases), default=EPOCH)))
    add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    add(feed, "link", rel="alternate", type="text/html", href=changes_url)
    author = add(feed, "author")
    add(author, "name", agenda.event.name[lang])
    add(author, "email", agenda.event.contact)
    for release in reversed(log.releases):
        entry = add(feed, "entry")
        add(entry, "id", _tag(agenda, lang, release_anchor(release.date)))
        add(entry, "title", release_heading(agenda, release, lang))
        add(entry, "updated", _stamp(release.date))
        add(entry, "published", _stamp(release.date))
        add(entry, "link", rel="alternate", type="text/html", href=f"{changes_url}#{release_anchor(release.date)}")
        add(entry, "summary", release.note[lang])
        lines = "".join(
            f'<li><strong>{html.escape(item.label)}</strong> <a href="{html.escape(agenda_url)}#{item.session.id}">'
            f"{html.escape(item.title)}</a> – {html.escape(item.when)}</li>"
            for item in change_items(agenda, release, strings, lang)
        )
        add(entry, "content", f"<p>{html.escape(release.note[lang])}</p><ul>{lines}</ul>", type="html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
