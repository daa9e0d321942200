"""The published snapshot, the diff against it and the change log.

``published.json`` holds what the last release published: each session's
resolved content (speakers and place spelled out) with its calendar
``sequence`` and the release times that created and last changed it.
``changes.json`` lists every release with its notes and changes. Both are
written only by :func:`release`; the site and the calendars read them, so
``SEQUENCE``/``LAST-MODIFIED``/``DTSTAMP`` come from the release history.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from datajam.agenda.model import Agenda, Session, Text

ChangeKind = Literal["added", "moved", "changed", "cancelled"]
# A change to these fields must make calendar clients update the event (RFC 5545 SEQUENCE).
SIGNIFICANT = ("start", "end", "status", "place", "room")
EPOCH = datetime(2021, 1, 1, tzinfo=timezone.utc)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PublishedSession(_Model):
    sequence: int = Field(ge=0)
    created: datetime
    last_modified: datetime
    content: dict[str, Any]


class Snapshot(_Model):
    released: datetime | None = None
    sessions: dict[str, PublishedSession] = Field(default_factory=dict)


class Change(_Model):
    id: str
    kind: ChangeKind
    fields: list[str] = Field(default_factory=list)
    previous: dict[str, str] | None = None  # start/end before a move


class Release(_Model):
    date: datetime
    note: Text
    changes: list[Change]


class ChangeLog(_Model):
    releases: list[Release] = Field(default_factory=list)


class NothingToRelease(ValueError):
    pass


def session_content(agenda: Agenda, session: Session) -> dict[str, Any]:
    """What a release publishes for a session: its fields with speakers and place resolved."""
    content = session.model_dump(mode="json", exclude={"speakers", "place"})
    content["place"] = agenda.session_place(session).model_dump(mode="json")
    content["speakers"] = [
        {"id": ref, **agenda.speakers[ref].model_dump(mode="json")} for ref in session.speakers if ref in agenda.speakers
    ]
    return content


def diff(agenda: Agenda, snapshot: Snapshot) -> list[Change]:
    """What changed since the last release, in agenda order."""
    changes = []
    for session in agenda.sessions:
        new = session_content(agenda, session)
        old_entry = snapshot.sessions.get(session.id)
        if old_entry is None:
            changes.append(Change(id=session.id, kind="added"))
            continue
        old = old_entry.content
        fields = [key for key in new if new[key] != old.get(key)]
        if not fields:
            continue
        kind: ChangeKind = "changed"
        if new["status"] == "cancelled" and old.get("status") != "cancelled":
            kind = "cancelled"
        elif "start" in fields or "end" in fields:
            kind = "moved"
        previous = {"start": old["start"], "end": old["end"]} if kind == "moved" else None
        changes.append(Change(id=session.id, kind=kind, fields=fields, previous=previous))
    return changes


def apply(agenda: Agenda, snapshot: Snapshot, at: datetime) -> Snapshot:
    """The snapshot after releasing the agenda at ``at`` (unchanged sessions keep their history)."""
    sessions: dict[str, PublishedSession] = dict(snapshot.sessions)
    for change in diff(agenda, snapshot):
        session = next(s for s in agenda.sessions if s.id == change.id)
        content = session_content(agenda, session)
        old = snapshot.sessions.get(change.id)
        if old is None:
            sessions[change.id] = PublishedSession(sequence=0, created=at, last_modified=at, content=content)
        else:
            bump = any(field in SIGNIFICANT for field in change.fields)
            sessions[change.id] = PublishedSession(
                sequence=old.sequence + bump, created=old.created, last_modified=at, content=content
            )
    order = [s.id for s in agenda.sessions] + [k for k in sessions if k not in {s.id for s in agenda.sessions}]
    return Snapshot(released=at, sessions={k: sessions[k] for k in order})


def effective_snapshot(agenda: Agenda, snapshot: Snapshot) -> Snapshot:
    """The snapshot the site shows: the published one, plus unreleased edits stamped with the last release time.

    ``make test`` fails while unreleased edits exist; this only keeps previews working.
    """
    if not diff(agenda, snapshot):
        return snapshot
    return apply(agenda, snapshot, snapshot.released or EPOCH)


def release(agenda: Agenda, snapshot: Snapshot, log: ChangeLog, note: Text, at: datetime) -> tuple[Snapshot, ChangeLog, Release]:
    """Publish the agenda: a new snapshot and a change-log entry. Raises :class:`NothingToRelease`."""
    changes = diff(agenda, snapshot)
    if not changes:
        raise NothingToRelease("the agenda is identical to the last published snapshot; nothing to release")
    at = at.astimezone(timezone.utc).replace(microsecond=0)
    if snapshot.released and at <= snapshot.released:
        raise ValueError(f"release time {at:%Y-%m-%dT%H:%M:%SZ} is not after the last release ({snapshot.released:%Y-%m-%dT%H:%M:%SZ})")
    entry = Release(date=at, note=note, changes=changes)
    return apply(agenda, snapshot, at), ChangeLog(releases=[*log.releases, entry]), entry


def load_snapshot(path: Path) -> Snapshot:
    return Snapshot.model_validate_json(path.read_text(encoding="utf-8")) if path.exists() else Snapshot()


def load_changelog(path: Path) -> ChangeLog:
    return ChangeLog.model_validate_json(path.read_text(encoding="utf-8")) if path.exists() else ChangeLog()


def write_json(path: Path, model: BaseModel) -> None:
    data = model.model_dump(mode="json")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
