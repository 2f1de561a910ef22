"""prirucka-checks: the build reports the link, heading and file findings of `prirucka check`.

Same core function (core.links.check) as the command, so a broken link fails
`mkdocs build --strict` with file, line and column; file names that make poor
web addresses are warned about too. (Front matter is checked by
prirucka-documents, terminology by prirucka-glossary; personal data only by
`prirucka check`, which an editor runs before publishing.)
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ...core import links
from ...core.checks import allowed_codes
from ...core.generated import generated_pages
from .. import i18n_adapter as i18n
from .. import requirements
from ..context_adapter import context
from .config import ChecksConfig

log = get_plugin_logger(__name__)
_LOG = {"error": log.error, "warning": log.warning, "info": log.info}


class ChecksPlugin(BasePlugin[ChecksConfig]):
    @event_priority(-110)  # after i18n (-100) set this pass's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-checks")
        ctx = context(config)
        if not i18n.in_nested_build(config):  # once per build, not per language
            for finding in ctx.problems("file-name", "manifest-extension"):
                _LOG[finding.level](str(finding))
        self.ctx = ctx
        self.generated = generated_pages(ctx.project.plugin_configs)
        return config

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        lang = i18n.current_language(config)
        if page.file.abs_src_path is None or i18n.source_language(page.file, config) != lang:
            return markdown  # generated, or a fallback copy checked in its own language
        source = self.ctx.page(lang, i18n.norm_path(page.file))
        if source is None or source.doc is None:
            return markdown
        doc = source.doc
        project = self.ctx.project
        accepted = allowed_codes(doc.body)
        for finding in links.check(
            self.ctx.shown(source.file),
            doc.body,
            lang,
            source.path,
            project.docs_dir,
            project.languages,
            doc.body_line,
            self.generated,
            self.ctx,
        ):
            if finding.code in accepted.get(finding.line - doc.body_line + 1, set()):
                continue
            _LOG[finding.level](str(finding))
        return markdown
