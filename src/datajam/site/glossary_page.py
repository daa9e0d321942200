"""The glossary as a place to look terms up, and the glossary tooltips as keyboard-reachable links.

* Entries: each term of ``docs/<lang>/handbook/glossary.md`` is a definition-list term with an
  explicit id (``Debt bondage {#debt-bondage}``), the same id in both languages.
* The glossary page gets an A–Z index before its first section: the letters that begin a term,
  each leading to that letter's terms in alphabetical order (accents folded: « Réidentification »
  under R), each term leading to its entry.
* Every page's glossary tooltips (``<abbr title>`` from :mod:`datajam.site.glossary`) whose term
  has an entry become links to it, with the definition as the link's title: Material's tooltip
  shows on hover and on keyboard focus and is announced through ``aria-describedby``. Terms
  without an entry stay abbreviations made focusable (``tabindex="0"``), so their tooltip shows
  on focus too (WCAG 2.1.1); Escape hides a tooltip (WCAG 1.4.13, partials/javascripts/datajam.html).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import get_relative_url

from datajam.site.glossary import GLOSSARY_DIR, glossary

PAGE = "handbook/glossary/"  # the glossary page, without language prefix (directory form)
SOURCE = "handbook/glossary.md"
# a term may open with emphasis (« *Grooming* »), never with a list marker ("* item")
_ENTRY = re.compile(r"^(?P<term>(?:\*(?=\S)|[^\s:#*!>|=-])[^\n]*?)\s*\{#(?P<id>[A-Za-z][\w-]*)\}\s*\n(?:[ \t]*\n)*:[ \t]", re.M)
_EMPHASIS = re.compile(r"(?<!\w)[*_]+|[*_]+(?!\w)")
_ABBREVIATION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:", re.M)
_TAG = re.compile(r"<(/?)(a|h[1-6]|dt|abbr)\b([^>]*)>", re.I)
_FIRST_SECTION = re.compile(r"<h2\b")


@dataclass(frozen=True)
class Entry:
    term: str
    id: str


def entries(markdown: str) -> list[Entry]:
    """The glossary's terms (definition-list terms with an explicit id), in page order."""
    return [Entry(_EMPHASIS.sub("", m.group("term")).strip(), m.group("id")) for m in _ENTRY.finditer(markdown)]


def page_entries(docs_dir: Path, lang: str) -> tuple[Entry, ...]:
    return tuple(entries((docs_dir / lang / SOURCE).read_text(encoding="utf-8")))


def sort_key(term: str) -> str:
    """Alphabetical order as a dictionary has it: accents and case do not count."""
    folded = unicodedata.normalize("NFKD", term)
    return "".join(c for c in folded if not unicodedata.combining(c)).casefold()


def term_targets(entry_list: tuple[Entry, ...], lang: str, glossary_dir: Path = GLOSSARY_DIR) -> dict[str, str]:
    """Tooltip term -> id of its entry, for the terms of ``data/glossary/<lang>.md`` that have one."""
    by_term = {sort_key(e.term): e.id for e in entry_list}
    terms = _ABBREVIATION.findall(glossary(lang, glossary_dir))
    return {term: by_term[sort_key(term)] for term in terms if sort_key(term) in by_term}


def az_index(entry_list: tuple[Entry, ...], ui: dict[str, str]) -> str:
    """The A–Z jump list and index of the glossary page."""
    groups: dict[str, list[Entry]] = {}
    for entry in sorted(entry_list, key=lambda e: sort_key(e.term)):
        groups.setdefault(sort_key(entry.term)[:1].upper(), []).append(entry)
    letters = "".join(
        f'<li><a href="#dj-az-{letter.lower()}">{letter}</a></li>' for letter in groups
    )
    rows = "".join(
        f'<dt id="dj-az-{letter.lower()}">{letter}</dt><dd><ul>'
        + "".join(f'<li><a href="#{e.id}">{html.escape(e.term)}</a></li>' for e in items)
        + "</ul></dd>"
        for letter, items in groups.items()
    )
    return (
        f'<nav class="dj-az" aria-labelledby="dj-az-title">\n'
        f'<h2 id="dj-az-title">{html.escape(ui["glossary_az_title"])}</h2>\n'
        f'<ul class="dj-az__letters">{letters}</ul>\n'
        f'<dl class="dj-az__index">{rows}</dl>\n'
        f"</nav>\n"
    )


def with_az_index(page_html: str, entry_list: tuple[Entry, ...], ui: dict[str, str]) -> str:
    """The glossary page's HTML with the A–Z index before its first section."""
    match = _FIRST_SECTION.search(page_html)
    at = match.start() if match else len(page_html)
    return page_html[:at] + az_index(entry_list, ui) + page_html[at:]


def link_terms(page_html: str, targets: dict[str, str], glossary_href: str) -> str:
    """Glossary tooltips as links to their entries (``glossary_href``: the glossary page, relative
    to this page; ``""`` on the glossary page itself); the others made focusable."""
    out: list[str] = []
    pos = 0
    open_tags = {"a": 0, "h": 0, "dt": 0}
    while True:
        match = _TAG.search(page_html, pos)
        if match is None:
            break
        closing, tag, attrs = match.group(1), match.group(2).lower(), match.group(3)
        kind = "h" if tag[0] == "h" else tag
        if tag != "abbr":
            open_tags[kind] = max(0, open_tags[kind] + (-1 if closing else 1))
            out.append(page_html[pos : match.end()])
            pos = match.end()
            continue
        end = page_html.find("</abbr>", match.end())
        if closing or end < 0 or "title=" not in attrs:
            out.append(page_html[pos : match.end()])
            pos = match.end()
            continue
        text = page_html[match.end() : end]
        target = targets.get(html.unescape(text))
        out.append(page_html[pos : match.start()])
        if open_tags["a"]:
            out.append(page_html[match.start() : end])  # already inside a link: left as it is
        elif target and not (open_tags["h"] or open_tags["dt"]):
            out.append(f'<a class="dj-term" href="{glossary_href}#{target}"{attrs}><abbr>{text}')
            end_tag = "</abbr></a>"
            out.append(end_tag)
            pos = end + len("</abbr>")
            continue
        else:
            out.append(f'<abbr{attrs} tabindex="0">{text}')
        pos = end
    out.append(page_html[pos:])
    return "".join(out)


def for_page(page_html: str, page_url: str, glossary_url: str, lang: str, docs_dir: Path, ui: dict[str, str]) -> str:
    """A page's HTML with its glossary terms linked; the glossary page also gets its A–Z index."""
    entry_list = page_entries(docs_dir, lang)
    own = page_url == glossary_url
    href = "" if own else get_relative_url(glossary_url, page_url)
    if glossary_url.endswith("/") and href and not href.endswith("/"):
        href += "/"
    page_html = link_terms(page_html, term_targets(entry_list, lang), href)
    return with_az_index(page_html, entry_list, ui) if own else page_html
