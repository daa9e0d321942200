"""Inline Markdown: the prose of a block without its markup, and the links it holds.

``scan`` turns inline Markdown into ``clean`` text (code spans and URLs become
``X``, link text stays, footnote references, HTML tags, attribute lists and
emoji shortcodes go, entities are decoded) and keeps, for every character of
the clean text, its offset in the source, so a finding can name its line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

_PAREN_URL = r"<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*"
_BRACKETS = r"((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)"
INLINE = re.compile(
    r"(?=[`!\[<{&:\\hfwHFW])(?:"  # a quick look at the first character before trying every construct
    r"(?P<code>(?P<ticks>`+)(?P<code_text>.+?)(?<!`)(?P=ticks)(?!`))"
    r"|(?P<image>!\[" + _BRACKETS.replace("(", "(?P<alt>", 1) + r"\]\(" + _PAREN_URL.replace("(", "(?P<src>", 1) + r"\))"
    r"|(?P<fnref>\[\^[^\]\s]+\])"
    r"|(?P<link>\[" + _BRACKETS.replace("(", "(?P<ltext>", 1) + r"\]\(" + _PAREN_URL.replace("(", "(?P<href>", 1) + r"\))"
    r"|(?P<ref>\[" + _BRACKETS.replace("(", "(?P<rtext>", 1) + r"\]\[(?P<rid>[^\]]*)\])"
    r"|(?P<auto><(?P<auto_url>(?:https?|ftp)://[^>\s]+|mailto:[^>\s]+|[^>\s@]+@[^>\s@]+\.[a-z]+)>)"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<tag></?[A-Za-z][\w-]*(?P<attrs>(?:\s+[^>]*?)?)/?>)"
    r"|(?P<attr>\{:?[ \t]*(?:[#.][^}\s]|[\w-]+=)[^}]*\})"
    r"|(?P<macro>\{\*.*?\*\}|\{%.*?%\}|\{\{.*?\}\})"  # template includes (mkdocs-macros, FastAPI's {* file *})
    r"|(?P<entity>&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)"
    r"|(?P<emoji>(?<![\w:]):[a-z][a-z0-9_+-]*[a-z0-9]:(?![\w:]))"
    r"|(?P<url>\b(?:https?|ftp)://[^\s<>\]\[]+[^\s<>\]\[.,;:!?'\")*]|\bwww\.[a-z0-9-]+\.[^\s<>]*[^\s<>.,;:!?'\")*])"
    r"|(?P<escape>\\[\\`*_{}\[\]()#+\-.!|<>~:'\"]))",
    re.S,
)
MAYBE_MARKUP = re.compile(r"[`!\[<{&:\\]|://|www\.")
HTML_LINK = re.compile(r"""\b(href|src)\s*=\s*["']([^"']+)["']""")
EMPHASIS = re.compile(r"(?<![\w\\])[*_]+|[*_]+(?![\w])|~~")
UNDERSCORES = re.compile(r"(?<!\w)_+|_+(?!\w)")
LINK_TEXT = ("alt", "ltext", "rtext")


@dataclass
class Link:
    kind: str  # "link", "image" or "ref" (target is a reference id to resolve with the page's link definitions)
    target: str
    offset: int  # in the source text


@dataclass
class Inline:
    clean: str
    offsets: Sequence[int]  # source offset of each character of ``clean``
    links: list[Link] = field(default_factory=list)
    footnote_refs: list[str] = field(default_factory=list)


def scan(text: str, keep_code: bool = False) -> Inline:
    """Strip inline markup from ``text``; collect links and footnote references.

    ``keep_code`` keeps the text of code spans and URLs (as heading slugs do) instead of ``X``.
    """
    if not MAYBE_MARKUP.search(text):
        return Inline(text, range(len(text)))
    out: list[str] = []
    offsets: list[int] = []
    result = Inline("", offsets)

    def emit(s: str, at: int, one_place: bool = False) -> None:
        out.append(s)
        offsets.extend([at] * len(s) if one_place else range(at, at + len(s)))

    pos = 0
    for m in INLINE.finditer(text):
        emit(text[pos : m.start()], pos)
        pos = m.end()
        start = m.start()
        if m.group("code"):
            if keep_code:
                emit(m.group("code_text").strip(), m.start("code_text"))
            else:
                emit("X", start)
        elif m.group("image") or m.group("link") or m.group("ref"):
            if m.group("image"):
                result.links.append(Link("image", m.group("src"), start))
                inner, inner_at = m.group("alt"), m.start("alt")
            elif m.group("link"):
                result.links.append(Link("link", m.group("href"), start))
                inner, inner_at = m.group("ltext"), m.start("ltext")
            else:
                inner, inner_at = m.group("rtext"), m.start("rtext")
                result.links.append(Link("ref", (m.group("rid") or inner).lower(), start))
            sub = scan(inner, keep_code)
            out.append(sub.clean)
            offsets.extend(inner_at + o for o in sub.offsets)
            result.links.extend(Link(lk.kind, lk.target, inner_at + lk.offset) for lk in sub.links)
            result.footnote_refs.extend(sub.footnote_refs)
        elif m.group("fnref"):
            result.footnote_refs.append(m.group("fnref")[2:-1])
        elif m.group("auto"):
            url = m.group("auto_url")
            if "://" not in url and not url.startswith("mailto:"):
                url = "mailto:" + url
            result.links.append(Link("link", url, start))
            emit(m.group("auto_url") if keep_code else "X", start, one_place=True)
        elif m.group("url"):
            result.links.append(Link("link", m.group("url"), start))
            emit(m.group("url") if keep_code else "X", start, one_place=True)
        elif m.group("tag"):
            for hm in HTML_LINK.finditer(m.group("attrs") or ""):
                result.links.append(Link("image" if hm.group(1) == "src" else "link", html.unescape(hm.group(2)), start))
        elif m.group("entity"):
            emit(html.unescape(m.group("entity")), start, one_place=True)
        elif m.group("escape"):
            emit(m.group("escape")[1], start + 1)
        # comment, attr, macro, emoji: dropped
    emit(text[pos:], pos)
    result.clean = "".join(out)
    return result


def plain_text(text: str) -> str:
    """The text a reader sees (code content kept, emphasis markers dropped), as toc slugs it."""
    return EMPHASIS.sub("", scan(text, keep_code=True).clean)


def unify_emphasis(text: str) -> str:
    """``_emphasis_`` and ``__strong__`` written with ``*``, so both spellings compare equal; code spans,
    URLs, link targets and HTML are kept as they are."""
    def star(piece: str) -> str:
        return UNDERSCORES.sub(lambda m: "*" * len(m.group()), piece)

    if "_" not in text:
        return text
    if not MAYBE_MARKUP.search(text):
        return star(text)
    pieces, pos = [], 0
    for m in INLINE.finditer(text):
        pieces.append(star(text[pos : m.start()]))
        inner = next((g for g in LINK_TEXT if m.group(g) is not None), None)
        if inner is None:
            pieces.append(m.group())
        else:
            start, end = m.span(inner)
            pieces += [text[m.start() : start], star(text[start:end]), text[end : m.end()]]
        pos = m.end()
    pieces.append(star(text[pos:]))
    return "".join(pieces)


def line_of(source: str, first_line: int, offset: int) -> int:
    """The file line of ``offset`` in a block's ``source`` text that starts on ``first_line``."""
    return first_line + source.count("\n", 0, offset)


def one_line(text: str) -> str:
    """``text`` on one line, each character in its place (line breaks become spaces; no-break spaces stay)."""
    return re.sub(r"[\r\n\t]", " ", text)
