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
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from datajam import LANGUAGES
from datajam.site import assets, bundle, glossary_page, markdown_i18n, messages, printpage
from datajam.site.downloads import downloads
from datajam.site.glossary import with_glossary
from datajam.site.gitdates import GitDates
from datajam.site.ui import load_ui_strings

__all__ = [
    "on_startup",
    "on_config",
    "on_files",
    "on_env",
    "on_nav",
    "on_page_markdown",
    "on_page_content",
    "on_page_context",
    "on_template_context",
    "on_post_page",
    "on_post_template",
    "on_post_build",
]


def on_startup(command: str, dirty: bool) -> None:
    _PREVIEW["serve"] = command == "serve"  # the local preview has no PDF or zip (datajam.site.downloads)


_PREVIEW = {"serve": False}


@event_priority(-110)  # after mkdocs-static-i18n (-100) has set the language of this build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    messages.install(Path(config.docs_dir))  # link warnings name the file, line and fix
    markdown_i18n.localize(config.markdown_extensions, config.mdx_configs, load_ui_strings()[current_language(config)])
    i18n = config.plugins.get("i18n")
    if i18n is None or not getattr(i18n, "building", False):
        _STATE.clear()  # fresh per-build state (`mkdocs serve` rebuilds in the same process)
        printpage.reset()
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
        # the public address of a page is its folder, also when this build names files (offline copy)
        result.append({"lang": lang, "rel_link": rel, "link": urljoin(site_url, printpage.canonical(rel))})
    result.append({**result[0], "lang": "x-default"})
    return result


_STATE: dict[str, Any] = {}


def site_link(target: str, use_directory_urls: bool, docs_dir: Path | None = None) -> str:
    """A page link written as a directory (``help/``) in the interface strings, made to work
    when the site is opened from disk (offline copy: ``use_directory_urls: false``): a section
    (``help/index.md``) becomes ``help/index.html``, a page (``home.md``, found in ``docs_dir``)
    becomes ``home.html``."""
    if use_directory_urls or not (target == "" or target.endswith("/")):
        return target
    path = language_path(target)
    lang = target[: len(target) - len(path)].rstrip("/") or LANGUAGES[0]
    if path and docs_dir is not None and (docs_dir / lang / f"{path.rstrip('/')}.md").is_file():
        return f"{target.rstrip('/')}.html"
    return f"{target}index.html"


@event_priority(-150)  # after mkdocs-static-i18n (-100) has chosen the language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the page's one stylesheet (:mod:`datajam.site.assets`); its parts of ours are not published alone."""
    by_path = {f.src_uri: f for f in files}
    ours = [str(p) for p in config.extra.get("dj_stylesheets", [])]
    path, css = assets.page_stylesheet(
        by_path,
        lambda name: by_path[name].content_string,
        # read from docs/: the nested build of another language has no default-language assets
        [Path(config.docs_dir) / p for p in ours],
        palette=bool(config.theme.get("palette")),
    )
    for part in ours:
        if part in by_path:
            files.remove(by_path[part])
    files.append(File.generated(config, path, content=css))
    return files


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    env.filters["dj_link"] = lambda target: site_link(str(target), bool(config.use_directory_urls), Path(config.docs_dir))
    paths = [f.src_uri for f in files]
    env.globals["dj_stylesheet"] = assets.one_path(paths, assets.STYLESHEET)
    env.globals["dj_bundle"] = assets.one_path(paths, assets.BUNDLE_JS)  # partials/javascripts/after-paint.html
    return env


def git_dates(config: MkDocsConfig) -> GitDates:
    if "git_dates" not in _STATE:
        _STATE["git_dates"] = GitDates.read(Path(config.docs_dir))
    return _STATE["git_dates"]


def language_path(url: str) -> str:
    """A page URL without its language prefix (``fr/help/`` -> ``help/``)."""
    for lang in LANGUAGES[1:]:
        if url == lang or url.startswith(f"{lang}/"):
            return url[len(lang) :].lstrip("/")
    return url


@event_priority(-50)  # after mkdocs-static-i18n has translated the navigation
def on_nav(nav: Navigation, config: MkDocsConfig, files: Any) -> Navigation:
    printpage.record_nav(current_language(config), [p.url for p in nav.pages])
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    return with_glossary(markdown, current_language(config))  # glossary terms become tooltips


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    lang = current_language(config)
    glossary_url = (f"{lang}/" if lang != LANGUAGES[0] else "") + (
        glossary_page.PAGE if config.use_directory_urls else glossary_page.PAGE.rstrip("/") + ".html"
    )
    html_text = glossary_page.for_page(
        html_text, page.url, glossary_url, lang, Path(config.docs_dir), load_ui_strings()[lang]
    )
    if page.file.abs_src_path:
        page.meta["dj_date_modified"] = git_dates(config).date_of(Path(page.file.abs_src_path), page.meta)
    printpage.record_page(
        current_language(config), page.url, page.title or "", html_text, page.meta.get("dj_date_modified")
    )
    return html_text


@event_priority(-50)  # after mkdocs-static-i18n, which sets the per-page alternates
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    lang = current_language(config)
    with_ui_strings(context, lang)
    alternates = page_alternates(page.url, config.site_url or "/")
    page.canonical_url = next(a["link"] for a in alternates if a["lang"] == lang)  # a public page, also offline
    context["dj_downloads"] = downloads(
        page.url, language_path(page.url), lang, context["ui"],
        offline=bool(config.extra.get("dj_offline")), preview=_PREVIEW["serve"],
    )
    context["dj_alternates"] = [a for a in alternates if a["lang"] not in (lang, "x-default")]
    _ALTERNATES[page.url] = alternates
    return context


_ALTERNATES: dict[str, list[dict[str, Any]]] = {}
_ALTERNATE_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


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


_BODY = re.compile(r"<body[^>]*>")


def with_exit_skip_link(output: str, config: MkDocsConfig) -> str:
    """Insert the quick-exit skip link (``overrides/partials/quick-exit-skip.html``) right
    after ``<body>``, so that it is the first focusable element of the page."""
    match = _BODY.search(output)
    if not match or "dj-exit-skip" in output:
        return output
    lang = current_language(config)
    links = _STATE.setdefault("exit_skip_links", {})
    if lang not in links:
        template = config.theme.get_env().get_template("partials/quick-exit-skip.html")
        links[lang] = template.render(ui=load_ui_strings()[lang]).strip()
    return output[: match.end()] + "\n" + links[lang] + output[match.end() :]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    alternates = _ALTERNATES.pop(page.url, None)
    if alternates:
        output = with_absolute_hreflang(output, alternates)
    output = with_exit_skip_link(output, config)
    return with_language_search_base(output, current_language(config))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):
        # The bilingual 404 page has no twin: drop the alternates Material kept from the last page.
        return with_exit_skip_link(_ALTERNATE_LINK.sub("", output), config)
    return output


def with_ui_strings(context: dict[str, Any], lang: str) -> dict[str, Any]:
    """``ui``: the page language's interface strings; ``ui_all``: every language's (splash, 404)."""
    context["ui"] = load_ui_strings()[lang]
    context["ui_all"] = load_ui_strings()
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    return with_ui_strings(context, current_language(config))


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
    bundle.disable_alternate_sitemap_prefetch(Path(config.site_dir))
    printpage.write_print_pages(config, load_ui_strings(), Path(config.site_dir))
