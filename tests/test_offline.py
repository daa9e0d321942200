"""The offline copy (`make offline`): a zip that works from disk, search included, with no network."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from conftest import ROOT, watch_policy
from datajam.site.offline import ROOT_DIR, make_offline

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
