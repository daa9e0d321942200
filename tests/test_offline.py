"""The offline copy (`make offline`): a zip that works from disk, search included, with no network."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from conftest import ROOT, watch_policy
from datajam.quiz.model import letter, parse_page
from datajam.site.offline import ROOT_DIR, make_offline
from datajam.site.ui import load_ui_strings
from search_support import FIRST_PAGE, SAME_RESULTS, searched_pages

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("offline")
    cwd = Path.cwd()
    try:
        os.chdir(ROOT)
        zip_path = make_offline(work / "build", work / "datajam-offline.zip")
    finally:
        os.chdir(cwd)
    target = work / "usb"
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        assert f"{ROOT_DIR}/index.html" in names and f"{ROOT_DIR}/fr/search/search_index.js" in names
        assert not [n for n in names if n.endswith(".map")]
        archive.extractall(target)
    return target / ROOT_DIR


@pytest.mark.parametrize(("lang", "start", "query", "expected"), [
    ("en", "handbook/module-1/forms.html", "glossary", "handbook/glossary.html"),
    ("fr", "fr/handbook/module-1/forms.html", "glossaire", "fr/handbook/glossary.html"),
])
def test_offline_copy_works_from_disk_with_search(
    browser: Browser, unzipped: Path, lang: str, start: str, query: str, expected: str
) -> None:
    context = browser.new_context()
    found = watch_policy(context)  # the offline policy (datajam.site.csp) lets search run from disk
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route("http*://**", lambda route: route.abort())  # no network at all
    page = context.new_page()
    try:
        page.goto((unzipped / start).as_uri())
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).to_have_count(1)
        expect(page.locator('meta[name="referrer"]')).to_have_attribute("content", "no-referrer")
        expect(page.locator("#dj-exit")).to_be_visible()
        assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        # the language switch lands on the twin page file
        twin = page.locator("a.dj-lang__link").get_attribute("href")
        assert twin.endswith(".html") and (unzipped / start).parent.joinpath(twin).resolve().exists()
        # search, from file://
        page.locator("input.md-search__input").click()
        page.keyboard.type(query, delay=40)
        results = page.locator(".md-search-result__item a")
        results.first.wait_for(timeout=15_000)
        hrefs = [page.evaluate("h => new URL(h, location.href).href", results.nth(i).get_attribute("href")) for i in range(results.count())]
        assert (unzipped / expected).as_uri() in [h.split("#")[0].split("?")[0] for h in hrefs], hrefs
        results.first.click()
        page.wait_for_load_state()
        assert page.url.startswith("file://")
    finally:
        context.close()
    assert [u for u in requests if not u.startswith(("file:", "data:", "blob:", "about:"))] == []
    assert found == [], f"CSP violations or errors from disk: {found[:5]}"


@pytest.mark.parametrize(("lang", "query", "same"), SAME_RESULTS)
def test_offline_search_ignores_accents_apostrophes_and_one_typo(
    browser: Browser, unzipped: Path, lang: str, query: str, same: str
) -> None:
    found = {text: _offline_search(browser, unzipped, lang, text) for text in (query, same)}
    assert found[query] and found[query] == found[same], found


@pytest.mark.parametrize(("lang", "query", "first"), FIRST_PAGE)
def test_offline_search_lists_the_help_page_first(browser: Browser, unzipped: Path, lang: str, query: str, first: str) -> None:
    assert _offline_search(browser, unzipped, lang, query)[0] == first


def _offline_search(browser: Browser, unzipped: Path, lang: str, query: str) -> list[str]:
    """The pages a search lists in the offline copy opened from disk, with no network at all."""
    root = unzipped if lang == "en" else unzipped / lang
    context = browser.new_context()
    context.route("http*://**", lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto((root / "handbook/module-1/forms.html").as_uri())
        return searched_pages(page, query, root.as_uri() + "/")
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_knowledge_checks_work_from_disk(browser: Browser, unzipped: Path, lang: str) -> None:
    ui = load_ui_strings()[lang]
    prefix = "" if lang == "en" else "fr/"
    q = parse_page((ROOT / "docs" / lang / "handbook/module-3/knowledge-check.md").read_text(encoding="utf-8"))[1]
    context = browser.new_context()
    context.route("http*://**", lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto((unzipped / f"{prefix}handbook/module-3/knowledge-check.html").as_uri())
        page.locator(f"#dj-q2-{letter(q.correct[0]).lower()}").check()
        page.locator("#dj-q2 .dj-quiz__check").click()
        expect(page.locator("#dj-q2 .dj-quiz__status")).to_contain_text(ui["quiz_correct"])
        export = page.locator(".dj-quiz-export a").get_attribute("href")
        assert (unzipped / f"{prefix}handbook/module-3/knowledge-check.html").parent.joinpath(export).resolve().is_file()
    finally:
        context.close()


@pytest.mark.parametrize(("lang", "start"), [("en", "handbook/module-2/figures.html"), ("fr", "fr/handbook/module-2/figures.html")])
def test_offline_copy_has_the_charts_and_their_csv(browser: Browser, unzipped: Path, lang: str, start: str) -> None:
    from datajam.charts import load_chart
    from datajam.site.ui import load_ui_strings

    context = browser.new_context()
    context.route("http*://**", lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto((unzipped / start).as_uri())
        expect(page.locator("figure.dj-chart svg[role=img]")).to_have_count(3)
        links = page.get_by_role("link", name=load_ui_strings()[lang]["chart_download"])
        expect(links).to_have_count(3)
        href = links.first.get_attribute("href")
        csv_file = (unzipped / start).parent / href
        assert csv_file.is_file(), href
        headers = load_chart("victims-age-2009-2018").text(lang)["columns"].values()
        assert ",".join(headers) in csv_file.read_text(encoding="utf-8")
    finally:
        context.close()
