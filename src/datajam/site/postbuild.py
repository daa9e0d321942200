"""Every edit of the built site, in one pass after MkDocs (and mkdocs-static-i18n) has written it.

:func:`run` takes a :class:`Site` (a folder and what the build knows of it) and runs :data:`STEPS`
in order. One step, :func:`edit_pages`, reads each built page once and applies :data:`PAGE_EDITS`
to its HTML in order, then writes it back. To add an edit of every page, insert a named function
in :data:`PAGE_EDITS` before the last one: the Content Security Policy (:mod:`datajam.site.csp`)
hashes the inline code of the final HTML, so it comes last, and the last step checks that every
HTML file of the site carries a policy that allows its inline code. To add a change of other
files (say, of the search index), add a named step to :data:`STEPS` before that check. Nothing
here needs MkDocs: the pass runs on any folder (see the tests).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from datajam import LANGUAGES, languages
from datajam.site import bundle, csp, search


@dataclass(frozen=True)
class Site:
    """A built site and what the build knows of it."""

    root: Path
    url: str  # site_url, for absolute links
    pages: Mapping[str, str]  # site-relative path of each built page -> its URL as MkDocs names it
    templates: Sequence[str]  # site-relative paths of pages rendered from a template alone (404.html)
    exit_skip_links: Mapping[str, str]  # language -> the quick-exit skip link's HTML
    print_pages: Sequence[str] = ()  # site-relative paths of the print pages (datajam.site.printpage)
    worker_shim: str | None = None  # offline copy: the iframe-worker shim's source (datajam.site.offline)
    live_reload: bool = False  # `make serve`: its server adds an inline script to every page (datajam.site.csp.policy)


@dataclass
class Document:
    """One page of the site being edited."""

    path: str  # relative to the site root
    url: str | None  # the page's URL; None for a template or print page (no twin in the other language)
    lang: str
    html: str
    printed: bool = False  # a print page: no quick exit, no search (it is made into the PDF)


PageEdit = Callable[[Document, Site], str]
Step = Callable[[Site], None]

_ALTERNATE_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
_BODY = re.compile(r"<body[^>]*>")
_HTML_LANG = re.compile(r'<html\b[^>]*\blang="([^"]+)"')
_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


# -- page edits ------------------------------------------------------------------------------
def hreflang_links(alternates: list[dict[str, Any]]) -> str:
    """Standard ``<link rel="alternate" hreflang>`` tags (see :mod:`datajam.site.bundle`)."""
    return "".join(
        f'<link rel="alternate" href="{html.escape(a["link"])}" hreflang="{html.escape(a["lang"])}">\n'
        for a in alternates
    )


def with_absolute_hreflang(output: str, alternates: list[dict[str, Any]]) -> str:
    """Replace the relative ``hreflang`` links Material writes with absolute ones (plus x-default)."""
    links = list(_ALTERNATE_LINK.finditer(output))
    if not links:
        return output
    start, end = links[0].start(), links[-1].end()
    return output[:start] + hreflang_links(alternates) + output[end:]


def absolute_hreflang(doc: Document, site: Site) -> str:
    if doc.printed:
        return doc.html
    if doc.url is None:  # the bilingual 404 page has no twin: drop the alternates Material kept from the last page
        return _ALTERNATE_LINK.sub("", doc.html)
    return with_absolute_hreflang(doc.html, languages.page_alternates(doc.url, site.url))


def with_exit_skip_link(output: str, link: str) -> str:
    """Insert the quick-exit skip link (``overrides/partials/quick-exit-skip.html``) right
    after ``<body>``, so that it is the first focusable element of the page."""
    match = _BODY.search(output)
    if not match or "dj-exit-skip" in output:
        return output
    return output[: match.end()] + "\n" + link + output[match.end() :]


def exit_skip_link(doc: Document, site: Site) -> str:
    return doc.html if doc.printed else with_exit_skip_link(doc.html, site.exit_skip_links[doc.lang])


def with_language_search_base(output: str, lang: str) -> str:
    """Point Material's ``config.base`` at the language's own root (``…/fr``).

    Material fetches ``<base>/search/search_index.json`` and resolves result
    links against it, so French pages search the French index only.
    """
    if lang == languages.DEFAULT:
        return output

    def rewrite(match: re.Match[str]) -> str:
        data = json.loads(match.group(2))
        base = data["base"].rstrip("/")
        data["base"] = f"{base}/{languages.prefix(lang)}" if base not in ("", ".") else languages.prefix(lang)
        return match.group(1) + json.dumps(data, ensure_ascii=False) + match.group(3)

    return _CONFIG_SCRIPT.sub(rewrite, output, count=1)


def material_config(output: str) -> dict[str, Any]:
    """Material's configuration of the page (``<script id="__config">``); empty if it has none."""
    match = _CONFIG_SCRIPT.search(output)
    return json.loads(match.group(2)) if match else {}


