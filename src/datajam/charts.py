"""Charts built from data files: one CSV plus one spec per chart, in ``data/charts/``.

A page asks for a chart with a line of its own, ``<!-- dj-chart NAME -->``; :func:`with_charts`
replaces it (Markdown stage, no MkDocs needed) by the chart as inline SVG (Vega-Lite rendered by
vl-convert at build time: no JavaScript, no request), its title and finding, the table behind it,
its source and a link to the CSV, which :func:`csv_download` writes with the language's headers.

The spec (``NAME.yml``) records source, period, unit and licence, and every visible string in
each language; numbers are formatted by Babel (``1 708``, ``97 %`` in French).
"""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import vl_convert
import yaml
from babel.numbers import format_decimal, format_percent

from datajam import LANGUAGES
from datajam.site.ui import load_ui_strings

CHARTS_DIR = Path("data/charts")
MARKER = re.compile(r"^<!-- dj-chart (?P<name>[a-z0-9-]+) -->[ \t]*$", re.M)
BABEL_LOCALES = {"en": "en_CA", "fr": "fr_CA"}
VEGA_LOCALES = {"en": "en-CA", "fr": "fr-CA"}
# Two colours whose luminance (0.15 to 0.30) gives a 3:1 contrast on both Material's white and
# slate backgrounds; blue and orange stay apart for red-green colour blindness. Text and axes
# use currentColor, so they follow the light or dark scheme and print black.
COLOURS = ["#3a6fc4", "#c45f00"]
FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


class ChartError(ValueError):
    """A chart's data file or spec is missing or inconsistent."""


@dataclass(frozen=True)
class Chart:
    name: str
    spec: dict[str, Any]
    rows: list[dict[str, str]]

    @property
    def columns(self) -> list[str]:
        return list(self.rows[0])

    def text(self, lang: str) -> dict[str, Any]:
        return self.spec["text"][lang]

    def label(self, lang: str, column: str, value: str) -> str:
        """A cell as a reader sees it: a translated category or a formatted number."""
        if column == self.spec["value"]:
            return format_value(float(value), self.spec["unit_kind"], lang)
        return str(self.text(lang)["values"][value])


def format_value(value: float, kind: str, lang: str) -> str:
    if kind == "percent":
        return format_percent(value / 100, locale=BABEL_LOCALES[lang])
    return format_decimal(value, locale=BABEL_LOCALES[lang])


@cache
def load_chart(name: str, charts_dir: Path = CHARTS_DIR) -> Chart:
    spec_path, csv_path = charts_dir / f"{name}.yml", charts_dir / f"{name}.csv"
    try:
        spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
        rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    except OSError as exc:
        raise ChartError(f"chart {name!r}: {exc}; add {spec_path} and {csv_path}") from exc
    if not rows:
        raise ChartError(f"{csv_path}:1: no data rows")
    chart = Chart(name, spec, rows)
    for key in ("source", "period", "unit", "licence", "value", "category", "unit_kind", "text"):
        if key not in spec:
            raise ChartError(f"{spec_path}: missing {key!r}")
    for lang in LANGUAGES:
        text = spec["text"].get(lang)
        if not text:
            raise ChartError(f"{spec_path}: no text for language {lang!r}")
        for column in chart.columns:
            if column not in text["columns"]:
                raise ChartError(f"{spec_path}: text.{lang}.columns has no header for CSV column {column!r}")
        for row in rows:
            for column, value in row.items():
                if column != spec["value"] and value not in text["values"]:
                    raise ChartError(f"{spec_path}: text.{lang}.values has no label for {value!r} ({csv_path})")
    return chart


def vega_lite(chart: Chart, lang: str) -> dict[str, Any]:
    """The Vega-Lite spec: horizontal bars from zero, value labels at the end of each bar."""
    text, value, category = chart.text(lang), chart.spec["value"], chart.spec["category"]
    series = chart.spec.get("series")
    ui = load_ui_strings()[lang]
    data = [
        {**{c: chart.label(lang, c, v) for c, v in row.items() if c != value}, value: float(row[value]),
         # with two series each bar names its own (Women: 97%), so colour is never needed to read it
         "label": (f"{chart.label(lang, series, row[series])}{ui['colon']} " if series else "")
         + chart.label(lang, value, row[value])}
        for row in chart.rows
    ]
    order = list(dict.fromkeys(d[category] for d in data))
    lines = max(label.count("|") + 1 for label in order)  # a long category label is written on two lines
    y = {"field": category, "type": "nominal", "sort": order, "title": None,
         "axis": {"labelExpr": "split(datum.label, '|')", "labelLimit": 0}}
    x = {"field": value, "type": "quantitative", "title": text["axis"],
         "scale": {"domain": [0, 100] if chart.spec["unit_kind"] == "percent" else None, "zero": True}}
    encoding: dict[str, Any] = {"y": y, "x": x}
    if series:
        names = list(dict.fromkeys(d[series] for d in data))
        encoding["yOffset"] = {"field": series, "sort": names}
        encoding["color"] = {"field": series, "type": "nominal", "sort": names, "title": None,
                             "scale": {"domain": names, "range": COLOURS[: len(names)]},
                             "legend": None}
        bar: dict[str, Any] = {"type": "bar", "aria": False}
    else:
        bar = {"type": "bar", "aria": False, "color": COLOURS[0]}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": 220,
        "background": None,
        # room for text drawn in a wider font than the one vl-convert measured with (fonts vary by device)
        "padding": {"left": 28, "right": 28, "top": 4, "bottom": 4},
        "data": {"values": data},
        "encoding": encoding,
        "layer": [
            {"mark": bar},
            {"mark": {"type": "text", "aria": False, "align": "left", "dx": 4, "fill": "currentColor"},
             "encoding": {"text": {"field": "label"}}},
        ],
        "config": {
            "aria": False,
            "font": FONT,
            "view": {"stroke": None, "discreteHeight": {"step": 40 if series else 14 + 18 * lines}},
            "axis": {"labelColor": "currentColor", "titleColor": "currentColor", "domainColor": "currentColor",
                     "tickColor": "currentColor", "gridColor": "currentColor", "gridOpacity": 0.2,
                     "labelFontSize": 14, "titleFontSize": 14, "titleFontWeight": "normal"},
                        "text": {"fontSize": 14},
        },
    }


