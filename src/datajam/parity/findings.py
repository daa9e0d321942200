"""A finding (one problem, where it is, what to do) and the two report formats."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Finding:
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
