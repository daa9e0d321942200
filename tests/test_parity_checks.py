"""Each check id: a pair that must be flagged, and faithful translations that must not be."""

from __future__ import annotations

from pathlib import Path

import pytest

from datajam.parity.findings import CHECKS
from datajam.parity.tree import Tree, check, sync
from test_parity_support import EN, FR, NB, NNB, PAGE, checks, findings_for, write_pair


def test_faithful_translation_has_no_finding(tmp_path: Path) -> None:
    assert findings_for(tmp_path, EN, FR) == []


# (check id, side edited, old text, new text)
MUTATIONS = [
    ("heading", "fr", "### Polaris {#polaris}", "## Polaris {#polaris}"),
    ("heading", "fr", "### Polaris {#polaris}\n", ""),
    ("anchor", "fr", "{#sexual}", "{#exploitation-sexuelle}"),
    ("anchor", "fr", "## Exploitation sexuelle {#sexual}", "## Exploitation sexuelle"),
    ("link-target", "fr", "figures.md#dark-figure", "figures.md#chiffre-noir"),
    ("link-target", "fr", "https://laws-lois.justice.gc.ca/fra/lois/C-46/article-279.01.html", "https://example.org/"),
    ("image", "fr", "img/incidents.png", "img/incidents-fr.png"),
    ("link-language", "fr", "https://www.canada.ca/fr/securite-publique-canada/services/traite-personnes.html",
     "https://www.canada.ca/en/public-safety-canada/services/human-trafficking.html"),
    ("admonition", "fr", '!!! abstract "Ce que vous apprendrez"', '!!! info "Ce que vous apprendrez"'),
    ("details", "fr", '??? note "Sources des données"', '??? warning "Sources des données"'),
    ("tabs", "fr", '=== "En personne"\n\n    Recrutement par des amis.\n', ""),
    ("table", "fr", f"| 2019 | 1{NB}100 |\n", ""),
    ("list", "fr", "2. Deuxième étape.\n", ""),
    ("code", "fr", 'print("same in both languages")', 'print("pareil dans les deux langues")'),
    ("footnote", "fr", "[^statcan-2024]:", "[^statcan]:"),
    ("footnote", "fr", "filles[^statcan-2024].", "filles."),
    ("front-matter", "fr", "content_note: true\n", ""),
    ("front-matter", "fr", "content_note: true", "content_note: false"),
    ("number", "fr", f"1{NB}708 incidents", f"1{NB}078 incidents"),
    ("number", "fr", "8 mai 2021", "9 mai 2021"),
    ("number", "fr", "1-833-900-1010", "1-833-900-1011"),
    ("number", "fr", "3,5 fois", "2,5 fois"),
    ("untranslated", "fr", "Recrutement par des amis.", "This is recruitment by the people they trust most."),
    ("untranslated", "fr", "Ce que vous apprendrez", "What you will learn"),
    ("untranslated", "fr", "Les formes que prend la traite des personnes au Canada.",
     "How human trafficking takes different forms in Canada."),
    ("typography", "fr", f"97{NB}%", "97 %"),
    ("typography", "fr", f"97{NB}%", "97%"),
    ("typography", "fr", f"1{NNB}000{NB}$", "1 000 $"),
    ("typography", "fr", "incidents; 97", "incidents ; 97"),
    ("typography", "fr", "Détails sur le", "Détails : sur le"),
    ("typography", "fr", "3,5 fois", "3.5 fois"),
]


@pytest.mark.parametrize(("check_id", "side", "old", "new"), MUTATIONS, ids=[f"{m[0]}-{i}" for i, m in enumerate(MUTATIONS)])
def test_mutation_is_flagged(tmp_path: Path, check_id: str, side: str, old: str, new: str) -> None:
    en, fr = EN, FR
    if side == "fr":
        assert old in fr
        fr = fr.replace(old, new, 1)
    else:
        assert old in en
        en = en.replace(old, new, 1)
    found = findings_for(tmp_path, en, fr)
    assert check_id in checks(found), [f.message for f in found]
    for f in found:
        assert f.path == PAGE and f.line >= 1 and "fix:" in f.message and f.check in CHECKS


def test_every_check_id_has_a_flagged_case() -> None:
    elsewhere = {"page-missing", "page-extra", "outdated", "not-synced",  # tests below
                 "nav-title", "ui-string", "bilingual-field",  # tests/test_parity_project.py
                 "html-language",  # tests/test_parity_html.py
                 "quiz",  # tests/test_quiz_model.py
                 "term-avoided", "term-missing", "footnote-placement", "quotes", "grammar", "spelling", "omission",
                 "language-of-parts"}  # tests/test_parity_revision.py
    assert {m[0] for m in MUTATIONS} | elsewhere == set(CHECKS)


