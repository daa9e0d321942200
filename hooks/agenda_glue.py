"""MkDocs hook entry point: the agenda lives in :mod:`datajam.agenda.mkdocs`."""

from datajam.agenda.mkdocs import *  # noqa: F401,F403
