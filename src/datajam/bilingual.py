"""The bilingual rules of the project's data, each written once.

The build fails on them (``datajam.site.ui`` for interface strings, ``datajam.agenda.validate``
for the agenda's texts); the parity checker reports them (``datajam.parity.project``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal, NamedTuple, TypeVar

from datajam import LANGUAGES

T = TypeVar("T")


class MissingKey(NamedTuple):
    key: Any
    missing_in: str  # the language that lacks the key
    present_in: str  # a language that has it


def missing_keys(by_language: Mapping[str, Mapping[Any, Any]], languages: tuple[str, ...] = LANGUAGES) -> list[MissingKey]:
    """Per-language strings have the same keys: every key one language has and another lacks.

    The first language is the reference: each other language is compared with it both ways
    (keys it lacks, then keys the reference lacks), keys sorted within each group.
    """
    reference = languages[0]
    found = []
    for lang in languages[1:]:
        for missing_in, present_in in ((lang, reference), (reference, lang)):
            keys = by_language[present_in].keys() - by_language[missing_in].keys()
            found += [MissingKey(key, missing_in, present_in) for key in sorted(keys, key=str)]
    return found


class LanguageGap(NamedTuple):
    language: str
    state: Literal["missing", "empty"]


def language_gaps(field: Mapping[Any, T], empty: Callable[[T], bool],
                  languages: tuple[str, ...] = LANGUAGES) -> list[LanguageGap]:
    """A bilingual field (a mapping with at least one language key) has every language, non-empty.

    Returns what breaks the rule, in language order; [] for a complete field or a mapping that
    is no bilingual field. ``empty`` tells whether a value counts as no text.
    """
    if not any(lang in field for lang in languages):
        return []
    return [LanguageGap(lang, "missing") if lang not in field else LanguageGap(lang, "empty")
            for lang in languages if lang not in field or empty(field[lang])]
