"""Compare an English page with its French twin: every concern's checks (:mod:`datajam.parity.checks`)
over the page pair, then over each pair of matching sections."""

from __future__ import annotations

from collections.abc import Callable

from datajam.parity.blocks import Page
from datajam.parity.checks import CONCERNS
from datajam.parity.findings import Finding
from datajam.parity.pair import PagePair
from datajam.parity.qa import Revision


def compare_pages(path: str, en: Page, fr: Page, fr_twin: Callable[[str], bool] | None = None,
                  revision: Revision | None = None) -> list[Finding]:
    """Every finding about a French page against its English source (staleness aside); ``fr_twin`` tells
    whether a French page exists (for link-language); ``revision`` adds the reviser's checks."""
    pair = PagePair(path, en, fr) if fr_twin is None else PagePair(path, en, fr, fr_twin)
    if revision is not None:
        pair.revision = revision
    checks = [concern(pair) for concern in CONCERNS]
    for check in checks:
        check.page()
    for es, fs in pair.section_pairs:
        for check in checks:
            check.section(es, fs)
    return pair.findings
