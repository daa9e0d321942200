"""Issue 19, item 7: French pages speak French in their tooltips and labels too (and the reverse).

The parity check of the built HTML (datajam.parity.html_language, `parity.py html`) and the
per-language Python-Markdown strings (datajam.site.markdown_i18n)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from datajam.parity.html_language import CHECK, check_page, check_site
from datajam.site.markdown_i18n import localize
from datajam.site.ui import load_ui_strings

UI = load_ui_strings()


def page(lang: str, body: str) -> str:
    return f'<!doctype html><html lang="{lang}"><head><title>t</title></head><body>{body}</body></html>'


def flagged(html: str) -> list[str]:
    return [f.problem for f in check_page(html, "x/index.html")]


def test_english_titles_labels_and_interface_text_in_a_french_page_are_findings() -> None:
    html = page("fr", """
      <header><a href="#" title="Permanent link">¶</a> <button aria-label="Copy to clipboard"></button></header>
      <nav>Skip to content</nav>
      <img src="a.png" alt="A photo of the team at the end of the event">
      <sup><a href="#fnref:2" title="Jump back to footnote 2 in the text">↩</a></sup>
      <footer>Table des matières · Lien permanent</footer>""")
    found = flagged(html)
    assert len(found) == 5, found
    assert all("English" in f and "French" in f for f in found)
    finding = check_page(html, "fr/x/index.html")[0]
    assert finding.check == CHECK and finding.line == 2 and "fix:" in finding.message


def test_french_interface_text_in_an_english_page_is_a_finding() -> None:
    found = flagged(page("en", '<a title="Lien permanent">¶</a> <footer>Cette page est en français et elle le dit avec des mots</footer>'))
    assert len(found) == 2 and all(f.startswith("French") for f in found), found


def test_marked_languages_prose_names_and_addresses_are_not_findings() -> None:
    html = page("fr", """
      <a href="../" hreflang="en" lang="en" title="Read this page in English">English</a>
      <abbr title="Office des Nations Unies contre la drogue et le crime">ONUDC</abbr>
      <article><p>The article's prose is the Markdown parity check's job, not this one's.</p></article>
      <p>https://www.example.org/the-page-of-the-project-that-is-in-english</p>
      <section lang="en"><h2>DataJam Against Exploitation</h2><p>Participant handbook and open-session agenda</p></section>
      <nav aria-label="Navigation">Page</nav>""")
    assert flagged(html) == []


def test_python_markdown_strings_are_set_per_language() -> None:
    for lang in ("en", "fr"):
        configs = localize(["toc", "footnotes"], {"toc": {"permalink": True}}, UI[lang])
        assert configs["toc"] == {"permalink": True, "permalink_title": UI[lang]["permalink_title"]}
        assert configs["footnotes"]["BACKLINK_TITLE"] == UI[lang]["footnote_backlink_title"]
    assert localize(["abbr"], {}, UI["fr"]) == {}


def test_the_built_site_speaks_each_page_language_in_its_html(site_dir: Path) -> None:
    findings, pages = check_site(site_dir)
    assert pages > 60
    assert [f"{f.location}:{f.line}: {f.problem}" for f in findings] == []
    french = (site_dir / "fr/handbook/module-1/forms/index.html").read_text(encoding="utf-8")
    assert f'title="{UI["fr"]["permalink_title"]}"' in french and "Permanent link" not in french
    backlinks = re.findall(r'class="footnote-backref"[^>]*title="([^"]*)"|title="([^"]*)"[^>]*class="footnote-backref"', french)
    titles = {a or b for a, b in backlinks}
    assert titles and all(t.startswith("Revenir à l’appel de note ") for t in titles), titles
    english = (site_dir / "handbook/module-1/forms/index.html").read_text(encoding="utf-8")
    assert 'title="Permanent link"' in english and "Jump back to footnote 1 in the text" in english


def test_parity_html_command(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "fr").mkdir(parents=True)
    (site / "fr/index.html").write_text(page("fr", '<a title="Lien permanent">¶</a>'), encoding="utf-8")
    run = lambda: subprocess.run([sys.executable, "scripts/parity.py", "html", str(site)], cwd=ROOT,  # noqa: E731
                                 capture_output=True, text=True)
    clean = run()
    assert clean.returncode == 0 and "in parity" in clean.stdout
    (site / "fr/index.html").write_text(page("fr", '<a title="Permanent link">¶</a>'), encoding="utf-8")
    dirty = run()
    assert dirty.returncode == 1 and "fr/index.html:1: html-language: English title attribute 'Permanent link'" in dirty.stdout
