"""Safety on every built page: help line, content notes, "Date modified", no stored reading trail,
search index fetched only when search is used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from conftest import ROOT
from datajam.site.ui import load_ui_strings

UI = load_ui_strings()
DOCS = ROOT / "docs"
PREFIX = {"en": "", "fr": "fr/"}


def front_matter(md: Path) -> dict:
    text = md.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text.split("\n---", 1)[0][4:]) or {}


def pages(site_dir: Path) -> list[tuple[str, Path, Path]]:
    """(lang, markdown source, built html) for every Markdown page of both languages."""
    result = []
    for lang in ("en", "fr"):
        for md in sorted((DOCS / lang).rglob("*.md")):
            rel = md.relative_to(DOCS / lang).as_posix()
            url = "" if rel == "index.md" else rel.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"
            result.append((lang, md, site_dir / PREFIX[lang] / url / "index.html"))
    return result


def test_help_line_and_911_on_every_page_in_its_language(site_dir: Path) -> None:
    html_files = sorted(site_dir.rglob("*.html"))
    assert html_files
    for html_file in html_files:
        html = html_file.read_text(encoding="utf-8")
        lang = re.search(r'<html lang="(\w+)"', html).group(1)
        assert 'href="tel:+18339001010"' in html, f"{html_file}: no hotline link"
        assert UI[lang]["help_emergency"] in html, f"{html_file}: no 911 line in {lang}"


@pytest.mark.parametrize("page", ["index.html", "fr/index.html", "404.html"])
def test_bilingual_pages_give_the_help_line_in_both_languages(site_dir: Path, page: str) -> None:
    """The splash and 404 pages speak both languages, and so does their help line."""
    html = (site_dir / page).read_text(encoding="utf-8")
    for lang, ui in UI.items():
        line = re.search(rf'<p class="dj-help-line" lang="{lang}">(.*?)</p>', html, re.S)
        assert line, f"{page}: no help line marked lang={lang}"
        for key in ("help_line_lead", "help_line_hours", "help_emergency", "help_page_link"):
            assert ui[key] in line.group(1), f"{page}: the {lang} help line lacks {key}: {ui[key]!r}"
        assert 'href="tel:+18339001010"' in line.group(1)


def test_quick_exit_on_every_page_in_its_language(site_dir: Path) -> None:
    for html_file in sorted(site_dir.rglob("*.html")):
        html = html_file.read_text(encoding="utf-8")
        if 'class="dj-print"' in html:
            continue  # the print page (PDF) has no quick exit: there is nothing to leave
        lang = re.search(r'<html lang="(\w+)"', html).group(1)
        body = html.split("<body", 1)[1]
        first_link = re.search(r"<a [^>]*>", body).group(0)
        assert "data-dj-exit" in first_link and UI[lang]["quick_exit_url"] in first_link, (
            f"{html_file}: the first link is not the exit link: {first_link}"
        )
        assert 'id="dj-exit"' in html and UI[lang]["quick_exit_label"] in html, html_file


def test_content_note_from_front_matter(site_dir: Path) -> None:
    with_note = 0
    for lang, md, html_file in pages(site_dir):
        html = html_file.read_text(encoding="utf-8")
        article = html.split('<article class="md-content__inner md-typeset">', 1)[-1]
        wanted = bool(front_matter(md).get("content_note"))
        has = "dj-content-note" in article
        assert has == wanted, f"{md.relative_to(ROOT)}: content_note {wanted} but note shown: {has}"
        if wanted:
            with_note += 1
            assert UI[lang]["content_note_title"] in article
            # right after the page title
            assert article.index("</h1>") < article.index("dj-content-note") < article.index("</h1>") + 200
    assert with_note > 0, "no page sets content_note: true"


def test_date_modified_below_the_content_of_every_page(site_dir: Path) -> None:
    for lang, md, html_file in pages(site_dir):
        if front_matter(md).get("template") == "splash.html":
            continue
        html = html_file.read_text(encoding="utf-8")
        label = UI[lang]["date_modified"] + UI[lang]["colon"]
        match = re.search(rf'<p class="dj-date-modified">{re.escape(label)} <time datetime="(\d{{4}}-\d{{2}}-\d{{2}})">\1</time></p>', html)
        assert match, f"{html_file}: no '{label} YYYY-MM-DD' line"
    french = (site_dir / "fr/help/index.html").read_text(encoding="utf-8")
    assert "Date de modification\u00a0: <time" in french


def test_french_interface_strings_use_non_breaking_spaces() -> None:
    for key, value in UI["fr"].items():
        assert not re.search(r"[^\u00a0]:|[^\u00a0]»|«[^\u00a0]", value.replace("https:", "")) or value == ":", (
            f"fr.yml {key}: {value!r} needs a non-breaking space (U+00A0) before « : » and inside « »"
        )
    help_page = (DOCS / "fr/help/index.md").read_text(encoding="utf-8")
    body = help_page.split("\n---", 1)[1]
    assert not re.search(r" [:»]|« ", body), "docs/fr/help/index.md: use U+00A0 before « : » and inside « »"


@pytest.mark.browser
def test_no_reading_trail_is_stored(page: Page, site_url: str) -> None:
    """No cookie; nothing in localStorage; sessionStorage (gone with the tab) holds no page or query."""
    page.goto(site_url + "home/")
    page.goto(site_url + "handbook/module-1/indicators/")
    page.locator("label[for='__palette_1']").click()  # dark mode chosen by the reader
    page.locator("input.md-search__input").click()
    page.keyboard.type("forced labour", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    page.goto(site_url + "fr/handbook/glossary/")
    storage = page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage).map(k => [k, sessionStorage.getItem(k)])]")
    assert page.context.cookies() == []
    assert storage[0] == [], f"localStorage holds {storage[0]}"
    for key, value in storage[1]:
        assert key.endswith(".__palette"), f"sessionStorage holds {key}"
        assert "forced" not in value and "handbook" not in value


@pytest.mark.browser
def test_search_index_is_fetched_only_when_search_is_used(page: Page, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "fr/handbook/module-1/forms/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not [u for u in requested if "search_index" in u or "/lunr/" in u], requested
    page.locator("input.md-search__input").click()
    page.keyboard.type("traite", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    assert any(u.endswith("/fr/search/search_index.json") for u in requested)
    expect(page.locator(".md-search-result__item").first).to_be_visible()


PALETTE_KEYS = "() => Object.keys(sessionStorage).filter(k => k.endsWith('.__palette'))"


@pytest.mark.browser
def test_the_colour_choice_is_stored_only_when_the_reader_changes_it(page: Page, site_url: str) -> None:
    """The help page says so: "your choice of light or dark colours, if you change it"."""
    for path in ("home/", "fr/handbook/glossary/"):
        page.goto(site_url + path)
        expect(page.locator("label[for='__palette_1']")).to_be_visible()  # Material's palette has started
        page.wait_for_load_state("networkidle")
        assert page.evaluate(PALETTE_KEYS) == [], f"{path}: the colours were stored without a choice"
    page.locator("label[for='__palette_1']").click()  # dark colours chosen by the reader
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert page.evaluate(PALETTE_KEYS) != []
    page.goto(site_url + "handbook/module-1/forms/")  # the choice is kept in the tab
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
