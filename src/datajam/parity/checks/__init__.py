"""The checks of a page pair, one module per concern (each a :class:`~datajam.parity.pair.PairChecks`):

* :mod:`.structure` – front matter, headings and ids, footnotes, block structure;
* :mod:`.links` – link and image targets, links to the page in the reader's language;
* :mod:`.numbers` – numbers, years, amounts, phone numbers;
* :mod:`.language` – untranslated text, typography;
* :mod:`.reviser` – the reviser's checks: terms, footnote calls, quotes, bilingual sites, sentences,
  omissions, language of parts (grammar and spelling: :mod:`datajam.parity.proofing`).

A new concern is a class in its own module, listed in :data:`CONCERNS`.
"""

from __future__ import annotations

from datajam.parity.checks.language import Language
from datajam.parity.checks.links import Links
from datajam.parity.checks.numbers import Numbers
from datajam.parity.checks.reviser import Reviser
from datajam.parity.checks.structure import Structure
from datajam.parity.pair import PairChecks

CONCERNS: tuple[type[PairChecks], ...] = (Structure, Links, Numbers, Language, Reviser)
