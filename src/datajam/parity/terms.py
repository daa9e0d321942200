"""The term base (``data/terms.yml``): French forms to avoid, and English terms whose French equivalent is missing.

Matching ignores case, accepts a plural ending on each word (``-s``, ``-x``, ``-es``), both apostrophes
(' and ’) and any run of spaces, and finds a word after an elision (« l’exploitation », « d’exploitation »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

TERMS = Path("data/terms.yml")
_APOSTROPHE = "['’]"
_SPACE = r"[\s\u00a0\u202f-]+"


class TermBaseError(ValueError):
    """The term base file is missing or not in the documented format."""


@dataclass(frozen=True)
class Term:
    en: tuple[str, ...]
    fr: tuple[str, ...]
    avoid: tuple[str, ...] = ()
    use: str = ""  # for a word to avoid anywhere: what to write instead


@dataclass(frozen=True)
class TermBase:
    terms: tuple[Term, ...]
    avoid: tuple[Term, ...]  # entries of the top-level ``avoid:`` list (``fr`` forms, ``use`` advice)

    def avoided(self, text: str) -> list[tuple[int, str, str]]:
        """``(offset, form found, what to write)`` for each French form to avoid in ``text``."""
        found = []
        for term in self.terms:
            for form in term.avoid:
                found += [(m.start(), m.group(), " or ".join(f"« {f} »" for f in term.fr[:2]))
                          for m in pattern(form).finditer(text)]
        for entry in self.avoid:
            for form in entry.fr:
                found += [(m.start(), m.group(), entry.use) for m in pattern(form).finditer(text)]
        return sorted(found)

    def accepted_spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` holds an accepted French form (a grammar tool may not know it: « les Inuit »,
        « travailleuses et travailleurs migrants »)."""
        return [m.span() for term in self.terms for f in term.fr for m in pattern(f).finditer(text)]

    def missing(self, en_text: str, fr_text: str) -> list[tuple[str, Term]]:
        """``(English form used, term)`` for each term the English text uses and the French text does not
        (a form the French text keeps in English, inside a cited title or a name, does not count)."""
        found = []
        for term in self.terms:
            used = next((m.group() for f in term.en if (m := pattern(f, english=True).search(en_text))
                         and not pattern(f, english=True).search(fr_text)), None)
            if used and not any(pattern(f).search(fr_text) for f in term.fr):
                found.append((used, term))
        return found


_cache: dict[tuple[str, bool], re.Pattern[str]] = {}


def pattern(form: str, english: bool = False) -> re.Pattern[str]:
    """A case-insensitive pattern for ``form`` with plural endings, any apostrophe and any spaces between words."""
    key = (form, english)
    if key not in _cache:
        words = re.split(r"[\s\u00a0\u202f]+", form.strip())
        parts = []
        for word in words:
            chunks = [re.escape(c) for c in re.split(_APOSTROPHE, word)]
            body = _APOSTROPHE.join(chunks)
            parts.append(body + ("(?:s|es)?" if english else "(?:s|x|es)?") if word[-1:].isalpha() else body)
        _cache[key] = re.compile(r"(?<![\w])" + _SPACE.join(parts) + r"(?![\w])", re.I)
    return _cache[key]


def _forms(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str) and value.strip():
        return (value.strip(),)
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    if value is None:
        return ()
    raise TermBaseError(f"{where}: expected a term or a list of terms, got {value!r}")


def load_terms(path: Path = TERMS) -> TermBase:
    """Read a term base; raises TermBaseError with the entry at fault."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TermBaseError(f"{path}: cannot read the term base: {exc}".replace("\n", " ")) from exc
    if not isinstance(data, dict) or set(data) - {"terms", "avoid"}:
        raise TermBaseError(f"{path}: expected the keys 'terms:' and 'avoid:' only")
    terms, avoid = [], []
    for i, entry in enumerate(data.get("terms") or [], 1):
        where = f"{path}: terms entry {i}"
        if not isinstance(entry, dict) or not entry.get("en") or not entry.get("fr"):
            raise TermBaseError(f"{where}: needs 'en:' and 'fr:'")
        terms.append(Term(_forms(entry["en"], where), _forms(entry["fr"], where), _forms(entry.get("avoid"), where)))
    for i, entry in enumerate(data.get("avoid") or [], 1):
        where = f"{path}: avoid entry {i}"
        if not isinstance(entry, dict) or not entry.get("fr") or not isinstance(entry.get("use"), str):
            raise TermBaseError(f"{where}: needs 'fr:' and 'use:'")
        avoid.append(Term((), _forms(entry["fr"], where), use=entry["use"]))
    return TermBase(tuple(terms), tuple(avoid))
