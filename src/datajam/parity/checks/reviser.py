"""What a reviser reads beyond structure, on a page pair: terms (term-avoided, term-missing), footnote calls,
quotation marks, links to the English address of bilingual sites, English sentences in French paragraphs,
possible omissions, language of parts. Each rule is a pure function in its own module; this concern turns
their answers into findings. Grammar and spelling run over many pages at once (:mod:`datajam.parity.proofing`).
"""

from __future__ import annotations

import re

from datajam.parity import footnotes, parts, quotes, sentences, sites
from datajam.parity.inline import line_of
from datajam.parity.pair import PairChecks, meta_units
from datajam.parity.sections import Section, Unit


QUOTED = re.compile(r"«[^»]*»")


def page_units(page_sections: dict[str, Section]) -> list[Unit]:
    return [u for s in page_sections.values() for u in s.units()]


def clean_line(u: Unit, clean_offset: int) -> int:
    """The file line of a character of a unit's clean text."""
    if u.kind == "front matter":
        return u.line
    offsets = u.inline.offsets
    return line_of(u.text, u.line, offsets[clean_offset] if clean_offset < len(offsets) else 0)


def snippet(text: str, offset: int, width: int = 20) -> str:
    return " ".join(text[max(0, offset - width) : offset + width].split())


class Reviser(PairChecks):
    def page(self) -> None:
        if not self.pair.revision.active:
            return
        en_units = meta_units(self.pair.en) + page_units(self.pair.en.sections)
        fr_units = meta_units(self.pair.fr) + page_units(self.pair.fr.sections)
        for u in fr_units:
            self.french(u)
        for side, units in (("en", en_units), ("fr", fr_units)):
            for u in units:
                self.calls_and_parts(side, u)

    def french(self, u: Unit) -> None:
        clean, add = u.inline.clean, self.pair.add
        if self.pair.revision.terms:
            quoted = [(m.start(), m.end()) for m in QUOTED.finditer(clean)] if "«" in clean else []
            for offset, form, use in self.pair.revision.terms.avoided(clean):
                if any(a <= offset < b for a, b in quoted):
                    continue  # a cited title keeps its words
                add("term-avoided", clean_line(u, offset), f"« {form} » is a form to avoid", f"write {use}")
        for offset in quotes.quote_issues(clean):
            add("quotes", clean_line(u, offset), f"{quotes.PROBLEM}: '…{snippet(clean, offset)}…'", quotes.FIX)
        for offset, sentence in sentences.english_sentences(clean):
            add("untranslated", clean_line(u, offset), f"sentence still in English: '{sentence[:60]}'",
                "translate it into French")
        for link in u.inline.links:
            english_only = "en anglais" in clean  # the writers' mark for a page with no French version
            site = sites.english_site(link.target, self.pair.revision.sites) if link.kind == "link" else None
            if site and not english_only:
                add("link-language", line_of(u.text, u.line, link.offset),
                    f"link to the English address of a bilingual site: '{link.target}'",
                    f"link to the French page, at {site.fr}")

    def calls_and_parts(self, side: str, u: Unit) -> None:
        for offset, fix in footnotes.misplaced_calls(u.text, side):
            self.pair.add_on(side, "footnote-placement", line_of(u.text, u.line, offset),
                             f"footnote call on the wrong side of the punctuation: '…{snippet(u.text, offset)}…'", fix)
        other, lang = ("English", "en") if side == "fr" else ("French", "fr")
        for offset, _, passage in parts.unmarked_parts(u.text, u.inline, side):
            self.pair.add_on(side, "language-of-parts", line_of(u.text, u.line, offset),
                             f"{other} passage without a lang attribute: '{passage[:60]}'",
                             f"mark it: *{passage[:30]}…*{{ lang={lang} }} (a link: [text](url){{ lang={lang} }})")

    def section(self, es: Section, fs: Section) -> None:
        if not self.pair.revision.active or es.key.startswith("^"):
            return
        en_text = " ".join(u.inline.clean for u in es.units())
        fr_text = " ".join(u.inline.clean for u in fs.units())
        if self.pair.revision.terms:
            for used, term in self.pair.revision.terms.missing(en_text, fr_text):
                self.pair.add("term-missing", fs.line, f"{fs.label} uses « {used} » in English but none of its French "
                              "terms", f"write {' or '.join(f'« {f} »' for f in term.fr)}", es.line)
        if sentences.omission(len(en_text), len(fr_text)):
            self.pair.add("omission", fs.line, f"{fs.label} is {len(fr_text)} characters long, its English twin "
                          f"{len(en_text)}: a passage may be missing", "translate every English sentence", es.line,
                          severity="warning")
