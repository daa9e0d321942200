"""Language of parts (WCAG 2.1, 3.1.2) in the built pages, in real headless Chromium: each passage the
Markdown marks in the other language (``*Title*{ lang=en }``, ``<span lang="en">``) reaches the page with
its ``lang``, so a screen reader reads it with the right pronunciation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
MARK = re.compile(r"""\{[^}]*\blang=["']?(en|fr)\b|<span lang=["'](en|fr)["']""")


def marks(source: str, lang: str) -> int:
    """How many passages the Markdown page marks as ``lang``."""
    text = (ROOT / "docs" / source).read_text(encoding="utf-8")
    return sum(lang in m.groups() for m in MARK.finditer(text))


@pytest.mark.parametrize(("source", "url", "lang"), [
    ("fr/handbook/module-1/references.md", "fr/handbook/module-1/references/", "en"),
    ("en/help/resources.md", "help/resources/", "fr"),
])
def test_marked_passages_carry_lang_in_the_built_page(page: Page, site_url: str, source: str, url: str,
                                                      lang: str) -> None:
    expected = marks(source, lang)
    assert expected >= 3, f"{source} marks no passage in {lang}"
    page.goto(site_url + url)
    expect(page.locator("html")).to_have_attribute("lang", "fr" if lang == "en" else "en")
    found = page.locator(f'article [lang="{lang}"]')
    assert found.count() == expected
    for i in range(expected):
        assert found.nth(i).inner_text().strip(), "a lang attribute on an empty element"
