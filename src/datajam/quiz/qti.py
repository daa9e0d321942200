"""A page's questions as an IMS QTI 2.1 content package (zip), and a reader for it.

The package holds ``imsmanifest.xml``, one ``assessmentItem`` per question
(``choiceInteraction``: one choice for single and true-false questions, several for
multiple-choice ones; every option's explanation as a ``feedbackInline`` shown for the
options chosen) and an ``assessmentTest`` that lists them in order, for learning platforms
that import QTI 2.1 (Moodle only with a QTI import plugin); no import into a real platform
has been tried. Links in explanations point to the published handbook.
"""

from __future__ import annotations

import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import markdown

from datajam.quiz.model import Question, letter

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = f"{NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p2.xsd"
ET.register_namespace("", NS)
ET.register_namespace("xsi", XSI)


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def page_url(src: str, site_url: str, lang_prefix: str) -> str:
    """The published URL of a Markdown page (``handbook/module-1/forms.md`` -> ``…/handbook/module-1/forms/``)."""
    path = src[: -len(".md")] if src.endswith(".md") else src
    path = path[: -len("index")] if path.endswith("index") else path + "/"
    return urljoin(site_url, lang_prefix + path)


def _xhtml(text: str, page_src: str, site_url: str, lang_prefix: str, inline: bool) -> list[ET.Element | str]:
    """Markdown as QTI's XHTML content; relative links become absolute links to the handbook."""
    html = markdown.markdown(text)
    if inline:
        html = re.sub(r"^<p>(.*)</p>$", r"\1", html, flags=re.S)
    root = ET.fromstring(f'<div xmlns="{NS}">{html}</div>')
    for link in root.iter(_q("a")):
        target = link.get("href", "")
        if not urlsplit(target).scheme and not target.startswith("#"):
            path, _, fragment = target.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), path))
            link.set("href", page_url(resolved, site_url, lang_prefix) + (f"#{fragment}" if fragment else ""))
    return ([root.text] if root.text else []) + list(root)


def _append(parent: ET.Element, content: list[ET.Element | str]) -> None:
    for part in content:
        if isinstance(part, str):
            if len(parent):
                parent[-1].tail = (parent[-1].tail or "") + part
            else:
                parent.text = (parent.text or "") + part
        else:
            parent.append(part)


def item_xml(question: Question, ident: str, lang: str, page_src: str, site_url: str, lang_prefix: str) -> bytes:
    cardinality = "multiple" if question.kind == "multiple" else "single"
    item = ET.Element(_q("assessmentItem"), {
        "identifier": ident, "title": re.sub(r"[*_`]", "", question.text)[:200], "adaptive": "false",
        "timeDependent": "false", f"{{{XSI}}}schemaLocation": SCHEMA, "{http://www.w3.org/XML/1998/namespace}lang": lang,
    })
    response = ET.SubElement(item, _q("responseDeclaration"), {
        "identifier": "RESPONSE", "cardinality": cardinality, "baseType": "identifier"})
    correct = ET.SubElement(response, _q("correctResponse"))
    for i in question.correct:
        ET.SubElement(correct, _q("value")).text = letter(i)
    for name, card, base in (("SCORE", "single", "float"), ("FEEDBACK", cardinality, "identifier")):
        ET.SubElement(item, _q("outcomeDeclaration"), {"identifier": name, "cardinality": card, "baseType": base})
    body = ET.SubElement(item, _q("itemBody"))
    convert = lambda text, inline: _xhtml(text, page_src, site_url, lang_prefix, inline)  # noqa: E731
    if question.intro:
        _append(body, convert(question.intro, False))
    interaction = ET.SubElement(body, _q("choiceInteraction"), {
        "responseIdentifier": "RESPONSE", "shuffle": "false", "maxChoices": "0" if cardinality == "multiple" else "1"})
    prompt = ET.SubElement(interaction, _q("prompt"))
    _append(prompt, convert(question.text, True))
    for i, option in enumerate(question.options):
        choice = ET.SubElement(interaction, _q("simpleChoice"), {"identifier": letter(i)})
        _append(choice, convert(option.text, True))
        feedback = ET.SubElement(choice, _q("feedbackInline"), {
            "outcomeIdentifier": "FEEDBACK", "identifier": letter(i), "showHide": "show"})
        _append(feedback, convert(option.feedback, True))
    processing = ET.SubElement(item, _q("responseProcessing"))
    condition = ET.SubElement(processing, _q("responseCondition"))
    branch = ET.SubElement(condition, _q("responseIf"))
    match = ET.SubElement(branch, _q("match"))
    ET.SubElement(match, _q("variable"), {"identifier": "RESPONSE"})
    ET.SubElement(match, _q("correct"), {"identifier": "RESPONSE"})
    for parent, value in ((branch, "1"), (ET.SubElement(condition, _q("responseElse")), "0")):
        setter = ET.SubElement(parent, _q("setOutcomeValue"), {"identifier": "SCORE"})
        ET.SubElement(setter, _q("baseValue"), {"baseType": "float"}).text = value
    setter = ET.SubElement(processing, _q("setOutcomeValue"), {"identifier": "FEEDBACK"})
    ET.SubElement(setter, _q("variable"), {"identifier": "RESPONSE"})
    return ET.tostring(item, encoding="utf-8", xml_declaration=True)


