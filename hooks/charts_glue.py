"""MkDocs hook entry point: the charts live in :mod:`datajam.charts` (Markdown stage, tested without MkDocs)."""

from __future__ import annotations

import posixpath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from datajam.charts import chart_names, csv_download, with_charts
from datajam import languages


@event_priority(-150)  # after mkdocs-static-i18n (-100) has chosen the language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish each chart's CSV beside the page that shows it, with the language's headers."""
    lang = languages.of_build(config.theme["language"])
    for page in [f for f in files.documentation_pages() if f.abs_src_path]:
        src_dir = posixpath.dirname(page.src_uri)
        dest_dir = languages.prefix(lang) + posixpath.dirname(languages.in_docs(page.src_uri, lang))
        for name in chart_names(page.content_string):
            csv_file = File.generated(config, posixpath.join(src_dir, f"{name}.csv"), content=csv_download(name, lang))
            csv_file.dest_uri = posixpath.join(dest_dir, f"{name}.csv")
            files.append(csv_file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    return with_charts(markdown, languages.of_build(config.theme["language"]))
