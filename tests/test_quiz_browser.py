"""Knowledge checks in real headless Chromium: answering right and wrong in both languages, with and
without JavaScript, the score and its announcements, the keyboard, storage, axe and the quick exit."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import ROOT
from datajam.quiz.markdown import answer_letters
from datajam.quiz.model import Question, letter, parse_page
from datajam.site.ui import load_ui_strings
from test_a11y import axe_source, axe_violations, format_violations
from test_safety_quick_exit import NEUTRAL, stub_neutral_sites

pytestmark = pytest.mark.browser

UI = load_ui_strings()
PREFIX = {"en": "", "fr": "fr/"}


def questions(lang: str, module: str) -> list[Question]:
    return parse_page((ROOT / "docs" / lang / "handbook" / module / "knowledge-check.md").read_text(encoding="utf-8"))


def url(site_url: str, lang: str, module: str = "module-1") -> str:
    return f"{site_url}{PREFIX[lang]}handbook/{module}/knowledge-check/"


def choose(page: Page, number: int, indexes: tuple[int, ...]) -> None:
    for i in indexes:
        page.locator(f"#dj-q{number}-{letter(i).lower()}").check()


def wrong_choice(q: Question) -> tuple[int, ...]:
    return (next(i for i in range(len(q.options)) if i not in q.correct),)


def storage(page: Page) -> dict[str, object]:
    """What the page keeps: localStorage and cookies must stay empty; Material may keep its own
    sessionStorage entries (tab only), which answering must not change."""
    return page.evaluate("({local: Object.assign({}, localStorage), session: Object.assign({}, sessionStorage),"
                         " cookie: document.cookie})")


@pytest.mark.parametrize("lang, module", [("en", "module-1"), ("fr", "module-2"), ("fr", "module-3")])
def test_answering_gives_feedback_a_score_and_try_again(page: Page, site_url: str, lang: str, module: str) -> None:
    ui = UI[lang]
    qs = questions(lang, module)
    page.goto(url(site_url, lang, module))
    page.wait_for_load_state("networkidle")
    before = storage(page)
    score = page.locator(".dj-quiz-score__text")
    expect(score).to_have_attribute("role", "status")
    expect(score).to_have_text(ui["quiz_score_pending"])
    first = page.locator("#dj-q1")
    expect(first.locator(".dj-quiz__answer")).to_be_hidden()  # explanations wait for an answer
    first.locator(".dj-quiz__check").click()
    expect(first.locator(".dj-quiz__status")).to_have_text(ui["quiz_choose_first"])
    for n, q in enumerate(qs, start=1):
        right = n % 2 == 1  # odd questions right, even ones wrong
        choose(page, n, q.correct if right else wrong_choice(q))
        box = page.locator(f"#dj-q{n}")
        box.locator(".dj-quiz__check").click()
        status = box.locator(".dj-quiz__status")
        expect(status).to_have_attribute("role", "status")
        answer = ui["quiz_answer_is"].replace("{answer}", answer_letters(q, ui))
        expect(status).to_contain_text((ui["quiz_correct"] if right else ui["quiz_wrong"]) + " " + answer)
        expect(box.locator(".dj-quiz__answer")).to_be_visible()
        expect(box).to_have_class(f"dj-quiz dj-quiz--{'right' if right else 'wrong'}")
        if n < len(qs):
            expect(score).to_have_text(ui["quiz_score_pending"])
    right_count = (len(qs) + 1) // 2
    expect(score).to_have_text(ui["quiz_score"].replace("{correct}", str(right_count)).replace("{total}", str(len(qs))))
    after = storage(page)
    assert after == {**before, "local": {}, "cookie": ""}, after
    assert page.context.cookies() == []
    page.locator(".dj-quiz-score__again").click()
    expect(score).to_have_text(ui["quiz_score_pending"])
    expect(page.locator(".dj-quiz input:checked")).to_have_count(0)
    expect(page.locator(".dj-quiz__answer:visible")).to_have_count(0)
    expect(page.locator("#dj-q1-a")).to_be_focused()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_without_javascript_each_answer_opens_in_a_native_details(browser: Browser, site_url: str, lang: str) -> None:
    ui = UI[lang]
    q = questions(lang, "module-1")[0]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(url(site_url, lang))
        expect(page.locator(".dj-quiz__check").first).to_be_hidden()
        expect(page.locator(".dj-quiz-score")).to_be_hidden()
        expect(page.locator(".dj-quiz-key")).to_be_hidden()
        box = page.locator("#dj-q1")
        expect(box.locator("legend")).to_contain_text(f"{ui['quiz_question']} 1")
        choose(page, 1, wrong_choice(q))  # the options still work as a form
        details = box.locator("details.dj-quiz__answer")
        expect(details.locator(".dj-quiz__solution")).to_be_hidden()
        details.locator("summary").click()
        answer = answer_letters(q, ui)
        expect(details.locator(".dj-quiz__solution")).to_have_text(f"{ui['quiz_answer']}{ui['colon']} {answer}")
        expect(details.locator("li")).to_have_count(len(q.options))
        expect(details.locator("li a[href*='#']")).to_have_count(len(q.options))
        assert context.cookies() == []
    finally:
        context.close()


def test_the_keyboard_answers_and_the_status_is_announced(page: Page, site_url: str) -> None:
    ui = UI["en"]
    q = questions("en", "module-1")[1]  # a single-choice question
    assert q.kind == "single"
    page.goto(url(site_url, "en"))
    page.locator("#dj-q2-a").focus()
    for _ in range(q.correct[0]):
        page.keyboard.press("ArrowDown")  # arrows move between the radio buttons of one question
    page.keyboard.press("Space")
    expect(page.locator(f"#dj-q2-{letter(q.correct[0]).lower()}")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator("#dj-q2 .dj-quiz__check")).to_be_focused()
    page.keyboard.press("Enter")
    status = page.locator("#dj-q2 .dj-quiz__status")
    expect(status).to_contain_text(ui["quiz_correct"])
    # the live region was in the page (empty, visible to assistive technology) before it spoke
    assert page.evaluate("document.querySelector('#dj-q3 .dj-quiz__status').getAttribute('role')") == "status"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_after_answering(browser: Browser, site_url: str, scheme: str) -> None:
    source = axe_source()
    context = browser.new_context()
    page = context.new_page()
    page.emulate_media(color_scheme=scheme)
    found: list[dict] = []
    try:
        for lang, module in (("en", "module-1"), ("fr", "module-2")):
            qs = questions(lang, module)
            page.goto(url(site_url, lang, module))
            for n, q in enumerate(qs[:3], start=1):
                choose(page, n, q.correct if n != 2 else wrong_choice(q))
                page.locator(f"#dj-q{n} .dj-quiz__check").click()
            page.locator("#dj-q4 .dj-quiz__check").click()  # "choose an answer first"
            found += axe_violations(page, source, f"{lang} {module} (answered)", scheme)
    finally:
        context.close()
    assert not found, f"axe-core found {len(found)} violation(s):\n{format_violations(found)}"


def test_the_quick_exit_works_on_a_knowledge_check(page: Page, site_url: str) -> None:
    stub_neutral_sites(page)
    page.goto(url(site_url, "fr", "module-3"))
    page.locator("#dj-q1-a").check()
    page.locator("body").click()  # focus outside the form, as a reader would be
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL["fr"] + "**")
