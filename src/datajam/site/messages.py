"""Make MkDocs' link warnings say where the link is and how to fix it.

MkDocs reports ``Doc file 'en/a.md' contains a link 'b.md#x', but …`` without a
line number. :class:`LinkMessages` rewrites such records as
``docs/en/a.md:12: …  Fix: …`` before strict mode counts them.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

_DOC_LINK = re.compile(r"^Doc file '(?P<src>[^']+)' contains (?:an? )?(?:unrecognized relative |absolute )?link '(?P<link>[^']+)'")
_MISSING_ANCHOR = re.compile(r"does not contain an anchor '#(?P<anchor>[^']+)'|there is no such anchor on this page")
_MISSING_TARGET = re.compile(r"is not found among documentation files")


def link_line(markdown: str, link: str) -> int | None:
    """1-based line of the first occurrence of ``(link)`` (or of the bare link) in a page."""
    for needle in (f"({link})", f"({link} ", link):
        index = markdown.find(needle)
        if index >= 0:
            return markdown.count("\n", 0, index) + 1
    return None


def fix_hint(message: str, src: str) -> str:
    lang = src.split("/", 1)[0]
    if _MISSING_ANCHOR.search(message):
        return (
            "Fix: link to an existing heading id, or give the heading an explicit id with "
            "`## Title {#id}` (the same id in both languages)."
        )
    if _MISSING_TARGET.search(message):
        return (
            f"Fix: correct the path (relative to docs/{lang}/, ending in .md), or create the page "
            "in both docs/en/ and docs/fr/ and add it to the nav in mkdocs.yml."
        )
    if "absolute link" in message:
        return "Fix: use a relative link to the .md file instead of an absolute path."
    return "Fix: link to a .md file with a relative path."


def describe(message: str, docs_dir: Path) -> str:
    """The record's message with the file, line and fix."""
    match = _DOC_LINK.match(message)
    if not match:
        return message
    src, link = match["src"], match["link"]
    path = docs_dir / src
    try:
        line = link_line(path.read_text(encoding="utf-8"), link)
    except OSError:
        line = None
    try:
        shown = path.relative_to(Path.cwd())
    except ValueError:
        shown = path
    where = f"{shown}:{line}" if line else str(shown)
    return f"{where}: {message} {fix_hint(message, src)}"


class LinkMessages(logging.Filter):
    """A filter for the ``mkdocs.structure.pages`` logger."""

    def __init__(self, docs_dir: Path) -> None:
        super().__init__()
        self.docs_dir = docs_dir

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING and isinstance(record.msg, str) and not record.args:
            record.msg = describe(record.msg, self.docs_dir)
        return True


def install(docs_dir: Path) -> None:
    """Install the filter once (idempotent across the per-language builds)."""
    logger = logging.getLogger("mkdocs.structure.pages")
    if not any(isinstance(f, LinkMessages) for f in logger.filters):
        logger.addFilter(LinkMessages(docs_dir))
