"""YAML front matter: split it from the Markdown body and read it with line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import yamlfile
from .errors import AuthorError
from .textfile import read_text

# Same delimiters MkDocs accepts: a first line of `---`, closed by `---` or `...`.
_OPENING = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
# A line MkDocs would take for the start of a YAML key, to tell a missing `---`
# from a page that merely starts with a horizontal rule.
_KEY_LINE = re.compile(r"^[A-Za-z_][\w-]*\s*:(?:\s|$)")


@dataclass
class Document:
    """A Markdown source split into its front matter and body."""

    path: Path
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    # Line number (1-based) in the file where the body starts.
    body_line: int = 1
    # The front matter as written.
    raw_meta: str = ""
    lines: yamlfile.Located | None = None

    def key_line(self, *key: Any) -> int:
        """Line (1-based, in the file) where `key` (or a nested key path) is written; 1 if not."""
        if self.lines is None:
            return 1
        if len(key) == 1 and isinstance(key[0], str) and "." in key[0]:
            key = tuple(key[0].split("."))  # "costs.initial"
        return self.lines.line(*key) or 1


def split(text: str, path: str | Path = "<string>") -> Document:
    """Split `text` into front matter and body; raise AuthorError on bad YAML."""
    path = Path(path)
    match = _FRONT_MATTER.match(text)
    if not match:
        opening = _OPENING.match(text)
        if opening:
            following = text[opening.end() :].split("\n", 1)[0]
            if _KEY_LINE.match(following):
                raise AuthorError(
                    path,
                    1,
                    "the front matter opened with `---` on line 1 is never closed; "
                    "add a line with `---` after its last key",
                )
        return Document(path=path, meta={}, body=text, body_line=1)
    raw = match.group(1) or ""
    # The YAML starts on line 2, after the opening `---`.
    located = yamlfile.parse(raw, path, first_line=2, what="front matter")
    meta = located.data
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise AuthorError(
            path,
            2,
            "front matter must be a set of `key: value` lines, e.g. `title: Kam se obrátit`",
        )
    body_line = text.count("\n", 0, match.end()) + 1
    return Document(
        path=path,
        meta=meta,
        body=text[match.end() :],
        body_line=body_line,
        raw_meta=raw,
        lines=located,
    )


def read(path: str | Path, root: Path | None = None) -> Document:
    """Read a Markdown file (inside `root`, when given) and split it."""
    path = Path(path)
    return split(read_text(path, root), path)
