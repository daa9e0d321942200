"""Every rule of the agenda file, with messages that name the file, line, session and fix."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import combinations
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from datajam.agenda.loader import LoadedYaml, Path_, YamlSyntaxError, load_yaml, load_yaml_text
from datajam.agenda.model import Agenda, Session, StringsFile
from datajam.bilingual import language_gaps

LANGUAGE_NAMES = {"en": "English", "fr": "French"}


class AgendaUnreadable(OSError):
    """The file cannot be read at all (missing, not UTF-8…): exit status 2."""


class AgendaInvalid(ValueError):
    """The agenda breaks at least one rule; ``str()`` lists every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    session: str | None
    message: str
    fix: str

    def format(self) -> str:
        where = f"session '{self.session}': " if self.session else ""
        return f"{self.file}:{self.line}: {where}{self.message}. Fix: {self.fix}."


def _session_id(data: Any, index: int) -> str | None:
    try:
        value = data["sessions"][index]["id"]
    except (KeyError, IndexError, TypeError):
        return None
    return value if isinstance(value, str) else None


def _pydantic_fix(error: dict[str, Any]) -> tuple[str, str]:
    loc = error["loc"]
    name = str(loc[-1]) if loc else "the value"
    kind = error["type"]
    if kind == "missing":
        return f"the field `{name}` is missing", f"add `{name}:`"
    if kind == "extra_forbidden":
        return f"unknown field `{name}`", f"remove `{name}` or correct its spelling"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        what = "unknown language" if "languages" in loc else f"unexpected value {error.get('input')!r}"
        return f"{what} in `{'.'.join(map(str, loc[-2:]))}`", f"use one of {expected}"
    if kind == "string_pattern_mismatch":
        return f"`{name}` has an invalid form ({error.get('input')!r})", "use lowercase letters, digits and single hyphens, e.g. `opening-remarks`"
    if kind == "value_error" and name in ("start", "end"):
        return f"`{name}` {error.get('input')!r} is not an event time", "write the local time as YYYY-MM-DD HH:MM, e.g. 2021-05-08 10:30, without an offset"
    return f"`{'.'.join(map(str, loc)) or 'file'}`: {error['msg']}", "correct the value as the message says"


def _session_of(data: Any, loc: Path_) -> str | None:
    return _session_id(data, int(loc[1])) if len(loc) > 1 and loc[0] == "sessions" and isinstance(loc[1], int) else None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (isinstance(value, (dict, list)) and not value)


def _language_problems(file: str, loaded: LoadedYaml) -> dict[Path_, Problem]:
    """Every bilingual text lacking a language (:func:`language_gaps`), by the path of the missing or empty text."""
    problems: dict[Path_, Problem] = {}

    def walk(node: Any, path: Path_) -> None:
        if isinstance(node, dict):
            for lang, state in language_gaps(node, _blank):
                name = LANGUAGE_NAMES[lang]
                at: Path_ = (*path, lang)
                if state == "missing":
                    message, fix = f"the {name} text is missing", f"add `{lang}:` with the {name} text"
                else:
                    message, fix = f"the {name} text is empty", f"write the {name} text"
                problems[at] = Problem(file, loaded.line(at), _session_of(loaded.data, path), message, fix)
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, (*path, index))

    walk(loaded.data, ())
    return problems


def _schema_problems(file: str, loaded: LoadedYaml, exc: ValidationError) -> list[Problem]:
    """The schema's errors in its order; a text lacking a language is worded by the bilingual rule."""
    languages = _language_problems(file, loaded)
    problems = []
    for error in exc.errors():
        loc: Path_ = tuple(error["loc"])
        if loc in languages and error["type"] in ("missing", "string_too_short"):
            problems.append(languages.pop(loc))
            continue
        message, fix = _pydantic_fix(dict(error))
        problems.append(Problem(file, loaded.line(loc), _session_of(loaded.data, loc), message, fix))
    return problems + list(languages.values())


def local_time_problem(moment: datetime, zone: ZoneInfo) -> str | None:
    """Why a wall-clock time in ``zone`` is unusable (skipped or repeated at a clock change), or None."""
    first, second = moment.replace(tzinfo=zone, fold=0), moment.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        roundtrip = first.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None)
        if roundtrip != moment:
            return "does not exist (the clocks skip it when daylight time starts)"
        return "is ambiguous (it happens twice when daylight time ends)"
    return None


def _overlap(a: Session, b: Session) -> bool:
    return a.start < b.end and b.start < a.end


