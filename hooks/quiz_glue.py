"""MkDocs hook entry point: knowledge checks live in :mod:`datajam.quiz.mkdocs`."""

from datajam.quiz.mkdocs import *  # noqa: F401,F403
