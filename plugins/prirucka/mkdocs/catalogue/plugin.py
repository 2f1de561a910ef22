"""prirucka-catalogue: the pages connected into a knowledge base.

An overview page per document type and language (projects also by region and
target group, with their results added up and charted), and on every page the
pages that link to it and its related documents (shared tags, same project).
All of it comes from core.catalogue over the typed front matter.
"""

from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ...core import catalogue, chart, documents
from ...core import languages as ui
from ...core.collation import sort_key
from ...core.numbers import number
from ...core.schema import REGIONS, RESULTS
from ...core.typography import html_text as text  # print helper (issue 12): typography
from .. import i18n_adapter as i18n
from .. import requirements
from ..context_adapter import context
from .config import CatalogueConfig

KINDS = {
    "prirucky": "handbook",
    "manualy": "manual",
    "letaky": "leaflet",
    "metodiky": "methodology",
    "zpravy": "report",
    "projekty": "project",
}
MARKER = "<!-- prirucka:catalogue -->"


class CataloguePlugin(BasePlugin[CatalogueConfig]):
    def __init__(self) -> None:
        self.pages: list[documents.Page] = []

    @event_priority(-110)  # after i18n (-100) set this pass's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-catalogue")
        ctx = context(config)
        if self.pages is ctx.documents:
            return config  # the same context: a further language pass
        # Invalid front matter is reported by prirucka-documents; the valid pages are listed here.
        self.pages = ctx.documents
        self.by_key = {(p.lang, p.path): p for p in self.pages}
        self.backlinks = catalogue.backlinks(self.pages)
        self.related = catalogue.related(self.pages)
        return config

    @event_priority(-110)  # after i18n (-100) chose this language's files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        lang = i18n.current_language(config)
        folder = self.config.folder
        title = ui.text(lang, "catalogue")
        index = f"---\ntitle: {title}\norder: {self.config.order}\n---\n\n# {title}\n\n{ui.text(lang, 'catalogue_intro')}\n\n{MARKER}\n"
        i18n.add_generated_page(files, config, f"{folder}/index.md", index)
        for number_, (slug, kind) in enumerate(KINDS.items(), start=1):
            name = ui.text(lang, f"kinds.{kind}")
            body = f"---\ntitle: {name}\norder: {number_}\n---\n\n# {name}\n\n{ui.text(lang, 'kinds_intro')}\n\n{MARKER}\n"
            i18n.add_generated_page(files, config, f"{folder}/{slug}.md", body)
        return files

    def _url(self, config: MkDocsConfig, page: Page, target: documents.Page) -> str:
        return get_relative_url(
            i18n.language_prefix(config, target.lang) + target.url_path, page.url
        )

    def on_page_content(
        self, html_text: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        lang = i18n.current_language(config)
        path = i18n.norm_path(page.file)
        folder = self.config.folder + "/"
        if path.startswith(folder) and MARKER in html_text:
            slug = path[len(folder) : -len(".md")]
            content = (
                self._overview(lang, page, config)
                if slug == "index"
                else self._kind(lang, KINDS[slug], page, config)
            )
            return html_text.replace(MARKER, content)
        written = i18n.source_language(page.file, config)
        key = (written, path)
        if key not in self.by_key:
            return html_text
        extra = []
        if self.config.related and self.related.get(key):
            extra.append(self._list(lang, "related", self.related[key], page, config))
        if self.config.backlinks and self.backlinks.get(key):
            extra.append(self._list(lang, "referenced_from", self.backlinks[key], page, config))
        if not extra:
            return html_text
        block = f'<nav class="prirucka-connections" lang="{lang}">{"".join(extra)}</nav>'
        # Before "How to cite", which closes the page.
        cite = html_text.find('<aside class="prirucka-cite"')
        return html_text[:cite] + block + html_text[cite:] if cite >= 0 else html_text + block

    def _list(self, lang: str, label: str, keys: list, page: Page, config: MkDocsConfig) -> str:
        items = "".join(
            f'<li><a href="{html.escape(self._url(config, page, self.by_key[k]))}">{text(self.by_key[k].meta.title, lang)}</a></li>'
            for k in keys
        )
        return f'<p class="prirucka-connections__title">{html.escape(ui.text(lang, label))}</p><ul>{items}</ul>'

    def _of_kind(self, lang: str, kind: str) -> list[documents.Page]:
        chosen = [p for p in self.pages or [] if p.lang == lang and p.meta.type == kind]
        key = sort_key(lang)
        return sorted(chosen, key=lambda p: (p.path.split("/")[0], key(p.meta.title.lstrip("…. "))))

    def _overview(self, lang: str, page: Page, config: MkDocsConfig) -> str:
        rows = []
        for slug, kind in KINDS.items():
            count = len(self._of_kind(lang, kind))
            href = get_relative_url(
                i18n.language_prefix(config, lang) + f"{self.config.folder}/{slug}/", page.url
            )
            rows.append(
                f'<li><a href="{href}">{html.escape(ui.text(lang, "kinds." + kind))}</a> ({count} {ui.text(lang, "documents")})</li>'
            )
        return f"<ul>{''.join(rows)}</ul>"

    def _kind(self, lang: str, kind: str, page: Page, config: MkDocsConfig) -> str:
        t = lambda key: html.escape(ui.text(lang, key))  # noqa: E731
        rows = []
        for document in self._of_kind(lang, kind):
            meta = document.meta
            audience = ", ".join(ui.text(lang, f"audience.{a}") for a in meta.audience)
            date = ui.date(lang, meta.date.isoformat()) if meta.date else ""
            rows.append(
                f'<tr><td><a href="{html.escape(self._url(config, page, document))}">{text(meta.title, lang)}</a>'
                f"<br><small>{text(meta.description, lang)}</small></td>"
                f"<td>{html.escape(audience)}</td><td>{date}</td><td>{html.escape(', '.join(meta.tags))}</td></tr>"
            )
        table = (
            f"<table><thead><tr><th>{t('column.document')}</th><th>{t('column.audience')}</th>"
            f"<th>{t('column.date')}</th><th>{t('column.tags')}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
        if kind != "project":
            return table
        return table + self._projects(lang, page, config)

    def _projects(self, lang: str, page: Page, config: MkDocsConfig) -> str:
        t = lambda key: html.escape(ui.text(lang, key))  # noqa: E731
        summary = catalogue.projects(self.pages or [], lang)
        total_projects = len(self._of_kind(lang, "project"))
        out = []
        if summary.totals:
            out.append(f'<h2>{t("results_total")}</h2><dl class="prirucka-results">')
            for key, value in summary.totals.items():
                note = ui.text(
                    lang,
                    "results_reported",
                    count=str(summary.counted[key]),
                    total=str(total_projects),
                )
                out.append(
                    f'<div><dd class="prirucka-results__value">{number(lang, value)}</dd> '
                    f"<dt>{html.escape(RESULTS[key][lang])} <small>({html.escape(note)})</small></dt></div>"
                )
            out.append("</dl>")
            key = max(summary.counted, key=lambda k: (summary.counted[k], summary.totals[k]))
            items = [
                (p.meta.title, next(r.value for r in p.meta.results if r.key == key))
                for p in self._of_kind(lang, "project")
                if any(r.key == key for r in p.meta.results)
            ]
            label = RESULTS[key][lang]
            out.append(
                chart.bar_chart(
                    ui.text(lang, "chart_title", label=label[:1].upper() + label[1:]), items, lang
                )
            )
        for heading, groups, name in (
            ("by_region", summary.by_region, lambda code: REGIONS[code][lang]),
            ("by_target_group", summary.by_target_group, lambda group: group),
        ):
            if not groups:
                continue
            out.append(f"<h2>{t(heading)}</h2><dl>")
            for group in sorted(groups, key=lambda g: name(g)):
                links = ", ".join(
                    f'<a href="{html.escape(self._url(config, page, p))}">{text(p.meta.title, lang)}</a>'
                    for p in groups[group]
                )
                out.append(f"<dt>{html.escape(name(group))}</dt><dd>{links}</dd>")
            out.append("</dl>")
        return "".join(out)
