"""What a French page was translated from, and what changed in English since.

``sync`` stores, in the French page's front matter, a hash of every section of
the English page (``translation: {source_hash: {section: hash}}``) and keeps a
copy of the English page under ``data/parity/en/`` so the diff of a changed
section can be shown from a clean clone. Hashes ignore cosmetic edits
(re-wrapped lines, indentation, blank lines, ``*``/``_`` emphasis, list
markers) but not changed words, numbers, links or code.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from datajam.parity.blocks import FENCE, FRONT_MATTER_END, TOP_KEY, Page
from datajam.parity.pair import RECORD_KEY
from datajam.parity.sections import META, TOP, section_lines

SNAPSHOTS = Path("data/parity/en")
PROTECT = re.compile(r"`+[^`]*`+|\]\([^)]*\)|<[^>\s]+>|https?://\S+")
CONTAINER = re.compile(r"^(?:!!!|\?\?\?|===)")
LIST_MARKER = re.compile(r"^(?:[*+-]|\d+[.)])[ \t]+")


def normalize_section(lines: list[str]) -> str:
    """Section text with cosmetic differences removed."""
    out: list[str] = []
    paragraph: list[str] = []
    list_kind = ""  # "-" or "1." while the paragraph being read is a list item
    fence = ""

    def flush() -> None:
        if paragraph:
            out.append(_emphasis(" ".join(" ".join(paragraph).split())))
            paragraph.clear()

    for line in lines:
        if fence:
            out.append(line.rstrip())
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            continue
        m = FENCE.match(line)
        stripped = line.strip()
        if m:
            flush()
            fence = m.group(2)
            out.append(stripped)
        elif not stripped:
            flush()
            list_kind = ""
        else:
            marker = LIST_MARKER.match(stripped)
            kind = ("1." if stripped[0].isdigit() else "-") if marker else ""
            # "2021. It amends…" re-wrapped to the start of a line is prose, not an ordered list item
            if marker and (kind == "-" or not paragraph or kind == list_kind or CONTAINER.match(paragraph[-1])):
                flush()
                list_kind = kind
                stripped = f"{kind} " + stripped[marker.end() :]
            paragraph.append(stripped)
    flush()
    return "\n".join(out)


def _emphasis(text: str) -> str:
    pieces, pos = [], 0
    for m in PROTECT.finditer(text):
        pieces.append(re.sub(r"(?<!\w)_+|_+(?!\w)", lambda u: "*" * len(u.group()), text[pos : m.start()]))
        pieces.append(m.group())
        pos = m.end()
    pieces.append(re.sub(r"(?<!\w)_+|_+(?!\w)", lambda u: "*" * len(u.group()), text[pos:]))
    return "".join(pieces)


def section_hashes(page: Page) -> dict[str, str]:
    """``{section: hash}`` of an English page, in page order; META covers the front matter."""
    hashes = {}
    meta = {k: v for k, v in page.meta.items() if k != RECORD_KEY}
    if meta:
        hashes[META] = _hash(json.dumps(meta, sort_keys=True, ensure_ascii=False, default=str))
    for key, lines in section_lines(page).items():
        hashes[key] = _hash(normalize_section(lines))
    return hashes


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def recorded_hashes(page: Page) -> dict[str, str] | None:
    record = page.meta.get(RECORD_KEY)
    if not isinstance(record, dict) or not isinstance(record.get("source_hash"), dict):
        return None
    return {str(k): str(v) for k, v in record["source_hash"].items()}


@dataclass(frozen=True)
class Change:
    key: str  # section key
    state: str  # changed, added, removed
    en_line: int | None


def changes(en: Page, fr: Page) -> list[Change] | None:
    """English sections changed since the French page was synced; None when it never was."""
    recorded = recorded_hashes(fr)
    if recorded is None:
        return None
    current = section_hashes(en)
    sections = en.sections
    lines = {k: s.line for k, s in sections.items()}
    found = [Change(k, "changed" if k in recorded else "added", lines.get(k, 1))
             for k, h in current.items() if recorded.get(k) != h]
    found += [Change(k, "removed", None) for k in recorded if k not in current]
    return found


def label(key: str) -> str:
    if key == TOP:
        return "top of the page"
    if key == META:
        return "front matter"
    if key.startswith("^"):
        return f"footnote [{key}]"
    return f"#{key}"


def section_diff(key: str, old: Page | None, new: Page, limit: int = 40) -> list[str]:
    """Unified diff of one English section between the synced copy and now."""
    if old is None:
        return ["(no copy of the synced English page: run sync to keep one)"]
    if key == META:
        a = yaml.safe_dump(old.meta, sort_keys=True, allow_unicode=True).splitlines()
        b = yaml.safe_dump(new.meta, sort_keys=True, allow_unicode=True).splitlines()
    else:
        a, b = section_lines(old).get(key, []), section_lines(new).get(key, [])
    diff = [d.rstrip("\n") for d in difflib.unified_diff(a, b, "synced", "now", n=1, lineterm="")][2:]
    return diff[:limit] + (["…"] if len(diff) > limit else [])


def with_record(fr_text: str, hashes: dict[str, str]) -> str:
    """The French page with its front matter recording ``hashes`` (the rest kept byte for byte)."""
    record = yaml.safe_dump({RECORD_KEY: {"source_hash": hashes}}, sort_keys=False, allow_unicode=True,
                            default_flow_style=False, width=1000).rstrip("\n").split("\n")
    lines = fr_text.split("\n")
    end = None
    if lines and lines[0].rstrip() == "---":
        end = next((i for i in range(1, len(lines)) if FRONT_MATTER_END.match(lines[i])), None)
    if end is None:
        return "\n".join(["---", *record, "---", *lines])
    kept: list[str] = []
    skipping = False
    for line in lines[1:end]:
        m = TOP_KEY.match(line)
        if m or (line.strip() and not line[0].isspace()):
            skipping = bool(m) and m.group(1) == RECORD_KEY
        if not skipping:
            kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    return "\n".join(["---", *kept, *record, *lines[end:]])
