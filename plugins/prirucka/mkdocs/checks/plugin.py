"""prirucka-checks: the build reports the link, heading and HTML findings of `prirucka check`.

Same core function (core.links.check) as the command, so a broken link or a
pasted <script> fails `mkdocs build --strict` with file, line and column.
(Front matter is checked by prirucka-documents, terminology by
prirucka-glossary; personal data only by `prirucka check`, which an editor runs
before publishing.)
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ...core import frontmatter, links
from ...core import project as project_module
from ...core.checks import allowed_codes
from ...core.generated import generated_pages
from .. import i18n_adapter as i18n
from .. import requirements
from .config import ChecksConfig

log = get_plugin_logger(__name__)
_LOG = {"error": log.error, "warning": log.warning, "info": log.info}


class ChecksPlugin(BasePlugin[ChecksConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-checks")
        self.project = project_module.load(config.config_file_path)
        self.generated = generated_pages(self.project.plugin_configs)
        return config

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        lang = i18n.current_language(config)
        if page.file.abs_src_path is None or i18n.source_language(page.file, config) != lang:
            return markdown  # generated, or a fallback copy checked in its own language
        path = i18n.norm_path(page.file)
        doc = frontmatter.read(page.file.abs_src_path)
        shown = (
            Path(page.file.abs_src_path)
            .resolve()
            .relative_to(self.project.root.resolve())
            .as_posix()
        )
        accepted = allowed_codes(doc.body)
        for finding in links.check(
            shown,
            doc.body,
            lang,
            path,
            self.project.docs_dir,
            self.project.languages,
            doc.body_line,
            self.generated,
        ):
            if finding.code in accepted.get(finding.line - doc.body_line + 1, set()):
                continue
            _LOG[finding.level](str(finding))
        return markdown
