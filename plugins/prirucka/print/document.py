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
from ..core.manifest import FORMATS, LICENSES, Funder, Publication
from ..core.mdtext import prose
from ..core.ordering import Sources
from ..core.project import Project
from ..core.theme import Theme
from . import chapter as chapter_html
from .sources import chapters

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
    env.globals["t"] = ui.text
    env.globals["ordinal"] = ui.ordinal
    return env


def _funders(funders: list[Funder], lang: str, place: str) -> dict:
    return {
        "logos": [
            {"name": f.name.get(lang, ""), "src": f.logo.as_uri()}
            for f in funders
            if place in f.logo_on and f.logo
        ],
        "statements": [
            f.statement[lang] for f in funders if place in f.statement_on and f.statement.get(lang)
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
        "title": publication.title[lang],
        "subtitle": publication.subtitle.get(lang, ""),
        "publisher": publication.publisher[lang],
        "seat": publication.publisher_seat,
        "authors": [author[lang] for author in publication.authors],
        "edition_number": edition.number if edition else None,
        "year": year,
        "isbn": isbn,
        "license_name": license_name,
        "license_url": license_url,
        "project_number": publication.project_number,
        "cover": _funders(publication.funders, lang, "front-cover"),
        "imprint": _funders(publication.funders, lang, "imprint"),
        "back": _funders(publication.funders, lang, "back-cover"),
        "citation": citation(
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
            "term": entry.sides[lang].term,
            "abbr": entry.sides[lang].abbr,
            "definition": entry.sides[lang].definition,
            "other_lang": other,
            "other": entry.sides[other].term if other in entry.sides else "",
        }
        for entry in glossary_module.sorted_entries(used, lang)
    ]


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
        for ch in found:
            rendered = chapter_html.render_chapter(project, ch, chapter_anchors, pages, glossary)
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
                    "fallback_note": note,
                }
            )
            for level, heading_id, text in rendered.headings:
                if level == 1 and heading_id:
                    part["toc"].append(
                        {"level": 1, "href": "#" + ch.anchor, "text": rendered.title}
                    )
                elif level == 2 and heading_id:
                    part["toc"].append({"level": 2, "href": "#" + heading_id, "text": text})
        if outdated:
            part["outdated_notice"] = ui.text(
                lang, "outdated_imprint", chapters=", ".join(outdated)
            )
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
