"""prirucka-catalogue: the pages connected into a knowledge base.

An overview page per document type and language (projects also by region and
target group, with their results added up and charted), and on every page the
pages that link to it and its related documents (shared tags, same project).
All of it comes from core.catalogue over the typed front matter; the HTML is
the partials catalogue-overview.html, catalogue-kind.html,
catalogue-projects.html and connections.html (templates/partials/prirucka/).

Documents are counted as readers count them: the pages of one publication are
one document with its chapters. A reader sees every document they can open in
their language's part of the site, including those written only in the other
language (marked with the language they are in).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ...core import catalogue, chart, documents
from ...core import languages as ui
from ...core.collation import sort_key
from ...core.errors import AuthorError
from ...core.factbox import capitalised
from ...core.numbers import number
from ...core.ordering import page_order
from ...core.schema import REGIONS, RESULTS, TYPES
from .. import i18n_adapter as i18n
from .. import requirements
from ..context_adapter import context
from ..templates import place_templates, render, trusted
from .config import CatalogueConfig

TEMPLATES = Path(__file__).parent / "templates"
# Folder slug of each kind's overview page; kinds the schema does not know are left out.
KINDS = {
    slug: kind
    for slug, kind in {
        "prirucky": "handbook",
        "manualy": "manual",
        "letaky": "leaflet",
        "metodiky": "methodology",
        "zpravy": "report",
        "projekty": "project",
    }.items()
    if kind in TYPES
}
MARKER = "<!-- prirucka:catalogue -->"
Key = tuple[str, str]


class CataloguePlugin(BasePlugin[CatalogueConfig]):
    def __init__(self) -> None:
        self.pages: list[documents.Page] = []

    @event_priority(-110)  # after i18n (-100) set this pass's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-catalogue")
        ctx = context(config)
        place_templates(config, TEMPLATES)
        if self.pages is ctx.documents:
            return config  # the same context: a further language pass
        # Invalid front matter is reported by prirucka-documents; the valid pages are listed here.
        self.ctx = ctx
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

    # --- what a reader of `lang` can open ---------------------------------------------

    def _shown(self, lang: str, key: Key) -> tuple[documents.Page, str | None]:
        """The page a link to `key` opens for a reader of `lang`: its translation if there
        is one, else the original (served under the reader's URL, in its own language)."""
        translated = self.by_key.get((lang, key[1]))
        if translated is not None:
            return translated, None
        original = self.by_key[key]
        return original, original.lang if original.lang != lang else None

    def _href(self, config: MkDocsConfig, page: Page, lang: str, target: documents.Page) -> str:
        # Under the reader's prefix: an untranslated page is served there with a notice.
        return get_relative_url(i18n.language_prefix(config, lang) + target.url_path, page.url)

    def _link(self, config: MkDocsConfig, page: Page, lang: str, key: Key) -> dict:
        target, written = self._shown(lang, key)
        return {
            "title": target.meta.title,
            "href": self._href(config, page, lang, target),
            "lang": written,
        }

    def _visible(self, lang: str, kind: str) -> list[documents.Page]:
        """Documents of `kind` a reader of `lang` can open: theirs, and the other
        language's that have no translation."""
        own = [p for p in self.pages if p.lang == lang and p.meta.type == kind]
        paths = {p.path for p in self.pages if p.lang == lang}
        others = [
            p for p in self.pages if p.lang != lang and p.meta.type == kind and p.path not in paths
        ]
        # One copy per path when several other languages have it: the default language's first.
        seen: set[str] = set()
        fallbacks = []
        for p in sorted(others, key=lambda p: p.lang != self.ctx.project.default_language):
            if p.path not in seen:
                seen.add(p.path)
                fallbacks.append(p)
        return own + fallbacks

    def _order(self, page: documents.Page) -> float:
        source = self.ctx.page(page.lang, page.path)
        try:
            return page_order(source.doc) if source and source.doc else float("inf")
        except AuthorError:  # reported by prirucka-navigation
            return float("inf")

    def _entries(self, lang: str, kind: str) -> list[catalogue.Entry]:
        entries = catalogue.document_entries(self._visible(lang, kind), self._order)
        key = sort_key(lang)
        return sorted(
            entries,
            key=lambda e: (e.page.path.split("/")[0], key(e.page.meta.title.lstrip("…. "))),
        )

    # --- pages ---------------------------------------------------------------------------

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
        lists = []
        if self.config.related and self.related.get(key):
            lists.append(("related", self.related[key]))
        if self.config.backlinks:
            linked = list(self.backlinks.get(key, []))
            if written != lang:
                # Pages in the reader's language that link to this untranslated page.
                linked += [k for k in self._links_to(lang, path) if k not in linked]
            if linked:
                lists.append(("referenced_from", linked))
        if not lists:
            return html_text
        block = render(
            config,
            "connections",
            lang=lang,
            label=ui.text(lang, "connections"),
            lists=[
                {
                    "title": ui.text(lang, name),
                    "items": _unique(self._link(config, page, lang, k) for k in keys),
                }
                for name, keys in lists
            ],
        )
        # Before "How to cite", which closes the page.
        cite = html_text.find('<aside class="prirucka-cite"')
        return html_text[:cite] + block + html_text[cite:] if cite >= 0 else html_text + block

    def _links_to(self, lang: str, path: str) -> list[Key]:
        return [
            (p.lang, p.path)
            for p in self.pages
            if p.lang == lang and path in catalogue.links_of(p) and p.path != path
        ]

    def _overview(self, lang: str, page: Page, config: MkDocsConfig) -> str:
        kinds = []
        for slug, kind in KINDS.items():
            count = len(self._entries(lang, kind))
            kinds.append(
                {
                    "title": ui.text(lang, "kinds." + kind),
                    "href": get_relative_url(
                        i18n.language_prefix(config, lang) + f"{self.config.folder}/{slug}/",
                        page.url,
                    ),
                    "number": count,
                    "count": ui.counted(lang, "document", count),
                }
            )
        return render(config, "catalogue-overview", kinds=kinds)

    def _kind(self, lang: str, kind: str, page: Page, config: MkDocsConfig) -> str:
        entries = []
        for entry in self._entries(lang, kind):
            document = entry.page
            meta = document.meta
            written = document.lang if document.lang != lang else None
            entries.append(
                {
                    "title": meta.title,
                    "href": self._href(config, page, lang, document),
                    "lang": written,
                    "language": ui.text(lang, f"in_language.{written}") if written else "",
                    "description": meta.description,
                    "audience": ", ".join(ui.text(lang, f"audience.{a}") for a in meta.audience),
                    "date": ui.date(lang, meta.date.isoformat()) if meta.date else "",
                    "tags": ", ".join(meta.tags),
                    "chapters": [
                        {
                            "title": chapter.meta.title,
                            "href": self._href(config, page, lang, chapter),
                            "lang": written,
                        }
                        for chapter in entry.chapters
                    ],
                    "chapters_label": ui.text(lang, "chapters"),
                }
            )
        columns = {
            name: ui.text(lang, f"column.{name}")
            for name in ("document", "audience", "date", "tags")
        }
        table = render(config, "catalogue-kind", lang=lang, columns=columns, entries=entries)
        if kind != "project":
            return table
        return table + self._projects(lang, page, config)

    def _projects(self, lang: str, page: Page, config: MkDocsConfig) -> str:
        visible = self._visible(lang, "project")
        # The reader's view: untranslated projects count too, as their original.
        as_reader = [dataclasses.replace(p, lang=lang) for p in visible]
        original = {id(copy): p for copy, p in zip(as_reader, visible, strict=True)}
        summary = catalogue.projects(as_reader, lang)
        totals = []
        chart_svg = chart_title = ""
        if summary.totals:
            for key, value in summary.totals.items():
                totals.append(
                    {
                        "label": capitalised(RESULTS[key][lang]),
                        "value": number(lang, value),
                        "note": ui.plural_text(
                            lang,
                            "results_reported",
                            summary.counted[key],
                            total=str(len(visible)),
                        ),
                    }
                )
            key = max(summary.counted, key=lambda k: (summary.counted[k], summary.totals[k]))
            order = sort_key(lang)
            items = [
                (p.meta.title, next(r.value for r in p.meta.results if r.key == key))
                for p in sorted(visible, key=lambda p: order(p.meta.title.lstrip("…. ")))
                if any(r.key == key for r in p.meta.results)
            ]
            label = capitalised(RESULTS[key][lang])
            chart_title = ui.text(lang, "chart_title", label=label)
            chart_svg = chart.bar_chart(chart_title, items, lang)

        def links(group: list[documents.Page]) -> list[dict]:
            return [self._link(config, page, lang, (original[id(p)].lang, p.path)) for p in group]

        groups = []
        for heading, found, name in (
            ("by_region", summary.by_region, lambda code: REGIONS[code][lang]),
            ("by_target_group", summary.by_target_group, lambda group: group),
        ):
            if not found:
                continue
            order = sort_key(lang)
            groups.append(
                {
                    "heading": ui.text(lang, heading),
                    "items": [
                        {"name": name(group), "links": links(found[group])}
                        for group in sorted(found, key=lambda g: order(name(g)))
                    ],
                }
            )
        return render(
            config,
            "catalogue-projects",
            totals_title=ui.text(lang, "results_total"),
            totals=totals,
            chart=trusted(chart_svg),
            chart_title=chart_title,
            groups=groups,
        )


def _unique(items) -> list[dict]:
    """Links without repeats (a page and its translation lead to the same place)."""
    seen: set[str] = set()
    result = []
    for item in items:
        if item["href"] not in seen:
            seen.add(item["href"])
            result.append(item)
    return result
