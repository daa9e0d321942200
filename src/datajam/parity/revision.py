"""What a reviser checks beyond structure, on a page pair: terms, footnote calls, quotation marks, links to
the English address of bilingual sites, English sentences, possible omissions, language of parts; and, over
many pages at once, grammar (Grammalecte) and spelling (Hunspell).

Each check lives in its own module as pure functions; this module turns their answers into findings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from datajam.parity import footnotes, grammar, parts, quotes, sentences, sites, spelling, terms
from datajam.parity.blocks import Page
from datajam.parity.findings import Finding
from datajam.parity.inline import line_of
from datajam.parity.language import english_spans, looks_english
from datajam.parity.sections import Unit, meta_units, split_sections

TYPOGRAPHIES = ("fr-CA", "fr-FR")


class RevisionInputError(ValueError):
    """A data file of the revision checks is unreadable, or a tool is missing."""


@dataclass(frozen=True)
class Revision:
    """The data and tools of the language checks."""

    terms: terms.TermBase | None = None
    sites: tuple[sites.Site, ...] = ()
    words: frozenset[str] = frozenset()  # project word list (names, acronyms) for Hunspell
    typography: str = "fr-CA"
    tools: bool = True  # run Grammalecte and Hunspell


def load_revision(root: Path = Path("."), terms_file: Path | None = None, typography: str = "fr-CA",
                  tools: bool = True) -> Revision:
    """The project's data (``data/terms.yml``, ``data/qa/``) from ``root``, or ``terms_file``."""
    path = terms_file or root / terms.TERMS
    try:
        base = terms.load_terms(path) if terms_file or path.is_file() else None
    except terms.TermBaseError as exc:
        raise RevisionInputError(str(exc)) from exc
    return Revision(base, sites.load_sites(root / sites.SITES), spelling.load_words(root / spelling.WORDS),
                    typography, tools)


def units(page: Page, footnotes_too: bool = True) -> list[Unit]:
    return meta_units(page) + [u for k, s in split_sections(page).items()
                               if footnotes_too or not k.startswith("^") for u in s.units()]


def _line(u: Unit, clean_offset: int) -> int:
    if u.kind == "front matter":
        return u.line
    offsets = u.inline.offsets
    return line_of(u.text, u.line, offsets[clean_offset] if clean_offset < len(offsets) else 0)


def _snippet(text: str, offset: int, width: int = 20) -> str:
    return " ".join(text[max(0, offset - width) : offset + width].split())


@dataclass
class PageRevision:
    path: str
    en: Page
    fr: Page
    revision: Revision
    findings: list[Finding] = field(default_factory=list)

    def add(self, check: str, line: int, problem: str, fix: str, side: str = "fr", severity: str = "error") -> None:
        self.findings.append(Finding(path=self.path, line=line, check=check, problem=problem, fix=fix, side=side,
                                     severity=severity))

    def run(self) -> list[Finding]:
        en_units, fr_units = units(self.en), units(self.fr)
        for u in fr_units:
            self.french_unit(u)
        for side, page_units in (("en", en_units), ("fr", fr_units)):
            for u in page_units:
                for offset, fix in footnotes.misplaced_calls(u.text, side):
                    self.add("footnote-placement", line_of(u.text, u.line, offset),
                             f"footnote call on the wrong side of the punctuation: '…{_snippet(u.text, offset)}…'",
                             fix, side)
                for offset, passage in parts.unmarked_parts(u.text, u.inline, side):
                    other = "English" if side == "fr" else "French"
                    self.add("language-of-parts", line_of(u.text, u.line, offset),
                             f"{other} passage without a lang attribute: '{passage[:60]}'",
                             f"mark it: *{passage[:30]}…*{{ lang={'en' if side == 'fr' else 'fr'} }} "
                             "(or the link: [text](url){ lang=… })", side)
        self.sections()
        return self.findings

    def french_unit(self, u: Unit) -> None:
        clean = u.inline.clean
        if self.revision.terms:
            for offset, form, use in self.revision.terms.avoided(clean):
                self.add("term-avoided", _line(u, offset), f"« {form} » is a form to avoid", f"write {use}")
        for offset in quotes.quote_issues(clean):
            self.add("quotes", _line(u, offset), f"{quotes.PROBLEM}: '…{_snippet(clean, offset)}…'", quotes.FIX)
        for offset, sentence in sentences.english_sentences(clean):
            self.add("untranslated", _line(u, offset), f"sentence still in English: '{sentence[:60]}'",
                     "translate it into French")
        for link in u.inline.links:
            site = sites.english_site(link.target, self.revision.sites) if link.kind == "link" else None
            if site:
                self.add("link-language", line_of(u.text, u.line, link.offset),
                         f"link to the English address of a bilingual site: '{link.target}'",
                         f"link to the French page, at {site.fr}")

    def sections(self) -> None:
        en_sections, fr_sections = split_sections(self.en), split_sections(self.fr)
        for key, es in en_sections.items():
            fs = fr_sections.get(key)
            if fs is None or key.startswith("^"):
                continue
            en_text = " ".join(u.inline.clean for u in es.units())
            fr_text = " ".join(u.inline.clean for u in fs.units())
            if self.revision.terms:
                for used, term in self.revision.terms.missing(en_text, fr_text):
                    self.add("term-missing", fs.line, f"{fs.label} uses « {used} » in English but none of its "
                             f"French terms", f"write {' or '.join(f'« {f} »' for f in term.fr)}")
            if sentences.omission(len(en_text), len(fr_text)):
                self.add("omission", fs.line, f"{fs.label} is {len(fr_text)} characters long, its English twin "
                         f"{len(en_text)}: a passage may be missing", "translate every English sentence",
                         severity="warning")


