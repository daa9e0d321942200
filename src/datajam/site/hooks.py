"""MkDocs hooks: the glue between MkDocs/Material/mkdocs-static-i18n and our data.

Loaded through ``hooks/site_glue.py``. The hooks do the Markdown- and template-stage work
(glossary, dates, interface strings, the print book) and record in one :class:`BuildState`
what the post-build pass needs; every edit of the built HTML is in :mod:`datajam.site.postbuild`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from datajam import LANGUAGES, languages
from datajam.site import assets, csp, glossary_page, markdown_i18n, messages, postbuild
from datajam.site.downloads import downloads
from datajam.site.glossary import with_glossary
from datajam.site.gitdates import GitDates
from datajam.site.printpage import PrintBook
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
    "on_post_build",
]


@dataclass
class BuildState:
    """What one build (every language) carries from page to page and to the post-build pass."""

    book: PrintBook = field(default_factory=PrintBook)
    pages: dict[str, str] = field(default_factory=dict)  # site-relative path of each built page -> its URL
    git_dates: GitDates | None = None


_BUILD = BuildState()
# set once per process: the local preview (`properdocs serve`, make serve) has no PDF or zip
# (datajam.site.downloads), and its live-reload script needs a looser script policy (datajam.site.csp)
_PREVIEW = {"serve": False}


def on_startup(command: str, dirty: bool) -> None:
    _PREVIEW["serve"] = command == "serve"


@event_priority(-110)  # after mkdocs-static-i18n (-100) has set the language of this build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _BUILD
    messages.install(Path(config.docs_dir))  # link warnings name the file, line and fix
    markdown_i18n.localize(config.markdown_extensions, config.mdx_configs, load_ui_strings()[current_language(config)])
    i18n = config.plugins.get("i18n")
    if i18n is None or not getattr(i18n, "building", False):
        _BUILD = BuildState()  # fresh per build (`mkdocs serve` rebuilds in the same process)
    return config


def current_language(config: MkDocsConfig) -> str:
    """The language being built (:func:`datajam.languages.of_build`)."""
    return languages.of_build(config.theme["language"])


def site_link(target: str, use_directory_urls: bool, docs_dir: Path | None = None) -> str:
    """A page link written as a directory (``help/``) in the interface strings, made to work
    when the site is opened from disk (offline copy: ``use_directory_urls: false``): a section
    (``help/index.md``) becomes ``help/index.html``, a page (``home.md``, found in ``docs_dir``)
    becomes ``home.html``."""
    if use_directory_urls or not (target == "" or target.endswith("/")):
        return target
    lang, path = languages.split_url(target)
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
    if _BUILD.git_dates is None:
        _BUILD.git_dates = GitDates.read(Path(config.docs_dir))
    return _BUILD.git_dates


@event_priority(-50)  # after mkdocs-static-i18n has translated the navigation
def on_nav(nav: Navigation, config: MkDocsConfig, files: Any) -> Navigation:
    _BUILD.book.record_nav(current_language(config), [p.url for p in nav.pages])
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    return with_glossary(markdown, current_language(config))  # glossary terms become tooltips


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    lang = current_language(config)
    glossary_url = languages.prefix(lang) + (
        glossary_page.PAGE if config.use_directory_urls else glossary_page.PAGE.rstrip("/") + ".html"
    )
    html_text = glossary_page.for_page(
        html_text, page.url, glossary_url, lang, Path(config.docs_dir), load_ui_strings()[lang]
    )
    if page.file.abs_src_path:
        page.meta["dj_date_modified"] = git_dates(config).date_of(Path(page.file.abs_src_path), page.meta)
    _BUILD.book.record_page(
        current_language(config), page.url, page.title or "", html_text, page.meta.get("dj_date_modified")
    )
    return html_text


@event_priority(-50)  # after mkdocs-static-i18n, which sets the per-page alternates
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    lang = current_language(config)
    with_ui_strings(context, lang)
    alternates = languages.page_alternates(page.url, config.site_url or "/")
    page.canonical_url = next(a["link"] for a in alternates if a["lang"] == lang)  # a public page, also offline
    context["dj_downloads"] = downloads(
        page.url, languages.split_url(page.url)[1], lang, context["ui"],
        offline=bool(config.extra.get("dj_offline")), preview=_PREVIEW["serve"],
    )
    context["dj_alternates"] = [a for a in alternates if a["lang"] not in (lang, "x-default")]
    _BUILD.pages[page.file.dest_uri] = page.url  # the post-build pass edits it
    return context


def with_ui_strings(context: dict[str, Any], lang: str) -> dict[str, Any]:
    """``ui``: the page language's interface strings; ``ui_all``: every language's (splash, 404)."""
    context["ui"] = load_ui_strings()[lang]
    context["ui_all"] = load_ui_strings()
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    return with_ui_strings(context, current_language(config))


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # a nested language build: the outer build finishes the job
    site_dir = Path(config.site_dir)
    ui = load_ui_strings()
    printed = _BUILD.book.write(config, ui, site_dir)
    skip_link = config.theme.get_env().get_template("partials/quick-exit-skip.html")
    shim = config.extra.get("dj_worker_shim")  # the offline copy (datajam.site.offline)
    try:
        postbuild.run(postbuild.Site(
            root=site_dir,
            url=config.site_url or "/",
            pages=_BUILD.pages,
            templates=[t for t in config.theme.static_templates if t.endswith(".html")],
            exit_skip_links={lang: skip_link.render(ui=ui[lang]).strip() for lang in LANGUAGES},
            print_pages=[p.relative_to(site_dir).as_posix() for p in printed],
            worker_shim=Path(shim).read_text(encoding="utf-8") if shim else None,
            live_reload=_PREVIEW["serve"],
        ))
    except csp.InlineCodeError as error:
        raise PluginError(f"Inline code the Content Security Policy cannot allow:\n{error}") from error
