"""The handbook's promises: three full modules per language, sourced, with help on every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

MODULES = ("module-1", "module-2", "module-3")
MIN_WORDS = 3000
WORD = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*", re.UNICODE)


def prose_words(markdown: str) -> int:
    """Words a reader reads: no front matter, code, footnote definitions, link targets or markup."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    text = re.sub(r"^\[\^[^\]]+\]:.*(?:\n(?: {4}|\t).*)*", "", text, flags=re.M)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<https?://[^>]+>|https?://\S+", "", text)
    text = re.sub(r"\{[#.][^}]*\}|<[^>]+>", "", text)
    return len(WORD.findall(text))


def module_pages(lang: str, module: str) -> list[Path]:
    return sorted((ROOT / "docs" / lang / "handbook" / module).glob("*.md"))


def nav_paths() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)

    def walk(items: list[object]) -> list[str]:
        out: list[str] = []
        for item in items:
            if isinstance(item, str):
                out.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    out.extend(walk(value) if isinstance(value, list) else [value])
        return out

    return walk(config["nav"])


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("module", MODULES)
def test_module_pages_exist_and_are_in_the_nav(lang: str, module: str) -> None:
    pages = module_pages(lang, module)
    names = {p.name for p in pages}
    assert {"index.md", "references.md"} <= names, f"{lang}/{module}: missing index or references"
    in_nav = {p for p in nav_paths() if p.startswith(f"handbook/{module}/")}
    assert {f"handbook/{module}/{p.name}" for p in pages} == in_nav


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("module", MODULES)
def test_module_meets_the_word_count(lang: str, module: str) -> None:
    words = sum(prose_words(p.read_text(encoding="utf-8")) for p in module_pages(lang, module))
    print(f"{lang}/{module}: {words} words")
    assert words >= MIN_WORDS, f"docs/{lang}/handbook/{module}: {words} words, the module needs {MIN_WORDS}"


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("module", MODULES)
def test_module_has_a_references_list_with_links(lang: str, module: str) -> None:
    text = (ROOT / "docs" / lang / "handbook" / module / "references.md").read_text(encoding="utf-8")
    entries = [line for line in text.splitlines() if re.match(r"\s*(?:[-*]|\d+\.)\s", line)]
    linked = [line for line in entries if re.search(r"https?://", line)]
    assert len(linked) >= 5, f"docs/{lang}/handbook/{module}/references.md: {len(linked)} linked references"


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("module", MODULES)
def test_every_content_page_cites_its_sources(lang: str, module: str) -> None:
    for page in module_pages(lang, module):
        # a knowledge check restates the module's facts; each explanation links to the section that
        # cites the source (tests/test_quiz_model.py checks those links)
        if page.name in ("index.md", "references.md", "knowledge-check.md"):
            continue
        text = page.read_text(encoding="utf-8")
        assert re.search(r"^\[\^[^\]]+\]:", text, re.M), f"{page.relative_to(ROOT)}: no footnote citation"


def test_every_built_page_links_the_help_page(site_dir: Path) -> None:
    for html_file in site_dir.rglob("index.html"):
        html = html_file.read_text(encoding="utf-8")
        lang = re.search(r'<html lang="(\w+)"', html).group(1)
        help_path = "help/" if lang == "en" else "fr/help/"
        target_ok = any(
            (html_file.parent / href).resolve() == (site_dir / help_path).resolve()
            for href in re.findall(r'href="([^"#]*)"', html)
        )
        assert target_ok, f"{html_file.relative_to(site_dir)}: no link to the {lang} help page"
        assert "tel:+18339001010" in html, f"{html_file.relative_to(site_dir)}: no hotline link"
