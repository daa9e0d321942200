"""The machine-readable export of the whole agenda (JSON), for other tools."""

from __future__ import annotations

import json
from typing import Any

from datajam.agenda.model import Agenda
from datajam.agenda.release import Snapshot, session_content
from datajam.agenda.times import aware

FORMAT_VERSION = 1


def export(agenda: Agenda, snapshot: Snapshot, links: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """Every session with both languages, times with offsets, and calendar metadata.

    ``links`` maps a session id to extra URLs (page and ``.ics`` per language).
    """
    zone = agenda.event.timezone
    sessions = []
    for session in agenda.sessions:
        published = snapshot.sessions[session.id]
        item = session_content(agenda, session)
        item["start"] = aware(session.start, zone).isoformat()
        item["end"] = aware(session.end, zone).isoformat()
        item["sequence"] = published.sequence
        item["created"] = published.created.isoformat().replace("+00:00", "Z")
        item["last_modified"] = published.last_modified.isoformat().replace("+00:00", "Z")
        item["links"] = (links or {}).get(session.id, {})
        sessions.append(item)
    return {
        "format_version": FORMAT_VERSION,
        "event": agenda.event.model_dump(mode="json"),
        "released": snapshot.released.isoformat().replace("+00:00", "Z") if snapshot.released else None,
        "sessions": sessions,
    }


def export_json(agenda: Agenda, snapshot: Snapshot, links: dict[str, dict[str, str]] | None = None) -> str:
    return json.dumps(export(agenda, snapshot, links), ensure_ascii=False, indent=2) + "\n"
