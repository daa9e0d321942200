"""MkDocs hook entry point: the glue lives in :mod:`datajam.site.hooks`."""

from datajam.site.hooks import *  # noqa: F401,F403
