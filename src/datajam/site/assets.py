"""What a page loads before its first paint, in as few requests as possible.

On a satellite link (600 ms round trip, 300 kbps) every stylesheet the first paint waits
for costs round trips, and stylesheets fetched side by side share the link. Pages therefore
link one stylesheet: Material's main and palette CSS followed by ours
(``extra.dj_stylesheets`` in ``mkdocs.yml``, paths under ``docs/``), joined at build time under a name that
changes with its content. Material's file names carry a hash that changes with each
release; they are found by pattern, and a release that renames them fails the build with
the fix.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

MAIN_CSS = r"assets/stylesheets/main\.[0-9a-f]+\.min\.css"
PALETTE_CSS = r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css"
BUNDLE_JS = r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js"
STYLESHEET = r"assets/stylesheets/datajam\.[0-9a-f]{8}\.css"  # see stylesheet_path

_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


class AssetError(RuntimeError):
    """A file the page template needs is missing, or ambiguous."""


def one_path(paths: Iterable[str], pattern: str) -> str:
    """The one path matching ``pattern`` (a regular expression for the whole path)."""
    matches = sorted(p for p in paths if re.fullmatch(pattern, p))
    if len(matches) != 1:
        raise AssetError(
            f"expected one file matching {pattern} among the site's files, found {matches or 'none'}. "
            "Fix: after upgrading mkdocs-material, update the patterns in src/datajam/site/assets.py."
        )
    return matches[0]


def join_stylesheets(sheets: Iterable[str]) -> str:
    """Stylesheets in order, as one; their source-map comments dropped (the maps would not match)."""
    return "\n".join(_SOURCE_MAP.sub("", sheet).strip() for sheet in sheets) + "\n"


def stylesheet_path(css: str) -> str:
    """Where the joined stylesheet is written: its name changes with its content (caching)."""
    return f"assets/stylesheets/datajam.{hashlib.sha256(css.encode('utf-8')).hexdigest()[:8]}.css"


def page_stylesheet(
    theme_paths: Iterable[str],
    read_theme: Callable[[str], str],
    ours: Sequence[Path],
    palette: bool,
) -> tuple[str, str]:
    """The page's one stylesheet, ``(path, css)``: Material's main CSS, its palette CSS when a
    palette is configured, then ``ours`` in order. ``theme_paths`` are the theme's files in the
    site; ``read_theme`` returns one of them as text."""
    available = set(theme_paths)
    names = [one_path(available, MAIN_CSS), *([one_path(available, PALETTE_CSS)] if palette else [])]
    sheets = [read_theme(name) for name in names]
    for path in ours:
        try:
            sheets.append(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise AssetError(f"mkdocs.yml extra.dj_stylesheets: {path}: {error.strerror}. Fix: correct the path.") from error
    css = join_stylesheets(sheets)
    return stylesheet_path(css), css
