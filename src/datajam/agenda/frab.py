"""The agenda in the frab-compatible schedule format that conference apps read: ``schedule.json``
(schema: ``data/agenda/vendor/frab-schedule.schema.json``) and ``schedule.xml``, one per language.

Each session keeps one GUID in every file and language, derived from its id. Rooms are the sessions'
``room:``; a session without one gets the online room of its parallel track ("Online room 2").
Tracks are the session's languages.
"""

from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from datetime import timedelta
from itertools import groupby
from typing import Any

from datajam.agenda.model import Agenda, Session, Strings
from datajam.agenda.release import Snapshot
from datajam.agenda.render import parallel_tracks
from datajam.agenda.times import aware

SCHEMA_ID = "https://c3voc.de/schedule/schema.json"
JSON_FILE = "schedule.json"
XML_FILE = "schedule.xml"


def guid(agenda: Agenda, kind: str, ident: str) -> str:
    """A stable UUID (version 5) for a session, speaker or room of this agenda."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://{agenda.event.uid_domain}/datajam-{agenda.event.days[0].year}/{kind}/{ident}"))


def _hours(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _track(session: Session, strings: Strings) -> str:
    langs = session.ordered_languages()
    return strings.lang_both if len(langs) > 1 else str(getattr(strings, f"lang_{langs[0]}"))


def _rooms(agenda: Agenda, strings: Strings, lang: str) -> dict[str, str]:
    """Each session's room: its own, or the online room of its parallel track."""
    rooms: dict[str, str] = {}
    ordered = sorted(agenda.sessions, key=lambda s: (s.start, s.end))
    for _, day in groupby(ordered, key=lambda s: s.start.date()):
        tracks = parallel_tracks(list(day))
        for sid, track in tracks.items():
            session = next(s for s in agenda.sessions if s.id == sid)
            rooms[sid] = session.room[lang] if session.room else strings.parallel_room.format(n=track)
    return rooms


def _event(agenda: Agenda, session: Session, strings: Strings, lang: str, room: str, url: str) -> dict[str, Any]:
    zone = agenda.event.timezone
    start, end = aware(session.start, zone), aware(session.end, zone)
    session_guid = guid(agenda, "sessions", session.id)
    cancelled = session.status == "cancelled"
    links = [
        {"type": kind, "url": getattr(session, field)[lang], "title": getattr(strings, field)}
        for field, kind in (("recording", "media"), ("slides", "slides"))
        if getattr(session, field)
    ]
    return {
        "guid": session_guid,
        "id": int(session_guid.replace("-", "")[:7], 16) + 1,
        "date": start.isoformat(),
        "start": f"{start:%H:%M}",
        "end": end.isoformat(),
        "duration": _hours(end - start),
        "room": room,
        "slug": f"datajam-{agenda.event.days[0].year}-{session.id}",
        "url": url,
        "title": (strings.cancelled_prefix if cancelled else "") + session.title[lang],
        "subtitle": session.note[lang] if session.note else None,
        "track": _track(session, strings),
        "type": "talk",
        "language": ",".join(session.ordered_languages()),
        "abstract": session.description[lang] if session.description else None,
        "description": None,
        "persons": [{"name": agenda.speakers[ref].name, "guid": guid(agenda, "speakers", ref)} for ref in session.speakers],
        "links": links,
    }


def schedule(agenda: Agenda, snapshot: Snapshot, strings: Strings, lang: str, agenda_url: str) -> dict[str, Any]:
    """The schedule JSON document in one language; ``agenda_url`` is the agenda page's absolute URL."""
    zone = agenda.event.timezone
    rooms = _rooms(agenda, strings, lang)
    ordered = sorted(agenda.sessions, key=lambda s: (s.start, s.end))
    room_names = list(dict.fromkeys(rooms[s.id] for s in ordered))
    days = []
    for index, (day, group) in enumerate(groupby(ordered, key=lambda s: s.start.date()), start=1):
        sessions = list(group)
        by_room = {
            name: [_event(agenda, s, strings, lang, name, f"{agenda_url}#{s.id}") for s in sessions if rooms[s.id] == name]
            for name in room_names
        }
        days.append({
            "index": index,
            "date": day.isoformat(),
            "day_start": aware(min(s.start for s in sessions), zone).isoformat(),
            "day_end": aware(max(s.end for s in sessions), zone).isoformat(),
            "rooms": {name: events for name, events in by_room.items() if events},
        })
    year = agenda.event.days[0].year
    version = snapshot.released.isoformat().replace("+00:00", "Z") if snapshot.released else "unreleased"
    return {
        "$schema": SCHEMA_ID,
        "generator": {"name": "datajam.agenda", "version": "1"},
        "schedule": {
            "version": version,
            "base_url": agenda_url,
            "conference": {
                "acronym": f"datajam-{year}-{lang}",
                "title": agenda.event.name[lang],
                "description": strings.feed_description,
                "start": min(agenda.event.days).isoformat(),
                "end": max(agenda.event.days).isoformat(),
                "daysCount": len(agenda.event.days),
                "timeslot_duration": "00:15",
                "time_zone_name": zone,
                "url": agenda_url,
                "tracks": [{"name": name} for name in dict.fromkeys(_track(s, strings) for s in ordered)],
                "rooms": [{"name": name, "guid": guid(agenda, "rooms", f"{lang}/{name}")} for name in room_names],
                "days": days,
            },
        },
    }


def schedule_json(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()


def schedule_xml(document: dict[str, Any]) -> bytes:
    """The same schedule as frab's ``schedule.xml`` (days > rooms > events)."""
    data = document["schedule"]
    conference = data["conference"]
    root = ET.Element("schedule")

    def add(parent: ET.Element, tag: str, text: object = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, tag, attrs)
        element.text = None if text is None else str(text)
        return element

    add(root, "version", data["version"])
    head = add(root, "conference")
    for key in ("acronym", "title", "start", "end"):
        add(head, key, conference[key])
    add(head, "days", conference["daysCount"])
    add(head, "timeslot_duration", conference["timeslot_duration"])
    add(head, "time_zone_name", conference["time_zone_name"])
    add(head, "base_url", data["base_url"])
    guids = {room["name"]: room["guid"] for room in conference["rooms"]}
    for day in conference["days"]:
        day_element = add(root, "day", index=str(day["index"]), date=day["date"], start=day["day_start"], end=day["day_end"])
        for name, events in day["rooms"].items():
            room = add(day_element, "room", name=name, guid=guids[name])
            for event in events:
                element = add(room, "event", guid=event["guid"], id=str(event["id"]))
                for key in ("date", "start", "duration", "room", "slug", "url", "title", "subtitle", "track", "type", "language", "abstract", "description"):
                    add(element, key, event[key])
                persons = add(element, "persons")
                for person in event["persons"]:
                    add(persons, "person", person["name"], guid=person["guid"])
                links = add(element, "links")
                for link in event["links"]:
                    add(links, "link", link["title"], href=link["url"], type=link["type"])
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

