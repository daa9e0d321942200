"""Tooling for the DataJam Against Exploitation handbook.

One home per idea:

* :mod:`datajam.languages` – which language, which URL; :mod:`datajam.bilingual` – the bilingual
  rules of the data (the build fails on them, parity reports them);
* :mod:`datajam.site` – the MkDocs glue (hooks, per-language interface strings, the post-build pass);
* :mod:`datajam.agenda` – the agenda model, validator, calendars and change log;
* :mod:`datajam.parity` – the translation parity checker.

The command-line scripts in ``scripts/`` and the hook in ``hooks/`` are thin
adapters over these modules.
"""

LANGUAGES: tuple[str, ...] = ("en", "fr")
