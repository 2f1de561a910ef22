"""prirucka-documents: typed front matter, checked, and shown where readers need it.

Every page's front matter is validated by core.schema (an error names the file
and line and stops the build). Project pages get a fact box, methodologies
their header box, and every document (any type but `page`) a "How to cite"
box with downloads in BibTeX and CSL-JSON.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ...core import citation, documents, factbox
from ...core import languages as ui
from .. import i18n_adapter as i18n
from .. import requirements
from ..context_adapter import context
from .config import DocumentsConfig

log = get_plugin_logger(__name__)
CITE_BIB = "citace.bib"
CITE_JSON = "citace.json"


class DocumentsPlugin(BasePlugin[DocumentsConfig]):
    def __init__(self) -> None:
        self.pages: dict[tuple[str, str], documents.Page] = {}

    @event_priority(-110)  # after i18n (-100) set this pass's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-documents")
        ctx = context(config)
        errors = ctx.problems("front-matter", "tags")
        if errors:
            raise PluginError("invalid front matter:\n" + "\n".join(f.short() for f in errors))
        self.pages = {(page.lang, page.path): page for page in ctx.documents}
        return config

    def _document(self, page: Page, config: MkDocsConfig) -> documents.Page | None:
        written = i18n.source_language(page.file, config)
        return self.pages.get((written, i18n.norm_path(page.file)))

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # A project's `status` is ours (planned, running, completed); Material would
        # show it as a page status icon in the navigation.
        document = self._document(page, config)
        if document is not None and document.meta.type == "project":
            page.meta.pop("status", None)
        if document is not None and document.meta.tags:
            # Tags in the page's language (handbook/tags.yml), before Material's tags plugin reads them.
            page.meta["tags"] = list(document.meta.tags)
        return markdown

    @event_priority(10)  # before prirucka-catalogue (0), which puts its lists above the cite box
    def on_page_content(
        self, html_text: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        document = self._document(page, config)
        if document is None:
            return html_text
        lang = document.lang
        meta = document.meta
        box = ""
        if meta.type == "project":
            box = factbox.project_box(lang, meta)
        elif meta.type == "methodology":
            box = factbox.methodology_box(lang, meta)
        if box:
            html_text = _after_first_heading(html_text, box)
        if self.config.citations and meta.type != "page" and config.site_url:
            html_text += self._cite_box(lang, document, page, config)
        return html_text

    def _facts(self, lang: str, document: documents.Page, page: Page, config: MkDocsConfig):
        meta = document.meta
        publisher = self.config.publisher.get(lang, config.site_name)
        url = urljoin(config.site_url, page.url)
        key = "prirucka-" + document.path[: -len(".md")].replace("/", "-") + f"-{lang}"
        date = meta.date.isoformat() if meta.date else None
        return meta, publisher, url, key, date

    def _cite_box(
        self, lang: str, document: documents.Page, page: Page, config: MkDocsConfig
    ) -> str:
        meta, publisher, url, _, date = self._facts(lang, document, page, config)
        text = citation.page_citation(
            lang, meta.authors, meta.title, publisher, meta.date.year if meta.date else None, url
        )
        today = (
            "<span data-prirucka-today>RRRR-MM-DD</span>"
            if lang == "cs"
            else "<span data-prirucka-today>YYYY-MM-DD</span>"
        )
        shown = html.escape(text).replace(html.escape(citation.TODAY), today)
        title = html.escape(ui.text(lang, "cite"))
        return (
            f'\n<aside class="prirucka-cite" lang="{lang}" aria-label="{title}">'
            f'<p class="prirucka-cite__title">{title}</p>'
            f'<p class="prirucka-cite__text" data-prirucka-citation>{shown}</p>'
            f'<p class="prirucka-cite__actions"><button type="button" class="md-button" data-prirucka-copy '
            f'data-copied="{html.escape(ui.text(lang, "cite.copied"))}">{html.escape(ui.text(lang, "cite.copy"))}</button> '
            f'<a class="md-button" href="{CITE_BIB}" download>{ui.text(lang, "cite.bibtex")}</a> '
            f'<a class="md-button" href="{CITE_JSON}" download>{ui.text(lang, "cite.csl")}</a></p></aside>\n'
        )

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        document = self._document(page, config)
        if (
            document is None
            or not self.config.citations
            or document.meta.type == "page"
            or not config.site_url
        ):
            return output
        lang = document.lang
        meta, publisher, url, key, date = self._facts(lang, document, page, config)
        folder = Path(page.file.abs_dest_path).parent
        folder.mkdir(parents=True, exist_ok=True)
        (folder / CITE_BIB).write_text(
            citation.bibtex(key, lang, meta.type, meta.authors, meta.title, publisher, date, url),
            encoding="utf-8",
        )
        data = citation.csl_json(
            key, lang, meta.type, meta.authors, meta.title, publisher, date, url
        )
        (folder / CITE_JSON).write_text(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        return output


def _after_first_heading(html_text: str, box: str) -> str:
    end = html_text.find("</h1>")
    if end < 0:
        return box + html_text
    end += len("</h1>")
    return html_text[:end] + "\n" + box + html_text[end:]
