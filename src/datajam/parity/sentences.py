"""Sentence level: an English sentence left in a French paragraph, and French sections much shorter than
their English twin (a possible omission).

Omission thresholds were calibrated on the project's own 32 page pairs (``scripts/parity.py`` on docs/, December
2026): French prose runs 1.05 to 1.35 times the English length per section (characters of clean text), median
1.18. A section whose French is under ``OMISSION_RATIO`` (0.7) of its English, when the English has at least
``OMISSION_MIN`` (200) characters, is flagged as a warning: no faithful section of the project comes near it.
"""

from __future__ import annotations

import re

from datajam.parity.language import looks_english

SENTENCE_END = re.compile(r"(?<=[.!?])[\s\u00a0]+(?=[«\"“(\[]?[A-ZÀ-ÖØ-Þ])")
OMISSION_RATIO = 0.7
OMISSION_MIN = 200


def sentences(clean: str) -> list[tuple[int, str]]:
    """``(offset, sentence)`` of clean prose."""
    found, start = [], 0
    for m in SENTENCE_END.finditer(clean):
        found.append((start, clean[start : m.start()]))
        start = m.end()
    found.append((start, clean[start:]))
    return [(o, s) for o, s in found if s.strip()]


def english_sentences(clean: str) -> list[tuple[int, str]]:
    """English sentences in French prose that is not English as a whole (the untranslated check takes those)."""
    parts = sentences(clean)
    if len(parts) < 2 or looks_english(clean):
        return []
    return [(o, s) for o, s in parts if looks_english(s)]


def omission(en_length: int, fr_length: int) -> bool:
    """Is a French section of ``fr_length`` characters short enough, against ``en_length``, to be a possible omission?"""
    return en_length >= OMISSION_MIN and fr_length < OMISSION_RATIO * en_length
