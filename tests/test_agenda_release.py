"""Releases: the diff against the published snapshot, sequences, the change log, and the CI guard."""

from __future__ import annotations

from pathlib import Path

import pytest

from agenda_support import AGENDA_TEXT, ROOT, T1, T2, T3, agenda_from, cancel, edit, move
from datajam.agenda import AGENDA_FILE, CHANGES_FILE, PUBLISHED_FILE
from datajam.agenda.cli import main
from datajam.agenda.model import Text
from datajam.agenda.release import ChangeLog, NothingToRelease, Snapshot, diff, effective_snapshot, load_changelog, load_snapshot, release
from datajam.agenda.validate import load_valid

NOTE = Text(en="Update", fr="Mise à jour")


def first_release() -> tuple[Snapshot, ChangeLog]:
    snapshot, log, entry = release(agenda_from(), Snapshot(), ChangeLog(), NOTE, T1)
    assert {c.kind for c in entry.changes} == {"added"}
    return snapshot, log


def test_the_agenda_matches_its_last_published_snapshot() -> None:
    """CI guard: an agenda edit cannot go out without `scripts/agenda.py release`."""
    published = load_snapshot(ROOT / PUBLISHED_FILE)
    agenda = load_valid(ROOT / AGENDA_FILE, published.sessions.keys())
    pending = diff(agenda, published)
    assert not pending, (
        "data/agenda/agenda.yml differs from its last published snapshot: "
        + ", ".join(f"{c.kind} {c.id}" for c in pending)
        + ". Publish it: python scripts/agenda.py release --note-en '…' --note-fr '…', then commit data/agenda/."
    )


def test_the_change_log_matches_the_snapshot() -> None:
    published = load_snapshot(ROOT / PUBLISHED_FILE)
    log = load_changelog(ROOT / CHANGES_FILE)
    assert log.releases and log.releases[-1].date == published.released
    assert {c.id for r in log.releases for c in r.changes} == set(published.sessions)


def test_first_release_publishes_everything_at_sequence_zero() -> None:
    snapshot, log = first_release()
    assert snapshot.released == T1 and len(log.releases) == 1
    assert all(p.sequence == 0 and p.created == p.last_modified == T1 for p in snapshot.sessions.values())
    assert diff(agenda_from(), snapshot) == []
    with pytest.raises(NothingToRelease):
        release(agenda_from(), snapshot, log, NOTE, T2)


def test_moving_a_session_bumps_its_sequence_only() -> None:
    snapshot, log = first_release()
    moved = agenda_from(move(AGENDA_TEXT, "alberta-response", "2021-05-08 13:00", "2021-05-08 14:00"))
    (change,) = diff(moved, snapshot)
    assert (change.id, change.kind, change.fields) == ("alberta-response", "moved", ["start", "end"])
    assert change.previous == {"start": "2021-05-08T12:00:00", "end": "2021-05-08T13:00:00"}
    snapshot2, log2, _ = release(moved, snapshot, log, NOTE, T2)
    entry = snapshot2.sessions["alberta-response"]
    assert (entry.sequence, entry.created, entry.last_modified) == (1, T1, T2)
    assert snapshot2.sessions["opening-remarks"] == snapshot.sessions["opening-remarks"]
    assert len(log2.releases) == 2 and log2.releases[-1].note == NOTE


def test_a_text_change_is_recorded_without_a_sequence_bump() -> None:
    snapshot, log = first_release()
    edited = agenda_from(edit(AGENDA_TEXT, "en: Lessons from past DataJams", "en: What we learned from past DataJams"))
    (change,) = diff(edited, snapshot)
    assert (change.kind, change.fields) == ("changed", ["title"])
    snapshot2, _, _ = release(edited, snapshot, log, NOTE, T2)
    assert (snapshot2.sessions["past-datajam-experiences"].sequence, snapshot2.sessions["past-datajam-experiences"].last_modified) == (0, T2)


def test_a_speaker_change_updates_every_session_of_that_speaker() -> None:
    snapshot, _ = first_release()
    edited = agenda_from(edit(AGENDA_TEXT, "fr: analyste principal", "fr: analyste principal et chercheur"))
    assert [(c.id, c.kind, c.fields) for c in diff(edited, snapshot)] == [("sex-trafficking-americas", "changed", ["speakers"])]


def test_cancelling_keeps_the_session_and_bumps_its_sequence() -> None:
    snapshot, log = first_release()
    cancelled = agenda_from(cancel(AGENDA_TEXT, "case-study-project-shadow"))
    (change,) = diff(cancelled, snapshot)
    assert change.kind == "cancelled" and "status" in change.fields and "note" in change.fields
    snapshot2, _, _ = release(cancelled, snapshot, log, NOTE, T2)
    assert snapshot2.sessions["case-study-project-shadow"].sequence == 1


def test_adding_a_session_and_release_order() -> None:
    snapshot, log = first_release()
    new = AGENDA_TEXT + (
        "\n  - id: closing-remarks\n    start: 2021-05-09 14:00\n    end: 2021-05-09 14:30\n    languages: [en, fr]\n    public: true\n"
        "    title: {en: Closing remarks, fr: Mot de clôture}\n"
    )
    (change,) = diff(agenda_from(new), snapshot)
    assert (change.id, change.kind) == ("closing-remarks", "added")
    with pytest.raises(ValueError, match="not after the last release"):
        release(agenda_from(new), snapshot, log, NOTE, T1)
    snapshot2, _, _ = release(agenda_from(new), snapshot, log, NOTE, T3)
    assert snapshot2.sessions["closing-remarks"].sequence == 0


def test_unreleased_edits_use_the_last_release_time_not_the_clock() -> None:
    snapshot, _ = first_release()
    moved = agenda_from(move(AGENDA_TEXT, "alberta-response", "2021-05-08 13:00", "2021-05-08 14:00"))
    preview = effective_snapshot(moved, snapshot)
    assert preview.sessions["alberta-response"].last_modified == T1
    assert preview.sessions["alberta-response"].sequence == 1


def test_release_command_writes_snapshot_and_change_log(tmp_path: Path) -> None:
    agenda, published, changes = tmp_path / "agenda.yml", tmp_path / "published.json", tmp_path / "changes.json"
    agenda.write_text(AGENDA_TEXT, encoding="utf-8")
    files = ["--published", str(published), "--changes", str(changes)]
    note = ["--note-en", "First", "--note-fr", "Première"]
    assert main([*files, "release", "--file", str(agenda), *note, "--at", T1.isoformat()]) == 0
    assert main([*files, "diff", str(agenda)]) == 0
    agenda.write_text(move(AGENDA_TEXT, "opening-remarks", "2021-05-08 10:00", "2021-05-08 10:45"), encoding="utf-8")
    assert main([*files, "diff", str(agenda)]) == 1
    assert main([*files, "release", "--file", str(agenda), *note, "--at", T2.isoformat()]) == 0
    assert main([*files, "release", "--file", str(agenda), *note, "--at", T3.isoformat()]) == 1  # nothing new
    log = load_changelog(changes)
    assert [[c.kind for c in r.changes] for r in log.releases][1] == ["moved"]
    assert load_snapshot(published).sessions["opening-remarks"].sequence == 1
    text = AGENDA_TEXT
    a = text.index("  - id: opening-remarks\n")
    b = text.index("  - id: past-datajam-experiences\n")
    agenda.write_text(text[:a] + text[b:], encoding="utf-8")  # deleting a published session is refused
    assert main([*files, "release", "--file", str(agenda), *note, "--at", T3.isoformat()]) == 1
