"""Structure: front matter, headings and their ids, footnotes, and the blocks of each section."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable

from datajam.parity.blocks import Block, Page
from datajam.parity.codeblocks import without_comments
from datajam.parity.pair import RECORD_KEY, PROSE_KEYS, PairChecks, align, excerpt
from datajam.parity.sections import Section


def heading_label(b: Block) -> str:
    return f"{'#' * b.level} {excerpt(b.text, 40)}" + (f" {{#{b.ident}}}" if b.level >= 2 else "")


STRUCTURES: dict[str, tuple[str, Callable[[Block], Hashable], Callable[[Block], str]]] = {
    "admonition": ("admonition", lambda b: (b.info, b.depth), lambda b: f'admonition "!!! {b.info}"'),
    "details": ("details", lambda b: (b.info, b.depth), lambda b: f'details block "??? {b.info}"'),
    "tabs": ("tab", lambda b: b.depth, lambda b: "content tab"),
    "table": ("table", lambda b: (len(b.rows), max((len(c) for _, c in b.rows), default=0)),
              lambda b: f"table of {len(b.rows)} rows × {max((len(c) for _, c in b.rows), default=0)} columns"),
    "list": ("list", lambda b: (b.info, b.depth, b.level), lambda b: f"{b.info} list of {b.level} item(s)"),
    "code": ("code", lambda b: (b.info, without_comments(b.info, b.text)),  # translated comments are fine
             lambda b: "code block" + (f" ({b.info})" if b.info else "")),
}


class Structure(PairChecks):
    def page(self) -> None:
        self.front_matter()
        self.headings()
        self.footnotes()

    def section(self, es: Section, fs: Section) -> None:
        self.blocks(es, fs)
        self.footnote_refs(es, fs)

    # -- front matter ---------------------------------------------------------------
    def front_matter(self) -> None:
        pair = self.pair
        for page, side in ((pair.en, "en"), (pair.fr, "fr")):
            if page.meta_error:
                pair.add_on(side, "front-matter", 1, f"invalid front matter: {page.meta_error}",
                            "fix the YAML between the --- lines")
        en_meta = pair.en.meta
        fr_meta = {k: v for k, v in pair.fr.meta.items() if k != RECORD_KEY}
        for key in sorted(en_meta.keys() - fr_meta.keys()):
            pair.add("front-matter", 1, f"front-matter key '{key}' is missing", f"add '{key}:' to the French front matter",
                     pair.en.meta_lines.get(key))
        for key in sorted(fr_meta.keys() - en_meta.keys()):
            pair.add("front-matter", pair.fr.meta_lines.get(key, 1), f"front-matter key '{key}' is not in English",
                     "remove it or add it to the English page too")
        for key in sorted(en_meta.keys() & fr_meta.keys()):
            e, f = en_meta[key], fr_meta[key]
            if isinstance(e, str) and isinstance(f, str) and (key in PROSE_KEYS or " " in e.strip()):
                continue  # translated prose: tested as prose by the other concerns
            if e != f:
                pair.add("front-matter", pair.fr.meta_lines.get(key, 1),
                         f"front-matter '{key}' is {f!r} in French but {e!r} in English",
                         f"use the English value of '{key}' (only prose is translated)", pair.en.meta_lines.get(key))

    # -- headings -------------------------------------------------------------------
    def headings(self) -> None:
        pair = self.pair
        self.repeated_ids(pair.en, "en")
        self.repeated_ids(pair.fr, "fr")
        last_fr = pair.fr.body_line
        for e, f in pair.headings:
            if e and f:
                last_fr = f.line
                if e.level != f.level:
                    pair.add("heading", f.line, f"heading '{heading_label(f)}' is level {f.level}, English "
                             f"'{heading_label(e)}' is level {e.level}", f"use {'#' * e.level}", e.line)
                elif e.ident != f.ident and e.level >= 2:
                    pair.add("anchor", f.line, f"heading id '{f.ident}' differs from the English '{e.ident}'",
                             f"end the French heading with {{#{e.ident}}}", e.line)
            elif e:
                pair.add("heading", last_fr, f"missing heading '{heading_label(e)}'",
                         "translate the English heading and add it here with the same id", e.line)
            elif f:
                pair.add("heading", f.line, f"heading '{heading_label(f)}' has no English counterpart",
                         "remove it, or add the heading to the English page as well")

    def repeated_ids(self, page: Page, side: str) -> None:
        """Two headings with one id: the built page can link to the first only (and the language switch too)."""
        first: dict[str, int] = {}
        for b in page.blocks:
            if b.kind != "heading":
                continue
            if b.ident in first:
                self.pair.add_on(side, "anchor", b.line, f"heading id '{b.ident}' is already used on line {first[b.ident]}",
                                 "give each heading its own {#id} (the same in both languages)")
            first.setdefault(b.ident, b.line)

    # -- footnotes ------------------------------------------------------------------
    def footnotes(self) -> None:
        pair = self.pair
        en_sections, fr_sections = pair.en.sections, pair.fr.sections
        for k in en_sections:
            if k.startswith("^") and k not in fr_sections:
                pair.add("footnote", pair.fr.text.count("\n") + 1, f"missing footnote definition [{k}]",
                         f"add '[{k}]: ...' with the translated citation", en_sections[k].line)
        for k in fr_sections:
            if k.startswith("^") and k not in en_sections:
                pair.add("footnote", fr_sections[k].line, f"footnote [{k}] is not in English",
                         "use the English footnote ids; remove or rename this one")

    def footnote_refs(self, es: Section, fs: Section) -> None:
        def refs(s: Section) -> Counter[str]:
            return Counter(r for u in s.units() for r in u.inline.footnote_refs)

        e, f = refs(es), refs(fs)
        for k in sorted(e.keys() - f.keys()):
            self.pair.add("footnote", fs.line, f"{fs.label} does not cite [^{k}]", f"add [^{k}] where the English cites it",
                          next((u.line for u in es.units() if k in u.inline.footnote_refs), es.line))
        for k in sorted(f.keys() - e.keys()):
            self.pair.add("footnote", next((u.line for u in fs.units() if k in u.inline.footnote_refs), fs.line),
                          f"{fs.label} cites [^{k}], the English does not", "cite the same footnotes as the English section")

    # -- block structure --------------------------------------------------------------
    def blocks(self, es: Section, fs: Section) -> None:
        for check, (kind, key, describe) in STRUCTURES.items():
            eb = [b for b in es.blocks if b.kind == kind]
            fb = [b for b in fs.blocks if b.kind == kind]
            if [key(b) for b in eb] == [key(b) for b in fb]:
                continue
            for e, f in align(eb, fb, key):
                if e and f and key(e) != key(f):
                    if check == "code":
                        self.pair.add(check, f.line, "code block differs from the English one (comments aside)",
                                      "copy the English code block unchanged", e.line)
                    else:
                        self.pair.add(check, f.line, f"{describe(f)} where English has a {describe(e)}",
                                      f"make it a {describe(e)}", e.line)
                elif e and not f:
                    self.pair.add(check, fs.line, f"{fs.label} lacks the English {describe(e)}",
                                  f"add the {describe(e)}, translated", e.line)
                elif f and not e:
                    self.pair.add(check, f.line, f"{describe(f)} has no English counterpart in {fs.label}",
                                  "remove it, or add it to the English page as well")
