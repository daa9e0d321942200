"""Parity beyond pages: nav titles, interface strings, bilingual data fields."""

from __future__ import annotations

from pathlib import Path

from datajam.parity.project import bilingual_findings, nav_findings, ui_findings

NB = "\u00a0"

MKDOCS = """site_name: Test
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - i18n:
      languages:
        - locale: en
          default: true
        - locale: fr
          nav_translations:
            Handbook: Manuel
            "Module 1: Introduction": "Module 1{nb}: Introduction"
nav:
  - index.md
  - Handbook:
      - handbook/index.md
      - "Module 1: Introduction":
          - handbook/module-1/index.md
  - Agenda:
      - agenda/index.md
"""


def test_nav_titles_translated(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(MKDOCS.format(nb=NB).replace("  - Agenda:\n      - agenda/index.md\n", ""), encoding="utf-8")
    assert nav_findings(config) == []


def test_nav_section_without_translation_is_flagged(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(MKDOCS.format(nb=NB), encoding="utf-8")
    found = nav_findings(config)
    assert [(f.check, f.line) for f in found] == [("nav-title", 22)]
    assert "Agenda" in found[0].message and "fix:" in found[0].message


def test_nav_translation_typography_and_language(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    text = MKDOCS.format(nb=" ").replace("Handbook: Manuel", "Handbook: The handbook for all of the participants")
    config.write_text(text.replace("  - Agenda:\n      - agenda/index.md\n", ""), encoding="utf-8")
    assert sorted(f.check for f in nav_findings(config)) == ["typography", "untranslated"]


def _ui(tmp_path: Path, en: str, fr: str, template: str = "") -> Path:
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "en.yml").write_text(en, encoding="utf-8")
    (tmp_path / "ui" / "fr.yml").write_text(fr, encoding="utf-8")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text(template, encoding="utf-8")
    return tmp_path


def test_ui_strings_in_both_languages(tmp_path: Path) -> None:
    root = _ui(tmp_path, "skip: Skip\nhome: Home\n", "skip: Passer\nhome: Accueil\n", "{{ ui.skip }} {{ ui_all['fr'].home }}")
    assert ui_findings(root / "ui", root / "overrides") == []


def test_ui_string_missing_or_unknown_is_flagged(tmp_path: Path) -> None:
    root = _ui(tmp_path, "skip: Skip\nhome: Home\n", "skip: Passer\n", "{{ ui.skip }} {{ ui.search }}")
    found = ui_findings(root / "ui", root / "overrides")
    assert {f.check for f in found} == {"ui-string"}
    messages = " ".join(f.message for f in found)
    assert "'home' is missing" in messages and "'search' missing" in messages


def test_bilingual_fields(tmp_path: Path) -> None:
    good = tmp_path / "good.yml"
    good.write_text("sessions:\n  - id: a\n    title: {en: Opening, fr: Ouverture}\n    speaker: Mark Schindel\n"
                    "strings:\n  en: {a: A, b: B}\n  fr: {a: A, b: Bé}\n", encoding="utf-8")
    assert bilingual_findings([good]) == []
    bad = tmp_path / "bad.yml"
    bad.write_text("sessions:\n  - id: a\n    title: {en: Opening}\n  - id: b\n    title:\n      en: Closing\n      fr: ''\n"
                   "strings:\n  en: {a: A, b: B}\n  fr: {a: A}\n"
                   "notes:\n  en: The room is on the second floor of the building.\n"
                   "  fr: The room is on the second floor of the building.\n"
                   "times:\n  en: 'Note: 10:30'\n  fr: 'Remarque: 10:30'\n", encoding="utf-8")
    found = bilingual_findings([bad])
    assert [(f.check, f.line) for f in sorted(found, key=lambda f: f.line)] == [
        ("bilingual-field", 3), ("bilingual-field", 7), ("bilingual-field", 9), ("untranslated", 13),
        ("typography", 16), ("typography", 16)]
