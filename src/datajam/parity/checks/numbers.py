"""Numbers: every English number, year, amount and phone number is in the French section (French formats understood)."""

from __future__ import annotations

from datajam.parity.inline import line_of
from datajam.parity.numbers import display, extract_numbers, spelled_out
from datajam.parity.pair import PairChecks
from datajam.parity.sections import Section


def _num(value: str) -> tuple[int, float, str]:
    try:
        return (0, float(value), value)
    except ValueError:
        return (1, 0.0, value)


def _found(s: Section, lang: str, verbatim: str = "") -> list[tuple[str, int]]:
    """``(value, line)`` of every number of a section's prose."""
    return [(v, line_of(u.text, u.line, u.inline.offsets[o] if o < len(u.inline.offsets) else 0))
            for u in s.units() for v, o in extract_numbers(u.inline.clean, lang, verbatim)]


def _differ(e: list[tuple[str, int]], f: list[tuple[str, int]]) -> tuple[set[str], set[str]]:
    """English values missing in French, French values not in English (sets: a translation may repeat one)."""
    ev, fv = {v for v, _ in e}, {v for v, _ in f}
    return ev - fv, fv - ev


class Numbers(PairChecks):
    def section(self, es: Section, fs: Section) -> None:
        e, f = _found(es, "en"), _found(fs, "fr")
        missing, extra = _differ(e, f)
        if missing or extra:
            fr_text = " ".join(u.inline.clean for u in fs.units())
            en_text = " ".join(u.inline.clean for u in es.units())
            if "," in fr_text:  # digits copied from the English text are read as in English
                f = _found(fs, "fr", en_text)
                missing, extra = _differ(e, f)
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
        self.pair.add("number", line, f"{fs.label} " + " and ".join(parts),
                      "keep every English number, year, amount and phone number "
                      "(French formats: 1\u00a0708, 3,5, 97\u00a0%, 1\u00a0000\u00a0$, 8 mai 2021)", en_line)
