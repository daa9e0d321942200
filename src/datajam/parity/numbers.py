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
PHONE = re.compile(r"(?<![\d])(?:\+?1[-. \u00a0\u202f])?\(?(\d{3})\)?[-. \u00a0\u202f](\d{3})[-. \u00a0\u202f](\d{4})(?!\d)")
CLOCK_12 = re.compile(r"(?<!\d)(\d{1,2})(?::(\d{2}))?\s?([ap])\.?\s?m\b\.?", re.I)
CLOCK = re.compile(r"(?<![\d,.])(\d{1,2}):(\d{2})(?![\d:])")
HEURE = re.compile(r"(?<!\d)(\d{1,2})[" + SPACES + r"]?h(?:[" + SPACES + r"]?(\d{2}))?(?![\w])")
ALWAYS = {  # "24/7" and its French and English paraphrases
    "en": re.compile(r"(?<!\d)24/7(?!\d)|(?<!\d)24 hours a day(?:,? 7 days a week)?", re.I),
    "fr": re.compile(r"(?<!\d)24/7(?!\d)|(?<!\d)24[" + SPACES + r"]?(?:heures|h) sur 24(?:,? 7 jours sur 7)?", re.I),
}
NUMBER = {
    "en": re.compile(r"(?<!\d)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"),
    "fr": re.compile(r"(?<![\d,])(?:\d{1,3}(?:[" + SPACES + r"]\d{3})+(?![\d])|\d+)(?:[.,]\d+)?"),
}


def _value(token: str, lang: str) -> str:
    token = token.translate({ord(c): None for c in SPACES})
    if lang == "en":
        token = token.replace(",", "")
    else:
        token = token.replace(",", ".")
    if "." in token:
        whole, _, frac = token.partition(".")
        frac = frac.rstrip("0")
        return f"{int(whole)}.{frac}" if frac else str(int(whole))
    return str(int(token))


def extract_numbers(text: str, lang: str) -> list[tuple[str, int]]:
    """``(value, offset)`` for every number in ``text``, in order of appearance."""
    found: list[tuple[str, int]] = []
    masked = list(text)

    def take(m: re.Match[str], values: list[str]) -> None:
        found.extend((v, m.start()) for v in values)
        masked[m.start() : m.end()] = " " * (m.end() - m.start())

    for m in ALWAYS[lang].finditer(text):
        take(m, ["24/7"])
    for m in PHONE.finditer("".join(masked)):
        take(m, ["tel:" + "".join(m.groups())])
    for m in CLOCK_12.finditer("".join(masked)):
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
        take(m, [str(hour)] + ([str(int(m.group(2)))] if m.group(2) and m.group(2) != "00" else []))
    for m in CLOCK.finditer("".join(masked)):
        take(m, [str(int(m.group(1)))] + ([str(int(m.group(2)))] if m.group(2) != "00" else []))
    if lang == "fr":
        for m in HEURE.finditer("".join(masked)):
            take(m, [str(int(m.group(1)))] + ([str(int(m.group(2)))] if m.group(2) and m.group(2) != "00" else []))
    for m in NUMBER[lang].finditer("".join(masked)):
        found.append((_value(m.group(), lang), m.start()))
    found.sort(key=lambda item: item[1])
    return found


def display(value: str) -> str:
    return value.removeprefix("tel:")
