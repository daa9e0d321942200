"""The validator: one failing case per rule, each message naming file, line, session and fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from agenda_support import AGENDA_TEXT, ROOT, edit, session_block
from datajam.agenda.cli import main
from datajam.agenda.validate import check_text

PUBLISHED = ["opening-remarks", "case-study-project-shadow"]


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1


def _drop_session(text: str, session_id: str) -> str:
    a, b = session_block(text, session_id)
    return text[:a] + text[b:]


# (rule, edit of the agenda text, session named, (line text, occurrence) in the edited text, words in the message)
CASES: list[tuple[str, Callable[[str], str], str | None, tuple[str, int], str]] = [
    ("yaml syntax", lambda t: edit(t, "languages: [en, fr]", "languages: [en, fr"), None, ("    public: true", 1), "YAML syntax error"),
    ("unknown field", lambda t: edit(t, "    public: true\n", "    public: true\n    colour: red\n"), "opening-remarks", ("    colour: red", 1), "unknown field `colour`"),
    ("missing field", lambda t: edit(t, "    public: true\n", ""), "opening-remarks", ("  - id: opening-remarks", 1), "`public` is missing"),
    ("wrong type", lambda t: edit(t, "    public: true", "    public: maybe"), "opening-remarks", ("public: maybe", 1), "public"),
    ("missing French text", lambda t: edit(t, "      fr: Mot d’ouverture et de bienvenue\n", ""), "opening-remarks", ("    title:", 1), "French text is missing"),
    ("empty English text", lambda t: edit(t, "en: Lessons from past DataJams", 'en: ""'), "past-datajam-experiences", ('en: ""', 1), "English text is empty"),
    ("unknown language", lambda t: edit(t, "languages: [fr]", "languages: [de]"), "sex-trafficking-americas", ("languages: [de]", 1), "unknown language"),
    ("end before start", lambda t: edit(t, "end: 2021-05-08 11:15", "end: 2021-05-08 10:15"), "opening-remarks", ("end: 2021-05-08 10:15", 1), "before or when it starts"),
    ("outside the event days", lambda t: edit(t, "start: 2021-05-09 13:00", "start: 2021-05-10 13:00"), "case-study-traffik-analysis-hub", ("start: 2021-05-10 13:00", 1), "outside the event days"),
    (
        "nonexistent local time",
        lambda t: edit(edit(edit(t, "days: [2021-05-08,", "days: [2021-03-14, 2021-05-08,"), "start: 2021-05-08 10:30", "start: 2021-03-14 02:30"), "end: 2021-05-08 11:15", "end: 2021-03-14 03:30"),
        "opening-remarks",
        ("start: 2021-03-14 02:30", 1),
        "does not exist",
    ),
    (
        "ambiguous local time",
        lambda t: edit(edit(edit(t, "days: [2021-05-08,", "days: [2021-11-07, 2021-05-08,"), "start: 2021-05-08 10:30", "start: 2021-11-07 01:30"), "end: 2021-05-08 11:15", "end: 2021-11-07 03:00"),
        "opening-remarks",
        ("start: 2021-11-07 01:30", 1),
        "ambiguous",
    ),
    ("invalid time form", lambda t: edit(t, "start: 2021-05-08 10:30", "start: 10:30"), "opening-remarks", ("start: 10:30", 1), "is not an event time"),
    ("invalid id form", lambda t: edit(t, "- id: alberta-response", "- id: Alberta Response"), "Alberta Response", ("- id: Alberta Response", 1), "invalid form"),
    ("duplicate id", lambda t: edit(t, "- id: past-datajam-experiences", "- id: opening-remarks"), "opening-remarks", ("- id: opening-remarks", 2), "duplicate id"),
    ("undefined speaker", lambda t: edit(t, "speakers: [jane-fox]", "speakers: [jane-fx]"), "alberta-response", ("speakers: [jane-fx]", 1), "unknown speaker `jane-fx`"),
    ("double-booked speaker", lambda t: edit(t, "speakers: [fernando-chinchilla]", "speakers: [jane-fox]"), "sex-trafficking-americas", ("speakers: [jane-fox]", 2), "`jane-fox` is also booked in 'alberta-response'"),
    ("cancelled without note", lambda t: edit(t, "  - id: case-study-project-shadow\n", "  - id: case-study-project-shadow\n    status: cancelled\n"), "case-study-project-shadow", ("    status: cancelled\n", 1), "cancelled without a note"),
    (
        "recording not https",
        lambda t: edit(t, "    speakers: [jane-fox]\n", "    speakers: [jane-fox]\n    recording:\n      en: https://video.example.org/alberta\n      fr: http://video.example.org/alberta\n"),
        "alberta-response",
        ("fr: http://video.example.org/alberta", 1),
        "`recording.fr` 'http://video.example.org/alberta' is not an https address",
    ),
    (
        "slides without an address",
        lambda t: edit(t, "    speakers: [jane-fox]\n", "    speakers: [jane-fox]\n    slides: {en: slides.pdf, fr: https://example.org/diapos.pdf}\n"),
        "alberta-response",
        ("slides: {en: slides.pdf", 1),
        "`slides.en` 'slides.pdf' is not an https address",
    ),
    (
        "two sessions in one room at once",
        lambda t: edit(
            edit(t, "    speakers: [jane-fox]\n", "    speakers: [jane-fox]\n    room: {en: Room A, fr: Salle A}\n"),
            "    speakers: [fernando-chinchilla]\n",
            "    speakers: [fernando-chinchilla]\n    room: {en: Room A, fr: Salle A}\n",
        ),
        "sex-trafficking-americas",
        ("room: {en: Room A", 2),
        "room 'Room A' is also used by 'alberta-response' at the same time",
    ),
    ("published session removed", lambda t: _drop_session(t, "case-study-project-shadow"), "case-study-project-shadow", ("sessions:", 1), "was published but is no longer in the file"),
]


def test_the_published_agenda_is_valid() -> None:
    agenda, problems = check_text(AGENDA_TEXT, "agenda.yml", PUBLISHED)
    assert agenda is not None and problems == []


@pytest.mark.parametrize(("rule", "change", "session", "where", "words"), CASES, ids=[c[0] for c in CASES])
def test_each_rule_names_file_line_session_and_fix(rule: str, change: Callable[[str], str], session: str | None, where: tuple[str, int], words: str) -> None:
    text = change(AGENDA_TEXT)
    _, problems = check_text(text, "data/agenda/agenda.yml", PUBLISHED)
    messages = [p.format() for p in problems]
    assert any(words in m for m in messages), messages
    problem = next(p for p in problems if words in p.format())
    line = _line_of(text, *where)
    if rule == "yaml syntax":
        assert abs(problem.line - line) <= 1, messages
    else:
        assert problem.line == line, messages
    message = problem.format()
    assert message.startswith(f"data/agenda/agenda.yml:{problem.line}: ")
    if session:
        assert f"session '{session}'" in message
    assert "Fix: " in message and problem.fix


def test_valid_links_and_rooms_pass_and_parallel_sessions_without_room_are_fine() -> None:
    links = "    recording: {en: https://example.org/en.mp4, fr: https://example.org/fr.mp4}\n    slides: {en: https://example.org/s.pdf, fr: https://example.org/d.pdf}\n"
    text = edit(AGENDA_TEXT, "    speakers: [jane-fox]\n", "    speakers: [jane-fox]\n    room: {en: Room A, fr: Salle A}\n" + links)
    text = edit(text, "    speakers: [fernando-chinchilla]\n", "    speakers: [fernando-chinchilla]\n    room: {en: Room B, fr: Salle B}\n")
    agenda, problems = check_text(text, "agenda.yml", PUBLISHED)
    assert problems == [] and agenda is not None
    session = next(s for s in agenda.sessions if s.id == "alberta-response")
    assert session.room and session.room.fr == "Salle A" and session.recording and session.recording.en.endswith("en.mp4")


def test_every_problem_is_reported_at_once() -> None:
    text = edit(edit(AGENDA_TEXT, "speakers: [jane-fox]", "speakers: [nobody]"), "end: 2021-05-08 11:15", "end: 2021-05-08 10:00")
    _, problems = check_text(text, "agenda.yml")
    assert len(problems) == 2


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.yml"
    good.write_text(AGENDA_TEXT, encoding="utf-8")
    bad = tmp_path / "bad.yml"
    bad.write_text(edit(AGENDA_TEXT, "languages: [fr]", "languages: [es]"), encoding="utf-8")
    binary = tmp_path / "binary.yml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    published = ["--published", str(ROOT / "data/agenda/published.json"), "--strings", str(ROOT / "data/agenda/strings.yml")]
    assert main([*published, "validate", str(good)]) == 0
    assert main([*published, "validate", str(bad)]) == 1
    assert f"{bad}:" in capsys.readouterr().err
    assert main([*published, "validate", str(tmp_path / "missing.yml")]) == 2
    assert main([*published, "validate", str(binary)]) == 2


def test_strings_with_a_missing_translation_are_invalid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (ROOT / "data/agenda/strings.yml").read_text(encoding="utf-8")
    broken = tmp_path / "strings.yml"
    start = text.index("\nfr:")
    broken.write_text(text[:start] + text[start:].replace("  subscribe: S’abonner au programme\n", ""), encoding="utf-8")
    assert main(["--strings", str(broken), "validate", str(ROOT / "data/agenda/agenda.yml")]) == 1
    assert f"{broken}:" in capsys.readouterr().err
