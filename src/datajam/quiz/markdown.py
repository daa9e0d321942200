"""The ``/// quiz`` block (pymdownx.blocks): a question as a ``fieldset`` with its ``legend``.

Without JavaScript the answer and the explanation of every option are in a native
``<details>``; ``docs/assets/quiz.js`` adds a "check" button, a live status per question,
a score and "try again" (its parts are written here, ``hidden``, with their words).
After the page's last question come the score area and the answer key (``hidden``; the
print page shows it, see ``docs/assets/print.css``). Every word comes from ``data/ui/<lang>.yml``
(``lang`` is set per language build by :mod:`datajam.quiz.mkdocs`).
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block, type_string_in

from datajam.quiz.model import KINDS, Question, letter, parse_question
from datajam.site.ui import UI_DIR, load_ui_strings

CLASS = "dj-quiz"


def _strings(config: dict[str, Any]) -> dict[str, str]:
    return load_ui_strings(Path(config["ui_dir"]))[config["lang"]]


def _text(parent: etree.Element, tag: str, text: str, **attrs: str) -> etree.Element:
    el = etree.SubElement(parent, tag, attrs)
    el.text = text  # inline Markdown: the inline processor (links, emphasis) runs after the blocks
    return el


def _hint(ui: dict[str, str], kind: str) -> str:
    return ui[f"quiz_hint_{kind.replace('-', '_')}"]


def answer_letters(question: Question, ui: dict[str, str]) -> str:
    """``A``, ``A and C``, ``A, B and C`` (docs/assets/quiz.js writes them the same way)."""
    letters = [letter(i) for i in question.correct]
    return ui["quiz_and"].join(filter(None, [", ".join(letters[:-1]), letters[-1]]))


def render(parent: etree.Element, question: Question, number: int, ui: dict[str, str]) -> etree.Element:
    """The question's HTML (see the module docstring)."""
    qid = f"dj-q{number}"
    box = etree.SubElement(parent, "fieldset", {"class": CLASS, "id": qid, "data-dj-kind": question.kind})
    legend = etree.SubElement(box, "legend")
    _text(legend, "span", f"{ui['quiz_question']} {number}", **{"class": f"{CLASS}__number"}).tail = " "
    _text(legend, "span", question.text, **{"class": f"{CLASS}__text"})
    if question.intro:
        _text(box, "p", question.intro)
    _text(box, "p", _hint(ui, question.kind), **{"class": f"{CLASS}__hint"})
    choices = etree.SubElement(box, "div", {"class": f"{CLASS}__options"})
    kind = "checkbox" if question.kind == "multiple" else "radio"
    for i, option in enumerate(question.options):
        oid = f"{qid}-{letter(i).lower()}"
        row = etree.SubElement(choices, "div", {"class": f"{CLASS}__option"})
        # the input inside its label, without for/id pairing: the print page renames ids
        label = etree.SubElement(row, "label")
        attrs = {"type": kind, "id": oid, "name": qid, "value": letter(i)}
        if option.correct:
            attrs["data-dj-correct"] = ""
        etree.SubElement(label, "input", attrs).tail = " "
        _text(label, "span", letter(i), **{"class": f"{CLASS}__letter"}).tail = " "
        _text(label, "span", option.text)
    js = etree.SubElement(box, "div", {"class": f"{CLASS}__js", "hidden": "hidden"})
    _text(js, "button", ui["quiz_check"], type="button", **{"class": f"{CLASS}__check"})
    etree.SubElement(js, "p", {"class": f"{CLASS}__status", "role": "status"})
    details = etree.SubElement(box, "details", {"class": f"{CLASS}__answer"})
    _text(details, "summary", ui["quiz_show_answer"])
    _text(details, "p", f"{ui['quiz_answer']}{ui['colon']} {answer_letters(question, ui)}", **{"class": f"{CLASS}__solution"})
    explanations = etree.SubElement(details, "ul", {"class": f"{CLASS}__explanations"})
    for i, option in enumerate(question.options):
        item = etree.SubElement(explanations, "li", {"data-dj-option": letter(i)})
        verdict = ui["quiz_option_right"] if option.correct else ui["quiz_option_wrong"]
        _text(item, "strong", f"{letter(i)}{ui['colon']} {verdict}")
        strong = item[-1]
        strong.tail = " " + option.feedback.replace("\n", " ")
    return box


class Quiz(Block):
    NAME = "quiz"
    ARGUMENT = True
    OPTIONS = {"type": ("", type_string_in(("",) + KINDS))}

    def on_markdown(self) -> str:
        return "raw"  # the options list is read by datajam.quiz.model, one parser for every reader

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": f"{CLASS}__source"})

    def on_end(self, block: etree.Element) -> None:
        question = parse_question(self.argument or "", str(block.text or ""), self.options["type"] or None)
        self.tracker["count"] = self.tracker.get("count", 0) + 1
        ui = _strings(self.config)
        parent = etree.Element("div")
        render(parent, question, self.tracker["count"], ui)
        box = parent[0]
        block.tag, block.text = box.tag, None
        block.attrib.clear()
        block.attrib.update(box.attrib)
        block.extend(list(box))


class QuizEnd(Treeprocessor):
    """After the last question: the score area (for quiz.js) and the answer key (print)."""

    def __init__(self, md: Markdown, config: dict[str, Any]) -> None:
        super().__init__(md)
        self.config = config

    def run(self, root: etree.Element) -> None:
        boxes = [el for el in root.iter("fieldset") if el.get("class") == CLASS]
        if not boxes:
            return
        ui = _strings(self.config)
        parent = next(p for p in root.iter() if boxes[-1] in list(p))
        at = list(parent).index(boxes[-1]) + 1
        score = etree.Element("div", {
            "class": f"{CLASS}-score", "hidden": "hidden",
            **{f"data-dj-{key.replace('_', '-')}": ui[f"quiz_{key}"]
               for key in ("correct", "wrong", "choose_first", "score", "answer_is", "and")},
        })
        _text(score, "p", ui["quiz_score_pending"], **{"class": f"{CLASS}-score__text", "role": "status"})
        _text(score, "button", ui["quiz_try_again"], type="button", **{"class": f"{CLASS}-score__again"})
        # the key repeats the explanations: Material's search leaves it out of the index
        key = etree.Element("section", {"class": f"{CLASS}-key", "hidden": "hidden", "data-search-exclude": ""})
        _text(key, "p", ui["quiz_key_title"], **{"class": f"{CLASS}-key__title"})
        for box in boxes:
            legend, answer = box.find("legend"), box.find("details")
            item = etree.SubElement(key, "div", {"class": f"{CLASS}-key__item"})
            title = copy.deepcopy(legend)
            title.tag = "p"
            title.set("class", f"{CLASS}-key__question")
            item.append(title)
            item.extend(copy.deepcopy(el) for el in answer if el.tag != "summary")
        parent.insert(at, score)
        parent.insert(at + 1, key)


class QuizExtension(BlocksExtension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "lang": ["en", "language of the interface strings (set per build by datajam.quiz.mkdocs)"],
            "ui_dir": [str(UI_DIR), "folder of the interface strings"],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        block_mgr.register(Quiz, self.getConfigs())
        # after the inline processor (20) and the table of contents (5); before MkDocs' link rewriting (0)
        md.treeprocessors.register(QuizEnd(md, self.getConfigs()), "dj_quiz_end", 1)


def makeExtension(**kwargs: Any) -> QuizExtension:  # noqa: N802 (Markdown's entry point)
    return QuizExtension(**kwargs)
