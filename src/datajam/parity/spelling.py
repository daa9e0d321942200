"""Spelling with Hunspell (Debian ``hunspell``, ``hunspell-en-ca``, ``hunspell-fr``): Canadian English, Canadian French.

One ``hunspell -l`` run per language lists the unknown words of all the paragraphs; each paragraph then gets
the places of its unknown words. The project word list (``data/qa/words.txt``) holds names and acronyms;
the caller also passes the words of the twin page (a name or a title cited verbatim is not a slip).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from datajam.parity.inline import one_line

COMMAND = "hunspell"
DICTIONARIES = {"en": "en_CA", "fr": "fr_CA"}
WORDS = Path("data/qa/words.txt")
DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:ca|com|org|net|gc|gouv|int|info)\b", re.I)
POSSESSIVE = re.compile(r"['’]s$")
TOKEN = re.compile(r"[^\W\d_](?:[\w’'-]*[^\W_])?")


class SpellingToolError(RuntimeError):
    """hunspell or a dictionary is missing, or it failed."""


def load_words(path: Path = WORDS) -> frozenset[str]:
    """The project's word list: one word a line, ``#`` comments."""
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if (w := line.split("#", 1)[0].strip()))


def unknown_words(paragraphs: list[str], lang: str) -> set[str]:
    """The words Hunspell does not know in the paragraphs, with its dictionary for ``lang``."""
    if not any(p.strip() for p in paragraphs):
        return set()
    if shutil.which(COMMAND) is None:
        raise SpellingToolError(f"{COMMAND} not found: install the Debian packages hunspell, hunspell-en-ca and "
                                "hunspell-fr (see README)")
    text = "\n".join(one_line(p) for p in paragraphs) + "\n"
    try:
        run = subprocess.run([COMMAND, "-d", DICTIONARIES[lang], "-i", "utf-8", "-l"], input=text,
                             capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.SubprocessError) as exc:
        raise SpellingToolError(f"{COMMAND} failed: {exc}") from exc
    if run.returncode != 0 or "Can't open affix or dictionary" in run.stderr:
        raise SpellingToolError(f"{COMMAND} -d {DICTIONARIES[lang]} failed: {run.stderr.strip()} (install "
                                f"hunspell-{'en-ca' if lang == 'en' else 'fr'})")
    return {w.strip(".,;:!?…()[]«»\"“”") for w in run.stdout.split()} - {""}


def misspelled(paragraph: str, unknown: set[str], accepted: frozenset[str] | set[str]) -> list[tuple[int, str]]:
    """``(offset, word)`` of the unknown words of ``paragraph`` not in ``accepted`` (exact, or lower-cased)."""
    found = []
    domains = [m.span() for m in DOMAIN.finditer(paragraph)] if "." in paragraph else []
    for m in TOKEN.finditer(paragraph):
        word = m.group()
        base = POSSESSIVE.sub("", word)
        if any(c.isdigit() for c in word) or base in accepted or base != word and base.islower() and base not in unknown \
                or any(a <= m.start() < b for a, b in domains):
            continue  # identifiers (LEAP21), possessives (FINTRAC's, else's), domain names (ccima.ca)
        if word in unknown and word not in accepted and word.lower() not in accepted and not _accepted_parts(word, accepted):
            found.append((m.start(), word))
        elif ("’" in word or "'" in word or "-" in word) and word not in accepted:
            # Hunspell splits elisions and compounds: check the parts it reported
            for part in re.finditer(r"[^\W\d_]+", word):
                if part.group() in unknown and part.group() not in accepted and part.group().lower() not in accepted:
                    found.append((m.start() + part.start(), part.group()))
    return found


def _accepted_parts(word: str, accepted: frozenset[str] | set[str]) -> bool:
    parts = re.split(r"[’'-]", word)
    return len(parts) > 1 and all(p in accepted or p.lower() in accepted or len(p) <= 2 for p in parts)
