"""Bilingual sites whose French address differs from the English one (``data/qa/sites.yml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

SITES = Path("data/qa/sites.yml")


@dataclass(frozen=True)
class Site:
    en: str  # address prefix without scheme and "www.", e.g. "cybertip.ca" or "legisquebec.gouv.qc.ca/en/"
    fr: str


def load_sites(path: Path = SITES) -> tuple[Site, ...]:
    if not path.is_file():
        return ()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(Site(str(s["en"]), str(s["fr"])) for s in data.get("sites") or [])


def address(url: str) -> str:
    """``host/path`` without scheme, ``www.`` or a port: the form the site list is written in."""
    parts = urlsplit(url)
    host = re.sub(r"^www\d*\.", "", (parts.hostname or "").lower())
    return host + (parts.path or "/")


def _starts(addr: str, prefix: str) -> bool:
    prefix = prefix.lower()
    return addr.startswith(prefix) or addr.rstrip("/") == prefix.rstrip("/") or (
        not prefix.endswith("/") and "/" not in prefix and addr.split("/", 1)[0] == prefix)


def english_site(url: str, sites: tuple[Site, ...]) -> Site | None:
    """The site of which ``url`` is the English address (for a link in a French page)."""
    if not url.lower().startswith(("http://", "https://")):
        return None
    addr = address(url)
    return next((s for s in sites if _starts(addr, s.en) and not _starts(addr, s.fr)), None)


def same_site(en_url: str, fr_url: str, sites: tuple[Site, ...]) -> bool:
    """An English link and a French link to one site's English and French addresses."""
    if not all(u.lower().startswith(("http://", "https://")) for u in (en_url, fr_url)):
        return False
    e, f = address(en_url), address(fr_url)
    return any(_starts(e, s.en) and _starts(f, s.fr) for s in sites)


def french_twin(en_url: str, fr_url: str, sites: tuple[Site, ...] = ()) -> bool:
    """``fr_url`` is the French address of ``en_url``: the listed sites' two addresses, or the same host with a
    ``/fr`` path prefix (https://fastapi.tiangolo.com/fr/async/ for https://fastapi.tiangolo.com/async/)."""
    if not all(u.lower().startswith(("http://", "https://")) for u in (en_url, fr_url)):
        return False
    e, f = urlsplit(en_url), urlsplit(fr_url)
    if e.hostname == f.hostname and (f.path.rstrip("/") or "/") in ("/fr", "/fr-ca") and (e.path or "/") == "/" \
            or e.hostname == f.hostname and re.sub(r"^/fr(?:-ca)?(?=/)", "", f.path) == e.path != f.path:
        return (e.query, e.fragment) == (f.query, f.fragment)
    return same_site(en_url, fr_url, sites)