# Faithful French variants that must not be flagged.
FAITHFUL = [
    ("narrow no-break space as thousands separator", f"1{NB}708 incidents", f"1{NNB}708 incidents"),
    ("narrow no-break space before ;", "incidents; 97", f"incidents{NNB}; 97"),
    ("HTML entity for the no-break space", f"97{NB}%", "97&nbsp;%"),
    ("heading id from the slug", "### Polaris {#polaris}", "### Polaris"),
    ("reworded and re-wrapped sentence", "Recrutement par des amis.", "Recrutement par\nl’entremise d’amis."),
    ("number repeated in the translation", "14 h 30.", "14 h 30 (heure de l’Est, 14 h 30 à Ottawa)."),
    ("proper English name in French prose", "Recrutement par des amis.",
     "Recrutement par des amis, selon l’organisme Stop the Traffik et l’Office of the Auditor General."),
]


@pytest.mark.parametrize(("why", "old", "new"), FAITHFUL, ids=[f[0] for f in FAITHFUL])
def test_faithful_variant_is_not_flagged(tmp_path: Path, why: str, old: str, new: str) -> None:
    assert old in FR
    assert findings_for(tmp_path, EN, FR.replace(old, new, 1)) == []


def test_reordered_links_are_not_flagged(tmp_path: Path) -> None:
    fr = FR.replace("Voir les\n[chiffres](../module-2/figures.md#dark-figure) et le\n", "Voir le\n")
    fr = fr.replace(
        "article-279.01.html).", "article-279.01.html) et les [chiffres](../module-2/figures.md#dark-figure).")
    assert findings_for(tmp_path, EN, fr) == []


def test_short_names_and_cells_are_not_language_tested(tmp_path: Path) -> None:
    en = EN.replace("| 2019 | 1,100 |", "| Traffik Analysis Hub | 1,100 |")
    fr = FR.replace(f"| 2019 | 1{NB}100 |", f"| Traffik Analysis Hub | 1{NB}100 |")
    en, fr = en.replace("In 2022, police", "In 2019 and 2022, police"), fr.replace("En 2022, la police", "En 2019 et 2022, la police")
    assert findings_for(tmp_path, en, fr) == []


def test_english_title_cited_in_french_is_not_flagged(tmp_path: Path) -> None:
    fr = FR.replace("Recrutement par des amis.",
                    f"Recrutement par des amis, comme le décrit le rapport «{NB}Trafficking in Persons: Why it Matters{NB}» "
                    "et *The State of the World: A Guide*.")
    assert findings_for(tmp_path, EN, fr) == []


def test_page_missing_and_extra(tmp_path: Path) -> None:
    assert checks(findings_for(tmp_path / "a", EN, None)) == {"page-missing"}
    assert checks(findings_for(tmp_path / "b", None, FR)) == {"page-extra"}


def test_link_to_english_page_with_french_twin(tmp_path: Path) -> None:
    tree = write_pair(tmp_path, "# T\n\nSee [x](other.md).\n", "# T\n\nVoir [x](../../en/handbook/other.md).\n")
    write_pair(tmp_path, "# Other\n", "# Autre\n", "handbook/other.md")
    sync(tree, [PAGE, "handbook/other.md"])
    found = check(tree)[0]
    assert "link-language" in checks(found)
    tree2 = write_pair(tmp_path / "ok", "# T\n\nSee [x](other.md).\n", "# T\n\nVoir [x](other.md).\n")
    write_pair(tmp_path / "ok", "# Other\n", "# Autre\n", "handbook/other.md")
    sync(tree2, [PAGE, "handbook/other.md"])
    assert check(tree2)[0] == []


def test_not_synced(tmp_path: Path) -> None:
    found = findings_for(tmp_path, EN, FR, synced=False)
    assert checks(found) == {"not-synced"}
    assert "sync" in found[0].fix


def test_outdated_when_english_changes_a_number_link_or_code(tmp_path: Path) -> None:
    tree = write_pair(tmp_path, EN, FR)
    sync(tree, [PAGE])
    for old, new, section in (("1,708 incidents", "1,709 incidents", "sexual"),
                              ("figures.md#dark-figure", "figures.md#other", "sexual"),
                              ('print("same in both languages")', 'print("changed")', "polaris")):
        (tmp_path / "en" / PAGE).write_text(EN.replace(old, new), encoding="utf-8")
        found = check(Tree(tree.source, tree.target, tree.snapshots))[0]
        outdated = [f for f in found if f.check == "outdated"]
        assert [f"#{section}" in f.problem for f in outdated] == [True], found
        assert any(new in d for d in outdated[0].details), outdated[0].details  # the English diff is shown


