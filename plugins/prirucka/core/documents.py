"""Every page of the knowledge base with its typed front matter, in both languages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import AuthorError
from .frontmatter import read
from .schema import DocumentMeta, validate
from .tags import Vocabulary
from .tags import load as load_tags

# Files in handbook/ that are data, not publication manifests.
HANDBOOK_DATA = frozenset({"funders.yml", "glossary.yml", "helplines.yml", "tags.yml"})


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
    docs_dir: Path,
    languages: list[str],
    publications: set[str] | None = None,
    vocabulary: Vocabulary | None = None,
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
                if vocabulary is not None:
                    meta.tags = vocabulary.names(meta.tags, lang)
            except AuthorError as error:
                errors.append(error)
                continue
            pages.append(
                Page(file.relative_to(root).as_posix(), lang, file, meta, doc.body, doc.body_line)
            )
    return pages, errors


def collect_project(project) -> tuple[list[Page], list[AuthorError]]:
    """All pages of a project, with its publications and tag vocabulary from handbook/."""
    handbook = project.handbook_dir
    publications = {path.stem for path in handbook.glob("*.yml") if path.name not in HANDBOOK_DATA}
    vocabulary = load_tags(handbook / "tags.yml", project.languages)
    return collect(project.docs_dir, project.languages, publications, vocabulary)
