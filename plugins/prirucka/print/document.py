"""A publication in one language (or both, when bilingual) as one print HTML document."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jinja2

from ..core import glossary as glossary_module
from ..core import languages as ui
from ..core import translation
from ..core.citation import citation
from ..core.context import BuildContext
from ..core.errors import AuthorError
from ..core.helplines import Helplines
from ..core.helplines import load as load_helplines
from ..core.manifest import FORMATS, HELPLINES, LICENSES, Funder, Publication
from ..core.mdtext import prose
from ..core.ordering import Sources
from ..core.project import Project
from ..core.theme import Theme
from . import chapter as chapter_html
from .sources import Chapter, chapters
from .text import print_text

# Formats bound as booklets get mirrored margins (inner margin at the spine).
BOOKLETS = {"A4", "A5"}


@dataclass
class PrintDocument:
    publication: Publication
    output: str  # "cs", "en" or "cs-en"
    html: str
    chapter_anchors: list[str]  # every chapter must land on a page
    pages_by_lang: dict[str, list[str]]  # reader language -> page paths printed
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # local files the HTML embeds
    # Each chapter's source file and its HTML, to name the page behind a refused URL.
    sources: list[tuple[Path, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # unsafe HTML removed from chapters

    @property
    def filename(self) -> str:
        return f"{self.publication.id}.{self.output}.pdf"


def theme(project: Project) -> Theme:
    """The print theme: the package's, with the project's handbook/theme/ files over it."""
    return Theme.of(project.handbook_dir)


@cache
def _environment(templates: tuple[Path, ...]) -> jinja2.Environment:
    # One per theme: compiling the template is the slow part; it reloads when edited.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in templates]),
        autoescape=jinja2.select_autoescape(["html", "j2"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["t"] = _interface_text
    env.globals["ordinal"] = ui.ordinal
    return env


def _interface_text(lang: str, key: str, **values) -> str:
    """An interface text (core.languages) set for print: typography, clean addresses."""
    return print_text(ui.text(lang, key, **values), lang)


def _funders(funders: list[Funder], lang: str, place: str) -> dict:
    return {
        "logos": [
            {"name": f.name.get(lang, ""), "src": f.logo_for(lang).as_uri()}
            for f in funders
            if place in f.logo_on and f.logo_for(lang)
        ],
        "statements": [
            print_text(f.statement[lang], lang)
            for f in funders
            if place in f.statement_on and f.statement.get(lang)
        ],
    }


def _part(project: Project, publication: Publication, lang: str, pdf_name: str) -> dict:
    edition = publication.edition
    year = edition.date.year if edition and edition.date else None
    isbn = edition.isbn.get(lang) if edition else None
    license_name, license_url = LICENSES[publication.license]
    pdf_url = f"{project.site_url.rstrip('/')}/pdf/{pdf_name}" if project.site_url else None
    return {
        "lang": lang,
        "title": print_text(publication.title[lang], lang),
        "subtitle": print_text(publication.subtitle.get(lang, ""), lang),
        "publisher": print_text(publication.publisher[lang], lang),
        "seat": print_text(publication.publisher_seat or "", lang),
        "address": print_text(publication.publisher_address.get(lang, ""), lang),
        "authors": [print_text(author[lang], lang) for author in publication.authors],
        "edition_number": edition.number if edition else None,
        "year": year,
        "isbn": isbn,
        "license_name": license_name,
        "license_url": license_url,
        "project_number": publication.project_number,
        "cover": _funders(publication.funders, lang, "front-cover"),
        "imprint": _funders(publication.funders, lang, "imprint"),
        "back": _funders(publication.funders, lang, "back-cover"),
        "cover_image": publication.cover_image.as_uri() if publication.cover_image else None,
        "cover_alt": publication.cover_alt.get(lang, ""),
        "back_cover": "",
        "citation": _print(
            citation(
                lang,
                [author[lang] for author in publication.authors],
                publication.publisher[lang],
                publication.title[lang],
                publication.subtitle.get(lang, ""),
                edition.number if edition else None,
                publication.publisher_seat,
                year,
                isbn,
                pdf_url,
            ),
            lang,
        ),
        "chapters": [],
        "toc": [],
        "outdated_notice": "",
        "glossary": [],
    }


def _glossary_appendix(
    project: Project, found, lang: str, pages: Sources, glossary: glossary_module.Glossary | None
) -> list[dict]:
    """The glossary terms the chapters use, in `lang`'s alphabetical order."""
    if glossary is None:
        return []
    text = "\n\n".join(
        prose(pages.document(ch.text_lang, ch.path).body) for ch in found if ch.text_lang == lang
    )
    used = glossary.used_entries(text, lang)
    other = next((code for code in project.languages if code != lang), None)
    return [
        {
            "id": entry.id,
            "term": print_text(entry.sides[lang].term, lang),
            "abbr": entry.sides[lang].abbr,
            "definition": print_text(entry.sides[lang].definition, lang),
            "other_lang": other,
            "other": print_text(entry.sides[other].term, other) if other in entry.sides else "",
        }
        for entry in glossary_module.sorted_entries(used, lang)
    ]


