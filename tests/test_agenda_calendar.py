"""Calendar files, parsed back with icalendar; and the JSON export."""

from __future__ import annotations

import json
from datetime import timedelta

from icalendar import Calendar

from agenda_support import AGENDA_TEXT, T1, T2, agenda_from, cancel, move, strings
from datajam.agenda.calendar import FEED_NAME, build_calendar, calendar_files
from datajam.agenda.export import export_json
from datajam.agenda.model import Text
from datajam.agenda.release import ChangeLog, Snapshot, release

NOTE = Text(en="Update", fr="Mise à jour")


def _events(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_feed_has_stable_uids_offsets_and_a_vtimezone() -> None:
    agenda = agenda_from()
    snapshot, _, _ = release(agenda, Snapshot(), ChangeLog(), NOTE, T1)
    data = build_calendar(agenda, snapshot, strings().en, "en").to_ical()
    calendar = Calendar.from_ical(data)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/Toronto"]
    events = _events(data)
    assert len(events) == 9
    opening = events["opening-remarks@cipc-icpc.org"]
    start = opening.decoded("DTSTART")  # type: ignore[attr-defined]
    assert start.isoformat() == "2021-05-08T10:30:00-04:00"
    assert opening["DTSTART"].params["TZID"] == "America/Toronto"  # type: ignore[index]
    assert opening.decoded("DTEND") - start == timedelta(minutes=45)  # type: ignore[attr-defined]
    assert int(opening["SEQUENCE"]) == 0  # type: ignore[index]
    assert opening.decoded("DTSTAMP") == T1 == opening.decoded("LAST-MODIFIED")  # type: ignore[attr-defined]
    assert str(opening["SUMMARY"]) == "Opening remarks and welcome"  # type: ignore[index]
    assert build_calendar(agenda, snapshot, strings().en, "en").to_ical() == data  # reproducible, no clock


def test_sequence_grows_after_a_release_that_moves_a_session() -> None:
    agenda = agenda_from()
    snapshot, log, _ = release(agenda, Snapshot(), ChangeLog(), NOTE, T1)
    moved = agenda_from(move(AGENDA_TEXT, "alberta-response", "2021-05-08 13:00", "2021-05-08 14:00"))
    snapshot2, _, _ = release(moved, snapshot, log, NOTE, T2)
    event = _events(build_calendar(moved, snapshot2, strings().fr, "fr").to_ical())["alberta-response@cipc-icpc.org"]
    assert int(event["SEQUENCE"]) == 1  # type: ignore[index]
    assert event.decoded("LAST-MODIFIED") == T2 == event.decoded("DTSTAMP")  # type: ignore[attr-defined]
    assert event.decoded("CREATED") == T1  # type: ignore[attr-defined]
    assert event.decoded("DTSTART").isoformat() == "2021-05-08T13:00:00-04:00"  # type: ignore[attr-defined]


def test_cancelled_sessions_stay_with_status_and_prefix_in_each_language() -> None:
    agenda = agenda_from()
    snapshot, log, _ = release(agenda, Snapshot(), ChangeLog(), NOTE, T1)
    cancelled = agenda_from(cancel(AGENDA_TEXT, "case-study-project-shadow"))
    snapshot2, _, _ = release(cancelled, snapshot, log, NOTE, T2)
    for lang, prefix in (("en", "CANCELLED: "), ("fr", "ANNULÉE\u00a0: ")):
        events = _events(build_calendar(cancelled, snapshot2, getattr(strings(), lang), lang).to_ical())
        assert len(events) == 9
        event = events["case-study-project-shadow@cipc-icpc.org"]
        assert str(event["STATUS"]) == "CANCELLED"  # type: ignore[index]
        assert str(event["SUMMARY"]).startswith(prefix)  # type: ignore[index]
        assert int(event["SEQUENCE"]) == 1  # type: ignore[index]
        assert str(events["opening-remarks@cipc-icpc.org"]["STATUS"]) == "CONFIRMED"  # type: ignore[index]


def test_one_file_per_session_plus_the_feed() -> None:
    agenda = agenda_from()
    snapshot, _, _ = release(agenda, Snapshot(), ChangeLog(), NOTE, T1)
    urls = {s.id: f"https://example.org/fr/agenda/#{s.id}" for s in agenda.sessions}
    files = calendar_files(agenda, snapshot, strings().fr, "fr", urls)
    assert set(files) == {FEED_NAME} | {f"{s.id}.ics" for s in agenda.sessions}
    (event,) = _events(files["sex-trafficking-americas.ics"]).values()
    assert str(event["SUMMARY"]).startswith("Conférence")  # type: ignore[index]
    assert event["SUMMARY"].params["LANGUAGE"] == "fr-CA"  # type: ignore[index]
    assert str(event["URL"]) == urls["sex-trafficking-americas"]  # type: ignore[index]
    assert "Fernando A. Chinchilla" in str(event["DESCRIPTION"])  # type: ignore[index]


def test_json_export_has_both_languages_and_offsets() -> None:
    agenda = agenda_from()
    snapshot, _, _ = release(agenda, Snapshot(), ChangeLog(), NOTE, T1)
    data = json.loads(export_json(agenda, snapshot))
    first = data["sessions"][0]
    assert first["id"] == "opening-remarks" and first["start"] == "2021-05-08T10:30:00-04:00"
    assert first["title"] == {"en": "Opening remarks and welcome", "fr": "Mot d’ouverture et de bienvenue"}
    assert first["languages"] == ["en", "fr"] and first["sequence"] == 0
    assert first["speakers"][0]["organization"]["fr"] == "Sécurité publique Canada"
    assert data["event"]["timezone"] == "America/Toronto"
