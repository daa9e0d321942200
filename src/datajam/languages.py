"""Which language, which URL: the site's language rules, in one place.

With mkdocs-static-i18n's folder structure a page has the same path in every language; the
default language (the first of :data:`datajam.LANGUAGES`) sits at the site root, every other
language under ``<lang>/``. URLs here are site-relative (``fr/help/``), as MkDocs writes them.
"""

from __future__ import annotations

from urllib.parse import urljoin

from datajam import LANGUAGES

DEFAULT = LANGUAGES[0]


class UnsupportedLanguage(ValueError):
    """A build in a language the site does not have."""


def prefix(lang: str) -> str:
    """The language's folder in the site: ``""`` for the default language, ``"fr/"``."""
    return "" if lang == DEFAULT else f"{lang}/"


def split_url(url: str) -> tuple[str, str]:
    """The language of a site-relative URL and the URL without its prefix (``fr/help/`` -> ``("fr", "help/")``)."""
    for lang in LANGUAGES[1:]:
        if url == lang or url.startswith(f"{lang}/"):
            return lang, url[len(lang) :].lstrip("/")
    return DEFAULT, url


def in_docs(src_uri: str, lang: str) -> str:
    """A docs file's path inside its language's folder (``fr/handbook/a.md`` -> ``handbook/a.md``);
    the site publishes what sits beside it under :func:`prefix`."""
    return src_uri.removeprefix(f"{lang}/")


def of_build(theme_language: object) -> str:
    """The language being built (mkdocs-static-i18n sets the theme language per build)."""
    lang = str(theme_language)
    if lang not in LANGUAGES:
        raise UnsupportedLanguage(f"mkdocs.yml: unsupported theme language {lang!r}; expected one of {LANGUAGES}")
    return lang


def print_page(lang: str, use_directory_urls: bool = True) -> str:
    """The site-relative path of the language's print page (the handbook in one page, printed to PDF)."""
    return prefix(lang) + ("print/index.html" if use_directory_urls else "print.html")


def canonical(path: str) -> str:
    """A page's public address is its folder: ``handbook/a.html`` and ``handbook/a/index.html`` -> ``handbook/a/``."""
    if path.endswith("index.html"):
        return path[: -len("index.html")]
    if path.endswith(".html"):
        return path[: -len(".html")] + "/"
    return path


def page_alternates(page_url: str, site_url: str) -> list[dict[str, str]]:
    """Absolute URLs of a page in every language, plus ``x-default`` (the default language's).

    ``rel_link`` is the site-relative URL used by the visible language switch.
    """
    _, path = split_url(page_url)
    result = []
    for lang in LANGUAGES:
        rel = prefix(lang) + path
        # the public address, also when this build names files (the offline copy)
        result.append({"lang": lang, "rel_link": rel, "link": urljoin(site_url, canonical(rel))})
    result.append({**result[0], "lang": "x-default"})
    return result
