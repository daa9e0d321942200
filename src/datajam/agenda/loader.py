"""Read YAML and remember the line of every value, for error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


class AgendaLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML 1.1 safe loader (libyaml when available) without its traps for organizers.

    ``10:30`` stays the text "10:30" (not the base-60 integer 630) and dates
    stay text, so pydantic parses them with clear messages.
    """


AgendaLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp",)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:int", r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
):
    for _ch in _first:
        AgendaLoader.yaml_implicit_resolvers[_ch] = [
            (t, r) for t, r in AgendaLoader.yaml_implicit_resolvers.get(_ch, []) if t != _tag
        ] + [(_tag, re.compile(_pattern))]


class YamlSyntaxError(ValueError):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class LoadedYaml:
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int:
        """The line of ``path``, or of its closest parent that has one."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def _record(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    """Record the line of every value; a mapping value gets its key's line."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key.start_mark)
            lines[(*path, name)] = key.start_mark.line + 1
            _record(value, (*path, name), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, (*path, index), lines)


def load_yaml_text(text: str) -> LoadedYaml:
    """Parse YAML text; raise :class:`YamlSyntaxError` with the line on bad syntax."""
    loader = AgendaLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(f"{exc.problem or exc.context}", line) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc), 1) from exc
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    if node is not None:
        _record(node, (), lines)
    return LoadedYaml(data, lines)


def load_yaml(path: Path) -> LoadedYaml:
    """Read and parse ``path``; ``OSError``/``UnicodeDecodeError`` mean unreadable."""
    return load_yaml_text(path.read_text(encoding="utf-8"))
