"""Language of parts (WCAG 2.1, 3.1.2): a passage in the other language carries ``lang``.

Authors mark it in Markdown with attr_list on the element (``*Title*{ lang=en }``,
``[Title](https://…){ lang=en }``) or with ``<span lang="en">…</span>``. Candidates are the italic,
quoted and linked passages of a paragraph (cited titles, quoted names); one is in the other language
when it shows that language's words and none of the page's language.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from datajam.parity.inline import Inline
from datajam.parity.language import ACCENTED, CONTRACTION, ELISION, ENGLISH, FRENCH, TITLE

COMPOUND = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")
LANG_ATTR = re.compile(r"\{:?[^}]*?\blang=[\"']?(en|fr)\b[^}]*\}")
SPAN = re.compile(r"<(\w+)[^>]*\blang=[\"'](en|fr)[\"'][^>]*>(.*?)</\1>", re.S)
LINK_TEXT = re.compile(r"(?<!!)\[((?:[^\[\]\\]|\\.)+)\](?:\([^)]*\)|\[[^\]]*\])")
# Words of English titles that the untranslated check's stop words leave out (short words shared by both
# languages stay out: "a", "as", "on", "or", "en").
TITLE_ENGLISH = ENGLISH | {"in", "at", "toward", "towards", "among", "report", "review"}
TITLE_FRENCH = FRENCH - {"on"} | {"en", "à", "rapport", "contre"}  # "on" is English in a title


def other_language(text: str, page_lang: str) -> bool:
    """Does ``text`` (a title or a quote) read as the other language than ``page_lang``?"""
    words = [w.lower() for w in COMPOUND.findall(text)]  # "plug-in" is one (borrowed) word, not "plug" and "in"
    if len(words) < 2:
        return False
    english = sum(w in TITLE_ENGLISH for w in words) + len(CONTRACTION.findall(text))
    french = sum(w in TITLE_FRENCH for w in words) + len(ELISION.findall(text)) + sum(
        1 for w in words if ACCENTED.search(w))
    return english >= 1 and french == 0 if page_lang == "fr" else french >= 2 and english == 0


def marked(source: str) -> list[tuple[int, int]]:
    """Source spans marked with a ``lang`` (the element just before ``{ lang=… }``, or a ``<span lang>``)."""
    spans = [(m.start(3), m.end(3)) for m in SPAN.finditer(source)]
    for m in LANG_ATTR.finditer(source):
        end = m.start()
        start = _element_start(source, end)
        if start is not None:
            spans.append((start, end))
    return spans


def _element_start(source: str, end: int) -> int | None:
    """The start of the inline element (emphasis or link) that ends at ``end``."""
    before = source[:end]
    if before.endswith(("*", "_")):
        mark = before[-1]
        run = len(before) - len(before.rstrip(mark))
        start = before.rfind(mark * run, 0, len(before) - run)
        return start if start >= 0 else None
    if before.endswith((")", "]")):
        m = None
        for m in LINK_TEXT.finditer(before):
            pass
        return m.start() if m and m.end() == len(before) else None
    return None


class Part(NamedTuple):
    start: int  # source span of the passage (for a link: its text, inside the brackets)
    end: int
    text: str  # the passage as a reader sees it


def unmarked_parts(source: str, inline: Inline, page_lang: str) -> list[Part]:
    """The passages in the other language than ``page_lang`` that carry no ``lang``."""
    candidates: list[tuple[int, int]] = [(m.start(1), m.end(1)) for m in LINK_TEXT.finditer(source)]
    clean = inline.clean
    for m in TITLE.finditer(clean):
        if m.end() - m.start() > 2:
            a = inline.offsets[m.start()] if m.start() < len(inline.offsets) else 0
            b = inline.offsets[m.end() - 1] + 1 if m.end() - 1 < len(inline.offsets) else len(source)
            candidates.append((a, b))
    done = marked(source)
    found = []
    for a, b in sorted(set(candidates)):
        text = source[a:b]
        if any(x <= a + 1 and b - 1 <= y + 1 for x, y in done) or any(a < y and x < b for x, y in done):
            continue
        plain = re.sub(r"\]\([^)]*\)|[*_`\[\]]", "", text)
        if other_language(plain, page_lang):
            found.append(Part(a, b, " ".join(plain.split())))
    return found