def test_cosmetic_english_edits_keep_french_up_to_date(tmp_path: Path) -> None:
    tree = write_pair(tmp_path, EN, FR)
    sync(tree, [PAGE])
    cosmetic = (EN.replace("*Trafficking in persons in Canada, 2022*", "_Trafficking in persons in Canada, 2022_")
                .replace("average, 3.5 times more than in 2019. See the\n", "average,\n   3.5 times more than in 2019.   See the  \n")
                .replace("    - The main forms", "    * The main forms")
                .replace("## Sexual exploitation {#sexual}\n", "## Sexual exploitation {#sexual}\n\n\n"))
    assert cosmetic != EN
    (tmp_path / "en" / PAGE).write_text(cosmetic, encoding="utf-8")
    assert check(Tree(tree.source, tree.target, tree.snapshots))[0] == []


def test_french_typo_fix_after_sync_keeps_it_up_to_date(tmp_path: Path) -> None:
    tree = write_pair(tmp_path, EN, FR)
    sync(tree, [PAGE])
    page = tmp_path / "fr" / PAGE
    page.write_text(page.read_text(encoding="utf-8").replace("Première étape", "Premiere étape"), encoding="utf-8")
    assert check(Tree(tree.source, tree.target, tree.snapshots))[0] == []


def test_sync_keeps_the_rest_of_the_french_page_and_is_idempotent(tmp_path: Path) -> None:
    tree = write_pair(tmp_path, EN, FR)
    sync(tree, [PAGE])
    once = (tmp_path / "fr" / PAGE).read_text(encoding="utf-8")
    sync(tree, [PAGE])
    assert (tmp_path / "fr" / PAGE).read_text(encoding="utf-8") == once
    assert once.split("---\n", 2)[2] == FR.split("---\n", 2)[2]
    assert "content_note: true\ntranslation:\n  source_hash:\n" in once
    assert (tmp_path / "snapshots" / PAGE).read_text(encoding="utf-8") == EN


def test_numbers_in_the_description_are_compared(tmp_path: Path) -> None:
    en = EN.replace("forms in Canada.", "forms in Canada (2021).")
    assert "number" in checks(findings_for(tmp_path / "a", en, FR))
    fr = FR.replace("au Canada.\ncontent", "au Canada (2021).\ncontent")
    assert findings_for(tmp_path / "b", en, fr) == []


def test_small_numbers_may_be_spelled_out(tmp_path: Path) -> None:
    en = EN.replace("1. First step.", "1. First step, in 3 parts.")
    fr = FR.replace("1. Première étape.", "1. Première étape, en trois parties.")
    assert findings_for(tmp_path / "a", en, fr) == []
    fr = FR.replace("1. Première étape.", "1. Première étape, en quatre parties.")
    assert "number" in checks(findings_for(tmp_path / "b", en, fr))


def test_english_only_government_page_marked_en_anglais_is_accepted(tmp_path: Path) -> None:
    url = "https://www.canada.ca/en/public-safety-canada/services/human-trafficking.html"
    fr = FR.replace("https://www.canada.ca/fr/securite-publique-canada/services/traite-personnes.html", url)
    assert "link-language" in checks(findings_for(tmp_path / "a", EN, fr))
    fr = fr.replace("Détails sur le [site du gouvernement du Canada]", "Détails (en anglais) sur le [site du gouvernement du Canada]")
    assert findings_for(tmp_path / "b", EN, fr) == []


def test_section_hashes_are_stable() -> None:
    """French pages record these hashes: changing the normalization would mark every synced page outdated.
    If you must change it, re-check and re-sync every page in the same commit."""
    from datajam.parity.blocks import parse_page
    from datajam.parity.staleness import section_hashes

    assert section_hashes(parse_page(EN)) == {
        "_meta": "7b51ba5bfc82f9a4", "_top": "68fb9f39b60dccf5", "sexual": "e2e70598693b14ae",
        "polaris": "8137d10ad0ee75e8", "^statcan-2024": "752803d574e343e3"}


