"""prirucka-checks: the build reports the link, heading, file and HTML findings of
`prirucka check`.

Same core functions (core.links.check, core.sanitize) as the command, so a
broken link or a pasted <script> fails `mkdocs build --strict` with file,
line and column; file names that make poor web addresses are warned about
too. Unsafe HTML is removed from the page even without `--strict`, and an
unsafe SVG file is not published. (Front matter is checked by
prirucka-documents, terminology by prirucka-glossary; personal data only by
`prirucka check`, which an editor runs before publishing.)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ...core import links, sanitize
from ...core.findings import Finding
from ...core.generated import generated_pages
from ...core.mdtext import allow_markers
from .. import i18n_adapter as i18n
from .. import requirements
from ..context_adapter import context
from .config import ChecksConfig

log = get_plugin_logger(__name__)
_LOG = {"error": log.error, "warning": log.warning, "info": log.info}


class ChecksPlugin(BasePlugin[ChecksConfig]):
    def __init__(self) -> None:
        super().__init__()
        self._svg_reported: set[str] = set()  # once per build, not once per language pass

    @event_priority(-110)  # after i18n (-100) set this pass's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-checks")
        ctx = context(config)
        if not i18n.in_nested_build(config):  # once per build, not per language
            self._svg_reported = set()
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
        accepted = allow_markers(doc.body)
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

    @event_priority(100)  # first: judge the editor's HTML before plugins add their trusted boxes
    def on_page_content(
        self, html_text: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        cleaned = sanitize.clean(html_text)
        if not cleaned.problems:
            return html_text
        written = i18n.source_language(page.file, config)
        source = self.ctx.page(written, i18n.norm_path(page.file))
        if source is None or source.doc is None:
            for problem in cleaned.problems:
                log.error(f"docs/{page.file.src_uri}: error: html-unsafe: {problem.message}")
        elif written == i18n.current_language(config):
            # (a fallback copy is reported in its own language's pass)
            doc = source.doc
            shown = self.ctx.shown(source.file)
            for finding in sanitize.findings(shown, cleaned.problems, doc.body, doc.body_line):
                log.error(str(finding))
        return cleaned.html

    @event_priority(-110)  # after i18n (-100) chose this language's files: none comes back
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for file in list(files):
            if file.abs_src_path and file.src_uri.lower().endswith(".svg"):
                findings = _svg_findings(self.ctx.shown(Path(file.abs_src_path)), file.abs_src_path)
                if findings:
                    files.remove(file)
                    self._report(findings)
        logos = self.ctx.project.handbook_dir / "logos"
        if logos.is_dir():
            for logo in sorted(logos.rglob("*")):
                if logo.suffix.lower() == ".svg" and logo.is_file():
                    self._report(_svg_findings(self.ctx.shown(logo), str(logo), logo=True))
        return files

    def _report(self, findings: list[Finding]) -> None:
        """Each SVG finding once per build, though every language pass meets the file."""
        for finding in findings:
            if str(finding) not in self._svg_reported:
                self._svg_reported.add(str(finding))
                log.error(str(finding))


def _svg_findings(shown: str, path: str, logo: bool = False) -> list[Finding]:
    try:
        stat = Path(path).stat()
    except OSError:
        return []
    return _svg_findings_cached(shown, path, stat.st_mtime_ns, stat.st_size, logo)


@cache  # every language pass meets the same files
def _svg_findings_cached(
    shown: str, path: str, mtime_ns: int, size: int, logo: bool
) -> list[Finding]:
    consequence = sanitize.LOGO_CONSEQUENCE if logo else "the image is not published"
    return sanitize.svg_findings(shown, Path(path).read_bytes(), consequence)
