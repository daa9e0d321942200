"""Tooling for the DataJam Against Exploitation handbook.

One home per idea:

* :mod:`datajam.site` – the MkDocs glue (hooks, per-language interface strings);
* :mod:`datajam.agenda` – the agenda model, validator, calendars and change log;
* :mod:`datajam.parity` – the translation parity checker.

The command-line scripts in ``scripts/`` and the hook in ``hooks/`` are thin
adapters over these modules.
"""

LANGUAGES: tuple[str, ...] = ("en", "fr")
