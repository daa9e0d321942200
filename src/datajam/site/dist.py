"""Everything GitHub Pages publishes, in ``site/``: ``python -m datajam.site.dist`` (``make dist``).

The strict build of both languages, the handbook PDF of each language, the offline zip (with
copies of the same PDFs), then two guards: no file may name a loopback address
(:mod:`datajam.site.publish`) and every link and download must resolve
(:mod:`datajam.site.linkcheck`). The address published is ``site_url`` of ``mkdocs.yml``,
or ``SITE_URL`` when set.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from datajam.site import builder, linkcheck, offline, pdf, publish
from datajam.site.builder import CONFIG_FILE
from datajam.site.downloads import OFFLINE_ZIP


def build(site_dir: Path, config_file: str = CONFIG_FILE) -> None:
    builder.build(builder.load_config(config_file, site_dir=str(site_dir), strict=True))


def make_dist(site_dir: Path, work_dir: Path, site_url: str, *, built: bool = False, browser: Any = None) -> linkcheck.Report:
    """Write the published output into ``site_dir``; ``built``: the strict build is already there."""
    publish.require_public(site_url)
    if not built:
        build(site_dir)
    pdf.make_pdfs(site_dir, site_url, browser=browser)
    zip_path = offline.make_offline(work_dir / "offline", work_dir / OFFLINE_ZIP, pdfs_from=site_dir)
    shutil.copyfile(zip_path, site_dir / OFFLINE_ZIP)
    publish.refuse_loopback([site_dir])
    return linkcheck.check_output(site_dir, site_url)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--work-dir", type=Path, default=Path("build"))
    args = parser.parse_args(argv)
    try:
        report = make_dist(args.site_dir, args.work_dir, publish.configured_site_url())
    except publish.LoopbackError as exc:
        print(f"dist: {exc}", file=sys.stderr)
        return 1
    for dead in report.dead:
        print(f"dead link: {dead}", file=sys.stderr)
    print(f"{args.site_dir}: links: {report.checked} followed in {report.files} files, {len(report.dead)} dead")
    return 1 if report.dead else 0


if __name__ == "__main__":
    sys.exit(main())
