"""The strict build of both languages: pages, lang, hreflang and the language switch."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

from datajam.site.publish import configured_site_url

ROOT = Path(__file__).resolve().parent.parent

DOCS = ROOT / "docs"
LANG_PREFIX = {"en": "", "fr": "fr/"}


def markdown_pages(lang: str) -> set[str]:
    return {p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md")}


def built_pages(site_dir: Path) -> list[tuple[str, str, Path]]:
    """(lang, path relative to the language root, html file) for every page of both languages."""
    pages = []
    for md in sorted(markdown_pages("en")):
        rel = "" if md == "index.md" else md.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"
        for lang, prefix in LANG_PREFIX.items():
            pages.append((lang, rel, site_dir / prefix / rel / "index.html"))
    return pages


def test_both_languages_hold_the_same_pages() -> None:
    en, fr = markdown_pages("en"), markdown_pages("fr")
    assert en - fr == set(), f"pages without a French twin: {sorted(en - fr)}"
    assert fr - en == set(), f"pages without an English twin: {sorted(fr - en)}"


def test_every_page_is_built_in_both_languages(site_dir: Path) -> None:
    missing = [str(html) for _, _, html in built_pages(site_dir) if not html.exists()]
    assert missing == []


def test_lang_hreflang_and_switch_on_every_page(site_dir: Path) -> None:
    site_url = configured_site_url(str(ROOT / "mkdocs.yml"))  # the public address (SITE_URL overrides it)
    for lang, rel, html_file in built_pages(site_dir):
        html = html_file.read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{lang}"', html), f"{html_file}: <html lang> is not {lang}"
        alternates = dict(
            (hl, href) for href, hl in re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html)
        )
        assert alternates == {
            "en": f"{site_url}{rel}",
            "fr": f"{site_url}fr/{rel}",
            "x-default": f"{site_url}{rel}",
        }, f"{html_file}: hreflang alternates {alternates}"
        switch = re.search(r'<a class="dj-lang__link" href="([^"]+)" hreflang="([^"]+)" lang="([^"]+)"', html)
        assert switch, f"{html_file}: no language switch"
        other = "fr" if lang == "en" else "en"
        assert switch.group(2) == switch.group(3) == other
        target = (html_file.parent / switch.group(1) / "index.html").resolve()
        assert target == (site_dir / LANG_PREFIX[other] / rel / "index.html").resolve(), (
            f"{html_file}: the switch goes to {target}, not to the twin"
        )


def test_search_index_per_language(site_dir: Path) -> None:
    en = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    fr = json.loads((site_dir / "fr/search/search_index.json").read_text(encoding="utf-8"))
    assert en["config"]["lang"] == ["en"] and fr["config"]["lang"] == ["fr"]
    assert not any(d["location"].startswith("fr/") for d in en["docs"])
    fr_pages = {d["location"].split("#")[0] for d in fr["docs"]}
    en_pages = {d["location"].split("#")[0] for d in en["docs"]}
    assert "handbook/glossary/" in fr_pages and "handbook/glossary/" in en_pages
    fr_titles = {d["title"] for d in fr["docs"] if d["location"] == "handbook/glossary/"}
    assert fr_titles == {"Glossaire"}


def test_french_pages_search_the_french_index(site_dir: Path) -> None:
    html = (site_dir / "fr/handbook/glossary/index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert config["base"] == "../../../fr/"


def test_not_found_page_in_both_languages(site_dir: Path) -> None:
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    assert '<section lang="en">' in html and '<section lang="fr">' in html
    assert "Page not found" in html and "Page introuvable" in html
    assert 'hreflang=' not in html.split("</head>")[0], "the 404 page has no twin"


def test_no_font_or_script_from_another_host(site_dir: Path) -> None:
    pattern = re.compile(r'(?:src|href)="(?:https?:)?//(?!127\.0\.0\.1)[^"]+\.(?:css|js|woff2?|ttf)"')
    offenders = [str(p) for p in site_dir.rglob("*.html") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_broken_internal_link_fails_the_build_and_names_the_page(project_copy: Path, strict_build: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    project = project_copy
    with (project / "docs/fr/help/resources.md").open("a", encoding="utf-8") as page:
        page.write("\n[lien brisé](../nowhere.md)\n")
    result = strict_build(project / "site", cwd=project)
    assert result.returncode != 0
    assert "help/resources.md" in result.stderr and "nowhere.md" in result.stderr


def test_broken_anchor_fails_the_build(project_copy: Path, strict_build: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    project = project_copy
    with (project / "docs/en/help/resources.md").open("a", encoding="utf-8") as page:
        page.write("\n[anchor](index.md#no-such-section)\n")
    result = strict_build(project / "site", cwd=project)
    assert result.returncode != 0
    assert "no-such-section" in result.stderr
