"""A page cut into sections (one per ``##``–``######`` heading, one per footnote) and its prose units."""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from functools import cached_property

from datajam.parity.blocks import Block, Page
from datajam.parity.inline import Inline, scan

TOP = "_top"  # the part of a page before its first section heading (title included)
META = "_meta"  # the front matter
LINKS = "_links"  # link reference definitions and abbreviations


def section_label(key: str, article: bool = True) -> str:
    """How a finding names a section: "the top of the page", "the front matter", "footnote [^id]",
    "section #id"; without ``article`` (after "English"): "top of the page", "front matter", "#id"."""
    if key.startswith("^"):
        return f"footnote [{key}]"
    if key in (TOP, META):
        name = "top of the page" if key == TOP else "front matter"
        return f"the {name}" if article else name
    return f"section #{key}" if article else f"#{key}"


TASK_MARKER = re.compile(r"^\[[ xX]\] ")


@dataclass
class Unit:
    """A piece of prose: a heading, paragraph, table cell or title."""

    kind: str  # heading paragraph cell title
    line: int
    text: str

    @cached_property
    def inline(self) -> Inline:
        return scan(self.text)


@dataclass
class Section:
    key: str  # TOP, a heading id, or "^" + footnote id
    line: int
    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    _units: list[Unit] | None = field(default=None, repr=False, compare=False)

    @property
    def label(self) -> str:
        return section_label(self.key)

    def units(self) -> list[Unit]:
        if self._units is None:
            self._units = self._find_units()
        return self._units

    def _find_units(self) -> list[Unit]:
        found: list[Unit] = []
        for b in self.blocks:
            if b.kind == "heading":
                found.append(Unit(b.kind, b.line, b.text))
            elif b.kind == "paragraph" and TASK_MARKER.match(b.text):
                # a knowledge check's option ("- [x] text", then its explanation): the marker is not prose,
                # and the option and its explanation are two pieces of text, not one sentence
                option, _, explanation = TASK_MARKER.sub("", b.text, count=1).partition("\n")
                found.append(Unit(b.kind, b.line, option))
                if explanation:
                    found.append(Unit(b.kind, b.line + 1, explanation))
            elif b.kind == "paragraph":
                found.append(Unit(b.kind, b.line, b.text))
            elif b.kind in ("admonition", "details", "tab") and b.text:
                found.append(Unit("title", b.line, b.text))
            elif b.kind == "table":
                found.extend(Unit("cell", line, cell) for line, cells in b.rows for cell in cells if cell)
        return found


def split_sections(page: Page) -> dict[str, Section]:
    """Sections by key, in page order; footnote definitions (with their content) form their own sections.
    Read them as ``page.sections`` (computed once per page)."""
    sections: dict[str, Section] = {TOP: Section(TOP, page.body_line)}
    current = sections[TOP]
    footnote: Section | None = None
    footnote_depth = 0
    for b in page.blocks:
        if footnote is not None and b.depth > footnote_depth:
            footnote.blocks.append(b)
            continue
        footnote = None
        if b.kind == "footnote":
            footnote, footnote_depth = Section("^" + b.ident, b.line), b.depth
            sections.setdefault(footnote.key, footnote)
        elif b.kind == "heading" and b.level >= 2 and b.depth == 0:
            current = Section(_unused_key(b.ident, sections), b.line, b.text)
            sections[current.key] = current
            current.blocks.append(b)
        elif b.kind in ("linkdef", "abbr"):
            sections.setdefault(LINKS, Section(LINKS, b.line)).blocks.append(b)
        else:
            current.blocks.append(b)
    return sections


def _unused_key(ident: str, sections: dict[str, Section]) -> str:
    """``ident``, or for a repeated heading id ``"ident (2)"``, ``"ident (3)"``…: every section is compared."""
    key, n = ident, 1
    while key in sections:
        n += 1
        key = f"{ident} ({n})"
    return key


def section_lines(page: Page) -> dict[str, list[str]]:
    """The source lines of each section (a line belongs to the block that starts at or before it)."""
    owner: dict[int, str] = {}
    for key, section in page.sections.items():
        for b in section.blocks:
            owner[b.line] = key
    lines = page.text.replace("\r\n", "\n").split("\n")
    result: dict[str, list[str]] = {}
    key = TOP
    for no in range(page.body_line, len(lines) + 1):
        key = owner.get(no, key)
        result.setdefault(key, []).append(lines[no - 1])
    return result
