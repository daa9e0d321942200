"""The data and tools of the reviser's checks (issue 10): the term base, the bilingual sites, the project's word
list, the French typography to apply, and whether Grammalecte and Hunspell run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from datajam.parity import sites, spelling, terms

TYPOGRAPHIES = ("fr-CA", "fr-FR")


class RevisionInputError(ValueError):
    """A data file of the reviser's checks is unreadable, or a tool is missing."""


@dataclass(frozen=True)
class Revision:
    terms: terms.TermBase | None = None
    sites: tuple[sites.Site, ...] = ()
    words: frozenset[str] = frozenset()  # project word list (names, acronyms) for Hunspell
    typography: str = "fr-CA"
    tools: bool = True  # run Grammalecte and Hunspell
    active: bool = True  # False: structure checks only (Revision.off())

    @classmethod
    def off(cls) -> Revision:
        """No reviser's check: the structure checks alone (and Canadian typography)."""
        return cls(tools=False, active=False)


def load_revision(root: Path = Path("."), terms_file: Path | None = None, typography: str = "fr-CA",
                  tools: bool = True) -> Revision:
    """The project's data (``data/terms.yml``, ``data/qa/``) under ``root``, or the term base ``terms_file``."""
    path = terms_file or root / terms.TERMS
    try:
        base = terms.load_terms(path) if terms_file or path.is_file() else None
    except terms.TermBaseError as exc:
        raise RevisionInputError(str(exc)) from exc
    return Revision(base, sites.load_sites(root / sites.SITES), spelling.load_words(root / spelling.WORDS),
                    typography, tools)
