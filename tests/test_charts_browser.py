"""Module 2's charts and wide tables in real Chromium: phone and desktop widths, light and dark
schemes, axe-core, and the CSV downloads beside the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from datajam.charts import chart_names, load_chart
from datajam.site.ui import load_ui_strings
from test_a11y import axe_source, axe_violations, format_violations

from conftest import ROOT

pytestmark = pytest.mark.browser

PAGES = {"en": "handbook/module-2/figures/", "fr": "fr/handbook/module-2/figures/"}
REFERENCES = {"en": "handbook/module-2/references/", "fr": "fr/handbook/module-2/references/"}
NAMES = chart_names((ROOT / "docs/en/handbook/module-2/figures.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_chart_pages_pass_axe_and_fit_the_screen(browser: Browser, site_url: str, scheme: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    found: list[dict] = []
    try:
        for lang, path in PAGES.items():
            page.goto(site_url + path)
            page.wait_for_function("e => document.body.getAttribute('data-md-color-scheme') === e",
                                   arg="slate" if scheme == "dark" else "default")
            charts = page.locator("figure.dj-chart svg[role=img]")
            assert charts.count() == len(NAMES) >= 3
            for i, name in enumerate(NAMES):
                box = charts.nth(i).bounding_box()
                assert box and 250 < box["width"] <= width - 16, (lang, name, box)
                title = load_chart(name).text(lang)["title"]
                assert page.locator(f"#dj-chart-{name} figcaption strong").inner_text() == title
                # the text of the chart takes the page's text colour (readable in both schemes)
                colours = page.evaluate(
                    "n => { const f = document.getElementById('dj-chart-' + n); return ["
                    " getComputedStyle(f.querySelector('svg text')).fill, getComputedStyle(f).color] }", name)
                assert colours[0] == colours[1], colours
            assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{path} is wider than the screen"
            found += axe_violations(page, axe_source(), f"{path} at {width}px", scheme)
    finally:
        context.close()
    assert not found, f"axe-core found {len(found)} violation(s):\n{format_violations(found)}"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_wide_tables_stay_readable_on_a_phone(browser: Browser, site_url: str, lang: str) -> None:
    """No word-per-line columns: the figures table scrolls sideways, the references wrap their links."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        page.goto(site_url + PAGES[lang])
        table = page.locator("#canada-police ~ .md-typeset__scrollwrap table, #canada-police ~ table").first
        widths = table.locator("tbody tr:first-child td").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().width)")
        assert len(widths) == 4 and min(widths) >= 120 and widths[1] >= 220, widths
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        page.goto(site_url + REFERENCES[lang])
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_download_links_give_the_csv_with_the_language_headers(browser: Browser, site_url: str, lang: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site_url + PAGES[lang])
        links = page.get_by_role("link", name=load_ui_strings()[lang]["chart_download"])
        assert links.count() == len(NAMES)
        for i, name in enumerate(NAMES):
            href = links.nth(i).get_attribute("href")
            assert links.nth(i).get_attribute("download") == load_chart(name).text(lang)["file_name"]
            response = page.request.get(page.evaluate("h => new URL(h, location.href).href", href))
            assert response.ok, href
            body = response.text()
            header = [c for c in load_chart(name).text(lang)["columns"].values()]
            assert ",".join(header) in body.splitlines()[5], body
    finally:
        context.close()
