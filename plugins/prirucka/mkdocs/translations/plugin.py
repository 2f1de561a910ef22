"""prirucka-translations: readers see when a translation is behind its original.

The state of every page comes from core.translation, the same function as
`prirucka status`; this plugin only shows it: a notice on outdated
translations and an editors' status page per language (the partials
notice-outdated.html and translation-status.html).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ...core import languages as ui
from ...core import translation
from .. import i18n_adapter as i18n
from .. import requirements
from ..context_adapter import context
from ..templates import place_templates, render
from .config import TranslationsConfig

log = get_plugin_logger(__name__)
TEMPLATES = Path(__file__).parent / "templates"


class TranslationsPlugin(BasePlugin[TranslationsConfig]):
    def __init__(self) -> None:
        self.entries: list[translation.PageStatus] | None = None

    @event_priority(-110)  # after i18n (-100) set this pass's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-translations")
        ctx = context(config)
        place_templates(config, TEMPLATES)
        if self.entries is ctx.translation_status:
            return config  # the same context: a further language pass
        errors = ctx.problems("translation-record")
        if errors:
            raise PluginError(
                "invalid translation records:\n" + "\n".join(f.short() for f in errors)
            )
        self.entries = ctx.translation_status
        translation.add_history(self.entries, ctx, ctx.project.docs_dir)
        self.by_page = {(e.lang, e.path): e for e in self.entries}
        return config

    @event_priority(-110)  # after i18n (-100) chose this language's files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        lang = i18n.current_language(config)
        title = ui.text(lang, "translation_status")
        body = f"---\ntitle: {title}\nsearch:\n  exclude: true\n---\n\n# {title}\n\n{ui.text(lang, 'translation_status_intro')}\n\n<!-- prirucka:translation-status -->\n"
        i18n.add_generated_page(files, config, self.config.status_page, body, in_nav=False)
        return files

    def on_page_content(
        self, html_text: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        lang = i18n.current_language(config)
        path = i18n.norm_path(page.file)
        if path == self.config.status_page:
            return html_text.replace(
                "<!-- prirucka:translation-status -->", self._table(lang, page, config)
            )
        entry = self.by_page.get((lang, path))
        if (
            entry is None
            or entry.state != "outdated"
            or i18n.source_language(page.file, config) != lang
        ):
            return html_text
        original = get_relative_url(
            i18n.language_prefix(config, entry.source_lang)
            + page.file.url[len(i18n.language_prefix(config, lang)) :],
            page.url,
        )
        language = ui.text(lang, f"language_name.{entry.source_lang}")
        notice = {
            "lang": lang,
            "label": ui.text(lang, "outdated_label"),
            "text": ui.text(
                lang,
                "outdated_notice",
                language=language,
                date=ui.date(lang, entry.source_updated),
            ),
            "href": original,
            "source_lang": entry.source_lang,
            "link": ui.text(lang, "read_original"),
        }
        return render(config, "notice-outdated", notice=notice) + "\n" + html_text

    def _table(self, lang: str, page: Page, config: MkDocsConfig) -> str:
        rows = []
        for entry in self.entries or []:
            target = i18n.language_prefix(config, entry.lang) + _url_path(entry.path)
            details = entry.note
            if entry.state == "outdated":
                parts = []
                if entry.changed_sections:
                    parts.append(
                        f"{ui.text(lang, 'changed_sections')}: {', '.join(entry.changed_sections)}"
                    )
                if entry.source_updated:
                    parts.append(
                        f"{ui.text(lang, 'source_updated')} {ui.date(lang, entry.source_updated)}"
                    )
                details = "; ".join(parts)
            rows.append(
                {
                    "state": entry.state,
                    "href": get_relative_url(target, page.url),
                    "path": entry.path,
                    "lang": entry.lang,
                    "label": ui.text(lang, "state." + entry.state),
                    "details": details,
                }
            )
        totals = []
        for code, table in translation.counts(
            self.entries or [], sorted({e.lang for e in self.entries or []})
        ).items():
            totals.append(
                {
                    "lang": code,
                    "pages": ui.counted(lang, "webpage", sum(table.values())),
                    "states": [
                        {"label": ui.text(lang, "state." + state), "count": n}
                        for state, n in table.items()
                        if n
                    ],
                }
            )
        columns = {
            name: ui.text(lang, f"column.{name}")
            for name in ("page", "language", "state", "details")
        }
        return render(
            config,
            "translation-status",
            totals_title=ui.text(lang, "totals"),
            totals=totals,
            columns=columns,
            rows=rows,
        )


def _url_path(path: str) -> str:
    stem = path[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"
