"""`prirucka check`: findings as text, JSON or GitHub Actions annotations."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import click

from . import check_html
from .core import checks, manifest
from .core import glossary as glossary_module
from .core.errors import AuthorError
from .core.findings import Finding
from .core.project import Project

FORMATS = ("text", "json", "github")


def _pages(project: Project, arguments: tuple[str, ...]) -> list[tuple[str, str]]:
    """(language, path) of the pages to check: all, or those under the given paths."""
    every = [
        (lang, file.relative_to(project.language_dir(lang)).as_posix())
        for lang in project.languages
        for file in sorted(project.language_dir(lang).rglob("*.md"))
    ]
    if not arguments:
        return every
    chosen = []
    for argument in arguments:
        target = Path(argument).resolve()
        if not target.exists():
            raise click.UsageError(f"{argument}: no such file or folder")
        for lang, path in every:
            file = (project.language_dir(lang) / path).resolve()
            if file == target or file.is_relative_to(target):
                chosen.append((lang, path))
    return list(dict.fromkeys(chosen))


def run(project: Project, arguments: tuple[str, ...], strict: bool, output: str) -> int:
    pages = _pages(project, arguments)
    settings = checks.Settings.from_project(project)
    findings: list[Finding] = []
    glossary = None
    glossary_path = project.handbook_dir / "glossary.yml"
    if glossary_path.is_file():
        try:
            glossary = glossary_module.load(glossary_path)
        except AuthorError as error:
            findings.append(
                Finding(
                    str(Path(error.path)), error.line or 1, 1, "error", "glossary", error.message
                )
            )
    publications = {path.stem for path in manifest.manifest_paths(project.handbook_dir)}
    for lang, path in pages:
        findings += checks.check_page(project, lang, path, settings, glossary, publications)
        findings += check_html.page_findings(project, lang, path)
    findings += check_html.svg_findings(project, arguments)
    findings += checks.missing_translations(project, set(pages) if arguments else None)
    if strict:
        findings = [
            Finding(f.path, f.line, f.col, "error", f.code, f.message, f.hint)
            if f.level == "warning"
            else f
            for f in findings
        ]
    findings.sort(key=lambda f: (f.path, f.line, f.col, f.code))
    counts = {
        level: sum(1 for f in findings if f.level == level)
        for level in ("error", "warning", "info")
    }
    files = len({f.path for f in findings})
    summary = (
        f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} note(s)"
        f" in {files} file(s); {len(pages)} page(s) checked"
    )
    if output == "json":
        click.echo(
            json.dumps(
                {
                    "version": 1,
                    "summary": {**counts, "files": files, "pages": len(pages)},
                    "findings": [f.__dict__ for f in findings],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    elif output == "github":
        kinds = {"error": "error", "warning": "warning", "info": "notice"}
        for f in findings:
            message = f"{f.message} ({f.hint})" if f.hint else f.message
            message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            click.echo(
                f"::{kinds[f.level]} file={f.path},line={f.line},col={f.col},title={f.code}::{message}"
            )
        click.echo(summary)
    else:
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for f in findings:
            grouped[f.path].append(f)
        for path, items in grouped.items():
            click.echo(click.style(path, bold=True))
            for f in items:
                click.echo(f"  {f}")
            click.echo("")
        click.echo(summary)
    return 1 if counts["error"] else 0
