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


def printed_in(pages: Sources, lang: str, path: str) -> list[str] | None:
    """The languages whose PDFs print this page (`print: {languages: […]}`); None: all."""
    doc = pages.document(lang, path)
    value = doc.meta.get("print") if doc is not None else None
    languages = value.get("languages") if isinstance(value, dict) else None
    if isinstance(languages, str):
        return [languages]
    return [str(lang) for lang in languages] if isinstance(languages, list) else None


def chapters(
    project: Project, publication: Publication, lang: str, pages: Sources | None = None
) -> tuple[list[Chapter], list[str]]:
    """The chapters of `publication` in `lang`, and warnings for pages taken from another language.

    A page that exists in one language only is printed in that language's PDF.
    The other language's PDF prints the original with a note (and a warning),
    unless the page says `print: {languages: [cs]}`: then it is left out there.

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
            wanted = printed_in(pages, text_lang, path)
            if wanted is not None and lang not in wanted:
                continue  # the page asks not to be printed in this language's PDF
            if text_lang != lang:
                warnings.append(
                    f"{publication.source.name}: `{path}` has no {lang} version; the {text_lang} text is printed in {publication.id}.{lang}.pdf with a note (translate it, or add `print: {{languages: [{text_lang}]}}` to its front matter to leave it out of the {lang} PDF)"
                )
            result.append(Chapter(path, file, text_lang, lang))
    return result, warnings
