"""A line-based Markdown block parser that yields comparable page structure.

It mirrors what Python-Markdown and the pymdown-extensions used by the site
(admonition, details, tabbed, superfences, tables, footnotes, def_list,
attr_list, abbr, md_in_html, and the fenced ``/// name | title`` blocks of
pymdownx.blocks) treat as blocks, closely enough to compare an
English page with its French twin. It never raises on malformed input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import yaml
from markdown import Markdown
from markdown.extensions.toc import slugify, unique

from datajam.parity.inline import plain_text

if TYPE_CHECKING:
    from datajam.parity.sections import Section

TAB = 4
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([^`\s]*)")
ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
ADMONITION = re.compile(r'^(!!!|\?\?\?\+?)[ \t]+([\w-]+)((?:[ \t]+[\w-]+)*)[ \t]*(?:"(.*?)")?[ \t]*$')
TABBED = re.compile(r'^===[!+]*[ \t]+"(.*?)"[ \t]*$')
# pymdownx.blocks: "/// name | title", options indented by 4 spaces, content, and a "///" of the same length.
BLOCK_START = re.compile(r"^ {0,3}(/{3,})[ ]*([\w-]+)[ ]*(?:\|[ ]*(.*?)[ ]*)?$")
BLOCK_END = re.compile(r"^ {0,3}(/{3,})[ ]*$")
ADMONITION_BLOCKS = frozenset("note attention caution danger error tip hint warning important".split())
FOOTNOTE = re.compile(r"^\[\^([^\]]+)\]:[ \t]?(.*)$")
ABBR = re.compile(r"^\*\[([^\]]+)\]:[ \t]*(.*)$")
LINKDEF = re.compile(r"^ {0,3}\[([^\]^][^\]]*)\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?$")
DEFINITION = re.compile(r"^:[ \t]+(.*)$")
QUOTE = re.compile(r"^ {0,3}>[ ]?(.*)$")
ITEM = re.compile(r"^( {0,3})([*+-]|\d+[.)])([ \t]+(.*)|[ \t]*$)")
HTML = re.compile(r"^ {0,3}<(?:(/?)([A-Za-z][\w-]*)(?=[\s/>]|$)|!--)")
# Python-Markdown starts a raw HTML block only with these tags; a paragraph may start with <span>, <kbd>, <a>…
BLOCK_LEVEL = frozenset(Markdown().block_level_elements)
TABLE_SEP = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
ATTR_LIST = re.compile(r"[ \t]*\{:?([^}]*)\}[ \t]*$")
HEADING_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
FRONT_MATTER_END = re.compile(r"^(---|\.\.\.)[ \t]*$")
TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:")


@dataclass
class Block:
    """One block of a page. Containers (admonitions, list items...) are followed by their children at depth + 1."""

    kind: str  # heading paragraph admonition details tab list item code table footnote quote definition html hr abbr
    #            linkdef block (a pymdownx.blocks block of another name)
    line: int  # 1-based line in the file
    depth: int = 0
    text: str = ""  # inline Markdown: heading or title text, paragraph (lines joined by "\n"), code content
    info: str = ""  # admonition/details type, code language, "ordered"/"bullet", link target of a linkdef
    ident: str = ""  # heading anchor id, footnote id
    level: int = 0  # heading level; list item count
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # table rows: (line, cells), separator excluded


@dataclass
class Page:
    text: str
    blocks: list[Block]
    meta: dict[str, Any]
    meta_lines: dict[str, int]  # front-matter key -> line
    meta_error: str = ""
    body_line: int = 1  # first line after the front matter

    @cached_property
    def sections(self) -> dict[str, Section]:
        """The page cut into sections, by key, in page order (:func:`datajam.parity.sections.split_sections`)."""
        from datajam.parity.sections import split_sections  # sections are made of this module's blocks

        return split_sections(self)

    @cached_property
    def link_definitions(self) -> dict[str, str]:
        """``{reference id: target}`` of the page's link reference definitions."""
        return {b.ident: b.info for b in self.blocks if b.kind == "linkdef"}


Lines = list[tuple[int, str]]


