"""Shared fixtures: one strict build of the site per test session, a local
HTTP server for it, and real headless Chromium driven by Playwright."""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from datajam.browser import CHROMIUM, CHROMIUM_ARGS, serve
from datajam.site.builder import CONFIG_FILE  # also makes mkdocs.* imports in tests resolve to ProperDocs

ROOT = Path(__file__).resolve().parent.parent
# The two screens of the user tests (issue 19): a phone and a desktop.
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def run_strict_build(site_dir: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Build both languages strictly into ``site_dir`` with ProperDocs, as `make build` does."""
    return subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "-f", CONFIG_FILE, "--strict", "--clean", "--site-dir", str(site_dir)],
        cwd=cwd,
        capture_output=True,
        text=True,
    )


# Content Security Policy: what the browser reports. A violation fires `securitypolicyviolation` in the
# page (heard here through a binding, which no page policy can block) and logs a console error (also
# for frames the listener does not reach, like the offline copy's worker frame).
_VIOLATION_LISTENER = """document.addEventListener("securitypolicyviolation", e => window.__djViolation(
  e.effectiveDirective + " blocked " + (e.blockedURI || "?") + " in " + (e.sourceFile || location.href) + ":" + e.lineNumber))"""


def watch_policy(context: object) -> list[str]:
    """Every CSP violation, console error and uncaught exception in ``context`` from now on, as text."""
    found: list[str] = []
    context.expose_binding("__djViolation", lambda source, text: found.append(f"CSP: {text}"))  # type: ignore[attr-defined]
    context.add_init_script(_VIOLATION_LISTENER)  # type: ignore[attr-defined]

    def console(message: object) -> None:
        url = (message.location or {}).get("url", "")  # type: ignore[attr-defined]
        if message.type == "error" and not url.endswith("/favicon.ico"):  # type: ignore[attr-defined]
            found.append(f"console: {message.text} ({url})")  # type: ignore[attr-defined]

    context.on("console", console)  # type: ignore[attr-defined]
    context.on("weberror", lambda error: found.append(f"error: {error.error}"))  # type: ignore[attr-defined]
    return found


class OtherOrigin(http.server.BaseHTTPRequestHandler):
    """A second origin on 127.0.0.1: it answers every GET with a little page and records the request."""

    received: list[dict[str, str]]

    def do_GET(self) -> None:  # noqa: N802
        self.received.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
        body = b"<!doctype html><html lang=en><title>Source</title><h1>Source</h1></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture()
def other_origin() -> Iterator[tuple[str, list[dict[str, str]]]]:
    """Another site, served on 127.0.0.1 at another port (another origin), and the requests it received."""
    received: list[dict[str, str]] = []
    handler = type("Recording", (OtherOrigin,), {"received": received})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", received
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def strict_build() -> object:
    """The function that runs a strict build, for tests that build a broken copy."""
    return run_strict_build


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    """A throw-away copy of everything the build reads, to break on purpose."""
    for name in ("docs", "overrides", "hooks", "data", "src"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The site, built once per session with `properdocs build --strict`, and the build's output."""
    target = tmp_path_factory.mktemp("site")
    result = run_strict_build(target)
    if result.returncode != 0:
        pytest.fail(f"strict build failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return target, result


@pytest.fixture(scope="session")
def site_dir(site_build: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    return site_build[0]


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1 (random free port), at the path its public
    address has (site_url of mkdocs.yml, or SITE_URL), as GitHub Pages serves it."""
    from urllib.parse import urlsplit

    from datajam.site.publish import configured_site_url

    with serve(site_dir, mount=urlsplit(configured_site_url(str(ROOT / "mkdocs.yml"))).path) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright. Missing: a failure, never a skip."""
    if not (os.access(CHROMIUM, os.X_OK) or shutil.which(CHROMIUM)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. Install it with "
            "`sudo apt-get update && sudo apt-get install -y chromium` "
            "(or set CHROMIUM=/path/to/chromium). Browser tests never skip.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    """A fresh browser context and page for each test."""
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()
