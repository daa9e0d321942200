"""The handbook as a PDF per language, printed from the print page by headless Chromium.

``python -m datajam.site.pdf SITE_DIR`` (``make pdf``) serves the built site on 127.0.0.1,
opens ``print/`` and ``fr/print/`` in Chromium (Playwright), makes the links to other pages
absolute links to the published site (``site_url``), and prints twice: the first PDF gives
the page of each section (``pdfinfo -dests``, poppler-utils), written into the table of
contents before the second, final print. Footers carry the hotline and "Page N of M".
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from datajam import LANGUAGES
from datajam.browser import CHROMIUM, CHROMIUM_ARGS, serve
from datajam.languages import prefix, print_page
from datajam.site import publish
from datajam.site.ui import load_ui_strings

_ABSOLUTIZE = """base => {
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    if (href.startsWith('#') || /^[a-z]+:/i.test(href)) continue;
    const path = new URL(href, location.href).pathname;
    a.setAttribute('href', new URL(path.replace(/^\\//, '') + new URL(href, location.href).hash, base).href);
    if (a.hasAttribute('data-dj-site-url')) a.textContent = a.href;
  }
}"""

_FILL_TOC = """pages => {
  for (const span of document.querySelectorAll('[data-dj-page-for]')) {
    span.textContent = pages[span.dataset.djPageFor] || '';
  }
}"""


def destinations(pdf: Path) -> dict[str, int]:
    """Named destinations of a PDF (Chromium writes one per link target) -> page number."""
    out = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True, check=True).stdout
    found = {}
    for line in out.splitlines():
        match = re.match(r'\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$', line)
        if match:
            found[match.group(2)] = int(match.group(1))
    return found


def footer(ui: dict[str, str]) -> str:
    return (
        '<div style="font-size:8px;width:100%;margin:0 18mm;display:flex;justify-content:space-between;'
        'font-family:system-ui,sans-serif;color:#333">'
        f"<span>{ui['help_line_lead']} 1-833-900-1010 · 911</span>"
        f'<span>{ui["print_page"]} <span class="pageNumber"></span> {ui["print_of"]} <span class="totalPages"></span></span>'
        "</div>"
    )


def pdf_path(site_dir: Path, lang: str) -> Path:
    """Where the PDF of ``lang`` is published: ``datajam-handbook-en.pdf``, ``fr/datajam-manuel-fr.pdf``."""
    return site_dir / prefix(lang) / load_ui_strings()[lang]["pdf_file"]


def make_pdfs(site_dir: Path, site_url: str, languages: tuple[str, ...] = LANGUAGES, browser: Any = None) -> list[Path]:
    """Print every language's print page; returns the PDFs written into ``site_dir``.

    ``browser``: a Playwright Chromium already running (the tests'); else one is launched.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return make_pdfs(site_dir, site_url, languages, own)
            finally:
                own.close()
    ui = load_ui_strings()
    written = []
    with serve(site_dir) as base:
        for lang in languages:
            candidates = [site_dir / print_page(lang, directory_urls) for directory_urls in (True, False)]
            source = next((c for c in candidates if c.exists()), None)
            if source is None:
                raise FileNotFoundError(f"{candidates[0]}: no print page; build the site first (make build)")
            page = browser.new_page()
            page.emulate_media(media="print", color_scheme="light")
            page.goto(base + source.relative_to(site_dir).as_posix(), wait_until="load")
            page.evaluate(_ABSOLUTIZE, site_url)
            options = dict(
                format="Letter",
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=footer(ui[lang]),
                margin={"top": "18mm", "bottom": "20mm", "left": "18mm", "right": "18mm"},
                tagged=True,
                outline=True,
            )
            with tempfile.TemporaryDirectory() as tmp:
                draft = Path(tmp) / "draft.pdf"
                page.pdf(path=str(draft), **options)
                page.evaluate(_FILL_TOC, destinations(draft))
            target = pdf_path(site_dir, lang)
            page.pdf(path=str(target), **options)
            page.close()
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--site-url", help="public address for links (default: site_url of mkdocs.yml, or SITE_URL)")
    args = parser.parse_args(argv)
    try:
        site_url = publish.require_public(args.site_url or publish.configured_site_url())
        written = make_pdfs(args.site_dir, site_url)
        publish.refuse_loopback(written)
    except publish.LoopbackError as exc:
        print(f"pdf: {exc}", file=sys.stderr)
        return 1
    for pdf in written:
        print(f"{pdf}: {pdf.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