def _print(text: str, lang: str):
    return print_text(text, lang)


def _plain_language(parts: list[dict]) -> bool:
    """True when every chapter is written for parents or children."""
    audiences = [set(ch["audience"]) for part in parts for ch in part["chapters"]]
    return bool(audiences) and all(a and a <= {"parents", "children"} for a in audiences)


def _helplines(
    project: Project, publication: Publication, lang: str, spec, services: Helplines | None
) -> str:
    """handbook/helplines.yml as the back cover's table (theme template helplines.html)."""
    if services is None:
        path = project.handbook_dir / "helplines.yml"
        services = load_helplines(path) if path.is_file() else Helplines(())
    if not services.entries:
        raise AuthorError(
            publication.source,
            spec.line,
            "`back_cover: helplines` needs handbook/helplines.yml with at least one line",
        )
    rows = [
        {
            "number": entry.number,
            "digits": entry.digits,
            "name": print_text(entry.name.get(lang) or next(iter(entry.name.values())), lang),
            "for": print_text(entry.for_.get(lang, ""), lang),
            "hours": print_text(entry.hours.get(lang, ""), lang),
            "free": entry.free,
        }
        for entry in services.entries
    ]
    template = _environment(tuple(theme(project).template_dirs())).get_template("helplines.html")
    return template.render(lang=lang, helplines=rows)


def _back_cover(
    project: Project,
    publication: Publication,
    lang: str,
    pages: Sources,
    glossary: glossary_module.Glossary | None,
    services: Helplines | None = None,
) -> str:
    """The page section the manifest puts on the back cover, as print HTML."""
    spec = publication.back_cover.get(lang)
    if spec is None:
        return ""
    if spec.path == HELPLINES:
        return _helplines(project, publication, lang, spec, services)
    for text_lang in [lang, *(code for code in project.languages if code != lang)]:
        file = project.language_dir(text_lang) / spec.path
        if spec.path in pages.paths(text_lang):
            break
    else:
        raise AuthorError(
            publication.source,
            spec.line,
            f"`back_cover`: page `{spec.path}` does not exist in docs/{lang}/; check the path",
        )
    chapter = Chapter(spec.path, file, text_lang, lang)
    try:
        rendered = chapter_html.render_chapter(
            project, chapter, {}, pages, glossary, only=spec.anchor
        )
    except ValueError as error:
        raise AuthorError(publication.source, spec.line, f"`back_cover`: {error}") from None
    return rendered.html


