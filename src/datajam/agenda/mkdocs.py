"""MkDocs hook: validate the agenda, render its pages, publish its calendars and JSON.

Loaded through ``hooks/agenda_glue.py``. Each language build (mkdocs-static-i18n)
adds ``<lang prefix>agenda/calendar/*.ics`` and ``agenda.json`` as generated
files, and fills the two placeholder pages, ``agenda/index.md`` and
``agenda/changes.md``, at their markers. An invalid agenda aborts the build
with the validator's messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from datajam import LANGUAGES, languages
from datajam.agenda import AGENDA_FILE, CHANGES_FILE, PUBLISHED_FILE, STRINGS_FILE, frab
from datajam.agenda.calendar import FEED_NAME, calendar_files
from datajam.agenda.export import export_json
from datajam.agenda.feed import FEED_FILE, atom_feed
from datajam.agenda.model import Agenda, StringsFile
from datajam.agenda.release import ChangeLog, Snapshot, effective_snapshot, load_changelog, load_snapshot
from datajam.agenda.render import AGENDA_MARKER, CHANGES_MARKER, Links, agenda_markdown, changes_markdown
from datajam.agenda.validate import AgendaInvalid, AgendaUnreadable, load_strings, load_valid

__all__ = ["on_files", "on_page_markdown"]

SCRIPT = "assets/agenda.js"
JSON_NAME = "agenda.json"


@dataclass(frozen=True)
class _Build:
    agenda: Agenda
    snapshot: Snapshot
    log: ChangeLog
    strings: StringsFile


_BUILD: dict[str, _Build] = {}


def _language(config: MkDocsConfig) -> str:
    return languages.of_build(config.theme["language"])


def _site_url(config: MkDocsConfig) -> str:
    return config.site_url or "http://127.0.0.1:8000/"


def load_build(root: Path) -> _Build:
    """Read and validate everything the agenda pages need; :class:`PluginError` if invalid.

    Cached per process while the files are unchanged: every language build reuses it.
    """
    files = (AGENDA_FILE, STRINGS_FILE, PUBLISHED_FILE, CHANGES_FILE)
    key = tuple((root / f).stat().st_mtime_ns if (root / f).exists() else None for f in files)
    cached = _CACHE.get(root.resolve())
    if cached and cached[0] == key:
        return cached[1]
    build = _read_build(root)
    _CACHE[root.resolve()] = (key, build)
    return build


_CACHE: dict[Path, tuple[tuple[int | None, ...], _Build]] = {}


def _read_build(root: Path) -> _Build:
    try:
        published = load_snapshot(root / PUBLISHED_FILE)
        agenda = load_valid(root / AGENDA_FILE, published.sessions.keys())
        strings = load_strings(root / STRINGS_FILE)
        log = load_changelog(root / CHANGES_FILE)
    except (AgendaInvalid, AgendaUnreadable, ValueError) as exc:
        raise PluginError(f"The agenda is invalid; fix it and build again:\n{exc}") from exc
    return _Build(agenda, effective_snapshot(agenda, published), log, strings)


def session_links(agenda: Agenda, site_url: str) -> dict[str, dict[str, str]]:
    """Absolute page and calendar URLs of every session, per language."""
    links: dict[str, dict[str, str]] = {}
    for session in agenda.sessions:
        item = {}
        for lang in LANGUAGES:
            base = urljoin(site_url, f"{languages.prefix(lang)}agenda/")
            item[f"page_{lang}"] = f"{base}#{session.id}"
            item[f"ics_{lang}"] = f"{base}calendar/{session.id}.ics"
        links[session.id] = item
    return links


@event_priority(-150)  # after mkdocs-static-i18n (-100) has sorted the files per language
def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = _language(config)
    build = load_build(Path(config.config_file_path).parent)
    _BUILD[lang] = build
    links = session_links(build.agenda, _site_url(config))
    urls = {sid: item[f"page_{lang}"] for sid, item in links.items()}
    generated = {
        f"calendar/{name}": content
        for name, content in calendar_files(build.agenda, build.snapshot, getattr(build.strings, lang), lang, urls).items()
    }
    generated[JSON_NAME] = export_json(build.agenda, build.snapshot, links).encode()
    agenda_url = urljoin(_site_url(config), f"{languages.prefix(lang)}agenda/")
    strings = getattr(build.strings, lang)
    generated[FEED_FILE] = atom_feed(build.agenda, build.log, strings, lang, urljoin(agenda_url, FEED_FILE), urljoin(agenda_url, "changes/"), agenda_url)
    document = frab.schedule(build.agenda, build.snapshot, strings, lang, agenda_url)
    generated[frab.JSON_FILE] = frab.schedule_json(document)
    generated[frab.XML_FILE] = frab.schedule_xml(document)
    for name, content in generated.items():
        file = File.generated(config, f"{lang}/agenda/{name}", content=content)
        file.dest_uri = f"{languages.prefix(lang)}agenda/{name}"
        files.append(file)
    return files


def _links(page: Page, config: MkDocsConfig, lang: str) -> Links:
    """Links from ``page`` to the agenda's files; the marker may sit on any page."""
    agenda_dir = f"{languages.prefix(lang)}agenda/"
    feed = f"{agenda_dir}calendar/{FEED_NAME}"
    feed_url = urljoin(_site_url(config), feed)
    webcal = "webcal://" + feed_url.split("://", 1)[1] if urlsplit(feed_url).scheme in ("http", "https") else feed_url

    def rel(target: str) -> str:
        return get_relative_url(target, page.url or ".") + ("/" if target.endswith("/") else "")

    return Links(
        webcal=webcal,
        feed=rel(feed),
        json=rel(f"{agenda_dir}{JSON_NAME}"),
        calendar_dir=rel(f"{agenda_dir}calendar/").rstrip("/") + "/",
        script=rel(SCRIPT),
        # from disk (the offline copy, no directory URLs) a link names the page's file
        changes_url=rel(f"{agenda_dir}changes/").rstrip("/") + ("/" if config.use_directory_urls else ".html"),
        atom=rel(f"{agenda_dir}{FEED_FILE}"),
        frab_json=rel(f"{agenda_dir}{frab.JSON_FILE}"),
        frab_xml=rel(f"{agenda_dir}{frab.XML_FILE}"),
    )


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if AGENDA_MARKER not in markdown and CHANGES_MARKER not in markdown:
        return markdown
    lang = _language(config)
    build = _BUILD[lang]
    strings = getattr(build.strings, lang)
    links = _links(page, config, lang)
    if AGENDA_MARKER in markdown:
        markdown = markdown.replace(AGENDA_MARKER, agenda_markdown(build.agenda, build.snapshot, strings, lang, links))
    if CHANGES_MARKER in markdown:
        markdown = markdown.replace(CHANGES_MARKER, changes_markdown(build.agenda, build.log, strings, lang, links))
        page.meta["dj_feed"] = {"href": links.atom, "title": strings.feed_link}  # <link rel="alternate"> (overrides/main.html)
    return markdown
