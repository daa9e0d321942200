"""Parity of the built HTML: each page speaks its own language in its interface too.

The Markdown parity check reads the pages' prose; this one reads what the build adds around
and inside it: the ``title``, ``aria-label``, ``alt`` and ``placeholder`` of every element and
the visible text outside the article (header, navigation, footer, help line). A French page
(``<html lang="fr">``) that shows English there is a finding, and the reverse. An element's
own ``lang`` (the language switch, a bilingual splash page) sets the language expected inside it.

Two detectors, both deterministic:

* the known interface strings of every producer of interface text, per language: Material's
  language files, Python-Markdown's English defaults (``toc`` "Permanent link", ``footnotes``
  "Jump back to footnote N in the text") and ``data/ui/<lang>.yml``; a string known in the
  other language only is a finding, however short;
* the prose scorer of :mod:`datajam.parity.language` for longer text.

``python scripts/parity.py html [SITE_DIR]`` prints the findings (exit 1) after ``make build``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import yaml

from datajam import LANGUAGES
from datajam.parity.findings import Finding
from datajam.parity.language import looks_english, score

CHECK = "html-language"
ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
_SKIP = {"script", "style", "svg", "code", "pre", "template", "math", "kbd", "samp"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_NUMBER = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_URL = re.compile(r"\b(?:https?|webcal|mailto|tel):\S+")
_MATERIAL_STRING = re.compile(r'^\s*"([\w.]+)":\s*"(.*)",?\s*$', re.M)


def normalize(text: str) -> str:
    """Whitespace collapsed, numbers (and Python-Markdown's ``%d`` / ``{}``) as ``#``."""
    text = text.replace("%d", "#").replace("{}", "#")
    return _SPACE.sub(" ", _NUMBER.sub("#", text)).strip()


def _material_strings(lang: str) -> set[str]:
    import material

    path = Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{lang}.html"
    return {value for key, value in _MATERIAL_STRING.findall(path.read_text(encoding="utf-8"))
            if key not in ("language", "direction") and "#" not in value}


def _markdown_defaults() -> set[str]:
    """Python-Markdown's own (English) interface strings."""
    from markdown.extensions.footnotes import FootnoteExtension
    from markdown.extensions.toc import TocExtension

    return {str(TocExtension().getConfig("permalink_title")), str(FootnoteExtension().getConfig("BACKLINK_TITLE"))}


@cache
def interface_strings(ui_dir: Path = Path("data/ui")) -> dict[str, frozenset[str]]:
    """The interface strings each language's pages may show, minus those the languages share."""
    known: dict[str, set[str]] = {}
    for lang in LANGUAGES:
        data = yaml.safe_load((ui_dir / f"{lang}.yml").read_text(encoding="utf-8")) or {}
        values = {str(v) for v in data.values()} | _material_strings(lang)
        if lang == "en":
            values |= _markdown_defaults()
        known[lang] = {normalize(v) for v in values if re.search(r"[A-Za-zÀ-ÿ]{2}", v) and "://" not in v}
    shared = set.intersection(*known.values())
    return {lang: frozenset(v - shared) for lang, v in known.items()}


@dataclass(frozen=True)
class Text:
    line: int
    where: str  # "title", "aria-label", "alt", "placeholder" or "text"
    value: str
    lang: str  # the language expected there


class _Collector(HTMLParser):
    """Interface texts: attributes anywhere; text outside the prose (``<article>``, the print
    page's sections), which the Markdown parity check reads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page_lang = ""
        self.stack: list[tuple[str, str, bool]] = []  # (tag, lang, skipped: code, script or the article's prose)
        self.texts: list[Text] = []

    def _lang(self) -> str:
        return self.stack[-1][1] if self.stack else self.page_lang

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.page_lang = values.get("lang", "").split("-")[0]
            return
        lang = values.get("lang", "").split("-")[0] or self._lang()
        line = self.getpos()[0]
        for name in ATTRIBUTES:
            if values.get(name, "").strip():
                self.texts.append(Text(line, name, values[name], lang))
        if tag in _VOID:
            return
        prose = tag == "article" or "dj-print__section" in values.get("class", "")  # the page's own text
        skipped = bool(self.stack and self.stack[-1][2]) or tag in _SKIP or prose
        self.stack.append((tag, lang, skipped))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip() and not (self.stack and self.stack[-1][2]) and self.stack:
            self.texts.append(Text(self.getpos()[0], "text", data, self._lang()))


def page_texts(html: str) -> tuple[str, list[Text]]:
    """The page's language and its interface texts (attributes anywhere, text outside the article)."""
    collector = _Collector()
    collector.feed(html)
    return collector.page_lang, collector.texts


def wrong_language(text: str, lang: str) -> str | None:
    """The language ``text`` is in when it is not ``lang`` (None when it fits or cannot be told)."""
    known = interface_strings()
    text = _URL.sub(" ", text)
    value = normalize(text)
    for other in LANGUAGES:
        if other != lang and value in known[other] and value not in known.get(lang, frozenset()):
            return other
    if lang == "fr" and looks_english(text):
        return "en"
    if lang == "en":
        found = score(text)
        if found.french >= 3 and found.french > 2 * found.english:
            return "fr"
    return None


NAMES = {"en": "English", "fr": "French"}


def check_page(html: str, path: str) -> list[Finding]:
    _, texts = page_texts(html)
    findings = []
    for item in texts:
        other = wrong_language(item.value, item.lang)
        if other is None:
            continue
        what = "text" if item.where == "text" else f"{item.where} attribute"
        findings.append(Finding(
            path=path, line=item.line, check=CHECK, side="",
            problem=f"{NAMES[other]} {what} {item.value.strip()!r} in a page (or part) in {NAMES.get(item.lang, item.lang)}",
            fix=f"translate it where it comes from (data/ui/{item.lang}.yml, the Markdown settings set per language "
                f"in datajam.site.markdown_i18n, a template or the page), or mark a deliberate quotation with lang",
        ))
    return findings


def check_site(site_dir: Path) -> tuple[list[Finding], int]:
    """Findings for every HTML page of a built site, and the number of pages read."""
    findings: list[Finding] = []
    pages = sorted(site_dir.rglob("*.html"))
    for page in pages:
        findings += check_page(page.read_text(encoding="utf-8"), page.relative_to(site_dir).as_posix())
    return sorted(findings, key=Finding.sort_key), len(pages)
