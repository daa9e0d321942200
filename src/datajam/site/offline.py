"""An offline copy of the site, zipped, that works when opened from disk (a USB key).

``python -m datajam.site.offline`` (``make offline``) builds both languages with
``use_directory_urls: false`` (links end in ``.html``, as ``file://`` needs), then, as
Material's offline plugin would but without its request to unpkg.com:

* writes each language's search index as ``search/search_index.js`` (``var __index = …``),
  which Material loads with a script tag when the page comes from ``file://``;
* copies the ``iframe-worker`` shim (npm, MIT) into the site and loads it on every page
  (``extra.polyfills``): browsers refuse Web Workers from ``file://``, the shim runs
  Material's search worker in a hidden iframe instead; that frame inherits the page's Content
  Security Policy, so the build hashes the script the shim writes into it (``extra.dj_worker_shim``,
  :func:`datajam.site.csp.worker_shim_script`) into each page's policy;
* copies the handbook PDFs into the copy (``--pdf-from site``: those of the published site,
  whose links name the public address), so its download links work too;
* zips the folder as ``datajam-handbook/`` with ``index.html`` at its top.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import zipfile
from pathlib import Path

from datajam import LANGUAGES
from datajam.site.builder import CONFIG_FILE, build, load_config
from datajam.site import publish, search

ROOT_DIR = "datajam-handbook"
SHIM = Path("node_modules/iframe-worker/shim/index.js")
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"
# Files for a web server, useless from disk: the sitemap (its addresses are the offline copy's
# .html names, not the public pages) and the 404 page (its links are absolute, for the server).
LEFT_OUT = ("sitemap.xml", "404.html")


def build_site(site_dir: Path, config_file: str = CONFIG_FILE) -> None:
    config = load_config(config_file, site_dir=str(site_dir), use_directory_urls=False, strict=True)
    if not SHIM.exists():
        raise FileNotFoundError(f"{SHIM}: missing; run `npm ci` (the iframe-worker package)")
    config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM_TARGET]
    config.extra["dj_worker_shim"] = str(SHIM)  # its frame's script is hashed into each page's policy
    config.extra["dj_offline"] = True
    build(config)


def write_search_scripts(site_dir: Path) -> list[Path]:
    written = []
    for lang in LANGUAGES:
        index = search.index_path(site_dir, lang)
        if index.exists():
            data = json.loads(index.read_text(encoding="utf-8"))
            target = index.with_suffix(".js")
            target.write_text("var __index = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            written.append(target)
    return written


def copy_shim(site_dir: Path, shim: Path = SHIM) -> None:
    if not shim.exists():
        raise FileNotFoundError(f"{shim}: missing; run `npm ci` (the iframe-worker package)")
    target = site_dir / SHIM_TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shim, target)


def zip_folder(folder: Path, zip_path: Path) -> Path:
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.endswith((".map", ".gz")) and path.name not in LEFT_OUT:
                archive.write(path, Path(ROOT_DIR) / path.relative_to(folder))
    return zip_path


def make_offline(work_dir: Path, zip_path: Path, pdfs_from: Path | None = None) -> Path:
    """Build, adapt and zip the offline copy; ``pdfs_from``: the site folder whose PDFs it carries."""
    site_dir = work_dir / ROOT_DIR
    if site_dir.exists():
        shutil.rmtree(site_dir)
    build_site(site_dir)
    write_search_scripts(site_dir)
    copy_shim(site_dir)
    if pdfs_from is not None:
        from datajam.site.pdf import pdf_path

        for lang in LANGUAGES:
            source = pdf_path(pdfs_from, lang)
            if not source.is_file():
                raise FileNotFoundError(f"{source}: missing; print the PDFs first (make pdf)")
            shutil.copyfile(source, pdf_path(site_dir, lang))
    return zip_folder(site_dir, zip_path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work-dir", type=Path, default=Path("build/offline"))
    parser.add_argument("--zip", type=Path, default=Path("build/datajam-offline.zip"))
    parser.add_argument("--pdf-from", type=Path, help="the built site whose PDFs the copy carries (make pdf)")
    args = parser.parse_args(argv)
    try:
        publish.require_public(publish.configured_site_url())
        zip_path = make_offline(args.work_dir, args.zip, pdfs_from=args.pdf_from)
        publish.refuse_loopback([zip_path])
    except publish.LoopbackError as exc:
        print(f"offline: {exc}", file=sys.stderr)
        return 1
    print(f"{zip_path}: {zip_path.stat().st_size // 1024} KB; open {ROOT_DIR}/index.html from the unzipped folder")
    return 0


if __name__ == "__main__":
    sys.exit(main())
