"""Every page of the knowledge base with its typed front matter, in both languages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import AuthorError
from .frontmatter import read
from .schema import DocumentMeta, validate


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


def collect(
    docs_dir: Path, languages: list[str], publications: set[str] | None = None
) -> tuple[list[Page], list[AuthorError]]:
    """All pages, and an error for each page whose front matter is invalid."""
    pages: list[Page] = []
    errors: list[AuthorError] = []
    for lang in languages:
        root = docs_dir / lang
        if not root.is_dir():
            continue
        for file in sorted(root.rglob("*.md")):
            try:
                doc = read(file)
                meta = validate(doc, lang, publications)
            except AuthorError as error:
                errors.append(error)
                continue
            pages.append(
                Page(file.relative_to(root).as_posix(), lang, file, meta, doc.body, doc.body_line)
            )
    return pages, errors
