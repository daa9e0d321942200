"""MkDocs hook: knowledge-check pages (see :mod:`datajam.quiz`).

Loaded through ``hooks/quiz_glue.py``. Per language build it tells the ``/// quiz``
block which interface strings to use, publishes each page's questions as a QTI 2.1 zip
beside the page (``datajam-<folder>-<lang>-qti21.zip``), marks the page so that the
template links ``assets/quiz.css`` and ``assets/quiz.js`` (pages without questions load
neither), and adds the download link for trainers below the questions.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from datajam.quiz.markdown import CLASS
from datajam.quiz.model import QuizError, parse_page
from datajam.quiz.qti import package
from datajam import languages
from datajam.site.ui import load_ui_strings

__all__ = ["on_files", "on_page_markdown", "on_page_content"]

EXTENSION = "datajam.quiz.markdown"
MARKER = "/// quiz"
_EXPORTS: dict[str, str] = {}  # page src_uri -> the QTI file's URL


def export_name(src_uri: str, lang: str) -> str:
    """``…/module-1/knowledge-check.md`` -> ``…/module-1/datajam-module-1-en-qti21.zip`` (beside the page)."""
    folder = posixpath.dirname(src_uri)
    return posixpath.join(folder, f"datajam-{posixpath.basename(folder) or 'site'}-{lang}-qti21.zip")


@event_priority(-150)  # after mkdocs-static-i18n (-100) has chosen the language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = languages.of_build(config.theme["language"])
    _EXPORTS.clear()
    for file in list(files.documentation_pages()):
        text = file.content_string
        if MARKER not in text:
            continue
        rel = languages.in_docs(file.src_uri, lang)
        name = export_name(rel, lang)
        try:
            questions = parse_page(text)
        except QuizError as exc:  # before any page is rendered: the file, the line and the fix
            raise PluginError(f"{file.abs_src_path}: {exc}") from exc
        data = package(questions, Path(name).stem, file.name, lang, rel, config.site_url or "/", languages.prefix(lang))
        generated = File.generated(config, f"{lang}/{name}", content=data)
        generated.dest_uri = languages.prefix(lang) + name
        generated.url = generated.dest_uri
        files.append(generated)
        _EXPORTS[file.src_uri] = generated.url
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER in markdown:
        config.mdx_configs.setdefault(EXTENSION, {})["lang"] = languages.of_build(config.theme["language"])
    return markdown


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if f'class="{CLASS}"' not in html_text:
        return html_text
    page.meta["dj_quiz"] = True  # overrides/main.html: quiz.css and quiz.js
    export = _EXPORTS.get(page.file.src_uri)
    if not export:
        return html_text
    text = load_ui_strings()[languages.of_build(config.theme["language"])]["quiz_export"]
    href = get_relative_url(export, page.url or ".")
    return html_text + f'\n<p class="{CLASS}-export"><a href="{html.escape(href)}" download>{html.escape(text)}</a></p>'
