"""Glossary tooltips, one file per language."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from datajam.site.glossary import glossary, with_glossary


def test_terms_become_abbr_elements(tmp_path: Path) -> None:
    (tmp_path / "fr.md").write_text("*[CANAFE]: Centre d’analyse des opérations\n", encoding="utf-8")
    html = markdown.markdown(with_glossary("Le CANAFE reçoit des déclarations.", "fr", tmp_path), extensions=["abbr"])
    assert '<abbr title="Centre d’analyse des opérations">CANAFE</abbr>' in html


def test_a_malformed_line_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "en.md").write_text("*[A]: a\nnot a definition\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"en\.md:2: not an abbreviation"):
        glossary.__wrapped__("en", tmp_path)


def test_both_languages_define_the_same_number_of_terms() -> None:
    counts = {lang: glossary(lang).count("*[") for lang in ("en", "fr")}
    assert counts["en"] == counts["fr"] > 10


def test_built_pages_show_tooltips(site_dir: Path) -> None:
    html = (site_dir / "fr/handbook/module-3/financial-intelligence/index.html").read_text(encoding="utf-8")
    # a term with a glossary entry is a link to it, the definition as its tooltip (tests/test_glossary_page.py)
    assert '<a class="dj-term" href="../../glossary/#fintrac" title="Centre d’analyse des opérations et déclarations financières du Canada' in html
    assert '<abbr title="Gendarmerie royale du Canada" tabindex="0">GRC</abbr>' in html or 'title="Gendarmerie royale du Canada"' in html
