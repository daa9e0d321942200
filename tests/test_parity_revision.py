"""The reviser's checks (issue 10): each must flag its mutation of the faithful pair and pass faithful variants."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from datajam.parity import footnotes, parts, quotes, sentences, sites, terms
from datajam.parity.cli import main
from datajam.parity.codeblocks import without_comments
from datajam.parity.findings import CHECKS, Finding
from datajam.parity.inline import scan
from datajam.parity.qa import Revision, load_revision
from datajam.parity.tree import check, sync
from datajam.parity.typography import typography_issues
from test_parity_support import EN, FR, NB, PAGE, checks, write_pair

ROOT = Path(__file__).resolve().parent.parent
# The format issue 10 specifies, verbatim.
TERM_BASE = """terms:                       # one entry per concept
  - en: human trafficking
    fr: [traite des personnes, traite de personnes]   # accepted French equivalents
    avoid: [traite des êtres humains, traite humaine] # French forms never to use
  - en: hotline
    fr: [ligne d’urgence]
    avoid: [ligne d’aide]
avoid:                       # French words or phrases to avoid anywhere, and what to write
  - fr: "24/7"
    use: "24 heures sur 24, 7 jours sur 7"
"""
WORDS = frozenset({"Juristat", "Polaris", "statcan", "hotline", "Hotline", "Scotiabank"})


@pytest.fixture(scope="module")
def revision(tmp_path_factory: pytest.TempPathFactory) -> Revision:
    path = tmp_path_factory.mktemp("terms") / "terms.yml"
    path.write_text(TERM_BASE, encoding="utf-8")
    return Revision(terms.load_terms(path), sites.load_sites(ROOT / sites.SITES), WORDS)


def run(root: Path, en: str, fr: str, revision: Revision) -> list[Finding]:
    tree = write_pair(root, en, fr)
    sync(tree, [PAGE])
    return check(tree, revision=revision)[0]


def test_faithful_pair_passes_every_check(tmp_path: Path, revision: Revision) -> None:
    assert run(tmp_path, EN, FR, revision) == []


ADD_EN = "Recruitment through friends."
ADD_FR = "Recrutement par des amis."
# (check id, side, old, new)
MUTATIONS = [
    ("term-avoided", "fr", "24 heures sur 24, 7 jours sur 7", "24/7"),
    ("term-avoided", "fr", "Les formes que prend la traite des personnes", "Les formes que prend la traite des êtres humains"),
    ("term-avoided", "fr", ADD_FR, "Recrutement par les lignes d’aide."),  # plural and elision
    ("term-missing", "en", "Call 1-833-900-1010", "Call the hotline at 1-833-900-1010"),
    ("footnote-placement", "fr", "filles[^statcan-2024].", "filles.[^statcan-2024]"),
    ("footnote-placement", "en", "girls.[^statcan-2024]", "girls[^statcan-2024]."),
    ("quotes", "fr", ADD_FR, "Recrutement par des “amis”."),
    ("quotes", "fr", ADD_FR, 'Recrutement par des "amis".'),
    ("link-language", "both", ("https://www.canada.ca/en/public-safety-canada/services/human-trafficking.html",
                               "https://www.canada.ca/fr/securite-publique-canada/services/traite-personnes.html"),
     ("https://www.cybertip.ca/en/", "https://www.cybertip.ca/en/")),
    ("grammar", "fr", ADD_FR, "Les trafiquants se fait passer pour des amis."),  # agreement
    ("spelling", "fr", ADD_FR, "Recrutement par des amiss."),
    ("spelling", "en", ADD_EN, "Recruitment through organisers."),  # British: Canadian English writes organizers
    ("untranslated", "fr", ADD_FR, "Recrutement par des amis. They are the people the victims trust the most."),
    ("language-of-parts", "fr", "*Trafficking in persons in Canada, 2022*{ lang=en }", "*Trafficking in persons in Canada, 2022*"),
    ("language-of-parts", "en", ADD_EN, "Recruitment through « DataJam contre l’exploitation » friends."),
]


def mutate(en: str, fr: str, side: str, old: object, new: object) -> tuple[str, str]:
    if side == "both":
        assert isinstance(old, tuple) and isinstance(new, tuple)
        return mutate(*mutate(en, fr, "en", old[0], new[0]), "fr", old[1], new[1])
    assert isinstance(old, str) and isinstance(new, str)
    text = fr if side == "fr" else en
    assert old in text, old
    text = text.replace(old, new, 1)
    return (en, text) if side == "fr" else (text, fr)


@pytest.mark.parametrize(("check_id", "side", "old", "new"), MUTATIONS, ids=[f"{m[0]}-{i}" for i, m in enumerate(MUTATIONS)])
def test_mutation_is_flagged(tmp_path: Path, revision: Revision, check_id: str, side: str, old: object, new: object) -> None:
    tools = check_id in ("grammar", "spelling")  # the other checks do not need Grammalecte and Hunspell
    found = run(tmp_path, *mutate(EN, FR, side, old, new), dataclasses.replace(revision, tools=tools))
    assert check_id in checks(found), [f.message for f in found]
    for f in found:
        assert f.path == PAGE and f.line >= 1 and "fix:" in f.message and f.check in CHECKS


def test_omission_is_a_warning(tmp_path: Path, revision: Revision) -> None:
    long_en = " ".join(["Traffickers recruit people they know through work, school and social media."] * 5)
    long_fr = " ".join(["Les trafiquants recrutent des personnes qu’ils connaissent au travail, à l’école et dans "
                        "les médias sociaux."] * 5)
    en, fr = EN.replace(ADD_EN, long_en), FR.replace(ADD_FR, long_fr)
    assert run(tmp_path / "full", en, fr, revision) == []
    found = run(tmp_path / "short", en, FR, revision)
    assert [(f.check, f.severity) for f in found] == [("omission", "warning")]


def test_every_new_check_id_has_a_flagged_case() -> None:
    new = {"term-avoided", "term-missing", "footnote-placement", "quotes", "grammar", "spelling", "omission",
           "language-of-parts"}
    assert new <= set(CHECKS)
    assert new - {"omission"} <= {m[0] for m in MUTATIONS}


FAITHFUL = [
    ("accepted term, plural and elision", "en", ADD_EN, "Recruitment through the hotline.", "fr", ADD_FR,
     "Recrutement par les lignes d’urgence."),
    ("English term kept inside a cited title", "en", ADD_EN, "See the National Hotline Report.", "fr", ADD_FR,
     "Voir le *National Hotline Report*{ lang=en }."),
    ("quote within French quotes", "en", ADD_EN, "Recruitment through friends.", "fr", ADD_FR,
     f"Recrutement «{NB}par des “amis”{NB}»."),
    ("bilingual site: the French address", "en", "https://www.canada.ca/en/public-safety-canada/services/human-trafficking.html",
     "https://www.cybertip.ca/en/", "fr", "https://www.canada.ca/fr/securite-publique-canada/services/traite-personnes.html",
     "https://www.cyberaide.ca/fr/"),
    ("Canadian typography: no space before ; ? and 1er", "en", ADD_EN, "Recruitment through friends on the 1st?",
     "fr", ADD_FR, "Recrutement par des amis le 1er mai?"),
    ("names from the English twin and the word list", "en", ADD_EN, "Recruitment through Scotiabank friends.",
     "fr", ADD_FR, "Recrutement par des amis de Scotiabank."),
    ("French passage marked in English", "en", ADD_EN, "Recruitment through *DataJam contre l’exploitation*{ lang=fr }.",
     "fr", ADD_FR, "Recrutement par des amis."),
    ("code comment translated", "en", 'print("same in both languages")', 'print("same in both languages")  # say it',
     "fr", 'print("same in both languages")', 'print("same in both languages")  # le dire'),
]


@pytest.mark.parametrize(("why", "s1", "o1", "n1", "s2", "o2", "n2"), FAITHFUL, ids=[f[0] for f in FAITHFUL])
def test_faithful_variant_passes(tmp_path: Path, revision: Revision, why: str, s1: str, o1: str, n1: str,
                                 s2: str, o2: str, n2: str) -> None:
    en, fr = mutate(EN, FR, s1, o1, n1)
    en, fr = mutate(en, fr, s2, o2, n2)
    assert run(tmp_path, en, fr, revision) == []


# -- the pure functions, one by one -------------------------------------------------------------------
def test_term_matching_tolerates_case_plural_and_elision(revision: Revision) -> None:
    assert revision.terms
    assert [f for _, f, _ in revision.terms.avoided("La Traite Humaine et l’autre")] == ["Traite Humaine"]
    assert revision.terms.avoided("les lignes d'aide") and not revision.terms.avoided("la ligne d’urgence")
    assert revision.terms.missing("Call the hotlines.", "Appelez la ligne d’urgence.") == []
    assert [u for u, _ in revision.terms.missing("Call the hotlines.", "Appelez.")] == ["hotlines"]


def test_term_base_format_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("terms:\n  - en: x\n", encoding="utf-8")
    with pytest.raises(terms.TermBaseError, match="needs 'en:' and 'fr:'"):
        terms.load_terms(bad)
    write_pair(tmp_path, EN, FR)
    assert main(["check", "--source", str(tmp_path / "en"), "--target", str(tmp_path / "fr"), "--terms", str(bad)]) == 2


def test_project_term_base_loads() -> None:
    base = terms.load_terms(ROOT / "data" / "terms.yml")
    assert base.avoided("disponible 24/7") and not base.avoided("24 heures sur 24, 7 jours sur 7")


def test_footnote_placement_rules() -> None:
    assert footnote_offsets("filles[^1].", "fr") == [] and footnote_offsets("girls.[^1]", "en") == []
    assert footnote_offsets("filles.[^1]", "fr") == [7] and footnote_offsets("girls[^1].", "en") == [5]
    assert footnote_offsets("etc.[^1]", "fr") == []  # the period of an abbreviation


def footnote_offsets(text: str, lang: str) -> list[int]:
    return [o for o, _ in footnotes.misplaced_calls(text, lang)]


def test_quotes() -> None:
    assert quotes.quote_issues(f"«{NB}texte{NB}»") == []
    assert quotes.quote_issues('un "texte" ici') == [3]


def test_sentences_and_omission_thresholds() -> None:
    text = "Le texte est en français et il est traduit par une personne de la région. This is what they do to them."
    assert [s for _, s in sentences.english_sentences(text)] == ["This is what they do to them."]
    assert sentences.english_sentences("Le texte est en français. Il est bien traduit.") == []
    assert sentences.omission(1000, 840) and not sentences.omission(1000, 1030) and not sentences.omission(199, 10)


def test_language_of_parts_marks() -> None:
    for text in ("Voir *The report on the trafficking*{ lang=en }.", 'Voir <span lang="en">the report of it</span>.',
                 "Voir [The report on the trafficking](https://x.ca/){ lang=en }."):
        assert parts.unmarked_parts(text, scan(text), "fr") == [], text
    text = "Voir [The report on the trafficking](https://x.ca/) (en anglais)."
    assert [p.text for p in parts.unmarked_parts(text, scan(text), "fr")] == ["The report on the trafficking"]


def test_code_without_comments() -> None:
    assert without_comments("python", "x = 1  # one\n") == without_comments("python", "x = 1  # un\n") == "x = 1"
    assert without_comments("python", 'x = "# kept"') == 'x = "# kept"'
    assert without_comments("console", "// Create it\n$ mkdir x") == "$ mkdir x"


def test_french_twin_links() -> None:
    assert sites.french_twin("https://fastapi.tiangolo.com/async/#x", "https://fastapi.tiangolo.com/fr/async/#x")
    assert sites.french_twin("https://fastapi.tiangolo.com", "https://fastapi.tiangolo.com/fr")
    assert not sites.french_twin("https://fastapi.tiangolo.com/async/", "https://fastapi.tiangolo.com/fr/other/")
    listed = sites.load_sites(ROOT / sites.SITES)
    assert sites.french_twin("https://www.cybertip.ca/app/en/", "https://www.cyberaide.ca/app/fr/", listed)
    assert sites.english_site("https://kidshelpphone.ca/text-about-it/", listed)


def test_typography_france_and_canada() -> None:
    assert typography_issues("Pourquoi?") == [] and typography_issues("Pourquoi ?")
    assert typography_issues("Pourquoi?", typography="fr-FR") and typography_issues("Pourquoi\u202f?", typography="fr-FR") == []


def test_missing_tool_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_pair(tmp_path, EN, FR)
    monkeypatch.setenv("PATH", str(tmp_path))  # neither grammalecte-cli nor hunspell
    assert main(["check", "--source", str(tmp_path / "en"), "--target", str(tmp_path / "fr")]) == 2


def test_project_revision_data_loads() -> None:
    revision = load_revision(ROOT)
    assert revision.terms and revision.sites and "DataJam" in revision.words
