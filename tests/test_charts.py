"""Charts (src/datajam/charts.py): each data file's chart carries its title, description and every
value, in each language's words and number formats; its text passes the translation checks."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

import pytest

from datajam import LANGUAGES
from datajam.charts import CHARTS_DIR, ChartError, chart_block, chart_names, chart_svg, csv_download, load_chart, with_charts
from datajam.parity.numbers import extract_numbers
from datajam.parity.typography import typography_issues

from conftest import ROOT

NAMES = sorted(p.stem for p in (ROOT / CHARTS_DIR).glob("*.yml"))
CASES = [(name, lang) for name in NAMES for lang in LANGUAGES]
PAGE = "handbook/module-2/figures.md"


def svg_text(svg: str) -> str:
    """The words a reader sees in the SVG (its text elements), unescaped."""
    return html.unescape(" ".join(re.findall(r">([^<>]+)<", svg)))


def test_module_2_has_at_least_three_charts_in_both_languages() -> None:
    names = {lang: chart_names((ROOT / "docs" / lang / PAGE).read_text(encoding="utf-8")) for lang in LANGUAGES}
    assert len(names["en"]) >= 3
    assert all(found == names["en"] for found in names.values()), names
    assert sorted(names["en"]) == NAMES  # every data file is shown, and nothing else


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_svg_carries_title_description_and_every_value(name: str, lang: str) -> None:
    chart = load_chart(name)
    svg = chart_svg(name, lang)
    text = chart.text(lang)
    assert f">{html.escape(text['title'])}</title>" in svg
    assert f">{html.escape(text['description'])}</desc>" in svg
    assert re.match(r'<svg role="img" aria-labelledby="[^"]+-title [^"]+-desc"', svg)
    assert svg.count("role=") == 1 and "aria-roledescription" not in svg  # one image, no inner parts for axe to flag
    words = svg_text(svg)
    for row in chart.rows:
        for column, value in row.items():
            for line in chart.label(lang, column, value).split("|"):
                assert line in words, f"{name} ({lang}): {line!r} ({column}={value}) is not in the chart"


@pytest.mark.parametrize("name", NAMES)
def test_french_chart_uses_french_labels_and_number_formats(name: str) -> None:
    chart = load_chart(name)
    en, fr = svg_text(chart_svg(name, "en")), svg_text(chart_svg(name, "fr"))
    value_column = chart.spec["value"]
    for row in chart.rows:
        number = row[value_column]
        assert f"{number}\u00a0%" in fr and f"{number}%" in en
        assert f"{number}%" not in fr
        for column, value in row.items():
            if column != value_column:
                assert chart.text("en")["values"][value].split("|")[0] not in fr.replace(chart.text("fr")["values"][value].split("|")[0], "")
    assert chart.text("en")["axis"] not in fr and chart.text("fr")["axis"] in fr


def french_strings(node: object, where: str = "") -> list[tuple[str, str]]:
    """Every French string of a spec: under ``text.fr`` and in each ``{en: …, fr: …}`` pair."""
    if isinstance(node, dict):
        found = []
        for key, value in node.items():
            if key == "fr":
                found += [(f"{where}.fr", v) for v in ([value] if isinstance(value, str) else [])]
                found += french_strings(value, f"{where}.fr") if not isinstance(value, str) else []
            elif key != "en":
                found += french_strings(value, f"{where}.{key}")
        return found
    if isinstance(node, str) and ".fr" in where:
        return [(where, node)]
    return []


@pytest.mark.parametrize("name", NAMES)
def test_chart_text_is_a_faithful_translation(name: str) -> None:
    """The checks the parity tool runs on pages: same numbers in both languages, French typography."""
    chart = load_chart(name)
    en, fr = chart.text("en"), chart.text("fr")
    for key in ("title", "description", "note", "axis"):
        assert [v for v, _ in extract_numbers(en[key], "en")] == [v for v, _ in extract_numbers(fr[key], "fr")], key
        assert typography_issues(fr[key]) == [], (key, fr[key])
    for where, value in french_strings(chart.spec):
        if not value.startswith("https://"):  # links are not prose (the parity tool drops them too)
            assert typography_issues(value.replace("|", " ")) == [], (where, value)
    assert set(en["values"]) == set(fr["values"]) and set(en["columns"]) == set(fr["columns"])
    assert all(en["values"][k] != fr["values"][k] for k in en["values"])
    assert chart.spec["period"]["en"] in en["title"] and chart.spec["period"]["fr"] in fr["title"]  # period in the title


@pytest.mark.parametrize("name", NAMES)
def test_data_file_records_source_period_unit_and_licence_published_before_the_event(name: str) -> None:
    spec = load_chart(name).spec
    for key in ("period", "unit"):
        assert all(spec[key][lang] for lang in LANGUAGES)
    assert all(spec["source"]["url"][lang].startswith("https://www150.statcan.gc.ca/") for lang in LANGUAGES)
    assert all(spec["licence"]["url"][lang].startswith("https://www.statcan.gc.ca/") for lang in LANGUAGES)
    year = int(re.search(r"\d{4}", spec["source"]["released"]["en"]).group())
    assert year <= 2021  # presented as current at the event (May 2021)


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_svg_needs_no_request_no_script_and_no_style_attribute(name: str, lang: str) -> None:
    svg = chart_svg(name, lang)
    assert "<script" not in svg and " style=" not in svg and "<style" not in svg  # CSP: presentation attributes only
    assert re.findall(r'(?:href|src)="', svg) == []
    assert set(re.findall(r"https?://[^\"' ]+", svg)) <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert 'fill="currentColor"' in svg  # text follows the light or dark scheme


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_csv_download_has_the_language_headers_and_the_data_file_values(name: str, lang: str) -> None:
    chart = load_chart(name)
    text = chart.text(lang)
    download = csv_download(name, lang)
    comments = [line for line in download.splitlines() if line.startswith("#")]
    assert len(comments) == 5 and chart.spec["source"]["url"][lang] in download and chart.spec["licence"]["url"][lang] in download
    rows = list(csv.reader(io.StringIO("\n".join(line for line in download.splitlines() if not line.startswith("#")))))
    assert rows[0] == [text["columns"][c] for c in chart.columns]
    assert [r[-1] for r in rows[1:]] == [row[chart.spec["value"]] for row in chart.rows]


def test_french_download_link_and_headers() -> None:
    block = chart_block("victims-age-2009-2018", "fr")
    assert "[Télécharger les données (CSV)](victims-age-2009-2018.csv)" in block
    assert "Groupe d’âge,Pourcentage des victimes" in csv_download("victims-age-2009-2018", "fr")
    assert "[Download the data (CSV)](victims-age-2009-2018.csv)" in chart_block("victims-age-2009-2018", "en")


def test_the_table_follows_the_chart_with_every_value() -> None:
    block = chart_block("gender-2009-2018", "fr")
    assert block.index("<svg") < block.index("<table>") < block.index("</figure>")
    table = block[block.index("<table>") :]
    for value in ("97\u00a0%", "3\u00a0%", "19\u00a0%", "81\u00a0%", "Auteurs présumés", "Femmes", "Hommes"):
        assert value in table


def test_markers_become_charts_and_an_unknown_chart_fails() -> None:
    page = "Text.\n\n<!-- dj-chart relationship-2009-2018 -->\n\nMore."
    out = with_charts(page, "en")
    assert "<!-- dj-chart" not in out and 'id="dj-chart-relationship-2009-2018"' in out
    with pytest.raises(ChartError, match="no-such-chart"):
        with_charts("<!-- dj-chart no-such-chart -->", "en")


def test_a_value_without_a_label_fails_with_the_file_named(tmp_path: Path) -> None:
    for suffix in (".yml", ".csv"):
        (tmp_path / f"age{suffix}").write_text((ROOT / CHARTS_DIR / f"victims-age-2009-2018{suffix}").read_text(encoding="utf-8"), encoding="utf-8")
    with (tmp_path / "age.csv").open("a", encoding="utf-8") as f:
        f.write("65_and_older,1\n")
    with pytest.raises(ChartError, match=r"age\.yml.*'65_and_older'"):
        load_chart("age", tmp_path)
