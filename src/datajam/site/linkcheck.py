"""Follow every link and download of the published output and report the ones that do not resolve.

The published output is what ``make dist`` leaves in ``site/``: the pages of both languages,
the PDFs, the offline zip, the calendars (``.ics``), the agenda export and feeds (JSON, XML).
Links are resolved as the reader's browser would, without a network:

* a page's relative links against the page's public address (``site_url`` + its path), then
  to a file of the output as GitHub Pages serves it (``dir/`` -> ``dir/index.html``; ``dir``
  redirects to ``dir/``), with its ``#fragment`` looked up among the target page's ids;
* absolute links to the public address (PDF links, calendar URLs, hreflang, sitemap) the same way;
* inside the offline zip, relative links as ``file://`` does: to a file, never to a folder;
* links that name a loopback address (``127.0.0.1``, ``localhost``) are dead wherever they are;
* links to other hosts are left alone (no network here), as are ``mailto:`` and ``tel:``.

``python -m datajam.site.linkcheck SITE_DIR`` prints the dead links (exit 1) or a count (exit 0).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import icalendar

LOOPBACK_HOST = r"(?:127(?:\.\d{1,3}){3}|localhost|\[::1\]|::1|0\.0\.0\.0)"
LOOPBACK = re.compile(f"^{LOOPBACK_HOST}$", re.I)
_SKIP_SCHEMES = ("mailto", "tel", "sms", "javascript", "data", "blob", "about")
_URL_IN_TEXT = re.compile(r"(?:https?|webcal)://[^\s\"'<>)\]]+")
_PDF_URI = re.compile(rb"/URI\s*\(((?:[^()\\]|\\.)*)\)")
_XML_LINK = re.compile(r"""\bhref=["']([^"']+)["']|<loc>\s*([^<\s]+)\s*</loc>""")
_LINK_ATTRS = {"href", "src", "poster", "action"}


@dataclass(frozen=True)
class DeadLink:
    source: str  # where the link is: a file of the output, ``zip!member`` inside the offline copy
    target: str  # the link as written
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.target}: {self.reason}"


@dataclass
class Report:
    dead: list[DeadLink] = field(default_factory=list)
    checked: int = 0  # links followed (external ones not counted)
    files: int = 0  # files read (pages, PDFs, calendars, feeds, zip members)
    kinds: Counter[str] = field(default_factory=Counter)  # files read, by suffix (".zip": the archive)


class _Page(HTMLParser):
    """The links (``href``, ``src``, ``srcset``) and the ids of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            elif name in _LINK_ATTRS:
                self.links.append(value)
            elif name == "srcset":
                self.links.extend(part.split()[0] for part in value.split(",") if part.strip())


class _Tree:
    """One folder of output: the published site (``public=True``) or the unzipped offline copy."""

    def __init__(self, root: Path, public: bool) -> None:
        self.root = root
        self.public = public
        self._ids: dict[Path, set[str]] = {}

    def ids(self, path: Path) -> set[str]:
        if path not in self._ids:
            parser = _Page()
            parser.feed(path.read_text(encoding="utf-8", errors="replace"))
            self._ids[path] = parser.ids
        return self._ids[path]

    def resolve(self, rel_path: str, fragment: str) -> str | None:
        """Why ``rel_path`` (relative to the tree's root, unquoted) does not resolve; None when it does."""
        parts = PurePosixPath(rel_path)
        if ".." in parts.parts:
            return "goes above the site's root"
        target = self.root / rel_path
        if rel_path == "" or rel_path.endswith("/"):
            if not self.public:
                return "a folder: from disk (file://) a link must name the file (index.html)"
            target = target / "index.html"
        elif target.is_dir():
            if not self.public:
                return "a folder: from disk (file://) a link must name the file (index.html)"
            target = target / "index.html"
        if not target.is_file():
            return "no such file in the output"
        if fragment and target.suffix == ".html" and fragment not in self.ids(target):
            return f"no element with id {fragment!r} in {target.relative_to(self.root).as_posix()}"
        return None


