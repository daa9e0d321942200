"""Canadian French typography (Clés de la rédaction, OQLF) on clean prose.

Code spans and URLs are already gone from clean text (see
:func:`datajam.parity.inline.scan`); italic or quoted English titles are
skipped. U+00A0 and U+202F both count as non-breaking spaces.
"""

from __future__ import annotations

import re

from datajam.parity.language import english_spans

NB = "\u00a0\u202f"
SPACE = "[ \t\n\u2009]"  # breakable spaces (a line break in Markdown is a space)
RULES: list[tuple[re.Pattern[str], str, str, str]] = [  # pattern, problem, fix, trigger characters
    (re.compile(r"(?<=[^\s" + NB + r"\d]):|(?<=\d):(?!\d)"), "no non-breaking space before ':'",
     "put a non-breaking space (U+00A0) before the colon", ':'),
    (re.compile(SPACE + r"+:"), "breakable space before ':'",
     "replace the space before the colon with a non-breaking space (U+00A0)", ':'),
    (re.compile(r"(?<=\d)%"), "no space before '%'", "write a non-breaking space (U+00A0) between the number and %", '%'),
    (re.compile(r"(?<=\d)" + SPACE + r"+%"), "breakable space before '%'",
     "replace the space before % with a non-breaking space (U+00A0)", '%'),
    (re.compile(r"(?<=\d)\$"), "no space before '$'", "write a non-breaking space (U+00A0) between the amount and $", '$'),
    (re.compile(r"(?<=\d)" + SPACE + r"+\$"), "breakable space before '$'",
     "replace the space before $ with a non-breaking space (U+00A0)", '$'),
    (re.compile(r"(?<![\w])\$[ " + NB + r"]?\d"), "dollar sign before the amount",
     "in French the symbol follows the amount, after a non-breaking space: 1\u00a0000\u00a0$", '$'),
    (re.compile(r"«(?![" + NB + "])"), "no non-breaking space after '«'", "put a non-breaking space (U+00A0) after «", '«'),
    (re.compile(r"(?<![" + NB + "])»"), "no non-breaking space before '»'", "put a non-breaking space (U+00A0) before »", '»'),
    (re.compile(r"(?<=\S)[ \t\u00a0\u2009]+[;!?]"), "space before ';', '!' or '?'",
     "remove the space: Canadian usage puts none before ; ! ? (a narrow U+202F is tolerated)", ';!?'),
    (re.compile(r"(?<![\d.,])\d{1,3}(?:[ \t]\d{3})+(?![\d])"), "breakable space as thousands separator",
     "group digits with a non-breaking space (U+00A0 or U+202F): 1\u00a0708", ' \t'),
]
DECIMAL_POINT = re.compile(r"(?<![\w.,-])\d+\.\d+(?![\d.])")  # not in identifiers such as "c. P-39.1"
# Section numbers of laws and documents keep their point: "article 279.01", "section 2.1".
NUMBERED = re.compile(r"(?:\b(?:articles?|art|alinéas?|paragraphes?|sections?|parties?|chapitres?|modules?|versions?|"
                      r"règlements?|annexes?|tableaux?|figures?|lois?|projet de loi|C|S)\b[\s.\u00a0-]*(?:[\w.,-]+\s+){0,6}$)",
                      re.I)
PRODUCT = re.compile(r"\b[A-Z][\w+-]*[ \u00a0]$")  # versions: "Python 3.10", "Windows 10.1"
CLOCK = (re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])"), "time written with a colon", "write times as 10 h 30 or 9 h", ":")


# France (--typography fr-FR): a narrow no-break space before ; ! ? instead of none.
FRANCE = (re.compile(r"(?<=[^\s" + NB + r"])[;!?]|" + SPACE + r"+[;!?]"), "no non-breaking space before ';', '!' or '?'",
          "put a narrow no-break space (U+202F) before ; ! ? (France)", ";!?")
CANADA_ONLY = RULES[-2]  # the Canadian rule it replaces: no space at all before ; ! ?


def typography_issues(clean: str, in_table: bool = False, typography: str = "fr-CA") -> list[tuple[int, str, str]]:
    """``(offset, problem, fix)`` for each French typography problem in clean text (``fr-CA`` or ``fr-FR`` rules)."""
    rules = RULES if typography == "fr-CA" else [r for r in RULES if r is not CANADA_ONLY] + [FRANCE]
    rules = rules if in_table else [*rules, CLOCK]
    found = []
    for pattern, problem, fix, trigger in rules:
        if any(c in clean for c in trigger):  # a rule runs only on text holding its trigger character
            found += [(m.start(), problem, fix) for m in pattern.finditer(clean)]
    if "." in clean:
        found += [(m.start(), "decimal point", "use a decimal comma in French: 3,5") for m in DECIMAL_POINT.finditer(clean)
                  if not NUMBERED.search(before := clean[max(0, m.start() - 60) : m.start()]) and not PRODUCT.search(before)]
    if found:
        skip = english_spans(clean)
        found = [f for f in found if not any(a <= f[0] < b for a, b in skip)]
    return sorted(found)
