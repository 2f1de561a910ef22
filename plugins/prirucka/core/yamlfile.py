"""YAML that editors write, read safely and with the line of every key.

Our data files (manifests, glossary, tags, funders, helplines) and page front
matter need none of YAML's riskier features, so they are refused with the
line, instead of being trusted:

- anchors and aliases (`&a`, `*a`): nested aliases make a "billion laughs"
  bomb that takes gigabytes and minutes to expand;
- duplicate keys: YAML silently keeps the last one, and an editor's change is lost;
- impossible dates (`2025-13-45`): PyYAML raises a plain ValueError, which
  would end the program with a traceback.

`load()` reads a file, `parse()` a text (with the line where it starts).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import AuthorError
from .textfile import read_text

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
        return self._lines.get((), 1)

    def error(self, key: KeyPath, message: str) -> AuthorError:
        return AuthorError(self.path, self.line(*key), message)


class _Refused(Exception):
    def __init__(self, mark: yaml.Mark | None, message: str) -> None:
        self.mark = mark
        self.message = message


# libyaml's C parser when PyYAML has it (about ten times faster: a build reads
# hundreds of front matters); the checks below are the same either way.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_aliases(text: str) -> None:
    """Anchors and aliases, found in the parser's events before anything is composed."""
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(
                event.start_mark,
                f"`*{event.anchor}` repeats another value (a YAML alias); write the value out",
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _Refused(
                event.start_mark,
                f"`&{anchor}` names a value to repeat elsewhere (a YAML anchor); Příručka's files "
                "do not use them: remove it and write each value out",
            )


class _StrictLoader(_Base):
    """Safe YAML without aliases, without duplicate keys, and with dates that exist."""

    line_offset = 0  # lines of the file before the YAML text (front matter: 1)

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = self.construct_object(key_node, deep=True)
                try:
                    hash(key)
                except TypeError:
                    continue
                if key in seen:
                    raise _Refused(
                        key_node.start_mark,
                        f"`{key}` is written twice in the same block (first on line {seen[key]}); "
                        "keep one",
                    )
                seen[key] = key_node.start_mark.line + 1 + self.line_offset
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            raise _Refused(
                node.start_mark,
                f"`{node.value}` is not a date that exists; write it as YYYY-MM-DD, e.g. 2025-09-15",
            ) from None


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_yaml_timestamp)


def walk_lines(node: yaml.Node, prefix: KeyPath, lines: dict[KeyPath, int]) -> None:
    """The line (1-based) of every key and list item under `node`, by its key path."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*prefix, key_node.value)
            lines[key] = key_node.start_mark.line + 1
            walk_lines(value_node, key, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = (*prefix, index)
            lines[key] = item.start_mark.line + 1
            walk_lines(item, key, lines)


def _problem(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or "invalid YAML"
    if "\t" in problem or "'\\t'" in problem or "tab" in problem:
        return "a tab character; indent with spaces"
    return problem


def parse(text: str, path: str | Path, first_line: int = 1, what: str = "") -> Located:
    """YAML `text` that starts on line `first_line` of `path`; AuthorError with the line.

    `what` names the YAML in messages ("front matter")."""
    path = Path(path)
    offset = first_line - 1
    loader = None
    try:
        if "&" in text or "*" in text:  # no anchor or alias without one of them
            _refuse_aliases(text)
        loader = _StrictLoader(text)
        loader.line_offset = offset
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except _Refused as refused:
        line = refused.mark.line + 1 + offset if refused.mark else first_line
        raise AuthorError(path, line, refused.message) from None
    except yaml.reader.ReaderError as exc:
        position = exc.position if isinstance(exc.position, int) else 0
        line = text.count("\n", 0, position) + first_line
        character = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "a character"
        raise AuthorError(
            path,
            line,
            f"contains {character}, an invisible control character YAML does not allow; delete it",
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 + offset if mark is not None else first_line
        subject = f"{what} is not" if what else "not"
        raise AuthorError(
            path, line, f"{subject} valid YAML ({_problem(exc)}); check quotes and indentation"
        ) from None
    except RecursionError:
        raise AuthorError(path, first_line, "nested too deeply to be read") from None
    finally:
        if loader is not None:
            loader.dispose()
    lines: dict[KeyPath, int] = {(): first_line}
    if node is not None:
        walk_lines(node, (), lines)
        lines = {key: line + offset if key else line for key, line in lines.items()}
    return Located(path, data, lines)


def load(path: str | Path, root: Path | None = None) -> Located:
    """Read a YAML file (inside `root`, when given); AuthorError with the line for any problem."""
    path = Path(path)
    return parse(read_text(path, root), path)
