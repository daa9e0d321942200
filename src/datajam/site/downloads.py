"""The download links of the home and help pages: the handbook PDF of the page's language and,
on the published site, the offline zip. Each link is relative to the page and names the file
where ``make dist`` writes it (``fr/datajam-manuel-fr.pdf``, ``datajam-offline.zip``).

The local preview (``mkdocs serve``) has neither file: there the section says that
``make dist`` builds them instead of showing links that would be dead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

from datajam.site.pdf import pdf_path

PAGES = ("home/", "home.html", "help/", "help/index.html")  # without the language prefix
OFFLINE_ZIP = "datajam-offline.zip"


def downloads(page_url: str, lang_path: str, lang: str, ui: dict[str, str], *, offline: bool, preview: bool) -> dict[str, Any] | None:
    """What the downloads section of a page shows (None: the page has none).

    ``lang_path``: the page's URL without its language prefix; ``offline``: the offline copy
    (which does not offer itself); ``preview``: the local preview, where the files are not built.
    """
    if lang_path not in PAGES:
        return None
    targets = [(ui["pdf_link"], pdf_path(Path(), lang).as_posix())]
    if not offline:
        targets.append((ui["offline_link"], OFFLINE_ZIP))
    links = [{"label": label, "href": get_relative_url(target, page_url)} for label, target in targets]
    return {"preview": preview, "links": links}
