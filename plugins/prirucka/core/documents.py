"""A page of the knowledge base with its typed front matter (the build context makes them)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .schema import DocumentMeta

# Files in handbook/ that are data, not publication manifests.
HANDBOOK_DATA = frozenset({"funders.yml", "glossary.yml", "tags.yml", "helplines.yml"})


@dataclass
class Page:
    path: str  # relative to the language folder: "projekty/spolu-pomoc-detem.md"
    lang: str
    file: Path
    meta: DocumentMeta
    body: str
    body_line: int

    @property
    def url_path(self) -> str:
        """Site path without the language prefix: 'projekty/spolu-pomoc-detem/'."""
        stem = self.path[: -len(".md")]
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"
