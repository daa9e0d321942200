"""Helpers shared by the agenda tests: the real agenda file, edited in memory."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from datajam.agenda import AGENDA_FILE, STRINGS_FILE
from datajam.agenda.model import Agenda, StringsFile
from datajam.agenda.validate import AgendaInvalid, check_text, load_strings

ROOT = Path(__file__).resolve().parent.parent
AGENDA_TEXT = (ROOT / AGENDA_FILE).read_text(encoding="utf-8")
T1 = datetime(2021, 4, 1, 12, 0, tzinfo=timezone.utc)
T2 = datetime(2021, 4, 20, 15, 30, tzinfo=timezone.utc)
T3 = datetime(2021, 5, 1, 9, 0, tzinfo=timezone.utc)


def agenda_from(text: str = AGENDA_TEXT) -> Agenda:
    agenda, problems = check_text(text, "agenda.yml")
    if problems or agenda is None:
        raise AgendaInvalid(problems)
    return agenda


def strings() -> StringsFile:
    return load_strings(ROOT / STRINGS_FILE)


def edit(text: str, old: str, new: str, occurrence: int = 1) -> str:
    """Replace the ``occurrence``-th ``old`` (which must exist) with ``new``."""
    index = -1
    for _ in range(occurrence):
        index = text.index(old, index + 1)
    return text[:index] + new + text[index + len(old) :]


def session_block(text: str, session_id: str) -> tuple[int, int]:
    """Start and end offsets of a session's block in the YAML text."""
    start = text.index(f"  - id: {session_id}\n")
    end = text.find("\n  - id: ", start + 1)
    return start, (len(text) if end < 0 else end + 1)


def move(text: str, session_id: str, start: str, end: str) -> str:
    a, b = session_block(text, session_id)
    block = text[a:b]
    lines = [
        f"    start: {start}" if line.startswith("    start: ") else f"    end: {end}" if line.startswith("    end: ") else line
        for line in block.split("\n")
    ]
    return text[:a] + "\n".join(lines) + text[b:]


def cancel(text: str, session_id: str, note_en: str = "Cancelled: the speaker is ill.", note_fr: str = "Annulée : la conférencière est malade.") -> str:
    head = f"  - id: {session_id}\n"
    return text.replace(head, head + f"    status: cancelled\n    note:\n      en: \"{note_en}\"\n      fr: \"{note_fr}\"\n", 1)


def with_room_and_media(text: str = AGENDA_TEXT) -> str:
    """The Alberta talk in Room A / Salle A, with a recording and slides per language."""
    extra = (
        "    room: {en: Room A, fr: Salle A}\n"
        "    recording: {en: https://example.org/alberta-en.mp4, fr: https://example.org/alberta-fr.mp4}\n"
        "    slides: {en: https://example.org/alberta-en.pdf, fr: https://example.org/alberta-fr.pdf}\n"
    )
    return edit(text, "    speakers: [jane-fox]\n", "    speakers: [jane-fox]\n" + extra)
