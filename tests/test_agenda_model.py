"""The agenda schema (pydantic) and the YAML loader."""

from __future__ import annotations

from datetime import datetime

import pytest
from pydantic import ValidationError

from agenda_support import AGENDA_TEXT, agenda_from, strings
from datajam.agenda.loader import load_yaml_text
from datajam.agenda.model import Session, Text
from datajam.agenda.release import session_content


def test_the_published_agenda_has_the_seed_sessions() -> None:
    agenda = agenda_from()
    assert [s.id for s in agenda.sessions] == [
        "opening-remarks",
        "past-datajam-experiences",
        "alberta-response",
        "sex-trafficking-americas",
        "trafficking-research-canada",
        "prevention-tools-dos-and-donts",
        "vulnerable-communities-panel",
        "case-study-traffik-analysis-hub",
        "case-study-project-shadow",
    ]
    opening = agenda.sessions[0]
    assert (opening.start, opening.end) == (datetime(2021, 5, 8, 10, 30), datetime(2021, 5, 8, 11, 15))
    assert opening.ordered_languages() == ["en", "fr"]
    assert len(opening.speakers) == 5
    assert {s.start.date().isoformat() for s in agenda.sessions} == {"2021-05-08", "2021-05-09"}
    assert all(s.public for s in agenda.sessions)
    assert agenda.event.timezone == "America/Toronto"


def test_speakers_are_defined_once_and_all_used() -> None:
    agenda = agenda_from()
    used = {ref for s in agenda.sessions for ref in s.speakers}
    assert used == set(agenda.speakers)


def test_no_seed_error_survives() -> None:
    assert "HNE" not in AGENDA_TEXT  # May 2021 is daylight time (HAE)
    assert "traite des êtres humains" not in AGENDA_TEXT  # GoC term: traite des personnes


def test_text_needs_both_languages_and_rejects_extras() -> None:
    assert Text(en="Hello", fr="Bonjour")["fr"] == "Bonjour"
    with pytest.raises(ValidationError):
        Text(en="Hello")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Text(en="Hello", fr="  ")
    with pytest.raises(ValidationError):
        Text(en="Hello", fr="Bonjour", es="Hola")  # type: ignore[call-arg]


def test_session_times_are_local_event_times_without_offset() -> None:
    base = {"id": "x", "end": "2021-05-08 11:00", "languages": ["en"], "public": True, "title": {"en": "a", "fr": "b"}}
    assert Session.model_validate({**base, "start": "2021-05-08 10:30"}).start == datetime(2021, 5, 8, 10, 30)
    for bad in ("2021-05-08 10:30-04:00", "2021-05-08", "10:30", 630):
        with pytest.raises(ValidationError):
            Session.model_validate({**base, "start": bad})


def test_loader_keeps_clock_times_and_dates_as_text_and_records_lines() -> None:
    loaded = load_yaml_text("a:\n  at: 10:30\n  day: 2021-05-08\n  list:\n    - x: 1\n")
    assert loaded.data == {"a": {"at": "10:30", "day": "2021-05-08", "list": [{"x": 1}]}}
    assert loaded.line(("a", "at")) == 2
    assert loaded.line(("a", "list", 0, "x")) == 5
    assert loaded.line(("a", "list", 0, "missing")) == 5


def test_session_content_spells_out_speakers_and_place() -> None:
    agenda = agenda_from()
    content = session_content(agenda, agenda.sessions[2])
    assert content["speakers"][0]["name"] == "Jane Fox"
    assert content["place"] == agenda.event.place.model_dump()
    assert content["start"] == "2021-05-08T12:00:00"


def test_strings_exist_in_both_languages() -> None:
    both = strings()
    assert both.en.model_dump().keys() == both.fr.model_dump().keys()
    assert both.fr.cancelled_prefix.startswith("ANNULÉE\u00a0:")
