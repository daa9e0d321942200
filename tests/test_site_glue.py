"""Unit tests of the MkDocs glue, without MkDocs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from datajam.languages import in_docs, page_alternates
from datajam.site.postbuild import split_search_index, with_absolute_hreflang, with_language_search_base
from datajam.site.ui import UIStringsError, load_ui_strings


def test_alternates_of_a_french_page_are_absolute_with_x_default() -> None:
    alts = page_alternates("fr/handbook/module-1/forms/", "https://example.test/handbook/")
    assert [(a["lang"], a["link"]) for a in alts] == [
        ("en", "https://example.test/handbook/handbook/module-1/forms/"),
        ("fr", "https://example.test/handbook/fr/handbook/module-1/forms/"),
        ("x-default", "https://example.test/handbook/handbook/module-1/forms/"),
    ]
    assert alts[1]["rel_link"] == "fr/handbook/module-1/forms/"


def test_alternates_of_the_home_pages() -> None:
    assert [a["rel_link"] for a in page_alternates("", "/")] == ["", "fr/", ""]
    assert [a["rel_link"] for a in page_alternates("fr/", "/")] == ["", "fr/", ""]


def test_a_docs_file_loses_its_language_folder_only() -> None:
    assert in_docs("fr/handbook/module-2/figures.md", "fr") == "handbook/module-2/figures.md"
    assert in_docs("en/home.md", "en") == "home.md"
    assert in_docs("fr/en/a.md", "en") == "fr/en/a.md"


def test_relative_hreflang_links_are_replaced() -> None:
    head = '<head>\n  <link rel="alternate" href="./" hreflang="en">\n  <link rel="alternate" href="fr/" hreflang="fr">\n<title>'
    out = with_absolute_hreflang(head, page_alternates("", "https://x.test/"))
    assert 'href="./"' not in out
    assert out.count('<link rel="alternate"') == 3 and 'hreflang="x-default"' in out and out.endswith("<title>")


def test_french_pages_get_a_french_search_base() -> None:
    html = '<script id="__config" type="application/json">{"base": "../..", "search": "x.js"}</script>'
    assert '"base": "../../fr/"' in with_language_search_base(html, "fr")
    assert with_language_search_base(html, "en") == html


def test_search_index_is_split_by_language(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    docs = [{"location": "a/", "title": "A", "text": ""}, {"location": "fr/a/", "title": "A fr", "text": ""}]
    (tmp_path / "search/search_index.json").write_text(json.dumps({"config": {"lang": ["en", "fr"]}, "docs": docs}))
    assert split_search_index(tmp_path) == {"en": 1, "fr": 1}
    fr = json.loads((tmp_path / "fr/search/search_index.json").read_text())
    assert fr["config"]["lang"] == ["fr"] and fr["docs"] == [{"location": "a/", "title": "A fr", "text": ""}]


def test_interface_strings_exist_in_both_languages() -> None:
    strings = load_ui_strings()
    assert set(strings["en"]) == set(strings["fr"])


def test_a_missing_translation_names_the_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "en.yml").write_text("a: A\nb: B\n")
    (tmp_path / "fr.yml").write_text("a: A\n")
    with pytest.raises(UIStringsError, match=r"fr\.yml: missing interface string\(s\) b"):
        load_ui_strings.__wrapped__(tmp_path)
