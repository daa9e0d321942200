"""What a French page was translated from, and what changed in English since.

``sync`` stores, in the French page's front matter, a hash of every section of
the English page (``translation: {source_hash: {section: hash}}``) and keeps a
copy of the English page under ``data/parity/en/`` so the diff of a changed
section can be shown from a clean clone. A section's hash is taken from its
parsed blocks, so it ignores cosmetic edits (re-wrapped lines, indentation,
blank lines, ``*``/``_`` emphasis, list markers) but not changed words,
numbers, links or code.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from datajam.parity.blocks import Block, Page, parse_page
from datajam.parity.inline import unify_emphasis
from datajam.parity.pair import RECORD_KEY
from datajam.parity.sections import META, section_label, section_lines

SNAPSHOTS = Path("data/parity/en")


def _prose(text: str) -> str:
    return unify_emphasis(" ".join(text.split()))


def block_fingerprint(b: Block) -> str:
    """What a block says, without its line or its cosmetics: code exactly, prose with whitespace
    collapsed and emphasis markers unified."""
    text = b.text if b.kind == "code" else _prose(b.text)
    rows = " || ".join(" | ".join(_prose(cell) for cell in cells) for _, cells in b.rows)
    return "\x1f".join((b.kind, str(b.depth), b.info, b.ident, str(b.level), text, rows))


def section_hashes(page: Page) -> dict[str, str]:
    """``{section: hash}`` of an English page, in page order; META covers the front matter."""
    hashes = {}
    meta = {k: v for k, v in page.meta.items() if k != RECORD_KEY}
    if meta:
        hashes[META] = _hash(json.dumps(meta, sort_keys=True, ensure_ascii=False, default=str))
    for key, section in page.sections.items():
        hashes[key] = _hash("\n".join(block_fingerprint(b) for b in section.blocks))
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
    page = parse_page(fr_text)
    lines = fr_text.split("\n")
    if page.body_line == 1:  # no front matter
        return "\n".join(["---", *record, "---", *lines])
    end = page.body_line - 2  # the closing "---"
    kept = lines[1:end]
    start = page.meta_lines.get(RECORD_KEY)
    if start is not None:  # the old record runs to the next top-level key
        stop = min((no for no in page.meta_lines.values() if no > start), default=end + 1)
        del kept[start - 2 : stop - 2]
    while kept and not kept[-1].strip():
        kept.pop()
    return "\n".join(["---", *kept, *record, *lines[end:]])
