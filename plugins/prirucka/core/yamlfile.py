"""YAML files editors write, read with the line of every key for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import AuthorError

KeyPath = tuple[Any, ...]


class Located:
    """Parsed YAML plus where each key was written."""

    def __init__(self, path: Path, data: Any, lines: dict[KeyPath, int]) -> None:
        self.path = path
        self.data = data
        self._lines = lines

    def line(self, *key: Any) -> int | None:
        """Line of `key` (a path like ('edition', 'date')), or of its nearest written parent."""
        while key:
            if key in self._lines:
                return self._lines[key]
            key = key[:-1]
        return 1

    def error(self, key: KeyPath, message: str) -> AuthorError:
        return AuthorError(self.path, self.line(*key), message)


def _walk(node: yaml.Node, prefix: KeyPath, lines: dict[KeyPath, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*prefix, key_node.value)
            lines[key] = key_node.start_mark.line + 1
            _walk(value_node, key, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = (*prefix, index)
            lines[key] = item.start_mark.line + 1
            _walk(item, key, lines)


def load(path: str | Path) -> Located:
    """Read a YAML file; raise AuthorError with the line on a syntax error."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise AuthorError(path, None, "the file is not UTF-8; save it as UTF-8") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise AuthorError(
            path,
            mark.line + 1 if mark else None,
            f"not valid YAML ({problem}); check quotes and indentation",
        ) from None
    lines: dict[KeyPath, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return Located(path, data, lines)