_SVG_OPEN = re.compile(r"<svg\b[^>]*>")
# Vega's roles for the parts of the root group (aria: false leaves them): the image is one whole here.
_INNER_ROLES = re.compile(r' (?:role|aria-roledescription)="[^"]*"')


@cache
def chart_svg(name: str, lang: str) -> str:
    """The chart as accessible inline SVG: role img, its title and description (CSS scales it down on phones)."""
    chart = load_chart(name)
    svg = vl_convert.vegalite_to_svg(vega_lite(chart, lang), format_locale=VEGA_LOCALES[lang])
    text, ident = chart.text(lang), f"dj-chart-{name}"
    opening = _SVG_OPEN.search(svg)
    if opening is None:
        raise ChartError(f"chart {name!r}: vl-convert returned no <svg>")
    tag = opening.group(0).replace("<svg", f'<svg role="img" aria-labelledby="{ident}-title {ident}-desc" focusable="false"', 1)
    heading = (f'<title id="{ident}-title">{html.escape(text["title"])}</title>'
               f'<desc id="{ident}-desc">{html.escape(text["description"])}</desc>')
    return tag + heading + _INNER_ROLES.sub("", svg[opening.end():])


def table_html(chart: Chart, lang: str) -> str:
    text = chart.text(lang)
    head = "".join(f'<th scope="col">{html.escape(text["columns"][c])}</th>' for c in chart.columns)
    body = ""
    for row in chart.rows:
        cells = []
        for i, column in enumerate(chart.columns):
            tag = "td" if column == chart.spec["value"] else "th"
            scope = ' scope="row"' if i == 0 and tag == "th" else ""
            cells.append(f"<{tag}{scope}>{html.escape(chart.label(lang, column, row[column]).replace('|', ' '))}</{tag}>")
        body += "<tr>" + "".join(cells) + "</tr>"
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _link(url: str, label: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(label)}</a>'


def source_line(chart: Chart, lang: str) -> str:
    """The note, source (publisher, title, part, release date) and licence under a chart."""
    text, spec, ui = chart.text(lang), chart.spec, load_ui_strings()[lang]
    source, licence = spec["source"], spec["licence"]
    return (
        f'<p class="dj-chart__source">{html.escape(text["note"])} {ui["chart_source"]}{ui["colon"]} '
        f'{html.escape(source["publisher"][lang])}, {_link(source["url"][lang], source["title"][lang])}, '
        f'{html.escape(source["part"][lang])}, {html.escape(source["released"][lang])}. '
        f'{ui["chart_licence"]}{ui["colon"]} {_link(licence["url"][lang], licence["name"][lang])}.</p>'
    )


def chart_block(name: str, lang: str) -> str:
    """The Markdown (raw HTML plus a Markdown link) that stands for ``<!-- dj-chart NAME -->``."""
    chart = load_chart(name)
    text, ui = chart.text(lang), load_ui_strings()[lang]
    ident = f"dj-chart-{name}"
    return "\n".join([
        f'<figure class="dj-chart" id="{ident}" aria-labelledby="{ident}-caption">',
        f'<figcaption id="{ident}-caption"><strong>{html.escape(text["title"])}</strong><br>'
        f'{html.escape(text["description"])}</figcaption>',
        f'<div class="dj-chart__image">{chart_svg(name, lang)}</div>',
        f'<div class="dj-chart__table">{table_html(chart, lang)}</div>',
        source_line(chart, lang),
        "</figure>",
        "",
        f'[{ui["chart_download"]}]({name}.csv){{ download="{text["file_name"]}" .dj-chart__download }}',
        "",
    ])


def with_charts(markdown: str, lang: str) -> str:
    """Replace each chart marker in a page's Markdown by its chart (an unknown name fails the build)."""
    return MARKER.sub(lambda m: chart_block(m.group("name"), lang), markdown)


def chart_names(markdown: str) -> list[str]:
    return MARKER.findall(markdown)


def csv_download(name: str, lang: str) -> str:
    """The CSV a reader downloads: the language's headers and labels, values as in the data file,
    and the source, period, unit and licence in ``#`` comment lines above the table."""
    chart = load_chart(name)
    text, spec, ui = chart.text(lang), chart.spec, load_ui_strings()[lang]
    out = io.StringIO()
    for key in ("title", "period", "unit"):
        value = text["title"] if key == "title" else spec[key][lang]
        out.write(f"# {ui['chart_' + key]}{ui['colon']} {value}\n")
    source = spec["source"]
    out.write(f"# {ui['chart_source']}{ui['colon']} {source['publisher'][lang]}, {source['title'][lang]}, "
              f"{source['part'][lang]}, {source['released'][lang]}, {source['url'][lang]}\n")
    out.write(f"# {ui['chart_licence']}{ui['colon']} {spec['licence']['name'][lang]}, {spec['licence']['url'][lang]}\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([text["columns"][c] for c in chart.columns])
    for row in chart.rows:
        writer.writerow([row[c] if c == spec["value"] else text["values"][row[c]].replace("|", " ") for c in chart.columns])
    return out.getvalue()
