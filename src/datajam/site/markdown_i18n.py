"""Python-Markdown's interface strings in the language being built.

The ``toc`` extension titles every heading's permanent link ("Permanent link") and
``footnotes`` every back link ("Jump back to footnote N in the text"), in English.
mkdocs-static-i18n refuses per-language ``markdown_extensions``, so each language build
sets these options from ``data/ui/<lang>.yml`` before its pages are rendered.
"""

from __future__ import annotations

from typing import Any

# (extension, option) -> interface string key in data/ui/<lang>.yml
OPTIONS: dict[tuple[str, str], str] = {
    ("toc", "permalink_title"): "permalink_title",
    ("footnotes", "BACKLINK_TITLE"): "footnote_backlink_title",  # "{}": the footnote's number
}


def localize(extensions: list[str], mdx_configs: dict[str, Any], ui: dict[str, str]) -> dict[str, Any]:
    """Set each option of an enabled extension to the language's string (in place; returned)."""
    for (extension, option), key in OPTIONS.items():
        if extension in extensions:
            mdx_configs.setdefault(extension, {})[option] = ui[key]
    return mdx_configs
