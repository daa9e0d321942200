"""Per-language interface strings used by the templates in ``overrides/``.

The strings live in ``data/ui/<lang>.yml``; templates read them as ``ui.<key>``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from datajam import LANGUAGES
from datajam.bilingual import missing_keys

UI_DIR = Path("data/ui")


class UIStringsError(ValueError):
    """The interface strings are unreadable or incomplete."""


@cache
def load_ui_strings(ui_dir: Path = UI_DIR) -> dict[str, dict[str, str]]:
    """Load every language's strings and check that both languages have the same keys."""
    strings: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        path = ui_dir / f"{lang}.yml"
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise UIStringsError(f"{path}: cannot read interface strings: {exc}") from exc
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            raise UIStringsError(f"{path}:1: expected a mapping of string keys to string values")
        strings[lang] = data
    gaps = missing_keys(strings)
    if gaps:
        missing_in, present_in = gaps[0].missing_in, gaps[0].present_in
        missing = [g.key for g in gaps if (g.missing_in, g.present_in) == (missing_in, present_in)]
        raise UIStringsError(
            f"{ui_dir / (missing_in + '.yml')}: missing interface string(s) "
            f"{', '.join(missing)} (present in {present_in}.yml); add the translation"
        )
    return strings
