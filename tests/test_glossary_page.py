"""Issue 19, items 11 and 12: the glossary is easy to look up (A–Z index, bold terms, the same
anchor per term in both languages, tooltip terms link to their entry) and its tooltips are
reachable by keyboard and read by screen readers (WCAG 2.1.1, 1.4.13)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import ROOT
from datajam.site.glossary_page import Entry, entries, link_terms, page_entries, sort_key, term_targets
from datajam.site.ui import load_ui_strings

UI = load_ui_strings()
DOCS = ROOT / "docs"
FR_PAGE = "fr/handbook/module-3/financial-intelligence/"
EN_PAGE = "handbook/module-3/financial-intelligence/"


# ---- without a browser -----------------------------------------------------------------------


def test_entries_are_the_definition_terms_with_an_id() -> None:
    text = "# G\n\n## Data {#data}\n\nDark figure {#dark-figure}\n:   The part never reported.\n\nNot a term {#x}\n\nSome text.\n"
    assert entries(text) == [Entry("Dark figure", "dark-figure")]


def test_a_term_may_open_with_emphasis_but_a_list_item_is_no_term() -> None:
    text = "*Grooming* {#grooming}\n:   Gaining trust.\n\n* item {#x}\n:   not a term\n"
    assert entries(text) == [Entry("Grooming", "grooming")]


def test_every_term_has_the_same_anchor_in_both_languages() -> None:
    en, fr = page_entries(DOCS, "en"), page_entries(DOCS, "fr")
    assert len(en) > 25 and [e.id for e in en] == [e.id for e in fr]


def test_tooltip_terms_with_an_entry_are_mapped_to_it() -> None:
    en = term_targets(page_entries(DOCS, "en"), "en")
    assert en["FINTRAC"] == "fintrac" and en["Palermo Protocol"] == "palermo-protocol" and en["dark figure"] == "dark-figure"
    fr = term_targets(page_entries(DOCS, "fr"), "fr")
    assert fr["CANAFE"] == "fintrac" and fr["servitude pour dettes"] == "debt-bondage" and fr["réidentification"] == "re-identification"
    assert sorted(en.values()) == sorted(fr.values())  # the same entries are linked in both languages
    assert sort_key("Réidentification") < sort_key("Servitude") and sort_key("Éthique") < sort_key("F")


def test_terms_become_links_except_inside_links_headings_and_their_own_entry() -> None:
    html = ('<p>The <abbr title="Financial unit">FINTRAC</abbr> and <abbr title="Police">RCMP</abbr>.</p>'
            '<h2 id="x">About <abbr title="Financial unit">FINTRAC</abbr></h2>'
            '<p><a href="y">see <abbr title="Financial unit">FINTRAC</abbr></a></p>'
            '<dl><dt id="fintrac"><abbr title="Financial unit">FINTRAC</abbr></dt><dd>…</dd></dl>')
    out = link_terms(html, {"FINTRAC": "fintrac"}, "../glossary/")
    assert out.count('<a class="dj-term" href="../glossary/#fintrac" title="Financial unit"><abbr>FINTRAC</abbr></a>') == 1
    assert '<abbr title="Police" tabindex="0">RCMP</abbr>' in out
    assert '<h2 id="x">About <abbr title="Financial unit" tabindex="0">FINTRAC</abbr></h2>' in out
    assert '<a href="y">see <abbr title="Financial unit">FINTRAC</abbr></a>' in out
    assert '<dt id="fintrac"><abbr title="Financial unit" tabindex="0">FINTRAC</abbr></dt>' in out


def test_built_glossary_has_an_a_to_z_index_in_both_languages(site_dir: Path) -> None:
    for lang, prefix in (("en", ""), ("fr", "fr/")):
        html = (site_dir / prefix / "handbook/glossary/index.html").read_text(encoding="utf-8")
        ids = set(re.findall(r'<dt id="([^"]+)"', html))
        index = html.split('<nav class="dj-az"', 1)[1].split("</nav>", 1)[0]
        assert UI[lang]["glossary_az_title"] in index
        letters = re.findall(r'<a href="#dj-az-([a-z])">([A-Z])</a>', index)
        assert len(letters) >= 10 and all(a.upper() == b for a, b in letters)
        listed = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', index.split('class="dj-az__index"', 1)[1])
        assert {i for i, _ in listed} == {e.id for e in page_entries(DOCS, lang)} <= ids
        terms = [t for _, t in listed]
        assert terms == sorted(terms, key=sort_key)


# ---- in Chromium -----------------------------------------------------------------------------

def tab_to(page: Page, selector: str, text: str | None = None, limit: int = 120) -> None:
    """Press Tab until the focused element matches ``selector`` (and has ``text``), as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("([s, t]) => { const e = document.activeElement;"
                         " return !!e && e.matches(s) && (t === null || e.textContent === t); }", [selector, text]):
            return
    pytest.fail(f"{selector} was not reached with {limit} Tab presses")


