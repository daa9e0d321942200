"""The build core, in process: ProperDocs, the maintained fork of MkDocs 1.x (docs-dev/platform.md).

Importing ``properdocs.replacement`` first makes every ``mkdocs.*`` import (Material, mkdocs-static-i18n,
our hooks) resolve to ProperDocs, as the ``properdocs`` command does; the ``mkdocs`` package that
Material still declares as a dependency is never imported.
"""

from __future__ import annotations

import properdocs.replacement  # noqa: F401  (must precede any mkdocs.* import)
from properdocs.commands.build import build
from properdocs.config import load_config

CONFIG_FILE = "mkdocs.yml"  # named explicitly: ProperDocs reads it only as a fallback otherwise

__all__ = ["CONFIG_FILE", "build", "load_config"]
