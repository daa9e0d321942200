"""What a page loads before its first paint (datajam.site.assets), without MkDocs; and the built pages."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT
from datajam.site.assets import MAIN_CSS, STYLESHEET, AssetError, one_path, page_stylesheet, stylesheet_path
from datajam.site.publish import configured_site_url

THEME = {
    "assets/stylesheets/main.1a2b.min.css": ".main{}\n/*# sourceMappingURL=main.1a2b.min.css.map*/",
    "assets/stylesheets/palette.3c4d.min.css": ".palette{}/*# sourceMappingURL=palette.3c4d.min.css.map*/",
    "assets/javascripts/bundle.5e6f.min.js": "",
}


def test_one_stylesheet_joins_material_then_ours_in_order(tmp_path: Path) -> None:
    ours = [tmp_path / "a.css", tmp_path / "b.css"]
    ours[0].write_text(".a{}", encoding="utf-8")
    ours[1].write_text(".b{}", encoding="utf-8")
    path, css = page_stylesheet(THEME, THEME.__getitem__, ours, palette=True)
    assert css == ".main{}\n.palette{}\n.a{}\n.b{}\n"
    assert "sourceMappingURL" not in css
    assert path == stylesheet_path(css) and re.fullmatch(STYLESHEET, path)


def test_without_a_palette_the_palette_css_is_left_out() -> None:
    _, css = page_stylesheet(THEME, THEME.__getitem__, [], palette=False)
    assert css == ".main{}\n"


def test_the_name_changes_with_the_content() -> None:
    assert stylesheet_path(".a{}") != stylesheet_path(".b{}")
    assert stylesheet_path(".a{}") == stylesheet_path(".a{}")


def test_a_missing_stylesheet_of_ours_names_the_setting(tmp_path: Path) -> None:
    with pytest.raises(AssetError, match=r"extra\.dj_stylesheets: .*missing\.css"):
        page_stylesheet(THEME, THEME.__getitem__, [tmp_path / "missing.css"], palette=True)


def test_a_renamed_material_file_fails_with_the_fix() -> None:
    with pytest.raises(AssetError, match="update the patterns in src/datajam/site/assets.py"):
        one_path(["assets/stylesheets/main.css"], MAIN_CSS)
    with pytest.raises(AssetError, match="found"):
        one_path(["assets/stylesheets/main.1.min.css", "assets/stylesheets/main.2.min.css"], MAIN_CSS)


def test_every_page_links_one_stylesheet_that_holds_material_and_ours(site_dir: Path) -> None:
    (sheet,) = (site_dir / "assets" / "stylesheets").glob("datajam.*.css")
    css = sheet.read_text(encoding="utf-8")
    assert ".md-header" in css and "[data-md-color-scheme=slate]" in css and ".dj-exit__button" in css
    assert not list(site_dir.rglob("datajam.css")), "our stylesheet is published inside the joined one only"
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "dj-print" in html:
            continue  # the print pages (PDF) have their own stylesheet
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        # knowledge checks add their own small stylesheet, so that other pages carry none of it
        quiz = ["quiz.css"] if 'class="dj-quiz"' in html else []
        assert [link.rsplit("/", 1)[-1] for link in links] == [sheet.name, *quiz], page


def test_every_page_fetches_material_s_bundle_after_its_first_paint(site_dir: Path) -> None:
    (bundle,) = (site_dir / "assets" / "javascripts").glob("bundle.*.min.js")
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if "dj-print" in html:
            continue
        assert "bundle." not in " ".join(re.findall(r"<script [^>]*src=[^>]*>", html)), page  # no script tag loads it
        (src,) = re.findall(r'<script data-dj-bundle="([^"]+)">', html)
        if src.startswith("/"):  # the 404 page's links are absolute: below the site's path on its host
            target = site_dir / src.removeprefix(urlsplit(configured_site_url(str(ROOT / "mkdocs.yml"))).path)
        else:
            target = (page.parent / src).resolve()
        assert target == bundle.resolve() or target == bundle, (page, src)
