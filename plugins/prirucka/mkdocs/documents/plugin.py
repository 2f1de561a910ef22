"""prirucka-documents: typed front matter, checked, and shown where readers need it.

Every page's front matter is validated by core.schema (an error names the file
and line and stops the build). Project pages get a fact box, methodologies
their header box, and professional documents (`citation_types`: manuals,
methodologies, project sheets, reports) a "How to cite" box with downloads in
BibTeX and CSL-JSON. The boxes are the partials `project-facts.html`,
`methodology-facts.html` and `cite.html` (templates/partials/prirucka/), in the
reader's language also on an untranslated page.
"""

from __future__ import annotations

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
from ...core.schema import TYPES
from .. import i18n_adapter as i18n
from .. import requirements
from ..context_adapter import context
from ..templates import place_templates, render
from .config import CITATION_TYPES, DocumentsConfig

log = get_plugin_logger(__name__)
TEMPLATES = Path(__file__).parent / "templates"
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
        place_templates(config, TEMPLATES)
        unknown = [t for t in self.config.citation_types if t not in TYPES]
        if unknown and self.config.citation_types != CITATION_TYPES:
            raise PluginError(
                f"prirucka-documents: `citation_types` lists {', '.join(map(str, unknown))}, "
                f"which is not a document type; use some of {', '.join(TYPES)}"
            )
        return config

    def _cited(self, document: documents.Page, config: MkDocsConfig) -> bool:
        return bool(
            self.config.citations
            and config.site_url
            and document.meta.type in self.config.citation_types
        )

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
        # Labels in the reader's language, also on a page that is not translated yet.
        lang = i18n.current_language(config)
        meta = document.meta
        box = ""
        if meta.type == "project":
            facts = factbox.project_facts(lang, meta, document.lang)
            box = render(config, "project-facts", box=facts) if facts else ""
        elif meta.type == "methodology":
            facts = factbox.methodology_facts(lang, meta, document.lang)
            box = render(config, "methodology-facts", box=facts) if facts else ""
        if box:
            html_text = _after_first_heading(html_text, box)
        if self._cited(document, config):
            html_text += "\n" + self._cite_box(lang, document, page, config) + "\n"
        return html_text

    def _facts(self, lang: str, document: documents.Page, page: Page, config: MkDocsConfig):
        meta = document.meta
        publisher = self.config.publisher.get(lang, config.site_name)
        # The original's address: an untranslated page is cited where it is written.
        url = urljoin(config.site_url, i18n.original_url(page.file, config))
        key = "prirucka-" + document.path[: -len(".md")].replace("/", "-") + f"-{document.lang}"
        date = meta.date.isoformat() if meta.date else None
        return meta, publisher, url, key, date

    def _cite_box(
        self, lang: str, document: documents.Page, page: Page, config: MkDocsConfig
    ) -> str:
        meta, publisher, url, _, date = self._facts(lang, document, page, config)
        text = citation.page_citation(
            lang, meta.authors, meta.title, publisher, meta.date.year if meta.date else None, url
        )
        before, found, after = text.partition(citation.TODAY)
        return render(
            config,
            "cite",
            cite={
                "lang": lang,
                "title": ui.text(lang, "cite"),
                "before": before,
                "today": ("RRRR-MM-DD" if lang == "cs" else "YYYY-MM-DD") if found else "",
                "after": after,
                "copy_label": ui.text(lang, "cite.copy"),
                "copied_label": ui.text(lang, "cite.copied"),
                "bibtex": ui.text(lang, "cite.bibtex"),
                "csl": ui.text(lang, "cite.csl"),
                "bib_href": CITE_BIB,
                "csl_href": CITE_JSON,
            },
        )

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        document = self._document(page, config)
        if document is None or not self._cited(document, config):
            return output
        lang = document.lang  # the language of the work itself
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
