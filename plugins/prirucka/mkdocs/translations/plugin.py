"""prirucka-translations: readers see when a translation is behind its original.

The state of every page comes from core.translation, the same function as
`prirucka status`; this plugin only shows it: a notice on outdated
translations and an editors' status page per language.
"""

from __future__ import annotations

import html

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
from .config import TranslationsConfig

log = get_plugin_logger(__name__)


class TranslationsPlugin(BasePlugin[TranslationsConfig]):
    def __init__(self) -> None:
        self.entries: list[translation.PageStatus] | None = None

    @event_priority(-110)  # after i18n (-100) set this pass's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-translations")
        ctx = context(config)
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
        notice = ui.text(
            lang, "outdated_notice", language=language, date=ui.date(lang, entry.source_updated)
        )
        return (
            f'<aside class="prirucka-notice prirucka-notice--outdated" lang="{lang}" role="note" '
            f'aria-label="{html.escape(ui.text(lang, "outdated_label"))}"><p>{html.escape(notice)} '
            f'<a href="{html.escape(original)}" hreflang="{entry.source_lang}">{html.escape(ui.text(lang, "read_original"))}</a>.</p></aside>\n'
            + html_text
        )

    def _table(self, lang: str, page: Page, config: MkDocsConfig) -> str:
        t = lambda key: html.escape(ui.text(lang, key))  # noqa: E731
        rows = []
        for entry in self.entries or []:
            target = i18n.language_prefix(config, entry.lang) + _url_path(entry.path)
            link = get_relative_url(target, page.url)
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
                f'<tr class="prirucka-state--{entry.state}"><td><a href="{html.escape(link)}">{html.escape(entry.path)}</a></td>'
                f"<td>{entry.lang}</td><td>{t('state.' + entry.state)}</td><td>{html.escape(details)}</td></tr>"
            )
        totals = []
        for code, table in translation.counts(
            self.entries or [], sorted({e.lang for e in self.entries or []})
        ).items():
            summary = ", ".join(
                f"{n} {ui.text(lang, 'state.' + state)}" for state, n in table.items() if n
            )
            totals.append(f"<li><strong>{code}</strong>: {html.escape(summary)}</li>")
        return (
            f"<p><strong>{t('totals')}</strong></p><ul>{''.join(totals)}</ul>"
            f"<table><thead><tr><th>{t('column.page')}</th><th>{t('column.language')}</th>"
            f"<th>{t('column.state')}</th><th>{t('column.details')}</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )


def _url_path(path: str) -> str:
    stem = path[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"
