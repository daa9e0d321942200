"""Run the parity checks over an English and a French folder; sync and status."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from datajam import LANGUAGES
from datajam.parity.blocks import Page, parse_page
from datajam.parity.compare import compare_pages
from datajam.parity.findings import Finding
from datajam.parity.language import WORD
from datajam.parity.project import bilingual_findings, data_files, french_strings, nav_findings, ui_findings
from datajam.parity.proofing import project_term_findings, tool_findings
from datajam.parity.qa import Revision
from datajam.parity.sections import section_label
from datajam.parity.staleness import SNAPSHOTS, changes, section_diff, section_hashes, with_record
from datajam.quiz.parity import quiz_findings


class ParityInputError(Exception):
    """A usage or input error (missing folder, unreadable file, unknown page): exit code 2."""


@dataclass
class Tree:
    source: Path
    target: Path
    snapshots: Path = SNAPSHOTS
    _cache: dict[tuple[str, str], Page] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for folder in (self.source, self.target):
            if not folder.is_dir():
                raise ParityInputError(f"{folder}: no such folder")

    def pages(self) -> list[str]:
        found = {p.relative_to(root).as_posix() for root in (self.source, self.target) for p in root.rglob("*.md")}
        return sorted(found)

    def has(self, side: str, rel: str) -> bool:
        return (self.folder(side) / rel).is_file()

    def folder(self, side: str) -> Path:
        return self.source if side == LANGUAGES[0] else self.target

    def page(self, side: str, rel: str) -> Page:
        if (side, rel) not in self._cache:
            path = self.folder(side) / rel
            try:
                self._cache[side, rel] = parse_page(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as exc:
                raise ParityInputError(f"{path}: cannot read: {exc}") from exc
        return self._cache[side, rel]

    def forget(self, rel: str) -> None:
        for side in LANGUAGES:
            self._cache.pop((side, rel), None)

    def snapshot(self, rel: str) -> Page | None:
        path = self.snapshots / rel
        return parse_page(path.read_text(encoding="utf-8")) if path.is_file() else None

    def resolve(self, names: list[str]) -> list[str]:
        """Page arguments as paths relative to the language folders."""
        result = []
        for name in names:
            rel = name.replace("\\", "/")
            for prefix in (self.source.as_posix(), self.target.as_posix(), self.source.name, self.target.name):
                if rel.startswith(prefix.rstrip("/") + "/"):
                    rel = rel[len(prefix.rstrip("/")) + 1 :]
                    break
            if not (self.has("en", rel) or self.has("fr", rel)):
                raise ParityInputError(f"{name}: no such page in {self.source} or {self.target}")
            result.append(rel)
        return result


PARALLEL_FROM = 100  # page pairs from which the check is spread over the CPUs


def check(tree: Tree, pages: list[str] | None = None, project: Path | None = None,
          jobs: int | None = None, revision: Revision | None = None) -> tuple[list[Finding], int]:
    """All findings (sorted) and the number of page pairs compared; ``revision`` adds the reviser's checks
    (terms, footnote calls, quotes... and, with its tools, grammar and spelling)."""
    rels = tree.resolve(pages) if pages else tree.pages()
    workers = min(jobs or os.cpu_count() or 1, 8)
    if workers > 1 and len(rels) >= PARALLEL_FROM:
        chunks = [(tree.source, tree.target, tree.snapshots, rels[i::workers], revision) for i in range(workers)]
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_check_chunk, chunks))
    else:
        results = [check_pages(tree, rels, revision)]
    findings = [f for found, _ in results for f in found]
    pairs = sum(n for _, n in results)
    if revision and revision.active and revision.tools:
        both = [rel for rel in rels if tree.has("en", rel) and tree.has("fr", rel)]
        findings += tool_findings(((rel, tree.page("en", rel), tree.page("fr", rel)) for rel in both), revision)
    if project is not None:
        findings += project_findings(project)
        if revision:
            findings += [_relative(f, project) for f in project_term_findings(french_strings(project), revision)]
    return sorted(findings, key=Finding.sort_key), pairs


def _check_chunk(args: tuple[Path, Path, Path, list[str], Revision | None]) -> tuple[list[Finding], int]:
    source, target, snapshots, rels, revision = args
    return check_pages(Tree(source, target, snapshots), rels, revision)


def check_pages(tree: Tree, rels: list[str], revision: Revision | None = None) -> tuple[list[Finding], int]:
    findings: list[Finding] = []
    pairs = 0
    for rel in rels:
        if not tree.has("fr", rel):
            findings.append(Finding(path=rel, line=1, check="page-missing", problem="no French page for this English page",
                                    fix=f"translate it into {tree.target / rel}", side="fr", source_line=1))
            continue
        if not tree.has("en", rel):
            findings.append(Finding(path=rel, line=1, check="page-extra", problem="French page without an English page",
                                    fix=f"add {tree.source / rel} or remove the French page"))
            continue
        pairs += 1
        en, fr = tree.page("en", rel), tree.page("fr", rel)
        findings += compare_pages(rel, en, fr, lambda other: tree.has("fr", other), revision)
        findings += quiz_findings(rel, en, fr)
        findings += staleness_findings(tree, rel, en, fr)
        tree.forget(rel)  # keep memory (and the garbage collector's work) flat on large trees
    return findings, pairs


def staleness_findings(tree: Tree, rel: str, en: Page, fr: Page) -> list[Finding]:
    found = changes(en, fr)
    sync_hint = f"python scripts/parity.py sync {rel}"
    if found is None:
        return [Finding(path=rel, line=1, check="not-synced", problem="the page records no English version it translates",
                        fix=f"check that it translates the current English page, then run {sync_hint}",
                        severity="warning")]
    fr_sections = fr.sections
    old = tree.snapshot(rel)
    return [
        Finding(path=rel, line=fr_sections[c.key].line if c.key in fr_sections else 1, check="outdated",
                problem=f"English {section_label(c.key, article=False)} {c.state} since the French page was last synced",
                fix=f"update the French {section_label(c.key, article=False)} to match, then run {sync_hint}", side="fr", source_line=c.en_line,
                details=tuple(section_diff(c.key, old, en)) if c.state != "removed" or old else ())
        for c in found
    ]


def project_findings(root: Path) -> list[Finding]:
    findings = []
    if (root / "mkdocs.yml").is_file():
        findings += nav_findings(root / "mkdocs.yml")
    if (root / "data" / "ui").is_dir():
        findings += ui_findings(root / "data" / "ui", root / "overrides")
    findings += bilingual_findings(data_files(root / "data"))
    return [_relative(f, root) for f in findings]


def _relative(f: Finding, root: Path) -> Finding:
    try:
        return replace(f, path=Path(f.path).relative_to(root).as_posix())
    except ValueError:
        return f


def sync(tree: Tree, pages: list[str]) -> list[str]:
    """Record each French page as translating the current English page; returns what was done."""
    done = []
    for rel in tree.resolve(pages):
        if not (tree.has("en", rel) and tree.has("fr", rel)):
            raise ParityInputError(f"{rel}: sync needs both {tree.source / rel} and {tree.target / rel}")
        fr_path = tree.target / rel
        try:
            en_text = (tree.source / rel).read_text(encoding="utf-8")
            fr_text = fr_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ParityInputError(f"{rel}: cannot read: {exc}") from exc
        fr_path.write_text(with_record(fr_text, section_hashes(parse_page(en_text))), encoding="utf-8")
        snapshot = tree.snapshots / rel
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(en_text, encoding="utf-8")
        tree._cache.pop(("fr", rel), None)
        done.append(f"synced {rel}")
    return done


def words(page: Page) -> int:
    return sum(len(WORD.findall(u.inline.clean)) for s in page.sections.values() for u in s.units())


def status(tree: Tree) -> list[str]:
    """One line per page (plus the diff of outdated sections) and the totals."""
    lines = []
    totals = {"en": 0, "fr": 0}
    states: dict[str, int] = {}
    for rel in tree.pages():
        counts = {side: words(tree.page(side, rel)) if tree.has(side, rel) else 0 for side in LANGUAGES}
        for side in counts:
            totals[side] += counts[side]
        detail: list[str] = []
        if not tree.has("fr", rel):
            state = "missing"
        elif not tree.has("en", rel):
            state = "extra"
        else:
            found = changes(tree.page("en", rel), tree.page("fr", rel))
            if found is None:
                state = "not synced"
            elif not found:
                state = "up to date"
            else:
                state = "outdated"
                old = tree.snapshot(rel)
                for c in found:
                    detail.append(f"    English {section_label(c.key, article=False)} {c.state}")
                    if c.state != "removed":
                        detail += [f"      {d}" for d in section_diff(c.key, old, tree.page("en", rel))]
        states[state] = states.get(state, 0) + 1
        lines.append(f"{state:<11} {rel}  (en {counts['en']} words, fr {counts['fr']} words)")
        lines += detail
    summary = ", ".join(f"{n} {s}" for s, n in sorted(states.items()))
    lines.append(f"total: {len(tree.pages())} pages ({summary}); en {totals['en']} words, fr {totals['fr']} words")
    return lines
