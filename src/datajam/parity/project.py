"""Parity beyond pages: nav titles, interface strings of ``overrides/``, bilingual data files."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from datajam import LANGUAGES
from datajam.bilingual import language_gaps, missing_keys
from datajam.parity.findings import Finding
from datajam.parity.inline import scan
from datajam.parity.language import looks_english
from datajam.parity.typography import typography_issues


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml: unknown tags (``!ENV``, ``!!python/name``) become None."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _line_of(text: str, needle: str, default: int = 1) -> int:
    pos = text.find(needle)
    return text.count("\n", 0, pos) + 1 if pos >= 0 else default


def _finding(path: str, line: int, check: str, problem: str, fix: str, severity: str = "error") -> Finding:
    """A finding about a project file (not a page of either language folder)."""
    return Finding(path=path, line=line, check=check, problem=problem, fix=fix, side="", severity=severity)


def _prose_findings(path: str, line: int, value: str, what: str) -> list[Finding]:
    """Untranslated text and typography in one French string of a project file."""
    found = []
    clean = scan(value).clean
    if looks_english(clean):
        found.append(_finding(path, line, "untranslated", f"{what} is still in English: {value!r}",
                              "translate it into French"))
    for _, problem, fix in typography_issues(clean):
        found.append(_finding(path, line, "typography", f"{what} {value!r}: {problem}", fix))
    return found


def nav_findings(config: Path, lang: str = "fr") -> list[Finding]:
    """Every section title (and explicit page title) of the nav has a ``nav_translations`` entry."""
    name = str(config)
    try:
        text = config.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_Loader) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return [_finding(name, 1, "nav-title", f"cannot read the configuration: {exc}".replace("\n", " "),
                         "fix the file")]
    if not isinstance(data, dict):
        return []
    translations: dict[str, Any] | None = None
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            for language in plugin["i18n"].get("languages") or []:
                if isinstance(language, dict) and language.get("locale") == lang:
                    translations = language.get("nav_translations") or {}
    if translations is None:
        return []  # no i18n plugin for this language: nothing to compare
    titles: list[str] = []

    def walk(items: Any) -> None:
        for item in items or []:
            if isinstance(item, dict):
                for title, value in item.items():
                    titles.append(str(title))
                    if isinstance(value, list):
                        walk(value)

    walk(data.get("nav"))
    found = []
    for title in titles:
        value = translations.get(title)
        line = _line_of(text, f"- {title}:", _line_of(text, f'- "{title}":'))
        if not isinstance(value, str) or not value.strip():
            found.append(_finding(name, line, "nav-title", f"nav title {title!r} has no {lang} translation",
                                  f"add '{title}: <translation>' under nav_translations of the {lang} language"))
        else:
            found += _prose_findings(name, _line_of(text, f"{value}"), value, f"nav title translation of {title!r}")
    for key in translations:
        if key not in titles:
            found.append(_finding(name, _line_of(text, f"{key}:"), "nav-title", f"nav_translations entry {key!r} "
                                  "matches no nav title", "rename it to the exact English nav title or remove it",
                                  severity="warning"))
    return found


UI_USE = re.compile(r"\bui\.(\w+)|\bui\[['\"](\w+)['\"]\]|\bui_all\[[^\]]+\]\.(\w+)")


def ui_findings(ui_dir: Path, templates: Path | None = None, languages: tuple[str, ...] = LANGUAGES) -> list[Finding]:
    """Every language's interface strings have the same non-empty keys, and every string the templates use."""
    files = {lang: ui_dir / f"{lang}.yml" for lang in languages}
    texts = {lang: p.read_text(encoding="utf-8") if p.is_file() else "" for lang, p in files.items()}
    found: list[Finding] = [_finding(str(p), 1, "ui-string", f"no interface strings file {p.name}",
                                     f"create {p} with the keys of the other language")
                            for p in files.values() if not p.is_file()]
    data: dict[str, dict[str, Any]] = {}
    for lang, text in texts.items():
        try:
            loaded = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            found.append(_finding(str(files[lang]), 1, "ui-string", f"unreadable YAML: {exc}".replace("\n", " "),
                                  "fix the YAML syntax"))
            loaded = {}
        data[lang] = loaded if isinstance(loaded, dict) else {}
    for key, missing_in, present_in in missing_keys(data, languages):
        found.append(_finding(str(files[missing_in]), 1, "ui-string", f"interface string '{key}' is missing "
                              f"(present in {files[present_in].name}:{_line_of(texts[present_in], f'{key}:')})",
                              f"add '{key}: <{missing_in} text>'"))
    for lang in languages:
        for key, value in data[lang].items():
            if value is None or (isinstance(value, str) and not value.strip()):
                found.append(_finding(str(files[lang]), _line_of(texts[lang], f"{key}:"), "ui-string",
                                      f"interface string '{key}' is empty", "write the text"))
    if templates and templates.is_dir():
        for tpl in sorted(templates.rglob("*.html")):
            tpl_text = tpl.read_text(encoding="utf-8", errors="replace")
            for m in UI_USE.finditer(tpl_text):
                key = next(g for g in m.groups() if g)
                for lang in languages:
                    if key not in data[lang]:
                        found.append(_finding(str(tpl), tpl_text.count("\n", 0, m.start()) + 1, "ui-string",
                                              f"template uses interface string '{key}' missing from {files[lang].name}",
                                              f"add '{key}:' to {files[lang].name}"))
    return found