class Checker:
    def __init__(self, site_dir: Path, site_url: str) -> None:
        if not site_url.endswith("/"):
            site_url += "/"
        self.site = _Tree(site_dir, public=True)
        self.site_url = site_url
        self.report = Report()

    def public_path(self, url: str) -> str | None:
        """The path inside the site of an absolute URL of the public address (None: another site)."""
        parts, base = urlsplit(url), urlsplit(self.site_url)
        scheme = {"webcal": base.scheme}.get(parts.scheme, parts.scheme)
        if (scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(base.path):
            return None
        return unquote(parts.path[len(base.path) :])

    def follow(self, source: str, link: str, base_url: str, tree: _Tree | None = None) -> None:
        """Follow ``link`` found in ``source``; ``base_url`` is the address it is relative to."""
        link = link.strip()
        if not link or link == "#":
            return
        scheme = urlsplit(link).scheme.lower()
        if scheme in _SKIP_SCHEMES:
            return
        absolute = urljoin(base_url, link)
        parts = urlsplit(absolute)
        host = parts.hostname or ""
        if parts.scheme == "file" and tree is not None:  # inside the offline copy, from disk
            root, path = tree.root.as_posix() + "/", unquote(parts.path)
            reason = tree.resolve(path[len(root) :], parts.fragment) if path.startswith(root) else "goes outside the offline copy"
        elif LOOPBACK.match(host):
            reason = "names a loopback address, not the public site"
        elif (site_path := self.public_path(absolute)) is not None:
            reason = self.site.resolve(site_path, parts.fragment)
        elif (parts.scheme, parts.netloc) == (urlsplit(self.site_url).scheme, urlsplit(self.site_url).netloc):
            reason = f"outside the site's address {self.site_url}"
        else:
            return  # another host: not followed (no network)
        self.report.checked += 1
        if reason:
            self.report.dead.append(DeadLink(source, link, reason))

    # ---- one function per kind of file -------------------------------------------------

    def check_file(self, path: Path, tree: _Tree, label: str) -> None:
        rel = path.relative_to(tree.root).as_posix()
        base = (tree.root / rel).as_uri() if not tree.public else urljoin(self.site_url, rel)
        suffix = path.suffix.lower()
        links: Iterator[str]
        if suffix == ".html":
            parser = _Page()
            parser.feed(path.read_text(encoding="utf-8", errors="replace"))
            tree._ids[path] = parser.ids
            links = iter(parser.links)
        elif suffix == ".pdf":
            links = iter(pdf_uris(path.read_bytes()))
        elif suffix == ".ics":
            links = calendar_links(path.read_bytes())
        elif suffix in (".xml", ".atom", ".rss"):
            links = (a or b for a, b in _XML_LINK.findall(path.read_text(encoding="utf-8")))
        elif suffix == ".json" and "search" not in path.parts:
            links = json_links(json.loads(path.read_text(encoding="utf-8")))
        elif suffix == ".zip" and tree.public:
            self.report.kinds[suffix] += 1
            self.check_zip(path, label)
            return
        else:
            return
        self.report.files += 1
        self.report.kinds[suffix] += 1
        for link in links:
            self.follow(label + rel, link, base, tree)

    def check_zip(self, path: Path, label: str) -> None:
        with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(path) as archive:
            archive.extractall(tmp)
            root = Path(tmp)
            tops = [p for p in root.iterdir() if p.is_dir()]
            tree = _Tree(tops[0] if len(tops) == 1 else root, public=False)
            prefix = f"{label}{path.relative_to(self.site.root).as_posix()}!{tree.root.relative_to(root).as_posix()}/"
            for member in sorted(tree.root.rglob("*")):
                if member.is_file():
                    self.check_file(member, tree, prefix)

    def check_all(self) -> Report:
        for path in sorted(self.site.root.rglob("*")):
            if path.is_file():
                self.check_file(path, self.site, "")
        return self.report


def pdf_uris(data: bytes) -> list[str]:
    """The targets of a PDF's links (``/URI (…)``; Chromium writes them uncompressed)."""
    return [m.decode("latin-1").replace("\\(", "(").replace("\\)", ")") for m in _PDF_URI.findall(data)]


def calendar_links(data: bytes) -> Iterator[str]:
    """The ``URL`` of every calendar component and the addresses written in its text."""
    for component in icalendar.Calendar.from_ical(data).walk():
        for name in ("URL", "SOURCE"):
            if name in component:
                yield str(component[name])
        for name in ("DESCRIPTION", "LOCATION"):
            if name in component:
                yield from _URL_IN_TEXT.findall(str(component[name]))


def json_links(value: object) -> Iterator[str]:
    """Every absolute address among a JSON document's strings."""
    if isinstance(value, dict):
        for item in value.values():
            yield from json_links(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_links(item)
    elif isinstance(value, str) and _URL_IN_TEXT.fullmatch(value):
        yield value


def check_output(site_dir: Path, site_url: str) -> Report:
    """Follow every link of the output in ``site_dir``, published at ``site_url``."""
    return Checker(site_dir, site_url).check_all()


def main(argv: list[str] | None = None) -> int:
    from datajam.site.publish import configured_site_url

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--site-url", help="public address (default: site_url of mkdocs.yml, or SITE_URL)")
    args = parser.parse_args(argv)
    report = check_output(args.site_dir, args.site_url or configured_site_url())
    for dead in report.dead:
        print(dead)
    print(f"links: {report.checked} followed in {report.files} files, {len(report.dead)} dead")
    return 1 if report.dead else 0


if __name__ == "__main__":
    sys.exit(main())
