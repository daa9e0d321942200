"""The block parser, the prose readers, and robustness on arbitrary Markdown."""

from __future__ import annotations

import random
from pathlib import Path

import hypothesis
import pytest

from datajam.parity.blocks import parse_page
from datajam.parity.compare import compare_pages
from datajam.parity.language import score
from datajam.parity.numbers import extract_numbers
from datajam.parity.staleness import section_hashes
from datajam.parity.tree import Tree, check, status

DOC = """---
title: Test
hide: [toc]
---

Title
=====

!!! tip "Key points"
    - one
    - two

        nested paragraph in item two

    ```text
    !!! not an admonition
    ```

??? note
    Hidden.

=== "A"

    | a | b |
    |---|---|
    | 1 | `x|y` |

=== "B"

    Text.

Term
:   Definition.

> Quoted [link](https://example.org).

## Heading with `code` {#explicit .cls}

### Same title
### Same title

    indented code

[^n]: Footnote
    continued.

*[HTML]: Hyper Text Markup Language
[ref]: https://example.org/ref
"""


def kinds(text: str) -> list[tuple[str, int]]:
    return [(b.kind, b.depth) for b in parse_page(text).blocks]


def test_block_structure() -> None:
    page = parse_page(DOC)
    assert page.meta == {"title": "Test", "hide": ["toc"]} and page.meta_lines == {"title": 2, "hide": 3}
    assert kinds(DOC) == [
        ("heading", 0), ("admonition", 0), ("list", 1), ("item", 2), ("paragraph", 3), ("item", 2), ("paragraph", 3),
        ("paragraph", 3), ("code", 1), ("details", 0), ("paragraph", 1), ("tab", 0), ("table", 1), ("tab", 0),
        ("paragraph", 1), ("paragraph", 0), ("definition", 0), ("paragraph", 1), ("quote", 0), ("paragraph", 1),
        ("heading", 0), ("heading", 0), ("heading", 0), ("code", 0), ("footnote", 0), ("paragraph", 1),
        ("abbr", 0), ("linkdef", 0),
    ]
    headings = [(b.level, b.ident, b.line) for b in page.blocks if b.kind == "heading"]
    assert headings == [(1, "title", 6), (2, "explicit", 37), (3, "same-title", 39), (3, "same-title_1", 40)]
    table = next(b for b in page.blocks if b.kind == "table")
    assert [cells for _, cells in table.rows] == [["a", "b"], ["1", "`x|y`"]]
    code = [b for b in page.blocks if b.kind == "code"]
    assert code[0].text == "!!! not an admonition" and code[0].info == "text" and code[1].text == "indented code"
    details = next(b for b in page.blocks if b.kind == "details")
    assert (details.info, details.text) == ("note", "Note")


@pytest.mark.parametrize(("en", "fr"), [
    ("1,708", "1\u00a0708"), ("1,708", "1\u202f708"), ("1,708", "1 708"), ("97%", "97\u00a0%"), ("3.5", "3,5"),
    ("$1,000", "1\u00a0000\u00a0$"), ("May 8, 2021", "8 mai 2021"), ("2:30 p.m.", "14 h 30"), ("9 a.m.", "9 h"),
    ("10:00", "10 h"), ("1-833-900-1010", "1-833-900-1010"), ("24/7", "24 heures sur 24, 7 jours sur 7"), ("24/7", "jour et nuit"),
    ("section 279.01", "article 279.01"), ("$2.5 million", "2,5 millions de dollars"), ("21st", "21e"),
])
def test_numbers_read_in_each_language(en: str, fr: str) -> None:
    assert [v for v, _ in extract_numbers(en, "en")] == [v for v, _ in extract_numbers(fr, "fr")]