def page_findings(path: str, en: Page, fr: Page, revision: Revision) -> list[Finding]:
    return PageRevision(path, en, fr, revision).run()


# -- grammar and spelling: one run of each tool over many pages ------------------------------------------
def _prose(u: Unit, lang: str, fill: str = " ") -> str:
    """The unit's clean text with passages marked in the other language (and, in French, cited English titles)
    replaced by ``fill``: spaces for Hunspell; for Grammalecte a letter, so that the sentence keeps a word there."""
    clean = list(u.inline.clean)
    spans = [(i, i + 1) for i, o in enumerate(u.inline.offsets[: len(clean)])
             if any(a <= o < b for a, b in parts.marked(u.text))] if "lang" in u.text else []
    if lang == "fr":
        spans += english_spans(u.inline.clean)
    for a, b in spans:
        for i in range(a, min(b, len(clean))):
            clean[i] = fill if fill == " " or i == a else fill.lower()
    return "".join(clean)


def tool_findings(pairs: Iterable[tuple[str, Page, Page]], revision: Revision) -> list[Finding]:
    """Grammalecte's grammar findings on French prose and Hunspell's spelling findings on both languages."""
    entries: list[tuple[str, str, Unit, str]] = []  # (path, side, unit, prose)
    grammar_texts: list[str] = []
    twin_words: dict[str, set[str]] = {}
    for path, en, fr in pairs:
        twin_words[path] = set(spelling.TOKEN.findall(en.text))
        for side, page in (("en", en), ("fr", fr)):
            for u in units(page):
                if side == "fr" and looks_english(u.inline.clean):
                    continue  # the untranslated check reports it
                entries.append((path, side, u, _prose(u, side)))
                if side == "fr":
                    grammar_texts.append(_prose(u, side, "X"))
    findings: list[Finding] = []
    try:
        french = [e for e in entries if e[1] == "fr"]
        for (path, side, u, _), text, errors in zip(french, grammar_texts, grammar.grammar_errors(grammar_texts)):
            for e in errors:
                if revision.terms and revision.terms.accepted(text[e.start : e.end]):
                    continue  # the term base's French form wins (« les Inuit », Government of Canada usage)
                fix = f"write {' or '.join(repr(s) for s in e.suggestions[:3])}" if e.suggestions else "rephrase"
                findings.append(Finding(path=path, line=_line(u, e.start), check="grammar", side=side,
                                        problem=f"{e.message} '…{_snippet(text, e.start)}…' [{e.rule}]",
                                        fix=fix))
        for lang in ("en", "fr"):
            own = [e for e in entries if e[1] == lang]
            unknown = spelling.unknown_words([e[3] for e in own], lang)
            for path, side, u, prose in own:
                accepted = revision.words | twin_words[path] if side == "fr" else revision.words
                for offset, word in spelling.misspelled(prose, unknown, accepted):
                    findings.append(Finding(
                        path=path, line=_line(u, offset), check="spelling", side=side,
                        problem=f"unknown word « {word} » ({spelling.DICTIONARIES[lang]} dictionary)",
                        fix="correct it (Canadian spelling), or add a name or acronym to data/qa/words.txt"))
    except (grammar.GrammarToolError, spelling.SpellingToolError) as exc:
        raise RevisionInputError(str(exc)) from exc
    return findings


def project_term_findings(strings: Iterable[tuple[str, int, str]], revision: Revision) -> list[Finding]:
    """term-avoided in French strings of project files (nav titles, interface strings, agenda data)."""
    if not revision.terms:
        return []
    return [Finding(path=path, line=line, check="term-avoided", problem=f"« {form} » is a form to avoid in {text!r}",
                    fix=f"write {use}", side="")
            for path, line, text in strings for _, form, use in revision.terms.avoided(text)]


