"""The print page of the handbook, one per language, from which the PDF is made.

The hooks record every page's rendered HTML and the navigation order in a :class:`PrintBook`
while MkDocs builds; after the build, :meth:`PrintBook.write` writes ``print/index.html`` (``fr/print/…``):
a cover, a table of contents, then every handbook page in navigation order. Inside the
document, links between handbook pages become links to their sections, so they still
work in the PDF; links to other pages of the site stay relative to the print page, and
:mod:`datajam.site.pdf` makes them absolute links to the published site.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from datajam import LANGUAGES
from datajam import languages
from datajam.languages import canonical

SECTION = "handbook/"


def anchor_for(path: str) -> str:
    slug = canonical(path).strip("/").replace("/", "-")
    return f"p-{slug or 'home'}"


def heading_shift(path: str) -> int:
    """Module pages sit one level below the module's introduction in the print document."""
    parts = canonical(path).strip("/").split("/")
    return 2 if len(parts) >= 3 else 1


_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_ID = re.compile(r'\bid="([^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_HREF = re.compile(r'\b(href|src)="([^"]*)"')


@dataclass
class Section:
    anchor: str
    title: str
    depth: int
    html: str
    date: str | None


def relative(site_path: str, print_dir: str) -> str:
    """A site-root path made relative to the print page's directory (the PDF step turns such
    links into absolute links to the published site)."""
    rel = posixpath.relpath(site_path or ".", print_dir.rstrip("/") or ".")
    return rel + "/" if site_path.endswith("/") or site_path == "" else rel


def rewrite(content: str, path: str, known: set[str], site_url: str, lang: str, print_dir: str) -> str:
    """Make one page's HTML work inside the print document (see the module docstring).

    ``path`` is the page's URL relative to its language root; ``print_dir`` is the print
    page's directory relative to the site root (``print/`` or ``fr/print/``).
    """
    prefix = anchor_for(path)
    shift = heading_shift(path)
    content = _HEADERLINK.sub("", content)
    content = _ID.sub(lambda m: f'id="{prefix}--{m.group(1)}"', content)
    content = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}", content)
    page_abs = "/" + languages.prefix(lang) + path

    def link(match: re.Match[str]) -> str:
        attr, target = match.group(1), html.unescape(match.group(2))
        if target.startswith("#"):
            return f'{attr}="#{prefix}--{html.escape(target[1:])}"'
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or target.startswith("data:"):
            return match.group(0)
        resolved = urlsplit(urljoin("https://site.invalid" + page_abs, target))
        site_path = resolved.path.lstrip("/")
        link_lang, path_in_lang = languages.split_url(site_path)
        lang_path = canonical(path_in_lang)
        if attr == "href" and link_lang == lang and lang_path in known:
            anchor = anchor_for(lang_path) + (f"--{resolved.fragment}" if resolved.fragment else "")
            return f'href="#{html.escape(anchor)}"'
        if attr == "src":  # images and the like: relative to the print page
            return f'src="{html.escape(relative(site_path, print_dir))}"'
        rel = relative(site_path, print_dir) + (f"#{resolved.fragment}" if resolved.fragment else "")
        return f'href="{html.escape(rel)}"'

    return _HREF.sub(link, content)


@dataclass
class PrintBook:
    """Every language's pages as the build renders them, and the navigation order: the print pages' content."""

    nav: dict[str, list[str]] = field(default_factory=dict)  # lang -> page URLs without the language prefix
    pages: dict[str, dict[str, tuple[str, str, str | None]]] = field(default_factory=dict)  # lang -> URL -> title, HTML, date

    def record_nav(self, lang: str, urls: list[str]) -> None:
        self.nav[lang] = [languages.split_url(u)[1] for u in urls]

    def record_page(self, lang: str, url: str, title: str, content: str, date: str | None) -> None:
        self.pages.setdefault(lang, {})[languages.split_url(url)[1]] = (title, content, date)

    def sections(self, lang: str, site_url: str, print_dir: str) -> list[Section]:
        pages = self.pages.get(lang, {})
        order = [u for u in self.nav.get(lang, []) if canonical(u).startswith(SECTION) and u in pages]
        known = {canonical(u) for u in order}
        result = []
        for url in order:
            title, content, date = pages[url]
            result.append(
                Section(
                    anchor=anchor_for(url),
                    title=title,
                    depth=heading_shift(url),
                    html=rewrite(content, url, known, site_url, lang, print_dir),
                    date=date,
                )
            )
        return result

    def write(self, config: Any, ui: dict[str, dict[str, str]], site_dir: Path) -> list[Path]:
        """Write ``print/index.html`` (``print.html`` from disk builds) for each language built."""
        env = config.theme.get_env()
        template = env.get_template("dj-print.html")
        written = []
        for lang in LANGUAGES:
            if lang not in self.pages:
                continue
            page = languages.print_page(lang, config.use_directory_urls)
            target = site_dir / page
            print_dir = posixpath.dirname(page) + "/"
            found = self.sections(lang, config.site_url or "/", print_dir)
            if not found:
                continue
            dates = [s.date for s in found if s.date]
            root = relative("", print_dir)
            help_page, home = ui[lang]["help_page"], languages.prefix(lang)
            if not config.use_directory_urls:  # from disk, a link names the file
                help_page, home = (p + "index.html" if p == "" or p.endswith("/") else p for p in (help_page, home))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(
                template.render(
                    lang=lang,
                    ui=ui[lang],
                    sections=found,
                    date=max(dates) if dates else "",
                    root=root,
                    help_link=root + help_page,
                    home=home,
                    site_url=urljoin(config.site_url or "/", languages.prefix(lang)),
                ),
                encoding="utf-8",
            )
            written.append(target)
        return written
