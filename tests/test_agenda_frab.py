"""The frab-compatible schedule export (schedule.json and schedule.xml, per language), validated against the
vendored published schema (jsonschema, no network) and read back: what conference apps get."""

from __future__ import annotations

import copy
import json
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from agenda_support import ROOT, T1, agenda_from, strings, with_room_and_media
from datajam.agenda import frab
from datajam.agenda.model import Text
from datajam.agenda.release import ChangeLog, Snapshot, release

SCHEMA = json.loads((ROOT / "data/agenda/vendor/frab-schedule.schema.json").read_text(encoding="utf-8"))
# Every format jsonschema can check (uuid, date… ; date-time and uri need optional packages, so times are also parsed below).
VALIDATOR = jsonschema.Draft6Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
NOTE = Text(en="First publication.", fr="Première publication.")
URL = "https://example.org/agenda/"


def _events(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    days = document["schedule"]["conference"]["days"]
    return {event["slug"].removeprefix("datajam-2021-"): event for day in days for events in day["rooms"].values() for event in events}


def _xml_events(data: bytes) -> dict[str, ET.Element]:
    return {event.findtext("slug", "").removeprefix("datajam-2021-"): event for event in ET.fromstring(data).iter("event")}


def test_the_schema_catches_a_broken_document() -> None:
    agenda = agenda_from()
    snapshot, _, _ = release(agenda, Snapshot(), ChangeLog(), NOTE, T1)
    document = frab.schedule(agenda, snapshot, strings().en, "en", URL)
    assert list(VALIDATOR.iter_errors(document)) == []
    broken = copy.deepcopy(document)
    del next(iter(broken["schedule"]["conference"]["days"][0]["rooms"].values()))[0]["guid"]
    broken["schedule"]["conference"]["rooms"][0]["guid"] = "not-a-uuid"
    messages = [error.message for error in VALIDATOR.iter_errors(broken)]
    assert any("'guid' is a required property" in m for m in messages) and any("not-a-uuid" in m for m in messages), messages


@pytest.mark.parametrize(("prefix", "lang"), [("", "en"), ("fr/", "fr")])
def test_published_exports_are_valid_and_agree(site_dir: Path, prefix: str, lang: str) -> None:
    folder = site_dir / prefix / "agenda"
    document = json.loads((folder / frab.JSON_FILE).read_text(encoding="utf-8"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(document)]
    assert errors == []
    assert document["schedule"]["conference"]["acronym"] == f"datajam-2021-{lang}"
    events, xml_events = _events(document), _xml_events((folder / frab.XML_FILE).read_bytes())
    agenda = agenda_from()
    assert sorted(events) == sorted(xml_events) == sorted(s.id for s in agenda.sessions)
    for session in agenda.sessions:
        event, element = events[session.id], xml_events[session.id]
        expected = str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://cipc-icpc.org/datajam-2021/sessions/{session.id}"))
        assert event["guid"] == element.get("guid") == expected  # stable, from the session id, same in both languages
        start = datetime.fromisoformat(event["date"])
        assert start.utcoffset() is not None and start.replace(tzinfo=None) == session.start
        assert datetime.fromisoformat(event["end"]).replace(tzinfo=None) == session.end
        assert element.findtext("date") == event["date"] and element.findtext("duration") == event["duration"]
        assert element.findtext("room") == event["room"] and element.findtext("track") == event["track"]
        assert [p.text for p in element.iter("person")] == [p["name"] for p in event["persons"]] == [agenda.speakers[r].name for r in session.speakers]
        assert event["title"] == element.findtext("title") == session.title[lang]
    # No room given: one online room per parallel track, so parallel sessions never share one.
    rooms = {sid: events[sid]["room"] for sid in events}
    word = {"en": "Online room", "fr": "Salle virtuelle"}[lang]
    assert rooms["alberta-response"] == f"{word} 1" and rooms["sex-trafficking-americas"] == f"{word} 2"
    assert rooms["case-study-traffik-analysis-hub"] != rooms["case-study-project-shadow"]
    tracks = {events[sid]["track"] for sid in events}
    assert tracks == {getattr(strings(), lang).lang_en, getattr(strings(), lang).lang_fr, getattr(strings(), lang).lang_both}


def test_rooms_recordings_and_slides_survive_the_round_trip() -> None:
    agenda = agenda_from(with_room_and_media())
    snapshot, _, _ = release(agenda, Snapshot(), ChangeLog(), NOTE, T1)
    document = frab.schedule(agenda, snapshot, strings().fr, "fr", URL)
    assert list(VALIDATOR.iter_errors(document)) == []
    event = _events(document)["alberta-response"]
    element = _xml_events(frab.schedule_xml(document))["alberta-response"]
    assert event["room"] == element.findtext("room") == "Salle A"
    assert "Salle A" in document["schedule"]["conference"]["days"][0]["rooms"]
    links = [(link.get("type"), link.get("href"), link.text) for link in element.iter("link")]
    assert links == [(l["type"], l["url"], l["title"]) for l in event["links"]] == [
        ("media", "https://example.org/alberta-fr.mp4", "Enregistrement"),
        ("slides", "https://example.org/alberta-fr.pdf", "Diapositives"),
    ]
    assert json.loads(frab.schedule_json(document)) == document