def described_by(page: Page) -> str:
    """The text a screen reader gives as the focused element's description."""
    return page.evaluate("""() => {
        const ids = (document.activeElement.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
        return ids.map(id => document.getElementById(id)).filter(Boolean).map(e => e.textContent.trim()).join(' ');
    }""")


@pytest.mark.browser
@pytest.mark.parametrize(("path", "term", "definition"), [
    (EN_PAGE, "FINTRAC", "Financial Transactions and Reports Analysis Centre of Canada"),
    (FR_PAGE, "CANAFE", "Centre d’analyse des opérations et déclarations financières du Canada"),
])
def test_a_glossary_term_is_reached_by_keyboard_read_out_dismissed_and_leads_to_its_entry(
    page: Page, site_url: str, path: str, term: str, definition: str
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + path)
    tab_to(page, "a.dj-term", term)
    tooltip = page.locator(".md-tooltip2--active[role=tooltip]")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(definition)
    assert definition in described_by(page)
    page.keyboard.press("Escape")  # WCAG 1.4.13: dismissible without moving focus
    expect(page.locator(".md-tooltip2--active")).to_have_count(0)
    assert page.evaluate("() => document.activeElement.textContent") == term
    page.keyboard.press("Enter")  # the term leads to its entry, the same id in both languages
    page.wait_for_url(re.compile(r"/handbook/glossary/#fintrac$"))
    entry = page.locator("dt#fintrac")
    expect(entry).to_be_in_viewport()
    assert int(entry.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
    assert int(page.locator("dd").first.evaluate("e => getComputedStyle(e).fontWeight")) < 700


@pytest.mark.browser
@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 900)])
def test_a_term_without_an_entry_is_focusable_and_read_out(page: Page, site_url: str, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site_url + EN_PAGE)
    tab_to(page, "abbr[tabindex='0']")
    term = page.evaluate("() => document.activeElement.textContent")
    tooltip = page.locator(".md-tooltip2--active[role=tooltip]")
    expect(tooltip).to_be_visible()
    assert described_by(page) and described_by(page) == tooltip.text_content().strip(), term
    # WCAG 1.4.13 with a pointer: shown on hover, stays while the pointer moves onto it, then goes
    abbr = page.locator("abbr[tabindex='0']", has_text=term).first
    page.evaluate("() => document.activeElement.blur()")
    expect(tooltip).to_have_count(0)
    abbr.hover()
    expect(tooltip).to_be_visible()
    box = tooltip.locator(".md-tooltip2__inner").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=4)  # across the gap
    page.wait_for_timeout(600)
    expect(tooltip).to_be_visible()
    page.mouse.move(1, height - 1)
    expect(tooltip).to_have_count(0)


@pytest.mark.browser
def test_the_a_to_z_list_jumps_to_a_letter(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "fr/handbook/glossary/")
    page.locator(".dj-az__letters a", has_text="R").click()
    group = page.locator("#dj-az-r")
    expect(group).to_be_in_viewport()
    page.locator("#dj-az-r + dd a", has_text="Réidentification").click()
    expect(page.locator("dt#re-identification")).to_be_in_viewport()
