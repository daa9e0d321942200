"""Language: the French text is French, written with Canadian French typography.

Translation-QA checks (terminology, grammar, spelling…) plug in here: write a method that reads
the French prose (:meth:`Language.french_units`, :func:`meta_units`) or the English, adds findings with
``self.pair.add``, and name it in :meth:`Language.page`.
"""

from __future__ import annotations

from datajam.parity.inline import line_of
from datajam.parity.language import looks_english, score
from datajam.parity.pair import PairChecks, excerpt, meta_units
from datajam.parity.sections import Unit
from datajam.parity.typography import typography_issues


class Language(PairChecks):
    def page(self) -> None:
        self.untranslated()
        self.typography()

    def french_units(self, footnotes: bool = True) -> list[Unit]:
        """The prose of the French page's sections (:func:`meta_units` gives its front matter's)."""
        return [u for k, s in self.pair.fr.sections.items() if footnotes or not k.startswith("^") for u in s.units()]

    def untranslated(self) -> None:
        en_texts = {" ".join(u.text.split()) for s in self.pair.en.sections.values() for u in s.units()}
        en_texts |= {" ".join(u.text.split()) for u in meta_units(self.pair.en)}
        for u in meta_units(self.pair.fr) + self.french_units(footnotes=False):
            if not any(c.isspace() for c in u.inline.clean.strip()):
                continue  # a bare identifier or name (X-Forwarded-For) is neither English nor French
            if " ".join(u.text.split()) in en_texts:
                sc = score(u.inline.clean)
                flagged = sc.is_english or sc.english >= 1 and sc.french == 0 and sc.words >= 3
            else:
                flagged = looks_english(u.inline.clean)
            if flagged:
                self.pair.add("untranslated", u.line, f"{u.kind} is still in English: '{excerpt(u.inline.clean)}'",
                              "translate it into French", severity="error")

    def typography(self) -> None:
        for u in self.french_units() + meta_units(self.pair.fr):
            for offset, problem, fix in typography_issues(u.inline.clean, u.kind == "cell", self.pair.revision.typography):
                original = u.inline.offsets[offset] if offset < len(u.inline.offsets) else 0
                line = line_of(u.text, u.line, original) if u.kind != "front matter" else u.line
                snippet = u.inline.clean[max(0, offset - 15) : offset + 15].replace("\n", " ")
                self.pair.add("typography", line, f"{problem}: '…{snippet}…'", fix, severity="error")
