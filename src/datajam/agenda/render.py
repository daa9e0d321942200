"""The agenda and change-log pages (Markdown with small raw-HTML blocks).

Days and time slots are Markdown headings (with ``<time>``) so they reach the
table of contents; the parallel sessions of a slot are an HTML list that CSS
lays out side by side on wide screens. Every visible string comes from
``data/agenda/strings.yml``.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Literal
from itertools import groupby
from zoneinfo import ZoneInfo

from datajam.agenda.model import Agenda, Session, Strings
from datajam.agenda.release import ChangeLog, Release, Snapshot
from datajam.agenda.times import (
    aware,
    date_text,
    days_text,
    other_zones,
    range_text,
    reader_table,
    short_date_text,
    time_text,
    zone_abbreviation,
)

AGENDA_MARKER = "<!-- agenda -->"
CHANGES_MARKER = "<!-- agenda-changes -->"


@dataclass(frozen=True)
class Links:
    """URLs relative to the page being rendered (``webcal`` is absolute)."""

    webcal: str
    feed: str
    json: str
    calendar_dir: str
    script: str
    atom: str = "changes.atom"
    frab_json: str = "schedule.json"
    frab_xml: str = "schedule.xml"
    agenda_md: str = "index.md"
    changes_url: str = "changes/"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _json(data: object) -> str:
    """JSON for a ``<script type="application/json">`` element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _md(text: str) -> str:
    """Escape text for a Markdown link label."""
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


Phase = Literal["upcoming", "live", "over"]


def phase(start: datetime, end: datetime, now: datetime) -> Phase:
    """Whether ``[start, end)`` is ahead, under way or over at ``now`` (agenda.js redoes it with the reader's clock)."""
    return "upcoming" if now < start else "live" if now < end else "over"


def release_anchor(moment: datetime) -> str:
    return f"release-{moment:%Y%m%dt%H%M%S}"


def languages_badge(session: Session, strings: Strings) -> str:
    langs = session.ordered_languages()
    code = "/".join(lang.upper() for lang in langs)
    label = strings.lang_both if len(langs) > 1 else getattr(strings, f"lang_{langs[0]}")
    return (
        f'<span class="dj-badge dj-badge--lang" data-dj-languages="{" ".join(langs)}">'
        f'<span aria-hidden="true">{code}</span><span class="dj-visually-hidden">{_e(label)}</span></span>'
    )


def _time_html(moment: datetime, lang: str) -> str:
    return f'<time datetime="{moment.isoformat()}">{_e(time_text(moment, lang))}</time>'


