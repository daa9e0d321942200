"""The site's public address, and the guard that keeps a developer's machine out of published files.

``site_url`` in ``mkdocs.yml`` is the public address; the ``SITE_URL`` environment variable
overrides it (the publishing workflow passes GitHub Pages' address). Only the local preview
(``make serve``) uses ``http://127.0.0.1:8000/``. ``make pdf``, ``make offline`` and ``make dist``
call :func:`require_public` before they build anything, and :func:`refuse_loopback` on what
they wrote: an artifact that names a loopback address is deleted, with an error naming it.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

from datajam.site.builder import CONFIG_FILE
from datajam.site.linkcheck import LOOPBACK, LOOPBACK_HOST, pdf_uris

_LOOPBACK_URL = re.compile(rf"(?:https?|webcal)://{LOOPBACK_HOST}(?::\d+)?[^\s\"'<>)]*", re.I)
_TEXT = (".html", ".js", ".json", ".xml", ".ics", ".txt", ".css", ".svg", ".atom", ".rss")
HOW_TO_FIX = (
    "set the public address: unset SITE_URL to use site_url of mkdocs.yml, "
    "or run e.g. `SITE_URL=https://example.org/handbook/ make dist`"
)


class LoopbackError(RuntimeError):
    """A published artifact would name a developer's machine."""


def configured_site_url(config_file: str = CONFIG_FILE) -> str:
    """``site_url`` of ``mkdocs.yml`` (``SITE_URL`` when set), always ending in ``/``."""
    from datajam.site.builder import load_config

    url = str(load_config(config_file).site_url or "")
    return url if url.endswith("/") else url + "/"


def require_public(site_url: str) -> str:
    """``site_url`` when it is a public http(s) address; else :class:`LoopbackError`."""
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LoopbackError(f"the site's address {site_url!r} is not an absolute http(s) address; {HOW_TO_FIX}")
    if LOOPBACK.match(parts.hostname):
        raise LoopbackError(
            f"the site's address is {site_url} (a loopback address, this machine only): "
            f"published files would link to it; {HOW_TO_FIX}"
        )
    return site_url


def pdf_text(data: bytes, path: Path) -> str:
    """A PDF's link targets and its text (``pdftotext``, poppler-utils)."""
    uris = " ".join(pdf_uris(data))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return uris + "\n" + text


def loopback_mentions(path: Path) -> list[str]:
    """``file: address`` for each loopback address written in ``path`` (zip members included)."""
    found: list[str] = []
    if path.suffix == ".zip":
        import tempfile

        with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(path) as archive:
            archive.extractall(tmp)
            for member in sorted(Path(tmp).rglob("*")):
                if member.is_file():
                    found += [f"{path}!{m}" for m in loopback_mentions(member)]
        return [m.replace(tmp + "/", "") for m in found]
    if path.suffix == ".pdf":
        text = pdf_text(path.read_bytes(), path)
    elif path.suffix in _TEXT:
        text = path.read_text(encoding="utf-8", errors="replace")
    else:
        return []
    return [f"{path}: {address}" for address in sorted(set(_LOOPBACK_URL.findall(text)))]


def refuse_loopback(paths: list[Path]) -> None:
    """Delete every artifact among ``paths`` (files or folders) that names a loopback address, then fail."""
    bad: dict[Path, list[str]] = {}
    for path in paths:
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file():
                mentions = loopback_mentions(file)
                if mentions:
                    bad[file] = mentions
    if bad:
        for file in bad:
            file.unlink()
        lines = [m for mentions in bad.values() for m in mentions]
        raise LoopbackError(
            "refusing to publish files that name a loopback address (deleted):\n  "
            + "\n  ".join(lines[:20])
            + ("\n  …" if len(lines) > 20 else "")
            + f"\n{HOW_TO_FIX}"
        )