def language_search_base(doc: Document, site: Site) -> str:
    return doc.html if doc.url is None else with_language_search_base(doc.html, doc.lang)


def referrer_policy(doc: Document, site: Site) -> str:
    return csp.with_referrer_policy(doc.html, doc.path)


def content_security_policy(doc: Document, site: Site) -> str:
    """Last: the policy hashes the page's inline code as the reader will get it."""
    worker = material_config(doc.html).get("search") if site.worker_shim else None
    extra = [csp.worker_shim_script(site.worker_shim, worker)] if site.worker_shim and worker else []
    return csp.with_policy(doc.html, doc.path, extra, site.live_reload)


PAGE_EDITS: tuple[tuple[str, PageEdit], ...] = (
    ("absolute hreflang links", absolute_hreflang),
    ("quick-exit skip link first", exit_skip_link),
    ("search base of the page's language", language_search_base),
    ("no referrer", referrer_policy),
    ("Content Security Policy (last)", content_security_policy),
)


def documents(site: Site) -> list[Document]:
    """The site's pages, template pages and print pages; a template page is in the language it was
    last rendered in."""
    found = [Document(path, url, languages.split_url(url)[0], "") for path, url in site.pages.items()]
    found += [Document(path, None, "", "") for path in site.templates if (site.root / path).is_file()]
    found += [Document(path, None, "", "", printed=True) for path in site.print_pages]
    for doc in found:
        doc.html = (site.root / doc.path).read_text(encoding="utf-8")
        if doc.url is None:
            match = _HTML_LANG.search(doc.html)
            doc.lang = match.group(1) if match and match.group(1) in LANGUAGES else languages.DEFAULT
    return found


def edit_pages(site: Site) -> None:
    """Apply :data:`PAGE_EDITS` in order to every page; write the pages that changed.
    Inline code no policy can allow fails the build with every file, line and fix at once."""
    faults = []
    for doc in documents(site):
        original = doc.html
        try:
            for _, edit in PAGE_EDITS:
                doc.html = edit(doc, site)
        except csp.InlineCodeError as error:
            faults.append(str(error))
            continue
        if doc.html != original:
            (site.root / doc.path).write_text(doc.html, encoding="utf-8")
    if faults:
        raise csp.InlineCodeError("\n".join(dict.fromkeys(faults)))  # a fault of every page is told once


# -- other files -----------------------------------------------------------------------------
_TAG = re.compile(r"<[^>]+>")


def plain_text(text: str) -> str:
    """An entry's text without its HTML tags (entities kept): what search matches and shows, lighter to fetch."""
    return " ".join(_TAG.sub(" ", text).split())


def split_search_index(site_dir: Path) -> dict[str, int]:
    """Give each language its own search index, with its own stemmer.

    mkdocs-static-i18n merges every language into ``search/search_index.json``.
    We keep the default language's entries there and write the others to
    ``<lang>/search/search_index.json`` (locations relative to ``/<lang>/``),
    where :func:`with_language_search_base` points that language's pages.
    Returns the number of entries per language.
    """
    root = search.index_path(site_dir, languages.DEFAULT)  # the merged index, before the split
    index = json.loads(root.read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    located = [(languages.split_url(d["location"]), d) for d in index["docs"]]
    for lang in LANGUAGES:
        docs = [{**d, "location": path, "text": plain_text(d["text"])} for (doc_lang, path), d in located if doc_lang == lang]
        target = search.index_path(site_dir, lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = {**index, "config": {**index["config"], "lang": [lang]}, "docs": docs}
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[lang] = len(docs)
    return counts


def search_indexes(site: Site) -> None:
    if search.index_path(site.root, languages.DEFAULT).exists():
        split_search_index(site.root)


def material_bundle(site: Site) -> None:
    bundle.disable_alternate_sitemap_prefetch(site.root)


def search_worker(site: Site) -> None:
    search.extend_search_worker(site.root)


def policies_checked(site: Site) -> None:
    csp.check_site(site.root)


STEPS: tuple[tuple[str, Step], ...] = (
    ("edit every page", edit_pages),
    ("one search index per language", search_indexes),
    ("Material bundle: no sitemap prefetch of alternate links", material_bundle),
    ("search worker: accents, apostrophes, one typo", search_worker),
    ("every HTML file allows its inline code and nothing else (last)", policies_checked),
)


def run(site: Site, steps: Sequence[tuple[str, Step]] = STEPS) -> None:
    """The post-build pass: every step in order."""
    for _, step in steps:
        step(site)