def session_html(agenda: Agenda, session: Session, snapshot: Snapshot, strings: Strings, lang: str, links: Links, now: datetime) -> str:
    zone = agenda.event.timezone
    start, end = aware(session.start, zone), aware(session.end, zone)
    cancelled = session.status == "cancelled"
    when = phase(start, end, now)
    out = [
        f'<li class="dj-session dj-session--{when}{" dj-session--cancelled" if cancelled else ""}" id="{session.id}" {_filter_data(session)}>',
        f'<h4 class="dj-session__title">{_e(session.title[lang])} '
        f'<a class="headerlink" href="#{session.id}" title="{_e(strings.anchor_title)}" aria-label="{_e(strings.anchor_title)}">¶</a></h4>',
    ]
    if lang not in session.languages:
        other = session.languages[0]
        out.append(
            f'<p class="dj-session__other-title">{_e(strings.title_in_other_language)} '
            f'<span lang="{other}">{_e(session.title[other])}</span></p>'
        )
    abbr = zone_abbreviation(start, lang)
    # agenda.js fills and shows the reader's own time first, and labels the event's time, when they differ.
    out.append(
        f'<p class="dj-session__local" data-dj-start="{start.isoformat()}" data-dj-end="{end.isoformat()}" hidden></p>'
    )
    out.append(
        f'<p class="dj-session__when"><span class="dj-session__event-label" hidden>{_e(strings.event_time)} </span>'
        f'{_time_html(start, lang)} – {_time_html(end, lang)}\u00a0'
        f'<abbr title="{_e(strings.event_zone_name)}">{_e(abbr)}</abbr></p>'
    )
    tags = [languages_badge(session, strings), f'<span class="dj-badge">{_e(strings.public if session.public else strings.participants_only)}</span>']
    for badge, text in (("live", strings.badge_now), ("over", strings.badge_over)):
        tags.append(f'<strong class="dj-badge dj-badge--{badge}"{"" if when == badge else " hidden"}>{_e(text)}</strong>')
    if cancelled:
        tags.append(f'<strong class="dj-badge dj-badge--cancelled">{_e(strings.cancelled)}</strong>')
    out.append(f'<p class="dj-session__tags">{" ".join(tags)}</p>')
    zones = " · ".join(f"{_e(getattr(strings, key))} {_e(text)}" for key, text in other_zones(start, end, lang))
    out.append(f'<p class="dj-session__zones">{_e(strings.other_zones)} {zones}</p>')
    if session.note:
        out.append(f'<p class="dj-session__note"><strong>{_e(session.note[lang])}</strong></p>')
    if session.description:
        out.append(f'<p class="dj-session__description">{_e(session.description[lang])}</p>')
    if session.place:
        out.append(f'<p class="dj-session__place">{_e(strings.place)} {_e(session.place[lang])}</p>')
    if session.room:
        out.append(f'<p class="dj-session__room">{_e(strings.room)} {_e(session.room[lang])}</p>')
    media = [
        f'<a href="{_e(url[lang])}">{_e(getattr(strings, field))}</a>'
        for field in ("recording", "slides")
        if (url := getattr(session, field))
    ]
    if media:
        out.append(f'<p class="dj-session__media">{" · ".join(media)}</p>')
    if session.speakers:
        people = "".join(
            f"<li><strong>{_e(s.name)}</strong>, {_e(s.role[lang])}, {_e(s.organization[lang])}</li>"
            for s in (agenda.speakers[ref] for ref in session.speakers)
        )
        out.append(f'<p class="dj-session__speakers-label">{_e(strings.speakers)}</p><ul class="dj-session__speakers">{people}</ul>')
    published = snapshot.sessions[session.id]
    if published.last_modified > published.created:
        changed_on = published.last_modified.astimezone(ZoneInfo(zone)).date()
        updated = strings.updated_on.format(date=short_date_text(changed_on, lang))
        out.append(
            f'<p class="dj-session__updated"><a href="{_e(links.changes_url)}#{release_anchor(published.last_modified)}">'
            f'{_e(updated)}</a></p>'
        )
    out.append(
        f'<p class="dj-session__calendar dj-calendar-prompt"><a href="{_e(links.calendar_dir)}{session.id}.ics" download>{_e(strings.add_to_calendar)}</a></p>'
    )
    out.append("</li>")
    return "\n".join(out)


# The filters (strings key ``filter_<key>``) and the sessions each one keeps.
FILTERS: dict[str, Callable[[Session], bool]] = {
    "en": lambda s: "en" in s.languages,
    "fr": lambda s: "fr" in s.languages,
    "both": lambda s: len(set(s.languages)) == 2,
    "public": lambda s: s.public,
}
def _filter_keys(sessions: Iterable[Session]) -> str:
    """The filters that keep at least one of ``sessions``."""
    chosen = list(sessions)
    return " ".join(key for key, keeps in FILTERS.items() if any(keeps(s) for s in chosen))


def _filter_data(session: Session) -> str:
    """The filters that keep this session, for the CSS of :func:`filters_html`."""
    return f'data-dj-filters="{_filter_keys([session])}"'


