"""iCalendar files: one feed per language and one file per session (icalendar 7).

UIDs come from the stable session ids; SEQUENCE, CREATED, LAST-MODIFIED and
DTSTAMP come from the release history (:mod:`.release`), never from the clock.
Times carry ``TZID=America/Toronto`` with its ``VTIMEZONE``.
"""

from __future__ import annotations

from datetime import date, timedelta

from icalendar import Calendar, Event

from datajam.agenda.model import Agenda, Session, Strings
from datajam.agenda.release import Snapshot
from datajam.agenda.times import aware

PRODID = "-//ICPC//DataJam Against Exploitation agenda//EN"
FEED_NAME = "datajam-2021.ics"


def uid(agenda: Agenda, session: Session) -> str:
    return f"{session.id}@{agenda.event.uid_domain}"


def session_event(agenda: Agenda, session: Session, snapshot: Snapshot, strings: Strings, lang: str, url: str | None) -> Event:
    published = snapshot.sessions[session.id]
    zone = agenda.event.timezone
    title = session.title[lang]
    if session.status == "cancelled":
        title = strings.cancelled_prefix + title
    lines = [session.description[lang]] if session.description else []
    if session.note:
        lines.append(session.note[lang])
    if session.speakers:
        lines.append(strings.speakers)
        for ref in session.speakers:
            speaker = agenda.speakers[ref]
            lines.append(f"– {speaker.name}, {speaker.role[lang]}, {speaker.organization[lang]}")
    lines.append({"en": strings.lang_en, "fr": strings.lang_fr}[session.languages[0]] if len(session.languages) == 1 else strings.lang_both)
    lines.append(strings.public if session.public else strings.participants_only)
    if url:
        lines.append(strings.session_url.format(url=url))
    lines.append(strings.contact.format(email=agenda.event.contact))
    event = Event.new(
        uid=uid(agenda, session),
        summary=title,
        start=aware(session.start, zone),
        end=aware(session.end, zone),
        description="\n".join(lines),
        location=", ".join(text[lang] for text in (agenda.session_place(session), session.room) if text),
        status="CANCELLED" if session.status == "cancelled" else "CONFIRMED",
        sequence=published.sequence,
        created=published.created,
        last_modified=published.last_modified,
        stamp=published.last_modified,
        url=url,
    )
    event["SUMMARY"].params["LANGUAGE"] = f"{lang}-CA"
    return event


def build_calendar(
    agenda: Agenda,
    snapshot: Snapshot,
    strings: Strings,
    lang: str,
    sessions: list[Session] | None = None,
    session_url: dict[str, str] | None = None,
) -> Calendar:
    """The feed of every session (cancelled ones included), or of ``sessions`` only."""
    chosen = agenda.sessions if sessions is None else sessions
    urls = session_url or {}
    last = max((snapshot.sessions[s.id].last_modified for s in chosen), default=None)
    scope = "agenda" if sessions is None else "-".join(s.id for s in chosen)
    calendar = Calendar.new(
        uid=f"calendar-{scope}-{lang}@{agenda.event.uid_domain}",  # stable: no random UID
        prodid=PRODID,
        method="PUBLISH",
        calscale="GREGORIAN",
        name=agenda.event.name[lang],
        description=strings.feed_description,
        last_modified=last,
        refresh_interval=timedelta(hours=6),
        subcomponents=[session_event(agenda, s, snapshot, strings, lang, urls.get(s.id)) for s in chosen],
    )
    calendar["X-WR-CALNAME"] = agenda.event.name[lang]
    calendar["X-WR-TIMEZONE"] = agenda.event.timezone
    calendar["X-PUBLISHED-TTL"] = "PT6H"
    first, final = min(agenda.event.days), max(agenda.event.days)
    calendar.add_missing_timezones(first_date=date(first.year, 1, 1), last_date=date(final.year + 1, 1, 1))
    return calendar


def calendar_files(agenda: Agenda, snapshot: Snapshot, strings: Strings, lang: str, session_url: dict[str, str]) -> dict[str, bytes]:
    """``{file name: content}``: the feed and one file per session."""
    files = {FEED_NAME: build_calendar(agenda, snapshot, strings, lang, session_url=session_url).to_ical()}
    for session in agenda.sessions:
        files[f"{session.id}.ics"] = build_calendar(agenda, snapshot, strings, lang, [session], session_url).to_ical()
    return files