def test_a_repeated_heading_id_is_flagged_and_both_sections_are_compared(tmp_path: Path) -> None:
    en = EN.replace("1. First step.", "## Sexual exploitation, again {#sexual}\n\nIn 2023, 2,000 incidents.\n\n1. First step.")
    fr = FR.replace("1. Première étape.",
                    f"## Exploitation sexuelle, encore {{#sexual}}\n\nEn 2023, 2{NB}000 incidents.\n\n1. Première étape.")

    def line(root: Path, side: str, text: str) -> int:  # in the file as written (sync adds front matter in French)
        return (root / side / PAGE).read_text(encoding="utf-8").split("\n").index(text) + 1

    found = findings_for(tmp_path / "a", en, fr)
    assert checks(found) == {"anchor"}, found
    assert [(f.side, f.line) for f in found] == [
        ("en", line(tmp_path / "a", "en", "## Sexual exploitation, again {#sexual}")),
        ("fr", line(tmp_path / "a", "fr", "## Exploitation sexuelle, encore {#sexual}"))]
    assert [f.problem.rsplit(" ", 1)[1] for f in found] == [  # each side names its own first heading
        str(line(tmp_path / "a", "en", "## Sexual exploitation {#sexual}")),
        str(line(tmp_path / "a", "fr", "## Exploitation sexuelle {#sexual}"))]
    # the second section's content is compared, not dropped for sharing the first one's id
    changed = findings_for(tmp_path / "b", en, fr.replace(f"2{NB}000 incidents", f"2{NB}500 incidents"))
    assert [f.line for f in changed if f.check == "number"] == [line(tmp_path / "b", "fr", f"En 2023, 2{NB}500 incidents.")]


def test_a_page_without_front_matter_reports_each_top_finding_once(tmp_path: Path) -> None:
    found = findings_for(tmp_path, "# Title\n\nWe have 3 apples.\n", "# Titre\n\nNous avons 4 pommes.\n")
    assert [f.check for f in found] == ["number"], found


def test_digits_copied_from_the_english_text_are_read_as_in_english(tmp_path: Path) -> None:
    """``hl[4,25]`` copied into French is two numbers, not the French decimal 4,25; a changed copy is still flagged."""
    en = EN.replace("1. First step.", "1. First step: see lines hl[4,25] and hl[1,3,23].")
    fr = FR.replace("1. Première étape.", f"1. Première étape{NB}: voir les lignes hl[4,25] et hl[1,3,23].")
    assert findings_for(tmp_path / "a", en, fr) == []
    assert "number" in checks(findings_for(tmp_path / "b", en, fr.replace("hl[4,25]", "hl[4,26]")))


def test_a_fraction_keeps_its_digits(tmp_path: Path) -> None:
    en = EN.replace("1. First step.", "1. First step, with Python 3.10.")
    fr = FR.replace("1. Première étape.", "1. Première étape, avec Python 3.10.")
    assert findings_for(tmp_path / "a", en, fr) == []
    found = findings_for(tmp_path / "b", en, fr.replace("Python 3.10", "Python 3.1"))
    assert [f.problem for f in found if f.check == "number"] == ["section #polaris lacks 3.10 and has 3.1 not in English"]


def test_a_folder_and_its_index_page_are_one_link_target(tmp_path: Path) -> None:
    en = EN.replace("../module-2/figures.md#dark-figure", "../module-2/index.md#dark-figure")
    fr = FR.replace("../module-2/figures.md#dark-figure", "../module-2/#dark-figure")
    assert findings_for(tmp_path / "a", en, fr) == []
    # but this page's own anchor is another target than its folder's index page
    en = EN.replace("../module-2/figures.md#dark-figure", "index.md#dark-figure")
    fr = FR.replace("../module-2/figures.md#dark-figure", "#dark-figure")
    assert "link-target" in checks(findings_for(tmp_path / "b", en, fr))


def test_a_pymdownx_block_faces_its_indented_twin(tmp_path: Path) -> None:
    en = EN.replace('??? note "Sources of the data"\n    Police-reported data only.\n',
                    '!!! tip "Sources of the data"\n    Police-reported data only.\n')
    fr = FR.replace('??? note "Sources des données"\n    Données déclarées par la police seulement.\n',
                    "/// tip | Sources des données\nDonnées déclarées par la police seulement.\n///\n")
    assert findings_for(tmp_path / "a", en, fr) == []
    extra = fr.replace("1. Première étape.", "/// warning | Attention\nUn bloc de plus.\n///\n\n1. Première étape.")
    assert "admonition" in checks(findings_for(tmp_path / "b", en, extra))
    typed = fr.replace("/// tip | Sources", "/// note | Sources")
    assert "admonition" in checks(findings_for(tmp_path / "c", en, typed))