def filters_html(strings: Strings) -> str:
    """One link per filter (and one for every session): each targets an empty element whose ``:target`` hides the rest."""
    keys = ("all", *FILTERS)
    # A filter hides every day, timetable, time slot and session it does not keep (each carries data-dj-filters).
    hides = ",\n".join(
        f'#filter-{key}:target ~ {where}[data-dj-filters]:not([data-dj-filters~="{key}"])' for key in FILTERS for where in ("", "* ")
    )
    chosen = ",\n".join(f'#filter-{key}:target ~ .dj-filters a[href="#filter-{key}"]' for key in keys)
    style = f"{hides} {{ display: none; }}\n{chosen} {{ background: var(--md-primary-fg-color); color: var(--md-primary-bg-color); }}"
    targets = "".join(f'<div id="filter-{key}" class="dj-filter-target"></div>' for key in keys)
    links = "".join(
        f'<li><a class="dj-filters__link" href="#filter-{key}">{_e(getattr(strings, f"filter_{key}"))}</a></li>'
        for key in keys
    )
    return (
        f"<style>{style}</style>\n{targets}\n"
        f'<nav class="dj-filters" aria-label="{_e(strings.filter_label)}"><p class="dj-filters__label" aria-hidden="true">'
        f'{_e(strings.filter_label)}</p><ul class="dj-filters__list">{links}</ul></nav>'
    )


def parallel_tracks(sessions: list[Session]) -> dict[str, int]:
    """Each session's track (1, 2…) within a day: the first track free when it starts, in time order."""
    free_at: list[datetime] = []  # when each track is free again
    track: dict[str, int] = {}
    for s in sorted(sessions, key=lambda s: (s.start, s.end)):
        free = next((i for i, until in enumerate(free_at) if until <= s.start), len(free_at))
        free_at[free : free + 1] = [s.end]
        track[s.id] = free + 1
    return track


def _columns(sessions: list[Session]) -> dict[str, tuple[int, int]]:
    """Grid columns ``(first, last)`` of each session: parallel sessions side by side, a lone one across."""
    tracks = parallel_tracks(sessions)
    width = max(tracks.values())
    alone = {s.id for s in sessions if not any(o is not s and o.start < s.end and s.start < o.end for o in sessions)}
    # Column 1 holds the times.
    return {sid: (2, width + 2) if sid in alone else (n + 1, n + 2) for sid, n in tracks.items()}


TIMETABLE_STEP = 15  # minutes per grid row


