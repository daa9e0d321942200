"""Numbers that must survive translation, read the way each language writes them.

``1,708`` (en) and ``1 708`` / ``1\u00a0708`` / ``1\u202f708`` (fr) are 1708;
``3.5`` and ``3,5`` are 3.5; ``97%`` and ``97 %`` are 97; ``$1,000`` and
``1 000 $`` are 1000; ``May 8, 2021`` and ``8 mai 2021`` are 8 and 2021;
``2:30 p.m.`` and ``14 h 30`` are 14 and 30; ``1-833-900-1010`` is one phone
number. Input is clean text (see :func:`datajam.parity.inline.scan`).
"""

from __future__ import annotations

import re

SPACES = " \u00a0\u202f\u2009"
PHONE = re.compile(r"(?<![\d])(?:\+?1[-. \u00a0\u202f])?\(?\d{3}\)?[-. \u00a0\u202f]\d{3}[-. \u00a0\u202f]\d{4}(?!\d)")
CLOCK_12 = re.compile(r"(?<!\d)(?P<c12h>\d{1,2})(?::(?P<c12m>\d{2}))?\s?(?P<c12p>[ap])\.?\s?m\b\.?", re.I)
CLOCK = re.compile(r"(?<![\d,.])(?P<ch>\d{1,2}):(?P<cm>\d{2})(?![\d:])")
HEURE = re.compile(r"(?<!\d)(?P<hh>\d{1,2})[" + SPACES + r"]?h(?:[" + SPACES + r"]?(?P<hm>\d{2}))?(?![\w])")
_S = "[" + SPACES + "]+"
ALWAYS = {  # "24/7" and its French and English paraphrases
    "en": re.compile(rf"(?<!\d)24/7(?!\d)|(?<!\d)24{_S}hours{_S}a{_S}day(?:,?{_S}7{_S}days{_S}a{_S}week)?"
                     rf"|\baround{_S}the{_S}clock\b|\bday{_S}and{_S}night\b", re.I),
    "fr": re.compile(rf"(?<!\d)24/7(?!\d)|(?<!\d)24[{SPACES}]*(?:heures|h){_S}sur{_S}24"
                     rf"(?:,?{_S}(?:et{_S})?7{_S}jours{_S}sur{_S}7)?|\bjour{_S}et{_S}nuit\b", re.I),
}
NUMBER = {
    "en": re.compile(r"(?<!\d)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"),
    "fr": re.compile(r"(?<![\d,])(?:\d{1,3}(?:[" + SPACES + r"]\d{3})+(?![\d])|\d+)(?:[.,]\d+)?"),
}


ALL = {
    lang: re.compile(r"(?=[\d+(]|around|day|jour)(?:" + "|".join(f"(?P<{name}>{pattern.pattern})" for name, pattern in (
        ("always", ALWAYS[lang]), ("phone", PHONE), ("clock12", CLOCK_12), ("clock", CLOCK),
        *((("heure", HEURE),) if lang == "fr" else ()), ("number", NUMBER[lang]))) + ")", re.I)
    for lang in ("en", "fr")
}
DIGIT = re.compile(r"\d|nuit|clock|night", re.I)  # anything ALL can match
DROP_SPACES = {ord(c): None for c in SPACES}


# Digits joined by commas (``4,25``, ``1,3,23``): a French decimal, unless copied from the English text.
_ALONE_BEFORE, _ALONE_AFTER = r"(?<![\d.,])", r"(?![\d]|[.,]\d)"  # not part of a longer number
COMMA_RUN = re.compile(_ALONE_BEFORE + r"(?<!\d[" + SPACES + r"])\d+(?:,\d+)+" + _ALONE_AFTER)


def _value(token: str, lang: str) -> str:
    """The number as a plain string; the fraction keeps its digits as written ("Python 3.10" is not 3.1)."""
    token = token.translate(DROP_SPACES).replace(",", "" if lang == "en" else ".")
    whole, _, frac = token.partition(".")
    return f"{int(whole)}.{frac}" if frac else str(int(whole))


def _clock(hour: int, minutes: str | None) -> list[str]:
    return [str(hour)] + ([str(int(minutes))] if minutes and minutes != "00" else [])


def extract_numbers(text: str, lang: str, verbatim: str = "") -> list[tuple[str, int]]:
    """``(value, offset)`` for every number in ``text``, in order of appearance.

    ``verbatim``: for French text, the English text it translates. A comma run that stands there
    character for character (``hl[4,25]`` in a copied directive) was copied, not translated, and is
    read the English way: 4 and 25, not 4.25.
    """
    if lang == "fr" and verbatim and "," in text:
        copied = [m for m in COMMA_RUN.finditer(text) if _stands_in(m.group(), verbatim)]
        if copied:
            found: list[tuple[str, int]] = []
            pos = 0
            for m in copied:
                found += [(v, pos + o) for v, o in _extract(text[pos : m.start()], "fr")]
                found += [(v, m.start() + o) for v, o in _extract(m.group(), "en")]
                pos = m.end()
            return found + [(v, pos + o) for v, o in _extract(text[pos:], "fr")]
    return _extract(text, lang)


def _stands_in(token: str, text: str) -> bool:
    return bool(re.search(_ALONE_BEFORE + re.escape(token) + _ALONE_AFTER, text))


def _extract(text: str, lang: str) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    if not DIGIT.search(text):
        return found
    for m in ALL[lang].finditer(text):
        kind, at = m.lastgroup, m.start()
        if kind == "number":
            found.append((_value(m.group(), lang), at))
        elif kind == "always":
            found.append(("24/7", at))
        elif kind == "phone":
            found.append(("tel:" + "".join(x for x in m.group("phone") if x.isdigit())[-10:], at))
        elif kind == "clock12":
            hour = int(m.group("c12h")) % 12 + (12 if m.group("c12p").lower() == "p" else 0)
            found.extend((v, at) for v in _clock(hour, m.group("c12m")))
        elif kind == "clock":
            found.extend((v, at) for v in _clock(int(m.group("ch")), m.group("cm")))
        elif kind == "heure":
            found.extend((v, at) for v in _clock(int(m.group("hh")), m.group("hm")))
    return found


_EN_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
_FR_WORDS = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze".split()
NUMBER_WORDS = {  # small numbers a translation may spell out where the source wrote digits (or the reverse)
    "en": {str(i): {w} for i, w in enumerate(_EN_WORDS)} | {"1": {"one", "first", "single"}, "2": {"two", "second", "both"},
                                                            "3": {"three", "third"}},
    "fr": {str(i): {w} for i, w in enumerate(_FR_WORDS)} | {"1": {"un", "une", "premier", "première", "seul", "seule"},
                                                            "2": {"deux", "deuxième", "second", "seconde"},
                                                            "3": {"trois", "troisième"}},
}
WORDS = re.compile(r"[a-zà-ÿ]+")


def spelled_out(value: str, text: str, lang: str) -> bool:
    """Is ``value`` (a small number) written as a word in ``text``?"""
    words = NUMBER_WORDS[lang].get(value)
    return bool(words) and not words.isdisjoint(WORDS.findall(text.lower()))


def display(value: str) -> str:
    return value.removeprefix("tel:")
