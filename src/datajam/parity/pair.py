"""A page pair as every check reads it: both pages, their sections paired, and the findings so far."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property
from typing import TypeVar

from datajam.parity.blocks import Block, Page
from datajam.parity.findings import Finding
from datajam.parity.qa import Revision
from datajam.parity.sections import LINKS, META, TOP, Section, Unit

T = TypeVar("T")
RECORD_KEY = "translation"  # front-matter key written by ``sync`` in French pages
PROSE_KEYS = ("title", "description")  # front-matter values that are translated


def align(en: Sequence[T], fr: Sequence[T], key: Callable[[T], Hashable]) -> list[tuple[T | None, T | None]]:
    """Pair two sequences: equal keys, and same-length runs of differing ones, face each other."""
    if len(en) == len(fr) and len(en) < 2:
        return list(zip(en, fr))
    ops = SequenceMatcher(None, [key(x) for x in en], [key(x) for x in fr], autojunk=False).get_opcodes()
    pairs: list[tuple[T | None, T | None]] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            pairs += zip(en[i1:i2], fr[j1:j2])
        else:
            pairs += [(e, None) for e in en[i1:i2]] + [(None, f) for f in fr[j1:j2]]
    return pairs


def excerpt(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def meta_units(page: Page) -> list[Unit]:
    """The translated prose of the front matter (titles, descriptions, any value with a space)."""
    return [Unit("front matter", page.meta_lines.get(k, 1), v) for k, v in page.meta.items()
            if isinstance(v, str) and (k in PROSE_KEYS or " " in v.strip()) and k != RECORD_KEY]


def heading_key(b: Block) -> Hashable:
    """What makes two headings face each other: level, and the id of a section heading."""
    return (b.level, b.ident if b.level >= 2 else "")


@dataclass
class PagePair:
    """An English page and its French twin; ``fr_twin`` tells whether a French page exists (for link-language)."""

    path: str
    en: Page
    fr: Page
    fr_twin: Callable[[str], bool] = lambda _p: False
    findings: list[Finding] = field(default_factory=list)
    revision: Revision = field(default_factory=Revision.off)  # the reviser's checks and their data

    def add(self, check: str, line: int, problem: str, fix: str, en_line: int | None = None,
            severity: str = "error", details: tuple[str, ...] = ()) -> None:
        """A finding about the French page (``en_line``: the matching English line)."""
        self.findings.append(Finding(path=self.path, line=line, check=check, problem=problem, fix=fix, side="fr",
                                     source_line=en_line, severity=severity, details=details))

    def add_on(self, side: str, check: str, line: int, problem: str, fix: str) -> None:
        """A finding about one page on its own (``side`` "en" or "fr")."""
        self.findings.append(Finding(path=self.path, line=line, check=check, problem=problem, fix=fix, side=side))

    @cached_property
    def headings(self) -> list[tuple[Block | None, Block | None]]:
        """The English and French headings, aligned."""
        eh = [b for b in self.en.blocks if b.kind == "heading"]
        fh = [b for b in self.fr.blocks if b.kind == "heading"]
        return align(eh, fh, heading_key)

    @cached_property
    def section_pairs(self) -> list[tuple[Section, Section]]:
        """The sections compared with each other: those of aligned headings, the top of the page, the link
        definitions, the footnotes both pages define, and the front matter's prose."""
        en_sections, fr_sections = self.en.sections, self.fr.sections
        en_at, fr_at = heading_sections(en_sections), heading_sections(fr_sections)
        pairs = [(en_at[e.line], fr_at[f.line]) for e, f in self.headings
                 if e and f and e.line in en_at and f.line in fr_at]
        for key in (TOP, LINKS):
            if key in en_sections or key in fr_sections:
                pairs.append((en_sections.get(key, Section(key, 1)), fr_sections.get(key, Section(key, 1))))
        pairs += [(en_sections[k], fr_sections[k]) for k in en_sections if k.startswith("^") and k in fr_sections]
        pairs.append((Section(META, 1, _units=meta_units(self.en)), Section(META, 1, _units=meta_units(self.fr))))
        return pairs


def heading_sections(sections: dict[str, Section]) -> dict[int, Section]:
    """The sections that a ``##``–``######`` heading starts, by the heading's line (not the top of the page,
    which may start with the ``#`` title)."""
    return {s.line: s for s in sections.values()
            if s.blocks and s.blocks[0].kind == "heading" and s.blocks[0].level >= 2 and s.blocks[0].line == s.line}


class PairChecks:
    """The checks of one concern over a page pair: ``page`` runs once per pair, then ``section`` once per
    pair of matching sections (:attr:`PagePair.section_pairs`). A concern adds findings with ``pair.add``."""

    def __init__(self, pair: PagePair) -> None:
        self.pair = pair

    def page(self) -> None:
        """Checks of the whole page pair."""

    def section(self, es: Section, fs: Section) -> None:
        """Checks of an English section and the French section it faces."""
