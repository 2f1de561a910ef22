"""`prirucka check`: unsafe HTML judged on the rendered page, and unsafe SVG files.

The page is rendered with the site's own Markdown extensions (as print does)
and its HTML judged by `core.sanitize`, like the build. Rendering every page
would make the check slow, so only pages whose source could produce
something outside the allow-list are rendered (`sanitize.may_be_unsafe`).
"""

from __future__ import annotations

from pathlib import Path

from .core import sanitize
from .core.errors import AuthorError
from .core.findings import Finding
from .core.frontmatter import Document
from .core.project import Project
from .core.textfile import outside

SVG_FOLDERS = ("docs", "handbook/logos")


def _shown(project: Project, path: Path) -> str:
    try:
        return path.resolve().relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return str(path)


def render(project: Project, lang: str, path: str, doc: Document) -> str | None:
    """The page's HTML as the site renders it; None when a block mistake stops Markdown."""
    # Imported here: most pages never need rendering, and it is the slow import of `check`.
    from .print.chapter import markdown_to_html

    shown = _shown(project, project.language_dir(lang) / path)
    try:
        return markdown_to_html(doc.body, lang, project, shown, doc.body_line)
    except AuthorError:
        return None  # the build reports the block mistake; nothing of the page is published


def html_findings(project: Project, lang: str, path: str, doc: Document) -> list[Finding]:
    """`html-unsafe` errors of one page (docs/<lang>/<path>), at the lines that cause them."""
    if not sanitize.may_be_unsafe(doc.body):
        return []
    html = render(project, lang, path, doc)
    if html is None:
        return []
    shown = _shown(project, project.language_dir(lang) / path)
    return sanitize.findings(shown, sanitize.problems(html), doc.body, doc.body_line)


def svg_files(project: Project) -> list[Path]:
    """Every SVG file the site publishes or the PDFs use."""
    found = []
    for folder in (project.docs_dir, project.handbook_dir / "logos"):
        if folder.is_dir():
            found += [
                p
                for p in folder.rglob("*")
                if p.suffix.lower() == ".svg" and p.is_file() and not outside(p, project.root)
            ]
    return sorted(found)


def svg_findings(project: Project, arguments: tuple[str, ...] = ()) -> list[Finding]:
    """`svg-unsafe` errors of the SVG files (those under `arguments`, when given)."""
    targets = [Path(argument).resolve() for argument in arguments]
    findings: list[Finding] = []
    for file in svg_files(project):
        resolved = file.resolve()
        if targets and not any(resolved == t or resolved.is_relative_to(t) for t in targets):
            continue
        try:
            data = file.read_bytes()
        except OSError:
            continue
        logo = file.resolve().is_relative_to(project.handbook_dir.resolve())
        consequence = sanitize.LOGO_CONSEQUENCE if logo else "the image is not published"
        findings += sanitize.svg_findings(_shown(project, file), data, consequence)
    return findings