@pytest.mark.parametrize(("text", "english"), [
    ("This page is being written. It will be published here in English and French.", True),
    ("What you will learn", True),
    ("Cette page est en cours de rédaction et sera publiée en français et en anglais.", False),
    ("Polaris", False), ("Key points", False), ("Traffik Analysis Hub", False),
    ("Selon le National Center for Missing and Exploited Children, la situation est grave.", False),
])
def test_language_score(text: str, english: bool) -> None:
    assert score(text).is_english is english


def test_hash_ignores_cosmetics_not_content() -> None:
    base = "# T\n\n## S {#s}\n\nSome *emphasis* and a [link](a.md), 12 cases.\n\n- item\n"
    same = "# T\n\n## S {#s}\n\nSome _emphasis_\nand a [link](a.md),   12 cases.\n\n\n* item\n"
    assert section_hashes(parse_page(base)) == section_hashes(parse_page(same))
    wrapped = "## S {#s}\n\nAdopted in September 2021. It amends the act.\n"
    rewrapped = "## S {#s}\n\nAdopted in September\n2021. It amends the act.\n"
    assert section_hashes(parse_page(wrapped)) == section_hashes(parse_page(rewrapped))
    for changed in (base.replace("12", "13"), base.replace("a.md", "b.md"), base.replace("Some", "Any")):
        assert section_hashes(parse_page(changed))["s"] != section_hashes(parse_page(base))["s"]


FRAGMENTS = [
    "# Title", "## Sec {#sec}", "### Sub", "Para with *em* and **strong** and `code` and [l](x.md#a).",
    "!!! note \"T\"", "??? tip", "???+ warning \"W\"", "=== \"Tab\"", "    indented", "        deeper", "- item", "1. one",
    "  * loose", "| a | b |", "|---|---|", "| 1 | 2 |", "```", "~~~python", "````", "[^f]: note", "[^f]", "*[A]: b",
    "[r]: http://x", "> quote", ":   def", "<div markdown>", "</div>", "<!-- c -->", "---", "***", "", "", "",
    "1,708 et 1 708 et 97 % et 3,5", "« citation » : oui ; non ? !", "![alt](img.png)", "<https://a.b/c>",
    "http://x.y/z?q=1", "\t tab", "{#id}", "[unclosed", "`unclosed", "\\*escaped\\*", "&nbsp;&#8239;&amp;", "===",
    "Setext\n---", "\ufeff", "\r", "..." ,
    "/// tip | Astuce", "//// tab | T", "/// details", "    type: note", "    type: [", "///", "////", "/// html | div",
    "## Sec {#sec}",  # a repeated heading id
]


def random_doc(rng: random.Random) -> str:
    lines = [rng.choice(FRAGMENTS) for _ in range(rng.randint(0, 40))]
    if rng.random() < 0.3:
        lines = ["---", rng.choice(["title: x", "a: [", "- 1", "k: v: w", ""]), "---"] + lines
    return "\n".join(lines)


def test_any_markdown_is_handled_without_a_crash(tmp_path: Path) -> None:
    rng = random.Random(20210508)
    for _ in range(400):
        en, fr = random_doc(rng), random_doc(rng)
        compare_pages("p.md", parse_page(en), parse_page(fr))
        section_hashes(parse_page(en))
    for i in range(20):
        (tmp_path / "en").mkdir(exist_ok=True)
        (tmp_path / "fr").mkdir(exist_ok=True)
        (tmp_path / "en" / f"p{i}.md").write_text(random_doc(rng), encoding="utf-8")
        (tmp_path / "fr" / f"p{i}.md").write_text(random_doc(rng), encoding="utf-8")
    tree = Tree(tmp_path / "en", tmp_path / "fr", tmp_path / "snap")
    check(tree)
    status(tree)


def test_hypothesis_generated_markdown_is_handled() -> None:
    """Property test: any pair of Markdown-like documents is compared without crashing."""
    st = hypothesis.strategies
    line = st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=st.characters(codec="utf-8"), max_size=30))
    document = st.lists(line, max_size=30).map("\n".join)

    @hypothesis.settings(max_examples=300, deadline=None, database=None)
    @hypothesis.given(document, document)
    def pair_is_compared(en: str, fr: str) -> None:
        compare_pages("p.md", parse_page(en), parse_page(fr))
        section_hashes(parse_page(en))

    pair_is_compared()