def assemble(
    project: Project,
    publication: Publication,
    output: str,
    print_shop: bool = False,
    ctx: BuildContext | None = None,
) -> PrintDocument:
    """The print HTML of `publication` for `output` ('cs', 'en' or 'cs-en'), from the
    build context's pages and glossary (default: read from disk)."""
    if ctx is not None:
        pages: Sources = ctx
        glossary = ctx.glossary
    else:
        pages = translation.Folders(project.docs_dir, project.languages, project.root)
        glossary = (
            glossary_module.load(project.glossary_path) if project.glossary_path.is_file() else None
        )
    langs = output.split("-")
    pdf_name = f"{publication.id}.{output}.pdf"
    warnings: list[str] = []
    files: list[Path] = []
    parts = []
    anchors: list[str] = []
    pages_by_lang: dict[str, list[str]] = {}
    sources: list[tuple[Path, str]] = []
    errors: list[str] = []
    for lang in langs:
        part = _part(project, publication, lang, pdf_name)
        found, fallback_warnings = chapters(project, publication, lang, pages)
        warnings.extend(fallback_warnings)
        chapter_anchors = {ch.path: ch.anchor for ch in found}
        outdated = []
        pages_by_lang[lang] = [ch.path for ch in found]
        printed: set[str] = set()  # web addresses given as footnotes in this part
        for ch in found:
            rendered = chapter_html.render_chapter(
                project,
                ch,
                chapter_anchors,
                pages,
                glossary,
                short_title=publication.title[lang],
                printed=printed,
            )
            warnings.extend(rendered.warnings)
            errors.extend(rendered.errors)
            files.extend(rendered.files)
            sources.append((ch.file, rendered.html))
            anchors.append(ch.anchor)
            if not ch.fallback:
                state = translation.page_status(pages, ch.path, lang)
                if state is not None and state.state == "outdated":
                    outdated.append(rendered.title)
            note = ""
            if ch.fallback:
                original = ui.text(lang, f"language_adjective.{ch.text_lang}")
                note = ui.text(lang, "chapter_fallback", original=original)
            part["chapters"].append(
                {
                    "anchor": ch.anchor,
                    "text_lang": ch.text_lang,
                    "html": rendered.html,
                    "fallback_note": print_text(note, lang) if note else "",
                    "audience": rendered.audience,
                }
            )
            for level, heading_id, text in rendered.headings:
                if level == 1 and heading_id:
                    part["toc"].append(
                        {
                            "level": 1,
                            "href": "#" + ch.anchor,
                            "text": print_text(rendered.title, ch.text_lang),
                        }
                    )
                elif level == 2 and heading_id:
                    part["toc"].append({"level": 2, "href": "#" + heading_id, "text": text})
        if outdated:
            part["outdated_notice"] = _interface_text(
                lang, "outdated_imprint", chapters=", ".join(outdated)
            )
        services = ctx.helplines if ctx is not None else None
        part["back_cover"] = _back_cover(project, publication, lang, pages, glossary, services)
        part["glossary"] = _glossary_appendix(project, found, lang, pages, glossary)
        if part["glossary"]:
            part["toc"].append(
                {"level": 1, "href": f"#glossary-{lang}", "text": ui.text(lang, "glossary")}
            )
        parts.append(part)

    width, height = FORMATS[publication.format]
    print_theme = theme(project)
    edition = publication.edition
    created = edition.date.isoformat() if edition and edition.date else None
    first = langs[0]
    keywords = []
    for lang in langs:
        keywords.extend(publication.keywords.get(lang, []))
    context = {
        "lang": first,
        "languages": langs,
        "title": " / ".join(publication.title[lang] for lang in langs),
        "subject": " / ".join(
            (publication.subject.get(lang) or publication.subtitle.get(lang, "")) for lang in langs
        ).strip(" /"),
        "authors": [author[first] for author in publication.authors]
        or [publication.publisher[first]],
        "keywords": keywords,
        "created": created,
        "kind": publication.kind,
        "format": publication.format,
        "page_width": width,
        "page_height": height,
        "mirrored": publication.format in BOOKLETS,
        "print_shop": print_shop,
        "toc": publication.toc,
        "bilingual": len(langs) > 1,
        "binding": publication.binding,
        # Blank pages the renderer may keep before the back cover to reach a page count
        # the binding needs (render.py drops the ones not needed).
        "spare_pages": publication.pages_multiple - 1,
        # Plain-language texts (for parents, for children) are set ragged-right.
        "plain_language": _plain_language(parts),
        "stylesheet": print_theme.find("print.css").as_uri(),
        "format_stylesheet": print_theme.find(f"formats/{publication.format}.css").as_uri(),
        "parts": parts,
    }
    html = (
        _environment(tuple(print_theme.template_dirs()))
        .get_template("publication.html")
        .render(context)
    )
    return PrintDocument(
        publication, output, html, anchors, pages_by_lang, warnings, files, sources, errors
    )