def rule_problems(file: str, loaded: LoadedYaml, agenda: Agenda, published_ids: Collection[str] = ()) -> list[Problem]:
    """The rules a schema cannot express: ids, times, speakers, cancellations, published sessions."""
    problems: list[Problem] = []
    zone = ZoneInfo(agenda.event.timezone)
    days = set(agenda.event.days)
    day_list = ", ".join(d.isoformat() for d in agenda.event.days)

    def add(path: Path_, session: str | None, message: str, fix: str) -> None:
        problems.append(Problem(file, loaded.line(path), session, message, fix))

    seen: dict[str, int] = {}
    for i, s in enumerate(agenda.sessions):
        at = ("sessions", i)
        if s.id in seen:
            add((*at, "id"), s.id, f"duplicate id (already used by session #{seen[s.id] + 1})", "give this session a new id that was never used")
        seen.setdefault(s.id, i)
        if len(set(s.languages)) != len(s.languages):
            add((*at, "languages"), s.id, "a language is listed twice", "list each language once: [en], [fr] or [en, fr]")
        if s.end <= s.start:
            add((*at, "end"), s.id, f"ends ({s.end:%Y-%m-%d %H:%M}) before or when it starts ({s.start:%Y-%m-%d %H:%M})", "set `end` after `start`")
        for field in ("start", "end"):
            moment: datetime = getattr(s, field)
            if moment.date() not in days:
                add((*at, field), s.id, f"`{field}` {moment:%Y-%m-%d %H:%M} is outside the event days ({day_list})", "use a time on one of the event days, or add the day to `event.days`")
            why = local_time_problem(moment, zone)
            if why:
                add((*at, field), s.id, f"`{field}` {moment:%Y-%m-%d %H:%M} {why} in {agenda.event.timezone}", "choose another time")
        if s.end.date() != s.start.date() and s.end > s.start:
            add((*at, "end"), s.id, "ends on another day than it starts", "split the session into one session per day")
        for j, speaker in enumerate(s.speakers):
            if speaker not in agenda.speakers:
                add((*at, "speakers", j), s.id, f"unknown speaker `{speaker}`", f"define `{speaker}` under `speakers:` or correct the id")
        if s.status == "cancelled" and s.note is None:
            add((*at, "status"), s.id, "cancelled without a note", "add `note:` with `en:` and `fr:` saying why and what replaces it")

    active = [(i, s) for i, s in enumerate(agenda.sessions) if s.status != "cancelled"]
    for (i, a), (j, b) in combinations(active, 2):
        if _overlap(a, b):
            for speaker in sorted(set(a.speakers) & set(b.speakers)):
                add(("sessions", j, "speakers"), b.id, f"speaker `{speaker}` is also booked in '{a.id}' at the same time", "move one of the sessions or change its speakers")

    for gone in sorted(set(published_ids) - set(seen)):
        add(("sessions",), gone, "was published but is no longer in the file", "put it back with `status: cancelled` and a `note:` in both languages (ids are never deleted or reused)")
    return problems


def check_text(text: str, file: str, published_ids: Collection[str] = ()) -> tuple[Agenda | None, list[Problem]]:
    """Validate agenda text; returns the agenda (if it parsed) and every problem found."""
    try:
        loaded = load_yaml_text(text)
    except YamlSyntaxError as exc:
        return None, [Problem(file, exc.line, None, f"YAML syntax error: {exc}", "check the indentation, colons and quotes on this line and the line before")]
    try:
        agenda = Agenda.model_validate(loaded.data)
    except ValidationError as exc:
        return None, _schema_problems(file, loaded, exc)
    problems = rule_problems(file, loaded, agenda, published_ids)
    return agenda, problems


def check_file(path: Path, published_ids: Collection[str] = ()) -> tuple[Agenda | None, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AgendaUnreadable(f"{path}: cannot read the agenda file: {exc}. Fix: check the path and that the file is UTF-8.") from exc
    return check_text(text, str(path), published_ids)


def load_valid(path: Path, published_ids: Collection[str] = ()) -> Agenda:
    """The agenda in ``path``, or :class:`AgendaInvalid` listing every problem."""
    agenda, problems = check_file(path, published_ids)
    if problems or agenda is None:
        raise AgendaInvalid(problems)
    return agenda





def load_strings(path: Path) -> StringsFile:
    """The agenda's interface strings; :class:`AgendaInvalid` if a key is missing or unknown."""
    try:
        loaded = load_yaml(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise AgendaUnreadable(f"{path}: cannot read the agenda strings: {exc}") from exc
    except YamlSyntaxError as exc:
        raise AgendaInvalid([Problem(str(path), exc.line, None, f"YAML syntax error: {exc}", "check the quotes and colons")]) from exc
    try:
        return StringsFile.model_validate(loaded.data)
    except ValidationError as exc:
        raise AgendaInvalid(_schema_problems(str(path), loaded, exc)) from exc
