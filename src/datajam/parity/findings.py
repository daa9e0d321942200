"""A finding (one problem, where it is, what to do) and the two report formats."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field


CHECKS: dict[str, str] = {
    "page-missing": "an English page has no French twin",
    "page-extra": "a French page has no English twin",
    "heading": "headings differ in count, order or level",
    "anchor": "a heading's id (explicit {#id} or slug) differs, or one page uses an id twice",
    "link-target": "links point to different pages, anchors or URLs",
    "image": "images show different files",
    "link-language": "a French page links to an English page that has a French version",
    "admonition": "admonitions (!!! type, or /// type) differ in type or count",
    "details": "details blocks (??? type, or /// details) differ",
    "tabs": "content tabs (=== \"…\") differ",
    "table": "tables differ in rows or columns",
    "list": "lists differ in kind or number of items",
    "code": "a code block's content differs",
    "footnote": "footnote definitions or citations differ",
    "front-matter": "front-matter keys or non-prose values differ, or the YAML is invalid",
    "number": "numbers, years, amounts or phone numbers differ (French formats understood)",
    "untranslated": "French text still in English",
    "typography": "Canadian French typography (non-breaking spaces, no space before ; ! ?, decimal comma)",
    "outdated": "the English section changed since the French page was synced",
    "not-synced": "the French page records no English version",
    "nav-title": "a nav title has no French translation",
    "ui-string": "an interface string is missing in a language",
    "bilingual-field": "a data field has 'en' without 'fr' or the reverse",
    "html-language": "built HTML: a title, aria-label, alt or interface text in the other language (parity.py html)",
    "quiz": "knowledge-check questions differ in number, options, type or correct answers",
    "term-avoided": "a French form the term base says to avoid (data/terms.yml, or --terms FILE)",
    "term-missing": "an English section uses a term and its French section none of the accepted equivalents",
    "footnote-placement": "a footnote call on the wrong side of the punctuation (French before it, English after)",
    "quotes": "English quotation marks in French text (use « » with non-breaking spaces)",
    "grammar": "French grammar or typography error found by Grammalecte (Canadian options, see parity/grammar.py)",
    "spelling": "a word Hunspell does not know (en_CA, fr_CA), not in data/qa/words.txt nor the English twin",
    "omission": "a French section much shorter than its English twin (warning)",
    "language-of-parts": "a passage in the other language without a lang attribute (WCAG 3.1.2)",
}


@dataclass(frozen=True, kw_only=True)
class Finding:
    """Built by keyword; copy one with :func:`dataclasses.replace`."""

    path: str  # the page, relative to the language folders (or a project file such as mkdocs.yml)
    line: int  # in the page it concerns (side)
    check: str  # stable id, e.g. "link-target"
    problem: str
    fix: str
    side: str = "fr"  # "fr" or "en": which language folder ``path`` and ``line`` refer to; "" for project files
    source_line: int | None = None  # the matching line in the English page, when known
    severity: str = "error"
    details: tuple[str, ...] = field(default=())  # e.g. the diff of an English section

    @property
    def message(self) -> str:
        where = f" (en line {self.source_line})" if self.source_line and self.side == "fr" else ""
        return f"{self.problem}{where}; fix: {self.fix}"

    @property
    def location(self) -> str:
        return f"{self.side}/{self.path}" if self.side else self.path

    def sort_key(self) -> tuple[str, str, int, str, str]:
        return (self.path, self.side, self.line, self.check, self.problem)


def summary(findings: list[Finding], pages: int) -> dict[str, object]:
    return {
        "pages": pages,
        "findings": len(findings),
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
        "by_check": dict(sorted(Counter(f.check for f in findings).items())),
    }


def as_text(findings: list[Finding], pages: int) -> str:
    lines = []
    for f in findings:
        lines.append(f"{f.location}:{f.line}: {f.check}: {f.message}")
        lines.extend(f"    {d}" for d in f.details)
    s = summary(findings, pages)
    verdict = "in parity" if not findings else f"{s['findings']} finding(s)"
    lines.append(f"parity: {pages} page pair(s) checked, {verdict}")
    return "\n".join(lines)


def as_json(findings: list[Finding], pages: int) -> str:
    items = []
    for f in findings:
        item = asdict(f)
        item["details"] = list(f.details)
        item["message"] = f.message
        items.append(item)
    return json.dumps({"findings": items, "summary": summary(findings, pages)}, ensure_ascii=False, indent=2)
