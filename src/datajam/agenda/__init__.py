"""The agenda of the open sessions: one YAML file, bilingual pages, calendars, a change log.

* :mod:`.model` – the pydantic schema of ``data/agenda/agenda.yml`` and its strings;
* :mod:`.loader` – YAML with line numbers;
* :mod:`.validate` – every rule, with messages naming file, line, session and fix;
* :mod:`.times` – times as English and French Canadian readers write them (Babel);
* :mod:`.release` – the published snapshot, the diff and the change log;
* :mod:`.calendar` – iCalendar files (icalendar);
* :mod:`.export` – the JSON export;
* :mod:`.feed` – the change log's Atom feed;
* :mod:`.frab` – the frab-compatible ``schedule.xml`` and ``schedule.json`` for conference apps;
* :mod:`.render` – the agenda and change-log pages;
* :mod:`.mkdocs` – the MkDocs hook; :mod:`.cli` – ``scripts/agenda.py``.
"""

from pathlib import Path

AGENDA_DIR = Path("data/agenda")
AGENDA_FILE = AGENDA_DIR / "agenda.yml"
STRINGS_FILE = AGENDA_DIR / "strings.yml"
PUBLISHED_FILE = AGENDA_DIR / "published.json"
CHANGES_FILE = AGENDA_DIR / "changes.json"