def timetable_html(agenda: Agenda, day_sessions: list[Session], strings: Strings, lang: str, day_label: str) -> str:
    """One day as a grid: a row per quarter hour, parallel sessions side by side (wide screens, with JavaScript)."""
    zone = agenda.event.timezone
    first = min(s.start for s in day_sessions)

    def row(moment: datetime) -> int:
        return int((moment - first).total_seconds() // 60 // TIMETABLE_STEP) + 1

    columns = _columns(day_sessions)
    tracks = max(last for _, last in columns.values()) - 2
    items = []
    for start in sorted({s.start for s in day_sessions}):
        moment = aware(start, zone)
        items.append(
            f'<li class="dj-timetable__time" style="grid-area: {row(start)} / 1" '
            f'data-dj-filters="{_filter_keys(s for s in day_sessions if s.start == start)}">'
            f"{_time_html(moment, lang)}\u00a0{_e(zone_abbreviation(moment, lang))}</li>"
        )
        for s in (s for s in day_sessions if s.start == start):
            first_col, last_col = columns[s.id]
            where = f"grid-area: {row(s.start)} / {first_col} / {row(s.end)} / {last_col}"
            when = range_text(aware(s.start, zone), aware(s.end, zone), lang)
            cancelled = f' <strong class="dj-badge dj-badge--cancelled">{_e(strings.cancelled)}</strong>' if s.status == "cancelled" else ""
            items.append(
                f'<li class="dj-timetable__session" style="{where}" {_filter_data(s)}>'
                f'<a href="#{s.id}">{_e(s.title[lang])}</a>'
                f'<span class="dj-timetable__when">{_e(when)}</span> {languages_badge(s, strings)}{cancelled}</li>'
            )
    label = strings.timetable.format(day=day_label)
    return (
        f'<div class="dj-timetable" role="region" aria-label="{_e(label)}" data-dj-filters="{_filter_keys(day_sessions)}" hidden>'
        f'<ol class="dj-timetable__grid" style="grid-template-columns: minmax(4rem, 9rem) repeat({tracks}, minmax(0, 1fr)); '
        f'grid-template-rows: repeat({row(max(s.end for s in day_sessions)) - 1}, minmax(1.4rem, auto))">'
        + "".join(items)
        + "</ol></div>"
    )


def status_html(agenda: Agenda, strings: Strings, lang: str, now: datetime) -> tuple[str, dict[str, str]]:
    """The event's status line at ``now``, and its three wordings for agenda.js."""
    zone = agenda.event.timezone
    held = [s for s in agenda.sessions if s.status != "cancelled"] or agenda.sessions
    start, end = aware(min(s.start for s in held), zone), aware(max(s.end for s in held), zone)
    dates = days_text(agenda.event.days, lang)
    words = {"upcoming": strings.status_upcoming.format(dates=dates), "live": strings.status_live, "over": strings.status_over.format(dates=dates)}
    when = phase(start, end, now)
    line = f'<p class="dj-status" data-dj-status="{when}" data-dj-start="{start.isoformat()}" data-dj-end="{end.isoformat()}">{_e(words[when])}</p>'
    return line, words


def links_html(strings: Strings, links: Links) -> str:
    """Calendars, data and change log; the calendar prompts step back once the event is over (datajam.css)."""
    ics = links.feed.rsplit("/", 1)[-1]
    return (
        '<ul class="dj-agenda__links">'
        f'<li class="dj-calendar-prompt"><a class="dj-link" href="{_e(links.webcal)}">{_e(strings.subscribe)}</a>'
        f'<span class="dj-calendar-prompt__help"> – {_e(strings.subscribe_help)}</span></li>'
        f'<li class="dj-calendar-prompt"><a class="dj-link" href="{_e(links.feed)}" download="{_e(ics)}">{_e(strings.download)}</a></li>'
        f'<li><a class="dj-link" href="{_e(links.json)}">{_e(strings.export_json)}</a></li>'
        f'<li>{_e(strings.export_frab)} <a class="dj-link" href="{_e(links.frab_xml)}">schedule.xml</a> · '
        f'<a class="dj-link" href="{_e(links.frab_json)}">schedule.json</a></li>'
        f'<li><a class="dj-link" href="{_e(links.changes_url)}">{_e(strings.changes_link)}</a></li>'
        "</ul>"
    )


def agenda_markdown(agenda: Agenda, snapshot: Snapshot, strings: Strings, lang: str, links: Links, now: datetime | None = None) -> str:
    """The agenda page's body; ``now`` (default: the build's time) sets the status agenda.js later corrects."""
    now = now or datetime.now(timezone.utc)
    zone = agenda.event.timezone
    first = aware(datetime.combine(agenda.event.days[0], datetime.min.time()).replace(hour=12), zone)
    status, status_words = status_html(agenda, strings, lang, now)
    words = {**reader_table(agenda.event.days, lang), "status": status_words}
    parts = [
        f'<div class="dj-agenda" data-dj-agenda data-dj-local-label="{_e(strings.local_time)}" hidden></div>',
        f'<script type="application/json" id="dj-agenda-times">{_json(words)}</script>',
        "",
        _md(strings.intro_times.format(zone=zone_abbreviation(first, lang))),
        "",
        f"{_md(strings.place)} {_md(agenda.event.place[lang])}",
        "",
        status,
        "",
        links_html(strings, links),
        "",
        filters_html(strings),
        "",
    ]
    by_day = groupby(sorted(agenda.sessions, key=lambda s: (s.start, s.end)), key=lambda s: s.start.date())
    for day, day_group in by_day:
        day_sessions = list(day_group)
        parts += [
            f'## <time datetime="{day.isoformat()}">{_e(date_text(day, lang))}</time> '
            f'{{#day-{day.isoformat()} data-dj-filters="{_filter_keys(day_sessions)}"}}',
            "",
            timetable_html(agenda, day_sessions, strings, lang, date_text(day, lang)),
            "",
        ]
        for start, slot_group in groupby(day_sessions, key=lambda s: s.start):
            slot = list(slot_group)
            moment = aware(start, zone)
            heading = f"{_time_html(moment, lang)}\u00a0{_e(zone_abbreviation(moment, lang))}"
            keys = f'data-dj-filters="{_filter_keys(slot)}"'
            parts += [f"### {heading} {{#slot-{start:%Y-%m-%d-%H%M} {keys}}}", ""]
            items = "\n".join(session_html(agenda, s, snapshot, strings, lang, links, now) for s in slot)
            parts += [f'<ul class="dj-agenda__sessions" {keys}>\n{items}\n</ul>', ""]
    parts += [f'<script src="{_e(links.script)}" defer></script>', ""]
    return "\n".join(parts)


@dataclass(frozen=True)
class ChangeItem:
    """One line of a release, in one language: ``Moved: <title> – now … (was …)``."""

    label: str  # "Moved:" / "Déplacée :"
    session: Session
    title: str
    when: str


def change_items(agenda: Agenda, release: Release, strings: Strings, lang: str) -> list[ChangeItem]:
    """The sessions a release added, moved, changed or cancelled, worded for the change log and its feed."""
    sessions = {s.id: s for s in agenda.sessions}
    zone = agenda.event.timezone
    items = []
    for change in release.changes:
        session = sessions.get(change.id)
        if session is None:
            continue
        start, end = aware(session.start, zone), aware(session.end, zone)
        when = f"{date_text(start.date(), lang)}, {range_text(start, end, lang)}"
        if change.kind == "moved" and change.previous:
            p_start = aware(datetime.fromisoformat(change.previous["start"]), zone)
            p_end = aware(datetime.fromisoformat(change.previous["end"]), zone)
            before = f"{date_text(p_start.date(), lang)}, {range_text(p_start, p_end, lang)}"
            when = strings.moved_to.format(when=when, before=before)
        sep = "\u00a0:" if lang == "fr" else ":"
        items.append(ChangeItem(getattr(strings, f"change_{change.kind}") + sep, session, session.title[lang], when))
    return items


def release_heading(agenda: Agenda, release: Release, lang: str) -> str:
    """``November 25, 2026, 10:44 p.m. EST``: when a release was published, in event time."""
    local = release.date.astimezone(ZoneInfo(agenda.event.timezone))
    return f"{short_date_text(local.date(), lang)}, {time_text(local, lang)}\u00a0{zone_abbreviation(local, lang)}"


def changes_markdown(agenda: Agenda, log: ChangeLog, strings: Strings, lang: str, links: Links) -> str:
    follow = f'<p class="dj-feed-link"><a class="dj-link" href="{_e(links.atom)}" type="application/atom+xml">{_e(strings.feed_link)}</a></p>'
    if not log.releases:
        return f"{_md(strings.no_changes)}\n\n{follow}\n"
    parts: list[str] = [follow, ""]
    for release in reversed(log.releases):
        day = release_heading(agenda, release, lang)
        parts += [
            f'## <time datetime="{release.date.isoformat().replace("+00:00", "Z")}">{_e(day)}</time> {{#{release_anchor(release.date)}}}',
            "",
            _md(release.note[lang]),
            "",
            *(
                f"- **{_md(item.label)}** [{_md(item.title)}]({links.agenda_md}#{item.session.id}){{.dj-link}} – {_md(item.when)}"
                for item in change_items(agenda, release, strings, lang)
            ),
            "",
        ]
    return "\n".join(parts)
