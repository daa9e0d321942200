"""Issue 19, items 5 and 6: every link and download of the published output (`make dist`) resolves,
and no published file names a loopback address (the site's public address is set once)."""

from __future__ import annotations

import json
import urllib.parse
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from datajam.site.builder import CONFIG_FILE
from datajam.site.dist import make_dist
from datajam.site.hooks import site_link
from datajam.site.linkcheck import check_output
from datajam.site.publish import LoopbackError, configured_site_url, loopback_mentions, refuse_loopback, require_public

PUBLIC = "https://example.org/handbook/"


# ---- the link checker on small outputs: each kind of dead link is found ---------------------


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return root


def dead(root: Path) -> set[tuple[str, str]]:
    return {(d.source, d.target) for d in check_output(root, PUBLIC).dead}


def test_the_french_pdf_link_of_issue_19_is_dead_and_its_fix_resolves(tmp_path: Path) -> None:
    root = write(tmp_path, {
        "fr/datajam-manuel-fr.pdf": b"%PDF-1.4",
        "fr/home/index.html": '<a href="../../datajam-manuel-fr.pdf">old</a> <a href="../datajam-manuel-fr.pdf">new</a>',
    })
    assert dead(root) == {("fr/home/index.html", "../../datajam-manuel-fr.pdf")}


def test_pages_anchors_folders_and_the_site_root(tmp_path: Path) -> None:
    root = write(tmp_path, {
        "index.html": '<h1 id="top">x</h1><a href="#top">ok</a> <a href="#nowhere">no</a> <a href="help">redirects</a>'
                      '<a href="help/#h">ok</a> <a href="help/#x">no</a> <img src="missing.png" alt="">'
                      '<a href="../../outside.zip">above the site</a> <a href="https://example.org/other/">other site</a>'
                      '<a href="https://elsewhere.example/x">external</a> <a href="tel:+18339001010">hotline</a>',
        "help/index.html": '<h2 id="h">h</h2>',
    })
    assert dead(root) == {
        ("index.html", "#nowhere"), ("index.html", "help/#x"), ("index.html", "missing.png"),
        ("index.html", "../../outside.zip"), ("index.html", "https://example.org/other/"),
    }


def test_pdfs_calendars_feeds_and_the_offline_zip_are_followed(tmp_path: Path) -> None:
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\nDTSTAMP:20210501T000000Z\r\n"
        "DTSTART:20210508T120000Z\r\nSUMMARY:S\r\nURL:http://127.0.0.1:8000/agenda/\r\n"
        "DESCRIPTION:Details: https://example.org/handbook/agenda/#gone\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    root = write(tmp_path / "site", {
        "agenda/index.html": '<p id="s1">s</p>',
        "agenda/calendar/s1.ics": ics,
        "agenda/agenda.json": json.dumps({"s1": {"page": PUBLIC + "agenda/#s1", "ics": PUBLIC + "agenda/calendar/none.ics"}}),
        "sitemap.xml": f"<urlset><url><loc>{PUBLIC}agenda/</loc></url><url><loc>{PUBLIC}gone/</loc></url></urlset>",
        "handbook.pdf": b"%PDF-1.4 << /URI (https://example.org/handbook/agenda/) >> << /URI (https://example.org/handbook/nope/) >>",
    })
    offline = write(tmp_path / "zip" / "copy", {
        "index.html": '<a href="agenda/index.html">ok</a> <a href="agenda/">a folder from disk</a> <a href="../x.html">outside</a>',
        "agenda/index.html": '<link rel="canonical" href="https://example.org/handbook/agenda/">',
    })
    with zipfile.ZipFile(root / "offline.zip", "w") as archive:
        for path in offline.rglob("*"):
            archive.write(path, path.relative_to(offline.parent))
    report = check_output(root, PUBLIC)
    assert {(d.source, d.target) for d in report.dead} == {
        ("agenda/calendar/s1.ics", "http://127.0.0.1:8000/agenda/"),
        ("agenda/calendar/s1.ics", "https://example.org/handbook/agenda/#gone"),
        ("agenda/agenda.json", PUBLIC + "agenda/calendar/none.ics"),
        ("sitemap.xml", PUBLIC + "gone/"),
        ("handbook.pdf", "https://example.org/handbook/nope/"),
        ("offline.zip!copy/index.html", "agenda/"),
        ("offline.zip!copy/index.html", "../x.html"),
    }
    assert {".html", ".ics", ".json", ".xml", ".pdf", ".zip"} <= set(report.kinds)


# ---- the complete published output ------------------------------------------------------------


