"""French grammar with Grammalecte (Debian ``grammalecte-cli``), one run for many paragraphs.

Grammalecte's defaults follow France. The project writes Canadian French (OQLF, Government of Canada),
so the options and rules below are the one place where its choices are turned off, each with the reason.
Spelling is left to Hunspell (:mod:`datajam.parity.spelling`), so both languages use the same tool.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from datajam.parity.inline import one_line

COMMAND = "grammalecte-cli"
# Options turned off (grammalecte-cli -lo lists them):
OPTIONS_OFF = (
    "apos",  # typographic apostrophe: the pages mix ' and ’ in code and names; not a language error
    "esp",  # extra spaces: Markdown line breaks and the parser's joins leave spaces that the reader never sees
    "nbsp",  # non-breaking spaces (France: before ; ! ?; Canada: none) are the typography check's job, per
    "unit",  # --typography fr-CA|fr-FR (datajam.parity.typography), and before units too
)
# Rules turned off, by the start of their id (grammalecte-cli -lr lists them), for every typography:
RULES_OFF = (
    "typo_ordinaux",  # 1er, 2e: accepted in Canadian practice (OQLF), Grammalecte wants 1ᵉʳ
    "typo_tiret",  # dashes: the project writes an en dash with spaces, which Grammalecte reads as a hyphen slip
    "typo_guillemets",  # quotation marks are the quotes check's job (datajam.parity.quotes), with its own message
    "p_sigle",  # points in abbreviations: legal citations keep them (L.R.C. 1985, L.C. 2001, L.Q. 2021), as does s.d.
    "num_grand_nombre_avec_points",  # section numbers of laws: art. 279.011 is not 279 011
    "num_grand_nombre_soudé",  # text short codes and identifiers (686868) are not amounts
    "majuscule_début_paragraphe",  # a list item may continue the sentence that introduces the list (« - la GRC; »)
)


class GrammarToolError(RuntimeError):
    """grammalecte-cli is missing or failed."""


@dataclass(frozen=True)
class GrammarError:
    start: int
    end: int
    rule: str
    message: str
    suggestions: tuple[str, ...]


def available() -> bool:
    return shutil.which(COMMAND) is not None


def grammar_errors(paragraphs: list[str]) -> list[list[GrammarError]]:
    """Grammalecte's grammar and typography errors of each paragraph (offsets in that paragraph)."""
    if not paragraphs:
        return []
    if not available():
        raise GrammarToolError(f"{COMMAND} not found: install the Debian package grammalecte-cli (see README)")
    lines = [one_line(p) or "." for p in paragraphs]  # one paragraph per line; offsets stay valid
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "prose.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        try:
            run = subprocess.run([COMMAND, "-f", str(path), "-j", "-off", *OPTIONS_OFF], capture_output=True,
                                 text=True, check=True, timeout=600)
            data = json.loads(run.stdout)
        except (OSError, subprocess.SubprocessError, ValueError) as exc:
            raise GrammarToolError(f"{COMMAND} failed: {exc}") from exc
    result: list[list[GrammarError]] = [[] for _ in paragraphs]
    for block in data.get("data", []):
        for e in block.get("lGrammarErrors", []):
            rule = str(e.get("sRuleId", ""))
            index = int(block.get("iParagraph", 0)) - 1
            if any(off in rule for off in RULES_OFF) or not 0 <= index < len(result):
                continue
            result[index].append(GrammarError(int(e["nStart"]), int(e["nEnd"]), rule, str(e.get("sMessage", "")),
                                              tuple(e.get("aSuggestions") or ())))
    return result