def test_xml(ident: str, title: str, items: list[str]) -> bytes:
    test = ET.Element(_q("assessmentTest"), {"identifier": ident, "title": title, f"{{{XSI}}}schemaLocation": SCHEMA})
    part = ET.SubElement(test, _q("testPart"), {"identifier": "part", "navigationMode": "nonlinear",
                                                "submissionMode": "individual"})
    section = ET.SubElement(part, _q("assessmentSection"), {"identifier": "section", "title": title, "visible": "true"})
    for name in items:
        ET.SubElement(section, _q("assessmentItemRef"), {"identifier": name, "href": f"{name}.xml"})
    return ET.tostring(test, encoding="utf-8", xml_declaration=True)


def manifest_xml(ident: str, items: list[str]) -> bytes:
    ET.register_namespace("", CP)
    root = ET.Element(f"{{{CP}}}manifest", {"identifier": f"{ident}-manifest"})
    ET.SubElement(root, f"{{{CP}}}organizations")
    resources = ET.SubElement(root, f"{{{CP}}}resources")
    test = ET.SubElement(resources, f"{{{CP}}}resource", {"identifier": ident, "type": "imsqti_test_xmlv2p1",
                                                          "href": "test.xml"})
    ET.SubElement(test, f"{{{CP}}}file", {"href": "test.xml"})
    for name in items:
        ET.SubElement(test, f"{{{CP}}}dependency", {"identifierref": name})
    for name in items:
        res = ET.SubElement(resources, f"{{{CP}}}resource", {"identifier": name, "type": "imsqti_item_xmlv2p1",
                                                             "href": f"{name}.xml"})
        ET.SubElement(res, f"{{{CP}}}file", {"href": f"{name}.xml"})
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    ET.register_namespace("", NS)
    return data


def package(questions: list[Question], ident: str, title: str, lang: str, page_src: str, site_url: str,
            lang_prefix: str) -> bytes:
    """The zip: ``imsmanifest.xml``, ``test.xml`` and ``<ident>-qNN.xml`` per question."""
    names = [f"{ident}-q{n:02d}" for n in range(1, len(questions) + 1)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in [("imsmanifest.xml", manifest_xml(ident, names)), ("test.xml", test_xml(ident, title, names))]:
            archive.writestr(zipfile.ZipInfo(info, (2021, 5, 7, 0, 0, 0)), data)
        for name, question in zip(names, questions):
            data = item_xml(question, name, lang, page_src, site_url, lang_prefix)
            archive.writestr(zipfile.ZipInfo(f"{name}.xml", (2021, 5, 7, 0, 0, 0)), data)
    return buffer.getvalue()


def _without(element: ET.Element, tag: str) -> ET.Element:
    copy = ET.Element(element.tag, element.attrib)
    copy.text = element.text
    copy.extend(child for child in element if child.tag != tag)
    return copy


@dataclass(frozen=True)
class ReadItem:
    prompt: str
    choices: tuple[str, ...]
    feedback: tuple[str, ...]
    links: tuple[str, ...]
    correct: tuple[str, ...]
    max_choices: int


def read_package(data: bytes) -> list[ReadItem]:
    """The items of a package, in the order its manifest's test lists them (for checks and tests)."""
    items = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        test_res = next(r for r in manifest.iter(f"{{{CP}}}resource") if r.get("type") == "imsqti_test_xmlv2p1")
        test = ET.fromstring(archive.read(test_res.get("href", "")))
        for ref in test.iter(_q("assessmentItemRef")):
            item = ET.fromstring(archive.read(ref.get("href", "")))
            interaction = item.find(f".//{_q('choiceInteraction')}")
            assert interaction is not None, f"{ref.get('href')}: no choiceInteraction"
            choices = interaction.findall(_q("simpleChoice"))
            text = lambda el: " ".join("".join(el.itertext()).split())  # noqa: E731
            items.append(ReadItem(
                prompt=text(interaction.find(_q("prompt"))),
                choices=tuple(text(_without(c, _q("feedbackInline"))) for c in choices),
                feedback=tuple(text(c.find(_q("feedbackInline"))) for c in choices),
                links=tuple(a.get("href", "") for a in item.iter(_q("a"))),
                correct=tuple(v.text or "" for v in item.iter(_q("value"))),
                max_choices=int(interaction.get("maxChoices", "1")),
            ))
    return items
