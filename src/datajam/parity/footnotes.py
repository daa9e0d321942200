"""Where a footnote call stands: French puts it before the punctuation (« filles[^1]. », Bureau de la traduction,
Le guide du rédacteur), English after it ("girls.[^1]")."""

from __future__ import annotations

import re

PUNCTUATION = ".,;:!?…"
CALL = r"\[\^[^\]\s]+\]"
FRENCH_MISPLACED = re.compile(r"(?<=[" + PUNCTUATION + r"])(" + CALL + r")+")
ENGLISH_MISPLACED = re.compile(r"(?<=[\w)»”\"*_])((?:" + CALL + r")+)([" + PUNCTUATION + r"])(?![\w])")


def misplaced_calls(text: str, lang: str) -> list[tuple[int, str]]:
    """``(offset, fix)`` of each footnote call on the wrong side of the punctuation in Markdown ``text``."""
    if "[^" not in text:
        return []
    if lang == "fr":
        return [(m.start(), f"put the call before the punctuation: '…{m.group()}{text[m.start() - 1]}'")
                for m in FRENCH_MISPLACED.finditer(text) if not _abbreviation(text, m.start() - 1)]
    return [(m.start(), f"put the call after the punctuation: '…{m.group(2)}{m.group(1)}'")
            for m in ENGLISH_MISPLACED.finditer(text)]


def _abbreviation(text: str, dot: int) -> bool:
    """A period that ends an abbreviation (« etc. », « p. ») belongs to the word, not to the sentence."""
    return text[dot] == "." and bool(re.search(r"(?:\betc|\bp|\bal|\bc)\.$", text[: dot + 1]))
