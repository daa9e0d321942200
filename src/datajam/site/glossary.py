"""Glossary tooltips: one abbreviation file per language, appended to every page.

``data/glossary/<lang>.md`` holds Markdown abbreviation definitions
(``*[TERM]: definition``); Python-Markdown's ``abbr`` extension turns each
occurrence of a term into ``<abbr title>`` and Material's ``content.tooltips``
shows it as a tooltip.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

GLOSSARY_DIR = Path("data/glossary")


@cache
def glossary(lang: str, glossary_dir: Path = GLOSSARY_DIR) -> str:
    path = glossary_dir / f"{lang}.md"
    text = path.read_text(encoding="utf-8")
    bad = [
        f"{path}:{number}: not an abbreviation definition; write `*[TERM]: definition`"
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.startswith("*[")
    ]
    if bad:
        raise ValueError("\n".join(bad))
    return text


def with_glossary(markdown: str, lang: str, glossary_dir: Path = GLOSSARY_DIR) -> str:
    """The page's Markdown followed by its language's glossary definitions."""
    return f"{markdown.rstrip()}\n\n{glossary(lang, glossary_dir)}"
