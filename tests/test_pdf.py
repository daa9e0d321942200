"""The handbook PDF of each language: cover, contents with the right page numbers, page numbers
in the footers, working links; its pages rendered to images with pdftoppm (poppler-utils)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from datajam.quiz.markdown import answer_letters
from datajam.quiz.model import parse_page
from datajam.site.pdf import destinations, make_pdfs
from datajam.site.ui import load_ui_strings

pytestmark = pytest.mark.browser

UI = load_ui_strings()
PUBLISHED = "https://handbook.example.test/"


@pytest.fixture(scope="module")
def pdfs(site_dir: Path, browser: object) -> dict[str, Path]:
    for tool in ("pdfinfo", "pdftotext", "pdftoppm"):
        if not shutil.which(tool):
            pytest.fail(f"{tool} not found: apt-get install -y poppler-utils", pytrace=False)
    written = make_pdfs(site_dir, PUBLISHED, browser=browser)
    return {"en": written[0], "fr": written[1]}


def text(pdf: Path, first: int, last: int | None = None) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(first), "-l", str(last or first), str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def ink(png_dir: Path, pdf: Path, page: int) -> float:
    """Share of dark pixels on a page rendered by pdftoppm (grey PGM, 30 dpi)."""
    prefix = png_dir / f"p{page}"
    subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", str(page), "-l", str(page), str(pdf), str(prefix)], check=True)
    data = next(png_dir.glob(f"p{page}*.pgm")).read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    pixels = data[header.end():]
    return sum(1 for b in pixels if b < 128) / len(pixels)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_pdf_has_cover_contents_numbers_and_links(pdfs: dict[str, Path], lang: str, tmp_path: Path) -> None:
    pdf, ui = pdfs[lang], UI[lang]
    assert pdf.name == ui["pdf_file"]
    pages = page_count(pdf)
    assert pages > 20
    cover = text(pdf, 1)
    assert ui["splash_title"] in cover and "1-833-900-1010" in cover and "911" in cover
    # Contents on page 2, each entry with the page its section starts on
    contents = text(pdf, 2)
    assert ui["print_contents"] in contents
    dests = destinations(pdf)
    sections = {name: page for name, page in dests.items() if name.startswith("p-handbook") and "--" not in name}
    assert len(sections) > 15
    entries = "\n".join(line for line in contents.splitlines() if f"{ui['print_page']} 2 " not in line)  # footer
    listed = [int(n) for n in re.findall(r"\s(\d+)\s*$", entries, re.M)]
    assert listed == sorted(sections.values()), (listed, sections)
    # Footer: "Page N of M" on every page
    last = text(pdf, pages)
    assert re.search(rf"{ui['print_page']} {pages} {ui['print_of']} {pages}", last)
    # Links: to sections inside the PDF, to the published site, and the hotline
    raw = pdf.read_bytes()
    uris = set(re.findall(rb"/URI \(([^)]*)\)", raw))
    assert b"tel:+18339001010" in uris
    help_url = (PUBLISHED + ui["help_page"]).encode()
    assert help_url in uris, sorted(uris)[:20]
    assert not [u for u in uris if u.startswith(b"http://127.0.0.1")], "links point at the local server"
    assert raw.count(b"/Dest") > 50
    # Rendered to images: the cover and a content page carry text, the contents page too
    for page in (1, 2, pages // 2):
        assert ink(tmp_path, pdf, page) > 0.002, f"page {page} of {pdf.name} looks blank"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_pdf_carries_each_module_s_questions_then_its_answer_key(pdfs: dict[str, Path], lang: str) -> None:
    ui = UI[lang]
    whole = " ".join(text(pdfs[lang], 1, page_count(pdfs[lang])).split())
    assert whole.count(f"{ui['quiz_key_title']} ") >= 3
    assert ui["quiz_check"] not in whole and ui["quiz_show_answer"] not in whole  # the on-screen parts stay out
    position = 0
    for module in ("module-1", "module-2", "module-3"):
        questions = parse_page((ROOT / "docs" / lang / "handbook" / module / "knowledge-check.md").read_text(encoding="utf-8"))
        first = " ".join(questions[0].text.split()[:6])
        position = whole.index(first, position)  # the questions, in module order
        key = whole.index(ui["quiz_key_title"], position)
        answers = [" ".join(f"{ui['quiz_answer']}{ui['colon']} {answer_letters(q, ui)}".split()) for q in questions]
        for answer in answers:
            key = whole.index(answer, key)  # then the key, question by question
        position = key


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_pdf_has_module_2_charts_as_vector_graphics(pdfs: dict[str, Path], lang: str) -> None:
    """The charts print as SVG: their words are text in the PDF (a picture would have none), no raster image."""
    from datajam.charts import load_chart

    pdf = pdfs[lang]
    words = " ".join(text(pdf, 1, page_count(pdf)).split())
    colon = UI[lang]["colon"].strip()
    gender = load_chart("gender-2009-2018")
    women, men = (gender.text(lang)["values"][k] for k in ("women", "men"))
    for label in (f"{women} {colon} 97 %" if lang == "fr" else f"{women}{colon} 97%",
                  f"{men} {colon} 81 %" if lang == "fr" else f"{men}{colon} 81%"):
        assert " ".join(label.split()) in words, label
    assert " ".join(load_chart("victims-age-2009-2018").text(lang)["axis"].split()) in words
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) <= 2, images  # the header lines only
