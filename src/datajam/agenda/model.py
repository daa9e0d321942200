"""The schema of the agenda file and of its interface strings (pydantic v2)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from datajam import LANGUAGES

Language = Literal["en", "fr"]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

_LOCAL_TIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")


def _local_time_text(value: object) -> object:
    """Accept only ``YYYY-MM-DD HH:MM`` (event time, no offset) for start and end."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _LOCAL_TIME.match(value.strip()):
        raise ValueError("write the event's local time as YYYY-MM-DD HH:MM, e.g. 2021-05-08 10:30 (no offset)")
    return value.strip()


LocalTime = Annotated[datetime, BeforeValidator(_local_time_text)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in both languages."""

    en: NonEmpty
    fr: NonEmpty

    def __getitem__(self, lang: str) -> str:
        return str(getattr(self, lang))


class Speaker(Strict):
    name: NonEmpty
    role: Text
    organization: Text


class Session(Strict):
    id: Identifier = Field(description="Stable, never reused: the URL anchor and the calendar UID.")
    start: LocalTime
    end: LocalTime
    languages: list[Language] = Field(min_length=1, max_length=2)
    status: Literal["confirmed", "cancelled"] = "confirmed"
    public: bool
    title: Text
    description: Text | None = None
    speakers: list[Identifier] = Field(default_factory=list)
    place: Text | None = None
    room: Text | None = Field(default=None, description="Optional; two sessions in the same room must not overlap.")
    note: Text | None = Field(default=None, description="Required when cancelled: why, and what replaces it.")
    recording: Text | None = Field(default=None, description="https address of the recording, per language.")
    slides: Text | None = Field(default=None, description="https address of the slides, per language.")

    def ordered_languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if lang in self.languages]


class Event(Strict):
    name: Text
    timezone: Literal["America/Toronto"]
    days: list[date] = Field(min_length=1)
    place: Text
    uid_domain: Annotated[str, StringConstraints(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$")]
    contact: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+$")]


class Agenda(Strict):
    event: Event
    speakers: dict[Identifier, Speaker]
    sessions: list[Session]

    def session_place(self, session: Session) -> Text:
        return session.place or self.event.place


class Strings(Strict):
    """Every visible string of the agenda pages and calendars, in one language."""

    intro_times: str
    event_zone_name: str
    other_zones: str
    zone_pacific: str
    zone_mountain: str
    zone_saskatchewan: str
    zone_central: str
    zone_atlantic: str
    zone_newfoundland: str
    local_time: str
    event_time: str
    timetable: str
    status_upcoming: str
    status_live: str
    status_over: str
    badge_now: str
    badge_over: str
    filter_label: str
    filter_all: str
    filter_en: str
    filter_fr: str
    filter_both: str
    filter_public: str
    lang_en: str
    lang_fr: str
    lang_both: str
    title_in_other_language: str
    public: str
    participants_only: str
    cancelled: str
    cancelled_prefix: str
    speakers: str
    place: str
    room: str
    recording: str
    slides: str
    updated_on: str
    anchor_title: str
    add_to_calendar: str
    subscribe: str
    subscribe_help: str
    download: str
    export_json: str
    export_frab: str
    parallel_room: str
    changes_link: str
    feed_link: str
    no_changes: str
    change_added: str
    change_moved: str
    change_changed: str
    change_cancelled: str
    moved_to: str
    feed_description: str
    contact: str
    session_url: str


class StringsFile(Strict):
    en: Strings
    fr: Strings
