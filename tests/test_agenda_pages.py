"""The agenda pages: rendering, the MkDocs hook, and the files it publishes."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from datetime import datetime
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar

from agenda_support import AGENDA_TEXT, ROOT, T1, T2, agenda_from, cancel, edit, move, strings, with_room_and_media
from datajam.agenda.model import Text
from datajam.agenda.release import ChangeLog, Snapshot, release
from datajam.agenda.render import Links, agenda_markdown, changes_markdown, release_anchor

NOTE = Text(en="The Alberta talk moves to 1 p.m.", fr="La conférence sur l’Alberta est déplacée à 13 h.")
LINKS = Links(webcal="webcal://example.org/agenda/calendar/datajam-2021.ics", feed="calendar/datajam-2021.ics", json="agenda.json", calendar_dir="calendar/", script="../assets/agenda.js")


def test_moved_and_cancelled_sessions_show_updated_on_and_the_change_log_lists_them() -> None:
    agenda = agenda_from()
    snapshot, log, _ = release(agenda, Snapshot(), ChangeLog(), NOTE, T1)
    changed = agenda_from(cancel(move(AGENDA_TEXT, "alberta-response", "2021-05-08 13:00", "2021-05-08 14:00"), "case-study-project-shadow"))
    snapshot2, log2, _ = release(changed, snapshot, log, NOTE, T2)
    page = agenda_markdown(changed, snapshot2, strings().en, "en", LINKS)
    assert page.count("Updated on April 20, 2021") == 2
    assert f"changes/#{release_anchor(T2)}" in page
    assert 'class="dj-session dj-session--over dj-session--cancelled" id="case-study-project-shadow"' in page
    log_fr = changes_markdown(changed, log2, strings().fr, "fr", LINKS)
    assert NOTE.fr in log_fr and NOTE.en not in log_fr
    assert "**Déplacée\u00a0:** [Conférence" in log_fr and "(index.md#alberta-response)" in log_fr
    assert "auparavant samedi 8 mai 2021, 12\u00a0h – 13\u00a0h\u00a0HAE" in log_fr
    assert "**Annulée\u00a0:**" in log_fr
    assert log_fr.index(release_anchor(T2)) < log_fr.index(release_anchor(T1))  # newest first


def test_french_only_sessions_show_their_french_title_on_the_english_page() -> None:
    agenda = agenda_from()
    snapshot, _, _ = release(agenda, Snapshot(), ChangeLog(), NOTE, T1)
    page = agenda_markdown(agenda, snapshot, strings().en, "en", LINKS)
    assert '<span lang="fr">Conférence\u00a0: les victimes' in page
    assert page.count("<li class=\"dj-session") == 9
    assert "### <time datetime=\"2021-05-08T12:00:00-04:00\">12:00\u202fp.m.</time>\u00a0EDT {#slot-2021-05-08-1200 data-dj-filters=\"en fr public\"}" in page


def test_an_invalid_agenda_aborts_the_build_with_the_validator_message(project_copy: Path, strict_build: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    project = project_copy
    agenda = project / "data/agenda/agenda.yml"
    agenda.write_text(edit(AGENDA_TEXT, "speakers: [jane-fox]", "speakers: [jane-fx]"), encoding="utf-8")
    result = strict_build(project / "site", cwd=project)
    assert result.returncode != 0
    line = AGENDA_TEXT[: AGENDA_TEXT.index("speakers: [jane-fox]")].count("\n") + 1
    assert f"agenda.yml:{line}: session 'alberta-response': unknown speaker `jane-fx`" in result.stdout + result.stderr


def _agenda_pages(site_dir: Path) -> dict[str, Path]:
    return {lang: site_dir / prefix / "agenda" / "index.html" for lang, prefix in (("en", ""), ("fr", "fr"))}


def test_agenda_files_are_published_in_both_languages(site_dir: Path) -> None:
    for prefix, name, prefix_title in (("", "en", "Opening remarks"), ("fr/", "fr", "Mot d’ouverture")):
        folder = site_dir / f"{prefix}agenda"
        feed = Calendar.from_ical((folder / "calendar/datajam-2021.ics").read_bytes())
        assert len(feed.walk("VEVENT")) == 9
        assert str(feed.walk("VEVENT")[0]["SUMMARY"]).startswith(prefix_title)
        assert len(list((folder / "calendar").glob("*.ics"))) == 10
        data = json.loads((folder / "agenda.json").read_text(encoding="utf-8"))
        assert len(data["sessions"]) == 9, name


def test_every_link_of_the_agenda_pages_resolves(site_dir: Path) -> None:
    for lang, page in {**_agenda_pages(site_dir), "changes": site_dir / "fr/agenda/changes/index.html"}.items():
        html = page.read_text(encoding="utf-8")
        base = "http://site/" + page.parent.relative_to(site_dir).as_posix() + "/"
        for target in re.findall(r'(?:href|src)="([^"#]+)(?:#[^"]*)?"', html):
            if urlsplit(target).scheme in ("http", "https", "webcal", "mailto", "tel", "data"):
                continue
            path = urlsplit(urljoin(base, target)).path.lstrip("/")
            resolved = site_dir / path
            if path == "" or path.endswith("/"):
                resolved = resolved / "index.html"
            assert resolved.exists(), f"{lang}: {target} -> {resolved}"
        assert "webcal://" in html or lang == "changes"


def test_room_recording_and_slides_show_in_each_language() -> None:
    agenda = agenda_from(with_room_and_media())
    snapshot, _, _ = release(agenda, Snapshot(), ChangeLog(), NOTE, T1)
    en = agenda_markdown(agenda, snapshot, strings().en, "en", LINKS)
    fr = agenda_markdown(agenda, snapshot, strings().fr, "fr", LINKS)
    assert '<p class="dj-session__room">Room: Room A</p>' in en and '<p class="dj-session__room">Salle\u00a0: Salle A</p>' in fr
    assert '<a href="https://example.org/alberta-en.mp4">Recording</a> · <a href="https://example.org/alberta-en.pdf">Slides</a>' in en
    assert '<a href="https://example.org/alberta-fr.mp4">Enregistrement</a> · <a href="https://example.org/alberta-fr.pdf">Diapositives</a>' in fr
    assert en.count("dj-session__media") == 1 and en.count("dj-session__room") == 1


def test_status_at_build_time_before_during_and_after() -> None:
    agenda = agenda_from()
    snapshot, _, _ = release(agenda, Snapshot(), ChangeLog(), NOTE, T1)
    toronto = ZoneInfo("America/Toronto")
    cases = [
        (datetime(2021, 5, 1, 12, tzinfo=toronto), "upcoming", "Ces séances auront lieu les 8 et 9 mai 2021."),
        (datetime(2021, 5, 9, 13, 30, tzinfo=toronto), "live", "L’événement est en cours"),
        (datetime(2021, 5, 9, 14, tzinfo=toronto), "over", "Ces séances ont eu lieu les 8 et 9 mai 2021."),
    ]
    for now, status, words in cases:
        page = agenda_markdown(agenda, snapshot, strings().fr, "fr", LINKS, now=now)
        assert f'data-dj-status="{status}"' in page and words in page
        live = re.findall(r'id="([a-z-]+)"[^>]*>(?:(?!</li>).)*class="dj-badge dj-badge--live">', page, re.S)
        assert live == (["case-study-traffik-analysis-hub", "case-study-project-shadow"] if status == "live" else [])
