"""Compare an English page with its French twin, block by block, section by section."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher
from pathlib import PurePosixPath
from typing import Any, TypeVar

from datajam.parity.blocks import Block, Page
from datajam.parity.codeblocks import without_comments
from datajam.parity.findings import Finding
from datajam.parity.inline import HTML_LINK, line_of
from datajam.parity.language import looks_english, score
from datajam.parity.links import is_external, is_government_of_canada, language_of_url, normalize, same_site_other_language
from datajam.parity.numbers import display, extract_numbers, spelled_out
from datajam.parity.revision import Revision
from datajam.parity.sites import french_twin
from datajam.parity.sections import LINKS, META, PROSE_KEYS, RECORD_KEY, TOP, Section, Unit, meta_units, split_sections
from datajam.parity.typography import typography_issues

T = TypeVar("T")


def align(en: Sequence[T], fr: Sequence[T], key: Callable[[T], Hashable]) -> list[tuple[T | None, T | None]]:
    """Pair two sequences: equal keys, and same-length runs of differing ones, face each other."""
    if len(en) == len(fr) and len(en) < 2:
        return list(zip(en, fr))
    ops = SequenceMatcher(None, [key(x) for x in en], [key(x) for x in fr], autojunk=False).get_opcodes()
    pairs: list[tuple[T | None, T | None]] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            pairs += zip(en[i1:i2], fr[j1:j2])
        else:
            pairs += [(e, None) for e in en[i1:i2]] + [(None, f) for f in fr[j1:j2]]
    return pairs


def excerpt(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def heading_label(b: Block) -> str:
    return f"{'#' * b.level} {excerpt(b.text, 40)}" + (f" {{#{b.ident}}}" if b.level >= 2 else "")


STRUCTURES: dict[str, tuple[str, Callable[[Block], Hashable], Callable[[Block], str]]] = {
    "admonition": ("admonition", lambda b: (b.info, b.depth), lambda b: f'admonition "!!! {b.info}"'),
    "details": ("details", lambda b: (b.info, b.depth), lambda b: f'details block "??? {b.info}"'),
    "tabs": ("tab", lambda b: b.depth, lambda b: "content tab"),
    "table": ("table", lambda b: (len(b.rows), max((len(c) for _, c in b.rows), default=0)),
              lambda b: f"table of {len(b.rows)} rows × {max((len(c) for _, c in b.rows), default=0)} columns"),
    "list": ("list", lambda b: (b.info, b.depth, b.level), lambda b: f"{b.info} list of {b.level} item(s)"),
    "code": ("code", lambda b: (b.info, without_comments(b.info, b.text)),
             lambda b: "code block" + (f" ({b.info})" if b.info else "")),
}


def _unmatched(items: list[Any], others: list[Any]) -> list[Any]:
    """The items whose normalized target has no counterpart left among ``others`` (multiset difference)."""
    left = Counter(normalize(x[1]) for x in others)
    result = []
    for item in items:
        key = normalize(item[1])
        if left[key]:
            left[key] -= 1
        else:
            result.append(item)
    return result


class PageComparison:
    """The findings for one page pair; ``fr_twin`` tells whether a French page exists (for link-language)."""

    def __init__(self, path: str, en: Page, fr: Page, fr_twin: Callable[[str], bool] | None = None,
                 revision: Revision | None = None) -> None:
        self.path, self.en, self.fr = path, en, fr
        self.revision = revision or Revision()
        self.fr_twin = fr_twin or (lambda _p: False)
        self.findings: list[Finding] = []
        self.en_sections = split_sections(en)
        self.fr_sections = split_sections(fr)

    def add(self, check: str, line: int, problem: str, fix: str, en_line: int | None = None,
            severity: str = "error", details: tuple[str, ...] = ()) -> None:
        self.findings.append(Finding(self.path, line, check, problem, fix, "fr", en_line, severity, details))

    def run(self) -> list[Finding]:
        self.front_matter()
        pairs = self.headings()
        for key in (TOP, LINKS):
            if key in self.en_sections or key in self.fr_sections:
                pairs.append((self.en_sections.get(key, Section(key, 1)), self.fr_sections.get(key, Section(key, 1))))
        pairs += self.footnotes()
        pairs.append((Section(META, 1, _units=self.meta_units(self.en)), Section(META, 1, _units=self.meta_units(self.fr))))
        for es, fs in pairs:
            self.structure(es, fs)
            self.links(es, fs)
            self.numbers(es, fs)
            self.footnote_refs(es, fs)
        self.untranslated()
        self.typography()
        return self.findings

    # -- front matter ---------------------------------------------------------------
    def front_matter(self) -> None:
        for page, side in ((self.en, "en"), (self.fr, "fr")):
            if page.meta_error:
                self.findings.append(Finding(self.path, 1, "front-matter", f"invalid front matter: {page.meta_error}",
                                             "fix the YAML between the --- lines", side))
        en_meta = self.en.meta
        fr_meta = {k: v for k, v in self.fr.meta.items() if k != RECORD_KEY}
        for key in sorted(en_meta.keys() - fr_meta.keys()):
            self.add("front-matter", 1, f"front-matter key '{key}' is missing", f"add '{key}:' to the French front matter",
                     self.en.meta_lines.get(key))
        for key in sorted(fr_meta.keys() - en_meta.keys()):
            self.add("front-matter", self.fr.meta_lines.get(key, 1), f"front-matter key '{key}' is not in English",
                     "remove it or add it to the English page too")
        for key in sorted(en_meta.keys() & fr_meta.keys()):
            e, f = en_meta[key], fr_meta[key]
            if isinstance(e, str) and isinstance(f, str) and (key in PROSE_KEYS or " " in e.strip()):
                continue  # translated prose: tested as prose below
            if e != f:
                self.add("front-matter", self.fr.meta_lines.get(key, 1),
                         f"front-matter '{key}' is {f!r} in French but {e!r} in English",
                         f"use the English value of '{key}' (only prose is translated)", self.en.meta_lines.get(key))

    def meta_units(self, page: Page) -> list[Unit]:
        return meta_units(page)

    # -- headings -------------------------------------------------------------------
    def headings(self) -> list[tuple[Section, Section]]:
        eh = [b for b in self.en.blocks if b.kind == "heading"]
        fh = [b for b in self.fr.blocks if b.kind == "heading"]
        pairs: list[tuple[Section, Section]] = []
        en_at, fr_at = heading_sections(self.en_sections), heading_sections(self.fr_sections)
        self.repeated_ids(eh, "en")
        self.repeated_ids(fh, "fr")
        last_fr = self.fr.body_line
        for e, f in align(eh, fh, lambda b: (b.level, b.ident if b.level >= 2 else "")):
            if e and f:
                last_fr = f.line
                if e.level != f.level:
                    self.add("heading", f.line, f"heading '{heading_label(f)}' is level {f.level}, English "
                             f"'{heading_label(e)}' is level {e.level}", f"use {'#' * e.level}", e.line)
                elif e.ident != f.ident and e.level >= 2:
                    self.add("anchor", f.line, f"heading id '{f.ident}' differs from the English '{e.ident}'",
                             f"end the French heading with {{#{e.ident}}}", e.line)
                if e.line in en_at and f.line in fr_at:
                    pairs.append((en_at[e.line], fr_at[f.line]))
            elif e:
                self.add("heading", last_fr, f"missing heading '{heading_label(e)}'",
                         "translate the English heading and add it here with the same id", e.line)
            elif f:
                self.add("heading", f.line, f"heading '{heading_label(f)}' has no English counterpart",
                         "remove it, or add the heading to the English page as well")
        return pairs

    def repeated_ids(self, headings: list[Block], side: str) -> None:
        """Two headings with one id: the built page can link to the first only (and the language switch too)."""
        first: dict[str, int] = {}
        for b in headings:
            if b.ident in first:
                self.findings.append(Finding(
                    self.path, b.line, "anchor", f"heading id '{b.ident}' is already used on line {first[b.ident]}",
                    "give each heading its own {#id} (the same in both languages)", side))
            first.setdefault(b.ident, b.line)

    # -- footnotes ------------------------------------------------------------------
    def footnotes(self) -> list[tuple[Section, Section]]:
        en_keys = [k for k in self.en_sections if k.startswith("^")]
        fr_keys = [k for k in self.fr_sections if k.startswith("^")]
        for k in en_keys:
            if k not in self.fr_sections:
                self.add("footnote", self.fr_last_line(), f"missing footnote definition [{k}]",
                         f"add '[{k}]: ...' with the translated citation", self.en_sections[k].line)
        for k in fr_keys:
            if k not in self.en_sections:
                self.add("footnote", self.fr_sections[k].line, f"footnote [{k}] is not in English",
                         "use the English footnote ids; remove or rename this one")
        return [(self.en_sections[k], self.fr_sections[k]) for k in en_keys if k in self.fr_sections]

    def fr_last_line(self) -> int:
        return self.fr.text.count("\n") + 1

    def footnote_refs(self, es: Section, fs: Section) -> None:
        def refs(s: Section) -> Counter[str]:
            return Counter(r for u in s.units() for r in u.inline.footnote_refs)

        e, f = refs(es), refs(fs)
        for k in sorted(e.keys() - f.keys()):
            self.add("footnote", fs.line, f"{fs.label} does not cite [^{k}]", f"add [^{k}] where the English cites it",
                     next((u.line for u in es.units() if k in u.inline.footnote_refs), es.line))
        for k in sorted(f.keys() - e.keys()):
            self.add("footnote", next((u.line for u in fs.units() if k in u.inline.footnote_refs), fs.line),
                     f"{fs.label} cites [^{k}], the English does not", "cite the same footnotes as the English section")

    # -- block structure --------------------------------------------------------------
    def structure(self, es: Section, fs: Section) -> None:
        for check, (kind, key, describe) in STRUCTURES.items():
            eb = [b for b in es.blocks if b.kind == kind]
            fb = [b for b in fs.blocks if b.kind == kind]
            if [key(b) for b in eb] == [key(b) for b in fb]:
                continue
            for e, f in align(eb, fb, key):
                if e and f and key(e) != key(f):
                    if check == "code":
                        self.add(check, f.line, "code block differs from the English one",
                                 "copy the English code block unchanged", e.line)
                    else:
                        self.add(check, f.line, f"{describe(f)} where English has a {describe(e)}",
                                 f"make it a {describe(e)}", e.line)
                elif e and not f:
                    self.add(check, fs.line, f"{fs.label} lacks the English {describe(e)}",
                             f"add the {describe(e)}, translated", e.line)
                elif f and not e:
                    self.add(check, f.line, f"{describe(f)} has no English counterpart in {fs.label}",
                             "remove it, or add it to the English page as well")

    # -- links -----------------------------------------------------------------------
    def section_links(self, page: Page, s: Section) -> list[tuple[str, str, int, str]]:
        """``(kind, target, line, text around it)`` of every link and image of a section."""
        defs = link_definitions(page)
        found = []
        for u in s.units():
            for lk in u.inline.links:
                target = defs.get(lk.target) if lk.kind == "ref" else lk.target
                if target:
                    kind = "image" if lk.kind == "image" else "link"
                    found.append((kind, target, line_of(u.text, u.line, lk.offset), u.inline.clean))
        for b in s.blocks:
            if b.kind == "html":
                for m in HTML_LINK.finditer(b.text):
                    kind = "image" if m.group(1) == "src" else "link"
                    found.append((kind, m.group(2), line_of(b.text, b.line, m.start()), b.text))
        return found

    def links(self, es: Section, fs: Section) -> None:
        en_links = self.section_links(self.en, es)
        fr_links = self.section_links(self.fr, fs)
        for kind, check, noun in (("link", "link-target", "link"), ("image", "image", "image")):
            e = [x for x in en_links if x[0] == kind]
            f = [x for x in fr_links if x[0] == kind]
            en_left, fr_left = _unmatched(e, f), _unmatched(f, e)
            for item in list(en_left):  # a bilingual site's page and its French page at another address
                match = next((x for x in fr_left if same_site_other_language(item[1], x[1])
                              or french_twin(item[1], x[1], self.revision.sites)), None)
                if match:
                    en_left.remove(item)
                    fr_left.remove(match)
            if len(en_left) == len(fr_left):
                for (_, et, el, _), (_, ft, fl, _) in zip(en_left, fr_left):
                    self.add(check, fl, f"{noun} target '{ft}' differs from the English '{et}'",
                             f"point the {noun} to '{et}' (or its French page on a bilingual site)", el)
            else:
                for _, et, el, _ in en_left:
                    self.add(check, fs.line, f"{fs.label} lacks the English {noun} to '{et}'",
                             f"add the {noun} to '{et}' with translated text", el)
                for _, ft, fl, _ in fr_left:
                    self.add(check, fl, f"{noun} to '{ft}' has no English counterpart in {fs.label}",
                             f"use the English {noun} targets; remove or correct this one")
        for _, target, line, context in fr_links:
            self.link_language(target, line, context)

    def link_language(self, target: str, line: int, context: str) -> None:
        if is_external(target):
            english_only = "en anglais" in context  # the writers' mark for a source with no French version
            if is_government_of_canada(target) and language_of_url(target) == "en" and not english_only:
                self.add("link-language", line, f"link to the English page of a bilingual Government of Canada site: "
                         f"'{target}'", "cite the French page (/fr/, -fra or fra instead of /en/, -eng or eng), "
                         "or say « (en anglais) » when there is none")
            return
        path = target.split("#", 1)[0].split("?", 1)[0]
        if not path:
            return
        resolved = _resolve(PurePosixPath(self.path).parent, path)  # relative to the French folder
        if resolved and resolved.startswith("../en/") and self.fr_twin(resolved.removeprefix("../en/")):
            self.add("link-language", line, f"link to the English page '{target}' although a French page exists",
                     f"link to '{resolved.removeprefix('../en/')}' relative to this French page")

    # -- numbers ----------------------------------------------------------------------
    def numbers(self, es: Section, fs: Section) -> None:
        def found(s: Section, lang: str, verbatim: str = "") -> list[tuple[str, int]]:
            return [(v, line_of(u.text, u.line, u.inline.offsets[o] if o < len(u.inline.offsets) else 0))
                    for u in s.units() for v, o in extract_numbers(u.inline.clean, lang, verbatim)]

        def differ(e: list[tuple[str, int]], f: list[tuple[str, int]]) -> tuple[set[str], set[str]]:
            """English values missing in French, French values not in English (sets: a translation may repeat one)."""
            ev, fv = {v for v, _ in e}, {v for v, _ in f}
            return ev - fv, fv - ev

        e, f = found(es, "en"), found(fs, "fr")
        missing, extra = differ(e, f)
        if missing or extra:
            fr_text = " ".join(u.inline.clean for u in fs.units())
            en_text = " ".join(u.inline.clean for u in es.units())
            if "," in fr_text:  # digits copied from the English text are read as in English
                f = found(fs, "fr", en_text)
                missing, extra = differ(e, f)
            # "3 forms" may become "trois formes", and "two" may become "2"
            missing = {v for v in missing if not spelled_out(v, fr_text, "fr")}
            extra = {v for v in extra if not spelled_out(v, en_text, "en")}
        if not missing and not extra:
            return
        parts = []
        if missing:
            parts.append("lacks " + ", ".join(display(v) for v in sorted(missing, key=_num)))
        if extra:
            parts.append("has " + ", ".join(display(v) for v in sorted(extra, key=_num)) + " not in English")
        line = next((ln for v, ln in f if v in extra), fs.line)
        en_line = next((ln for v, ln in e if v in missing), es.line)
        self.add("number", line, f"{fs.label} " + " and ".join(parts),
                 "keep every English number, year, amount and phone number "
                 "(French formats: 1\u00a0708, 3,5, 97\u00a0%, 1\u00a0000\u00a0$, 8 mai 2021)", en_line)

    # -- prose -------------------------------------------------------------------------
    def untranslated(self) -> None:
        en_texts = {" ".join(u.text.split()) for s in self.en_sections.values() for u in s.units()}
        en_texts |= {" ".join(u.text.split()) for u in self.meta_units(self.en)}
        units = [u for k, s in self.fr_sections.items() if not k.startswith("^") for u in s.units()]
        for u in self.meta_units(self.fr) + units:
            if not any(c.isspace() for c in u.inline.clean.strip()):
                continue  # a bare identifier or name (X-Forwarded-For) is neither English nor French
            if " ".join(u.text.split()) in en_texts:
                sc = score(u.inline.clean)
                flagged = sc.is_english or sc.english >= 1 and sc.french == 0 and sc.words >= 3
            else:
                flagged = looks_english(u.inline.clean)
            if flagged:
                self.add("untranslated", u.line, f"{u.kind} is still in English: '{excerpt(u.inline.clean)}'",
                         "translate it into French", severity="error")

    def typography(self) -> None:
        units = [u for s in self.fr_sections.values() for u in s.units()] + self.meta_units(self.fr)
        for u in units:
            for offset, problem, fix in typography_issues(u.inline.clean, u.kind == "cell", self.revision.typography):
                original = u.inline.offsets[offset] if offset < len(u.inline.offsets) else 0
                line = line_of(u.text, u.line, original) if u.kind != "front matter" else u.line
                snippet = u.inline.clean[max(0, offset - 15) : offset + 15].replace("\n", " ")
                self.add("typography", line, f"{problem}: '…{snippet}…'", fix, severity="error")


def heading_sections(sections: dict[str, Section]) -> dict[int, Section]:
    """The sections that a ``##``–``######`` heading starts, by the heading's line (not the top of the page,
    which may start with the ``#`` title)."""
    return {s.line: s for s in sections.values()
            if s.blocks and s.blocks[0].kind == "heading" and s.blocks[0].level >= 2 and s.blocks[0].line == s.line}


def link_definitions(page: Page) -> dict[str, str]:
    """``{reference id: target}`` of the page's link reference definitions, computed once per page."""
    if "linkdefs" not in page.cache:
        page.cache["linkdefs"] = {b.ident: b.info for b in page.blocks if b.kind == "linkdef"}
    defs: dict[str, str] = page.cache["linkdefs"]
    return defs


def _num(value: str) -> tuple[int, float, str]:
    try:
        return (0, float(value), value)
    except ValueError:
        return (1, 0.0, value)


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


def compare_pages(path: str, en: Page, fr: Page, fr_twin: Callable[[str], bool] | None = None,
                  revision: Revision | None = None) -> list[Finding]:
    """Every finding about a French page against its English source (staleness aside)."""
    return PageComparison(path, en, fr, fr_twin, revision).run()

