"""The readers' privacy the browser enforces: the Content Security Policy and the referrer policy.

GitHub Pages sends no response header we choose, so both travel in every page as ``<meta>``
elements, written by the post-build pass (:mod:`datajam.site.postbuild`, last of its page edits,
when the HTML is final):

* ``<meta name="referrer" content="no-referrer">``: following a link to a source tells that site
  nothing of where the reader came from;
* ``<meta http-equiv="Content-Security-Policy">``: only the site's own files load, and only the
  inline code the build shipped runs, allowed by its SHA-256 hash computed here from the page
  itself (every executable inline ``<script>``, every ``<style>`` element, every ``style``
  attribute), so what another branch adds later is covered without a list to keep.

What a hash cannot allow fails the build (:class:`InlineCodeError`, with the file, line and fix):
inline event handlers (``onclick=``) and ``javascript:`` URLs. :func:`check_site` reads every HTML
file of the built site once more at the end: a page without the policy, or with inline code its
policy does not allow, fails the build instead of the reader's browser.

The offline copy (:mod:`datajam.site.offline`) gets the same policy plus the hash of the one script
its iframe-worker shim writes into a hidden frame at run time (:func:`worker_shim_script`): from
``file://`` browsers refuse Web Workers, and the frame inherits the page's policy.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from html.parser import HTMLParser
from pathlib import Path

REFERRER = '<meta name="referrer" content="no-referrer">'

# The policy of every page; the page's own hashes are added to script-src and style-src.
DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'self'",)),
    ("script-src", ("'self'",)),  # Material's bundle, our scripts; + the page's inline scripts by hash
    ("style-src", ("'self'",)),  # the one stylesheet; + the page's <style> elements by hash
    ("img-src", ("'self'", "data:")),  # data: the favicon and Material's CSS icons
    ("connect-src", ("'self'",)),  # the search index
    ("worker-src", ("'self'",)),  # Material's search worker
    ("object-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    ("form-action", ("'self'",)),
)

_EXECUTED_TYPES = {"", "module", "importmap", "speculationrules"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}
_META_CSP = re.compile(r'[ \t]*<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')
_META_REFERRER = re.compile(r'[ \t]*<meta name="referrer" content="[^"]*">\n?')
_CHARSET = re.compile(r"<meta charset=\"[^\"]*\">", re.I)  # stays in the first 1,024 bytes, before the policy
_HEAD = re.compile(r"<head\b[^>]*>", re.I)


class InlineCodeError(ValueError):
    """Inline code the policy cannot allow, or a page whose policy does not match it."""


def sha256(text: str) -> str:
    """A CSP hash source of ``text`` as the browser hashes it (UTF-8, newlines normalised)."""
    data = text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")
    return f"'sha256-{base64.b64encode(hashlib.sha256(data).digest()).decode('ascii')}'"


def executed(script_type: str | None) -> bool:
    """Whether the browser runs (and CSP checks) a ``<script>`` of this type; data blocks are not."""
    kind = (script_type or "").split(";")[0].strip().lower()
    return kind in _EXECUTED_TYPES or kind.endswith(("javascript", "ecmascript"))


class InlineCode(HTMLParser):
    """The inline code of one page: scripts, ``<style>`` elements, ``style`` attributes, and problems."""

    def __init__(self, path: str = "") -> None:
        super().__init__(convert_charrefs=False)  # script and style text stays as the browser hashes it
        self.path = path
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.style_attributes: list[str] = []
        self.problems: list[str] = []
        self._reading: list[str] | None = None
        self._into: list[str] | None = None

    @classmethod
    def of(cls, text: str, path: str = "") -> InlineCode:
        found = cls(path)
        found.feed(text)
        found.close()
        return found

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(
                    f"{self.path}:{line}: <{tag} {name}=…>: an inline event handler cannot be allowed by a hash. "
                    f"Fix: give the element a class or data- attribute and attach the handler with addEventListener "
                    f"from a script (overrides/partials/javascripts/ or docs/assets/)."
                )
            elif name in _URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(
                    f"{self.path}:{line}: <{tag} {name}=\"javascript:…\">: a javascript: URL cannot be allowed by a hash. "
                    f"Fix: link to a real address (or use a <button>) and do the work in a script with addEventListener."
                )
            elif name == "style" and value:
                self.style_attributes.append(value)
        if tag == "script" and "src" not in values and executed(values.get("type")):
            self._reading, self._into = [], self.scripts
        elif tag == "style":
            self._reading, self._into = [], self.styles

    def handle_data(self, data: str) -> None:
        if self._reading is not None:
            self._reading.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._reading is not None and self._into is not None:
            self._into.append("".join(self._reading))
        if tag in ("script", "style"):
            self._reading = self._into = None


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def policy(code: InlineCode, extra_scripts: Sequence[str] = (), live_reload: bool = False) -> str:
    """The page's policy: :data:`DIRECTIVES` plus the hashes of its inline code.

    ``live_reload`` (``make serve`` only, never a published build): the development server adds an
    inline script with a new timestamp to every page it serves, which no hash can allow, so inline
    scripts are allowed by ``'unsafe-inline'`` instead of their hashes (a hash would disable it).
    """
    scripts = ["'unsafe-inline'"] if live_reload else unique(sha256(s) for s in [*code.scripts, *extra_scripts])
    extra = {
        "script-src": scripts,
        "style-src": unique(sha256(s) for s in code.styles),
    }
    parts = [" ".join([name, *sources, *extra.get(name, [])]) for name, sources in DIRECTIVES]
    if code.style_attributes:
        # Style attributes can only be allowed by hash with 'unsafe-hashes' (CSP level 3); it allows
        # exactly these values, nothing else. Without style attributes, style-src forbids them all.
        hashes = unique(sha256(s) for s in code.style_attributes)
        parts.append(" ".join(["style-src-attr", "'unsafe-hashes'", *hashes]))
    return "; ".join(parts)


def meta(policy_text: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy_text, quote=False)}">'


def with_head_meta(output: str, element: str, existing: re.Pattern[str], path: str) -> str:
    """Put ``element`` first in ``<head>`` (after ``<meta charset>``), replacing an ``existing`` one."""
    output = existing.sub("", output)
    start = _CHARSET.search(output) or _HEAD.search(output)
    if not start:
        raise InlineCodeError(f"{path}: no <head>: the page cannot carry its policy. Fix: render it from a full HTML template.")
    return output[: start.end()] + "\n" + element + output[start.end() :]


def with_referrer_policy(output: str, path: str = "") -> str:
    return with_head_meta(output, REFERRER, _META_REFERRER, path)


def with_policy(output: str, path: str = "", extra_scripts: Sequence[str] = (), live_reload: bool = False) -> str:
    """The page with its Content Security Policy first in ``<head>``; :class:`InlineCodeError` if its
    inline code cannot be allowed."""
    output = _META_CSP.sub("", output)
    code = InlineCode.of(output, path)
    if code.problems:
        raise InlineCodeError("\n".join(code.problems))
    return with_head_meta(output, meta(policy(code, extra_scripts, live_reload)), _META_CSP, path)


# -- the offline copy's worker shim --------------------------------------------------------------
_SHIM_FRAME = re.compile(r"`<html><body><script>(.*?)<\\/script>")
_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")


def function_source(code: str, name: str) -> str:
    """The source text of ``function name(…){…}`` in ``code``, as ``Function.prototype.toString`` gives it."""
    start = code.find(f"function {name}(")
    if start < 0:
        raise InlineCodeError(f"iframe-worker shim: no function {name}")
    depth = 0
    for index in range(code.index("{", start), len(code)):
        depth += {"{": 1, "}": -1}.get(code[index], 0)
        if depth == 0:
            return code[start : index + 1]
    raise InlineCodeError(f"iframe-worker shim: function {name} does not end")


def worker_shim_script(shim: str, worker: str) -> str:
    """The inline script the iframe-worker shim writes into its frame when a page starts Material's
    search worker from ``worker`` (its URL as the page's configuration names it): the frame inherits
    the page's policy, so the page needs its hash."""
    template = _SHIM_FRAME.search(shim)
    if not template:
        raise InlineCodeError(
            "iframe-worker shim: its frame's script changed (expected `<html><body><script>…<\\/script>`). "
            "Fix: after upgrading iframe-worker, update worker_shim_script in src/datajam/site/csp.py."
        )
    names = set(_PLACEHOLDER.findall(template.group(1)))
    functions = {n: function_source(shim, n) for n in names if f"function {n}(" in shim}
    if len(names - functions.keys()) != 1:
        raise InlineCodeError(
            f"iframe-worker shim: expected the worker URL and functions in its frame's script, found {sorted(names)}. "
            "Fix: after upgrading iframe-worker, update worker_shim_script in src/datajam/site/csp.py."
        )
    return _PLACEHOLDER.sub(lambda m: functions.get(m.group(1), worker), template.group(1))


# -- the last check ------------------------------------------------------------------------------
_META_CSP_CONTENT = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def allows(sources: Sequence[str], code: str, attribute: bool = False) -> bool:
    """Whether a directive with these ``sources`` lets the browser run ``code`` inline (CSP level 3)."""
    if "'unsafe-inline'" in sources and not any(s.startswith(("'sha256-", "'nonce-")) for s in sources):
        return True
    return sha256(code) in sources and (not attribute or "'unsafe-hashes'" in sources)


def check_page(text: str, path: str) -> list[str]:
    """What is wrong with one built page's policies (empty: nothing)."""
    if REFERRER not in text:
        return [f"{path}: no referrer policy. Fix: build the page through datajam.site.postbuild (PAGE_EDITS)."]
    found = _META_CSP_CONTENT.search(text)
    if not found:
        return [f"{path}: no Content-Security-Policy. Fix: build the page through datajam.site.postbuild (PAGE_EDITS)."]
    directives = {d.split()[0]: d.split()[1:] for d in html.unescape(found.group(1)).split(";") if d.strip()}
    script, style = directives.get("script-src", []), directives.get("style-src", [])
    code = InlineCode.of(text, path)
    missing = [s for s in code.scripts if not allows(script, s)] + [s for s in code.styles if not allows(style, s)]
    missing += [s for s in code.style_attributes if not allows(directives.get("style-src-attr", style), s, attribute=True)]
    return code.problems + [
        f"{path}: inline code added after its policy was written, not allowed: {s[:60]!r}. "
        "Fix: change the page before the last page edit of datajam.site.postbuild (the policy), not after."
        for s in missing
    ]


def check_site(root: Path) -> int:
    """Every HTML file under ``root`` carries its policies and they allow its inline code; returns
    the number of files checked, or raises :class:`InlineCodeError` naming each fault."""
    files = sorted(root.rglob("*.html"))
    faults = [f for p in files for f in check_page(p.read_text(encoding="utf-8"), str(p))]
    if faults:
        raise InlineCodeError("\n".join(faults))
    return len(files)
