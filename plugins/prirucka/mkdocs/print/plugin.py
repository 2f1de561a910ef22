"""prirucka-print: the publications in handbook/ as PDFs, built with the site.

The pipeline (prirucka.print) renders from the Markdown sources, not from the
site's HTML, so it starts at the beginning of the first language pass: PDFs
the cache has are ready at once, the others are made by worker processes
while the site builds. Pages link their PDFs from the start; the facts only a
made PDF knows (its size and page count) are written into the finished pages
when the last language is built, where the PDFs are also copied into
site/pdf/. In `mkdocs serve` PDFs are off unless asked for (`prirucka serve
--pdf`).
"""

from __future__ import annotations

import os
import re
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
from ..context_adapter import context, reserve_cores
from ..templates import place_templates, render
from .config import PrintConfig

log = get_plugin_logger(__name__)

SERVE_PDF_ENV = "PRIRUCKA_SERVE_PDF"
TEMPLATES = Path(__file__).parent / "templates"
# Stands for a PDF's facts until the PDF is made: plain text, so that templates
# and escaping leave it alone.
FACTS = "PRIRUCKA-PDF-FACTS[{lang}|{name}]"
_FACTS = re.compile(r"PRIRUCKA-PDF-FACTS\[([\w-]+)\|([^\]|]+)\]")


class PrintPlugin(BasePlugin[PrintConfig]):
    def __init__(self) -> None:
        self.command = "build"
        self.rendering: pipeline.Rendering | None = None
        self.ctx: BuildContext | None = None
        self.project: Project | None = None
        self.waiting: set[str] = set()  # written pages that show facts still to come

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
            self._stop()
            self.rendering = None
            self.waiting = set()
        return config

    @event_priority(-110)  # after i18n (-100) set this pass's language
    def on_pre_build(self, config: MkDocsConfig) -> None:
        if not self.active or self.rendering is not None:
            return  # started once for all languages, in the first pass
        ctx = self.ctx
        self.project = ctx.project
        errors = ctx.problems("funders", "manifest")
        if errors:
            raise PluginError(
                "publication manifests are invalid:\n" + "\n".join(f.short() for f in errors)
            )
        options = pipeline.Options(variant=self.config.variant, jobs=self.config.jobs)
        self.rendering = pipeline.start(
            self.project, ctx.publications, options, ctx=ctx, background=True
        )
        reserve_cores(config, self.rendering.workers)
        failures = [error for outcome in self.rendering.planned for error in outcome.errors]
        if failures:  # found before any PDF was made: no need to build the site first
            self._stop()
            raise PluginError("PDF rendering failed:\n" + "\n".join(failures))

    def _ready(self) -> list[pipeline.Outcome]:
        """The PDFs the site links: made, or being made (a failure stops the build)."""
        return self.rendering.planned if self.rendering is not None else []

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
        if self.rendering is not None and self.rendering.pending(outcome):
            return FACTS.format(lang=lang, name=outcome.filename)
        size = verified.size(outcome.pdf_path)
        return f"PDF, {ui.file_size(lang, size)}, {ui.pages_count(lang, outcome.result.pages)}"

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.active and page.file.abs_dest_path and "PRIRUCKA-PDF-FACTS[" in output:
            self.waiting.add(page.file.abs_dest_path)
        return output

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

    # After i18n (-100) has built every language, before prirucka-search (-110)
    # indexes the pages, which then hold the facts.
    @event_priority(-105)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.active or i18n.in_nested_build(config) or self.rendering is None:
            return
        outcomes = self.rendering.wait(progress=lambda o: log.info(pipeline.describe(o)))
        for outcome in outcomes:
            for warning in outcome.warnings:
                log.warning(warning)
        failures = [error for outcome in outcomes for error in outcome.errors]
        if failures:
            raise PluginError("PDF rendering failed:\n" + "\n".join(failures))
        self._fill_facts(outcomes)
        written = pipeline.write(outcomes, Path(config.site_dir) / "pdf")
        log.info(f"{len(written)} PDF(s) in {Path(config.site_dir) / 'pdf'}")

    def _fill_facts(self, outcomes: list[pipeline.Outcome]) -> None:
        """The size and page count of PDFs made during the build, into the pages showing them."""
        by_name = {outcome.filename: outcome for outcome in outcomes}

        def facts(match: re.Match) -> str:
            outcome = by_name.get(match.group(2))  # an editor may write the marker too
            return self._facts(match.group(1), outcome) if outcome else match.group(0)

        for name in sorted(self.waiting):
            path = Path(name)
            text = path.read_text(encoding="utf-8")
            path.write_text(_FACTS.sub(facts, text), encoding="utf-8")
        self.waiting = set()

    def on_build_error(self, error: Exception) -> None:
        self._stop()

    def on_shutdown(self) -> None:
        self._stop()

    def _stop(self) -> None:
        if self.rendering is not None:
            self.rendering.cancel()
