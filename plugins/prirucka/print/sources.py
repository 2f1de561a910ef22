"""Which Markdown files make up a publication in one language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.errors import AuthorError
from ..core.manifest import Publication
from ..core.ordering import Sources, folder_pages
from ..core.project import Project
from ..core.translation import Folders


@dataclass(frozen=True)
class Chapter:
    path: str  # relative to a language folder: "prirucka/kam-se-obratit.md"
    file: Path
    text_lang: str  # the language the file is written in
    reader_lang: str  # the language of the PDF part it is printed in

    @property
    def fallback(self) -> bool:
        return self.text_lang != self.reader_lang

    @property
    def anchor(self) -> str:
        stem = self.path[: -len(".md")].replace("/", "-")
        return f"{self.reader_lang}-{stem}"


def chapters(
    project: Project, publication: Publication, lang: str, pages: Sources | None = None
) -> tuple[list[Chapter], list[str]]:
    """The chapters of `publication` in `lang`, and warnings for pages taken from another language.

    `pages` are the project's pages (the build context; default: read from docs/).
    """
    pages = pages or Folders(project.docs_dir, project.languages, project.root)
    others = [other for other in project.languages if other != lang]
    result: list[Chapter] = []
    warnings: list[str] = []
    seen: set[str] = set()
    for ref in publication.pages:
        if ref.path.endswith("/"):
            paths = folder_pages(pages, [lang, *others], ref.path)
            if not paths:
                raise AuthorError(
                    publication.source,
                    ref.line,
                    f"folder `{ref.path}` has no pages in docs/{lang}/ or the other language",
                )
        else:
            paths = [ref.path]
        for path in paths:
            if path in seen:
                continue
            seen.add(path)
            for text_lang in [lang, *others]:
                file = project.language_dir(text_lang) / path
                if path in pages.paths(text_lang):
                    break
            else:
                raise AuthorError(
                    publication.source,
                    ref.line,
                    f"page `{path}` does not exist in docs/{lang}/ (nor in any other language); check the path",
                )
            if text_lang != lang:
                warnings.append(
                    f"{publication.source.name}: `{path}` has no {lang} version; the {text_lang} text is printed in {publication.id}.{lang}.pdf with a note"
                )
            result.append(Chapter(path, file, text_lang, lang))
    return result, warnings
