"""Local serving and headless Chromium, shared by the build tools (PDF, benchmarks) and the tests.

Debian's Chromium (``/usr/bin/chromium``, or ``$CHROMIUM``) with the flags this
closed network needs; a threaded HTTP server on 127.0.0.1 that can compress text
as GitHub Pages does.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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


class _Quiet(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real host (GitHub Pages speaks HTTP/2)
    mount = "/"  # the site's path on its host (GitHub Pages: /<repository>/)

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.mount):
            return str(Path(str(self.directory)) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.mount) :])

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
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(site_dir: Path, compress: bool = False, mount: str = "/") -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 (random port); ``compress``: gzip text like GitHub Pages;
    ``mount``: the path the site has on its public host (the path of ``site_url``), as published."""
    mount = "/" + mount.strip("/") + "/" if mount.strip("/") else "/"
    base = _Gzip if compress else _Quiet
    handler = functools.partial(type("Handler", (base,), {"mount": mount}), directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{mount}"
    finally:
        server.shutdown()
        server.server_close()


