"""Link targets: what an English and a French link must share, and which French links should point elsewhere."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MARKERS = [
    (re.compile(r"/(?:en|fr)/"), "/{lang}/"),
    (re.compile(r"-(?:eng|fra)(?=\b|_)"), "-{lang}"),
    (re.compile(r"[-_](?:en|fr)(?=\.[a-z]+(?:$|[?#]))"), "-{lang}"),
    (re.compile(r"(?<=[?&])lang=(?:en|fr)\b"), "lang={lang}"),
    (re.compile(r"(?<=[/=_.])(?:eng|fra)(?=[/&._#]|$)"), "{lang}"),
]
ENGLISH_MARKER = re.compile(r"/en/|-eng\b|[-_]en(?=\.[a-z]+(?:$|[?#]))|[?&]lang=en\b|(?<=[/=_.])eng(?=[/&._#]|$)")
FRENCH_MARKER = re.compile(r"/fr/|-fra\b|[-_]fr(?=\.[a-z]+(?:$|[?#]))|[?&]lang=fr\b|(?<=[/=_.])fra(?=[/&._#]|$)")


INDEX_PAGE = re.compile(r"(?:(?<=/)|^)index\.md$")


def is_external(target: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I)) or target.startswith("//")


def normalize(target: str) -> str:
    """The comparison key of a link target: language markers of external URLs neutralised; a folder's
    ``index.md`` and the folder itself (``security/index.md``, ``security/``) are one page."""
    target = target.strip()
    if not is_external(target):
        path, mark, fragment = target.partition("#")
        key = INDEX_PAGE.sub("", re.sub(r"^\./", "", path))
        return (key or ("./" if path else "")) + mark + fragment  # "index.md#x" is not this page's "#x"
    key = target
    for pattern, repl in MARKERS:
        key = pattern.sub(repl, key)
    return key


def is_government_of_canada(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == "canada.ca" or host.endswith((".canada.ca", ".gc.ca"))


def language_of_url(url: str) -> str:
    """``"en"``, ``"fr"`` or ``""``: the language marker in a bilingual site's URL."""
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    en, fr = bool(ENGLISH_MARKER.search(path)), bool(FRENCH_MARKER.search(path))
    return "en" if en and not fr else "fr" if fr and not en else ""


def same_site_other_language(en_url: str, fr_url: str) -> bool:
    """Two Government of Canada URLs: the French page may have a translated path or host
    (canada.ca/en/public-safety… ↔ canada.ca/fr/securite-publique…, weather.gc.ca ↔ meteo.gc.ca)."""
    return all(is_external(u) and is_government_of_canada(u) for u in (en_url, fr_url)) and (
        language_of_url(en_url) != "fr" and language_of_url(fr_url) != "en")
