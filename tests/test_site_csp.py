"""The Content Security Policy the build writes (datajam.site.csp), without a browser; the browser
tests that the reader's Chromium enforces it are in tests/test_safety_csp.py."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from datajam.site import csp
from datajam.site.offline import SHIM

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>T</title>
{head}
</head>
<body>
{body}
</body>
</html>
"""


def page(head: str = "", body: str = "") -> str:
    return PAGE.format(head=head, body=body)


def directives(text: str) -> dict[str, list[str]]:
    content = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', text)
    assert content, "no policy"
    return {d.split()[0]: d.split()[1:] for d in content.group(1).split("; ")}


def test_a_hash_is_the_one_the_csp_specification_gives() -> None:
    # CSP Level 3, "hash-source" example: <script>alert('Hello, world.');</script>
    assert csp.sha256("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    assert csp.sha256("a\r\nb") == csp.sha256("a\nb")  # the HTML parser normalises newlines before the browser hashes


def test_every_inline_script_and_style_of_the_page_is_allowed_by_its_hash_and_nothing_else() -> None:
    text = csp.with_policy(page(
        head="<style>.a { color: red; }</style>\n<script>var first = 1;</script>",
        body=(
            '<p style="grid-area: 2 / 1">x</p><script type="module">import "./m.js";</script>\n'
            '<script src="../assets/x.js"></script><script type="application/json" id="data">{"a": 1}</script>\n'
            "<svg><style>circle { fill: red; }</style></svg><script>var first = 1;</script>"
        ),
    ))
    found = directives(text)
    assert found["script-src"] == ["'self'", csp.sha256("var first = 1;"), csp.sha256('import "./m.js";')]  # once each; data blocks not run
    assert found["style-src"] == ["'self'", csp.sha256(".a { color: red; }"), csp.sha256("circle { fill: red; }")]
    assert found["style-src-attr"] == ["'unsafe-hashes'", csp.sha256("grid-area: 2 / 1")]
    assert found["default-src"] == ["'self'"] and found["img-src"] == ["'self'", "data:"]
    assert found["object-src"] == ["'none'"] and found["base-uri"] == ["'self'"] and found["form-action"] == ["'self'"]
    assert found["connect-src"] == ["'self'"] and found["worker-src"] == ["'self'"]
    assert "unsafe-inline" not in text and "unsafe-eval" not in text
    # first in <head>, right after the charset (which must stay in the first 1,024 bytes)
    assert text.index('<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"') < text.index("<title>")


def test_without_style_attributes_the_policy_allows_none() -> None:
    found = directives(csp.with_policy(page(body="<p>x</p>")))
    assert "style-src-attr" not in found and found["style-src"] == ["'self'"] and found["script-src"] == ["'self'"]


def test_a_rebuilt_page_gets_one_policy_and_one_referrer_policy() -> None:
    once = csp.with_referrer_policy(csp.with_policy(page(head="<script>a()</script>")))
    twice = csp.with_referrer_policy(csp.with_policy(once))
    assert twice == once and twice.count("Content-Security-Policy") == 1 and twice.count(csp.REFERRER) == 1


@pytest.mark.parametrize(("markup", "says"), [
    ('<button type="button" onclick="go()">Go</button>', r"x\.html:9: <button onclick=…>: an inline event handler .* Fix: .*addEventListener"),
    ('<svg><circle onload="go()"/></svg>', r"x\.html:9: <circle onload=…>"),
    ('<a href=" JavaScript:go()">Go</a>', r"x\.html:9: <a href=\"javascript:…\">: a javascript: URL .* Fix: link to a real address"),
])
def test_inline_code_no_hash_can_allow_is_named_with_its_file_line_and_fix(markup: str, says: str) -> None:
    with pytest.raises(csp.InlineCodeError, match=says):
        csp.with_policy(page(body=markup), "site/x.html")


def test_the_last_check_finds_code_added_after_the_policy_and_pages_without_one(tmp_path: Path) -> None:
    good = csp.with_referrer_policy(csp.with_policy(page(head="<script>a()</script>")))
    (tmp_path / "good.html").write_text(good, encoding="utf-8")
    assert csp.check_site(tmp_path) == 1
    (tmp_path / "late.html").write_text(good.replace("</body>", "<script>b()</script></body>"), encoding="utf-8")
    (tmp_path / "bare.html").write_text(page(), encoding="utf-8")
    with pytest.raises(csp.InlineCodeError) as failure:
        csp.check_site(tmp_path)
    message = str(failure.value)
    assert f"{tmp_path / 'late.html'}: inline code added after its policy was written, not allowed: 'b()'" in message
    assert f"{tmp_path / 'bare.html'}: no referrer policy" in message and "good.html" not in message


def test_the_offline_worker_shim_frame_script_is_rebuilt_from_the_shim() -> None:
    """The script iframe-worker writes into its frame: its functions' source and the page's worker URL
    (the browser test in tests/test_offline.py shows Chromium accepts its hash)."""
    shim = (ROOT / SHIM).read_text(encoding="utf-8")
    script = csp.worker_shim_script(shim, "../assets/javascripts/workers/search.1.min.js")
    assert script.startswith("postMessage=function ") and ";importScripts=function " in script
    assert 'filename:"../assets/javascripts/workers/search.1.min.js"' in script and "${" not in script
    with pytest.raises(csp.InlineCodeError, match="Fix: after upgrading iframe-worker"):
        csp.worker_shim_script(shim.replace("<html><body><script>", "<html><script>"), "w.js")


def test_a_page_with_an_inline_handler_fails_the_strict_build_naming_file_and_fix(project_copy: Path, strict_build) -> None:
    target = project_copy / "docs/fr/help/index.md"
    target.write_text(target.read_text(encoding="utf-8") + '\n<button type="button" onclick="alert(1)">OK</button>\n', encoding="utf-8")
    result: subprocess.CompletedProcess[str] = strict_build(project_copy / "site", cwd=project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert re.search(r"Inline code the Content Security Policy cannot allow:\n.*fr/help/index\.html:\d+: <button onclick=…>.*Fix: ", output), output


def test_under_make_serve_inline_scripts_are_allowed_without_hashes_for_the_live_reload_script() -> None:
    """The development server adds a script with a new timestamp to each page it serves; a published
    build never has this policy (tests/test_safety_csp.py loads the strict build)."""
    served = csp.with_referrer_policy(csp.with_policy(page(head="<script>a()</script>"), live_reload=True))
    assert directives(served)["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp.check_page(served.replace("</body>", "<script>livereload(1, 2);</script></body>"), "x.html") == []
    strict = csp.with_referrer_policy(csp.with_policy(page(head="<script>a()</script>")))
    assert csp.check_page(strict.replace("</body>", "<script>livereload(1, 2);</script></body>"), "x.html") != []
