"""Knowledge checks in the built site: the HTML a reader gets without JavaScript, the assets only
quiz pages load, the print page (PDF) with its answer keys, and the QTI packages parsed back."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT
from datajam.quiz.markdown import answer_letters
from datajam.quiz.model import letter, parse_page
from datajam.quiz.qti import read_package
from datajam.site.ui import load_ui_strings
from datajam.site.publish import configured_site_url

UI = load_ui_strings()
MODULES = ("module-1", "module-2", "module-3")
PREFIX = {"en": "", "fr": "fr/"}


def quiz_html(site_dir: Path, lang: str, module: str) -> str:
    return (site_dir / f"{PREFIX[lang]}handbook/{module}/knowledge-check/index.html").read_text(encoding="utf-8")


def source(lang: str, module: str) -> list:
    return parse_page((ROOT / "docs" / lang / "handbook" / module / "knowledge-check.md").read_text(encoding="utf-8"))


class Outline(HTMLParser):
    """Fieldsets with their first child, the inputs inside them, and which inputs sit in a label."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.fieldsets: list[list[str]] = []
        self.inputs: list[dict[str, str | None]] = []
        self.labels: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if self.stack and self.stack[-1] == "fieldset" and self.fieldsets and not self.fieldsets[-1]:
            self.fieldsets[-1].append(tag)
        if tag == "fieldset":
            self.fieldsets.append([])
        if tag == "input" and "fieldset" in self.stack:
            self.inputs.append(a)
            if "label" in self.stack:  # labelled by the label around it (ids change in the print page)
                self.labels.add(str(a["id"]))
        if tag not in ("input", "br", "img", "meta", "link", "hr"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("module", MODULES)
def test_every_question_is_a_fieldset_with_a_legend_labelled_options_and_a_details_answer(
    site_dir: Path, lang: str, module: str
) -> None:
    html = quiz_html(site_dir, lang, module)
    questions = source(lang, module)
    outline = Outline()
    outline.feed(html)
    assert len(outline.fieldsets) == len(questions)
    assert all(first == ["legend"] for first in outline.fieldsets), "the legend is each fieldset's first child"
    assert len(outline.inputs) == sum(len(q.options) for q in questions)
    assert all(i["id"] in outline.labels for i in outline.inputs), "every option has its label"
    assert html.count('<details class="dj-quiz__answer">') == len(questions)
    ui = UI[lang]
    for q in questions:
        answer = answer_letters(q, ui)
        assert f"{ui['quiz_answer']}{ui['colon']} {answer}</p>" in html
    # the parts quiz.js shows are hidden until it runs, in the page's language
    assert html.count('class="dj-quiz__js" hidden') == len(questions)
    assert f">{ui['quiz_check']}</button>" in html and f">{ui['quiz_try_again']}</button>" in html
    assert re.search(r'<section class="dj-quiz-key"[^>]* hidden', html) and f">{ui['quiz_key_title']}</p>" in html


def test_several_correct_options_read_as_a_list() -> None:
    q = source("en", "module-1")[0]
    assert answer_letters(q, UI["en"]) == "A, B and C"
    assert answer_letters(source("fr", "module-1")[0], UI["fr"]) == "A, B et C"


def test_only_pages_with_questions_load_the_quiz_assets(site_dir: Path) -> None:
    with_quiz, without = [], []
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        loads = "assets/quiz.js" in text or "assets/quiz.css" in text
        (with_quiz if loads else without).append(path.relative_to(site_dir).as_posix())
        assert loads == ('class="dj-quiz"' in text and "print" not in path.parts), path
    assert sorted(with_quiz) == sorted(f"{PREFIX[lang]}handbook/{m}/knowledge-check/index.html"
                                      for lang in PREFIX for m in MODULES)
    assert len(without) > 40
    joined = list((site_dir / "assets" / "stylesheets").glob("datajam.*.css"))
    assert joined and not any("dj-quiz" in css.read_text(encoding="utf-8") for css in joined)


def test_the_quiz_script_stores_nothing() -> None:
    script = (ROOT / "docs" / "assets" / "quiz.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", script, flags=re.S)
    assert not re.search(r"localStorage|sessionStorage|document\.cookie|indexedDB|fetch\(|XMLHttpRequest", code)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_print_page_carries_each_module_s_questions_then_its_answer_key(site_dir: Path, lang: str) -> None:
    html = (site_dir / f"{PREFIX[lang]}print/index.html").read_text(encoding="utf-8")
    keys = [m.start() for m in re.finditer(r'<section class="dj-quiz-key"', html)]
    assert len(keys) == len(MODULES)
    for module, key in zip(MODULES, keys):
        start = html.index(f'id="p-handbook-{module}-knowledge-check"')
        assert start < key, f"{module}: the answer key follows its questions"
        questions = source(lang, module)
        section = html[start:key]
        assert section.count('<fieldset class="dj-quiz"') == len(questions)
        end = html.find("</section>", key)
        assert html[key:end].count('class="dj-quiz-key__item"') == len(questions)
    css = (site_dir / "assets" / "print.css").read_text(encoding="utf-8")
    assert ".dj-quiz-key[hidden] { display: block; }" in css


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("module", MODULES)
def test_the_qti_package_parses_back_to_the_same_questions(site_dir: Path, lang: str, module: str) -> None:
    html = quiz_html(site_dir, lang, module)
    href = re.search(r'<p class="dj-quiz-export"><a href="([^"]+)" download>([^<]+)</a>', html)
    assert href and href.group(2) == UI[lang]["quiz_export"]
    zip_path = (site_dir / f"{PREFIX[lang]}handbook/{module}/knowledge-check/" / href.group(1)).resolve()
    assert zip_path.name == f"datajam-{module}-{lang}-qti21.zip"
    items = read_package(zip_path.read_bytes())
    questions = source(lang, module)
    assert len(items) == len(questions)
    for item, q in zip(items, questions):
        plain = lambda md: " ".join(re.sub(r"\[([^\]]+)\]\([^)]+\)|[*_]", r"\1", md).split())  # noqa: E731
        assert item.prompt == plain(q.text)
        assert item.choices == tuple(plain(o.text) for o in q.options)
        assert item.feedback == tuple(plain(o.feedback) for o in q.options)
        assert item.correct == tuple(letter(i) for i in q.correct)
        assert item.max_choices == (0 if q.kind == "multiple" else 1)
        assert item.links
        for link in item.links:  # absolute links to a section of the published handbook
            match = re.match(re.escape(configured_site_url()) + "(" + PREFIX[lang] + r"handbook/[\w/-]*)#([\w-]+)$", link)
            assert match, link
            page = (site_dir / match.group(1) / "index.html").read_text(encoding="utf-8")
            assert f'id="{match.group(2)}"' in page, link


def test_a_broken_question_fails_the_build_with_the_file_line_and_fix(
    project_copy: Path, strict_build: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    page = project_copy / "docs/fr/handbook/module-1/knowledge-check.md"
    text = page.read_text(encoding="utf-8")
    start = text.index("/// quiz | Selon le Code criminel")
    line = text.count("\n", 0, start) + 1
    page.write_text(text[:start] + text[start:].replace("- [x] Faux", "- [ ] Faux", 1), encoding="utf-8")
    result = strict_build(project_copy / "site", cwd=project_copy)
    assert result.returncode != 0
    assert f"knowledge-check.md: line {line}: quiz" in result.stderr and "mark it '- [x] '" in result.stderr


def test_the_answer_key_stays_out_of_the_search_index(site_dir: Path) -> None:
    """The knowledge checks are left out of search (`search: exclude`): no answers in search results,
    and a lighter index for a first search on a slow link."""
    for lang in PREFIX:
        index = (site_dir / PREFIX[lang] / "search" / "search_index.json").read_text(encoding="utf-8")
        assert '"location":"handbook/module-1/forms/' in index  # the modules' pages are there
        assert "knowledge-check/" not in index
        assert UI[lang]["quiz_key_title"] not in index
