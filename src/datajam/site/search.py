"""Search as readers type it: no accents needed, apostrophes as typed, one typo forgiven.

The site keeps Material's search (Lunr, run in a Web Worker, or in an iframe from ``file://``;
one index per language, fetched only when search is used). Two small additions:

* ``plugins.search.separator`` in ``mkdocs.yml`` also cuts punctuation and French elided
  articles (``l’``, ``d'``, ``qu’`` …) at index and query time, so ``l'exploitation`` is
  searched as ``exploitation``;
* :data:`WORKER_EXTENSION` (``search_worker.js``) is appended to Material's search worker at
  build time (:func:`extend_search_worker`): accent folding at index and query time, the
  accented form ranked first, one typo forgiven on words of five letters or more.

:func:`run_queries` runs the built worker in Node exactly as the browser does, for the search
benchmark (``scripts/bench_search.py``) and the tests.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from datajam import LANGUAGES, languages

WORKER_EXTENSION = Path(__file__).with_name("search_worker.js")
NODE_RUNNER = Path(__file__).with_name("search_node.js")
WORKERS = Path("assets/javascripts/workers")
_MARK = "/* DataJam: src/datajam/site/search_worker.js */"
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_SOURCE_MAP = "\n//# sourceMappingURL="


class SearchWorkerError(RuntimeError):
    """Material's search worker is not where or what this extension expects."""


def search_worker(site_dir: Path) -> Path:
    """Material's search worker in the built site (one file, ``search.<hash>.min.js``)."""
    workers = sorted((site_dir / WORKERS).glob("search.*.min.js"))
    if len(workers) != 1:
        raise SearchWorkerError(
            f"{site_dir / WORKERS}: expected one Material search worker, found {len(workers)}. "
            "Fix: after upgrading mkdocs-material, check where it writes its search worker."
        )
    return workers[0]


def extend_search_worker(site_dir: Path) -> Path:
    """Append :data:`WORKER_EXTENSION` to the built site's search worker (once); return its path."""
    worker = search_worker(site_dir)
    code = worker.read_text(encoding="utf-8")
    if _MARK in code:
        return worker  # already extended (`mkdocs serve` rebuilds in place)
    if "self.lunr=" not in code:
        raise SearchWorkerError(
            f"{worker}: Material's worker no longer exposes Lunr as self.lunr; "
            "Fix: check src/datajam/site/search_worker.js against the new Material version."
        )
    body, _, source_map = code.partition(_SOURCE_MAP)
    extension = _without_comments(WORKER_EXTENSION.read_text(encoding="utf-8"))
    worker.write_text(
        f"{body.rstrip()}\n{_MARK}\n{extension}" + (_SOURCE_MAP + source_map if source_map else "\n"), encoding="utf-8"
    )
    return worker


def _without_comments(code: str) -> str:
    """The extension as the reader's browser gets it: no comments, no indentation (it is fetched
    with the worker on every first visit). Its comments are whole ``/* … */`` blocks."""
    lines = (line.strip() for line in _COMMENT.sub("", code).splitlines())
    return "\n".join(line for line in lines if line)


def index_path(site_dir: Path, lang: str) -> Path:
    """A language's search index: ``search/search_index.json`` under the language's root."""
    return site_dir / languages.prefix(lang) / "search" / "search_index.json"


def run_queries(site_dir: Path, index: Path, queries: list[str]) -> list[list[str]]:
    """For each query, the pages the built site's search lists, best first (page locations
    relative to the language's root, ``""`` for its home)."""
    payload = json.dumps({"index": json.loads(index.read_text(encoding="utf-8")), "queries": queries})
    result = subprocess.run(
        ["node", str(NODE_RUNNER), str(search_worker(site_dir)), str(site_dir / "assets" / "javascripts" / "lunr")],
        input=payload,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SearchWorkerError(f"node {NODE_RUNNER.name} failed:\n{result.stderr}")
    return json.loads(result.stdout)


BENCH = Path("data/search/bench.yml")


@dataclass(frozen=True)
class Case:
    """A benchmark query and the page a reader looks for (first, or in the first three)."""

    query: str
    page: str
    first: bool


@dataclass(frozen=True)
class Outcome:
    case: Case
    pages: list[str]  # the pages listed, best first

    @property
    def in_top3(self) -> bool:
        return self.case.page in self.pages[:3]

    @property
    def ok(self) -> bool:
        return self.pages[:1] == [self.case.page] if self.case.first else self.in_top3


def load_cases(path: Path = BENCH) -> dict[str, list[Case]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        lang: [Case(str(c["query"]), str(c.get("first") or c["top3"]), "first" in c) for c in data[lang]] for lang in LANGUAGES
    }


def run_cases(site_dir: Path, lang: str, cases: list[Case]) -> list[Outcome]:
    pages = run_queries(site_dir, index_path(site_dir, lang), [c.query for c in cases])
    return [Outcome(case, found) for case, found in zip(cases, pages, strict=True)]