def parse_page(text: str) -> Page:
    """Parse a Markdown page (front matter included) into blocks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    raw = text.split("\n")
    meta: dict[str, Any] = {}
    meta_lines: dict[str, int] = {}
    error = ""
    start = 0
    if raw and raw[0].rstrip() == "---":
        end = next((i for i in range(1, len(raw)) if FRONT_MATTER_END.match(raw[i])), None)
        if end is not None:
            start = end + 1
            try:
                loaded = yaml.load("\n".join(raw[1:end]), Loader=SafeLoader)
            except yaml.YAMLError as exc:
                error = str(exc).replace("\n", " ")
                loaded = None
            if isinstance(loaded, dict):
                meta = {str(k): v for k, v in loaded.items()}
            elif loaded is not None and not error:
                error = "front matter is not a mapping"
            for i in range(1, end):
                m = TOP_KEY.match(raw[i])
                if m:
                    meta_lines.setdefault(m.group(1), i + 1)
    lines = [(i + 1, expand_tabs(raw[i])) for i in range(start, len(raw))]
    blocks: list[Block] = []
    _parse(lines, 0, blocks)
    assign_heading_ids(blocks)
    return Page(text, blocks, meta, meta_lines, error, start + 1)


def expand_tabs(line: str) -> str:
    return line.expandtabs(TAB) if "\t" in line else line


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def dedent(lines: Lines, width: int) -> Lines:
    return [(n, s[min(width, indent_of(s)) :]) for n, s in lines]


def is_blank(line: str) -> bool:
    return not line.strip()


def _indented_body(lines: Lines, i: int, width: int = TAB) -> int:
    """Index past the lines from ``i`` that are blank or indented by ``width`` (trailing blanks excluded)."""
    j = i
    last = i
    while j < len(lines):
        if is_blank(lines[j][1]):
            j += 1
            continue
        if indent_of(lines[j][1]) >= width:
            j += 1
            last = j
            continue
        break
    return last


def _starts_block(line: str) -> bool:
    """Does ``line`` interrupt a paragraph?"""
    first = line.lstrip(" ")[:1]
    if first.isalnum() or first not in "#`~:-*_!?=/":
        return False  # most lines are prose: skip the patterns
    return bool(
        ATX.match(line) or FENCE.match(line) and indent_of(line) < TAB or DEFINITION.match(line)
        or HR.match(line) and not SETEXT.match(line)
        or ADMONITION.match(line) or TABBED.match(line) or BLOCK_START.match(line)
    )


def _parse(lines: Lines, depth: int, out: list[Block], in_item: bool = False) -> None:
    i = 0
    n = len(lines)
    prev_blank = True
    while i < n:
        no, line = lines[i]
        if is_blank(line):
            i += 1
            prev_blank = True
            continue
        ind = indent_of(line)
        stripped = line.strip()
        if ind < TAB and stripped[0].isalpha():  # prose (or a table row): no other block starts with a letter
            if "|" in line and i + 1 < n and TABLE_SEP.match(lines[i + 1][1]) and "-" in lines[i + 1][1]:
                i = _table(lines, i, depth, out)
            else:
                i = _paragraph(lines, i, depth, out, in_item)
            prev_blank = False
            continue
        m = FENCE.match(line)
        if m and ind < TAB and _fence_close(lines, i, m) is not None:
            i = _fence(lines, i, m, depth, out)
        elif ind >= TAB and prev_blank:
            j = _indented_body(lines, i)
            code = "\n".join(s[TAB:] for _, s in lines[i:j])
            out.append(Block("code", no, depth, code.strip("\n")))
            i = j
        elif m := ATX.match(line):
            out.append(heading(no, depth, len(m.group(1)), m.group(2) or ""))
            i += 1
        elif m := ADMONITION.match(line):
            kind = "admonition" if m.group(1) == "!!!" else "details"
            title = m.group(4) if m.group(4) is not None else m.group(2).capitalize()
            block = Block(kind, no, depth, title, m.group(2).lower())
            i = _container(lines, i + 1, depth, block, out)
        elif m := BLOCK_START.match(line):
            i = _fenced_block(lines, i, m, depth, out)
        elif m := TABBED.match(line):
            i = _container(lines, i + 1, depth, Block("tab", no, depth, m.group(1)), out)
        elif m := FOOTNOTE.match(line):
            i = _footnote(lines, i, m, depth, out)
        elif m := ABBR.match(line):
            out.append(Block("abbr", no, depth, m.group(2), ident=m.group(1)))
            i += 1
        elif m := LINKDEF.match(line):
            out.append(Block("linkdef", no, depth, "", m.group(2), ident=m.group(1).lower()))
            i += 1
        elif m := DEFINITION.match(line):
            body = [(no, m.group(1))] + dedent(lines[i + 1 : _indented_body(lines, i + 1)], TAB)
            j = i + len(body)
            out.append(Block("definition", no, depth))
            _parse(body, depth + 1, out)
            i = j
        elif QUOTE.match(line):
            j = i
            body: Lines = []
            while j < n and not is_blank(lines[j][1]):
                qm = QUOTE.match(lines[j][1])
                body.append((lines[j][0], qm.group(1) if qm else lines[j][1]))
                j += 1
            out.append(Block("quote", no, depth))
            _parse(body, depth + 1, out)
            i = j
        elif HR.match(line):
            out.append(Block("hr", no, depth))
            i += 1
        elif ITEM.match(line) and (prev_blank or in_item):
            i = _list(lines, i, depth, out)
        elif (m := HTML.match(line)) and (m.group(2) is None or m.group(2).lower() in BLOCK_LEVEL):
            j = _html_end(lines, i, m)
            out.append(Block("html", no, depth, "\n".join(s for _, s in lines[i:j])))
            i = j
        elif "|" in line and i + 1 < n and TABLE_SEP.match(lines[i + 1][1]) and "-" in lines[i + 1][1]:
            i = _table(lines, i, depth, out)
        else:
            i = _paragraph(lines, i, depth, out, in_item)
        prev_blank = False


def heading(no: int, depth: int, level: int, text: str) -> Block:
    text = re.sub(r"[ \t]+#+[ \t]*$|^#+[ \t]*$", "", text)
    ident = ""
    m = ATTR_LIST.search(text)
    if m:
        idm = HEADING_ID.search(m.group(1))
        ident = idm.group(1) if idm else ""
        text = text[: m.start()]
    return Block("heading", no, depth, text.strip(), ident=ident, level=level)


def _fence_close(lines: Lines, i: int, m: re.Match[str]) -> int | None:
    """Index of the line closing the fence opened on line ``i``; None when it is never closed (then it is text)."""
    fence = m.group(2)
    close = re.compile(r"^\s*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$")
    return next((j for j in range(i + 1, len(lines)) if close.match(lines[j][1])), None)


def _html_end(lines: Lines, i: int, m: re.Match[str]) -> int:
    """Index past a raw HTML block: one line when the line is complete (a closed comment, a closing tag,
    an element closed on the same line, an md_in_html opening tag), else up to a blank line."""
    line = lines[i][1]
    closing, tag = m.group(1), m.group(2)
    if (tag is None and "-->" in line) or closing or (tag and f"</{tag}" in line) or (tag and "markdown" in line):
        return i + 1
    j = i
    while j < len(lines) and not is_blank(lines[j][1]):
        j += 1
        if tag is None and "-->" in lines[j - 1][1]:
            break
    return j


def _fence(lines: Lines, i: int, m: re.Match[str], depth: int, out: list[Block]) -> int:
    no, _ = lines[i]
    ind, lang = len(m.group(1)), m.group(3)
    j = _fence_close(lines, i, m)
    assert j is not None
    body = "\n".join(s[min(ind, indent_of(s)) :] for _, s in lines[i + 1 : j])
    out.append(Block("code", no, depth, body, lang.lstrip(".{").rstrip("}")))
    return j + 1


def _fenced_block(lines: Lines, i: int, m: re.Match[str], depth: int, out: list[Block]) -> int:
    """A pymdownx.blocks block: admonition types, details and tab become the blocks their indented twins
    make; other names (html, caption, define…) are transparent. Unclosed, it runs to the end."""
    fence, name, title = m.group(1), m.group(2).lower(), m.group(3)
    j = i + 1
    options: list[str] = []
    while j < len(lines) and indent_of(lines[j][1]) >= TAB and not is_blank(lines[j][1]):
        options.append(lines[j][1])
        j += 1
    end, nested = j, 0
    while end < len(lines):
        text = lines[end][1]
        if (fm := FENCE.match(text)) and indent_of(text) < TAB and (close := _fence_close(lines, end, fm)) is not None:
            end = close + 1  # a "///" inside a code block closes nothing
            continue
        if (bm := BLOCK_START.match(text)) and bm.group(1) == fence:
            nested += 1
        elif (em := BLOCK_END.match(text)) and em.group(1) == fence:
            if not nested:
                break
            nested -= 1
        end += 1
    kind = _block_type(options)
    if name in ADMONITION_BLOCKS or name == "admonition":
        info = name if name != "admonition" else kind or "note"
        out.append(Block("admonition", lines[i][0], depth, title if title is not None else info.capitalize(), info))
    elif name == "details":
        out.append(Block("details", lines[i][0], depth, title or "", kind))
    elif name == "tab":
        out.append(Block("tab", lines[i][0], depth, title or ""))
    else:
        out.append(Block("block", lines[i][0], depth, "", name))
    _parse(lines[j:end], depth + 1, out)
    return end + 1


def _block_type(options: list[str]) -> str:
    """The ``type:`` option of a block (an admonition or details type), or ""."""
    try:
        loaded = yaml.load("\n".join(options), Loader=SafeLoader) if options else None
    except yaml.YAMLError:
        return ""
    kind = loaded.get("type") if isinstance(loaded, dict) else None
    return kind.lower() if isinstance(kind, str) else ""


def _container(lines: Lines, i: int, depth: int, block: Block, out: list[Block]) -> int:
    j = _indented_body(lines, i)
    out.append(block)
    _parse(dedent(lines[i:j], TAB), depth + 1, out)
    return j


def _footnote(lines: Lines, i: int, m: re.Match[str], depth: int, out: list[Block]) -> int:
    no, _ = lines[i]
    j = i + 1
    while j < len(lines) and not is_blank(lines[j][1]) and not _starts_block(lines[j][1]) \
            and not FOOTNOTE.match(lines[j][1]):
        j += 1  # lazy continuation of the first paragraph
    j = max(j, _indented_body(lines, j))
    body = [(no, m.group(2))] + dedent(lines[i + 1 : j], TAB)
    out.append(Block("footnote", no, depth, ident=m.group(1)))
    _parse(body, depth + 1, out)
    return j


def _list(lines: Lines, i: int, depth: int, out: list[Block]) -> int:
    first = ITEM.match(lines[i][1])
    assert first
    ordered = first.group(2)[0].isdigit()
    head = Block("list", lines[i][0], depth, info="ordered" if ordered else "bullet")
    out.append(head)
    n = len(lines)
    while True:
        m = ITEM.match(lines[i][1])
        assert m
        no = lines[i][0]
        body: Lines = [(no, m.group(4) or "")]
        j = i + 1
        while j < n and not is_blank(lines[j][1]) and not ITEM.match(lines[j][1]) \
                and indent_of(lines[j][1]) < TAB and not _starts_block(lines[j][1]):
            body.append(lines[j])  # lazy continuation
            j += 1
        k = max(j, _indented_body(lines, j))
        body += dedent(lines[j:k], TAB)
        head.level += 1
        out.append(Block("item", no, depth + 1))
        _parse(body, depth + 2, out, in_item=True)
        i = k
        j = i
        while j < n and is_blank(lines[j][1]):
            j += 1
        nxt = ITEM.match(lines[j][1]) if j < n else None
        if not nxt or nxt.group(2)[0].isdigit() != ordered:
            return i
        i = j


def _table(lines: Lines, i: int, depth: int, out: list[Block]) -> int:
    block = Block("table", lines[i][0], depth)
    block.rows.append((lines[i][0], split_row(lines[i][1])))
    j = i + 2
    while j < len(lines) and not is_blank(lines[j][1]) and "|" in lines[j][1]:
        block.rows.append((lines[j][0], split_row(lines[j][1])))
        j += 1
    out.append(block)
    return j


def split_row(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    cells = re.split(r"(?<!\\)\|(?=(?:[^`]*`[^`]*`)*[^`]*$)", s)
    return [c.strip() for c in cells]


def _paragraph(lines: Lines, i: int, depth: int, out: list[Block], in_item: bool = False) -> int:
    no, first = lines[i]
    if i + 1 < len(lines) and SETEXT.match(lines[i + 1][1]) and not TABLE_SEP.match(first):
        level = 1 if lines[i + 1][1].strip()[0] == "=" else 2
        out.append(heading(no, depth, level, first.strip()))
        return i + 2
    j = i + 1
    while j < len(lines) and not is_blank(lines[j][1]) and not _starts_block(lines[j][1]) \
            and not (in_item and ITEM.match(lines[j][1])):
        j += 1
    out.append(Block("paragraph", no, depth, "\n".join(s.strip() for _, s in lines[i:j])))
    return j


def assign_heading_ids(blocks: list[Block]) -> None:
    """Give headings the ids Python-Markdown's toc would: explicit ``{#id}`` or a unique slug."""
    headings = [b for b in blocks if b.kind == "heading"]
    used = {b.ident for b in headings if b.ident}
    for b in headings:
        if not b.ident:
            b.ident = unique(slugify(plain_text(b.text), "-"), used)
