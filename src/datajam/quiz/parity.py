"""Parity of knowledge checks: the same questions, kinds, options and correct answers in both languages.

Called by the parity checker (:func:`datajam.parity.tree.check_pages`) for every page pair
that holds ``/// quiz`` blocks; a French question whose correct options differ from the
English one is a finding, as is a different number of questions or options.
"""

from __future__ import annotations

from datajam.parity.blocks import Page
from datajam.parity.findings import Finding
from datajam.quiz.model import Question, QuizError, letter, parse_page

CHECK = "quiz"


def has_quiz(page: Page) -> bool:
    return any(b.kind == "block" and b.info == "quiz" for b in page.blocks)


def _letters(question: Question) -> str:
    return ", ".join(letter(i) for i in question.correct)


def quiz_findings(rel: str, en: Page, fr: Page) -> list[Finding]:
    if not (has_quiz(en) or has_quiz(fr)):
        return []
    found: list[Finding] = []
    questions: dict[str, list[Question]] = {}
    for side, page in (("en", en), ("fr", fr)):
        try:
            questions[side] = parse_page(page.text)
        except QuizError as exc:
            found.append(Finding(path=rel, line=1, check=CHECK, problem=str(exc), fix="fix the question's format (see datajam.quiz.model)", side=side))
    if found:
        return found
    en_q, fr_q = questions["en"], questions["fr"]
    if len(en_q) != len(fr_q):
        found.append(Finding(path=rel, line=fr_q[-1].line if fr_q else 1, check=CHECK,
                             problem=f"{len(fr_q)} question(s) in French, {len(en_q)} in English",
                             fix="translate every English question, in the same order", side="fr", source_line=1))
    for n, (e, f) in enumerate(zip(en_q, fr_q), start=1):
        where = f"question {n}"
        if len(e.options) != len(f.options):
            found.append(Finding(path=rel, line=f.line, check=CHECK, problem=f"{where} has {len(f.options)} option(s) in French, "
                                 f"{len(e.options)} in English", fix="translate every option, in the same order",
                                 side="fr", source_line=e.line))
        elif e.correct != f.correct:
            found.append(Finding(path=rel, line=f.line, check=CHECK, problem=f"{where}: the correct answer is {_letters(f)} in French "
                                 f"but {_letters(e)} in English", fix="mark the same options with [x] in both languages",
                                 side="fr", source_line=e.line))
        if e.kind != f.kind:
            found.append(Finding(path=rel, line=f.line, check=CHECK, problem=f"{where} is {f.kind} in French but {e.kind} in English",
                                 fix=f"use 'type: {e.kind}' in both languages", side="fr", source_line=e.line))
    return found
