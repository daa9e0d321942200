"""Unit tests of the safety glue without MkDocs: print-page link rewriting, offline links."""

from __future__ import annotations

from datajam.site.hooks import site_link
from datajam.site.printpage import anchor_for, canonical, heading_shift, relative, rewrite


def test_directory_links_work_from_disk() -> None:
    assert site_link("help/", True) == "help/"
    assert site_link("fr/help/", False) == "fr/help/index.html"
    assert site_link("", False) == "index.html"
    assert site_link("assets/x.pdf", False) == "assets/x.pdf"


def test_page_paths_and_anchors() -> None:
    assert canonical("handbook/module-1/forms.html") == "handbook/module-1/forms/"
    assert canonical("handbook/index.html") == "handbook/"
    assert anchor_for("handbook/module-1/forms/") == "p-handbook-module-1-forms"
    assert heading_shift("handbook/") == 1 and heading_shift("handbook/module-1/") == 1
    assert heading_shift("handbook/module-1/forms/") == 2
    assert relative("help/", "fr/print/") == "../../help/" and relative("", "print/") == "../"


def test_links_inside_the_print_document() -> None:
    html = (
        '<h1 id="forms">Forms<a class="headerlink" href="#forms">¶</a></h1>'
        '<h2 id="labour">Labour</h2>'
        '<p><a href="#labour">here</a> <a href="../definition/#three">def</a> '
        '<a href="../../../help/">help</a> <a href="https://example.org/x">ext</a> '
        '<a href="tel:+18339001010">call</a> <img src="../../../assets/a.png" alt=""></p>'
    )
    known = {"handbook/module-1/definition/", "handbook/module-1/forms/"}
    out = rewrite(html, "handbook/module-1/forms/", known, "https://s.test/", "fr", "fr/print/")
    assert '<h3 id="p-handbook-module-1-forms--forms">Forms</h3>' in out  # demoted, no ¶
    assert '<h4 id="p-handbook-module-1-forms--labour">' in out
    assert 'href="#p-handbook-module-1-forms--labour"' in out
    assert 'href="#p-handbook-module-1-definition--three"' in out
    assert 'href="../help/"' in out  # another page of the site: relative to fr/print/
    assert 'href="https://example.org/x"' in out and 'href="tel:+18339001010"' in out
    assert 'src="../assets/a.png"' in out