@pytest.mark.browser
def test_every_link_and_download_of_make_dist_resolves(site_dir: Path, browser: object, tmp_path: Path) -> None:
    """`make dist` on the session's strict build (a copy): PDFs, offline zip, then every link followed."""
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    cwd = Path.cwd()
    started = time.monotonic()
    try:
        os.chdir(ROOT)
        report = make_dist(site, tmp_path / "build", configured_site_url(), built=True, browser=browser)
    finally:
        os.chdir(cwd)
    print(f"make dist (without the build) and the link check: {time.monotonic() - started:.1f} s, "
          f"{report.checked} links in {report.files} files")
    assert [str(d) for d in report.dead] == []
    # the whole output was read: pages of both languages, both PDFs, the zip, calendars, feeds
    # zips: the offline copy and the knowledge checks' six QTI packages (three modules, two languages);
    # PDFs: two published, two inside the offline zip
    assert report.kinds[".zip"] == 7 and report.kinds[".pdf"] >= 4
    assert report.kinds[".ics"] >= 20 and report.kinds[".xml"] >= 1 and report.kinds[".json"] >= 2
    assert report.kinds[".html"] > 100 and report.checked > 5000
    for lang_pdf in ("datajam-handbook-en.pdf", "fr/datajam-manuel-fr.pdf"):
        assert (site / lang_pdf).is_file()


def test_published_files_name_the_public_address_not_a_loopback(site_dir: Path) -> None:
    """Built without SITE_URL (as `make dist` is on a developer's machine): calendars, pages, sitemap."""
    assert require_public(configured_site_url()) == configured_site_url()
    named = [m for path in sorted(site_dir.rglob("*")) if path.is_file() and path.suffix != ".pdf"
             for m in loopback_mentions(path)]
    assert named == []
    agenda = (site_dir / "fr/agenda/index.html").read_text(encoding="utf-8")
    assert f'href="webcal://{configured_site_url().split("://")[1]}fr/agenda/calendar/' in agenda


@pytest.mark.parametrize("command", [
    ["-m", "datajam.site.pdf", "SITE"],
    ["-m", "datajam.site.offline", "--work-dir", "SITE"],
    ["-m", "datajam.site.dist", "SITE"],
])
def test_pdf_offline_and_dist_refuse_a_loopback_address(command: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "SITE_URL": "http://127.0.0.1:8000/"}
    args = [a.replace("SITE", str(tmp_path / "out")) for a in command]
    result = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "127.0.0.1:8000" in result.stderr and "loopback" in result.stderr and "SITE_URL" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.*"))


@pytest.mark.browser
def test_an_artifact_naming_a_loopback_address_is_deleted(tmp_path: Path, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.set_content('<p>Published at <a href="http://127.0.0.1:8000/fr/">http://127.0.0.1:8000/fr/</a></p>')
    pdf = tmp_path / "handbook.pdf"
    page.pdf(path=str(pdf))
    page.close()
    ics = write(tmp_path, {"a.ics": "URL:http://localhost:8000/agenda/\r\n"}) / "a.ics"
    fine = write(tmp_path, {"ok.html": f'<a href="{PUBLIC}">ok</a>'}) / "ok.html"
    with pytest.raises(LoopbackError, match=r"(?s)handbook\.pdf: http://127\.0\.0\.1:8000/fr/.*a\.ics: http://localhost:8000"):
        refuse_loopback([pdf, ics, fine])
    assert not pdf.exists() and not ics.exists() and fine.exists()


def test_directory_links_name_the_page_file_from_disk() -> None:
    docs = ROOT / "docs"
    assert site_link("home/", False, docs) == "home.html" and site_link("fr/home/", False, docs) == "fr/home.html"
    assert site_link("fr/help/", False, docs) == "fr/help/index.html" and site_link("home/", True, docs) == "home/"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_local_preview_has_no_dead_download_link() -> None:
    """`make serve` (properdocs serve) builds no PDF or zip: its home and help pages say so, no dead link."""
    import re
    import urllib.error
    import urllib.request

    port = free_port()
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/"}
    server = subprocess.Popen(
        [sys.executable, "-m", "properdocs", "serve", "-f", CONFIG_FILE, "--strict", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                urllib.request.urlopen(base + "fr/home/", timeout=5).read()
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"properdocs serve did not start: {server.stderr.read() if server.stderr else ''}")
                time.sleep(0.5)
        from datajam.site.ui import load_ui_strings

        ui = load_ui_strings()
        for lang, path in (("en", "home/"), ("fr", "fr/home/"), ("en", "help/"), ("fr", "fr/help/")):
            html = urllib.request.urlopen(base + path, timeout=10).read().decode()
            section = html.split('class="dj-downloads"', 1)[1].split("</section>", 1)[0]
            assert ui[lang]["downloads_title"] in section
            for href in re.findall(r'href="([^"]+)"', section):
                urllib.request.urlopen(urllib.parse.urljoin(base + path, href), timeout=10).read()  # 404 raises
            assert ui[lang]["downloads_preview"].replace("\u00a0", "&nbsp;") in section or ui[lang]["downloads_preview"] in section
    finally:
        server.terminate()
        server.wait(timeout=30)
