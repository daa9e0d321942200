"""One targeted change to Material's JavaScript bundle, checked at every build.

Material fetches ``sitemap.xml`` beside every ``<link rel="alternate">`` of a
page, to remap its language selector. It expects those links to point at
language roots; ours point at each page's twin (correct ``hreflang``), so every
page view would fire two failing requests and log console errors. We narrow
Material's selector to links carrying ``data-md-sitemap`` (none do), which
turns that prefetch off and leaves the standard ``hreflang`` links alone.
"""

from __future__ import annotations

from pathlib import Path

NEEDLE = 'M("link[rel=alternate]")'
REPLACEMENT = 'M("link[rel=alternate][data-md-sitemap]")'


class BundleError(RuntimeError):
    """Material's bundle no longer has the code this change expects."""


def disable_alternate_sitemap_prefetch(site_dir: Path) -> Path:
    """Patch ``assets/javascripts/bundle.*.min.js`` in the built site; return its path."""
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise BundleError(f"{site_dir}/assets/javascripts: expected one Material bundle, found {len(bundles)}")
    bundle = bundles[0]
    code = bundle.read_text(encoding="utf-8")
    if REPLACEMENT in code:
        return bundle  # already patched (mkdocs serve rebuilds in place)
    if code.count(NEEDLE) != 1:
        raise BundleError(
            f"{bundle}: Material's alternate-link code changed (expected {NEEDLE} once). "
            "Fix: after upgrading mkdocs-material, find the sitemap prefetch of alternate links "
            "in the bundle and update NEEDLE in src/datajam/site/bundle.py."
        )
    bundle.write_text(code.replace(NEEDLE, REPLACEMENT), encoding="utf-8")
    return bundle
