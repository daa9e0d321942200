"""Command line: ``python scripts/parity.py check|sync|status|html`` (exit 0 in parity, 1 findings, 2 usage/input error)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from datajam.parity.findings import CHECKS, as_json, as_text
from datajam.parity.html_language import check_site
from datajam.parity.staleness import SNAPSHOTS
from datajam.parity.qa import TYPOGRAPHIES, RevisionInputError, load_revision
from datajam.parity.tree import ParityInputError, Tree, check, status, sync

DEFAULT_SOURCE, DEFAULT_TARGET = Path("docs/en"), Path("docs/fr")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        print(f"parity: {message}", file=sys.stderr)
        raise SystemExit(2)


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="parity.py", description="Translation parity of the English and French pages. Exit status: "
                "0 in parity, 1 findings, 2 usage or input error.", epilog="checks: " + "; ".join(
                    f"{name}: {text}" for name, text in CHECKS.items()))
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, helptext in (("check", "compare every page pair (or the PAGEs given)"),
                           ("sync", "record that the French PAGEs translate the current English pages"),
                           ("status", "one line per page: up to date, outdated, missing, extra")):
        c = sub.add_parser(name, help=helptext)
        c.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="English folder (default docs/en)")
        c.add_argument("--target", type=Path, default=DEFAULT_TARGET, help="French folder (default docs/fr)")
        c.add_argument("--snapshots", type=Path, default=None,
                       help="copies of the synced English pages (default data/parity/en for docs/en, "
                            "otherwise .parity-snapshots beside the English folder)")
        if name == "check":
            c.add_argument("--format", choices=("text", "json"), default="text")
            c.add_argument("--project", type=Path, default=None,
                           help="also check the nav, interface strings and data of this project folder "
                                "(default: . when checking the default folders as a whole)")
            c.add_argument("--terms", type=Path, default=None,
                           help="term base (default data/terms.yml, when it exists)")
            c.add_argument("--typography", choices=TYPOGRAPHIES, default="fr-CA",
                           help="French typography rules: Canadian (default) or France's")
            c.add_argument("--no-tools", action="store_true",
                           help="skip grammar (Grammalecte) and spelling (Hunspell): structure and page checks only")
        if name != "status":
            c.add_argument("pages", nargs="*" if name == "check" else "+", metavar="PAGE")
    html = sub.add_parser("html", help="the built site's titles, labels and interface text are in each page's language")
    html.add_argument("site_dir", type=Path, nargs="?", default=Path("site"), help="built site (default site, make build)")
    return p


def default_snapshots(source: Path) -> Path:
    """The project keeps its copies in data/parity/en; another tree keeps its own, never the project's."""
    return SNAPSHOTS if source == DEFAULT_SOURCE else source.parent / ".parity-snapshots"


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "html":
        if not args.site_dir.is_dir():
            print(f"parity: {args.site_dir}: no built site; run make build first", file=sys.stderr)
            return 2
        found, pages = check_site(args.site_dir)
        print(as_text(found, pages).replace("page pair(s)", "built page(s)"))
        return 1 if found else 0
    try:
        tree = Tree(args.source, args.target, args.snapshots or default_snapshots(args.source))
        if args.command == "sync":
            print("\n".join(sync(tree, args.pages)))
            return 0
        if args.command == "status":
            print("\n".join(status(tree)))
            return 0
        project = args.project
        defaults = (args.source, args.target) == (DEFAULT_SOURCE, DEFAULT_TARGET)
        if project is None and defaults and not args.pages and Path("mkdocs.yml").is_file():
            project = Path(".")
        revision = load_revision(Path("."), args.terms, args.typography, tools=not args.no_tools)
        findings, pairs = check(tree, args.pages or None, project, revision=revision)
    except (ParityInputError, RevisionInputError) as exc:
        print(f"parity: {exc}", file=sys.stderr)
        return 2
    print(as_json(findings, pairs) if args.format == "json" else as_text(findings, pairs))
    return 1 if findings else 0
