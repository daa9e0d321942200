"""Build messages name the file, the line and the fix."""

from __future__ import annotations

from pathlib import Path

from datajam.site.messages import describe, link_line


def test_link_line_finds_the_markdown_link() -> None:
    assert link_line("# T\n\ntext\nsee [x](a.md#b) here\n", "a.md#b") == 4
    assert link_line("nothing", "a.md") is None


def test_missing_anchor_message_names_file_line_and_fix(tmp_path: Path) -> None:
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr/page.md").write_text("# Titre\n\n[voir](autre.md#absent)\n", encoding="utf-8")
    message = "Doc file 'fr/page.md' contains a link 'autre.md#absent', but the doc 'fr/autre.md' does not contain an anchor '#absent'."
    out = describe(message, tmp_path)
    assert out.startswith(f"{tmp_path}/fr/page.md:3: Doc file")
    assert "Fix:" in out and "{#id}" in out


def test_missing_page_message_has_a_fix(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en/a.md").write_text("[x](nowhere.md)\n", encoding="utf-8")
    out = describe("Doc file 'en/a.md' contains a link 'nowhere.md', but the target is not found among documentation files.", tmp_path)
    assert out.startswith(f"{tmp_path}/en/a.md:1:") and "both docs/en/ and docs/fr/" in out


def test_other_messages_are_untouched(tmp_path: Path) -> None:
    assert describe("Something else", tmp_path) == "Something else"
