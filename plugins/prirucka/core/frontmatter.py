"""YAML front matter: split it from the Markdown body and read it with line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import AuthorError

# Same delimiters MkDocs accepts: a first line of `---`, closed by `---` or `...`.
_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)


@dataclass
class Document:
    """A Markdown source split into its front matter and body."""

    path: Path
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    # Line number (1-based) in the file where the body starts.
    body_line: int = 1
    # The front matter as written, for finding the line of a key.
    raw_meta: str = ""

    def key_line(self, key: str) -> int:
        """Line (1-based, in the file) where top-level `key:` is written; 1 if not found."""
        for number, line in enumerate(self.raw_meta.splitlines(), start=2):
            if re.match(rf"{re.escape(key)}\s*:", line):
                return number
        return 1


def split(text: str, path: str | Path = "<string>") -> Document:
    """Split `text` into front matter and body; raise AuthorError on bad YAML."""
    path = Path(path)
    match = _FRONT_MATTER.match(text)
    if not match:
        return Document(path=path, meta={}, body=text, body_line=1)
    raw = match.group(1) or ""
    try:
        meta = yaml.safe_load(raw) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        # +1: the opening `---` line; +1: YAML marks are 0-based.
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise AuthorError(
            path, line, f"front matter is not valid YAML ({problem}); check quotes and indentation"
        ) from None
    if not isinstance(meta, dict):
        raise AuthorError(
            path,
            2,
            "front matter must be a set of `key: value` lines, e.g. `title: Kam se obrátit`",
        )
    body_line = text.count("\n", 0, match.end()) + 1
    return Document(
        path=path, meta=meta, body=text[match.end() :], body_line=body_line, raw_meta=raw
    )


def read(path: str | Path) -> Document:
    """Read a Markdown file and split it."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        line = exc.object.count(b"\n", 0, exc.start) + 1
        raise AuthorError(path, line, "the file is not UTF-8; save it as UTF-8") from None
    return split(text, path)