def bilingual_findings(paths: list[Path], languages: tuple[str, ...] = LANGUAGES) -> list[Finding]:
    """In YAML data, any mapping with a language key has every language, non-empty (:func:`language_gaps`)."""
    found: list[Finding] = []
    for path in paths:
        name = str(path)
        try:
            root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        except (OSError, UnicodeDecodeError) as exc:
            found.append(_finding(name, 1, "bilingual-field", f"cannot read: {exc}", "fix the file"))
            continue
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            found.append(_finding(name, mark.line + 1 if mark else 1, "bilingual-field",
                                  f"unreadable YAML: {getattr(exc, 'problem', exc)}", "fix the YAML syntax"))
            continue
        stack = [root] if root is not None else []
        while stack:
            node = stack.pop()
            if isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)
            elif isinstance(node, yaml.MappingNode):
                entries = {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
                values = {k: v for k, (_, v) in entries.items()}
                for lang, state in language_gaps(values, _empty, languages):
                    if state == "missing":
                        found.append(_finding(name, node.start_mark.line + 1, "bilingual-field", f"field has "
                                              f"{'/'.join(k for k in languages if k in entries)} but no '{lang}'",
                                              f"add '{lang}:' with the translation"))
                    else:
                        found.append(_finding(name, entries[lang][0].start_mark.line + 1, "bilingual-field",
                                              f"'{lang}' is empty", f"write the {lang} text"))
                both = [entries[lang][1] for lang in languages if lang in entries]
                if len(both) == 2 and all(isinstance(v, yaml.MappingNode) for v in both):
                    found += _same_keys(name, both[0], both[1], languages)
                if "fr" in entries:
                    for line, value in _strings(entries["fr"][0], entries["fr"][1]):
                        found += _prose_findings(name, line, value, "'fr' text")
                stack.extend(v for _, v in node.value)
    return found


def _strings(key: yaml.Node, value: yaml.Node) -> list[tuple[int, str]]:
    """``(line, text)`` of every string under a French value (a string or a mapping of strings)."""
    if isinstance(value, yaml.ScalarNode):
        return [(key.start_mark.line + 1, str(value.value))] if value.tag.endswith(":str") else []
    if isinstance(value, yaml.MappingNode):
        return [item for k, v in value.value for item in _strings(k, v)]
    if isinstance(value, yaml.SequenceNode):
        return [item for v in value.value for item in _strings(v, v)]
    return []


def _same_keys(name: str, a: yaml.MappingNode, b: yaml.MappingNode, languages: tuple[str, ...]) -> list[Finding]:
    keys = [{k.value: k for k, _ in m.value if isinstance(k, yaml.ScalarNode)} for m in (a, b)]
    found = []
    for i, j in ((0, 1), (1, 0)):
        for key in sorted(keys[i].keys() - keys[j].keys(), key=str):
            found.append(_finding(name, keys[i][key].start_mark.line + 1, "bilingual-field",
                                  f"'{key}' exists under '{languages[i]}' but not under '{languages[j]}'",
                                  f"add '{key}:' under '{languages[j]}'"))
    return found


def _empty(node: yaml.Node) -> bool:
    if isinstance(node, yaml.ScalarNode):
        return node.tag.endswith(":null") or not str(node.value).strip()
    return not node.value


def data_files(data_dir: Path, exclude: tuple[str, ...] = ("ui", "parity", "qa", "terms.yml")) -> list[Path]:
    """YAML data files to hold bilingual fields (``data/ui`` is per-language, checked by ui_findings; the term
    base and the revision data of ``data/qa`` are not content)."""
    if not data_dir.is_dir():
        return []
    return sorted(p for p in data_dir.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file()
                  and p.relative_to(data_dir).parts[0] not in exclude)


def french_strings(root: Path) -> list[tuple[str, int, str]]:
    """``(file, line, text)`` of the French text of project files: nav translations, interface strings, data."""
    found: list[tuple[str, int, str]] = []
    config, ui = root / "mkdocs.yml", root / "data" / "ui" / "fr.yml"
    if config.is_file():
        for language in _find_mappings(yaml.compose(config.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)):
            entries = {k.value: v for k, v in language.value if isinstance(k, yaml.ScalarNode)}
            if getattr(entries.get("locale"), "value", None) == "fr" and "nav_translations" in entries:
                found += [(str(config), ln, text) for ln, text in _strings(entries["nav_translations"],
                                                                          entries["nav_translations"])]
    if ui.is_file():
        node = yaml.compose(ui.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        found += [(str(ui), ln, text) for ln, text in _strings(node, node)] if node is not None else []
    for path in data_files(root / "data"):
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        for mapping in _find_mappings(node):
            for k, v in mapping.value:
                if isinstance(k, yaml.ScalarNode) and k.value == "fr":
                    found += [(str(path), ln, text) for ln, text in _strings(k, v)]
    return found


def _find_mappings(node: yaml.Node | None) -> list[yaml.MappingNode]:
    found, stack = [], [node] if node is not None else []
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.MappingNode):
            found.append(n)
            stack.extend(v for _, v in n.value)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
    return found
