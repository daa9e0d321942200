"""``python scripts/agenda.py``: validate, show pending changes, release, export."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone
from pathlib import Path

from datajam.agenda import AGENDA_FILE, CHANGES_FILE, PUBLISHED_FILE, STRINGS_FILE
from datajam.agenda.export import export_json
from datajam.agenda.model import Text
from datajam.agenda.release import NothingToRelease, diff, effective_snapshot, load_changelog, load_snapshot, release, write_json
from datajam.agenda.validate import AgendaInvalid, AgendaUnreadable, check_file, load_strings, load_valid

EXIT_VALID, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2


def cmd_validate(args: argparse.Namespace) -> int:
    load_strings(args.strings)  # raises AgendaInvalid with file:line messages
    published = load_snapshot(args.published)
    agenda, problems = check_file(args.file, published.sessions.keys())
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    if problems or agenda is None:
        print(f"{args.file}: {len(problems)} problem(s)", file=sys.stderr)
        return EXIT_INVALID
    pending = diff(agenda, published)
    print(f"{args.file}: valid ({len(agenda.sessions)} sessions, {len(pending)} unreleased change(s))")
    return EXIT_VALID


def cmd_diff(args: argparse.Namespace) -> int:
    published = load_snapshot(args.published)
    changes = diff(load_valid(args.file, published.sessions.keys()), published)
    for change in changes:
        print(f"{change.kind:9} {change.id}" + (f" ({', '.join(change.fields)})" if change.fields else ""))
    if changes:
        print("Unreleased changes: publish them with `python scripts/agenda.py release --note-en … --note-fr …`.")
    return EXIT_INVALID if changes else EXIT_VALID


def cmd_release(args: argparse.Namespace) -> int:
    published = load_snapshot(args.published)
    agenda = load_valid(args.file, published.sessions.keys())
    note = Text(en=args.note_en, fr=args.note_fr)
    at = datetime.fromisoformat(args.at) if args.at else datetime.now(timezone.utc)
    try:
        snapshot, log, entry = release(agenda, published, load_changelog(args.changes), note, at)
    except NothingToRelease as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    write_json(args.published, snapshot)
    write_json(args.changes, log)
    for change in entry.changes:
        print(f"{change.kind:9} {change.id}")
    print(f"Released {len(entry.changes)} change(s) at {entry.date:%Y-%m-%dT%H:%M:%SZ}; commit {args.file}, {args.published} and {args.changes}.")
    return EXIT_VALID


def cmd_export(args: argparse.Namespace) -> int:
    published = load_snapshot(args.published)
    agenda = load_valid(args.file, published.sessions.keys())
    sys.stdout.write(export_json(agenda, effective_snapshot(agenda, published)))
    return EXIT_VALID


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="agenda.py", description="The agenda of the open sessions: validate, diff, release, export.")
    main.add_argument("--published", type=Path, default=PUBLISHED_FILE, help="published snapshot (default: %(default)s)")
    main.add_argument("--strings", type=Path, default=STRINGS_FILE, help="interface strings (default: %(default)s)")
    main.add_argument("--changes", type=Path, default=CHANGES_FILE, help="change log (default: %(default)s)")
    commands = main.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check the agenda file; exit 0 valid, 1 invalid, 2 unreadable")
    validate.add_argument("file", nargs="?", type=Path, default=AGENDA_FILE)
    validate.set_defaults(run=cmd_validate)
    show = commands.add_parser("diff", help="list changes not yet released; exit 1 if any")
    show.add_argument("file", nargs="?", type=Path, default=AGENDA_FILE)
    show.set_defaults(run=cmd_diff)
    rel = commands.add_parser("release", help="publish the changes: update the snapshot and the change log")
    rel.add_argument("--note-en", required=True, help="what changed, in English (shown on the change log)")
    rel.add_argument("--note-fr", required=True, help="ce qui a changé, en français")
    rel.add_argument("--file", type=Path, default=AGENDA_FILE)
    rel.add_argument("--at", help=argparse.SUPPRESS)  # fixed release time, for tests
    rel.set_defaults(run=cmd_release)
    exp = commands.add_parser("export", help="write the agenda as JSON to standard output")
    exp.add_argument("file", nargs="?", type=Path, default=AGENDA_FILE)
    exp.set_defaults(run=cmd_export)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except AgendaUnreadable as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNREADABLE
    except AgendaInvalid as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    except ValueError as exc:  # a corrupt snapshot or change log, or a bad --at
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
