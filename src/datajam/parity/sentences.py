"""Sentence level: an English sentence left in a French paragraph, and French sections much shorter than
their English twin (a possible omission).

Omission thresholds, calibrated on the project's own pairs (docs/en and docs/fr, 1 December 2026): over the
194 sections whose English prose has at least 200 characters (clean text), French runs 1.03 to 1.42 times the
English length, median 1.20 (5th to 95th percentile: 1.07 to 1.33). A French section under ``OMISSION_RATIO``
(0.85) of its English, when the English has at least ``OMISSION_MIN`` (200) characters, is flagged as a
warning: that is 30 % below the median ratio (about a third of the section missing) and well under the
shortest faithful section. Shorter sections vary too much to judge.
"""

from __future__ import annotations

import re

from datajam.parity.language import looks_english

SENTENCE_END = re.compile(r"(?<=[.!?])[\s\u00a0]+(?=[«\"“(\[]?[A-ZÀ-ÖØ-Þ])")
OMISSION_RATIO = 0.85
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
