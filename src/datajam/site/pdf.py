"""The handbook as a PDF per language, printed from the print page by headless Chromium.

``python -m datajam.site.pdf SITE_DIR`` (``make pdf``) serves the built site on 127.0.0.1,
opens ``print/`` and ``fr/print/`` in Chromium (Playwright), makes the links to other pages
absolute links to the published site (``site_url``), and prints twice: the first PDF gives
the page of each section (``pdfinfo -dests``, poppler-utils), written into the table of
contents before the second, final print. Footers carry the hotline and "Page N of M".
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from datajam import LANGUAGES
from datajam.site.ui import load_ui_strings

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

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


class _Quiet(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real host (GitHub Pages speaks HTTP/2)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


_TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics")


class _Gzip(_Quiet):
    """Compresses text files as GitHub Pages does (for honest page-weight and Lighthouse figures)."""

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.name.endswith(_TEXT) or not path.is_file():
            return super().send_head()
        url_path = self.path.split("?")[0].split("#")[0]
        if path.name == "index.html" and not url_path.endswith(("/", "index.html")):
            return super().send_head()  # the base class redirects /dir to /dir/
        import gzip
        import io

        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(site_dir: Path, compress: bool = False) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 (random port); ``compress``: gzip text like GitHub Pages."""
    handler = functools.partial(_Gzip if compress else _Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


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


def lang_prefix(lang: str) -> str:
    return "" if lang == LANGUAGES[0] else f"{lang}/"


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
            candidates = [site_dir / lang_prefix(lang) / name for name in ("print/index.html", "print.html")]
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
            target = site_dir / lang_prefix(lang) / ui[lang]["pdf_file"]
            page.pdf(path=str(target), **options)
            page.close()
            written.append(target)
    return written


def configured_site_url() -> str:
    from mkdocs.config import load_config

    return str(load_config("mkdocs.yml").site_url or "/")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--site-url", help="published address for links (default: site_url of mkdocs.yml)")
    args = parser.parse_args(argv)
    for pdf in make_pdfs(args.site_dir, args.site_url or configured_site_url()):
        print(f"{pdf}: {pdf.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
