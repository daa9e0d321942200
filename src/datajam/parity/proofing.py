"""Grammar (Grammalecte, French) and spelling (Hunspell, both languages) over many page pairs at once (one run
of each tool), and the term base over the French strings of project files."""

from __future__ import annotations

import re
from collections.abc import Iterable

from datajam.parity import grammar, parts, spelling
from datajam.parity.blocks import Page
from datajam.parity.checks.reviser import clean_line, page_units, snippet
from datajam.parity.findings import Finding
from datajam.parity.language import PROPER_NAME, TITLE, looks_english
from datajam.parity.pair import meta_units
from datajam.parity.qa import Revision, RevisionInputError
from datajam.parity.sections import Unit


KBD = re.compile(r"<kbd>(.*?)</kbd>", re.S)


def prose(u: Unit, lang: str, fill: str = " ") -> str:
    """The unit's clean text with passages marked in the other language (and, in French, cited English titles)
    replaced by ``fill``: spaces for Hunspell; for Grammalecte a word (Xxx…), so that the sentence keeps one there."""
    clean = list(u.inline.clean)
    marked = parts.marked(u.text) if "lang" in u.text else []
    spans = [(i, i + 1) for i, o in enumerate(u.inline.offsets[: len(clean)]) if any(a <= o < b for a, b in marked)]
    if "<kbd>" in u.text:  # keys are not prose
        keys = [(m.start(1), m.end(1)) for m in KBD.finditer(u.text)]
        spans += [(i, i + 1) for i, o in enumerate(u.inline.offsets[: len(clean)]) if any(a <= o < b for a, b in keys)]
    if lang == "fr":  # cited titles in English, unmarked
        spans += [(m.start() + 1, m.end() - 1) for m in TITLE.finditer(u.inline.clean)
                  if parts.other_language(m.group()[1:-1], "fr")]
    for a, b in spans:
        for i in range(a, min(b, len(clean))):
            clean[i] = fill if fill == " " or i == a else fill.lower()
    if fill == " ":  # a code span stands as "X" in clean text; glued to a word ("`g`reater") it makes no word
        clean = [" " if c == "X" and o < len(u.text) and u.text[o] == "`" else c
                 for c, o in zip(clean, u.inline.offsets)] + clean[len(u.inline.offsets):]
    return "".join(clean)


def tool_findings(pairs: Iterable[tuple[str, Page, Page]], revision: Revision) -> list[Finding]:
    """Grammalecte's findings on French prose and Hunspell's on both languages."""
    entries: list[tuple[str, str, Unit, str]] = []  # (path, side, unit, prose for Hunspell)
    grammar_texts: list[str] = []  # the French prose for Grammalecte, in the order of the French entries
    twin_words: dict[str, set[str]] = {}
    for path, en, fr in pairs:
        twin_words[path] = set(spelling.TOKEN.findall(en.text))
        for side, page in (("en", en), ("fr", fr)):
            for u in meta_units(page) + page_units(page.sections):
                if side == "fr" and looks_english(u.inline.clean):
                    continue  # the untranslated check reports it
                entries.append((path, side, u, prose(u, side)))
                if side == "fr":
                    grammar_texts.append(prose(u, side, "X"))
    findings: list[Finding] = []
    try:
        french = [e for e in entries if e[1] == "fr"]
        for (path, side, u, _), text, errors in zip(french, grammar_texts, grammar.grammar_errors(grammar_texts)):
            # names keep their own capitals and agreement (La Presse Canadienne, National Observer); the term base's
            # French forms win (« les Inuit », « travailleuses et travailleurs migrants »)
            kept = [m.span() for m in PROPER_NAME.finditer(text)]
            kept += revision.terms.accepted_spans(text) if revision.terms else []
            for e in errors:
                if any(a <= e.start and e.end <= b for a, b in kept):
                    continue
                fix = f"write {' or '.join(repr(s) for s in e.suggestions[:3])}" if e.suggestions else "rephrase"
                findings.append(Finding(path=path, line=clean_line(u, e.start), check="grammar", side=side, fix=fix,
                                        problem=f"{e.message} '…{snippet(text, e.start)}…' [{e.rule}]"))
        for lang in ("en", "fr"):
            own = [e for e in entries if e[1] == lang]
            unknown = spelling.unknown_words([e[3] for e in own], lang)
            for path, side, u, text in own:
                accepted = revision.words | twin_words[path] if side == "fr" else revision.words
                for offset, word in spelling.misspelled(text, unknown, accepted):
                    findings.append(Finding(
                        path=path, line=clean_line(u, offset), check="spelling", side=side,
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
