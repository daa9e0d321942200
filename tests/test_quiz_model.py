"""Knowledge checks: the question format, the written questions, and their parity across languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from datajam.parity.blocks import parse_page as parse_markdown
from datajam.parity.tree import Tree, check
from datajam.quiz.model import QuizError, parse_page, parse_question
from datajam.quiz.parity import quiz_findings

PAGES = [f"handbook/module-{n}/knowledge-check.md" for n in (1, 2, 3)]
SECTION_LINK = re.compile(r"\]\(([\w./-]+\.md)#([\w-]+)\)")


def block(title: str, body: str, options: str = "") -> str:
    return f"/// quiz | {title}\n{options}\n{body}\n///\n"


def test_one_correct_option_is_single_choice_several_are_multiple() -> None:
    one = parse_question("Q?", "- [x] A\n  because\n- [ ] B\n  because not")
    two = parse_question("Q?", "- [x] A\n  yes\n- [X] B\n  yes\n- [ ] C\n  no")
    assert (one.kind, one.correct) == ("single", (0,))
    assert (two.kind, two.correct) == ("multiple", (0, 1))
    assert one.options[1].feedback == "because not"


@pytest.mark.parametrize(
    "body, kind, message",
    [
        ("- [ ] A\n  x\n- [ ] B\n  y", None, "no correct option"),
        ("- [x] A\n  x\n- [x] B\n  y", "single", "exactly one correct option"),
        ("- [x] A\n  x\n- [ ] B\n  y\n- [ ] C\n  z", "true-false", "exactly two options"),
        ("- [x] A\n- [ ] B\n  y", None, "has no feedback"),
        ("- [x] A\n  x", None, "at least two options"),
        ("- [x] A\n  x\n- [ ] B\n  y", "essay", "unknown type"),
        ("- [x] A\n  x\nnot indented\n- [ ] B\n  y", None, "neither an option"),
    ],
)
def test_a_broken_question_is_refused_with_the_fix(body: str, kind: str | None, message: str) -> None:
    with pytest.raises(QuizError, match=message):
        parse_question("Q?", body, kind)


def test_the_page_parser_reads_the_type_option_and_lines() -> None:
    text = "# T\n\n" + block("One?", "- [x] A\n  a\n- [ ] B\n  b", "    type: true-false") + "\n" + block(
        "Two?", "- [x] A\n  a\n- [x] B\n  b\n- [ ] C\n  c")
    first, second = parse_page(text)
    assert (first.kind, first.line, second.kind, second.line) == ("true-false", 3, "multiple", 11)


@pytest.mark.parametrize("page", PAGES)
def test_each_module_has_six_to_ten_questions_with_feedback_linking_to_a_section(page: str) -> None:
    for lang in ("en", "fr"):
        path = ROOT / "docs" / lang / page
        questions = parse_page(path.read_text(encoding="utf-8"))
        assert 6 <= len(questions) <= 10, f"{path}: {len(questions)} questions"
        assert {q.kind for q in questions} == {"single", "multiple", "true-false"}, f"{path}: every kind is used"
        for q in questions:
            for option in q.options:
                links = SECTION_LINK.findall(option.feedback)
                assert links, f"{path}:{q.line}: feedback of {option.text!r} links to no section"
                for target, anchor in links:
                    target_text = (path.parent / target).read_text(encoding="utf-8")
                    assert f"{{#{anchor}}}" in target_text, f"{path}:{q.line}: {target}#{anchor} is not a section id"


def test_both_languages_have_the_same_correct_answers() -> None:
    for page in PAGES:
        en, fr = (parse_page((ROOT / "docs" / lang / page).read_text(encoding="utf-8")) for lang in ("en", "fr"))
        assert [(q.kind, len(q.options), q.correct) for q in en] == [(q.kind, len(q.options), q.correct) for q in fr]


EN = "# Check\n\n" + block("One?", "- [x] Yes\n  a\n- [ ] No\n  b") + "\n" + block("Two?", "- [x] A\n  a\n- [ ] B\n  b")


@pytest.mark.parametrize(
    "fr, problem",
    [
        ("# Vérif\n\n" + block("Un?", "- [ ] Oui\n  a\n- [x] Non\n  b") + "\n" + block("Deux?", "- [x] A\n  a\n- [ ] B\n  b"),
         "question 1: the correct answer is B in French but A in English"),
        ("# Vérif\n\n" + block("Un?", "- [x] Oui\n  a\n- [ ] Non\n  b"), "1 question(s) in French, 2 in English"),
        ("# Vérif\n\n" + block("Un?", "- [x] Oui\n  a\n- [ ] Non\n  b\n- [ ] Peut-être\n  c") + "\n"
         + block("Deux?", "- [x] A\n  a\n- [ ] B\n  b"), "question 1 has 3 option(s) in French, 2 in English"),
        ("# Vérif\n\n" + block("Un?", "- [x] Oui\n  a\n- [ ] Non\n  b", "    type: true-false") + "\n"
         + block("Deux?", "- [x] A\n  a\n- [ ] B\n  b"), "question 1 is true-false in French but single in English"),
    ],
)
def test_parity_finds_questions_that_differ(fr: str, problem: str) -> None:
    found = quiz_findings("quiz.md", parse_markdown(EN), parse_markdown(fr))
    assert [f.problem for f in found] == [problem]
    assert found[0].check == "quiz"


def test_the_parity_checker_reports_a_different_correct_answer(tmp_path: Path) -> None:
    for lang, text in (("en", EN), ("fr", EN.replace("- [x] Yes", "- [ ] Oui").replace("- [ ] No", "- [x] Non"))):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "quiz.md").write_text(text, encoding="utf-8")
    findings, _ = check(Tree(tmp_path / "en", tmp_path / "fr", tmp_path / "snapshots"))
    assert [f.check for f in findings if f.severity == "error"] == ["quiz"]


def test_the_project_questions_are_in_parity() -> None:
    tree = Tree(ROOT / "docs" / "en", ROOT / "docs" / "fr", ROOT / "data" / "parity" / "en")
    findings, _ = check(tree, PAGES)
    assert not findings, "\n".join(f"{f.location}:{f.line}: {f.message}" for f in findings)
