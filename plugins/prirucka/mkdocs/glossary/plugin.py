"""prirucka-glossary: one terminology for both languages, on the site.

The term base (handbook/glossary.yml, core.glossary) is used three ways here:
the `prirucka_glossary` Markdown extension explains abbreviations and terms
where they are used; every page is checked for variants to avoid (a build
warning with file and line, so `--strict` fails); and a glossary page per
language lists the terms in that language's alphabetical order.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ...core import glossary as glossary_module
from ...core import languages as ui
from ...core.cache import Memo, file_digest
from ...core.offload import Pending
from .. import i18n_adapter as i18n
from .. import requirements
from ..context_adapter import context, helper
from ..templates import place_templates, render
from .config import GlossaryConfig

log = get_plugin_logger(__name__)
EXTENSION = "prirucka_glossary"
MARKER = "<!-- prirucka:glossary -->"
TEMPLATES = Path(__file__).parent / "templates"


class GlossaryPlugin(BasePlugin[GlossaryConfig]):
    def __init__(self) -> None:
        self.glossary: glossary_module.Glossary | None = None

    @event_priority(-110)  # after i18n (-100) set this pass's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-glossary")
        self.ctx = context(config)
        place_templates(config, TEMPLATES)
        errors = self.ctx.problems("glossary")
        if errors:
            raise PluginError("\n".join(f.short() for f in errors))
        self.glossary = self.ctx.glossary
        glossary_path = self.ctx.project.glossary_path
        # A page's findings depend only on its text, its source's and the glossary.
        self.digest = file_digest(glossary_path) if glossary_path.is_file() else "-"
        self.memo = Memo(self.ctx.project.cache_dir / "glossary-findings", self.digest)
        self.findings: list[Pending] = []
        if self.glossary is None:
            log.warning(
                f"no glossary at {self.config.glossary}; terms are not explained or checked"
            )
            return config
        if EXTENSION in config.markdown_extensions:
            # The extension takes the loaded glossary itself: it is not read again.
            options = config.mdx_configs.setdefault(EXTENSION, {})
            options["glossary"] = str(self.ctx.project.glossary_path)
            options["terms"] = self.glossary
        return config

    @event_priority(-110)  # after i18n (-100) chose this language's files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.glossary is None:
            return files
        lang = i18n.current_language(config)
        title = ui.text(lang, "glossary")
        body = (
            f"---\ntitle: {title}\norder: {self.config.order}\n---\n\n# {title}\n\n"
            f"{ui.text(lang, 'glossary_intro')}\n\n{MARKER}\n"
        )
        i18n.add_generated_page(files, config, self.config.page, body)
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.glossary is None or not self.config.check or page.file.abs_src_path is None:
            return markdown
        lang = i18n.current_language(config)
        if i18n.source_language(page.file, config) != lang:
            return markdown  # a fallback copy: checked in its own language
        page_source = self.ctx.page(lang, i18n.norm_path(page.file))
        if page_source is None or page_source.doc is None:
            return markdown
        doc = page_source.doc
        source = None
        original = self.ctx.page("cs", i18n.norm_path(page.file)) if lang == "en" else None
        if original is not None and original.doc is not None:
            source = (
                "cs",
                original.doc.body,
                self.ctx.shown(original.file),
                original.doc.body_line,
            )
        shown = self.ctx.shown(page_source.file)
        # Made beside the build where a core is idle; reported when the pass ends.
        self.findings.append(
            helper(config).remember(
                self.memo,
                (shown, doc.body, lang, str(doc.body_line), json.dumps(source)),
                lambda: [
                    str(f)
                    for f in self.glossary.check(shown, doc.body, lang, doc.body_line, source)
                ],
                glossary_module.page_findings,
                str(self.ctx.project.glossary_path),
                self.digest,
                shown,
                doc.body,
                lang,
                doc.body_line,
                source,
            )
        )
        return markdown

    @event_priority(0)  # before i18n (-100) starts the next language's pass
    def on_post_build(self, config: MkDocsConfig) -> None:
        # Each pass reports its own findings, made by now or waited for here.
        findings, self.findings = self.findings, []
        for pending in findings:
            for finding in pending.result():
                log.warning(finding)

    def on_page_content(
        self, html_text: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.glossary is None or i18n.norm_path(page.file) != self.config.page:
            return html_text
        return html_text.replace(MARKER, self._page(i18n.current_language(config), page, config))

    def _page(self, lang: str, page: Page, config: MkDocsConfig) -> str:
        other = next((code for code in i18n.build_languages(config) if code != lang), None)
        counterpart = ""
        if other:
            counterpart = get_relative_url(
                i18n.language_prefix(config, other)
                + page.file.url[len(i18n.language_prefix(config, lang)) :],
                page.url,
            )
        letters: list[dict] = []
        for entry in glossary_module.sorted_entries(self.glossary.entries, lang):
            side = entry.sides[lang]
            first = glossary_module.initial(side.term, lang)
            if not letters or letters[-1]["letter"] != first:
                letters.append({"letter": first, "entries": []})
            theirs = entry.sides.get(other) if other else None
            letters[-1]["entries"].append(
                {
                    "id": entry.id,
                    "term": side.term,
                    "abbr": side.abbr,
                    "definition": side.definition,
                    "other": {
                        "lang": other,
                        "label": ui.text(lang, "glossary_other"),
                        "term": theirs.term,
                        "href": f"{counterpart}#{entry.id}",
                    }
                    if theirs is not None
                    else None,
                    "avoid_label": ui.text(lang, "glossary_avoid"),
                    "avoid": [variant.text for variant in side.avoid],
                }
            )
        return render(config, "glossary", lang=lang, letters=letters)
