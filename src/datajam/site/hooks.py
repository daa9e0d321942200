"""MkDocs hooks: the glue between MkDocs/Material/mkdocs-static-i18n and our data.

Loaded through ``hooks/datajam.py``. Each function is small and delegates to a
module that is tested without MkDocs.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from datajam import LANGUAGES
from datajam.site import messages
from datajam.site.ui import load_ui_strings

__all__ = ["on_config", "on_page_context", "on_template_context", "on_post_page", "on_post_build"]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    messages.install(Path(config.docs_dir))  # link warnings name the file, line and fix
    return config


def current_language(config: MkDocsConfig) -> str:
    """The language being built (mkdocs-static-i18n sets the theme language per build)."""
    lang = str(config.theme["language"])
    if lang not in LANGUAGES:
        raise ValueError(f"mkdocs.yml: unsupported theme language {lang!r}; expected one of {LANGUAGES}")
    return lang


def page_alternates(page_url: str, site_url: str) -> list[dict[str, str]]:
    """Absolute URLs of a page in every language, plus ``x-default``.

    With mkdocs-static-i18n's folder structure a page has the same path in each
    language; only the language prefix (none for the default language) differs.
    ``rel_link`` is the site-relative URL used by the visible language switch.
    """
    path = page_url
    for lang in LANGUAGES[1:]:
        if path == lang or path.startswith(f"{lang}/"):
            path = path[len(lang) :].lstrip("/")
    result = []
    for lang in LANGUAGES:
        rel = path if lang == LANGUAGES[0] else f"{lang}/{path}"
        result.append({"lang": lang, "rel_link": rel, "link": urljoin(site_url, rel)})
    result.append({**result[0], "lang": "x-default"})
    return result


@event_priority(-50)  # after mkdocs-static-i18n, which sets the per-page alternates
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    lang = current_language(config)
    context["ui"] = load_ui_strings()[lang]
    context["ui_all"] = load_ui_strings()
    alternates = page_alternates(page.url, config.site_url or "/")
    context["dj_alternates"] = [a for a in alternates if a["lang"] not in (lang, "x-default")]
    _ALTERNATES[page.url] = alternates
    return context


_ALTERNATES: dict[str, list[dict[str, Any]]] = {}
_ALTERNATE_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def hreflang_links(alternates: list[dict[str, Any]]) -> str:
    """``<link rel=" alternate" hreflang>`` for each language.

    The leading space keeps the token list valid HTML (rel is a space-separated
    set) while Material's ``link[rel=alternate]`` selector, written for
    language-root alternates, no longer fetches a ``sitemap.xml`` beside every
    page URL (two failing requests and console errors on every page view).
    """
    return "".join(
        f'<link rel=" alternate" href="{html.escape(a["link"])}" hreflang="{html.escape(a["lang"])}">\n'
        for a in alternates
    )


def with_absolute_hreflang(output: str, alternates: list[dict[str, Any]]) -> str:
    """Replace the relative ``hreflang`` links Material writes with absolute ones (plus x-default)."""
    links = list(_ALTERNATE_LINK.finditer(output))
    if not links:
        return output
    start, end = links[0].start(), links[-1].end()
    return output[:start] + hreflang_links(alternates) + output[end:]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    alternates = _ALTERNATES.pop(page.url, None)
    if alternates:
        output = with_absolute_hreflang(output, alternates)
    return with_language_search_base(output, current_language(config))


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    lang = current_language(config)
    context["ui"] = load_ui_strings()[lang]
    context["ui_all"] = load_ui_strings()
    return context


def split_search_index(site_dir: Path) -> dict[str, int]:
    """Give each language its own search index, with its own stemmer.

    mkdocs-static-i18n merges every language into ``search/search_index.json``.
    We keep the default language's entries there and write the others to
    ``<lang>/search/search_index.json`` (locations relative to ``/<lang>/``),
    where :func:`with_language_search_base` points that language's pages.
    Returns the number of entries per language.
    """
    root = site_dir / "search" / "search_index.json"
    index = json.loads(root.read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    others = LANGUAGES[1:]
    for lang in LANGUAGES:
        if lang == LANGUAGES[0]:
            docs = [d for d in index["docs"] if not d["location"].startswith(tuple(f"{o}/" for o in others))]
            target = root
        else:
            prefix = f"{lang}/"
            docs = [{**d, "location": d["location"][len(prefix) :]} for d in index["docs"] if d["location"].startswith(prefix)]
            target = site_dir / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = {**index, "config": {**index["config"], "lang": [lang]}, "docs": docs}
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[lang] = len(docs)
    return counts


_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def with_language_search_base(output: str, lang: str) -> str:
    """Point Material's ``config.base`` at the language's own root (``…/fr``).

    Material fetches ``<base>/search/search_index.json`` and resolves result
    links against it, so French pages search the French index only.
    """
    if lang == LANGUAGES[0]:
        return output

    def rewrite(match: re.Match[str]) -> str:
        data = json.loads(match.group(2))
        base = data["base"].rstrip("/")
        data["base"] = f"{base}/{lang}/" if base not in ("", ".") else f"{lang}/"
        return match.group(1) + json.dumps(data, ensure_ascii=False) + match.group(3)

    return _CONFIG_SCRIPT.sub(rewrite, output, count=1)


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # a nested language build: the outer build finishes the job
    if (Path(config.site_dir) / "search" / "search_index.json").exists():
        split_search_index(Path(config.site_dir))
