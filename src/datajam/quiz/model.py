"""The knowledge-check format: one ``/// quiz`` block (pymdownx.blocks) per question.

.. code-block:: markdown

    /// quiz | Which element is not required when the person trafficked is a child?
        type: single

    - [ ] The act.
      Feedback: why this option is right or wrong, with a [link](page.md#section).
    - [x] The means.
      Feedback…
    ///

The block's title is the question; ``- [x]`` marks a correct option, ``- [ ]`` a wrong one;
the lines indented under an option are its feedback (Markdown). ``type`` is ``single``
(one correct option), ``multiple`` (one or more) or ``true-false`` (two options, one correct);
without it, one correct option means ``single`` and several mean ``multiple``. Text between
the options' list and the title is an introduction to the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("single", "multiple", "true-false")
START = re.compile(r"^ {0,3}(/{3,})[ ]*quiz[ ]*(?:\|[ ]*(.*?)[ ]*)?$")
END = re.compile(r"^ {0,3}(/{3,})[ ]*$")
OPTION = re.compile(r"^- \[([ xX])\][ \t]+(.*)$")
TYPE = re.compile(r"^ {4,}type:[ \t]*([\w-]+)[ \t]*$")


class QuizError(ValueError):
    """A question that breaks the format (message names the question and the fix)."""


@dataclass(frozen=True)
class Option:
    text: str  # inline Markdown
    correct: bool
    feedback: str  # Markdown


@dataclass(frozen=True)
class Question:
    text: str  # inline Markdown (the block's title)
    kind: str
    options: tuple[Option, ...]
    intro: str = ""
    line: int = 1  # of the block's first line in the page

    @property
    def correct(self) -> tuple[int, ...]:
        """Indexes of the correct options (0-based)."""
        return tuple(i for i, o in enumerate(self.options) if o.correct)


def letter(index: int) -> str:
    return chr(ord("A") + index)


def parse_question(title: str, body: str, kind: str | None = None, line: int = 1) -> Question:
    """One question from a block's title and (dedented) content; ``kind`` from its options."""
    options: list[tuple[bool, str, list[str]]] = []
    intro: list[str] = []
    for raw in body.replace("\r\n", "\n").split("\n"):
        if m := OPTION.match(raw):
            options.append((m.group(1) != " ", m.group(2).strip(), []))
        elif options:
            if raw.strip() and not raw.startswith((" ", "\t")):
                raise QuizError(f"quiz {title!r}: {raw.strip()!r} is neither an option ('- [x] ' or '- [ ] ') "
                                "nor feedback; indent the feedback under its option")
            options[-1][2].append(raw.strip())
        elif raw.strip():
            intro.append(raw.strip())
    question = Question(
        text=title.strip(),
        kind="",
        options=tuple(Option(text, correct, "\n".join(fb).strip()) for correct, text, fb in options),
        intro="\n".join(intro),
        line=line,
    )
    return Question(question.text, validate(question, kind), question.options, question.intro, line)


def validate(question: Question, kind: str | None) -> str:
    """The question's kind; :class:`QuizError` if it breaks the format."""
    where = f"quiz {question.text!r}"
    if not question.text:
        raise QuizError(f"{where}: no question; write it after the bar: '/// quiz | Question?'")
    if len(question.options) < 2:
        raise QuizError(f"{where}: needs at least two options ('- [x] right', '- [ ] wrong')")
    count = len(question.correct)
    kind = kind or ("multiple" if count > 1 else "single")
    if kind not in KINDS:
        raise QuizError(f"{where}: unknown type {kind!r}; use one of {', '.join(KINDS)}")
    if count == 0:
        raise QuizError(f"{where}: no correct option; mark it '- [x] '")
    if kind != "multiple" and count != 1:
        raise QuizError(f"{where}: a {kind} question has exactly one correct option; use 'type: multiple'")
    if kind == "true-false" and len(question.options) != 2:
        raise QuizError(f"{where}: a true-false question has exactly two options")
    for option in question.options:
        if not option.feedback:
            raise QuizError(f"{where}: option {option.text!r} has no feedback; indent it under the option")
    return kind


def parse_page(text: str) -> list[Question]:
    """Every ``/// quiz`` block of a Markdown page, in order."""
    lines = text.replace("\r\n", "\n").split("\n")
    questions = []
    i = 0
    while i < len(lines):
        m = START.match(lines[i])
        if not m:
            i += 1
            continue
        start, fence, title = i, m.group(1), m.group(2) or ""
        i += 1
        kind = None
        while i < len(lines) and (t := TYPE.match(lines[i])):
            kind = t.group(1)
            i += 1
        body = []
        while i < len(lines) and not ((e := END.match(lines[i])) and e.group(1) == fence):
            body.append(lines[i])
            i += 1
        try:
            questions.append(parse_question(title, "\n".join(body), kind, start + 1))
        except QuizError as exc:
            raise QuizError(f"line {start + 1}: {exc}") from exc
        i += 1
    return questions
