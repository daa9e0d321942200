"""The one change to Material's bundle is applied, once, or the build says why not."""

from __future__ import annotations

from pathlib import Path

import pytest

from datajam.site.bundle import NEEDLE, REPLACEMENT, BundleError, disable_alternate_sitemap_prefetch


def _bundle(tmp_path: Path, code: str) -> Path:
    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    path = folder / "bundle.abc.min.js"
    path.write_text(code, encoding="utf-8")
    return path


def test_the_selector_is_narrowed_once_and_idempotently(tmp_path: Path) -> None:
    path = _bundle(tmp_path, f"a;{NEEDLE};b")
    disable_alternate_sitemap_prefetch(tmp_path)
    disable_alternate_sitemap_prefetch(tmp_path)
    assert path.read_text(encoding="utf-8") == f"a;{REPLACEMENT};b"


def test_a_changed_bundle_fails_with_a_fix(tmp_path: Path) -> None:
    _bundle(tmp_path, "nothing to see")
    with pytest.raises(BundleError, match="Fix: after upgrading mkdocs-material"):
        disable_alternate_sitemap_prefetch(tmp_path)


def test_the_built_bundle_is_patched(site_dir: Path) -> None:
    (bundle,) = (site_dir / "assets" / "javascripts").glob("bundle.*.min.js")
    assert REPLACEMENT in bundle.read_text(encoding="utf-8")