def test_parser_agrees_with_python_markdown_on_the_docs() -> None:
    """Heading ids, tables, admonitions, details, list items and footnotes as the site's Markdown renders them."""
    import re

    import markdown

    from mkdocs.utils.yaml import yaml_load

    project = Path(__file__).resolve().parent.parent
    root = project / "docs"
    configured = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]
    # the project's own extensions (the knowledge checks' `/// quiz` blocks) are read by their own model
    # (datajam.quiz), whose parity check compares them; this test holds the parser to Markdown and pymdownx
    configured = [e for e in configured if not (e if isinstance(e, str) else next(iter(e))).startswith("datajam.")]
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in configured]  # the site's, with its options
    options = {name: value for e in configured if isinstance(e, dict) for name, value in e.items()}
    pages = sorted(root.glob("*/**/*.md"))
    assert pages
    for path in pages:
        text = path.read_text(encoding="utf-8")
        html = markdown.markdown(re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S), extensions=extensions,
                                 extension_configs=options)
        footnotes = len(re.findall(r'<li id="fn:', html))
        expected = (re.findall(r'<h[1-6] id="([^"]+)"', html), html.count("<table>"), html.count('<div class="admonition'),
                    html.count("<details"), html.count("<li") - footnotes, footnotes)
        blocks = parse_page(text).blocks
        count = lambda kind: sum(b.kind == kind for b in blocks)  # noqa: E731
        found = ([b.ident for b in blocks if b.kind == "heading"], count("table"), count("admonition"),
                 count("details"), count("item"), count("footnote"))
        assert found == expected, path


def test_pymdownx_blocks_are_the_blocks_their_indented_twins_make() -> None:
    doc = "\n".join([
        "/// tip | Astuce", "Du texte.", "///", "",
        "/// admonition | Titre", "    type: warning", "", "Avertissement.", "",
        "//// tab | Python", "", "```python", "///", "```", "", "////", "///", "",
        "/// details | Résumé", "    type: note", "Caché.", "///", "",
        "/// html | div", "Brut [lien](a.md).", "///", "",
        "Texte", "/// note", "Interrompt.", "///", "",
        "/// warning", "jamais fermé",
    ])
    got = [(b.line, b.depth, b.kind, b.text, b.info) for b in parse_page(doc).blocks if b.kind != "paragraph"]
    assert got == [
        (1, 0, "admonition", "Astuce", "tip"),
        (5, 0, "admonition", "Titre", "warning"),
        (10, 1, "tab", "Python", ""),
        (12, 2, "code", "///", "python"),  # a "///" in a code block closes nothing
        (19, 0, "details", "Résumé", "note"),
        (24, 0, "block", "", "html"),  # transparent: its paragraph is still compared
        (29, 0, "admonition", "Note", "note"),  # interrupts the paragraph "Texte"
        (33, 0, "admonition", "Warning", "warning"),  # never closed: runs to the end
    ]
    assert [b.text for b in parse_page(doc).blocks if b.kind == "paragraph"] == [
        "Du texte.", "Avertissement.", "Caché.", "Brut [lien](a.md).", "Texte", "Interrompt.", "jamais fermé"]


def test_a_paragraph_may_start_with_an_inline_tag() -> None:
    """Python-Markdown starts a raw HTML block only with a block-level tag: « <span lang="fr">…</span> (…) » is prose."""
    page = parse_page('[^a]: <span lang="fr">Gouvernement du Québec</span>. <https://example.org/a>\n\n'
                      '<kbd>Tab</kbd> moves on.\n\n<div>raw</div>\n')
    assert [b.kind for b in page.blocks] == ["footnote", "paragraph", "paragraph", "html"]
