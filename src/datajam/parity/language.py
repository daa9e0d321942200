"""Is a piece of French-page prose actually English? A deterministic stopword scorer.

Proper names (runs of capitalised words such as "Stop the Traffik" or "Office
of the Auditor General"), italic or quoted titles, code and URLs are left out
before scoring, so names and cited English titles do not count as untranslated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that are frequent in one language and do not exist (or are rare) in the other.
ENGLISH = frozenset(
    "the and of to is are was were be been being for with that this these those from by it its they them"
    " their we our you your he she his her have has had not which who whom what when where why how"
    " will would should could can may might must shall do does did into than then there here about"
    " also other more most such only each every any all some no yes if but because while"
    " after before between through during without within under over against".split()
)
FRENCH = frozenset(
    "le la les un une des du de et est sont être été au aux ce cette ces qui que quoi dont où pour par"
    " avec sans dans sur sous entre chez vers pas ne plus moins très aussi ou mais donc car leur leurs"
    " son sa ses notre nos votre vos il elle ils elles nous vous on se lui y peut peuvent doit doivent"
    " fait font avoir ont était ainsi selon lorsque comme tout tous toute toutes même".split()
)
# "a", "as", "or", "on", "in", "an", "me", "en", "son" are ambiguous or too short: left out on purpose.
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœÆæ]+")
ELISION = re.compile(r"\b(?:[ldnjcmts]|qu|jusqu|lorsqu|puisqu)['’](?=[aeiouyhàâéèêëîïôûœ])", re.I)
CONTRACTION = re.compile(r"\w['’](?:s|t|re|ve|ll|d)\b", re.I)
ACCENTED = re.compile(r"[àâçéèêëîïôûùüÿœ]", re.I)
CONNECTOR = r"(?:of|the|and|for|on|in|to|at|&|de|la|le|du|des|et|d['’]|l['’])"
PROPER_NAME = re.compile(r"\b[A-Z][\w’'-]*(?:[ \u00a0]+(?:" + CONNECTOR + r"[ \u00a0]+)*[A-Z][\w’'-]*)+")
TITLE = re.compile(r"(?<![\w*])\*(?!\*)[^*\n]+?\*(?!\*)|(?<![\w_])_(?!_)[^_\n]+?_(?![\w_])|\"[^\"\n]*\"|“[^”\n]*”|«[^»\n]*»")


@dataclass(frozen=True)
class Score:
    english: int
    french: float
    words: int

    @property
    def is_english(self) -> bool:
        return self.english >= 3 and self.english > 2 * self.french


def looks_english(clean: str) -> bool:
    """``score(clean).is_english``, with a quick exit for text with too few English words."""
    if sum(w in ENGLISH for w in WORD.findall(clean.lower())) + len(CONTRACTION.findall(clean)) < 3:
        return False  # removing names and titles only lowers the English count
    return score(clean).is_english


def score(clean: str) -> Score:
    """Score clean text (no markup): English and French evidence and word count."""
    text = PROPER_NAME.sub(" ", TITLE.sub(" ", clean))
    words = [w.lower() for w in WORD.findall(text)]
    english = sum(w in ENGLISH for w in words) + len(CONTRACTION.findall(text))
    french = sum(w in FRENCH for w in words) + len(ELISION.findall(text))
    french += 0.5 * sum(1 for w in words if ACCENTED.search(w))
    return Score(english, french, len(words))


def english_spans(clean: str) -> list[tuple[int, int]]:
    """Italic or quoted spans of ``clean`` with no sign of French (cited titles, names): ``(start, end)``."""
    return [
        (m.start() + 1, m.end() - 1)
        for m in TITLE.finditer(clean)
        if score(m.group()[1:-1]).french == 0
    ]
