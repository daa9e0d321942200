"""Links and images: the same targets in both languages, and French links to French pages."""

from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath
from typing import NamedTuple

from datajam.parity.blocks import Page
from datajam.parity.inline import HTML_LINK, line_of
from datajam.parity.links import is_external, is_government_of_canada, language_of_url, normalize, same_site_other_language
from datajam.parity.pair import PairChecks
from datajam.parity.sections import Section
from datajam.parity.sites import french_twin


class LinkUse(NamedTuple):
    """A link or image in a section: where it points, its line, and the text around it."""

    kind: str  # "link" or "image"
    target: str
    line: int
    context: str


def section_links(page: Page, s: Section) -> list[LinkUse]:
    """Every link and image of a section, reference links resolved."""
    defs = page.link_definitions
    found = []
    for u in s.units():
        for lk in u.inline.links:
            target = defs.get(lk.target) if lk.kind == "ref" else lk.target
            if target:
                kind = "image" if lk.kind == "image" else "link"
                found.append(LinkUse(kind, target, line_of(u.text, u.line, lk.offset), u.inline.clean))
    for b in s.blocks:
        if b.kind == "html":
            for m in HTML_LINK.finditer(b.text):
                kind = "image" if m.group(1) == "src" else "link"
                found.append(LinkUse(kind, m.group(2), line_of(b.text, b.line, m.start()), b.text))
    return found


def _unmatched(items: list[LinkUse], others: list[LinkUse]) -> list[LinkUse]:
    """The uses whose normalized target has no counterpart left among ``others`` (multiset difference)."""
    left = Counter(normalize(x.target) for x in others)
    result = []
    for item in items:
        key = normalize(item.target)
        if left[key]:
            left[key] -= 1
        else:
            result.append(item)
    return result


def _resolve(here: PurePosixPath, target: str) -> str | None:
    """Resolve a relative link from the folder ``here`` (relative to the language folder), allowing ``..``."""
    parts: list[str] = [p for p in here.parts if p != "."]
    for p in PurePosixPath(target).parts:
        if p == "..":
            if parts and parts[-1] != "..":
                parts.pop()
            else:
                parts.append("..")
        elif p not in (".", "/"):
            parts.append(p)
    return "/".join(parts) if parts else None


class Links(PairChecks):
    def section(self, es: Section, fs: Section) -> None:
        en_links = section_links(self.pair.en, es)
        fr_links = section_links(self.pair.fr, fs)
        for kind, check, noun in (("link", "link-target", "link"), ("image", "image", "image")):
            e = [x for x in en_links if x.kind == kind]
            f = [x for x in fr_links if x.kind == kind]
            en_left, fr_left = _unmatched(e, f), _unmatched(f, e)
            for item in list(en_left):  # a bilingual site's page and its French page at another address
                match = next((x for x in fr_left if same_site_other_language(item.target, x.target)
                              or french_twin(item.target, x.target, self.pair.revision.sites)), None)
                if match:
                    en_left.remove(item)
                    fr_left.remove(match)
            if len(en_left) == len(fr_left):
                for eu, fu in zip(en_left, fr_left):
                    self.pair.add(check, fu.line, f"{noun} target '{fu.target}' differs from the English '{eu.target}'",
                                  f"point the {noun} to '{eu.target}' (or its French page on a bilingual site)", eu.line)
            else:
                for eu in en_left:
                    self.pair.add(check, fs.line, f"{fs.label} lacks the English {noun} to '{eu.target}'",
                                  f"add the {noun} to '{eu.target}' with translated text", eu.line)
                for fu in fr_left:
                    self.pair.add(check, fu.line, f"{noun} to '{fu.target}' has no English counterpart in {fs.label}",
                                  f"use the English {noun} targets; remove or correct this one")
        for use in fr_links:
            self.link_language(use)

    def link_language(self, use: LinkUse) -> None:
        target = use.target
        if is_external(target):
            english_only = "en anglais" in use.context  # the writers' mark for a source with no French version
            if is_government_of_canada(target) and language_of_url(target) == "en" and not english_only:
                self.pair.add("link-language", use.line, "link to the English page of a bilingual Government of Canada "
                              f"site: '{target}'", "cite the French page (/fr/, -fra or fra instead of /en/, -eng or "
                              "eng), or say « (en anglais) » when there is none")
            return
        path = target.split("#", 1)[0].split("?", 1)[0]
        if not path:
            return
        resolved = _resolve(PurePosixPath(self.pair.path).parent, path)  # relative to the French folder
        if resolved and resolved.startswith("../en/") and self.pair.fr_twin(resolved.removeprefix("../en/")):
            self.pair.add("link-language", use.line, f"link to the English page '{target}' although a French page exists",
                          f"link to '{resolved.removeprefix('../en/')}' relative to this French page")
