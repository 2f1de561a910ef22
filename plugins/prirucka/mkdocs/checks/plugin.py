"""prirucka-checks: the build reports the link, heading and HTML findings of `prirucka check`.

Same core functions (core.links.check, core.sanitize) as the command, so a
broken link or a pasted <script> fails `mkdocs build --strict` with file,
line and column. Unsafe HTML is removed from the page even without
`--strict`, and an unsafe SVG file is not published.
(Front matter is checked by prirucka-documents, terminology by
prirucka-glossary; personal data only by `prirucka check`, which an editor runs
before publishing.)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ...core import frontmatter, links, sanitize
from ...core import project as project_module
from ...core.checks import allowed_codes
from ...core.errors import AuthorError
from ...core.findings import Finding
from ...core.generated import generated_pages
from .. import i18n_adapter as i18n
from .config import ChecksConfig

log = get_plugin_logger(__name__)
_LOG = {"error": log.error, "warning": log.warning, "info": log.info}


class ChecksPlugin(BasePlugin[ChecksConfig]):
    def __init__(self) -> None:
        super().__init__()
        self._svg_reported: set[str] = set()  # once per build, not once per language pass

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
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

    @event_priority(100)  # first: judge the editor's HTML before plugins add their trusted boxes
    def on_page_content(
        self, html_text: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        cleaned = sanitize.clean(html_text)
        if not cleaned.problems:
            return html_text
        source = page.file.abs_src_path
        if source is None:
            for problem in cleaned.problems:
                log.error(f"docs/{page.file.src_uri}: error: html-unsafe: {problem.message}")
        elif i18n.source_language(page.file, config) == i18n.current_language(config):
            # (a fallback copy is reported in its own language's pass)
            try:
                doc = frontmatter.read(source)
            except AuthorError:
                doc = frontmatter.Document(Path(source))
            shown = self._shown(source)
            for finding in sanitize.findings(shown, cleaned.problems, doc.body, doc.body_line):
                log.error(str(finding))
        return cleaned.html

    @event_priority(-110)  # after i18n (-100) chose this language's files: none comes back
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for file in list(files):
            if file.abs_src_path and file.src_uri.lower().endswith(".svg"):
                findings = _svg_findings(self._shown(file.abs_src_path), file.abs_src_path)
                if findings:
                    files.remove(file)
                    self._report(findings)
        logos = self.project.handbook_dir / "logos"
        if logos.is_dir():
            for logo in sorted(logos.rglob("*")):
                if logo.suffix.lower() == ".svg" and logo.is_file():
                    self._report(_svg_findings(self._shown(logo), str(logo), logo=True))
        return files

    def _shown(self, path: str | Path) -> str:
        try:
            return Path(path).resolve().relative_to(self.project.root.resolve()).as_posix()
        except ValueError:
            return str(path)

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
