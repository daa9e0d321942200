"""The post-build pass on a small built site, without MkDocs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from datajam.site.bundle import NEEDLE, REPLACEMENT
from datajam.site.csp import REFERRER, InlineCodeError, sha256
from datajam.site.postbuild import Site, run
from datajam.site.search import _MARK

HEAD = '<!doctype html>\n<html lang="{lang}" class="no-js">\n<head>\n  <link rel="alternate" href="{en}" hreflang="en">\n' \
       '  <link rel="alternate" href="{fr}" hreflang="fr">\n<title>T</title>\n</head>\n<body dir="ltr">\n'
CONFIG = '<script id="__config" type="application/json">{{"base": "{base}"}}</script>\n</body>\n</html>\n'
SCRIPT = "var shipped = 1;"
EXIT = {"en": '<a class="dj-exit-skip" href="https://weather.gc.ca/">Exit</a>',
        "fr": '<a class="dj-exit-skip" href="https://meteo.gc.ca/">Quitter</a>'}


def write(root: Path, path: str, text: str) -> None:
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text, encoding="utf-8")


def built_site(root: Path) -> Site:
    write(root, "index.html", HEAD.format(lang="en", en="./", fr="fr/") + f"<script>{SCRIPT}</script>\n" + CONFIG.format(base="."))
    write(root, "fr/help/index.html", HEAD.format(lang="fr", en="../../help/", fr="./") + CONFIG.format(base="../.."))
    write(root, "404.html", HEAD.format(lang="fr", en="/", fr="/fr/") + CONFIG.format(base="/"))
    write(root, "print/index.html", HEAD.format(lang="en", en="./", fr="../fr/print/") + CONFIG.format(base=".."))
    write(root, "search/search_index.json", json.dumps({"config": {"lang": ["en", "fr"]}, "docs": [
        {"location": "", "title": "Home", "text": ""}, {"location": "fr/help/", "title": "Aide", "text": ""}]}))
    write(root, "assets/javascripts/bundle.1234.min.js", f"a;{NEEDLE};b")
    write(root, "assets/javascripts/workers/search.5678.min.js", "self.lunr=1;\n//# sourceMappingURL=search.map")
    return Site(root=root, url="https://x.test/handbook/", pages={"index.html": "", "fr/help/index.html": "fr/help/"},
                templates=["404.html"], exit_skip_links=EXIT, print_pages=["print/index.html"])


def test_every_edit_of_the_built_site(tmp_path: Path) -> None:
    site = built_site(tmp_path)
    print_page = (tmp_path / "print/index.html").read_text(encoding="utf-8")
    run(site)
    home = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" href="./"' not in home
    assert '<link rel="alternate" href="https://x.test/handbook/" hreflang="en">\n' \
           '<link rel="alternate" href="https://x.test/handbook/fr/" hreflang="fr">\n' \
           '<link rel="alternate" href="https://x.test/handbook/" hreflang="x-default">\n<title>' in home
    assert f'<body dir="ltr">\n{EXIT["en"]}\n' in home and home.count("dj-exit-skip") == 1
    assert '{"base": "."}' in home
    help_fr = (tmp_path / "fr/help/index.html").read_text(encoding="utf-8")
    assert 'href="https://x.test/handbook/fr/help/" hreflang="fr"' in help_fr
    assert f'<body dir="ltr">\n{EXIT["fr"]}\n' in help_fr
    assert '{"base": "../../fr/"}' in help_fr  # French pages search the French index
    not_found = (tmp_path / "404.html").read_text(encoding="utf-8")
    assert 'rel="alternate"' not in not_found  # one 404 page for both languages: no twin
    assert f'<body dir="ltr">\n{EXIT["fr"]}\n' in not_found and '{"base": "/"}' in not_found  # its language, base kept
    printed = (tmp_path / "print/index.html").read_text(encoding="utf-8")
    assert "dj-exit-skip" not in printed and 'href="./"' in printed  # not a page of the build: policies only
    for text in (home, help_fr, not_found, printed):  # every page carries both policies, first in <head>
        assert text.index(REFERRER) < text.index("<title>") and text.index("Content-Security-Policy") < text.index("<title>")
    assert printed.replace(REFERRER + "\n", "").count("\n") == print_page.count("\n") + 1
    assert f"script-src 'self' {sha256(SCRIPT)};" in home and "script-src 'self';" in help_fr
    assert json.loads((tmp_path / "fr/search/search_index.json").read_text())["docs"] == [
        {"location": "help/", "title": "Aide", "text": ""}]
    assert REPLACEMENT in (tmp_path / "assets/javascripts/bundle.1234.min.js").read_text()
    worker = (tmp_path / "assets/javascripts/workers/search.5678.min.js").read_text()
    assert worker.startswith("self.lunr=1;\n" + _MARK) and worker.endswith("//# sourceMappingURL=search.map")



def test_a_page_with_an_inline_handler_fails_the_pass_and_is_named(tmp_path: Path) -> None:
    site = built_site(tmp_path)
    page = tmp_path / "fr/help/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<title>", '<title onclick="go()">'), encoding="utf-8")
    with pytest.raises(InlineCodeError, match=r"fr/help/index.html:\d+: <title onclick=.*Fix: .*addEventListener"):
        run(site)


def test_an_html_file_the_pass_did_not_edit_fails_the_build(tmp_path: Path) -> None:
    site = built_site(tmp_path)
    write(tmp_path, "agenda/extra.html", HEAD.format(lang="en", en="./", fr="fr/") + "<script>x()</script></body></html>")
    with pytest.raises(InlineCodeError, match=r"agenda/extra.html: no referrer policy. Fix: build the page through"):
        run(site)


def test_search_entries_keep_their_text_without_tags() -> None:
    from datajam.site.postbuild import plain_text

    assert plain_text("<p>Debt <em>bondage</em></p>\n<ul><li>a &lt;b&gt;</li></ul>") == "Debt bondage a &lt;b&gt;"
