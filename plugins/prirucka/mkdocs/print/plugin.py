"""prirucka-print: the publications in handbook/ as PDFs, built with the site.

The pipeline (prirucka.print) renders from the Markdown sources, not from the
site's HTML, so it runs once at the start of the first language pass; pages
can then show each PDF's size and page count, and the PDFs are copied into
site/pdf/ when the last language is built. In `mkdocs serve` PDFs are off
unless asked for (`prirucka serve --pdf`), and then come from the cache.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ...core import cache as verified
from ...core import languages as ui
from ...core.context import BuildContext
from ...core.manifest import FORMATS
from ...core.project import Project
from ...print import pipeline
from .. import i18n_adapter as i18n
from .. import requirements
from ..context_adapter import context
from ..templates import place_templates, render
from .config import PrintConfig

log = get_plugin_logger(__name__)

SERVE_PDF_ENV = "PRIRUCKA_SERVE_PDF"
TEMPLATES = Path(__file__).parent / "templates"


class PrintPlugin(BasePlugin[PrintConfig]):
    def __init__(self) -> None:
        self.command = "build"
        self.outcomes: list[pipeline.Outcome] | None = None
        self.ctx: BuildContext | None = None
        self.project: Project | None = None

    def on_startup(self, command: str, dirty: bool) -> None:
        self.command = command

    @property
    def active(self) -> bool:
        if not self.config.enabled:
            return False
        return self.command != "serve" or os.environ.get(SERVE_PDF_ENV) == "1"

    @event_priority(-110)  # after i18n (-100) set this pass's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-print")
        ctx = context(config)
        place_templates(config, TEMPLATES)
        if ctx is not self.ctx:  # a new build (not a further language pass)
            self.ctx = ctx
            self.outcomes = None
        return config

    @event_priority(-110)  # after i18n (-100) set this pass's language
    def on_pre_build(self, config: MkDocsConfig) -> None:
        if not self.active or self.outcomes is not None:
            return  # rendered once for all languages, in the first pass
        ctx = self.ctx
        self.project = ctx.project
        errors = ctx.problems("funders", "manifest")
        if errors:
            raise PluginError(
                "publication manifests are invalid:\n" + "\n".join(f.short() for f in errors)
            )
        options = pipeline.Options(variant=self.config.variant, jobs=self.config.jobs)
        self.outcomes = pipeline.run(
            self.project,
            ctx.publications,
            options,
            progress=lambda o: log.info(pipeline.describe(o)),
            ctx=ctx,
        )
        for outcome in self.outcomes:
            for warning in outcome.warnings:
                log.warning(warning)
        failures = [error for outcome in self.outcomes for error in outcome.errors]
        if failures:
            raise PluginError("PDF rendering failed:\n" + "\n".join(failures))

    def _ready(self) -> list[pipeline.Outcome]:
        return [o for o in self.outcomes or [] if o.pdf_path is not None]

    @event_priority(-110)  # after i18n (-100) chose this language's files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if not self.active or not self._ready():
            return files
        lang = i18n.current_language(config)
        title = ui.text(lang, "publications")
        body = f"---\ntitle: {title}\norder: {self.config.publications_order}\n---\n\n# {title}\n\n{ui.text(lang, 'publications_intro')}\n\n"
        i18n.add_generated_page(
            files, config, self.config.publications_page, body + "<!-- prirucka:publications -->\n"
        )
        return files

    def on_page_content(
        self, html_text: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if not self.active:
            return html_text
        lang = i18n.current_language(config)
        path = i18n.norm_path(page.file)
        if path == self.config.publications_page:
            return html_text.replace(
                "<!-- prirucka:publications -->", self._list(lang, page, config)
            )
        boxes = [
            self._download(lang, page, o, config)
            for o in self._ready()
            if path in o.document.pages_by_lang.get(lang, [])
        ]
        return "".join(boxes) + html_text

    def _facts(self, lang: str, outcome: pipeline.Outcome) -> str:
        size = verified.size(outcome.pdf_path)
        return f"PDF, {ui.file_size(lang, size)}, {ui.pages_count(lang, outcome.result.pages)}"

    def _title(self, lang: str, outcome: pipeline.Outcome) -> str:
        titles = outcome.publication.title
        return titles.get(lang) or next(iter(titles.values()))

    def _download(
        self, lang: str, page: Page, outcome: pipeline.Outcome, config: MkDocsConfig
    ) -> str:
        download = {
            "lang": lang,
            "href": get_relative_url(f"pdf/{outcome.filename}", page.url),
            "label": ui.text(lang, "download_pdf"),
            "title": self._title(lang, outcome),
            "facts": self._facts(lang, outcome),
        }
        return render(config, "download", download=download) + "\n"

    def _list(self, lang: str, page: Page, config: MkDocsConfig) -> str:
        publications = []
        for outcome in self._ready():
            languages = outcome.document.output.split("-")
            if lang not in languages:
                continue
            publication = outcome.publication
            title = self._title(lang, outcome)
            width, height = FORMATS[publication.format]
            language = ui.text(lang, "pdf_bilingual" if len(languages) > 1 else "pdf_in_language")
            details = " · ".join(
                [
                    ui.text(lang, "kind." + publication.kind),
                    f"{publication.format} ({width}\u00a0×\u00a0{height}\u00a0mm)",
                    language,
                    self._facts(lang, outcome),
                ]
            )
            publications.append(
                {
                    "title": title,
                    "subtitle": publication.subtitle.get(lang, ""),
                    "href": get_relative_url(f"pdf/{outcome.filename}", page.url),
                    "cover": get_relative_url(
                        f"pdf/{Path(outcome.filename).with_suffix('.png').name}", page.url
                    ),
                    "cover_alt": ui.text(lang, "cover_of", title=title),
                    "details": details,
                }
            )
        return render(config, "publications", publications=publications)

    @event_priority(-110)  # after i18n (-100) has built every language
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.active or i18n.in_nested_build(config) or not self.outcomes:
            return
        written = pipeline.write(self.outcomes, Path(config.site_dir) / "pdf")
        log.info(f"{len(written)} PDF(s) in {Path(config.site_dir) / 'pdf'}")
